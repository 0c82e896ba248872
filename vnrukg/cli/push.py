"""The command that publishes the graph to a triple store: push."""

from __future__ import annotations

import click

from ..namespaces import DEFAULT_GRAPH
from .common import CONTEXT_SETTINGS, State, pass_state


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option(
    "--endpoint",
    default=None,
    metavar="URL",
    help="SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph: http://HOST:7878/store).",
)
@click.option(
    "--update-endpoint",
    default=None,
    metavar="URL",
    help="SPARQL 1.1 Update endpoint (Oxigraph: http://HOST:7878/update). With --endpoint, "
    "used to swap in the uploaded graph at once; alone, the data is sent by INSERT DATA.",
)
@click.option(
    "--graph",
    default=DEFAULT_GRAPH,
    show_default=True,
    metavar="IRI",
    help="The named graph to replace.",
)
@click.option(
    "--user",
    default=None,
    help="User name for HTTP authentication (Basic or Digest, as the store asks).",
)
@click.option(
    "--password-env",
    default=None,
    metavar="VAR",
    help="Environment variable holding the password (never pass it on the command line).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=60.0,
    show_default=True,
    help="Seconds to wait for the store at each step.",
)
@pass_state
def push(
    state: State,
    endpoint: str | None,
    update_endpoint: str | None,
    graph: str,
    user: str | None,
    password_env: str | None,
    timeout: float,
) -> None:
    """Replace a named graph in a SPARQL store with the whole graph.

    The graph (ontology, curated facts and inferences, as `vnrukg query` sees it) is streamed
    as N-Triples. With --update-endpoint it goes into a temporary graph first and is moved
    into place by one request, so a failed upload leaves the store as it was. Pushing again
    replaces the graph: the result is the same however often you push.

    \b
    Examples:
      vnrukg push --endpoint http://localhost:7878/store \\
                  --update-endpoint http://localhost:7878/update
      VNRUKG_PASSWORD=secret vnrukg push --endpoint https://example.org/fuseki/kg/data \\
                  --update-endpoint https://example.org/fuseki/kg/update \\
                  --user admin --password-env VNRUKG_PASSWORD
    """
    # httpx costs 0.2 s to import: only this command needs it
    from ..push import Target, password_from
    from ..push import push as run_push

    target = Target(
        endpoint=endpoint,
        update_endpoint=update_endpoint,
        graph=graph,
        user=user,
        password=password_from(password_env),
        timeout=timeout,
    )
    result = run_push(state.project, target)
    where = endpoint or update_endpoint
    click.echo(
        f"pushed {result.triples:,} triples ({result.bytes:,} bytes of N-Triples) to "
        f"<{result.graph}> at {where} in {result.seconds:.2f} s ({result.method})"
    )


COMMANDS = [push]
