"""The charts and timeline pages in headless Debian chromium: offline, no console error, drawn;
hover shows a figure's value, unit, qualifier, date and source; a click opens its quote with
the curators' translation; hostile text stays text. Screenshots go to test-artifacts/."""

from __future__ import annotations

import pytest

from tests.browser.test_page_browser import ARTIFACTS, Session, browser  # noqa: F401
from tests.viz_support import REPO, chart_kg  # noqa: F401
from vnrukg.charts import charts_page
from vnrukg.timeline import timeline_page

pytestmark = pytest.mark.browser


@pytest.fixture
def charts(browser, chart_kg, tmp_path):
    path = tmp_path / "charts.html"
    path.write_text(charts_page(chart_kg), encoding="utf-8")
    opened = Session(browser, path)
    yield opened
    opened.close()


def _point(session, slug: str, point: str) -> list[float]:
    session.js(f"document.getElementById('chart-{slug}').scrollIntoView()")
    return session.js("([s, p]) => window.vnrukgCharts.pointPosition(s, p)", [slug, point])


def test_charts_page_draws_every_chart(charts):
    assert charts.js("Object.keys(window.vnrukgCharts.views).sort()") == [
        "exports-growth",
        "investment-projects",
        "trade-turnover",
    ]
    # a dot per figure (filled or hollow), and both of the disputed year's figures
    dots = charts.js(
        "document.querySelectorAll('#chart-trade-turnover path.mark-symbol, "
        "#chart-trade-turnover g.mark-symbol path').length"
    )
    assert dots >= 4
    assert charts.page.inner_text("#themes").split("\n")[0] == "Trade between the two countries"
    ARTIFACTS.mkdir(exist_ok=True)
    charts.page.screenshot(path=str(ARTIFACTS / "charts-fixture.png"))


def test_hover_shows_value_unit_qualifier_date_and_source(charts):
    x, y = _point(charts, "trade-turnover", "vnrd:obs-trade-turnover-2019")
    charts.page.mouse.move(x, y)
    charts.page.wait_for_selector("#card:not([hidden])", timeout=5_000)
    lines = charts.page.inner_text("#card").splitlines()
    assert lines[:3] == ["about 4,900,000,000 US dollars", "2019", "Russia – Vietnam"]
    assert "Source: 75 năm quan hệ Việt Nam - Liên bang Nga" in lines
    assert any(line.startswith("⚠ Two figures for 2019 trade") for line in lines)
    x, y = _point(charts, "trade-turnover", "vnrd:obs-trade-turnover-2024-01-11")
    charts.page.mouse.move(x, y)
    charts.page.wait_for_timeout(200)
    text = charts.page.inner_text("#card")
    assert "Jan–Nov 2024" in text and "part of a year: 11 months of 2024" in text


def test_click_opens_the_quote_and_the_curators_translation(charts):
    x, y = _point(charts, "trade-turnover", "vnrd:obs-trade-turnover-2019-b")
    charts.page.mouse.click(x, y)
    charts.page.wait_for_selector("#evidence:not([hidden])", timeout=5_000)
    panel = charts.page.inner_text("#evidence")
    assert charts.page.inner_text("#evidence blockquote") == (
        "kim ngạch năm 2019 đạt 4,5 tỷ USD <script>alert(4)</script>"
    )
    assert charts.page.inner_text("#evidence .translation") == (
        "turnover in 2019 reached USD 4.5 billion <img src=x onerror=alert(5)>"
    )
    labels = [t.lower() for t in charts.page.locator("#evidence .cite-label").all_inner_texts()]
    assert labels == ["the source's words", "translation (curators')"]
    assert "Disagreement: 2 different figures for 2019" in panel
    assert "— Đại tướng Phan Văn Giang hội đàm" in panel
    assert charts.js("document.querySelectorAll('img, iframe').length") == 0
    # the panel is beside the charts, not over them
    assert charts.js("document.body.classList.contains('panel-open')") is True
    charts.page.select_option("#lang", "vi")
    charts.page.wait_for_selector('body[data-ready="1"]', state="attached", timeout=30_000)
    assert "bản dịch (của người biên tập)" in charts.page.inner_text("#evidence").lower()
    assert charts.page.inner_text("#themes").split("\n")[0] == "Thương mại giữa hai nước"


def test_charts_page_of_the_curated_graph(browser, tmp_path):
    from vnrukg.project import Project
    from vnrukg.store import load

    path = tmp_path / "charts.html"
    path.write_text(charts_page(load(Project(REPO))), encoding="utf-8")
    opened = Session(browser, path)
    try:
        assert len(opened.js("Object.keys(window.vnrukgCharts.views)")) >= 12
        opened.page.screenshot(path=str(ARTIFACTS / "charts-curated.png"))
        opened.js("document.getElementById('chart-trade-turnover').scrollIntoView()")
        opened.page.screenshot(path=str(ARTIFACTS / "charts-curated-trade.png"))
    finally:
        opened.close()


@pytest.fixture
def timeline(browser, chart_kg, tmp_path):
    path = tmp_path / "timeline.html"
    path.write_text(timeline_page(chart_kg)[0], encoding="utf-8")
    opened = Session(browser, path)
    yield opened
    opened.close()


