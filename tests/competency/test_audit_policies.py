"""Policies, doctrines and principles as entities (issue 12): "what did anyone say about the four
nos?" is one query. Each policy the articles name is a vnru:Policy with names in both languages,
its holder, dates only where a source gives them, and quotes with the curators' translations;
the statements that mention it point to it; the named query `policy-statements` lists them.

The tests ask the loaded graph (the named query, or SPARQL); none hard-codes an answer that the
graph is not asked for.
"""

from __future__ import annotations

import unicodedata

from vnrukg.sparql import find_query

from .harness import run


def _rows(kg, text: str) -> list[dict]:
    return run(kg.graph, text).records()


def _said(kg, project, **params) -> list[dict]:
    """The rows of the named query `policy-statements` for these parameters."""
    query = find_query(project, "policy-statements")
    return run(kg.graph, query.text, query.bindings(params)).records()


def _local(term) -> str:
    return str(term).rsplit("/", 1)[-1]


def _sources(rows) -> set[str]:
    return {_local(r["source"]) for r in rows}


# --- one query: what did anyone say about a policy? --------------------------------------------


def test_what_did_anyone_say_about_the_four_nos(kg, project):
    """Vietnam (article 000, after the 2019 White Paper) and Minister Phan Văn Giang (article 004)
    on the "four nos": each statement with its speaker, date, summary, quote and translation."""
    rows = _said(kg, project, policy="policy-four-nos")
    assert _sources(rows) >= {"source-000", "source-004"}, rows
    assert all(r["quote"] and r["translation"] and r["summary"] for r in rows)
    assert all("bốn không" in str(r["quote"]) or "4 không" in str(r["quote"]) for r in rows)
    assert all("four no" in str(r["translation"]).lower() for r in rows)
    assert {str(r["holders"]) for r in rows} == {"Socialist Republic of Vietnam"}
    speakers = {str(r["speaker_names"]) for r in rows}
    assert "Phan Văn Giang" in speakers, speakers
    dated = {str(r["date"]) for r in rows if r["date"] is not None}
    assert "2024-08-13" in dated, dated


def test_the_2019_white_paper_sets_out_vietnams_defence_policies(kg):
    """The White Paper (article 000, footnote 1) sets out the peaceful, self-defensive defence
    policy and the four nos; each is cited via the White Paper and attested for 2019."""
    rows = _rows(
        kg,
        """
SELECT DISTINCT ?p WHERE {
  ?p a vnru:Policy ; vnru:holder vnrd:vietnam ; vnru:setOutIn vnrd:defence-white-paper-2019 ;
     vnru:citation ?c .
  ?c vnru:viaReference vnrd:defence-white-paper-2019 ; vnru:attests "2019"^^xsd:gYear .
}""",
    )
    assert {_local(r["p"]) for r in rows} >= {
        "policy-four-nos",
        "policy-vietnam-peaceful-self-defensive-defence",
    }, rows


def test_every_policy_is_named_held_and_cited_in_both_languages(kg):
    """Each policy: one Vietnamese and one English name, a holder (or a note saying why none),
    and at least one quote with an English translation (or in English)."""
    rows = _rows(
        kg,
        """
SELECT ?p (COUNT(DISTINCT ?vi) AS ?vis) (COUNT(DISTINCT ?en) AS ?ens) (COUNT(DISTINCT ?h) AS ?holders)
       (COUNT(DISTINCT ?note) AS ?notes) (COUNT(DISTINCT ?c) AS ?cited) WHERE {
  ?p a vnru:Policy .
  OPTIONAL { ?p skos:prefLabel ?vi FILTER(LANG(?vi) = "vi") }
  OPTIONAL { ?p skos:prefLabel ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?p vnru:holder ?h }
  OPTIONAL { ?p vnru:note ?note }
  OPTIONAL { ?p vnru:citation ?c . ?c vnru:quote ?q .
             FILTER(LANG(?q) = "en" || EXISTS { ?c vnru:translation ?t }) }
} GROUP BY ?p""",
    )
    assert len(rows) >= 20, len(rows)
    for r in rows:
        assert int(r["vis"]) == 1 and int(r["ens"]) == 1, r
        assert int(r["holders"]) >= 1 or int(r["notes"]) >= 1, r
        assert int(r["cited"]) >= 1, r


