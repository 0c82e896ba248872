"""The ``serve`` command: a read-only SPARQL endpoint and linked-data pages."""

from __future__ import annotations

import ipaddress
import sys

import click

from ..errors import UsageError
from ..server.config import ServerConfig
from ..sparql import DEFAULT_ENGINE, ENGINES, MAX_QUERY_BYTES
from .common import CONTEXT_SETTINGS, State, pass_state


def _check_host(host: str, allow_remote: bool) -> None:
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback and not allow_remote:
        raise UsageError(
            f"--host {host} would expose the endpoint beyond this machine; "
            "add --public to mean it (the endpoint is read-only and bounded)"
        )


def _check_proxies(proxies: tuple[str, ...]) -> None:
    for proxy in proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            raise UsageError(
                f"--trusted-proxy {proxy!r} is not an IP address or network "
                "(e.g. 127.0.0.1 or 10.0.0.0/8)"
            ) from None


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--public", is_flag=True, help="Allow a --host that is not a loopback address.")
@click.option(
    "--timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(0.1, 3600),
    help="Seconds a query may run; its worker is then killed and replaced.",
)
@click.option(
    "--max-rows",
    default=10_000,
    show_default=True,
    type=click.IntRange(1),
    help="Rows (or triples) in one result; more are cut off and X-SPARQL-MaxRows says so.",
)
@click.option(
    "--max-request",
    "max_request",
    default=MAX_QUERY_BYTES,
    show_default=True,
    type=click.IntRange(256),
    help="Bytes in one request body or query string (a query text itself may not be longer "
    "than the default, here or on the command line).",
)
@click.option(
    "--max-bytes",
    default=16 * 1024 * 1024,
    show_default=True,
    type=click.IntRange(4096),
    help="Bytes in one query result; more are cut off, and the body says so.",
)
@click.option(
    "--workers",
    default=3,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Query worker processes (queries running at once).",
)
@click.option(
    "--client-workers",
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Queries of one client (IP address) running at once; more wait.",
)
@click.option(
    "--client-rate",
    default=100.0,
    show_default=True,
    type=click.FloatRange(0.1),
    help="Queries a second one client may send on average (bursts of twice that); more: 429.",
)
@click.option(
    "--reserve",
    default=1,
    show_default=True,
    type=click.IntRange(0, 63),
    help="Workers kept for clients whose recent queries were cheap (the cheap lane).",
)
@click.option(
    "--max-connections",
    default=1000,
    show_default=True,
    type=click.IntRange(1),
    help="Open connections; more are closed at once.",
)
@click.option(
    "--client-connections",
    default=64,
    show_default=True,
    type=click.IntRange(1),
    help="Open connections from one client (IP address, IPv6 /64).",
)
@click.option(
    "--header-timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(0.1, 600),
    help="Seconds a client has to send a whole request; then the connection is closed.",
)
@click.option(
    "--trusted-proxy",
    "trusted_proxies",
    multiple=True,
    metavar="ADDRESS",
    help="A reverse proxy (IP address or network, repeatable) whose X-Forwarded-For header "
    "names the client, so that the per-client limits apply to each client behind it and not "
    "to the proxy as one; its own connections count only against --max-connections.",
)
@click.option(
    "--base-url",
    default=None,
    metavar="URL",
    help="The server's public address, for the endpoint IRI in VoID and the service "
    "description. Default: http://HOST:PORT.",
)
@click.option(
    "--cors",
    default=None,
    metavar="ORIGIN",
    help="Let web pages from ORIGIN (or *) call the endpoint. Default: CORS off.",
)
@click.option(
    "--engine",
    type=click.Choice(list(ENGINES)),
    default=DEFAULT_ENGINE,
    show_default=True,
    help="Query engine the workers use.",
)
@click.option(
    "--get",
    "get_path",
    default=None,
    metavar="PATH",
    help="Answer one GET request in-process, print the body and exit (0 on HTTP 200, 1 otherwise).",
)
@click.option("--accept", default=None, help="Accept header for --get.")
@pass_state
def serve(
    state: State,
    host: str,
    port: int,
    public: bool,
    timeout: float,
    max_rows: int,
    max_request: int,
    max_bytes: int,
    workers: int,
    client_workers: int,
    client_rate: float,
    reserve: int,
    max_connections: int,
    client_connections: int,
    header_timeout: float,
    trusted_proxies: tuple[str, ...],
    base_url: str | None,
    cors: str | None,
    engine: str,
    get_path: str | None,
    accept: str | None,
) -> None:
    """Serve the graph: a read-only SPARQL endpoint, entity pages and a query page.

    SPARQL 1.1 Protocol at /sparql (GET or POST; JSON, XML, CSV, TSV, Turtle,
    N-Triples, JSON-LD by Accept or ?format=), named queries at /queries/NAME?param=value,
    entity pages at /id/SLUG, the ontology at /ontology, VoID at /.well-known/void.
    Updates, SERVICE, LOAD and FROM are refused; each query runs in a sandboxed worker
    process that is killed at the time limit; results are cut at --max-rows and --max-bytes.
    Fair under abuse: per-client limits on running queries, rate and connections, a worker
    kept for cheap queries, a deadline for slow requests. Binds 127.0.0.1 unless told
    otherwise.

    \b
    Examples:
      vnrukg serve --port 8000 --timeout 5
      vnrukg serve --get '/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D'
      vnrukg serve --get /id/russia --accept text/turtle
    """
    _check_host(host, public)
    _check_proxies(trusted_proxies)
    config = ServerConfig(
        host,
        port,
        engine,
        timeout,
        max_rows,
        max_request,
        workers,
        cors=cors,
        max_bytes=max_bytes,
        client_workers=client_workers,
        client_rate=client_rate,
        reserve=reserve,
        max_connections=max_connections,
        client_connections=client_connections,
        header_timeout=header_timeout,
        base_url=base_url,
        trusted_proxies=tuple(trusted_proxies),
    )
    kg = state.knowledge_graph()
    if get_path is None:
        # Starlette and uvicorn cost 0.3 s to import: only this command needs them
        from ..server.local import serve as run

        run(config, kg)
        return
    # Starlette and uvicorn cost 0.3 s to import: only this command needs them
    from ..server.local import get

    answer = get(config, kg, get_path, accept)
    sys.stdout.buffer.write(answer.body)
    sys.stdout.buffer.flush()
    if answer.status != 200:
        click.echo(f"HTTP {answer.status}", err=True)
        raise click.exceptions.Exit(1)


COMMANDS = [serve]
