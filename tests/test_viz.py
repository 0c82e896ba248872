"""The network page: its node and edge lists (golden), its HTML, the viz command, the build."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.viz_support import check_golden, viz_kg, viz_net, viz_root  # noqa: F401
from vnrukg import pages
from vnrukg.cli import cli
from vnrukg.cli.viz import viz as viz_command
from vnrukg.network import EntityNetwork, Relation
from vnrukg.viz import build_outputs, layout, layout_ahead, network_page, render, select
from vnrukg.viz.data import page_data
from vnrukg.viz.layout import positions
from vnrukg.viz.page import DRAW_LIMIT, render_page, script_json


def _lists(data) -> str:
    payload = {
        "nodes": data.nodes,
        "edges": data.edges,
        "details": data.details,
        "edge_details": data.edge_details,
    }
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def test_node_and_edge_lists_match_the_golden_file(viz_net):
    check_golden("viz-page-data.json", _lists(page_data(viz_net, "en")))


def test_nodes_have_style_size_and_years(viz_net):
    data = page_data(viz_net, "en")
    nodes = {n["id"]: n for n in data.nodes}
    vietnam = nodes["vnrd:vietnam"]
    assert (vietnam["shape"], vietnam["color"]["background"]) == ("hexagon", "#c0392b")
    assert (vietnam["value"], nodes["vnrd:russia"]["value"]) == (9, 11)
    assert nodes["vnrd:russia"]["value"] == max(n["value"] for n in data.nodes)
    assert nodes["vnrd:partnership-2012"]["y0"] == 2012
    assert nodes["vnrd:partnership-2012"]["y1"] is None
    assert nodes["vnrd:treaty-1994"]["label"] == "Treaty on the Basic Principles of…"
    assert nodes["vnrd:treaty-1994"]["label_vi"] == "Hiệp ước về những nguyên tắc cơ bản…"
    assert len(data.nodes) == 21
    assert len(data.edges) == 33
    assert data.years == (1978, 2024)


def test_parallel_relations_merge_into_one_edge():
    from vnrukg.network import Entity

    def entity(key):
        return Entity(key, "", "vnru:State", "State", "Quốc gia", "state", key, key)

    net = EntityNetwork({"a": entity("a"), "b": entity("b")})
    net.relations = [
        Relation("a", "b", "vnru:party", "party", "bên", "x"),
        Relation("a", "b", "vnru:host", "host", "chủ nhà", "y"),
        Relation("a", "b", "vnru:party", "party", "bên", "z"),
    ]
    data = page_data(net)
    assert [(e["from"], e["to"], e["label"]) for e in data.edges] == [("a", "b", "party · host")]
    assert [r[4] for r in data.edge_details["e0"]] == ["x", "y", "z"]


@pytest.mark.parametrize("fast", [True, False], ids=["orjson", "json"])
def test_script_json_cannot_close_the_script(fast, monkeypatch):
    if not fast:
        monkeypatch.setattr(pages, "orjson", None)
    text = script_json({"a": "</script><!-- & \u2028\u2029"})
    assert not any(c in text for c in "<>&\u2028\u2029")
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029"}


def test_compact_json_writes_what_the_standard_library_writes():
    value = {
        "b": [1, -2.5, 0.1, 1234567.8, 1e16, None, True, False, []],
        "a": {"Đặng": 'Việt Nam\u2028"\\\n\t\x00\x1f\x7f 🇻🇳', "": {}, "z": ["\ud7ff"]},
        "ä": 0,
        "a b": (1, 2),
    }
    written = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    assert pages.compact_json(value) == written.encode("utf-8")
    # what orjson cannot write, the standard library does
    assert pages.compact_json({1: 2**70}) == b'{"1":1180591620717411303424}'


def test_page_is_self_contained_and_escaped(viz_kg):
    page = network_page(viz_kg, title="Test <b>title</b>")
    html = page.html
    assert html.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in html
    assert "Content-Security-Policy" in html and "connect-src 'none'" in html
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", html, re.I)
    assert "@import" not in html
    assert "<img src=x" not in html
    assert "<script>alert" not in html
    assert "<!-- <script>" not in html
    assert "<title>Test &lt;b&gt;title&lt;/b&gt;</title>" in html
    assert html.count("\n<script") == 4 and html.count("</script>") == 4  # two of them JSON
    assert "sourceMappingURL" not in html
    assert "Đối thoại Chiến lược Quốc phòng" in html  # UTF-8, not escaped to \\u


def test_select_rejects_bad_requests(viz_net):
    import pytest

    from vnrukg.errors import UsageError, VnrukgError

    with pytest.raises(UsageError, match="unknown class 'people'"):
        select(viz_net, ["people"])
    with pytest.raises(UsageError, match="after --until"):
        select(viz_net, since=2020, until=2010)
    with pytest.raises(VnrukgError, match="outside the class or period"):
        select(viz_net, ["state"], focus="phan van giang")
    assert sorted(select(viz_net, focus="Su-30MK2", depth=1).entities) == [
        "vnrd:su-30mk2",
        "vnrd:transfer-su-30mk2-2009",
    ]


def test_static_layout_places_every_node(viz_net):
    placed = positions(viz_net)
    assert set(placed) == set(viz_net.entities)
    assert positions(viz_net) == placed  # deterministic
    page = render(viz_net, layout="static")
    assert not page.physics
    assert '"physics":false' in page.html


@pytest.fixture
def layout_processes(monkeypatch):
    """The commands of the layout processes started (every layout runs in one: the limit is
    lowered to 2 entities)."""
    monkeypatch.setattr(layout, "PARALLEL_LIMIT", 2)
    started = []
    real_popen = layout.subprocess.Popen

    def popen(*args, **kwargs):
        started.append(args[0])
        return real_popen(*args, **kwargs)

    monkeypatch.setattr(layout.subprocess, "Popen", popen)
    return started


def test_a_layout_in_its_own_process_is_the_same(viz_net, request, monkeypatch):
    """Above PARALLEL_LIMIT the layout runs as a script beside the page's data: the same
    positions, and the same page to the byte; a script that fails is made up for here."""
    placed = positions(viz_net)
    page = render(viz_net, layout="static").html
    started = request.getfixturevalue("layout_processes")  # after the in-process layout
    assert layout.positions_later(viz_net)() == placed
    assert render(viz_net, layout="static").html == page
    assert len(started) == 2 and started[0][-1].endswith("communities.py")
    monkeypatch.setattr(layout.communities, "__file__", "/nonexistent/communities.py")
    assert layout.positions_later(viz_net)() == placed  # the script failed: computed here


def test_a_layout_started_while_the_network_is_built(viz_kg, request):
    """The layout started as soon as the links are known gives the page the same positions,
    to the byte, with one process for the network and the page; a part of the network chosen
    by filters is laid out once chosen; a page the browser lays out starts nothing."""
    from vnrukg.network import build_network

    page = render(build_network(viz_kg), layout="static").html
    started = request.getfixturevalue("layout_processes")  # after the in-process layout
    ahead = layout_ahead("static")
    net = build_network(viz_kg, ahead)
    assert len(started) == 1  # before render was called
    assert render(net, layout="static", ahead=ahead).html == page
    assert len(started) == 1
    assert network_page(viz_kg, layout="static").html == page
    assert len(started) == 2
    network_page(viz_kg, layout="static", since=2000)
    assert len(started) == 3  # the chosen part only: nothing was started for the whole
    other = select(net, since=2000)
    assert ahead.positions_later(other)() == positions(other)
    assert len(started) == 4
    network_page(viz_kg)  # 21 entities: laid out by the browser
    network_page(viz_kg, layout="physics")
    assert len(started) == 4


def _element(html: str, name: str):
    """The JSON in the page's ``vnrukg-NAME`` element."""
    found = re.search(rf'id="vnrukg-{name}">(.*?)</script>', html, re.S)
    assert found
    return json.loads(found.group(1))


