"""The one message catalogue of every layer: core, analysis, io, the command line and the Qt
window all translate through these functions (see docs/translations.md).

Messages are gettext catalogues (``resources/locale/<lang>/LC_MESSAGES/stakeholder_mapper.po``,
compiled to ``.mo`` beside them) extracted and compiled with Babel. Plural forms follow each
language's rule from the catalogue header: English and Spanish 2 forms, French 2 (0 and 1 singular),
Russian 3, Arabic 6. Placeholders are named, in ``str.format`` style: ``_("{name} is valid.")``
then ``.format(name=...)``, so a translation may move them.

The language is chosen once at start (:func:`set_language`): the app passes its setting, the
command line and a fresh app follow the environment as gettext does (:func:`system_language`).
``en_XA`` is a pseudo-language for testing, generated at run time from the catalogue's
template (.pot): its messages accented and 40 % longer, so that text not going through the
catalogue (or passed to it but never extracted), or clipped by a widget, shows on
screenshots.
"""

from __future__ import annotations

import datetime as dt
import errno
import gettext
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from ..paths import LOCALE_DIR

__all__ = [
    "DOMAIN",
    "FSI",
    "LANGUAGES",
    "N_",
    "PDI",
    "PSEUDO",
    "_",
    "format_date",
    "format_list",
    "format_number",
    "is_right_to_left",
    "isolate",
    "language",
    "ngettext",
    "pgettext",
    "pseudo",
    "set_language",
    "speaking",
    "supported",
    "system_error",
    "system_language",
    "translations_of",
]

DOMAIN = "stakeholder_mapper"
#: The interface languages, with their names in their own language (for the Language menu).
LANGUAGES: Mapping[str, str] = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "ar": "العربية",
    "ru": "Русский",
}
#: The pseudo-language: English accented and lengthened, to find untranslated or clipped text.
PSEUDO = "en_XA"
_RIGHT_TO_LEFT = frozenset({"ar"})
#: CLDR locale for numbers in each language; English as the app writes it (day first, GB).
_CLDR = {"en": "en_GB", PSEUDO: "en_GB"}

_current = "en"
_translations: gettext.NullTranslations = gettext.NullTranslations()
#: A language chosen for one piece of work (a plan) in this thread or task, over the
#: interface's: (code, translations), or None. A context variable, so that a plan built in
#: Arabic on a worker thread leaves the window's English alone.
_speaking: ContextVar[tuple[str, gettext.NullTranslations] | None] = ContextVar(
    "speaking", default=None
)


def _active() -> tuple[str, gettext.NullTranslations]:
    override = _speaking.get()
    return override if override is not None else (_current, _translations)


@cache
def _load(code: str) -> gettext.NullTranslations:
    if code == PSEUDO:
        return _Pseudo()
    if code == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, [code])


def N_(message: str) -> str:  # noqa: N802 - the gettext name extraction looks for
    """Mark ``message`` for the catalogue without translating it now (translated where shown)."""
    return message


def _(message: str) -> str:
    """``message`` in the interface language (the English source when no translation)."""
    return _active()[1].gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted message for ``n`` under the language's plural rule.

    >>> ngettext("{n} row", "{n} rows", 2).format(n=2)
    '2 rows'
    """
    return _active()[1].ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` translated in ``context``: the same English word may need two translations
    ("Open" a file, an "open" status)."""
    return _active()[1].pgettext(context, message)


def language() -> str:
    """The language messages are written in now: the interface's, or the one chosen with
    :func:`speaking`; one of :data:`LANGUAGES`, or :data:`PSEUDO`."""
    return _active()[0]


def is_right_to_left(code: str | None = None) -> bool:
    """Whether the language (default: the interface's) is written right to left (Arabic)."""
    return (code or language()) in _RIGHT_TO_LEFT


#: Unicode's first-strong isolate and pop-directional isolate (UAX #9, §2.7).
FSI = "\u2068"
PDI = "\u2069"
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def isolate(name: str) -> str:
    """A name from the map as a sentence of the current language holds it: wrapped in
    FSI…PDI wherever its direction may differ from the sentence's (a right-to-left
    language, or a right-to-left letter in the name), so that the words, arrows and full
    stop around it keep their order; as it is otherwise (a Latin or Cyrillic name in a
    left-to-right sentence cannot be reordered).

    >>> isolate("Marenza"), isolate("\u0645\u0631\u0643\u0632")
    ('Marenza', '\u2068\u0645\u0631\u0643\u0632\u2069')
    """
    if not name or name.startswith(FSI):
        return name
    if is_right_to_left() or _RTL_LETTER.search(name):
        return f"{FSI}{name}{PDI}"
    return name


