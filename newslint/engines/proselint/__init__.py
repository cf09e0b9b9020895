"""proselint (``proselint.*``): every proselint check, run as proselint runs it.

- ``defaults``: which checks suit news copy, and how far a replacement is trusted;
- ``meta``: a rule's metadata (summary, why, examples) from proselint's check;
- ``match``: the checks behind one compiled matcher, several times faster;
- ``provider``: the Provider that the engine runs.

Importing this package is cheap: proselint itself is imported only when its
rules are listed or run.
"""
