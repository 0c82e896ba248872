"""Fair under abuse: the scheduling rules on their own (a fake clock), then a real server with
two runaway clients bound to 127.0.0.2 and 127.0.0.3 while a third, on 127.0.0.4, asks cheap
questions."""

from __future__ import annotations

import contextlib
import statistics
import threading
import time

import httpx
import pytest

from tests.server.conftest import Server, make_project
from vnrukg.server.connections import Guard
from vnrukg.server.fairness import Limits, Refused, Scheduler, client_key
from vnrukg.server.pool import WorkerPool
from vnrukg.server.worker import WorkerSettings

CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _scheduler(size=3, **limits) -> tuple[Scheduler, Clock, list]:
    clock = Clock()
    scheduler = Scheduler(Limits(**limits), size, clock)
    for worker in range(size):
        scheduler.offer(f"w{worker}")
    return scheduler, clock, []


def test_client_key_groups_ipv6_by_64():
    assert client_key("127.0.0.2") == "127.0.0.2"
    assert client_key("2001:db8::1") == client_key("2001:db8::ffff") == "2001:db8::/64"
    assert client_key("::ffff:10.0.0.1") == "10.0.0.1"
    assert client_key(None) == "-"


def test_two_runaway_clients_leave_the_reserved_worker_to_a_cheap_one():
    scheduler, clock, granted = _scheduler()
    grant = lambda job, worker: granted.append(worker)  # noqa: E731
    a1 = scheduler.admit("a", grant)
    b1 = scheduler.admit("b", grant)
    assert a1[1] and b1[1]
    clock.now = 1.0  # both have run for a second: heavy
    a2 = scheduler.admit("a", grant)
    b2 = scheduler.admit("b", grant)
    assert a2[1] is None and b2[1] is None  # one worker is idle: the reserve
    c = scheduler.admit("c", grant)
    assert c[1] is not None  # the cheap client takes it at once
    scheduler.finish("c", c[0])
    scheduler.offer(c[1])
    assert granted == []  # and the heavy ones still may not
    scheduler.finish("a", a1[0], killed=True)  # a's runaway is killed; its worker replaced
    scheduler.offer("new")
    assert granted == ["new"]  # now two are idle: one may go to a heavy client
    clock.now = 30.0
    assert scheduler.clients["a"].heavy(clock.now, 0.5)  # the penalty lasts a minute


def test_per_client_queue_and_rate_are_limited():
    scheduler, _, _ = _scheduler(size=1, client_queue=2, client_rate=5)
    ignore = lambda job, worker: None  # noqa: E731
    scheduler.admit("a", ignore)
    scheduler.admit("a", ignore)
    scheduler.admit("a", ignore)
    with pytest.raises(Refused) as refused:
        scheduler.admit("a", ignore)
    assert refused.value.status == 429
    assert "0 waiting" not in str(refused.value)
    other, _, _ = _scheduler(size=3, client_rate=5)
    for _ in range(10):  # a burst of twice the rate
        job, worker = other.admit("b", ignore)
        if worker:
            other.finish("b", job)
            other.offer(worker)
    with pytest.raises(Refused) as refused:
        other.admit("b", ignore)
    assert refused.value.code == "too-many-requests"


def test_waiting_clients_take_turns_light_ones_first():
    scheduler, clock, granted = _scheduler(size=1, reserve=0, client_workers=1)
    record = lambda who: lambda job, worker: granted.append(who)  # noqa: E731
    first = scheduler.admit("heavy", record("heavy"))
    clock.now = 2.0
    for _ in range(3):
        scheduler.admit("heavy", record("heavy"))
    scheduler.admit("light", record("light"))
    scheduler.finish("heavy", first[0])
    scheduler.offer(first[1])
    assert granted == ["light"]


class _Process:
    def __init__(self):
        self.killed = False

    def kill(self):
        self.killed = True


class _Fake:
    """A worker as the pool's preemption sees it: a flag and a process to kill."""

    def __init__(self, name: str):
        self.name, self.preempted, self.process = name, False, _Process()


