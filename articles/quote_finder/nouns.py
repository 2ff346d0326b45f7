"""The nouns and words mentions are made of, derived once from the lexicon: role nouns
with their gender and plural, bodies, texts, given names; and the tests a word must pass to
start a name, qualify a role or complete it."""

from .lexicon import (
    DOCUMENT_NOUNS,
    FEMININE_NAMES,
    FUNCTION_WORDS,
    MASCULINE_NAMES,
    NAME_PARTICLES,
    ORGANISATION_NOUNS,
    ROLE_ADJECTIVE_ENDINGS,
    ROLE_ADJECTIVES,
    ROLE_NOUNS,
    TIME_WORDS,
)
from .text import Token, fold
from .verbs import FORMS


def _role_table() -> dict[str, tuple[str, str | None, bool]]:
    """Every role noun form → (masculine singular, gender, plural)."""
    table = {}
    for entry in ROLE_NOUNS.split():
        masculine, _, feminine = entry.partition("/")
        forms = [(masculine, "m" if feminine else None)]
        if feminine:
            forms.append((feminine, "f"))
        for form, gender in forms:
            table.setdefault(form, (masculine, gender, False))
            table.setdefault(_plural(form), (masculine, gender, True))
    return table


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    if word.endswith("eau"):
        return word + "x"
    return word + "s"


ROLES = _role_table()


ORGANISATIONS = {form: noun for noun in ORGANISATION_NOUNS for form in (noun, _plural(noun))}


DOCUMENTS = {form: noun for noun in DOCUMENT_NOUNS for form in (noun, _plural(noun))}


FIRST_NAMES = {fold(name): "m" for name in MASCULINE_NAMES} | {
    fold(name): "f" for name in FEMININE_NAMES
}


def first_name_gender(word: str) -> str | None:
    """The gender of a given name, by its first part («Jean-Marie» → m)."""
    key = fold(word)
    return FIRST_NAMES.get(key) or FIRST_NAMES.get(key.split(" ")[0]) if key else None


def preposition_before(tokens: list[Token], index: int) -> str:
    """The word before ``index``, capital «A» read as «à» («A New York»)."""
    if index == 0:
        return ""
    before = tokens[index - 1]
    return "à" if before.text == "A" else before.low


def can_start_name(token: Token | None) -> bool:
    return token is not None and token.is_capitalised and token.low not in FUNCTION_WORDS


def is_particle(token: Token) -> bool:
    return token.low in NAME_PARTICLES


def is_adjective(token: Token) -> bool:
    """A lowercase word that can qualify a role: «américain», «adjoint», «socialiste»."""
    low = token.low
    if token.kind != "word" or not low[0].isalpha() or token.text[0].isupper():
        return False
    if low in FUNCTION_WORDS or low in TIME_WORDS or low in FORMS:
        return False
    return low in ROLE_ADJECTIVES or (len(low) > 3 and low.endswith(ROLE_ADJECTIVE_ENDINGS))


def is_complement_noun(token: Token) -> bool:
    """A lowercase noun after «de»: «du département», «de la santé»."""
    low = token.low
    return (
        token.kind == "word"
        and low[0].isalpha()
        and not token.text[0].isupper()
        and low not in FUNCTION_WORDS
        and low not in TIME_WORDS
        and low not in FORMS
    )
