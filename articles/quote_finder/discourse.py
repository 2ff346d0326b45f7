"""The discourse memory: the people and organisations an article has mentioned so far,
so that «Mme Martin», «le maire» or «a-t-il ajouté» find who they stand for.

Each mention is resolved in reading order to an Entity: a name to the person of that name
(«Mme Martin» to the woman called Martin, written «Claire Martin» earlier), a role noun to
the latest person given that role, a pronoun to the latest person of its gender who spoke
or was the subject of a sentence. A description refers back by kind too («le joueur» to
an attacker, «l'élu» to a mayor: ``ROLE_FAMILIES``), by a noun that named someone before
(«le prévenu» again), or by a demonstrative («cette économiste»); a generic body noun
(«l'entreprise», «la direction») to the body named before. An entity keeps every form of
its name, its gender and its latest role, and is matched against the newsroom's Known
people at the end.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from .lexicon import (
    AGREEMENT_NOUNS,
    COMPLEMENT_PREPOSITIONS,
    FORMER_WORDS,
    FUNCTION_BODIES,
    GENERIC_BODIES,
    GENERIC_TEXTS,
    NAME_PARTICLES,
    ORGANISATION_NOUNS,
    PERIPHRASES,
    PRE_ADJECTIVES,
    ROLE_STOP_WORDS,
)
from .mentions import Mention
from .nouns import ANAPHORIC, ROLE_FAMILY, first_name_gender
from .text import fold

ANY_TEXT = ""  # the key of the latest text issued, whatever its noun
FOLDED_PRE_ADJECTIVES = frozenset(fold(word) for word in PRE_ADJECTIVES)
FORMER = frozenset(fold(word) for word in FORMER_WORDS)
FOLDED_PERIPHRASES = frozenset(fold(phrase) for phrase in PERIPHRASES.split("|"))


@dataclass(eq=False)
class Entity:
    kind: str  # "person", "unnamed" (known by a role only) or "organisation"
    names: list[str] = field(default_factory=list)
    first: str = ""  # folded given name
    surname: str = ""  # folded surname
    gender: str | None = None
    plural: bool = False
    role: str = ""
    head: str = ""  # role noun, or an organisation's head noun or folded name
    last: int = -1  # when last mentioned
    block: int = -1  # the block where last mentioned
    first_role: str = ""  # the first role written for it, even after its first words
    salient: int = -1  # when last the subject of a sentence or a speaker
    spoke: bool = False
    medium: bool = False  # a newspaper, channel or agency: it reports, it does not speak
    called: set[str] = field(default_factory=set)  # role nouns that referred back to it
    spoke_in: int = -1  # the block where it last spoke

    @property
    def full(self) -> str | None:
        """The fullest form of its name written in the article."""
        if not self.names:
            return None
        return max(self.names, key=lambda name: (len(name.split()), len(name)))

    def agrees(self, gender: str | None) -> bool:
        return gender is None or self.gender is None or self.gender == gender


@dataclass(frozen=True)
class KnownPeople:
    """The newsroom's people, by folded name and alias."""

    slugs: dict[str, str]
    words: frozenset[str]
    given: dict[str, str]  # slug → folded given name

    @classmethod
    def of(cls, known: Iterable) -> "KnownPeople":
        slugs, words, given = {}, set(), {}
        for person in known:
            parts = fold(person.name).split()
            if len(parts) > 1:
                given[person.slug] = parts[0]
            for name in (person.name, *person.aliases):
                folded = fold(name)
                slugs.setdefault(folded, person.slug)
                words.add(folded)
                parts = folded.split()
                if len(parts) > 1:
                    words.add(" ".join(parts[1:]))
        return cls(slugs, frozenset(words), given)


