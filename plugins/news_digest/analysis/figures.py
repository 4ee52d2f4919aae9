"""Figures: the numbers an article states, with their unit, a short context and an English form.

Rules run in priority order over each sentence (digits made ASCII first, which keeps every
offset): clock times, percentages, money, "X من أصل Y" ratios, ranges, dates, years, then
counts of a known noun ("26 من مقاتلي طالبان", "335 كيلومترا"). A number with no unit we know
is left out rather than guessed, and so are number words (عشرات، آلاف): they carry no value.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..arabic import ARABIC_LETTER_CLASS, ascii_digits, fold
from ..models import Document
from .sources import fold_with_offsets

logger = logging.getLogger(__name__)

CONTEXT_WORDS_BEFORE = 4
CONTEXT_WORDS_AFTER = 5
MAX_DIGITS = 15  # longer digit runs are ids or noise, and int() of them is unbounded work

_W = f"[{ARABIC_LETTER_CLASS}\u064b-\u0652\u0640]+"  # one Arabic word, tashkeel allowed
_NUM = (
    rf"(?<![\d.,٫٬])(?:\d{{1,3}}(?:[,٬]\d{{3}})+(?:[.٫]\d+)?|\d{{1,{MAX_DIGITS}}}(?:[.٫]\d+)?)"
    r"(?![\d٫٬]|[.,]\d)"
)
_SCALE = r"(?:\s+(?:ألف|الف|آلاف|الاف|مليون|ملايين|مليار|مليارات|بليون|تريليون)(?![\w]))?"
_SCALES = {"الف": 1_000, "الاف": 1_000, "مليون": 10**6, "ملايين": 10**6, "مليار": 10**9}
_SCALES |= {"مليارات": 10**9, "بليون": 10**9, "تريليون": 10**12}
_SCALE_EN = {1_000: "thousand", 10**6: "million", 10**9: "billion", 10**12: "trillion"}

# (English unit, kind, Arabic forms). Forms are folded at load; a trailing accusative alef,
# a sound plural (ين/ون/ات) or a construct ي is stripped before the lookup.
_UNITS: tuple[tuple[str, str, str], ...] = (
    ("killed", "count", "قتيل قتلى"),
    ("injured", "count", "جريح جرحى مصاب مصابين"),
    ("cases", "count", "إصابة إصابات حالة حالات"),
    ("deaths", "count", "وفاة وفيات"),
    ("dead", "count", "ميت موتى"),
    ("victims", "count", "ضحية ضحايا"),
    ("people", "count", "شخص أشخاص نسمة نفر فرد أفراد"),
    ("citizens", "count", "مواطن"),
    ("children", "count", "طفل أطفال"),
    ("women", "count", "امرأة نساء سيدة"),
    ("civilians", "count", "مدني"),
    ("soldiers", "count", "جندي جنود"),
    ("troops", "count", "عسكري عسكريين"),
    ("fighters", "count", "مقاتل"),
    ("militants", "count", "مسلح"),
    ("police officers", "count", "شرطي"),
    ("refugees", "count", "لاجئ"),
    ("migrants", "count", "مهاجر"),
    ("displaced", "count", "نازح"),
    ("prisoners", "count", "سجين سجناء أسير أسرى معتقل"),
    ("hostages", "count", "رهينة رهائن"),
    ("patients", "count", "مريض مرضى"),
    ("students", "count", "طالب طلاب تلميذ تلاميذ"),
    ("employees", "count", "موظف"),
    ("workers", "count", "عامل عمال"),
    ("members", "count", "عضو أعضاء"),
    ("pilgrims", "count", "حاج حجاج"),
    ("visitors", "count", "زائر زوار"),
    ("tourists", "count", "سائح سياح"),
    ("districts", "count", "مقاطعة مديرية قضاء أقضية"),
    ("provinces", "count", "ولاية إقليم أقاليم"),
    ("governorates", "count", "محافظة"),
    ("areas", "count", "منطقة مناطق"),
    ("cities", "count", "مدينة مدن"),
    ("towns", "count", "بلدة"),
    ("villages", "count", "قرية قرى"),
    ("countries", "count", "دولة دول بلد بلدان"),
    ("missiles", "count", "صاروخ صواريخ"),
    ("aircraft", "count", "طائرة"),
    ("air strikes", "count", "غارة"),
    ("attacks", "count", "هجوم هجمات"),
    ("explosions", "count", "انفجار"),
    ("homes", "count", "منزل منازل بيت بيوت"),
    ("buildings", "count", "مبنى مبان مباني"),
    ("vehicles", "count", "سيارة مركبة آلية آليات"),
    ("schools", "count", "مدرسة مدارس"),
    ("hospitals", "count", "مستشفى مستشفيات"),
    ("jobs", "count", "وظيفة وظائف"),
    ("projects", "count", "مشروع مشاريع"),
    ("seats", "count", "مقعد مقاعد"),
    ("votes", "count", "صوت أصوات"),
    ("points", "count", "نقطة نقاط"),
    ("goals", "count", "هدف أهداف"),
    ("matches", "count", "مباراة مباريات"),
    ("barrels", "count", "برميل براميل"),
    ("doses", "count", "جرعة"),
    ("tests", "count", "فحص"),
    ("km", "distance", "كيلومتر كلم كم"),
    ("m", "distance", "متر أمتار"),
    ("cm", "distance", "سنتيمتر سم"),
    ("miles", "distance", "ميل أميال"),
    ("km2", "area", "كيلومتر مربع|كيلومترا مربعا|كلم مربع|كم مربع"),
    ("m2", "area", "متر مربع|مترا مربعا|أمتار مربعة"),
    ("hectares", "area", "هكتار"),
    ("tons", "weight", "طن أطنان"),
    ("kg", "weight", "كيلوغرام كيلوجرام كغ كجم"),
    ("litres", "volume", "لتر"),
    ("degrees", "temperature", "درجة"),
    ("seconds", "duration", "ثانية ثوان ثواني"),
    ("minutes", "duration", "دقيقة دقائق"),
    ("hours", "duration", "ساعة"),
    ("days", "duration", "يوم أيام"),
    ("weeks", "duration", "أسبوع أسابيع"),
    ("months", "duration", "شهر أشهر شهور"),
    ("years", "duration", "سنة سنوات سنين عام أعوام"),
)

_CURRENCIES: tuple[tuple[str, str, str], ...] = (
    # (unit key, English template, Arabic forms); {n} is the formatted amount.
    ("USD", "${n}", "دولار دولارات"),
    ("EUR", "€{n}", "يورو"),
    ("GBP", "£{n}", "جنيه إسترليني|إسترليني"),
    ("EGP", "{n} Egyptian pounds", "جنيه مصري"),
    ("pounds", "{n} pounds", "جنيه جنيهات"),
    ("SAR", "{n} riyals", "ريال ريالات"),
    ("AED", "{n} dirhams", "درهم دراهم"),
    ("dinars", "{n} dinars", "دينار دنانير"),
    ("lira", "{n} lira", "ليرة ليرات"),
    ("RUB", "{n} roubles", "روبل"),
    ("CNY", "{n} yuan", "يوان"),
    ("JPY", "{n} yen", "ين"),
)
_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}

_MONTHS: tuple[tuple[str, str], ...] = (
    ("January", "يناير كانون الثاني جانفي"),
    ("February", "فبراير شباط فيفري"),
    ("March", "مارس آذار"),
    ("April", "أبريل ابريل إبريل نيسان أفريل"),
    ("May", "مايو أيار ماي"),
    ("June", "يونيو يونيه حزيران جوان"),
    ("July", "يوليو يوليه تموز جويلية"),
    ("August", "أغسطس اغسطس آب أوت"),
    ("September", "سبتمبر أيلول"),
    ("October", "أكتوبر اكتوبر تشرين الأول"),
    ("November", "نوفمبر تشرين الثاني"),
    ("December", "ديسمبر كانون الأول"),
)


@dataclass(frozen=True)
class Figure:
    """One number the article states.

    ``value`` is the number itself (times any scale word: "5 ملايين" is 5000000); for a range
    it is the lower bound, for a ratio the part, for a clock time the hour as a decimal
    (01:30 is 1.5), for a date its year (or the day when no year is given).
    """

    text: str
    value: float | int
    unit: str | None
    kind: str
    context: str
    en: str
    sentence: int


@dataclass(frozen=True)
class _Found:
    """What one rule read from one match, before the sentence-level fields are added."""

    start: int
    end: int
    value: float | int
    unit: str | None
    kind: str
    en: str


def _split_forms(forms: str) -> list[str]:
    # Multi-word forms are separated by "|", single words by spaces.
    return forms.split("|") if "|" in forms else forms.split()


def _month_pairs() -> list[tuple[str, str]]:
    pairs = []
    for english, forms in _MONTHS:
        words = forms.split()
        # Levantine names are two words (كانون الثاني): keep them together.
        index = 0
        while index < len(words):
            two = " ".join(words[index : index + 2])
            if words[index] in {"كانون", "تشرين"} and index + 1 < len(words):
                pairs.append((two, english))
                index += 2
            else:
                pairs.append((words[index], english))
                index += 1
    return pairs


@dataclass(frozen=True)
class _Tables:
    units: dict[str, tuple[str, str]]  # folded form -> (unit, kind)
    currencies: dict[str, tuple[str, str]]  # folded form -> (unit key, English template)
    months: dict[str, str]  # folded name -> English month


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    units: dict[str, tuple[str, str]] = {}
    for unit, kind, forms in _UNITS:
        for form in _split_forms(forms):
            units.setdefault(fold(form), (unit, kind))
    currencies = {
        fold(form): (key, template)
        for key, template, forms in _CURRENCIES
        for form in _split_forms(forms)
    }
    months = {fold(name): english for name, english in _month_pairs()}
    return _Tables(units, currencies, months)


def _alternation(forms: list[str]) -> str:
    ordered = sorted(set(forms), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, f.split())) for f in ordered)


def unit_of(word: str) -> tuple[str, str] | None:
    """(English unit, kind) of an Arabic counted noun in any common form, or None."""
    units = _tables().units
    folded = fold(word)
    candidates = [folded]
    if len(folded) > 3:
        candidates.append(folded.removesuffix("ا"))
        for suffix, replacement in (("ين", ""), ("ون", ""), ("ات", "ه"), ("ي", "")):
            if folded.endswith(suffix):
                candidates.append(folded[: -len(suffix)] + replacement)
    for candidate in candidates:
        if candidate in units:
            return units[candidate]
    return None


def parse_number(raw: str, scale: str | None = None) -> int | float | None:
    """ "1,243" -> 1243, "2.5" + "مليار" -> 2500000000; None for what is not a plain number."""
    text = ascii_digits(raw).replace(",", "").replace("٬", "").replace("٫", ".")
    if not text or len(text) > MAX_DIGITS + 8:
        return None
    try:
        value: int | float = float(text) if "." in text else int(text)
    except ValueError:
        return None
    if scale:
        value = value * _SCALES.get(fold(scale.strip()), 1)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    return value


def format_number(value: float | int) -> str:
    """English digits with thousands separators; at most two decimals."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def _format_scaled(raw: str, scale: str | None) -> str:
    """ "5" + "ملايين" -> "5 million": keep the scale word rather than spell out zeros."""
    base = parse_number(raw)
    if base is None:
        return raw
    if not scale:
        return format_number(base)
    return f"{format_number(base)} {_SCALE_EN[_SCALES[fold(scale.strip())]]}"


