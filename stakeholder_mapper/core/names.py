"""Finding people's names in free text, in the forms people write them.

A name entered as "Leila Orsan" turns up in notes and plans as "Leila Orsan",
"L. Orsan", "L Orsan", "Orsan, Leila", "Orsan L.", "ORSAN" or just "Orsan". A
:class:`NameMatcher` finds all of these, ignoring case, accents ("Orsán"), the spelling
variants of Arabic (أ إ آ ا, ى ي, ة ه, short vowels) and Cyrillic (ё е), the Arabic
prefixes written onto a word (و ف ب ك ل ال: "وأورسان", "and Orsan"), and the declined
forms of Russian and Ukrainian names ("Ёлкин" in "Визит к о. Ёлкину", "Коваленко" in
"з Коваленком"), which the ``pymorphy3`` morphology library gives; it is loaded only
when a map holds a Cyrillic name. A single part of a
name is only matched alone when it is distinctive: at least :data:`MIN_PART` letters,
and neither a common word (:data:`COMMON_WORDS`: "Said", "Young", "Grace"), a title nor
a particle ("al", "bin", "van"). Names are matched as whole words, so "Orsan" inside
"Orsanville" is left alone.

Example::

    >>> matcher = NameMatcher(["Leila Orsan"])
    >>> matcher.sub("Ask L. Orsan, or ORSAN's deputy", "[erased]")
    "Ask [erased], or [erased]'s deputy"
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "COMMON_WORDS",
    "MIN_PART",
    "NameMatcher",
    "name_parts",
    "person_names",
    "titled_name",
]


def _word_list(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Fewest letters a single part of a name needs to be matched on its own.
MIN_PART = 3

#: Words that are also names ("Said", "Grace", "Brown") or that maps use for roles and
#: places: a name part among them is matched only as part of a fuller form of the name.
COMMON_WORDS = _word_list(
    """
    said will may mark bill hope grace faith joy rose king young white black brown green
    gray grey long little small short major mayor bishop church hill field wood woods stone
    wells bell love star sun day dean judge page price rich cash fox wolf lamb bird crane
    swan cook baker hunter fisher porter mason carter turner walker cooper barber butcher
    farmer gardener shepherd weaver potter house street ford lane north south west east
    winter summer spring autumn frost snow rain storm river lake sea port city town new old
    good best strong sharp bright gold silver iron steel glass wall gate bridge hall castle
    court bank banks money power law lord duke earl prince queen pope abbot kind wise free
    early late hard soft fair well case hand head heart song rock reed rice salt sugar honey
    ash oak elm pine birch holly ivy lily daisy iris violet heather hazel olive ruby pearl
    amber jade crystal dawn eve june april august sunny angel christian justice patience
    charity mercy constance prudence branch council office unit youth women radio media
    district community centre center school hospital mosque market union team desk staff
    chair board red cross crescent
    blanc noir petit grand roux roi fort bon boulanger boucher meunier fontaine
    blanco negro rey leon cruz santos iglesias flores rosa paz luz sol mar campo castillo
    delgado moreno rubio bravo calvo franco soto vega rios fuentes
    вера надежда любовь мир
    أمل نور سلام حسن سعيد كريم جميل أمين صالح فرح هدى
    """
)

# Titles before a name and particles inside one: never matched alone, never initials.
_TITLES = _word_list(
    "mr mrs ms miss dr prof sir madam mme mlle sr sra srta don dona doña sheikh shaikh "
    "imam rev fr hon eng ing г-н г-жа"
)
_PARTICLES = _word_list(
    "al el bin ibn abu umm bint ben van von der den de del della da das dos di du la le "
    "mac mc st ter"
)

# Titles that say a label names a person ("Fr. Yolkin", "о. Ёлкин", "الشيخ أحمد").
_PERSON_TITLES = _TITLES | _word_list(
    "father fr pastor rabbi reverend revd о отец протоиерей батюшка шейх имам д-р "
    "الشيخ شيخ الإمام إمام الأب الدكتور د"
)

# Letters written in more than one way: each is read as the first of its group.
_SAME_LETTER = ("اأإآٱ", "يى", "ةه", "وؤ", "её", "ıi")
_CANONICAL = {letter: group[0] for group in _SAME_LETTER for letter in group}
# Prefixes Arabic writes onto the next word: and, so, with, like, for, the.
_ARABIC_PREFIX = "(?:[وف]?(?:[بكل]|ال|لل)?)"
_SEPARATOR = r"[\s_.\-‐–]*"
_APOSTROPHES = "'’ʼ‘`"


@functools.lru_cache(maxsize=4096)
def _plain_char(char: str) -> str:
    """One character without accent, mark or spelling variant, in lower case ('' for a mark)."""
    plain = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return "".join(_CANONICAL.get(c, c) for c in plain.casefold() if c != "\u0640")


def _canonical(text: str) -> str:
    """Text without accents, marks and spelling variants, in lower case: what is matched."""
    return "".join(_plain_char(c) for c in text)


@functools.cache
def _quick_tools() -> tuple[re.Pattern[str], dict[int, str | None], tuple[tuple[str, str], ...]]:
    """What :func:`_canonical_quick` uses: a pattern of all marks, and the letter variants."""
    marks = [code for code in range(0x110000) if unicodedata.combining(chr(code))]
    ranges, start = [], marks[0]
    for before, code in zip(marks, [*marks[1:], None], strict=True):
        if code != before + 1:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(before))}")
            start = code
    variants: dict[int, str | None] = {ord(k): v for k, v in _CANONICAL.items()}
    variants[0x0640] = None
    ascii_variants = tuple((k, v) for k, v in _CANONICAL.items() if k.isascii())
    return re.compile(f"[{''.join(ranges)}]+"), variants, ascii_variants


def _canonical_quick(text: str) -> str:
    """:func:`_canonical` of a whole text at once (used to look over large texts quickly)."""
    marks, variants, ascii_variants = _quick_tools()
    if text.isascii():
        plain = text.lower()
        for letter, canonical in ascii_variants:
            plain = plain.replace(letter, canonical)
        return plain
    bare = marks.sub("", unicodedata.normalize("NFD", text))
    return bare.casefold().translate(variants)


def _plain_with_origin(text: str) -> tuple[str, list[int]]:
    """:func:`_canonical` of ``text`` and, for each of its characters, where it came from."""
    plain: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        part = _plain_char(char)
        plain.append(part)
        origin += [index] * len(part)
    return "".join(plain), origin


_COMMON = {_canonical(w) for w in COMMON_WORDS | _TITLES | _PARTICLES}


def _words(text: str) -> list[str]:
    """The plain words (letters only) of ``text``."""
    return re.findall(r"[^\W\d_]+", _canonical(text))


def _tokens(text: str) -> list[str]:
    """The plain words and numbers of ``text``, split wherever a letter meets a digit."""
    return re.findall(r"[^\W\d_]+|\d+", _canonical(text))


def name_parts(name: str) -> tuple[list[str], list[str]]:
    """The given names and the surname words of ``name``, titles left out.

    The surname is the last word with any particles before it ("van der Berg"), or what
    comes before a comma ("Orsan, Leila").

    >>> name_parts("Dr. Amina bint Khalid al Yusuf")
    (['Amina', 'bint', 'Khalid'], ['al', 'Yusuf'])
    """
    apostrophes = f"[{_APOSTROPHES}]"
    word = rf"[^\W\d_]+(?:{apostrophes}[^\W\d_]+)*"
    if "," in name:
        surname_text, _skip, given_text = name.partition(",")
        surname = re.findall(word, surname_text)
        given = re.findall(word, given_text)
    else:
        parts = re.findall(word, name)
        cut = len(parts) - 1
        while cut > 1 and parts[cut - 1].casefold() in _PARTICLES:
            cut -= 1
        given, surname = parts[:cut], parts[cut:]
    while given and given[0].casefold().rstrip(".") in _TITLES:
        given = given[1:]
    return given, surname


_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Grammemes pymorphy3 gives surnames, given names and patronymics.
_NAME_GRAMMEMES = frozenset({"Surn", "Name", "Patr"})


@functools.cache
def _morphology() -> tuple[object, ...]:
    """The Russian and Ukrainian analysers of ``pymorphy3`` (loaded on first use, ~0.2 s)."""
    import pymorphy3

    return tuple(pymorphy3.MorphAnalyzer(lang=lang) for lang in ("ru", "uk"))


@functools.lru_cache(maxsize=8192)
def _inflections(plain: str) -> tuple[str, ...]:
    """``plain`` (a word of a name, see :func:`_canonical`) and its declined forms.

    Russian and Ukrainian decline names ("Ёлкин", "к Ёлкину", "с Ёлкиным"); every form
    either language's dictionary gives for the word read as a name (or, if it is not
    known as one, as its likeliest reading) is returned, plain, the word itself first.
    Other scripts have no forms here.
    """
    if len(plain) < MIN_PART or not _CYRILLIC.search(plain) or not plain.isalpha():
        return (plain,)
    forms: set[str] = set()
    for analyser in _morphology():
        parses = analyser.parse(plain)  # type: ignore[attr-defined]
        named = [p for p in parses if _NAME_GRAMMEMES & p.tag.grammemes] or parses[:1]
        for parse in named:
            forms.update(_canonical(form.word) for form in parse.lexeme)
    forms.discard(plain)
    return (plain, *sorted(forms, key=lambda f: (-len(f), f)))


def _letters(word: str) -> str:
    """A pattern for ``word`` in plain text (see :func:`_canonical`), in any declined form."""
    plain = _canonical(word)
    forms = _inflections(plain)
    if len(forms) > 1:
        return "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"
    apostrophe = f"[{_APOSTROPHES}]?"
    return "".join(apostrophe if c in _APOSTROPHES else re.escape(c) for c in plain)


def _arabic(word: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in word)


def _phrase(words: list[str]) -> str:
    pattern = _SEPARATOR.join(_letters(w) for w in words)
    return _ARABIC_PREFIX + pattern if words and _arabic(words[0]) else pattern


def _distinctive(part: str, capitalised: bool) -> bool:
    """Whether a part of a name may be matched on its own: long, uncommon, and not a
    lower-case word of a capitalised name ("and" in "Leila Orsan and Karim Haddad")."""
    plain = _canonical(part)
    lower_in_capitalised = capitalised and part[:1].islower()
    return len(plain) >= MIN_PART and plain not in _COMMON and not lower_in_capitalised


# What joins several people in one field ("Leila Orsan and Karim Haddad", "A / B", "A & B").
_JOINS = re.compile(r"\s+(?:and|et|y|e|und|и)\s+|\s*[&/;+|]\s*|\s+و\s*", re.IGNORECASE)
# A note in brackets after a name ("Leila Orsan (deputy mayor's office)") is not a name.
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def person_names(field: str) -> list[str]:
    """The names of the people a person field holds, notes in brackets left out.

    >>> person_names("Leila Orsan (deputy mayor) and Karim Haddad")
    ['Leila Orsan', 'Karim Haddad']
    """
    return [n.strip() for n in _JOINS.split(_BRACKETED.sub(" ", field)) if n.strip()]


def titled_name(label: str) -> str | None:
    """The person's name in a label that names one by title, else ``None``.

    A stakeholder labelled "Fr. Yolkin" or "о. Николай Ёлкин" is a person, whatever its
    ``person`` field says; "Imam of the central mosque" is a role.

    >>> titled_name("о. Николай Ёлкин"), titled_name("Imam of the central mosque")
    ('Николай Ёлкин', None)
    """
    words = label.split()
    if len(words) < 2 or words[0].casefold().rstrip(".") not in _PERSON_TITLES:
        return None
    rest = " ".join(words[1:])
    parts = re.findall(r"[^\W\d_]+", rest)
    return rest if parts and not any(p[:1].islower() for p in parts) else None


@dataclass(frozen=True)
class _Entry:
    """The patterns for one name or literal text, by how specific they are."""

    literal: tuple[str, ...] = ()
    whole: tuple[str, ...] = ()
    alone: tuple[str, ...] = ()


class NameMatcher:
    """Finds the names of ``people`` in text, in every form the module text lists.

    ``alone`` says which parts of the ``people``'s names are matched on their own when
    distinctive: ``"all"``, only the ``"surname"``, or ``"none"``. ``staff`` names (our own
    colleagues: the author, focal points, owners) are matched in full and with initials
    but not part by part, and only when they have two words or more, since such fields
    sometimes hold a team or role ("Health") whose words are ordinary. ``literal`` texts
    (contact details) are matched as they are, ignoring case and spacing. A field naming
    several people ("Leila Orsan and Karim Haddad") is read as each of them.

    Each text is first split into words, and only the names sharing a word with it are
    looked for, so thousands of names cost little more than a few.
    """

    def __init__(
        self,
        people: Iterable[str],
        staff: Iterable[str] = (),
        literal: Iterable[str] = (),
        alone: Literal["all", "surname", "none"] = "all",
    ) -> None:
        self._entries: list[_Entry] = []
        # Which entries each plain word (see _canonical) may belong to.
        self._index: dict[str, set[int]] = {}
        self._patterns: dict[tuple[int, str], re.Pattern[str] | None] = {}
        # Any plain word of any entry, for may_mention (compiled when first needed).
        self._words_pattern: re.Pattern[str] | None = None
        names = [(n, alone) for p in people for n in person_names(p)]
        names += [(n, "none") for p in staff for n in person_names(p) if len(_words(n)) > 1]
        for name, parts in names:
            given, surname = name_parts(name)
            if len(_canonical("".join(given + surname))) < MIN_PART:
                continue
            single = {"all": given + surname, "surname": surname, "none": []}[parts]
            capitalised = any(p[:1].isupper() for p in given + surname)
            alone = [_phrase([p]) for p in single if _distinctive(p, capitalised)]
            # "O'Brien" is written "OBrien" too: index the word whole as well as split.
            keys = [k for p in given + surname for k in (*_words(p), "".join(_words(p)))]
            keys += [f for k in list(keys) for f in _inflections(k)[1:]]
            entry = _Entry(whole=tuple(self._forms(given, surname)), alone=tuple(alone))
            self._add(entry, keys)
        for text in {t.strip() for t in literal if len(t.strip()) >= MIN_PART}:
            pattern = _SEPARATOR.join(re.escape(_canonical(w)) for w in text.split())
            self._add(_Entry(literal=(pattern,)), _tokens(text))

    def may_mention(self, text: str) -> bool:
        """Whether ``text`` may hold one of the names or literal texts, looked at quickly.

        Never false for a text in which :meth:`sub` finds something (it may be true for
        one where it finds nothing), so callers can skip large texts and records cheaply.
        """
        if not self._index:
            return False
        if self._words_pattern is None:
            keys = sorted(self._index, key=len, reverse=True)
            self._words_pattern = re.compile("|".join(re.escape(k) for k in keys))
        return self._words_pattern.search(_canonical_quick(text)) is not None

    def _add(self, entry: _Entry, keys: Iterable[str]) -> None:
        number = len(self._entries)
        self._entries.append(entry)
        for key in keys:
            self._index.setdefault(key, set()).add(number)

    @staticmethod
    def _forms(given: list[str], surname: list[str]) -> list[str]:
        """Patterns for the full name, the name surname first, and initials with the surname.

        Particles before the surname may be left out in the shorter forms ("A. Yusuf" for
        "Amina al Yusuf").
        """
        forms = [_phrase(given + surname)]
        if not given:
            return forms
        core = [w for w in surname if w.casefold() not in _PARTICLES] or surname
        particles = surname[: len(surname) - len(core)]
        short = "".join(f"(?:{_letters(p)}{_SEPARATOR})?" for p in particles) + _phrase(core)
        forms.append(short + r",?\s+" + _phrase(given))
        first = [g for g in given if g.casefold() not in _PARTICLES]
        if first:
            initial = "[" + "".join(re.escape(_canonical(g)[:1]) for g in first) + "]"
            before = rf"(?:{initial}(?:\.[\s_-]*|[\s_-]+)){{1,{len(first)}}}"
            forms.append(before + short)
            forms.append(short + rf",?\s+(?:{initial}\.\s*){{1,{len(first)}}}")
        return forms

    def _candidates(self, text: str) -> frozenset[int]:
        tokens = set(_tokens(text))
        # Arabic prefixes are written onto the word: try it without one, two or three.
        tokens.update(w[k:] for w in list(tokens) if _arabic(w) for k in (1, 2, 3))
        return frozenset(n for t in tokens for n in self._index.get(t, ()))

    def _pattern(self, number: int, which: str) -> re.Pattern[str] | None:
        """The compiled pattern of one entry's literal, whole or alone forms (or None)."""
        key = (number, which)
        if key not in self._patterns:
            alternatives = sorted(getattr(self._entries[number], which), key=len, reverse=True)
            self._patterns[key] = (
                re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)") if alternatives else None
            )
        return self._patterns[key]

    def _spans(self, plain: str, entries: frozenset[int]) -> list[tuple[int, int]]:
        """Where the entries' names are in ``plain``: contact texts and fuller forms first.

        A part alone is only looked for where no fuller form was found, so that "Leila
        Orsan" is one name, not two.
        """
        spans: list[tuple[int, int]] = []
        for which in ("literal", "whole", "alone"):
            for number in sorted(entries):
                pattern = self._pattern(number, which)
                if pattern is None:
                    continue
                for match in pattern.finditer(plain):
                    start, end = match.span()
                    if all(end <= a or start >= b for a, b in spans):
                        spans.append((start, end))
        return sorted(spans)

    def sub(self, text: str, replacement: str) -> str:
        """``text`` with every name and literal text replaced by ``replacement``."""
        entries = self._candidates(text) if text else frozenset()
        if not entries:
            return text
        plain, origin = _plain_with_origin(text)
        out, done = [], 0
        for start, end in self._spans(plain, entries):
            first, last = origin[start], origin[end - 1] + 1
            # Marks written after the last letter belong to it.
            while last < len(text) and not _plain_char(text[last]):
                last += 1
            out += [text[done:first], replacement]
            done = last
        return "".join([*out, text[done:]])
