"""Validate the project: strict Turtle, known terms, SHACL shapes, verbatim quotes, translations,
names written one way, rule queries.

:func:`validate` runs every check and returns a :class:`Report`; nothing is raised for bad data,
so a curator sees all problems at once. Each problem names the file (and line, where it can be
found), the subject and what is wrong.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SH, SKOS

from .datatypes import problem as datatype_problem
from .errors import TurtleSyntaxError, VnrukgError
from .infer import inferences
from .namespaces import VNRD, VNRU, VNRV, bind_prefixes, shorten
from .project import Project, find_project
from .quotes import check_quotes, read_sources
from .sparql import list_queries, make_engine, to_rdflib
from .store import CURATED, ONTOLOGY, SHAPES, parse_turtle, part_of, relative_iris
from .translations import _VIETNAMESE_WORD, check_translations, needs_translating

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding: which check, where, about what, and what is wrong."""

    check: str
    message: str
    file: str | None = None
    line: int | None = None
    subject: str | None = None
    severity: str = ERROR

    def render(self) -> str:
        where = self.file or "-"
        if self.line:
            where += f":{self.line}"
        subject = f" {self.subject}:" if self.subject else ""
        tag = "" if self.severity == ERROR else " (warning)"
        return f"{where}:{subject} {self.message} [{self.check}]{tag}"


@dataclass
class Report:
    """Everything :func:`validate` found, with counts of what was checked."""

    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    sources_folder: Path | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors


class _Locator:
    """Finds the file and line where a subject is described."""

    def __init__(self, project: Project, parts: dict[Path, Graph]):
        self.project = project
        self.parts = parts
        self.lines = {p: p.read_text(encoding="utf-8").splitlines() for p in parts}
        self.parents = {}
        for graph in parts.values():
            for fact, citation in graph.subject_objects(VNRU.citation):
                self.parents[citation] = fact

    def owner(self, node: Any) -> Any:
        """The named node a skolemized node hangs from (a citation's fact)."""
        seen = set()
        while node in self.parents and node not in seen:
            seen.add(node)
            node = self.parents[node]
        return node

    def find(self, node: Any) -> tuple[str | None, int | None]:
        """The file and line of a node: for a citation, the file that holds it and the line of
        its quote; otherwise the first file that describes the node, at its subject line."""
        if node in self.parents:
            for path, graph in self.parts.items():
                if (self.parents[node], VNRU.citation, node) in graph:
                    quote = graph.value(node, VNRU.quote)
                    line = self._quote_line(path, str(quote)) if quote is not None else None
                    return self.project.relative(path), line or self._line(path, self.owner(node))
        node = self.owner(node)
        for path, graph in self.parts.items():
            if (node, None, None) in graph:
                return self.project.relative(path), self._line(path, node)
        return None, None

    def literal_line(
        self, node: Any, prop: URIRef, literal: Literal
    ) -> tuple[str | None, int | None]:
        """The file and line where ``node prop literal`` is written (the line of the literal
        after the node's subject line), else where the node is described."""
        escaped = str(literal).replace("\\", "\\\\").replace('"', '\\"')
        shown = f'"{escaped}"@{literal.language}' if literal.language else f'"{escaped}"'
        for path, graph in self.parts.items():
            if (node, prop, literal) not in graph:
                continue
            start = self._line(path, node) or 1
            for number, text in enumerate(self.lines[path][start - 1 :], start=start):
                if shown in text:
                    return self.project.relative(path), number
            return self.project.relative(path), self._line(path, node)
        return self.find(node)

    def _quote_line(self, path: Path, quote: str) -> int | None:
        head = quote.split("\n", 1)[0][:40].replace('"', '\\"')
        for number, text in enumerate(self.lines[path], start=1):
            if "vnru:quote" in text and head in text:
                return number
        return None

    def _line(self, path: Path, node: Any) -> int | None:
        short = shorten(str(node))
        patterns = [re.escape(f"<{node}>")]
        if short != str(node):
            patterns.insert(0, re.escape(short) + r"(?=[\s;.,])")
        regex = re.compile(r"^\s*(?:" + "|".join(patterns) + ")")
        for number, text in enumerate(self.lines[path], start=1):
            if regex.match(text):
                return number
        return None


