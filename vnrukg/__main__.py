"""``python -m vnrukg``: the command line, as the ``vnrukg`` script runs it."""

from .cli import entry_point

entry_point()
