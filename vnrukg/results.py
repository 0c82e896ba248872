"""Write query results: what ``vnrukg query`` prints, and the W3C formats the endpoint serves.

Rows hold the core's one term type (:data:`vnrukg.sparql.Term`), read through
:func:`vnrukg.sparql.parts`, so the output is the same byte for byte whichever engine answered.
The writers are registered in :mod:`vnrukg.formats` (``table``, ``csv``, ``tsv``, ``json``,
``jsonl`` for the command line; SPARQL 1.1 Query Results JSON, XML, CSV and TSV for the
endpoint). The two differ where the standards ask for it: W3C CSV has CRLF line ends, W3C TSV
writes terms in Turtle syntax under ``?var`` headings, W3C JSON is compact.

These writers are our own, not pyoxigraph's ``QuerySolutions.serialize``: that serializer
takes only the solutions of a pyoxigraph query, not rows (the rdflib engine's, a result cut
to the endpoint's row limit), and its bytes differ from these (compact XML on one line, numbers
in Turtle short form in TSV), which the endpoint's clients and tests already read;
``tests/test_results.py`` shows both. Nothing here imports rdflib unless a graph is written.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import unicodedata
from collections.abc import Callable

from . import formats
from .errors import UsageError
from .namespaces import shorten
from .sparql import QueryResult, Term, TermParts, parts, to_rdflib_graph

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
SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
ASK_COLUMN = "_askResult"  # what Jena names the one column of an ASK in CSV/TSV


def _parts(row: tuple[Term | None, ...]) -> list[TermParts | None]:
    return [None if t is None else parts(t) for t in row]


# --- the command line ---------------------------------------------------------------------------


def _cell(term: TermParts | None) -> str:
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


def _json_term(term: TermParts) -> dict[str, str]:
    value = {"type": term.kind, "value": term.text}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype:
        value["datatype"] = term.datatype
    return value


def _plain(term: TermParts | None) -> str | int | float | bool | None:
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


def _ask(result: QueryResult) -> bool:
    return bool(result.boolean)


def write_table(result: QueryResult, max_width: int | None = None) -> str:
    """Aligned columns (or one block per row), then the number of rows."""
    if result.kind == "ASK":
        return ("true" if _ask(result) else "false") + "\n"
    table = [[_cell(t) for t in _parts(row)] for row in result.rows]
    return render_table(result.variables, table, max_width)


def _delimited(result: QueryResult, delimiter: str) -> str:
    if result.kind == "ASK":
        return ("true" if _ask(result) else "false") + "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else t.text for t in _parts(row)])
    return buffer.getvalue()


def write_csv(result: QueryResult, max_width: int | None = None) -> str:
    """Comma-separated values: a heading row, then plain values."""
    return _delimited(result, ",")


def write_tsv(result: QueryResult, max_width: int | None = None) -> str:
    """Tab-separated values: a heading row, then plain values."""
    return _delimited(result, "\t")


def write_json(result: QueryResult, max_width: int | None = None) -> str:
    """SPARQL 1.1 Query Results JSON, indented."""
    if result.kind == "ASK":
        return json.dumps({"head": {}, "boolean": _ask(result)}) + "\n"
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in map(_parts, result.rows)
    ]
    payload = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def write_jsonl(result: QueryResult, max_width: int | None = None) -> str:
    """One JSON object per row, numbers and booleans as such."""
    if result.kind == "ASK":
        return json.dumps({"boolean": _ask(result)}) + "\n"
    return "".join(
        json.dumps(
            {v: _plain(t) for v, t in zip(result.variables, row, strict=True)}, ensure_ascii=False
        )
        + "\n"
        for row in map(_parts, result.rows)
    )


def format_select(result: QueryResult, fmt: str, max_width: int | None = None) -> str:
    """A SELECT or ASK result in one of the command line's result formats."""
    if fmt not in formats.names(formats.RESULTS):
        choices = ", ".join(formats.names(formats.RESULTS))
        raise UsageError(f"unknown result format {fmt!r}: choose one of {choices}")
    text: str = formats.get(fmt, [formats.RESULTS]).write(result, max_width)
    return text


