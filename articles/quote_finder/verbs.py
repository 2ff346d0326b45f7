"""Speech verbs in a sentence's tokens: «a déclaré», «estime-t-il», «a-t-elle ajouté»,
«s'est agacé», «soulignant», «peut-on lire».

Every form the finder knows is generated once at import from the lexicon's infinitives,
so finding the verbs of a sentence is one dictionary look-up per word.
"""

import re
from dataclasses import dataclass

from .lexicon import (
    ADVERBS,
    ARTICLES,
    AUXILIARIES,
    DOCUMENT_ONLY_VERBS,
    ER_VERBS,
    ETRE_FORMS,
    INSERTED_BETWEEN,
    IR_VERBS,
    IRREGULAR_VERBS,
    MODAL_VERBS,
    NOUN_HOMOGRAPHS,
    POSSESSIVES,
    REFLEXIVE_ER_VERBS,
    REFLEXIVE_IR_VERBS,
    WRITING_VERBS,
)
from .text import Token

INVERTED_RE = re.compile(r"^(?P<verb>.+?)(?:-t)?-(?P<pronoun>il|elle|ils|elles|on)$")
REFLEXIVE_WORDS = {"se", "s’", "s'"}
INCISE_WORDS = 5  # words of an incise between an auxiliary and its participle
INSERTED_PHRASES = [phrase.split() for phrase in INSERTED_BETWEEN.split("|")]
FEMININE_AGREEMENT_RE = re.compile(r"(?:ée|ie|ue|ise|ite|te)s?$")


@dataclass(frozen=True)
class Form:
    lemma: str
    mood: str  # "finite", "past" (participle), "present" (participle) or "infinitive"


@dataclass(eq=False)
class VerbHit:
    start: int  # first token (the auxiliary, or «se»)
    end: int  # after the verb's last token
    lemma: str
    mood: str
    pronoun: str | None = None  # the inverted subject pronoun: «a-t-il», «estime-t-elle»
    document: bool = False  # a verb that quotes a text: «prévoit», «écrit», «peut-on lire»
    feminine: bool | None = None  # agreement of a participle after «être»

    @property
    def participle(self) -> bool:
        return self.mood == "present"

    @property
    def passive(self) -> bool:
        """A past participle alone: «une position jugée «hypocrite»», «des propos qualifiés»."""
        return self.mood == "past" and self.end - self.start == 1 and not self.pronoun


def _first_group(infinitive: str) -> dict[str, str]:
    stem = infinitive[:-2]
    soft = stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
    forms = {
        stem + "e": "finite",
        stem + "ent": "finite",
        soft + "ait": "finite",
        soft + "aient": "finite",
        soft + "a": "finite",
        stem + "èrent": "finite",
        stem + "era": "finite",
        stem + "eront": "finite",
        stem + "erait": "finite",
        stem + "eraient": "finite",
        soft + "ant": "present",
        stem + "é": "past",
        stem + "ée": "past",
        stem + "és": "past",
        stem + "ées": "past",
        infinitive: "infinitive",
    }
    grave = re.sub(r"é([^aeiouyéèê]+)$", r"è\1", stem)  # concéder → concède
    doubled = stem + stem[-1] if re.search(r"e[lt]$", stem) else stem  # appeler → appelle
    opened = re.sub(r"e([^aeiouyéèê])$", r"è\1", stem)  # marteler → martèle, relever
    for present in {grave, doubled, opened} - {stem}:
        forms.update({present + "e": "finite", present + "ent": "finite"})
        forms.update({present + "era": "finite", present + "erait": "finite"})
    return forms


def _second_group(infinitive: str) -> dict[str, str]:
    stem = infinitive[:-2]
    return {
        stem + "it": "finite",
        stem + "issent": "finite",
        stem + "issait": "finite",
        stem + "issaient": "finite",
        stem + "ira": "finite",
        stem + "iront": "finite",
        stem + "irait": "finite",
        stem + "irent": "finite",
        stem + "issant": "present",
        stem + "i": "past",
        stem + "ie": "past",
        stem + "is": "past",
        stem + "ies": "past",
        infinitive: "infinitive",
    }


