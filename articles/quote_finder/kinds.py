"""What guillemets hold: someone's words, or a name, a title or a term.

Not quotations: a title or a name announced by its noun («le film «…»», «plan «France
2030»»», «l'affaire des «fadettes»») or by a naming word («surnommé «le Tigre»»); a term
after an article («le «wokisme»», «une «bavure»») ; one or two words, or a short
capitalised title-like phrase, that no speech verb or speaker governs; guillemets in an
intertitle without a speech verb. What remains is a «document» when it comes from a text,
a «fragment» when woven into the sentence (lowercase start, or governed by «que», «de»…),
else a «full» statement.
"""

import re

from .attribution import Attribution
from .lexicon import (
    APPOSITION_DETERMINERS,
    ARTICLES,
    AUXILIARIES,
    CALL_PREPOSITIONS,
    CLAUSE_STARTERS,
    DOCUMENT_ONLY_VERBS,
    GOVERNING_WORDS,
    MEDIUM_PREPOSITIONS,
    NAMING_STEMS,
    NAMING_WORDS,
    OBJECT_CLAUSE,
    PLACE_TITLE_NOUNS,
    QUALIFYING_VERBS,
    RANK_ADJECTIVES,
    TERM_VERBS,
    TITLE_GAP_WORDS,
    TITLE_NOUNS,
    VERB_WORDS,
    WRITING_VERBS,
)
from .text import Sentence
from .verbs import find_verbs

NAMING_OBJECT_WINDOW = 4  # words of the named thing between a naming verb and the name
TITLE_NOUN_REACH = 3  # words from a determiner to its title noun («son tout dernier album»)
TITLE_WINDOW = 4  # words between a title noun and the guillemets («le dernier film de X, «…»»)
LEADING_NOISE_RE = re.compile(r"^(?:\[[^\]]*\]|\([^)]*\)|[\W_])*")
SENTENCE_PUNCTUATION_RE = re.compile(r"[.!?…]\W*$")
WORD_RE = re.compile(r"[\w’']+")


def is_quotation(words: str, sentence: Sentence, index: int, attribution: Attribution) -> bool:
    """Whether the guillemets at token ``index`` of ``sentence`` hold someone's words."""
    count = len(words.split())
    before = _word_before(sentence, index)
    if sentence.intertitle and attribution.how not in ("incise", "after", "before"):
        return False
    if _named(words, sentence, index, attribution):
        return False
    if before in ARTICLES and not _spoken(attribution) and (count <= 2 or not attribution.found):
        return False
    if count <= 2 and not (attribution.governed and attribution.found):
        return _alone(sentence, index) and not _title_like(words)  # «Jamais.»
    if _title_like(words) and (not attribution.found or before in MEDIUM_PREPOSITIONS):
        return False
    if _title_like(words) and count <= 2 and attribution.how == "before" and before != ":":
        return False  # «a évoqué «Notre-Dame»»
    return True


def _spoken(attribution: Attribution) -> bool:
    """A speech verb governs the words closely: «a dénoncé un «plan prémédité»», «a appelé
    au «calme»» — the words are someone's, even after an article."""
    verb = attribution.verb
    if attribution.how != "before" or not attribution.governed or verb is None:
        return False
    if verb.lemma in TERM_VERBS:
        return False  # «les prévisionnistes parlent d'une «cyclogenèse explosive»»: a term
    return verb.lemma not in DOCUMENT_ONLY_VERBS or verb.lemma in WRITING_VERBS  # not «prévoit»


def _alone(sentence: Sentence, index: int) -> bool:
    """The sentence is the quotation alone (a full stop aside)."""
    others = sentence.tokens[:index] + sentence.tokens[index + 1 :]
    return all(token.kind == "punct" for token in others)


def kind_of(words: str, sentence: Sentence, index: int, attribution: Attribution) -> str:
    if attribution.document:
        return "document"
    return "fragment" if _is_fragment(words, sentence, index) else "full"


def _is_fragment(words: str, sentence: Sentence, index: int) -> bool:
    """Woven into the sentence: starts lowercase, or follows «que», «de», an article…"""
    start = LEADING_NOISE_RE.sub("", words)
    if not start:
        return False
    before = _word_before(sentence, index)
    if start[0].islower():
        return not (before == ":" and len(words.split()) >= 4)
    first = WORD_RE.match(start)
    first_word = first.group().lower().replace("'", "’") if first else ""
    return before in GOVERNING_WORDS and first_word not in CLAUSE_STARTERS