def test_positions_travel_apart_and_are_asked_for_last(viz_net):
    """Positions are [x, y] (or null) for each node in order, in an element of their own,
    asked for after the rest of the page is written; a page without any says null."""
    placed = positions(viz_net)
    data = page_data(viz_net)
    assert not any("x" in n or "y" in n for n in data.nodes)
    asked = []

    def later():
        asked.append(len(data.nodes))
        return placed

    view = {"title": "t", "lang": "en", "physics": False}
    html = render_page(data, **view, positions=later)
    assert asked == [21]
    expected = [[round(c, 1) for c in placed[n["id"]]] for n in data.nodes]
    assert _element(html, "positions") == expected
    assert html == render_page(data, **view, positions=placed)
    first = data.nodes[0]["id"]
    some = _element(render_page(data, **view, positions={first: placed[first]}), "positions")
    assert some == [expected[0]] + [None] * 20
    assert _element(render_page(data, **view), "positions") is None
    assert "x" not in _element(html, "data")["nodes"][0]


def test_viz_command_writes_the_page(viz_root, tmp_path):
    out = tmp_path / "net.html"
    result = CliRunner().invoke(
        cli, ["--root", str(viz_root), "viz", "-o", str(out), "--since", "2012"]
    )
    assert result.exit_code == 0, result.output
    expected = rf"wrote {re.escape(str(out))} \(16 entities, 24 links for 24 relations, [\d,]+ bytes, laid out"
    assert re.fullmatch(expected + r" in the browser\)\n", result.stderr)
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_viz_command_errors(viz_root, tmp_path):
    runner = CliRunner()
    base = ["--root", str(viz_root), "viz", "-o", str(tmp_path / "x.html")]
    bad_class = runner.invoke(cli, [*base, "--class", "people"])
    assert bad_class.exit_code == 2
    unknown = runner.invoke(cli, [*base, "--focus", "nobody at all"])
    assert unknown.exit_code == 1
    assert unknown.stderr == "Error: nothing named 'nobody at all'\n"
    assert not (tmp_path / "x.html").exists()
    negative = runner.invoke(cli, [*base, "--draw-limit", "-1"])
    assert negative.exit_code == 2 and "--draw-limit" in negative.stderr
    assert "Traceback" not in negative.output
    assert not (tmp_path / "x.html").exists()


