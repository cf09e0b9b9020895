"""Shared text analysis computed lazily for a Document: sentences, quotations, skipped regions."""
