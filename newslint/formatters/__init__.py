"""Output formats, one module each behind one small interface."""
