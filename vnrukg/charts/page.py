"""The charts page: every series of the graph, one chart each, grouped by theme, offline.

Indicators with two or more dated figures get a chart; a theme's single figures are listed in
a table under its charts. Each figure's evidence (quote, the curators' translation, source,
notes and disagreements) travels once, keyed by the observation's id, and is shown on click.
"""

from __future__ import annotations

from typing import Any

from .. import pages
from ..periods import partial_note
from .render import vega_bundle
from .series import Indicator, Point
from .spec import ChartOptions, full_value, indicator_spec

TITLE = ("Vietnam–Russia relations in figures", "Quan hệ Việt Nam – Nga qua các con số")


def chartable(indicator: Indicator) -> bool:
    """Whether an indicator gets a chart (two or more dated figures) or a table row."""
    return sum(p.period.start is not None for p in indicator.points) >= 2


def evidence(indicator: Indicator, point: Point) -> dict[str, Any]:
    """What the evidence panel shows for one figure."""
    line = indicator.lines[point.line]
    facts = [
        ["line", "chuỗi", line.label_en, line.label_vi],
        ["value", "giá trị", full_value(point, "en"), full_value(point, "vi")],
        ["date", "thời gian", point.period.label_en, point.period.label_vi],
    ]
    partial = partial_note(point.period)
    if partial[0]:
        facts.append(["period", "thời kỳ", *partial])
    if point.as_written:
        facts.append(["as written", "nguyên văn", point.as_written, point.as_written])
    if point.growth:
        facts.append(["growth", "tăng trưởng", point.growth, point.growth])
    if point.note:
        facts.append(["curators' note", "ghi chú của người biên tập", point.note, point.note])
    facts.append(["id", "mã", point.id, point.id])
    return {
        "title": [indicator.label_en, indicator.label_vi],
        "kind": [f"Figure · {indicator.theme_en}", f"Số liệu · {indicator.theme_vi}"],
        "facts": facts,
        "flags": [[f.label_en, f.label_vi, f.note] for f in point.flags],
        "cites": [[e.quote, e.translation, e.source, e.source_id, e.via] for e in point.evidence],
    }


def page_payload(indicators: list[Indicator], lang: str = "en") -> dict[str, Any]:
    """The JSON the charts page embeds: specs in both languages, themes, evidence."""
    themes: dict[str, dict[str, Any]] = {}
    specs, info, evidences = {}, {}, {}
    for ind in indicators:
        theme = themes.setdefault(
            ind.theme,
            {"key": ind.theme.split(":")[-1], "name": [ind.theme_en, ind.theme_vi],
             "charts": [], "singles": []},
        )  # fmt: skip
        for point in ind.points:
            evidences[point.id] = evidence(ind, point)
        if chartable(ind):
            theme["charts"].append(ind.slug)
            specs[ind.slug] = {
                lang_: indicator_spec(
                    ind, ChartOptions(lang=lang_, width="container", sources=False)
                )
                for lang_ in ("en", "vi")
            }
            info[ind.slug] = {
                "definition": [ind.definition, ind.definition_vi],
                "count": len(ind.points),
                "sources": sorted({s for p in ind.points for s in p.sources}),
            }
        else:
            theme["singles"] += [_single(ind, p) for p in ind.points]
    charted = sum(len(t["charts"]) for t in themes.values())
    figures = sum(len(i.points) for i in indicators)
    singles = sum(len(t["singles"]) for t in themes.values())
    return {
        "lang": lang,
        "summary": [
            f"{charted} charts and {singles} single figures: {figures} figures in all, each "
            "with the quote it comes from.",
            f"{charted} biểu đồ và {singles} số liệu đơn lẻ: tổng cộng {figures} số liệu, mỗi "
            "số liệu kèm trích dẫn nguồn.",
        ],
        "themes": list(themes.values()),
        "specs": specs,
        "info": info,
        "evidence": evidences,
    }


def _single(ind: Indicator, point: Point) -> dict[str, Any]:
    line = ind.lines[point.line]
    return {
        "id": point.id,
        "indicator": [ind.label_en, ind.label_vi],
        "line": [line.label_en, line.label_vi],
        "date": [point.period.label_en, point.period.label_vi],
        "value": [full_value(point, "en"), full_value(point, "vi")],
        "source": "; ".join(point.sources),
        "disputed": bool(point.flags),
    }


def render_page(
    payload: dict[str, Any], *, title: tuple[str, str] = TITLE, single: bool = False
) -> str:
    """The complete HTML page for ``payload`` (from :func:`page_payload`)."""
    scripts = [
        vega_bundle(),
        pages.safe_script(pages.asset("evidence.js") + "\n" + pages.asset("charts.js"), "charts"),
    ]
    lang = payload["lang"]
    return pages.render(
        "charts.html",
        lang=lang,
        title=title[1] if lang == "vi" else title[0],
        title_en=title[0],
        title_vi=title[1],
        csp=pages.csp(scripts),
        styles=[pages.asset("pages.css"), pages.asset("charts.css")],
        body_class="single" if single else "",
        data=pages.script_json(payload),
        scripts=scripts,
    )
