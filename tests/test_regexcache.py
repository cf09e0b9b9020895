"""newslint.regexcache: patterns rebuilt from the on-disk cache are the patterns
``re.compile`` builds (CPython compares flags, pattern and compiled code)."""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import newslint
from newslint import regexcache


def _import_everything() -> None:
    for module in pkgutil.walk_packages(newslint.__path__, "newslint."):
        if module.name.startswith(("newslint.lsp", "newslint.distributed", "newslint.report")):
            continue  # optional extras; their patterns are compiled the same way
        importlib.import_module(module.name)


def test_every_module_pattern_equals_what_re_compiles() -> None:
    _import_everything()
    known = dict(regexcache._load())
    assert len(known) > 200  # the checks' patterns went through the cache
    for (pattern, flags), _ in known.items():
        assert regexcache.compile(pattern, flags) == re.compile(pattern, flags), pattern[:80]


def test_a_later_process_rebuilds_equal_patterns_from_disk(tmp_path: Path) -> None:
    script = (
        "import re, sys\n"
        "from newslint import regexcache\n"
        "p = regexcache.compile(r'(?P<who>[A-Z]\\w+) (said|says)\\b', re.IGNORECASE)\n"
        "assert p == re.compile(r'(?P<who>[A-Z]\\w+) (said|says)\\b', re.IGNORECASE)\n"
        "assert p.search('Ana SAID so').group('who') == 'Ana'\n"
        "print(len(regexcache._load()))\n"
    )
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert regexcache.cache_path().name in os.listdir(tmp_path)
    second = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    assert int(second.stdout) >= 1  # loaded from disk before compiling


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}
    name = regexcache.cache_path().name
    (tmp_path / name).write_bytes(b"\x00not marshal data")
    run = subprocess.run(
        [sys.executable, "-c", "from newslint import regexcache; "
         "assert regexcache.compile('a+b').fullmatch('aab')"],
        env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr


def test_invalid_patterns_raise_as_re_does() -> None:
    try:
        regexcache.compile("(unclosed")
    except re.error as exc:
        assert "missing )" in str(exc)
    else:
        raise AssertionError("an invalid pattern compiled")


def test_module_level_patterns_go_through_the_cache() -> None:
    """A pattern compiled at import costs every cold start: compile it with
    regexcache.compile, not re.compile (patterns built inside functions may
    use either)."""
    import ast

    package = Path(newslint.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        if path.name == "regexcache.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))

        def visit(node: ast.AST, in_function: bool, path: Path = path) -> None:
            for child in ast.iter_child_nodes(node):
                inside = in_function or isinstance(
                    child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
                )
                if (
                    not inside
                    and isinstance(child, ast.Call)
                    and isinstance(child.func, ast.Attribute)
                    and child.func.attr == "compile"
                    and isinstance(child.func.value, ast.Name)
                    and child.func.value.id == "re"
                ):
                    found.append(f"{path.relative_to(package)}:{child.lineno}")
                visit(child, inside, path)

        visit(tree, False)
    assert found == []


_KEYS_OF_A_FULL_IMPORT = (
    "import importlib, pkgutil, newslint\n"
    "from newslint import regexcache\n"
    "for m in pkgutil.walk_packages(newslint.__path__, 'newslint.'):\n"
    "    if not m.name.startswith(('newslint.lsp', 'newslint.distributed', 'newslint.report')):\n"
    "        importlib.import_module(m.name)\n"
    "print(sorted(repr(k) for k in regexcache._used))\n"
)


def test_module_patterns_are_the_same_in_every_process(tmp_path: Path) -> None:
    """A pattern built from a set must not depend on string hashing: a pattern
    that changes from run to run is never found in the cache (and it grew it)."""
    runs = [
        subprocess.run(
            [sys.executable, "-c", _KEYS_OF_A_FULL_IMPORT],
            env={**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / seed), "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
        )
        for seed in ("1", "2")
    ]
    assert all(run.returncode == 0 for run in runs), [run.stderr for run in runs]
    assert runs[0].stdout == runs[1].stdout


def _kept(tmp_path: Path) -> list[tuple[str, int]]:
    import marshal

    data = marshal.loads((tmp_path / regexcache.cache_path().name).read_bytes())
    return sorted(data["entries"])


def test_runs_of_other_patterns_share_the_cache(tmp_path: Path) -> None:
    """A run that uses fewer patterns (another selection, the language server)
    must not evict the others: the next full run would compile them again."""
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}
    for pattern in ("harbou?r", "ferr(?:y|ies)", "harbou?r"):
        code = f"from newslint import regexcache; regexcache.compile({pattern!r})"
        assert subprocess.run([sys.executable, "-c", code], env=env).returncode == 0
    assert _kept(tmp_path) == [("ferr(?:y|ies)", 0), ("harbou?r", 0)]


def test_a_pattern_unused_for_several_saves_is_dropped(tmp_path: Path) -> None:
    """An edited pattern's old form does not linger: the file stays bounded."""
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}
    code = (
        "import sys; from newslint import regexcache\n"
        "for p in sys.argv[1:]: regexcache.compile(p)\n"
    )
    runs = [["old"], *[["kept", f"new{i}"] for i in range(regexcache.KEEP_SAVES)]]
    for patterns in runs:
        assert subprocess.run([sys.executable, "-c", code, *patterns], env=env).returncode == 0
    kept = {pattern for pattern, _ in _kept(tmp_path)}
    assert "old" not in kept and "kept" in kept and "new0" in kept


