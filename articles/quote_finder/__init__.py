"""Suggest the quotations of an article body, with who said them, for the newsroom to
confirm. Pure Python: no Django, no database; French journalism's conventions.

The approach, one pass over the body in reading order:

1. **Marked spans** (``marks``): the outer «…», “…” (or "…") of each paragraph, nested marks
   kept inside; a quotation left open, or filling its paragraph, goes on in the next
   paragraph when that one reopens with a mark.
2. **Sentences** (``text``): each text block is cut into tokens, a quotation standing as one
   token, and into sentences.
3. **Attribution** (``attribution``, ``speakers``): in the quotation's sentence, an incise
   inside the words, a speech verb after them with its inverted subject («…», a déclaré
   X), a speech verb before with its subject (X a affirmé : «…»), «selon X», «X : «…»», or
   the subject of the sentence; a statement standing alone goes to whoever is in focus,
   or, opening its paragraph, to the person the next sentence brings in; a text quoted
   before its author is named waits for «signé par X», «l'auteur du courriel, X».
   Speech verbs (``verbs``) are matched in every form generated from the lexicon; who is
   mentioned (``mentions``, ``nouns``): names, titles, roles before or after a name,
   unnamed people by role, organisations, texts and pronouns.
4. **Classification** (``kinds``): not a quotation (title, name, plan, affair, term, a
   word or two nobody is said to say), else «document» (a text speaks), «fragment» (woven
   into the sentence) or «full».
5. **Discourse memory** (``discourse``): mentions are resolved in reading order, so a
   pronoun or «le maire» finds the latest matching person, «Mme Martin» the woman called
   Martin met before, and a person keeps their latest role. Speakers are written with the
   fullest form of their name in the article and matched to the newsroom's Known people
   by name or alias, ignoring accents and case.

Every word list is data in ``lexicon``; regexes and verb forms are built at import, and
each sentence is read once, so the time grows with the article's length.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from .attribution import Attribution, Place, attribute, mentions_of
from .discourse import Discourse
from .kinds import is_quotation, kind_of
from .marks import Quotation, find_quotations
from .speakers import (
    Hook,
    answer_hooks,
    answer_unsigned,
    asked_by_someone_else,
    from_context,
    is_hook,
    is_unsigned,
    settle,
)
from .text import Sentence, block_text, split_sentences, tokenize

__all__ = ["Known", "Suggestion", "find_quotes"]


@dataclass(frozen=True)
class Known:
    """A person already in the newsroom's database."""

    slug: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    text: str  # the exact words, without the marks and the spaces inside them
    speaker: str | None  # a person's fullest name, an organisation's name, or None
    person: str | None  # the slug of the Known person the speaker is
    role: str  # as written for that speaker, without article or name; "" if none
    kind: str  # "full", "fragment" or "document"
    block: int  # the body block where the quotation starts

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "person": self.person,
            "role": self.role,
            "kind": self.kind,
            "block": self.block,
        }


@dataclass
class _Candidate:
    quotation: Quotation
    attribution: Attribution
    kind: str


def find_quotes(blocks: list[dict], known: Iterable[Known] = ()) -> list[Suggestion]:
    """Suggestions in reading order."""
    texts, intertitles = _texts(blocks)
    quotations = find_quotations(texts, intertitles)
    sentences = _sentences(texts, intertitles, quotations)
    memory = Discourse(known)
    places = _places(sentences)
    candidates = []
    hooks: list[Hook] = []
    unsigned: list[Hook] = []  # texts quoted before their author is named
    for sentence in sentences:
        mentions = mentions_of(sentence, memory)
        earlier: list[tuple[int, Attribution]] = []
        for index, token in enumerate(sentence.tokens):
            place = places.get(token.quote) if token.kind == "quote" else None
            if place is None or place.opening is not sentence or place.first != index:
                continue
            candidate = _read_quotation(place, earlier, index, memory)
            earlier.append((index, candidate.attribution))
            if candidate.kind:
                candidates.append(candidate)
                if is_hook(place, candidate.attribution, sentences):
                    hooks.append(Hook(candidate, place, len(memory.entities)))
                if is_unsigned(candidate.attribution, candidate.kind):
                    unsigned.append(Hook(candidate, place, len(memory.entities)))
        extra = sentence.cache["extra"]
        memory.read([(m.start, m) for m in mentions] + extra, sentence.index, sentence.block)
        hooks = answer_hooks(hooks, sentence, memory)
        unsigned = answer_unsigned(unsigned, sentence, memory)
    _questions_answered(candidates)
    return [_suggestion(candidate, memory) for candidate in candidates]


