"""Who said it: the attribution of a quotation in its sentence, tried in this order.

1. an incise inside the words, when it names someone («…, estime Jean Dupont, …»);
2. a speech verb right after, its subject inverted («…», a déclaré mardi X / estime-t-il /
   X l'a répété), or no one named when the verb ends the clause («…», s'est exclamée la
   foule);
3. a speech verb before, its subject before it («X a affirmé : «…»», «X a dénoncé «…»»),
   the antecedent of «qui», the agent of a passive («jugée «…» par X»), or the subject of
   the quotation before («…», a dit X, soulignant «…»);
4. the previous paragraph ending «… a-t-il lancé :»;
5. a source: «selon X», «d'après X», «pour X,» (a sentence opening «Pour X,» wins over a
   speech verb whose subject is no one: «Pour la PEEP, les groupes répondent à «…»»);
6. a colon after a name or a clause («X : «…»», «Elle a présenté ses excuses : «…»»);
7. the subject of the sentence («X reste «confiant»»), or the subject pronoun of the
   clause that lowercase words are woven into («où elle apprend l'anglais «…»»);
8. a pronoun incise («…, dit-il, …») when nothing else names the speaker.

What the found subject finally stands for is decided in ``speakers``.
"""

from dataclasses import dataclass, field

from .discourse import Discourse, Entity
from .lexicon import (
    ADVERBS,
    AFTER_INVERSION,
    APPOSED_PARTICIPLES,
    ARTICLES,
    CLITICS,
    COORDINATED_WORDS,
    COORDINATION,
    OBJECT_CLAUSE,
    PRONOUNS,
    SUBJECT_DETERMINERS,
    SUBJECT_PRONOUNS,
)
from .mentions import Mention, find_mentions
from .text import CLAUSE_END, Sentence, Token, tokenize
from .verbs import VerbHit, find_verbs

SPEAKERS = {"person", "role", "organisation", "pronoun", "document"}
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


STATEMENT_WORDS = 4  # words of a statement set off by a comma at the end of a sentence


def attribute(place: Place, words: str, memory: Discourse) -> Attribution:
    """The first attribution found, in the order of the module's docstring (1–8)."""
    incise = _incise(place, words, memory)
    if incise is not None and incise.subject.kind != "pronoun":
        return incise
    finders = (
        _after,
        _before,
        _announced,
        _source,
        _colon,
        _sentence_subject,
        _clause_pronoun,
        _closing_statement,
    )
    for finder in finders:
        attribution = finder(place, words, memory)
        if attribution is not None and (incise is None or attribution.subject is not None):
            if finder is _before:
                attribution = _opening_view(place, memory) or attribution
            return attribution
    if incise is not None:  # «…, dit-il, …» with no name around: the pronoun it is
        place.opening.cache["extra"].append((place.first, incise.subject))
        return incise
    return Attribution()


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
        if gap and gap[0].low in SUBJECT_DETERMINERS | {"les"}:
            return None  # «explique l'absence de X sur le banc des prévenus»: an object first
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
    governed = governed or _coordinated_with_governed(place, verb)
    earlier = [attribution for at, attribution in place.earlier if at > verb.start]
    if earlier or _shares_subject(sentence.tokens, verb):
        previous = earlier[-1] if earlier else _earlier_attribution(place)
        if previous is not None and previous.subject is not None:
            return Attribution(previous.subject, how="before", verb=verb, governed=governed)
    mentions = mentions_of(sentence, memory)
    if verb.passive:
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


def _coordinated_with_governed(place: Place, verb: VerbHit) -> bool:
    """«a appelé au «calme» et au «dialogue»»: words joined by «et», «ou» or a comma to
    words the same verb governs are governed too."""
    if not place.earlier:
        return False
    at, previous = place.earlier[-1]
    if not previous.governed or previous.verb is not verb:
        return False
    between = place.opening.tokens[at + 1 : place.first]
    return bool(between) and all(
        token.low in COORDINATED_WORDS or token.low in ("et", "ou", ",") for token in between
    )


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
    """Tokens inside «, qui …,», «, dont …,», «, que X a pu consulter,» and a participle's
    apposition («Le collectif, né en 2022 sur les réseaux sociaux, réclame») before
    ``end``: what they name is not the subject."""
    hidden: set[int] = set()
    index = 0
    while index < end:
        if (
            tokens[index].low == ","
            and index + 1 < end
            and (
                tokens[index + 1].low in ("qui", "dont", "où", "que", "qu’")
                or _apposed_participle(tokens[index + 1])
            )
        ):
            close = index + 2
            while close < end and tokens[close].low != ",":
                close += 1
            hidden.update(range(index, close))
            index = close
        index += 1
    return hidden


