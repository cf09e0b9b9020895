"""Spelling (``spelling.*``): pyspellchecker's dictionary, judged with evidence.

- ``provider``: the Provider and the verdict on each word (slip, variant, unknown);
- ``lexicon``: the dictionary for a language variant, cached on disk;
- ``hashed``: the compact, hashed form of that dictionary;
- ``frequency``: wordfreq's frequency list (today's vocabulary);
- ``words``: tokens, compounds and derived forms;
- ``context``: what the story around a word says about it (units, names, code);
- ``variants``: US and British forms;
- ``scripts``: letters from another script and text in another language;
- ``data``: the word lists shipped in ``newslint/data/spelling``.
"""
