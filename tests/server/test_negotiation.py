"""Content negotiation: Accept parsing, the format override, 406."""

from __future__ import annotations

import pytest

from vnrukg.errors import UsageError
from vnrukg.server.negotiation import (
    NotAcceptable,
    for_page,
    for_result,
    parse_accept,
    wants_html,
)

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"


def test_parse_accept_orders_by_q_then_position():
    assert parse_accept("text/csv;q=0.5, application/json, text/tsv;q=0, */*;q=0.1") == [
        ("application/json", 1.0),
        ("text/csv", 0.5),
        ("*/*", 0.1),
    ]


@pytest.mark.parametrize(
    ("kind", "accept", "override", "name"),
    [
        ("SELECT", None, None, "json"),
        ("SELECT", "*/*", None, "json"),
        ("SELECT", "application/sparql-results+xml", None, "xml"),
        ("SELECT", "text/csv;q=0.4, text/tab-separated-values", None, "tsv"),
        ("SELECT", "application/json", None, "json"),
        ("ASK", "text/*", None, "csv"),
        ("SELECT", "text/csv", ["json"], "json"),
        ("SELECT", None, ["text/tab-separated-values"], "tsv"),
        ("CONSTRUCT", None, None, "ttl"),
        ("CONSTRUCT", "application/n-triples", None, "nt"),
        ("DESCRIBE", "application/ld+json", None, "jsonld"),
        ("CONSTRUCT", "application/rdf+xml", None, "xml"),
        ("CONSTRUCT", "application/sparql-results+json, application/n-triples;q=0.9", None, "nt"),
        ("CONSTRUCT", None, ["json-ld", "application/ld+json"], "jsonld"),
        ("CONSTRUCT", None, ["xml"], "xml"),
    ],
)
def test_for_result(kind, accept, override, name):
    assert for_result(kind, accept, override).name == name


def test_not_acceptable():
    with pytest.raises(NotAcceptable, match="cannot answer with 'image/png'"):
        for_result("SELECT", "image/png", None)


def test_unknown_override():
    with pytest.raises(UsageError, match="unknown format 'yaml'"):
        for_result("SELECT", None, ["yaml"])


def test_pages_are_html_unless_rdf_is_asked_for():
    assert for_page(BROWSER).name == "html"
    assert for_page("*/*").name == "html"
    assert for_page("text/turtle").name == "ttl"
    assert for_page(BROWSER, ["jsonld"]).name == "jsonld"
    assert for_page("application/json").name == "jsonld"


def test_wants_html():
    assert wants_html(BROWSER)
    assert not wants_html("*/*")
    assert not wants_html("application/sparql-results+json")
    assert not wants_html(None)
