"""The command line speaks the language of its environment, as gettext programs do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from stakeholder_mapper.cli import main
from stakeholder_mapper.io.project import save_map


def _run(args: list[str], cwd: Path, **environ: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(environ)
    return subprocess.run(
        [sys.executable, "-m", "stakeholder_mapper.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_validate_a_missing_map_under_french_says_so_in_french(tmp_path: Path) -> None:
    result = _run(["validate", "missing.smap"], tmp_path, LANGUAGE="fr", LANG="fr_FR.UTF-8")
    assert result.returncode == 2
    assert result.stderr == (
        "erreur : missing.smap ne peut pas être lu : Fichier ou dossier introuvable.\n"
    )


def test_a_damaged_map_is_reported_in_french_with_no_english_left(tmp_path: Path) -> None:
    (tmp_path / "ville.smap").write_bytes(b'{"format": "stakeholder-map", "stakeholders": [')
    result = _run(["validate", "ville.smap"], tmp_path, LANGUAGE="fr", LANG="fr_FR.UTF-8")
    assert result.returncode == 2
    assert result.stderr.startswith(
        "erreur : ville.smap est endommagé : il s'interrompt à la ligne 1, comme un fichier "
        "tronqué par un disque plein ou une copie interrompue."
    )
    assert "damaged" not in result.stderr and "breaks off" not in result.stderr


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru_RU.UTF-8", "city.smap корректен: 4 заинтересованные стороны, 4 связи, 0 снимков."),
        ("ar_SA.UTF-8", "city.smap صالح: 4 أصحاب مصلحة، 4 علاقات، 0 لقطة."),
        ("es_ES.UTF-8", "city.smap es válido: 4 partes interesadas, 4 relaciones, 0 instantáneas."),
        ("de_DE.UTF-8", "city.smap is valid: 4 stakeholders, 4 relationships, 0 snapshots."),
    ],
)
def test_validate_reports_in_the_language_of_lang(
    tmp_path: Path, small_map, lang: str, expected: str
) -> None:
    save_map(small_map, tmp_path / "city.smap")
    result = _run(["validate", "city.smap"], tmp_path, LANG=lang)
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected + "\n"


def test_help_and_usage_errors_come_in_the_language_too(tmp_path: Path) -> None:
    shown = _run(["validate", "--help"], tmp_path, LC_ALL="ru_RU.UTF-8")
    assert shown.stdout.startswith("использование: stakeholder-mapper validate")
    assert "показать эту справку и выйти" in shown.stdout
    wrong = _run(["plan", "x.smap"], tmp_path, LANGUAGE="fr")
    assert wrong.returncode == 2
    assert wrong.stderr == (
        "erreur : stakeholder-mapper plan: les arguments suivants sont requis : -o/--output\n"
    )


def test_plan_accepts_the_five_languages_and_refuses_others(
    tmp_path: Path, small_map, capsys
) -> None:
    path = tmp_path / "city.smap"
    save_map(small_map, path)
    out = tmp_path / "plan.docx"
    assert main(["plan", str(path), "-o", str(out), "--language", "ar"]) == 0
    assert capsys.readouterr().err == ""
    assert "الملخص التنفيذي" in [p.text for p in Document(str(out)).paragraphs]
    assert main(["plan", str(path), "-o", str(out), "--language", "en"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["plan", str(path), "-o", str(out), "--language", "de"]) == 2
    assert "invalid choice: 'de'" in capsys.readouterr().err


def test_an_import_error_is_one_french_line(tmp_path: Path) -> None:
    (tmp_path / "acteurs.csv").write_text("id;nom;catégorie\nm;Maire;municipal\n", "utf-8")
    result = _run(
        ["import", "--stakeholders", "acteurs.csv", "--delimiter", "comma", "-o", "ville.smap"],
        tmp_path,
        LANGUAGE="fr",
        LANG="fr_FR.UTF-8",
    )
    assert result.returncode == 2
    assert result.stderr == (
        "erreur : acteurs.csv : la colonne obligatoire 'name' manque (colonnes trouvées : "
        "id;nom;catégorie) ; le séparateur semble être ';', pas ','.\n"
    )
    assert not (tmp_path / "ville.smap").exists()


def test_an_import_report_in_french_counts_and_names_the_rejected_rows(tmp_path: Path) -> None:
    (tmp_path / "acteurs.csv").write_text(
        "Identifiant,Nom,Catégorie,Pouvoir\n"
        "m,Mairie,municipal,5\nc,Conseil,jeunesse,9\ne,École,éducation,12\nh,Hôpital,santé,4\n",
        "utf-8",
    )
    result = _run(
        ["import", "--stakeholders", "acteurs.csv", "--skip-bad-rows", "-o", "ville.smap"],
        tmp_path,
        LANGUAGE="fr",
        LANG="fr_FR.UTF-8",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Importé : 2 parties prenantes et 0 relation." in lines
    assert "Rejeté : 2 lignes" in lines
    assert (
        "  acteurs.csv, colonne 'power' — 2 lignes, p. ex. ligne 3 : '9' n'est pas un nombre "
        "entier de 1 à 5; ligne 4 : '12' n'est pas un nombre entier de 1 à 5"
    ) in lines
    assert "Imported" not in result.stdout and "Rejected" not in result.stdout


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["valdate", "city.smap"], "erreur : commande inconnue « valdate » (vouliez-vous dire"),
        (["frobnicate"], "erreur : commande inconnue « frobnicate » ; les commandes sont :"),
        (["nothere.smap"], "erreur : nothere.smap ne peut pas être lu : Fichier ou dossier"),
    ],
    ids=["misspelt command", "unknown word", "missing map"],
)
def test_a_word_that_is_neither_command_nor_file_opens_no_window(
    tmp_path: Path, args: list[str], said: str
) -> None:
    """Without a display, opening the window would abort with Qt's noise: a mistyped
    command or a missing map is one translated line and exit code 2, before any window."""
    result = _run(args, tmp_path, LANGUAGE="fr", LANG="fr_FR.UTF-8", QT_QPA_PLATFORM="minimal")
    assert result.returncode == 2
    assert result.stderr.startswith(said)
    assert result.stderr.count("\n") == 1