def test_search_finds_the_four_nos_without_diacritics(kg):
    from vnrukg.search import build_index, search

    hits = search(build_index(kg.graph), "bon khong")
    assert hits and _local(hits[0].entry.iri) == "policy-four-nos", hits[:3]


# --- the US pivot and Indo-Pacific strategy: policies, not events --------------------------------


def test_the_us_pivot_and_indo_pacific_strategy_are_us_policies_with_their_dates(kg, project):
    rows = _rows(
        kg,
        """
SELECT ?p ?start ?end (COUNT(DISTINCT ?c) AS ?quotes) WHERE {
  ?p a vnru:Policy ; vnru:holder vnrd:united-states ; vnru:startDate ?start ; vnru:citation ?c .
  FILTER NOT EXISTS { ?p a vnru:Event }
  OPTIONAL { ?p vnru:endDate ?end }
} GROUP BY ?p ?start ?end""",
    )
    found = {
        _local(r["p"]): (str(r["start"]), r["end"] and str(r["end"]), int(r["quotes"]))
        for r in rows
    }
    assert found.get("us-pivot-rebalance") == ("2001", "2010", 2), found
    assert found.get("us-indo-pacific-strategy") == ("2017", None, 1), found
    said = _said(kg, project, holder="united-states")
    assert {_local(r["statement"]) for r in said} >= {
        "stmt-000-us-pivot-rebalance",
        "stmt-000-us-indo-pacific-strategy",
        "stmt-000-shoigu-2013-significance",
    }


def test_the_timeline_keeps_the_policies_a_source_gives_a_start(kg, project):
    """Now policies, the US pivot and Indo-Pacific strategy stay on the timeline at the start
    article 000 gives them, as does the deepening agreed in June 2024."""
    query = find_query(project, "timeline")
    rows = run(kg.graph, query.text, query.bindings({"kind": "vnru:Policy"})).records()
    found = {_local(r["item"]): str(r["when"]) for r in rows}
    assert found.get("us-pivot-rebalance") == "2001", found
    assert found.get("us-indo-pacific-strategy") == "2017", found
    assert found.get("policy-deepening-comprehensive-strategic-partnership") == "2024-06", found


def test_the_pivot_timing_discrepancy_still_involves_the_policy(kg):
    rows = _rows(
        kg,
        """
SELECT ?d WHERE { ?d a vnru:Discrepancy ; vnru:involves ?p . ?p a vnru:Policy ; vnru:holder vnrd:united-states }""",
    )
    assert "discrepancy-000-us-pivot-timing" in {_local(r["d"]) for r in rows}


# --- Russia, ASEAN, Vietnam's foreign policy line -----------------------------------------------


def test_russias_turn_to_the_east_in_two_articles(kg, project):
    rows = _said(kg, project, policy="policy-russia-turn-to-the-east")
    assert _sources(rows) >= {"source-000", "source-001"}, rows
    assert {str(r["holders"]) for r in rows} == {"Russian Federation"}
    named = _rows(
        kg,
        """
SELECT ?s (SUM(IF(CONTAINS(STR(?q), "hướng Đông"), 1, 0)) AS ?naming) WHERE {
  ?s vnru:about vnrd:policy-russia-turn-to-the-east ; vnru:citation/vnru:quote ?q .
} GROUP BY ?s""",
    )
    assert len(named) == len({r["statement"] for r in rows}) >= 2
    assert all(int(r["naming"]) >= 1 for r in named), named  # each quotes the policy's name


def test_asean_centrality_is_asean_s_and_three_articles_speak_of_it(kg, project):
    rows = _said(kg, project, policy="policy-asean-centrality")
    assert {str(r["holders"]) for r in rows} == {"Association of Southeast Asian Nations"}, rows
    assert _sources(rows) >= {"source-000", "source-001", "source-004"}, rows