def test_new_runaways_holding_the_reserve_lose_their_youngest_query_to_a_light_client():
    clock = Clock()
    pool = WorkerPool(WorkerSettings(root="."), size=3)
    pool.scheduler = scheduler = Scheduler(Limits(), 3, clock)
    workers = [_Fake(f"w{n}") for n in range(3)]
    for worker in workers:
        scheduler.offer(worker)
    ignore = lambda job, worker: None  # noqa: E731
    for key, at in (("a", 0.0), ("a", 0.1), ("b", 0.2)):  # new clients count as light
        clock.now = at
        _, worker = scheduler.admit(key, ignore)
        assert worker is not None
        pool._running[worker] = at
    clock.now = 0.3
    scheduler.admit("c", ignore)  # waits: every worker is taken
    assert pool.preempt(0.3) is None  # none has run past the cheap limit yet
    clock.now = 0.65  # two have (a's): the one left is younger than the limit
    assert pool.preempt(0.65) is None
    clock.now = 0.8  # all three have: the youngest, b's, is stopped
    stopped = pool.preempt(0.8)
    assert stopped is workers[0] and stopped.process.killed and stopped.preempted
    assert [w.process.killed for w in workers] == [True, False, False]
    assert pool.preempt(0.9) is None  # not twice: one stopped is enough for one reserve
    pool.replacing = 1  # while its replacement starts, nothing more is stopped
    del pool._running[stopped]
    assert pool.preempt(1.0) is None
    pool.replacing = 0
    scheduler.withdraw("c", 4)  # nobody light waits: nothing is stopped
    assert not scheduler.light_waiting()
    pool._running[_Fake("w3")] = 0.9
    assert pool.preempt(2.0) is None


def _client(address: str) -> httpx.Client:
    return httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=60)


@pytest.fixture(scope="module")
def fair_server(tmp_path_factory):

    root = make_project(tmp_path_factory.mktemp("fair"))
    running = Server(root, "--timeout", "3", "--workers", "3", "--max-bytes", "4096")
    yield running
    running.stop()


@pytest.mark.server
def test_a_third_client_is_answered_promptly_while_two_run_away(fair_server):
    url = fair_server.url + "/sparql"
    stop = threading.Event()
    runaway: list[int] = []

    def run_away(address: str) -> None:
        with _client(address) as client:
            while not stop.is_set():
                runaway.append(client.get(url, params={"query": CROSS_PRODUCT}).status_code)

    threads = [
        threading.Thread(target=run_away, args=(address,))
        for address in ("127.0.0.2", "127.0.0.2", "127.0.0.3", "127.0.0.3")
    ]
    for thread in threads:
        thread.start()
    # Until its first query has run past the cheap limit (0.5 s), a new client counts as cheap
    # and may get the reserved worker: wait for a round of runaway queries to be killed and
    # their workers replaced, as on a server where the abuse has been going on for a while.
    deadline = time.monotonic() + 40
    while runaway.count(503) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(4)  # the killed workers' replacements start (a time limit and more)
    seconds, statuses = [], []
    with _client("127.0.0.4") as cheap:
        end = time.monotonic() + 7  # two more rounds of runaway queries being killed
        number = 0
        while time.monotonic() < end:
            number += 1  # a new query each time: no kept reply answers it, a worker must
            query = f'ASK {{ ?s ?p "{number}" }}'
            started = time.monotonic()
            response = cheap.get(url, params={"query": query, "format": "json"})
            seconds.append(time.monotonic() - started)
            statuses.append(response.status_code)
            time.sleep(max(0.0, 0.02 - seconds[-1]))  # 50 a second: within the client's rate
    stop.set()
    for thread in threads:
        thread.join(30)
    assert set(runaway) <= {503, 429} and 503 in runaway  # the runaways were stopped
    assert statuses == [200] * len(statuses)  # before: 48 % 503 ("busy") and a 1.5 s median
    assert len(statuses) > 30
    # bounds for a loaded 2-core CI machine; bench_serve.py measures the real figures
    assert statistics.median(seconds) < 0.25
    assert sorted(seconds)[int(0.95 * len(seconds))] < 1.0


@pytest.mark.server
def test_new_runaway_clients_do_not_hold_the_reserve_for_a_time_limit(tmp_path):
    """Two clients never seen before run away at once and take every worker (each counts as
    light until its query has run half a second); a third client's question is answered
    once the youngest runaway query is stopped, long before the 30 s time limit."""
    server = Server(make_project(tmp_path / "project"), "--timeout", "30", "--workers", "3")
    url = server.url + "/sparql"
    statuses: list[tuple[int, str]] = []

    def run_away(address: str) -> None:
        with contextlib.suppress(httpx.HTTPError), _client(address) as client:
            response = client.get(url, params={"query": CROSS_PRODUCT, "format": "json"})
            if "json" in response.headers.get("content-type", ""):
                error = response.json().get("error", "")  # an error, or a (JSON) result
                statuses.append((response.status_code, error if isinstance(error, str) else ""))
            else:  # what a server shutting down answers
                statuses.append((response.status_code, response.text[:60]))

    threads = [
        threading.Thread(target=run_away, args=(address,), daemon=True)
        for address in ("127.0.0.7", "127.0.0.7", "127.0.0.8")
    ]
    try:
        for thread in threads:
            thread.start()
            time.sleep(0.1)
        time.sleep(0.2)  # every worker is taken, none has run half a second yet
        with _client("127.0.0.9") as cheap:
            started = time.monotonic()
            response = cheap.get(url, params={"query": 'ASK { ?s ?p "new" }', "format": "json"})
            waited = time.monotonic() - started
        assert response.status_code == 200
        assert waited < 15  # half a second, then a new worker's start; before: the 30 s limit
        deadline = time.monotonic() + 10
        while not statuses and time.monotonic() < deadline:
            time.sleep(0.1)
        assert statuses == [(503, "preempted")]  # the youngest; the others still run
    finally:
        log = server.stop()
        for thread in threads:
            thread.join(10)
    assert "stopping a long query on the reserved worker" in log


