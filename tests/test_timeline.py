"""The timeline: items at the precision of their dates, filters, the page, the command."""

import html as html_lib
import re
from datetime import date

from click.testing import CliRunner

from tests.viz_support import make_project, viz_kg, viz_net, viz_root  # noqa: F401
from vnrukg.cli import cli
from vnrukg.network import split_graph
from vnrukg.timeline import build_timeline, timeline_page
from vnrukg.timeline.page import item_record


def _timeline(viz_kg, viz_net, **filters):
    facts, _terms = split_graph(viz_kg)
    return build_timeline(viz_net, facts, **filters)


def test_items_are_drawn_at_the_precision_of_their_dates(viz_kg, viz_net):
    items = {i.id: i for i in _timeline(viz_kg, viz_net).items}
    session = items["vnrd:dsd-session-4"]  # "2018"^^xsd:gYear: the whole year
    assert (session.period.start, session.period.end, session.period.precision) == (
        date(2018, 1, 1),
        date(2019, 1, 1),
        "year",
    )
    assert item_record(session)["t"] == "2019-01-01"  # a range, not a box
    month = items["vnrd:dsd-session-5"]  # "2022-11"^^xsd:gYearMonth: the month
    assert (month.period.start, month.period.end) == (date(2022, 11, 1), date(2022, 12, 1))
    day = items["vnrd:talks-2024-08-13-giang-belousov"]
    assert day.period.precision == "day" and item_record(day)["t"] is None  # a box
    partnership = items["vnrd:partnership-2012"]  # a start and no end: runs on, marked open
    assert partnership.open_end and partnership.period.label_en == "from 2012"
    treaty = items["vnrd:treaty-1994"]
    assert (treaty.role_en, treaty.kind) == ("signed", "agreement")
    assert "vnrd:russia" in treaty.actors and "vnrd:vietnam" in treaty.actors


def test_filters_by_years_kind_and_actor(viz_kg, viz_net):
    ids = {i.entity for i in _timeline(viz_kg, viz_net, since=2012, until=2018).items}
    assert ids == {
        "vnrd:visit-2012-07",
        "vnrd:joint-statement-2012",
        "vnrd:partnership-2012",
        "vnrd:dsd-session-4",
    }
    only = _timeline(viz_kg, viz_net, kinds=["session"]).items
    assert [i.entity for i in only] == ["vnrd:dsd-session-4", "vnrd:dsd-session-5"]
    giang = {i.entity for i in _timeline(viz_kg, viz_net, actor="vnrd:phan-van-giang").items}
    assert giang == {"vnrd:visit-2012-07", "vnrd:talks-2024-08-13-giang-belousov"}


def test_page_is_offline_and_escaped(viz_kg):
    page, drawn = timeline_page(viz_kg)
    assert len(drawn.items) >= 8
    csp = html_lib.unescape(re.search(r'Content-Security-Policy" content="([^"]*)"', page)[1])
    assert "connect-src 'none'" in csp and "script-src 'sha256-" in csp
    markup = re.sub(r"<script>.*?</script>", "", page, flags=re.S)
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", markup, re.I)
    assert "vis-timeline 8.5.4" in page
    data = re.search(
        r'<script type="application/json" id="vnrukg-data">(.*?)</script>', page, re.S
    )[1]
    assert "<" not in data and ">" not in data and "&" not in data


def test_timeline_command_writes_the_page_for_a_selection(viz_root, tmp_path):
    runner = CliRunner()
    out = tmp_path / "t.html"
    args = ["--root", str(viz_root), "timeline", "--html", "--since", "2012", "-o", str(out)]
    result = runner.invoke(cli, [*args, "--actor", "phan van giang", "--class", "event"])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and "(2 items," in result.output
    assert "vis.Timeline" in out.read_text()
    text = runner.invoke(cli, ["--root", str(viz_root), "timeline", "--actor", "phan-van-giang"])
    assert text.exit_code == 0
    assert text.output.splitlines()[-1] == "(2 dated entries)"
    no_html = runner.invoke(cli, ["--root", str(viz_root), "timeline", "-o", str(out)])
    assert no_html.exit_code == 2 and "add --html" in no_html.output
    unknown = runner.invoke(
        cli, ["--root", str(viz_root), "timeline", "--html", "--class", "statement"]
    )
    assert unknown.exit_code == 2 and "does not draw 'statement'" in unknown.output


def test_vendored_bundle_matches_its_pinned_recipe():
    import json
    from pathlib import Path

    from vnrukg.timeline.page import VIS_TIMELINE

    root = Path(__file__).resolve().parent.parent
    recipe = json.loads((root / "js" / "vis-timeline" / "package.json").read_text())
    lock = json.loads((root / "js" / "vis-timeline" / "package-lock.json").read_text())
    assert recipe["devDependencies"]["vis-timeline"] == VIS_TIMELINE  # exact, no range
    assert lock["packages"]["node_modules/vis-timeline"]["version"] == VIS_TIMELINE
    vendor = root / "vnrukg" / "vendor"
    bundle = (vendor / f"vis-timeline-{VIS_TIMELINE}.min.js").read_text()
    assert f"@version {VIS_TIMELINE}" in bundle and "sourceMappingURL" not in bundle
    licence = (vendor / f"vis-timeline-{VIS_TIMELINE}.LICENSE.txt").read_text()
    assert "Apache License" in licence and "moment" in licence
    assert "node_modules/" in (root / ".gitignore").read_text().split()