def test_draw_limit_reaches_the_page(viz_root, viz_net, tmp_path):
    """`--draw-limit` (default: the library's) is the page's; WebGL pages draw everything."""
    limit = next(p for p in viz_command.params if p.name == "draw_limit")
    assert limit.default == DRAW_LIMIT

    def payload(html: str) -> dict:
        return _element(html, "data")

    assert payload(render(viz_net).html)["drawLimit"] == DRAW_LIMIT
    assert payload(render(viz_net, draw_limit=5).html)["drawLimit"] == 5
    assert payload(render(viz_net, renderer="webgl", draw_limit=5).html)["drawLimit"] == 0
    out = tmp_path / "net.html"
    result = CliRunner().invoke(
        cli, ["--root", str(viz_root), "viz", "-o", str(out), "--draw-limit", "0"]
    )
    assert result.exit_code == 0, result.output
    assert payload(out.read_text("utf-8"))["drawLimit"] == 0


def test_viz_help():
    result = CliRunner().invoke(cli, ["viz", "-h"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_build_outputs(viz_kg, tmp_path):
    written = dict(build_outputs(viz_kg, tmp_path))
    assert sorted(p.name for p in written) == ["network.html", "vnrukg.gexf", "vnrukg.graphml"]
    assert written[tmp_path / "network.html"].startswith("<!DOCTYPE html>")


def test_build_command_writes_the_page(viz_root, tmp_path):
    result = CliRunner().invoke(
        cli, ["--root", str(viz_root), "build", "-o", str(tmp_path / "dist"), "--skip-validation"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "dist" / "network.html").exists()
    assert f"wrote {tmp_path / 'dist' / 'vnrukg.graphml'}" in result.output


def test_vendored_sigma_bundle_matches_its_pinned_recipe():
    from vnrukg.viz.page import SIGMA_VERSION

    root = Path(__file__).resolve().parent.parent
    recipe = json.loads((root / "js" / "sigma" / "package.json").read_text())
    lock = json.loads((root / "js" / "sigma" / "package-lock.json").read_text())
    assert recipe["devDependencies"]["sigma"] == SIGMA_VERSION  # exact, no range
    assert lock["packages"]["node_modules/sigma"]["version"] == SIGMA_VERSION
    vendor = root / "vnrukg" / "vendor"
    bundle = (vendor / f"sigma-{SIGMA_VERSION}.min.js").read_text()
    assert "vnrukgSigma" in bundle and "sourceMappingURL" not in bundle
    licence = (vendor / f"sigma-{SIGMA_VERSION}.LICENSE.txt").read_text()
    assert f"sigma {SIGMA_VERSION}, licence MIT" in licence and "graphology" in licence


def test_webgl_only_on_request():
    from vnrukg.viz.page import choose_renderer

    # software WebGL (no GPU) drew the 20,000-entity page slower than the canvas: see page.py
    assert choose_renderer(20_000) == "canvas"
    assert choose_renderer(10, "webgl") == "webgl"
    assert choose_renderer(20_000, "canvas") == "canvas"
