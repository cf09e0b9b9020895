"""Names lists: the shipped list of people in the news and house lists.

One TOML format serves the default list (``newslint/data/names/people.toml``),
the lists users name in config ``names``, and what ``newslint names learn``
writes. See the header of ``people.toml`` for the fields.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

from newslint.names.similar import MIN_LENGTH, fold, similar, skeleton
from newslint.names.words import BUILT_LISTS, COUNTRY_ADJECTIVES, DEFAULT_LIST

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PERSON_KEYS = frozenset(("name", "surname", "variants", "misspellings", "count", "offices", "died"))
OFFICE_KEYS = frozenset(("office", "country", "from", "to"))
_NEAR_CACHE_SIZE = 50_000  # spellings remembered per list (a long run stays bounded)


@dataclass(frozen=True)
class Office:
    office: str  # as shown in messages: "U.S. Treasury Secretary"
    title: str  # normalised title without the country: "treasury secretary"
    country: str
    start: dt.date
    end: dt.date | None  # None: still in office

    def held_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def years(self) -> str:
        end = "" if self.end is None else str(self.end.year)
        return f"{self.start.year}–{end}" if end != str(self.start.year) else end


@dataclass(frozen=True)
class Person:
    name: str
    surname: str  # the form used alone on later references
    given: str  # the first word of the name when it is not the surname, else ""
    variants: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    count: int | None = None
    died: dt.date | None = None

    @property
    def key(self) -> str:
        """The last word of the surname, case-folded: how mentions find the person."""
        return fold(self.surname.split()[-1])

    def describe(self, day: dt.date | None = None) -> str:
        """The office to name in a message: held on ``day``, else the latest."""
        if not self.offices:
            return ""
        if day is not None:
            for office in self.offices:
                if office.held_on(day):
                    return office.office
        return max(self.offices, key=lambda o: o.start).office


def _overlap(offices: list[Office]) -> bool:
    """Two of the terms overlap."""
    latest: dt.date | None = None  # the latest end so far
    ongoing = False
    for office in sorted(offices, key=lambda o: o.start):
        if ongoing or (latest is not None and office.start < latest):
            return True
        if office.end is None:
            ongoing = True
        else:
            latest = office.end if latest is None else max(latest, office.end)
    return False


@dataclass
class NamesList:
    people: list[Person] = field(default_factory=list)

    @functools.cached_property
    def by_key(self) -> dict[str, list[Person]]:
        index: dict[str, list[Person]] = {}
        for person in self.people:
            keys = {person.key} | {fold(v.split()[-1]) for v in person.variants}
            for key in keys:
                index.setdefault(key, []).append(person)
        return index

    @functools.cached_property
    def _shared(self) -> dict[tuple[str, str | None], bool]:
        return {}

    def shared_office(self, title: str, country: str | None) -> bool:
        """Whether two listed people held ``title`` in one country at once (in
        ``country``, or in any when it is None): a member of a legislature is one
        of hundreds, a president is alone."""
        key = (title, country)
        if key not in self._shared:
            by_country: dict[str | None, list[Office]] = {}
            for person in self.people:
                for o in person.offices:
                    if o.title == title and (country is None or o.country == country):
                        by_country.setdefault(o.country, []).append(o)
            self._shared[key] = any(_overlap(offices) for offices in by_country.values())
        return self._shared[key]

    @functools.cached_property
    def by_initial(self) -> dict[str, list[tuple[str, Person]]]:
        """Surname keys by first letter, for near-match searches."""
        index: dict[str, list[tuple[str, Person]]] = {}
        for key, people in self.by_key.items():
            for person in people:
                index.setdefault(key[:1], []).append((key, person))
        return index

    @functools.cached_property
    def _by_initial_length(self) -> dict[tuple[str, int], list[tuple[str, Person]]]:
        index: dict[tuple[str, int], list[tuple[str, Person]]] = {}
        for key, people in self.by_initial.items():
            for k, person in people:
                if len(k) >= MIN_LENGTH:
                    index.setdefault((key, len(k)), []).append((k, person))
        return index

    @functools.cached_property
    def _near_cache(self) -> dict[str, tuple[tuple[str, Person], ...]]:
        return {}

    def near(self, key: str) -> tuple[tuple[str, Person], ...]:
        """Listed surname keys one slip away from the case-folded ``key``, with
        their people. Cached per list: the same surnames recur across files,
        and a scan of the whole list per spelling dominated the names checks."""
        found = self._near_cache.get(key)
        if found is None:
            # similar() never pairs keys more than two letters apart in length.
            found = tuple(
                (k, p)
                for size in range(len(key) - 2, len(key) + 3)
                for k, p in self._maybe_similar(key, size)
                if similar(k, key)
            )
            if len(self._near_cache) < _NEAR_CACHE_SIZE:
                self._near_cache[key] = found
        return found

    def _maybe_similar(self, key: str, size: int) -> list[tuple[str, Person]]:
        """The keys of ``size`` letters that similar() may pair with ``key``, in
        list order: it pairs only keys whose folded forms are equal or at most
        two edits apart (one rapidfuzz call over the group, in C), or whose
        skeletons are equal."""
        group = self._by_initial_length.get((key[:1], size), ())
        if not group:
            return []
        folded, skeletons = self._forms(key[:1], size)
        keep = {
            i
            for _, _, i in extract(
                fold(key), folded, scorer=OSA.distance, score_cutoff=2, limit=None
            )
        }
        keep.update(skeletons.get(skeleton(key), ()))
        return [group[i] for i in sorted(keep)]

    @functools.cached_property
    def _group_forms(self) -> dict[tuple[str, int], tuple[list[str], dict[str, list[int]]]]:
        return {}

    def _forms(self, initial: str, size: int) -> tuple[list[str], dict[str, list[int]]]:
        """Folded forms and a skeleton index of one group (worked out on first use)."""
        found = self._group_forms.get((initial, size))
        if found is None:
            group = self._by_initial_length[(initial, size)]
            skeletons: dict[str, list[int]] = {}
            for i, (k, _) in enumerate(group):
                skeletons.setdefault(skeleton(k), []).append(i)
            found = ([fold(k) for k, _ in group], skeletons)
            self._group_forms[(initial, size)] = found
        return found

    @functools.cached_property
    def misspelled(self) -> dict[str, Person]:
        return {fold(m.split()[-1]): p for p in self.people for m in p.misspellings}

    @functools.cached_property
    def by_full_name(self) -> dict[str, list[Person]]:
        """People by their whole name or variant, case-folded: how a name written
        surname first ("Moon Jae-in", whose last word is no surname) finds them."""
        index: dict[str, list[Person]] = {}
        for person in self.people:
            for name in {person.name, *person.variants}:
                index.setdefault(fold(name), []).append(person)
        return index

    def people_named(self, surname: str, given: str = "") -> list[Person]:
        """People whose surname (or accepted variant) is ``surname``; with a
        given name, only those whose given name agrees."""
        found = self.by_key.get(fold(surname), [])
        if given:
            found = [p for p in found if given_agrees(p.given, given)]
        return found


def given_agrees(listed: str, seen: str) -> bool:
    """ "Scott" agrees with "Scott" and "S."; an empty side agrees with anything."""
    a, b = fold(listed).rstrip("."), fold(seen).rstrip(".")
    if not a or not b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b or (min(len(a), len(b)) >= 5 and similar(a, b))  # Viktor/Victor


def title_key(office: str) -> tuple[str, str | None]:
    """``"U.S. Treasury Secretary"`` -> ``("treasury secretary", "US")``;
    a country's name serves as well as its adjective ("United States President")."""
    text = normalise_title(office)
    for qualifier, code in _country_qualifiers():
        if text.startswith(qualifier + " "):
            return text[len(qualifier) + 1 :], code
    return text, None


