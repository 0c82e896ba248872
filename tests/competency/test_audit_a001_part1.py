"""The audit's defects in article 001, part 1 (1950–2011), and the facts the second reading added.

Each test asks the loaded graph a SPARQL question that failed before the fix and passes after it.
"""

from __future__ import annotations

from rdflib import RDF

from .harness import run


def _ask(kg, sparql: str) -> bool:
    result = run(kg.graph, sparql)
    assert result.kind == "ASK"
    return bool(result.boolean)


def test_independence_in_1975_is_marked_as_a_factual_error(kg):
    """'Bị cấm vận sau khi giành độc lập năm 1975': the claim is kept, marked, and corrected."""
    assert _ask(
        kg,
        """
ASK {
  ?d a vnru:Discrepancy ; vnru:discrepancyKind vnrv:factual-error ;
     vnru:involves vnrd:embargo-against-vietnam-after-1975 ; vnru:note ?note ;
     vnru:citation ?c .
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote ; vnru:translation ?translation .
  FILTER(CONTAINS(?quote, "giành độc lập năm 1975"))
  FILTER(CONTAINS(?note, "1945") && CONTAINS(LCASE(?note), "reunif"))
}""",
    )
    # and no label of the embargo states the error as its name in English
    assert not _ask(
        kg,
        """
ASK {
  vnrd:embargo-against-vietnam-after-1975 skos:prefLabel ?label .
  FILTER(CONTAINS(?label, "độc lập") || CONTAINS(LCASE(?label), "independence"))
}""",
    )


def test_russian_federation_member_of_ussr_is_not_repeated_as_fact(kg):
    """'Liên bang Nga là thành viên của Liên bang Xô Viết': marked, and our English says otherwise."""
    assert _ask(
        kg,
        """
ASK {
  ?d a vnru:Discrepancy ; vnru:discrepancyKind vnrv:factual-error ;
     vnru:involves vnrd:period-001-1950-1991 ; vnru:note ?note ; vnru:likelyReading ?reading ;
     vnru:citation ?c .
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  FILTER(CONTAINS(?quote, "Liên bang Nga là thành viên của Liên bang Xô Viết"))
  FILTER(CONTAINS(?reading, "constituent republic") && CONTAINS(?reading, "December 1991"))
}""",
    )
    # no English text of ours (significance, note, summary, label) on the periods states it as fact
    assert not _ask(
        kg,
        """
ASK {
  VALUES ?period { vnrd:period-001-1950-1991 vnrd:period-001-1991-now }
  VALUES ?p { vnru:significance vnru:note skos:prefLabel vnru:summary }
  ?period ?p ?text . FILTER(LANG(?text) = "en")
  FILTER(REGEX(?text, "(when|while) the Russian Federation was a member", "i")
         || CONTAINS(?text, "Russian Federation's independence in 1991"))
}""",
    )


def test_forty_years_for_1950_1991_is_marked_and_corrected(kg):
    """'Giai đoạn 40 năm ... (1950-1991)': the label is the source's, the span is 41 years."""
    result = run(
        kg.graph,
        """
SELECT ?start ?end ?note WHERE {
  ?d a vnru:Discrepancy ; vnru:discrepancyKind vnrv:factual-error ;
     vnru:involves ?period ; vnru:note ?note ; vnru:citation ?c .
  ?period a vnru:Period ; vnru:startDate ?start ; vnru:endDate ?end .
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  FILTER(CONTAINS(?quote, "Giai đoạn 40 năm"))
}""",
    )
    assert result.rows, "no factual-error discrepancy cites the heading 'Giai đoạn 40 năm'"
    for start, end, note in result.rows:
        span = int(str(end)[:4]) - int(str(start)[:4])
        assert str(span) in str(note), (span, str(note))


def test_hang_van_has_one_reading_in_value_and_discrepancy(kg):
    """'Hàng vạn' (tens of thousands) is read one way: at least 20,000, in the observation and in
    the discrepancy that involves it."""
    result = run(
        kg.graph,
        """
SELECT ?obs ?value ?note WHERE {
  ?obs a vnru:Observation ; vnru:valueQualifier vnrv:tens-of-thousands ; vnru:value ?value ;
       vnru:citation/vnru:source vnrd:source-001 .
  ?d a vnru:Discrepancy ; vnru:involves ?obs ; vnru:note ?note .
}""",
    )
    assert result.rows, (
        "no observation of article 001 qualified as tens of thousands in a discrepancy"
    )
    for obs, value, note in result.rows:
        # several vạn (10,000 each): the lower bound is 20,000, and the discrepancy reads it so
        assert float(value) >= 20000, (obs, value)
        assert f"{int(float(value)):,}" in str(note), (obs, value, str(note))
    # and no text of the discrepancy or the observations reads it as fewer than 20,000
    assert not _ask(
        kg,
        """
ASK {
  ?obs vnru:valueQualifier vnrv:tens-of-thousands .
  { ?d vnru:involves ?obs ; vnru:likelyReading ?text } UNION { ?obs vnru:note ?text }
  FILTER(CONTAINS(?text, "many thousands") || CONTAINS(?text, "order of magnitude"))
}""",
    )


def test_aid_tonnage_traces_to_its_references(kg):
    """513,582 tonnes (1965–1975): cited via (Nguyễn Minh Tâm, 2024), which reports the Russian
    Ministry of Defence's statistics declassified in 1999; both references are on the figure."""
    assert _ask(
        kg,
        """
ASK {
  vnrd:source-001 dcterms:references ?ref .
  ?ref vnru:citationKey ?key ; dcterms:references ?statistics .
  ?statistics dcterms:creator vnrd:mod-russia .
  vnrd:source-001 dcterms:references ?statistics .
  ?c vnru:viaReference ?ref , ?statistics ; vnru:source vnrd:source-001 .
  ?obs vnru:citation ?c ; a vnru:Observation ; vnru:indicator vnrv:military-aid-tonnage .
}""",
    )


