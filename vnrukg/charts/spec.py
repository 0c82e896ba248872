"""Vega-Lite specifications (built with Altair) for the graph's series and for query results.

One chart per indicator; one panel per unit (each with its own y axis, so figures in different
units never share one); one colour per line (reporter → partner, commodity, category). Every
figure is drawn over the period it covers — a year as a year, a month as a month, a period as
a bar from its first to its last month — with a dot in the middle, hollow when the figure
covers only part of a year. Dots are joined only between figures of a line that each cover a
year or less (never across a partial year or a multi-year total). Each dot is labelled with its
value, qualifier included ("about 4.9 bn"); figures involved in a recorded discrepancy, or two
different figures for one period, get a red ring; none is ever averaged away.

:func:`indicator_spec` draws an :class:`~vnrukg.charts.series.Indicator`;
:func:`rows_spec` draws any SELECT result with a date column and a numeric column, for the
``chart`` command and the endpoint's query page.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..periods import Period, parse_date, partial_note, period_of
from .series import Indicator, Line, Point, compact_number, format_value

if TYPE_CHECKING:
    from altair import Axis, Chart, LayerChart

#: A Vega-Lite specification: JSON, as a dictionary.
Spec = dict[str, Any]
#: One data row of a chart (see :func:`point_datum`).
Datum = dict[str, Any]

DISPUTED = "#d62728"
#: Vega-Lite colours for lines (Tableau 10, without the red kept for disagreements).
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf"]  # fmt: skip
CONNECTED = ("day", "month", "year")
WORDS = {
    "en": {
        "date": "Date",
        "value": "Value",
        "line": "Series",
        "source": "Source",
        "note": "Note",
        "flag": "Disagreement",
        "sources": "Sources",
        "unit": "Unit",
        "period": "period covered",
        "hollow": "○ hollow dot: part of a year",
        "ring": "red ring: figures that disagree",
        "bar": "bars: the period a figure covers",
    },
    "vi": {
        "date": "Thời gian",
        "value": "Giá trị",
        "line": "Chuỗi",
        "source": "Nguồn",
        "note": "Ghi chú",
        "flag": "Bất nhất",
        "sources": "Nguồn",
        "unit": "Đơn vị",
        "period": "thời kỳ",
        "hollow": "○ chấm rỗng: một phần năm",
        "ring": "vòng đỏ: các số liệu không khớp nhau",
        "bar": "vạch: thời kỳ số liệu bao quát",
    },
}
#: Axis labels per unit (a Vega expression over ``datum.value``).
_SI = "replace(replace(replace(format(datum.value, '{fmt}'), 'G', ' bn'), 'M', ' m'), 'k', 'k')"
AXIS_LABELS = {
    "vnrv:usd": "'$' + " + _SI.format(fmt=".3~s"),
    "vnrv:percent": "format(datum.value, ',.3~') + '%'",
    "vnrv:times": "format(datum.value, ',.3~') + '×'",
    "vnrv:rank": "'#' + format(datum.value, 'd')",
}
DEFAULT_AXIS = _SI.format(fmt=",.3~s")
#: Unit names a query result may give, and the unit whose number format they take.
UNIT_NAMES = {"us dollars": "vnrv:usd", "usd": "vnrv:usd", "percent": "vnrv:percent",
              "%": "vnrv:percent", "rank": "vnrv:rank", "times": "vnrv:times",
              "times (multiple)": "vnrv:times"}  # fmt: skip


@dataclass
class ChartOptions:
    """How a chart is drawn: language, size, and whether it fills its container (HTML)."""

    lang: str = "en"
    width: int | str = 640
    panel_height: int = 240
    sources: bool = True


def value_label(point: Point, lang: str = "en") -> str:
    """The value as the chart labels it: qualifier, compact number, unit sign."""
    number = compact_number(point.value)
    if lang == "vi":
        number = number.replace(",", "\u202f").replace(".", ",")
        number = number.replace(" bn", " tỷ").replace(" m", " triệu").replace(" tn", " nghìn tỷ")
    text = {
        "vnrv:usd": f"${number}" if lang == "en" else f"{number} USD",
        "vnrv:percent": f"{number}%",
        "vnrv:times": f"{number}×",
        "vnrv:rank": f"#{number}" if lang == "en" else f"thứ {number}",
    }.get(point.unit, number)
    qualifier = point.qualifier_vi if lang == "vi" else point.qualifier_en
    return f"{qualifier} {text}" if qualifier else text


def full_value(point: Point, lang: str = "en") -> str:
    """The value in full with qualifier and unit: "about 4,900,000,000 US dollars"."""
    qualifier = point.qualifier_vi if lang == "vi" else point.qualifier_en
    unit = point.unit_vi if lang == "vi" else point.unit_en
    return " ".join(part for part in (qualifier, point.value_text, unit) if part)


def point_datum(point: Point, line_label: str, lang: str = "en") -> Datum:
    """The data row of one point (what the chart draws, its tooltip and its click read)."""
    period = point.period
    partial = partial_note(period)[1 if lang == "vi" else 0]
    return {
        "id": point.id,
        "line": line_label,
        "x0": _iso(period.start),
        "x1": _iso(period.end),
        "xm": _iso(period.middle),
        "date": period.label_vi if lang == "vi" else period.label_en,
        "precision": period.precision,
        "partial": bool(partial),
        "connect": period.precision in CONNECTED,
        "value": point.value,
        "label": _with_months(value_label(point, lang), period, lang),
        "full": full_value(point, lang),
        "source": "; ".join(point.sources),
        "note": partial,
        "flag": "; ".join(f.label_vi if lang == "vi" else f.label_en for f in point.flags),
        "disputed": bool(point.flags),
        "dash": [3, 2] if partial else [1, 0],
    }


def _with_months(label: str, period: Period, lang: str) -> str:
    """A part-year figure says which months it covers: "Jan–Nov: $4.1 bn"."""
    if period.precision != "part-year":
        return label
    months = (period.label_vi if lang == "vi" else period.label_en).rsplit(" ", 1)[0]
    return f"{months}: {label}"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def indicator_spec(indicator: Indicator, options: ChartOptions | None = None) -> Spec:
    """The Vega-Lite specification of one indicator's chart (a dict, deterministic)."""
    options = options or ChartOptions()
    lang = options.lang
    order = _line_order(indicator)
    label_of = {k: (indicator.lines[k].label_vi if lang == "vi" else indicator.lines[k].label_en)
                for k in order}  # fmt: skip
    domain = [label_of[k] for k in order]
    panels: list[Spec] = []
    datasets: dict[str, list[Datum]] = {}
    for unit, (unit_en, unit_vi) in sorted(indicator.units.items()):
        points = [p for p in indicator.points if p.unit == unit and p.period.start is not None]
        if not points:
            continue
        rows = [point_datum(p, label_of[p.line], lang) for p in points]
        place_labels(rows, options)
        name = f"figures-{len(datasets) + 1}"
        datasets[name] = rows
        title = unit_vi if lang == "vi" else unit_en
        panels.append(panel_spec(name, rows, unit, title, domain, options))
    if not panels:
        raise UsageError(f"{indicator.slug} has no dated figures to chart")
    spec: Spec = panels[0] if len(panels) == 1 else {
        "vconcat": panels, "resolve": {"scale": {"color": "shared"}}
    }  # fmt: skip
    subtitle = _key_line(indicator.points, lang)
    subtitle += _sources_line(indicator.points, lang) if options.sources else []
    title = indicator.label_vi if lang == "vi" else indicator.label_en
    spec["title"] = {"text": title, "subtitle": subtitle, "anchor": "start"}
    return _finish(spec, datasets)


