"""Graph analytics on the fixture network."""

import json

from click.testing import CliRunner

from tests.viz_support import viz_kg, viz_net, viz_root  # noqa: F401
from vnrukg.analyze import analyze, format_analysis, per_year
from vnrukg.cli import cli


def test_rankings(viz_net):
    result = analyze(viz_net, top=3)
    assert (result.nodes, result.links, result.components) == (21, 33, 1)
    assert [(r.id, r.score) for r in result.degree] == [
        ("vnrd:russia", 11),
        ("vnrd:vietnam", 9),
        ("vnrd:defence-strategic-dialogue", 4),
    ]
    assert [r.id for r in result.betweenness] == [
        "vnrd:russia",
        "vnrd:vietnam",
        "vnrd:defence-strategic-dialogue",
    ]
    assert result.betweenness[0].score == 0.483897


def test_communities_cover_every_linked_entity_once(viz_net):
    result = analyze(viz_net)
    members = [m for c in result.communities for m in c.members]
    assert len(members) == len(set(members)) == 21
    assert [c.size for c in result.communities] == sorted(
        (c.size for c in result.communities), reverse=True
    )
    assert analyze(viz_net).communities == result.communities  # seeded: same every time


def test_per_year(viz_net):
    rows = {y.year: y for y in per_year(viz_net)}
    assert sorted(rows) == [1978, 1994, 2009, 2012, 2018, 2019, 2022, 2024]
    assert (rows[2012].event, rows[2012].agreement, rows[2012].entities) == (1, 1, 7)
    assert (rows[2018].session, rows[2018].observations) == (1, 1)
    assert rows[2009].transaction == 1


def test_table_output(viz_net):
    text = format_analysis(analyze(viz_net, top=2), "table", max_width=200)
    assert text.startswith(
        "21 entities, 33 linked pairs (either direction, each pair once; from 33 relations), "
        "1 components\n\n"
    )
    assert (
        "Degree (distinct neighbours), top 2\n"
        "rank  id            name                           class  score\n"
        "----  ------------  -----------------------------  -----  -----\n"
        "1     vnrd:russia   Russian Federation             state  11\n"
        "2     vnrd:vietnam  Socialist Republic of Vietnam  state  9\n"
        "(2 rows)\n"
    ) in text
    assert "year  events  sessions  agreements  transactions  observations  entities\n" in text
    assert "2012  1       0         1           0             0             7\n" in text


def test_analyze_command_formats(viz_root):
    runner = CliRunner()
    data = json.loads(
        runner.invoke(cli, ["--root", str(viz_root), "analyze", "--format", "json"]).output
    )
    assert data["degree"][0]["id"] == "vnrd:russia"
    assert len(data["degree"]) == 10
    csv_out = runner.invoke(
        cli, ["--root", str(viz_root), "analyze", "--format", "csv", "--top", "1"]
    )
    assert csv_out.exit_code == 0
    lines = csv_out.output.splitlines()
    assert lines[0] == "section,key,id,name,class,value"
    assert lines[1] == "degree,1,vnrd:russia,Russian Federation,state,11"
    assert lines[2] == "betweenness,1,vnrd:russia,Russian Federation,state,0.483897"
    bad = runner.invoke(cli, ["--root", str(viz_root), "analyze", "--format", "xml"])
    assert bad.exit_code == 2


def test_analyze_command_period(viz_root):
    result = CliRunner().invoke(
        cli,
        [
            "--root",
            str(viz_root),
            "analyze",
            "--since",
            "2012",
            "--until",
            "2012",
            "--format",
            "json",
        ],
    )
    data = json.loads(result.output)
    assert data["nodes"] == 9
    assert [y["year"] for y in data["years"]] == [2012]
