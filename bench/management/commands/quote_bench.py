"""Score the quote finder on the labelled French articles: ``manage.py quote_bench``."""

import platform
import re
from pathlib import Path

from django.core.management.base import BaseCommand

from bench import quotes

HEADING = "## Quote suggestions"
ABOUT = (
    "The labelled set was written from the text alone by one engineer (15 invented French "
    "articles of every kind of story, and the reference article labelled as in "
    "`shared/seed/README.md`) while others wrote the finder; the finder was then tuned "
    "on it with general rules. The held-out set was written blind afterwards; its texts "
    "and misses were never read by those tuning the finder, only its table, to undo "
    "changes that made it worse: it is the closest figure to articles never seen. A "
    "match is a suggestion starting in the labelled block with the same words; speaker, "
    "role and kind are counted over the matches. No language model: spaCy's French "
    "pipelines are not on PyPI, the only registry the project installs from "
    "(docs/decisions/0009)."
)


class Command(BaseCommand):
    help = (
        "Detection precision and recall, speaker, role and kind accuracy of the quote "
        "finder on bench/quote_corpus, with every miss."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only", nargs="+", metavar="PREFIX", help="Only the articles whose file starts so."
        )
        parser.add_argument("--output", help="Write the figures into this Markdown file.")

    def handle(self, *args, only=None, output=None, **options):
        summaries = []
        sets = [("The labelled set", quotes.CORPUS), ("The held-out set", quotes.HELD_OUT)]
        for title, folder in sets:
            articles = quotes.load(only, folder)
            if not articles:
                continue
            total = quotes.score(articles)
            summary = f"### {title} (`{folder.relative_to(quotes.CORPUS.parent.parent)}`)\n\n"
            summary += quotes.report(total, articles)
            summaries.append(summary)
            self.stdout.write(summary)
            self.stdout.write("\nMisses:" if total.misses else "\nNo miss.")
            for miss in total.misses:
                self.stdout.write(f"- {miss}")
            self.stdout.write("")
        if output:
            write_section(Path(output), "\n\n".join(summaries))


def write_section(path: Path, summary: str) -> None:
    """Replace the section under ``HEADING`` (or add it) and keep the rest of the file."""
    section = (
        f"{HEADING}\n\n`manage.py quote_bench` (rules only, `articles/quote_finder`), on "
        f"{platform.processor() or platform.machine()}, Python {platform.python_version()}.\n\n"
        f"{ABOUT}\n\n{summary}\n"
    )
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.DOTALL | re.MULTILINE)
    if pattern.search(text):
        text = pattern.sub(lambda _match: section + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")
