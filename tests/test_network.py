"""The entity network built from the fixture graphs, and its filters."""

from tests.viz_support import viz_kg, viz_net, viz_root  # noqa: F401
from vnrukg.network import (
    FAMILIES,
    ego_subset,
    filter_network,
    format_number,
    in_period,
    period_subset,
    year_of,
)


def test_entities_are_the_asserted_most_specific_classes(viz_net):
    e = viz_net.entities
    assert e["vnrd:talks-2024-08-13-giang-belousov"].cls == "vnru:Talks"
    assert e["vnrd:talks-2024-08-13-giang-belousov"].family == "event"
    assert e["vnrd:dsd-session-4"].family == "session"
    assert e["vnrd:mod-vietnam"].cls == "vnru:GovernmentBody"
    assert e["vnrd:mod-vietnam"].family == "organisation"
    assert e["vnrd:treaty-1994"].cls_en == "Treaty"
    assert e["vnrd:treaty-1994"].cls_vi == "Hiệp ước"


def test_plumbing_is_folded_not_drawn(viz_net):
    keys = set(viz_net.entities)
    assert not [k for k in keys if "source-" in k or "tenure" in k or "obs-" in k]
    assert not [k for k in keys if k.count("/") > 1 and k.startswith("vnrd:")]
    assert "vnrd:unlinked-outlet" not in keys  # a media outlet linked to nothing
    assert len(keys) == 21


def test_observations_group_into_one_series(viz_net):
    series = viz_net.entities["series:trade-turnover/vietnam/russia"]
    assert [r.label_en for r in series.rows] == ["2018", "2019"]
    values = [[(v.prop_en, v.text_en) for v in r.values] for r in series.rows]
    assert values == [
        [("value", "4,500,000,000 US dollars"), ("growth (percent)", "28.5% vs the previous year")],
        [("value", "about 4,900,000,000 US dollars")],
    ]
    assert (series.start, series.end) == ("2018", "2019")
    assert len(series.citations) == 2


def test_a_tenure_becomes_a_dated_link_and_a_row(viz_net):
    links = [r for r in viz_net.relations if r.fact.startswith("vnrd:tenure-")]
    assert len(links) == 1
    link = links[0]
    assert (link.source, link.target) == ("vnrd:phan-van-giang", "vnrd:mod-vietnam")
    assert link.label_en == "Minister of National Defence of Vietnam"
    assert (link.start, link.end) == ("2024-08-13", "2024-08-13")
    person = viz_net.entities["vnrd:phan-van-giang"]
    assert [r.label_vi for r in person.rows] == ["Bộ trưởng Bộ Quốc phòng Việt Nam"]


def test_relations_carry_labels_and_citations(viz_net):
    found = {(r.source, r.prop, r.target): r for r in viz_net.relations}
    guest = found[("vnrd:talks-2024-08-13-giang-belousov", "vnru:guest", "vnrd:phan-van-giang")]
    assert (guest.label_en, guest.label_vi) == ("guest", "khách, bên thăm")
    assert guest.citations[0].quote.startswith("Ngày 13/8 (theo giờ Moscow)")
    assert guest.citations[0].source_id == "vnrd:source-004"
    assert (
        "vnrd:discrepancy-trade-2019",
        "vnru:involves",
        "series:trade-turnover/vietnam/russia",
    ) in found
    # asserted only: the inferred inverse (succeededBy) is not drawn a second time
    assert ("vnrd:soviet-union", "vnru:succeededBy", "vnrd:russia") not in found
    assert len(viz_net.relations) == 33


def test_hostile_labels_are_kept_verbatim(viz_net):
    hostile = viz_net.entities["vnrd:hostile-org"]
    assert hostile.label_en == "<img src=x onerror=alert(1)>"
    assert hostile.aliases == ["</script><script>alert(2)</script>"]


def test_dates_and_open_ends(viz_net):
    e = viz_net.entities
    assert e["vnrd:soviet-union"].years() == (None, 1991)
    assert e["vnrd:partnership-2012"].years() == (2012, None)
    assert e["vnrd:dsd-session-5"].years() == (2022, 2022)
    assert e["vnrd:russia"].years() == (None, None)


