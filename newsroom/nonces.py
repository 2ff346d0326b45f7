"""Template library ``nonces``: the page's Content-Security-Policy nonce on form media.

The prose editor's media carry an inline ``<script type="importmap">``, which the policy
refuses without the nonce django-csp gives each response (``request.csp_nonce``).
"""

from django import template
from js_asset import Media

register = template.Library()


@register.filter
def nonced(media, request):
    """``media`` (a form's or an admin page's) rendered with ``request``'s nonce on every tag."""
    return Media.from_media(media, nonce=str(request.csp_nonce))