def _irregular(forms: str) -> dict[str, str]:
    moods = {}
    for form in forms.split():
        if form.endswith("ant"):
            moods[form] = "present"
        elif form.endswith(("re", "ir", "er")):
            moods[form] = "infinitive"
        elif form.endswith(("u", "ue", "us", "is", "ise", "ite", "te", "ts", "tes", "i")):
            moods[form] = "past"
        else:
            moods[form] = "finite"
    # «dit», «écrit», «fait», «craint» are both finite and participles.
    for form in forms.split():
        if form.endswith(("it", "int")) and moods[form] == "finite":
            moods[form] = "finite+past"
    return moods


def _build_forms() -> tuple[dict[str, list[Form]], dict[str, list[Form]], set[str]]:
    """Every form → the verbs it can be (a verb of several words first: «fait» → «faire
    état», «faire valoir»…)."""
    plain: dict[str, list[Form]] = {}
    reflexive: dict[str, list[Form]] = {}

    def add(table, lemma, forms):
        for form, mood in forms.items():
            table.setdefault(form, []).append(Form(lemma, mood))

    for infinitive in ER_VERBS:
        add(plain, infinitive, _first_group(infinitive))
    for infinitive in IR_VERBS:
        add(plain, infinitive, _second_group(infinitive))
    for infinitive in REFLEXIVE_ER_VERBS:
        add(reflexive, infinitive, _first_group(infinitive))
    for infinitive in REFLEXIVE_IR_VERBS:
        add(reflexive, infinitive, _second_group(infinitive))
    for lemma, forms in IRREGULAR_VERBS.items():
        for name in lemma.split("|"):
            table = reflexive if name.startswith(("se ", "s'")) else plain
            add(table, name.removeprefix("se ").removeprefix("s'"), _irregular(forms))
    documents = set()
    for lemma, forms in DOCUMENT_ONLY_VERBS.items():
        for form, mood in _irregular(forms).items():
            plain.setdefault(form, []).append(Form(lemma, mood))
            documents.add(form)
    for table in (plain, reflexive):
        for forms in table.values():
            forms.sort(key=lambda form: -len(form.lemma.split()))
    return plain, reflexive, documents


FORMS, REFLEXIVE_FORMS, DOCUMENT_FORMS = _build_forms()


def find_verbs(tokens: list[Token]) -> list[VerbHit]:
    """The speech verbs of a sentence, in order, each with its auxiliary and inversion."""
    hits = []
    index = 0
    while index < len(tokens):
        hit = _verb_at(tokens, index)
        if hit is None:
            index += 1
        else:
            hits.append(_with_modal(tokens, hit))
            index = hit.end
    return hits


def _with_modal(tokens: list[Token], hit: VerbHit) -> VerbHit:
    """«a tenu à souligner», «a-t-elle voulu rappeler», «tient à préciser»: a verb of will
    before an infinitive makes it said, with the tense and subject of that verb."""
    if hit.mood != "infinitive":
        return hit
    position = hit.start - 1
    if position >= 0 and tokens[position].low in ("à", "de", "d’"):
        position -= 1
    if position < 0:
        return hit
    base, pronoun = _split_inversion(tokens[position].low)
    if base not in MODAL_VERBS:
        return hit
    start, mood = position, "finite"
    if position > 0 and tokens[position - 1].low.split("-")[0] in AUXILIARIES:
        start, mood = position - 1, "past"
        pronoun = pronoun or _split_inversion(tokens[start].low)[1]
    return VerbHit(start, hit.end, hit.lemma, mood, pronoun, hit.document, hit.feminine)


