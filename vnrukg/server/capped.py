"""A query result written up to a row and a byte limit, saying in the body that it was cut.

A one-row query can return hundreds of megabytes (a long string built by ``CONCAT``): the
worker writes the result row by row (:func:`vnrukg.results.sparql_row`) and stops before the
row that would pass ``max_bytes``, judging a row by the length of its values *before* writing
it, so it never builds a body larger than the cap. Graph results (CONSTRUCT, DESCRIBE) are
measured the same way, as N-Triples lines, and written in the asked format from the triples
that fit. A cut result says so in its body, in the format's own way — a ``"truncated"`` member
in JSON, a comment in XML, Turtle and N-Triples, a last ``#`` line in CSV and TSV — and the
response carries ``X-SPARQL-MaxRows`` (rows) or ``X-SPARQL-MaxBytes`` (bytes).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..formats import GRAPH, Format
from ..results import render, sparql_head, sparql_row, sparql_tail
from ..sparql import QueryResult, parts

MAX_ROWS_HEADER = "X-SPARQL-MaxRows"  # the header Virtuoso sends when it cuts a result
MAX_BYTES_HEADER = "X-SPARQL-MaxBytes"
NOTE_ROOM = 400  # bytes kept for the note that says where and why the result was cut


@dataclass(frozen=True)
class Cut:
    """Why a result was cut: at ``limit`` (``rows`` or ``bytes``) of ``size``, after ``kept``."""

    limit: str
    size: int
    kept: int

    @property
    def message(self) -> str:
        """The note, without commas (so that it stays one cell in CSV)."""
        if self.limit == "rows":
            where = f"result cut at {self.size} rows or triples (the server's limit)"
        else:
            where = f"result cut after {self.kept} rows or triples at {self.size} bytes"
            where += " (the server's limit)"
        return where + "; add LIMIT and OFFSET to page through the rest"

    @property
    def header(self) -> dict[str, str]:
        name = MAX_ROWS_HEADER if self.limit == "rows" else MAX_BYTES_HEADER
        return {name: str(self.size)}


def _note(fmt: Format, cut: Cut) -> str:
    text = cut.message
    if fmt.name in ("csv", "tsv", "ttl", "nt"):
        return f"# {text}\n" if fmt.name != "csv" else f"# {text}\r\n"
    return f"<!-- {text} -->\n"  # xml (results or RDF/XML)


def _estimate(values: list[str]) -> int:
    return sum(len(v.encode("utf-8")) for v in values)


def write_table(result: QueryResult, fmt: Format, max_bytes: int) -> tuple[bytes, Cut | None]:
    """A SELECT or ASK result in a W3C results format, at most ``max_bytes`` long."""
    head = sparql_head(result, fmt.name)
    out, size = [head], len(head.encode("utf-8"))
    budget = max_bytes - NOTE_ROOM
    cut = None
    for index, row in enumerate(result.rows if result.kind == "SELECT" else []):
        values = [p.text for p in map(parts, (t for t in row if t is not None))]
        if size + _estimate(values) > budget:  # too large before it is even written
            cut = Cut("bytes", max_bytes, index)
            break
        piece = sparql_row(result, fmt.name, index)
        size += len(piece.encode("utf-8"))
        if size > budget:
            cut = Cut("bytes", max_bytes, index)
            break
        out.append(piece)
    return _close(result, fmt, out, cut), cut


def _close(result: QueryResult, fmt: Format, out: list[str], cut: Cut | None) -> bytes:
    tail = sparql_tail(result, fmt.name)
    if cut is None:
        return "".join([*out, tail]).encode("utf-8")
    if fmt.name == "json":
        note = json.dumps({"limit": cut.limit, "size": cut.size, "message": cut.message})
        return "".join([*out, ']}, "truncated": ', note, "}"]).encode("utf-8")
    if fmt.name == "xml":
        return "".join([*out, "  </results>\n  ", _note(fmt, cut), "</sparql>\n"]).encode()
    return "".join([*out, tail, _note(fmt, cut)]).encode("utf-8")


def note_rows(body: bytes, fmt: Format, cut: Cut) -> bytes:
    """Add the note of a row cut to a body written whole (the rows were cut before)."""
    text = body.decode("utf-8")
    if fmt.kind == GRAPH:
        return _graph_note(text, fmt, cut).encode("utf-8")
    if fmt.name == "json":
        note = json.dumps({"limit": cut.limit, "size": cut.size, "message": cut.message})
        return (text.rstrip()[:-1] + ', "truncated": ' + note + "}").encode("utf-8")
    if fmt.name == "xml":
        closing = text.rindex("</sparql>")
        return (text[:closing] + "  " + _note(fmt, cut) + text[closing:]).encode("utf-8")
    return (text + _note(fmt, cut)).encode("utf-8")


def _graph_note(text: str, fmt: Format, cut: Cut) -> str:
    if fmt.name == "jsonld":
        data = json.loads(text)
        wrapped = data if isinstance(data, dict) else {"@graph": data}
        # a member that is neither a keyword nor a term of the context: JSON-LD processors
        # drop it on expansion, so the data is unchanged; people and scripts can read it
        wrapped["truncated"] = {"limit": cut.limit, "size": cut.size, "message": cut.message}
        return json.dumps(wrapped, ensure_ascii=False, indent=2) + "\n"
    if fmt.name == "xml":
        closing = text.rindex("</rdf:RDF>")
        return text[:closing] + _note(fmt, cut) + text[closing:]
    return text + ("" if text.endswith("\n") else "\n") + _note(fmt, cut)


def write_graph(result: QueryResult, fmt: Format, max_bytes: int) -> tuple[bytes, Cut | None]:
    """A CONSTRUCT or DESCRIBE result in an RDF format, at most ``max_bytes`` long."""
    triples = result.triples or []
    budget, size, fits = max_bytes - NOTE_ROOM, 0, 0
    for triple in triples:
        size += len(str(triple).encode("utf-8")) + 3  # its N-Triples line, near enough
        if size > budget:
            break
        fits += 1
    if fits == len(triples):
        body = render(result, fmt)
        if len(body) <= max_bytes:
            return body, None
        fits = len(triples) // 2
    while True:  # Turtle is shorter than N-Triples, JSON-LD and RDF/XML may be longer
        part = QueryResult(result.kind, result.variables, triples=triples[:fits])
        body = render(part, fmt)
        if len(body) <= budget or fits == 0:
            cut = Cut("bytes", max_bytes, fits)
            return _graph_note(body.decode("utf-8"), fmt, cut).encode("utf-8"), cut
        fits //= 2