def test_vietnams_foreign_policy_line_across_the_articles(kg, project):
    """The foreign policy of independence, self-reliance, multilateralisation and
    diversification: named in four articles, by Tô Lâm and Phan Văn Giang among others, and
    attested on each date a source gives."""
    rows = _said(kg, project, policy="policy-vietnam-independent-foreign-policy")
    assert _sources(rows) >= {"source-000", "source-001", "source-002", "source-004"}, rows
    speakers = " ".join(str(r["speaker_names"]) for r in rows)
    assert "Tô Lâm" in speakers and "Phan Văn Giang" in speakers, speakers
    attested = _rows(
        kg,
        """
SELECT DISTINCT ?when WHERE { vnrd:policy-vietnam-independent-foreign-policy vnru:citation/vnru:attests ?when }""",
    )
    assert {str(r["when"]) for r in attested} >= {"2010-07", "2024-08-08", "2024-08-13", "2025-04"}


# --- principles the two sides affirm; the deepening of the partnership ---------------------------


def test_principles_both_sides_affirm_are_held_by_both(kg):
    rows = _rows(
        kg,
        """
SELECT ?p ?doc WHERE {
  ?p a vnru:Policy ; vnru:holder vnrd:vietnam , vnrd:russia .
  OPTIONAL { ?p vnru:setOutIn ?doc }
}""",
    )
    found = {_local(r["p"]): _local(r["doc"]) if r["doc"] else None for r in rows}
    for principle in (
        "policy-peaceful-settlement-of-disputes",
        "policy-non-use-of-force",
        "policy-non-interference",
        "policy-freedom-of-navigation-and-overflight",
        "policy-no-alliance-against-each-other",
        "policy-not-against-third-parties",
    ):
        assert principle in found, (principle, sorted(found))
    assert found["policy-peaceful-settlement-of-disputes"] == "un-charter"
    assert found["policy-no-alliance-against-each-other"] == "joint-statement-2024"


def test_the_deepening_of_the_partnership_agreed_in_june_2024(kg, project):
    rows = _rows(
        kg,
        """
SELECT ?start ?doc WHERE {
  vnrd:policy-deepening-comprehensive-strategic-partnership vnru:startDate ?start ; vnru:setOutIn ?doc .
}""",
    )
    assert [(str(r["start"]), _local(r["doc"])) for r in rows] == [
        ("2024-06", "joint-statement-2024")
    ]
    said = _said(kg, project, policy="policy-deepening-comprehensive-strategic-partnership")
    speakers = {str(r["speaker_names"]) for r in said}
    assert {"Phan Văn Giang", "Andrey Removich Belousov"} <= speakers, speakers


# --- every statement that names a policy points to it --------------------------------------------


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def test_every_statement_quoting_a_policy_s_name_is_about_it(kg):
    """A statement whose quote contains one of a policy's Vietnamese names (its label or an
    alias of 8 letters or more) is vnru:about that policy."""
    names = _rows(
        kg,
        """
SELECT ?p ?name WHERE { ?p a vnru:Policy ; skos:prefLabel|skos:altLabel ?name . FILTER(LANG(?name) = "vi") }""",
    )
    quotes = _rows(
        kg,
        """
SELECT ?s ?quote WHERE { ?s a vnru:Statement ; vnru:citation/vnru:quote ?quote }""",
    )
    about = {
        (r["s"], r["p"])
        for r in _rows(
            kg, "SELECT ?s ?p WHERE { ?s a vnru:Statement ; vnru:about ?p . ?p a vnru:Policy }"
        )
    }
    checked, missing = 0, []
    for n in names:
        name = _norm(str(n["name"]))
        if len(name) < 8:
            continue
        for q in quotes:
            if name in _norm(str(q["quote"])):
                checked += 1
                if (q["s"], n["p"]) not in about:
                    missing.append((_local(q["s"]), _local(n["p"]), str(n["name"])))
    assert checked >= 20, checked
    assert not missing, missing
