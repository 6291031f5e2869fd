"""Starting the app: the QApplication, its language, locale, fonts and settings."""
