"""Who a sentence mentions: people by name (with title, role before or after), unnamed
people by role («l'ambassadeur américain adjoint à l'ONU»), organisations («le ministère
des Armées», «la CGT», «Moscou»), texts («ce traité», «le rapport de la Cour des comptes»)
and pronouns.

A left-to-right reading of the tokens: at each word, the longest mention that starts there.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from .lexicon import (
    AUTHOR_NOUNS,
    AUXILIARY_AFTER_NAME,
    COMPANY_NOUNS,
    COMPLEMENT_PREPOSITIONS,
    COMPLEMENT_QUALIFIERS,
    DEMONSTRATIVES,
    DEMONYM_ENDINGS,
    DETERMINERS,
    FUNCTION_WORDS,
    IMPERSONAL_AFTER,
    INNER_ARTICLES,
    ISSUING_STEMS,
    MEDIA_NAMES,
    MEDIA_NOUNS,
    NAME_PARTICLES,
    NETWORKS,
    NUMBER_WORDS,
    ORDINALS,
    ORGANISATION_WORDS,
    POSSESSIVES,
    PRE_ADJECTIVES,
    PREPOSITIONS,
    PRONOUNS,
    QUANTITY_NOUNS,
    RANK_TITLES,
    ROLE_ADJECTIVES,
    ROLE_NOUN_ENDINGS,
    SHIFT_NOUNS,
    SOURCE_WORDS,
    STREET_NOUNS,
    SUBJECT_DETERMINERS,
    SUBJECT_PRONOUNS,
    TITLES,
    VIEW_PHRASES,
    WORKPLACE_PREPOSITIONS,
)
from .nouns import (
    DOCUMENTS,
    ORGANISATIONS,
    can_start_name,
    first_name_gender,
    is_adjective,
    is_complement_noun,
    is_particle,
    preposition_before,
    role_noun_at,
)
from .text import Sentence, Token, fold
from .verbs import FORMS

ISSUING_WINDOW = 3  # words between a verb of issuing and its text («a signé mercredi un arrêté»)
HYPHENATED_PARTICLE_RE = re.compile(r"^(?:al|el|ben|bin|abou|abu|ould)-\w", re.IGNORECASE)


@dataclass(eq=False)
class Mention:
    kind: str  # "person", "role" (someone unnamed), "organisation", "document", "pronoun",
    # or "place" (a street: never a speaker)
    start: int  # first token
    end: int  # past the last token
    name: str = ""  # a person's name without title, an organisation's without article
    role: str = ""  # as written, without article
    head: str = ""  # the role or organisation noun, masculine singular
    gender: str | None = None  # "m", "f" or None
    plural: bool = False
    definite: bool = True
    titled: bool = False  # «M. Martin», «Mme Martin»
    oblique: bool = False  # after a preposition: «de Washington», «à l'AFP»
    source: bool = False  # after «selon», «d'après»
    issuer: "Mention | None" = None  # who wrote a text («le rapport de la Cour des comptes»)
    aliases: tuple[str, ...] = ()  # other names of a body: its acronym in brackets
    issued: bool = False  # a text the subject signs, publishes or sends («a signé un arrêté»)
    speaks: bool = False  # the speaker of a quotation
    medium: bool = False  # a newspaper, channel or agency: it reports, it does not speak
    refers_back: bool = False  # a description of whoever is in focus («a déploré l'élu»)
    possessive: bool = False  # «son avocat», «sa mère»: someone related, not the same
    personal: bool = True  # a pronoun standing for someone («elle y entre», not «il faut»)
    wrote: bool = False  # «l'auteur du courriel, X»: who wrote a text met before
    demonstrative: bool = False  # «cette économiste»: someone met, pointed back to
    replies: bool = False  # the subject of a reply verb: not the one who just spoke
    leads: bool = False  # a pronoun opening its clause: «Elle…», «Quatre ans plus tard, elle…»
    entity: object = None  # what the discourse memory resolved it to
    role_then: str = ""  # the role known for that entity when mentioned here


def find_mentions(sentence: Sentence, is_known: Callable[[str], bool]) -> list[Mention]:
    """The mentions of a sentence, in order. ``is_known(name)``: a person's name the
    article or the newsroom already knows (for a surname standing alone)."""
    reader = _Reader(sentence, is_known)
    mentions = []
    index = 0
    while index < len(sentence.tokens):
        mention = reader.mention_at(index)
        if mention is None:
            index += 1
            continue
        before = preposition_before(sentence.tokens, mention.start)
        mention.oblique = mention.oblique or before in PREPOSITIONS
        mention.source = (
            mention.source
            or before in SOURCE_WORDS
            or (
                before == "après"
                and mention.start > 1
                and sentence.tokens[mention.start - 2].low == "d’"
            )
        )
        if before == "sur" and mention.kind == "organisation" and fold(mention.name) in NETWORKS:
            mention.kind = "place"  # «sur X», «sur Telegram»: where words are posted
        mention.medium = _is_medium(sentence.tokens, mention)
        mention.demonstrative = sentence.tokens[mention.start].low in DEMONSTRATIVES
        mentions.append(mention)
        index = mention.end
    return mentions


def _is_medium(tokens: list[Token], mention: Mention) -> bool:
    """A newspaper, a channel or an agency («le quotidien Kompas», «l'Equipe», «l'AFP»):
    it reports words, it is not the one who said them."""
    if mention.kind != "organisation":
        return False
    if mention.start and tokens[mention.start - 1].low in MEDIA_NOUNS:
        return True
    return fold(mention.name) in MEDIA_NAMES


def _is_ordinal(word: str) -> bool:
    """«deuxième», «3e», «premier»: a rank before the noun of a complement."""
    return word.endswith("ième") or word in ORDINALS or (word[:-1].isdigit() and word[-1:] == "e")


def _is_party(token: Token) -> bool:
    """A party or body qualifying a role: «LFI», «Renaissance», «RN»."""
    return token.is_acronym or (token.is_capitalised and token.low in ORGANISATION_WORDS)


NAME_ENDS = {",", ".", ":", ";", ")", "", "–", "—"}  # what may follow a name set after a role
ARTICLE_PREPOSITIONS = {"de", "d’", "à", "auprès", "pour", "en", "chez", "sur", "dans"}


class _Reader:
    def __init__(self, sentence: Sentence, is_known: Callable[[str], bool]):
        self.sentence = sentence
        self.tokens = sentence.tokens
        self.is_known = is_known

    def token(self, index: int) -> Token | None:
        return self.tokens[index] if 0 <= index < len(self.tokens) else None

    def low(self, index: int) -> str:
        token = self.token(index)
        return token.low if token is not None else ""

    def mention_at(self, index: int) -> Mention | None:
        return (
            self.address_at(index)
            or self.pronoun_at(index)
            or self.titled_name_at(index)
            or self.determined_at(index)
            or self.name_at(index)
        )

    def address_at(self, index: int) -> Mention | None:
        """«rue Mercière», «place Bellecour», «quai Branly»: the name of a street is a place,
        neither a person nor a body that could speak or be «elle»."""
        token = self.token(index)
        if token is None or not can_start_name(token):
            return None
        if self.low(index - 1) not in STREET_NOUNS and not (
            token.low in STREET_NOUNS and can_start_name(self.token(index + 1))
        ):
            return None  # «rue Mercière», or «Rue Mercière» opening a sentence
        end = self.name_end(index)
        return Mention("place", index, end, name=self.sentence.slice(index, end))

    # Pronouns ---------------------------------------------------------------------------

    def pronoun_at(self, index: int) -> Mention | None:
        view = self.view_at(index)
        if view is not None:
            return view
        word = self.low(index)
        if word in ("ce", "cette") and self.low(index + 1) in ("dernier", "dernière"):
            gender = "m" if word == "ce" else "f"
            return Mention("pronoun", index, index + 2, name=word, gender=gender)
        if word not in PRONOUNS:
            return None
        if word in ("lui", "eux") and self.low(index - 1) not in SOURCE_WORDS | {"après"}:
            return None
        gender, plural = PRONOUNS[word]
        mention = Mention("pronoun", index, index + 1, name=word, gender=gender, plural=plural)
        mention.personal = self.low(index + 1) not in IMPERSONAL_AFTER
        mention.leads = index == 0 or (self.low(index - 1) == "," and word in SUBJECT_PRONOUNS)
        return mention

    def view_at(self, index: int) -> Mention | None:
        """«À ses yeux», «de son point de vue»: a possessive that gives someone's view, a
        source like «selon lui», standing for whoever is in focus, of either gender."""
        first = "à" if index == 0 and self.low(index) == "a" else self.low(index)
        if first not in ("à", "de"):
            return None
        for phrase, plural in VIEW_PHRASES.items():
            parts = phrase.split()
            if [first] + [self.low(index + n) for n in range(1, len(parts))] == parts:
                end = index + len(parts)
                return Mention("pronoun", index, end, name=phrase, plural=plural, source=True)
        return None

    # People by name ---------------------------------------------------------------------

    def titled_name_at(self, index: int) -> Mention | None:
        """«M. Martin», «Mme Martin», «Dr Sarah Ali», «Me Dupond-Moretti», «Mme la ministre»."""
        token = self.token(index)
        if token is None or not token.is_capitalised or token.low not in TITLES:
            return None
        after = index + 2 if self.low(index + 1) == "." else index + 1
        gender = TITLES[token.low]
        following = self.token(after)
        if following is None:
            return None
        if following.low in DETERMINERS and not self.particle_starts_name(after):
            mention = self.determined_at(after)
            if mention is not None and mention.kind == "role":
                mention.start, mention.gender = index, gender or mention.gender
                return mention
            return None
        if not (can_start_name(following) or self.particle_starts_name(after)):
            return None
        end = self.name_end(after)
        mention = Mention(
            "person", index, end, name=self.sentence.slice(after, end), gender=gender, titled=True
        )
        return self.with_apposition(mention)

    def name_at(self, index: int) -> Mention | None:
        """A capitalised phrase: a person («Vedant Patel», «Patel» once known) or else an
        organisation or a place speaking («Moscou», «la CGT» without its article)."""
        token = self.token(index)
        if token is None or not can_start_name(token):
            return None
        end = self.name_end(index)
        name = self.sentence.slice(index, end)
        words = [t for t in self.tokens[index:end] if t.is_capitalised]
        organisation = any(
            t.is_acronym or t.low in ORGANISATION_WORDS or fold(t.text) in ORGANISATION_WORDS
            for t in words
        )
        first_name = first_name_gender(words[0].text)
        if (len(words) >= 2 and (first_name or not organisation)) or self.is_known(name):
            mention = Mention("person", index, end, name=name, gender=first_name)
            return self.with_apposition(mention)
        if len(words) == 1 and first_name and (index > 0 or self.introduces_someone(end)):
            return self.with_apposition(Mention("person", index, end, name=name, gender=first_name))
        if len(words) == 1 and index > 0:
            person = self.person_by_apposition(index, end, name)
            if person is not None:
                return person
        sentence_start = index == 0 or self.tokens[index - 1].kind == "quote"
        if (
            sentence_start
            and self.low(end) not in AUXILIARY_AFTER_NAME
            and self.low(end) not in FORMS
        ):
            return None
        return Mention("organisation", index, end, name=name, head=fold(name))

    def person_by_apposition(self, index: int, end: int, name: str) -> Mention | None:
        """A name unknown as a given name is a person when a role with a gender follows:
        «raconte Kadiatou, une mère de famille», «Nox, chanteuse»; not «Airbus, leader
        mondial», whose role says nothing of a person."""
        if self.low(end) != ",":
            return None
        mention = self.with_apposition(Mention("person", index, end, name=name))
        return mention if mention.role and mention.gender is not None else None

    def introduces_someone(self, end: int) -> bool:
        """A given name opening the sentence is a person when their age or a verb follows:
        «Léa, 24 ans, …», «Karim raconte…»; not a capitalised word that might be anything."""
        after = self.low(end)
        if after == ",":
            return self.is_age(end + 1)
        return after in AUXILIARY_AFTER_NAME or after in FORMS

    def name_end(self, index: int) -> int:
        """Past the last word of the capitalised phrase at ``index`` («Charles de Gaulle»,
        «Marine Le Pen», «Bachar al-Assad», «Corée du Nord»)."""
        end = index + 1
        while end < len(self.tokens):
            token = self.tokens[end]
            if token.is_capitalised and token.low not in FUNCTION_WORDS:
                end += 1
            elif token.low in NAME_PARTICLES and can_start_name(self.token(end + 1)):
                end += 2
            elif token.text == "&" and can_start_name(self.token(end + 1)):
                end += 2  # «Lemaire & Fils», «Procter & Gamble»
            elif token.is_word and HYPHENATED_PARTICLE_RE.match(token.text):
                end += 1
            else:
                break
        return end

    def particle_starts_name(self, index: int) -> bool:
        """«Le Pen», «De Gaulle», «Van Gogh» after a title."""
        token = self.token(index)
        return (
            token is not None
            and token.is_capitalised
            and token.low in NAME_PARTICLES
            and can_start_name(self.token(index + 1))
        )

    def with_apposition(self, mention: Mention) -> Mention:
        """A person's name followed by its role: «Vedant Patel, porte-parole du…,»,
        «Jean Dupont, 45 ans, agriculteur», «Anne Dupuis (PS), maire de Nantes»."""
        position = self.skip_brackets(mention.end)
        if self.low(position) != ",":
            return mention
        position += 1
        if self.low(position).isdigit() and self.low(position + 1) == "ans":
            position += 3 if self.low(position + 2) == "," else 2
        possessive = self.low(position) in POSSESSIVES
        if self.low(position) in SUBJECT_DETERMINERS | {"l’"}:
            before = preposition_before(self.tokens, mention.start)
            if before in PREPOSITIONS and before not in SOURCE_WORDS:
                return mention  # «à New York, le secrétaire général…» is about someone else
            position += 1
        elif possessive:
            position += 1  # «Yacine Belkacem, son second de cuisine,»
        start = position
        while self.low(position) in PRE_ADJECTIVES:
            position += 1
        head = self.apposed_role_head(position, possessive)
        if head is None:
            return mention
        end, _ = self.complement_end(position + 1, split_name=False, names=True)
        end = self.coordinated_roles(end, possessive)
        mention.role = self.sentence.slice(start, end)
        mention.head, mention.gender = head[0], mention.gender or head[1]
        mention.end = end
        return mention

    def coordinated_roles(self, end: int, possessive: bool) -> int:
        """«contrôleur à Marseille et cofondateur du collectif»: a second role joined by
        «et» belongs to the same person."""
        while self.low(end) == "et":
            position = end + 1
            while self.low(position) in PRE_ADJECTIVES:
                position += 1
            if self.apposed_role_head(position, possessive) is None:
                break
            end, _ = self.complement_end(position + 1, split_name=False, names=True)
        return end

    def apposed_role_head(self, position: int, possessive: bool) -> tuple[str, str | None] | None:
        """The noun of a role set after a name: a role noun, a word shaped like one
        («paléontologue», «céréalier», «soudeur»), or any noun after a possessive
        («son second», «sa compagne»). (masculine or the word, gender)."""
        token = self.token(position)
        if token is None:
            return None
        role, _ = role_noun_at(self.tokens, position)
        if role:
            return role[0], role[1]
        if not is_complement_noun(token):
            return None
        if possessive:
            return token.low, None
        if token.low.endswith(ROLE_NOUN_ENDINGS) and self.followed_like_a_role(position + 1):
            return token.low, None
        return None

    def followed_like_a_role(self, position: int) -> bool:
        """What may follow a role's noun: its complement, an adjective, a comma, the end."""
        token = self.token(position)
        return (
            token is None
            or token.kind == "punct"
            or token.low in COMPLEMENT_PREPOSITIONS
            or is_adjective(token)
            or self.workplace_at(position)
        )

    def skip_brackets(self, position: int) -> int:
        if self.low(position) != "(":
            return position
        for closing in range(position + 1, min(position + 8, len(self.tokens))):
            if self.low(closing) == ")":
                return closing + 1
        return position

    # Determined noun phrases --------------------------------------------------------------

    def determined_at(self, index: int) -> Mention | None:
        word = self.low(index)
        if word not in DETERMINERS:
            return None
        gender, plural, definite, oblique = DETERMINERS[word]
        position = index + 1
        while self.low(position) in PRE_ADJECTIVES:
            position += 1
        head = self.token(position)
        if head is None or head.kind != "word":
            return None
        if head.low in TITLES and head.is_capitalised and position == index + 1:
            titled = self.titled_name_at(position)  # «le Pr Jean Dupont»
            if titled is not None:
                titled.start, titled.oblique = index, oblique
            return titled
        noun = head.low.removeprefix("ex-")
        if noun in QUANTITY_NOUNS and self.low(position + 1) in ("de", "d’"):
            group = (
                self.determined_at(position + 1) if self.low(position + 2) in DETERMINERS else None
            )
            if group is None and role_noun_at(self.tokens, position + 2)[1]:
                group = self.role_at(position + 1, position + 2, None, False, oblique)
            if group is not None and group.kind == "role":
                group.start, group.plural, group.definite = index, True, False
                return group
            return None
        if noun in MEDIA_NOUNS and self.token(position + 1) is not None:
            title = self.tokens[position + 1]
            if title.kind == "quote":  # «le quotidien «Haaretz»» speaks as «Haaretz»
                name = title.quote.text
                return Mention(
                    "organisation",
                    index,
                    position + 2,
                    name=name,
                    head=fold(name),
                    gender=gender,
                    oblique=oblique,
                )
        if role_noun_at(self.tokens, position)[1]:
            return self.role_at(index, position, gender, definite, oblique)
        if noun in ORGANISATIONS:
            mention = self.body_at(index, position, gender, plural, definite, oblique)
            self.with_name_in_apposition(mention)
            return mention
        if noun in DOCUMENTS:
            end, _ = self.complement_end(position + 1, split_name=False)
            issued = any(
                self.low(before).startswith(ISSUING_STEMS)
                for before in range(max(0, index - ISSUING_WINDOW), index)
            )
            return Mention(
                "document",
                index,
                end,
                name=self.sentence.slice(position, end),
                head=DOCUMENTS[noun],
                gender=gender,
                plural=plural or noun != DOCUMENTS[noun],
                definite=definite,
                oblique=oblique,
                issuer=self.issuer_in(position + 1, end) or self.issuer_in_apposition(end),
                issued=issued and not oblique,
            )
        if head.is_capitalised and position == index + 1:
            return self.named_after_article(index, position, gender, plural, oblique)
        return None

    def body_at(self, index, position, gender, plural, definite, oblique) -> Mention:
        """A body named by its noun and what completes it, as French names bodies: «le
        ministère des Armées», «la Confédération paysanne», a proper name after the noun
        group («l'agence régionale de santé Centre-Val de Loire», «le guide X»), a name in
        guillemets («le collectif «Sauvons les Capucins»»). An acronym in brackets
        after it («(Fnaut)») is another name for it, not part of the name."""
        noun = self.low(position).removeprefix("ex-")
        base = ORGANISATIONS[noun]
        mention = Mention(
            "organisation",
            index,
            position + 1,
            head=base,
            gender=gender,
            plural=plural or noun != base,
            definite=definite,
            oblique=oblique,
        )
        following = self.token(position + 1)
        if following is not None and following.kind == "quote":
            mention.name, mention.end = following.quote.text, position + 2
            mention.head = fold(mention.name)
            return mention
        end, _ = self.complement_end(position + 1, split_name=False)
        name_end, acronym = self.bracketed_acronym(end)
        name_start = position
        if acronym is None and self.proper_name_completes(end):
            if base in COMPANY_NOUNS and end > position + 1:
                name_start = end  # «le fabricant de radiateurs Lemaire & Fils»: Lemaire & Fils
            end = name_end = self.name_end(end)
        mention.end = end
        mention.name = self.sentence.slice(name_start, name_end)
        if acronym is not None:
            mention.aliases = (acronym,)
        return mention

    def bracketed_acronym(self, end: int) -> tuple[int, str | None]:
        """«(Fnaut)», «(ARS)» closing a body's name: (where the name ends, the acronym)."""
        if end < 3 or self.low(end - 1) != ")" or self.low(end - 3) != "(":
            return end, None
        token = self.tokens[end - 2]
        if not token.is_capitalised or token.low in FUNCTION_WORDS:
            return end, None
        return end - 3, token.text

    def proper_name_completes(self, position: int) -> bool:
        """A capitalised name right after a body's noun group is its proper name, unless it
        is a person («le syndicat SUD-Rail», not «le ministère Jean Dupont»)."""
        token = self.token(position)
        if not can_start_name(token) or token.low in TITLES or first_name_gender(token.text):
            return False
        return not self.is_known(self.sentence.slice(position, self.name_end(position)))

    def issuer_in_apposition(self, end: int) -> Mention | None:
        """Who issued a text, named in the apposition after it: «La pétition, lancée en
        septembre par le collectif X, réclame…»; not who read or received it («lu à
        l'audience par la présidente»), or right after it: «un courriel envoyé par X»."""
        participle = end + 1 if self.low(end) == "," else end
        if not self.low(participle).startswith(ISSUING_STEMS):
            return None
        for position in range(participle + 1, min(participle + 11, len(self.tokens))):
            word = self.low(position)
            if word in (",", ".", ";", ":") or self.tokens[position].kind == "quote":
                return None
            if word == "par":
                mention = self.mention_at(position + 1)
                if mention is not None and mention.kind in ("person", "organisation", "role"):
                    return mention
                return None
        return None

    def role_at(self, index, position, gender, definite, oblique) -> Mention:
        """«le ministre américain de la Défense Lloyd Austin», «la maire (PS) de Nantes,
        Anne Dupuis», «l'ambassadeur américain adjoint à l'ONU»."""
        (masculine, noun_gender, plural), length = role_noun_at(self.tokens, position)
        end, name_start = self.complement_end(
            self.apposed_nouns(position + length), split_name=True
        )
        if name_start is not None or self.body_name_at(end):
            behind = self.name_behind_group(end if name_start is None else name_start)
            if behind is not None:
                end, name_start = behind
        mention = Mention(
            "role",
            index,
            end,
            role=self.sentence.slice(index + 1, end),
            head=masculine,
            gender=noun_gender or gender,
            plural=plural,
            definite=definite,
            oblique=oblique,
        )
        if any(self.low(i) in ("un", "une") for i in range(position + 1, end)):
            mention.definite = False  # «le maire RN d'une commune voisine»: someone new
        mention.possessive = self.low(index) in POSSESSIVES  # «son père»: someone else
        if name_start is None and not plural:
            name_start = self.name_after_role(end)
        if name_start is not None:
            name_end = self.name_end(name_start)
            mention.kind = "person"
            mention.name = self.sentence.slice(name_start, name_end)
            mention.end = self.skip_brackets(name_end)  # a party in brackets is no one
            mention.gender = first_name_gender(self.tokens[name_start].text) or mention.gender
            mention.wrote = masculine in AUTHOR_NOUNS
            if mention.wrote or (masculine in RANK_TITLES and end == position + length):
                self.with_apposition(mention)  # «le colonel X, commandant du groupement»
        return mention

    def apposed_nouns(self, position: int) -> int:
        """Past role nouns set right after a role noun, one qualifying the other: «l'experte
        psychiatre», «le chef pâtissier», «une infirmière puéricultrice»."""
        while (token := self.token(position)) is not None and not token.is_capitalised:
            if token.low in FUNCTION_WORDS or token.low in FORMS:
                break  # «la ministre juge…»: a verb, not «ministre juge»
            if not role_noun_at(self.tokens, position)[1]:
                break
            position += role_noun_at(self.tokens, position)[1]
        return position

    def name_after_role(self, position: int) -> int | None:
        """The name right after a role, or after a comma when the name is followed by a
        comma, a verb or the end («le porte-parole…, Vedant Patel, a…»)."""
        token = self.token(position)
        if token is not None and can_start_name(token) and token.low not in TITLES:
            return position
        if self.low(position) != ",":
            return None
        start = position + 1
        if self.low(start) in SUBJECT_DETERMINERS and self.low(start + 1) in TITLES:
            start += 1  # «le chef du service, le Dr Karim Bensalah,»
        start = self.after_rank(start)
        if self.low(start) in TITLES and self.token(start).is_capitalised:
            start += 2 if self.low(start + 1) == "." else 1
        token = self.token(start)
        if token is None or not can_start_name(token):
            return None
        end = self.name_end(start)
        name = self.sentence.slice(start, end)
        if end - start < 2 and not self.is_known(name) and not first_name_gender(token.text):
            return None
        after = self.skip_brackets(end)  # «Claire Lemoine (Renaissance),»
        if self.low(after) in NAME_ENDS or self.low(after) in FORMS:
            return start
        return None

    def after_rank(self, position: int) -> int:
        """Past a rank or grade between the comma and the name, whose role is the one
        before the comma: «le commandant des pompiers, le lieutenant-colonel Marc Girard»."""
        if self.low(position) not in SUBJECT_DETERMINERS:
            return position
        _, length = role_noun_at(self.tokens, position + 1)
        if length and can_start_name(self.token(position + 1 + length)):
            return position + 1 + length
        return position

    def named_after_article(self, index, position, gender, plural, oblique) -> Mention:
        """«le Kremlin», «la CGT», «les Etats-Unis», «la Commission européenne»; or a
        surname that starts with an article («Le Pen»)."""
        end = self.name_end(position)
        with_article = self.sentence.slice(index, end)
        if self.is_known(with_article) and self.tokens[index].is_capitalised:
            return self.with_apposition(Mention("person", index, end, name=with_article))
        if end == position + 1 and (
            self.tokens[position].low in ROLE_ADJECTIVES or (plural and self.is_demonym(position))
        ):
            people = self.sentence.slice(position, end)  # «les Français», «des Américains»
            return Mention(
                "role",
                index,
                end,
                role=people,
                head=fold(people),
                plural=True,
                definite=False,
                oblique=oblique,
            )
        person_start = self.trailing_name(position, end, least=2)
        if person_start is not None:
            end = person_start
        else:
            end, _ = self.complement_end(end, split_name=False, nouns=False)
        name = self.sentence.slice(position, end)
        return Mention(
            "organisation",
            index,
            end,
            name=name,
            head=fold(name),
            gender=gender,
            plural=plural,
            oblique=oblique,
        )

    def with_name_in_apposition(self, mention: Mention) -> None:
        """«La société de production, Studio Lumen, a…»: a capitalised name set off by
        commas after a body's noun is that body's name, unless it is a person's (a given
        name, or someone already met)."""
        start = mention.end + 1
        token = self.token(start)
        if self.low(mention.end) != "," or not can_start_name(token) or token.low in TITLES:
            return
        end = self.name_end(start)
        name = self.sentence.slice(start, end)
        if first_name_gender(token.text) or self.is_known(name):
            return
        if self.low(end) in {",", ")", ".", ";", ""}:
            mention.name, mention.head, mention.end = name, fold(name), end

    def issuer_in(self, start: int, end: int) -> Mention | None:
        """Who issued a text, named in its complement: «le rapport de la Cour des comptes»."""
        for position in range(start, end):
            if self.low(position) in ("de", "d’", "du", "des"):
                after = position + 1 if self.low(position) in ("de", "d’") else position
                mention = self.mention_at(after)
                if mention is not None and mention.kind in ("person", "organisation", "role"):
                    return mention
        return None

    # Complements ------------------------------------------------------------------------

    def complement_end(
        self, position: int, split_name: bool, nouns: bool = True, names: bool = False
    ):
        """Past the adjectives, brackets and «de …», «à …» groups that complete a role or
        an organisation. With ``split_name``, a person's name that ends a capitalised group
        («de la Défense Lloyd Austin») is not part of it: its start is returned too. With
        ``names`` (a role after the person's name), capitalised names of parties, bodies and
        places are part of it («député La France insoumise du Nord»)."""
        while position < len(self.tokens):
            token = self.tokens[position]
            if is_adjective(token):
                position += 1
                continue
            if names and self.body_name_at(position):
                position = self.name_end(position + (token.low in INNER_ARTICLES))
                continue
            if token.low == "(":
                after = self.skip_brackets(position)
                if after == position:
                    break
                position = after
                continue
            if token.low == "et" and self.low(position + 1) in COMPLEMENT_PREPOSITIONS:
                position += 1
                continue
            if token.low in ("chargé", "chargée") and self.low(position + 1) in (
                "de",
                "d’",
                "du",
                "des",
            ):
                position += 1
                continue
            if split_name and can_start_name(token):
                party_end = position
                while party_end < len(self.tokens) and _is_party(self.tokens[party_end]):
                    party_end += 1  # «les députés LFI», «le député Renaissance Jean Dupont»
                if party_end == position:
                    break  # the name itself: «le président turc Recep Tayyip Erdogan»
                position = party_end
                if can_start_name(self.token(position)):
                    return position, position
                continue
            if token.low not in COMPLEMENT_PREPOSITIONS and not (
                (names or split_name) and self.workplace_at(position)
            ):
                break  # «son éditrice chez Gallimard, X»: a workplace before the name too
            group = position + 1
            if token.low == "auprès" and self.low(group) in ("de", "d’", "du", "des"):
                group += 1
            if self.is_age(group) or self.is_gerund(token, group):
                break  # «la chanteuse de 27 ans», «en recevant son trophée»: not the role
            if self.low(group).isdigit() or self.low(group) in NUMBER_WORDS:
                group += 1  # «mère de trois enfants»
            if self.low(group) in INNER_ARTICLES and token.low in ARTICLE_PREPOSITIONS:
                group += 1
            while self.low(group) in COMPLEMENT_QUALIFIERS or _is_ordinal(self.low(group)):
                group += 1  # «du même collège», «du deuxième étage»
            head = self.token(group)
            if head is None:
                break
            if can_start_name(head):
                group_end = self.name_end(group)
                name_start = self.trailing_name(group, group_end) if split_name else None
                if name_start is not None:
                    return name_start, name_start
                position = group_end
                continue
            if nouns and (is_complement_noun(head) or self.is_shift(token, group)):
                position = self.after_number(group + 1)
                continue
            break
        return position, None

    def is_shift(self, preposition: Token, position: int) -> bool:
        """«de nuit», «de garde»: the shift of a trade, right after «de» with no article."""
        return preposition.low == "de" and self.low(position) in SHIFT_NOUNS

    def after_number(self, position: int) -> int:
        """Past a number that identifies the noun before it («sur la ligne 3», «du bus
        21»), not a quantity of what follows («depuis 20 ans»)."""
        following = self.token(position + 1)
        if self.low(position).isdigit() and (following is None or following.kind == "punct"):
            return position + 1
        return position

    def workplace_at(self, position: int) -> bool:
        """Where someone works, after their trade set after their name: «opératrice sur la
        ligne de peinture», «ingénieur chez Airbus», «infirmière dans un Ehpad»; not a text
        or a network the words come from («dans un communiqué», «sur X»)."""
        if self.low(position) not in WORKPLACE_PREPOSITIONS:
            return False
        noun = position + 1
        if self.low(noun) in INNER_ARTICLES:
            noun += 1
        token = self.token(noun)
        if token is None or token.low in DOCUMENTS or token.low in NETWORKS:
            return False
        return token.is_capitalised or is_complement_noun(token)

    def is_demonym(self, position: int) -> bool:
        """«les Lensois», «des Marseillais», «les Bretonnes»: the people of a place, a group
        of people, not a body that speaks (unless it is a party: «les Républicains»)."""
        token = self.tokens[position]
        low = token.low
        return low not in ORGANISATION_WORDS and low.endswith(DEMONYM_ENDINGS)

    def is_age(self, position: int) -> bool:
        """«de 27 ans», «de vingt ans»: an age, said of the person, not part of a role."""
        number = self.low(position)
        return (number.isdigit() or number in NUMBER_WORDS) and self.low(position + 1) == "ans"

    def is_gerund(self, preposition: Token, position: int) -> bool:
        """«en recevant», «en quittant la scène»: what the person was doing, not a role."""
        word = self.low(position)
        return preposition.low == "en" and len(word) > 4 and word.endswith("ant")

    def body_name_at(self, position: int) -> bool:
        """A capitalised name, maybe after its article, inside a role: «Les Républicains»,
        «SUD Santé», «Jules-Ferry»."""
        token = self.token(position)
        if token is not None and token.low in INNER_ARTICLES and token.is_capitalised:
            return can_start_name(self.token(position + 1))
        return can_start_name(token)

    def name_behind_group(self, start: int) -> tuple[int, int] | None:
        """«le délégué de la section SUD Santé, Jean Dupont»: a capitalised group followed
        by a comma and a name belongs to the role; the name is after the comma. (role end,
        name start), or None."""
        group_end, _ = self.complement_end(start, split_name=False, names=True)
        if self.low(group_end) != ",":
            return None
        name_start = self.name_after_role(group_end)
        return (group_end, name_start) if name_start is not None else None

    def trailing_name(self, start: int, end: int, least: int = 3) -> int | None:
        """Where a person's name begins at the end of a capitalised group of three words or
        more («Défense Lloyd Austin», «Commission Ursula von der Leyen»), or after a given
        name («AFP Sarah Ali»)."""
        words = [i for i in range(start, end) if self.tokens[i].is_capitalised]
        if len(words) < least:
            return None
        for position in words[1:]:
            if first_name_gender(self.tokens[position].text) and position + 1 < end:
                return position
        if len(words) < 3:
            return None
        last = words[-1]
        earlier = [i for i in words if i < last and not is_particle(self.tokens[i])]
        return earlier[-1] if earlier and earlier[-1] > start else None
