"""Helpers for whole-site tests: run a real `pelican content` build and read its pages."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(
    seeds: Path,
    output: Path,
    *extra: str,
    cache: Path | None = None,
    cwd: Path = ROOT,
    flags: tuple[str, ...] = (),
):
    """Run `pelican content` from the repository root, as a user would; `extra` are settings
    (`-e`), `flags` other command-line options such as `-v`."""
    cache = cache or output.with_name(output.name + "-cache")
    settings = [f"DIGEST_SEEDS_PATH={_py(str(seeds))}", f"CACHE_PATH={_py(str(cache))}", *extra]
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(ROOT / "content"),
        "-s",
        str(ROOT / "pelicanconf.py"),
    ]
    command += [*flags, "-o", str(output), "-e", *settings]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900)


def publish_build(seeds: Path, output: Path, siteurl: str) -> subprocess.CompletedProcess:
    """`pelican content -s publishconf.py` with SITEURL from the environment, as the Pages
    workflow runs it."""
    settings = [f'DIGEST_SEEDS_PATH="{seeds}"', f'CACHE_PATH="{output}-cache"']
    command = [sys.executable, "-m", "pelican", str(ROOT / "content")]
    command += ["-s", str(ROOT / "publishconf.py"), "-o", str(output), "-e", *settings]
    env = {**os.environ, "SITEURL": siteurl}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)


def _py(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass
class Page:
    lang: str | None = None
    dir: str | None = None
    hreflang: dict[str, str] = field(default_factory=dict)
    switch: str | None = None
    links: list[str] = field(default_factory=list)
    h1: str = ""


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.page.lang, self.page.dir = a.get("lang"), a.get("dir")
        elif tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.page.hreflang[a["hreflang"]] = a["href"]
        elif tag == "a":
            if "lang-switch" in (a.get("class") or ""):
                self.page.switch = a.get("href")
            if a.get("href"):
                self.page.links.append(a["href"])
        elif tag == "h1":
            self._in_h1 = True

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.page.h1 += data


def parse(path: Path) -> Page:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.page


def url_to_file(output: Path, url: str) -> Path:
    """Map a root-relative site URL (/en/articles/x/) to the file that serves it."""
    path = output / url.split("#")[0].lstrip("/")
    return path / "index.html" if url.endswith("/") or path.is_dir() else path


def snapshot(output: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()
    }
