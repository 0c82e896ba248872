"""Names written one way, kept so by `validate` (check "names"): every entity has an English
label that is English; Vietnamese people keep their diacritics in English, with the ASCII form
as an English alias; other people are written without Vietnamese letters. The example graph
passes; each kind of breakage of it is caught, at the line of the label; the curated graph
passes."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from vnrukg.namespaces import VNRD, VNRU
from vnrukg.validate import _name_problems, _vietnamese_states, ascii_name, validate

from .conftest import ROOT


def _break(project, old: str, new: str) -> None:
    path = project.graph_dir / "example.ttl"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_example_has_no_naming_problem(example_project, sources):
    report = validate(example_project, sources)
    assert not [p.render() for p in report.problems if p.check == "names"]
    assert report.counts["named_entities"] > 10


BREAKAGES = [
    pytest.param(
        'skos:prefLabel "Phan Văn Giang"@vi , "Phan Văn Giang"@en ;',
        'skos:prefLabel "Phan Văn Giang"@vi ;',
        "vnrd:phan-van-giang",
        "no English skos:prefLabel",
        None,
        id="a-no-english-label",
    ),
    pytest.param(
        '"Ministry of National Defence of Vietnam"@en ;\n    vnru:country',
        '"Bộ Quốc phòng Việt Nam"@en ;\n    vnru:country',
        "vnrd:mod-vietnam",
        "has Vietnamese words (phòng)",
        "Bộ Quốc phòng Việt Nam",
        id="b-vietnamese-phrase",
    ),
    pytest.param(
        '"Ministry of National Defence of Vietnam"@en ;\n    vnru:country',
        '"Ministry of National Defence (Bộ Quốc phòng)"@en ;\n    vnru:country',
        "vnrd:mod-vietnam",
        "put an original name in a skos:altLabel @vi",
        "Ministry of National Defence (Bộ Quốc phòng)",
        id="b-original-name-in-parentheses",
    ),
    pytest.param(
        '"Ministry of National Defence of Vietnam"@en ;\n    vnru:country',
        '"BỘ QUỐC PHÒNG"@en ;\n    vnru:country',
        "vnrd:mod-vietnam",
        "has Vietnamese words (BỘ, QUỐC, PHÒNG)",
        "BỘ QUỐC PHÒNG",
        id="b-capitals",
    ),
    pytest.param(
        'skos:prefLabel "Phan Văn Giang"@vi , "Phan Văn Giang"@en ;',
        'skos:prefLabel "Phan Văn Giang"@vi , "Phan Van Giang"@en ;',
        "vnrd:phan-van-giang",
        "is not the Vietnamese label “Phan Văn Giang”: write the name with its diacritics",
        "Phan Van Giang",
        id="c-vietnamese-person-without-diacritics",
    ),
    pytest.param(
        '    skos:altLabel "Phan Van Giang"@en ;\n',
        "",
        "vnrd:phan-van-giang",
        "needs its ASCII form “Phan Van Giang” as a skos:altLabel @en",
        "Phan Văn Giang",
        id="c-vietnamese-person-without-ascii-alias",
    ),
    pytest.param(
        '"Andrey Removich Belousov"@en ;',
        '"Anđrây Rêmôvích Bêlâuxốp"@en ;',
        "vnrd:andrey-belousov",
        "has letters only Vietnamese writes (â ê ô đ ố)",
        "Anđrây Rêmôvích Bêlâuxốp",
        id="d-russian-person-in-vietnamese-letters",
    ),
]


@pytest.mark.parametrize(("old", "new", "subject", "message", "label"), BREAKAGES)
def test_breakage_is_caught(example_project, sources, old, new, subject, message, label):
    _break(example_project, old, new)
    report = validate(example_project, sources)
    assert not report.ok
    found = [p for p in report.errors if p.check == "names" and p.subject == subject]
    assert found, [p.render() for p in report.problems]
    assert any(message in p.message for p in found), [p.render() for p in found]
    lines = (example_project.graph_dir / "example.ttl").read_text(encoding="utf-8").splitlines()
    for p in found:
        assert p.file == "graph/example.ttl" and p.line, p.render()
        if label is not None:  # the problem points at the line of the label
            assert f'"{label}"@en' in lines[p.line - 1], p.render()
        assert p.render().startswith(f"graph/example.ttl:{p.line}: {subject}: ")
        assert p.render().endswith(" [names]")


def _person(graph: Graph, slug: str, vi: str, en: str, nationality: str, *aliases: str):
    node = VNRD[slug]
    graph.add((node, RDF.type, VNRU.Person))
    graph.add((node, SKOS.prefLabel, Literal(vi, lang="vi")))
    graph.add((node, SKOS.prefLabel, Literal(en, lang="en")))
    graph.add((node, VNRU.nationality, VNRD[nationality]))
    for alias in aliases:
        graph.add((node, SKOS.altLabel, Literal(alias, lang="en")))
    return node


def test_a_citizen_of_the_drv_is_vietnamese():
    """Vietnamese nationality follows state succession: the DRV was succeeded by Vietnam."""
    graph = Graph()
    graph.add((VNRD.drv, VNRU.succeededBy, VNRD.vietnam))
    graph.add((VNRD.russia, VNRU.successorOf, VNRD["soviet-union"]))
    states = _vietnamese_states(graph)
    assert states == {VNRD.vietnam, VNRD.drv}
    ok = _person(graph, "ho-chi-minh", "Hồ Chí Minh", "Hồ Chí Minh", "drv", "Ho Chi Minh")
    bare = _person(graph, "vo-nguyen-giap", "Võ Nguyên Giáp", "Vo Nguyen Giap", "drv")
    assert _name_problems(graph, ok, states) == []
    assert ["not the Vietnamese label" in m for m, _ in _name_problems(graph, bare, states)] == [
        True
    ]


def test_names_without_vietnamese_letters_need_no_alias_and_titles_are_names():
    graph = Graph()
    states = {VNRD.vietnam}
    ruan = _person(graph, "ruan-dehai", "Ruan Dehai", "Ruan Dehai", "vietnam")
    russian = _person(graph, "sergei-shoigu", "Xécgây Sôigu", "Sergei Shoigu", "russia")
    french = _person(graph, "someone", "Hélène", "Hélène", "france")  # é is not only Vietnamese
    for person in (ruan, russian, french):
        assert _name_problems(graph, person, states) == []
    place = VNRD["ca-na"]
    graph.add((place, SKOS.prefLabel, Literal("Cà Ná", lang="en")))  # a name, in Title Case
    graph.add((place, SKOS.prefLabel, Literal("Cà Ná", lang="vi")))
    assert _name_problems(graph, place, states) == []


def test_a_curated_article_may_go_by_its_vietnamese_title_alone():
    graph = Graph()
    article, reference = VNRD["source-009"], VNRD["ref-009-01"]
    for node in (article, reference):
        graph.add((node, SKOS.prefLabel, Literal("Quan hệ Việt - Nga", lang="vi")))
    graph.add((article, VNRU.sourceFile, Literal("009.txt")))
    assert _name_problems(graph, article, set()) == []
    assert "no English skos:prefLabel" in _name_problems(graph, reference, set())[0][0]


def test_ascii_name():
    assert ascii_name("Tô Lâm") == "To Lam"
    assert ascii_name("Đặng Minh Khôi") == "Dang Minh Khoi"
    assert ascii_name("Nguyễn Phú Trọng") == "Nguyen Phu Trong"


def test_the_curated_graph_writes_names_one_way():
    from vnrukg.project import Project

    report = validate(Project(ROOT), None, shacl=False)
    assert not [p.render() for p in report.problems if p.check == "names"]
    assert report.counts["named_entities"] > 400
