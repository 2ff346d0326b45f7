"""Who said it: the attribution of a quotation in its sentence, tried in this order.

1. an incise inside the words («Part one, assure-t-il, part two»);
2. a speech verb right after, its subject inverted («…», a déclaré mardi X / estime-t-il);
3. a speech verb before, its subject before it («X a affirmé : «…»», «X a dénoncé «…»»),
   or shared with the quotation before («…», a dit X, soulignant «…»);
4. a source: «selon X», «d'après X», «pour X,»;
5. a name and a colon: «X : «…»»;
6. the subject of the sentence («X reste «confiant»»);
7. for a full statement with none of these, the person the previous sentence was about or
   the latest speaker of this paragraph or the one before.
"""

from dataclasses import dataclass, field

from .discourse import Discourse, Entity
from .lexicon import ADVERBS, PRONOUNS
from .mentions import Mention, find_mentions
from .text import CLAUSE_END, Sentence, Token, tokenize
from .verbs import VerbHit, find_verbs

SPEAKERS = {"person", "role", "organisation", "pronoun", "document"}
CLITICS = {"l’", "le", "la", "les", "lui", "leur", "y", "en", "n’", "ne", "se", "s’", "nous"}
COORDINATION = {"et", "puis", "avant", "après", "pour", "sans", "tout", "en"}
OBJECT_CLAUSE = {"que", "qu’", "si", "comment", "pourquoi", "combien"}
NETWORKS = {
    "x",
    "twitter",
    "facebook",
    "instagram",
    "tiktok",
    "linkedin",
    "telegram",
    "bluesky",
    "threads",
    "truth",
    "youtube",
    "réseaux",
    "compte",
}
DOCUMENT_INTRODUCERS = {"dans", "selon", "par", "via", "d’après"}
REPLY_VERBS = {
    "répondre",
    "rétorquer",
    "répliquer",
    "riposter",
    "objecter",
    "contester",
    "démentir",
    "nier",
    "réfuter",
    "contredire",
    "réagir",
}
AFTER_INVERSION = {
    "à",
    "au",
    "aux",
    "dans",
    "sur",
    "devant",
    "lors",
    "en",
    "la",
    "le",
    "les",
    "l’",
    "un",
    "une",
    "des",
    "encore",
    "alors",
    "aussitôt",
    "mardi",
    "lundi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "hier",
}
NEAR = 6  # tokens within which a verb governs the words after it
FAR = 14  # tokens within which a verb's inverted subject follows it


@dataclass(eq=False)
class Attribution:
    subject: Mention | None = None  # the speaker as the article mentions them
    entity: Entity | None = None  # or the speaker taken from the context
    how: str = ""  # "incise", "after", "before", "source", "colon", "subject", "context"
    verb: VerbHit | None = None
    document: bool = False  # the words come from a text
    governed: bool = False  # a speech verb or its subject governs the words closely
    role_then: str = ""  # with a context speaker: their role at that time

    @property
    def found(self) -> bool:
        return self.how not in ("", "context")


def mentions_of(sentence: Sentence, memory: Discourse) -> list[Mention]:
    if "mentions" not in sentence.cache:
        sentence.cache["mentions"] = find_mentions(sentence, memory.is_known)
        sentence.cache["extra"] = []
    return sentence.cache["mentions"]


def verbs_of(sentence: Sentence) -> list[VerbHit]:
    if "verbs" not in sentence.cache:
        sentence.cache["verbs"] = find_verbs(sentence.tokens)
    return sentence.cache["verbs"]


@dataclass
class Place:
    """Where a quotation stands: the sentence and token of its opening, and of its close."""

    opening: Sentence
    first: int
    closing: Sentence
    last: int
    quotation: object = None
    earlier: list[tuple[int, Attribution]] = field(default_factory=list)  # same sentence
    previous: Sentence | None = None  # the sentence before, when it ends another paragraph


