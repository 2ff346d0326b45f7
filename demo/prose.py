"""French-looking news text, fast: sentences are built once into a pool, then drawn.

A hundred thousand articles need tens of millions of words; drawing whole sentences from a
pre-built pool keeps that to a few random calls per paragraph.
"""

import random

from demo import vocabulary as words


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


class Prose:
    def __init__(self, rng: random.Random, pool_size: int = 20_000):
        self.rng = rng
        self.sentences = [self._sentence() for _ in range(pool_size)]
        self.sentence_words = [sentence.count(" ") + 1 for sentence in self.sentences]
        self.headlines = [self._headline() for _ in range(pool_size // 4)]

    def paragraph(self, min_words: int = 40, max_words: int = 120) -> str:
        return self._sentences(self.rng.randint(min_words, max_words))

    def standfirst(self) -> str:
        return self._sentences(self.rng.randint(30, 50))

    def headline(self) -> str:
        return self.rng.choice(self.headlines)

    def kicker(self) -> str:
        return self.rng.choice(words.KICKERS)

    def intertitle(self) -> str:
        return self.rng.choice(words.INTERTITLES)

    def quote(self) -> str:
        """Words someone might say, without guillemets."""
        choice = self.rng.choice
        return f"{choice(words.QUOTE_OPENINGS)} {choice(words.OBJECTS)}"

    def quoting(self, text: str, name: str, role: str) -> str:
        """A paragraph that carries ``text`` between guillemets, attributed."""
        verb = self.rng.choice(words.ATTRIBUTIONS)
        return f"«{text}», {verb} {name}, {role}. {self._sentences(20)}"

    def role(self) -> str:
        return self.rng.choice(words.ROLES).format(
            place=self.rng.choice(words.PLACES),
            organisation=self.rng.choice(words.ORGANISATIONS),
        )

    def _sentences(self, target: int) -> str:
        picked, count = [], 0
        while count < target:
            index = self.rng.randrange(len(self.sentences))
            picked.append(self.sentences[index])
            count += self.sentence_words[index]
        return " ".join(picked)

    def _clause(self) -> tuple[str, str]:
        subject, plural = self.rng.choice(words.SUBJECTS)
        verb = self.rng.choice(words.VERBS)[plural]
        return subject, f"{verb} {self.rng.choice(words.OBJECTS)}"

    def _sentence(self) -> str:
        choice = self.rng.choice
        subject, predicate = self._clause()
        form = self.rng.randrange(8)
        if form == 0:
            return f"{choice(words.CONNECTORS)}, {subject} {predicate}."
        if form == 1:
            return (
                f"Selon {choice(words.SOURCES)}, {subject} {predicate} {choice(words.COMPLEMENTS)}."
            )
        if form == 2:
            return capitalise(f"{subject} {predicate}, {choice(words.TAILS)}.")
        if form == 3:
            return capitalise(
                f"{subject}, {choice(words.APPOSITIONS)}, {predicate} {choice(words.COMPLEMENTS)}."
            )
        if form == 4:
            return choice(words.STATISTICS).format(
                n=self.rng.randint(2, 60), k=self.rng.randint(2, 900)
            )
        if form == 5:
            return f"A {choice(words.PLACES)}, {subject} {predicate} {choice(words.COMPLEMENTS)}."
        return capitalise(f"{subject} {predicate} {choice(words.COMPLEMENTS)}.")

    def _headline(self) -> str:
        """About ten words, at least eight: a clause, with a complement when it is short."""
        subject, predicate = self._clause()
        headline = f"{subject} {predicate}"
        while headline.count(" ") < 7:
            headline = f"{headline} {self.rng.choice(words.COMPLEMENTS)}"
        if self.rng.random() < 0.3:
            return f"{self.rng.choice(words.PLACES)}\u00a0: {headline}"
        return capitalise(headline)
