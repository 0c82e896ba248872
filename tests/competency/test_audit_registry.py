"""The audit's defects in the registry and in graph/discrepancies.ttl, and the facts the
registry curator's second reading added: each test asks the loaded graph a SPARQL question that
the graph answered wrongly before the fix (or could not answer before the addition)."""

from __future__ import annotations

from .harness import run


def _records(kg, sparql: str) -> list[dict]:
    return run(kg.graph, sparql).records()


def _ask(kg, sparql: str) -> bool:
    return bool(run(kg.graph, sparql).boolean)


# --- the Russia–Ukraine conflict of 2014 and the war that broke out later are two events -------


def test_conflict_of_2014_and_later_war_are_two_nodes(kg):
    merged = _records(
        kg,
        """
SELECT ?event WHERE {
  ?event a vnru:HistoricalEvent ; vnru:citation ?c2014 , ?clater .
  ?c2014 vnru:quote ?q2014 . ?clater vnru:quote ?qlater .
  FILTER(CONTAINS(STR(?q2014), "xung đột Nga - Ukraina năm 2014"))
  FILTER(CONTAINS(STR(?qlater), "nổ ra xung đột Nga - Ukraina"))
}""",
    )
    assert merged == [], f"one node still holds both conflicts: {merged}"


def test_only_the_conflict_of_2014_is_dated(kg):
    rows = _records(
        kg,
        """
SELECT ?event ?quote ?date WHERE {
  ?event a vnru:HistoricalEvent ; vnru:participant vnrd:ukraine ; vnru:citation ?c .
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "xung đột Nga - Ukraina"))
  OPTIONAL { ?event vnru:date|vnru:startDate ?date }
}""",
    )
    assert len({r["event"] for r in rows}) == 2, rows
    for row in rows:
        quote, date = str(row["quote"]), row["date"]
        if "năm 2014" in quote:
            assert date is not None and str(date) == "2014", (quote, date)
        else:  # the war that broke out later: no source dates it
            assert date is None, (quote, date)


def test_statements_point_to_the_right_conflict(kg):
    rows = _records(
        kg,
        """
SELECT ?stmt ?quote ?date WHERE {
  ?stmt a vnru:Statement ; vnru:about ?event ; vnru:citation ?c .
  ?event a vnru:HistoricalEvent ; vnru:participant vnrd:ukraine .
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "xung đột Nga - Ukraina"))
  OPTIONAL { ?event vnru:date ?date }
}""",
    )
    assert rows, "no statement of article 000 about a Russia–Ukraine conflict"
    for row in rows:
        quote = str(row["quote"])
        if "năm 2014" in quote:
            assert row["date"] is not None and str(row["date"]) == "2014", row
        else:
            assert row["date"] is None, row


# --- the 'defence policy dialogue' may be the deputy-minister-level strategic dialogue --------


def test_policy_dialogue_identity_is_recorded_not_merged(kg):
    recorded = _ask(
        kg,
        """
ASK {
  ?d a vnru:Discrepancy ; vnru:discrepancyKind vnrv:uncertain-identity ;
     vnru:involves vnrd:mechanism-defence-policy-dialogue , vnrd:mechanism-defence-strategic-dialogue ;
     vnru:note ?note ; vnru:citation ?c1 , ?c2 .
  ?c1 vnru:quote ?q1 . ?c2 vnru:quote ?q2 .
  FILTER(CONTAINS(STR(?q1), "đối thoại chính sách quốc phòng"))
  FILTER(CONTAINS(STR(?q2), "Đối thoại chiến lược quốc phòng cấp Thứ trưởng"))
}""",
    )
    assert recorded, "no uncertain-identity discrepancy names both dialogues with their quotes"
    merged = _ask(
        kg,
        """
ASK {
  { vnrd:mechanism-defence-policy-dialogue owl:sameAs vnrd:mechanism-defence-strategic-dialogue }
  UNION { vnrd:mechanism-defence-strategic-dialogue owl:sameAs vnrd:mechanism-defence-policy-dialogue }
  UNION { vnrd:mechanism-defence-policy-dialogue vnru:ofMechanism|vnru:partOf vnrd:mechanism-defence-strategic-dialogue }
}""",
    )
    assert not merged, "the two dialogues must stay separate until a source settles it"


# --- the pandemic and the sanctions are not dated by the years of their effects ----------------


def test_pandemic_and_sanctions_carry_no_invented_date(kg):
    dated = _records(
        kg,
        """
SELECT ?event ?date WHERE {
  VALUES ?event { vnrd:covid-19-pandemic vnrd:western-sanctions-against-russia }
  ?event vnru:date|vnru:startDate|vnru:endDate ?date .
}""",
    )
    assert dated == [], (
        f"dated by the year of an effect, which no source gives for the event: {dated}"
    )


