"""A query worker: a separate process that loads the graph and answers one query at a time.

rdflib's evaluator cannot be interrupted from inside, so queries run here, where the server
can kill a runaway query by killing the process (:mod:`vnrukg.server.pool`). The worker builds
its own engine by name (``make_engine(kg.graph, name)``), so every engine works the same way, and it
shuts itself in (:mod:`vnrukg.server.sandbox`) before it takes its first query.
"""

from __future__ import annotations

import json
import resource
import signal
import sys
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

from ..formats import GRAPH as GRAPH_KIND
from ..formats import Format
from ..project import find_project
from ..sparql import Budget, Engine, QueryResult, Term, load_engine, make_engine
from ..store import load
from . import sandbox
from .capped import Cut, note_rows, write_graph, write_table
from .negotiation import GRAPH, TABLE, for_result
from .replies import Reply, from_exception


@dataclass(frozen=True)
class WorkerSettings:
    """What a worker needs to start: the project, the engine, its limits."""

    root: str
    engine: str = "oxigraph"
    max_rows: int = 10_000
    memory_mb: int = 2048
    max_bytes: int = 16 * 1024 * 1024
    dataset: str = ""  # N-Quads the server wrote (server.dumps); else the project is loaded


@dataclass(frozen=True)
class Job:
    """One query to answer, with its parameters and what the client accepts."""

    text: str
    bindings: dict[str, Term] = field(default_factory=dict)
    accept: str | None = None
    override: tuple[str, ...] = ()


def cap(result: QueryResult, max_rows: int) -> bool:
    """Cut a result to ``max_rows`` rows (or triples); True when something was cut."""
    if result.kind == "SELECT" and len(result.rows) > max_rows:
        result.rows = result.rows[:max_rows]
        return True
    if result.triples is not None and len(result.triples) > max_rows:
        result.triples = sorted(result.triples, key=str)[:max_rows]
        return True
    return False


def write(result: QueryResult, fmt: Format, max_rows: int, max_bytes: int) -> Reply:
    """The reply carrying ``result`` cut to ``max_rows`` and ``max_bytes``, saying so if cut."""
    by_rows = Cut("rows", max_rows, max_rows) if cap(result, max_rows) else None
    if fmt.kind == GRAPH_KIND:
        body, by_bytes = write_graph(result, fmt, max_bytes)
    else:
        body, by_bytes = write_table(result, fmt, max_bytes)
    if by_rows is not None and by_bytes is None:
        body = note_rows(body, fmt, by_rows)
    headers: dict[str, str] = {}
    for cut in (by_rows, by_bytes):
        headers.update(cut.header if cut else {})
    return Reply(200, fmt.content_type, body, headers)


def answer(engine: Engine, job: Job, max_rows: int, max_bytes: int = 16 << 20) -> Reply:
    """Run a job and write its result in the negotiated format; errors become JSON replies."""
    try:
        # every engine passes the text through the gate first (syntax, updates, SERVICE,
        # FROM): Oxigraph's through its remembered verdicts, rdflib's by parsing it.
        # a SELECT stops at what may be sent: the worker never holds the rest
        budget = Budget(max_rows, max_bytes)
        result = engine.query(job.text, job.bindings or None, budget=budget)
        fmt = for_result(result.kind, job.accept, list(job.override))
        return write(result, fmt, max_rows, max_bytes)
    except Exception as exc:  # every failure goes back to the client as JSON
        return from_exception(exc)


_WARM_UP = (
    "SELECT * WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), 'a', 'i')) } LIMIT 2",
    "ASK { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 2",
    "DESCRIBE ?s WHERE { ?s ?p ?o } LIMIT 1",
    "SELECT ?x (COUNT(*) AS ?n) WHERE { VALUES ?x { 1 'a'@en } } GROUP BY ?x ORDER BY ?x",
    "SELECT * WHERE { ?s ?p",
)


def warm_up(engine: Engine) -> None:
    """Run one query of each kind in every format, so that no import happens after sealing."""
    for text in _WARM_UP:
        kind = text.split()[0]
        for fmt in GRAPH if kind in ("CONSTRUCT", "DESCRIBE") else TABLE:
            answer(engine, Job(text, override=(fmt.media_type,)), 10)


def _limit_memory(megabytes: int) -> None:
    with open("/proc/self/statm") as handle:
        used = int(handle.read().split()[0]) * resource.getpagesize()
    limit = used + megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _start(settings: WorkerSettings) -> Engine:
    if settings.dataset:
        engine = load_engine(settings.dataset, settings.engine)
    else:
        engine = make_engine(load(find_project(settings.root)).graph, settings.engine)
    warm_up(engine)
    return engine


def main(conn: Connection, settings: WorkerSettings) -> None:
    """The worker's life: shut in, load, say ready, then answer jobs until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops us
    sandbox.isolate_network()
    try:
        engine = _start(settings)
        _limit_memory(settings.memory_mb)
    except Exception as exc:
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    sandbox.seal()
    conn.send(("ready", sandbox.describe()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(answer(engine, job, settings.max_rows, settings.max_bytes))


if __name__ == "__main__":  # started by the pool: python -m vnrukg.server.worker FD SETTINGS
    main(Connection(int(sys.argv[1])), WorkerSettings(**json.loads(sys.argv[2])))
