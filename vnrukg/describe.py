"""Any node of the graph as a reader sees it: a name, its properties, its evidence.

The entity network (:mod:`vnrukg.network`) draws entities and folds the rest — sources, cited
references, observations, statements, tenures, citations — into their details. A reader who
asks for one of those by its IRI or slug still gets an answer: :func:`describe` reads the node
straight from the graph, and :func:`display_name` gives every node a name, composed from its
parts when the curators gave it no label (an observation is its indicator, parties, period and
value; a statement is its speaker and summary; a citation is its quote).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, RDFS, SKOS
from rdflib.term import Node

from .names import shorten_text
from .namespaces import VNRU, shorten

#: Properties shown as the node's evidence rather than as properties.
_EVIDENCE = {VNRU.citation, VNRU.primaryCitation}
#: Properties not shown at all (labels are the heading; classes have their own line).
_HIDDEN = {SKOS.prefLabel, RDFS.label, RDF.type}
#: A citation's own parts, shown as its evidence line rather than as properties.
_CITATION_PARTS = {
    VNRU.quote,
    VNRU.translation,
    VNRU.source,
    VNRU.viaReference,
    VNRU.attests,
}


def _label(graph: Graph, node: Node, lang: str) -> str | None:
    values = [v for v in graph.objects(node, SKOS.prefLabel) if isinstance(v, Literal)]
    values += [v for v in graph.objects(node, RDFS.label) if isinstance(v, Literal)]
    for value in values:
        if value.language == lang:
            return str(value)
    return None


def label(graph: Graph, node: Node, lang: str = "en") -> str:
    """A node's label in ``lang``, else in the other language, else its display name."""
    if isinstance(node, Literal):
        return str(node)
    found = _label(graph, node, lang) or _label(graph, node, "vi" if lang == "en" else "en")
    if found:
        return found
    en, vi = display_name(graph, node)
    return en if lang == "en" else vi


def _linked(graph: Graph, node: Node, prop: URIRef, lang: str) -> str:
    value = graph.value(node, prop)
    return label(graph, value, lang) if value is not None else ""


def _composed(graph: Graph, node: Node, lang: str) -> str | None:
    """A name made of the node's parts, for the kinds of node the curators do not label."""
    if (node, VNRU.quote, None) in graph:
        quote = shorten_text(" ".join(str(graph.value(node, VNRU.quote)).split()), 70)
        return f"“{quote}” ({_linked(graph, node, VNRU.source, lang)})"
    if (node, VNRU.statedBy, None) in graph:
        summary = graph.value(node, VNRU.summary)
        said = shorten_text(str(summary), 90) if summary is not None else ""
        return f"{_linked(graph, node, VNRU.statedBy, lang)}: {said}".rstrip(": ")
    if (node, VNRU.indicator, None) in graph:
        parties = " → ".join(
            p for p in (_linked(graph, node, q, lang) for q in (VNRU.reporter, VNRU.partner)) if p
        )
        start, date = graph.value(node, VNRU.startDate), graph.value(node, VNRU.date)
        end = graph.value(node, VNRU.endDate)
        period = str(date) if date is not None else "–".join(str(d) for d in (start, end) if d)
        value, unit = graph.value(node, VNRU.value), _linked(graph, node, VNRU.unit, lang)
        parts = [_linked(graph, node, VNRU.indicator, lang), parties, period]
        name = ", ".join(p for p in parts if p)
        return f"{name}: {value} {unit}".rstrip() if value is not None else name
    if (node, ORG.member, None) in graph:
        held = graph.value(node, VNRU.post) or graph.value(node, VNRU.rank)
        held = held if held is not None else graph.value(node, ORG.organization)
        what = label(graph, held, lang) if held is not None else ""
        return f"{_linked(graph, node, ORG.member, lang)} — {what}".rstrip(" —")
    return None


def display_name(graph: Graph, node: Node) -> tuple[str, str]:
    """The node's English and Vietnamese names (labels, else a title, else composed)."""
    names = []
    for lang in ("en", "vi"):
        found = _label(graph, node, lang)
        if found is None:
            titles = [v for v in graph.objects(node, DCTERMS.title) if isinstance(v, Literal)]
            found = next((str(t) for t in titles if t.language == lang), None)
        names.append(found)
    if names[0] is None and names[1] is None:
        composed = (_composed(graph, node, "en"), _composed(graph, node, "vi"))
        fallback = shorten(str(node))
        return composed[0] or fallback, composed[1] or fallback
    return names[0] or names[1] or "", names[1] or names[0] or ""


def owner_of(graph: Graph, node: URIRef) -> URIRef:
    """The fact a citation (or a part of one) belongs to; any other node is its own owner."""
    seen = set()
    current = node
    while current not in seen:
        seen.add(current)
        parents = sorted(s for s in graph.subjects(VNRU.citation, current) if isinstance(s, URIRef))
        if not parents:
            break
        current = parents[0]
    return current


@dataclass(frozen=True)
class Evidence:
    """A citation as shown: the quote, the curators' translation, its source and extras."""

    iri: str
    quote: str
    translation: str
    source: str
    source_id: str
    via: str = ""
    attests: str = ""


