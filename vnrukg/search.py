"""One search for every caller: the names of everything the graph describes, and its text.

``vnrukg search``, ``vnrukg show`` and the endpoint's ``/search`` all use this module, so they
give the same answers. Two kinds of search:

- **Names** (:func:`search`): every described node — entities, sources and cited references
  (by title, author and outlet), observations, statements, tenures, vocabulary concepts — by
  its names in either language, its aliases and its slug, case and diacritics ignored
  (``phan van giang`` finds Phan Văn Giang). When nothing matches, :func:`suggestions` offers
  the nearest names (RapidFuzz's weighted ratio over the folded names), so a typo such as
  ``Phan Van Giong`` still leads somewhere.
- **Text** (:func:`search_text`): the quotes, the curators' translations, statement summaries,
  notes and significances, ranked by BM25 with SQLite's FTS5 (in the standard library), each
  hit with the entity it is about. Text and query are folded alike before indexing, so
  ``dau khi`` finds ``dầu khí``.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from .describe import display_name, label, owner_of
from .errors import UsageError, VnrukgError
from .names import fold
from .namespaces import VNRD, VNRU, VNRV, expand, shorten

#: Nodes whose IRI contains one of these are parts of another node, not searched by name.
_PARTS = ("/citation/", "/node/")
#: How close (0–100, RapidFuzz's ratio of the folded texts) a name must be to be suggested.
SUGGEST_CUTOFF = 75


@dataclass(frozen=True)
class Entry:
    """A node to search by name: its IRI, names in both languages, aliases and classes."""

    iri: URIRef
    name_en: str
    name_vi: str
    aliases: tuple[str, ...]
    classes: tuple[URIRef, ...]
    #: Every name it can be found by, folded: labels, aliases, titles, authors, outlet.
    keys: tuple[str, ...]
    #: The IRI's last segment (``phan-van-giang``), also searched, with and without hyphens.
    slug: str = ""
    #: The English labels of its classes, to show.
    class_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """A name search result: the entry, how well it matched (0 best) and the name matched."""

    entry: Entry
    rank: int
    matched: str


def _literals(graph: Graph, node: URIRef, prop: URIRef) -> list[str]:
    return [str(v) for v in graph.objects(node, prop) if isinstance(v, Literal)]


def _names_of_linked(graph: Graph, node: URIRef, prop: URIRef) -> list[str]:
    """Names of what ``node`` links to by ``prop`` (authors, outlets), or the literal given."""
    names: list[str] = []
    for value in graph.objects(node, prop):
        if isinstance(value, Literal):
            names.append(str(value))
        elif isinstance(value, URIRef):
            names += _literals(graph, value, SKOS.prefLabel)
    return names


def _entry(graph: Graph, asserted: Graph, node: URIRef) -> Entry:
    name_en, name_vi = display_name(graph, node)
    aliases = tuple(sorted(set(_literals(graph, node, SKOS.altLabel))))
    classes = tuple(sorted(c for c in asserted.objects(node, RDF.type) if isinstance(c, URIRef)))
    slug = str(node).rsplit("/", 1)[-1]
    names = [
        name_en,
        name_vi,
        *aliases,
        *_literals(graph, node, SKOS.prefLabel),
        *_literals(graph, node, DCTERMS.title),
        *_names_of_linked(graph, node, DCTERMS.creator),
        *_names_of_linked(graph, node, DCTERMS.publisher),
        *_literals(graph, node, VNRU.citationKey),
    ]
    keys = tuple(dict.fromkeys(fold(n) for n in names if n.strip()))
    class_labels = tuple(label(graph, c) for c in classes)
    return Entry(node, name_en, name_vi, aliases, classes, keys, slug, class_labels)


def build_index(graph: Graph, asserted: Graph | None = None) -> list[Entry]:
    """An entry for every node of the ``vnrd:`` and ``vnrv:`` namespaces that has a class.

    ``asserted`` (the graph without inferences) gives the classes to show; by default
    ``graph``. Citations and other parts of a node are found by :func:`search_text` instead.
    """
    asserted = asserted if asserted is not None else graph
    nodes = {
        s
        for s in graph.subjects(RDF.type, None)
        if isinstance(s, URIRef)
        and str(s).startswith((str(VNRD), str(VNRV)))
        and not any(part in str(s) for part in _PARTS)
    }
    return [_entry(graph, asserted, node) for node in sorted(nodes)]


def _rank(key: str, query: str, words: list[str]) -> int | None:
    if key == query:
        return 0
    if key.startswith(query):
        return 1
    if f" {query}" in key:
        return 2
    if query in key:
        return 3
    return 4 if all(w in key for w in words) else None


def search(entries: list[Entry], text: str, limit: int | None = 20) -> list[Hit]:
    """Entries with a name matching ``text``, best first.

    Rank: exact name, a name starting with the text, a word of it starting with the text, a
    name containing the text, a name containing all its words; ties go to the shorter name,
    then to alphabetical order.
    """
    query = fold(text)
    if not query:
        return []
    words = query.split(" ")
    ranked = []
    for entry in entries:
        keys = (*entry.keys, entry.slug, entry.slug.replace("-", " "))
        found = [(r, len(k), k) for k in keys if (r := _rank(k, query, words)) is not None]
        if found:
            rank, length, key = min(found)
            shown = entry.name_en or entry.name_vi
            ranked.append((rank, length, fold(shown), str(entry.iri), Hit(entry, rank, key)))
    ranked.sort(key=lambda item: item[:4])
    hits = [item[-1] for item in ranked]
    return hits[:limit] if limit else hits


def suggestions(entries: list[Entry], text: str, limit: int = 5) -> list[Hit]:
    """The entries whose names (or a word of them) are nearest to ``text``: a search that
    found nothing was probably a typo (``phan van giong``, ``belousv``). Slugs are left out
    (every statement's slug names its speaker), and among equally near names a whole name
    comes before a word of a longer one, and a short name before a long one."""
    query = fold(text)
    if not query:
        return []
    choices: dict[tuple[int, str, bool], str] = {}
    for index, entry in enumerate(entries):
        for key in entry.keys:
            choices[(index, key, True)] = key
            for word in key.split() if " " not in query else ():
                if len(word) >= 4:
                    choices.setdefault((index, word, False), word)
    best: dict[int, tuple[float, bool, str]] = {}
    found = process.extract(
        query, choices, scorer=fuzz.ratio, limit=limit * 20, score_cutoff=SUGGEST_CUTOFF
    )
    for _key, score, (index, key, whole) in found:
        if index not in best or (score, whole) > best[index][:2]:
            best[index] = (score, whole, key)

    def order_key(item: tuple[int, tuple[float, bool, str]]) -> tuple:
        index, (score, whole, _key) = item
        entry = entries[index]  # a whole name first, then the shortest (most specific) name
        return (-score, not whole, len(entry.name_en or entry.name_vi), str(entry.iri))

    order = sorted(best.items(), key=order_key)
    return [Hit(entries[index], 5, key) for index, (_score, _whole, key) in order[:limit]]


def resolve_node(graph: Graph, entries: list[Entry], text: str) -> URIRef:
    """The node ``text`` names: its IRI, prefixed name or slug, or a name only it has.

    A name several nodes share is refused with the list of them; a name nothing has gets the
    nearest names as suggestions.
    """
    text = text.strip()
    if not text:
        raise UsageError("give an IRI, a slug or a name")
    with contextlib.suppress(ValueError):
        expanded = expand(text)
        if not any(c.isspace() or c in '<>"{}|^`\\' for c in expanded):
            iri = URIRef(expanded)
            if (iri, None, None) in graph:
                return iri
    hits = search(entries, text, limit=None)
    exact = [h for h in hits if h.rank == 0]
    if len(exact) == 1 or len(hits) == 1:
        return (exact or hits)[0].entry.iri
    if exact or hits:
        shown = (exact or hits)[:8]
        choices = ", ".join(f"{shorten(str(h.entry.iri))} ({h.entry.name_en})" for h in shown)
        raise UsageError(f"{text!r} names several things: {choices}; give one of these ids")
    near = suggestions(entries, text)
    hint = "; did you mean " + ", ".join(
        f"{shorten(str(h.entry.iri))} ({h.entry.name_en or h.entry.name_vi})" for h in near
    )
    raise VnrukgError(f"nothing named {text!r}" + (hint if near else ""))


# ---------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------

#: The properties whose text is searched, and the name each field is shown by.
TEXT_FIELDS: dict[URIRef, str] = {
    VNRU.quote: "quote",
    VNRU.translation: "translation",
    VNRU.summary: "summary",
    VNRU.note: "note",
    VNRU.significance: "significance",
    VNRU.likelyReading: "likely reading",
}


@dataclass(frozen=True)
class TextHit:
    """A passage that matches: the entity it is about, which field, the text and a snippet."""

    entity: URIRef
    node: URIRef
    field: str
    language: str
    text: str
    snippet: str
    score: float


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """``text`` folded character by character, with each folded character's origin."""
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = fold(char) if not char.isspace() else " "
        out.append(folded)
        origin += [index] * len(folded)
    return "".join(out), origin


def snippet(text: str, words: list[str], width: int = 160) -> str:
    """A window of ``text`` around the first folded match of ``words``, matches in «»."""
    folded, origin = _folded_with_map(text)
    spans = []
    for word in words:
        at = folded.find(word)
        while at >= 0:
            spans.append((origin[at], origin[at + len(word) - 1] + 1))
            at = folded.find(word, at + len(word))
    spans.sort()
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    end = min(len(text), start + width)
    marked, last = [], start
    for a, b in spans:
        if a < last or b > end:
            continue
        marked += [text[last:a], "«", text[a:b], "»"]
        last = b
    marked.append(text[last:end])
    body = " ".join("".join(marked).split())
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


def _fts_query(words: list[str], phrase: bool) -> str:
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if phrase:
        return '"' + " ".join(w.replace('"', '""') for w in words) + '"'
    return " AND ".join(q + "*" for q in quoted)


def search_text(graph: Graph, text: str, limit: int | None = 20) -> list[TextHit]:
    """Passages whose words match every word of ``text`` (diacritics optional), best first.

    Passages holding the words as a phrase come first; within each group BM25 (SQLite FTS5)
    ranks them. A word matches as a prefix (``dau khi`` finds ``dầu khí``, ``sanction`` finds
    ``sanctions``).
    """
    words = [w for w in fold(text).replace('"', " ").split() if w]
    if not words:
        return []
    documents = [
        (node, field, value)
        for prop, field in TEXT_FIELDS.items()
        for node, value in graph.subject_objects(prop)
        if isinstance(node, URIRef) and isinstance(value, Literal)
    ]
    documents.sort(key=lambda d: (str(d[0]), d[1], str(d[2])))
    with sqlite3.connect(":memory:") as db:
        db.execute("CREATE VIRTUAL TABLE passages USING fts5(body, tokenize='unicode61')")
        db.executemany(
            "INSERT INTO passages(rowid, body) VALUES (?, ?)",
            ((i, fold(str(value))) for i, (_n, _f, value) in enumerate(documents)),
        )
        seen: dict[int, tuple[int, float]] = {}
        for group, phrase in enumerate((True, False)):
            rows = db.execute(
                "SELECT rowid, bm25(passages) FROM passages WHERE passages MATCH ?",
                (_fts_query(words, phrase),),
            ).fetchall()
            for rowid, score in rows:
                seen.setdefault(rowid, (group, score))
    order = sorted(seen.items(), key=lambda item: (item[1], item[0]))
    hits = []
    for rowid, (_group, score) in order[:limit] if limit else order:
        node, field, value = documents[rowid]
        hits.append(
            TextHit(
                entity=owner_of(graph, node),
                node=node,
                field=field,
                language=value.language or "",
                text=str(value),
                snippet=snippet(str(value), words),
                score=round(-score, 3),
            )
        )
    return hits