def _cldr_territories() -> dict[str, str]:
    """CLDR's English territory names by code, via Babel; cached on disk by
    Babel's data file, as importing Babel's date support costs a cold start
    more than the rest of the names checks."""
    import importlib.util

    spec = importlib.util.find_spec("babel")
    if spec is None or spec.origin is None:  # pragma: no cover - babel is a dependency
        return {}
    data = Path(spec.origin).parent / "locale-data" / "en.dat"

    def read() -> dict[str, str]:
        from babel import Locale

        return dict(Locale("en").territories)

    from newslint.metacache import cached_parse

    try:
        return cached_parse("cldr-territories", data, (), read)
    except OSError:  # a Babel that keeps its data elsewhere
        return read()


def romanised(country: str | None) -> bool:
    """Whether names from ``country`` are romanised from another script
    (Arabic, Cyrillic, Chinese ...), so that newsrooms spell them differently
    ("Morsi", "Morsy", "Mursi"): CLDR's likely script of the country's first
    official language, via Babel."""
    return country is not None and _first_script(country) not in ("Latn", "")


@functools.lru_cache(maxsize=64)
def _first_script(country: str) -> str:
    from babel.core import get_global
    from babel.languages import get_official_languages

    try:
        languages = get_official_languages(country, de_facto=True)
    except Exception:  # an organisation's code ("EU", "UN"), not a territory
        return ""
    if not languages:
        return ""
    parts = str(get_global("likely_subtags").get(languages[0], "")).split("_")
    return parts[1] if len(parts) > 2 else ""


