"""Template filters that put fixed English words from services into the page's language."""

from django import template
from django.utils.translation import gettext, gettext_noop

register = template.Library()

# What claims.services.claim_publication_problems lists, in English: marked here so the
# catalogue has them, translated where the workspace shows them.
PUBLICATION_PROBLEMS = (
    gettext_noop("a verdict"),
    gettext_noop("a written conclusion"),
    gettext_noop("at least one approved evidence item"),
)


@register.filter
def translate_each(words) -> list[str]:
    """Each word of a list through the catalogue (unknown words are shown as they are)."""
    return [gettext(str(word)) for word in words]
