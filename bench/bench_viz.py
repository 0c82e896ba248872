"""Time the network page: building it, and the browser settling it, for graphs of growing size.

Sizes: the curated graph of the project, and synthetic graphs of 1,000, 5,000 and 20,000
entities written in the project's own ontology (people, organisations and places; events with
guests and hosts; agreements with parties, signatories and the event they were signed at;
arms transfers; sessions of mechanisms; each with a Vietnamese and an English name, dates and
a citation). For each: the time to build the entity network, then to lay it out (igraph, for
pages above the physics limit) and render the HTML, its size, and the time headless chromium
takes from opening the file until the network is drawn and still (physics stabilised and
switched off, or first drawing for a pre-laid-out page), with networking off. The page is
built as `vnrukg viz` builds it: a large page's layout starts in a process of its own while
the network is still being built, so part of it falls in the first column; the two columns
together are the time from the facts to the page.

With ``--baseline DIR`` (a checkout of an earlier commit, e.g. a worktree of main) every size is
measured twice in the same run, first with the package in DIR, then with this one, and the
table shows both side by side. ``--series-triples N`` adds the charts and timeline pages of the
synthetic graph of N triples that bench/generate.py writes (its statistical series and dated
entities): the time to read the series or build the timeline, to render the page, and its
size.

Usage:
    python bench/bench_viz.py [--root PROJECT] [--sizes 1000,5000,20000] [--no-browser]
                              [--baseline DIR] [--series-triples 1000000] [--webgl]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

# chromium is started as the browser tests start it (flags that keep it off the network)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if __name__ == "__main__" and "--worker" in sys.argv:  # measure the package of another checkout
    sys.path.insert(0, sys.argv[sys.argv.index("--worker") + 1])
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from tests.chromium import ARGS, CHROMIUM
from vnrukg.namespaces import VNRD, VNRU
from vnrukg.network import EntityNetwork, build_network, network_from_graphs
from vnrukg.project import find_project
from vnrukg.store import load, parse_turtle
from vnrukg.viz import render
from vnrukg.viz.layout import use_static_layout

try:  # the layout started while the network is built, as `vnrukg build` and `viz` start it
    from vnrukg.viz import layout_ahead
except ImportError:  # a checkout from before it (--baseline)
    layout_ahead = None

SHARES = (
    ("person", 0.28),
    ("organisation", 0.12),
    ("place", 0.05),
    ("event", 0.30),
    ("agreement", 0.14),
    ("transaction", 0.04),
    ("weapon", 0.02),
    ("mechanism", 0.01),
    ("session", 0.04),
)
CLASSES = {
    "person": VNRU.Person,
    "organisation": VNRU.GovernmentBody,
    "place": VNRU.Place,
    "event": VNRU.OfficialVisit,
    "agreement": VNRU.Memorandum,
    "transaction": VNRU.ArmsTransfer,
    "weapon": VNRU.WeaponSystem,
    "mechanism": VNRU.CooperationMechanism,
    "session": VNRU.Session,
}


def synthetic_facts(size: int, seed: int = 1) -> Graph:
    """A curated-looking graph of about ``size`` entities (deterministic for a seed)."""
    rng = random.Random(seed)
    g = Graph()
    source = VNRD["source-bench"]
    g.add((source, RDF.type, VNRU.NewsArticle))
    g.add((source, SKOS.prefLabel, Literal("Bench source", lang="vi")))
    states = [VNRD["vietnam"], VNRD["russia"]]
    for state, vi, en in zip(
        states, ("Việt Nam", "Liên bang Nga"), ("Vietnam", "Russia"), strict=True
    ):
        _entity(g, state, VNRU.State, vi, en, source)
    pools: dict[str, list[URIRef]] = {}
    for family, share in SHARES:
        for i in range(max(1, int(size * share))):
            node = VNRD[f"bench-{family}-{i}"]
            _entity(
                g,
                node,
                CLASSES[family],
                f"Thực thể {family} số {i} Đặng",
                f"Bench {family} {i}",
                source,
            )
            pools.setdefault(family, []).append(node)
    for family, nodes in pools.items():
        for node in nodes:
            _link(g, rng, family, node, pools, states)
    return g


def _entity(g: Graph, node: URIRef, cls: URIRef, vi: str, en: str, source: URIRef) -> None:
    g.add((node, RDF.type, cls))
    g.add((node, SKOS.prefLabel, Literal(vi, lang="vi")))
    g.add((node, SKOS.prefLabel, Literal(en, lang="en")))
    citation = URIRef(f"{node}/citation/1")
    g.add((node, VNRU.citation, citation))
    g.add((citation, VNRU.quote, Literal(f"trích dẫn về {vi}", lang="vi")))
    g.add((citation, VNRU.source, source))


def _date(rng: random.Random) -> Literal:
    return Literal(
        f"{rng.randint(1950, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        datatype=XSD.date,
    )


def _link(g, rng, family, node, pools, states) -> None:
    pick = rng.choice
    if family == "person":
        g.add((node, VNRU.nationality, pick(states)))
    elif family in ("organisation", "place"):
        g.add((node, VNRU.country if family == "organisation" else VNRU.locatedIn, pick(states)))
    elif family == "event":
        g.add((node, VNRU.date, _date(rng)))
        for prop in (VNRU.guest, VNRU.host):
            g.add((node, prop, pick(pools["person"])))
        g.add((node, VNRU.destination, pick(states)))
        g.add((node, URIRef("https://schema.org/location"), pick(pools["place"])))
    elif family == "agreement":
        g.add((node, VNRU.dateSigned, _date(rng)))
        g.add((node, VNRU.party, pick(pools["organisation"])))
        g.add((node, VNRU.signatory, pick(pools["person"])))
        g.add((node, VNRU.signedDuring, pick(pools["event"])))
    elif family == "transaction":
        g.add((node, VNRU.supplier, states[1]))
        g.add((node, VNRU.recipient, states[0]))
        g.add((node, VNRU.weaponSystem, pick(pools["weapon"])))
        g.add((node, VNRU.orderDate, Literal(str(rng.randint(1995, 2020)), datatype=XSD.gYear)))
    elif family == "mechanism":
        g.add((node, VNRU.party, states[0]))
        g.add((node, VNRU.party, states[1]))
    elif family == "session":
        g.add((node, VNRU.ofMechanism, pick(pools["mechanism"])))
        g.add((node, VNRU.date, _date(rng)))


def ontology_terms(root: Path) -> Graph:
    terms = Graph()
    for path in sorted((root / "ontology").glob("*.ttl")):
        terms += parse_turtle(path)
    return terms


def time_build(net_factory, **view: str) -> tuple[EntityNetwork, dict]:
    """Build the network and the page (``view``: render's options) as ``vnrukg viz`` does; the
    timings in seconds and the page. ``net_factory`` takes what ``network_from_graphs`` calls
    once the links are known (a large page's layout starts there and runs beside the rest of
    the network and the page), or nothing with a checkout from before that."""
    ahead = layout_ahead(renderer=view.get("renderer", "auto")) if layout_ahead else None
    linked = (ahead,) if ahead else ()
    t0 = time.perf_counter()
    net = net_factory(*linked)
    t1 = time.perf_counter()
    static = use_static_layout(net) or view.get("renderer") == "webgl"
    page = render(net, **view, **({"ahead": ahead} if ahead else {}))
    t2 = time.perf_counter()
    return net, {
        "nodes": page.nodes,
        "edges": page.edges,
        "network_s": t1 - t0,
        "page_s": t2 - t1,
        "bytes": len(page.html.encode("utf-8")),
        # how it is laid out, and what draws it (pages before the WebGL view: the canvas)
        "mode": ("static" if static else "physics") + "/" + getattr(page, "renderer", "canvas"),
        "html": page.html,
    }


def time_browser(html: str, timeout_s: float = 600) -> dict:
    """Open the page in headless chromium offline; seconds until drawn and still."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        path = Path(folder) / "network.html"
        path.write_text(html, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        blocked: list[str] = []

        def route(r):
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        start = time.perf_counter()
        page.goto(path.as_uri(), timeout=timeout_s * 1000)
        page.wait_for_selector('body[data-ready="1"]', state="attached", timeout=timeout_s * 1000)
        ready = time.perf_counter() - start
        t0 = time.perf_counter()
        page.evaluate("window.vnrukg.setPeriod(2000, 2010)")
        filter_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        page.evaluate("window.vnrukg.search('dang')")
        search_s = time.perf_counter() - t0
        browser.close()
    return {
        "ready_s": ready,
        "filter_s": filter_s,
        "search_s": search_s,
        "blocked": len(blocked),
        "errors": len(errors),
    }


HEADER = (
    "graph",
    "code",
    "entities",
    "links",
    "network s",
    "layout+page s",
    "MB",
    "layout",
    "browser s",
    "filter s",
    "search s",
    "net loads",
    "errors",
)


def measure(
    root: str | None, sizes: list[int], browser: bool, curated: bool = True, **view: str
) -> list[dict]:
    """The timings of every case with the package imported by this process (``view``:
    render's options, e.g. ``renderer="webgl"``)."""
    project = find_project(root)
    terms = ontology_terms(project.root)
    cases = [("curated", lambda *linked: build_network(load(project), *linked))] if curated else []
    for size in sizes:
        facts = synthetic_facts(size)
        cases.append(
            (f"synthetic {size:,}", lambda *linked, f=facts: network_from_graphs(f, terms, *linked))
        )
    rows = []
    for name, factory in cases:
        _net, row = time_build(factory, **view)
        row.update(time_browser(row["html"]) if browser else {})
        del row["html"]
        rows.append({"graph": name, **row})
    return rows


def _cells(row: dict, code: str) -> list[str]:
    cells = [
        row["graph"],
        code,
        f"{row['nodes']:,}",
        f"{row['edges']:,}",
        f"{row['network_s']:.2f}",
        f"{row['page_s']:.2f}",
        f"{row['bytes'] / 1e6:.1f}",
        row["mode"],
    ]
    keys = ("ready_s", "filter_s", "search_s")
    cells += [f"{row[k]:.2f}" for k in keys] if "ready_s" in row else ["-", "-", "-"]
    return [*cells, str(row.get("blocked", "-")), str(row.get("errors", "-"))]


def baseline_rows(folder: str, args) -> list[dict]:
    """The same measurements with the package of the checkout in ``folder`` (a subprocess)."""
    import json
    import subprocess

    command = [sys.executable, __file__, "--worker", str(Path(folder).resolve())]
    command += ["--root", args.root or str(Path(folder).resolve()), "--sizes", args.sizes]
    command += ["--no-browser"] if args.no_browser else []
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def series_pages(triples: int) -> list[list[str]]:
    """Build the charts and timeline pages of bench/generate.py's graph of ``triples``."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate import generate, ontology_graph

    from vnrukg.charts.page import page_payload, render_page
    from vnrukg.charts.series import read_indicators
    from vnrukg.timeline.items import build_timeline
    from vnrukg.timeline.page import page_payload as timeline_payload
    from vnrukg.timeline.page import render_page as render_timeline

    facts, terms = generate(triples), ontology_graph()
    rows = []
    t0 = time.perf_counter()
    found = read_indicators(facts, terms)
    t1 = time.perf_counter()
    html = render_page(page_payload(found))
    t2 = time.perf_counter()
    figures = sum(len(i.points) for i in found)
    rows.append(["charts", f"{len(found)} charts, {figures:,} figures", t1 - t0, t2 - t1, html])
    t0 = time.perf_counter()
    net = network_from_graphs(facts, terms)
    timeline = build_timeline(net, facts)
    t1 = time.perf_counter()
    html = render_timeline(timeline_payload(timeline, net))
    t2 = time.perf_counter()
    rows.append(["timeline", f"{len(timeline.items):,} items", t1 - t0, t2 - t1, html])
    return [
        [name, f"{len(facts):,}", what, f"{read:.2f}", f"{page:.2f}", f"{len(h) / 1e6:.1f}"]
        for name, what, read, page, h in rows
    ]


def main(argv: list[str] | None = None) -> int:
    import json

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=None, help="project folder (default: found as usual)")
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--baseline", default=None, metavar="DIR", help="an earlier checkout")
    parser.add_argument("--series-triples", type=int, default=0, metavar="N")
    parser.add_argument(
        "--webgl", action="store_true", help="also the synthetic pages drawn by the WebGL view"
    )
    parser.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.worker:
        print(json.dumps(measure(args.root, sizes, not args.no_browser)))
        return 0
    print(" | ".join(HEADER))
    print(" | ".join("---" for _ in HEADER))
    before = baseline_rows(args.baseline, args) if args.baseline else []
    after = measure(args.root, sizes, not args.no_browser)
    for number, row in enumerate(after):
        if before:
            print(" | ".join(_cells(before[number], "before")), flush=True)
        print(" | ".join(_cells(row, "after" if before else "this")), flush=True)
    if args.webgl:
        for row in measure(args.root, sizes, not args.no_browser, False, renderer="webgl"):
            print(" | ".join(_cells(row, "WebGL")), flush=True)
    if args.series_triples:
        print()
        head = ("page", "triples", "what", "read s", "page s", "MB")
        print(" | ".join(head))
        print(" | ".join("---" for _ in head))
        for cells in series_pages(args.series_triples):
            print(" | ".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
