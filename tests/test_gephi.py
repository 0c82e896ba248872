"""GraphML and GEXF exports of the entity network."""

import networkx as nx
from click.testing import CliRunner

from tests.viz_support import viz_kg, viz_net, viz_root  # noqa: F401
from vnrukg.cli import cli
from vnrukg.gephi import network_bytes


def test_graphml_round_trips(viz_net, tmp_path):
    data = network_bytes(viz_net, "graphml")
    assert data == network_bytes(viz_net, "graphml")
    path = tmp_path / "n.graphml"
    path.write_bytes(data)
    graph = nx.read_graphml(path)
    assert graph.number_of_nodes() == 21
    assert graph.number_of_edges() == 33
    assert graph.nodes["vnrd:moscow"]["label_vi"] == "Mát-xcơ-va"


def test_gexf_is_deterministic_and_readable(viz_net, tmp_path):
    data = network_bytes(viz_net, "gexf")
    assert b"lastmodifieddate" not in data
    path = tmp_path / "n.gexf"
    path.write_bytes(data)
    graph = nx.read_gexf(path)
    assert graph.number_of_nodes() == 21


def test_export_command(viz_root, tmp_path):
    out = tmp_path / "n.gexf"
    result = CliRunner().invoke(cli, ["--root", str(viz_root), "export", "-o", str(out)])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"wrote {out} (")
    assert result.stderr.endswith(" bytes, gexf)\n")
    graphml = CliRunner().invoke(cli, ["--root", str(viz_root), "export", "--format", "graphml"])
    assert graphml.stdout_bytes.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<graphml")
