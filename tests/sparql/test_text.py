"""SPARQL as text: the SERVICE guard and the rewrites that make Oxigraph answer like rdflib."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from vnrukg.errors import VnrukgError
from vnrukg.sparql.text import (
    bind_values,
    guard,
    keywords,
    plain_group_concat,
    skeleton,
    total_order,
)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "select * { service <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * { SeRvIcE SILENT ?endpoint { ?s ?p ?o } }",
        "SELECT * { ?s ex:a\\'b ?o . SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * {\n# a comment\nSERVICE <http://127.0.0.1:9/> {} }",
    ],
)
def test_guard_refuses_service(text):
    with pytest.raises(VnrukgError, match="SERVICE is not allowed"):
        guard(text)


@pytest.mark.parametrize(
    "text",
    [
        'SELECT * { ?s ?p "SERVICE <http://127.0.0.1:9/> { }" }',
        "SELECT * { ?s ?p '''multi\nline SERVICE''' }",
        "SELECT * { ?s <http://example.org/SERVICE> ?o }",
        "SELECT * { ?s ex:service ?o . ?service ?p service:x }",
        "SELECT * { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/>",
        'SELECT * { ?s ?p "x"@service }',
    ],
)
def test_guard_lets_the_word_service_through_where_it_is_no_keyword(text):
    guard(text)


def test_keywords():
    assert keywords('SELECT ?x WHERE { ?x a "WHERE" } # LIMIT') == {"SELECT", "WHERE", "A"}


def test_bind_values_in_every_group():
    values = {
        "a": ox.NamedNode("http://x/a"),
        "n": ox.Literal("2", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
    }
    block = " VALUES (?a) { (<http://x/a>) } "
    both = ' VALUES (?a ?n) { (<http://x/a> "2"^^<http://www.w3.org/2001/XMLSchema#integer>) } '
    assert bind_values("SELECT ?s { ?s ?p ?a }", values) == "SELECT ?s {" + block + " ?s ?p ?a }"
    assert bind_values("SELECT ?s { ?s ?p ?a FILTER(?x > ?n) }", values) == (
        "SELECT ?s {" + both + " ?s ?p ?a FILTER(?x > ?n) }"
    )
    nested = bind_values("SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?a } } }", values)
    assert nested == (
        "SELECT ?s WHERE {" + block + " { SELECT ?s WHERE {" + block + " ?s ?p ?a } } }"
    )  # not inside `{ SELECT … }`, which may hold the sub-query only
    union = bind_values("SELECT ?f { { BIND(?a AS ?f) } UNION { ?f ?p ?a } OPTIONAL { ?f ?q ?o } }",
                        values)  # fmt: skip
    assert union.count("VALUES") == 3  # not in the OPTIONAL, which never names a parameter
    data = bind_values("SELECT ?s { VALUES ?s { <http://x/1> } ?s ?p ?a } VALUES ?o { 1 }", values)
    assert data.count("VALUES") == 3  # the data blocks of VALUES are left alone
    construct = bind_values("CONSTRUCT { ?s ?p ?a } WHERE { ?s ?p ?a }", values)
    assert construct == "CONSTRUCT { ?s ?p ?a } WHERE {" + block + " ?s ?p ?a }"
    assert bind_values("CONSTRUCT WHERE { ?s ?p ?a }", values) == "CONSTRUCT WHERE { ?s ?p ?a }"
    assert bind_values("SELECT ?s { ?s ?p '{' }", {}) == "SELECT ?s { ?s ?p '{' }"
    with pytest.raises(VnrukgError, match="bad parameter name"):
        bind_values("SELECT * {}", {"a b": ox.NamedNode("http://x/a")})
    with pytest.raises(VnrukgError, match="only IRIs and literals"):
        bind_values("SELECT * {}", {"a": ox.BlankNode("b")})


def test_plain_group_concat():
    text = (
        'SELECT (GROUP_CONCAT(?l; separator=", ") AS ?ls) (group_concat(DISTINCT STR(?x)) AS ?y) {}'
    )
    assert plain_group_concat(text) == (
        'SELECT (STR(GROUP_CONCAT(?l; separator=", ")) AS ?ls) '
        "(STR(group_concat(DISTINCT STR(?x))) AS ?y) {}"
    )
    assert plain_group_concat('SELECT ?s { ?s ?p "GROUP_CONCAT(" }') == (
        'SELECT ?s { ?s ?p "GROUP_CONCAT(" }'
    )


def test_total_order():
    keys = ' COALESCE(STR(?a), "") COALESCE(STR(?b), "")'
    assert total_order("SELECT ?a ?b { ?a ?p ?b } ORDER BY ?a LIMIT 3", ["a", "b"]) == (
        "SELECT ?a ?b { ?a ?p ?b } ORDER BY ?a" + keys + " LIMIT 3"
    )
    assert total_order("SELECT ?a ?b {} ORDER BY DESC(?a) # why\n", ["a", "b"]) == (
        "SELECT ?a ?b {} ORDER BY DESC(?a)" + keys + " # why\n"
    )
    inner = "SELECT ?a ?b { { SELECT ?a { } ORDER BY ?a LIMIT 1 } ?a ?p ?b }"
    assert total_order(inner, ["a", "b"]) == inner  # only the top-level ORDER BY
    assert total_order("SELECT ?a {}", ["a"]) == "SELECT ?a {}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SELECT ?p ?o { vnrd:russia ?p ?o }", "SELECT ?p ?o { vnrd:_ ?p ?o }"),
        ('ASK { <https://w3id.org/x/1> ?p "12"@vi }', 'ASK { <> ?p ""@vi }'),
        ("SELECT * { ?s ?p '7'^^xsd:integer } LIMIT 5", 'SELECT * { ?s ?p ""^^xsd:_ } LIMIT 5'),
        # kept: a comment, numbers, variables, keywords, whitespace, a prefix's own name
        ("SELECT  ?x # vnrd:a\n{ ?x ?p 3.5 }", "SELECT  ?x # vnrd:a\n{ ?x ?p 3.5 }"),
        ("PREFIX ex: <http://e/> SELECT * {}", "PREFIX ex: <> SELECT * {}"),
        # kept: anything another reader could tokenise otherwise
        ('ASK { ?s ?p "a\\"b" }', 'ASK { ?s ?p "a\\"b" }'),
        ("ASK { ?s ?p <http://e/#x> }", "ASK { ?s ?p <http://e/#x> }"),
        ("ASK { ?s ?p 'x#y' }", "ASK { ?s ?p 'x#y' }"),
        ('ASK { ?s ?p """a""" }', 'ASK { ?s ?p """a""" }'),
        ("ASK { ?s ?p vnrd:russia. }", "ASK { ?s ?p vnrd:russia. }"),
        ("ASK { FILTER(?a<?b&&?c>?d) }", "ASK { FILTER(?a<?b&&?c>?d) }"),
        ("ASK { ?s ?p <?q> }", "ASK { ?s ?p <?q> }"),
    ],
)
def test_skeleton_blanks_only_plain_names(text, expected):
    assert skeleton(text) == expected


def test_skeleton_keeps_every_keyword():
    text = "SELECT * FROM <http://e/g> { SERVICE <http://e/s> { ?s ?p 'SERVICE' } }"
    assert keywords(skeleton(text)) == keywords(text) - set() and "SERVICE" in skeleton(text)
