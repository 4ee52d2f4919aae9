"""Build a hostile seeds folder and show what the build makes of it.

    python tools/hostile_folder.py [--keep]

Writes, in a temporary folder, seeds of the kinds users really have: dates Hijri conversion
cannot handle, UTF-8 with invalid bytes, a symlink to a file outside the folder, HTML character
references, a FIFO, an empty file, binary bytes, a 100,000-character line, odd file names, bidi
controls and markup. Builds it with `pelican content` twice, normally and with DIGEST_STRICT,
and prints digest.json's `skipped` list, each article's `warnings`, the feeds' titles and
languages, and both exit codes. The articles are sentences written for this tool.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Our own sentences; each seed adds a line of its own so none is a duplicate of another.
SENTENCES = (
    "أعلنت وزارة الصحة في عمان افتتاح مستشفى جديد في مدينة الزرقاء يوم الأحد.",
    "وقال الوزير إن المستشفى يضم مئتي سرير وسيخدم أكثر من نصف مليون نسمة.",
    "وأضاف أن العمل في المشروع استمر ثلاث سنوات بكلفة بلغت أربعين مليون دينار.",
)


def article(tag: str, title: str = "افتتاح مستشفى جديد في الزرقاء") -> str:
    return f"{title}\n\n" + "\n".join(SENTENCES) + f"\nوهذه الفقرة رقم {tag} من التقرير."


def utf8_with_invalid_bytes() -> bytes:
    data = article("ثلاثة").encode("utf-8")
    cut = len(data) // 3
    return data[:cut] + b"\xff" + data[cut : 2 * cut] + b"\xfe\xc0" + data[2 * cut :]


def seeds() -> dict[str, bytes | str]:
    """File name -> content (bytes as they are, str as UTF-8)."""
    arabic_words = ("كلمة عربية طويلة في سطر واحد " * 4000)[:100_000]
    return {
        "date_2999.txt": "Date: 2999-01-01\n\n" + article("١"),
        "date_0001.txt": "Date: 0001-01-01\n\n" + article("٢"),
        "date_9999_offset.txt": "Date: 9999-12-31T23:00:00-05:00\n\n" + article("٣"),
        "utf8_invalid_bytes.txt": utf8_with_invalid_bytes(),
        "html_references.txt": article(
            "٤", "وزير يقول &quot;الوضع مستقر&quot; &amp; يعد ب&#1605;زيد &#x645;ن الدعم"
        ),
        "markup.txt": article("٥", "<script>alert(1)</script><b>عنوان</b>")
        + "\n<img src=x onerror=alert(2)> &lt;iframe&gt;",
        "bidi_controls.txt": article("٦", "عنوان \u202eمقلوب\u202c مع \u2066عزل\u2069"),
        "huge_line.txt": article("٧") + "\n" + arabic_words,
        "خبر عاجل من عمان.txt": article("٨"),
        "report.v2.final.txt": article("٩"),
        "with  two spaces.txt": article("١٠"),
        "cp1256_legacy.txt": article("11").encode("cp1256"),
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 8,
        "english_only.txt": "Just an English note about the build.\n",
        "notes.md": article("١٢"),
    }


def make_folder(base: Path) -> Path:
    folder = base / "seeds"
    folder.mkdir()
    for name, content in seeds().items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / name).write_bytes(data)
    outside = base / "private.txt"  # a file elsewhere on the machine
    outside.write_text(article("سري"), encoding="utf-8")
    (folder / "outside_link.txt").symlink_to(outside)
    (folder / "kept").mkdir()  # a sub-folder: not a seed itself, but a link into it stays inside
    (folder / "kept" / "original.txt").write_text(article("داخلي"), encoding="utf-8")
    (folder / "inside_link.txt").symlink_to(folder / "kept" / "original.txt")
    os.mkfifo(folder / "fifo.txt")
    (folder / "metadata.csv").write_text(
        "id,date,url\nreport.v2.final,9999-12-31,javascript:alert(3)\n", encoding="utf-8"
    )
    return folder


def build(folder: Path, out: Path, cache: Path, strict: bool) -> subprocess.CompletedProcess:
    """One `pelican content`, every setting in one -e (a second -e replaces the first)."""
    extra = [
        f"DIGEST_SEEDS_PATH={json.dumps(str(folder))}",
        f"CACHE_PATH={json.dumps(str(cache))}",
        "DIGEST_SEARCH=false",
        f"DIGEST_STRICT={json.dumps(strict)}",
    ]
    command = [sys.executable, "-m", "pelican", "content", "-o", str(out), "-e", *extra]
    env = {**os.environ, "COLUMNS": "100000"}  # one log record a line: rich wraps at COLUMNS
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=600, env=env, check=False
    )


def live_markup(out: Path) -> list[str]:
    """Pages carrying markup that came from a seed (it must only ever appear escaped)."""
    found = []
    for page in sorted(out.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if re.search(r"<script>alert|<img src=x|<iframe|<b>عنوان", text):
            found.append(str(page.relative_to(out)))
    return found


def feed_heads(out: Path) -> dict[str, str]:
    heads = {}
    for lang in ("ar", "en"):
        text = (out / "feeds" / f"{lang}.atom.xml").read_text(encoding="utf-8")
        heads[lang] = re.search(r"<feed[^>]*>.*?</title>", text).group(0)
    return heads


def report(base: Path) -> dict:
    folder = make_folder(base)
    normal = build(folder, base / "out", base / "cache", strict=False)
    strict = build(folder, base / "out-strict", base / "cache", strict=True)
    result = {"exit_code": normal.returncode, "strict_exit_code": strict.returncode}
    digest_path = base / "out" / "digest.json"
    if digest_path.is_file():
        digest = json.loads(digest_path.read_text(encoding="utf-8"))
        result["skipped"] = digest["skipped"]
        result["articles"] = {a["source_file"]: a["warnings"] for a in digest["articles"]}
        result["titles"] = {a["source_file"]: a["title"]["ar"] for a in digest["articles"]}
        result["dates"] = {a["source_file"]: a["date"] for a in digest["articles"] if a["date"]}
        result["urls"] = {a["source_file"]: a["urls"]["ar"] for a in digest["articles"]}
        result["feeds"] = feed_heads(base / "out")
        result["live_markup"] = live_markup(base / "out")
    result["strict_error"] = [
        " ".join(line.split())
        for line in (strict.stdout + strict.stderr).splitlines()
        if "CRITICAL" in line and "DIGEST_STRICT:" in line
    ]
    result["log_tail"] = (
        (normal.stdout + normal.stderr).splitlines()[-5:] if normal.returncode else []
    )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="hostile-"))
    result = report(base)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if args.keep:
        print(f"kept: {base}", file=sys.stderr)
    else:
        import shutil

        shutil.rmtree(base)
    return 0 if result["exit_code"] == 0 and result["strict_exit_code"] != 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
