"""Charts: series read from the graph, dates at their precision, the Vega-Lite specs, the
files the chart command writes, the charts page. The page in a browser: tests/browser."""

import html as html_lib
import json
import re
import shutil
from datetime import date

import pytest
from click.testing import CliRunner

from tests.viz_support import REPO, chart_kg, make_chart_project  # noqa: F401
from vnrukg.charts import charts_page, indicators, rows_spec
from vnrukg.charts.page import page_payload
from vnrukg.charts.spec import ChartOptions, indicator_spec, place_labels
from vnrukg.cli import cli
from vnrukg.errors import UsageError
from vnrukg.periods import period_of


def _layers(spec: dict) -> list[dict]:
    panels = spec.get("vconcat", [spec])
    return [layer for panel in panels for layer in panel["layer"]]


@pytest.mark.parametrize(
    "when, start, end, expected",
    [
        ("2018", None, None, ("2018", "year", date(2018, 1, 1), date(2019, 1, 1))),
        ("2024-04", None, None, ("Apr 2024", "month", date(2024, 4, 1), date(2024, 5, 1))),
        ("2024-08-13", None, None, ("13 Aug 2024", "day", date(2024, 8, 13), date(2024, 8, 14))),
        (
            None,
            "2024-01",
            "2024-11",
            ("Jan–Nov 2024", "part-year", date(2024, 1, 1), date(2024, 12, 1)),
        ),
        (None, "2024-01", "2024-12", ("2024", "year", date(2024, 1, 1), date(2025, 1, 1))),
        (None, "1995", "2022", ("1995–2022", "years", date(1995, 1, 1), date(2023, 1, 1))),
        (None, "2019", None, ("from 2019", "from", date(2019, 1, 1), date(2020, 1, 1))),
    ],
)
def test_periods_keep_the_precision_the_source_gives(when, start, end, expected):
    period = period_of(when, start, end)
    assert (period.label_en, period.precision, period.start, period.end) == expected


def test_series_keep_both_figures_of_a_disputed_year(chart_kg):
    found = {i.slug: i for i in indicators(chart_kg)}
    trade = found["trade-turnover"]
    by_id = {p.id: p for p in trade.points}
    first, second = by_id["vnrd:obs-trade-turnover-2019"], by_id["vnrd:obs-trade-turnover-2019-b"]
    assert (first.value, second.value) == (4.9e9, 4.5e9)
    assert first.qualifier_en == "about" and first.unit_en == "US dollars"
    assert {f.id for f in first.flags} == {
        "vnrd:discrepancy-trade-2019",
        "conflict:vnrd:russia|vnrd:vietnam|||:2019",
    }
    assert [f.label_en for f in second.flags] == ["2 different figures for 2019"]
    assert second.evidence[0].translation.startswith("turnover in 2019 reached USD 4.5 billion")
    part = by_id["vnrd:obs-trade-turnover-2024-01-11"]
    assert (part.period.precision, part.as_written) == ("part-year", "11 tháng năm 2024")
    assert found["exports-growth"].units.keys() == {"vnrv:percent", "vnrv:times"}


def test_spec_draws_each_figure_over_its_period_never_averaged(chart_kg):
    trade = {i.slug: i for i in indicators(chart_kg)}["trade-turnover"]
    spec = indicator_spec(trade)
    rows = {r["id"]: r for r in spec["datasets"]["figures-1"]}
    assert len(rows) == 4  # both 2019 figures, no mean
    assert (
        rows["vnrd:obs-trade-turnover-2019"]["x0"],
        rows["vnrd:obs-trade-turnover-2019"]["x1"],
    ) == (
        "2019-01-01",
        "2020-01-01",
    )
    assert rows["vnrd:obs-trade-turnover-2019"]["label"] == "about $4.9 bn"
    assert rows["vnrd:obs-trade-turnover-2019"]["disputed"] is True
    assert rows["vnrd:obs-trade-turnover-2019-b"]["disputed"] is True
    part = rows["vnrd:obs-trade-turnover-2024-01-11"]
    assert (part["partial"], part["connect"], part["label"]) == (True, False, "Jan–Nov: $4.1 bn")
    assert part["note"] == "part of a year: 11 months of 2024"
    assert (part["x0"], part["x1"]) == ("2024-01-01", "2024-12-01")
    marks = [layer["mark"]["type"] for layer in _layers(spec)]
    # spans, lines, rings, dots, hollow dots, then labels in six places (above, below …)
    assert marks == ["rule", "line", "point", "point", "point"] + ["text"] * 6
    places = {r["place"] for r in rows.values()}
    assert places <= {"above", "below", "right", "left", "high", "low"}
    assert "vconcat" not in spec  # one unit: one panel
    assert spec["layer"][0]["encoding"]["y"]["title"] == "US dollars"
    assert "red ring: figures that disagree" in spec["title"]["subtitle"][0]
    assert "○ hollow dot: part of a year" in spec["title"]["subtitle"][0]