class Discourse:
    def __init__(self, known: Iterable = ()):
        self.known = KnownPeople.of(known)
        self.entities: list[Entity] = []
        self.clock = 0
        self.names_seen: set[str] = set()
        self.last_speaker: tuple[Entity, int] | None = None  # and the block where it spoke
        self.last_subject: tuple[Entity, int] | None = None  # and the sentence it began
        self.block = self.sentence = 0  # the block and sentence being read
        self.cataphoras: list[tuple[Mention, int]] = []  # pronouns before any name, block
        self.texts: dict[str, Entity] = {}  # a text's noun → who issued the latest one
        self.last_text: tuple[Mention, int] | None = None  # a text opening a sentence

    def is_known(self, name: str) -> bool:
        """Whether a capitalised word or phrase names a person already met or known."""
        folded = fold(name)
        return folded in self.names_seen or folded in self.known.words

    def slug_for(self, entity: Entity) -> str | None:
        if entity.kind != "person":
            return None
        for name in [entity.full, *entity.names]:
            slug = self.known.slugs.get(fold(name or ""))
            if slug is not None and self._same_given_name(entity, slug):
                return slug
        return None

    def _same_given_name(self, entity: Entity, slug: str) -> bool:
        """«M. Carvalho» is Manuel Carvalho, not the known Inès Carvalho whose alias is
        «Carvalho»: a surname links only when the given names do not differ."""
        given = self.known.given.get(slug)
        return not (entity.first and given and entity.first.split()[0] != given)

    # Reading a sentence ---------------------------------------------------------------------

    def read(self, mentions: list[tuple[int, Mention]], sentence_index: int, block: int):
        """Resolve a sentence's mentions (position, mention) in order and remember them; the
        first one not after a preposition is taken for the sentence's subject."""
        self.block, self.sentence = block, sentence_index
        subject_found = False
        nearest: Entity | None = None  # the latest person or body named, not after a preposition
        for _position, mention in sorted(mentions, key=lambda pair: pair[0]):
            if mention.kind == "document":
                self._remember_text(mention, nearest)
            opens = not subject_found and not mention.oblique and not mention.source
            if opens and mention.kind == "document" and mention.start == 0:
                self.last_text = (mention, sentence_index)  # «La pétition… Elle demande…»
            if mention.kind == "pronoun" and not mention.speaks:
                if not (opens and mention.leads and mention.personal):
                    continue  # only «Elle y entre…» keeps the chain, not «il faut»
            opens = opens and mention.kind in ("person", "role", "organisation", "pronoun")
            subject_found = subject_found or opens
            if (
                opens
                and mention.kind == "role"
                and _described(mention.role)
                and mention.definite
                and not mention.speaks
                and not mention.possessive
            ):
                mention.refers_back = not mention.plural  # «L'actrice avait été…»
            entity = self.resolve(mention, salient=mention.speaks or opens)
            if mention.issuer is not None:
                self.resolve(mention.issuer, salient=False)
            if entity is None:
                continue
            if mention.speaks:
                entity.spoke, entity.spoke_in = True, block
                self.last_speaker = (entity, block)
            if opens:
                self.last_subject = (entity, sentence_index)
            if not mention.oblique and entity.kind in ("person", "organisation"):
                nearest = entity

    def _remember_text(self, mention: Mention, subject: Entity | None) -> None:
        """«La préfète a signé un arrêté. L'arrêté justifie…»: who issued a text, named with
        it or the one who signed, published or sent it, for when it is quoted later; not an
        agreement, which has several signatories («Poutine a signé ce traité»)."""
        if mention.issuer is not None:
            entity = self.resolve(mention.issuer, salient=False)
        elif mention.issued and subject is not None and mention.head not in AGREEMENT_NOUNS:
            entity = subject
        else:
            return
        if entity is not None:
            self.texts[mention.head] = entity
            self.texts[ANY_TEXT] = entity

    def text_before(self, pronoun: Mention, sentence: int) -> Mention | None:
        """«La pétition, lancée par X, a recueilli 5 000 signatures. Elle demande «…»»: a
        pronoun opening the sentence after one a text opened stands for that text."""
        if self.last_text is None or not pronoun.leads or pronoun.start != 0:
            return None
        text, at = self.last_text
        if at != sentence - 1 or text.plural != pronoun.plural or text.gender != pronoun.gender:
            return None
        return text

    def issuer_of(self, mention: Mention) -> Entity | None:
        """Who issued «l'arrêté», «le rapport» met before: a definite text with no issuer."""
        if not mention.definite or mention.issuer is not None:
            return None
        if mention.head in GENERIC_TEXTS:
            return self.texts.get(mention.head) or self.texts.get(ANY_TEXT)
        return self.texts.get(mention.head)

    def resolve(self, mention: Mention, salient: bool) -> Entity | None:
        if mention.entity is not None:
            return mention.entity
        self.clock += 1
        finder = {
            "person": self.person_named,
            "role": self.person_with_role,
            "organisation": self.organisation,
            "pronoun": self.antecedent,
        }.get(mention.kind)
        entity = finder(mention) if finder else None
        if entity is None:
            return None
        entity.last, entity.block = self.clock, self.block
        if salient:
            entity.salient = self.clock
        describes = mention.head not in ANAPHORIC or mention.possessive  # «sa femme» is a tie
        if mention.role and entity.kind != "organisation" and describes:
            entity.first_role = entity.first_role or mention.role
            if not _vaguer(mention.role, entity.role) and not _refers_back(mention, entity):
                entity.role, entity.head = mention.role, mention.head
        if entity.gender is None and mention.kind != "pronoun":
            entity.gender = mention.gender
        if mention.kind == "role" and entity.kind == "person":
            entity.called.add(mention.head)  # «le prévenu» again will be them
        mention.entity = entity
        mention.role_then = entity.role if entity.kind != "organisation" else ""
        return entity

    # Finding who a mention stands for -------------------------------------------------------

    def person_named(self, mention: Mention) -> Entity:
        first, surname = _split_name(mention)
        folded = fold(mention.name)
        entity = (
            self._latest(
                lambda e: (
                    e.kind == "person" and folded in map(fold, e.names) and e.agrees(mention.gender)
                )
            )
            or self._same_surname(first, surname, mention.gender)
            or self._same_first_name(first, surname, mention.gender)
        )
        if entity is None:
            entity = Entity("person", first=first, surname=surname)
            self.entities.append(entity)
            self._bind_cataphoras(entity, mention.gender or first_name_gender(first))
        if first and not entity.first:
            entity.first = first
        if surname and not entity.surname:
            entity.surname = surname
        if mention.name not in entity.names:
            entity.names.append(mention.name)
        entity.gender = entity.gender or mention.gender or first_name_gender(first)
        self.names_seen.update(name for name in (folded, surname, first) if name)
        return entity

    def _bind_cataphoras(self, entity: Entity, gender: str | None) -> None:
        """«Elle parle vite. […] «…», lance-t-elle.» and the next paragraph names her: a
        pronoun that had no one to stand for yet is the first person of its gender named
        right after (in its paragraph or the next)."""
        waiting = []
        for mention, block in self.cataphoras:
            if self.block - block <= 1 and gender in (None, mention.gender):
                mention.entity = entity  # «Camille», of either gender, is the «elle» before
                entity.spoke = entity.spoke or mention.speaks
                entity.gender = entity.gender or mention.gender
            elif self.block - block <= 1:
                waiting.append((mention, block))
        self.cataphoras = waiting

    def _same_surname(self, first: str, surname: str, gender: str | None) -> Entity | None:
        if not surname:
            return None
        return self._latest(
            lambda e: (
                e.kind == "person"
                and e.surname == surname
                and (not first or not e.first or e.first == first)
                and e.agrees(gender or first_name_gender(first))
            )
        )

    def _same_first_name(self, first: str, surname: str, gender: str | None) -> Entity | None:
        if surname or not first:
            return None
        return self._latest(lambda e: e.kind == "person" and e.first == first and e.agrees(gender))

    def person_with_role(self, mention: Mention) -> Entity:
        """«le maire» → the latest person who was given that role; else someone unnamed."""
        if mention.definite and not mention.plural:
            words = _role_words(mention.role)
            entity = self._latest(
                lambda e: (
                    e.kind in ("person", "unnamed")
                    and e.head == mention.head
                    and e.agrees(mention.gender)
                    and words <= _role_words(e.role)
                )
            )
            if entity is not None:
                return entity
            if mention.refers_back:
                bare = len(words) <= 1
                entity = (
                    self._family_member(mention)
                    or (mention.head in ANAPHORIC and self._previous_subject(mention.gender))
                    or (bare and self._latest_without_role(mention.gender))
                    or (_described(mention.role) and self._previous_subject(mention.gender))
                    or (mention.speaks and self._in_focus(mention.gender))
                    or (mention.speaks and self._previous_named_subject(mention.gender))
                    or self._called(mention)
                    or (bare and self._latest_named_near(mention.gender))
                )
                entity = self._other_than_asker(mention, entity)
                if entity:
                    return entity
            if mention.demonstrative:
                entity = self._pointed_back(mention.gender)
                if entity:
                    return entity
            entity = self._body_in_view(mention)
            if entity:
                return entity
        entity = Entity("unnamed", gender=mention.gender, plural=mention.plural)
        self.entities.append(entity)
        return entity

    def _body_in_view(self, mention: Mention) -> Entity | None:
        """«Orange supprime 2 000 postes. «…», justifie l'opérateur»: a noun that names a
        trade and a kind of body, alone, is the body the sentence before was about."""
        if mention.head not in ORGANISATION_NOUNS or len(_role_words(mention.role)) > 1:
            return None
        if self.last_subject is None or self.last_subject[1] < self.sentence - 1:
            return None
        entity = self.last_subject[0]
        return entity if entity.kind == "organisation" and _named(entity) else None

    def in_focus(self, sentence: int, block: int) -> Entity | None:
        """Before sentence ``sentence`` is read: whom the sentence before was about, else
        the latest speaker of this paragraph or the one before."""
        if self.last_subject is not None and self.last_subject[1] >= sentence - 1:
            if self.last_subject[0].kind in ("person", "organisation"):
                return self.last_subject[0]
        if self.last_speaker is not None and block - self.last_speaker[1] <= 1:
            return self.last_speaker[0]
        return None

    def _pointed_back(self, gender: str | None) -> Entity | None:
        """«Pour cette économiste de l'OFCE, «…»»: a demonstrative never brings anyone in;
        it is the speaker in focus, else the latest person named nearby."""
        return (
            self._previous_named_subject(gender)
            or self._in_focus(gender)
            or self._latest_named_near(gender)
        )

    def _other_than_asker(self, mention: Mention, entity: Entity | None) -> Entity | None:
        """«…?», lui demande l'avocate. «…», répond la jeune femme»: who replies is not
        who just spoke, but the latest other person of that gender nearby."""
        if not mention.replies or self.last_speaker is None or entity is not self.last_speaker[0]:
            return entity
        asker = entity
        return self._latest(
            lambda e: (
                e is not asker
                and e.kind == "person"
                and e.agrees(mention.gender)
                and self.block - e.block <= 1
            )
        )

    def _family_member(self, mention: Mention) -> Entity | None:
        """«le joueur de 34 ans» after «son attaquant, X»: a general role noun is the latest
        person nearby whose role is one of its kinds, over whoever spoke last."""
        members = ROLE_FAMILY.get(mention.head)
        if not members:
            return None
        return self._latest(
            lambda e: (
                e.kind == "person"
                and (e.head in members or members & e.called)
                and e.agrees(mention.gender)
                and self.block - e.block <= 2
            )
        )

    def _called(self, mention: Mention) -> Entity | None:
        """«Le prévenu» once more: the person a bare role noun already referred back to,
        though their own role is another («Paul Roy, ancien chef de chantier»), when the
        sentence before and the latest speaker do not settle it."""
        if len(_role_words(mention.role)) > 1:
            return None
        return self._latest(
            lambda e: e.kind == "person" and mention.head in e.called and e.agrees(mention.gender)
        )

    def _in_focus(self, gender: str | None) -> Entity | None:
        """The person who spoke last, in this paragraph or the one before: «…», a déploré
        le député de Seine-Saint-Denis» describes them anew."""
        if self.last_speaker is None:
            return None
        entity, block = self.last_speaker
        if entity.kind != "person" or self.block - block > 1 or not entity.agrees(gender):
            return None
        return entity

    def _previous_subject(self, gender: str | None) -> Entity | None:
        """Whom the previous sentence was about: «Au lycée, un professeur, Michel Lefort, la
        remarque. «…», raconte l'enseignant»."""
        if self.last_subject is None:
            return None
        entity, sentence = self.last_subject
        if sentence != self.sentence - 1 or entity.kind == "organisation":
            return None
        return entity if entity.agrees(gender) else None

    def _previous_named_subject(self, gender: str | None) -> Entity | None:
        """«Serge Dupouy, agriculteur, n'en revient pas. «…», sourit l'ancien producteur de
        melons»: a description that speaks is the person just introduced."""
        entity = self._previous_subject(gender)
        return entity if entity is not None and entity.kind == "person" else None

    def _latest_named_near(self, gender: str | None) -> Entity | None:
        """«Gilles Perrot conteste. […] Le prévenu paie pour…»: a bare role noun that no one
        met holds refers to the latest person named, in this paragraph or the two before."""
        return self._latest(
            lambda e: e.kind == "person" and e.agrees(gender) and self.block - e.block <= 2
        )

    def _latest_without_role(self, gender: str | None) -> Entity | None:
        """«confie l'autrice» after «Marie Dupré raconte…», «a confié l'attaquant» after «la
        performance d'Ousmane Dembélé»: a bare role noun that speaks is the latest person
        mentioned who had no role yet."""
        return self._latest(lambda e: e.kind == "person" and not e.role and e.agrees(gender))

    def organisation(self, mention: Mention) -> Entity:
        folded = fold(mention.name)
        head_only = folded == fold(mention.head)
        entity = self._latest(
            lambda e: (
                e.kind == "organisation"
                and (
                    {folded, *map(fold, mention.aliases)} & set(map(fold, e.names))
                    or (head_only and e.head == mention.head)
                )
            )
        )
        if entity is None and _generic(mention):
            entity = self._latest_named_organisation()  # «le club» after «le PSG»
            if entity is not None:
                return entity
        if entity is None:
            entity = Entity("organisation", head=mention.head, plural=mention.plural)
            self.entities.append(entity)
        for name in (mention.name, *mention.aliases):
            if name not in entity.names:
                entity.names.append(name)
        entity.medium = entity.medium or mention.medium
        return entity

    def _latest_named_organisation(self) -> Entity | None:
        """«l'entreprise» after «le groupe Valdis a réagi»: the latest body with a name of
        its own that was the subject of a sentence or spoke, not one only mentioned in
        passing («sur France 2», «le porte-parole de la CGT»)."""
        named = [
            e
            for e in self.entities
            if e.kind == "organisation" and e.salient >= 0 and _named(e) and not e.medium
        ]
        return max(named, key=lambda e: e.salient) if named else None

    def antecedent(self, mention: Mention) -> Entity | None:
        """«il», «elle», «a-t-il»: the latest of that gender to speak or lead a sentence,
        else the latest of that gender mentioned; «ils»: an organisation or a group."""
        if mention.name == "on":
            return None
        if mention.plural:
            candidates = [e for e in self.entities if e.plural and e.agrees(mention.gender)]
        else:
            candidates = [
                e
                for e in self.entities
                if not e.plural
                and e.agrees(mention.gender)
                and (e.kind != "organisation" or e.spoke or e.salient >= 0)
            ]
        if not candidates:
            if mention.gender is not None and not mention.plural:
                self.cataphoras.append((mention, self.block))
            return None
        if mention.name in ("ce", "cette"):
            return max(candidates, key=lambda e: e.last)  # «ce dernier»: the latest named
        best = max(candidates, key=lambda e: (e.salient, e.last))
        best = self._named_speaker_over(best, candidates, mention.gender)
        best = self._person_who_spoke_here(best, candidates, mention)
        in_view = self.last_subject is not None and self.last_subject[0] is best
        if not best.spoke and not (in_view and self.last_subject[1] >= self.sentence - 1):
            speakers = [e for e in candidates if e.spoke]  # the protagonist, not «sa mère»
            best = max(speakers, key=lambda e: e.salient) if speakers else best
        if best.gender is None and best.kind != "organisation":
            best.gender = mention.gender
        return best

    def _person_who_spoke_here(self, best: Entity, candidates, mention: Mention) -> Entity:
        """«Selon lui, la direction a «…». «…», martèle-t-il»: a pronoun that speaks is the
        person who already spoke in this paragraph, not a body only talked about."""
        if best.kind != "organisation" or best.spoke_in == self.block or not mention.speaks:
            return best
        here = [e for e in candidates if e.kind == "person" and e.spoke and e.block == self.block]
        return max(here, key=lambda e: (e.salient, e.last)) if here else best

    def _named_speaker_over(self, best: Entity, candidates, gender) -> Entity:
        """An unnamed voice («confie une ancienne commise») or a body met in an earlier
        paragraph is rarely «elle» in a new one: the named person of that gender who has
        spoken, the article's protagonist, is."""
        if best.kind == "person" or best.block >= self.block or gender is None:
            return best
        named = [e for e in candidates if e.kind == "person" and e.spoke and e.gender == gender]
        return max(named, key=lambda e: (e.salient, e.last)) if named else best

    def _latest(self, matches) -> Entity | None:
        found = [entity for entity in self.entities if matches(entity)]
        return max(found, key=lambda entity: entity.last) if found else None


