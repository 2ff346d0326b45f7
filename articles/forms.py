from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime, AdminTextareaWidget
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget

from articles import body, body_editor, workflow
from articles.models import Article, Quote
from media.models import Photo

BODY_EXTENSIONS = body_editor.EXTENSIONS

# The block kind, the model its id points to, and what the form says when it is gone.
REFERENCES = [
    ("quote", Quote, _("The quote no. %(id)d in the body no longer exists: remove its card.")),
    ("photo", Photo, _("The photo no. %(id)d in the body no longer exists: remove its card.")),
    (
        "related",
        Article,
        _("The related article no. %(id)d no longer exists: remove its card."),
    ),
]


class ArticleForm(forms.ModelForm):
    """Edits the body as rich text (the JSON blocks are never shown) and checks the edit.

    Validate inside ``transaction.atomic()`` (the admin does): ``clean`` locks the row
    through ``workflow.check_edit``, which refuses an edit the user's role does not allow
    or one made on a version someone else has saved since.
    """

    body_html = ProseEditorFormField(
        label=_("Body"),
        required=False,
        extensions=BODY_EXTENSIONS,
        sanitize=True,
        widget=AdminProseEditorWidget,
        help_text=_(
            "Bold, italic, links, bulleted lists and block quotes; a level 2 heading is an "
            "intertitle. The menu's «Quote», «Photo», «Related article» and «Embed» buttons "
            "find what to insert as you type and show it as a card."
        ),
    )
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    user = None  # the editing user, set by ArticleAdmin.get_form

    class Media:
        js = ["articles/editor_i18n.js"]  # before the editor's modules: its dialogs in French

    class Meta:
        model = Article
        exclude = ["body", "modified_by", *workflow.WORKFLOW_FIELDS]
        widgets = {
            "standfirst": AdminTextareaWidget(attrs={"rows": 4}),
            "lead_photo_caption": AdminTextareaWidget(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved_body = self.instance.body
        self.initial.setdefault("body_html", body.blocks_to_html(self.instance.body))
        self.initial.setdefault("expected_version", self.instance.version)

    def clean_body_html(self):
        blocks = body.html_to_blocks(self.cleaned_data["body_html"])
        errors = []
        for kind, model, message in REFERENCES:
            ids = body.referenced_ids(blocks, kind)
            found = set(model.objects.filter(pk__in=ids).values_list("pk", flat=True))
            errors += [
                ValidationError(message, params={"id": pk}, code="missing")
                for pk in sorted(ids - found)
            ]
        if errors:
            raise ValidationError(errors)
        self.instance.body = blocks
        return self.cleaned_data["body_html"]

    def changed_fields(self) -> set[str]:
        """The article fields this submission changes; the body only if its blocks differ."""
        changed = set(self.changed_data) - {"body_html", "expected_version"}
        if self.instance.body != self.saved_body:
            changed.add("body")
        return changed

    def clean(self):
        cleaned_data = super().clean()
        # A WorkflowError is a ValidationError: the form shows its message above the fields.
        workflow.check_edit(
            self.instance,
            by=self.user,
            expected_version=cleaned_data.get("expected_version"),
            changed_fields=self.changed_fields(),
        )
        return cleaned_data


class ScheduleForm(forms.Form):
    """The time of a scheduled publication, asked for by the admin's schedule action."""

    when = forms.SplitDateTimeField(label=_("Publish at"), widget=AdminSplitDateTime)


class CorrectionForm(forms.Form):
    """The text of a public correction, asked for by the admin's correct action."""

    text = forms.CharField(
        label=_("Correction"),
        widget=AdminTextareaWidget(attrs={"rows": 4}),
        validators=[body.reject_markup],
        help_text=_("Published with today’s date under the article, as readers will see it."),
    )


class CompareForm(forms.Form):
    """The two versions of an article the history page asks to compare."""

    old = forms.IntegerField(min_value=1)
    new = forms.IntegerField(min_value=1)
