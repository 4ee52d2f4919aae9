"""Command line: ``python -m news_digest analyze FILE...`` shows what the parser makes of files;
``python -m news_digest romanize NAME...`` prints one English spelling per Arabic name, in order.

It prints the same record digest.json holds for each file, with the URLs the configured site
would give them (settings from --settings, else ./pelicanconf.py when present, else defaults).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .analysis.entities.romanize import romanize_names
from .pipeline import build_digest_from_files
from .settings import DigestSettings
from .site.export import digest_record, to_json
from .site.urls import article_urls

_DEFAULT_URLS = {
    "DEFAULT_LANG": "ar",
    "ARTICLE_URL": "articles/{slug}/",
    "ARTICLE_LANG_URL": "{lang}/articles/{slug}/",
    "ARTICLE_SAVE_AS": "articles/{slug}/index.html",
    "ARTICLE_LANG_SAVE_AS": "{lang}/articles/{slug}/index.html",
}


def load_settings(path: Path | None) -> dict[str, Any]:
    """Pelican settings from a config file; the URL defaults above when there is none."""
    path = path or Path("pelicanconf.py")
    if not path.is_file():
        return dict(_DEFAULT_URLS)
    from pelican.settings import read_settings  # only when a config file is used

    return dict(read_settings(str(path)))


def analyze(files: Sequence[str], settings_path: Path | None) -> dict[str, Any]:
    pelican = load_settings(settings_path)
    settings = DigestSettings.from_mapping(pelican)
    missing = [f for f in files if not Path(f).is_file()]
    if missing:
        raise SystemExit(f"news_digest: no such file: {', '.join(missing)}")
    digest = build_digest_from_files([Path(f) for f in files], settings)
    return digest_record(digest, lambda a: article_urls(a.slug, pelican))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m news_digest", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    analyze_cmd = commands.add_parser("analyze", help="print the digest record of each FILE")
    analyze_cmd.add_argument("files", nargs="+", metavar="FILE")
    analyze_cmd.add_argument("--settings", type=Path, help="Pelican settings file")
    romanize_cmd = commands.add_parser("romanize", help="print an English spelling of each NAME")
    romanize_cmd.add_argument("names", nargs="+", metavar="NAME")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    if args.command == "romanize":
        sys.stdout.write("".join(f"{name}\n" for name in romanize_names(args.names)))
        return 0
    record = analyze(args.files, args.settings)
    sys.stdout.write(to_json(record))
    return 0
