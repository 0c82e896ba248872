"""Load-test the endpoint on loopback: throughput and p50/p95/p99 latency, and fairness.

1. For every named query (``/queries/NAME`` with its defaults) and for the lookup-sized
   requests (``ASK``, an entity's statements by SPARQL, an entity's Turtle by its IRI), and
   every number of concurrent clients (8 by default), sends at most ``--requests`` requests
   in at most ``--seconds``; one table row per cell.
2. Abuse (``--abuse SECONDS``, default 20): two runaway clients, bound to 127.0.0.2 and
   127.0.0.3, send a cross-product query in a loop (two at a time each, so each would hold
   a worker all the time), while a third, on 127.0.0.4, asks ``ASK {}`` one after another;
   reports the third client's latency and statuses.

Each client binds an address of its own (127.0.0.10, .11, …), as separate machines would,
so that the endpoint's per-client limits apply to each; ``--one-address`` sends all from
127.0.0.1 instead. Exits 1 if a request of part 1, or of the cheap client in part 2, failed.
Targets loopback addresses only. Without ``--url`` it starts ``vnrukg serve`` itself, on a
free port, over ``--root`` (default: the curated graph, this checkout) and stops it at the end.

Example:
    python bench/bench_serve.py --requests 400 --seconds 4
    python bench/bench_serve.py --root /tmp/example --clients 1,8 --abuse 0
"""

from __future__ import annotations

import argparse
import ipaddress
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlparse

import httpx

REPO = Path(__file__).resolve().parents[1]
ACCEPT = "application/sparql-results+json, text/turtle;q=0.9"  # SELECT/ASK and CONSTRUCT


def loopback_only(url: str) -> str:
    """The URL, if its host is a loopback address; else exit with a message."""
    host = urlparse(url).hostname or ""
    try:
        ok = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = False
    if not ok:
        sys.exit(
            f"bench_serve: {url} is not a loopback address; this bench only targets 127.0.0.0/8"
        )
    return url.rstrip("/")


def example_project(folder: Path) -> Path:
    """The example graph and the test queries as a project (what CI can always run)."""
    shutil.copytree(REPO / "ontology", folder / "ontology")
    (folder / "graph").mkdir()
    shutil.copy(REPO / "tests/fixtures/example/graph/example.ttl", folder / "graph")
    shutil.copytree(REPO / "tests/server/fixtures/queries", folder / "queries")
    return folder


def start_server(
    root: Path, workers: int, engine: str, timeout: float
) -> tuple[subprocess.Popen, str]:
    """``vnrukg serve`` on a free loopback port; returns the process and its URL."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [
        sys.executable,
        "-c",
        "from vnrukg.cli import entry_point; entry_point()",
        "--root",
        str(root),
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--engine",
        engine,
        "--timeout",
        str(timeout),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/sparql", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.3)
    process.kill()
    sys.exit("bench_serve: the server did not start")


LOOKUPS = {  # the same lookup again and again (the kept reply answers): label → (path, Accept)
    "ASK (SPARQL)": ("/sparql?query=ASK%20%7B%20vnrd%3Arussia%20%3Fp%20%3Fo%20%7D", ACCEPT),
    "entity statements (SPARQL)": (
        "/sparql?query=SELECT%20%3Fp%20%3Fo%20WHERE%20%7B%20vnrd%3Arussia%20%3Fp%20%3Fo%20%7D",
        ACCEPT,
    ),
    "entity as Turtle (/id/russia)": ("/id/russia", "text/turtle"),
}
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _client(url: str, address: str | None) -> httpx.Client:
    transport = httpx.HTTPTransport(local_address=address) if address else None
    return httpx.Client(base_url=url, timeout=120, transport=transport)


def _percentile(ordered: list[float], share: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))] * 1000


def cell(
    url: str,
    name: str,
    clients: int,
    requests: int,
    seconds: float,
    path: str | list[str] | None = None,
    accept: str = ACCEPT,
    one_address: bool = False,
) -> dict:
    """Send up to ``requests`` requests from ``clients`` threads, for at most ``seconds``."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    issued = [0]
    deadline = time.monotonic() + seconds

    def client(number: int) -> None:
        address = None if one_address else f"127.0.0.{10 + number}"
        with _client(url, address) as http:
            while True:
                with lock:
                    if issued[0] >= requests or time.monotonic() > deadline:
                        return
                    issued[0] += 1
                    number = issued[0]
                target = path[number % len(path)] if isinstance(path, list) else path
                started = time.perf_counter()
                response = http.get(target or f"/queries/{name}", headers={"Accept": accept})
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    if response.status_code != 200:
                        errors.append(f"{response.status_code} {response.text[:100]}")

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "query": name,
        "clients": clients,
        "requests": len(latencies),
        "errors": len(errors),
        "rps": len(latencies) / wall if wall else 0.0,
        "p50": statistics.median(ordered) * 1000 if ordered else 0.0,
        "p95": _percentile(ordered, 0.95),
        "p99": _percentile(ordered, 0.99),
        "first_error": errors[0] if errors else "",
    }