def attribute(place: Place, words: str, memory: Discourse) -> Attribution:
    incise = _incise(place, words, memory)
    if incise is not None and incise.subject.kind != "pronoun":
        return _settle(incise, place, memory)
    for finder in (_after, _before, _announced, _source, _colon, _sentence_subject):
        attribution = finder(place, words, memory)
        if attribution is not None and (incise is None or attribution.subject is not None):
            return _settle(attribution, place, memory)
    if incise is not None:  # «…, dit-il, …» with no name around: the pronoun it is
        place.opening.cache["extra"].append((place.first, incise.subject))
        return _settle(incise, place, memory)
    return _settle(Attribution(), place, memory)


def _settle(attribution: Attribution, place: Place, memory: Discourse) -> Attribution:
    """Mark the speaker, and read a text's issuer as the speaker of a document quote."""
    subject = attribution.subject
    if subject is not None and _coordinated(subject, place, memory):
        attribution.subject = subject = None  # «Jean Dupont et Marie Durand ont affirmé»
    if subject is not None and subject.kind == "document":
        attribution.document = True
        attribution.subject = subject = subject.issuer
    verb = attribution.verb
    if verb is not None and verb.document:
        attribution.document = True
    passive = verb is not None and _is_passive(verb)
    if not passive and (_cites_a_text(place.opening) or _cites_a_text(place.closing)):
        attribution.document = True
    if subject is not None:
        subject.speaks = True
        subject.refers_back = _refers_back(subject, attribution)
        feminine = attribution.verb.feminine if attribution.verb is not None else None
        if feminine is not None and subject.kind != "pronoun" and subject.gender is None:
            subject.gender = "f" if feminine else "m"  # «s'est excusée Claude Dupont»
    return attribution


def _coordinated(subject: Mention, place: Place, memory: Discourse) -> bool:
    """Whether the subject is one of several joined by «et»: no single speaker."""
    for sentence in (place.opening, place.closing):
        mentions = sentence.cache.get("mentions", [])
        if subject not in mentions:
            continue
        tokens = sentence.tokens
        joined_before = subject.start > 1 and tokens[subject.start - 1].low == "et"
        joined_after = subject.end < len(tokens) and tokens[subject.end].low == "et"
        return any(
            (joined_before and other.end == subject.start - 1)
            or (joined_after and other.start == subject.end + 1)
            for other in mentions
            if other is not subject and other.kind == subject.kind and not other.oblique
        )
    return False


def _refers_back(subject: Mention, attribution: Attribution) -> bool:
    """Whether a definite role without a name may describe someone already in the article:
    a bare role noun («l'attaquant»), a role after an inverted verb («a déploré le député de
    Seine-Saint-Denis») or opening the sentence («La présidente du groupe a ajouté»); not
    a reply («a répondu le maire»), which brings in someone else."""
    if subject.kind != "role" or not subject.definite or subject.plural:
        return False
    if attribution.verb is not None and attribution.verb.lemma in REPLY_VERBS:
        return False
    bare = len(subject.role.split()) == 1
    return bare or attribution.how == "after" or subject.start == 0


# 1. Incise ---------------------------------------------------------------------------------


def _incise(place: Place, words: str, memory: Discourse) -> Attribution | None:
    """«Part one, assure-t-il, part two» / «…, estime Jean Dupont, …»."""
    if "," not in words:
        return None
    inner = Sentence(place.opening.block, words, tokenize(words, []))
    tokens = inner.tokens
    for verb in find_verbs(tokens):
        if verb.start == 0 or tokens[verb.start - 1].low != ",":
            continue
        if verb.mood not in ("finite", "past"):
            continue
        if verb.pronoun:
            subject, end = _pronoun(verb), verb.end
        else:
            subject = _first_speaker(find_mentions(inner, memory.is_known), verb.end, verb.end + 4)
            end = subject.end if subject is not None else -1
        if subject is None or (
            end < len(tokens) and tokens[end].low not in {",", ".", "!", "?", "…", ";"}
        ):
            continue
        if subject.kind != "pronoun":
            place.opening.cache["extra"].append((place.first, subject))
        return Attribution(subject, how="incise", verb=verb, governed=True)
    return None


# 2. After ----------------------------------------------------------------------------------