# --- rules: each turns one match on the folded, ASCII-digit sentence into a _Found ----------
# Patterns are written in folded spelling (ه for ة, bare alef) and matched on folded text.

_L = ARABIC_LETTER_CLASS
_FW = f"[{_L}]+"  # one folded word
_WORD_END = f"(?![{_L}])"


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(fold(pattern))


_TIME_RE = _compile(
    r"(?P<lead>(?:ال)?ساعة\s+)?(?<![\d:.,])(?P<h>\d{1,2})(?P<sep>[:.])(?P<m>\d{2})(?![\d:])"
)


def _time(match: re.Match[str]) -> _Found | None:
    hour, minute = int(match.group("h")), int(match.group("m"))
    if hour > 24 or minute > 59:
        return None
    if match.group("lead") is None and match.group("sep") == ".":
        return None  # "3.15" with no الساعة is a decimal, not a time
    value = hour + minute / 60 if minute else hour
    return _Found(match.start(), match.end(), value, "time", "time", f"{hour:02d}:{minute:02d}")


_PERCENT_RE = _compile(
    rf"(?P<num>{_NUM})(?P<scale>{_SCALE})\s*(?:%|٪|(?:ب|\s*في\s+)ال(?:مئة|مائة|مية){_WORD_END})"
)


def _percent(match: re.Match[str]) -> _Found | None:
    value = parse_number(match.group("num"), match.group("scale"))
    if value is None:
        return None
    return _Found(
        match.start(), match.end(), value, "percent", "percent", f"{format_number(value)}%"
    )


