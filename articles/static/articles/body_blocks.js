// The article body's cards: a quote, a photo, a related article or an embed, inserted with a
// search-as-you-type picker from the editor's menu and shown as a card that cannot be typed
// into (a ProseMirror atom). In the editor's HTML each is an empty
// <div data-block="quote" data-id="12">, which articles/body.py turns into the body's
// typed blocks. Loaded by django-prose-editor's configurable preset (extension «BodyBlock»,
// settings.DJANGO_PROSE_EDITOR_EXTENSIONS); its options come from articles/forms.py: the
// two admin addresses and every label, in French.

import { Node } from "django-prose-editor/editor"

const KINDS = ["quote", "photo", "related", "embed"]
// A marker typed as a paragraph before the pickers existed: read as a card.
const MARKER = /^\s*\[(citation|photo|article|embed):\s*([^\]|]+?)\s*(?:\|\s*(.*?)\s*)?\]\s*$/
const MARKER_KINDS = { citation: "quote", photo: "photo", article: "related", embed: "embed" }

// The cards' and the picker's looks, beside this module.
document.head.append(
  Object.assign(document.createElement("link"), {
    rel: "stylesheet",
    href: new URL("body_blocks.css", import.meta.url).href,
  }),
)

const element = (tag, properties = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), properties)
  node.append(...children.filter((child) => child !== null && child !== undefined))
  return node
}

// The cards' contents, by "kind:id", fetched in one request for all the cards drawn at once.
class CardCache {
  constructor(url) {
    this.url = url
    this.known = new Map()
    this.waiting = new Map()
    this.timer = null
  }

  remember(kind, card) {
    this.known.set(`${kind}:${card.ref}`, card)
  }

  get(kind, ref) {
    const key = `${kind}:${ref}`
    if (this.known.has(key)) return Promise.resolve(this.known.get(key))
    if (!this.waiting.has(key)) {
      let settle
      const promise = new Promise((resolve) => {
        settle = resolve
      })
      this.waiting.set(key, { kind, ref, promise, settle })
      this.timer ??= setTimeout(() => this.load(), 0)
    }
    return this.waiting.get(key).promise
  }

  async load() {
    const batch = [...this.waiting.values()]
    this.waiting.clear()
    this.timer = null
    const params = new URLSearchParams()
    for (const kind of ["quote", "photo", "related"]) {
      const refs = batch.filter((item) => item.kind === kind).map((item) => item.ref)
      if (refs.length) params.set(kind, refs.join(","))
    }
    let found = {}
    try {
      const response = await fetch(`${this.url}?${params}`, { credentials: "same-origin" })
      if (response.ok) found = await response.json()
    } catch (error) {
      console.error(error)
    }
    for (const item of batch) {
      const card = found[item.kind]?.[item.ref] ?? null
      if (card) this.remember(item.kind, card)
      item.settle(card)
    }
  }
}

// What a card shows, as DOM: the same for the editor's cards and the picker's results.
function cardBody(kind, card, attrs, labels) {
  if (kind === "embed") {
    let provider = ""
    try {
      provider = new URL(attrs.url).hostname.replace(/^www\./, "")
    } catch {
      provider = ""
    }
    return [
      element("span", { className: "body-card__kind", textContent: labels.embed }),
      element("span", { className: "body-card__main", textContent: attrs.url }),
      provider ? element("span", { className: "body-card__meta", textContent: provider }) : null,
    ]
  }
  const kindLabel = element("span", { className: "body-card__kind", textContent: labels[kind] })
  if (!card) {
    return [
      kindLabel,
      element("span", {
        className: "body-card__main body-card__missing",
        textContent: labels.missing.replace("%(id)s", attrs.ref),
      }),
    ]
  }
  if (kind === "quote") {
    const who = [card.speaker, card.role].filter(Boolean).join(", ") || labels.unattributed
    return [
      kindLabel,
      element("span", { className: "body-card__main", textContent: `«\u00a0${card.text}\u00a0»` }),
      element("span", { className: "body-card__meta", textContent: `— ${who}` }),
    ]
  }
  if (kind === "photo") {
    const caption = attrs.caption || card.caption || labels.noCaption
    return [
      card.thumbnail
        ? element("img", {
            className: "body-card__thumbnail",
            src: card.thumbnail,
            alt: card.alt || "",
            loading: "lazy",
          })
        : null,
      kindLabel,
      element("span", { className: "body-card__main", textContent: caption }),
      element("span", {
        className: "body-card__meta",
        textContent: card.credit ? `${labels.credit} ${card.credit}` : labels.noCredit,
      }),
    ]
  }
  return [
    kindLabel,
    element("span", { className: "body-card__main", textContent: card.headline }),
    element("span", { className: "body-card__meta", textContent: card.status }),
  ]
}

