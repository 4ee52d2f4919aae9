import codecs
import os
import re
from pathlib import Path

import pytest
from news_digest.ingest.seeds import SeedError, clean_text, decode, ingest_folder, read_seed

ARABIC = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية بعد موسم جفاف طويل."


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_utf8_with_and_without_bom_decode_the_same(tmp_path):
    plain = read_seed(write(tmp_path, "a.txt", ARABIC.encode("utf-8")))
    bom = read_seed(write(tmp_path, "b.txt", codecs.BOM_UTF8 + ARABIC.encode("utf-8")))
    assert plain.text == bom.text == ARABIC
    assert bom.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    data = ARABIC.encode(codec)
    if codec != "utf-16":  # the explicit-endian codecs write no BOM: add the right one
        data = (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) + data
    seed = read_seed(write(tmp_path, "u.txt", data))
    assert seed.text == ARABIC and seed.encoding == "utf-16"


def test_windows_1256_seed_made_from_a_real_seed(tmp_path, seeds_dir):
    original = read_seed(seeds_dir / "003_aabd1932eb51134b.txt")
    # cp1256 has no code for the few characters outside Arabic/Latin-1 (none in this seed).
    legacy = read_seed(write(tmp_path, "legacy.txt", original.text.encode("cp1256")))
    assert legacy.encoding == "cp1256"
    assert legacy.text == original.text
    assert legacy.content_hash == original.content_hash


def test_line_ends_spaces_and_invisible_controls_are_normalised():
    raw = "سطر\u00a0أول\r\nسطر\u200b ثان\rسطر \u202eثالث\u202c\u200f\ufeff"
    assert clean_text(raw) == "سطر أول\nسطر ثان\nسطر ثالث"


def test_presentation_forms_become_letters():
    assert clean_text("\ufeb7\ufeae\ufedb\ufe94") == "شركة"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\r\n\t ", "empty after removing"),
        ("binary.txt", bytes(range(256)) * 8, "binary file (NUL bytes)"),
        ("latin.txt", b"Only English text here, nothing Arabic at all." * 3, "no Arabic text"),
        ("notes.md", ARABIC.encode(), "not a .txt file"),
    ],
)
def test_bad_seeds_raise_a_clear_reason(tmp_path, name, data, reason):
    with pytest.raises(SeedError, match=re.escape(reason)):
        read_seed(write(tmp_path, name, data))


def test_undecodable_bytes_are_reported():
    with pytest.raises(SeedError, match="undecodable"):
        decode(b"\xff\xfe\x00\xd8")  # UTF-16 BOM then a lone surrogate


def test_oversized_seed_is_skipped_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)  # 20 MB, sparse: the size check must come first
    with pytest.raises(SeedError, match="too large: 20971520 bytes"):
        read_seed(big)


def test_folder_ingest_skips_duplicates_and_bad_files_with_reasons(tmp_path, seeds_dir):
    for seed in seeds_dir.glob("*.txt"):
        write(tmp_path, seed.name, seed.read_bytes())
    copy = (seeds_dir / "003_aabd1932eb51134b.txt").read_text(encoding="utf-8")
    write(tmp_path, "999_copy.txt", copy.encode("utf-16"))  # same text, other encoding
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, ".hidden", b"ignored")
    os.mkdir(tmp_path / "subfolder")
    result = ingest_folder(tmp_path)
    assert [s.source_file for s in result.seeds] == [
        "000_519e36191a9e543d.txt",
        "003_aabd1932eb51134b.txt",
    ]
    assert {(s.source_file, s.reason) for s in result.skipped} == {
        ("999_copy.txt", "exact duplicate of 003_aabd1932eb51134b.txt"),
        ("empty.txt", "empty file"),
    }


def test_missing_folder_is_an_error_naming_the_setting(tmp_path):
    with pytest.raises(FileNotFoundError, match="DIGEST_SEEDS_PATH"):
        ingest_folder(tmp_path / "nope")