def _parse_all(project: Project, report: Report) -> dict[Path, Graph]:
    parts: dict[Path, Graph] = {}
    for path in project.ontology_files() + project.graph_files():
        shown = project.relative(path)
        try:
            parts[path] = parse_turtle(path, shown)
        except TurtleSyntaxError as exc:
            report.problems.append(Problem("syntax", str(exc).split(": ", 1)[1], shown, exc.line))
            continue
        except VnrukgError as exc:
            report.problems.append(Problem("syntax", str(exc), shown))
            continue
        for iri in relative_iris(parts[path]):
            report.problems.append(
                Problem("syntax", f"relative IRI <{iri}>: write full IRIs or prefixed names", shown)
            )
    report.counts["files"] = len(parts)
    return parts


def _defined_terms(ontology: Graph) -> set[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property, SKOS.Concept)
    terms = {s for kind in kinds for s in ontology.subjects(RDF.type, kind)}
    terms |= set(ontology.subjects(RDF.type, SKOS.ConceptScheme))
    terms |= set(ontology.subjects(RDF.type, VNRU.DataSet))
    return {t for t in terms if isinstance(t, URIRef)}


def _check_terms(data: Graph, ontology: Graph, locator: _Locator, report: Report) -> None:
    """Unknown vnru:/vnrv: terms (typos) and vnrd: IRIs used but never described."""
    defined = _defined_terms(ontology)
    described = {s for s in data.subjects(RDF.type, None) if isinstance(s, URIRef)}
    seen: set[tuple[Any, URIRef]] = set()
    for s, p, o in data:
        for term, role in ((p, "property"), (o, "value")):
            if not isinstance(term, URIRef) or (s, term) in seen:
                continue
            text = str(term)
            unknown = (text.startswith((str(VNRU), str(VNRV))) and term not in defined) or (
                role == "value"
                and text.startswith(str(VNRD))
                and term not in described
                and p != VNRU.citation
            )
            if unknown:
                seen.add((s, term))
                file, line = locator.find(s)
                what = "undefined term" if not text.startswith(str(VNRD)) else "undescribed entity"
                report.problems.append(
                    Problem(
                        "terms",
                        f"{what} {shorten(text)} (typo? not in the ontology or graph)",
                        file,
                        line,
                        shorten(str(locator.owner(s))),
                    )
                )


def _shacl_findings(results: Graph, shapes: Graph) -> Iterator[tuple[Any, Any]]:
    """Yield ``(result, focus)`` for the results worth showing.

    A result whose shape has its own ``sh:message`` is shown as it is; one without (a plain
    ``sh:node`` composition) is replaced by the nested results in its ``sh:detail``.
    """
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if (None, SH.detail, result) in results:
            continue
        focus = results.value(result, SH.focusNode)
        todo = [result]
        while todo:
            current = todo.pop()
            details = list(results.objects(current, SH.detail))
            shape = results.value(current, SH.sourceShape)
            if details and (shape is None or shapes.value(shape, SH.message) is None):
                todo.extend(details)
            else:
                yield current, focus


def _ill_typed(value: Literal) -> bool:
    datatype = value.datatype
    return datatype is not None and datatype_problem(str(value), str(datatype)) is not None


def _check_shapes(union: Graph, shapes: Graph, locator: _Locator, report: Report) -> None:
    _conforms, results, _text = shacl_validate(
        union, shacl_graph=shapes, inference="none", allow_warnings=True, advanced=True
    )
    count = 0
    for result, focus in _shacl_findings(results, shapes):
        count += 1
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        value = results.value(result, SH.value)
        if isinstance(value, Literal) and (value.ill_typed or _ill_typed(value)):
            continue  # the datatype check reports it, with the literal as written
        severity = results.value(result, SH.resultSeverity)
        text = str(message) if message is not None else "does not conform"
        if path is not None and isinstance(path, URIRef):
            text = f"{shorten(str(path))}: {text}"
        if value is not None and value != focus and isinstance(value, Literal | URIRef):
            shown = value if isinstance(value, Literal) else shorten(str(value))
            text += f" (value: {shown})"
        file, line = locator.find(focus)
        report.problems.append(
            Problem(
                "shacl",
                text,
                file,
                line,
                shorten(str(locator.owner(focus))),
                ERROR if severity == SH.Violation else WARNING,
            )
        )
    report.counts["shacl_results"] = count


def _check_quotes(union: Graph, sources: Path | None, locator: _Locator, report: Report) -> None:
    if sources is None:
        report.problems.append(
            Problem(
                "quotes",
                "no sources folder: quotes not checked (pass --sources DIR)",
                severity=WARNING,
            )
        )
        return
    result = check_quotes(union, read_sources(sources))
    report.counts["quotes"] = result.checked
    report.counts["quotes_verified"] = len(result.offsets)
    for problem in result.problems:
        file, line = locator.find(problem.citation)
        quote = problem.quote if len(problem.quote) <= 90 else problem.quote[:87] + "…"
        report.problems.append(
            Problem(
                "quotes",
                f"{problem.problem}: “{quote}”",
                file,
                line,
                shorten(str(locator.owner(problem.citation))),
            )
        )


