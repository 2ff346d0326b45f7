"""An article as schema.org ``NewsArticle`` JSON-LD, for the front-end to put in its page.

Built from the article's public representation (``ArticleDetailSerializer``), so it says
exactly what the API says: the same caption and credit, the same authors, nothing that the
public may not see.
"""

from django.conf import settings

from newsroom.markup import strip_html

ENTITY_TYPES = {"person": "Person", "place": "Place", "organisation": "Organization"}
CROPS = ("16:9", "4:3", "1:1")  # the ratios search engines ask for


def news_article(article: dict) -> dict:
    page = article["page_url"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": page,
        "url": page,
        "mainEntityOfPage": {"@type": "WebPage", "@id": page},
        "headline": article["headline"],
        "description": article["standfirst"],
        "inLanguage": article["language"],
        "datePublished": article["first_published_at"] or article["published_at"],
        "dateModified": article["updated_at"] or article["published_at"],
        "articleSection": article["section"]["name"] if article["section"] else None,
        "author": [{"@type": "Person", "name": a["name"]} for a in article["authors"]],
        "creditText": article["signature"] or None,
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": settings.PUBLICATION_NAME,
            "url": settings.SITE_URL,
        },
        "image": images(article["lead_photo"]),
        "keywords": [tag["name"] for tag in article["tags"] if tag["kind"] == "topic"],
        "mentions": [
            {"@type": ENTITY_TYPES[tag["kind"]], "name": tag["name"]}
            for tag in article["tags"]
            if tag["kind"] in ENTITY_TYPES
        ],
        "isAccessibleForFree": not article["is_premium"],
        "articleBody": article_body(article["body"]),
        "correction": [
            {
                "@type": "CorrectionComment",
                "text": correction["text"],
                "datePublished": correction["published_at"],
            }
            for correction in article["corrections"]
        ],
    }
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def article_body(blocks: list[dict]) -> str:
    """The body as plain text, paragraph by paragraph: text blocks, and the words of its
    attributed quotes with who said them (photos, embeds and related articles are not
    text)."""
    parts = []
    for block in blocks:
        kind = block["type"]
        if kind == "paragraph":
            parts.append(strip_html(block["html"]))
        elif kind == "intertitle":
            parts.append(block["text"])
        elif kind == "list":
            parts.append("\n".join(f"• {strip_html(item)}" for item in block["items"]))
        elif kind == "blockquote":
            parts.extend(strip_html(text) for text in block["paragraphs"])
        elif kind == "quote":
            quote = block["quote"]
            who = ", ".join(filter(None, [quote["speaker"], quote["role"]]))
            parts.append(f"« {quote['text']} »" + (f" — {who}" if who else ""))
    return "\n\n".join(parts)


def images(photo: dict | None) -> list[dict]:
    """The lead photo whole, then its largest JPEG crop at each ratio, each with its
    caption, credit and copyright."""
    if photo is None:
        return []
    shared = {
        "@type": "ImageObject",
        "caption": photo["caption"],
        "creditText": photo["credit"],
        "copyrightNotice": photo["copyright_notice"] or None,
        "creator": {"@type": "Person", "name": photo["creator"]} if photo["creator"] else None,
    }
    found = []
    if photo["url"]:  # null until the renditions are made
        found.append({"url": photo["url"], "width": photo["width"], "height": photo["height"]})
    for ratio in CROPS:
        crops = [r for r in photo["renditions"] if r["ratio"] == ratio and r["format"] == "JPEG"]
        if crops:
            largest = max(crops, key=lambda r: r["width"])
            found.append({key: largest[key] for key in ("url", "width", "height")})
    return [
        {key: value for key, value in {**shared, **image}.items() if value is not None}
        for image in found
    ]