def _after(place: Place, words: str, memory: Discourse) -> Attribution | None:
    """«…», a déclaré mardi le porte-parole… / «…» dans les combats, a déclaré X /
    «…», a-t-il ajouté / «…», X l'a répété."""
    sentence, start = place.closing, place.last + 1
    stop = _next_quote(sentence.tokens, start)
    mentions = [m for m in mentions_of(sentence, memory) if start <= m.start < stop]
    for verb in verbs_of(sentence):
        if verb.start < start or verb.start >= stop or verb.mood in ("present", "infinitive"):
            continue
        if verb.start - start > FAR:
            return None
        before = [m for m in mentions if m.start < verb.start and not m.oblique]
        if before:
            return _subject_first(before[0], verb, sentence, start)
        if verb.pronoun:
            subject = _pronoun(verb)
            sentence.cache["extra"].append((verb.start, subject))
        else:
            subject = _inverted_subject(sentence, mentions, verb, stop)
        if subject is None and not _inverted_alone(sentence.tokens, start, verb):
            return None
        return Attribution(subject, how="after", verb=verb, governed=verb.start - start <= NEAR)
    return None


def _inverted_alone(tokens: list[Token], start: int, verb: VerbHit) -> bool:
    """«…», s'est exclamée la foule: a speech verb right after the words, ending the clause
    or followed by where or how, says they were spoken, though by no one named."""
    if any(token.kind != "punct" for token in tokens[start : verb.start]):
        return False
    following = tokens[verb.end] if verb.end < len(tokens) else None
    return following is None or following.kind == "punct" or following.low in AFTER_INVERSION


def _subject_first(mention: Mention, verb: VerbHit, sentence: Sentence, start: int):
    """«…», Jean Dupont l'a répété: a subject right after the words, then its verb."""
    between = sentence.tokens[start : mention.start]
    if any(token.kind == "word" for token in between) or mention.oblique:
        return None
    gap = sentence.tokens[mention.end : verb.start]
    if all(token.low in CLITICS for token in gap) and mention.kind in SPEAKERS:
        return Attribution(mention, how="after", verb=verb, governed=True)
    return None


def _inverted_subject(sentence, mentions, verb, stop) -> Mention | None:
    """The subject after an inverted verb, past times, places and «à l'AFP»."""
    for mention in mentions:
        if mention.start < verb.end or mention.start > verb.end + FAR or mention.start >= stop:
            continue
        gap = sentence.tokens[verb.end : mention.start]
        if any(token.low in OBJECT_CLAUSE or token.kind == "quote" for token in gap):
            return None
        if mention.oblique and mention.kind != "document":
            continue
        if mention.kind in SPEAKERS and not mention.source:
            return mention
    return None


# 3. Before ---------------------------------------------------------------------------------


def _before(place: Place, words: str, memory: Discourse) -> Attribution | None:
    """«X a affirmé : «…»», «X a dénoncé «…»», «selon qui…», «…, soulignant «…»»."""
    sentence, index = place.opening, place.first
    verbs = [verb for verb in verbs_of(sentence) if verb.end <= index]
    if not verbs:
        return None
    verb = verbs[-1]
    governed = index - verb.end <= NEAR and not _clause_break(sentence.tokens[verb.end : index])
    earlier = [attribution for at, attribution in place.earlier if at > verb.start]
    if earlier or _shares_subject(sentence.tokens, verb):
        previous = earlier[-1] if earlier else _earlier_attribution(place)
        if previous is not None and previous.subject is not None:
            return Attribution(previous.subject, how="before", verb=verb, governed=governed)
    mentions = mentions_of(sentence, memory)
    if _is_passive(verb):
        agent = _agent(place, memory)
        if agent is None and not governed:
            return None
        return Attribution(agent, how="before", verb=verb, governed=governed)
    if verb.pronoun:
        subject = _pronoun(verb)
        sentence.cache["extra"].append((verb.start, subject))
    else:
        subject = (
            _antecedent_of_qui(sentence, mentions, verb)
            or _subject_before(sentence, mentions, verb)
            or _inverted_subject(sentence, mentions, verb, index)
        )
    if subject is None:
        previous = _earlier_attribution(place)
        if previous is None or previous.subject is None:
            return None
        subject = previous.subject
    return Attribution(subject, how="before", verb=verb, governed=governed)


