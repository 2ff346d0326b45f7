// django-prose-editor's own words (its link dialog's «Edit Link», «URL», «Update») in French.
// Its module reads the page's window.gettext once, when it loads, and the admin's catalog
// does not hold its strings; loaded before it (a classic script runs before any module),
// this wrapper looks first in window.proseEditorCatalog, which the «BodyBlock» extension
// fills from the labels the form gives (articles/body_editor.py).
;(function () {
  const base = window.gettext || ((msgid) => msgid)
  const catalog = (window.proseEditorCatalog = window.proseEditorCatalog || {})
  window.gettext = (msgid) => (Object.hasOwn(catalog, msgid) ? catalog[msgid] : base(msgid))
})()