// The picker: a small dialog with a search box and the cards found as one types (an
// address box for an embed). Resolves with the attributes of the block to insert, or null.
function pick(kind, options, cache) {
  const labels = options.labels
  return new Promise((resolve) => {
    const dialog = element("dialog", { className: "body-picker" })
    dialog.setAttribute("aria-label", labels.pickerTitles[kind])
    const input = element("input", {
      type: kind === "embed" ? "url" : "search",
      className: "body-picker__input",
      placeholder: labels.placeholders[kind],
      spellcheck: kind !== "embed",
    })
    input.setAttribute("aria-label", labels.placeholders[kind])
    const results = element("ul", { className: "body-picker__results" })
    results.setAttribute("role", "listbox")
    const status = element("p", { className: "body-picker__status" })
    status.setAttribute("aria-live", "polite")
    const cancel = element("button", {
      type: "button",
      className: "button body-picker__cancel",
      textContent: labels.cancel,
    })
    let done = false
    const finish = (value) => {
      if (done) return
      done = true
      dialog.close()
      dialog.remove()
      resolve(value)
    }
    cancel.addEventListener("click", () => finish(null))
    dialog.addEventListener("close", () => finish(null))
    dialog.addEventListener("click", (event) => {
      if (event.target === dialog) finish(null) // a click on the backdrop
    })

    // Checked here, with our message, not by the browser's bubble in its own language.
    const form = element("form", { method: "dialog", className: "body-picker__form", noValidate: true })
    form.append(
      element("h2", { textContent: labels.pickerTitles[kind] }),
      input,
      status,
      results,
      element("div", { className: "body-picker__buttons" }, cancel),
    )
    dialog.append(form)

    if (kind === "embed") {
      const insert = element("button", {
        type: "submit",
        className: "button default",
        textContent: labels.insert,
      })
      form.querySelector(".body-picker__buttons").prepend(insert)
      form.addEventListener("submit", (event) => {
        event.preventDefault()
        const url = input.value.trim()
        if (!/^https?:\/\/[^\s/]+\.[^\s]+/.test(url)) {
          status.textContent = labels.badUrl
          return
        }
        finish({ kind: "embed", url })
      })
    } else {
      let asked = 0
      const search = async () => {
        const number = ++asked
        const params = new URLSearchParams({ kind, q: input.value })
        let found = []
        try {
          const response = await fetch(`${options.searchUrl}?${params}`, {
            credentials: "same-origin",
          })
          const answer = await response.json()
          if (!response.ok) throw new Error(answer.error)
          found = answer.results
        } catch (error) {
          if (number === asked) status.textContent = String(error.message || error)
          return
        }
        if (number !== asked) return // an older answer, arrived late
        status.textContent = found.length ? "" : labels.nothingFound
        results.replaceChildren(
          ...found.map((card) => {
            cache.remember(kind, card)
            const button = element(
              "button",
              { type: "button", className: `body-card body-card--${kind} body-picker__result` },
              element(
                "span",
                { className: "body-card__content" },
                ...cardBody(kind, card, { ref: card.ref }, labels),
              ),
            )
            button.setAttribute("role", "option")
            button.addEventListener("click", () => finish({ kind, ref: String(card.ref) }))
            return element("li", {}, button)
          }),
        )
      }
      let timer = null
      input.addEventListener("input", () => {
        clearTimeout(timer)
        timer = setTimeout(search, 200)
      })
      form.addEventListener("submit", (event) => {
        event.preventDefault()
        results.querySelector("button")?.click() // Enter takes the first card
      })
      input.addEventListener("keydown", (event) => {
        if (event.key === "ArrowDown") {
          event.preventDefault()
          results.querySelector("button")?.focus()
        }
      })
      results.addEventListener("keydown", (event) => {
        const buttons = [...results.querySelectorAll("button")]
        const index = buttons.indexOf(document.activeElement)
        if (event.key === "ArrowDown") buttons[index + 1]?.focus()
        else if (event.key === "ArrowUp") (buttons[index - 1] ?? input).focus()
        else return
        event.preventDefault()
      })
      search()
    }
    document.body.append(dialog)
    dialog.showModal()
    input.focus()
  })
}

