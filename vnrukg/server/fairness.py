"""Who gets the next free query worker: per-client limits and a lane for cheap queries.

A worker is the endpoint's scarce resource: a query holds one until it ends or is killed at the
time limit. Left first-come-first-served, two clients that send runaway queries hold every
worker and everyone else waits or gets 503. The rules here keep the endpoint fair:

- **per client** (an IP address; an IPv6 client by its /64): at most ``client_workers`` queries
  running at once and ``client_queue`` waiting (more: 429), and at most ``client_rate`` queries a
  second on average with bursts of twice that (more: 429 with ``Retry-After``);
- **the cheap lane**: ``reserve`` workers are kept for *light* clients. A client is *heavy*
  while one of its queries has run longer than ``cheap_seconds`` and for ``penalty_seconds``
  after one did (or was killed at the limit); a heavy client takes a worker only while more
  than ``reserve`` are idle. Two runaway clients therefore share the other workers, and a
  third client's cheap queries find the reserved one free;
- **round robin** between waiting clients, light ones first, so that a client with many
  queued queries does not go before one that has just arrived;
- **preemption** (:meth:`vnrukg.server.pool.WorkerPool.preempt`): a new client counts as light
  until a query of its own has run ``cheap_seconds``, so new runaway clients can hold every
  worker; when long queries hold the reserve and a light client waits, the youngest long query
  is stopped.
"""

from __future__ import annotations

import ipaddress
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from . import replies
from .replies import Reply

T = TypeVar("T")


@dataclass(frozen=True)
class Limits:
    """The fairness settings (``vnrukg serve`` options of the same names)."""

    client_workers: int = 2
    client_queue: int = 16
    client_rate: float = 100.0
    reserve: int = 1
    cheap_seconds: float = 0.5
    penalty_seconds: float = 60.0


def client_key(host: str | None) -> str:
    """The identity limits are kept by: the IP address, or an IPv6 address's /64 network."""
    if not host:
        return "-"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{host}/64", strict=False))
    return str(address)


@dataclass
class Client:
    """What the pool knows about one client: its running and waiting queries, its budget."""

    key: str
    running: dict[int, float] = field(default_factory=dict)  # job id -> start (monotonic)
    waiting: deque = field(default_factory=deque)
    heavy_until: float = 0.0
    tokens: float = 0.0
    refilled: float = 0.0

    def heavy(self, now: float, cheap_seconds: float) -> bool:
        """Whether the client has lately run, or is running, an expensive query."""
        if now < self.heavy_until:
            return True
        return any(now - started > cheap_seconds for started in self.running.values())

    def idle(self) -> bool:
        """Nothing running or waiting: the record may be forgotten once its penalty is over."""
        return not self.running and not self.waiting


class Refused(Exception):
    """A request over a client's limits: HTTP ``status`` with a ``Retry-After`` hint."""

    def __init__(self, status: int, code: str, message: str, retry_after: float = 1.0):
        super().__init__(message)
        self.status, self.code, self.retry_after = status, code, retry_after

    def reply(self) -> Reply:
        """The JSON error reply, with ``Retry-After``."""
        answer = replies.error(self.status, self.code, str(self))
        answer.headers["Retry-After"] = str(max(1, round(self.retry_after)))
        return answer