def abuse(url: str, seconds: float, settle: float) -> dict:
    """Two runaway clients (two requests at a time each) and a cheap one, for ``seconds``."""
    stop = threading.Event()
    runaway: list[int] = []
    cheap: list[tuple[float, int]] = []

    def run_away(address: str) -> None:
        with _client(url, address) as http:
            while not stop.is_set():
                response = http.get("/sparql", params={"query": CROSS_PRODUCT})
                runaway.append(response.status_code)

    threads = [
        threading.Thread(target=run_away, args=(a,))
        for a in ("127.0.0.2", "127.0.0.2", "127.0.0.3", "127.0.0.3")
    ]
    for thread in threads:
        thread.start()
    # A new client's first query counts as cheap until it has run half a second: the runaways'
    # first queries may take every worker for one time limit. Measure once they are known.
    while runaway.count(503) < 2:
        time.sleep(0.1)
    time.sleep(settle)
    end = time.monotonic() + seconds
    number = 0
    with _client(url, "127.0.0.4") as http:
        while time.monotonic() < end:
            number += 1  # a new query each time, so that a worker answers (no kept reply)
            query = f'ASK {{ ?s ?p "{number}" }}'
            started = time.perf_counter()
            response = http.get("/sparql", params={"query": query}, headers={"Accept": ACCEPT})
            elapsed = time.perf_counter() - started
            cheap.append((elapsed, response.status_code))
            time.sleep(max(0.0, 0.02 - elapsed))  # 50 queries a second, within its rate
    stop.set()
    for thread in threads:
        thread.join(180)
    ordered = sorted(t for t, _ in cheap)
    statuses: dict[int, int] = {}
    for _, status in cheap:
        statuses[status] = statuses.get(status, 0) + 1
    stopped: dict[int, int] = {}
    for status in runaway:
        stopped[status] = stopped.get(status, 0) + 1
    return {
        "requests": len(cheap),
        "statuses": statuses,
        "runaway": stopped,
        "p50": statistics.median(ordered) * 1000 if ordered else 0.0,
        "p95": _percentile(ordered, 0.95),
        "p99": _percentile(ordered, 0.99),
        "max": ordered[-1] * 1000 if ordered else 0.0,
    }


