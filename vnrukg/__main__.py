"""``python -m vnrukg`` and the ``vnrukg`` script: the command line."""

from __future__ import annotations

import sys


def run() -> None:
    """Load the command line and run it; Ctrl-C while it loads exits 130 like Ctrl-C later."""
    try:
        # loading the command line takes a moment: Ctrl-C then must not print a traceback
        from .cli import entry_point
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted.\n")
        raise SystemExit(130) from None
    entry_point()


if __name__ == "__main__":
    run()
