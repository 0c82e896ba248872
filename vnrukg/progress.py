"""Progress of long work, shown on a terminal's stderr and nowhere else.

The library reports progress to a :class:`Progress` it is given (the default, :data:`SILENT`,
shows nothing); a command opens a real display with :func:`display`. The display is drawn by
``rich.progress`` on standard error, only when standard error is a terminal and ``CI`` is not
set, and it is cleared when the work ends: standard output carries the same bytes whether or
not progress was shown, and a pipe or a CI log never sees any of it.

A display may wait before it appears (``delay``: :data:`LARGE_WORK` for work that is long
only on a large graph, such as ``validate`` and ``viz``), so that work that turns out to be
quick never flashes a bar; ``$VNRUKG_PROGRESS_DELAY`` sets that wait for every display (``0``:
at once), and ``VNRUKG_PROGRESS=0`` turns every display off.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any, TextIO

__all__ = ["LARGE_WORK", "SILENT", "Progress", "Task", "display", "shown"]

#: Seconds before the display of work that is long only on a large graph appears.
LARGE_WORK = 1.0


class Task:
    """One line of a display: steps (``3/7``) or bytes (``1.2/4.8 MB 3.1 MB/s``)."""

    def step(self, name: str) -> None:
        """Say what is being done now; the step named before it is done."""

    def advance(self, amount: float = 1) -> None:
        """Count ``amount`` more steps (or bytes) done."""

    def restart(self) -> None:
        """Count from zero again (a body sent a second time)."""

    def finish(self) -> None:
        """Mark the whole task done."""


class Progress:
    """Where long work reports how far it is; this one shows nothing."""

    def task(self, description: str, total: float | None = None, *, unit: str = "steps") -> Task:
        """A new line of the display: ``unit`` is ``steps`` or ``bytes``."""
        return Task()

    def echo(self, text: str, file: TextIO | None = None) -> None:
        """Write a line of output (stdout by default) without garbling the display."""
        stream = file or sys.stdout
        stream.write(text + "\n")
        stream.flush()


#: Shows nothing: the default of every library function that reports progress.
SILENT = Progress()


def shown(stream: TextIO | None = None) -> bool:
    """Whether a display would be shown on ``stream`` (standard error by default)."""
    stream = stream or sys.stderr
    if os.environ.get("CI") or os.environ.get("VNRUKG_PROGRESS", "1").lower() in ("0", "off"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or not a real file
        return False


@contextmanager
def display(delay: float = 0.0, stream: TextIO | None = None) -> Iterator[Progress]:
    """A progress display on ``stream`` (stderr) while the block runs, cleared at its end.

    It shows only on a terminal and outside CI (see :func:`shown`); otherwise the block gets
    :data:`SILENT`. With ``delay``, it appears only once the block has run that long (for
    work that is long only on a large graph); ``$VNRUKG_PROGRESS_DELAY`` overrides it.
    """
    stream = stream or sys.stderr
    if not shown(stream):
        yield SILENT
        return
    with suppress(ValueError):
        delay = float(os.environ.get("VNRUKG_PROGRESS_DELAY") or delay)
    shown_progress = _Shown(stream, delay)
    try:
        yield shown_progress
    finally:
        shown_progress.close()


class _RichTask(Task):
    def __init__(self, owner: _Shown, task_id: Any, description: str):
        self.owner, self.id, self.description = owner, task_id, description
        self.named = False

    def step(self, name: str) -> None:
        if self.named:
            self.advance()
        self.named = True
        self.owner.update(self.id, description=f"{self.description}: {name}")

    def advance(self, amount: float = 1) -> None:
        self.owner.update(self.id, advance=amount)

    def restart(self) -> None:
        self.owner.update(self.id, completed=0)

    def finish(self) -> None:
        self.owner.update(self.id, finish=True, description=self.description)


class _Shown(Progress):
    """rich's live display on a terminal, started after ``delay`` seconds."""

    def __init__(self, stream: TextIO, delay: float):
        self.progress = _rich_progress(stream)
        self.lock = threading.RLock()
        self.started = self.closed = False
        self.timer: threading.Timer | None = None
        if delay > 0:
            self.timer = threading.Timer(delay, self._start)
            self.timer.daemon = True
            self.timer.start()
        else:
            self._start()

    def _start(self) -> None:
        with self.lock:
            if not self.closed and not self.started:
                self.progress.start()
                self.started = True

    def task(self, description: str, total: float | None = None, *, unit: str = "steps") -> Task:
        with self.lock:
            task_id = self.progress.add_task(description, total=total, unit=unit)
        return _RichTask(self, task_id, description)

    def update(self, task_id: Any, *, finish: bool = False, **changes: Any) -> None:
        with self.lock:
            task = next(t for t in self.progress.tasks if t.id == task_id)
            if finish:
                changes["completed"] = task.total if task.total is not None else task.completed
            self.progress.update(task_id, **changes)
            if task.total is not None and task.completed > task.total:  # more steps than said
                self.progress.update(task_id, total=task.completed)
            if self.started and "description" in changes and not finish:
                # a new step is drawn at once: one shorter than the display's tenth of a
                # second between redraws would otherwise never be seen
                self.progress.refresh()

    def echo(self, text: str, file: TextIO | None = None) -> None:
        stream = file or sys.stdout
        with self.lock:
            if self.started and _isatty(stream):  # the same terminal: clear the bar first
                self.progress.stop()
                super().echo(text, stream)
                self.progress.start()
            else:
                super().echo(text, stream)

    def close(self) -> None:
        with self.lock:
            self.closed = True
            if self.timer is not None:
                self.timer.cancel()
            if self.started:
                self.progress.stop()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _rich_progress(stream: TextIO) -> Any:
    """rich's progress display on ``stream``: what is done, a bar, how far, time spent.

    A task counts steps (``3/7``) or bytes (sent, and the rate), as its ``unit`` says.
    """
    # rich costs 0.1 s to import: only a display on a terminal needs it
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TransferSpeedColumn,
    )

    # (and its styled text, for the column below)
    from rich.text import Text

    class Amount(ProgressColumn):
        steps, size, rate = MofNCompleteColumn(), DownloadColumn(), TransferSpeedColumn()

        def render(self, task: Any) -> Text:
            if task.fields.get("unit") == "bytes":
                return Text.assemble(self.size.render(task), " ", self.rate.render(task))
            return self.steps.render(task)

    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        Amount(),
        TimeElapsedColumn(),
        console=Console(file=stream),
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