def test_helpers():
    assert year_of("2024-08-13") == 2024
    assert year_of(None) is None
    assert format_number("4500000000.0") == "4,500,000,000"
    assert format_number("28.50") == "28.5"
    assert in_period(2012, None, 2020, None)
    assert not in_period(None, 1991, 2000, None)
    assert in_period(None, None, 2000, 2001)


def test_period_keeps_dated_inside_and_their_undated_neighbours(viz_net):
    sub = period_subset(viz_net, 2012, 2013)
    # the dialogue is undated and its sessions (2018, 2022) fall outside: hidden
    assert sorted(sub.entities) == [
        "vnrd:hostile-org",
        "vnrd:joint-statement-2012",
        "vnrd:mod-vietnam",  # no dated neighbour: always shown
        "vnrd:moscow",
        "vnrd:partnership-2012",
        "vnrd:phan-van-giang",
        "vnrd:russia",
        "vnrd:vietnam",
        "vnrd:visit-2012-07",
    ]
    # the tenure attested in 2024 is outside the period
    assert not [r for r in sub.relations if r.fact.startswith("vnrd:tenure-")]


def test_period_before_the_end_of_the_soviet_union(viz_net):
    sub = period_subset(viz_net, None, 1990)
    assert "vnrd:soviet-union" in sub.entities
    assert "vnrd:treaty-1978" in sub.entities
    assert "vnrd:partnership-2012" not in sub.entities
    assert "vnrd:phan-van-giang" not in sub.entities  # all his dated links are later


def test_ego_network(viz_net):
    assert sorted(ego_subset(viz_net, "vnrd:su-30mk2", 1).entities) == [
        "vnrd:su-30mk2",
        "vnrd:transfer-su-30mk2-2009",
    ]
    assert len(ego_subset(viz_net, "vnrd:su-30mk2", 2).entities) == 4
    assert list(ego_subset(viz_net, "vnrd:su-30mk2", 0).entities) == ["vnrd:su-30mk2"]


def test_filter_by_family_then_period(viz_net):
    sub = filter_network(viz_net, ["state", "agreement"], since=1990)
    assert sorted(sub.entities) == [
        "vnrd:joint-statement-2012",
        "vnrd:russia",
        "vnrd:soviet-union",  # ends in 1991: overlaps "since 1990"
        "vnrd:treaty-1994",
        "vnrd:vietnam",
    ]
    assert all(e.family in {"state", "agreement"} for e in sub.entities.values())


def test_to_networkx(viz_net):
    graph = viz_net.to_networkx()
    assert graph.number_of_nodes() == 21
    assert graph.number_of_edges() == 33
    assert graph.nodes["vnrd:vietnam"]["label_vi"] == "Việt Nam"


def test_cli_family_names_match():
    from vnrukg.cli.viz import FAMILY_NAMES

    assert list(FAMILIES) == FAMILY_NAMES


def test_linked_is_told_the_links_before_the_details(viz_kg):
    """``linked`` sees every entity and relation of the finished network, before the details
    are read, and the network is the same as one built without it."""
    from vnrukg.network import build_network

    seen = []

    def linked(net):
        seen.append(
            (
                sorted(net.entities),
                [(r.source, r.target, r.prop) for r in net.relations],
                # (a statistical series is made whole at once, from its observations)
                any(e.citations or e.values or e.dates for e in net.entities.values() if e.iri),
            )
        )

    net = build_network(viz_kg, linked)
    assert len(seen) == 1
    keys, ends, had_details = seen[0]
    assert keys == sorted(net.entities)
    assert ends == [(r.source, r.target, r.prop) for r in net.relations]
    assert not had_details
    assert net == build_network(viz_kg)
    # the relations an entity states carry its citations, as their own copy
    stated = [r for r in net.relations if r.fact in net.entities]
    assert stated and all(r.citations == net.entities[r.fact].citations for r in stated)
    assert all(r.citations is not net.entities[r.fact].citations for r in stated)