class Scheduler(Generic[T]):
    """Hands idle resources (workers) to waiting jobs by the rules above; no I/O of its own.

    ``offer`` puts an idle worker back; ``admit`` registers a job and returns a worker at once
    or None, in which case the job's ``grant`` callback is called with a worker later (or the
    caller gives up with ``withdraw``). ``finish`` records how long a job held its worker.
    """

    def __init__(self, limits: Limits, size: int, clock: Callable[[], float] = time.monotonic):
        self.limits = limits
        self.reserve = max(0, min(limits.reserve, size - 1))
        self.clock = clock
        self.idle: list[T] = []
        self.clients: dict[str, Client] = {}
        self._order: deque[str] = deque()  # clients with waiting jobs, round robin
        self._next_id = 0

    def client(self, key: str) -> Client:
        """The record of a client (made on first sight)."""
        found = self.clients.get(key)
        if found is None:
            burst = 2 * self.limits.client_rate
            found = self.clients[key] = Client(key, tokens=burst, refilled=self.clock())
        return found

    def _take_token(self, client: Client) -> None:
        now, rate = self.clock(), self.limits.client_rate
        client.tokens = min(2 * rate, client.tokens + (now - client.refilled) * rate)
        client.refilled = now
        if client.tokens < 1:
            raise Refused(
                429,
                "too-many-requests",
                f"more than {rate:g} queries a second from this client; slow down",
                (1 - client.tokens) / rate,
            )
        client.tokens -= 1

    def charge(self, key: str) -> Reply | None:
        """Count a request answered without a worker (a kept reply) against the client's
        rate; the refusal to send instead, if it is over."""
        try:
            self._take_token(self.client(key))
        except Refused as refused:
            return refused.reply()
        finally:
            self._forget(self.client(key))
        return None

    def _may_take(self, client: Client) -> bool:
        if not self.idle or len(client.running) >= self.limits.client_workers:
            return False
        if client.heavy(self.clock(), self.limits.cheap_seconds):
            return len(self.idle) > self.reserve
        return True

    def admit(self, key: str, grant: Callable[[int, T], None]) -> tuple[int, T | None]:
        """Register a job of client ``key``: its id, and a worker if it may run now."""
        client = self.client(key)
        self._take_token(client)
        self._next_id += 1
        job = self._next_id
        if not client.waiting and self._may_take(client):
            return job, self._start(client, job)
        if len(client.waiting) >= self.limits.client_queue:
            raise Refused(
                429,
                "too-many-requests",
                f"{len(client.running)} queries of this client are running and "
                f"{len(client.waiting)} waiting; wait for them first",
            )
        client.waiting.append((job, grant))
        if key not in self._order:
            self._order.append(key)
        return job, None

    def _start(self, client: Client, job: int) -> T:
        client.running[job] = self.clock()
        return self.idle.pop()

    def withdraw(self, key: str, job: int) -> bool:
        """Give up a waiting job (its caller timed out); False if it was granted meanwhile."""
        client = self.clients.get(key)
        if client is None:
            return False
        for item in client.waiting:
            if item[0] == job:
                client.waiting.remove(item)
                self._forget(client)
                return True
        return False

    def finish(self, key: str, job: int, killed: bool = False) -> None:
        """A job ended (``killed``: at the time limit); a long one makes its client heavy."""
        client = self.client(key)
        started = client.running.pop(job, None)
        now = self.clock()
        if killed or (started is not None and now - started > self.limits.cheap_seconds):
            client.heavy_until = now + self.limits.penalty_seconds
        self._forget(client)

    def offer(self, worker: T) -> None:
        """A worker is idle (again, or new): give it to the next waiting job that may take it."""
        self.idle.append(worker)
        self.dispatch()

    def dispatch(self) -> None:
        """Start waiting jobs while idle workers and the rules allow, light clients first."""
        while self.idle and self._order:
            now = self.clock()
            keys = list(self._order)
            light = [k for k in keys if not self.clients[k].heavy(now, self.limits.cheap_seconds)]
            chosen = next(
                (k for k in light + keys if self._may_take(self.clients[k])),
                None,
            )
            if chosen is None:
                return
            client = self.clients[chosen]
            job, grant = client.waiting.popleft()
            self._order.remove(chosen)
            if client.waiting:
                self._order.append(chosen)  # to the back: round robin
            grant(job, self._start(client, job))

    def _forget(self, client: Client) -> None:
        if client.idle() and self.clock() >= client.heavy_until:
            # a client with a full bucket and no penalty is the same as a new one
            rate = self.limits.client_rate
            elapsed = self.clock() - client.refilled
            if client.tokens + elapsed * rate >= 2 * rate:
                self.clients.pop(client.key, None)
        if not client.waiting and client.key in self._order:
            self._order.remove(client.key)

    def light_waiting(self) -> bool:
        """Whether a light client has a query waiting that it may run once a worker is free."""
        now = self.clock()
        for key in self._order:
            client = self.clients[key]
            if (
                client.waiting
                and len(client.running) < self.limits.client_workers
                and not client.heavy(now, self.limits.cheap_seconds)
            ):
                return True
        return False

    def waiting(self) -> int:
        """Jobs waiting for a worker, over all clients."""
        return sum(len(c.waiting) for c in self.clients.values())
