"""The audit's defects in article 001 part 2 (2012–2025) and the facts its second reading added:
each test is a SPARQL query on the loaded graph that failed before the fix and passes after."""

from __future__ import annotations

from .harness import run


def _rows(kg, sparql: str) -> list[dict[str, str]]:
    result = run(kg.graph, sparql)
    return [
        {
            name: (None if value is None else str(value))
            for name, value in zip(result.variables, row, strict=True)
        }
        for row in result.rows
    ]


def _ask(kg, sparql: str) -> bool:
    return run(kg.graph, sparql).boolean


# --- dates: a count is dated by what the text says, never by its section's start year -----------


def test_undated_counts_are_not_given_the_sections_start_year(kg):
    """'Hai nước đã thực hiện gần 60 dự án' and 'hơn 20 cặp quan hệ' carry no date in the text:
    they are counts so far, dated as of the article (written in 2024), not from 2012."""
    rows = _rows(
        kg,
        """
SELECT ?o ?start ?date ?note WHERE {
  ?o a vnru:Observation .
  VALUES ?o { vnrd:obs-joint-research-projects-vn-ru vnrd:obs-locality-partnerships-vn-ru }
  OPTIONAL { ?o vnru:startDate ?start }
  OPTIONAL { ?o vnru:date ?date }
  OPTIONAL { ?o vnru:note ?note }
}""",
    )
    assert len(rows) == 2
    for row in rows:
        assert row["start"] is None, row
        assert row["date"] == "2024", row
        assert "as of the article" in (row["note"] or ""), row


def test_currently_is_dated_as_of_the_article_not_by_the_reference(kg):
    """'Hiện có' (currently) counts are dated as of the article and say so, whatever year the
    reference they cite bears (the students' figure cites Hà Phạm, 2019)."""
    rows = _rows(
        kg,
        """
SELECT ?o ?date ?note ?quote WHERE {
  ?o a vnru:Observation ; vnru:citation ?c .
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  FILTER(STRSTARTS(STR(?quote), "Hiện có") || STRSTARTS(STR(?quote), "Cộng đồng người Việt tại Liên bang Nga hiện có"))
  OPTIONAL { ?o vnru:date ?date }
  OPTIONAL { ?o vnru:note ?note }
}""",
    )
    assert {r["o"].rsplit("/", 1)[1] for r in rows} == {
        "obs-students-vn-ru-2019",
        "obs-community-size-vn-ru-2024",
    }
    for row in rows:
        assert row["date"] == "2024", row
        assert "as of the article" in (row["note"] or ""), row


# --- the 2018 trade balance: a rounding difference, not a disagreement ----------------------------


def test_2018_surplus_is_not_listed_as_contradicting_its_parts(kg):
    """315 million USD against exports 2.4 and imports 2.1 billion: parts given to 0.1 billion
    allow a surplus between about 200 and 400 million, so no arithmetic discrepancy is recorded;
    the observation's note says why."""
    assert not _ask(
        kg,
        """
ASK {
  ?d a vnru:Discrepancy ; vnru:discrepancyKind vnrv:inconsistent-arithmetic ;
     vnru:involves vnrd:obs-trade-balance-vn-ru-2018 , vnrd:obs-exports-vn-ru-2018 .
}""",
    )
    assert _ask(
        kg,
        """
ASK {
  vnrd:obs-trade-balance-vn-ru-2018 vnru:value 315000000 ; vnru:note ?note .
  FILTER(CONTAINS(?note, "rounding"))
}""",
    )


# --- 'Các doanh nghiệp Nga': unnamed Russian enterprises, not the Russian state ------------------


def test_projects_of_russian_enterprises_name_the_enterprises_not_the_state(kg):
    """The Cà Ná LNG, Haiphong industrial park and Vĩnh Phong wind projects have Russian
    enterprises (unnamed) as participant: a company of Russia, not the state itself."""
    rows = _rows(
        kg,
        """
SELECT ?p ?x ?kind WHERE {
  ?p a vnru:Project ; vnru:participant ?x .
  VALUES ?p { vnrd:project-ca-na-lng-power vnrd:project-vietnam-russia-industrial-park-hai-phong
              vnrd:project-vinh-phong-offshore-wind }
  BIND(IF(EXISTS { ?x a vnru:Company ; vnru:country vnrd:russia }, "company", "other") AS ?kind)
}""",
    )
    assert len({r["p"] for r in rows}) == 3, rows
    assert all(r["kind"] == "company" for r in rows), rows
    assert _ask(
        kg,
        """
ASK {
  ?x a vnru:Company ; vnru:country vnrd:russia ; vnru:citation ?c .
  ?c vnru:source vnrd:source-001 ; vnru:quote ?q .
  FILTER(STRSTARTS(STR(?q), "Các doanh nghiệp Nga cũng tham gia"))
}""",
    )


# --- the author's assessment that trade fell into 2024 ------------------------------------------


def test_trade_decline_into_2024_is_the_authors_undated_assessment(kg):
    """'Sang năm 2024 … trao đổi thương mại giữa hai nước được có sự suy giảm': the author's
    assessment, quoted whole with its translation, speaking of 2024 but not dated like the events
    it discusses (the article has no publication date)."""
    rows = _rows(
        kg,
        """
SELECT ?by ?kind ?summary ?translation ?date WHERE {
  vnrd:stmt-001-2024-trade-decline a vnru:Statement ; vnru:statedBy ?by ; vnru:statementKind ?kind ;
      vnru:summary ?summary ; vnru:citation ?c .
  ?c vnru:source vnrd:source-001 ; vnru:quote ?q ; vnru:translation ?translation .
  FILTER(STRSTARTS(STR(?q), "Sang năm 2024") && CONTAINS(STR(?q), "có sự suy giảm"))
  OPTIONAL { vnrd:stmt-001-2024-trade-decline vnru:date|vnru:startDate|vnru:endDate ?date }
}""",
    )
    assert len(rows) == 1, rows
    row = rows[0]
    assert row["by"].endswith("/source-001") and row["kind"].endswith("/assessment"), row
    assert "2024" in row["summary"] and "2024" in row["translation"], row
    assert row["date"] is None, row


def test_the_authors_assessments_are_not_dated_like_the_events_they_discuss(kg):
    """The article's own assessments in part 2 (statedBy the article) carry no date of the period
    they speak of; where that period has a dated fact, they are about it instead."""
    rows = _rows(
        kg,
        """
SELECT ?s ?date WHERE {
  ?s a vnru:Statement ; vnru:statedBy vnrd:source-001 ; vnru:statementKind vnrv:assessment .
  VALUES ?s { vnrd:stmt-001-2023-slow-recovery vnrd:stmt-001-2024-trade-decline
              vnrd:stmt-001-russian-investment-fields-2021 vnrd:stmt-001-main-vietnamese-investments-russia
              vnrd:stmt-001-russian-investment-fields-2024 vnrd:stmt-001-vietsovpetro-to-2030
              vnrd:stmt-001-community-cities vnrd:stmt-001-2024-visit-anniversaries
              vnrd:stmt-001-2024-look-east }
  OPTIONAL { ?s vnru:date|vnru:startDate|vnru:endDate ?date }
}""",
    )
    assert len({r["s"] for r in rows}) == 9, rows
    assert [r for r in rows if r["date"] is not None] == []
    assert _ask(
        kg,
        """
ASK {
  vnrd:stmt-001-2023-slow-recovery vnru:about ?o .
  ?o a vnru:Observation ; vnru:startDate "2023-01"^^xsd:gYearMonth .
}""",
    )
