"""Write query results: SELECT/ASK as a table or data, CONSTRUCT/DESCRIBE as RDF."""

from __future__ import annotations

import csv
import io
import json
import shutil
import unicodedata

from rdflib import BNode, Literal, URIRef

from .engine import QueryResult
from .errors import UsageError
from .namespaces import shorten

TABLE_FORMATS = ("table", "csv", "tsv", "json", "jsonl")
GRAPH_FORMATS = ("ttl", "nt", "jsonld")


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return shorten(str(term))
    return " ".join(str(term).split())


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def render_table(variables: list[str], rows: list[list[str]], max_width: int | None = None) -> str:
    """Aligned columns; when too wide for the terminal, one record per block instead."""
    if not rows:
        return "(no results)\n"
    max_width = max_width or shutil.get_terminal_size((120, 24)).columns
    widths = [max([_width(v)] + [_width(r[i]) for r in rows]) for i, v in enumerate(variables)]
    if sum(widths) + 2 * (len(widths) - 1) <= max_width:
        out = ["  ".join(_pad(v, w) for v, w in zip(variables, widths, strict=True)).rstrip()]
        out.append("  ".join("-" * w for w in widths))
        out += [
            "  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
        ]
        return "\n".join(out) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"
    label = max(_width(v) for v in variables)
    blocks = []
    for number, row in enumerate(rows, start=1):
        lines = [f"-[ row {number} ]" + "-" * max(0, min(max_width, 40) - 12)]
        lines += [f"{_pad(v, label)} | {c}" for v, c in zip(variables, row, strict=True) if c]
        blocks.append("\n".join(lines))
    return "\n".join(blocks) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    value: dict = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal):
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype:
            value["datatype"] = str(term.datatype)
    return value


def _plain(term):
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return value if isinstance(value, int | float | bool) else str(term)
    return str(term)


def format_select(result: QueryResult, fmt: str, max_width: int | None = None) -> str:
    """A SELECT or ASK result in one of :data:`TABLE_FORMATS`."""
    if fmt not in TABLE_FORMATS:
        raise UsageError(f"unknown result format {fmt!r}: choose one of {', '.join(TABLE_FORMATS)}")
    if result.kind == "ASK":
        answer = bool(result.boolean)
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": answer}) + "\n"
        if fmt == "jsonl":
            return json.dumps({"boolean": answer}) + "\n"
        return ("true" if answer else "false") + "\n"
    variables = result.variables
    rows = result.rows
    if fmt == "json":
        bindings = [
            {v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None}
            for row in rows
        ]
        payload = {"head": {"vars": variables}, "results": {"bindings": bindings}}
        return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
    if fmt == "jsonl":
        return "".join(
            json.dumps(
                {v: _plain(t) for v, t in zip(variables, row, strict=True)}, ensure_ascii=False
            )
            + "\n"
            for row in rows
        )
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow([("" if t is None else str(t)) for t in row])
        return buffer.getvalue()
    table = [[_cell(t) for t in row] for row in rows]
    return render_table(variables, table, max_width)


def format_graph(result: QueryResult, fmt: str) -> str:
    """A CONSTRUCT or DESCRIBE result in one of :data:`GRAPH_FORMATS`, deterministically."""
    from .export import serialize

    if fmt not in GRAPH_FORMATS:
        raise UsageError(
            f"unknown RDF format {fmt!r} for a graph result: choose one of "
            f"{', '.join(GRAPH_FORMATS)}"
        )
    return serialize(result.graph, fmt).decode("utf-8")