def panel_spec(name: str, rows: list[Datum], unit: str, title: str, domain: list[str],
               options: ChartOptions) -> Spec:  # fmt: skip
    """One unit's layered chart of ``rows`` (a Vega-Lite dict; data in ``datasets[name]``).

    Altair builds a template once per kind of panel (language, size, axis, unit format, legend
    or not), which is then filled in: building each chart anew with Altair took half a second,
    ten seconds for the charts page.
    """
    first = min(r["x0"] for r in rows)
    last = max(r["x1"] for r in rows)
    short = int(last[:4]) - int(first[:4]) < 3
    template = _template(options.lang, options.width, options.panel_height,
                         unit if unit in AXIS_LABELS else "", short, len(domain) > 1)  # fmt: skip
    filled: dict[str, object] = {
        _DATA: name,
        _TITLE: title,
        _DOMAIN: domain,
        _RANGE: (PALETTE * (len(domain) // len(PALETTE) + 1))[: max(len(domain), 1)],
    }
    panel = _fill(json.loads(template), filled)
    assert isinstance(panel, dict)
    return panel


_DATA, _TITLE, _DOMAIN, _RANGE = "@data@", "@title@", "@domain@", "@range@"


def _fill(node: object, values: dict[str, object]) -> object:
    """``node`` (JSON) with the placeholders in ``values`` filled in."""
    if isinstance(node, dict):
        return {k: _fill(v, values) for k, v in node.items()}
    if isinstance(node, list):
        if node == [_DOMAIN] or node == [_RANGE]:
            return values[node[0]]
        return [_fill(v, values) for v in node]
    if isinstance(node, str) and node in values:
        return values[node]
    return node


@cache
def _template(
    lang: str, width: int | str, height: int, unit: str, short: bool, legend: bool
) -> str:
    # Altair costs 2 s to import: only a new kind of panel needs it, once per process
    import altair as alt

    options = ChartOptions(lang=lang, width=width, panel_height=height)
    spec = _panel(alt, unit, short, legend, options).to_dict(validate=False)
    spec.pop("$schema", None)
    spec.pop("config", None)
    return json.dumps(spec, sort_keys=True)


def _line_order(indicator: Indicator) -> list[str]:
    counts = {k: sum(p.line == k for p in indicator.points) for k in indicator.lines}
    return sorted(indicator.lines, key=lambda k: (-counts[k], indicator.lines[k].label_en))


def _key_line(points: Sequence[Point], lang: str) -> list[str]:
    """What the hollow dots and red rings mean, when the chart has any."""
    words = WORDS[lang]
    keys = [words["bar"]]
    if any(partial_note(p.period)[0] for p in points):
        keys.append(words["hollow"])
    if any(p.flags for p in points):
        keys.append(words["ring"])
    return [" · ".join(keys)]


def _sources_line(points: Sequence[Point], lang: str) -> list[str]:
    sources = sorted({s for p in points for s in p.sources})
    if not sources:
        return []
    head = WORDS[lang]["sources"]
    if sum(len(s) for s in sources) < 100:
        return [f"{head}: {' · '.join(sources)}"]
    return [f"{head}:"] + [f"– {s}" for s in sources]


def _panel(
    alt: ModuleType, unit: str, short: bool, legend: bool, options: ChartOptions
) -> LayerChart:
    """The template of one unit's layered chart, with placeholders for data, title and lines.

    Every channel is built as an object rather than a shorthand string or a condition dict:
    Altair looks those up in the whole schema at every step.
    """
    words = WORDS[options.lang]
    data = alt.Data(name=_DATA)
    line_legend = (
        alt.Legend(orient="bottom", direction="vertical", labelLimit=520, title=None)
        if legend
        else None
    )
    colour = alt.Color(
        field="line",
        type="nominal",
        title=None,
        scale=alt.Scale(domain=[_DOMAIN], range=[_RANGE]),
        legend=line_legend,
    )
    y = alt.Y(
        field="value",
        type="quantitative",
        title=_TITLE,
        axis=alt.Axis(labelExpr=AXIS_LABELS.get(unit, DEFAULT_AXIS), titleFontWeight="normal"),
        scale=alt.Scale(reverse=unit == "vnrv:rank", zero=unit != "vnrv:rank", nice=True),
    )
    middle = alt.X(field="xm", type="temporal")
    label = alt.Text(field="label", type="nominal")
    tooltip = [
        alt.Tooltip(field=field, type="nominal", title=words[word])
        for field, word in (("date", "date"), ("full", "value"), ("line", "line"),
                            ("source", "source"), ("note", "note"), ("flag", "flag"))
    ]  # fmt: skip

    def layer(test: str | None, mark: str, **mark_options: Any) -> Chart:
        chart: Chart = alt.Chart(data)
        if test:
            chart = chart.transform_filter(test)
        marked: Chart = getattr(chart, f"mark_{mark}")(**mark_options)
        return marked

    spans = layer(None, "rule", strokeWidth=5, opacity=0.35, strokeCap="butt")
    spans = spans.encode(alt.X(field="x0", type="temporal", axis=_x_axis(alt, short)),
                         alt.X2(field="x1"), y, colour,
                         alt.StrokeDash(field="dash", type="nominal", scale=None))  # fmt: skip
    lines = layer("datum.connect", "line", strokeWidth=1.6, opacity=0.8).encode(
        middle, y, colour, alt.Detail(field="line", type="nominal"),
        alt.Order(field="xm", type="temporal"),
    )  # fmt: skip
    dots = layer("!datum.partial", "point", size=70, strokeWidth=2, filled=True, opacity=1,
                 cursor="pointer").encode(middle, y, colour, tooltip=tooltip)  # fmt: skip
    # hollow: a white fill (so that the whole dot, not just its ring, answers the pointer)
    # and the line's colour as the stroke
    outline = alt.Stroke(
        field="line", type="nominal", title=None, legend=line_legend,
        scale=alt.Scale(domain=[_DOMAIN], range=[_RANGE]),
    )  # fmt: skip
    hollow = layer("datum.partial", "point", size=70, strokeWidth=2, filled=True, fill="#ffffff",
                   opacity=1, cursor="pointer")  # fmt: skip
    hollow = hollow.encode(middle, y, outline, tooltip=tooltip)
    rings = layer("datum.disputed", "point", size=300, strokeWidth=2, color=DISPUTED,
                  filled=False, opacity=0.9).encode(middle, y, tooltip=tooltip)  # fmt: skip
    text = {"fontSize": 10.5, "color": "#333333"}
    places: dict[str, dict[str, int | str]] = {
        "above": {"dy": -12},
        "below": {"dy": 13},
        "right": {"dx": 13, "align": "left"},  # clear of a red ring (about 11 px round)
        "left": {"dx": -13, "align": "right"},
        "high": {"dy": -25},
        "low": {"dy": 26},
    }
    labels = [
        layer(f"datum.place == '{place}'", "text", **text, **shift).encode(middle, y, label)
        for place, shift in places.items()
    ]
    layered: LayerChart = alt.layer(spans, lines, rings, dots, hollow, *labels)
    return layered.properties(width=options.width, height=options.panel_height)


def _x_axis(alt: ModuleType, short: bool) -> Axis:
    """Years on the axis, or months when the chart covers less than three years."""
    axis: Axis = alt.Axis(
        format="%b %Y" if short else "%Y",
        title=None,
        labelOverlap=True,
        grid=False,
        tickCount={"interval": "month", "step": 3} if short else {"interval": "year", "step": 1},
    )
    return axis


def place_labels(rows: list[Datum], options: ChartOptions) -> None:
    """Put each value label above its dot, or below, right or left of it, or a line further
    up or down, when it would cover a label or dot placed before (``place`` tells the text
    layers which).

    A label never goes below the x axis's line, where the axis's own labels are. Positions are
    estimated on a nominal canvas (the chart's width, or 500 px for one that
    fills its container: charts on the page are 500 to 650 px wide), which is enough to keep
    neighbouring labels apart.
    """
    width = options.width if isinstance(options.width, int) else 500
    height = options.panel_height
    xs = [_days(r["xm"]) for r in rows]
    ys = [r["value"] for r in rows]
    x_low = min(_days(r["x0"]) for r in rows)
    x_span = (max(_days(r["x1"]) for r in rows) - x_low) or 1
    y_low, y_high = min(0.0, min(ys)), max(ys)
    y_span = (y_high - y_low) or 1

    def where(x: float, y: float) -> tuple[float, float]:
        return (x - x_low) / x_span * width, height - (y - y_low) / y_span * height

    dots = [where(x, y) for x, y in zip(xs, ys, strict=True)]
    placed: list[tuple[float, float, float, float]] = [
        (px - 5, py - 5, px + 5, py + 5) for px, py in dots
    ]
    for row, x, y in sorted(zip(rows, xs, ys, strict=True), key=lambda t: (t[1], t[2])):
        px, py = where(x, y)
        size = 6.2 * len(row["label"])
        boxes = {
            "above": (px - size / 2, py - 21, px + size / 2, py - 9),
            "below": (px - size / 2, py + 5, px + size / 2, py + 17),
            "right": (px + 12, py - 6, px + 12 + size, py + 6),
            "left": (px - 12 - size, py - 6, px - 12, py + 6),
            "high": (px - size / 2, py - 34, px + size / 2, py - 22),
            "low": (px - size / 2, py + 18, px + size / 2, py + 30),
        }
        free = [
            k
            for k, box in boxes.items()
            if box[3] <= height + 7  # not down among the x axis's labels
            and not any(_overlap(box, b) for b in placed)
        ]
        row["place"] = free[0] if free else "above"
        placed.append(boxes[row["place"]])


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _days(iso: str) -> float:
    return float(date.fromisoformat(iso).toordinal())


def _finish(spec: Spec, datasets: dict[str, list[Datum]]) -> Spec:
    spec.pop("$schema", None)
    spec.pop("config", None)
    spec["datasets"] = datasets
    spec["$schema"] = "https://vega.github.io/schema/vega-lite/v6.json"
    spec["config"] = {
        "view": {"stroke": None},
        "font": "system-ui, 'Noto Sans', 'DejaVu Sans', sans-serif",
        "title": {"fontSize": 15, "subtitleFontSize": 11, "subtitleColor": "#555555"},
        "axis": {"labelFontSize": 11, "titleFontSize": 11.5},
        "legend": {"labelFontSize": 11.5, "symbolOpacity": 1, "symbolType": "circle"},
    }
    widths = [spec.get("width")] + [p.get("width") for p in spec.get("vconcat", [])]
    if "container" in widths:
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


# ---------------------------------------------------------------------------------------------
# Query results
# ---------------------------------------------------------------------------------------------


def rows_spec(
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    date_column: str | None = None,
    value_column: str | None = None,
    unit: str | None = None,
    unit_column: str | None = None,
    series_columns: Sequence[str] | None = None,
    title: str = "",
    options: ChartOptions | None = None,
) -> Spec:
    """A chart of a SELECT result: a date (or year, or period) column and a numeric column.

    The columns are found by their values when not named: the date column is the first whose
    values read as ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``start/end``; the value column the
    first numeric one. Rows differing in the remaining short text columns (or ``series_columns``)
    become lines; a ``unit`` column splits the chart into one panel per unit. A result without a
    unit column needs ``unit``, so that no chart goes out without its unit.
    """

    columns = list(columns)
    date_column = date_column or _guess(columns, rows, _is_date, "a date or year")
    value_column = value_column or _guess(
        [c if c != date_column else "" for c in columns], rows, _is_number, "a numeric"
    )
    unit_column = unit_column or next((c for c in columns if c.lower() == "unit"), None)
    if unit_column is None and not unit:
        raise UsageError("the result has no unit column: say what the values count with --unit")
    skip = {date_column, value_column, unit_column}
    if series_columns is None:
        series_columns = [c for c in columns if c not in skip and _is_label(columns, rows, c)]
    name = title or value_column
    indicator = Indicator(name, "", name, name, "", "", "", "", "")
    index = {c: i for i, c in enumerate(columns)}
    for number, row in enumerate(rows):
        when, value = row[index[date_column]], row[index[value_column]]
        if when in (None, "") or not _is_number(value):
            continue
        unit_name = str(row[index[unit_column]]) if unit_column else str(unit)
        unit_name = UNIT_NAMES.get(unit_name.lower(), unit_name)
        key = " · ".join(
            str(row[index[c]]) for c in series_columns if row[index[c]] not in (None, "")
        )
        indicator.lines.setdefault(key, Line(key, key or value_column, key or value_column))
        shown = str(row[index[unit_column]]) if unit_column else str(unit)
        indicator.units.setdefault(unit_name, (shown, shown))
        indicator.points.append(_row_point(number, key, unit_name, shown, str(when), value))
    if not indicator.points:
        raise UsageError(f"no row has both a {date_column} and a numeric {value_column}")
    return indicator_spec(indicator, _no_sources(options))


def _no_sources(options: ChartOptions | None) -> ChartOptions:
    chosen = options or ChartOptions()
    return ChartOptions(chosen.lang, chosen.width, chosen.panel_height, sources=False)


def _row_point(number: int, line: str, unit: str, shown: str, when: str, value: object) -> Point:

    start, _, end = when.partition("/")
    period: Period = period_of(None if "/" in when else when, start or None, end or None)
    text = format_value(str(value))
    return Point(f"row-{number + 1}", line, unit, float(str(value)), text, period,
                 unit_en=shown, unit_vi=shown)  # fmt: skip


def _guess(
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    test: Callable[[object], bool],
    what: str,
) -> str:
    for number, column in enumerate(columns):
        values = [row[number] for row in rows if row[number] not in (None, "")]
        if not column:
            continue
        if values and all(test(v) for v in values):
            return column
    raise UsageError(f"the result has no column of {what} values")


def _is_date(value: object) -> bool:

    if isinstance(value, float):
        return False
    text = str(value)
    parts = text.split("/") if "/" in text else [text]
    return (
        all(p == "" or parse_date(p) is not None for p in parts)
        and len(text) >= 4
        and (text[:4].isdigit())
    )


def _is_number(value: object) -> bool:
    """A number (int, float, Decimal) or the text of one; a year given as text is a date."""
    if isinstance(value, bool):
        return False
    if isinstance(value, str) and _is_date(value):
        return False
    try:
        float(str(value))
    except ValueError:
        return False
    return True


#: Columns that carry evidence or identifiers, never a line's name.
NOT_LINES = {"quote", "translation", "source", "reference", "note", "id", "iri", "obs"}


def _is_label(columns: Sequence[str], rows: Sequence[Sequence[object]], column: str) -> bool:
    """Short text that names a group (not a quote, an IRI or a number)."""
    if column.lower() in NOT_LINES:
        return False
    number = list(columns).index(column)
    values = {str(row[number]) for row in rows if row[number] not in (None, "")}
    if not values or len(values) > 12:
        return False
    return all(len(v) <= 60 and "://" not in v and not _is_number(v) for v in values)
