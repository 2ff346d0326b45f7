"""Who the speaker finally is, once an attribution is found, and who speaks a statement
standing alone.

A text speaks through its issuer («le rapport de la Cour des comptes» → Cour des comptes),
the subject who publishes it, the owner of a possessive («son rapport»), or an author
named in the sentences after it («Il est signé du maire»), and makes the words a
«document»; so do «dans un communiqué», «sur X» and the verbs of writing. Several people
joined by «et» are no single speaker. A definite role may describe someone already met
(``refers_back``, resolved by the discourse memory). A statement standing alone is said
by whom the previous sentence was about, or by the latest speaker of this paragraph or
the one before; opening its paragraph, by the person the next sentence brings in
(``Hook``). A question answered right after by the one the context gave it to was asked
by someone else.
"""

from dataclasses import dataclass

from .attribution import Attribution, Place, hidden_tokens
from .discourse import Discourse
from .lexicon import (
    AUTHOR_LINKS,
    CONTRAST_PHRASES,
    CONTRAST_PRONOUNS,
    DOCUMENT_INTRODUCERS,
    ISSUING_STEMS,
    NETWORKS,
    POSSESSIVES,
    REPLY_VERBS,
    SPEECH_NOUNS,
    SPOKEN_FORMS,
)
from .mentions import Mention
from .nouns import ANAPHORIC
from .text import Sentence


def settle(attribution: Attribution, place: Place, memory: Discourse) -> Attribution:
    """Mark the speaker, and read a text's issuer as the speaker of a document quote: named
    with it, or who signed the text met before («L'arrêté justifie…»)."""
    subject = attribution.subject
    if subject is not None and _coordinated(subject, place):
        attribution.subject = subject = None  # «Jean Dupont et Marie Durand ont affirmé»
    if subject is not None and subject.kind == "pronoun":
        attribution.subject = subject = memory.text_before(subject, place.opening.index) or subject
    if subject is not None and subject.kind == "document":
        attribution.document = True
        issuer = subject.issuer or _issuing_subject(subject, place)
        if issuer is None:
            attribution.entity = memory.issuer_of(subject) or _owner(subject, place, memory)
        attribution.subject = subject = issuer
    verb = attribution.verb
    if verb is not None and verb.document:
        attribution.document = True
    passive = verb is not None and verb.passive
    if not passive and (_cites_a_text(place.opening) or _cites_a_text(place.closing)):
        attribution.document = True
        if _no_one(subject) and attribution.entity is None:
            attribution.subject = subject = _issuer_cited(place.opening) or subject
    if subject is not None:
        subject.speaks = True
        subject.refers_back = _refers_back(subject, attribution, _someone_spoke(memory, place))
        subject.replies = attribution.verb is not None and attribution.verb.lemma in REPLY_VERBS
        feminine = attribution.verb.feminine if attribution.verb is not None else None
        if feminine is not None and subject.kind != "pronoun" and subject.gender is None:
            subject.gender = "f" if feminine else "m"  # «s'est excusée Claude Dupont»
    return attribution


def _issuing_subject(text: Mention, place: Place) -> Mention | None:
    """«Il a publié un communiqué accusant l'armée de «…»»: a text the subject signs,
    publishes or sends is theirs."""
    if not text.issued:
        return None
    sentence = place.opening
    for mention in sentence.cache.get("mentions", []):
        if mention.start >= text.start:
            return None
        if mention.oblique or mention.source or mention.kind not in SPEAKING_KINDS:
            continue
        if mention.kind == "pronoun":
            if not (mention.leads and mention.personal):
                return None
            sentence.cache["extra"].append((mention.start, mention))
        return mention
    return None


SPEAKING_KINDS = ("person", "role", "organisation", "pronoun")


def _owner(text: Mention, place: Place, memory: Discourse):
    """«Son rapport évoque «…»», «Dans sa lettre, …»: a text with a possessive is by the
    person or body the sentence before was about, or the latest speaker nearby."""
    tokens = place.opening.tokens
    if text.start >= len(tokens) or tokens[text.start].low not in POSSESSIVES:
        return None
    return memory.in_focus(place.opening.index, place.opening.block)


def _coordinated(subject: Mention, place: Place) -> bool:
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


def _someone_spoke(memory: Discourse, place: Place) -> bool:
    """Whether someone spoke in this paragraph or the one before: a reply answers them."""
    speaker = memory.last_speaker
    return speaker is not None and place.opening.block - speaker[1] <= 1


def _refers_back(subject: Mention, attribution: Attribution, answered: bool = True) -> bool:
    """Whether a definite role without a name may describe someone already in the article:
    a bare role noun («l'attaquant»), a role after an inverted verb («a déploré le député de
    Seine-Saint-Denis») or opening the sentence («La présidente du groupe a ajouté»); not
    a reply («a répondu le maire») to someone who just spoke, which brings in someone
    else."""
    if subject.kind != "role" or not subject.definite or subject.plural or subject.possessive:
        return False
    if subject.head in ANAPHORIC:
        return True  # «a réagi le premier concerné» is the one the sentence before named
    if attribution.verb is not None and attribution.verb.lemma in REPLY_VERBS and answered:
        return False  # «a répondu le maire» after someone spoke: another person
    bare = len(subject.role.split()) == 1
    return bare or attribution.how == "after" or subject.start == 0