export const BodyBlock = Node.create({
  name: "bodyBlock",
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { searchUrl: "", cardsUrl: "", labels: {} }
  },

  addStorage() {
    return { cache: null }
  },

  onBeforeCreate() {
    this.storage.cache = new CardCache(this.options.cardsUrl)
    // django-prose-editor's own dialogs, in French (editor_i18n.js).
    window.proseEditorCatalog = Object.assign(window.proseEditorCatalog || {}, this.options.labels.catalog)
  },

  onCreate() {
    // The browser's spellcheck, in the page's language (NoSpellCheck is off, and this
    // says so rather than relying on the browser's default).
    this.editor.view.dom.setAttribute("spellcheck", "true")
  },

  addAttributes() {
    // Each attribute is a data-* attribute of the <div>.
    const attributes = { kind: "data-block", ref: "data-id", caption: "data-caption", url: "data-url" }
    return Object.fromEntries(
      Object.entries(attributes).map(([name, attribute]) => [
        name,
        {
          default: null,
          parseHTML: (node) => node.getAttribute(attribute),
          renderHTML: (attrs) => (attrs[name] ? { [attribute]: attrs[name] } : {}),
        },
      ]),
    )
  },

  parseHTML() {
    return [
      { tag: "div[data-block]" },
      {
        tag: "p",
        priority: 60,
        getAttrs: (node) => {
          const match = MARKER.exec(node.textContent)
          if (!match) return false
          const kind = MARKER_KINDS[match[1]]
          if (kind === "embed") return { kind, url: match[2] }
          if (!/^\d+$/.test(match[2])) return false // left as text: the form names the error
          return { kind, ref: match[2], caption: kind === "photo" ? match[3] || null : null }
        },
      },
    ]
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", HTMLAttributes]
  },

  addNodeView() {
    const { labels } = this.options
    const cache = this.storage.cache
    return ({ node, editor, getPos }) => {
      const dom = element("div", { className: `body-card body-card--${node.attrs.kind}` })
      dom.contentEditable = "false"
      const content = element("div", { className: "body-card__content" })
      const tools = element("div", { className: "body-card__tools" })
      dom.append(content, tools)
      const replaceAttrs = (attrs) => {
        const pos = getPos()
        if (typeof pos !== "number") return
        editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs }))
      }
      const draw = async (current) => {
        const { kind, ref } = current.attrs
        const card = kind === "embed" ? null : await cache.get(kind, ref)
        if (current !== node) return // redrawn since
        content.replaceChildren(...cardBody(kind, card, current.attrs, labels))
        dom.title = labels.cardHelp
      }
      const button = (text, title, action) => {
        const item = element("button", { type: "button", className: "body-card__tool", textContent: text, title })
        item.setAttribute("aria-label", title)
        item.addEventListener("mousedown", (event) => event.preventDefault())
        item.addEventListener("click", (event) => {
          event.preventDefault()
          event.stopPropagation()
          action()
        })
        return item
      }
      const drawTools = () => {
        tools.replaceChildren()
        if (node.attrs.kind === "photo") {
          tools.append(
            button(labels.editCaption, labels.editCaptionHelp, () => {
              const caption = window.prompt(labels.captionPrompt, node.attrs.caption || "")
              if (caption !== null) replaceAttrs({ caption: caption.trim() || null })
            }),
          )
        }
        tools.append(
          button("×", labels.remove, () => {
            const pos = getPos()
            if (typeof pos !== "number") return
            editor.chain().focus().deleteRange({ from: pos, to: pos + node.nodeSize }).run()
          }),
        )
      }
      drawTools()
      draw(node)
      return {
        dom,
        update(updated) {
          if (updated.type !== node.type) return false
          const changed = JSON.stringify(updated.attrs) !== JSON.stringify(node.attrs)
          node = updated
          if (changed) {
            dom.className = `body-card body-card--${node.attrs.kind}`
            drawTools()
            draw(node)
          }
          return true
        },
        selectNode() {
          dom.classList.add("body-card--selected")
        },
        deselectNode() {
          dom.classList.remove("body-card--selected")
        },
        stopEvent: (event) => Boolean(event.target.closest?.(".body-card__tool")),
        ignoreMutation: () => true,
      }
    }
  },

  addCommands() {
    return {
      // The card, then an empty paragraph where the cursor goes on (left out on saving).
      insertBodyBlock:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent([{ type: this.name, attrs }, { type: "paragraph" }]),
    }
  },

  addMenuItems({ menu, buttons }) {
    const { labels } = this.options
    // django-prose-editor names its items in English («Heading 2», «Paragraph», «bold»):
    // the same items, named in French, from the labels the form gives.
    for (const item of menu.items("blockType nodes lists marks link history headings utility")) {
      const label = labels.menu?.[item.name]
      if (!label) continue
      if (item.button) {
        item.button.title = label
        item.button.setAttribute("aria-label", label)
      }
      if (item.option) item.option.textContent = label
    }
    for (const kind of KINDS) {
      menu.defineItem({
        name: `bodyBlock:${kind}`,
        groups: "bodyBlocks",
        button: buttons.text(`+ ${labels[kind]}`, labels.insertTitles[kind]),
        command: async (editor) => {
          const attrs = await pick(kind, this.options, this.storage.cache)
          if (attrs) editor.chain().focus().insertBodyBlock(attrs).run()
          else editor.commands.focus()
        },
      })
    }
  },
})