def table(rows: list[dict]) -> str:
    """A Markdown table of the cells."""
    lines = [
        "| request | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['query']} | {r['clients']} | {r['requests']} | {r['errors']} | "
            f"{r['rps']:.1f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running endpoint on loopback (default: start one)")
    parser.add_argument("--root", type=Path, help="project to serve when starting one")
    parser.add_argument("--workers", type=int, default=3, help="query workers of that server")
    parser.add_argument("--engine", default="oxigraph")
    parser.add_argument("--timeout", type=float, default=10.0, help="that server's --timeout")
    parser.add_argument("--clients", default="8", help="concurrent clients, comma-separated")
    parser.add_argument("--requests", type=int, default=400, help="requests per cell (max)")
    parser.add_argument("--seconds", type=float, default=4.0, help="time per cell (max)")
    parser.add_argument("--abuse", type=float, default=20.0, help="seconds of part 2 (0: skip)")
    parser.add_argument(
        "--example", action="store_true", help="serve the example graph and the test queries"
    )
    parser.add_argument("--one-address", action="store_true", help="all clients on 127.0.0.1")
    args = parser.parse_args()
    clients = [int(c) for c in args.clients.split(",")]
    process = None
    with tempfile.TemporaryDirectory() as scratch:
        if args.url:
            url = loopback_only(args.url)
        else:
            root = example_project(Path(scratch) / "project") if args.example else args.root
            root = root or REPO
            process, url = start_server(root, args.workers, args.engine, args.timeout)
        try:
            names = [
                q["name"]
                for q in httpx.get(url + "/queries", headers={"Accept": "application/json"}).json()
            ]
            names = [n for n in names if not n.endswith("-violation")]
            rows = []
            entities = [
                e["short"] for e in httpx.get(url + "/query/terms", timeout=60).json()["entities"]
            ][:500]
            varied = {  # a different entity each time: no kept reply, a worker answers
                "ASK, 500 entities (SPARQL)": (
                    ["/sparql?query=" + quote(f"ASK {{ {e} ?p ?o }}") for e in entities],
                    ACCEPT,
                ),
                "entity statements, 500 entities (SPARQL)": (
                    [
                        "/sparql?query=" + quote(f"SELECT ?p ?o WHERE {{ {e} ?p ?o }}")
                        for e in entities
                    ],
                    ACCEPT,
                ),
                # the server describes each in its own process: no worker, nothing kept yet
                "entity as Turtle, 500 entities (/id/…)": (
                    ["/id/" + e.split(":", 1)[1] for e in entities if e.startswith("vnrd:")],
                    "text/turtle",
                ),
            }

            def measure(label: str, path: str | list[str] | None, accept: str = ACCEPT) -> None:
                for count in clients:
                    rows.append(
                        cell(
                            url,
                            label,
                            count,
                            args.requests,
                            args.seconds,
                            path,
                            accept,
                            args.one_address,
                        )
                    )
                    print(f"  {label} × {count}: {rows[-1]['rps']:.1f} req/s", file=sys.stderr)

            for label, (paths, accept) in varied.items():
                measure(label, paths, accept)
            for label, (path, accept) in LOOKUPS.items():
                httpx.get(url + path, headers={"Accept": accept}, timeout=60)  # warm up
                measure(label, path, accept)
            for name in names:
                httpx.get(f"{url}/queries/{name}", timeout=60)  # warm the parse cache
                measure(name, None)
            fairness = abuse(url, args.abuse, args.timeout / 2 + 3) if args.abuse else None
        finally:
            if process is not None:
                process.terminate()
                process.wait(15)
    print(table(rows))
    failed = [r for r in rows if r["errors"]]
    for r in failed:
        print(f"errors in {r['query']} × {r['clients']}: {r['first_error']}", file=sys.stderr)
    print(f"\n{sum(r['requests'] for r in rows)} requests, {sum(r['errors'] for r in rows)} errors")
    if fairness is not None:
        print(
            f"\nAbuse ({args.abuse:g} s): a cheap client's ASK (a new one each time, 50 a second) "
            "while two runaway clients "
            f"run a cross product two at a time each: {fairness['requests']} requests, "
            f"statuses {fairness['statuses']}, p50 {fairness['p50']:.1f} ms, "
            f"p95 {fairness['p95']:.1f} ms, p99 {fairness['p99']:.1f} ms, "
            f"max {fairness['max']:.1f} ms; the runaway queries got {fairness['runaway']}"
        )
        if set(fairness["statuses"]) != {200}:
            failed.append({"query": "abuse"})
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
