"""The web application: SPARQL endpoint, linked-data pages, index, search and query page.

Starlette on uvicorn (see docs/endpoint.md for why): handlers here only read the request, ask
the query pool or the prepared :class:`~vnrukg.server.site.Site`, and write the response.
Query answers and API errors are JSON-or-data; pages are HTML from autoescaped templates.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlencode

from rdflib import Graph, URIRef
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..describe import label as describe_label
from ..errors import VnrukgError
from ..export import serialize
from ..formats import Format
from ..namespaces import BASE, bind_prefixes, shorten
from ..search import Entry, search_text, suggestions
from ..search import search as search_entries
from ..sparql import NamedQuery
from . import negotiation, pages, protocol, replies, vendor, void
from .capped import MAX_BYTES_HEADER, MAX_ROWS_HEADER
from .dumps import BY_NAME as DUMPS_BY_NAME
from .dumps import DUMPS
from .fairness import client_key
from .negotiation import GRAPH, HTML, TABLE
from .replies import NotFound, Reply
from .site import Site
from .worker import Job

STATIC = __file__.rsplit("/", 1)[0] + "/static"
#: Links to a page's data in each format (Turtle and JSON-LD first).
GRAPH_LINKS = [
    (f.name, f.label) for f in sorted(GRAPH, key=lambda f: f.name not in ("ttl", "jsonld"))
]
TABLE_LINKS = [(f.name, f.label) for f in TABLE]
RULE_SUFFIX = "-violation"  # rule queries: must find nothing (vnrukg validate runs them)
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
    site = _site(request)
    job = Job(text, bindings, request.headers.get("accept"), tuple(override))
    client = client_key(request.client.host if request.client else None)
    key = (text, tuple(sorted((k, str(v)) for k, v in bindings.items())), job.accept, job.override)
    kept = site.replies.get(key)
    if kept is not None:
        refused = site.pool.scheduler.charge(client)  # a repeat still counts against the rate
        return _reply(refused or kept)
    reply = await site.pool.run(job, client)
    if reply.status == 200:
        site.replies.put(key, reply, len(reply.body) + len(text))
    return _reply(reply)


async def sparql(request: Request) -> Response:
    """The SPARQL 1.1 Protocol endpoint; without a query, the service description."""
    site = _site(request)
    text, override = await protocol.read_query(request, site.config.max_request_bytes)
    accept = request.headers.get("accept")
    browser = request.method == "GET" and not override and negotiation.wants_html(accept)
    if text is not None and browser:
        return _query_html(site, text, run=True)  # a browser: the query page, which runs it
    if text is not None:
        return await _run(request, text, {}, override)
    if request.method == "POST":
        raise VnrukgError("no query: POST query=… (form) or an application/sparql-query body")
    if not override and negotiation.wants_html(accept):
        return RedirectResponse("/query", 303)
    graphs = {name: len(graph) for name, graph in site.kg.named.items()}
    described = void.service_description(site.endpoint, len(site.kg.graph), graphs)
    return _rdf(described, negotiation.choose(GRAPH, accept, override), own_prefixes=True)


def void_page(request: Request) -> Response:
    """The VoID description of the dataset."""
    site = _site(request)
    dumps = [site.config.public_url + d.path for d in DUMPS]
    graph = void.void_description(
        site.kg.graph,
        site.endpoint,
        site.classes_all,
        site.examples,
        dumps,
        site.dumps.modified,
    )
    return _rdf_or_page(request, graph, "VoID description", "What this dataset holds.", True)


def dumps_page(request: Request) -> Response:
    """The list of dumps (HTML, or JSON with their URLs, sizes once made, and media types)."""
    site = _site(request)
    rows = [
        {"name": d.filename, "url": d.path, "label": d.label, "media_type": d.media_type}
        for d in DUMPS
    ]
    if not negotiation.wants_html(request.headers.get("accept")):
        return Response(json.dumps(rows), media_type=replies.JSON_TYPE, headers={"Vary": "Accept"})
    graphs = sorted((str(n), pages.local_path(str(n)), len(g)) for n, g in site.kg.named.items())
    return _html(
        site,
        "dumps.html",
        title="Data dumps",
        dumps=rows,
        graphs=graphs,
        modified=site.dumps.modified,
    )


async def dump(request: Request) -> Response:
    """One dump, with ETag and Last-Modified; 304 for a conditional GET that matches."""
    site = _site(request)
    chosen = DUMPS_BY_NAME.get(request.path_params["name"])
    if chosen is None:
        raise NotFound(f"no dump {request.path_params['name']!r}: see /dumps")
    body = await run_in_threadpool(site.dumps.body, chosen)  # the first time: seconds
    headers = {**body.headers, "Content-Disposition": f'attachment; filename="{chosen.filename}"'}
    if body.not_modified(
        request.headers.get("if-none-match"), request.headers.get("if-modified-since")
    ):
        return Response(status_code=304, headers=body.headers)
    data = b"" if request.method == "HEAD" else body.data
    response = Response(data, media_type=chosen.media_type, headers=headers)
    response.headers["Content-Length"] = str(len(body.data))
    return response


def named_graph(request: Request) -> Response:
    """A named graph of the dataset (a curated file, the ontology, ``vnrg:inferred``)."""
    site = _site(request)
    name = URIRef(BASE + request.url.path.lstrip("/"))
    graph = site.kg.named.get(name)
    if graph is None:
        known = ", ".join(sorted(str(n).removeprefix(BASE) for n in site.kg.named))
        raise NotFound(f"no named graph <{name}>; the graphs are: {known}")
    out = Graph()
    bind_prefixes(out)
    out += graph
    intro = (
        f"The named graph <{name}>: {len(graph):,} triples. Query it with "
        f"GRAPH <{name}> {{ … }} at /sparql; the default graph is the union of all of them."
    )
    return _rdf_or_page(request, out, f"Named graph {shorten(str(name))}", intro)


def resource(request: Request) -> Response:
    """An entity or concept: HTML page or RDF by content negotiation."""
    site = _site(request)
    node = URIRef(BASE + request.url.path.lstrip("/"))
    params = protocol.url_params(request, site.config.max_request_bytes)
    fmt = negotiation.for_page(request.headers.get("accept"), protocol.overrides(params))
    key = (str(node), fmt.name)
    kept = site.pages.get(key)
    if kept is None:
        if not pages.known(site.kg.graph, node):
            raise NotFound(f"nothing is known about <{node}>")
        if fmt is HTML:  # the page's content only for the page (it costs more than the RDF)
            described = pages.describe(site.kg.graph, site.inferred, node)
            kept = _html(site, "resource.html", title=described.title, d=described)
        else:
            kept = _rdf(pages.rdf_description(site.kg.graph, node), fmt)
        site.pages.put(key, kept, len(kept.body))
    return kept


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


def _class_rows(site: Site) -> list[tuple[str, str, int, int]]:
    """Class, its name, the entities typed with it (as `vnrukg build` lists them), and the
    entities with those of its subclasses."""
    typed = site.asserted_classes
    rows = [
        (str(c), pages.term(site.kg.graph, c).text, typed.get(shorten(str(c)), 0), n)
        for c, n in site.classes.items()
    ]
    return sorted(rows, key=lambda row: (-row[3], row[1]))


def index(request: Request) -> Response:
    """The home page: search, links, what the graph holds."""
    site = _site(request)
    return _html(
        site,
        "index.html",
        title="vnrukg",
        query="",
        triples=len(site.kg.graph),
        named_things=len(site.entries),
        resources=site.resources,
        classes=_class_rows(site),
        named_count=len([q for q in site.named if not q.endswith(RULE_SUFFIX)]),
        rule_count=len([q for q in site.named if q.endswith(RULE_SUFFIX)]),
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
        every = list(site.named.values())
        return _html(
            site,
            "queries.html",
            title="Named queries",
            queries=[q for q in every if not q.name.endswith(RULE_SUFFIX)],
            rules=[q for q in every if q.name.endswith(RULE_SUFFIX)],
        )
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
    bindings = named.bindings(given, site.lookup)
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


def _query_html(site: Site, text: str, run: bool, named_title: str = "") -> HTMLResponse:
    return _html(
        site,
        "query.html",
        title="Query",
        named_title=named_title[:40],
        text=text or DEFAULT_QUERY,
        run=run,
        queries=list(site.named.values()),
        prefixes_json=site.prefixes_json(),
        table_formats=TABLE_LINKS,
        graph_formats=GRAPH_LINKS,
        yasgui=vendor.YASGUI,
        interpreter=vendor.VEGA_INTERPRETER,
        vis=vendor.VIS_NETWORK,
        vega=site.vega,
    )


def query_page(request: Request) -> Response:
    """The query page: YASGUI with this endpoint's completions and views; works offline.
    ``?query=…`` opens (and runs) a query, ``?name=NAMED`` a named query."""
    site = _site(request)
    params = protocol.url_params(request, site.config.max_request_bytes)
    name = (params.get("name") or [""])[0]
    text = (params.get("query") or [""])[0]
    if name:
        named = _find_named(site, name)
        return _query_html(site, named.text, run=True, named_title=named.title)
    return _query_html(site, text, run=bool(text))


def query_terms(request: Request) -> Response:
    """What the query page's editor completes (prefixes, classes, properties, terms,
    entities), computed once from the loaded graph."""
    return Response(
        _site(request).terms_json,
        media_type=replies.JSON_TYPE,
        headers={"Cache-Control": "no-cache"},
    )


async def translations(request: Request) -> Response:
    """The curators' translations of quotes: POST a JSON list of quoted texts, get an object
    from each text that has a translation to it (pages show it beside the quote)."""
    site = _site(request)
    body = await protocol.read_body(request, site.config.max_request_bytes)
    try:
        quotes = json.loads(body or b"[]")
    except ValueError:
        raise VnrukgError("send a JSON list of quoted texts") from None
    if not isinstance(quotes, list):
        raise VnrukgError("send a JSON list of quoted texts")
    found = {
        q: site.translations[q] for q in quotes if isinstance(q, str) and q in site.translations
    }
    return Response(json.dumps(found, ensure_ascii=False), media_type=replies.JSON_TYPE)


def vendored(request: Request) -> Response:
    """The query page's libraries, from this installation (versioned names, immutable)."""
    try:
        found = vendor.asset(request.path_params["name"])
    except KeyError:
        raise NotFound(f"no file {request.path_params['name']!r} here") from None
    headers = {"ETag": found.etag, "Cache-Control": "public, max-age=31536000, immutable"}
    if request.headers.get("if-none-match") == found.etag:
        return Response(status_code=304, headers=headers)
    return Response(found.data, media_type=found.media_type, headers=headers)


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
    body = site.network_page.read_bytes()
    return Response(
        body,
        media_type="text/html; charset=utf-8",
        headers={"Content-Security-Policy": inline_csp(body.decode("utf-8"))},
    )


