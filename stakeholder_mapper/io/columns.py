"""Table columns of stakeholders and relationships, and matching of users' headers to them.

The column names are those of DESIGN.md §8, extended with every other field of a
stakeholder so that an export can be read back without loss. Headers in a user's file
are matched by name, ignoring case, accents, spaces and punctuation, in English,
French, Spanish, Russian and Arabic where the word is obvious ("Nom", "Categoría",
"Доверие", "الفئة"). Arabic headers match whatever their hamza, vowel marks, elongation
(tatweel) or final form of yaa and taa marbuta ("الأصوات" and "الاصوات" alike).
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
        "id": (
            "identifier",
            "identifiant",
            "identificador",
            "ид",
            "идентификатор",
            "код",
            "المعرف",
            "الرقم",
        ),
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
            "الاسم",
            "صاحب المصلحة",
            "الطرف المعني",
            "الجهة المعنية",
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
            "الفئة",
            "النوع",
            "المجموعة",
        ),
        "organisation": (
            "organization",
            "org",
            "organisme",
            "organización",
            "organizacion",
            "организация",
            "المنظمة",
            "المؤسسة",
            "الجهة",
        ),
        "role": (
            "title",
            "job title",
            "rôle",
            "fonction",
            "poste",
            "rol",
            "cargo",
            "роль",
            "الدور",
            "المنصب",
            "الوظيفة",
        ),
        "level": ("niveau", "nivel", "уровень", "المستوى"),
        "power": ("pouvoir", "poder", "власть", "сила", "النفوذ", "السلطة"),
        "influence": ("influence tower", "tower", "influencia", "влияние", "التأثير"),
        "votes": ("dot votes", "votos", "голоса", "vote", "الأصوات"),
        "interest": ("intérêt", "interés", "интерес", "заинтересованность", "الاهتمام"),
        "position": ("stance", "attitude", "posición", "позиция", "الموقف"),
        "trust": ("confiance", "confianza", "доверие", "الثقة"),
        "focal_point": (
            "focal point",
            "point focal",
            "punto focal",
            "контактное лицо нс",
            "جهة الاتصال",
            "نقطة الاتصال",
        ),
        "principles": (
            "principles of action",
            "principes",
            "principios",
            "принципы",
            "المبادئ",
            "مبادئ العمل",
        ),
        "tags": (
            "keywords",
            "étiquettes",
            "mots-clés",
            "etiquetas",
            "теги",
            "метки",
            "الوسوم",
            "الكلمات المفتاحية",
        ),
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
            "ملاحظات",
            "الوصف",
            "تعليقات",
        ),
        "sensitivity": (
            "confidentiality",
            "sensibilité",
            "sensibilidad",
            "конфиденциальность",
            "الحساسية",
            "السرية",
        ),
        "review_date": (
            "review",
            "date de révision",
            "fecha de revisión",
            "дата пересмотра",
            "تاريخ المراجعة",
        ),
        "source": ("information source", "provenance", "fuente", "источник", "المصدر"),
        "informed": ("informé", "informado", "информирован", "تم إبلاغه", "مبلغ"),
        "person": ("personal name", "personne", "persona", "лицо", "фио", "الشخص", "اسم الشخص"),
        "contact": (
            "contact details",
            "email",
            "coordonnées",
            "contacto",
            "контакты",
            "контакт",
            "بيانات الاتصال",
            "البريد الإلكتروني",
        ),
        "engagement": (
            "engagement plan",
            "plan d'engagement",
            "plan de relación",
            "план взаимодействия",
            "خطة التواصل",
        ),
        "log": ("engagement log", "interactions", "journal", "registro", "журнал", "سجل التواصل"),
        "x": (),
        "y": (),
        "pinned": ("pin", "épinglé", "fijado", "закреплено", "مثبت"),
        "colour": ("color", "couleur", "цвет", "اللون"),
    },
    "relationships": {
        "id": ("identifier", "identifiant", "identificador", "ид", "идентификатор", "المعرف"),
        "source": ("from", "de", "origine", "desde", "origen", "от", "источник", "من", "المصدر"),
        "target": (
            "to",
            "à",
            "cible",
            "destination",
            "hacia",
            "destino",
            "к",
            "кому",
            "цель",
            "إلى",
            "المستهدف",
            "الهدف",
        ),
        "kind": (
            "type",
            "relation",
            "nature",
            "tipo",
            "тип",
            "вид",
            "связь",
            "النوع",
            "نوع العلاقة",
            "العلاقة",
        ),
        "strength": (
            "weight",
            "force",
            "intensité",
            "fuerza",
            "peso",
            "intensidad",
            "вес",
            "сила",
            "القوة",
            "الوزن",
        ),
        "valence": ("sign", "signe", "signo", "знак", "الإشارة"),
        "directed": (
            "direction",
            "orienté",
            "dirigido",
            "направление",
            "направленная",
            "الاتجاه",
            "موجهة",
        ),
        "notes": (
            "description",
            "comments",
            "remarques",
            "notas",
            "descripción",
            "описание",
            "примечания",
            "комментарии",
            "ملاحظات",
            "الوصف",
        ),
        "confidence": (
            "certainty",
            "certitude",
            "certeza",
            "достоверность",
            "درجة الثقة",
            "اليقين",
        ),
    },
}


#: Arabic letters written two ways in headers: alef maqsura as yaa, taa marbuta as haa,
#: the elongation (tatweel) dropped. Hamza and vowel marks go with the accents.
_ARABIC_FOLD = str.maketrans({"\u0649": "\u064a", "\u0629": "\u0647", "\u0640": None})


def normalise_header(text: str) -> str:
    """A header reduced for matching: lower case, no accents (nor Arabic hamza or vowel
    marks), no spaces or punctuation."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", bare.translate(_ARABIC_FOLD))


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
