"""Adapters for external engines: proselint, pyspellchecker, LanguageTool."""