def test_a_trusted_proxy_may_hold_more_connections_than_one_client():
    guard = Guard(total=4, per_client=1, proxies=("127.0.0.2", "10.1.0.0/16"))
    assert guard.enter("127.0.0.2") and guard.enter("127.0.0.2")  # a proxy: the total only
    assert guard.enter("10.1.2.3")
    assert guard.enter("127.0.0.3") and not guard.enter("127.0.0.3")  # a client: one
    assert not guard.enter("127.0.0.2")  # the total holds for proxies too
    guard.leave("127.0.0.2")
    assert guard.enter("10.1.9.9") and guard.count == 4


@pytest.mark.server
def test_clients_behind_a_trusted_proxy_are_limited_one_by_one(tmp_path):
    """Behind `--trusted-proxy`, X-Forwarded-For names the client the limits apply to; from
    anywhere else the header is ignored (a client cannot dodge its limit by forging it)."""
    server = Server(
        make_project(tmp_path / "project"), "--trusted-proxy", "127.0.0.2", "--client-rate", "0.5"
    )  # a burst of one query, then one every two seconds

    def ask(address: str, forwarded: str) -> int:
        with _client(address) as client:
            response = client.get(
                server.url + "/sparql",
                params={"query": f'ASK {{ ?s ?p "{forwarded}" }}', "format": "json"},
                headers={"X-Forwarded-For": forwarded},
            )
            return response.status_code

    try:
        assert ask("127.0.0.2", "198.51.100.5") == 200
        assert ask("127.0.0.2", "198.51.100.5") == 429  # that client's burst is spent
        assert ask("127.0.0.2", "198.51.100.6") == 200  # another client behind the proxy
        assert ask("127.0.0.2", "203.0.113.9, 198.51.100.7") == 200  # the nearest one counts
        assert ask("127.0.0.3", "198.51.100.8") == 200  # not a trusted proxy: 127.0.0.3 is
        assert ask("127.0.0.3", "198.51.100.9") == 429  # the client, whatever it claims
    finally:
        server.stop()


@pytest.mark.server
def test_a_huge_result_is_cut_at_the_byte_cap(fair_server):
    query = "SELECT (GROUP_CONCAT(STR(?o); separator=' ') AS ?all) WHERE { ?s ?p ?o }"
    response = httpx.get(fair_server.url + "/sparql", params={"query": query, "format": "json"})
    assert response.status_code == 200
    assert len(response.content) <= 4096
    assert response.headers["x-sparql-maxbytes"] == "4096"
    data = response.json()
    assert data["results"]["bindings"] == []
    assert data["truncated"]["limit"] == "bytes"
    many = httpx.get(
        fair_server.url + "/sparql", params={"query": "SELECT * { ?s ?p ?o }", "format": "csv"}
    )
    assert len(many.content) <= 4096
    assert many.text.splitlines()[-1].startswith("# result cut after ")


@pytest.mark.server
def test_parsing_counts_against_the_time_limit(fair_server):
    """A 53 KB query that keeps rdflib's parser busy for a minute is stopped at the limit, in
    its worker; another client is answered meanwhile."""
    values = ", ".join(f'"v{i}"' for i in range(6000))
    slow_text = f"SELECT * WHERE {{ ?s ?p ?o FILTER(?o IN ({values})) }}"
    assert len(slow_text) > 50_000
    slow: dict = {}

    def send() -> None:
        with _client("127.0.0.5") as client:
            started = time.monotonic()
            slow["response"] = client.post(
                fair_server.url + "/sparql",
                content=slow_text,
                headers={"Content-Type": "application/sparql-query"},
            )
            slow["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=send)
    thread.start()
    time.sleep(0.5)
    with _client("127.0.0.6") as other:
        quick = other.get(fair_server.url + "/sparql", params={"query": 'ASK { ?s ?p "parse" }'})
    assert quick.status_code == 200
    thread.join(60)
    assert slow["response"].status_code == 503
    assert slow["response"].json()["error"] == "timeout"
    assert slow["seconds"] < 8
