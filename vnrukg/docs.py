"""Ontology documentation as one self-contained HTML page (no scripts, no network).

Lists the ontology header, every class (with the constraints its SHACL shape puts on it), every
property and every concept scheme, each with its English and Vietnamese labels and definition.
All text is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from .namespaces import ONTOLOGY_IRI, VANN, VNRU, shorten

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:70rem;
margin:2rem auto;
padding:0 1rem;line-height:1.5;color:#1d2330}
h1{margin-bottom:.2rem}h2{border-bottom:2px solid #c0392b;padding-bottom:.2rem;margin-top:2.5rem}
h3{margin-bottom:.2rem}code{background:#f3f4f6;padding:0 .25rem;border-radius:3px}
.term{border:1px solid #e5e7eb;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
.vi{color:#555}.meta{font-size:.9rem;color:#444}table{border-collapse:collapse;font-size:.9rem}
td,th{border:1px solid #e5e7eb;padding:.2rem .5rem;text-align:left;vertical-align:top}
nav ul{columns:3;font-size:.9rem}
"""


def _text(graph: Graph, node: Node, prop: URIRef, lang: str) -> str:
    for value in graph.objects(node, prop):
        if isinstance(value, Literal) and value.language == lang:
            return str(value)
    return ""


def _iris(nodes: Iterable[Node]) -> list[URIRef]:
    """The IRIs among ``nodes``, sorted (the loaded graph has no blank nodes)."""
    return sorted(n for n in nodes if isinstance(n, URIRef))


def _link(node: Node) -> str:
    short = shorten(str(node))
    if str(node).startswith(str(VNRU)):
        local = str(node)[len(str(VNRU)) :]
        return f'<a href="#{escape(local)}"><code>{escape(short)}</code></a>'
    return f"<code>{escape(short)}</code>"


def _code(value: object) -> str:
    return f"<code>{escape(str(value or ''))}</code>"


def _links(nodes: Iterable[Node]) -> str:
    return ", ".join(_link(n) for n in sorted(nodes, key=str) if isinstance(n, URIRef)) or "—"


def _term(graph: Graph, node: URIRef, rows: list[tuple[str, str]]) -> str:
    local = str(node)[len(str(VNRU)) :]
    en, vi = _text(graph, node, RDFS.label, "en"), _text(graph, node, RDFS.label, "vi")
    den, dvi = _text(graph, node, SKOS.definition, "en"), _text(graph, node, SKOS.definition, "vi")
    table = "".join(f"<tr><th>{escape(k)}</th><td>{v}</td></tr>" for k, v in rows if v)
    return (
        f'<div class="term" id="{escape(local)}">'
        f'<h3>{escape(en)} <span class="vi">· {escape(vi)}</span></h3>'
        f'<div class="meta"><code>{escape(shorten(str(node)))}</code> — {escape(str(node))}</div>'
        f'<p>{escape(den)}</p><p class="vi">{escape(dvi)}</p>'
        f"<table>{table}</table></div>"
    )


def _shape_rows(shapes: Graph, cls: URIRef) -> str:
    lines = []
    for shape in shapes.subjects(SH.targetClass, cls):
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            if path is None:
                continue
            low, high = shapes.value(prop, SH.minCount), shapes.value(prop, SH.maxCount)
            card = f"{low or 0}..{high if high is not None else '*'}"
            kind = shapes.value(prop, SH["class"]) or shapes.value(prop, SH.datatype)
            kind_text = escape(shorten(str(kind))) if kind is not None else ""
            lines.append(f"<code>{escape(shorten(str(path)))}</code> {card} {kind_text}")
    return "<br>".join(sorted(lines))


