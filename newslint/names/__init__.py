"""Names of people and places (``names.*``): everything the names rules need.

- ``extract``: the people, places and organisations a story names;
- ``words``: the word lists that tell names from other capitalised words;
- ``lists``: the shipped and house names lists (officeholders, terms, deaths);
- ``similar``, ``typos``, ``variants``: how two spellings of a name relate;
- ``frequent``: how common a word or a name is;
- ``checks``: the logic of the names rules (registered in ``newslint.checks.names``);
- ``run``, ``reduce``: spellings compared across the files or records of a run;
- ``learn``, ``cli``: ``newslint names learn|...`` to build a house names list.
"""