def test_timeline_draws_items_at_their_precision(timeline):
    count = timeline.js("window.vnrukgTimeline.items.length")
    assert count == len(timeline.js("window.vnrukgTimeline.data.items")) >= 8
    timeline.js("window.vnrukgTimeline.setPeriod(2016, 2024)")
    year = timeline.js("window.vnrukgTimeline.itemPosition('vnrd:dsd-session-4')")  # 2018
    month = timeline.js("window.vnrukgTimeline.itemPosition('vnrd:dsd-session-5')")  # 2022-11
    axis = timeline.js(
        "(() => { const t = window.vnrukgTimeline.timeline;"
        " return [t.body.util.toScreen(new Date(2018, 0, 1)), t.body.util.toScreen(new Date(2019, 0, 1))]; })()"
    )
    px_year = axis[1] - axis[0]
    assert abs(year["width"] - px_year) < 4  # the whole year, not a day
    assert abs(month["width"] - px_year * 30 / 365) < 4  # the month
    ARTIFACTS.mkdir(exist_ok=True)
    timeline.page.screenshot(path=str(ARTIFACTS / "timeline-fixture.png"))


def test_timeline_search_lanes_filters_and_evidence(timeline):
    assert timeline.js("window.vnrukgTimeline.search('phan van giang')") == 2
    assert timeline.js("window.vnrukgTimeline.search('')") > 2
    timeline.js("window.vnrukgTimeline.setLanes('actor')")
    lanes = timeline.js("window.vnrukgTimeline.groups.getIds()")
    assert "@vnrd:russia" in lanes and "@others" in lanes
    timeline.js("window.vnrukgTimeline.setLanes('kind')")
    timeline.page.check('#kinds input[data-kind="session"]')
    timeline.page.uncheck('#kinds input[data-kind="session"]')
    assert "vnrd:dsd-session-4" not in timeline.js("window.vnrukgTimeline.items.getIds()")
    timeline.page.select_option("#actor", "vnrd:phan-van-giang")
    assert sorted(timeline.js("window.vnrukgTimeline.items.getIds()")) == [
        "vnrd:talks-2024-08-13-giang-belousov",
        "vnrd:visit-2012-07",
    ]
    timeline.js("window.vnrukgTimeline.showEvidence('vnrd:talks-2024-08-13-giang-belousov')")
    panel = timeline.page.inner_text("#evidence")
    assert "13 Aug 2024" in panel and "Ngày 13/8 (theo giờ Moscow)" in panel
    assert "the source's words" in panel.lower()
    timeline.page.select_option("#lang", "vi")
    assert "nguyên văn của nguồn" in timeline.page.inner_text("#evidence").lower()


def _boxes(opened) -> list[list]:
    """Each drawn day box: its id, its width and how far its middle is from its day (px)."""
    return opened.js(
        "(() => { const t = window.vnrukgTimeline.timeline; const out = [];"
        " for (const [id, it] of Object.entries(t.itemSet.items)) {"
        "  if (!it.displayed || it.data.type !== 'box' || !it.dom || !it.dom.box) continue;"
        "  const box = it.dom.box.getBoundingClientRect();"
        "  const day = t.body.util.toScreen(it.data.start)"
        "   + t.dom.center.getBoundingClientRect().left;"
        "  out.push([id, box.width, box.left + box.width / 2 - day]); }"
        " return out; })()"
    )


def test_timeline_of_the_curated_graph(browser, tmp_path):
    from vnrukg.project import Project
    from vnrukg.store import load

    path = tmp_path / "timeline.html"
    path.write_text(timeline_page(load(Project(REPO)))[0], encoding="utf-8")
    opened = Session(browser, path)
    try:
        assert opened.js("window.vnrukgTimeline.items.length") > 80
        # it opens at its first lane
        first = opened.js(
            "(() => { const l = document.querySelector('.vis-label');"
            " const c = document.querySelector('.vis-panel.vis-left').getBoundingClientRect();"
            " return [l.textContent, l.getBoundingClientRect().top - c.top]; })()"
        )
        assert first[0] == "Visits" and first[1] >= 0
        opened.page.screenshot(path=str(ARTIFACTS / "timeline-curated.png"))
        # a day's box stays near its day at the widest zoom (a long title once stretched it
        # decades either way), is centred on it, and grows to show its title when zoomed in
        wide = _boxes(opened)
        assert len(wide) > 8
        assert max(width for _, width, _ in wide) <= 172
        assert all(abs(offset) <= 2 for _, _, offset in wide)
        opened.js("window.vnrukgTimeline.setPeriod(2012, 2018)")
        for _ in range(50):  # the boxes are laid out again once the zoom has ended
            if opened.js("window.vnrukgTimeline.boxMax") == 640:
                break
            opened.page.wait_for_timeout(100)
        near = _boxes(opened)
        assert max(width for _, width, _ in near) > 400
        assert all(abs(offset) <= 2 for _, _, offset in near)
        opened.page.screenshot(path=str(ARTIFACTS / "timeline-curated-2012-2018.png"))
        opened.js("window.vnrukgTimeline.setPeriod(2010, 2025)")
        opened.page.screenshot(path=str(ARTIFACTS / "timeline-curated-2010-2025.png"))
    finally:
        opened.close()
