"""A real editor: headless Neovim (Debian's package) starts `newslint server`,
opens a flawed article and writes the diagnostics it received to a file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, need_executable

INIT = REPO / "tests" / "fixtures" / "lsp" / "nvim_init.lua"
ARTICLE = (
    "# Ferry terminal to be rebuilt 🚢\n"
    "\n"
    "The council 🚢 occured to vote on Tuesday to rebuild the terminal.\n"
    "\n"
    "Experts say the new piles will hold.\n"
)


def test_neovim_receives_diagnostics(tmp_path: Path) -> None:
    nvim = need_executable("nvim")
    article = tmp_path / "story.md"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "diagnostics.tsv"
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "NEWSLINT_NVIM_OUT": str(out),
        "NEWSLINT_SERVER_CMD": "\t".join([sys.executable, "-m", "newslint", "server"]),
        "XDG_STATE_HOME": str(tmp_path / "state"),  # Neovim's LSP log goes here
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    proc = subprocess.run(
        [nvim, "--headless", "-n", "-i", "NONE", "-u", str(INIT), str(article)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, (proc.returncode, proc.stderr)
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    found = {row[0]: row for row in rows}
    assert set(found) >= {"spelling.misspelled", "attribution.vague"}, rows
    _code, source, lnum, col, end_lnum, end_col, severity, message = found["spelling.misspelled"]
    assert source == "newslint" and "occurred" in message
    # Neovim turns UTF-16 columns into byte columns: "The council 🚢 " is 17 bytes.
    assert (lnum, col, end_lnum, end_col) == ("2", "17", "2", "24")
    assert severity == "2"  # vim.diagnostic.severity.WARN
    assert found["attribution.vague"][2:4] == ["4", "0"]