def _is_passive(verb: VerbHit) -> bool:
    """«une position jugée «hypocrite»», «des propos qualifiés de «…»»: a participle alone."""
    return verb.mood == "past" and verb.end - verb.start == 1 and not verb.pronoun


def _agent(place: Place, memory: Discourse) -> Mention | None:
    """Who judged, after the words: «jugée «hypocrite» par Greenpeace»."""
    sentence, start = place.closing, place.last + 1
    tokens = sentence.tokens
    for mention in mentions_of(sentence, memory):
        if start < mention.start <= start + 3 and tokens[mention.start - 1].low == "par":
            return mention if mention.kind in SPEAKERS else None
    return None


def _antecedent_of_qui(sentence: Sentence, mentions: list[Mention], verb: VerbHit):
    """«Greenpeace, qui dénonce «…»»: the subject is what «qui» stands for."""
    before = verb.start - 1
    while before >= 0 and sentence.tokens[before].low in CLITICS | ADVERBS:
        before -= 1
    if before < 1 or sentence.tokens[before].low != "qui":
        return None
    end = before - 1 if sentence.tokens[before - 1].low == "," else before
    for mention in mentions:
        if mention.end == end and mention.kind in SPEAKERS:
            return mention
    return None


def _shares_subject(tokens: list[Token], verb: VerbHit) -> bool:
    """A participle or a coordinated verb takes the subject of the clause before:
    «…, soulignant», «et a ajouté», «avant d'ajouter»."""
    if verb.participle:
        return True
    before = verb.start - 1
    while before >= 0 and tokens[before].low in CLITICS | {"d’", "de", "à"}:
        before -= 1
    return before >= 0 and tokens[before].low in COORDINATION


def _subject_before(sentence: Sentence, mentions: list[Mention], verb: VerbHit) -> Mention | None:
    """The nearest mention before the verb that can be its subject: not after a
    preposition, not in a relative clause («X, qui dirige le parti, a dit»)."""
    hidden = _relative_clauses(sentence.tokens, verb.start)
    for mention in reversed(mentions):
        if mention.end > verb.start or mention.start in hidden:
            continue
        if mention.kind in SPEAKERS and not mention.oblique and not mention.source:
            return mention
    return None


def _relative_clauses(tokens: list[Token], end: int) -> set[int]:
    """Tokens inside «, qui …,» and «, dont …,» before ``end``."""
    hidden: set[int] = set()
    index = 0
    while index < end:
        if (
            tokens[index].low == ","
            and index + 1 < end
            and tokens[index + 1].low in ("qui", "dont", "où")
        ):
            close = index + 2
            while close < end and tokens[close].low != ",":
                close += 1
            hidden.update(range(index, close))
            index = close
        index += 1
    return hidden


def _earlier_attribution(place: Place) -> Attribution | None:
    return place.earlier[-1][1] if place.earlier else None


def _announced(place: Place, words: str, memory: Discourse) -> Attribution | None:
    """A paragraph ending «… a-t-il lancé :» announces the quotation opening the next."""
    previous = place.previous
    if previous is None or place.first != 0 or previous.tokens[-1].low != ":":
        return None
    verbs = [verb for verb in verbs_of(previous) if len(previous.tokens) - verb.end <= NEAR]
    if not verbs:
        return None
    verb = verbs[-1]
    mentions = mentions_of(previous, memory)
    if verb.pronoun:
        subject = _pronoun(verb)
        previous.cache["extra"].append((verb.start, subject))
    else:
        subject = _subject_before(previous, mentions, verb) or _inverted_subject(
            previous, mentions, verb, len(previous.tokens)
        )
    if subject is not None and subject.entity is None:
        subject.speaks = True
        memory.resolve(subject, salient=True)
    return Attribution(subject, how="before", verb=verb, governed=True)


# 4–6. Source, colon, subject ---------------------------------------------------------------


