"""Table columns of stakeholders and relationships, and matching of users' headers to them.

The column names are those of DESIGN.md §8, extended with every other field of a
stakeholder so that an export can be read back without loss. Headers in a user's file
are matched by name, ignoring case, accents, spaces and punctuation, in English,
French, Spanish and Russian where the word is obvious ("Nom", "Categoría", "Доверие").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "RELATIONSHIP_COLUMNS",
    "STAKEHOLDER_COLUMNS",
    "SYNONYMS",
    "match_columns",
    "normalise_header",
]

#: Every stakeholder column an import understands, in export order.
STAKEHOLDER_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "category",
    "organisation",
    "role",
    "level",
    "power",
    "influence",
    "votes",
    "interest",
    "position",
    "trust",
    "focal_point",
    "principles",
    "tags",
    "notes",
    "sensitivity",
    "review_date",
    "source",
    "informed",
    "person",
    "contact",
    "engagement",
    "log",
    "x",
    "y",
    "pinned",
    "colour",
)
#: Every relationship column an import understands, in export order.
RELATIONSHIP_COLUMNS: tuple[str, ...] = (
    "id",
    "source",
    "target",
    "kind",
    "strength",
    "valence",
    "directed",
    "notes",
    "confidence",
)

#: Other names users give each column, by table. The column's own name always matches.
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "stakeholders": {
        "id": ("identifier", "identifiant", "identificador", "ид", "идентификатор", "код"),
        "name": (
            "label",
            "stakeholder",
            "actor",
            "nom",
            "libellé",
            "acteur",
            "partie prenante",
            "nombre",
            "имя",
            "название",
            "наименование",
            "участник",
        ),
        "category": (
            "type",
            "group",
            "catégorie",
            "groupe",
            "categoría",
            "tipo",
            "grupo",
            "категория",
            "тип",
            "группа",
        ),
        "organisation": (
            "organization",
            "org",
            "organisme",
            "organización",
            "organizacion",
            "организация",
        ),
        "role": ("title", "job title", "rôle", "fonction", "poste", "rol", "cargo", "роль"),
        "level": ("niveau", "nivel", "уровень"),
        "power": ("pouvoir", "poder", "власть", "сила"),
        "influence": ("influence tower", "tower", "influencia", "влияние"),
        "votes": ("dot votes", "votos", "голоса"),
        "interest": ("intérêt", "interés", "интерес", "заинтересованность"),
        "position": ("stance", "attitude", "posición", "позиция"),
        "trust": ("confiance", "confianza", "доверие"),
        "focal_point": ("focal point", "point focal", "punto focal", "контактное лицо нс"),
        "principles": ("principles of action", "principes", "principios", "принципы"),
        "tags": ("keywords", "étiquettes", "mots-clés", "etiquetas", "теги", "метки"),
        "notes": (
            "description",
            "comments",
            "remarques",
            "commentaires",
            "notas",
            "comentarios",
            "descripción",
            "заметки",
            "примечания",
            "описание",
            "комментарии",
        ),
        "sensitivity": ("confidentiality", "sensibilité", "sensibilidad", "конфиденциальность"),
        "review_date": ("review", "date de révision", "fecha de revisión", "дата пересмотра"),
        "source": ("information source", "provenance", "fuente", "источник"),
        "informed": ("informé", "informado", "информирован"),
        "person": ("personal name", "personne", "persona", "лицо", "фио"),
        "contact": ("contact details", "email", "coordonnées", "contacto", "контакты", "контакт"),
        "engagement": ("engagement plan",),
        "log": ("engagement log", "interactions"),
        "x": (),
        "y": (),
        "pinned": ("pin",),
        "colour": ("color", "couleur", "цвет"),
    },
    "relationships": {
        "id": ("identifier", "identifiant", "identificador", "ид", "идентификатор"),
        "source": ("from", "de", "origine", "desde", "origen", "от", "источник"),
        "target": ("to", "à", "cible", "destination", "hacia", "destino", "к", "кому", "цель"),
        "kind": ("type", "relation", "nature", "tipo", "тип", "вид", "связь"),
        "strength": ("weight", "force", "intensité", "fuerza", "peso", "intensidad", "вес", "сила"),
        "valence": ("sign", "signe", "signo", "знак"),
        "directed": ("direction", "orienté", "dirigido", "направление", "направленная"),
        "notes": (
            "description",
            "comments",
            "remarques",
            "notas",
            "descripción",
            "описание",
            "примечания",
            "комментарии",
        ),
        "confidence": ("certainty", "certitude", "certeza", "достоверность"),
    },
}


def normalise_header(text: str) -> str:
    """A header reduced for matching: lower case, no accents, no spaces or punctuation."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", bare)


def _lookup(table: str) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for column, names in SYNONYMS[table].items():
        for name in names:
            lookup.setdefault(normalise_header(name), column)
    for column in SYNONYMS[table]:
        lookup[normalise_header(column)] = column
    return lookup


_LOOKUPS = {table: _lookup(table) for table in SYNONYMS}


def match_columns(headers: Iterable[str], table: str) -> dict[str, str]:
    """Guess which header holds which column: ``{column: header}`` for ``table``.

    ``table`` is ``"stakeholders"`` or ``"relationships"``. A header spelled exactly like
    a column wins over a synonym; each header and each column is used at most once.
    """
    lookup = _LOOKUPS[table]
    headers = [str(h) for h in headers]
    found: dict[str, str] = {}
    exact = {normalise_header(c) for c in SYNONYMS[table]}
    for first_pass in (True, False):
        for header in headers:
            key = normalise_header(header)
            column = lookup.get(key)
            if column is None or column in found or header in found.values():
                continue
            if first_pass == (key in exact):
                found[column] = header
    return found
