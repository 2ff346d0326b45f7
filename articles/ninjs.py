"""An article as an IPTC ninjs 2.2 news item (https://iptc.org/standards/ninjs/).

Built from the article's public representation (``ArticleDetailSerializer``), like the
JSON-LD, so partners get exactly what the API shows. Only properties of the standard are
used (ninjs 2.x refuses any other): the kicker goes into ``headlines`` with its own role,
the section and dossiers into ``subjects``, the lead photo into ``associations`` with its
caption and credit line.
"""

from html import escape

from django.conf import settings

SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"
ENTITY_LISTS = {"person": "people", "place": "places", "organisation": "organisations"}


def news_item(article: dict) -> dict:
    item = {
        "uri": f"urn:uuid:{article['id']}",
        "type": "text",
        "representationtype": "full",
        "standard": {"name": "ninjs", "version": "2.2", "schema": SCHEMA},
        "firstcreated": article["first_published_at"] or article["published_at"],
        "versioncreated": article["updated_at"] or article["published_at"],
        "pubstatus": "usable",
        "language": article["language"],
        "copyrightholder": settings.PUBLICATION_NAME,
        "headlines": [{"role": "main", "value": article["headline"]}],
        "descriptions": [],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": body_html(article)}],
        "by": by_line(article),
        "slugline": article["slug"],
        "subjects": subjects(article),
        "altids": [{"role": "url", "value": article["page_url"]}],
        "associations": associations(article),
    }
    if article["kicker"]:
        item["headlines"].append({"role": "kicker", "value": article["kicker"]})
    if article["standfirst"]:
        item["descriptions"].append({"role": "summary", "value": article["standfirst"]})
    for tag in article["tags"]:
        if tag["kind"] in ENTITY_LISTS:
            item.setdefault(ENTITY_LISTS[tag["kind"]], []).append(
                {"name": tag["name"], "rel": "about", "literal": tag["slug"]}
            )
    return {key: value for key, value in item.items() if value not in (None, "", [])}


def by_line(article: dict) -> str:
    """«Anne Dupont et Paul Martin», else the signature line («Libération et AFP»)."""
    names = [author["name"] for author in article["authors"]]
    if len(names) > 1:
        return ", ".join(names[:-1]) + " et " + names[-1]
    return names[0] if names else article["signature"]


def subjects(article: dict) -> list[dict]:
    found = []
    if section := article["section"]:
        found.append({"name": section["name"], "rel": "section", "literal": section["slug"]})
    found += [
        {"name": dossier["title"], "rel": "dossier", "literal": dossier["slug"]}
        for dossier in article["dossiers"]
    ]
    found += [
        {"name": tag["name"], "rel": "about", "literal": tag["slug"]}
        for tag in article["tags"]
        if tag["kind"] == "topic"
    ]
    return found


def picture(name: str, photo: dict) -> dict:
    """A photo as a ninjs association: caption, credit line, creator, rights, renditions."""
    descriptions = [{"role": "caption", "value": photo["caption"]}]
    descriptions.append({"role": "creditline", "value": photo["credit"]})
    if photo["alt_text"]:
        descriptions.append({"role": "alt", "value": photo["alt_text"]})
    item = {
        "name": name,
        "uri": f"{settings.SITE_URL}/api/v1/photos/{photo['id']}/",
        "type": "picture",
        "representationtype": "partial",
        "descriptions": [d for d in descriptions if d["value"]],
        "by": photo["creator"],
        "copyrightnotice": photo["copyright_notice"],
        "renditions": [
            *(
                # The picture at its largest public size (never the uploaded original).
                [
                    {
                        "name": "original",
                        "href": photo["url"],
                        "width": photo["width"],
                        "height": photo["height"],
                        "contenttype": f"image/{photo['format'].lower()}",
                    }
                ]
                if photo["url"]
                else []
            ),
            *(
                {
                    "name": f"{r['ratio']}-{r['width']}-{r['format'].lower()}",
                    "href": r["url"],
                    "width": r["width"],
                    "height": r["height"],
                    "contenttype": r["mime_type"],
                }
                for r in photo["renditions"]
            ),
        ],
    }
    return {key: value for key, value in item.items() if value not in (None, "", [])}


def associations(article: dict) -> list[dict]:
    found = []
    if article["lead_photo"]:
        found.append(picture("featuremedia", article["lead_photo"]))
    for index, block in enumerate(article["body"], start=1):
        if block["type"] == "photo":
            found.append(picture(f"photo-{index}", block["photo"]))
        elif block["type"] == "related":
            related = block["article"]
            found.append(
                {
                    "name": f"related-{index}",
                    "uri": f"urn:uuid:{related['id']}",
                    "type": "text",
                    "representationtype": "partial",
                    "headlines": [{"role": "main", "value": related["headline"]}],
                }
            )
    return found


def body_html(article: dict) -> str:
    """The body's blocks as HTML; photos and related articles point to their association."""
    parts = []
    for index, block in enumerate(article["body"], start=1):
        kind = block["type"]
        if kind == "paragraph":
            parts.append(f"<p>{block['html']}</p>")  # sanitised on save: inline tags only
        elif kind == "intertitle":
            parts.append(f"<h2>{escape(block['text'], quote=False)}</h2>")
        elif kind == "list":  # items and paragraphs sanitised on save, as a paragraph's
            parts.append("<ul>" + "".join(f"<li>{item}</li>" for item in block["items"]) + "</ul>")
        elif kind == "blockquote":
            paragraphs = "".join(f"<p>{text}</p>" for text in block["paragraphs"])
            parts.append(f'<blockquote class="excerpt">{paragraphs}</blockquote>')
        elif kind == "quote":
            quote = block["quote"]
            who = ", ".join(filter(None, [quote["speaker"], quote["role"]]))
            parts.append(
                f"<blockquote><p>{escape(quote['text'], quote=False)}</p>"
                f"<footer>{escape(who, quote=False)}</footer></blockquote>"
            )
        elif kind == "photo":
            photo = block["photo"]
            credit = f" ({escape(photo['credit'], quote=False)})" if photo["credit"] else ""
            image = (
                f'<img src="{escape(photo["url"])}" alt="{escape(photo["alt_text"])}"/>'
                if photo["url"]  # null until the renditions are made
                else ""
            )
            parts.append(
                f'<figure data-association="photo-{index}">{image}'
                f"<figcaption>{escape(photo['caption'], quote=False)}{credit}</figcaption>"
                "</figure>"
            )
        elif kind == "embed":
            url = escape(block["url"])
            parts.append(f'<p class="embed"><a href="{url}">{url}</a></p>')
        elif kind == "related":
            headline = escape(block["article"]["headline"], quote=False)
            parts.append(f'<p class="related" data-association="related-{index}">{headline}</p>')
    return "\n".join(parts)
