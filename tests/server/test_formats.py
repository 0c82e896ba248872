"""The W3C SPARQL result formats, byte for byte."""

from __future__ import annotations

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from vnrukg.engine import QueryResult
from vnrukg.server.formats import to_csv, to_json, to_tsv, to_xml

ROW = (URIRef("https://w3id.org/vnrukg/id/x"), Literal('say "hi",\tthen\nbye', lang="en"))
RESULT = QueryResult(
    "SELECT",
    ["s", "o", "n"],
    [
        (*ROW, Literal(3)),
        (BNode("b0"), None, Literal("2024", datatype=XSD.gYear)),
    ],
)


def test_json():
    assert to_json(RESULT) == (
        '{"head": {"vars": ["s", "o", "n"]}, "results": {"bindings": ['
        '{"s": {"type": "uri", "value": "https://w3id.org/vnrukg/id/x"}, '
        '"o": {"type": "literal", "value": "say \\"hi\\",\\tthen\\nbye", "xml:lang": "en"}, '
        '"n": {"type": "literal", "value": "3", '
        '"datatype": "http://www.w3.org/2001/XMLSchema#integer"}}, '
        '{"s": {"type": "bnode", "value": "b0"}, "n": {"type": "literal", "value": "2024", '
        '"datatype": "http://www.w3.org/2001/XMLSchema#gYear"}}]}}'
    )
    assert to_json(QueryResult("ASK", boolean=False)) == '{"head": {}, "boolean": false}'


def test_xml():
    assert to_xml(RESULT).splitlines()[7:11] == [
        "  <results>",
        "    <result>",
        '      <binding name="s"><uri>https://w3id.org/vnrukg/id/x</uri></binding>',
        '      <binding name="o"><literal xml:lang="en">say "hi",\tthen',
    ]
    assert "<bnode>b0</bnode>" in to_xml(RESULT)
    assert "<boolean>true</boolean>" in to_xml(QueryResult("ASK", boolean=True))


def test_csv_quotes_and_crlf():
    assert to_csv(RESULT) == (
        's,o,n\r\nhttps://w3id.org/vnrukg/id/x,"say ""hi"",\tthen\nbye",3\r\n_:b0,,2024\r\n'
    )


def test_tsv_escapes_in_turtle_syntax():
    assert to_tsv(RESULT) == (
        "?s\t?o\t?n\n"
        '<https://w3id.org/vnrukg/id/x>\t"say \\"hi\\",\\tthen\\nbye"@en\t'
        '"3"^^<http://www.w3.org/2001/XMLSchema#integer>\n'
        '_:b0\t\t"2024"^^<http://www.w3.org/2001/XMLSchema#gYear>\n'
    )


def test_pyoxigraph_rows_give_the_same_bytes():
    """The endpoint hands Oxigraph's rows over as pyoxigraph terms; every format is unchanged."""
    import pyoxigraph as ox

    xsd = "http://www.w3.org/2001/XMLSchema#"
    native = QueryResult(
        "SELECT",
        RESULT.variables,
        [
            (
                ox.NamedNode("https://w3id.org/vnrukg/id/x"),
                ox.Literal('say "hi",\tthen\nbye', language="en"),
                ox.Literal("3", datatype=ox.NamedNode(xsd + "integer")),
            ),
            (ox.BlankNode("b0"), None, ox.Literal("2024", datatype=ox.NamedNode(xsd + "gYear"))),
        ],
    )
    for writer in (to_json, to_xml, to_csv, to_tsv):
        assert writer(native) == writer(RESULT)
    plain = QueryResult("SELECT", ["v"], [(ox.Literal("x"),)])
    assert to_json(plain) == to_json(QueryResult("SELECT", ["v"], [(Literal("x"),)]))
    assert '"datatype"' not in to_json(plain)  # xsd:string stays implicit