# Country names that are also U.S. states: "Georgia Governor" is a state's.
_STATE_NAMES = frozenset(("georgia",))


@functools.lru_cache(maxsize=1)
def _country_qualifiers() -> tuple[tuple[str, str], ...]:
    """Country adjectives and names, longest first. Names are the CLDR English
    territory names (via Babel), so every country is covered, not a hand list."""
    found = dict(COUNTRY_ADJECTIVES)
    for code, name in _cldr_territories().items():
        key = name.casefold()
        if len(code) == 2 and code.isalpha() and key not in _STATE_NAMES:
            found.setdefault(key, code)
    found.setdefault("america", "US")
    found.setdefault("britain", "GB")
    return tuple(sorted(found.items(), key=lambda item: len(item[0]), reverse=True))


def is_country(phrase: str) -> bool:
    """A country's name or adjective ("Japan", "the United States", "Brazilian"):
    a place, which names no person or organisation."""
    return phrase.casefold().removeprefix("the ") in _country_keys()


@functools.lru_cache(maxsize=1)
def _country_keys() -> frozenset[str]:
    return frozenset(key for key, _ in _country_qualifiers()) | {"us", "uk", "usa"}


_SYNONYMS = (
    ("secretary of the treasury", "treasury secretary"),
    ("secretary of defence", "defence secretary"),
    ("secretary of war", "defence secretary"),
    ("war secretary", "defence secretary"),
    ("secretary of homeland security", "homeland security secretary"),
    ("fed chairman", "federal reserve chair"),
    ("fed chair", "federal reserve chair"),
    ("federal reserve chairman", "federal reserve chair"),
    ("chancellor of the exchequer", "chancellor"),
    ("speaker of the house of representatives", "house speaker"),
    ("speaker of the house", "house speaker"),
    ("nato chief", "nato secretary general"),
    ("un chief", "un secretary general"),
    # A party's candidate for the presidency: "GOP presidential nominee".
    ("presidential nominee", "nominee"),
    ("gop nominee", "republican nominee"),
    ("chief executive officer", "ceo"),
    ("chief executive", "ceo"),
    ("pm", "prime minister"),
    ("sen.", "senator"),
    ("gov.", "governor"),
)


def normalise_title(text: str) -> str:
    """Lower case, one spelling per title: defense/defence, hyphens as spaces."""
    # "Argentina's president" is the Argentina president (a country's name
    # serves as well as its adjective, see title_key).
    text = text.replace("-", " ").replace("'s ", " ").replace("’s ", " ")
    text = " ".join(text.split()).casefold()
    text = text.replace("defense", "defence")
    for old, new in _SYNONYMS:
        if text == old or text.endswith(" " + old):
            text = text[: len(text) - len(old)] + new
    return text


