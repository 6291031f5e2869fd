"""The dialogs: import, export, engagement plan, map details, privacy, sharing, About and
keyboard shortcuts."""
