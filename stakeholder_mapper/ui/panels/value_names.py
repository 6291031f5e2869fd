"""The words a map stores for its choices (levels, stages, yes, unknown, kinds of
interaction...) as the inspector's and the engagement log's choice boxes show them in the
interface language.

The map keeps the English word, which tables, imports and the command line read back; a
choice box shows the word of the interface language and hands back the stored one.
"""

from __future__ import annotations

from ...core.i18n import pgettext

__all__ = ["shown_value"]


def shown_value(value: str) -> str:
    """``value`` (a stored choice; "" for unknown) in the interface language; a value
    the app does not know is shown as it is."""
    names = {
        "": pgettext("stored value", "unknown"),
        "yes": pgettext("stored value", "yes"),
        "no": pgettext("stored value", "no"),
        "community": pgettext("stored value", "community"),
        "city": pgettext("stored value", "city"),
        "regional": pgettext("stored value", "regional"),
        "national": pgettext("stored value", "national"),
        "international": pgettext("stored value", "international"),
        "public": pgettext("stored value", "public"),
        "internal": pgettext("stored value", "internal"),
        "confidential": pgettext("stored value", "confidential"),
        "unaware": pgettext("stored value", "unaware"),
        "resistant": pgettext("stored value", "resistant"),
        "neutral": pgettext("stored value", "neutral"),
        "supportive": pgettext("stored value", "supportive"),
        "champion": pgettext("stored value", "champion"),
        "none": pgettext("stored value", "none"),
        "exploring": pgettext("stored value", "exploring"),
        "drafting": pgettext("stored value", "drafting"),
        "signed": pgettext("stored value", "signed"),
        "renewal due": pgettext("stored value", "renewal due"),
        "expired": pgettext("stored value", "expired"),
        "positive": pgettext("stored value", "positive"),
        "negative": pgettext("stored value", "negative"),
        "confirmed": pgettext("stored value", "confirmed"),
        "assumed": pgettext("stored value", "assumed"),
        "meeting": pgettext("stored value", "meeting"),
        "letter": pgettext("stored value", "letter"),
        "call": pgettext("stored value", "call"),
        "event": pgettext("stored value", "event"),
        "email": pgettext("stored value", "email"),
        "other": pgettext("stored value", "other"),
    }
    return names.get(value, value)
