"""Run a command with its stderr on a pseudo-terminal (as a user at a terminal sees it) or on
a pipe (as a script or CI sees it), its stdout always on a pipe, to compare the two."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

VNRUKG = str(Path(sys.executable).with_name("vnrukg"))
#: What a progress display draws: the bar, and the cursor hidden while it is drawn.
DRAWN = ("━", "\x1b[?25l")


@dataclass
class Run:
    code: int
    out: bytes
    err: bytes

    @property
    def drawn(self) -> bool:
        """Whether stderr carries anything a progress display draws."""
        text = self.err.decode("utf-8", "replace")
        return any(mark in text for mark in DRAWN) or "\x1b[" in text


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "VNRUKG_PROGRESS")}
    env.update({"TERM": "xterm-256color", "COLUMNS": "100"}, **extra)
    return env


def run(args: list[str], *, terminal: bool, cwd: Path | None = None, **extra: str) -> Run:
    """``args`` with stderr on a pseudo-terminal (``terminal``) or a pipe; stdout on a pipe."""
    env = environment(**extra)
    if not terminal:
        done = subprocess.run(args, capture_output=True, cwd=cwd, env=env, timeout=600)
        return Run(done.returncode, done.stdout, done.stderr)
    master, slave = pty.openpty()
    process = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL, cwd=cwd, env=env
    )
    os.close(slave)
    chunks: list[bytes] = []

    def drain() -> None:  # a full pty buffer would block the command
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the command closed its end
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    out = process.stdout.read() if process.stdout else b""
    code = process.wait(timeout=600)
    reader.join(timeout=10)
    os.close(master)
    return Run(code, out, b"".join(chunks))


def both(args: list[str], **extra: str) -> tuple[Run, Run]:
    """The command at a terminal, then piped."""
    return run(args, terminal=True, **extra), run(args, terminal=False, **extra)
