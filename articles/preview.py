"""Signed, expiring preview tokens: a draft or scheduled article, as it will look published."""

from django.conf import settings
from django.core import signing

SALT = "articles.preview"


def make_token(article) -> str:
    return signing.dumps(str(article.public_id), salt=SALT)


def public_id_from(token: str) -> str:
    """Raise ``signing.BadSignature`` (tampered) or ``signing.SignatureExpired`` (too old)."""
    return signing.loads(token, salt=SALT, max_age=settings.PREVIEW_MAX_AGE)
