"""The running app formats numbers and dates as its interface speaks, not as the computer's
locale does."""

from __future__ import annotations

import locale

from PySide6.QtCore import QLocale

__all__ = ["use_interface_locale"]


def use_interface_locale() -> None:
    """Call right after creating the QApplication; the interface is in English.

    On Unix a QApplication applies the environment's locale to the C library: under a French
    locale, C code that reads or writes numbers (igraph's GraphML reader) then expects decimal
    commas, and system error messages ("No such file or directory") come in French inside
    English sentences. Only the character set is kept from the environment, as Qt's
    documentation advises.

    Qt's widgets (spin boxes, date fields) format with the default QLocale, which follows the
    environment too: Arabic-Indic digits in a date field of an English window whose tables
    show Latin digits, decimal commas beside English text. The default QLocale becomes the
    interface's English, with the day first as in the app's dates.
    """
    ctype = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_ALL, "C")
    locale.setlocale(locale.LC_CTYPE, ctype)
    QLocale.setDefault(QLocale("en_GB"))