def test_installed_cache_keeps_what_modules_compile_at_import(tmp_path: Path) -> None:
    """After install() (the command line's first step), a library's module-level
    patterns come from the cache too, equal to re's; patterns compiled inside
    functions (built from a text, new every run) are left to re, uncached."""
    (tmp_path / "lib_patterns.py").write_text(
        "import re\n"
        "AT_IMPORT = [re.compile(rf'harbou?r{i}', re.I) for i in range(12)]\n"
        "def later(word):\n"
        "    return re.compile(word + '[0-9]+')\n",
        encoding="utf-8",
    )
    code = (
        "import re, sys\n"
        "from newslint import regexcache\n"
        "regexcache.install()\n"
        "import lib_patterns\n"
        "assert lib_patterns.AT_IMPORT[3].fullmatch('HARBOR3')\n"
        "assert lib_patterns.later('ferry').search('a ferry12')\n"
        "assert re.compile('(?P<x>a)b') == regexcache._original_compile('(?P<x>a)b', 0)\n"
        "print(len(regexcache._load()))\n"
    )
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path), "PYTHONPATH": _pythonpath(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert all(run.returncode == 0 for run in runs), [run.stderr for run in runs]
    kept = {pattern for pattern, _ in _kept(tmp_path)}
    assert {f"harbou?r{i}" for i in range(12)} <= kept
    assert not any(pattern.startswith("ferry") for pattern in kept)


def test_a_stable_librarys_patterns_made_on_first_use_are_kept(tmp_path: Path) -> None:
    """nupunkt compiles its boundary patterns inside functions, from its model, the
    same in every run: they are cached too, and split text as re's would."""
    code = (
        "import re, sys\n"
        "from newslint import regexcache\n"
        "regexcache.install()\n"
        "import nupunkt\n"
        "spans = nupunkt.sent_spans('The ferry left at 3 p.m. on Monday. It returned late.')\n"
        "assert len(spans) == 2, spans\n"
    )
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}
    for _ in range(2):
        run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
    kept = {pattern for pattern, _ in _kept(tmp_path)}
    assert any("_tail" in pattern for pattern in kept)  # nupunkt's candidate pattern


def _pythonpath(extra: Path) -> str:
    return os.pathsep.join([str(extra), *filter(None, [os.environ.get("PYTHONPATH")])])
