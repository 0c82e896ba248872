"""The query page in a real browser (Debian chromium through Playwright) on the curated graph:
highlighting, autocompletion of vnru: terms and of entities by name without diacritics, a
chart and a timeline drawn from example (named) queries, a shared address that reproduces a
result, downloads, and not one request to anywhere but the server (every other request is
routed to abort and recorded). Screenshots go to test-artifacts/."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import expect
from rdflib import Graph

from tests.chromium import browser  # noqa: F401
from tests.server.conftest import REPO, Server
from vnrukg.server.app import GRAPH_LINKS, TABLE_LINKS

pytestmark = [pytest.mark.browser, pytest.mark.server]
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="module")
def curated():
    """The endpoint on the curated graph (the project itself)."""
    running = Server(REPO, "--timeout", "20")
    yield running
    running.stop()


@pytest.fixture
def tab(browser, curated):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.elsewhere = []  # requests to anywhere but the server, aborted
    page.problems = []  # script errors, CSP violations, failed loads of the page's own files

    def route(route):
        if route.request.url.startswith((curated.url, "data:", "blob:")):
            route.continue_()
        else:
            page.elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page.on("pageerror", lambda error: page.problems.append(f"error: {error}"))
    page.on(
        "console",
        lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"),
    )
    page.on(
        "response",
        lambda r: r.status >= 400 and "/sparql" not in r.url and page.problems.append(r.url),
    )
    yield page
    context.close()
    assert page.elsewhere == []
    assert page.problems == []


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"query-page-{name}.png"))


def run(page, text: str) -> None:
    editor = page.locator(".CodeMirror").first
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(text)
    page.keyboard.press("Control+Enter")


def test_editor_highlights_and_completes_vnru_terms_and_entities(tab, curated):
    tab.goto(curated.url + "/query")
    expect(tab.locator(".CodeMirror .cm-keyword").first).to_be_visible()  # highlighted
    editor = tab.locator(".CodeMirror").first
    editor.click()
    tab.keyboard.press("Control+a")
    tab.keyboard.press("Delete")
    tab.keyboard.insert_text("SELECT * WHERE { ?t a vnru:Trea")
    tab.keyboard.press("Control+Space")
    hints = tab.locator(".CodeMirror-hints li")
    expect(hints.first).to_have_text(re.compile(r"^vnru:Treaty\s+—\s+Treaty"))
    tab.keyboard.press("Enter")
    assert "?t a vnru:Treaty" in tab.evaluate("window.vnrukgYasgui.getTab().getQuery()")
    tab.keyboard.insert_text(" . ?t vnru:party vnrd:lien xo".replace(" xo", "xo"))
    tab.keyboard.press("Control+Space")  # "lienxo": the Soviet Union by its name, no diacritics
    expect(hints.first).to_contain_text("vnrd:soviet-union")
    shoot(tab, "completion")
    tab.keyboard.press("Enter")
    assert "vnru:party vnrd:soviet-union" in tab.evaluate("window.vnrukgYasgui.getTab().getQuery()")
    # no "undefined prefix" mark: the endpoint's prefixes are predeclared for the editor too
    expect(tab.locator(".CodeMirror .parseErrorIcon")).to_have_count(0)


def test_editor_matches_brackets(tab, curated):
    """The cursor beside a bracket marks it and its partner; an unmatched one is marked so."""
    tab.goto(curated.url + "/query")
    editor = tab.locator(".CodeMirror").first
    editor.click()
    tab.keyboard.press("Control+a")
    tab.keyboard.press("Delete")
    tab.keyboard.insert_text("SELECT * WHERE { ?s ?p ?o FILTER(?o) }")
    matched = tab.locator(".CodeMirror .CodeMirror-matchingbracket")
    expect(matched).to_have_count(2)
    assert matched.all_inner_texts() == ["{", "}"]
    tab.keyboard.press("ArrowLeft")
    tab.keyboard.press("ArrowLeft")  # beside the ) of FILTER(?o)
    expect(matched).to_have_count(2)
    assert matched.all_inner_texts() == ["(", ")"]
    tab.keyboard.press("End")
    tab.keyboard.insert_text(" }")
    expect(tab.locator(".CodeMirror .CodeMirror-nonmatchingbracket")).to_have_count(1)


def test_a_query_runs_with_ctrl_enter_and_the_address_reruns_it(tab, curated):
    text = (
        "SELECT ?state ?name WHERE { ?state a vnru:State ; skos:prefLabel ?name "
        'FILTER(LANG(?name) = "vi") } ORDER BY ?name'
    )
    tab.goto(curated.url + "/query")
    run(tab, text)
    rows = tab.locator(".yasr table.dataTable tbody tr")
    expect(rows.first).to_be_visible()
    count = rows.count()
    assert count >= 4
    assert "Liên Xô" in tab.locator(".yasr table.dataTable").inner_text()
    link = tab.locator(".yasr table.dataTable a.iri").first
    assert link.get_attribute("href").startswith("/id/")
    assert "Socialist Republic of Vietnam" in tab.locator(".yasr table.dataTable").inner_text()
    shared = tab.url
    assert "/query?query=" in shared and "vnru%3AState" in shared
    shoot(tab, "table")
    other = tab.context.browser.new_context(viewport={"width": 1440, "height": 900})
    page = other.new_page()
    page.goto(shared)  # a fresh browser: the shared address reruns the query
    expect(page.locator(".yasr table.dataTable tbody tr")).to_have_count(count)
    assert "Liên Xô" in page.locator(".yasr table.dataTable").inner_text()
    other.close()


def test_the_table_pages_sorts_filters_and_never_links_other_schemes(tab, curated):
    tab.goto(curated.url + "/query")
    run(
        tab,
        "SELECT ?n ?link WHERE { VALUES ?n { "
        + " ".join(str(i) for i in range(1, 121))
        + ' } BIND(IF(?n = 7, IRI("javascript:alert(1)"), IRI(CONCAT("https://example.org/",'
        " STR(?n)))) AS ?link) }",
    )
    rows = tab.locator(".yasr table.dataTable tbody tr")
    expect(rows).to_have_count(50)  # paged: 50 a page
    expect(tab.locator(".yasr_response_chip:visible")).to_contain_text("120 results")
    assert rows.first.locator("td").nth(0).inner_text().strip() == "1"
    tab.locator(".yasr table.dataTable thead th").first.click()  # sorted, by ?n
    tab.locator(".yasr table.dataTable thead th").first.click()  # descending
    expect(rows.first.locator("td").nth(0)).to_have_text("120")
    tab.get_by_placeholder("Filter query results").press_sequentially("javascript")  # filtered
    expect(rows).to_have_count(1)
    cell = rows.first.locator("td").nth(1)
    expect(cell).to_contain_text("javascript:alert(1)")
    assert cell.locator("a").count() == 0  # shown as text, never as a link
    assert tab.locator(".yasr a[href^='javascript:']").count() == 0
    tab.get_by_role("button", name="Shows Response view").click()  # the raw response
    expect(tab.locator(".yasr .CodeMirror").last).to_contain_text('"head"')


def test_a_browser_opening_sparql_gets_the_page_with_the_results(tab, curated):
    tab.goto(curated.url + "/sparql?query=" + quote("ASK { ?s a vnru:Treaty }"))
    expect(tab.locator(".yasr .booleanResult, .yasr .boolean")).to_contain_text(
        re.compile("true", re.I)
    )


def test_an_example_draws_a_chart(tab, curated):
    tab.goto(curated.url + "/query")
    tab.select_option("#examples", "trade-series")
    chart = tab.locator(".vn-chart svg.marks")
    expect(chart).to_be_visible(timeout=20_000)
    assert tab.locator(".vn-chart path.mark-line, .vn-chart g.mark-line path").count() > 0
    expect(tab.locator(".vn-controls")).to_contain_text("value over period")
    shoot(tab, "chart")


def test_an_example_draws_a_timeline(tab, curated):
    tab.goto(curated.url + "/query?name=timeline")
    tab.get_by_role("button", name="Shows Timeline view").click(timeout=20_000)
    expect(tab.locator(".vn-timeline svg.marks")).to_be_visible(timeout=20_000)
    # years drawn as spans of the whole year, days as points
    expect(tab.locator(".vn-timeline")).to_contain_text("a year is drawn as the whole year")
    assert tab.locator(".vn-timeline g.mark-rect path").count() > 0
    shoot(tab, "timeline")


def test_a_returning_visitor_gets_the_named_query_asked_for(tab, curated):
    """Tabs persist; one not shown yet has no editor. Opening another named query must still
    open that query, not leave the visitor on the tab they had last."""
    tab.goto(curated.url + "/query?name=trade-series")
    expect(tab.locator(".vn-chart svg.marks")).to_be_visible(timeout=20_000)
    tab.select_option("#examples", "people")
    expect(tab.locator(".yasgui .tabsList .tab.active")).to_contain_text("People")
    tab.goto(curated.url + "/query?name=timeline")
    expect(tab.locator(".yasgui .tabsList .tab.active")).to_contain_text("Timeline")
    expect(tab.locator(".yasr_response_chip:visible")).to_contain_text("results", timeout=20_000)
    assert "# title: Timeline" in tab.evaluate("window.vnrukgYasgui.getTab().getQuery()")
    tabs = tab.locator(".yasgui .tabsList .tab[role=presentation]").count()
    tab.goto(curated.url + "/query?name=trade-series")  # its kept tab is reused, not doubled
    expect(tab.locator(".vn-chart svg.marks")).to_be_visible(timeout=20_000)
    assert "# title: Trade by year" in tab.evaluate("window.vnrukgYasgui.getTab().getQuery()")
    assert tab.locator(".yasgui .tabsList .tab[role=presentation]").count() == tabs


def test_a_construct_result_draws_a_network(tab, curated):
    tab.goto(curated.url + "/query")
    run(tab, "CONSTRUCT { ?a vnru:party ?b } WHERE { ?a a vnru:Treaty ; vnru:party ?b }")
    expect(tab.locator(".vn-network canvas")).to_be_visible(timeout=20_000)
    expect(tab.locator(".vn-network-details")).to_contain_text("5 nodes, 4 links")
    shoot(tab, "network")
    run(tab, "DESCRIBE vnrd:treaty-1994")  # DESCRIBE too
    expect(tab.locator(".vn-network canvas")).to_be_visible(timeout=20_000)
    expect(tab.locator(".vn-network-details")).to_contain_text(re.compile(r"\d+ nodes, \d+ links"))
    expect(tab.locator(".vn-network-details")).not_to_contain_text("5 nodes, 4 links")


def test_a_select_linking_entities_draws_a_network(tab, curated):
    tab.goto(curated.url + "/query")
    run(tab, "SELECT ?treaty ?party WHERE { ?treaty a vnru:Treaty ; vnru:party ?party }")
    expect(tab.locator(".yasr table.dataTable tbody tr").first).to_be_visible(timeout=20_000)
    tab.get_by_role("button", name="Shows Network view").click()
    expect(tab.locator(".vn-network canvas")).to_be_visible(timeout=20_000)
    expect(tab.locator(".vn-network-details")).to_contain_text("nodes")
    shoot(tab, "network-select")


def _download(tab, fmt: str) -> bytes:
    with tab.expect_download() as waiting:
        tab.select_option("#download", fmt)
    return Path(waiting.value.path()).read_bytes()


def test_downloads_come_in_every_format(tab, curated):
    """Every format the endpoint serves, for a SELECT and for a CONSTRUCT, each parsed."""
    tab.goto(curated.url + "/query")
    run(tab, "SELECT ?t WHERE { ?t a vnru:Treaty } ORDER BY ?t LIMIT 2")
    expect(tab.locator(".yasr table.dataTable tbody tr")).to_have_count(2)
    table = {name for name, _ in TABLE_LINKS}
    assert table == {"csv", "tsv", "json", "xml"}
    starts = {"csv": b"t\r\n", "tsv": b"?t\n", "json": b'{"head"', "xml": b"<?xml"}
    for fmt in sorted(table):
        body = _download(tab, fmt)
        assert body.startswith(starts[fmt]), fmt
        assert body.count(b"https://w3id.org/vnrukg/id/") == 2, fmt
    run(tab, "CONSTRUCT { ?t a vnru:Treaty } WHERE { ?t a vnru:Treaty } ORDER BY ?t LIMIT 2")
    expect(tab.locator(".vn-network canvas, .yasr .CodeMirror").first).to_be_visible()
    parsers = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "xml": "xml"}
    assert {name for name, _ in GRAPH_LINKS} == set(parsers)
    for fmt, parser in parsers.items():  # "xml": SPARQL XML for tables, RDF/XML for graphs
        assert len(Graph().parse(data=_download(tab, fmt), format=parser)) == 2, fmt


def test_named_query_page_fits_and_shows_translations_beside_quotes(tab, curated):
    tab.goto(curated.url + "/queries/statements")
    expect(tab.locator(".result-table tr").nth(5)).to_be_visible(timeout=20_000)
    cells = tab.locator(".result-table td.evidence-cell")
    expect(cells.first.locator(".evidence-label")).to_have_text("translation (curators')")
    assert tab.locator(".result-table details.fold").count() > 0  # long quotes fold
    # nothing spills past a 1440 px window
    assert tab.evaluate("document.documentElement.scrollWidth") <= 1440
    shoot(tab, "named-statements")
    folded = tab.locator(".result-table details.fold").first
    folded.locator("summary").click()
    expect(folded).to_have_attribute("open", "")


@pytest.mark.parametrize("name", ["statements", "policy-statements", "trade-series"])
def test_named_query_tables_fit_a_1440_pixel_page(tab, curated, name):
    tab.goto(f"{curated.url}/queries/{name}")
    expect(tab.locator(".result-table tr").nth(2)).to_be_visible(timeout=30_000)
    shoot(tab, f"named-{name}")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 1440
    widths = tab.locator("#results").evaluate("(el) => [el.scrollWidth, el.clientWidth]")
    assert widths[0] <= widths[1], f"the table is wider than the page: {widths}"
    if tab.locator(".result-table th", has_text="quote").count():
        label = tab.locator(".result-table td.evidence-cell .evidence-label").first
        expect(label).to_have_text("translation (curators')")
    rows = int(tab.locator("#status").inner_text().split()[0])
    if name == "trade-series":  # sixteen columns: a block per row, every row there, none cut
        assert tab.locator(".result-records table.record").count() == rows
        fields = tab.locator("table.record").first.locator("th")
        assert {"period", "value", "unit", "reference", "quote", "source"} <= {
            t.replace("\u200b", "").split("\n")[0] for t in fields.all_inner_texts()
        }
    else:  # a table that fits stays a table
        assert tab.locator(".result-records").count() == 0


def test_entity_page_shows_the_translation_beside_each_quote(tab, curated):
    tab.goto(curated.url + "/id/treaty-1994")
    first = tab.locator("figure.citation").first
    expect(first.locator(".quote-side .evidence-label")).to_contain_text("source's words")
    expect(first.locator(".translation-side .evidence-label")).to_have_text(
        "translation (curators')"
    )
    assert tab.evaluate("document.documentElement.scrollWidth") <= 1440
    shoot(tab, "entity")


def test_the_query_table_shows_translations_beside_quotes(tab, curated):
    tab.goto(curated.url + "/query")
    run(
        tab,
        "SELECT ?fact ?quote WHERE { ?fact vnru:citation ?c . ?c vnru:quote ?quote ; "
        "vnru:translation ?t } ORDER BY ?fact LIMIT 5",
    )
    cell = tab.locator(".yasr table.dataTable td.col-quote").first
    expect(cell.locator(".evidence-label")).to_have_text("translation (curators')")
    shoot(tab, "table-translations")
