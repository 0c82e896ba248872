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

from ..project import find_project
from ..results import render
from ..sparql import Engine, QueryResult, Term, make_engine, prepare
from ..store import load
from . import sandbox
from .negotiation import GRAPH, TABLE, for_result
from .replies import Reply, from_exception

MAX_ROWS_HEADER = "X-SPARQL-MaxRows"  # the header Virtuoso sends when it cuts a result


@dataclass(frozen=True)
class WorkerSettings:
    """What a worker needs to start: the project, the engine, its limits."""

    root: str
    engine: str = "oxigraph"
    max_rows: int = 10_000
    memory_mb: int = 2048


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


def answer(engine: Engine, job: Job, max_rows: int) -> Reply:
    """Run a job and write its result in the negotiated format; errors become JSON replies."""
    try:
        prepare(job.text)  # the gate for every engine: syntax, updates, SERVICE, FROM
        result = engine.query(job.text, job.bindings or None)
        fmt = for_result(result.kind, job.accept, list(job.override))
        headers = {MAX_ROWS_HEADER: str(max_rows)} if cap(result, max_rows) else {}
        return Reply(200, fmt.content_type, render(result, fmt), headers)
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
    kg = load(find_project(settings.root))
    engine = make_engine(kg.graph, settings.engine)
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
        conn.send(answer(engine, job, settings.max_rows))


if __name__ == "__main__":  # started by the pool: python -m vnrukg.server.worker FD SETTINGS
    main(Connection(int(sys.argv[1])), WorkerSettings(**json.loads(sys.argv[2])))
