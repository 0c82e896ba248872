"""The endpoint's /search gives the answers `vnrukg search` gives, names and passages."""

from __future__ import annotations

import json

import httpx
import pytest
from click.testing import CliRunner

from vnrukg.cli import cli

HTML = {"Accept": "text/html"}
VNRD = "https://w3id.org/vnrukg/id/"


@pytest.mark.parametrize("text", ["liên bang", "belousov", "phan van"])
def test_endpoint_and_cli_give_the_same_names(server, project, text):
    args = ["--root", str(project), "search", text, "--format", "json", "--limit", "200"]
    cli_rows = json.loads(CliRunner().invoke(cli, args).output)
    response = httpx.get(server.url + "/search", params={"q": text, "format": "json"})
    assert [r["iri"] for r in response.json()] == [r["id"].replace("vnrd:", VNRD) for r in cli_rows]
    assert cli_rows


def test_endpoint_suggests_on_a_typo(server):
    page = httpx.get(server.url + "/search", params={"q": "belousv"}, headers=HTML).text
    assert "Did you mean" in page and 'href="/id/andrey-belousov"' in page


def test_endpoint_full_text_marks_matches(server):
    page = httpx.get(
        server.url + "/search", params={"q": "hiep uoc", "in": "text"}, headers=HTML
    ).text
    assert "<mark>Hiệp</mark> <mark>ước</mark>" in page
    rows = httpx.get(
        server.url + "/search", params={"q": "hiep uoc", "in": "text", "format": "json"}
    ).json()
    assert {r["entity"] for r in rows} >= {VNRD + "treaty-1978"}
    assert all("/citation/" not in r["entity"] for r in rows)
