"""The query core: SPARQL text, the gate, terms, named queries, engines and the built store.

Layers, lowest first; a module imports only from those below it (``tests/test_architecture.py``
holds the package to it):

- :mod:`.terms` — the one term type that crosses the core's boundary, and every conversion;
- :mod:`.text` — the tokenizer, query headers and the rewrites for Oxigraph (no rdflib);
- :mod:`.result` — :class:`QueryResult`, the engine-neutral answer;
- :mod:`.gate` — the safety checks every query passes, and their remembered verdicts;
- :mod:`.named` — named queries and their parameters;
- :mod:`.engines` — the :class:`Engine` protocol, one module per engine, the registry;
- :mod:`.built` — the loaded graph persisted as an Oxigraph store.

The rest of the package (command line, server, views, exports) uses the core only through the
names below.
"""

from __future__ import annotations

from .built import BuiltStore, check_named_queries, open_store, store_dir, write_store
from .engines import DEFAULT_ENGINE, ENGINES, Engine, load_engine, make_engine, open_engine
from .gate import MAX_QUERY_BYTES, ForbiddenQuery, QueryChecks, check_size, prepare
from .named import (
    EngineLookup,
    Lookup,
    NamedQuery,
    Param,
    UnknownTerm,
    find_query,
    list_queries,
    load_query,
    parameter_term,
    search_queries,
)
from .result import Budget, QueryResult
from .terms import Row, Term, TermParts, fill, from_rdflib, parts, to_rdflib, to_rdflib_graph
from .text import HEADER_FIELDS, parse_header

__all__ = [
    "DEFAULT_ENGINE",
    "ENGINES",
    "HEADER_FIELDS",
    "MAX_QUERY_BYTES",
    "Budget",
    "BuiltStore",
    "Engine",
    "EngineLookup",
    "ForbiddenQuery",
    "Lookup",
    "NamedQuery",
    "Param",
    "QueryChecks",
    "QueryResult",
    "Row",
    "Term",
    "TermParts",
    "UnknownTerm",
    "check_named_queries",
    "check_size",
    "fill",
    "find_query",
    "from_rdflib",
    "list_queries",
    "load_engine",
    "load_query",
    "make_engine",
    "open_engine",
    "open_store",
    "parameter_term",
    "parse_header",
    "parts",
    "prepare",
    "search_queries",
    "store_dir",
    "to_rdflib",
    "to_rdflib_graph",
    "write_store",
]