def _source(place: Place, words: str, memory: Discourse) -> Attribution | None:
    """«selon X», «d'après X», or «pour X,» anywhere in the sentence."""
    for sentence in dict.fromkeys([place.opening, place.closing]):
        for mention in mentions_of(sentence, memory):
            if mention.kind not in SPEAKERS:
                continue
            before = sentence.tokens[mention.start - 1].low if mention.start else ""
            after = sentence.tokens[mention.end].low if mention.end < len(sentence.tokens) else ""
            if before == "pour" and after != ",":
                continue
            if mention.source:
                if mention.kind == "pronoun":
                    sentence.cache["extra"].append((mention.start, mention))
                return Attribution(mention, how="source", governed=True)
    return None


def _colon(place: Place, words: str, memory: Discourse) -> Attribution | None:
    """«Jean Dupont : «…»», or the subject of the clause a colon ends: «Elle avait présenté
    ses excuses : «…»»."""
    sentence, index = place.opening, place.first
    if index < 2 or sentence.tokens[index - 1].low != ":":
        return None
    mentions = [m for m in mentions_of(sentence, memory) if m.end < index]
    for mention in mentions:
        if mention.end == index - 1 and mention.kind in SPEAKERS - {"pronoun"}:
            return Attribution(mention, how="colon", governed=True)
    for mention in mentions:
        if mention.kind in SPEAKERS and not mention.oblique and not mention.source:
            if mention.kind == "pronoun":
                sentence.cache["extra"].append((mention.start, mention))
            return Attribution(mention, how="colon", governed=True)
    return None


def _sentence_subject(place: Place, words: str, memory: Discourse) -> Attribution | None:
    """«Le ministre reste «confiant»», «Le jugement retient «…»»: a person, a body or a
    text opening the sentence."""
    sentence, index = place.opening, place.first
    mentions = mentions_of(sentence, memory)
    if not mentions or mentions[0].start != 0 or mentions[0].end > index:
        return None
    mention = mentions[0]
    if mention.kind == "pronoun" or _clause_break(sentence.tokens[:index]):
        return None
    return Attribution(mention, how="subject", governed=True)


def from_context(place: Place, memory: Discourse) -> Attribution:
    """A full statement standing alone: said by whom the previous sentence was about, or by
    the latest speaker of this paragraph or the one before."""
    sentence = place.opening
    subject = memory.last_subject
    if subject is not None and subject[1] == sentence.index - 1:
        return Attribution(entity=subject[0], how="context", role_then=subject[0].role)
    speaker = memory.last_speaker
    if speaker is not None and sentence.block - speaker[1] <= 1:
        return Attribution(entity=speaker[0], how="context", role_then=speaker[0].role)
    return Attribution(how="context")


# Helpers -----------------------------------------------------------------------------------


def _pronoun(verb: VerbHit) -> Mention:
    gender, plural = PRONOUNS[verb.pronoun]
    return Mention("pronoun", verb.start, verb.end, name=verb.pronoun, gender=gender, plural=plural)


def _first_speaker(mentions: list[Mention], start: int, end: int) -> Mention | None:
    for mention in mentions:
        if start <= mention.start <= end and mention.kind in SPEAKERS and not mention.oblique:
            return mention
    return None


def _next_quote(tokens: list[Token], start: int) -> int:
    for index in range(start, len(tokens)):
        if tokens[index].kind == "quote":
            return index
    return len(tokens)


def _clause_break(tokens: list[Token]) -> bool:
    return any(token.low in CLAUSE_END for token in tokens)


def _cites_a_text(sentence: Sentence) -> bool:
    """«dans un communiqué», «selon le rapport», «sur X», «sur son compte Instagram»."""
    mentions = sentence.cache.get("mentions", [])
    tokens = sentence.tokens
    for mention in mentions:
        if mention.kind == "document" and mention.start:
            if tokens[mention.start - 1].low in DOCUMENT_INTRODUCERS:
                return True
    for position, token in enumerate(tokens[:-1]):
        if token.low == "sur" and (
            tokens[position + 1].low in NETWORKS
            or (position + 2 < len(tokens) and tokens[position + 2].low in NETWORKS)
        ):
            return True
    return False
