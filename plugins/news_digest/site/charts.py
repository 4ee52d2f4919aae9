"""Small SVG charts for story and entity pages: pure functions from data to markup.

Each chart is an inline <svg role="img"> with a <title> and a <desc> that states the data in
words, so it reads without JavaScript, CSS or sight. The markup draws in `currentColor`; the
theme's classes recolour it from CSS variables (theme/static/css/digest.css, dark mode too). Arabic
charts are mirrored: they start on the right and their text runs right to left. Every label
is escaped (seed text is data) and the same input always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType
from xml.sax.saxutils import escape, quoteattr

from babel.dates import format_date

from ..arabic import ascii_digits

logger = logging.getLogger(__name__)

WIDTH = 360  # about a phone's width, so text stays near its nominal size on small screens
FONT_SIZE = 14
# currentColor in the markup, so a chart reads even without the stylesheet; the theme's classes
# (.bar, .dot, .node, .edge, .axis) then colour it from CSS variables.
FILL = STROKE = GRID = "currentColor"

_WORDS = MappingProxyType(
    {
        "ar": MappingProxyType(
            {
                "timeline": "التسلسل الزمني",
                "coverage": "التغطية حسب المنفذ الإخباري",
                "cooccurrence": "الأسماء التي ترد معاً",
                "unknown": "تاريخ غير معروف",
                "articles": "مقالات",
                "together": "مرات الورود معاً",
                "none": "لا بيانات.",
                "sep": "؛ ",
            }
        ),
        "en": MappingProxyType(
            {
                "timeline": "Timeline",
                "coverage": "Coverage by outlet",
                "cooccurrence": "Names that appear together",
                "unknown": "date unknown",
                "articles": "articles",
                "together": "times together",
                "none": "No data.",
                "sep": "; ",
            }
        ),
    }
)


@dataclass(frozen=True)
class Frame:
    """The chart's canvas: its size and reading direction."""

    width: int
    height: int
    rtl: bool

    def x(self, logical: float) -> float:
        """Physical x of a distance from the start edge (the right edge in Arabic)."""
        return self.width - logical if self.rtl else logical

    def anchor(self, towards_end: bool) -> str:
        """text-anchor that makes text run from its x towards the end edge (or the start)."""
        return "start" if towards_end else "end"


def _words(lang: str) -> Mapping[str, str]:
    return _WORDS.get(lang, _WORDS["en"])