def _check_datatypes(project: Project, parts: dict[Path, Graph], report: Report) -> None:
    """Every literal typed with an XSD datatype must be a valid value of it, as written."""
    checked = 0
    for path in parts:
        lines = path.read_text(encoding="utf-8").splitlines()
        quads = list(pyoxigraph.parse(path.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE))
        parents = {q.object: q.subject for q in quads if isinstance(q.object, pyoxigraph.BlankNode)}
        for quad in quads:
            literal = quad.object
            if not isinstance(literal, pyoxigraph.Literal) or literal.language:
                continue
            checked += 1
            reason = datatype_problem(literal.value, literal.datatype.value)
            if reason is None:
                continue
            owner = quad.subject
            while isinstance(owner, pyoxigraph.BlankNode) and owner in parents:
                owner = parents[owner]
            shown = f'"{literal.value}"^^{shorten(literal.datatype.value)}'
            line = next((n for n, text in enumerate(lines, 1) if shown in text), None)
            subject = shorten(owner.value) if isinstance(owner, pyoxigraph.NamedNode) else None
            report.problems.append(
                Problem("datatype", f"{shown} is {reason}", project.relative(path), line, subject)
            )
    report.counts["typed_literals"] = checked


def _check_translations(union: Graph, locator: _Locator, report: Report) -> None:
    problems = check_translations(union)
    report.counts["translations"] = len(set(union.subjects(VNRU.translation)))
    for problem in problems:
        file, line = locator.find(problem.citation)
        subject = shorten(str(locator.owner(problem.citation)))
        report.problems.append(Problem("translations", problem.problem, file, line, subject))


#: A letter only Vietnamese writes: ă â đ ê ô ơ ư, and vowels with a hook above, a dot below,
#: a tilde on i, u or y, or two marks. (à á è é ì í ò ó ù ú ý ã õ are left out: other
#: languages write them too.)
_VIETNAMESE_ONLY = re.compile(
    r"[ăâđêôơưảạằắẳẵặầấẩẫậẻẽẹềếểễệỉĩịỏọồốổỗộờớởỡợủũụừứửữựỳỷỹỵ]", re.IGNORECASE
)