_PART1 = "graph/articles/a001-part1-1950-2011.ttl"


def test_figures_of_part1_cite_the_reference_their_sentence_gives(kg, project):
    """A quote of part 1 that gives a figure, in a sentence that ends with an author–year mark of
    one of the article's references, cites that reference (vnru:viaReference). The references'
    and their authors' own citations (which quote the mark itself) are not facts with figures."""
    from vnrukg.project import find_sources
    from vnrukg.store import graph_name

    part = kg.named[graph_name(project, project.root / _PART1)]
    sources = find_sources(project)
    assert sources is not None
    text = " ".join((sources / "001_4b88624cfc595232.txt").read_text(encoding="utf-8").split())
    keys = {
        str(key): ref
        for ref, key in run(
            kg.graph,
            "SELECT ?r ?k WHERE { vnrd:source-001 dcterms:references ?r . ?r vnru:citationKey ?k }",
        ).rows
    }
    cited = run(
        part,
        """
SELECT ?fact ?c ?quote (GROUP_CONCAT(STR(?r); separator=" ") AS ?refs) WHERE {
  ?fact vnru:citation ?c . ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  FILTER(REGEX(?quote, "[0-9]{2}"))
  OPTIONAL { ?c vnru:viaReference ?r }
} GROUP BY ?fact ?c ?quote""",
    )
    checked, missing = 0, []
    for fact, _citation, quote, refs in cited.rows:
        types = {str(t).rsplit("#", 1)[-1] for t in kg.graph.objects(fact, RDF.type)}
        if types & {"SourceDocument", "NewsArticle", "Person"}:
            continue
        wanted = " ".join(str(quote).split())
        start = text.find(wanted)
        assert start >= 0, wanted
        end = start + len(wanted)
        if not wanted.endswith((".", ")")):
            stop = text.find(". ", end)
            end = len(text) if stop < 0 else stop + 1
        marks = [k for k in keys if f"({k})" in text[start:end]]
        if not marks:
            continue
        checked += 1
        if not any(str(keys[k]) in str(refs or "").split() for k in marks):
            missing.append((str(fact), wanted[:60], marks))
    assert checked >= 20, checked
    assert not missing, missing


def test_trade_grew_nearly_fivefold_in_2001_2011(kg):
    """'Kim ngạch thương mại hai chiều Nga - Việt tăng gấp gần 5 lần' is a figure, with its qualifier."""
    result = run(
        kg.graph,
        """
SELECT ?factor ?start ?end ?quote WHERE {
  ?obs a vnru:Observation ; vnru:growthFactor ?factor ; vnru:valueQualifier vnrv:nearly ;
       vnru:indicator ?indicator ; vnru:startDate ?start ; vnru:endDate ?end ; vnru:citation ?c .
  ?indicator skos:prefLabel ?label . FILTER(LANG(?label) = "en" && CONTAINS(?label, "turnover"))
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  FILTER(CONTAINS(?quote, "gấp gần 5 lần"))
}""",
    )
    assert result.rows, "no observation of the nearly fivefold growth of trade turnover"
    factor, start, end, quote = result.rows[0]
    assert float(factor) == 5 and "5 lần" in str(quote)
    assert (str(start), str(end)) == ("2001", "2011")


def test_medvedev_visit_month_is_listed_as_a_disagreement(kg):
    """The visit and summit the article dates 'tháng 11/2010' (on record: 30–31 October 2010) are
    kept at the article's month and listed as a disagreement, not only mentioned in a note."""
    result = run(
        kg.graph,
        """
SELECT ?event ?date ?reading WHERE {
  ?d a vnru:Discrepancy ; vnru:involves ?event ; vnru:likelyReading ?reading ; vnru:citation ?c .
  ?event a ?kind ; vnru:date ?date . ?kind rdfs:subClassOf* vnru:Event .
  ?event vnru:guest|vnru:participant vnrd:dmitry-medvedev .
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  FILTER(CONTAINS(?quote, "tháng 11/2010"))
}""",
    )
    assert len({str(row[0]) for row in result.rows}) >= 2, result.rows
    for _event, date, reading in result.rows:
        assert str(date) == "2010-11"  # the article's month is kept
        assert "October 2010" in str(reading)


def test_part1_author_assessments_are_not_dated_like_the_events_they_discuss(kg, project):
    """An assessment stated by the article itself was made in the article, not during the visit
    it discusses: no madeDuring, and no date other than the article's own."""
    from vnrukg.store import graph_name

    part = kg.named[graph_name(project, project.root / _PART1)]
    result = run(
        part,
        """
SELECT ?s ?event ?date WHERE {
  ?s a vnru:Statement ; vnru:statedBy vnrd:source-001 .
  { ?s vnru:madeDuring ?event } UNION { ?s vnru:date ?date }
}""",
    )
    # the article's own date, if the graph gives it one (else an assessment of it has none)
    article_dates = {
        str(row[0])[:4]
        for row in run(kg.graph, "SELECT ?d WHERE { vnrd:source-001 dcterms:date ?d }").rows
    }
    wrong = [
        row
        for row in result.rows
        if row[1] is not None or (row[2] is not None and str(row[2])[:4] not in article_dates)
    ]
    assert not wrong, wrong
