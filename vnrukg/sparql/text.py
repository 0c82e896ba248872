"""SPARQL as text: a tokenizer, the header of a query file, and the rewrites for Oxigraph.

The lowest layer of :mod:`vnrukg.sparql`. Everything here works on tokens (strings, IRIs,
comments and prefixed names are recognised as such), never on raw substrings, and never
imports rdflib:

- :func:`guard` refuses the ``SERVICE`` keyword, wherever it is (pyoxigraph would send it);
- :func:`bind_values` binds parameters in every group pattern, as rdflib's ``initBindings``
  bind them everywhere (pyoxigraph's ``substitutions`` only accept projected variables);
- :func:`plain_group_concat` makes ``GROUP_CONCAT`` return a simple literal, as SPARQL 1.1 and
  rdflib do (Oxigraph keeps a language tag the values share);
- :func:`total_order` breaks the ties of a top-level ``ORDER BY`` by the projected values,
  so that both engines return rows in the same order (ties are otherwise each engine's own),
  unless the query's header (:func:`parse_header`) declares ``# order: total``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

import pyoxigraph as ox

from ..errors import ForbiddenQuery, VnrukgError

_TOKENS = re.compile(
    r"""
      (?P<comment>\#[^\n\r]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                 |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<pname>(?:[^\W\d][\w.\-\u00b7]*)?:
                (?:[\w\-.:\u00b7]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?\#@%])*)
    | (?P<word>[^\W\d]\w*)
    | (?P<other>\S)
    """,
    re.VERBOSE | re.DOTALL,
)


def tokens(text: str) -> list[re.Match[str]]:
    """The tokens of a SPARQL text, comments left out."""
    return [m for m in _TOKENS.finditer(text) if not m.group("comment")]


#: What :func:`skeleton` may blank out of a token: contents that mean the same to every SPARQL
#: reader (no quote, backslash, ``#``, bracket or ``<>`` inside), so that two texts with the
#: same skeleton differ only in which IRI, simple string or local name they name.
_BLANKABLE = {
    "iri": re.compile(r"<[A-Za-z][A-Za-z0-9+.\-]*:[A-Za-z0-9_~.\-/%:@]*>"),
    "string": re.compile(r"\"[^\"'\\\n\r#<>{}]*\"|'[^\"'\\\n\r#<>{}]*'"),
    "pname": re.compile(r"[A-Za-z][A-Za-z0-9_\-]*:[A-Za-z0-9_](?:[A-Za-z0-9_\-.]*[A-Za-z0-9_\-])?"),
}
_BLANKS = {"iri": "<>", "string": '""', "pname": ":_"}


def skeleton(text: str) -> str:
    """The text with each IRI, simple string and local name blanked (prefixes kept).

    Everything else is kept character for character: keywords, variables, numbers, language
    tags, punctuation, whitespace and comments. A query's form, projected variables and top-level
    order depend only on its skeleton, so a verdict on one text holds for every text with the
    same skeleton (:class:`vnrukg.sparql.gate.QueryChecks` shares allowed verdicts that way:
    looking up 500 entities is one parse, not 500). A token whose contents could mean something
    else to another reader (an escape, a quote, a ``#``) is kept as it is.
    """
    pieces: list[str] = []
    done = 0
    for token in tokens(text):
        kind = token.lastgroup or ""
        pattern = _BLANKABLE.get(kind)
        if pattern is None or not pattern.fullmatch(token.group()):
            continue
        blank = _BLANKS[kind]
        if kind == "pname":
            blank = token.group().split(":", 1)[0] + blank
        pieces.append(text[done : token.start()])
        pieces.append(blank)
        done = token.end()
    pieces.append(text[done:])
    return "".join(pieces)


def _is(token: re.Match[str], *words: str) -> bool:
    return bool(token.group("word")) and token.group().upper() in words


def keywords(text: str) -> set[str]:
    """The bare words of a SPARQL text (upper-cased), outside strings, IRIs and comments."""
    return {m.group().upper() for m in tokens(text) if m.group("word")}


def guard(text: str) -> None:
    """Refuse a query that Oxigraph would read as federated (``SERVICE``), whatever else."""
    if "SERVICE" in keywords(text):
        raise ForbiddenQuery(
            "SERVICE is not allowed: vnrukg never sends requests on a query's behalf"
        )


def _matching(toks: list[re.Match[str]], start: int, open_: str, close: str) -> int:
    """Index of the token closing the bracket opened at ``toks[start]``."""
    depth = 0
    for index in range(start, len(toks)):
        depth += {open_: 1, close: -1}.get(toks[index].group(), 0)
        if depth == 0:
            return index
    return len(toks) - 1


def _group_braces(toks: list[re.Match[str]]) -> list[int]:
    """Indexes of the ``{`` that open group graph patterns (not templates, not VALUES data)."""
    found: list[int] = []
    index = 0
    while index < len(toks):
        token = toks[index]
        if _is(token, "VALUES", "CONSTRUCT"):
            after = index + 1
            if _is(token, "CONSTRUCT") and after < len(toks) and _is(toks[after], "WHERE"):
                return []  # CONSTRUCT WHERE { triples }: no group to bind in
            while after < len(toks) and toks[after].group() != "{":
                after += 1
            index = _matching(toks, after, "{", "}") + 1 if after < len(toks) else after
            continue
        if token.group() == "{" and not (index + 1 < len(toks) and _is(toks[index + 1], "SELECT")):
            found.append(index)  # `{ SELECT … }` holds nothing but the sub-query
        index += 1
    return found


def bind_values(text: str, values: Mapping[str, object]) -> str:
    """The query with its parameters bound by a one-row ``VALUES`` block in every group.

    rdflib's ``initBindings`` bind a variable everywhere in the query, nested groups and
    sub-SELECTs included; a ``VALUES`` at the start of every group graph pattern does the same
    for Oxigraph. The block is written from RDF terms serialised by pyoxigraph, never from
    user text, and variable names are checked, so a value cannot change what the query does.
    """
    if not values:
        return text
    for name, term in values.items():
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise VnrukgError(f"bad parameter name {name!r}")
        if not isinstance(term, ox.NamedNode | ox.Literal):
            raise VnrukgError(f"parameter {name}: only IRIs and literals can be bound")
    toks = tokens(text)
    for index in sorted(_group_braces(toks), reverse=True):
        close = _matching(toks, index, "{", "}")
        used = {t.group()[1:] for t in toks[index:close] if t.group("var")}
        bound = {name: term for name, term in values.items() if name in used}
        if not bound:
            continue  # a group that never names a parameter is the same with or without it
        names = " ".join(f"?{name}" for name in bound)
        row = " ".join(str(term) for term in bound.values())
        cut = toks[index].end()
        text = text[:cut] + f" VALUES ({names}) {{ ({row}) }} " + text[cut:]
    return text


def plain_group_concat(text: str) -> str:
    """Wrap every ``GROUP_CONCAT(…)`` in ``STR(…)``: a simple literal, as in SPARQL 1.1."""
    toks = tokens(text)
    inserts: list[tuple[int, str]] = []
    for index, token in enumerate(toks[:-1]):
        if _is(token, "GROUP_CONCAT") and toks[index + 1].group() == "(":
            close = _matching(toks, index + 1, "(", ")")
            inserts += [(token.start(), "STR("), (toks[close].end(), ")")]
    for position, insert in sorted(inserts, reverse=True):
        text = text[:position] + insert + text[position:]
    return text


_HEADER = re.compile(r"^#\s*(\w+)\s*:\s*(.*)$")
#: The fields a query header may have (``order: total``: see :func:`total_order`).
HEADER_FIELDS = ("title", "description", "param", "tags", "order")


def parse_header(text: str) -> dict[str, list[str]]:
    """The header fields of a query file (``# key: value`` lines before the query)."""
    fields: dict[str, list[str]] = {}
    last: str | None = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if match and match.group(1).lower() in HEADER_FIELDS:
            last = match.group(1).lower()
            fields.setdefault(last, []).append(match.group(2).strip())
        elif last and line[1:].strip() and line[1:2].isspace() and line[2:3].isspace():
            fields[last][-1] += " " + line[1:].strip()
    return fields


def declares_total_order(text: str) -> bool:
    """Whether the query's header says ``# order: total``: its own ``ORDER BY`` keys already
    tell every two different rows apart, so no keys need adding (:func:`total_order`)."""
    return any(value.lower() == "total" for value in parse_header(text).get("order", []))


def total_order(text: str, variables: list[str]) -> str:
    """Add the projected variables (as strings) as the last keys of a top-level ``ORDER BY``.

    Rows that the query's own keys leave tied come out in an engine's own order; with these
    keys both engines break ties alike. The order the query asks for is kept. A query whose
    header declares ``# order: total`` is left as it is: the keys cost a string per value and
    row (half a millisecond on `statements` over the curated graph), and its own keys
    already decide (``tests/test_engine.py`` checks the declaration on the data it has).
    """
    if declares_total_order(text):
        return text
    toks = tokens(text)
    depth, at = 0, None
    for index, token in enumerate(toks[:-1]):
        depth += {"{": 1, "}": -1}.get(token.group(), 0)
        if depth == 0 and _is(token, "ORDER") and _is(toks[index + 1], "BY"):
            at = index
    if at is None or not variables:
        return text
    last, parens = toks[at + 1], 0
    for token in toks[at + 2 :]:
        if parens == 0 and _is(token, "LIMIT", "OFFSET", "VALUES"):
            break
        parens += {"(": 1, ")": -1}.get(token.group(), 0)
        last = token
    keys = "".join(f' COALESCE(STR(?{v}), "")' for v in variables if re.fullmatch(r"\w+", v))
    return text[: last.end()] + keys + text[last.end() :]


@functools.lru_cache(maxsize=1024)
def for_oxigraph(
    text: str, order: tuple[str, ...] | None, values: tuple[tuple[str, object], ...]
) -> str:
    """The text Oxigraph runs: ties broken (``order``: the projected variables, if ordered),
    ``GROUP_CONCAT`` plain, parameters bound; refused if it holds ``SERVICE``. Remembered,
    so that a query run again is not tokenized again.
    """
    if order is not None:
        text = total_order(text, list(order))
    text = bind_values(plain_group_concat(text), dict(values))
    guard(text)
    return text
