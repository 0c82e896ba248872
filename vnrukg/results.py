"""Write query results: SELECT/ASK as a table or data, CONSTRUCT/DESCRIBE as RDF.

SELECT rows may hold rdflib terms or, on the fast path of the Oxigraph engine, pyoxigraph
terms; both are read through :func:`term_parts`, so the output is the same byte for byte
whichever engine answered. Nothing here imports rdflib unless a graph is written.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import unicodedata
from typing import NamedTuple

import pyoxigraph as ox

from .engine import QueryResult
from .errors import UsageError
from .namespaces import shorten

TABLE_FORMATS = ("table", "csv", "tsv", "json", "jsonl")
GRAPH_FORMATS = ("ttl", "nt", "jsonld")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {
    _XSD + name
    for name in (
        *("integer", "nonPositiveInteger", "long", "nonNegativeInteger", "negativeInteger"),
        *("int", "unsignedLong", "positiveInteger", "short", "unsignedInt", "byte"),
        *("unsignedShort", "unsignedByte"),
    )
}
_FLOATS = {_XSD + "float", _XSD + "double"}


class Term(NamedTuple):
    """What output needs of a term: kind (``uri``, ``bnode``, ``literal``), text, tag, type."""

    kind: str
    text: str
    language: str | None = None
    datatype: str | None = None


def term_parts(term) -> Term:
    """The :class:`Term` of an rdflib or a pyoxigraph term (``xsd:string`` is left implicit)."""
    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if term.language or datatype == _XSD + "string":
            return Term("literal", term.value, term.language or None)
        return Term("literal", term.value, None, datatype)
    from rdflib.term import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return Term("uri", str(term))
    if isinstance(term, BNode):
        return Term("bnode", str(term))
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype is not None else None
        if term.language or datatype == _XSD + "string":
            return Term("literal", str(term), term.language or None)
        return Term("literal", str(term), None, datatype)
    return Term("literal", str(term))


def _cell(term: Term | None) -> str:
    if term is None:
        return ""
    if term.kind == "uri":
        return shorten(term.text)
    return " ".join(term.text.split())


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


def _json_term(term: Term) -> dict:
    value: dict = {"type": term.kind, "value": term.text}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype:
        value["datatype"] = term.datatype
    return value


def _plain(term: Term | None):
    """A JSON value: numbers and booleans as such (as rdflib's ``toPython`` reads them)."""
    if term is None:
        return None
    if term.kind == "literal" and term.datatype:
        try:
            if term.datatype in _INTEGERS:
                return int(term.text)
            if term.datatype in _FLOATS:
                return float(term.text)
        except ValueError:
            return term.text
        if term.datatype == _XSD + "boolean":
            return term.text.lower() in ("1", "true")
    return term.text


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
    rows = [[None if t is None else term_parts(t) for t in row] for row in result.rows]
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
            writer.writerow([("" if t is None else t.text) for t in row])
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
