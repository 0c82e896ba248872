"""A non-editable install ships the ontology, the curated graph and the queries."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from .conftest import ROOT


def test_wheel_ships_the_data(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("vnrukg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "vnrukg/_data/ontology/vnru.ttl" in names
    assert "vnrukg/_data/ontology/shapes.ttl" in names
    assert "vnrukg/_data/queries/timeline.rq" in names
    assert "vnrukg/_data/graph/registry/agreements.ttl" in names
    assert "vnrukg/py.typed" in names
    # the query page's vendored libraries and their licences (js/README.md)
    for name in ("yasgui-4.6.2.min.js", "yasgui-4.6.2.min.css", "yasgui-4.6.2.LICENSE.txt"):
        assert f"vnrukg/vendor/{name}" in names
    assert "vnrukg/vendor/vega-interpreter-2.3.2.LICENSE.txt" in names
    assert "vnrukg/server/static/query-page.js" in names
    graph_files = {p.relative_to(ROOT).as_posix() for p in (ROOT / "graph").rglob("*.ttl")}
    assert {f"vnrukg/_data/{name}" for name in graph_files} <= names
    assert not any("/tests/" in n or n.startswith("tests/") for n in names)
