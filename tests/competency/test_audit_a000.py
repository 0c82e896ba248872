"""Audit of article 000 (defence cooperation 2012–2024): each defect the audit found, and each
fact added on a second reading, checked by a SPARQL query on the loaded graph.

The queries ask the graph the question the defect was about; none of them hard-codes an answer
that the graph is not asked for.
"""

from __future__ import annotations

from rdflib import Literal

from vnrukg.namespaces import VNRU

from .harness import run

A000 = "graph/articles/a000-defence-cooperation-2012-2024.ttl"


def _rows(kg, text: str) -> list[dict]:
    return run(kg.graph, text).records()


def _local(term) -> str:
    return str(term).rsplit("/", 1)[-1]


# --- the authors' descriptions of states' policies are the authors' statements ----------------


def test_no_statement_of_article_000_is_made_by_the_united_states(kg):
    """The article quotes no US official: whatever it says of US policy is the authors'."""
    rows = _rows(
        kg,
        """
SELECT DISTINCT ?s WHERE {
  ?s a vnru:Statement ; vnru:statedBy vnrd:united-states ; vnru:citation/vnru:source vnrd:source-000 .
}""",
    )
    assert rows == [], [_local(r["s"]) for r in rows]


def test_us_policies_are_the_authors_assessments_about_the_united_states(kg):
    """The pivot/rebalance and the Indo-Pacific strategy: the authors' assessments, about the
    United States and about the policy itself, which carries the dates the article gives."""
    rows = _rows(
        kg,
        """
SELECT ?s ?kind ?policy ?start ?end ?quote WHERE {
  ?s a vnru:Statement ; vnru:statedBy vnrd:source-000 ; vnru:statementKind ?kind ;
     vnru:about vnrd:united-states , ?policy ; vnru:citation ?c .
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  ?policy a vnru:Policy ; vnru:holder vnrd:united-states ; vnru:startDate ?start .
  OPTIONAL { ?policy vnru:endDate ?end }
  FILTER(CONTAINS(STR(?quote), "xoay trục") || CONTAINS(STR(?quote), "Ấn Độ Dương - Thái Bình Dương"))
}""",
    )
    found = {_local(r["s"]) for r in rows}
    assert {"stmt-000-us-pivot-rebalance", "stmt-000-us-indo-pacific-strategy"} <= found, found
    assert {_local(r["kind"]) for r in rows} == {"assessment"}
    starts = {str(r["start"]) for r in rows}
    assert {"2001", "2017"} <= starts, starts
    assert "2010" in {str(r["end"]) for r in rows if r["end"] is not None}


def test_authors_descriptions_of_vietnamese_and_russian_conduct_are_theirs(kg):
    """Vietnam's diversification after Crimea and Russia's 'Look East' positioning of Vietnam
    are the authors' readings of the two states' conduct, not statements the states made."""
    rows = _rows(
        kg,
        """
SELECT ?s ?who ?about WHERE {
  VALUES ?s { vnrd:stmt-000-diversify-arms-sources vnrd:stmt-000-russia-look-east }
  ?s vnru:statedBy ?who ; vnru:about ?about .
}""",
    )
    by_statement: dict[str, set[str]] = {}
    for r in rows:
        by_statement.setdefault(_local(r["s"]), set()).add(_local(r["who"]))
    assert by_statement == {
        "stmt-000-diversify-arms-sources": {"source-000"},
        "stmt-000-russia-look-east": {"source-000"},
    }
    abouts = {(_local(r["s"]), _local(r["about"])) for r in rows}
    assert ("stmt-000-diversify-arms-sources", "vietnam") in abouts
    assert ("stmt-000-russia-look-east", "russia") in abouts


# --- an assessment of the authors is not dated like the events it discusses ---------------------


def test_no_assessment_of_the_authors_is_dated_or_made_at_an_event(kg):
    rows = _rows(
        kg,
        """
SELECT DISTINCT ?s ?p WHERE {
  ?s a vnru:Statement ; vnru:statedBy vnrd:source-000 ; vnru:statementKind vnrv:assessment ;
     ?p ?o .
  VALUES ?p { vnru:date vnru:startDate vnru:endDate vnru:madeDuring }
}""",
    )
    assert rows == [], sorted((_local(r["s"]), _local(r["p"])) for r in rows)


