"""Time the network page: building it, and the browser settling it, for graphs of growing size.

Sizes: the curated graph of the project, and synthetic graphs of 1,000, 5,000 and 20,000
entities written in the project's own ontology (people, organisations and places; events with
guests and hosts; agreements with parties, signatories and the event they were signed at;
arms transfers; sessions of mechanisms; each with a Vietnamese and an English name, dates and
a citation). For each: the time to build the entity network, to lay it out (networkx, only
for pages above the physics limit), to render the HTML, its size, and the time headless
chromium takes from opening the file until the network is drawn and still (physics
stabilised and switched off, or first drawing for a pre-laid-out page), with networking off.

Usage:
    python bench/bench_viz.py [--root PROJECT] [--sizes 1000,5000,20000] [--no-browser]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from vnrukg.namespaces import VNRD, VNRU
from vnrukg.network import EntityNetwork, build_network, network_from_graphs
from vnrukg.project import find_project
from vnrukg.store import load, parse_turtle
from vnrukg.viz import render
from vnrukg.viz.layout import use_static_layout

# chromium is started as the browser tests start it (flags that keep it off the network)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.chromium import ARGS, CHROMIUM

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


def time_build(net_factory) -> tuple[EntityNetwork, dict]:
    """Build the network and the page; the timings in seconds and the page."""
    t0 = time.perf_counter()
    net = net_factory()
    t1 = time.perf_counter()
    static = use_static_layout(net)
    page = render(net)
    t2 = time.perf_counter()
    return net, {
        "nodes": page.nodes,
        "edges": page.edges,
        "network_s": t1 - t0,
        "page_s": t2 - t1,
        "bytes": len(page.html.encode("utf-8")),
        "mode": "static" if static else "physics",
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=None, help="project folder (default: found as usual)")
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    project = find_project(args.root)
    terms = ontology_terms(project.root)
    cases = [("curated", lambda: build_network(load(project)))]
    for size in (int(s) for s in args.sizes.split(",") if s):
        facts = synthetic_facts(size)
        cases.append((f"synthetic {size:,}", lambda f=facts: network_from_graphs(f, terms)))
    header = (
        "graph",
        "entities",
        "links",
        "network s",
        "page s",
        "MB",
        "layout",
        "browser s",
        "filter s",
        "search s",
        "net loads",
        "errors",
    )
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for name, factory in cases:
        _net, row = time_build(factory)
        browser = {} if args.no_browser else time_browser(row["html"])
        cells = [
            name,
            f"{row['nodes']:,}",
            f"{row['edges']:,}",
            f"{row['network_s']:.2f}",
            f"{row['page_s']:.2f}",
            f"{row['bytes'] / 1e6:.1f}",
            row["mode"],
        ]
        cells += (
            [f"{browser[k]:.2f}" for k in ("ready_s", "filter_s", "search_s")]
            if browser
            else ["-", "-", "-"]
        )
        cells += [str(browser.get("blocked", "-")), str(browser.get("errors", "-"))]
        print(" | ".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