def _date(value: Any, where: str, *, end: bool) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and 1000 <= value <= 9999:
        return dt.date(value, 12, 31) if end else dt.date(value, 1, 1)
    raise ValueError(f"{where}: expected a date or a year, got {value!r}")


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where}: expected a list of names")
    return tuple(v.strip() for v in value)


def parse_person(entry: Any, where: str) -> Person:
    """One ``[[person]]`` table; ``ValueError`` names the entry and the problem."""
    if not isinstance(entry, dict):
        raise ValueError(f"{where}: expected a table")
    unknown = set(entry) - PERSON_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: 'name' is required")
    name = " ".join(name.split())
    where = f"{where} ({name})"
    words = name.split()
    surname = entry.get("surname", words[-1])
    if not isinstance(surname, str) or not surname.strip():
        raise ValueError(f"{where}: 'surname' must be a name")
    given = words[0] if len(words) > 1 and not name.startswith(surname) else ""
    offices = []
    for i, raw in enumerate(entry.get("offices", [])):
        at = f"{where} office {i + 1}"
        if not isinstance(raw, dict) or set(raw) - OFFICE_KEYS or "office" not in raw:
            raise ValueError(f"{at}: expected {{office, country, from, to}}")
        start = _date(raw.get("from"), at, end=False)
        end = _date(raw["to"], at, end=True) if "to" in raw else None
        if end is not None and end < start:
            raise ValueError(f"{at}: 'to' is before 'from'")
        title, _ = title_key(str(raw["office"]))
        offices.append(Office(str(raw["office"]), title, str(raw.get("country", "")), start, end))
    count = entry.get("count")
    if count is not None and (not isinstance(count, int) or count < 0):
        raise ValueError(f"{where}: 'count' must be a whole number")
    died = _date(entry["died"], f"{where} died", end=True) if "died" in entry else None
    if died is not None and any(o.end is None or o.end > died for o in offices):
        raise ValueError(f"{where}: an office runs past 'died'")
    return Person(
        name=name,
        surname=surname.strip(),
        given=given,
        variants=_strings(entry.get("variants", []), f"{where} variants"),
        misspellings=_strings(entry.get("misspellings", []), f"{where} misspellings"),
        offices=tuple(offices),
        count=count,
        died=died,
    )


def parse_list(text: str, source: str) -> list[Person]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{source}: invalid TOML: {exc}") from None
    entries = data.get("person", [])
    if set(data) - {"person"} or not isinstance(entries, list):
        raise ValueError(f"{source}: expected only [[person]] tables")
    return [parse_person(e, f"{source}: person {i + 1}") for i, e in enumerate(entries)]


@functools.lru_cache(maxsize=32)
def _load(path: Path, _mtime: int) -> tuple[Person, ...]:
    def parse() -> tuple[Person, ...]:
        return tuple(parse_list(path.read_text(encoding="utf-8-sig"), str(path)))

    from newslint.metacache import cached_parse

    return cached_parse("names", path, (Path(__file__),), parse, context=str(path))


def load_file(path: Path) -> tuple[Person, ...]:
    return _load(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=16)
def names_list(extra: Sequence[str | Path] = ()) -> NamesList:
    """The default list plus house lists (later lists first: they win lookups)."""
    people: list[Person] = []
    for path in reversed([Path(p) for p in extra]):
        people.extend(load_file(path))
    people.extend(load_file(DEFAULT_LIST))
    for path in BUILT_LISTS:
        people.extend(load_file(path))
    return NamesList(people)


def context_lists(paths: Iterable[str | Path]) -> NamesList:
    """The names list for a check context; a house list that cannot be read
    raises ``ValueError`` with the file name."""
    key = tuple(str(p) for p in paths)
    try:
        return names_list(key)
    except OSError as exc:
        raise ValueError(f"names list: {exc}") from None