def test_the_years_of_the_effects_stay_on_the_effects(kg):
    rows = _records(
        kg,
        """
SELECT ?obs ?date ?quote WHERE {
  ?obs a vnru:Observation ; vnru:date ?date ; vnru:citation ?c .
  ?c vnru:quote ?quote .
  FILTER((CONTAINS(STR(?quote), "đại dịch COVID-19") && STR(?date) = "2020")
      || (CONTAINS(STR(?quote), "trừng phạt mà phương Tây") && STR(?date) = "2022"))
}""",
    )
    assert len({str(r["date"]) for r in rows}) == 2, rows


# --- an unconfirmed reading of a garbled name is a note, not a label or an alias ---------------


def test_ruan_dehai_reading_is_a_note_only(kg):
    rows = _records(
        kg,
        """
SELECT ?en ?alias ?note WHERE {
  vnrd:ruan-dehai skos:prefLabel ?en . FILTER(LANG(?en) = "en")
  OPTIONAL { vnrd:ruan-dehai skos:altLabel ?alias }
  OPTIONAL { vnrd:ruan-dehai vnru:note ?note }
}""",
    )
    assert rows, "vnrd:ruan-dehai has no English label"
    assert {str(r["en"]) for r in rows} == {"Ruan Dehai"}, rows
    aliases = {str(r["alias"]) for r in rows if r["alias"] is not None}
    assert not any("Đức Hải" in a for a in aliases), aliases
    assert any(r["note"] is not None and "Nguyễn Đức Hải" in str(r["note"]) for r in rows), rows


# --- 2024 trade: article 001's decline against article 002's +27.4% ----------------------------


def test_trade_2024_decline_and_growth_recorded_as_conflicting_claims(kg):
    rows = _records(
        kg,
        """
SELECT ?d ?growth ?note ?reading WHERE {
  ?d a vnru:Discrepancy ; vnru:discrepancyKind vnrv:conflicting-claims ;
     vnru:involves vnrd:stmt-001-2024-trade-decline , ?obs ;
     vnru:note ?note ; vnru:likelyReading ?reading ; vnru:citation ?c001 , ?c002 .
  ?obs a vnru:Observation ; vnru:indicator vnrv:trade-turnover ; vnru:growthPercent ?growth ;
       vnru:endDate "2024-11"^^xsd:gYearMonth .
  ?c001 vnru:source vnrd:source-001 ; vnru:quote ?q001 .
  ?c002 vnru:source vnrd:source-002 ; vnru:quote ?q002 .
  FILTER(CONTAINS(STR(?q001), "suy giảm"))
  FILTER(CONTAINS(STR(?q002), "27,4%"))
}""",
    )
    assert rows, "no conflicting-claims record with both articles' quotes"
    assert any(float(r["growth"].toPython()) == 27.4 for r in rows), rows


# --- second reading: what the sources say about themselves ------------------------------------


def test_article_001_method_and_vietnamese_keywords_are_cited(kg):
    rows = _records(
        kg,
        """
SELECT ?description ?quote WHERE {
  vnrd:source-001 dcterms:description ?description ; vnru:citation ?c .
  ?c vnru:quote ?quote ; vnru:translation ?t .
  FILTER(STRSTARTS(STR(?quote), "Bài viết sử dụng cách tiếp cận liên ngành")
      || STRSTARTS(STR(?quote), "Từ khóa: Quan hệ truyền thống"))
}""",
    )
    assert len({str(r["quote"]) for r in rows}) == 2, rows
    assert any("interdisciplinary" in str(r["description"]) for r in rows), rows


def test_article_004_photos_are_described(kg):
    rows = _records(
        kg,
        """
SELECT ?quote WHERE {
  vnrd:source-004 vnru:citation ?c .
  ?c vnru:source vnrd:source-004 ; vnru:quote ?quote ; vnru:translation ?t .
  FILTER(CONTAINS(STR(?quote), "- Ảnh "))
}""",
    )
    assert len(rows) == 5, rows


def test_war_against_the_us_ends_when_001_dates_independence(kg):
    rows = _records(
        kg,
        """
SELECT ?end ?quote WHERE {
  vnrd:resistance-war-against-us vnru:endDate ?end ; vnru:citation ?c .
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "giành độc lập năm 1975"))
}""",
    )
    assert rows and all(str(r["end"]) == "1975" for r in rows), rows


def test_outlets_named_by_article_001_are_cited_from_it(kg):
    rows = _records(
        kg,
        """
SELECT ?outlet WHERE {
  VALUES ?outlet { vnrd:ttxvn vnrd:chinhphu-vn }
  ?outlet vnru:citation ?c . ?c vnru:source vnrd:source-001 ; vnru:translation ?t .
}""",
    )
    assert {str(r["outlet"]).rsplit("/", 1)[-1] for r in rows} == {"ttxvn", "chinhphu-vn"}, rows
