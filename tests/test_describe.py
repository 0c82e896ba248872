"""`vnrukg show` answers for every node the graph describes, not only the network's entities."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from vnrukg.cli import cli
from vnrukg.describe import describe, description_text
from vnrukg.errors import VnrukgError
from vnrukg.lookup import find
from vnrukg.namespaces import VNRU
from vnrukg.network import Entity, build_network
from vnrukg.project import Project
from vnrukg.search import build_index
from vnrukg.store import INFERRED_GRAPH, load

from .conftest import ROOT

IRI = "https://w3id.org/vnrukg/id/"


@pytest.fixture(scope="module")
def curated():
    kg = load(Project(ROOT))
    graph = kg.graph - kg.named[INFERRED_GRAPH]
    return build_network(kg), graph, build_index(kg.graph, graph)


def _shown(curated, text: str) -> str:
    net, graph, entries = curated
    found = find(net, text, entries, graph)
    assert isinstance(found, URIRef), found
    return description_text(describe(graph, found))


@pytest.mark.parametrize("form", ["source-002", "vnrd:source-002", IRI + "source-002"])
def test_a_source_by_slug_prefixed_name_or_iri(curated, form):
    lines = _shown(curated, form).splitlines()
    assert lines[0].startswith("General Secretary Tô Lâm receives the Russian ambassador")
    assert lines[1] == "vnrd:source-002 · News article"
    assert "source text file: 002_30a8aa393b8066a4.txt" in lines
    assert any(line.startswith("evidence for (") for line in lines)


def test_a_cited_reference_and_what_cites_it(curated):
    text = _shown(curated, "ref-000-03")
    assert "schema:about: Belarus (vnrd:belarus)" in text
    assert "← dcterms:references:" in text and "(vnrd:source-000)" in text


def test_a_state_outside_the_network(curated):
    assert _shown(curated, "belarus").startswith("Belarus\nvnrd:belarus · State\n")


def test_an_observation_is_named_by_its_parts(curated):
    _net, graph, _entries = curated
    data = asdict(describe(graph, URIRef(IRI + "obs-trade-turnover-vn-ru-2018")))
    assert data["name"].startswith("Two-way trade turnover, Socialist Republic of Vietnam")
    assert ("value", "4500000000") in data["properties"]
    assert data["evidence"][0]["quote"].startswith("năm 2018 đạt 4,5 tỉ USD")


def test_a_citation_by_its_iri(curated):
    _net, graph, _entries = curated
    citation = next(graph.objects(URIRef(IRI + "gazprom"), VNRU.citation))
    lines = _shown(curated, str(citation)).splitlines()
    assert lines[1].endswith("· Citation")
    assert "evidence for: Gazprom (vnrd:gazprom)" in lines


def test_network_entities_still_come_from_the_network(curated):
    net, graph, entries = curated
    assert isinstance(find(net, "phan van giang", entries, graph), Entity)


def test_unknown_names_get_suggestions(curated):
    net, graph, entries = curated
    with pytest.raises(VnrukgError) as caught:
        find(net, "Phan Van Giong", entries, graph)
    assert str(caught.value) == (
        "nothing named 'Phan Van Giong'; did you mean vnrd:phan-van-giang (Phan Văn Giang)"
    )


def test_show_command_for_a_reference():
    result = CliRunner().invoke(cli, ["--root", str(ROOT), "show", "ref-000-03"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == "vnrd:ref-000-03 · News article"
