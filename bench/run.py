"""Benchmark rdflib against Oxigraph on synthetic graphs, side by side, in one run.

For each size (10k, 100k, 1M triples by default) and each engine, a fresh worker process
loads the synthetic graph (N-Triples, made by ``bench/generate.py`` and kept in
``bench/data/``), runs every named query (the project's ``queries/`` and the fixture queries,
plus two query-shape demonstrations) through the vnrukg engine API, exports the graph, and
reports load time, peak memory (max RSS), each query's p50/p95 and export time. Then the
growth exponent from the smallest to the largest size, a cold-start comparison of ``vnrukg
query NAME`` against a plain rdflib script on the curated graph, the warm p50 of each named
query on the curated graph, and the targets of issue 6, each marked met or not.

It is not a test: it takes minutes (rdflib at 1M triples dominates) and prints a report::

    python bench/run.py                       # everything (about 10-20 minutes)
    python bench/run.py --sizes 10k,100k      # quicker
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
QUERY_DIRS = [ROOT / "queries", ROOT / "tests" / "fixtures" / "queries", HERE / "queries"]
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
#: The project's named queries: the targets are about these (the table also shows the test
#: fixtures' queries and the two query-shape demonstrations).
PROJECT_QUERIES = {path.stem for path in (ROOT / "queries").glob("*.rq")}


# --- measuring ----------------------------------------------------------------------------------


def timed(action, budget: float, max_runs: int = 20) -> list[float]:
    """Run ``action`` repeatedly within ``budget`` seconds; the durations of the counted runs.

    A fast query gets one uncounted warm-up run and up to ``max_runs`` counted ones; a slow
    one (a first run over a third of the budget) is counted once.
    """
    started = time.perf_counter()
    action()
    first = time.perf_counter() - started
    if first > budget / 3 or first > 2:
        return [first]
    times: list[float] = []
    spent = first
    while len(times) < max_runs and spent < budget:
        t = time.perf_counter()
        action()
        times.append(time.perf_counter() - t)
        spent += times[-1]
    return times


def p(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def named_queries(extra: list[Path]) -> list:
    from vnrukg.sparql import load_query

    found: dict[str, object] = {}
    for folder in [*QUERY_DIRS, *extra]:
        for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
            query = load_query(path)
            if all(p.optional or p.default is not None for p in query.params):
                found.setdefault(query.name, query)
    return list(found.values())


class Expired(BaseException):
    """A query ran past the cap (a BaseException, so that no ``except Exception`` eats it)."""


@contextlib.contextmanager
def deadline(seconds: float):
    """Raise :class:`Expired` in the main thread after ``seconds`` (rdflib runs in Python)."""

    def expire(signum, frame):
        raise Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def load_only(engine: str, data: Path, lenient: bool = False) -> dict:
    """Only parse ``data`` (Turtle or N-Triples, by its suffix) with one engine.

    ``lenient`` lets Oxigraph skip validating IRIs and language tags (rdflib's parsers do not
    validate them either); it changes nothing for rdflib. A ``data`` folder is a built
    Oxigraph store (:func:`ensure_store`): it is opened read-only, as ``vnrukg query`` opens
    the project's, and asked one query.
    """
    import pyoxigraph as ox

    if data.is_dir():
        started = time.perf_counter()
        store = ox.Store.read_only(str(data))
        assert bool(store.query("ASK { ?s ?p ?o }"))
        return {"load": time.perf_counter() - started, "triples": built_size(data)}
    turtle = data.suffix == ".ttl"
    started = time.perf_counter()
    if engine == "rdflib":
        from rdflib import Graph

        graph = Graph()
        graph.parse(str(data), format="turtle" if turtle else "nt")
        size = len(graph)
    else:
        store = ox.Store()
        kind = ox.RdfFormat.TURTLE if turtle else ox.RdfFormat.N_TRIPLES
        store.bulk_load(path=str(data), format=kind, lenient=lenient)
        size = len(store)
    return {"load": time.perf_counter() - started, "triples": size}


def worker(engine: str, data: Path, budget: float, cap: float) -> dict:
    """Load, query and export with one engine; everything measured in this process."""
    import pyoxigraph as ox

    from vnrukg.sparql.engines.oxigraph import OxigraphEngine
    from vnrukg.sparql.engines.rdflib import RdflibEngine

    report: dict = {"engine": engine, "queries": {}, "rows": {}}
    started = time.perf_counter()
    if engine == "rdflib":
        from rdflib import Graph

        graph = Graph()
        graph.parse(str(data), format="nt")
        runner = RdflibEngine(graph)
        size = len(graph)
    else:
        store = ox.Store()
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)
        runner = OxigraphEngine(store)
        size = len(store)
    report["load"] = time.perf_counter() - started
    report["triples"] = size

    # the terms the engine answers with, as the endpoint and `vnrukg query` write them
    def ask(text, bindings):
        return runner.query(text, bindings)

    for query in named_queries([]):
        bindings = query.bindings({})
        try:
            with deadline(cap):
                result = ask(query.text, bindings)
        except Expired:
            report["queries"][query.name] = [float("inf")]  # gave up: slower than the cap
            continue
        report["rows"][query.name] = len(result)
        report["queries"][query.name] = timed(lambda q=query, b=bindings: ask(q.text, b),
                                              budget)  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "export.nt"
        started = time.perf_counter()
        if engine == "rdflib":
            graph.serialize(str(target), format="nt", encoding="utf-8")
        else:
            store.dump(str(target), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        report["export"] = time.perf_counter() - started
    report["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return report


def run_worker(engine: str, data: Path, args, *, load: str = "", steps=None) -> dict | None:
    """A fresh process measuring one engine; ``load`` ("strict", "lenient"): only parse.

    The run is a step of ``steps`` (a progress display's task), when given.
    """
    if steps is not None:
        steps.step(f"{data.stem.removeprefix('synthetic-')} {engine} {load or 'queries'}")
    budget, timeout = args.budget, args.timeout
    command = [sys.executable, __file__, "--worker", engine, "--data", str(data),
               "--budget", str(budget), "--cap", str(args.cap)]  # fmt: skip
    if load:
        command += ["--load-only", load]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        print(f"  {engine}: gave up after {timeout:.0f} s", flush=True)
        return None
    except subprocess.CalledProcessError as exc:
        print(f"  {engine}: failed\n{exc.stderr}", flush=True)
        return None
    return json.loads(done.stdout)


def ensure_data(label: str, triples: int, folder: Path) -> Path:
    path = folder / f"synthetic-{label}.nt"
    if not path.exists():
        print(f"generating {path.name} …", flush=True)
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--triples", str(triples), "-o", str(path)],
            check=True,
        )
    return path


def ensure_turtle(data: Path) -> Path:
    """The same graph as Turtle with the project's prefixes (the format curators write)."""
    import pyoxigraph as ox

    from vnrukg.namespaces import PREFIXES

    path = data.with_suffix(".ttl")
    if not path.exists() or path.stat().st_mtime < data.stat().st_mtime:
        store = ox.Store()
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)
        temporary = path.with_suffix(".ttl.tmp")
        store.dump(str(temporary), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(),
                   prefixes=PREFIXES)  # fmt: skip
        temporary.replace(path)
    return path


