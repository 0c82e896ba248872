"""The network page in a real browser: headless Debian chromium, driven by Playwright.

Every request that is not for the page's own file is aborted and counted (there must be
none), every console error or warning fails the test, and a screenshot is written into
``test-artifacts/``. Needs ``/usr/bin/chromium`` (``.ci/run`` installs it with apt); outside CI
the tests are skipped when it is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.chromium import CHROMIUM, browser  # noqa: F401
from tests.viz_support import REPO, make_project
from vnrukg.names import fold
from vnrukg.network import build_network, period_subset
from vnrukg.viz import render
from vnrukg.viz.data import page_data

ARTIFACTS = REPO / "test-artifacts"

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing: CI must install chromium")
    pytest.skip(f"{CHROMIUM} not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def network(tmp_path_factory):
    from vnrukg.project import Project
    from vnrukg.store import load

    root = make_project(tmp_path_factory.mktemp("browser") / "project")
    return build_network(load(Project(root)))


class Session:
    """A page opened from disk with networking cut off, recording what goes wrong."""

    def __init__(self, browser, path: Path):
        self.requests: list[str] = []
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1440, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.as_uri())
        # a selector wait: wait_for_function would eval() a string, which the page's CSP forbids
        self.page.wait_for_selector('body[data-ready="1"]', state="attached", timeout=120_000)

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def _console(self, message):
        if message.type in ("error", "warning"):
            self.problems.append(f"{message.type}: {message.text}")

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def visible_nodes(self) -> set[str]:
        return set(self.js("window.vnrukg.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))

    def visible_edges(self) -> int:
        return self.js("window.vnrukg.edges.get({filter: e => !e.hidden}).length")

    def close(self) -> None:
        assert self.requests == [], "the page tried to load from the network"
        assert self.problems == []
        assert self.dialogs == []
        self.context.close()


@pytest.fixture
def session(browser, network, tmp_path):
    path = tmp_path / "network.html"
    path.write_text(render(network).html, encoding="utf-8")
    opened = Session(browser, path)
    yield opened
    opened.close()


def _expected_edges(sub) -> int:
    return len({(r.source, r.target) for r in sub.relations if r.source != r.target})


def test_page_loads_offline_with_every_node_and_edge(session, network):
    data = page_data(network)
    assert session.js("window.vnrukg.nodes.length") == len(data.nodes) == 21
    assert session.js("window.vnrukg.edges.length") == len(data.edges) == 33
    assert session.js("window.vnrukg.network.physics.physicsEnabled") is False  # settled
    assert session.page.inner_text("#visible") == ("Showing 21 of 21 entities and 33 of 33 links.")
    legend = session.page.locator("#legend li").all_inner_texts()
    assert legend[0].split() == ["States", "3"]
    ARTIFACTS.mkdir(exist_ok=True)
    session.page.screenshot(path=str(ARTIFACTS / "network-fixture.png"))


def test_search_with_and_without_diacritics(session):
    for text in ("Phan Văn Giang", "Đối thoại  Chiến lược", "Москва", "Ёлка", "Mát-xcơ-va"):
        assert session.js("t => window.vnrukg.fold(t)", text) == fold(text)
    assert session.js("window.vnrukg.search('phan van giang')")[0] == "vnrd:phan-van-giang"
    assert session.js("window.vnrukg.search('matxcova')") == ["vnrd:moscow"]
    session.page.fill("#search", "doi thoai chien luoc quoc phong viet")
    first = session.page.locator("#results li").first
    assert first.inner_text().startswith("Vietnam–Russia Defence Strategic Dialogue")
    session.page.press("#search", "Enter")
    assert session.page.inner_text("#details h2") == "Vietnam–Russia Defence Strategic Dialogue"
    selected = session.js("window.vnrukg.network.getSelectedNodes()")
    assert selected == ["vnrd:defence-strategic-dialogue"]


@pytest.mark.parametrize("since, until", [(2012, 2013), (None, 1990), (2020, None), (2018, 2018)])
def test_period_filter_matches_the_python_rule(session, network, since, until):
    counts = session.js("([s, u]) => window.vnrukg.setPeriod(s, u)", [since, until])
    expected = period_subset(network, since, until)
    assert session.visible_nodes() == set(expected.entities)
    assert counts == {"nodes": len(expected.entities), "edges": _expected_edges(expected)}
    assert session.visible_edges() == _expected_edges(expected)


def test_period_control_in_the_page(session, network):
    session.page.fill("#since", "2012")
    session.page.fill("#until", "2013")
    assert session.visible_nodes() == set(period_subset(network, 2012, 2013).entities)
    session.page.click("#period-reset")
    assert len(session.visible_nodes()) == 21


def test_class_legend_filters(session):
    session.page.click("#classes-none")
    assert session.visible_nodes() == set()
    session.page.check('#legend input[data-family="state"]')
    assert session.visible_nodes() == {"vnrd:russia", "vnrd:soviet-union", "vnrd:vietnam"}
    assert session.visible_edges() == 1  # successor of


def test_injected_label_is_inert_text(session):
    session.page.fill("#search", "<img src=x")
    assert (
        session.page.locator("#results li")
        .first.inner_text()
        .startswith("<img src=x onerror=alert(1)>")
    )
    session.page.press("#search", "Enter")
    assert session.page.inner_text("#details h2") == "<img src=x onerror=alert(1)>"
    assert "</script><script>alert(2)</script>" in session.page.inner_text("#details")
    assert "<!-- <script>alert(3)</script> & \u2028" in session.js(
        "document.querySelector('#details blockquote').textContent"
    )
    assert session.js("document.querySelectorAll('img, iframe').length") == 0
    # the data, the positions, vis-network and the page's script
    assert session.js("document.querySelectorAll('script').length") == 4


def test_hover_shows_names_class_and_evidence(session):
    box = session.js(
        """() => {
        const net = window.vnrukg.network;
        const p = net.canvasToDOM(net.getPositions(['vnrd:su-30mk2'])['vnrd:su-30mk2']);
        const r = document.getElementById('network').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }"""
    )
    session.page.mouse.move(box[0], box[1])
    session.page.wait_for_selector("#tooltip:not([hidden])", timeout=5_000)
    text = session.page.inner_text("#tooltip")
    assert text.splitlines()[:3] == ["Su-30MK2", "Weapon system", "weapon type: fighter aircraft"]
    assert "“Su-30MK2” — 75 năm quan hệ Việt Nam - Liên bang Nga" in text


def test_link_details_show_the_statements_and_quotes(session):
    edge = session.js(
        "window.vnrukg.edges.get({filter: e => e.from === 'vnrd:talks-2024-08-13-giang-belousov'"
        " && e.to === 'vnrd:phan-van-giang'})[0].id"
    )
    session.js("id => window.vnrukg.showEdge(id)", edge)
    text = session.page.inner_text("#details")
    assert "guest (vnrd:talks-2024-08-13-giang-belousov)" in text
    assert "Ngày 13/8 (theo giờ Moscow)" in text
    tenure = session.js(
        "window.vnrukg.edges.get({filter: e => e.from === 'vnrd:phan-van-giang'"
        " && e.to === 'vnrd:mod-vietnam'})[0].id"
    )
    session.js("id => window.vnrukg.showEdge(id)", tenure)
    assert "attests 2024-08-13" in session.page.inner_text("#details")


def test_language_switch_renames_relabels_and_rerenders_the_open_panel(session):
    session.js("window.vnrukg.select('vnrd:soviet-union')")
    assert session.page.inner_text("#details h2") == "Soviet Union"
    session.page.select_option("#lang", "vi")
    assert session.js("window.vnrukg.nodes.get('vnrd:russia').name") == "Liên bang Nga"
    session.js("window.vnrukg.network.redraw()")
    assert session.js("window.vnrukg.labelText('vnrd:russia')") == "Liên bang Nga"
    assert session.page.locator("#legend li").first.inner_text().split("\n")[0] == "Quốc gia"
    # the open panel follows, and so do the page's own words
    assert session.page.inner_text("#details h2") == "Liên Xô"
    details = session.page.inner_text("#details")
    assert "DẪN CHỨNG (1)" in details.upper() and "NGUYÊN VĂN CỦA NGUỒN" in details.upper()
    assert "BẢN DỊCH (CỦA NGƯỜI BIÊN TẬP)" in details.upper()
    assert "At the end of 1991, the Soviet Union was dissolved" in details
    assert session.page.inner_text("#classes legend") == "Loại"
    assert session.page.inner_text("#side h1") == "Quan hệ Việt Nam – Nga: mạng lưới"
    assert session.page.get_attribute("#search", "placeholder") == "Tìm tên (không cần dấu)"
    assert session.page.inner_text("#visible").startswith("Đang hiện 21 / 21 thực thể")


def test_evidence_shows_the_curators_translation_labelled_as_such(session):
    session.js("window.vnrukg.select('vnrd:soviet-union')")
    labels = session.page.locator("#details .cite-label").all_inner_texts()
    assert [t.lower() for t in labels[:2]] == ["the source's words", "translation (curators')"]
    assert session.page.inner_text("#details blockquote") == "Vào cuối năm 1991, Liên Xô giải thể"
    assert session.page.inner_text("#details .translation") == (
        "At the end of 1991, the Soviet Union was dissolved"
    )
    # a citation without a translation says so, never shows the quote as one
    session.js("window.vnrukg.select('vnrd:moscow')")
    assert (
        "translation (curators'): no english translation yet"
        in session.page.inner_text("#details").lower()
    )


def _dom(session, node_id: str) -> list[float]:
    return session.js(
        """id => {
        const net = window.vnrukg.network;
        const p = net.canvasToDOM(net.getPositions([id])[id]);
        const r = document.getElementById('network').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""",
        node_id,
    )


def test_hover_card_closes_when_a_node_is_clicked(session):
    x, y = _dom(session, "vnrd:su-30mk2")
    session.page.mouse.move(x, y)
    session.page.wait_for_selector("#tooltip:not([hidden])", timeout=5_000)
    session.page.mouse.click(x, y)
    assert session.js("document.getElementById('tooltip').hidden") is True
    assert session.page.inner_text("#details h2") == "Su-30MK2"


def test_panel_is_beside_the_canvas_and_keeps_the_node_and_neighbours_in_view(session, network):
    session.page.fill("#search", "phan van giang")
    session.page.press("#search", "Enter")
    panel = session.js("document.getElementById('details').getBoundingClientRect().toJSON()")
    canvas = session.js("document.getElementById('network').getBoundingClientRect().toJSON()")
    assert canvas["right"] <= panel["left"] + 1  # the canvas shrank: the panel covers none of it
    neighbours = {r.target for r in network.relations if r.source == "vnrd:phan-van-giang"}
    neighbours |= {r.source for r in network.relations if r.target == "vnrd:phan-van-giang"}
    for node in {"vnrd:phan-van-giang", *neighbours}:
        x, y = _dom(session, node)
        assert canvas["left"] <= x <= canvas["right"] and canvas["top"] <= y <= canvas["bottom"], (
            node
        )
    # no name is drawn over the selected entity
    session.js("window.vnrukg.redraw()")
    x, y = _dom(session, "vnrd:phan-van-giang")
    x, y = x - canvas["left"], y - canvas["top"]
    spot = {"x": x - 4, "y": y - 4, "w": 8, "h": 8}
    covering = [b["text"] for b in session.js("window.vnrukg.labelBoxes") if _overlap(b, spot)]
    assert covering == []
    session.page.click("#details .close")
    after = session.js("document.getElementById('network').getBoundingClientRect().toJSON()")
    assert after["right"] > canvas["right"] + 300  # the canvas takes the room back


def _check_labels(session, top: int) -> list[dict]:
    """The ``top`` most connected shown entities are named, at 11 px or more, and no two names
    overlap or leave the canvas."""
    session.js("window.vnrukg.network.redraw()")
    boxes = session.js("window.vnrukg.labelBoxes")
    shown = session.js(
        "window.vnrukg.nodes.get({filter: n => !n.hidden})"
        ".sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : 1)).map(n => n.id)"
    )
    named = {b["id"]: b for b in boxes}
    wanted = shown[:top]
    assert [n for n in wanted if n not in named] == []
    assert all(named[n]["size"] >= 11 for n in wanted)
    canvas = session.js("document.getElementById('network').getBoundingClientRect().toJSON()")
    for i, a in enumerate(boxes):
        assert a["x"] >= 0 and a["x"] + a["w"] <= canvas["width"] + 0.5
        assert a["y"] >= 0 and a["y"] + a["h"] <= canvas["height"] + 0.5
        for b in boxes[i + 1 :]:
            apart = (
                a["x"] + a["w"] <= b["x"]
                or b["x"] + b["w"] <= a["x"]
                or a["y"] + a["h"] <= b["y"]
                or b["y"] + b["h"] <= a["y"]
            )
            assert apart, (a["text"], b["text"])
    # edge labels (drawn by the same layer) overlap no name and no other edge label
    everything = boxes + (session.js("window.vnrukg.edgeLabelBoxes || []") or [])
    for i, a in enumerate(everything):
        for b in everything[i + 1 :]:
            assert not _overlap(a, b), (a["text"], b["text"])
    return boxes


def _overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["w"]
        and b["x"] < a["x"] + a["w"]
        and a["y"] < b["y"] + b["h"]
        and b["y"] < a["y"] + a["h"]
    )


def test_names_of_the_most_connected_are_readable_and_never_overlap(session):
    boxes = _check_labels(session, 21)
    assert len(boxes) == 21
    # the same after zooming out: fewer fit, but what is drawn is readable and apart
    session.js("window.vnrukg.network.moveTo({scale: 0.3, animation: false})")
    _check_labels(session, 3)


SPREAD = """() => {
    const api = window.vnrukg, net = api.network;
    const ids = api.nodes.get({filter: n => !n.hidden}).map(n => n.id);
    const pts = ids.map(id => net.canvasToDOM(net.getPositions([id])[id]));
    const r = document.getElementById('network').getBoundingClientRect();
    const w = Math.max(...pts.map(p => p.x)) - Math.min(...pts.map(p => p.x));
    const h = Math.max(...pts.map(p => p.y)) - Math.min(...pts.map(p => p.y));
    const inside = pts.every(p => p.x >= 0 && p.y >= 0 && p.x <= r.width && p.y <= r.height);
    return [Math.max(w / r.width, h / r.height), inside, ids.length];
}"""


def _rearranged(session) -> list:
    session.page.wait_for_selector("#status[hidden]", state="attached", timeout=60_000)
    assert session.js("window.vnrukg.arranging") is False
    assert session.js("window.vnrukg.network.physics.physicsEnabled") is False
    return session.js(SPREAD)


def test_rearranging_what_is_shown(session):
    assert session.js("window.vnrukg.rearrangements") == 0
    session.js("window.vnrukg.setFamilies(['event', 'person', 'state'])")  # most hidden: automatic
    _spread, inside, count = _rearranged(session)
    assert session.js("window.vnrukg.rearrangements") == 1
    assert inside and count == 7
    session.js("window.vnrukg.setFamilies(['event', 'person', 'state', 'session'])")  # small change
    assert session.js("window.vnrukg.rearrangements") == 1
    session.page.click("#rearrange")  # on request
    assert _rearranged(session)[1]
    assert session.js("window.vnrukg.rearrangements") == 2


@pytest.mark.parametrize("year", [1978, 1994, 2012, 2024])
def test_time_slider_shows_the_network_as_of_a_year(session, network, year):
    session.page.locator("#year-slider").fill(str(year))
    expected = period_subset(network, None, year)
    assert session.visible_nodes() == set(expected.entities)
    assert session.page.input_value("#until") == str(year)
    assert session.page.inner_text("#year-label") == f"As of {year}"
    session.page.select_option("#window", "1")
    assert session.visible_nodes() == set(period_subset(network, year, year).entities)


def test_play_runs_through_the_years_and_stops(session, network):
    session.js("window.vnrukg.play(40)")
    session.page.wait_for_selector("#play[aria-label='play']", state="attached", timeout=20_000)
    assert session.page.input_value("#year-slider") == "2024"
    assert session.visible_nodes() == set(period_subset(network, None, 2024).entities)


def test_static_layout_page(browser, network, tmp_path):
    path = tmp_path / "static.html"
    path.write_text(render(network, layout="static").html, encoding="utf-8")
    opened = Session(browser, path)
    try:
        positions = opened.js("window.vnrukg.network.getPositions()")
        assert len(positions) == 21
        assert opened.js("window.vnrukg.nodes.get('vnrd:russia').x") is not None
    finally:
        opened.close()


def test_focused_curated_page_names_everything_without_overlap(browser, tmp_path):
    """`vnrukg viz --focus phan-van-giang` (it overlapped badly before the label layer)."""
    from vnrukg.project import Project
    from vnrukg.store import load
    from vnrukg.viz import select

    curated = build_network(load(Project(REPO)))
    focused = select(curated, focus="phan-van-giang")
    path = tmp_path / "giang.html"
    path.write_text(render(focused).html, encoding="utf-8")
    opened = Session(browser, path)
    try:
        _check_labels(opened, min(30, len(focused.entities)))
        ARTIFACTS.mkdir(exist_ok=True)
        opened.page.screenshot(path=str(ARTIFACTS / "network-focus-phan-van-giang.png"))
    finally:
        opened.close()


def test_curated_graph_page_in_the_browser(browser, tmp_path):
    """The page of the whole curated graph: offline, every entity and link, settled, searchable."""
    from vnrukg.project import Project
    from vnrukg.store import load

    curated = build_network(load(Project(REPO)))
    data = page_data(curated)
    path = tmp_path / "curated.html"
    path.write_text(render(curated).html, encoding="utf-8")
    opened = Session(browser, path)
    try:
        assert opened.js("window.vnrukg.nodes.length") == len(data.nodes) > 400
        assert opened.js("window.vnrukg.edges.length") == len(data.edges) > 800
        assert opened.js("window.vnrukg.network.physics.physicsEnabled") is False  # settled
        assert opened.js("window.vnrukg.search('phan van giang')")[0] == "vnrd:phan-van-giang"
        assert "vnrd:moscow" in opened.js("window.vnrukg.search('matxcova')")
        statements = sum(e.family == "statement" for e in curated.entities.values())
        shown = len(data.nodes) - statements  # statements start unticked (one click away)
        assert len(opened.visible_nodes()) == shown
        assert opened.page.inner_text("#visible").startswith(
            f"Showing {shown} of {len(data.nodes)}"
        )
        _check_labels(opened, 30)
        ARTIFACTS.mkdir(exist_ok=True)
        opened.page.screenshot(path=str(ARTIFACTS / "network-curated.png"))
        # a filter that hides most entities re-arranges the rest to fill the canvas
        opened.js("window.vnrukg.setFamilies(['event', 'person'])")
        spread, inside, count = _rearranged(opened)
        assert inside and spread > 0.6 and count > 50
        _check_labels(opened, 30)
        opened.page.screenshot(path=str(ARTIFACTS / "network-curated-events-people.png"))
    finally:
        opened.close()


def test_a_page_over_its_draw_limit_draws_the_most_connected(browser, network, tmp_path):
    """Over the limit, the most connected entities are drawn and the rest come when asked
    for: a searched entity with its neighbours, then everything on "Draw all"."""
    data = page_data(network)
    path = tmp_path / "limited.html"
    path.write_text(render(network, draw_limit=6).html, encoding="utf-8")
    opened = Session(browser, path)
    try:
        held = opened.js("window.vnrukg.view.held()")
        assert held[0] == 6 < len(data.nodes)  # vis-network was given only what is drawn
        ranked = sorted(data.nodes, key=lambda n: (-n["value"], n["id"]))
        assert opened.visible_nodes() == {n["id"] for n in ranked[:6]}
        note = opened.page.inner_text("#limited")
        assert "Of the 21 entities the filters let through, the 6 most connected are drawn" in note
        assert opened.page.is_visible("#draw-all")
        # an entity left undrawn is found by search, and not called hidden by the filters
        least = ranked[-1]
        name = opened.js(f"window.vnrukg.name({least['id']!r})")
        opened.page.fill("#search", name)
        first = opened.page.locator("#results li").first
        assert "hidden by the filters" not in first.inner_text()
        assert opened.js(f"window.vnrukg.position({least['id']!r})") is None
        opened.page.keyboard.press("Enter")
        neighbours = {
            e["to"] if e["from"] == least["id"] else e["from"]
            for e in data.edges
            if least["id"] in (e["from"], e["to"])
        }
        shown = opened.visible_nodes()
        assert {least["id"], *neighbours} <= shown
        assert opened.js(f"window.vnrukg.position({least['id']!r})") is not None
        assert opened.js("window.vnrukg.selected()") == [least["id"]]
        assert opened.page.is_visible("#details")
        ARTIFACTS.mkdir(exist_ok=True)
        opened.page.screenshot(path=str(ARTIFACTS / "network-draw-limit.png"))
        opened.js("window.vnrukg.setLang('vi')")
        assert "thực thể liên kết nhiều nhất được vẽ" in opened.page.inner_text("#limited")
        assert opened.page.inner_text("#draw-all") == "Vẽ tất cả (chậm)"
        opened.js("window.vnrukg.setLang('en')")
        opened.page.click("#draw-all")
        opened.page.wait_for_selector("#limited", state="hidden")
        assert opened.js("window.vnrukg.view.held()") == [len(data.nodes), len(data.edges)]
        assert len(opened.visible_nodes()) == len(data.nodes)
        assert opened.page.inner_text("#visible") == (
            f"Showing {len(data.nodes)} of {len(data.nodes)} entities "
            f"and {len(data.edges)} of {len(data.edges)} links."
        )
    finally:
        opened.close()


def test_webgl_page_offers_the_same_page(browser, network, tmp_path):
    """The WebGL view (sigma.js, `--renderer webgl`) on the small fixture: offline, drawn,
    names readable and apart, filters, search and the panel beside the canvas, a click opens the
    evidence, re-arranging fills the canvas."""
    path = tmp_path / "webgl.html"
    path.write_text(render(network, renderer="webgl").html, encoding="utf-8")
    opened = Session(browser, path)
    try:
        assert opened.js("window.vnrukg.renderer") == "webgl"
        assert len(opened.js("window.vnrukg.shownNodes()")) == 21
        assert len(opened.js("window.vnrukg.shownEdges()")) == 33
        opened.js("window.vnrukg.redraw()")
        opened.page.wait_for_timeout(200)
        boxes = opened.js("window.vnrukg.labelBoxes")
        assert len(boxes) == 21 and all(b["size"] >= 11 for b in boxes)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert (
                    a["x"] + a["w"] <= b["x"]
                    or b["x"] + b["w"] <= a["x"]
                    or a["y"] + a["h"] <= b["y"]
                    or b["y"] + b["h"] <= a["y"]
                ), (a["text"], b["text"])
        opened.js("window.vnrukg.setFamilies(['event', 'person', 'state'])")
        opened.page.wait_for_selector("#status[hidden]", state="attached", timeout=60_000)
        assert len(opened.js("window.vnrukg.shownNodes()")) == 7
        assert opened.js("window.vnrukg.rearrangements") == 1
        opened.page.fill("#search", "phan van giang")
        opened.page.press("#search", "Enter")
        assert opened.page.inner_text("#details h2") == "Phan Văn Giang"
        canvas = opened.js("document.getElementById('network').getBoundingClientRect().toJSON()")
        panel = opened.js("document.getElementById('details').getBoundingClientRect().toJSON()")
        assert canvas["right"] <= panel["left"] + 1
        x, y = opened.js("window.vnrukg.position('vnrd:phan-van-giang')")
        assert canvas["left"] <= x <= canvas["right"] and canvas["top"] <= y <= canvas["bottom"]
        opened.page.click("#details .close")
        opened.page.wait_for_timeout(200)
        x, y = opened.js("window.vnrukg.position('vnrd:phan-van-giang')")
        opened.page.mouse.click(x, y)
        opened.page.wait_for_selector("#details:not([hidden])", timeout=5_000)
        assert opened.page.inner_text("#details h2") == "Phan Văn Giang"
        ARTIFACTS.mkdir(exist_ok=True)
        opened.page.screenshot(path=str(ARTIFACTS / "network-webgl.png"))
    finally:
        # software WebGL's performance notices (sigma reads pixels to find what is under the
        # pointer) are the driver's, not the page's
        opened.problems = [p for p in opened.problems if "GL Driver Message" not in p]
        opened.close()
