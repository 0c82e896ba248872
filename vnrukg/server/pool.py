"""A pool of query worker processes, with a time limit that really stops a query.

Each worker answers one job at a time. A job that overruns the limit has its worker killed
(the only way to stop rdflib's evaluator) and replaced in the background, while the other
workers go on answering. Requests wait for a free worker for at most the time limit, and no
more than ``queue_limit`` wait at once; past that they get 503 at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import os
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path

from ..errors import VnrukgError
from . import replies, worker
from .replies import Reply
from .worker import Job, WorkerSettings

log = logging.getLogger("vnrukg.server")
STARTUP_SECONDS = 300.0
_PACKAGE_PARENT = str(Path(__file__).resolve().parents[2])


class _Worker:
    """One worker process and the server's end of its pipe."""

    def __init__(self, settings: WorkerSettings):
        # A fresh interpreter (not multiprocessing's spawn, which re-imports the caller's main
        # module): nothing of the server's state, threads or sockets reaches the worker.
        # -P: the current folder is not on its import path; the package is, explicitly.
        ours, theirs = socket.socketpair()
        command = [sys.executable, "-P", "-m", worker.__name__, str(theirs.fileno())]
        command.append(json.dumps(dataclasses.asdict(settings)))
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (_PACKAGE_PARENT, env.get("PYTHONPATH"))))
        self.process = subprocess.Popen(
            command, pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, env=env
        )
        theirs.close()
        self.conn = Connection(ours.detach())
        self.sandbox = ""

    def wait_ready(self, timeout: float = STARTUP_SECONDS) -> str:
        """Block until the worker has loaded the graph; its sandbox description."""
        if not self.conn.poll(timeout):
            self.kill()
            raise VnrukgError(f"query worker did not start within {timeout:.0f} s")
        try:
            state, detail = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise VnrukgError("query worker died while starting") from None
        if state != "ready":
            self.kill()
            raise VnrukgError(f"query worker could not start: {detail}")
        self.sandbox = str(detail)
        return self.sandbox

    def roundtrip(self, job: Job, timeout: float) -> Reply | None:
        """Send a job, wait for its reply; None when the time is up (EOFError if it died)."""
        self.conn.send(job)
        if not self.conn.poll(timeout):
            return None
        reply: Reply | None = self.conn.recv()
        return reply

    def kill(self) -> None:
        """Stop the process now (SIGKILL) and reap it."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(5)
        self.conn.close()

    def stop(self) -> None:
        """Ask the process to finish, then make sure it has."""
        with contextlib.suppress(OSError):
            self.conn.send(None)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(2)
        self.kill()


class WorkerPool:
    """Query workers behind an async ``run(job)``; start them with ``start()`` (or lazily)."""

    def __init__(
        self, settings: WorkerSettings, size: int = 2, timeout: float = 10.0, queue_limit: int = 64
    ):
        self.settings = settings
        self.size = size
        self.timeout = timeout
        self.queue_limit = queue_limit
        self.sandbox = ""
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self._waiting = 0
        self._threads = ThreadPoolExecutor(size + 2, thread_name_prefix="vnrukg-pool")
        self._lock: asyncio.Lock | None = None
        self._closed = False

    async def start(self) -> None:
        """Start every worker and wait until each has loaded the graph."""
        if self._idle is not None:
            return
        self._lock = self._lock or asyncio.Lock()
        async with self._lock:
            if self._idle is not None:
                return
            loop = asyncio.get_running_loop()
            started = await asyncio.gather(
                *(loop.run_in_executor(self._threads, self._spawn) for _ in range(self.size))
            )
            self._idle = asyncio.Queue()
            for item in started:
                self._idle.put_nowait(item)
            self.sandbox = started[0].sandbox
            log.info("%d query worker(s) ready; %s", self.size, self.sandbox)

    def _spawn(self) -> _Worker:
        item = _Worker(self.settings)
        self._all.add(item)
        try:
            item.wait_ready()
        except VnrukgError:
            self._all.discard(item)
            raise
        return item

    async def run(self, job: Job) -> Reply:
        """Answer a job on a free worker within the time limit."""
        await self.start()
        assert self._idle is not None
        if self._waiting >= self.queue_limit:
            return replies.error(503, "busy", "too many queries are waiting; try again soon")
        self._waiting += 1
        try:
            item = await asyncio.wait_for(self._idle.get(), self.timeout)
        except TimeoutError:
            return replies.error(503, "busy", "no query worker became free in time")
        finally:
            self._waiting -= 1
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._threads, item.roundtrip, job, self.timeout)
        future.add_done_callback(lambda done: self._after(item, done))
        try:
            reply = await asyncio.shield(future)
        except (EOFError, OSError):
            return replies.error(500, "worker-crashed", "the query worker stopped unexpectedly")
        if reply is None:
            return replies.error(
                503, "timeout", f"the query was stopped after {self.timeout:g} s (the time limit)"
            )
        return reply

    def _after(self, item: _Worker, done: asyncio.Future) -> None:
        """Return a worker to the pool, or replace it when it overran or died."""
        if self._closed:
            return
        if done.exception() is None and done.result() is not None:
            assert self._idle is not None
            self._idle.put_nowait(item)
            return
        log.warning("stopping a query worker (time limit or crash) and starting another")
        self._all.discard(item)
        loop = asyncio.get_running_loop()
        loop.run_in_executor(self._threads, item.kill)
        loop.run_in_executor(self._threads, self._replace, loop)

    def _replace(self, loop: asyncio.AbstractEventLoop) -> None:
        try:
            item = self._spawn()
        except VnrukgError as exc:
            log.error("could not replace a query worker: %s", exc)
            return
        if self._closed or self._idle is None:
            item.stop()
            return
        loop.call_soon_threadsafe(self._idle.put_nowait, item)

    def close(self) -> None:
        """Stop every worker process."""
        self._closed = True
        for item in list(self._all):
            item.stop()
        self._all.clear()
        self._threads.shutdown(wait=False, cancel_futures=True)