@lru_cache(maxsize=1)
def _money_re() -> re.Pattern[str]:
    names = _alternation(list(_tables().currencies))
    symbols = "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
    return _compile(
        rf"(?P<sym>{symbols})\s*(?P<num>{_NUM})(?P<scale>{_SCALE})"
        rf"|(?P<num2>{_NUM})(?P<scale2>{_SCALE})\s+(?P<cur>{names})(?:ا|ات)?{_WORD_END}"
    )


def _money(match: re.Match[str]) -> _Found | None:
    if match.group("sym"):
        key, raw, scale = _SYMBOLS[match.group("sym")], match.group("num"), match.group("scale")
        template = next(t for k, t, _ in _CURRENCIES if k == key)
    else:
        key, template = _tables().currencies[" ".join(match.group("cur").split())]
        raw, scale = match.group("num2"), match.group("scale2")
    value = parse_number(raw, scale)
    if value is None:
        return None
    en = template.format(n=_format_scaled(raw, scale))
    return _Found(match.start(), match.end(), value, key, "money", en)


def _count_en(unit: str, raw: str, scale: str | None) -> str:
    number = _format_scaled(raw, scale)
    if unit in {"km2", "m2"}:
        return f"{number} {unit[:-1]}²"
    return f"{number} {unit}"