def _generic(mention: Mention) -> bool:
    """«le club», «le gestionnaire du réseau»: a body by a generic noun alone, or by what
    it does, with no name of its own; it stands for a body named before. «Le collectif
    national des contrôleurs» is a name."""
    if not mention.definite:
        return False
    if mention.head in FUNCTION_BODIES:
        return not any(word[:1].isupper() for word in mention.name.split()[1:])
    return mention.head in GENERIC_BODIES and fold(mention.name) == fold(mention.head)


def _named(entity: Entity) -> bool:
    """A body written with a name of its own («le groupe Valdis», «la CGT»), not only by
    its generic noun («le syndicat»)."""
    return any(fold(name) not in ORGANISATION_NOUNS for name in entity.names)


def _split_name(mention: Mention) -> tuple[str, str]:
    """(given name, surname), folded: «Vedant Patel» → («vedant», «patel»); «Mme Martin»
    and «Le Pen» are surnames alone; «Marie» alone is a given name."""
    parts = mention.name.split()
    if not parts:
        return "", ""
    starts_with_given = parts[0].lower() not in NAME_PARTICLES and (
        not mention.titled or first_name_gender(parts[0]) is not None
    )
    if len(parts) > 1 and starts_with_given:
        return fold(parts[0]), fold(" ".join(parts[1:]))
    if len(parts) == 1 and not mention.titled and first_name_gender(parts[0]):
        return fold(parts[0]), ""
    return "", fold(mention.name)


