"""Two checkouts' named queries side by side, interleaved in one run: is a change slower?

A refactoring must not make any named query slower. Timings on a shared machine drift with
its load by more than the differences sought, so this runs one worker process per checkout
over the same synthetic graph and the same query texts (those of the ``--before`` checkout,
so that only the code differs), and asks the two workers in turn, alternating which goes
first, round after round; each reported figure is the median over rounds of each round's
median. A load spike then hits both sides alike::

    git worktree add ../before <commit>
    python bench/compare.py --before ../before                  # 100k triples, Oxigraph
    python bench/compare.py --before ../before --only timeline,sources --rounds 30

The worker imports vnrukg from its checkout (``sys.path``) with this interpreter; a checkout
from before the query core moved to ``vnrukg.sparql`` (commit eb8e95c and earlier) is asked
through its ``vnrukg.engine`` API.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
QUERY_DIRS = ("queries", "tests/fixtures/queries", "bench/queries")


def worker(root: Path, engine: str, data: Path, queries_root: Path) -> None:
    """Load ``data`` with ``engine`` from ``root``'s vnrukg, then answer 'NAME RUNS' lines on
    stdin with 'NAME MEDIAN_SECONDS ROWS'."""
    sys.path.insert(0, str(root))
    import pyoxigraph as ox

    try:
        from vnrukg.sparql import load_query
        from vnrukg.sparql.engines.oxigraph import OxigraphEngine
        from vnrukg.sparql.engines.rdflib import RdflibEngine

        extra: dict = {}
    except ImportError:  # a checkout from before vnrukg.sparql
        from vnrukg.engine import OxigraphEngine, RdflibEngine  # type: ignore[no-redef]
        from vnrukg.queries import load_query  # type: ignore[no-redef]

        extra = {"native": True}
    if engine == "rdflib":
        from rdflib import Graph

        graph = Graph()
        graph.parse(data, format="nt")
        runner = RdflibEngine(graph)
    else:
        store = ox.Store()
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)
        runner = OxigraphEngine(store)
    queries = {
        path.stem: load_query(path)
        for folder in QUERY_DIRS
        for path in sorted((queries_root / folder).glob("*.rq"))
    }
    print("ready", flush=True)
    for line in sys.stdin:
        name, runs = line.split()
        query = queries[name]
        bindings = query.bindings({})
        times, rows = [], 0
        for _ in range(int(runs)):
            start = time.perf_counter()
            rows = len(runner.query(query.text, bindings, **extra))
            times.append(time.perf_counter() - start)
        print(name, statistics.median(times), rows, flush=True)


class Worker:
    """A worker process of one checkout."""

    def __init__(self, root: Path, engine: str, data: Path, queries_root: Path) -> None:
        command = [sys.executable, __file__, "--worker", str(root), engine, str(data)]
        self.process = subprocess.Popen(
            [*command, str(queries_root)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        if self.ask_line() != "ready":
            raise SystemExit(f"the worker of {root} did not start")

    def ask_line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def time(self, name: str, runs: int) -> tuple[float, int]:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{name} {runs}\n")
        self.process.stdin.flush()
        _, seconds, rows = self.ask_line().split()
        return float(seconds), int(rows)

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait()


def names(before: Path, after: Path) -> list[str]:
    """The query names both checkouts have."""

    def stems(root: Path) -> set[str]:
        return {p.stem for folder in QUERY_DIRS for p in (root / folder).glob("*.rq")}

    return sorted(stems(before) & stems(after))


def compare(args: argparse.Namespace) -> int:
    before, after = Path(args.before).resolve(), Path(args.after).resolve()
    data = Path(args.data).resolve()
    if not data.is_file():
        raise SystemExit(f"{data}: no such file (make it with bench/generate.py or bench/run.py)")
    pair = [Worker(before, args.engine, data, before), Worker(after, args.engine, data, before)]
    wanted = args.only.split(",") if args.only else names(before, after)
    print(f"{args.engine}, {data.name}; median of {args.rounds} rounds × {args.runs} runs")
    print(f"{'query':34} {'before ms':>10} {'after ms':>10} {'after/before':>13} rows")
    ratios = []
    for name in wanted:
        times: list[list[float]] = [[], []]
        rows = [0, 0]
        for round_ in range(args.rounds):
            for side in (0, 1) if round_ % 2 == 0 else (1, 0):
                seconds, rows[side] = pair[side].time(name, args.runs)
                times[side].append(seconds)
        first, second = (statistics.median(t) for t in times)
        ratios.append(second / first)
        same = "" if rows[0] == rows[1] else f"  ROWS DIFFER {rows[0]} ≠ {rows[1]}"
        print(
            f"{name:34} {first * 1000:10.2f} {second * 1000:10.2f} {second / first:13.2f}"
            f" {rows[1]}{same}",
            flush=True,
        )
    for process in pair:
        process.close()
    print(
        f"median ratio {statistics.median(ratios):.2f}, geometric mean "
        f"{statistics.geometric_mean(ratios):.2f}; {sum(r < 1 for r in ratios)} of {len(ratios)}"
        f" faster; above 1.10: {sum(r > 1.1 for r in ratios)}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        root, engine, data, queries_root = argv[1:5]
        worker(Path(root), engine, Path(data), Path(queries_root))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", required=True, metavar="DIR", help="the earlier checkout")
    parser.add_argument("--after", default=str(ROOT), metavar="DIR", help="default: this one")
    parser.add_argument("--engine", choices=("oxigraph", "rdflib"), default="oxigraph")
    parser.add_argument("--data", default=str(HERE / "data" / "synthetic-100k.nt"))
    parser.add_argument("--rounds", type=int, default=8, help="alternating rounds (default 8)")
    parser.add_argument("--runs", type=int, default=7, help="runs per round (default 7)")
    parser.add_argument("--only", default="", metavar="A,B", help="only these queries")
    return compare(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
