"""The graph's statistical observations as chartable series, with the evidence of each point.

An *indicator* (``vnrv:trade-turnover``) is one chart; its observations fall into *lines* by
who reports them and about whom or what (reporter → partner, subject, commodity, category) and
into *panels* by unit, so that figures in different units never share an axis. Each point keeps
the date at the precision its source gives: a ``xsd:gYear`` spans its year, a ``xsd:gYearMonth``
its month, a ``startDate``/``endDate`` pair its period; a period inside one year that is not the
whole year ("11 months of 2024") is *part of a year* and marked as such. Qualifiers (about, more
than, nearly) and units travel with the value; two figures for the same line and period, and
every recorded ``vnru:Discrepancy`` that involves a point, are marked, never averaged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from ..infer import superclasses
from ..namespaces import QB, VNRU, shorten
from ..periods import Period, period_of

#: The dimensions that split an indicator's observations into lines.
LINE_KEYS = (VNRU.reporter, VNRU.partner, VNRU.subject, VNRU.commodity, VNRU.category)
#: Indicators that count both ways between reporter and partner (their definitions say so):
#: which side a source names first does not make another line.
TWO_WAY = {"trade-turnover"}


@dataclass(frozen=True)
class Evidence:
    """One citation of a point: the source's exact words and the curators' translation."""

    quote: str
    source: str
    source_id: str
    translation: str = ""
    via: str = ""
    quote_lang: str = "vi"


@dataclass(frozen=True)
class Flag:
    """A disagreement a point is part of: a recorded discrepancy or two figures for one period."""

    id: str
    label_en: str
    label_vi: str
    note: str = ""


@dataclass
class Point:
    """One figure as its source states it."""

    id: str
    line: str
    unit: str
    value: float
    value_text: str
    period: Period
    qualifier_en: str = ""
    qualifier_vi: str = ""
    unit_en: str = ""
    unit_vi: str = ""
    as_written: str = ""
    note: str = ""
    growth: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(e.source for e in self.evidence))


@dataclass
class Line:
    """The points of one indicator that belong together: one reporter, partner, subject …"""

    key: str
    label_en: str
    label_vi: str


@dataclass
class Indicator:
    """Everything one chart draws: an indicator's points, split into lines and units."""

    slug: str
    iri: str
    label_en: str
    label_vi: str
    definition: str
    definition_vi: str
    theme: str
    theme_en: str
    theme_vi: str
    lines: dict[str, Line] = field(default_factory=dict)
    points: list[Point] = field(default_factory=list)
    units: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def years(self) -> tuple[int | None, int | None]:
        starts = [p.period.start.year for p in self.points if p.period.start]
        ends = [(p.period.end - timedelta(days=1)).year for p in self.points if p.period.end]
        return (min(starts), max(ends or starts)) if starts else (None, None)


def compact_number(value: float) -> str:
    """A number as a headline writes it: 4.5 bn, 302.9 m, 52,000, 81.5."""
    magnitude = abs(value)
    for size, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " m")):
        if magnitude >= size:
            return f"{value / size:,.3g}{suffix}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.3g}"


def format_value(text: str) -> str:
    """A decimal as people read it: thousands separated, no trailing ``.0``."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number.normalize():,f}"


# ---------------------------------------------------------------------------------------------
# Reading the graph
# ---------------------------------------------------------------------------------------------


class _Labels:
    """English and Vietnamese labels of terms, from the facts first, then the ontology."""

    def __init__(self, facts: Graph, terms: Graph):
        self.graphs = (facts, terms)
        self.cache: dict[Node, tuple[str, str]] = {}
        self.short_cache: dict[Node, tuple[str, str]] = {}

    def short(self, node: Node | None) -> tuple[str, str]:
        """A state's shortest name in each language ("Russia", "Nga"), else its label."""
        if node is None:
            return "", ""
        if node not in self.short_cache:
            en, vi = self(node)
            if (node, RDF.type, VNRU.State) in self.graphs[0]:
                names = {"en": [en], "vi": [vi]}
                for alias in self.graphs[0].objects(node, SKOS.altLabel):
                    if isinstance(alias, Literal) and alias.language in names and len(alias) > 3:
                        names[alias.language].append(str(alias))
                en = min(names["en"], key=lambda n: (len(n), n))
                vi = min(names["vi"], key=lambda n: (len(n), n))
            self.short_cache[node] = (en, vi)
        return self.short_cache[node]

    def __call__(self, node: Node | None) -> tuple[str, str]:
        if node is None:
            return "", ""
        if node not in self.cache:
            self.cache[node] = self._find(node)
        return self.cache[node]

    def _find(self, node: Node) -> tuple[str, str]:
        found: dict[str, str] = {}
        for graph in self.graphs:
            for prop in (SKOS.prefLabel, RDFS.label):
                for lit in sorted(graph.objects(node, prop), key=str):
                    if isinstance(lit, Literal):
                        found.setdefault(lit.language or "", str(lit))
            if found:
                break
        en = found.get("en") or found.get("") or found.get("vi")
        vi = found.get("vi") or found.get("") or found.get("en")
        if en is None:
            local = re.split(r"[#/]", str(node).rstrip("/"))[-1]
            return local.replace("-", " "), local.replace("-", " ")
        return en, vi or en

    def text(self, node: Node | None, lang: str = "en") -> str:
        """The definition in ``lang``, in plain words (see :func:`plain`)."""
        for graph in self.graphs:
            for lit in sorted(graph.objects(node, SKOS.definition), key=str):
                if isinstance(lit, Literal) and lit.language == lang:
                    return plain(str(lit))
        return ""