def _no_one(subject: Mention | None) -> bool:
    """No speaker, or the impersonal «on» («on y lit»)."""
    return subject is None or (subject.kind == "pronoun" and subject.name == "on")


def _issuer_cited(sentence: Sentence) -> Mention | None:
    """«Dans un courriel envoyé par Luc Arnaud, on lit : «…»»: who issued the text the
    words come from, when the sentence names no speaker."""
    for mention in sentence.cache.get("mentions", []):
        if mention.kind == "document" and mention.issuer is not None:
            return mention.issuer
    return None


def _spoken(tokens, mention: Mention) -> bool:
    """«dans son message vidéo», «dans un message vocal»: words said, though recorded."""
    return any(token.low in SPOKEN_FORMS for token in tokens[mention.start : mention.end + 2])


def _cites_a_text(sentence: Sentence) -> bool:
    """«dans un communiqué», «selon le rapport», «sur X», «sur son compte Instagram»."""
    mentions = sentence.cache.get("mentions", [])
    tokens = sentence.tokens
    for mention in mentions:
        if mention.kind == "document" and mention.start and not _spoken(tokens, mention):
            if tokens[mention.start - 1].low in DOCUMENT_INTRODUCERS:
                return True
    hidden = hidden_tokens(sentence)
    for position, token in enumerate(tokens[:-1]):
        if (
            token.low == "sur"
            and position not in hidden
            and (
                tokens[position + 1].low in NETWORKS
                or (position + 2 < len(tokens) and tokens[position + 2].low in NETWORKS)
            )
        ):
            return True
    return False


def from_context(place: Place, memory: Discourse) -> Attribution:
    """A full statement standing alone: said by the named person the previous sentence was
    about («Jean Dupont hausse les épaules. «…»»), else by the latest speaker of this
    paragraph or the one before, else by whoever the previous sentence was about."""
    sentence = place.opening
    subject = memory.last_subject
    if subject is not None and subject[1] != sentence.index - 1:
        subject = None
    speaker = memory.last_speaker
    if speaker is not None and sentence.block - speaker[1] > 1:
        speaker = None
    named = subject is not None and subject[0].kind in ("person", "organisation")
    chosen = subject if named else speaker or subject
    if chosen is None:
        return Attribution(how="context")
    return Attribution(entity=chosen[0], how="context", role_then=chosen[0].role)


@dataclass
class Hook:
    """A statement opening its paragraph with no one named to say it, waiting for the next
    sentence: «J'ai tout perdu.» Marc Aubert, 61 ans, a vu sa maison brûler."""

    candidate: object  # the quotation's candidate, whose attribution may be replaced
    place: Place
    met: int  # how many people and bodies the article had met before it


def is_hook(place: Place, attribution: Attribution, sentences: list[Sentence]) -> bool:
    """A whole sentence of quoted words, the first of its paragraph, said by no one found
    in its own sentence, or by a description that may refer to no one met yet («…»,
    souffle l'ailier de 21 ans)."""
    sentence = place.opening
    if place.first != 0 or place.closing is not sentence:
        return False
    if attribution.found and not _description(attribution.subject):
        return False
    tail = sentence.tokens[place.last + 1 :]
    if not attribution.found and any(token.kind != "punct" for token in tail):
        return False
    before = sentences[sentence.index - 1] if sentence.index else None
    return before is None or before.block != sentence.block


def answer_hooks(hooks: list[Hook], sentence: Sentence, memory: Discourse) -> list[Hook]:
    """After the sentence that follows a hook: a person it brings in as its subject is who
    said the words, over a speaker of the paragraphs before («Mais la maison de Marc
    Aubert… » would not do: he must be the subject). Someone met before takes the words
    only when the context gave no one, and a subject set against someone («Le maire, lui,
    …») answers the words rather than saying them. Hooks wait for one sentence only."""
    waiting = []
    for hook in hooks:
        closing = hook.place.closing
        if sentence.index == closing.index:
            waiting.append(hook)
            continue
        if sentence.index != closing.index + 1 or sentence.block != closing.block:
            continue
        attribution = hook.candidate.attribution
        owner = _words_owner(sentence)
        if owner is not None and not attribution.found:
            hook.candidate.attribution = Attribution(
                entity=owner, how="context", role_then=owner.role
            )
            continue
        subject = memory.last_subject
        if subject is None or subject[1] != sentence.index or subject[0].kind != "person":
            continue
        entity = subject[0]
        new = entity not in memory.entities[: hook.met] and not _contrasts(sentence)
        if attribution.found:
            _name_the_description(attribution, entity, new)
        elif new or attribution.entity is None:
            context = Attribution(entity=entity, how="context", role_then=entity.role)
            context.document = attribution.document
            hook.candidate.attribution = context
    return waiting


