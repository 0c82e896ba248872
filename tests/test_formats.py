"""The one registry of output formats: complete, consistent, and what everything derives from."""

from __future__ import annotations

import pytest

from vnrukg import formats
from vnrukg.errors import UsageError


@pytest.mark.parametrize("fmt", formats.FORMATS, ids=lambda f: f"{f.kind}-{f.name}")
def test_every_writer_resolves_to_a_function_of_its_kinds_module(fmt):
    module = {
        formats.GRAPH: "vnrukg.export",
        formats.DATASET: "vnrukg.export",
        formats.RESULTS: "vnrukg.results",
        formats.NETWORK: "vnrukg.gephi",
    }[fmt.kind]
    assert fmt.writer.startswith(module + ":")
    assert callable(fmt.write)


def test_names_extensions_and_media_types_are_unambiguous():
    for surface in ("cli", "http"):
        for kind in formats.KINDS:
            names = formats.names(kind, surface=surface)
            assert len(names) == len(set(names)), (surface, kind)
    extensions = [e for f in formats.formats(*formats.KINDS) for e in f.extensions]
    assert len(extensions) == len(set(extensions))


def test_lookups():
    assert formats.get("ttl").media_type == "text/turtle"
    assert formats.guess("out/graph.RDF").name == "xml"
    assert formats.guess("g.gexf").kind == formats.NETWORK
    assert formats.get("json", [formats.RESULTS], "http").writer.endswith(":sparql_json")
    assert formats.get("json", [formats.RESULTS]).writer.endswith(":write_json")
    with pytest.raises(UsageError, match="unknown format 'yaml'"):
        formats.get("yaml")


def test_what_derives_from_it():
    from vnrukg.cli.data import EXPORT_FORMATS
    from vnrukg.server.negotiation import GRAPH, TABLE

    assert EXPORT_FORMATS == ("ttl", "nt", "nq", "trig", "jsonld", "xml", "graphml", "gexf")
    assert [f.name for f in TABLE] == ["json", "xml", "csv", "tsv"]
    assert [f.name for f in GRAPH] == ["ttl", "nt", "jsonld", "xml"]
    assert all(f.iri for f in (*TABLE, *GRAPH))