def ensure_store(data: Path) -> Path:
    """The same graph as a built Oxigraph store on disk, made once (not timed) and kept."""
    import pyoxigraph as ox

    path = data.with_suffix(".oxigraph")
    if not path.exists() or path.stat().st_mtime < data.stat().st_mtime:
        temporary = path.with_suffix(".oxigraph.tmp")
        shutil.rmtree(temporary, ignore_errors=True)
        store = ox.Store(str(temporary))
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)
        store.optimize()
        (temporary / "triples").write_text(str(len(store)))
        del store
        shutil.rmtree(path, ignore_errors=True)
        temporary.rename(path)
    return path


def built_size(path: Path) -> int:
    return int((path / "triples").read_text())


# --- printing -----------------------------------------------------------------------------------


def ms(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds == float("inf"):
        return "gave up"
    return f"{seconds * 1000:,.1f} ms" if seconds < 1 else f"{seconds:,.2f} s"


def ratio(slow: float | None, fast: float | None) -> str:
    if not slow or not fast:
        return "-"
    if slow == float("inf"):
        return "∞"
    return f"{slow / fast:,.1f}×"


def print_size(label: str, reports: dict) -> None:
    rd, ox = reports.get("rdflib"), reports.get("oxigraph")
    triples = (ox or rd or {}).get("triples", 0)
    print(f"\n## {label}: {triples:,} triples\n")
    print(f"{'':34} {'rdflib':>22} {'oxigraph':>22} {'speed-up':>9}")
    for key, name in (("load", "load (N-Triples)"), ("load_turtle", "load (Turtle)"),
                      ("load_lenient", "load (N-Triples, lenient)"),
                      ("ready", "ready to query (built store)"),
                      ("export", "export (N-Triples)")):  # fmt: skip
        a, b = (rd or {}).get(key), (ox or {}).get(key)
        print(f"{name:34} {ms(a):>22} {ms(b):>22} {ratio(a, b):>9}")
    a, b = (rd or {}).get("peak_mb"), (ox or {}).get("peak_mb")
    print(f"{'peak memory (max RSS)':34} {f'{a:,.0f} MB' if a else '-':>22} "
          f"{f'{b:,.0f} MB' if b else '-':>22} {ratio(a, b):>9}")  # fmt: skip
    print(f"\n{'query p50 / p95 (rows)':34} {'rdflib':>22} {'oxigraph':>22} {'speed-up':>9}")
    for name in sorted((ox or rd or {}).get("queries", {})):
        cells = []
        for report in (rd, ox):
            times = (report or {}).get("queries", {}).get(name)
            cells.append(f"{ms(p(times, 0.5))} / {ms(p(times, 0.95))}" if times else "-")
        a = p(rd["queries"][name], 0.5) if rd and name in rd["queries"] else None
        b = p(ox["queries"][name], 0.5) if ox and name in ox["queries"] else None
        rows = (ox or rd)["rows"].get(name, "?")
        print(f"{name[:27] + f' ({rows})':34} {cells[0]:>22} {cells[1]:>22} {ratio(a, b):>9}")
        if rd and ox and name in rd["rows"] and rd["rows"].get(name) != ox["rows"].get(name):
            print(f"  ! row counts differ: rdflib {rd['rows'][name]}, oxigraph {ox['rows'][name]}")


def exponents(results: dict) -> dict:
    """Growth exponent k in t ∝ n^k between the smallest and the largest size, per metric."""
    labels = [label for label in results if results[label].get("oxigraph")]
    if len(labels) < 2:
        return {}
    first, last = labels[0], labels[-1]
    out: dict = {}
    for engine in ("rdflib", "oxigraph"):
        a, b = results[first].get(engine), results[last].get(engine)
        if not a or not b:
            continue
        scale = math.log(b["triples"] / a["triples"])
        metrics = {"load": (a["load"], b["load"]), "export": (a["export"], b["export"])}
        for name in a["queries"]:
            if name in b["queries"]:
                metrics[name] = (p(a["queries"][name], 0.5), p(b["queries"][name], 0.5))
        out[engine] = {k: math.log(y / x) / scale for k, (x, y) in metrics.items()
                       if x > 0 and y < float("inf")}  # fmt: skip
    print(f"\n## growth exponent {first} → {last} (time ∝ size^k)\n")
    print(f"{'':34} {'rdflib':>10} {'oxigraph':>10}")
    for name in out.get("oxigraph", {}):
        cells = [f"{out[e][name]:.2f}" if name in out.get(e, {}) else "-"
                 for e in ("rdflib", "oxigraph")]  # fmt: skip
        print(f"{name[:34]:34} {cells[0]:>10} {cells[1]:>10}")
    return out


# --- cold start and warm queries on the curated graph ---------------------------------------------

PLAIN = """\
import glob, sys
import rdflib
graph = rdflib.Graph()
root = sys.argv[1]
for path in sorted(glob.glob(root + "/ontology/*.ttl")) + sorted(
        glob.glob(root + "/graph/**/*.ttl", recursive=True)):
    graph.parse(path, format="turtle")
text = open(sys.argv[2], encoding="utf-8").read()
prefixes = {PREFIXES!r}
for row in graph.query(text, initNs=prefixes):
    print(",".join("" if t is None else str(t) for t in row))
"""


def curated_root(given: str | None, scratch: Path) -> Path:
    from vnrukg.project import Project

    if given:
        return Path(given)
    if Project(ROOT).graph_files():
        return ROOT
    root = scratch / "example"  # no curated data yet: the example graph stands in
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(ROOT / "tests" / "fixtures" / "example" / "graph", root / "graph")
    shutil.copytree(ROOT / "tests" / "fixtures" / "queries", root / "queries")
    return root


def median_run(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def cold_start(root: Path, name: str, runs: int, scratch: Path) -> tuple[float, float]:
    from vnrukg.namespaces import PREFIXES

    vnrukg = shutil.which("vnrukg") or str(Path(sys.executable).with_name("vnrukg"))
    query = [vnrukg, "--root", str(root), "query", name, "--format", "csv"]
    subprocess.run(query, check=True, capture_output=True)  # builds the store if needed
    script = scratch / "plain.py"
    script.write_text(PLAIN.replace("{PREFIXES!r}", repr(PREFIXES)), encoding="utf-8")
    plain = [sys.executable, str(script), str(root), str(root / "queries" / f"{name}.rq")]
    return median_run(query, runs), median_run(plain, runs)


def warm_queries(root: Path, with_rdflib: bool, budget: float = 3.0) -> dict[str, dict[str, float]]:
    from vnrukg.project import Project
    from vnrukg.sparql import list_queries, make_engine, open_engine
    from vnrukg.store import load

    project = Project(root)
    kg = load(project)
    # the built store on disk (what a cold `vnrukg query` opens) and the in-memory copy each
    # endpoint worker queries (`make_engine`): warm, a query runs in the latter
    engines = {
        "oxigraph": make_engine(kg.graph, "oxigraph"),
        "store": open_engine(project, "oxigraph"),
    }
    # one set of remembered verdicts (the project's, on disk): each query text is parsed by
    # rdflib once, not once per engine and run
    engines["oxigraph"].checks = engines["store"].checks
    if with_rdflib:
        engines["rdflib"] = make_engine(kg.graph, "rdflib")
    out: dict[str, dict[str, float]] = {}
    for query in list_queries(project):
        if any(not p.optional and p.default is None for p in query.params):
            continue
        bindings = query.bindings({})
        out[query.name] = {
            name: p(
                timed(lambda e=engine, q=query, b=bindings: e.query(q.text, b), budget, 50),
                0.5,
            )
            for name, engine in engines.items()
        }
    return out


def machine() -> str:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import pyoxigraph
    import rdflib

    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, rdflib {rdflib.__version__}, "
        f"pyoxigraph {pyoxigraph.__version__}"
    )


# --- main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10k,100k,1m", help="comma-separated: 10k,100k,1m")
    parser.add_argument("--data", type=Path, default=HERE / "data", help="synthetic graphs folder")
    parser.add_argument("--budget", type=float, default=10.0, help="seconds per query and engine")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per worker")
    parser.add_argument("--cap", type=float, default=120, help="give up a query after this")
    parser.add_argument("--root", default=None, help="project for the cold-start comparison")
    parser.add_argument("--cold-query", default=None, help="named query for the cold start")
    parser.add_argument("--cold-runs", type=int, default=10)
    parser.add_argument(
        "--warm-budget", type=float, default=3.0, help="seconds per warm named query and engine"
    )
    parser.add_argument("--warm-rdflib", action="store_true", help="also time warm rdflib runs")
    parser.add_argument("--engines", default="rdflib,oxigraph", help="comma-separated engines")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    parser.add_argument("--worker", choices=("rdflib", "oxigraph"), help=argparse.SUPPRESS)
    parser.add_argument("--load-only", choices=("strict", "lenient"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker and args.load_only:
        print(json.dumps(load_only(args.worker, args.data, args.load_only == "lenient")))
        return 0
    if args.worker:
        print(json.dumps(worker(args.worker, args.data, args.budget, args.cap)))
        return 0
    from vnrukg.progress import display

    # its runs on a terminal's stderr (never on stdout, a pipe or CI); the report on stdout
    with display() as progress, contextlib.redirect_stdout(_Lines(progress, sys.stdout)):
        return run_all(args, progress)


class _Lines:
    """Standard output written line by line through a progress display, which clears its
    bar first when both share a terminal."""

    def __init__(self, progress, stream):
        self.progress, self.stream, self.pending = progress, stream, ""

    def write(self, text: str) -> int:
        *lines, self.pending = (self.pending + text).split("\n")
        for line in lines:
            self.progress.echo(line, file=self.stream)
        return len(text)

    def flush(self) -> None:
        self.stream.flush()


def run_all(args, progress) -> int:
    """Every run, each printed as it ends; ``progress`` counts the runs."""
    print(f"# vnrukg benchmark\n\nmachine: {machine()}", flush=True)
    results: dict = {}
    engines, sizes = args.engines.split(","), args.sizes.split(",")
    runs = progress.task("bench", total=len(sizes) * (3 * len(engines) + 1) + 2)
    for label in sizes:
        data = ensure_data(label, SIZES[label.lower()], args.data)
        results[label] = {e: run_worker(e, data, args, steps=runs) for e in engines}
        turtle, built = ensure_turtle(data), ensure_store(data)
        for engine, report in results[label].items():
            for key, path, mode in (("load_turtle", turtle, "strict"),
                                    ("load_lenient", data, "lenient")):  # fmt: skip
                loaded = run_worker(engine, path, args, load=mode, steps=runs)
                if report and loaded:
                    report[key] = loaded["load"]
        # ready for a first query: rdflib can only parse; vnrukg opens the store it built
        if results[label].get("rdflib"):
            results[label]["rdflib"]["ready"] = results[label]["rdflib"]["load"]
        opened = run_worker("oxigraph", built, args, load="strict", steps=runs)
        if results[label].get("oxigraph") and opened:
            results[label]["oxigraph"]["ready"] = opened["load"]
        print_size(label, results[label])
        if args.json:
            args.json.write_text(json.dumps(results, indent=1))
    growth = exponents(results)
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        root = curated_root(args.root, scratch)
        from vnrukg.project import Project
        from vnrukg.sparql import list_queries

        names = [q.name for q in list_queries(Project(root))]
        name = args.cold_query or ("labels" if "labels" in names else names[0])
        runs.step("cold start")
        cold, plain = cold_start(root, name, args.cold_runs, scratch)
        print(f"\n## cold start on {root.name}/ (median of {args.cold_runs} runs)\n")
        print(f"vnrukg query {name} (built store)   {ms(cold):>10}")
        print(f"plain rdflib script (import, parse, query) {ms(plain):>10}   "
              f"→ {plain / cold:.1f}× faster")  # fmt: skip
        runs.step("warm queries")
        warm = warm_queries(root, args.warm_rdflib, args.warm_budget)
    runs.finish()
    print("\n## warm named queries on the curated graph (p50)\n")
    print(f"{'':34} {'rdflib':>12} {'oxigraph':>12} {'built store':>12}")
    for query_name, cells in sorted(warm.items(), key=lambda item: -item[1]["oxigraph"]):
        print(f"{query_name[:34]:34} {ms(cells.get('rdflib')):>12} {ms(cells['oxigraph']):>12} "
              f"{ms(cells['store']):>12}")  # fmt: skip
    targets(results, growth, cold, plain, warm)
    return 0


def targets(results: dict, growth: dict, cold: float, plain: float, warm: dict) -> None:
    print("\n## targets\n")
    largest = list(results)[-1]
    rd, ox = results[largest].get("rdflib"), results[largest].get("oxigraph")
    if rd and ox:
        for key, name in (("load", "N-Triples"), ("load_turtle", "Turtle"),
                          ("load_lenient", "N-Triples, Oxigraph lenient"),
                          ("ready", "rdflib parses N-Triples, vnrukg opens its built store"),
                          ):  # fmt: skip
            if key in rd and key in ox:
                speedup = rd[key] / ox[key]
                mark(speedup >= 10, f"at {largest}: load ({name}) ≥10× faster ({speedup:.1f}×)")
        speedups = {n: p(rd["queries"][n], 0.5) / p(ox["queries"][n], 0.5)
                    for n in ox["queries"] if n in PROJECT_QUERIES}  # fmt: skip
        under = sorted(n for n, s in speedups.items() if s < 10)
        mark(
            not under,
            f"at {largest}: every named query ≥10× faster (worst {min(speedups.values()):.1f}×)"
            + (f" (under 10×: {', '.join(under)})" if under else ""),
        )
    slower = []
    for label, reports in results.items():
        rd, ox = reports.get("rdflib"), reports.get("oxigraph")
        if not (rd and ox):
            continue
        for n in ox["queries"]:
            if n in PROJECT_QUERIES and p(ox["queries"][n], 0.5) > p(rd["queries"][n], 0.5):
                slower.append(f"{n}@{label}")
    listed = f" (slower: {', '.join(slower)})" if slower else ""
    mark(not slower, "no named query slower than rdflib at any size" + listed)
    mark(plain / cold >= 2, f"cold vnrukg query ≥2× faster than plain rdflib ({plain / cold:.1f}×)")
    slow = sorted((cells["oxigraph"], name) for name, cells in warm.items()
                  if cells["oxigraph"] >= 0.005)  # fmt: skip
    listed = ", ".join(f"{name} {ms(seconds)}" for seconds, name in reversed(slow))
    counted = f"{len(warm) - len(slow)} of {len(warm)}" + (f"; slower: {listed}" if slow else "")
    mark(not slow, f"warm named queries on the curated graph < 5 ms p50, in memory ({counted})")


def mark(ok: bool, text: str) -> None:
    print(f"[{'met' if ok else 'NOT met'}] {text}")


if __name__ == "__main__":
    sys.exit(main())
