"""Serving: on a socket with uvicorn, or one request in-process (``serve --get PATH``)."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from dataclasses import dataclass
from typing import Any

import uvicorn

from ..store import KnowledgeGraph
from .app import create_app
from .config import ServerConfig
from .connections import Guard, guarded_protocol, quiet_logging, raise_file_limit
from .site import build_site


@dataclass
class Answer:
    """One response, as ``serve --get`` prints it."""

    status: int
    headers: dict[str, str]
    body: bytes


async def _call(app: Any, method: str, path: str, headers: dict[str, str], body: bytes) -> Answer:
    target, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": target,
        "raw_path": target.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 80),
        "app": app,
    }
    pending = [{"type": "http.request", "body": body, "more_body": False}]
    answer = Answer(0, {}, b"")

    finished = asyncio.Event()

    async def receive() -> dict[str, Any]:
        if pending:
            return pending.pop()
        await finished.wait()  # the client stays connected until the response is complete
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer.status = message["status"]
            answer.headers = {k.decode(): v.decode() for k, v in message.get("headers", [])}
        elif message["type"] == "http.response.body":
            answer.body += message.get("body", b"")
            if not message.get("more_body", False):
                finished.set()

    await app(scope, receive, send)
    return answer


def get(
    config: ServerConfig,
    kg: KnowledgeGraph,
    path: str,
    accept: str | None = None,
    method: str = "GET",
    body: bytes = b"",
    content_type: str | None = None,
) -> Answer:
    """Answer one request without opening a socket (queries still run in a worker process)."""
    site = build_site(config, kg)
    app = create_app(site)
    headers = {"host": "127.0.0.1"}
    if accept:
        headers["accept"] = accept
    if content_type:
        headers["content-type"] = content_type
    if body:
        headers["content-length"] = str(len(body))
    try:
        return asyncio.run(
            _call(app, method, path if path.startswith("/") else "/" + path, headers, body)
        )
    finally:
        site.close()


def serve(config: ServerConfig, kg: KnowledgeGraph) -> None:
    """Run the endpoint with uvicorn until interrupted, with the connection limits."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(message)s")
    files = raise_file_limit()
    # room for the workers' pipes, the graph's files and the log besides the connections
    limit = max(16, min(config.max_connections, files - 64))
    if limit < config.max_connections:
        config = dataclasses.replace(config, max_connections=limit)
    guard = Guard(config.max_connections, config.client_connections, config.trusted_proxies)
    app = create_app(build_site(config, kg))
    settings = uvicorn.Config(
        app,
        host=config.host,
        port=config.port,
        http=guarded_protocol(config, guard),
        log_level="info",
        server_header=False,
        # X-Forwarded-For is read only from --trusted-proxy peers (uvicorn's middleware takes
        # the client nearest the proxies from the right, so a client cannot forge it)
        proxy_headers=bool(config.trusted_proxies),
        forwarded_allow_ips=list(config.trusted_proxies) or None,
        timeout_keep_alive=max(1, round(config.idle_timeout)),
        timeout_graceful_shutdown=5,
    )
    quiet_logging()
    uvicorn.Server(settings).run()