def format_graph(result: QueryResult, fmt: str) -> str:
    """A CONSTRUCT or DESCRIBE result in one of the RDF graph formats, deterministically."""
    if fmt not in formats.names(formats.GRAPH):
        raise UsageError(
            f"unknown RDF format {fmt!r} for a graph result: choose one of "
            f"{', '.join(formats.names(formats.GRAPH))}"
        )
    data: bytes = formats.get(fmt, [formats.GRAPH]).write(to_rdflib_graph(result.triples or []))
    return data.decode("utf-8")


# --- the endpoint: SPARQL 1.1 Query Results -----------------------------------------------------


def sparql_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ASK":
        return json.dumps({"head": {}, "boolean": _ask(result)})
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in map(_parts, result.rows)
    ]
    payload = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(payload, ensure_ascii=False)


def _xml_term(term: TermParts, escape: Callable[[str], str], quote: Callable[[str], str]) -> str:
    kind, text, language, datatype = term
    if kind != "literal":
        return f"<{kind}>{escape(text)}</{kind}>"
    attrs = ""
    if language:
        attrs = f" xml:lang={quote(language)}"
    elif datatype:
        attrs = f" datatype={quote(datatype)}"
    return f"<literal{attrs}>{escape(text)}</literal>"


def sparql_xml(result: QueryResult) -> str:
    """SPARQL Query Results XML."""
    # xml.sax imports urllib, http and email (0.1 s): a cold `vnrukg query` writes no XML
    from xml.sax.saxutils import escape, quoteattr

    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<sparql xmlns="{SPARQL_RESULTS_NS}">']
    if result.kind == "ASK":
        lines += ["  <head/>", f"  <boolean>{'true' if _ask(result) else 'false'}</boolean>"]
    else:
        lines.append("  <head>")
        lines += [f"    <variable name={quoteattr(v)}/>" for v in result.variables]
        lines += ["  </head>", "  <results>"]
        for row in map(_parts, result.rows):
            lines.append("    <result>")
            for var, term in zip(result.variables, row, strict=True):
                if term is not None:
                    value = _xml_term(term, escape, quoteattr)
                    lines.append(f"      <binding name={quoteattr(var)}>{value}</binding>")
            lines.append("    </result>")
        lines.append("  </results>")
    lines.append("</sparql>")
    return "\n".join(lines) + "\n"


def _csv_value(term: TermParts | None) -> str:
    if term is None:
        return ""
    return f"_:{term.text}" if term.kind == "bnode" else term.text


def sparql_csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV: plain values, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.kind == "ASK":
        writer.writerows([[ASK_COLUMN], ["true" if _ask(result) else "false"]])
        return buffer.getvalue()
    writer.writerow(result.variables)
    writer.writerows([_csv_value(t) for t in _parts(row)] for row in result.rows)
    return buffer.getvalue()


_TURTLE_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _tsv_term(term: TermParts | None) -> str:
    if term is None:
        return ""
    kind, text, language, datatype = term
    if kind == "uri":
        return f"<{text}>"
    if kind == "bnode":
        return f"_:{text}"
    quoted = f'"{text.translate(_TURTLE_ESCAPES)}"'
    if language:
        return f"{quoted}@{language}"
    if datatype:
        return f"{quoted}^^<{datatype}>"
    return quoted


def sparql_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results TSV: terms in Turtle syntax, ``?var`` headings."""
    if result.kind == "ASK":
        return f"?{ASK_COLUMN}\n{'true' if _ask(result) else 'false'}\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in _parts(row)) for row in result.rows]
    return "\n".join(lines) + "\n"


def render(result: QueryResult, fmt: formats.Format) -> bytes:
    """The body of a response carrying ``result`` in ``fmt`` (a graph or a results format)."""
    if fmt.kind == formats.GRAPH:
        data: bytes = fmt.write(to_rdflib_graph(result.triples or []))
        return data
    text: str = fmt.write(result)
    return text.encode("utf-8")
