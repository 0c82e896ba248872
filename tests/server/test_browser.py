"""The pages in a real browser (Debian chromium through Playwright): an entity page, the query
page running a query, a named-query page; no request leaves for anywhere but the server."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.chromium import browser  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.fixture
def tab(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on(
        "response",
        lambda r: r.status >= 400 and "/sparql" not in r.url and page.errors.append(r.url),
    )
    yield page
    context.close()
    foreign = [u for u in page.requests if not u.startswith((server.url, "data:"))]
    assert foreign == []
    assert page.errors == []


def test_entity_page(tab, server):
    tab.goto(server.url + "/id/talks-2024-08-13-giang-belousov")
    assert tab.locator("h1").inner_text() == "Talks between Phan Văn Giang and Andrey Belousov"
    assert tab.locator("p.vi.big").inner_text() == "Hội đàm Phan Văn Giang – Andrey Belousov"
    assert "Ngày 13/8 (theo giờ Moscow)" in tab.locator("blockquote").first.inner_text()
    tab.get_by_role("link", name="Andrey Removich Belousov").first.click()
    tab.wait_for_url(server.url + "/id/andrey-belousov")
    assert tab.locator("h1").inner_text() == "Andrey Removich Belousov"


def _run(tab, text):
    tab.locator(".CodeMirror").first.click()
    tab.keyboard.press("Control+a")
    tab.keyboard.press("Delete")
    tab.keyboard.insert_text(text)
    tab.keyboard.press("Control+Enter")


def test_query_page_runs_a_query(tab, server):
    tab.goto(server.url + "/query")
    _run(
        tab,
        "SELECT ?state ?name WHERE { ?state a vnru:State ; skos:prefLabel ?name "
        'FILTER(LANG(?name) = "vi") } ORDER BY ?name',
    )
    rows = tab.locator(".yasr table.dataTable tbody tr")
    expect(rows).to_have_count(3)
    heads = tab.locator(".yasr table.dataTable thead th").all_inner_texts()
    assert [h.strip() for h in heads if h.strip()] == ["state", "name"]
    names = [rows.nth(i).locator("td").nth(1).inner_text() for i in range(3)]
    assert names == ["Liên Xô", "Liên bang Nga", "Việt Nam"]  # tags only on demand
    link = rows.nth(0).locator("a.iri")
    assert link.get_attribute("href") == "/id/soviet-union"
    assert "Soviet Union" in rows.nth(0).locator("td").nth(0).inner_text()  # label beside IRI
    tab.get_by_label("Simple view").uncheck()  # then the row numbers, datatypes and tags
    expect(rows.nth(0).locator("td").nth(2)).to_contain_text("@vi")


def test_query_page_shows_syntax_errors(tab, server):
    tab.goto(server.url + "/query")
    _run(tab, "SELECT ?s\nWHERE { ?s ?p }")
    expect(tab.locator(".yasr .errorResult")).to_contain_text("SPARQL syntax error at line 2")


def test_named_query_page_and_example_picker(tab, server):
    tab.goto(server.url + "/queries/agreements?since=1990")
    tab.wait_for_selector(".result-table")
    assert tab.locator(".result-table tr").count() == 3
    tab.goto(server.url + "/query")
    tab.select_option("#examples", "people")
    expect(tab.locator(".yasgui .tabsList .tab.active")).to_contain_text("People and their")
    rows = tab.locator(".yasr table.dataTable tbody tr")
    expect(rows).to_have_count(2)
    assert "vnru:Person" in tab.evaluate("window.vnrukgYasgui.getTab().getQuery()")
