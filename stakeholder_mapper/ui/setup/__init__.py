"""The app's setup: the QApplication, the interface language and locale, the bundled fonts,
the settings and the folders files go to."""
