from datetime import UTC, datetime

from news_digest.ingest.metadata import load_sidecar, meta_from_fields, parse_date, split_header
from news_digest.pipeline import assign_slugs


def test_leading_block_of_known_keys_is_metadata():
    text = "Date: 2021-07-09\nSource: AFP\nURL: https://example.org/a\n\nالعنوان هنا\n\nالنص."
    split = split_header(text)
    assert split.fields == {"date": "2021-07-09", "source": "AFP", "url": "https://example.org/a"}
    assert split.body == "\nالعنوان هنا\n\nالنص.".strip("\n")


def test_arabic_keys_and_unknown_keys():
    assert split_header("التاريخ: 2021-07-09\nالمصدر: رويترز\n\nنص").fields == {
        "date": "2021-07-09",
        "source": "رويترز",
    }
    # An article that opens with "Speaker: words" has no metadata block.
    text = "وزير الخارجية: امتناع إيران عن دخول المفتشين\n\nنص"
    assert split_header(text).fields == {}


def test_dates_in_several_forms_are_timezone_aware():
    utc = UTC
    assert parse_date("2021-07-09") == datetime(2021, 7, 9, tzinfo=utc)
    assert parse_date("٢٠٢١-٠٧-٠٩") == datetime(2021, 7, 9, tzinfo=utc)
    assert parse_date("09/07/2021") == datetime(2021, 7, 9, tzinfo=utc)
    assert parse_date("Sun, 01 Apr 2018 00:44:48 +0400").utcoffset().total_seconds() == 14400
    assert parse_date("yesterday") is None


def test_unsafe_urls_and_bad_dates_are_dropped(caplog):
    meta = meta_from_fields({"url": "javascript:alert(1)", "date": "soon"}, "x.txt")
    assert meta.url is None and meta.date is None
    assert "x.txt" in caplog.text


def test_sidecar_csv_keyed_by_id(tmp_path):
    csv_path = tmp_path / "metadata.csv"
    csv_path.write_text("id,title,date,source,url\nabc,عنوان,2018-04-01,BBC,http://x.y/z\n")
    table = load_sidecar(csv_path)
    assert table["abc"].source == "BBC" and table["abc"].title == "عنوان"
    assert load_sidecar(tmp_path / "missing.csv") == {}


def test_slugs_are_safe_stable_and_unique():
    slugs = assign_slugs(["B.txt", "b.txt", "مقال", "../etc"])
    assert slugs["B.txt"] == "b-txt" and slugs["b.txt"] == "b-txt-2"
    assert all(s and "/" not in s and "." not in s for s in slugs.values())
