"""Regenerate the generated gazetteer (countries.tsv) and normalise the curated ones.

Run from the repository root: ``python tools/build_gazetteers.py``.

words.tsv comes from two libraries' shipped data (see ``word_rows``): arramooz-pysqlite (an
Arabic dictionary with news-corpus word frequencies and parts of speech) and arabic-name-romanizer
(a names database built from Wikidata). Neither is needed at run time.

countries.tsv comes from pycountry: ISO 3166 codes, English names and the Arabic names of its
gettext catalogue, merged with the spelling variants Arabic news actually uses (``EXTRA_AR``),
which no library ships. The curated files (places, organizations, people, name_parts, demonyms,
roles, stopwords) are hand-written; this script only sorts them and drops duplicate rows, so
rerunning it is always safe and the output is byte-for-byte deterministic.
"""

from __future__ import annotations

import argparse
import gettext
import logging
import re
import sqlite3
import sys
from collections import Counter
from importlib.util import find_spec
from pathlib import Path

import pycountry
from slugify import slugify

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "plugins" / "news_digest" / "data"
sys.path.insert(0, str(ROOT / "plugins"))

from news_digest.arabic import fold  # noqa: E402

ENTITY_HEADER = ("key", "type", "en", "ar")

# The English names news uses, where pycountry's official/common name is not it.
EN_OVERRIDES = {
    "BO": "Bolivia",
    "BN": "Brunei",
    "CD": "DR Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "MD": "Moldova",
    "PS": "Palestine",
    "RU": "Russia",
    "SY": "Syria",
    "TR": "Turkey",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "US": "United States",
    "VA": "Vatican City",
    "VE": "Venezuela",
    "VN": "Vietnam",
}

# Spellings of Arabic news (hamza-less, أمريكا/أميركا, short forms) beside pycountry's name.
EXTRA_AR = {
    "AE": "الإمارات|الإمارات العربية المتحدة|دولة الإمارات|الامارات",
    "AF": "أفغانستان|افغانستان",
    "AL": "ألبانيا|البانيا",
    "AO": "أنغولا|انغولا",
    "AR": "الأرجنتين",
    "AT": "النمسا",
    "AU": "أستراليا|استراليا",
    "BA": "البوسنة|البوسنة والهرسك",
    "BD": "بنغلاديش|بنغلادش",
    "BE": "بلجيكا",
    "BG": "بلغاريا",
    "BH": "البحرين|مملكة البحرين",
    "BN": "بروناي",
    "BO": "بوليفيا",
    "BR": "البرازيل",
    "BY": "بيلاروسيا|روسيا البيضاء",
    "CA": "كندا",
    "CD": "الكونغو الديمقراطية|جمهورية الكونغو الديمقراطية",
    "CF": "أفريقيا الوسطى|إفريقيا الوسطى",
    "CH": "سويسرا",
    "CI": "ساحل العاج|كوت ديفوار",
    "CL": "تشيلي|شيلي",
    "CM": "الكاميرون",
    "CN": "الصين|جمهورية الصين الشعبية",
    "CO": "كولومبيا",
    "CU": "كوبا",
    "CY": "قبرص",
    "CZ": "التشيك|جمهورية التشيك",
    "DE": "ألمانيا|المانيا",
    "DK": "الدنمارك",
    "DZ": "الجزائر",
    "EE": "إستونيا",
    "EG": "مصر|جمهورية مصر العربية",
    "ER": "إريتريا",
    "ES": "إسبانيا|اسبانيا|أسبانيا",
    "ET": "إثيوبيا",
    "FI": "فنلندا",
    "FR": "فرنسا",
    "GB": "بريطانيا|المملكة المتحدة|بريطانيا العظمى",
    "GE": "جورجيا",
    "GH": "غانا",
    "GR": "اليونان",
    "GT": "غواتيمالا",
    "HR": "كرواتيا",
    "HT": "هايتي",
    "HU": "المجر|هنغاريا",
    "ID": "إندونيسيا|اندونيسيا",
    "IE": "أيرلندا|إيرلندا",
    "IL": "إسرائيل|اسرائيل",
    "IN": "الهند",
    "IQ": "العراق",
    "IR": "إيران|ايران",
    "IS": "آيسلندا|أيسلندا",
    "IT": "إيطاليا|ايطاليا",
    "JO": "الأردن|الاردن|المملكة الأردنية الهاشمية",
    "JP": "اليابان",
    "KE": "كينيا",
    "KG": "قرغيزستان|قيرغيزستان|قرغيزيا",
    "KH": "كمبوديا",
    "KM": "جزر القمر",
    "KP": "كوريا الشمالية",
    "KR": "كوريا الجنوبية",
    "KW": "الكويت",
    "KZ": "كازاخستان|قازاقستان|قازاخستان",
    "LA": "لاوس",
    "LB": "لبنان",
    "LK": "سريلانكا|سري لانكا",
    "LT": "ليتوانيا",
    "LV": "لاتفيا",
    "LY": "ليبيا",
    "MA": "المغرب|المملكة المغربية",
    "MD": "مولدوفا|مولدافيا",
    "ME": "الجبل الأسود|مونتينيغرو",
    "MK": "مقدونيا|مقدونيا الشمالية",
    "MM": "ميانمار|بورما",
    "MN": "منغوليا",
    "MR": "موريتانيا",
    "MX": "المكسيك",
    "MY": "ماليزيا",
    "NE": "النيجر",
    "NG": "نيجيريا",
    "NI": "نيكاراغوا",
    "NL": "هولندا",
    "NO": "النرويج",
    "NP": "نيبال",
    "NZ": "نيوزيلندا|نيوزيلاندا",
    "OM": "عمان|سلطنة عمان|عُمان",
    "PE": "بيرو|البيرو",
    "PH": "الفلبين|الفيليبين",
    "PK": "باكستان",
    "PL": "بولندا|بولونيا",
    "PS": "فلسطين|دولة فلسطين|الأراضي الفلسطينية",
    "PT": "البرتغال",
    "PY": "باراغواي|الباراغواي",
    "QA": "قطر|دولة قطر",
    "RO": "رومانيا",
    "RS": "صربيا",
    "RU": "روسيا|روسيا الاتحادية",
    "RW": "رواندا",
    "SA": "السعودية|المملكة العربية السعودية|المملكة السعودية",
    "SD": "السودان",
    "SE": "السويد",
    "SG": "سنغافورة",
    "SI": "سلوفينيا",
    "SK": "سلوفاكيا",
    "SN": "السنغال",
    "SO": "الصومال",
    "SS": "جنوب السودان",
    "SY": "سوريا|سورية",
    "TD": "تشاد",
    "TH": "تايلاند|تايلندا",
    "TJ": "طاجيكستان",
    "TM": "تركمانستان",
    "TN": "تونس",
    "TR": "تركيا",
    "TZ": "تنزانيا",
    "UA": "أوكرانيا|اوكرانيا",
    "UG": "أوغندا",
    "UY": "الأوروغواي|أوروغواي",
    "UZ": "أوزبكستان|اوزبكستان",
    "VA": "الفاتيكان",
    "VE": "فنزويلا",
    "VN": "فيتنام|الفيتنام",
    "YE": "اليمن",
    "ZA": "جنوب أفريقيا|جنوب إفريقيا",
    "ZW": "زيمبابوي|زمبابوي",
    "US": "الولايات المتحدة|الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية"
    "|أمريكا|أميركا|امريكا|اميركا",
}

