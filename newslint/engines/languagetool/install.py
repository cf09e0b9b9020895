"""Fetch the pinned LanguageTool server from Maven Central with ``mvn``.

The jars land in ``<cache>/languagetool-<version>/lib/``; a marker file is
written only after the server has started from them and answered a real
check, so a half-finished install is never mistaken for a working one.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newslint.cachedir import cache_root
from newslint.engines.languagetool.java import find_java, java_major

# 6.8 is the newest release on Maven Central that resolves and starts on Java 17
# (6.6 was the last one with release notes; both need the same workaround below).
LT_VERSION = "6.8"
MIN_JAVA = 17
GROUP = "org.languagetool"
# language-all is excluded to keep the download small. English is what we
# check; es, ca and pt are needed only because the server's language
# identifier looks them up by code when it starts, and LanguageTool 6.x
# refuses to start without them.
LANGUAGE_MODULES = ("en", "es", "ca", "pt")
MARKER = "newslint-install.json"

Echo = Callable[[str], None]


class InstallError(Exception):
    """Installing or starting LanguageTool failed; the message says how to fix it."""


def install_dir(version: str = LT_VERSION, root: Path | None = None) -> Path:
    return (root or cache_root()) / f"languagetool-{version}"


def installed(version: str = LT_VERSION, root: Path | None = None) -> Path | None:
    """The install directory when a complete, checked install is there."""
    directory = install_dir(version, root)
    return directory if (directory / MARKER).is_file() else None


def java_problem() -> str | None:
    """Why Java cannot run LanguageTool here, or None when it can."""
    java = find_java()
    if java is None:
        return f"Java {MIN_JAVA}+ was not found (install a JRE, e.g. openjdk-17-jre-headless)"
    major = java_major(java)
    if major is None or major < MIN_JAVA:
        return f"{java} is Java {major or '?'}; LanguageTool {LT_VERSION} needs Java {MIN_JAVA}+"
    return None


def render_pom(version: str) -> str:
    """A throwaway POM whose runtime dependencies are the server and its languages."""
    deps = [
        _dependency(
            "languagetool-server",
            version,
            f"<exclusions><exclusion><groupId>{GROUP}</groupId>"
            "<artifactId>language-all</artifactId></exclusion></exclusions>",
        ),
        *(_dependency(f"language-{code}", version) for code in LANGUAGE_MODULES),
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<project xmlns="http://maven.apache.org/POM/4.0.0">\n'
        "  <modelVersion>4.0.0</modelVersion>\n"
        "  <groupId>local.newslint</groupId>\n"
        "  <artifactId>languagetool-bundle</artifactId>\n"
        "  <version>1</version>\n"
        "  <packaging>pom</packaging>\n"
        "  <dependencies>\n" + "".join(deps) + "  </dependencies>\n</project>\n"
    )


def _dependency(artifact: str, version: str, extra: str = "") -> str:
    return (
        f"    <dependency><groupId>{GROUP}</groupId><artifactId>{artifact}</artifactId>"
        f"<version>{version}</version>{extra}</dependency>\n"
    )


def install(
    version: str = LT_VERSION,
    root: Path | None = None,
    *,
    echo: Echo = print,
    force: bool = False,
) -> Path:
    """Install LanguageTool ``version`` and prove that it starts. Idempotent."""
    root = root or cache_root()
    target = install_dir(version, root)
    if not force and installed(version, root):
        echo(f"LanguageTool {version} is already installed in {target}")
        return target
    problem = java_problem()
    if problem:
        raise InstallError(f"cannot install LanguageTool: {problem}")
    mvn = shutil.which("mvn")
    if mvn is None:
        raise InstallError(
            "cannot install LanguageTool: Maven (mvn) was not found; install it "
            "(e.g. `apt-get install maven`) and run `newslint languagetool install` again"
        )
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".languagetool-{version}-", dir=root))
    try:
        _fetch(mvn, version, staging, echo)
        _check_start(version, staging, echo)
        (staging / MARKER).write_text(
            json.dumps({"version": version, "jars": len(list((staging / "lib").glob("*.jar")))}),
            encoding="utf-8",
        )
        if force and target.exists():
            shutil.rmtree(target)
        try:
            staging.rename(target)
        except OSError:  # another process finished first: keep its install
            if not installed(version, root):
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    echo(f"LanguageTool {version} is installed in {target}")
    return target


def _fetch(mvn: str, version: str, staging: Path, echo: Echo) -> None:
    pom = staging / "pom.xml"
    pom.write_text(render_pom(version), encoding="utf-8")
    echo(
        f"Fetching LanguageTool {version} (server + English) from Maven Central with mvn; "
        "about 100 MB the first time..."
    )
    began = time.monotonic()
    command = [
        mvn, "-q", "-B", "-f", str(pom), "dependency:copy-dependencies",
        f"-DoutputDirectory={staging / 'lib'}", "-DincludeScope=runtime",
    ]  # fmt: skip
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    jars = list((staging / "lib").glob("*.jar"))
    if proc.returncode != 0 or not jars:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise InstallError(f"mvn could not fetch LanguageTool {version}:\n{tail}")
    size = sum(j.stat().st_size for j in jars) / 1e6
    echo(f"  {len(jars)} jars, {size:.0f} MB in {time.monotonic() - began:.1f} s")


def _check_start(version: str, staging: Path, echo: Echo) -> None:
    from newslint.engines.languagetool import server

    echo("Starting LanguageTool once to check it works...")
    began = time.monotonic()
    try:
        running = server.launch(staging, version, log_path=staging / "install-check.log")
    except OSError as exc:
        raise InstallError(f"could not start java: {exc}") from None
    try:
        found = server.wait_ready(running)
    except server.ServerError as exc:
        raise InstallError(
            f"LanguageTool {version} was fetched but does not start: {exc}"
        ) from None
    finally:
        server.stop(running)
    echo(f"  LanguageTool {found} answered a check after {time.monotonic() - began:.1f} s")
