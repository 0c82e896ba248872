"""The example graph conforms; small breakages of it are each caught by the right check."""

from __future__ import annotations

import pytest

from vnrukg.validate import validate


def _break(project, old: str, new: str) -> None:
    path = project.graph_dir / "example.ttl"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_example_conforms(example_project, sources):
    report = validate(example_project, sources)
    assert report.ok, [p.render() for p in report.problems]
    assert report.counts["quotes"] == report.counts["quotes_verified"] > 10
    assert not report.warnings


BREAKAGES = [
    pytest.param(
        'skos:prefLabel "Phan Văn Giang"@vi , "Phan Văn Giang"@en ;',
        'skos:prefLabel "Phan Văn Giang"@vi ;',
        "shacl",
        "needs an English skos:prefLabel (@en)",
        "vnrd:phan-van-giang",
        id="no-english-label",
    ),
    pytest.param(
        'skos:prefLabel "Liên bang Nga"@vi , "Russian Federation"@en ;',
        'skos:prefLabel "Liên bang Nga"@vi , "Russian Federation"@en , "Russia"@en ;',
        "shacl",
        "one per language",
        "vnrd:russia",
        id="two-english-labels",
    ),
    pytest.param(
        '    vnru:citation [ vnru:quote "đồng chí Andrey Removich Belousov"@vi ; vnru:translation "comrade Andrey Removich Belousov"@en ; vnru:source vnrd:source-004 ] .',
        "    vnru:nationality vnrd:russia .",
        "shacl",
        "every fact must cite at least one quote",
        "vnrd:andrey-belousov",
        id="no-citation",
    ),
    pytest.param(
        '    vnru:citation [ vnru:quote "đồng chí Andrey Removich Belousov"@vi ; vnru:translation "comrade Andrey Removich Belousov"@en ; vnru:source vnrd:source-004 ] .',
        '    vnru:citation [ vnru:quote "đồng chí Andrey Removich Belousov"@vi ; vnru:translation "comrade Andrey Removich Belousov"@en ; vnru:source vnrd:source-004 ] ;\n'
        "    vnru:primaryCitation vnrd:a-citation-of-my-choosing .",
        "shacl",
        "do not write vnru:primaryCitation by hand",
        "vnrd:andrey-belousov",
        id="hand-written-primary-citation",
    ),
    pytest.param(
        'vnru:dateSigned "1978-11-03"^^xsd:date ;',
        'vnru:dateSigned "3 November 1978" ;',
        "shacl",
        "",
        "vnrd:treaty-1978",
        id="date-not-typed",
    ),
    pytest.param(
        "vnru:value 4500000000.0 ;",
        "",
        "shacl",
        "exactly one numeric vnru:value",
        "vnrd:obs-trade-turnover-2018",
        id="observation-without-value",
    ),
    pytest.param(
        "vnru:post vnrd:post-minister-of-defence-vietnam ;",
        "vnru:post vnrd:post-minister-of-defence-vietnam ; vnru:rank vnrv:dai-tuong ;",
        "shacl",
        "",
        "vnrd:tenure-phan-van-giang-minister-of-defence",
        id="tenure-post-and-rank",
    ),
    pytest.param(
        "org:role vnrv:minister-of-defence ;",
        "",
        "shacl",
        "exactly one org:role",
        "vnrd:post-minister-of-defence-vietnam",
        id="post-without-role",
    ),
    pytest.param(
        'vnru:quote "Đại tướng Phan Văn Giang"@vi',
        'vnru:quote "Đại tướng Phan Van Giang"@vi',
        "quotes",
        "quote not found in 004_0f89e1410a4163cd.txt",
        "vnrd:phan-van-giang",
        id="quote-not-verbatim",
    ),
    pytest.param(
        'vnru:quote "đồng chí Andrey Removich Belousov"@vi',
        'vnru:quote "đồng chí Andrey Removich Belousov"',
        "shacl",
        "language-tagged vnru:quote",
        "vnrd:andrey-belousov",
        id="quote-without-language",
    ),
    pytest.param(
        "vnru:successorOf vnrd:soviet-union ;",
        "vnru:sucessorOf vnrd:soviet-union ;",
        "terms",
        "undefined term vnru:sucessorOf",
        "vnrd:russia",
        id="misspelt-property",
    ),
    pytest.param(
        "vnru:party vnrd:soviet-union , vnrd:vietnam ;",
        "vnru:party vnrd:soviet-unoin , vnrd:vietnam ;",
        "terms",
        "undescribed entity vnrd:soviet-unoin",
        "vnrd:treaty-1978",
        id="misspelt-entity",
    ),
    pytest.param(
        'vnru:dateSigned "1994-06-16"^^xsd:date ;',
        'vnru:dateSigned "1970"^^xsd:gYear ;',
        "rule dates-order-violation",
        "replaces an agreement signed after it",
        "vnrd:treaty-1994",
        id="replaces-a-later-agreement",
    ),
    pytest.param(
        'vnru:party vnrd:soviet-union , vnrd:vietnam ;\n    vnru:dateSigned "1978-11-03"^^xsd:date ;',
        'vnru:party vnrd:soviet-union , vnrd:vietnam ;\n    vnru:dateSigned "1995"^^xsd:gYear ;',
        "rule state-anachronism-violation",
        "which ended in 1991",
        "vnrd:treaty-1978",
        id="soviet-union-after-1991",
    ),
    pytest.param(
        'skos:prefLabel "Phan Văn Giang"@vi',
        'skos:prefLabel "Đại tướng Phan Văn Giang"@vi',
        "rule title-in-name-violation",
        "title in the name",
        "vnrd:phan-van-giang",
        id="title-in-name",
    ),
    pytest.param(
        '"2024-08-13"^^xsd:date\n    ] .',
        '"2024-08-13"\n    ] .',
        "shacl",
        "",
        "vnrd:tenure-phan-van-giang-minister-of-defence",
        id="attests-not-a-date",
    ),
]


@pytest.mark.parametrize(("old", "new", "check", "message", "subject"), BREAKAGES)
def test_breakage_is_caught(example_project, sources, old, new, check, message, subject):
    _break(example_project, old, new)
    report = validate(example_project, sources)
    assert not report.ok
    found = [p for p in report.errors if p.check == check and p.subject == subject]
    assert found, [p.render() for p in report.problems]
    assert any(message in p.message for p in found), [p.render() for p in found]
    assert all(p.file == "graph/example.ttl" and p.line for p in found)
