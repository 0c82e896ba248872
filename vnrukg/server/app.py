"""The web application: SPARQL endpoint, linked-data pages, index, search and query page.

Starlette on uvicorn (see docs/endpoint.md for why): handlers here only read the request, ask
the query pool or the prepared :class:`~vnrukg.server.site.Site`, and write the response.
Query answers and API errors are JSON-or-data; pages are HTML from autoescaped templates.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlencode

from rdflib import Graph, URIRef
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..describe import label as describe_label
from ..errors import VnrukgError
from ..export import serialize
from ..formats import Format
from ..namespaces import BASE, shorten
from ..search import Entry, search_text, suggestions
from ..search import search as search_entries
from ..sparql import NamedQuery
from . import negotiation, pages, protocol, replies, void
from .negotiation import GRAPH, HTML, TABLE
from .replies import NotFound, Reply
from .site import Site
from .worker import MAX_ROWS_HEADER, Job

STATIC = __file__.rsplit("/", 1)[0] + "/static"
#: Links to a page's data in each format (Turtle and JSON-LD first).
GRAPH_LINKS = [
    (f.name, f.label) for f in sorted(GRAPH, key=lambda f: f.name not in ("ttl", "jsonld"))
]
TABLE_LINKS = [(f.name, f.label) for f in TABLE]
DEFAULT_QUERY = """SELECT ?class (COUNT(?entity) AS ?entities)
WHERE { ?entity a ?class . FILTER(STRSTARTS(STR(?entity), STR(vnrd:))) }
GROUP BY ?class
ORDER BY DESC(?entities)
LIMIT 20
"""


def _site(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def _reply(reply: Reply) -> Response:
    headers = {"Vary": "Accept", **reply.headers}
    return Response(reply.body, reply.status, headers=headers, media_type=reply.media_type)


def _html(site: Site, template: str, status: int = 200, **values: object) -> HTMLResponse:
    return HTMLResponse(site.render(template, **values), status, headers={"Vary": "Accept"})


def _rdf(graph: Graph, fmt: Format, own_prefixes: bool = False) -> Response:
    if own_prefixes and fmt.name == "ttl":  # keep sd:/void: instead of export's project prefixes
        body = graph.serialize(format="turtle", encoding="utf-8")
        return Response(body, headers={"Vary": "Accept"}, media_type=fmt.content_type)
    return Response(
        serialize(graph, fmt.name), headers={"Vary": "Accept"}, media_type=fmt.content_type
    )


def _rdf_or_page(
    request: Request, graph: Graph, title: str, intro: str = "", own_prefixes: bool = False
) -> Response:
    params = protocol.url_params(request, _site(request).config.max_request_bytes)
    fmt = negotiation.for_page(request.headers.get("accept"), protocol.overrides(params))
    if fmt is HTML:
        body = (
            graph.serialize(format="turtle") if own_prefixes else serialize(graph, "ttl").decode()
        )
        return _html(
            _site(request), "text.html", title=title, intro=intro, body=body, formats=GRAPH_LINKS
        )
    return _rdf(graph, fmt, own_prefixes)


async def _run(request: Request, text: str, bindings: dict, override: list[str]) -> Response:
    job = Job(text, bindings, request.headers.get("accept"), tuple(override))
    return _reply(await _site(request).pool.run(job))


async def sparql(request: Request) -> Response:
    """The SPARQL 1.1 Protocol endpoint; without a query, the service description."""
    site = _site(request)
    text, override = await protocol.read_query(request, site.config.max_request_bytes)
    if text is not None:
        return await _run(request, text, {}, override)
    if request.method == "POST":
        raise VnrukgError("no query: POST query=… (form) or an application/sparql-query body")
    accept = request.headers.get("accept")
    if not override and negotiation.wants_html(accept):
        return RedirectResponse("/query", 303)
    endpoint = str(request.url_for("sparql"))
    described = void.service_description(endpoint, len(site.kg.graph))
    return _rdf(described, negotiation.choose(GRAPH, accept, override), own_prefixes=True)


def void_page(request: Request) -> Response:
    """The VoID description of the dataset."""
    site = _site(request)
    endpoint = str(request.url_for("sparql"))
    graph = void.void_description(site.kg.graph, endpoint, site.classes_all, site.examples)
    return _rdf_or_page(request, graph, "VoID description", "What this dataset holds.", True)


def resource(request: Request) -> Response:
    """An entity or concept: HTML page or RDF by content negotiation."""
    site = _site(request)
    node = URIRef(BASE + request.url.path.lstrip("/"))
    described = pages.describe(site.kg.graph, site.inferred, node)
    if described is None:
        raise NotFound(f"nothing is known about <{node}>")
    params = protocol.url_params(request, site.config.max_request_bytes)
    fmt = negotiation.for_page(request.headers.get("accept"), protocol.overrides(params))
    if fmt is HTML:
        return _html(site, "resource.html", title=described.title, d=described)
    return _rdf(pages.rdf_description(site.kg.graph, node), fmt)


def ontology(request: Request) -> Response:
    """The ontology: its documentation for browsers, its Turtle/JSON-LD for tools."""
    site = _site(request)
    params = protocol.url_params(request, site.config.max_request_bytes)
    fmt = negotiation.for_page(request.headers.get("accept"), protocol.overrides(params))
    if fmt is HTML:
        return HTMLResponse(site.ontology_html, headers={"Vary": "Accept"})
    return _rdf(site.ontology, fmt)


def shapes(request: Request) -> Response:
    """The SHACL shapes the curated graph conforms to."""
    return _rdf_or_page(request, _site(request).shapes, "SHACL shapes")


def _class_rows(site: Site) -> list[tuple[str, str, int]]:
    rows = [(str(c), pages.term(site.kg.graph, c).text, n) for c, n in site.classes.items()]
    return sorted(rows, key=lambda row: (-row[2], row[1]))


def index(request: Request) -> Response:
    """The home page: search, links, what the graph holds."""
    site = _site(request)
    return _html(
        site,
        "index.html",
        title="vnrukg",
        query="",
        triples=len(site.kg.graph),
        entities=len(site.entries),
        classes=_class_rows(site),
        named_count=len(site.named),
        network=site.network_page.is_file(),
    )


def _entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "iri": str(entry.iri),
        "href": pages.local_path(str(entry.iri)),
        "name_en": entry.name_en,
        "name_vi": entry.name_vi,
        "aliases": list(entry.aliases),
        "classes": [str(c) for c in entry.classes],
    }


def _entry_view(site: Site, entry: Entry) -> dict[str, Any]:
    names = [pages.term(site.kg.graph, c).text for c in entry.classes if str(c) != BASE]
    return {
        **_entry_json(entry),
        "short": shorten(str(entry.iri)),
        "classes": ", ".join(names),
    }


def search(request: Request) -> Response:
    """Names that match a query, or with ``in=text`` passages that contain its words (HTML or
    JSON): the same answers as ``vnrukg search`` (:mod:`vnrukg.search`)."""
    site = _site(request)
    params = protocol.url_params(request, site.config.max_request_bytes)
    query = (params.get("q") or [""])[0]
    cls = (params.get("class") or [""])[0]
    in_text = (params.get("in") or [""])[0] == "text"
    fmt = negotiation.choose(
        (HTML, Format("json", "page", "application/json", "JSON", writer="")),
        request.headers.get("accept"),
        protocol.overrides(params),
    )
    if in_text:
        return _search_text(site, query, fmt)
    entries = [e for e in site.entries if not cls or URIRef(cls) in e.classes]
    if cls and not query.strip():
        found = entries
    else:
        found = [h.entry for h in search_entries(entries, query, limit=None)]
    near = [] if found or not query.strip() else [h.entry for h in suggestions(entries, query)]
    limit = 200
    if fmt is not HTML:
        return Response(
            json.dumps([_entry_json(e) for e in found[:limit]], ensure_ascii=False),
            media_type=replies.JSON_TYPE,
            headers={"Vary": "Accept"},
        )
    title = (
        f"Search: {query}"
        if query
        else (f"All {pages.term(site.kg.graph, URIRef(cls)).text}" if cls else "Search")
    )
    return _html(
        site,
        "search.html",
        title=title,
        query=query,
        cls=cls,
        results=[_entry_view(site, e) for e in found[:limit]],
        suggestions=[_entry_view(site, e) for e in near],
        truncated=len(found) > limit,
        in_text=False,
    )


def _search_text(site: Site, query: str, fmt: Format) -> Response:
    hits = search_text(site.asserted, query, limit=100)
    rows: list[dict[str, Any]] = [
        {
            "entity": str(h.entity),
            "href": pages.local_path(str(h.entity)),
            "name": describe_label(site.asserted, h.entity),
            "field": h.field,
            "language": h.language,
            "text": h.text,
            "snippet": h.snippet,
            "node": str(h.node),
        }
        for h in hits
    ]
    for row in rows:  # the snippet's «matches», to mark up as <mark> by the template
        pieces = re.split(r"«([^»]*)»", str(row["snippet"]))
        row["parts"] = [{"text": p, "mark": i % 2 == 1} for i, p in enumerate(pieces) if p]
    if fmt is not HTML:
        return Response(
            json.dumps(rows, ensure_ascii=False),
            media_type=replies.JSON_TYPE,
            headers={"Vary": "Accept"},
        )
    return _html(
        site,
        "search.html",
        title=f"Passages: {query}" if query else "Search passages",
        query=query,
        cls="",
        results=[],
        passages=rows,
        suggestions=[],
        truncated=False,
        in_text=True,
    )


def _named_json(site: Site) -> list[dict]:
    return [
        {
            "name": q.name,
            "title": q.title,
            "description": q.description,
            "tags": list(q.tags),
            "params": [p.__dict__ for p in q.params],
            "url": f"/queries/{q.name}",
            "text": q.text,
        }
        for q in site.named.values()
    ]


def named_queries(request: Request) -> Response:
    """The list of named queries (HTML or JSON)."""
    site = _site(request)
    params = protocol.url_params(request, site.config.max_request_bytes)
    if negotiation.wants_html(request.headers.get("accept")) and not protocol.overrides(params):
        return _html(site, "queries.html", title="Named queries", queries=list(site.named.values()))
    body = json.dumps(_named_json(site), ensure_ascii=False, indent=1)
    return Response(body, media_type=replies.JSON_TYPE, headers={"Vary": "Accept"})


def _find_named(site: Site, name: str) -> NamedQuery:
    if name in site.named:
        return site.named[name]
    close = difflib.get_close_matches(name, list(site.named), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise NotFound(f"no query named {name!r}{hint} (see /queries)")


async def named_query(request: Request) -> Response:
    """Run a named query with parameters from the URL, bound (never pasted) into it."""
    site = _site(request)
    named = _find_named(site, request.path_params["name"])
    params = protocol.url_params(request, site.config.max_request_bytes)
    given = {k: v[-1] for k, v in params.items() if k not in protocol.FORMAT_PARAMS and v[-1]}
    bindings = named.bindings(given)
    override = protocol.overrides(params)
    if negotiation.wants_html(request.headers.get("accept")) and not override:
        data_url = f"/queries/{named.name}" + (f"?{urlencode(given)}" if given else "")
        return _html(
            site,
            "named_query.html",
            title=named.title,
            q=named,
            given=given,
            data_url=data_url,
            formats=TABLE_LINKS + GRAPH_LINKS[:3],
            prefixes_json=site.prefixes_json(),
        )
    return await _run(request, named.text, bindings, override)


def query_page(request: Request) -> Response:
    """The query editor: a text area, a Run button, a results table; works offline."""
    site = _site(request)
    params = protocol.url_params(request, site.config.max_request_bytes)
    name = (params.get("name") or [""])[0]
    text = (params.get("query") or [""])[0]
    if name:
        text = _find_named(site, name).text
    return _html(
        site,
        "query.html",
        title="Query",
        text=text or DEFAULT_QUERY,
        queries=list(site.named.values()),
        prefixes_json=site.prefixes_json(),
    )


def network(request: Request) -> Response:
    """The network page that ``vnrukg build`` writes, when it has been built."""
    site = _site(request)
    if not site.network_page.is_file():
        return _html(
            site,
            "error.html",
            404,
            title="Network page not built",
            message="Run `vnrukg build` to draw the network (dist/network.html).",
        )
    return FileResponse(site.network_page, media_type="text/html; charset=utf-8")


def _wants_page(request: Request) -> bool:
    return negotiation.wants_html(request.headers.get("accept"))


async def on_error(request: Request, exc: Exception) -> Response:
    """Domain errors as JSON for clients, as a page for browsers on pages."""
    reply = replies.from_exception(exc)
    if _wants_page(request) and not request.url.path.startswith(("/sparql", "/queries/")):
        title = "Not found" if reply.status == 404 else f"Error {reply.status}"
        return _html(_site(request), "error.html", reply.status, title=title, message=str(exc))
    return _reply(reply)


async def on_http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own errors (404 for unknown paths, 405) in the same shapes."""
    assert isinstance(exc, HTTPException)
    code = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
    if _wants_page(request) and exc.status_code == 404:
        return _html(
            _site(request),
            "error.html",
            404,
            title="Not found",
            message=f"There is no page at {request.url.path}.",
        )
    reply = replies.error(exc.status_code, code, str(exc.detail))
    return Response(reply.body, reply.status, headers=exc.headers, media_type=reply.media_type)


