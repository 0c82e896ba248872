"""The pages in a real browser (Debian chromium through Playwright): an entity page, the query
page running a query, a named-query page; no request leaves for anywhere but the server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.chromium import ARGS, CHROMIUM, require_chromium

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        running = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield running
        running.close()


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


def test_query_page_runs_a_query(tab, server):
    tab.goto(server.url + "/query")
    tab.fill(
        "#query",
        "SELECT ?state ?name WHERE { ?state a vnru:State ; skos:prefLabel ?name "
        'FILTER(LANG(?name) = "vi") } ORDER BY ?name',
    )
    tab.click("#run")
    tab.wait_for_selector(".result-table")
    rows = tab.locator(".result-table tr")
    assert rows.count() == 4
    assert rows.nth(0).inner_text().split() == ["state", "name"]
    cells = [rows.nth(i).locator("td").nth(1).inner_text() for i in range(1, 4)]
    assert cells == ["Liên Xô @vi", "Liên bang Nga @vi", "Việt Nam @vi"]
    assert tab.locator("#status").inner_text().startswith("3 rows in")
    link = rows.nth(1).locator("a")
    assert link.get_attribute("href") == "/id/soviet-union"


def test_query_page_shows_syntax_errors(tab, server):
    tab.goto(server.url + "/query")
    tab.fill("#query", "SELECT ?s\nWHERE { ?s ?p }")
    tab.press("#query", "Control+Enter")
    tab.wait_for_selector(".status.error")
    assert tab.locator("#status").inner_text().startswith("SPARQL syntax error at line 2")


def test_named_query_page_and_example_picker(tab, server):
    tab.goto(server.url + "/queries/agreements?since=1990")
    tab.wait_for_selector(".result-table")
    assert tab.locator(".result-table tr").count() == 3
    tab.goto(server.url + "/query")
    # The picker fetches the named queries before it fills the editor. Network latency makes
    # the wait below poll, as on a slow machine: a polling wait_for_function would eval() its
    # string, which the page's CSP forbids, so the wait is a locator assertion.
    latency = tab.context.new_cdp_session(tab)
    latency.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 300, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    tab.select_option("#examples", "people")
    expect(tab.locator("#query")).to_have_value(re.compile("vnru:Person"))
    tab.click("#run")
    tab.wait_for_selector(".result-table")
    assert tab.locator(".result-table tr").count() == 3
