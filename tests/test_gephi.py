"""GraphML and GEXF 1.3 exports of the entity network: typed attributes, layout, validity."""

import re
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from lxml import etree

from tests.viz_support import viz_kg, viz_net, viz_root  # noqa: F401
from vnrukg.cli import cli
from vnrukg.gephi import counts, network_bytes, spell

SCHEMA = Path(__file__).parent / "fixtures" / "gexf-1.3"
GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"


def test_graphml_has_typed_attributes_layout_and_counts(viz_net, tmp_path):
    data = network_bytes(viz_net, "graphml")
    assert data == network_bytes(viz_net, "graphml")
    path = tmp_path / "n.graphml"
    path.write_bytes(data)
    graph = nx.read_graphml(path)
    assert graph.number_of_nodes() == 21
    assert graph.number_of_edges() == counts(viz_net)["relations"] == 33
    moscow = graph.nodes["vnrd:moscow"]
    assert moscow["label_vi"] == "Mát-xcơ-va"
    assert "start" not in moscow and "start_year" not in moscow  # undated: absent, not empty
    partnership = graph.nodes["vnrd:partnership-2012"]
    assert partnership["start_year"] == 2012 and isinstance(partnership["start_year"], int)
    russia = graph.nodes["vnrd:russia"]
    assert russia["degree"] == 11 and isinstance(russia["community"], int)
    assert russia["color"] == "#c0392b" and (russia["r"], russia["g"], russia["b"]) == (192, 57, 43)
    assert isinstance(russia["x"], float) and isinstance(russia["y"], float)
    keys = re.findall(rb'<key id="\w+" for="node" attr.name="(\w+)" attr.type="(\w+)"', data)
    types = {name.decode(): kind.decode() for name, kind in keys}
    assert types["start_year"] in ("int", "long") and types["degree"] in ("int", "long")
    assert types["x"] == "double"
    assert graph.graph["relations"] == 33 and "linked pairs" in graph.graph["description"]


def _gexf(viz_net):
    return etree.fromstring(network_bytes(viz_net, "gexf"))


def test_gexf_validates_against_the_gexf_1_3_schema(viz_net):
    doc = _gexf(viz_net)
    rng = etree.RelaxNG(etree.parse(str(SCHEMA / "gexf.rng")))
    assert rng.validate(doc), rng.error_log
    # the XSD (which lost the viz namespace in its conversion: see the README) without viz:*
    for element in list(doc.iter(f"{VIZ}color", f"{VIZ}position", f"{VIZ}size")):
        element.getparent().remove(element)
    xsd = etree.XMLSchema(etree.parse(str(SCHEMA / "gexf.xsd")))
    assert xsd.validate(doc), xsd.error_log


def test_gexf_schema_check_can_fail(viz_net):
    doc = _gexf(viz_net)
    doc.find(f".//{GEXF}node").set("start", "2024-13-01")
    rng = etree.RelaxNG(etree.parse(str(SCHEMA / "gexf.rng")))
    assert not rng.validate(doc)


def test_gexf_dates_cover_the_precision_of_the_source(viz_net):
    doc = _gexf(viz_net)
    assert doc.get("version") == "1.3"
    graph = doc.find(f"{GEXF}graph")
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    spells = [e.get(a) for e in doc.iter(f"{GEXF}node", f"{GEXF}edge") for a in ("start", "end")]
    found = [s for s in spells if s is not None]
    assert found and all(date.fromisoformat(s) for s in found)
    nodes = {n.get("id"): n for n in doc.iter(f"{GEXF}node")}
    session = nodes["vnrd:dsd-session-5"]  # "2022-11"^^xsd:gYearMonth: all of November
    assert (session.get("start"), session.get("end")) == ("2022-11-01", "2022-11-30")
    assert nodes["vnrd:dsd-session-4"].get("end") == "2018-12-31"  # a gYear: the whole year
    assert nodes["vnrd:moscow"].get("start") is None
    assert spell("2024-08-13", None) == ("2024-08-13", None)
    russia = nodes["vnrd:russia"]
    assert russia.find(f"{VIZ}color").get("r") == "192"
    assert russia.find(f"{VIZ}position").get("x") is not None
    values = {v.get("for"): v.get("value") for v in russia.iter(f"{GEXF}attvalue")}
    assert values["degree"] == "11" and "start_year" not in values


def test_counts_name_what_they_count(viz_net):
    assert counts(viz_net) == {"entities": 21, "relations": 33, "links": 33, "pairs": 33}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_exports_are_deterministic(viz_net, fmt):
    assert network_bytes(viz_net, fmt) == network_bytes(viz_net, fmt)


def test_export_command(viz_root, tmp_path):
    out = tmp_path / "n.gexf"
    result = CliRunner().invoke(cli, ["--root", str(viz_root), "export", "-o", str(out)])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"wrote {out} (")
    assert result.stderr.endswith(" bytes, gexf)\n")
    graphml = CliRunner().invoke(cli, ["--root", str(viz_root), "export", "--format", "graphml"])
    assert graphml.stdout_bytes.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<graphml")
