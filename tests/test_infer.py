"""The primary citation: the rule that picks, of a fact's citations, the one summaries show."""

from __future__ import annotations

from rdflib import Graph, URIRef

from vnrukg.infer import inferences
from vnrukg.namespaces import VNRU

TURTLE = """
@prefix vnru: <https://w3id.org/vnrukg/ontology#> .
@prefix vnrd: <https://w3id.org/vnrukg/id/> .

vnrd:one vnru:citation vnrd:c1 .
vnrd:c1 vnru:quote "only quote"@vi ; vnru:source vnrd:source-002 .

vnrd:longest vnru:citation vnrd:c2 , vnrd:c3 .
vnrd:c2 vnru:quote "short"@vi ; vnru:source vnrd:source-000 .
vnrd:c3 vnru:quote "the longer quote"@vi ; vnru:source vnrd:source-004 .

vnrd:tie vnru:citation vnrd:c4 , vnrd:c5 , vnrd:c6 .
vnrd:c4 vnru:quote "same size"@vi ; vnru:source vnrd:source-003 .
vnrd:c5 vnru:quote "same size"@vi ; vnru:source vnrd:source-001 .
vnrd:c6 vnru:quote "Same size"@vi ; vnru:source vnrd:source-001 .

vnrd:unsourced vnru:citation vnrd:c7 .
vnrd:c7 vnru:quote "no source given"@vi .
"""


def primary() -> dict[str, str]:
    graph = Graph().parse(data=TURTLE, format="turtle")
    extra = inferences(graph)
    return {
        str(fact).rsplit("/", 1)[1]: str(citation).rsplit("/", 1)[1]
        for fact, citation in extra.subject_objects(VNRU.primaryCitation)
    }


def test_the_longest_quote_then_the_smallest_source_then_the_quote():
    assert primary() == {"one": "c1", "longest": "c3", "tie": "c6"}


def test_the_rule_is_the_order_the_summary_queries_used():
    """The same choice as MIN(CONCAT(STR(199999 - STRLEN(?q)), " ", STR(?src), " ", STR(?q))),
    which the summary queries computed for themselves, in both engines."""
    from vnrukg.sparql.engines.oxigraph import OxigraphEngine
    from vnrukg.sparql.engines.rdflib import RdflibEngine

    graph = Graph().parse(data=TURTLE, format="turtle")
    query = """PREFIX vnru: <https://w3id.org/vnrukg/ontology#>
    SELECT ?fact (MIN(CONCAT(STR(199999 - STRLEN(STR(?q))), " ", STR(?src), " ", STR(?q)))
                  AS ?key)
    WHERE { ?fact vnru:citation ?c . ?c vnru:quote ?q ; vnru:source ?src } GROUP BY ?fact"""
    chosen = primary()
    for engine in (RdflibEngine(graph), OxigraphEngine.from_graph(graph)):
        picked = {}
        for fact, key in engine.query(query).rows:
            _, source, quote = key.value.split(" ", 2)
            picked[fact.value.rsplit("/", 1)[1]] = next(
                str(c).rsplit("/", 1)[1]
                for c in graph.objects(URIRef(fact.value), VNRU.citation)
                if str(graph.value(c, VNRU.quote)) == quote
                and str(graph.value(c, VNRU.source)) == source
            )
        assert picked == chosen