def _verb_at(tokens: list[Token], index: int) -> VerbHit | None:
    token = tokens[index]
    if not token.is_word:
        return None
    base, pronoun = _split_inversion(token.low)
    reflexive = index > 0 and tokens[index - 1].low in REFLEXIVE_WORDS
    start = index - 1 if reflexive else index
    if base == "peut" and pronoun == "on" and _next_words(tokens, index + 1, ["lire"]):
        return VerbHit(start, index + 2, "lire", "finite", "on", document=True)
    if base in AUXILIARIES:
        return _compound(tokens, index, start, base, pronoun, reflexive)
    if _is_noun_here(tokens, index, base):
        return None
    found = _match(tokens, index + 1, _forms(base, reflexive))
    if found is None:
        return None
    form, end = found
    mood = "finite" if form.mood == "finite+past" else form.mood
    return VerbHit(start, end, form.lemma, mood, pronoun, _quotes_a_text(base, form))


def _compound(tokens, index, start, auxiliary, pronoun, reflexive) -> VerbHit | None:
    """An auxiliary and the participle after it, a few adverbs apart: «a-t-il encore dit»,
    «s'est-elle réjouie», «a-t-elle été ravie»."""
    position = _past_incise(tokens, index + 1)
    first = position
    while position < len(tokens) and position - first <= 2 and tokens[position].low in ADVERBS:
        position += 1
    if position >= len(tokens):
        return None
    word = tokens[position].low
    participles = [f for f in _forms(word, reflexive) if f.mood in ("past", "finite+past")]
    found = _match(tokens, position + 1, participles)
    feminine = None
    if auxiliary in ETRE_FORMS or word == "été":
        agreeing = (
            tokens[position + 1].low if word == "été" and position + 1 < len(tokens) else word
        )
        feminine = FEMININE_AGREEMENT_RE.search(agreeing) is not None
    if found is not None:
        form, end = found
        return VerbHit(
            start, end, form.lemma, "past", pronoun, _quotes_a_text(word, form), feminine
        )
    if pronoun and word == "été" and position + 1 < len(tokens):
        return VerbHit(start, position + 2, "être", "past", pronoun, False, feminine)
    return None


def _past_incise(tokens: list[Token], position: int) -> int:
    """Past a short phrase between an auxiliary and its participle, set off by commas («a,
    de son côté, appelé», «a, lui aussi, dénoncé») or one of the usual ones («a pour sa
    part salué», «a une nouvelle fois dénoncé»)."""
    for phrase in INSERTED_PHRASES:
        if _next_words(tokens, position, phrase):
            return position + len(phrase)
    if position >= len(tokens) or tokens[position].low != ",":
        return position
    for close in range(position + 2, min(position + INCISE_WORDS + 2, len(tokens))):
        if tokens[close].low == ",":
            return close + 1
        if not tokens[close].is_word and tokens[close].kind != "elided":
            break
    return position


def _match(tokens: list[Token], position: int, forms: list[Form]) -> tuple[Form, int] | None:
    """The first of the verbs a form can be whose other words follow, and where it ends."""
    for form in forms:
        end = _lemma_end(tokens, position, form)
        if end is not None:
            return form, end
    return None


def _lemma_end(tokens: list[Token], position: int, form: Form) -> int | None:
    """Past the words a verb of several words needs («fait état», «met en garde»)."""
    rest = form.lemma.split()[1:]
    if rest and not _next_words(tokens, position, rest):
        return None
    return position + len(rest)


def _next_words(tokens: list[Token], position: int, words: list[str]) -> bool:
    following = [token.low for token in tokens[position : position + len(words)]]
    return following == words


def _split_inversion(word: str) -> tuple[str, str | None]:
    match = INVERTED_RE.match(word)
    if match is None:
        return word, None
    return match["verb"], match["pronoun"]


def _forms(word: str, reflexive: bool) -> list[Form]:
    if reflexive and word in REFLEXIVE_FORMS:
        return REFLEXIVE_FORMS[word] + FORMS.get(word, [])
    return FORMS.get(word, [])


def _is_noun_here(tokens: list[Token], index: int, word: str) -> bool:
    """«l'estime», «une note», «le juge»: a determiner makes the word a noun."""
    if word not in NOUN_HOMOGRAPHS or index == 0:
        return False
    before = tokens[index - 1].low
    return before in ARTICLES or before in POSSESSIVES


def _quotes_a_text(word: str, form: Form) -> bool:
    return word in DOCUMENT_FORMS or form.lemma in WRITING_VERBS
