"""A pool of query worker processes, with a time limit that really stops a query.

Each worker answers one job at a time. A job that overruns the limit has its worker killed
(the only way to stop rdflib's evaluator) and replaced in the background, while the other
workers go on answering. Who gets a free worker is decided by :mod:`.fairness` (per-client
limits, a lane for cheap queries). Requests wait for a worker for at most the time limit, and
no more than ``queue_limit`` wait at once; past that they get 503 at once.

Starting a worker can fail for reasons that pass (no file descriptor left while thousands of
connections are open, no memory for a moment): the pool then tries again with backoff, for as
long as it runs, so it never stays without workers.
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
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path

from ..errors import VnrukgError
from . import replies, worker
from .fairness import Limits, Refused, Scheduler
from .replies import Reply
from .worker import Job, WorkerSettings

log = logging.getLogger("vnrukg.server")
STARTUP_SECONDS = 300.0
BACKOFF_SECONDS = (0.1, 30.0)  # first and longest pause between tries to start a worker
NICE = 10  # the niceness of a worker whose query has run past the cheap limit
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
        try:
            self.process = subprocess.Popen(
                command, pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, env=env
            )
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        self.niced = False
        self.preempted = False  # stopped to free a worker for a light client (WorkerPool._watch)
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

    def renice(self, niceness: int) -> bool:
        """Set the process's niceness; False when not allowed (raising it back needs privilege)."""
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, niceness)
        except OSError:
            return False
        self.niced = niceness > 0
        return True

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
    """Query workers behind an async ``run(job, client)``; ``start()`` them (or lazily)."""

    def __init__(
        self,
        settings: WorkerSettings,
        size: int = 3,
        timeout: float = 10.0,
        queue_limit: int = 64,
        limits: Limits | None = None,
    ):
        self.settings = settings
        self.size = size
        self.timeout = timeout
        self.queue_limit = queue_limit
        self.limits = limits or Limits()
        self.sandbox = ""
        self.scheduler: Scheduler[_Worker] = Scheduler(self.limits, size)
        self._all: set[_Worker] = set()
        self._running: dict[_Worker, float] = {}  # worker -> when its job started
        self._threads = ThreadPoolExecutor(2 * size + 4, thread_name_prefix="vnrukg-pool")
        self._lock: asyncio.Lock | None = None
        self._started = False
        self._closed = False
        self._monitor: asyncio.Task | None = None
        self.replacing = 0
        self.start_failures = 0

    async def start(self) -> None:
        """Start every worker and wait until each has loaded the graph."""
        if self._started:
            return
        self._lock = self._lock or asyncio.Lock()
        async with self._lock:
            if self._started:
                return
            loop = asyncio.get_running_loop()
            started = await asyncio.gather(
                *(loop.run_in_executor(self._threads, self._spawn) for _ in range(self.size))
            )
            for item in started:
                self.scheduler.offer(item)
            self.sandbox = started[0].sandbox
            self._started = True
            self._monitor = loop.create_task(self._watch())
            log.info("%d query worker(s) ready; %s", self.size, self.sandbox)

    def _spawn(self) -> _Worker:
        item = _Worker(self.settings)
        self._all.add(item)
        try:
            item.wait_ready()
        except BaseException:
            self._all.discard(item)
            raise
        return item

    async def run(self, job: Job, client: str = "") -> Reply:
        """Answer a job on a free worker within the time limit, by the fairness rules."""
        await self.start()
        try:
            item = await self._acquire(client)
        except Refused as refused:
            return refused.reply()
        if item is None:
            return replies.error(503, "busy", "no query worker became free in time")
        number, worker = item
        loop = asyncio.get_running_loop()
        self._running[worker] = time.monotonic()
        future: asyncio.Future[Reply | None] = loop.run_in_executor(
            self._threads, worker.roundtrip, job, self.timeout
        )
        future.add_done_callback(lambda done: self._after(client, number, worker, done))
        try:
            answered = await asyncio.shield(future)
        except (EOFError, OSError):
            if worker.preempted:
                stopped = replies.error(
                    503,
                    "preempted",
                    "the query was stopped after running past "
                    f"{self.limits.cheap_seconds:g} s on the worker kept for short queries, "
                    "which another client was waiting for; long queries run on the other "
                    "workers: try again",
                )
                stopped.headers["Retry-After"] = "1"
                return stopped
            return replies.error(500, "worker-crashed", "the query worker stopped unexpectedly")
        if answered is None:
            return replies.error(
                503, "timeout", f"the query was stopped after {self.timeout:g} s (the time limit)"
            )
        return answered

    async def _acquire(self, client: str) -> tuple[int, _Worker] | None:
        if self.scheduler.waiting() >= self.queue_limit:
            raise Refused(503, "busy", "too many queries are waiting; try again soon")
        loop = asyncio.get_running_loop()
        granted: asyncio.Future[tuple[int, _Worker]] = loop.create_future()

        def grant(number: int, worker: _Worker) -> None:
            if granted.done():  # its caller gave up just now: the worker goes to the next
                self.scheduler.finish(client, number)
                self.scheduler.offer(worker)
            else:
                granted.set_result((number, worker))

        number, worker = self.scheduler.admit(client, grant)
        if worker is not None:
            return number, worker
        try:
            return await asyncio.wait_for(asyncio.shield(granted), self.timeout)
        except TimeoutError:
            if not self.scheduler.withdraw(client, number) and granted.done():
                return granted.result()
            granted.cancel()
            return None

    def _after(self, client: str, number: int, item: _Worker, done: asyncio.Future) -> None:
        """Return a worker to the pool, or replace it when it overran or died."""
        self._running.pop(item, None)
        if self._closed or done.cancelled():
            return
        healthy = done.exception() is None and done.result() is not None
        self.scheduler.finish(client, number, killed=not healthy)
        if healthy and not (item.niced and not item.renice(0)):
            self.scheduler.offer(item)
            return
        if healthy:
            log.info("retiring a query worker that ran a long query at low priority")
        else:
            log.warning("stopping a query worker (time limit or crash) and starting another")
        self._all.discard(item)
        loop = asyncio.get_running_loop()
        loop.run_in_executor(self._threads, item.kill)
        self.replacing += 1
        loop.run_in_executor(self._threads, self._replace, loop)

    def _replace(self, loop: asyncio.AbstractEventLoop) -> None:
        """Start a worker in place of one that was stopped, trying again until it works."""
        pause, longest = BACKOFF_SECONDS
        while not self._closed:
            try:
                item = self._spawn()
                break
            except Exception as exc:  # EMFILE, ENOMEM, a worker that died starting: retry
                self.start_failures += 1
                log.error("could not start a query worker (%s); trying again in %.1f s", exc, pause)
                time.sleep(pause)
                pause = min(longest, pause * 2)
        else:
            return
        if self._closed:
            item.stop()
            return

        def arrived() -> None:
            self.replacing -= 1
            self.scheduler.offer(item)

        loop.call_soon_threadsafe(arrived)

    async def _watch(self) -> None:
        """Lower the priority of workers whose query runs long; keep the reserve for light
        clients; let waiting clients in."""
        while not self._closed:
            await asyncio.sleep(0.1)
            now = time.monotonic()
            for item, started in list(self._running.items()):
                if not item.niced and now - started > self.limits.cheap_seconds:
                    item.renice(NICE)
            self.preempt(now)
            self.scheduler.dispatch()  # a penalty may have run out

    def preempt(self, now: float) -> _Worker | None:
        """Stop the youngest long query when long queries hold the reserved workers and a light
        client waits; the worker stopped, if any.

        A new client counts as light until its first query has run ``cheap_seconds``, so two
        new runaway clients can take every worker, the reserve included, and would hold them
        for a whole time limit. Stopping one as soon as a light client waits keeps the reserve
        what it is for; its client, heavy from then on, gets 503 ``preempted``.
        """
        scheduler = self.scheduler
        if not scheduler.reserve or scheduler.idle or self.replacing:
            return None  # a worker is free, or one being started goes to the light client first
        if not scheduler.light_waiting():
            return None
        cheap = self.limits.cheap_seconds
        long = [
            (started, item)
            for item, started in self._running.items()
            if now - started > cheap and not item.preempted
        ]
        if not long or len(self._running) - len(long) >= scheduler.reserve:
            return None  # a short query holds a worker: it will be free soon
        _, item = max(long, key=lambda pair: pair[0])
        item.preempted = True
        log.warning("stopping a long query on the reserved worker: a light client is waiting")
        with contextlib.suppress(OSError):
            item.process.kill()  # its roundtrip sees the pipe close; _after replaces it
        return item

    def workers(self) -> int:
        """Worker processes alive or being started."""
        return len(self._all)

    def close(self) -> None:
        """Stop every worker process."""
        self._closed = True
        if self._monitor is not None:
            self._monitor.cancel()
        for item in list(self._all):
            item.stop()
        self._all.clear()
        self._threads.shutdown(wait=False, cancel_futures=True)