def test_dated_subjects_of_the_named_assessments_keep_their_dates(kg):
    """What the three assessments the audit named discuss is still dated, through vnru:about."""
    rows = _rows(
        kg,
        """
SELECT ?s ?when WHERE {
  VALUES ?s { vnrd:stmt-000-dds-expectations vnrd:stmt-000-dialogue-shows-comprehensiveness
              vnrd:stmt-000-relations-valued-despite-context }
  ?s vnru:statedBy vnrd:source-000 ; vnru:about ?x .
  ?x vnru:date|vnru:startDate|vnru:dateSigned ?when .
}""",
    )
    whens: dict[str, set[str]] = {}
    for r in rows:
        whens.setdefault(_local(r["s"]), set()).add(str(r["when"]))
    assert "2008" in whens.get("stmt-000-dds-expectations", set()), whens
    assert any(
        w.startswith("2013") for w in whens.get("stmt-000-dialogue-shows-comprehensiveness", set())
    ), whens
    assert "2021-12-01" in whens.get("stmt-000-relations-valued-despite-context", set()), whens


# --- scholarships: the 2018 record and the 1,000 a year from 2019 --------------------------------


def test_scholarship_claims_are_recorded_as_conflicting(kg):
    rows = _rows(
        kg,
        """
SELECT ?d ?note ?reading (COUNT(DISTINCT ?q) AS ?quotes) WHERE {
  ?d a vnru:Discrepancy ; vnru:discrepancyKind vnrv:conflicting-claims ;
     vnru:involves ?record , ?quota ; vnru:note ?note ; vnru:citation ?c .
  ?record vnru:indicator vnrv:military-training-places ; vnru:reporter vnrd:russia ;
          vnru:value 176 .
  ?quota vnru:indicator vnrv:scholarships ; vnru:reporter vnrd:russia ; vnru:value 1000 ;
         vnru:citation/vnru:source vnrd:source-000 .
  ?c vnru:source vnrd:source-000 ; vnru:quote ?q .
  OPTIONAL { ?d vnru:likelyReading ?reading }
} GROUP BY ?d ?note ?reading""",
    )
    assert len(rows) == 1, rows
    assert int(rows[0]["quotes"]) >= 2
    assert rows[0]["reading"] is not None


def test_fields_of_the_russian_scholarships(kg):
    """What the scholarships of 2019 are for: in large part military-technical and officer
    training, as the article says (the audit's known gap)."""
    rows = _rows(
        kg,
        """
SELECT ?s ?field ?summary WHERE {
  ?s a vnru:Statement ; vnru:statedBy vnrd:source-000 ; vnru:about ?obs ; vnru:field ?field ;
     vnru:summary ?summary ; vnru:citation ?c .
  ?obs vnru:indicator vnrv:scholarships ; vnru:reporter vnrd:russia ; vnru:partner vnrd:vietnam ;
       vnru:citation/vnru:source vnrd:source-000 .
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "đào tạo kỹ thuật quân sự, huấn luyện sĩ quan"))
  FILTER(LANG(?summary) = "en")
}""",
    )
    fields = {_local(r["field"]) for r in rows}
    assert {"military-technical", "education-training"} <= fields, fields
    assert any("officer" in str(r["summary"]) for r in rows)


# --- translations ---------------------------------------------------------------------------


def test_every_quote_of_the_article_file_has_one_english_translation(kg):
    name = next(n for n, p in kg.paths.items() if str(p).endswith(A000))
    part = kg.named[name]
    missing, wrong = [], []
    for citation, quote in part.subject_objects(VNRU.quote):
        translations = list(part.objects(citation, VNRU.translation))
        if not translations:
            missing.append(str(quote)[:60])
        elif len(translations) > 1 or any(
            not isinstance(t, Literal) or t.language != "en" for t in translations
        ):
            wrong.append(str(quote)[:60])
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:3]}"
    assert not wrong, wrong


def test_one_quote_one_translation_in_the_article_file(kg):
    name = next(n for n, p in kg.paths.items() if str(p).endswith(A000))
    part = kg.named[name]
    seen: dict[str, set[str]] = {}
    for citation, quote in part.subject_objects(VNRU.quote):
        for translation in part.objects(citation, VNRU.translation):
            seen.setdefault(" ".join(str(quote).split()), set()).add(str(translation))
    differing = {q[:50]: t for q, t in seen.items() if len(t) > 1}
    assert not differing, differing
