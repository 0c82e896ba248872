"""A runaway query is stopped at the time limit while the server goes on answering others."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

pytestmark = pytest.mark.server

CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
QUICK = "ASK { ?t a vnru:Treaty }"


def test_runaway_query_is_stopped_while_another_answers(server):
    slow: dict = {}

    def run_slow():
        started = time.monotonic()
        slow["response"] = httpx.get(
            server.url + "/sparql", params={"query": CROSS_PRODUCT}, timeout=60
        )
        slow["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run_slow)
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    quick = httpx.get(server.url + "/sparql", params={"query": QUICK, "format": "json"})
    quick_seconds = time.monotonic() - started
    assert "response" not in slow, "the runaway query ended before the quick one was asked"
    assert quick.json() == {"head": {}, "boolean": True}
    assert quick_seconds < 2.0
    thread.join(60)
    response = slow["response"]
    assert response.status_code == 503
    assert response.json() == {
        "status": 503,
        "error": "timeout",
        "message": "the query was stopped after 3 s (the time limit)",
    }
    assert 2.9 <= slow["seconds"] < 8.0
    # The killed worker is replaced: two queries at once still get answers.
    time.sleep(3)
    answers = []
    threads = [
        threading.Thread(
            target=lambda: answers.append(
                httpx.get(server.url + "/sparql", params={"query": QUICK, "format": "csv"}).text
            )
        )
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert answers == ["_askResult\r\ntrue\r\n"] * 4