def _apposed_participle(token: Token) -> bool:
    """«né», «créée», «fondés», «élu»: a past participle opening an apposition."""
    low = token.low
    return token.is_word and (low in APPOSED_PARTICIPLES or low.endswith(("é", "ée", "és", "ées")))


def hidden_tokens(sentence: Sentence) -> set[int]:
    """The tokens of a sentence inside relative clauses and appositions."""
    if "hidden" not in sentence.cache:
        sentence.cache["hidden"] = _relative_clauses(sentence.tokens, len(sentence.tokens))
    return sentence.cache["hidden"]


def _earlier_attribution(place: Place) -> Attribution | None:
    return place.earlier[-1][1] if place.earlier else None


def _opening_view(place: Place, memory: Discourse) -> Attribution | None:
    """«Pour la PEEP, les groupes de niveau répondent à «…»»: a sentence opening «Pour X,»
    gives X's view, whatever its verb's subject, unless that subject is a person."""
    sentence = place.opening
    tokens = sentence.tokens
    if not tokens or tokens[0].low != "pour":
        return None
    mentions = mentions_of(sentence, memory)
    opening = next((m for m in mentions if m.start == 1), None)
    if opening is None or opening.kind not in SPEAKERS or opening.end >= len(tokens):
        return None
    if tokens[opening.end].low != ",":
        return None
    after = [m for m in mentions if opening.end < m.start < place.first and not m.oblique]
    if any(m.kind in ("person", "role", "pronoun") for m in after):
        return None
    if opening.kind == "pronoun":
        sentence.cache["extra"].append((opening.start, opening))
    return Attribution(opening, how="source", governed=True)


# 4. Announced -------------------------------------------------------------------------------


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
        subject.speaks = True  # that sentence was read already: resolve its speaker now
        memory.resolve(subject, salient=True)
    return Attribution(subject, how="before", verb=verb, governed=True)


# 5–7. Source, colon, subject ---------------------------------------------------------------


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
                if mention.medium:
                    reported = _reported_subject(sentence, mention, memory)
                    if reported is not None:
                        return Attribution(reported, how="source", governed=True)
                if mention.kind == "pronoun":
                    sentence.cache["extra"].append((mention.start, mention))
                return Attribution(mention, how="source", governed=True)
    return None


def _reported_subject(sentence: Sentence, medium: Mention, memory: Discourse):
    """«Selon le Parisien, le ministre aurait jugé «…»»: a medium reports the words; the
    subject after it said them."""
    for mention in mentions_of(sentence, memory):
        if mention.start < medium.end or mention.oblique or mention.source:
            continue
        if mention.kind in ("person", "role", "pronoun"):
            return mention
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


def _clause_pronoun(place: Place, words: str, memory: Discourse) -> Attribution | None:
    """«Sur scène, elle a dédié sa victoire à sa mère, «qui…»», «où elle apprend l'anglais
    «en même temps que la discipline»»: lowercase words woven into a clause with no speech
    verb are those of its subject pronoun, not after an article (a term: «une «…»»)."""
    sentence, index = place.opening, place.first
    if not words[:1].islower() or index == 0 or sentence.tokens[index - 1].low in ARTICLES:
        return None
    for mention in reversed(mentions_of(sentence, memory)):
        if mention.end > index:
            continue
        if _clause_break(sentence.tokens[mention.end : index]):
            return None
        if mention.kind == "pronoun" and mention.name in SUBJECT_PRONOUNS and mention.personal:
            if not mention.oblique and not mention.source:
                sentence.cache["extra"].append((mention.start, mention))
                return Attribution(mention, how="subject")
    return None


def _closing_statement(place: Place, words: str, memory: Discourse) -> Attribution | None:
    """«Elle a donné rendez-vous dans un café de Belleville, «Je viens ici depuis mes 15
    ans».»: a statement set off by a comma that ends the sentence is said by the subject
    opening it, a person or a pronoun standing for one."""
    sentence, index = place.opening, place.first
    tokens = sentence.tokens
    if index < 2 or tokens[index - 1].low != "," or not words[:1].isupper():
        return None
    if len(words.split()) < STATEMENT_WORDS or place.closing is not sentence:
        return None
    if any(token.kind != "punct" for token in tokens[place.last + 1 :]):
        return None
    mentions = mentions_of(sentence, memory)
    if not mentions or mentions[0].start != 0 or _clause_break(tokens[:index]):
        return None
    mention = mentions[0]
    if mention.kind == "pronoun" and mention.name in SUBJECT_PRONOUNS and mention.personal:
        sentence.cache["extra"].append((mention.start, mention))
        return Attribution(mention, how="subject")
    if mention.kind == "person":
        return Attribution(mention, how="subject")
    return None


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
