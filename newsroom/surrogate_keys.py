"""The surrogate keys: names for what a public response shows, so a change purges it.

A response lists in its ``Surrogate-Key`` header the keys of everything it shows; a change
hands the keys of what it altered to ``newsroom.purge.after_commit`` (articles.rendering
for articles and everything they show). Spellings are stored in ``PublicCopy`` rows and
known to the CDN: change one only with a re-render and a full purge.
"""

# Every list or index of this kind; purged when any of its members changes.
ARTICLES = "articles"
PEOPLE = "people"
QUOTES = "quotes"
TAGS = "tags"
DOSSIERS = "dossiers"
SECTIONS = "sections"
PHOTOS = "photos"
SITEMAPS = "sitemaps"
# What every list or index that an article's publication can change carries.
LISTINGS = (ARTICLES, PEOPLE, QUOTES, TAGS, DOSSIERS)

_ARTICLE = "article-"


def article(public_id) -> str:
    return f"{_ARTICLE}{public_id}"


def section(slug) -> str:
    """What shows the section itself (its name, its parent)."""
    return f"section-{slug}"


def section_list(slug) -> str:
    """The lists of the section's articles."""
    return f"section-list-{slug}"


def dossier(slug) -> str:
    """What shows the dossier itself (its title, its cover)."""
    return f"dossier-{slug}"


def dossier_list(slug) -> str:
    """The dossier's timeline and pinned articles."""
    return f"dossier-list-{slug}"


def dossier_timeline(slug) -> list[str]:
    """What a dossier's timeline (or its pinned articles) shows: the dossiers, the dossier
    itself and its list."""
    return [DOSSIERS, dossier(slug), dossier_list(slug)]


def person(slug) -> str:
    return f"person-{slug}"


def tag(pk) -> str:
    return f"tag-{pk}"


def photo(pk) -> str:
    return f"photo-{pk}"
