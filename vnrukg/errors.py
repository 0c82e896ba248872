"""Domain errors: each carries a message fit to show a user as it is."""

from __future__ import annotations


class VnrukgError(Exception):
    """A failure the user can act on (bad input, missing file); the CLI exits 1 with its text."""


class UsageError(VnrukgError):
    """A malformed request (unknown format, bad parameter syntax); the CLI exits 2."""


class ForbiddenQuery(VnrukgError):
    """A query asking for what the read-only graph never does: an update, SERVICE, FROM."""


class QueryTooLarge(VnrukgError):
    """A query text too long to read, or too complex to parse in the time allowed."""


class QuerySyntaxError(VnrukgError):
    """A SPARQL syntax error, located by line and column of the query text."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        self.line = line
        self.column = column
        where = f" at line {line}, column {column}" if line is not None else ""
        super().__init__(f"SPARQL syntax error{where}: {message}")


class TurtleSyntaxError(VnrukgError):
    """A Turtle file that does not parse, located by file, line and column."""

    def __init__(self, path: str, message: str, line: int | None = None, column: int | None = None):
        self.path = path
        self.line = line
        self.column = column
        where = f":{line}:{column}" if line is not None else ""
        super().__init__(f"{path}{where}: Turtle syntax error: {message}")