def _refers_back(mention: Mention, entity: Entity) -> bool:
    """«la magistrate», «l'élu», «l'ancien chef» for someone whose role is known: a bare
    role noun only refers back and keeps the role, unless it completes it."""
    if mention.kind != "role" or not entity.role:
        return False
    if fold(mention.role).split()[0] in FORMER:
        return True  # «l'ancien producteur de melons» says what they were, not what they are
    if fold(mention.role) in FOLDED_PERIPHRASES:
        return True  # «le chef de l'Etat» names the president, it is no new role
    if not _described(mention.role):
        return False  # «a déploré le député de Seine-Saint-Denis» describes them anew
    return not _vaguer(entity.role, mention.role)


def _described(role: str) -> bool:
    """A role noun alone or with its adjectives («l'actrice», «le technicien nordiste»):
    a description of someone met, not a function named with its complement («la
    présidente du groupe»), which may bring in someone new."""
    words = role.split()
    return not any(word in COMPLEMENT_PREPOSITIONS or word[0].isupper() for word in words[1:])


def _vaguer(role: str, known_role: str) -> bool:
    """«maire» says less than «maire de Lyon»: the fuller role is kept."""
    return bool(known_role) and _role_words(role) <= _role_words(known_role)


def _role_words(role: str) -> set[str]:
    """The words that tell a role, «ancien» or «nouveau» aside: «l'ancien chef» refers
    back to the chef."""
    return {
        word
        for word in fold(role).replace("'", " ").split()
        if word not in ROLE_STOP_WORDS and word not in FOLDED_PRE_ADJECTIVES
    }
