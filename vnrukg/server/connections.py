"""Connections: how many may be open, how long a request may take to arrive, quiet logs.

uvicorn leaves a connection open for as long as its client likes until the first request has
arrived, and counts no connections per client; 20,000 idle or slowloris connections used up the
server's file descriptors. The HTTP protocol class here (uvicorn's httptools protocol, or its
h11 one, with limits)

- closes a connection at once when ``max_connections`` are open, or ``client_connections``
  from the same client (IP address, IPv6 /64);
- gives each request ``header_timeout`` seconds to arrive whole (headers and body), counted
  from the connection's opening or from the end of the previous response, and closes the
  connection when it does not (a kept-alive connection with nothing to send is closed after
  uvicorn's ``idle_timeout``, shorter);

and :class:`QuietLogs` rate-limits repeated log lines, so that a flood of the same error or
request cannot fill the disk.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
import resource
import time
from collections import Counter
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

try:  # httptools (C, llhttp) parses HTTP several times faster than h11 (pure Python)
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol as _Fastest
except ImportError:  # pragma: no cover - httptools is a dependency; h11 is uvicorn's own
    _Fastest = H11Protocol  # type: ignore[assignment,misc]

from .config import ServerConfig
from .fairness import client_key

log = logging.getLogger("vnrukg.server")


class Guard:
    """The open connections, in all and per client, shared by every connection's protocol."""

    def __init__(self, total: int, per_client: int, proxies: tuple[str, ...] = ()):
        self.total, self.per_client = total, per_client
        # a trusted reverse proxy carries many clients' connections: only the total bounds it
        self.proxies = [ipaddress.ip_network(p, strict=False) for p in proxies]
        self.open: Counter[str] = Counter()
        self.count = 0
        self.refused = 0
        self.timed_out = 0

    def enter(self, key: str) -> bool:
        """Count a new connection; False (and not counted) when it is over a limit."""
        if self.count >= self.total or (self.open[key] >= self.per_client and not self._proxy(key)):
            self.refused += 1
            return False
        self.count += 1
        self.open[key] += 1
        return True

    def _proxy(self, key: str) -> bool:
        try:
            address = ipaddress.ip_address(key)
        except ValueError:
            return False
        return any(address in network for network in self.proxies)

    def leave(self, key: str) -> None:
        """A counted connection closed."""
        self.count -= 1
        self.open[key] -= 1
        if self.open[key] <= 0:
            del self.open[key]


def guarded_protocol(
    config: ServerConfig, guard: Guard, base: type | None = None
) -> type[asyncio.Protocol]:
    """uvicorn's HTTP protocol (httptools', else h11's) with the connection limits and the
    request deadline of ``config``."""
    chosen: Any = base or _Fastest

    class GuardedProtocol(chosen):
        _key = ""
        _counted = False
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:
            super().connection_made(transport)
            self._key = client_key(self.client[0] if self.client else None)
            self._counted = guard.enter(self._key)
            if not self._counted:
                log.warning("closing a connection from %s: too many open connections", self._key)
                transport.abort()
                return
            self._arm()

        def _arm(self) -> None:
            self._disarm()
            self._deadline = self.loop.call_later(config.header_timeout, self._too_slow)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _too_slow(self) -> None:
            self._deadline = None
            if self.cycle is not None and not self.cycle.more_body:
                return  # the request is in: the application is answering it
            guard.timed_out += 1
            log.warning(
                "closing a connection from %s: no whole request within %g s",
                self._key,
                config.header_timeout,
            )
            self.transport.close()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.cycle is not None and not self.cycle.more_body:
                self._disarm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            if self._counted:
                self._counted = False
                guard.leave(self._key)
            super().connection_lost(exc)

    return GuardedProtocol


def raise_file_limit(wanted: int = 65536) -> int:
    """Raise the soft limit of open files towards the hard one; the limit now in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    return soft


_DIGITS = re.compile(r"\d+")


class QuietLogs(logging.Filter):
    """Let at most ``burst`` lines alike through per ``window`` seconds, then say how many were
    held back. Lines are alike when they differ only in numbers (ports, counts, times)."""

    def __init__(self, burst: int = 10, window: float = 10.0, clock: Any = time.monotonic):
        super().__init__()
        self.burst, self.window, self.clock = burst, window, clock
        self.started = clock()
        self.seen: Counter[str] = Counter()

    def _roll(self) -> None:
        if self.clock() - self.started < self.window:
            return
        held = {key: n - self.burst for key, n in self.seen.items() if n > self.burst}
        self.started, self.seen = self.clock(), Counter()
        for key, count in held.items():
            logging.getLogger("vnrukg.server").warning(
                "%d more log line(s) like %r held back in %g s", count, key[:200], self.window
            )

    def filter(self, record: logging.LogRecord) -> bool:
        """Whether ``record`` is written."""
        self._roll()
        if record.getMessage().endswith(f" held back in {self.window:g} s"):
            return True
        key = record.name + ":" + _DIGITS.sub("#", record.getMessage())
        self.seen[key] += 1
        return self.seen[key] <= self.burst


def quiet_logging(filter_: QuietLogs | None = None) -> QuietLogs:
    """Attach one :class:`QuietLogs` to the handlers of the root and uvicorn's loggers."""
    chosen = filter_ or QuietLogs()
    for name in ("", "uvicorn", "uvicorn.error", "uvicorn.access", "asyncio"):
        for handler in logging.getLogger(name).handlers:
            if chosen not in handler.filters:
                handler.addFilter(chosen)
    return chosen