# Country names that are also everyday words (مالي "financial"): never matched on their own.
AMBIGUOUS_AR = {"مالي"}

CURATED = {
    "places.tsv": ENTITY_HEADER,
    "organizations.tsv": ENTITY_HEADER,
    "people.tsv": ENTITY_HEADER,
    "name_parts.tsv": ("ar", "en", "kind"),
    "demonyms.tsv": ("ar", "en", "country"),
    "roles.tsv": ("ar", "en", "kind"),
    "stopwords.tsv": ("ar",),
}

_MARKS = re.compile("[\u064b-\u0652\u0640]")


def clean_variant(text: str) -> str:
    return " ".join(_MARKS.sub("", text).split())


def unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))


def country_rows() -> list[tuple[str, ...]]:
    """One row per ISO country: key, type, English name, Arabic variants."""
    arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    rows = []
    for country in pycountry.countries:
        code = country.alpha_2
        en = EN_OVERRIDES.get(code) or getattr(country, "common_name", None) or country.name
        # Drop the qualifier after a comma ("إيران، الجمهورية الإسلامية…"): news never writes it.
        official = arabic.gettext(country.name).split("،")[0]
        variants = [*EXTRA_AR.get(code, "").split("|"), official]
        variants = unique([clean_variant(v) for v in variants if not re.search("[A-Za-z]", v)])
        variants = [v for v in variants if v not in AMBIGUOUS_AR] or [f"جمهورية {variants[0]}"]
        if not variants:
            logger.warning("no Arabic name for %s", code)
            continue
        rows.append((f"place/{slugify(en)}", "place", en, "|".join(variants), code))
    return sorted(rows)


