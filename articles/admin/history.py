"""An article's revision history in the admin: list, compare two, restore one."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import yesno
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles import revisions, roles, workflow
from articles.forms import CompareForm
from articles.models import Article, Person, Revision, Section, Tag
from media.models import Photo


def shown_value(name: str, value) -> str:
    """A value kept in a revision, as an editor reads it: names rather than ids."""
    if value in (None, "", []):
        return "—"
    if name == "section":
        section = Section.objects.select_related("parent").filter(pk=value).first()
        return str(section or f"#{value}")
    if name == "lead_photo":
        return str(Photo.objects.filter(pk=value).first() or f"#{value}")
    if name == "tags":
        return ", ".join(str(tag) for tag in Tag.objects.filter(pk__in=value))
    if name == "authors":
        names = dict(Person.objects.filter(pk__in=value).values_list("pk", "name"))
        return ", ".join(names.get(pk, f"#{pk}") for pk in value)
    if name == "is_premium":
        return yesno(value)
    if name == "status":
        return Article.Status(value).label
    if name in revisions.TIMES:
        return formats.date_format(timezone.localtime(parse_datetime(value)), "DATETIME_FORMAT")
    return str(value)


def diff_lines(diff: list[str]) -> list[tuple[str, str, str]]:
    """A unified diff of the body as (kind, sign, text) rows, without its file header."""
    rows = []
    for line in diff[2:]:
        if line.startswith("@@"):
            rows.append(("hunk", "", "…"))
        else:
            kind, sign = {"+": ("added", "+"), "-": ("removed", "−")}.get(line[:1], ("context", ""))
            rows.append((kind, sign, line[1:]))
    return rows


class RevisionHistoryAdmin:
    """Adds to an article's admin the pages of its revisions (``…/revisions/``): the list,
    the comparison of two, and the restoration of one through ``workflow.restore``."""

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/revisions/",
                view(self.revisions_view),
                name=f"{name}_revisions",
            ),
            path(
                "<path:object_id>/revisions/compare/",
                view(self.compare_view),
                name=f"{name}_compare",
            ),
            path(
                "<path:object_id>/revisions/<int:version>/restore/",
                view(self.restore_view),
                name=f"{name}_restore",
            ),
            *super().get_urls(),
        ]

    def restore_refusal(self, request, article) -> str | None:
        """Why the user may not restore a revision of this article, or None."""
        if not self.has_change_permission(request, article):
            return gettext("You may not edit articles.")
        return roles.edit_refusal(request.user, article, revisions.CONTENT_FIELDS)

    def revisions_view(self, request, object_id):
        article = self._article(request, object_id, self.has_view_permission)
        context = {
            "revisions": article.revisions.select_related("created_by"),
            "may_restore": self.restore_refusal(request, article) is None,
        }
        return self._render(request, "revisions.html", article, _("Revision history"), context)

    def compare_view(self, request, object_id):
        article = self._article(request, object_id, self.has_view_permission)
        form = CompareForm(request.GET)
        if not form.is_valid():
            self.message_user(request, gettext("Choose two versions to compare."), messages.ERROR)
            return redirect(self._url("revisions", article))
        old, new = sorted([form.cleaned_data["old"], form.cleaned_data["new"]])
        old = get_object_or_404(article.revisions, version=old)
        new = get_object_or_404(article.revisions, version=new)
        title = _("Version %(old)d compared with version %(new)d") % {
            "old": old.version,
            "new": new.version,
        }
        context = {"old": old, "new": new, "changes": self._changes(old, new)}
        return self._render(request, "revision_compare.html", article, title, context)

    def restore_view(self, request, object_id, version):
        """Ask for confirmation, then bring the revision back as a new one (on POST)."""
        article = self._article(request, object_id, self.has_change_permission)
        revision = get_object_or_404(article.revisions, version=version)
        if request.method == "POST":
            try:
                workflow.restore(article, revision, by=request.user)
            except workflow.WorkflowError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                message = gettext("Version %(old)d is restored as version %(new)d.")
                params = {"old": revision.version, "new": article.version}
                self.message_user(request, message % params, messages.SUCCESS)
            return redirect(self._url("revisions", article))
        # The article as it is now, as an unsaved revision to compare the chosen one with.
        current = Revision(version=article.version, content=revisions.snapshot(article))
        context = {
            "revision": revision,
            "changes": self._changes(current, revision),
            "refusal": self.restore_refusal(request, article),
        }
        title = _("Restore version %(version)s") % {"version": revision.version}
        return self._render(request, "revision_restore.html", article, title, context)

    def _article(self, request, object_id, has_permission):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404(gettext("This article does not exist."))
        if not has_permission(request, article):
            raise PermissionDenied
        return article

    def _url(self, view, article):
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_{view}"
        return reverse(name, args=[article.pk], current_app=self.admin_site.name)

    def _changes(self, old, new):
        """revisions.compare, with values as an editor reads them and the body as a diff."""
        return [
            {
                "label": change["label"],
                "before": shown_value(change["field"], change["before"]),
                "after": shown_value(change["field"], change["after"]),
                "diff": diff_lines(change["diff"]) if "diff" in change else None,
            }
            for change in revisions.compare(old, new)
        ]

    def _render(self, request, template, article, title, context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": title,
            "subtitle": str(article),
            **context,
        }
        opts = self.opts
        return TemplateResponse(
            request, f"admin/{opts.app_label}/{opts.model_name}/{template}", context
        )
