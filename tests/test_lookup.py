"""search, show, timeline and path on the fixture network."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from tests.viz_support import viz_kg, viz_net, viz_root  # noqa: F401
from vnrukg.cli import cli
from vnrukg.errors import UsageError, VnrukgError
from vnrukg.lookup import resolve, shortest_paths, show_text, statement, timeline
from vnrukg.namespaces import shorten
from vnrukg.search import search


def _run(root, *args):
    return CliRunner().invoke(cli, ["--root", str(root), *args])


@pytest.fixture
def viz_entries(viz_kg):
    from vnrukg.search import build_index
    from vnrukg.store import INFERRED_GRAPH

    return build_index(viz_kg.graph, viz_kg.graph - viz_kg.named[INFERRED_GRAPH])


def test_search_ignores_diacritics_and_finds_aliases(viz_entries):
    def ids(text):
        return [shorten(str(h.entry.iri)) for h in search(viz_entries, text)]

    assert ids("phan van giang")[:1] == ["vnrd:phan-van-giang"]
    assert search(viz_entries, "PHAN VĂN GIANG")[0].rank == 0
    hit = search(viz_entries, "matxcova")[0]
    assert (shorten(str(hit.entry.iri)), hit.matched) == ("vnrd:moscow", "matxcova")
    assert ids("москва")[0] == "vnrd:moscow"
    assert ids("doi thoai chien luoc quoc phong viet")[0] == "vnrd:defence-strategic-dialogue"
    assert search(viz_entries, "nothing like this") == []
    assert search(viz_entries, "  ") == []


def test_resolve_by_iri_slug_and_name(viz_net, viz_entries):
    iri = "https://w3id.org/vnrukg/id/russia"
    for text in (iri, f"<{iri}>", "vnrd:russia", "russia", "Liên bang Nga", "russian federation"):
        assert resolve(viz_net, text, viz_entries).id == "vnrd:russia"
    with pytest.raises(VnrukgError, match=r"^nothing named 'xyzzy'$"):
        resolve(viz_net, "xyzzy", viz_entries)
    with pytest.raises(VnrukgError, match=r"did you mean .*vnrd:dsd-session-5"):
        resolve(viz_net, "dialogue", viz_entries)
    with pytest.raises(UsageError):
        resolve(viz_net, "  ", viz_entries)


def test_show_text(viz_net):
    text = show_text(viz_net, resolve(viz_net, "su-30mk2"))
    assert text == (
        "Su-30MK2\n"
        "vnrd:su-30mk2 · Weapon system (Hệ thống vũ khí)\n"
        "weapon type: fighter aircraft\n"
        "evidence (1):\n"
        "  “Su-30MK2” — 75 năm quan hệ Việt Nam - Liên bang Nga (vnrd:source-001)\n"
        "links (1):\n"
        "  ← weapon system: Sale of Su-30MK2 (2009) (vnrd:transfer-su-30mk2-2009)\n"
        "      “12 Su-30MK2” — 75 năm quan hệ Việt Nam - Liên bang Nga (vnrd:source-001)\n"
    )


def test_show_command(viz_root):
    result = _run(viz_root, "show", "phan van giang", "--lang", "vi")
    assert result.exit_code == 0
    assert result.output.startswith("Phan Văn Giang\n")
    assert "• Bộ trưởng Bộ Quốc phòng Việt Nam\n" in result.output
    assert "  ← khách, bên thăm: Hội đàm Phan Văn Giang – Andrey Belousov" in result.output
    data = json.loads(_run(viz_root, "show", "vnrd:moscow", "--format", "json").output)
    assert data["aliases"] == ["Москва", "Matxcơva"]
    assert {link["other"] for link in data["links"]} == {"vnrd:russia", "vnrd:visit-2012-07"}
    missing = _run(viz_root, "show", "nobody")
    assert missing.exit_code == 1


def test_timeline(viz_net):
    items = timeline(viz_net)
    assert [(i.date, i.entity.id) for i in items] == [
        ("1978-11-03", "vnrd:treaty-1978"),
        ("1994-06-16", "vnrd:treaty-1994"),
        ("2009", "vnrd:transfer-su-30mk2-2009"),
        ("2012", "vnrd:partnership-2012"),
        ("2012-07-27", "vnrd:joint-statement-2012"),
        ("2012-07-27", "vnrd:visit-2012-07"),
        ("2018", "vnrd:dsd-session-4"),
        ("2022-11", "vnrd:dsd-session-5"),
        ("2024-08-13", "vnrd:talks-2024-08-13-giang-belousov"),
    ]
    assert all(i.citations for i in items)
    assert [i.entity.id for i in timeline(viz_net, 2018, 2022, ["session"])] == [
        "vnrd:dsd-session-4",
        "vnrd:dsd-session-5",
    ]
    with pytest.raises(UsageError):
        timeline(viz_net, kinds=["person"])


def test_timeline_command(viz_root):
    result = _run(viz_root, "timeline", "--since", "2022")
    assert result.output == (
        "2022-11     Fifth Defence Strategic Dialogue [Session of a mechanism]"
        " (vnrd:dsd-session-5)\n"
        "            “lần thứ 5” — Đại tướng Phan Văn Giang hội đàm với Bộ trưởng Bộ Quốc phòng"
        " Liên bang Nga (vnrd:source-004)\n"
        "2024-08-13  Talks between Phan Văn Giang and Andrey Belousov [Talks]"
        " (vnrd:talks-2024-08-13-giang-belousov)\n"
        "            “Ngày 13/8 (theo giờ Moscow), Đại tướng Phan Văn Giang, Ủy viên Bộ Chính trị,"
        " Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc phòng Việt Nam đã hội đàm với đồng chí"
        " Andrey Removich Belousov” — Đại tướng Phan Văn Giang hội đàm với Bộ trưởng Bộ Quốc phòng"
        " Liên bang Nga (vnrd:source-004)\n"
        "              translation (curators'): “On 13 August (Moscow time), General Phan Văn Giang,"
        " member of the Politburo, Deputy Secretary of the Central Military Commission, Minister"
        " of Defence of Vietnam, held talks with comrade Andrey Removich Belousov”\n"
        "(2 dated entries)\n"
    )
    only = _run(viz_root, "timeline", "--since", "2024", "--evidence", "translation").output
    assert only.splitlines()[1] == (
        "              translation (curators'): “On 13 August (Moscow time), General Phan Văn"
        " Giang, member of the Politburo, Deputy Secretary of the Central Military Commission,"
        " Minister of Defence of Vietnam, held talks with comrade Andrey Removich Belousov” —"
        " Đại tướng Phan Văn Giang hội đàm với Bộ trưởng Bộ Quốc phòng Liên bang Nga"
        " (vnrd:source-004)"
    )
    quote_only = _run(viz_root, "timeline", "--since", "2024", "--evidence", "quote").output
    assert "translation" not in quote_only
    text = _run(viz_root, "timeline", "--kind", "agreement", "--format", "csv").output
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["date", "id", "class", "name", "quote", "translation", "source"]
    assert [r[1] for r in rows[1:]] == [
        "vnrd:treaty-1978",
        "vnrd:treaty-1994",
        "vnrd:joint-statement-2012",
    ]
    assert _run(viz_root, "timeline", "--kind", "person").exit_code == 2


def test_shortest_paths(viz_net):
    a, b = resolve(viz_net, "andrey belousov"), resolve(viz_net, "phan van giang")
    paths = shortest_paths(viz_net, a, b)
    assert len(paths) == 1
    assert [statement(viz_net, r) for s in paths[0] for r in s.relations] == [
        "Talks between Phan Văn Giang and Andrey Belousov —host→ Andrey Removich Belousov",
        "Talks between Phan Văn Giang and Andrey Belousov —guest→ Phan Văn Giang",
    ]
    with pytest.raises(UsageError):
        shortest_paths(viz_net, a, a)


def test_path_command(viz_root):
    result = _run(viz_root, "path", "vnrd:soviet-union", "phan-van-giang", "--max", "2")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    # both chains have three links; the one through the treaty (a few links) comes before the
    # one through Russia (linked to everything)
    assert lines[0] == "path 1 of 2 (3 links): Soviet Union … Phan Văn Giang"
    assert lines[1] == (
        "  1. Treaty of Friendship and Cooperation between the Soviet Union and Vietnam"
        " —party→ Soviet Union"
    )
    second = lines.index("path 2 of 2 (3 links): Soviet Union … Phan Văn Giang")
    assert lines[second + 1] == "  1. Russian Federation —successor of→ Soviet Union"
    assert lines[second + 2].startswith("       “Liên bang Nga với tư cách “Quốc gia kế tục Liên”")
    data = json.loads(_run(viz_root, "path", "su-30mk2", "russia", "--format", "json").output)
    assert data[0][0]["relations"][0]["property"] == "vnru:weaponSystem"
    assert data[0][0]["relations"][0]["citations"][0]["quote"] == "12 Su-30MK2"


def test_path_lists_parallel_links_and_caps_their_quotes():
    from vnrukg.lookup import QUOTES_PER_LINK, paths_text
    from vnrukg.network import Citation, Entity, EntityNetwork, Relation

    def entity(slug: str) -> Entity:
        return Entity(f"vnrd:{slug}", f"https://w3id.org/vnrukg/id/{slug}", "vnru:Person",
                      "Person", "Người", "person", slug.title(), slug.title())  # fmt: skip

    def quotes(n: int) -> list[Citation]:
        return [Citation("Source", f"quote {i}", "vnrd:source-001") for i in range(n)]

    net = EntityNetwork({e.id: e for e in (entity("ann"), entity("bob"))})
    net.relations = [
        Relation("vnrd:ann", "vnrd:bob", "org:memberOf", "met", "gặp", "vnrd:m1", quotes(5)),
        Relation("vnrd:bob", "vnrd:ann", "vnru:host", "hosted", "đón", "vnrd:m2", quotes(1)),
    ]
    a, b = net.entities["vnrd:ann"], net.entities["vnrd:bob"]
    lines = paths_text(net, shortest_paths(net, a, b)).splitlines()
    assert lines[0] == "path 1 of 1 (1 links): Ann … Bob"
    assert lines[1] == "  1a. Ann —met→ Bob"
    assert lines[2 : 2 + QUOTES_PER_LINK] == [
        f"       “quote {i}” — Source (vnrd:source-001)" for i in range(QUOTES_PER_LINK)
    ]
    assert (
        lines[2 + QUOTES_PER_LINK] == f"       … {5 - QUOTES_PER_LINK} more (vnrukg show vnrd:m1)"
    )
    assert lines[3 + QUOTES_PER_LINK :] == [
        "  1b. Bob —hosted→ Ann",
        "       “quote 0” — Source (vnrd:source-001)",
    ]


def test_path_command_without_a_path(tmp_path):
    from tests.viz_support import make_project

    root = make_project(tmp_path / "p")
    (root / "graph" / "island.ttl").write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix vnrd: <https://w3id.org/vnrukg/id/> .\n"
        "@prefix vnru: <https://w3id.org/vnrukg/ontology#> .\n"
        'vnrd:island a vnru:Place ; skos:prefLabel "Island"@en , "Đảo"@vi .\n',
        encoding="utf-8",
    )
    result = _run(root, "path", "island", "russia")
    assert (result.exit_code, result.output) == (1, "no path\n")


def test_search_command(viz_root):
    result = _run(viz_root, "search", "matxcova")
    assert result.exit_code == 0
    assert result.output.splitlines()[2].split() == [
        "vnrd:moscow",
        "Place",
        "Mát-xcơ-va",
        "Moscow",
        "matxcova",
    ]
    assert _run(viz_root, "search", "zzzz").exit_code == 1
    data = json.loads(_run(viz_root, "search", "giang", "--format", "json").output)
    assert data[0]["id"] == "vnrd:phan-van-giang"


@pytest.mark.parametrize("command", ["analyze", "path", "timeline", "search", "show"])
def test_help_has_examples(command):
    result = CliRunner().invoke(cli, [command, "-h"])
    assert result.exit_code == 0
    assert "Example" in result.output