def _questions_answered(candidates: list[_Candidate]) -> None:
    """A question followed by its answer is not the answerer's (see
    ``asked_by_someone_else``); it keeps no speaker."""
    for question, answer in zip(candidates, candidates[1:], strict=False):
        if asked_by_someone_else(question.attribution, question.quotation.text, answer.attribution):
            question.attribution = Attribution(how="context")


def _read_quotation(place: Place, earlier, index: int, memory: Discourse) -> _Candidate:
    place.earlier = list(earlier)
    words = place.quotation.text
    attribution = settle(attribute(place, words, memory), place, memory)
    if not is_quotation(words, place.opening, index, attribution):
        return _Candidate(place.quotation, attribution, "")
    kind = kind_of(words, place.opening, index, attribution)
    if not attribution.found and kind == "full" and _stands_alone(place):
        context = from_context(place, memory)
        context.document = attribution.document
        attribution = context
    return _Candidate(place.quotation, attribution, kind)


def _stands_alone(place: Place) -> bool:
    """The quotation opens its sentence or follows a colon: a statement by whoever is in
    focus, not words inside someone else's sentence («une banderole «…»»)."""
    return place.first == 0 or place.opening.tokens[place.first - 1].low == ":"


def _suggestion(candidate: _Candidate, memory: Discourse) -> Suggestion:
    attribution = candidate.attribution
    subject = attribution.subject
    entity = subject.entity if subject is not None else attribution.entity
    role = subject.role_then if subject is not None else attribution.role_then
    speaker = None
    if entity is not None and entity.kind in ("person", "organisation"):
        speaker = entity.full
    if subject is not None and subject.kind == "role" and entity is None:
        role = subject.role
    if not role and entity is not None and entity.kind != "organisation":
        role = entity.first_role  # a role written only after the first words applies to them
    return Suggestion(
        text=candidate.quotation.text,
        speaker=speaker,
        person=memory.slug_for(entity) if entity is not None else None,
        role=_role_shown(role, entity, candidate.kind),
        kind=candidate.kind,
        block=candidate.quotation.block,
    )


def _role_shown(role: str, entity, kind: str) -> str:
    """A text's words carry no role: what counts is who issued it, a person or a body, not
    the function they signed in; a body has no role either."""
    if kind == "document" or (entity is not None and entity.kind == "organisation"):
        return ""
    return role


def _texts(blocks: list[dict]) -> tuple[dict[int, str], set[int]]:
    texts, intertitles = {}, set()
    for index, block in enumerate(blocks):
        text = block_text(block)
        if text is None:
            continue
        texts[index] = text
        if block.get("type") == "intertitle":
            intertitles.add(index)
    return texts, intertitles


def _sentences(texts, intertitles, quotations: list[Quotation]) -> list[Sentence]:
    """Every sentence of the text blocks, in reading order, quotations as single tokens."""
    parts_in = {index: [] for index in texts}
    for quotation in quotations:
        for part in quotation.parts:
            parts_in[part.block].append((part.open, part.end, quotation))
    sentences = []
    for index, text in texts.items():
        tokens = tokenize(text, parts_in[index])
        for start, end in split_sentences(tokens):
            sentence = Sentence(index, text, tokens[start:end], index in intertitles)
            sentence.index = len(sentences)
            sentences.append(sentence)
    return sentences


def _places(sentences: list[Sentence]) -> dict[Quotation, Place]:
    """Where each quotation opens and closes (sentence and token)."""
    openings, closings = {}, {}
    for sentence in sentences:
        for index, token in enumerate(sentence.tokens):
            if token.kind != "quote":
                continue
            openings.setdefault(token.quote, (sentence, index))
            closings[token.quote] = (sentence, index)
    places = {}
    for quotation, (sentence, index) in openings.items():
        before = sentences[sentence.index - 1] if sentence.index else None
        if before is not None and (before.block == sentence.block or before.intertitle):
            before = None
        places[quotation] = Place(
            sentence, index, *closings[quotation], quotation=quotation, previous=before
        )
    return places