_RATIO_RE = _compile(
    rf"(?P<num>{_NUM})(?:\s+(?P<noun>{_FW}))?\s+من\s+(?:اصل|بين|اجمالي|مجموع)\s+"
    rf"(?P<total>{_NUM})(?:\s+(?P<noun2>{_FW}))?"
)


def _ratio(match: re.Match[str]) -> _Found | None:
    part, total = parse_number(match.group("num")), parse_number(match.group("total"))
    if part is None or total is None:
        return None
    found = unit_of(match.group("noun") or "") or unit_of(match.group("noun2") or "")
    end = match.end() if found and match.group("noun2") and not match.group("noun") else None
    end = end or match.end("total")
    unit = found[0] if found else None
    en = f"{format_number(part)} of {format_number(total)}" + (f" {unit}" if unit else "")
    return _Found(match.start(), end, part, unit, "ratio", en)


_RANGE_RE = _compile(
    rf"(?:(?:من|بين)\s+)?(?P<num>{_NUM})\s*(?:-|–|الى|و|حتى)\s*(?P<num2>{_NUM})"
    rf"(?P<scale>{_SCALE})\s+(?P<noun>{_FW})"
)


def _range(match: re.Match[str]) -> _Found | None:
    low = parse_number(match.group("num"), match.group("scale"))
    high = parse_number(match.group("num2"), match.group("scale"))
    found = unit_of(match.group("noun"))
    if low is None or high is None or found is None or high <= low:
        return None  # a score "3 - 1" or two unrelated numbers
    unit, kind = found
    en = f"{format_number(low)}–{format_number(high)} {unit}"
    return _Found(match.start(), match.end(), low, unit, kind, en)


@lru_cache(maxsize=1)
def _date_re() -> re.Pattern[str]:
    months = _alternation(list(_tables().months))
    return _compile(
        rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{months})(?:\s*/\s*(?P<month2>{months}))?"
        rf"(?:\s+(?:من\s+)?(?:عام\s+|سنة\s+)?(?P<year>\d{{4}}))?{_WORD_END}"
    )


def _date(match: re.Match[str]) -> _Found | None:
    day, year = match.group("day"), match.group("year")
    if not day and not year:
        return None  # "مارس" alone is also a verb
    months = _tables().months
    month = months.get(" ".join((match.group("month2") or match.group("month")).split()))
    if month is None or (day and not 1 <= int(day) <= 31):
        return None
    en = " ".join(part for part in (str(int(day)) if day else "", month, year or "") if part)
    value = int(year) if year else int(day or 0)
    return _Found(match.start(), match.end(), value, "date", "date", en)


_YEAR_RE = _compile(
    rf"(?:(?<![{_L}])(?P<cue>عام|العام|سنة|السنة|منذ|حتى|في|خلال|قبل|بعد|مطلع|أواخر|أوائل|نهاية|بداية|موسم)\s+)?"
    rf"(?:(?:عام|العام)\s+)?(?<![\d.,])(?P<year>\d{{4}})(?!\d|[.,]\d)(?:\s*(?P<era>م|هـ)(?![{_L}]))?"
)


def _year(match: re.Match[str]) -> _Found | None:
    year = int(match.group("year"))
    hijri = match.group("era") == "ه"
    if match.group("cue") is None and match.group("era") is None:
        return None  # a bare four-digit number is a count as often as a year
    if not (1300 <= year <= 1500 if hijri else 1800 <= year <= 2100):
        return None
    following = match.string[match.end() :].split(maxsplit=1)
    if following and unit_of(following[0]) and not match.group("era"):
        return None  # "في 2000 منزل" counts houses
    start = match.start("year")
    return _Found(start, match.end(), year, "year", "year", f"{year} AH" if hijri else str(year))