def ascii_name(text: str) -> str:
    """A name without its diacritics, case kept (``Tô Lâm`` → ``To Lam``, ``Đặng`` → ``Dang``)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def _vietnamese_states(union: Graph) -> set[URIRef]:
    """Vietnam and the states it succeeded or was succeeded by (the DRV), transitively."""
    states, todo = set(), [VNRD.vietnam]
    while todo:
        state = todo.pop()
        if state in states:
            continue
        states.add(state)
        for prop in (VNRU.successorOf, VNRU.succeededBy):
            todo += [s for s in union.objects(state, prop) if isinstance(s, URIRef)]
            todo += [s for s in union.subjects(prop, state) if isinstance(s, URIRef)]
    return states


def _name_problems(
    union: Graph, entity: URIRef, vietnamese: set[URIRef]
) -> list[tuple[str, Literal | None]]:
    """The naming problems of one entity, each with the English label at fault (if any)."""
    labels = [o for o in union.objects(entity, SKOS.prefLabel) if isinstance(o, Literal)]
    english = sorted(o for o in labels if (o.language or "").lower() == "en")
    if not english:
        if (entity, VNRU.sourceFile, None) in union:
            return []  # a curated article may go by its own (Vietnamese) title alone
        return [("no English skos:prefLabel (@en): every entity has a name in English", None)]
    found: list[tuple[str, Literal | None]] = []
    nationalities = set(union.objects(entity, VNRU.nationality))
    person = (entity, RDF.type, VNRU.Person) in union and bool(nationalities)
    in_vietnamese = {
        unicodedata.normalize("NFC", str(o)) for o in labels if (o.language or "").lower() == "vi"
    }
    aliases = {
        unicodedata.normalize("NFC", str(o))
        for o in union.objects(entity, SKOS.altLabel)
        if isinstance(o, Literal) and (o.language or "").lower() == "en"
    }
    for label in english:
        text = unicodedata.normalize("NFC", str(label))
        if needs_translating(text):
            words = ", ".join(w for w in _VIETNAMESE_WORD.findall(text) if not w.istitle())
            found.append(
                (
                    f"English label “{text}” has Vietnamese words ({words}): write it in "
                    "English, and put an original name in a skos:altLabel @vi",
                    label,
                )
            )
        if not person:
            continue
        if nationalities & vietnamese:
            if in_vietnamese and text not in in_vietnamese:
                found.append(
                    (
                        f"English label “{text}” of a Vietnamese person is not the Vietnamese "
                        f"label “{min(in_vietnamese)}”: write the name with its diacritics",
                        label,
                    )
                )
            plain = ascii_name(text)
            if plain != text and plain not in aliases:
                found.append(
                    (
                        f"English label “{text}” of a Vietnamese person needs its ASCII form "
                        f"“{plain}” as a skos:altLabel @en",
                        label,
                    )
                )
        elif letters := sorted(set(_VIETNAMESE_ONLY.findall(text))):
            found.append(
                (
                    f"English label “{text}” of a person who is not Vietnamese has letters only "
                    f"Vietnamese writes ({' '.join(letters)}): write the name's usual English "
                    "spelling, and keep the source's form as a skos:altLabel @vi",
                    label,
                )
            )
    return found


def _check_names(union: Graph, locator: _Locator, report: Report) -> None:
    """One way to write names: every ``vnrd:`` entity with a label has an English one, written
    in English; Vietnamese people keep their diacritics in English, with the ASCII form as an
    English alias; other people are written without Vietnamese letters.

    (a) every ``vnrd:`` entity with a ``skos:prefLabel`` has one in English (the curated
    articles, with a ``vnru:sourceFile``, may go by their own Vietnamese title alone); (b) an
    English label has no lower-case or all-capital word with a Vietnamese letter (words in Title
    Case are names: :func:`vnrukg.translations.needs_translating`); (c) for a person of
    Vietnamese nationality (Vietnam or a state it succeeded), it is the Vietnamese label, and
    its ASCII form, if different, is an English ``skos:altLabel``; (d) for a person of another
    nationality, it has no letter only Vietnamese writes.
    """
    vietnamese = _vietnamese_states(union)
    entities = {s for s in union.subjects(SKOS.prefLabel) if isinstance(s, URIRef)}
    checked = 0
    for entity in sorted(entities, key=str):
        if not str(entity).startswith(str(VNRD)):
            continue
        checked += 1
        for message, literal in _name_problems(union, entity, vietnamese):
            if literal is None:
                file, line = locator.find(entity)
            else:
                file, line = locator.literal_line(entity, SKOS.prefLabel, literal)
            report.problems.append(Problem("names", message, file, line, shorten(str(entity))))
    report.counts["named_entities"] = checked


def _check_rules(union: Graph, project: Project, locator: _Locator, report: Report) -> None:
    rules = [q for q in list_queries(project) if q.name.endswith("-violation")]
    report.counts["rules"] = len(rules)
    engine = make_engine(union, "rdflib")
    for rule in rules:
        result = engine.query(rule.text)
        for row in result.records():
            values = {k: to_rdflib(v) for k, v in row.items() if v is not None}
            focus = values.get("subject") or values.get("s") or next(iter(values.values()), None)
            message = str(values.get("message") or rule.title)
            file, line = locator.find(focus) if isinstance(focus, URIRef) else (None, None)
            subject = shorten(str(locator.owner(focus))) if isinstance(focus, URIRef) else None
            report.problems.append(Problem(f"rule {rule.name}", message, file, line, subject))


def validate(
    project: Project | None = None, sources: Path | None = None, *, shacl: bool = True
) -> Report:
    """Run every check on the project and report what fails."""
    project = project or find_project()
    report = Report(sources_folder=sources)
    parts = _parse_all(project, report)
    graphs = {ONTOLOGY: Graph(), CURATED: Graph(), SHAPES: Graph()}
    for path, part in parts.items():
        graphs[part_of(project, path)] += part
    ontology, data, shapes = graphs[ONTOLOGY], graphs[CURATED], graphs[SHAPES]
    union = ontology + data
    union += inferences(union)
    bind_prefixes(union)
    locator = _Locator(project, parts)
    report.counts["triples"] = len(data)
    _check_terms(data, ontology, locator, report)
    _check_datatypes(project, parts, report)
    if shacl:
        _check_shapes(union, shapes, locator, report)
    _check_quotes(union, sources, locator, report)
    _check_translations(union, locator, report)
    _check_names(union, locator, report)
    _check_rules(union, project, locator, report)
    return report
