"""Charts of the graph's statistical series (Vega-Lite, built with Altair).

:func:`indicators` reads every series of a loaded graph; :func:`chart_bytes` writes one chart as
SVG, PNG, HTML or its Vega-Lite JSON; :func:`charts_page` is ``dist/charts.html``;
:func:`named_query_spec` charts a named query's SELECT result (a date column and a numeric
column) — the endpoint's query page uses :func:`~vnrukg.charts.spec.rows_spec` for the same.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from typing import Any

from rdflib import Literal

from ..errors import UsageError
from ..network import split_graph
from ..project import Project
from ..sparql import QueryResult, find_query, list_queries, make_engine, to_rdflib
from ..store import KnowledgeGraph
from .page import page_payload, render_page
from .render import chart_format, png, svg
from .series import Indicator, find_indicator, read_indicators
from .spec import ChartOptions, Spec, indicator_spec, rows_spec

__all__ = [
    "ChartOptions",
    "Indicator",
    "Spec",
    "chart_bytes",
    "chart_format",
    "charts_page",
    "find_indicator",
    "indicator_spec",
    "indicators",
    "rows_spec",
    "spec_bytes",
]


def indicators(kg: KnowledgeGraph) -> list[Indicator]:
    """Every indicator with figures in the curated graph, by theme and name."""
    facts, terms = split_graph(kg)
    return read_indicators(facts, terms)


def is_named_query(project: Project, name: str) -> bool:
    """Whether ``name`` is one of the project's named queries."""
    return any(q.name == name for q in list_queries(project))


def unknown_series(found: Sequence[Indicator], project: Project, name: str) -> UsageError:
    """The error for a name that is neither an indicator nor a named query."""
    names = [i.slug for i in found] + [q.name for q in list_queries(project)]
    near = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    return UsageError(f"no series or named query called {name!r}{hint} (vnrukg chart lists them)")


def spec_bytes(spec: Spec, fmt: str, *, lang: str = "en", title: str = "") -> bytes | str:
    """A chart specification written as ``svg``, ``png``, ``html`` or ``json``."""
    if fmt == "svg":
        return svg(spec)
    if fmt == "png":
        return png(spec)
    if fmt == "json":
        return json.dumps(spec, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if fmt == "html":
        payload = {
            "lang": lang,
            "summary": ["", ""],
            "themes": [
                {"key": "chart", "name": [title, title], "charts": ["chart"], "singles": []}
            ],
            "specs": {"chart": {"en": spec, "vi": spec}},
            "info": {"chart": {"definition": ["", ""], "count": 0, "sources": []}},
            "evidence": {},
        }
        return render_page(payload, title=(title, title), single=True)
    raise UsageError(f"unknown chart format {fmt!r}: choose svg, png, html or json")


def chart_bytes(indicator: Indicator, fmt: str, lang: str = "en") -> bytes | str:
    """One indicator's chart as ``svg``, ``png``, ``html`` or ``json``."""
    if fmt == "html":
        payload = page_payload([indicator], lang)
        title = (indicator.label_en, indicator.label_vi)
        return render_page(payload, title=title, single=True)
    return spec_bytes(indicator_spec(indicator, ChartOptions(lang=lang)), fmt, lang=lang)


def listing(found: Sequence[Indicator], project: Project) -> str:
    """What ``vnrukg chart`` can draw: the indicators, then the named queries of figures."""
    lines = ["Series (indicators), by theme:"]
    theme = None
    for ind in found:
        if ind.theme_en != theme:
            theme = ind.theme_en
            lines.append(f"  {theme}")
        first, last = ind.years
        span = f"{first}–{last}" if first is not None and first != last else f"{first or '?'}"
        units = ", ".join(en for en, _vi in ind.units.values())
        lines.append(
            f"    {ind.slug:<28} {ind.label_en} ({len(ind.points)} figure"
            f"{'s' * (len(ind.points) != 1)}, {span}; {units})"
        )
    named = [q.name for q in list_queries(project) if "statistics" in q.tags]
    if named:
        lines.append("Named queries of figures (give --unit when the result has no unit column):")
        lines.append("    " + ", ".join(named))
    return "\n".join(lines) + "\n"


def charts_page(kg: KnowledgeGraph, lang: str = "en") -> str:
    """``dist/charts.html``: every series of the graph, one chart each, grouped by theme."""
    return render_page(page_payload(indicators(kg), lang))


def result_columns(result: QueryResult) -> tuple[list[str], list[list[object]]]:
    """A SELECT result's columns and rows as Python values (numbers stay numbers)."""
    rows = []
    for row in result.rows:
        values: list[object] = []
        for term in row:
            if term is None:
                values.append(None)
                continue
            node = to_rdflib(term)
            value = node.toPython() if isinstance(node, Literal) else None
            if isinstance(value, int | float) and not isinstance(value, bool):
                values.append(value)
            elif type(value).__name__ == "Decimal":
                values.append(float(str(value)))
            else:
                values.append(str(node))
        rows.append(values)
    return list(result.variables), rows


def named_query_spec(
    kg: KnowledgeGraph, name: str, params: dict[str, str], **options: Any
) -> tuple[Spec, str]:
    """The chart of a named query's result (see :func:`rows_spec` for ``options``), and the
    query's title."""
    named = find_query(kg.project, name)
    result = make_engine(kg.graph).query(named.text, named.bindings(params))
    if result.kind != "SELECT":
        raise UsageError(f"{name} is a {result.kind} query: only SELECT results can be charted")
    columns, rows = result_columns(result)
    options["title"] = options.get("title") or named.title
    return rows_spec(columns, rows, **options), named.title