def _num(value: float) -> str:
    """Coordinates with one decimal, so output never depends on float noise."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _text(x: float, y: float, label: str, anchor: str, css: str = "") -> str:
    cls = f" class={quoteattr(css)}" if css else ""
    return f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}"{cls}>{escape(label)}</text>'


def _svg(kind: str, frame: Frame, title: str, desc: str, body: Sequence[str]) -> str:
    """The outer <svg>: accessible name and description, direction, font size."""
    content = "\n".join(body)
    digest = hashlib.sha256(f"{kind}\n{title}\n{desc}\n{content}".encode()).hexdigest()[:10]
    ident = f"chart-{kind}-{digest}"
    direction = "rtl" if frame.rtl else "ltr"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" role="img"'
        f' viewBox="0 0 {frame.width} {frame.height}" width="{frame.width}"'
        f' height="{frame.height}" direction="{direction}" font-size="{FONT_SIZE}"'
        f' fill="currentColor" aria-labelledby="{ident}-t {ident}-d">\n'
        f'<title id="{ident}-t">{escape(title)}</title>\n'
        f'<desc id="{ident}-d">{escape(desc)}</desc>\n'
        f"{content}\n</svg>"
    )


# --- timeline --------------------------------------------------------------------------------


def date_label(day: date | datetime | None, lang: str) -> str:
    """The date as readers of `lang` write it (CLDR via Babel), ASCII digits; or 'unknown'."""
    if day is None:
        return _words(lang)["unknown"]
    if isinstance(day, datetime):
        day = day.date()
    text = format_date(day, format="medium", locale=lang)
    return ascii_digits(text) if lang == "ar" else text


def _timeline_row(frame: Frame, top: float, when: str, label: str) -> str:
    rail = 14.0
    dot = (
        f'<circle class="dot" cx="{_num(frame.x(rail))}" cy="{_num(top + 9)}" r="5" fill="{FILL}"/>'
    )
    texts = (
        _text(frame.x(rail + 14), top + 14, when, frame.anchor(True), "date"),
        _text(frame.x(rail + 14), top + 34, _clip(label, 40), frame.anchor(True), "label"),
    )
    tooltip = f"<title>{escape(when)}: {escape(label)}</title>"
    return f"<g>{tooltip}{dot}{''.join(texts)}</g>"


def timeline_svg(points: Sequence[tuple[date | datetime | None, str]], lang: str) -> str:
    """A vertical timeline: one row per (date or None, label), in the order given."""
    words = _words(lang)
    row = 48
    frame = Frame(WIDTH, max(row, row * len(points) + 8), lang == "ar")
    rail_x = _num(frame.x(14))
    body = [
        f'<line class="axis" x1="{rail_x}" y1="4" x2="{rail_x}" y2="{frame.height - 4}"'
        f' stroke="{GRID}" stroke-opacity="0.4" stroke-width="2"/>'
    ]
    lines = []
    for i, (day, label) in enumerate(points):
        when = date_label(day, lang)
        body.append(_timeline_row(frame, 4 + i * row, when, label))
        lines.append(f"{when}: {' '.join(label.split())}")
    desc = words["sep"].join(lines) if lines else words["none"]
    return _svg("timeline", frame, words["timeline"], desc, body)


# --- coverage ----------------------------------------------------------------------------------


def _coverage_row(frame: Frame, top: float, outlet: str, count: int, scale: float) -> str:
    label_w, bar_h = 120.0, 18.0
    length = max(count * scale, 1.0)
    start, end = label_w, label_w + length
    left = min(frame.x(start), frame.x(end))
    bar = (
        f'<rect class="bar" x="{_num(left)}" y="{_num(top)}" width="{_num(length)}"'
        f' height="{_num(bar_h)}" rx="2" fill="{FILL}"/>'
    )
    texts = (
        _text(frame.x(label_w - 8), top + 14, _clip(outlet, 16), frame.anchor(False), "label"),
        _text(frame.x(end + 6), top + 14, str(count), frame.anchor(True), "value"),
    )
    tooltip = f"<title>{escape(outlet)}: {count}</title>"
    return f"<g>{tooltip}{bar}{''.join(texts)}</g>"


def coverage_svg(counts: Sequence[tuple[str, int]], lang: str) -> str:
    """Horizontal bars: articles per outlet, in the order given, labels on the start side."""
    words = _words(lang)
    row = 28
    frame = Frame(WIDTH, max(row, row * len(counts) + 8), lang == "ar")
    top_count = max((c for _, c in counts), default=0)
    scale = (WIDTH - 120 - 40) / top_count if top_count > 0 else 0.0
    body = [
        _coverage_row(frame, 6 + i * row, outlet, max(count, 0), scale)
        for i, (outlet, count) in enumerate(counts)
    ]
    desc = (
        words["sep"].join(f"{' '.join(o.split())}: {c} {words['articles']}" for o, c in counts)
        or words["none"]
    )
    return _svg("coverage", frame, words["coverage"], desc, body)


# --- co-occurrence -----------------------------------------------------------------------------


def _positions(keys: Sequence[str], frame: Frame, radius: float) -> dict[str, tuple[float, float]]:
    """Nodes on a circle, the first at the top, then clockwise (counter-clockwise in Arabic,
    which the mirrored x gives for free)."""
    centre_y = frame.height / 2
    places = {}
    for i, key in enumerate(keys):
        angle = 2 * math.pi * i / max(len(keys), 1)
        logical_x = frame.width / 2 + radius * math.sin(angle)
        places[key] = (frame.x(logical_x), centre_y - radius * math.cos(angle))
    return places


def _edge(a: tuple[float, float], b: tuple[float, float], weight: int, top: int) -> str:
    width = 1 + 4 * weight / top if top else 1
    return (
        f'<line class="edge" x1="{_num(a[0])}" y1="{_num(a[1])}" x2="{_num(b[0])}"'
        f' y2="{_num(b[1])}" stroke="{STROKE}" stroke-opacity="0.5"'
        f' stroke-width="{_num(width)}" stroke-linecap="round"/>'
    )


def _node(frame: Frame, at: tuple[float, float], label: str, weight: int, top: int) -> str:
    x, y = at
    size = 4 + 8 * math.sqrt(weight / top) if top > 0 and weight > 0 else 4
    # Labels sit outside the circle: to the right of nodes on the right half, and so on.
    on_right = x > frame.width / 2 + 1
    on_left = x < frame.width / 2 - 1
    runs_right = on_right or (not on_left and not frame.rtl)
    towards_end = runs_right != frame.rtl
    offset = size + 4 if on_right or on_left else 0
    dx = offset if runs_right else -offset
    dy = 0 if on_right or on_left else (-size - 6 if y < frame.height / 2 else size + 16)
    circle = f'<circle class="node" cx="{_num(x)}" cy="{_num(y)}" r="{_num(size)}" fill="{FILL}"/>'
    text = _text(x + dx, y + dy + 5, _clip(label, 14), frame.anchor(towards_end), "label")
    return f"<g><title>{escape(label)}: {weight}</title>{circle}{text}</g>"


def cooccurrence_svg(
    nodes: Sequence[tuple[str, str, int]], edges: Sequence[tuple[str, str, int]], lang: str
) -> str:
    """Names on a circle, a line between two names for each (key, key, times together); line
    width and node size grow with the counts. Edges naming an unknown key are left out."""
    words = _words(lang)
    frame = Frame(WIDTH, WIDTH, lang == "ar")
    labels = {key: label for key, label, _ in nodes}
    places = _positions([key for key, _, _ in nodes], frame, radius=WIDTH / 2 - 95)
    kept = [(a, b, w) for a, b, w in edges if a in places and b in places and a != b]
    top_edge = max((w for _, _, w in kept), default=0)
    top_node = max((w for _, _, w in nodes), default=0)
    body = [_edge(places[a], places[b], w, top_edge) for a, b, w in kept]
    body += [_node(frame, places[k], label, w, top_node) for k, label, w in nodes]
    pairs = [f"{labels[a]} – {labels[b]}: {w} {words['together']}" for a, b, w in kept]
    desc = words["sep"].join(" ".join(p.split()) for p in pairs) or words["none"]
    return _svg("cooccurrence", frame, words["cooccurrence"], desc, body)
