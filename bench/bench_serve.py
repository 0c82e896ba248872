"""Load-test the endpoint's named queries on loopback: throughput and p50/p95 latency.

For every named query and every number of concurrent clients (1, 4 and 8 by default), sends
``--requests`` requests (``/queries/NAME`` with the query's defaults, SPARQL JSON), stopping
early after ``--seconds``; prints one table row per cell and exits 1 if any request failed.
Targets loopback addresses only. Without ``--url`` it starts ``vnrukg serve`` itself, on a
free port, over ``--root`` (default: the example graph and the test queries in a temporary
project) and stops it at the end.

Example:
    python bench/bench_serve.py --requests 200 --seconds 20
    python bench/bench_serve.py --root ../main --workers 2 --clients 1,4,8
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
from urllib.parse import urlparse

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


def start_server(root: Path, workers: int, engine: str) -> tuple[subprocess.Popen, str]:
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
        "30",
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


def cell(url: str, name: str, clients: int, requests: int, seconds: float) -> dict:
    """Send up to ``requests`` requests from ``clients`` threads, for at most ``seconds``."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    issued = [0]
    deadline = time.monotonic() + seconds

    def client() -> None:
        with httpx.Client(base_url=url, timeout=60) as http:
            while True:
                with lock:
                    if issued[0] >= requests or time.monotonic() > deadline:
                        return
                    issued[0] += 1
                started = time.perf_counter()
                response = http.get(f"/queries/{name}", headers={"Accept": ACCEPT})
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    if response.status_code != 200:
                        errors.append(f"{response.status_code} {response.text[:100]}")

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ordered = sorted(latencies)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)] if ordered else 0.0
    return {
        "query": name,
        "clients": clients,
        "requests": len(latencies),
        "errors": len(errors),
        "rps": len(latencies) / wall if wall else 0.0,
        "p50": statistics.median(ordered) * 1000 if ordered else 0.0,
        "p95": p95 * 1000,
        "first_error": errors[0] if errors else "",
    }


def table(rows: list[dict]) -> str:
    """A Markdown table of the cells."""
    lines = [
        "| query | clients | requests | errors | req/s | p50 ms | p95 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['query']} | {r['clients']} | {r['requests']} | {r['errors']} | "
            f"{r['rps']:.1f} | {r['p50']:.1f} | {r['p95']:.1f} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running endpoint on loopback (default: start one)")
    parser.add_argument("--root", type=Path, help="project to serve when starting one")
    parser.add_argument("--workers", type=int, default=2, help="query workers of that server")
    parser.add_argument("--engine", default="rdflib")
    parser.add_argument("--clients", default="1,4,8", help="concurrent clients, comma-separated")
    parser.add_argument("--requests", type=int, default=200, help="requests per cell (max)")
    parser.add_argument("--seconds", type=float, default=20.0, help="time per cell (max)")
    args = parser.parse_args()
    clients = [int(c) for c in args.clients.split(",")]
    process = None
    with tempfile.TemporaryDirectory() as scratch:
        if args.url:
            url = loopback_only(args.url)
        else:
            root = args.root or example_project(Path(scratch) / "project")
            process, url = start_server(root, args.workers, args.engine)
        try:
            names = [
                q["name"]
                for q in httpx.get(url + "/queries", headers={"Accept": "application/json"}).json()
            ]
            names = [n for n in names if not n.endswith("-violation")]
            rows = []
            for name in names:
                httpx.get(f"{url}/queries/{name}", timeout=60)  # warm the parse cache
                for count in clients:
                    rows.append(cell(url, name, count, args.requests, args.seconds))
                    print(f"  {name} × {count}: {rows[-1]['rps']:.1f} req/s", file=sys.stderr)
        finally:
            if process is not None:
                process.terminate()
                process.wait(15)
    print(table(rows))
    failed = [r for r in rows if r["errors"]]
    for r in failed:
        print(f"errors in {r['query']} × {r['clients']}: {r['first_error']}", file=sys.stderr)
    print(f"\n{sum(r['requests'] for r in rows)} requests, {sum(r['errors'] for r in rows)} errors")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