#: A prefixed name of the ontology or its vocabularies (``vnru:growthBasis``, ``vnrv:percent``).
_CURIE = r"\bvnr[a-z]*:[A-Za-z]"
_CURIE_ASIDE = re.compile(r"\s*\([^()]*" + _CURIE + r"[^()]*\)")
_CURIE_CLAUSE = re.compile(r",[^,:;()]*" + _CURIE + r"[^,:;()]*(?=[,:;.])")


def plain(definition: str) -> str:
    """A definition for readers of a chart: the asides and clauses that name the ontology's
    terms (written for curators: "(unit vnrv:percent, also vnru:growthPercent)", ", against
    vnru:growthBasis") are left out."""
    return _CURIE_CLAUSE.sub("", _CURIE_ASIDE.sub("", definition))


def _one(graph: Graph, node: Node, prop: URIRef) -> Node | None:
    found = sorted(graph.objects(node, prop), key=str)
    return found[0] if found else None


def _text(graph: Graph, node: Node, prop: URIRef, lang: str | None = None) -> str:
    for lit in sorted(graph.objects(node, prop), key=str):
        if isinstance(lit, Literal) and (lang is None or lit.language in (lang, None)):
            return str(lit)
    return ""


def observation_classes(terms: Graph) -> set[Node]:
    """``vnru:Observation`` and every class below it."""
    supers = superclasses(terms)
    return {VNRU.Observation, *(c for c, up in supers.items() if VNRU.Observation in up)}


def read_indicators(facts: Graph, terms: Graph) -> list[Indicator]:
    """Every indicator with observations in ``facts``: the themes with the most figures first,
    and in each theme the indicators with the most figures first."""
    labels = _Labels(facts, terms)
    classes = observation_classes(terms)
    observations = sorted(
        {o for cls in classes for o in facts.subjects(RDF.type, cls) if isinstance(o, URIRef)},
        key=str,
    )
    flags = _recorded_flags(facts, labels)
    indicators: dict[Node, Indicator] = {}
    for obs in observations:
        indicator = _one(facts, obs, VNRU.indicator)
        value = _one(facts, obs, VNRU.value)
        if indicator is None or not isinstance(value, Literal):
            continue
        if indicator not in indicators:
            indicators[indicator] = _indicator(facts, obs, indicator, labels)
        _add_point(indicators[indicator], facts, obs, value, labels, flags.get(obs, []))
    sizes: dict[str, int] = {}
    for ind in indicators.values():
        sizes[ind.theme] = sizes.get(ind.theme, 0) + len(ind.points)
    result = sorted(
        indicators.values(),
        key=lambda i: (-sizes[i.theme], i.theme, -len(i.points), i.label_en.lower(), i.slug),
    )
    for ind in result:
        _flag_conflicts(ind)
        ind.points.sort(key=lambda p: (p.line, p.period.start or date.min, p.id))
    return result


def _indicator(facts: Graph, obs: Node, indicator: Node, labels: _Labels) -> Indicator:
    dataset = _one(facts, obs, QB.dataSet)
    theme_en, theme_vi = (
        labels(dataset) if dataset is not None else ("Other figures", "Số liệu khác")
    )
    slug = re.split(r"[#/]", str(indicator).rstrip("/"))[-1]
    en, vi = labels(indicator)
    return Indicator(
        slug=slug,
        iri=str(indicator),
        label_en=en[:1].upper() + en[1:],
        label_vi=vi[:1].upper() + vi[1:],
        definition=labels.text(indicator),
        definition_vi=labels.text(indicator, "vi"),
        theme=shorten(str(dataset)) if dataset is not None else "~other",
        theme_en=theme_en,
        theme_vi=theme_vi,
    )


