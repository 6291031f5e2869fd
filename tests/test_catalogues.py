"""The message catalogues are complete and agree with the sources: every message the code
asks for is translated in every language with the same placeholders, and the compiled .mo
files the app reads hold what the .po sources say (``make catalog`` rebuilds them)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir, extract_python
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from stakeholder_mapper.core.i18n import DOMAIN, LANGUAGES
from stakeholder_mapper.paths import LOCALE_DIR

CHECKOUT = Path(__file__).resolve().parent.parent
TRANSLATED = [code for code in LANGUAGES if code != "en"]
#: Named ({name}) and printf-style (%(name)s, %s, %r) placeholders.
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\([a-z_]+\)[sdr]|%[sdr]")


def _keywords() -> dict:
    """gettext's keywords and those the Makefile's catalog target adds (``counted:2,3``)."""
    keywords = dict(DEFAULT_KEYWORDS)
    line = next(
        text
        for text in (CHECKOUT / "Makefile").read_text().splitlines()
        if text.startswith("CATALOG_KEYWORDS")
    )
    for spec in re.findall(r"-k (\S+)", line):
        name, _, args = spec.partition(":")
        keywords[name] = tuple(int(a) for a in args.split(","))
    return keywords


class Contextual(NamedTuple):
    """A message asked for with pgettext: the same English in a named context."""

    context: str
    message: str


def _source_messages() -> set[str | tuple[str, ...] | Contextual]:
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(CHECKOUT / "stakeholder_mapper"), keywords=_keywords()
    ):
        found.add(Contextual(context, message) if context else message)
    return found


def _python_messages(path: str) -> list:
    with open(path, "rb") as fh:
        return list(extract_python(fh, DEFAULT_KEYWORDS.keys(), [], {}))


def _catalogue(code: str):
    with (LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as fh:
        return read_po(fh, locale=code)


def _plain(value: str | list[str] | tuple[str, ...]) -> str | tuple[str, ...]:
    """A message id or string as one comparable value (plural forms as a tuple)."""
    return tuple(value) if isinstance(value, list | tuple) else value


def _placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


@pytest.fixture(scope="module")
def source_messages() -> set:
    return _source_messages()


def test_the_sources_ask_for_the_menus_and_command_line_messages(source_messages) -> None:
    assert "&File" in source_messages
    assert ("stakeholder", "stakeholders") in source_messages
    assert "{name} cannot be read: {reason}." in source_messages


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_with_the_same_placeholders(code, source_messages) -> None:
    catalogue = _catalogue(code)
    problems = []
    for message in sorted(source_messages, key=str):
        if isinstance(message, Contextual):
            entry = catalogue.get(message.message, context=message.context)
        else:
            entry = catalogue.get(message[0] if isinstance(message, tuple) else message)
        if entry is None:
            problems.append(f"missing: {message!r}")
            continue
        if entry.fuzzy:
            problems.append(f"fuzzy: {message!r}")
        sources = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if isinstance(entry.id, tuple) and len(strings) != catalogue.num_plurals:
            problems.append(f"{len(strings)} of {catalogue.num_plurals} forms: {message!r}")
        for text in strings:
            if not text:
                problems.append(f"untranslated: {message!r}")
            elif _placeholders(text) != _placeholders(sources[-1]):
                problems.append(f"placeholders differ: {message!r} -> {text!r}")
    assert problems == []


def test_no_message_is_asked_for_both_alone_and_with_a_plural(source_messages) -> None:
    """One English text asked for with gettext and, elsewhere, with ngettext becomes a single
    plural entry in the catalogue, which gettext cannot find: that text stays English."""
    plural_singulars = {
        m[0] for m in source_messages if isinstance(m, tuple) and not isinstance(m, Contextual)
    }
    alone = {m for m in source_messages if isinstance(m, str)}
    assert sorted(alone & plural_singulars) == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_compiled_catalogue_matches_its_source(code) -> None:
    with (LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as fh:
        compiled = read_mo(fh)
    source = _catalogue(code)
    expected = {_plain(m.id): _plain(m.string) for m in source if m.id and not m.fuzzy}
    found = {_plain(m.id): _plain(m.string) for m in compiled if m.id}
    assert found == expected, "run make catalog"


def test_a_placeholder_left_out_is_caught() -> None:
    assert _placeholders("{name} cannot be read: {reason}.") != _placeholders(
        "{name} ne peut pas être lu."
    )
    assert _placeholders("expected %s argument") == _placeholders("%s argument attendu")


def test_the_argparse_words_in_the_catalogue_are_those_argparse_asks_for() -> None:
    """argparse's messages are translated by their English text: one changed by a new Python
    would silently stay in English."""
    import argparse

    from stakeholder_mapper.cli import _ARGPARSE_WORDS

    asked = {
        message
        for _line, _function, message, _comments in _python_messages(argparse.__file__)
        if isinstance(message, str)
    }
    assert set(_ARGPARSE_WORDS) <= asked


def test_no_code_uses_the_underscore_as_a_throwaway_name() -> None:
    """``_`` is the catalogue's lookup everywhere: a function that also unpacks into ``_``
    (``name, _ = dialog()``, ``for _ in ...``) makes its own ``_("...")`` calls fail with
    "'str' object is not callable". Comprehensions have their own scope and may use it."""
    import ast

    package = CHECKOUT / "stakeholder_mapper"
    found = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_comprehension = {
            id(name)
            for generator in ast.walk(tree)
            if isinstance(generator, ast.comprehension)
            for name in ast.walk(generator.target)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Name)
                and node.id == "_"
                and isinstance(node.ctx, ast.Store)
                and id(node) not in in_comprehension
            ):
                found.append(f"{path.relative_to(package)}:{node.lineno}")
    assert found == []