def write_tsv(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    lines = ["\t".join(header)] + ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_rows(path: Path) -> list[tuple[str, ...]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines[1:] if line.strip()]


def normalise_curated(name: str, header: tuple[str, ...]) -> None:
    """Sort a curated file, dedupe rows, and (entity files) recompute keys from the English."""
    path = DATA / name
    rows = read_rows(path)
    if header == ENTITY_HEADER:
        rows = [(f"{kind}/{slugify(en)}", kind, en, ar) for _, kind, en, ar in rows]
    write_tsv(path, header, sorted(set(rows)))


# words.tsv thresholds. A form is "common" when its everyday use outweighs its use as a name by
# COMMON_RATIO; name evidence weighs a romanizer count (people on Wikidata) as NAME_WEIGHT corpus
# occurrences. Rarer rows are noise (one Wikidata label, one corpus hit).
COMMON_RATIO = 2.0
NAME_WEIGHT = 200
MIN_FREQ = 30
MIN_GIVEN = 3
MIN_FAMILY = 2
# A dictionary word with no corpus frequency still counts as this many common uses.
DICTIONARY_FREQ = 1000
MIN_NAME_OVER_STOP = 20
_ARABIC_ONLY = re.compile("^[\u0621-\u064a]{2,}$")


def _package_file(package: str, *parts: str) -> Path | None:
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        logger.warning("%s is not installed: words.tsv is left as it is", package)
        return None
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def _query(path: Path, sql: str) -> list[tuple[str, str, int]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return [(fold(a), b, int(c)) for a, b, c in conn.execute(sql)]


def _word_counts(arramooz: Path) -> tuple[Counter[str], Counter[str]]:
    """Everyday and proper-noun frequencies of each folded form (news-corpus counts)."""
    common: Counter[str] = Counter()
    proper: Counter[str] = Counter()
    rows = _query(arramooz / "wordfreq.sqlite", "SELECT unvocalized, word_type, freq FROM wordfreq")
    for form, kind, freq in rows:
        (proper if kind == "noun_prop" else common)[form] += freq
    dictionary = arramooz / "arabicdictionary.sqlite"
    for table in ("nouns", "verbs"):
        # The table names are the constants above, never input.
        for form, _, _ in _query(dictionary, f"SELECT unvocalized, '', 0 FROM {table}"):
            common[form] = max(common[form], DICTIONARY_FREQ)
    return common, proper


def _name_counts(names_db: Path) -> tuple[Counter[str], Counter[str]]:
    given: Counter[str] = Counter()
    family: Counter[str] = Counter()
    for form, role, count in _query(names_db, "SELECT arabic_key, role, count FROM units"):
        (given if role == "given" else family)[form] += count
    return given, family


def _stopword_counts(arramooz: Path) -> Counter[str]:
    """Function words with their clitics (بما, فيها, منهم) from the dictionary's stopword table."""
    rows = _query(arramooz / "stopwords.sqlite", "SELECT UNVOCALIZED, '', 1 FROM STOPWORDS")
    return Counter(form for form, _, _ in rows)


def _word_kind(form: str, counts: tuple[Counter[str], ...]) -> str | None:
    stop, common, proper, given, family = counts
    name = proper[form] + NAME_WEIGHT * (given[form] + family[form])
    # علي is both على (folded) and the name Ali: a well-attested name keeps its name reading.
    if stop[form] and given[form] + family[form] < MIN_NAME_OVER_STOP:
        return "stop"
    if common[form] >= MIN_FREQ and common[form] > COMMON_RATIO * name:
        return "common"
    if given[form] >= MIN_GIVEN and given[form] >= family[form]:
        return "given"
    if family[form] >= MIN_FAMILY or given[form] >= MIN_GIVEN:
        return "family"
    return "proper" if proper[form] >= MIN_FREQ else None


def word_rows() -> list[tuple[str, ...]] | None:
    """One row per folded form: stop or common (everyday words), given, family or proper (names)."""
    arramooz = _package_file("arramooz", "data")
    romanizer = _package_file("arabic_name_romanizer", "resources", "names.sqlite3")
    if arramooz is None or romanizer is None:
        return None
    counts = (_stopword_counts(arramooz), *_word_counts(arramooz), *_name_counts(romanizer))
    forms = set().union(*counts)
    rows = []
    for form in forms:
        kind = _word_kind(form, counts) if _ARABIC_ONLY.match(form) else None
        if kind is not None:
            rows.append((form, kind))
    return sorted(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = country_rows()
    write_tsv(DATA / "countries.tsv", (*ENTITY_HEADER, "iso"), rows)
    logger.info("countries.tsv: %d rows", len(rows))
    words = word_rows()
    if words is not None:
        write_tsv(DATA / "words.tsv", ("ar", "kind"), words)
        logger.info("words.tsv: %d rows", len(words))
    for name, header in CURATED.items():
        if (DATA / name).exists():
            normalise_curated(name, header)
            logger.info("%s: normalised", name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
