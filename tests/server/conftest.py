"""Fixtures for the endpoint: a temporary project, a real server on a free loopback port, and
a local TCP listener that counts the connections it receives."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_project(folder: Path, extra_ttl: str | None = None) -> Path:
    """A project with the ontology, the example graph and the fixture queries."""
    shutil.copytree(REPO / "ontology", folder / "ontology")
    (folder / "graph").mkdir(parents=True)
    shutil.copy(REPO / "tests/fixtures/example/graph/example.ttl", folder / "graph")
    shutil.copytree(FIXTURES / "queries", folder / "queries")
    if extra_ttl:
        (folder / "graph" / "extra.ttl").write_text(extra_ttl, encoding="utf-8")
    return folder


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``vnrukg serve`` in a subprocess, stopped by the fixture that started it."""

    def __init__(self, root: Path, *options: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-c", "from vnrukg.cli import entry_point; entry_point()"]
        command += ["--root", str(root), "serve", "--port", str(self.port), *options]
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.process.stdout.read()}")
            try:
                with urllib.request.urlopen(self.url + "/sparql", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("server did not start in 90 s")

    def stop(self) -> str:
        """Stop the server (once; later calls give the same output) and return its log."""
        if getattr(self, "log", None) is not None:
            return self.log
        self.process.terminate()
        try:
            out, _ = self.process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, _ = self.process.communicate()
        self.log = out
        return out


@pytest.fixture
def project_factory():
    """``make_project`` for tests that need a project of their own."""
    return make_project


@pytest.fixture(scope="session")
def project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="session", params=["oxigraph", "rdflib"])
def server(project, request):
    """A server per engine for the tests: 3 workers, 3 s limit, 50 rows, 4 KiB requests."""
    running = Server(
        project,
        *("--engine", request.param),
        *("--timeout", "3", "--max-rows", "50", "--workers", "3", "--max-request", "4096"),
    )
    yield running
    running.stop()


class Listener:
    """A TCP listener on loopback that records every connection (and what came in)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.connections: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.connections.append(conn.recv(4096))
                except OSError:
                    self.connections.append(b"")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    running = Listener()
    yield running
    running.close()