_STRICT_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
_CSP_BY_PATH = {
    "/ontology": "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    "/network": "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; base-uri 'none'",
}


class SecurityHeaders:
    """Headers for every response: no sniffing, no referrer, pages load nothing from elsewhere."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        csp = _CSP_BY_PATH.get(scope["path"], _STRICT_CSP).encode()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"content-security-policy", csp),
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(site: Site) -> Starlette:
    """The ASGI application over a prepared site; the pool starts with the app (or lazily)."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await site.pool.start()
        try:
            yield
        finally:
            site.pool.close()

    middleware = [Middleware(SecurityHeaders)]
    if site.config.cors:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=[site.config.cors],
                allow_methods=["GET", "POST"],
                allow_headers=["Accept", "Content-Type"],
                expose_headers=[MAX_ROWS_HEADER],
            )
        )
    routes = [
        Route("/", index),
        Route("/sparql", sparql, methods=["GET", "POST"], name="sparql"),
        Route("/queries", named_queries),
        Route("/queries/{name}", named_query),
        Route("/query", query_page),
        Route("/search", search),
        Route("/id/{slug:path}", resource),
        Route("/vocab/{slug:path}", resource),
        Route("/ontology", ontology),
        Route("/shapes", shapes),
        Route("/network", network),
        Route("/.well-known/void", void_page),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={VnrukgError: on_error, HTTPException: on_http_error},
    )
    app.state.site = site
    return app