def _named(words: str, sentence: Sentence, index: int, attribution: Attribution) -> bool:
    """A name or title: «surnommé «…»», «le film «…»», «plan «…»», «l'affaire des «…»».

    Not after a title noun: words a speech verb governs that open in lower case («a défendu
    une réforme «attendue par tous»», «a exigé que le groupe «assume»»), nor a statement
    after a colon («ne mâche pas ses mots : «Nous…»»)."""
    tokens = sentence.tokens
    position = index - 1
    if position >= 0 and tokens[position].low in ARTICLES:
        position -= 1
    if position >= 0 and _naming_word(sentence, position):
        return True
    if _naming_verb_before(tokens, index):
        return True
    after = index + 2
    if after + 1 < len(tokens) and tokens[index + 1].low == ",":
        if tokens[after].low in APPOSITION_DETERMINERS and _title_noun_follows(tokens, after + 1):
            return True  # «Emilia Pérez», le film de Jacques Audiard; «…», son quatrième album
    if _said_not_named(words, sentence, index, attribution):
        return False
    for back in range(index - 1, max(-1, index - 2 - TITLE_WINDOW), -1):
        token = tokens[back]
        if _is_title_noun(token.low):
            if token.low in PLACE_TITLE_NOUNS and _sentence_after_comma(words, tokens, index):
                return False
            return not _qualified(sentence, back)
        if not (token.low in TITLE_GAP_WORDS or token.is_capitalised or _adjective_like(token.low)):
            return False
    return False


def _sentence_after_comma(words: str, tokens, index: int) -> bool:
    """«dans un café de Belleville, “Je viens ici depuis mes 15 ans”»: a sentence set
    off by a comma, not the short name of the place."""
    return index > 0 and tokens[index - 1].low == "," and not _title_like(words)


def _title_noun_follows(tokens, position: int) -> bool:
    """A title noun, maybe after a rank or an adjective: «film», «quatrième long-métrage»,
    «nouvel album»."""
    for token in tokens[position : position + TITLE_NOUN_REACH]:
        if _is_title_noun(token.low):
            return True
        if not (token.low.endswith("ième") or token.low in TITLE_GAP_WORDS):
            if not _adjective_like(token.low) and token.low not in RANK_ADJECTIVES:
                return False
    return False


def _said_not_named(words: str, sentence: Sentence, index: int, attribution) -> bool:
    """Words after a title noun that are said rather than named: a statement announced by
    a colon, words given «selon» someone, or lowercase words a speech verb governs (a title
    opens with a capital)."""
    start = LEADING_NOISE_RE.sub("", words)
    if index and sentence.tokens[index - 1].low == ":" and not _title_like(words):
        return True
    if attribution.how == "source" and attribution.subject is not None:
        if not _title_like(words) and len(words.split()) > 2:
            return True  # «Selon une source proche du dossier, «la piste…»»
    return bool(start) and start[0].islower() and _spoken(attribution)


def _is_title_noun(word: str) -> bool:
    return word in TITLE_NOUNS or word.rstrip("sx") in TITLE_NOUNS


def _naming_word(sentence: Sentence, position: int) -> bool:
    """«surnommé», «baptisé», «dit» (not «a dit»), «s'appelle»."""
    tokens = sentence.tokens
    word = tokens[position].low
    if word.startswith("s’appel") or word in ("alias", "surnom", "pseudonyme"):
        return True
    if word in ("appelle", "appellent", "appelait", "appelaient", "nomme", "baptise"):
        return True  # «ce que le Hamas appelle «…»»: a name it gives
    if word not in NAMING_WORDS:
        return False
    previous = tokens[position - 1].low if position else ""
    return previous not in AUXILIARIES and not previous.endswith(("-il", "-elle"))


def _naming_verb_before(tokens, index: int) -> bool:
    """A naming verb whose object stands between it and the name: «a surnommé le texte la
    «loi des patrons»», «appellent leur chef «le Vieux»»."""
    for back in range(index - 1, max(-1, index - 2 - NAMING_OBJECT_WINDOW), -1):
        token = tokens[back]
        if token.kind != "word" and token.kind != "elided":
            return False
        if token.low in OBJECT_CLAUSE or token.low in CALL_PREPOSITIONS:
            return False  # «a appelé les deux camps au «calme»»: a call, not a name
        if token.low.startswith(NAMING_STEMS):
            return True
    return False


def _qualified(sentence: Sentence, position: int) -> bool:
    """«a qualifié le projet de «désastreux»»: the noun is the object of a judgement."""
    verbs = find_verbs(sentence.tokens[max(0, position - 4) : position])
    return any(verb.lemma in QUALIFYING_VERBS for verb in verbs)


def _adjective_like(word: str) -> bool:
    return word.endswith(("é", "ée", "és", "ées", "al", "ale", "el", "elle", "ain", "aine", "ais"))


def _title_like(words: str) -> bool:
    """«Ocean Viking», «France 2030», «Le Monde»: a few words, capitalised, no sentence."""
    found = WORD_RE.findall(words)
    if not found or not words[0].isupper() or len(found) > 4:
        return False
    if SENTENCE_PUNCTUATION_RE.search(words):
        return False
    lowered = [word.lower().replace("'", "’") for word in found]
    return not any(word in CLAUSE_STARTERS or word in VERB_WORDS for word in lowered)


def _word_before(sentence: Sentence, index: int) -> str:
    return sentence.tokens[index - 1].low if index > 0 else ""