def _line(indicator: Indicator, facts: Graph, obs: Node, labels: _Labels) -> str:
    parts = [_one(facts, obs, prop) for prop in LINE_KEYS]
    two_way = indicator.slug in TWO_WAY
    if two_way:
        parts[:2] = sorted(parts[:2], key=lambda n: str(n) if n is not None else "")
    key = "|".join(shorten(str(p)) if p is not None else "" for p in parts)
    if key not in indicator.lines:
        reporter, partner, subject, commodity, category = parts
        names = []
        for lang in (0, 1):
            sides = [labels.short(n)[lang] for n in (reporter, partner) if n is not None]
            text = (" – " if two_way else " → ").join(sides) if sides else labels(subject)[lang]
            extra = [labels(n)[lang] for n in (commodity, category) if n is not None]
            if extra:
                text = f"{text} ({', '.join(extra)})" if text else ", ".join(extra)
            names.append(text or indicator.label_en)
        indicator.lines[key] = Line(key, names[0], names[1])
    return key


def _add_point(
    ind: Indicator, facts: Graph, obs: URIRef, value: Literal, labels: _Labels, flags: list[Flag]
) -> None:
    unit = _one(facts, obs, VNRU.unit)
    unit_key = shorten(str(unit)) if unit is not None else ""
    ind.units.setdefault(unit_key, labels(unit) if unit is not None else ("", ""))
    qualifier = _one(facts, obs, VNRU.valueQualifier)
    q_en, q_vi = labels(qualifier) if qualifier is not None else ("", "")
    u_en, u_vi = ind.units[unit_key]
    dates = [_text(facts, obs, p) or None for p in (VNRU.date, VNRU.startDate, VNRU.endDate)]
    point = Point(
        id=shorten(str(obs)),
        line=_line(ind, facts, obs, labels),
        unit=unit_key,
        value=float(value),
        value_text=format_value(str(value)),
        period=period_of(*dates),
        qualifier_en=q_en,
        qualifier_vi=q_vi,
        unit_en=u_en,
        unit_vi=u_vi,
        as_written=_text(facts, obs, VNRU.dateAsWritten),
        note=_text(facts, obs, VNRU.note, "en"),
        growth=_growth(facts, obs, labels),
        evidence=_evidence(facts, obs, labels),
        flags=list(flags),
    )
    ind.points.append(point)


def _growth(facts: Graph, obs: Node, labels: _Labels) -> str:
    parts = []
    for prop, sign in ((VNRU.growthPercent, "%"), (VNRU.growthFactor, "×")):
        found = _one(facts, obs, prop)
        if found is not None:
            basis = _one(facts, obs, VNRU.growthBasis)
            text = f"{format_value(str(found))}{sign}"
            parts.append(f"{text} vs {labels(basis)[0]}" if basis is not None else text)
    return "; ".join(parts)


def _evidence(facts: Graph, node: Node, labels: _Labels) -> list[Evidence]:
    found = []
    for cited in facts.objects(node, VNRU.citation):
        source = _one(facts, cited, VNRU.source)
        via = _one(facts, cited, VNRU.viaReference)
        quote = _one(facts, cited, VNRU.quote)
        found.append(
            Evidence(
                quote=str(quote or ""),
                source=labels(source)[1] if source is not None else "",
                source_id=shorten(str(source)) if source is not None else "",
                translation=_text(facts, cited, VNRU.translation, "en"),
                via=labels(via)[1] if via is not None else "",
                quote_lang=(quote.language or "") if isinstance(quote, Literal) else "",
            )
        )
    return sorted(set(found), key=lambda e: (e.source_id, e.quote))


def _recorded_flags(facts: Graph, labels: _Labels) -> dict[Node, list[Flag]]:
    """Each fact involved in a ``vnru:Discrepancy``, with the discrepancy's label and note."""
    flags: dict[Node, list[Flag]] = {}
    for disc in sorted(set(facts.subjects(RDF.type, VNRU.Discrepancy)), key=str):
        en, vi = labels(disc)
        flag = Flag(shorten(str(disc)), en, vi, _text(facts, disc, VNRU.note, "en"))
        for fact in facts.objects(disc, VNRU.involves):
            flags.setdefault(fact, []).append(flag)
    return flags


def _flag_conflicts(ind: Indicator) -> None:
    """Mark two or more different figures for the same line, unit and period."""
    groups: dict[tuple, list[Point]] = {}
    for point in ind.points:
        if point.period.start is not None:
            key = (point.line, point.unit, point.period.start, point.period.end)
            groups.setdefault(key, []).append(point)
    for members in groups.values():
        if len({p.value for p in members}) < 2:
            continue
        label = members[0].period.label_en
        flag = Flag(
            f"conflict:{members[0].line}:{label}",
            f"{len(members)} different figures for {label}",
            f"{len(members)} số liệu khác nhau cho {members[0].period.label_vi}",
            "; ".join(f"{p.value_text} ({', '.join(p.sources)})" for p in members),
        )
        for point in members:
            if not any(f.id == flag.id for f in point.flags):
                point.flags.append(flag)


def find_indicator(indicators: Iterable[Indicator], name: str) -> Indicator | None:
    """The indicator whose slug, IRI or prefixed name is ``name``."""
    for ind in indicators:
        if name in (ind.slug, ind.iri, shorten(ind.iri)):
            return ind
    return None