def test_figures_in_different_units_get_separate_axes(chart_kg):
    growth = {i.slug: i for i in indicators(chart_kg)}["exports-growth"]
    spec = indicator_spec(growth)
    titles = [panel["layer"][0]["encoding"]["y"]["title"] for panel in spec["vconcat"]]
    assert titles == ["percent", "times (multiple)"]
    units = [{r["full"].split()[-1] for r in spec["datasets"][n]} for n in sorted(spec["datasets"])]
    assert units == [{"percent"}, {"(multiple)"}]


def test_month_axis_for_a_short_span_and_deterministic_specs(chart_kg):
    found = {i.slug: i for i in indicators(chart_kg)}
    growth = indicator_spec(found["exports-growth"])
    assert growth["vconcat"][0]["layer"][0]["encoding"]["x"]["axis"]["format"] == "%b %Y"
    trade = found["trade-turnover"]
    assert json.dumps(indicator_spec(trade)) == json.dumps(indicator_spec(trade))
    vi = indicator_spec(trade, ChartOptions(lang="vi"))
    assert vi["title"]["text"] == "Kim ngạch thương mại hai chiều"
    assert {r["label"] for r in vi["datasets"]["figures-1"]} >= {"khoảng 4,9 tỷ USD"}


def test_rows_spec_charts_a_query_result_and_asks_for_a_unit():
    columns = ["period", "side", "value", "quote"]
    rows = [
        ["2000", "A", 367000000, "q"],
        ["2005", "A", 1020000000, "q"],
        ["2001/2003", "B", 5, "q"],
    ]
    spec = rows_spec(columns, rows, unit="US dollars")
    data = spec["datasets"]["figures-1"]
    assert [(r["date"], r["line"]) for r in data] == [
        ("2000", "A"),
        ("2005", "A"),
        ("2001–2003", "B"),
    ]
    assert spec["layer"][0]["encoding"]["y"]["title"] == "US dollars"
    assert spec["layer"][0]["encoding"]["y"]["axis"]["labelExpr"].startswith("'$'")
    with pytest.raises(UsageError, match="no unit column"):
        rows_spec(columns, rows)
    with pytest.raises(UsageError, match="no column of a date or year"):
        rows_spec(["a", "b"], [["x", 1]], unit="u")


def test_charts_page_is_offline_escaped_and_groups_by_theme(chart_kg):
    html = charts_page(chart_kg)
    assert html.startswith("<!DOCTYPE html>")
    csp = html_lib.unescape(re.search(r'Content-Security-Policy" content="([^"]*)"', html)[1])
    assert "connect-src 'none'" in csp and "default-src 'none'" in csp and "eval" not in csp
    markup = re.sub(r"<script>.*?</script>", "", html, flags=re.S)  # the libraries' own code
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", markup, re.I)
    data = re.search(
        r'<script type="application/json" id="vnrukg-data">(.*?)</script>', html, re.S
    )[1]
    assert "<" not in data and ">" not in data and "&" not in data
    assert "<script>alert(4)" not in html and "<img src=x onerror" not in html
    payload = page_payload(indicators(chart_kg))
    assert [t["key"] for t in payload["themes"]] == ["dataset-trade", "dataset-investment"]
    assert payload["themes"][0]["charts"] == ["trade-turnover", "exports-growth"]
    evidence = payload["evidence"]["vnrd:obs-trade-turnover-2019-b"]
    assert evidence["cites"][0][:2] == [
        "kim ngạch năm 2019 đạt 4,5 tỷ USD <script>alert(4)</script>",
        "turnover in 2019 reached USD 4.5 billion <img src=x onerror=alert(5)>",
    ]
    assert evidence["flags"][0][0] == "2 different figures for 2019"