_INLINE = re.compile(r"<(script|style)(\s[^>]*)?>(.*?)</\1>", re.DOTALL | re.IGNORECASE)


def inline_csp(html: str) -> str:
    """The strict policy of every page, allowing exactly the inline scripts and style sheets of
    ``html`` by their SHA-256 hashes (the network page is one self-contained file)."""
    hashes: dict[str, list[str]] = {"script": [], "style": []}
    for tag, attributes, content in _INLINE.findall(html):
        if tag.lower() == "script" and "src=" in (attributes or ""):
            continue
        if "application/json" in (attributes or ""):
            continue  # data, never run
        digest = base64.b64encode(hashlib.sha256(content.encode("utf-8")).digest()).decode()
        hashes[tag.lower()].append(f"'sha256-{digest}'")
    scripts = " ".join(["'self'", *hashes["script"]])
    styles = " ".join(["'self'", *hashes["style"]])
    return (
        f"default-src 'self'; img-src 'self' data: blob:; style-src {styles}; "
        f"script-src {scripts}; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
        "form-action 'self'"
    )


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
# The query page: YASGUI's table (column-resizer) puts this one style sheet into a <style>
# element; the policy allows exactly it, by hash (tests/server/test_query_page.py checks that
# the page logs no violation).
_COLUMN_RESIZER_CSS = "'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk='"
_QUERY_CSP = _STRICT_CSP.replace("style-src 'self'", f"style-src 'self' {_COLUMN_RESIZER_CSS}")
_CSP_BY_PATH = {
    "/query": _QUERY_CSP,
    "/sparql": _QUERY_CSP,
    # the ontology documentation is one generated file with a style sheet of its own
    "/ontology": (
        "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'none'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
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
                # a new list: a kept response's own header list is sent again and again, and
                # adding to it in place grew it by two headers per request
                own = list(message.get("headers", []))
                names = {k.lower() for k, _ in own}
                added = [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"content-security-policy", csp),  # unless the page brings its own
                ]
                own += [(k, v) for k, v in added if k not in names]
                message = {**message, "headers": own}
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
            site.close()

    middleware = [Middleware(SecurityHeaders)]
    if site.config.cors:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=[site.config.cors],
                allow_methods=["GET", "POST"],
                allow_headers=["Accept", "Content-Type"],
                expose_headers=[MAX_ROWS_HEADER, MAX_BYTES_HEADER],
            )
        )
    routes = [
        Route("/", index),
        Route("/sparql", sparql, methods=["GET", "POST"], name="sparql"),
        Route("/queries", named_queries),
        Route("/queries/{name}", named_query),
        Route("/query", query_page),
        Route("/query/terms", query_terms),
        Route("/evidence/translations", translations, methods=["POST"]),
        Route("/vendor/{name}", vendored),
        Route("/search", search),
        Route("/id/{slug:path}", resource),
        Route("/vocab/{slug:path}", resource),
        Route("/ontology", ontology),
        Route("/shapes", shapes),
        Route("/network", network),
        Route("/dumps", dumps_page),
        Route("/dumps/{name}", dump, methods=["GET", "HEAD"]),
        Route("/graph/{path:path}", named_graph),
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
