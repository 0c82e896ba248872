"""`vnrukg cite`: the sources behind a node as references, formatted by a CSL processor, and as
CSL-JSON, BibTeX and RIS from the same records."""

from __future__ import annotations

import io
import json

import pytest
import rispy
from click.testing import CliRunner
from pybtex.database import parse_string
from rdflib import URIRef

from vnrukg.cite import csl_records, format_text, sources_behind, to_bibtex, to_ris
from vnrukg.cli import cli
from vnrukg.project import Project
from vnrukg.store import CURATED, ONTOLOGY, load

from .conftest import ROOT

VNRD = "https://w3id.org/vnrukg/id/"


@pytest.fixture(scope="module")
def graph():
    return load(Project(ROOT)).part(ONTOLOGY, CURATED)


def test_a_source_is_its_own_reference(graph):
    behind = sources_behind(graph, URIRef(VNRD + "source-001"))
    assert [(str(b.source), b.role) for b in behind] == [(VNRD + "source-001", "source")]
    record = csl_records(graph, URIRef(VNRD + "source-001"))[0]
    assert record["type"] == "article-journal"
    assert record["author"] == [{"literal": "Nguyễn An Hà"}]
    assert record["title"] == (
        "75 năm quan hệ Việt Nam - Liên bang Nga [75 years of Vietnam–Russian Federation relations]"
    )


def test_a_fact_lists_the_quoted_articles_then_the_references_they_cite(graph):
    behind = sources_behind(graph, URIRef(VNRD + "treaty-1994"))
    roles = [b.role for b in behind]
    assert roles == sorted(roles, key=["quoted", "via"].index)
    quoted = {str(b.source) for b in behind if b.role == "quoted"}
    assert {VNRD + "source-000", VNRD + "source-001"} <= quoted
    for reference in (b for b in behind if b.role == "via"):
        assert reference.cited_in and all(str(s) in quoted for s in reference.cited_in)


def test_apa_text_from_citeproc(graph):
    records = csl_records(graph, URIRef(VNRD + "ref-000-03"))
    (text,) = format_text(records, "apa")
    assert text == (
        "Quân khu 7. (2019, June 17). Đưa hợp tác quốc phòng Việt Nam - Liên bang Nga, Việt Nam -"
        " Belarus đi vào chiều sâu [Taking Vietnam–Russia and"
        " Vietnam–Belarus defence cooperation into depth]. Quân khu 7. https://baoquankhu7.vn"
    )


def test_an_authorless_item_prints_its_title_once(graph):
    records = csl_records(graph, URIRef(VNRD + "source-002"))
    (text,) = format_text(records, "apa")
    assert text.count("Gennady Bezdetko") == 1
    assert "(2025, April)" in text


def test_bibtex_and_ris_parse_back_with_the_same_fields(graph):
    records = csl_records(graph, URIRef(VNRD + "treaty-1994"))
    bib = parse_string(to_bibtex(records), "bibtex")
    assert list(bib.entries) == [r["id"] for r in records]
    ris = rispy.load(io.StringIO(to_ris(records)))
    assert [r["id"] for r in ris] == [r["id"] for r in records]
    dated = [r for r in records if "issued" in r]
    assert dated and all(
        bib.entries[r["id"]].fields["year"] == str(r["issued"]["date-parts"][0][0]) for r in dated
    )


def test_cite_command_formats(tmp_path):
    runner = CliRunner()
    base = ["--root", str(ROOT), "cite"]
    data = json.loads(runner.invoke(cli, [*base, "ref-000-03", "--format", "csl-json"]).output)
    assert data[0]["id"] == "ref-000-03" and data[0]["URL"] == "https://baoquankhu7.vn"
    out = tmp_path / "refs.bib"
    done = runner.invoke(cli, [*base, "phan-van-giang", "--format", "bibtex", "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert out.read_text(encoding="utf-8").startswith("@")
    several = runner.invoke(cli, [*base, "Hiệp ước hữu nghị"])
    assert several.exit_code == 2
    assert "names several things: vnrd:treaty-1978" in several.output
    typo = runner.invoke(cli, [*base, "Phan Van Giong"])
    assert typo.exit_code == 1 and "did you mean vnrd:phan-van-giang" in typo.output