@dataclass
class Description:
    """Everything the graph states about one node, as text in one language."""

    iri: str
    name: str
    other_name: str
    classes: list[str]
    aliases: list[str] = field(default_factory=list)
    properties: list[tuple[str, str]] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    mentioned_by: list[tuple[str, str, str]] = field(default_factory=list)
    #: For a source or cited reference: the facts whose citations quote or cite it.
    quoted_in: list[tuple[str, str]] = field(default_factory=list)


def evidence(graph: Graph, citation: Node, lang: str = "en") -> Evidence:
    """One citation node as :class:`Evidence`."""
    source = graph.value(citation, VNRU.source)
    via = graph.value(citation, VNRU.viaReference)
    return Evidence(
        iri=shorten(str(citation)),
        quote=str(graph.value(citation, VNRU.quote) or ""),
        translation=str(graph.value(citation, VNRU.translation) or ""),
        source=label(graph, source, lang) if source is not None else "",
        source_id=shorten(str(source)) if source is not None else "",
        via=label(graph, via, lang) if via is not None else "",
        attests=str(graph.value(citation, VNRU.attests) or ""),
    )


def _value_text(graph: Graph, value: Node, lang: str) -> str:
    if isinstance(value, Literal):
        return " ".join(str(value).split())
    return f"{label(graph, value, lang)} ({shorten(str(value))})"


def describe(graph: Graph, node: URIRef, lang: str = "en") -> Description:
    """What ``graph`` (the curated facts, without inferences) says about ``node``."""
    en, vi = display_name(graph, node)
    name, other = (en, vi) if lang == "en" else (vi, en)
    classes = sorted(label(graph, c, lang) for c in graph.objects(node, RDF.type))
    if not classes and (node, VNRU.quote, None) in graph:
        classes = [label(graph, VNRU.Citation, lang)]  # its class is inferred, not asserted
    found = Description(shorten(str(node)), name, other if other != name else "", classes)
    found.aliases = sorted(str(a) for a in graph.objects(node, SKOS.altLabel))
    is_citation = (node, VNRU.quote, None) in graph
    hidden = _HIDDEN | {SKOS.altLabel} | (_CITATION_PARTS if is_citation else set())
    for prop, value in sorted(graph.predicate_objects(node), key=lambda pv: (pv[0], pv[1])):
        if prop in hidden:
            continue
        if prop in _EVIDENCE:
            if prop == VNRU.citation:
                found.evidence.append(evidence(graph, value, lang))
            continue
        found.properties.append((label(graph, prop, lang), _value_text(graph, value, lang)))
    if is_citation:
        found.evidence.insert(0, evidence(graph, node, lang))
        fact = owner_of(graph, node)
        if fact != node:
            found.properties.insert(
                0, ("evidence for", f"{label(graph, fact, lang)} ({shorten(str(fact))})")
            )
    quoted_in: set[URIRef] = set()
    for subject, prop in sorted(graph.subject_predicates(node)):
        if prop in _EVIDENCE or not isinstance(subject, URIRef):
            continue
        if (subject, VNRU.quote, None) in graph:  # a citation quoting this source
            quoted_in.add(owner_of(graph, subject))
            continue
        found.mentioned_by.append(
            (label(graph, prop, lang), label(graph, subject, lang), shorten(str(subject)))
        )
    found.quoted_in = sorted((label(graph, f, lang), shorten(str(f))) for f in quoted_in)
    return found


def evidence_lines(item: Evidence, indent: str = "  ", evidence: str = "both") -> list[str]:
    """A citation as text: the quote and its source, then the curators' translation
    (``evidence``: ``quote``, ``translation`` or ``both``)."""
    where = item.source + (f" ({item.source_id})" if item.source_id else "")
    extra = (f"; citing {item.via}" if item.via else "") + (
        f"; attests {item.attests}" if item.attests else ""
    )
    translation = " ".join(item.translation.split())
    lines = []
    if evidence != "translation" or not translation:
        lines.append(f"{indent}“{' '.join(item.quote.split())}” — {where}{extra}")
    if evidence != "quote" and translation:
        tail = "" if evidence == "both" else f" — {where}{extra}"
        lines.append(f"{indent}  translation (curators'): “{translation}”{tail}")
    return lines


#: How many facts ``show`` lists under a source; JSON lists them all.
QUOTED = 15


def description_text(found: Description, evidence: str = "both") -> str:
    """A :class:`Description` as the text ``vnrukg show`` prints."""
    lines = [found.name + (f" — {found.other_name}" if found.other_name else "")]
    lines.append(f"{found.iri} · {', '.join(found.classes) or 'no class'}")
    if found.aliases:
        lines.append("also known as: " + "; ".join(found.aliases))
    lines += [f"{prop}: {value}" for prop, value in found.properties]
    if found.evidence:
        lines.append(f"evidence ({len(found.evidence)}):")
        for item in found.evidence:
            lines += evidence_lines(item, evidence=evidence)
    if found.mentioned_by:
        lines.append(f"mentioned by ({len(found.mentioned_by)}):")
        lines += [f"  ← {prop}: {name} ({iri})" for prop, name, iri in found.mentioned_by]
    if found.quoted_in:
        lines.append(f"evidence for ({len(found.quoted_in)} facts):")
        lines += [f"  • {shorten_text(name, 90)} ({iri})" for name, iri in found.quoted_in[:QUOTED]]
        if len(found.quoted_in) > QUOTED:
            lines.append(f"  … {len(found.quoted_in) - QUOTED} more (--format json lists all)")
    return "\n".join(lines) + "\n"