def supported(code: str) -> str | None:
    """The interface language a locale name stands for, or ``None``: 'fr_FR.UTF-8' → 'fr'."""
    name = code.split(".")[0].split("@")[0]
    if name.replace("-", "_") == PSEUDO:
        return PSEUDO
    base = name.split("_")[0].split("-")[0].casefold()
    return base if base in LANGUAGES else None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for, read as gettext does: the first of LANGUAGE
    (a colon-separated list of preferences), LC_ALL, LC_MESSAGES and LANG that is set; the
    first language of it the app speaks, else English ("C" and "POSIX" mean English)."""
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if not value:
            continue
        for preference in value.split(":"):
            found = supported(preference)
            if found:
                return found
        if variable != "LANGUAGE":
            return "en"
    return "en"


def set_language(code: str | None = None) -> str:
    """Make ``code`` the interface language (default: :func:`system_language`); returns it.

    Called once at start, before any message is built.
    """
    global _current, _translations
    chosen = supported(code) if code else None
    chosen = chosen or system_language()
    _translations = _load(chosen)
    _current = chosen
    return chosen


def translations_of(message: str) -> frozenset[str]:
    """``message`` in every interface language, English included: recognises the app's own
    words (a new map's category names) whatever language they were written in."""
    return frozenset(
        {message} | {_load(code).gettext(message) for code in LANGUAGES if code != "en"}
    )


@contextmanager
def speaking(code: str | None) -> Iterator[str]:
    """Write every message, number and date in ``code`` (default: the interface language)
    while the block runs, in this thread only: a plan in Arabic from an app in English.
    Yields the language chosen.

    >>> with speaking("fr"):
    ...     format_number(1234.5)
    '1\u202f234,5'
    """
    chosen = (supported(code) if code else None) or language()
    token = _speaking.set((chosen, _load(chosen)))
    try:
        yield chosen
    finally:
        _speaking.reset(token)


def format_number(value: float, decimals: int | None = None) -> str:
    """``value`` as the interface language writes numbers, in Latin digits: '1,234.5' in
    English, '1 234,5' in French, '1 234,5' in Russian, '1,234.5' in Arabic."""
    from babel import Locale  # CLDR data loads on first use, not at start
    from babel.numbers import format_decimal

    code = language()
    locale = Locale.parse(_CLDR.get(code, code))
    pattern = None if decimals is None else "#,##0." + "0" * decimals if decimals else "#,##0"
    return format_decimal(value, format=pattern, locale=locale)


def format_list(items: Sequence[str]) -> str:
    """``items`` joined as the language lists them: 'A, B and C', 'A, B et C', 'A, B и C',
    'A وB وC' (CLDR's list patterns through Babel)."""
    from babel.lists import format_list as babel_list

    if not items:
        return ""
    code = language()
    return babel_list(list(items), locale=_CLDR.get(code, code))


def format_date(value: dt.date, short: bool = False) -> str:
    """``value`` as the interface language writes dates: '5 November 2026', '5 novembre
    2026', '5 ноября 2026 г.'; ``short`` abbreviates the month for tables."""
    from .dates import day_month_year, short_date  # Babel loads on first use, not at start

    code = "en" if language() == PSEUDO else language()
    return short_date(value, code) if short else day_month_year(value, code)


# Named placeholders, %-style fields and Qt's accelerator marks stay as they are in pseudo.
_KEEP = re.compile(r"\{[^{}]*\}|%\([^)]*\)[a-z]|%[a-z%]|&(?=\w)|<[^>]*>")
_ACCENTED = str.maketrans("AaCcEeIiNnOoUuYySsZz", "ÅåÇçÉéÎîÑñÖöÜüÝýŠšŽž")


def pseudo(message: str) -> str:
    """``message`` in the pseudo-language: accented, 40 % longer and bracketed, its
    placeholders and accelerator marks intact.

    >>> pseudo("Save {name}")
    '[Šåvé {name}····]'
    """
    parts, last = [], 0
    for match in _KEEP.finditer(message):
        parts.append(message[last : match.start()].translate(_ACCENTED))
        parts.append(match.group())
        last = match.end()
    parts.append(message[last:].translate(_ACCENTED))
    padding = "·" * max(1, round(len(message) * 0.4))
    return "[" + "".join(parts) + padding + "]"


@cache
def _template() -> frozenset[tuple[str | None, str]]:
    """(context, message) of every message of the sources, read from the template (.pot)
    that ``make catalog`` extracts: the pseudo-language translates these only."""
    from babel.messages.pofile import read_po  # the pseudo-language alone needs it

    with open(LOCALE_DIR / f"{DOMAIN}.pot", "rb") as fh:
        template = read_po(fh)
    return frozenset(
        (message.context, message.id if isinstance(message.id, str) else message.id[0])
        for message in template
        if message.id
    )


class _Pseudo(gettext.NullTranslations):
    """Every message of the catalogue's template in the pseudo-language; a text the
    template lacks (not marked for extraction) stays in English, as it would in every
    other language."""

    def gettext(self, message: str) -> str:
        return pseudo(message) if (None, message) in _template() else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        chosen = msgid1 if n == 1 else msgid2
        return pseudo(chosen) if (None, msgid1) in _template() else chosen

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message) if (context, message) in _template() else message


#: The system's reasons a file operation fails, as the C library words them in English.
_SYSTEM_ERRORS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.EEXIST: N_("File exists"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.ELOOP: N_("Too many levels of symbolic links"),
    errno.EIO: N_("Input/output error"),
}


def system_error(exc: OSError) -> str:
    """Why a file operation failed, in the interface language: the common reasons come
    from the catalogue (Python gives the C library's English), others as the system says."""
    known = _SYSTEM_ERRORS.get(exc.errno) if exc.errno is not None else None
    return _(known) if known else str(exc.strerror or exc)
