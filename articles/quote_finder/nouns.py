"""The nouns and words mentions are made of, derived once from the lexicon: role nouns
with their gender and plural, bodies, texts, given names; and the tests a word must pass to
start a name, qualify a role or complete it."""

from .lexicon import (
    ANAPHORIC_ROLES,
    COMPOUND_ROLE_NOUNS,
    DOCUMENT_NOUNS,
    FEMININE_NAMES,
    FUNCTION_WORDS,
    MASCULINE_NAMES,
    NAME_PARTICLES,
    ORGANISATION_NOUNS,
    ROLE_ADJECTIVE_ENDINGS,
    ROLE_ADJECTIVES,
    ROLE_FAMILIES,
    ROLE_NOUNS,
    TIME_WORDS,
)
from .text import Token, fold
from .verbs import FORMS

# Masculine endings and the feminine a regular role noun takes from them, longest first:
# «adjoint» → «adjointe», «chirurgien» → «chirurgienne», «infirmier» → «infirmière».
FEMININE_ENDINGS = (
    ("ateur", "atrice"),
    ("cteur", "ctrice"),
    ("ulteur", "ultrice"),
    ("eur", "euse"),
    ("ien", "ienne"),
    ("éen", "éenne"),
    ("yen", "yenne"),
    ("ier", "ière"),
    ("er", "ère"),
    ("on", "onne"),
    ("el", "elle"),
    ("et", "ète"),
    ("if", "ive"),
    ("ant", "ante"),
    ("ent", "ente"),
    ("é", "ée"),
    ("u", "ue"),
    ("t", "te"),
    ("d", "de"),
    ("ain", "aine"),
    ("in", "ine"),
    ("ais", "aise"),
    ("ois", "oise"),
    ("al", "ale"),
)


def feminine_of(masculine: str) -> str | None:
    """The regular feminine of a role noun, or None when it has no distinct one: a noun in
    «-e» is both («la juge», «le juge»); «-eur» nouns split between «-euse» and «-trice»,
    «-ateur», «-cteur» give «-trice», other «-eur» «-euse», and the lexicon writes the
    rest («professeure», «autrice»); a compound takes it on its last letters
    («aide-soignant» → «aide-soignante»)."""
    for ending, feminine in FEMININE_ENDINGS:
        if masculine.endswith(ending):
            return masculine[: -len(ending)] + feminine
    return None


def _entry_forms(entry: str) -> tuple[str, str | None]:
    """«maire» → (maire, None); «adjoint» → (adjoint, adjointe) by rule; «auteur/autrice»
    as written; «médecin/» has no feminine of its own."""
    masculine, slash, feminine = entry.partition("/")
    if slash:
        return masculine, feminine or None
    return masculine, feminine_of(masculine)


def _role_table() -> dict[str, tuple[str, str | None, bool]]:
    """Every role noun form → (masculine singular, gender, plural)."""
    table = {}
    for entry in ROLE_NOUNS.split():
        masculine, feminine = _entry_forms(entry)
        forms = [(masculine, "m" if feminine else None)]
        if feminine:
            forms.append((feminine, "f"))
        for form, gender in forms:
            table.setdefault(form, (masculine, gender, False))
            table.setdefault(_plural(form), (masculine, gender, True))
    return table


def _compound_table() -> dict[str, list[tuple[tuple[str, ...], tuple[str, str | None, bool]]]]:
    """Role nouns of several words («demi de mêlée», «metteuse en scène»), by their first
    word's forms: (the words after it, (the compound in the masculine, gender, plural))."""
    table: dict[str, list] = {}
    for line in COMPOUND_ROLE_NOUNS.strip().splitlines():
        first, *rest = line.split()
        masculine, feminine = _entry_forms(first)
        whole = " ".join([masculine, *rest])
        forms = [(masculine, "m" if feminine else None)]
        if feminine:
            forms.append((feminine, "f"))
        for form, gender in forms:
            for word, plural in ((form, False), (_plural(form), True)):
                table.setdefault(word, []).append((tuple(rest), (whole, gender, plural)))
    for entries in table.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return table


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    if word.endswith("eau"):
        return word + "x"
    return word + "s"


def _family_table() -> dict[str, frozenset[str]]:
    """General role noun → the role nouns it may refer back to (masculine singular)."""
    families: dict[str, set[str]] = {}
    current = None
    for word in ROLE_FAMILIES.split():
        if word.endswith(":"):
            current = word[:-1]
            families[current] = set()
        elif current is not None:
            families[current].add(word)
    return {general: frozenset(members) for general, members in families.items()}


ROLES = _role_table()
ROLE_FAMILY = _family_table()
# «l'intéressé» names no function; by the masculine, as role heads are
ANAPHORIC = frozenset(_entry_forms(entry)[0] for entry in ANAPHORIC_ROLES.split())
COMPOUND_ROLES = _compound_table()


def role_noun_at(tokens: list[Token], position: int) -> tuple[tuple[str, str | None, bool], int]:
    """The role noun at ``position``: ((masculine, gender, plural), how many words), the
    longest compound first («demi de mêlée»), else a one-word noun; ((), 0) if none."""
    if position >= len(tokens):
        return ((), 0)
    word = tokens[position].low.removeprefix("ex-")
    for rest, role in COMPOUND_ROLES.get(word, ()):
        following = tuple(t.low for t in tokens[position + 1 : position + 1 + len(rest)])
        if following == rest:
            return role, 1 + len(rest)
    if word in ROLES:
        return ROLES[word], 1
    return ((), 0)


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
    """A lowercase noun after «de»: «du département», «de la santé», «du prévenu» (a role
    noun, though a verb form too)."""
    low = token.low
    return (
        token.kind == "word"
        and low[0].isalpha()
        and not token.text[0].isupper()
        and low not in FUNCTION_WORDS
        and low not in TIME_WORDS
        and (low not in FORMS or low in ROLES)
    )
