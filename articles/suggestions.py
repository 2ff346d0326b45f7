"""Quotes found in an article's text, offered to the journalist, and what they decide.

``articles.quote_finder`` reads the body (no database); here its speakers are matched to
the people the newsroom already knows, and a suggestion the journalist accepts becomes a
Quote carried by the article (through the quote and people verbs, so a published article's
rules hold), or is set aside for good.

Suggestions are computed on request, never on save: a failure is logged and answers no
suggestion, it never stops a journalist saving.
"""

import logging
import re

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles import people, quotes
from articles.models import Article, Person, Quote, RejectedSuggestion
from articles.quote_finder import Known, find_quotes

logger = logging.getLogger(__name__)

# What an organisation's name looks like: an acronym (CGT, KCNA), a common noun first
# (ministère des Armées, parquet de Paris), or one of these words in it.
ACRONYM_OR_COMMON_NOUN_RE = re.compile(r"^(?:[A-Z0-9&-]{2,}\b|[a-zéè])")
ORGANISATION_WORDS_RE = re.compile(
    r"\b(?:ministère|parquet|tribunal|cour|conseil|agence|gouvernement|préfecture|mairie|"
    r"syndicat|fédération|commission|comité|assemblée|sénat|armée|police|gendarmerie|parti|"
    r"Kremlin|Elysée|Matignon|Etats-Unis)\b",
    re.IGNORECASE,
)


def suggest(blocks: list[dict]) -> list[dict]:
    """The quotes found in ``blocks``, in reading order, each speaker matched to a known
    person by name or alias. The people the speakers may be are read in one query; the
    text is then read again with them, because a known name changes the reading (an alias
    alone, «Poutine», is a person): about 1 ms more for 1,700 words (docs/benchmarks.md)."""
    found = find_quotes(blocks)
    names = {suggestion.speaker for suggestion in found if suggestion.speaker}
    if names:
        known = [
            Known(person.slug, person.name, tuple(person.aliases))
            for person in Person.objects.named(names).only("slug", "name", "aliases")
        ]
        if known:
            found = find_quotes(blocks, known)
    return [suggestion.as_dict() for suggestion in found]


def suggest_safely(blocks: list[dict]) -> list[dict]:
    """``suggest``, or nothing (logged) if finding fails: suggestions are a help."""
    try:
        return suggest(blocks)
    except Exception:
        logger.exception("Finding quote suggestions failed.")
        return []


def for_article(article: Article) -> list[dict]:
    """Suggestions for the article's body, each with its ``status``: ``new``,
    ``accepted`` (the article carries a quote of these words) or ``rejected``."""
    carried = {_key(text) for text in article.quotes.values_list("text", flat=True)}
    rejected = {_key(text) for text in article.rejected_suggestions.values_list("text", flat=True)}
    suggestions = suggest_safely(article.body)
    for suggestion in suggestions:
        key = _key(suggestion["text"])
        suggestion["status"] = (
            "accepted" if key in carried else "rejected" if key in rejected else "new"
        )
    return suggestions


def _key(text: str) -> str:
    return " ".join(text.split())


def is_organisation(name: str) -> bool:
    """Whether a speaker's name is an organisation's rather than a person's."""
    return bool(ACRONYM_OR_COMMON_NOUN_RE.match(name) or ORGANISATION_WORDS_RE.search(name))


@transaction.atomic
def accept(
    article: Article, *, by, text, speaker="", person="", role="", kind="full", said_on=None
):
    """The suggestion, as the journalist accepted or edited it, carried by ``article``: the
    same words by the same speaker already known are linked, otherwise a new Quote is
    created; a named speaker who is no known person becomes one (an organisation's name
    is kept on the quote). Refused as the quote verbs refuse (a published article is an
    editor's)."""
    speaker = " ".join(speaker.split())
    found_person = Person.objects.filter(slug=person).first() if person else None
    organisation = ""
    if found_person is None and speaker:
        if is_organisation(speaker):
            organisation = speaker
        else:
            found_person = Person.objects.filter(name__iexact=speaker).first()
            if found_person is None:
                found_person = people.save_person(
                    Person(name=speaker, slug=_free_slug(speaker)), by=by
                )
    quote = (
        Quote.objects.filter(text=text, person=found_person, organisation=organisation).first()
        if found_person or organisation
        else None
    )
    if quote is None:
        quote = Quote(
            text=text,
            person=found_person,
            organisation=organisation,
            role=role,
            kind=kind,
            said_on=said_on,
        )
        carriers = [article]
    else:
        carriers = [*quote.articles.all(), article]
    quote = quotes.save_quote(quote, by=by, articles=carriers)
    article.rejected_suggestions.filter(text=text).delete()
    return quote


def _free_slug(name: str) -> str:
    base = slugify(name)[:190] or "personne"
    slug, number = base, 1
    while Person.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def reject(article: Article, *, by, text: str) -> None:
    """Set the suggestion aside: it is no longer offered for this article."""
    RejectedSuggestion.objects.get_or_create(
        article=article, text=text, defaults={"by": by, "at": timezone.now()}
    )
