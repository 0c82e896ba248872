"""Query results in the W3C formats the SPARQL 1.1 Protocol serves.

SELECT and ASK: SPARQL Query Results JSON, XML, CSV and TSV (W3C Recommendations of 2013),
from rows of rdflib or pyoxigraph terms alike (:func:`vnrukg.results.term_parts`).
These differ from the CLI's ``--format csv|tsv|json`` where the standards ask for it: CSV has
CRLF line ends and plain values, TSV writes terms in Turtle syntax under ``?var`` headings.
CONSTRUCT and DESCRIBE: Turtle, N-Triples, JSON-LD and RDF/XML, from the deterministic
serializers of :mod:`vnrukg.export`.
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

from ..engine import QueryResult
from ..export import serialize
from ..results import term_parts
from .negotiation import Format

SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
ASK_COLUMN = "_askResult"  # what Jena names the one column of an ASK in CSV/TSV


def _json_term(term) -> dict[str, str]:
    kind, text, language, datatype = term_parts(term)
    value = {"type": kind, "value": text}
    if language:
        value["xml:lang"] = language
    elif datatype:
        value["datatype"] = datatype
    return value


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)})
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    payload = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(payload, ensure_ascii=False)


def _xml_term(term) -> str:
    kind, text, language, datatype = term_parts(term)
    if kind != "literal":
        return f"<{kind}>{escape(text)}</{kind}>"
    attrs = ""
    if language:
        attrs = f" xml:lang={quoteattr(language)}"
    elif datatype:
        attrs = f" datatype={quoteattr(datatype)}"
    return f"<literal{attrs}>{escape(text)}</literal>"


def to_xml(result: QueryResult) -> str:
    """SPARQL Query Results XML."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<sparql xmlns="{SPARQL_RESULTS_NS}">']
    if result.kind == "ASK":
        lines += ["  <head/>", f"  <boolean>{'true' if result.boolean else 'false'}</boolean>"]
    else:
        lines.append("  <head>")
        lines += [f"    <variable name={quoteattr(v)}/>" for v in result.variables]
        lines += ["  </head>", "  <results>"]
        for row in result.rows:
            lines.append("    <result>")
            for var, term in zip(result.variables, row, strict=True):
                if term is not None:
                    lines.append(
                        f"      <binding name={quoteattr(var)}>{_xml_term(term)}</binding>"
                    )
            lines.append("    </result>")
        lines.append("  </results>")
    lines.append("</sparql>")
    return "\n".join(lines) + "\n"


def _csv_value(term) -> str:
    if term is None:
        return ""
    kind, text, _, _ = term_parts(term)
    return f"_:{text}" if kind == "bnode" else text


def to_csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV: plain values, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.kind == "ASK":
        writer.writerows([[ASK_COLUMN], ["true" if result.boolean else "false"]])
        return buffer.getvalue()
    writer.writerow(result.variables)
    writer.writerows([_csv_value(t) for t in row] for row in result.rows)
    return buffer.getvalue()


_TURTLE_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _tsv_term(term) -> str:
    if term is None:
        return ""
    kind, text, language, datatype = term_parts(term)
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


def to_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results TSV: terms in Turtle syntax, ``?var`` headings."""
    if result.kind == "ASK":
        return f"?{ASK_COLUMN}\n{'true' if result.boolean else 'false'}\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


_TABLE_WRITERS = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}


def render(result: QueryResult, fmt: Format) -> bytes:
    """The body of a response carrying ``result`` in ``fmt``."""
    if fmt.graph:
        return serialize(result.graph, fmt.name)
    return _TABLE_WRITERS[fmt.name](result).encode("utf-8")


def content_type(fmt: Format) -> str:
    """The Content-Type header for a format (always UTF-8)."""
    return f"{fmt.media_type}; charset=utf-8"