def render(ontology: Graph, shapes: Graph | None = None) -> str:
    """The HTML documentation of the ontology graph (vnru.ttl + vocabularies.ttl)."""
    shapes = shapes or Graph()
    onto = URIRef(ONTOLOGY_IRI)
    title = _text(ontology, onto, DCTERMS.title, "en")
    classes = _iris(
        s for s in ontology.subjects(RDF.type, OWL.Class) if str(s).startswith(str(VNRU))
    )
    props = _iris(
        s
        for kind in (OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in ontology.subjects(RDF.type, kind)
        if str(s).startswith(str(VNRU))
    )
    header_rows = [
        ("IRI", escape(str(onto))),
        ("Version", escape(str(ontology.value(onto, OWL.versionInfo) or ""))),
        ("Version IRI", escape(str(ontology.value(onto, OWL.versionIRI) or ""))),
        ("Preferred prefix", _code(ontology.value(onto, VANN.preferredNamespacePrefix))),
        ("Namespace", escape(str(ontology.value(onto, VANN.preferredNamespaceUri) or ""))),
        ("Created", escape(str(ontology.value(onto, DCTERMS.created) or ""))),
        ("Modified", escape(str(ontology.value(onto, DCTERMS.modified) or ""))),
        ("License", escape(str(ontology.value(onto, DCTERMS.license) or ""))),
    ]
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="vi">{escape(_text(ontology, onto, DCTERMS.title, "vi"))}</p>',
        f"<p>{escape(_text(ontology, onto, DCTERMS.description, 'en'))}</p>",
        f'<p class="vi">{escape(_text(ontology, onto, DCTERMS.description, "vi"))}</p>',
        "<table>"
        + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in header_rows)
        + "</table>",
        "<nav><h2>Contents</h2><h3>Classes</h3><ul>",
        *(f"<li>{_link(c)}</li>" for c in classes),
        "</ul><h3>Properties</h3><ul>",
        *(f"<li>{_link(p)}</li>" for p in props),
        '</ul></nav><h2 id="classes">Classes</h2>',
    ]
    for cls in classes:
        parts.append(
            _term(
                ontology,
                cls,
                [
                    ("Subclass of", _links(ontology.objects(cls, RDFS.subClassOf))),
                    ("Subclasses", _links(ontology.subjects(RDFS.subClassOf, cls))),
                    ("Shape (SHACL)", _shape_rows(shapes, cls)),
                ],
            )
        )
    parts.append('<h2 id="properties">Properties</h2>')
    for prop in props:
        kind = "object" if (prop, RDF.type, OWL.ObjectProperty) in ontology else "datatype"
        parts.append(
            _term(
                ontology,
                prop,
                [
                    ("Kind", f"{kind} property"),
                    ("Sub-property of", _links(ontology.objects(prop, RDFS.subPropertyOf))),
                    ("Domain", _links(ontology.objects(prop, RDFS.domain))),
                    ("Range", _links(ontology.objects(prop, RDFS.range))),
                    ("Inverse", _links(ontology.objects(prop, OWL.inverseOf))),
                ],
            )
        )
    parts.append('<h2 id="vocabularies">Controlled vocabularies</h2>')
    for scheme in _iris(ontology.subjects(RDF.type, SKOS.ConceptScheme)):
        name = _text(ontology, scheme, SKOS.prefLabel, "en")
        parts.append(
            f'<h3>{escape(name)} <span class="vi">· '
            f"{escape(_text(ontology, scheme, SKOS.prefLabel, 'vi'))}</span></h3>"
            f'<p class="meta"><code>{escape(shorten(str(scheme)))}</code> — '
            f"{escape(_text(ontology, scheme, SKOS.definition, 'en'))}</p><table>"
            "<tr><th>Concept</th><th>English</th><th>Tiếng Việt</th><th>Definition</th></tr>"
        )
        for concept in _iris(ontology.subjects(SKOS.inScheme, scheme)):
            parts.append(
                f"<tr><td><code>{escape(shorten(str(concept)))}</code></td>"
                f"<td>{escape(_text(ontology, concept, SKOS.prefLabel, 'en'))}</td>"
                f"<td>{escape(_text(ontology, concept, SKOS.prefLabel, 'vi'))}</td>"
                f"<td>{escape(_text(ontology, concept, SKOS.definition, 'en'))}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
