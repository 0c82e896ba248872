"""The ``vnrukg`` command line: a thin layer over the library.

Each command parses its options, calls one library function and prints the result; domain
errors become one clear line on stderr. Exit codes: 0 success, 1 failure or failed check,
2 usage error.

Command modules are imported when their command is asked for, not before: `vnrukg query`
imports the query commands only, not the export or validation machinery (rdflib, pySHACL),
which keeps a cold query fast. `vnrukg --help` and :attr:`cli.commands` see every command.
"""

from __future__ import annotations

import os
import sys

import click

from ..errors import UsageError, VnrukgError
from .common import CONTEXT_SETTINGS, State

#: The core commands and the module of cli/ that defines each.
CORE_COMMANDS = {
    "validate": "data",
    "build": "data",
    "export": "data",
    "query": "query",
    "queries": "query",
    "push": "push",
}
#: Modules of cli/ that may be installed; each defines ``COMMANDS = [...]``.
OPTIONAL_MODULES = ("viz", "charts", "analysis", "serve", "push", "bench")


class _Failure(click.ClickException):
    """A domain error shown as ``Error: …`` with its exit code (1, or 2 for usage errors)."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code


class VnrukgGroup(click.Group):
    """A click group that turns domain errors into one clear line and an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise _Failure(str(exc), 2) from None
        except VnrukgError as exc:
            raise _Failure(str(exc), 1) from None


class LazyGroup(VnrukgGroup):
    """A group that imports a command's module only when that command is needed.

    Reading :attr:`commands` (as a help check or a test may) imports every module first.
    """

    def __init__(self, *args, **kwargs):
        self._commands: dict[str, click.Command] = {}
        self._loaded: set[str] = set()
        super().__init__(*args, **kwargs)

    @property
    def commands(self) -> dict[str, click.Command]:  # type: ignore[override]
        self.load_all()
        return self._commands

    @commands.setter
    def commands(self, value) -> None:
        self._commands = dict(value or {})

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        name = name or cmd.name
        if name is None:
            raise TypeError("Command has no name.")
        self._commands[name] = cmd

    def _load(self, name: str) -> None:
        if name in self._loaded:
            return
        self._loaded.add(name)
        try:
            module = __import__(f"{__name__}.{name}", fromlist=["COMMANDS"])
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            return
        for command in module.COMMANDS:
            self.add_command(command)

    def load_all(self) -> None:
        """Import every command module (for help and listings)."""
        for name in (*dict.fromkeys(CORE_COMMANDS.values()), *OPTIONAL_MODULES):
            self._load(name)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self._commands:
            if cmd_name in CORE_COMMANDS:
                self._load(CORE_COMMANDS[cmd_name])
            else:
                self.load_all()
        return self._commands.get(cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self.commands)


@click.group(cls=LazyGroup, context_settings=CONTEXT_SETTINGS)
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=str),
    default=None,
    help="Project folder (with ontology/, graph/, queries/). Default: the current folder when "
    "it is one, else the data installed with the package.",
)
@click.version_option(package_name="vnrukg", message="vnrukg %(version)s")
@click.pass_context
def cli(ctx: click.Context, root: str | None) -> None:
    """vnrukg: the Vietnam–Russia relations knowledge graph.

    Every fact in the graph cites the exact words of its source. Start with
    `vnrukg queries` to see the ready-made questions, then `vnrukg query NAME`.

    \b
    Exit codes: 0 success, 1 failure (or a failed check), 2 usage error.
    """
    ctx.obj = State(root)


def __getattr__(name: str):
    # `from vnrukg.cli import query` and friends keep working: the module is loaded on demand.
    if name in dict.fromkeys(CORE_COMMANDS.values()) or name in OPTIONAL_MODULES:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code (never raise a traceback at users)."""
    try:
        code = cli.main(args=argv, prog_name="vnrukg", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):  # click turns Ctrl-C into Abort
            click.echo("Interrupted.", err=True)
            return 130
        click.echo("Aborted.", err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except BrokenPipeError:
        sys.stderr.close()
        return 1
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        return 130
    except Exception as exc:  # a bug of ours: one line for the user, the traceback on request
        if os.environ.get("VNRUKG_DEBUG"):
            raise
        click.echo(
            f"Error: internal error ({type(exc).__name__}: {exc}); please report it with the "
            "command you ran (VNRUKG_DEBUG=1 shows the traceback)",
            err=True,
        )
        return 1
    return code if isinstance(code, int) else 0


def entry_point() -> None:
    """Console-script entry point."""
    sys.exit(main())
