"""Put an article in one of the states that must keep it off every public surface."""

import datetime as dt

from articles import workflow
from articles.models import Article

HIDDEN_STATES = ["draft", "ready", "scheduled", "embargoed", "withdrawn"]


def make_hidden(article: Article, state: str, now) -> Article:
    """``article`` (a fresh draft) as a draft, ready, scheduled an hour ahead, embargoed
    five minutes more, or withdrawn."""
    if state == "ready":
        Article.objects.filter(pk=article.pk).update(status=Article.Status.READY)
    elif state == "scheduled":
        workflow.publish(article, by=None, at=now, when=now + dt.timedelta(hours=1))
    elif state == "embargoed":
        workflow.publish(article, by=None, at=now - dt.timedelta(hours=1))
        Article.objects.filter(pk=article.pk).update(embargo_until=now + dt.timedelta(minutes=5))
    elif state == "withdrawn":
        workflow.publish(article, by=None, at=now - dt.timedelta(hours=1))
        workflow.withdraw(article, by=None, at=now)
    return article
