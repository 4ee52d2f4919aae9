"""Whole builds of a hostile seeds folder (tools/hostile_folder.py): every seed is built or
skipped with a reason, the build succeeds, and DIGEST_STRICT turns the same folder into a
failed build."""

from __future__ import annotations

import sys

import pytest
from sitecheck import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import hostile_folder


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    return base, hostile_folder.report(base)


def test_build_succeeds_and_strict_fails(hostile):
    _, result = hostile
    assert result["exit_code"] == 0, result["log_tail"]
    assert result["strict_exit_code"] != 0
    assert result["strict_error"] and "outside_link.txt" in result["strict_error"][0]


def test_each_bad_seed_is_skipped_with_its_reason(hostile):
    _, result = hostile
    reasons = {s["source_file"]: s["reason"] for s in result["skipped"]}
    assert "outside the seeds folder" in reasons["outside_link.txt"]
    assert "FIFO" in reasons["fifo.txt"]
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert set(reasons) | set(result["articles"]) >= set(hostile_folder.seeds()) - {"notes.md"}


def test_dates_python_can_hold_are_published(hostile):
    base, result = hostile
    assert result["dates"]["date_2999.txt"].startswith("2999-01-01")
    assert result["dates"]["date_0001.txt"].startswith("0001-01-01")
    page = (base / "out" / "articles" / "date-2999" / "index.html").read_text(encoding="utf-8")
    assert "2999" in page and 'class="hijri"' not in page


def test_damaged_utf8_stays_utf8_with_a_warning(hostile):
    _, result = hostile
    assert result["titles"]["utf8_invalid_bytes.txt"] == "افتتاح مستشفى جديد في الزرقاء"
    (warning,) = result["articles"]["utf8_invalid_bytes.txt"]
    assert warning["stage"] == "decode" and warning["message"].startswith("3 invalid")


def test_references_decoded_once_and_markup_stays_text(hostile):
    base, result = hostile
    assert result["titles"]["html_references.txt"].startswith('وزير يقول "الوضع مستقر" &')
    assert "&#" not in result["titles"]["html_references.txt"]
    assert not result["live_markup"]
    page = (base / "out" / "articles" / "markup" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_odd_names_get_stable_slugs_and_feeds_their_language(hostile):
    _, result = hostile
    assert result["urls"]["report.v2.final.txt"] == "articles/report-v2-final/"
    assert result["urls"]["with  two spaces.txt"] == "articles/with-two-spaces/"
    assert result["urls"]["خبر عاجل من عمان.txt"] == "articles/khbr-jl-mn-mn/"
    assert (
        'xml:lang="en"' in result["feeds"]["en"]
        and "<title>News Digest</title>" in (result["feeds"]["en"])
    )
    assert 'xml:lang="ar"' in result["feeds"]["ar"]