def test_chart_command_lists_and_writes_svg_png_html_json(chart_kg, tmp_path, monkeypatch):
    root = make_chart_project(tmp_path / "project")
    runner = CliRunner()
    listing = runner.invoke(cli, ["--root", str(root), "chart"])
    assert listing.exit_code == 0, listing.output
    assert (
        "    trade-turnover               Two-way trade turnover (4 figures, 2018–2024; US dollars)"
        in listing.output
    )
    for name in ("trade.svg", "trade.png", "trade.html", "trade.json"):
        result = runner.invoke(
            cli, ["--root", str(root), "chart", "trade-turnover", "-o", str(tmp_path / name)]
        )
        assert result.exit_code == 0, result.output
    svg = (tmp_path / "trade.svg").read_text()
    assert svg.startswith("<svg") and "US dollars" in svg and "about $4.9 bn" in svg
    assert (tmp_path / "trade.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    html = (tmp_path / "trade.html").read_text()
    assert "vegaEmbed" in html and "connect-src &#39;none&#39;" in html
    assert (
        json.loads((tmp_path / "trade.json").read_text())["title"]["text"]
        == "Two-way trade turnover"
    )
    wrong = runner.invoke(cli, ["--root", str(root), "chart", "trade-turnovr"])
    assert wrong.exit_code == 2
    assert "did you mean trade-turnover" in wrong.output
    bad = runner.invoke(
        cli, ["--root", str(root), "chart", "trade-turnover", "-o", str(tmp_path / "x.gif")]
    )
    assert bad.exit_code == 2 and "cannot tell the format" in bad.output


def test_chart_command_charts_a_named_query_result(tmp_path):
    root = make_chart_project(tmp_path / "project")
    shutil.copy(REPO / "queries" / "trade-series.rq", root / "queries" / "trade-series.rq")
    (root / "queries" / "bare-trade.rq").write_text(
        "# title: Trade values without their unit\n"
        "PREFIX vnru: <https://w3id.org/vnrukg/ontology#>\n"
        "SELECT ?year ?value WHERE { ?o a vnru:Observation ; vnru:value ?value ; vnru:date ?year }\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    listing = runner.invoke(cli, ["--root", str(root), "chart"])
    assert listing.output.endswith("    trade-series\n"), listing.output
    no_unit = runner.invoke(cli, ["--root", str(root), "chart", "bare-trade"])
    assert no_unit.exit_code == 2 and "say what the values count with --unit" in no_unit.output
    # trade-series gives every value its unit in a column: the chart reads it from there
    out = tmp_path / "trade.json"
    args = ["--root", str(root), "chart", "trade-series", "-o", str(out)]
    result = runner.invoke(cli, [*args, "-p", "indicator=vnrv:trade-turnover"])
    assert result.exit_code == 0, result.output
    spec = json.loads(out.read_text())
    assert spec["title"]["text"] == "Trade by year"
    rows = [row for rows in spec["datasets"].values() for row in rows]
    assert sorted((r["date"], r["value"], r["full"]) for r in rows) == [
        ("2018", 4.5e9, "4,500,000,000 US dollars"),
        ("2019", 4.5e9, "4,500,000,000 US dollars"),  # two figures for 2019: both drawn
        ("2019", 4.9e9, "4,900,000,000 US dollars"),
        ("Jan–Nov 2024", 4.1e9, "4,100,000,000 US dollars"),
    ]


def test_value_labels_keep_off_the_axis_and_each_other():
    """A dot on the axis line with another just above it gets its label beside it, never below
    among the axis's own labels (persons trained: "more than 200" under "nearly 3,000")."""

    def row(value: float, label: str) -> dict:
        return {"x0": "1950-01-01", "x1": "1992-01-01", "xm": "1971-01-01", "value": value,
                "label": label}  # fmt: skip

    rows = [row(52000, "about 52,000"), row(3000, "nearly 3,000"), row(200, "more than 200")]
    place_labels(rows, ChartOptions())
    places = {r["label"]: r["place"] for r in rows}
    assert places["more than 200"] in ("right", "left")
    assert places["nearly 3,000"] in ("above", "high", "right", "left")
    lone = [row(10, "10")]
    place_labels(lone, ChartOptions())
    assert lone[0]["place"] == "above"


def test_definitions_are_in_plain_words():
    from vnrukg.charts.series import plain

    curators = (
        "The change in the value of the reporter's exports (of a commodity, with vnru:commodity)"
        " to the partner, against vnru:growthBasis, where the source gives only the change: in"
        " percent (unit vnrv:percent, also vnru:growthPercent) or as a multiple."
    )
    assert plain(curators) == (
        "The change in the value of the reporter's exports to the partner, where the source"
        " gives only the change: in percent or as a multiple."
    )
    assert plain("The value of goods (in US dollars).") == "The value of goods (in US dollars)."