# Armed groups and forces named right after a counted noun in construct ("مقاتلي طالبان").
# Kept tiny on purpose: entity extraction, not this table, is where names are recognised.
_GROUPS = {
    fold(ar): en
    for ar, en in (
        ("طالبان", "Taliban"),
        ("داعش", "ISIS"),
        ("حماس", "Hamas"),
        ("الحوثي", "Houthi"),
        ("الحوثيين", "Houthi"),
        ("القاعدة", "al-Qaeda"),
        ("الشباب", "al-Shabaab"),
        ("المعارضة", "opposition"),
        ("النظام", "regime"),
        ("الجيش", "army"),
        ("الشرطة", "police"),
    )
}

_COUNT_RE = _compile(
    rf"(?P<num>{_NUM})(?P<scale>{_SCALE})\s+(?:من\s+)?(?P<noun>{_FW})(?:\s+(?P<noun2>{_FW}))?"
)


def _count(match: re.Match[str]) -> _Found | None:
    value = parse_number(match.group("num"), match.group("scale"))
    if value is None:
        return None
    noun, noun2 = match.group("noun"), match.group("noun2")
    found = _tables().units.get(f"{noun} {noun2}") if noun2 else None
    end = match.end() if found else match.end("noun")
    found = found or unit_of(noun)
    if found is None:
        return None
    unit, kind = found
    group = _GROUPS.get(noun2 or "") if kind == "count" else None
    if group:  # "26 من مقاتلي طالبان": whose fighters is half the fact
        unit_en, end = f"{group} {unit}", match.end()
    else:
        unit_en = unit
    en = _count_en(unit_en, match.group("num"), match.group("scale"))
    return _Found(match.start(), end, value, unit, kind, en)


_Rule = tuple[Callable[[], re.Pattern[str]], Callable[[re.Match[str]], "_Found | None"]]
_RULES: tuple[_Rule, ...] = (
    (lambda: _TIME_RE, _time),
    (lambda: _PERCENT_RE, _percent),
    (_money_re, _money),
    (lambda: _RATIO_RE, _ratio),
    (lambda: _RANGE_RE, _range),
    (_date_re, _date),
    (lambda: _YEAR_RE, _year),
    (lambda: _COUNT_RE, _count),
)


def _find_all(folded: str) -> list[_Found]:
    """Every rule over one folded sentence; an earlier rule's span wins over a later one."""
    taken: list[_Found] = []
    for pattern, build in _RULES:
        for match in pattern().finditer(folded):
            if any(match.start() < f.end and f.start < match.end() for f in taken):
                continue
            found = build(match)
            if found is not None and not any(
                found.start < f.end and f.start < found.end for f in taken
            ):
                taken.append(found)
    return sorted(taken, key=lambda f: f.start)


_MARKS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")
_CLAUSE_END = "،,.;؛:!?؟"


def _context(text: str, start: int, end: int) -> str:
    """Up to ~10 words around [start, end) of ``text``, not crossing a clause boundary."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    inside = [i for i, (s, e) in enumerate(words) if s < end and start < e]
    if not inside:
        return text[start:end]
    first, last = inside[0], inside[-1]
    budget = max(0, 10 - (last - first + 1))
    before = min(CONTEXT_WORDS_BEFORE, budget)
    while before and first > 0 and text[words[first - 1][1] - 1] not in _CLAUSE_END:
        first, before = first - 1, before - 1
    after = min(CONTEXT_WORDS_AFTER, 10 - (last - first + 1))
    while after and last + 1 < len(words) and text[words[last][1] - 1] not in _CLAUSE_END:
        last, after = last + 1, after - 1
    return text[words[first][0] : words[last][1]].strip(_CLAUSE_END + " \"'«»“”()")


def sentence_figures(text: str, index: int) -> list[Figure]:
    """The figures of one sentence (``index`` is its position in the document)."""
    folded, offsets = fold_with_offsets(text)
    folded = ascii_digits(folded)
    figures = []
    for found in _find_all(folded):
        start, end = offsets[found.start], offsets[found.end - 1] + 1
        while end < len(text) and text[end] in _MARKS:
            end += 1  # keep the tanwin of "شخصاً" and the tatweel of "هـ" in the surface
        figures.append(
            Figure(
                text=text[start:end],
                value=found.value,
                unit=found.unit,
                kind=found.kind,
                context=_context(text, start, end),
                en=found.en,
                sentence=index,
            )
        )
    return figures


def extract_figures(doc: Document) -> tuple[Figure, ...]:
    """The figures of the article body, in reading order (read-also headlines are not body)."""
    figures: list[Figure] = []
    for index, sentence in enumerate(doc.sentences):
        figures.extend(sentence_figures(sentence.text, index))
    logger.debug("%s: %d figures", doc.id, len(figures))
    return tuple(figures)