def _words_owner(sentence: Sentence):
    """«C'est le cri d'alarme lancé par X», «Les mots sont de X»: a noun of speech, then
    the person whose words they are, after «par» or «de»."""
    tokens = sentence.tokens
    if not any(token.low in SPEECH_NOUNS for token in tokens):
        return None
    for mention in sentence.cache.get("mentions", []):
        if mention.kind != "person" or mention.entity is None or not mention.start:
            continue
        if tokens[mention.start - 1].low in ("par", "de", "d’"):
            return mention.entity
    return None


def _description(subject: Mention | None) -> bool:
    """«l'ailier de 21 ans», «la jeune femme»: a definite description of one person."""
    return (
        subject is not None
        and subject.kind == "role"
        and subject.definite
        and not subject.plural
        and not subject.possessive
    )


def _name_the_description(attribution: Attribution, person, new: bool) -> None:
    """««…», souffle l'ailier de 21 ans. Théo Ramos a inscrit…»: a description no one met
    answered to is the person the next sentence brings in; they take its role."""
    subject = attribution.subject
    described = subject.entity
    if not new or described is None or described.kind != "unnamed":
        return
    if not person.agrees(subject.gender):
        return
    role = subject.role if subject.head not in ANAPHORIC else ""
    if role and not person.role:
        person.role, person.head = role, subject.head
    attribution.subject = None
    attribution.entity, attribution.role_then = person, person.role


CONTRASTS = [phrase.replace("’", "’ ").split() for phrase in CONTRAST_PHRASES.split("|")]


def _contrasts(sentence: Sentence) -> bool:
    """«Le maire, lui, reste optimiste», «De son côté, la préfète…»."""
    lows = [token.low for token in sentence.tokens]
    for position, low in enumerate(lows):
        if low in CONTRAST_PRONOUNS and position and lows[position - 1] == ",":
            if lows[position + 1 : position + 2] == [","]:
                return True
        if any(lows[position : position + len(phrase)] == phrase for phrase in CONTRASTS):
            return True
    return False


def is_unsigned(attribution: Attribution, kind: str) -> bool:
    """Words of a text whose issuer is not named yet: «Le message dit : «…»»."""
    return kind == "document" and attribution.subject is None and attribution.entity is None


def answer_unsigned(hooks: list[Hook], sentence: Sentence, memory: Discourse) -> list[Hook]:
    """Texts quoted before their author is named, in the sentences that follow, in their
    paragraph or the next: «Il est signé du maire, Paul Roy», «l'auteur du courriel,
    Marc Aubert, raconte…». The author found is the issuer of every text still waiting."""
    waiting = [hook for hook in hooks if sentence.block - hook.place.closing.block <= 1]
    later = [hook for hook in waiting if sentence.index > hook.place.closing.index]
    author = _author_in(sentence) if later else None
    if author is None or author.entity is None:
        return waiting
    for hook in later:
        attribution = hook.candidate.attribution
        attribution.entity = author.entity
        attribution.role_then = ""
    return [hook for hook in waiting if hook not in later]


def _author_in(sentence: Sentence) -> Mention | None:
    """«signé par X», «rédigé du maire», «l'auteur du courriel, X»: a person or body said
    to have written a text."""
    for mention in sentence.cache.get("mentions", []):
        if mention.kind not in ("person", "role", "organisation"):
            continue
        if mention.wrote:
            return mention
        if _after_issuing_participle(sentence.tokens, mention):
            return mention
    return None


ISSUED_ENDINGS = ("é", "ée", "és", "ées", "it", "ite", "is", "ise")


def _after_issuing_participle(tokens, mention: Mention) -> bool:
    """«signé par X», «écrite de la main du maire»: the mention follows a participle of
    issuing and «par», «de» or «du» (the last may open the mention itself)."""
    link = mention.start - 1
    if tokens[mention.start].low in AUTHOR_LINKS and (
        link < 0 or tokens[link].low not in AUTHOR_LINKS
    ):
        link = mention.start  # «du PDG»: the article opens the mention
    if link < 1 or tokens[link].low not in AUTHOR_LINKS:
        return False
    participle = tokens[link - 1].low
    return participle.startswith(ISSUING_STEMS) and participle.endswith(ISSUED_ENDINGS)


def asked_by_someone_else(question: Attribution, text: str, answer: Attribution) -> bool:
    """«Pourquoi ce livre ?» «Parce que…», répond l'autrice: a question standing alone,
    given by the context to the one who answers it right after, was asked by someone else
    (the journalist, unnamed)."""
    if question.how != "context" or not text.rstrip().endswith("?"):
        return False
    if answer.verb is None or answer.verb.lemma not in REPLY_VERBS:
        return False
    answerer = answer.subject.entity if answer.subject is not None else answer.entity
    return answerer is not None and answerer is question.entity
