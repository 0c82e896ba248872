"""Synthetic graphs of the curated graph's shape, at any size, for the benchmark.

The graph is made the way ``vnrukg`` loads the curated one: the project's ontology, facts in
its vocabulary — states, places, organisations, people, posts, tenures and memberships,
agreements (with replacements and anniversaries), partnerships, periods, cooperation mechanisms
and their sessions, events with places and participants, statements, arms transfers, projects,
observations of every dataset (trade, investment, education, people, arms), commodity flows
and discrepancies — each fact citing a quote of a source document, plus the triples
:func:`vnrukg.infer.inferences` derives from them. Every named query finds rows in it, and the
entities the queries take as default parameters (``vnrd:treaty-1994``,
``vnrd:phan-van-giang`` …) exist. Names are Vietnamese and English, with
diacritics. The same size and seed always give the same file.

Usage::

    python bench/generate.py --triples 100000 -o bench/data/synthetic-100k.nt
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from vnrukg.infer import inferences
from vnrukg.namespaces import ORG, QB, SCHEMA, VNRD, VNRU, VNRV
from vnrukg.project import Project
from vnrukg.sparql import fill
from vnrukg.store import parse_turtle

ROOT = Path(__file__).resolve().parents[1]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Xuân", "Ngọc", "Công"]
GIVEN = ["Giang", "Hùng", "Lan", "Mai", "Sơn", "Tâm", "Dũng", "Hải", "Bình", "An", "Phúc", "Lâm"]
RUSSIAN = [
    "Vladimir",
    "Ivan",
    "Sergey",
    "Andrey",
    "Dmitry",
    "Olga",
    "Natalia",
    "Mikhail",
    "Yuri",
    "Pavel",
]
SURNAMES = [
    "Putin",
    "Ivanov",
    "Petrov",
    "Belousov",
    "Lavrov",
    "Shoigu",
    "Sokolov",
    "Volkov",
    "Orlov",
]
AGREEMENTS = ["Treaty", "IntergovernmentalAgreement", "JointStatement", "Declaration",
              "Plan", "Memorandum", "Contract", "FreeTradeAgreement"]  # fmt: skip
EVENTS = ["StateVisit", "OfficialVisit", "WorkingVisit", "Talks", "Meeting", "PhoneCall",
          "Summit", "Forum", "Anniversary", "Ceremony"]  # fmt: skip
ORGS = ["GovernmentBody", "PoliticalParty", "ArmedForce", "Company", "ResearchInstitution",
        "EducationalInstitution", "MediaOrganization"]  # fmt: skip
INDICATORS = {  # indicator: (dataset, unit)
    "trade-turnover": ("trade", "usd"), "exports": ("trade", "usd"), "imports": ("trade", "usd"),
    "trade-balance": ("trade", "usd"), "investment-projects": ("investment", "project"),
    "investment-capital": ("investment", "usd"), "arms-imports-value": ("arms", "usd"),
    "tourist-arrivals": ("people", "person"), "students": ("education", "person"),
    "scholarships": ("education", "scholarship"), "arms-imports-share": ("arms", "percent"),
}  # fmt: skip
STATEMENT_KINDS = ["assessment", "commitment", "policy", "position", "quotation",
                   "recommendation", "request", "agreed-orientation"]  # fmt: skip
COMMODITIES = ["coffee", "rice", "seafood", "machinery", "fertiliser", "textiles", "wheat"]
DISCREPANCY_KINDS = ["conflicting-figures", "conflicting-dates", "name-variant", "count-mismatch"]
# the entities the named queries take as default parameters, given to the first unit
DEFAULTS = {"agreement": "treaty-1994", "guest": "phan-van-giang",
            "event": "talks-2024-08-13-giang-belousov"}  # fmt: skip
FIELDS = ["defence", "economy-trade", "investment", "energy", "nuclear-energy",
          "education-training", "culture", "tourism", "science-technology", "security"]  # fmt: skip
WEAPONS = ["submarine", "fighter-aircraft", "tank", "frigate", "corvette", "radar", "sam-system"]


class Maker:
    """Adds the facts of one synthetic unit at a time to an rdflib graph."""

    def __init__(self, graph: Graph, rng: random.Random):
        self.g, self.rng = graph, rng
        self.states = [VNRD["vietnam"], VNRD["russia"], VNRD["soviet-union"]]
        self.sources: list[URIRef] = []
        self.agreements: list[URIRef] = []
        self.people: list[URIRef] = []
        self.places: list[URIRef] = []
        self.mechanisms: list[URIRef] = []
        self.partnerships: list[URIRef] = []
        self.sessions: dict[URIRef, int] = {}
        self.cited = 0

    def add(self, s, p, o) -> None:
        self.g.add((s, p, o))

    def labels(self, node: URIRef, vi: str, en: str, alt: str | None = None) -> None:
        self.add(node, SKOS.prefLabel, Literal(vi, lang="vi"))
        self.add(node, SKOS.prefLabel, Literal(en, lang="en"))
        if alt:
            self.add(node, SKOS.altLabel, Literal(alt, lang="en"))

    def cite(self, fact: URIRef, text: str) -> None:
        self.cited += 1
        citation = URIRef(f"{fact}/citation/{self.cited}")
        self.add(fact, VNRU.citation, citation)
        self.add(citation, VNRU.quote, Literal(text, lang="vi"))
        self.add(citation, VNRU.source, self.rng.choice(self.sources))

    def date(self, start: int = 1950, end: int = 2025) -> Literal:
        year = self.rng.randint(start, end)
        kind = self.rng.random()
        if kind < 0.2:
            return Literal(str(year), datatype=XSD.gYear)
        month = self.rng.randint(1, 12)
        if kind < 0.35:
            return Literal(f"{year}-{month:02d}", datatype=XSD.gYearMonth)
        return Literal(f"{year}-{month:02d}-{self.rng.randint(1, 28):02d}", datatype=XSD.date)

    def base(self, states: int) -> None:
        """The three real states, more synthetic states, and the first source documents."""
        for node, vi, en in (
            (self.states[0], "Việt Nam", "Socialist Republic of Vietnam"),
            (self.states[1], "Liên bang Nga", "Russian Federation"),
            (self.states[2], "Liên Xô", "Soviet Union"),
        ):
            self.add(node, RDF.type, VNRU.State)
            self.labels(node, vi, en)
        for i in range(states - 3):
            node = VNRD[f"state-{i}"]
            self.add(node, RDF.type, VNRU.State)
            self.labels(node, f"Quốc gia {i}", f"State {i}", f"Country {i}")
            self.states.append(node)
        for i in range(20):
            self.source(i)
        for i in range(max(10, states)):
            node = VNRD[f"place-{i}"]
            self.add(node, RDF.type, VNRU.Place)
            self.labels(node, f"Thành phố {i}", f"City {i}", f"Town {i}")
            self.add(node, VNRU.country, self.states[i % len(self.states)])
            self.cite(node, f"tại Thành phố {i}")
            self.places.append(node)

    def source(self, i: int) -> None:
        node = VNRD[f"source-s{i}"]
        self.add(node, RDF.type, self.rng.choice([VNRU.NewsArticle, VNRU.ScholarlyArticle]))
        title = f"Quan hệ Việt Nam - Liên bang Nga, bài {i}"
        self.add(node, DCTERMS.title, Literal(title, lang="vi"))
        self.add(node, SKOS.prefLabel, Literal(title, lang="vi"))
        self.add(node, DCTERMS.date, self.date(1990, 2025))
        self.add(node, VNRU.sourceFile, Literal(f"s{i:04d}.txt"))
        self.sources.append(node)

    def person(self, i: int, j: int) -> URIRef:
        node = VNRD[DEFAULTS["guest"] if (i, j) == (0, 0) else f"person-{i}-{j}"]
        if (i, j) == (0, 1):  # the name the search query looks for by default
            name, plain, state = "Vladimir Putin", "Vladimir Putin", self.states[1]
        elif self.rng.random() < 0.5:
            name = f"{self.rng.choice(FAMILY)} {self.rng.choice(MIDDLE)} {self.rng.choice(GIVEN)}"
            plain = name.encode("ascii", "ignore").decode() or name
            state = self.states[0]
        else:
            name = f"{self.rng.choice(RUSSIAN)} {self.rng.choice(SURNAMES)}"
            plain, state = name, self.states[1]
        self.add(node, RDF.type, VNRU.Person)
        self.labels(node, name, plain)
        self.add(node, VNRU.nationality, state)
        self.cite(node, f"đồng chí {name}")
        self.people.append(node)
        return node

    def unit(self, i: int) -> None:
        """One slice of everything: organisation, people, post, tenure, agreement, event…"""
        rng = self.rng
        if i % 25 == 0:
            self.source(len(self.sources))
        org = VNRD[f"org-{i}"]
        self.add(org, RDF.type, VNRU[rng.choice(ORGS)])
        self.labels(org, f"Cơ quan {i}", f"Organisation {i}")
        self.add(org, VNRU.country, rng.choice(self.states[:2]))
        self.cite(org, f"Cơ quan {i}")
        guest, host = self.person(i, 0), self.person(i, 1)
        post, tenure = VNRD[f"post-{i}"], VNRD[f"tenure-{i}"]
        self.add(post, RDF.type, VNRU.Post)
        self.labels(post, f"Bộ trưởng {i}", f"Minister {i}")
        self.add(post, ORG.postIn, org)
        self.add(post, ORG.role, VNRV["minister-of-defence"])
        self.cite(post, f"Bộ trưởng {i}")
        self.add(tenure, RDF.type, VNRU.Tenure)
        self.add(tenure, ORG.member, guest)
        self.add(tenure, VNRU.post, post)
        self.add(tenure, VNRU.startDate, self.date(1960, 2015))
        if rng.random() < 0.6:
            self.add(tenure, VNRU.endDate, self.date(2016, 2025))
        self.cite(tenure, f"Bộ trưởng {i} nhậm chức")
        self.membership(i, host, org)
        agreement = self.agreement(i, guest, host)
        event = self.event(i, guest, host, agreement)
        self.statement(i, guest, event)
        self.observation(i)
        if i % 3 == 0:
            self.arms(i)
        if i % 5 == 0:
            self.commodity_flow(i)
        if i % 10 == 0:
            self.project(i, org)
        if i % 20 == 0:
            self.discrepancy(i)
        if i % 30 == 0:
            self.partnership(i, agreement)
        if i % 40 == 0:
            self.period(i)
        if i % 50 == 0:
            self.mechanism(i)
        if self.mechanisms:
            self.session(i)

    def agreement(self, i: int, guest: URIRef, host: URIRef) -> URIRef:
        rng = self.rng
        node = VNRD[DEFAULTS["agreement"] if i == 0 else f"agreement-{i}"]
        self.add(node, RDF.type, VNRU[rng.choice(AGREEMENTS)])
        self.labels(node, f"Hiệp định số {i}", f"Agreement no. {i}")
        for party in rng.sample(self.states, 2):
            self.add(node, VNRU.party, party)
        signed = self.date()
        self.add(node, VNRU.dateSigned, signed)
        if rng.random() < 0.5:  # in force a year after signing
            year = int(str(signed)[:4]) + 1
            self.add(node, VNRU.dateInForce, Literal(str(year), datatype=XSD.gYear))
        self.add(node, VNRU.signatory, rng.choice([guest, host]))
        if self.agreements and (i == 1 or rng.random() < 0.2):
            self.add(node, VNRU.replaces, rng.choice(self.agreements[-50:]))
        if rng.random() < 0.1:
            self.add(
                node, VNRU.significance, Literal(f"the first agreement of kind {i % 7}", lang="en")
            )
        self.cite(node, f"ký Hiệp định số {i}")
        self.agreements.append(node)
        return node

    def event(self, i: int, guest: URIRef, host: URIRef, agreement: URIRef) -> URIRef:
        rng = self.rng
        node = VNRD[DEFAULTS["event"] if i == 0 else f"event-{i}"]
        kind = rng.choice(EVENTS)
        self.add(node, RDF.type, VNRU[kind])
        self.labels(node, f"Hội đàm {i}", f"Talks {i}")
        self.add(node, VNRU.date, self.date(1955, 2025))
        self.add(node, VNRU.guest, guest)
        self.add(node, VNRU.host, host)
        if rng.random() < 0.7:
            self.add(node, VNRU.field, VNRV[rng.choice(FIELDS)])
        if len(self.people) > 10 and rng.random() < 0.5:
            self.add(node, VNRU.participant, rng.choice(self.people[:-2]))
        if kind.endswith("Visit"):
            self.add(node, VNRU.destination, rng.choice(self.states[:2]))
        else:
            self.add(node, SCHEMA.location, rng.choice(self.places))
        if kind == "Anniversary":
            self.add(node, VNRU.anniversaryYears, Literal(rng.choice([10, 20, 25, 30, 50, 70])))
            self.add(node, VNRU.commemorates, agreement)
        if rng.random() < 0.05:
            self.add(
                node, VNRU.significance, Literal(f"the first meeting of kind {i % 5}", lang="en")
            )
        self.cite(node, f"Ngày {i}, hai bên đã hội đàm")
        return node

    def statement(self, i: int, speaker: URIRef, event: URIRef) -> None:
        rng = self.rng
        node = VNRD[f"stmt-{i}"]
        self.add(node, RDF.type, VNRU.Statement)
        self.add(node, VNRU.statedBy, speaker)
        self.add(node, VNRU.statementKind, VNRV[rng.choice(STATEMENT_KINDS)])
        self.add(node, VNRU.summary, Literal(f"Both sides agreed on point {i}.", lang="en"))
        self.add(node, VNRU.date, self.date(1990, 2025))
        self.add(node, VNRU.madeDuring, event)
        self.add(node, VNRU.field, VNRV[rng.choice(FIELDS)])
        self.cite(node, f"hai bên nhất trí về điểm {i}")

    def membership(self, i: int, member: URIRef, org: URIRef) -> None:
        node = VNRD[f"membership-{i}"]
        self.add(node, RDF.type, VNRU.Membership)
        self.add(node, ORG.member, member)
        self.add(node, ORG.organization, org)
        self.add(node, ORG.role, VNRV["member"])
        self.add(node, VNRU.startDate, self.date(1960, 2020))
        self.cite(node, f"thành viên của Cơ quan {i}")

    def commodity_flow(self, i: int) -> None:
        rng = self.rng
        node = VNRD[f"flow-{i}"]
        reporter, partner = rng.sample(self.states[:2], 2)
        self.add(node, RDF.type, VNRU.CommodityFlow)
        self.add(node, VNRU.reporter, reporter)
        self.add(node, VNRU.partner, partner)
        self.add(node, VNRU.indicator, VNRV[rng.choice(["exports", "imports"])])
        for commodity in rng.sample(COMMODITIES, 2):
            self.add(node, VNRU.commodity, VNRV[commodity])
        self.add(node, VNRU.date, Literal(str(rng.randint(1990, 2024)), datatype=XSD.gYear))
        self.cite(node, f"xuất khẩu mặt hàng {i}")

    def project(self, i: int, org: URIRef) -> None:
        rng = self.rng
        node = VNRD[f"project-{i}"]
        self.add(node, RDF.type, VNRU.Project)
        self.labels(node, f"Dự án {i}", f"Project {i}")
        self.add(node, VNRU.locatedIn, rng.choice(self.places))
        self.add(node, VNRU.participant, org)
        self.add(node, VNRU.field, VNRV[rng.choice(FIELDS)])
        self.cite(node, f"dự án {i} tại")

    def discrepancy(self, i: int) -> None:
        node = VNRD[f"discrepancy-{i}"]
        self.add(node, RDF.type, VNRU.Discrepancy)
        self.labels(node, f"Số liệu {i} không khớp", f"Figures {i} disagree")
        self.add(node, VNRU.discrepancyKind, VNRV[self.rng.choice(DISCREPANCY_KINDS)])
        self.add(node, VNRU.note, Literal(f"Two figures are given for item {i}.", lang="en"))
        self.add(node, VNRU.likelyReading, Literal(f"The later figure for item {i}.", lang="en"))
        for j in (i, i - 1):
            self.add(node, VNRU.involves, VNRD[f"obs-{j}"])
        self.cite(node, f"đạt số liệu {i}")

    def partnership(self, i: int, agreement: URIRef) -> None:
        node = VNRD[f"partnership-{i}"]
        self.add(node, RDF.type, VNRU.Partnership)
        self.labels(node, f"Quan hệ đối tác {i}", f"Partnership {i}")
        self.add(node, VNRU.startDate, self.date(1990, 2025))
        self.add(node, VNRU.establishedBy, agreement)
        if self.partnerships:
            self.add(node, VNRU.upgradeOf, self.partnerships[-1])
        self.cite(node, f"quan hệ đối tác {i}")
        self.partnerships.append(node)

    def period(self, i: int) -> None:
        node = VNRD[f"period-{i}"]
        start = self.rng.randint(1950, 2015)
        self.add(node, RDF.type, VNRU.Period)
        self.labels(node, f"Giai đoạn {i}", f"Period {i}")
        self.add(node, VNRU.startDate, Literal(str(start), datatype=XSD.gYear))
        self.add(node, VNRU.endDate, Literal(str(start + 10), datatype=XSD.gYear))
        self.cite(node, f"giai đoạn {start}")

    def mechanism(self, i: int) -> None:
        node = VNRD[f"mechanism-{i}"]
        self.add(node, RDF.type, VNRU.CooperationMechanism)
        self.labels(node, f"Đối thoại chiến lược {i}", f"Strategic dialogue {i}")
        self.add(
            node, VNRU.startDate, Literal(str(self.rng.randint(1990, 2020)), datatype=XSD.gYear)
        )
        self.add(node, VNRU.level, Literal("deputy minister", lang="en"))
        self.add(node, VNRU.frequency, VNRV["annual"])
        self.cite(node, f"cơ chế đối thoại {i}")
        self.mechanisms.append(node)
        self.sessions[node] = 0

    def session(self, i: int) -> None:
        mechanism = self.rng.choice(self.mechanisms[-5:])
        self.sessions[mechanism] += 1
        number = self.sessions[mechanism]
        node = VNRD[f"session-{i}"]
        self.add(node, RDF.type, VNRU.Session)
        self.labels(node, f"Phiên {number}", f"Session {number}")
        self.add(node, VNRU.ofMechanism, mechanism)
        self.add(node, VNRU.sessionNumber, Literal(number))
        self.add(node, VNRU.date, self.date(1990, 2025))
        self.cite(node, f"lần thứ {number}")
        if number % 10 == 0:
            count = VNRD[f"sessions-held-{i}"]
            self.add(count, RDF.type, VNRU.Observation)
            self.add(count, VNRU.indicator, VNRV["sessions-held"])
            self.add(count, VNRU.subject, mechanism)
            self.add(count, VNRU.value, Literal(number))
            self.add(count, VNRU.date, Literal(str(2000 + number), datatype=XSD.gYear))
            self.cite(count, f"đã tổ chức {number} lần")

    def observation(self, i: int) -> None:
        rng = self.rng
        node = VNRD[f"obs-{i}"]
        self.add(node, RDF.type, VNRU.Observation)
        indicator = rng.choice(sorted(INDICATORS))
        dataset, unit = INDICATORS[indicator]
        self.add(node, QB.dataSet, VNRV[f"dataset-{dataset}"])
        self.add(node, VNRU.indicator, VNRV[indicator])
        reporter, partner = rng.sample(self.states[:2], 2)
        self.add(node, VNRU.reporter, reporter)
        self.add(node, VNRU.partner, partner)
        self.add(node, VNRU.date, Literal(str(rng.randint(1990, 2024)), datatype=XSD.gYear))
        top = 99 if unit == "percent" else 9000  # a share stays within 0-100 %
        value = f"{rng.randint(1, top)}.{rng.randint(0, 9)}"
        self.add(node, VNRU.value, Literal(value, datatype=XSD.decimal))
        self.add(node, VNRU.unit, VNRV[unit])
        if rng.random() < 0.5:
            growth = f"{rng.randint(-30, 60)}.{rng.randint(0, 9)}"
            self.add(node, VNRU.growthPercent, Literal(growth, datatype=XSD.decimal))
        self.cite(node, f"đạt {value} triệu USD")
        if i % 10 == 0 and unit != "percent":  # a total with its two parts, which add up
            first = round(float(value) * rng.uniform(0.2, 0.8), 1)
            for part, share in (("a", first), ("b", round(float(value) - first, 1))):
                component = VNRD[f"obs-{i}-{part}"]
                self.add(component, RDF.type, VNRU.Observation)
                self.add(component, QB.dataSet, VNRV[f"dataset-{dataset}"])
                self.add(component, VNRU.indicator, VNRV[indicator])
                self.add(component, VNRU.reporter, reporter)
                self.add(component, VNRU.partner, partner)
                self.add(component, VNRU.value, Literal(f"{share:.1f}", datatype=XSD.decimal))
                self.add(component, VNRU.unit, VNRV[unit])
                self.add(component, VNRU.componentOf, node)
                self.cite(component, f"trong đó {share:.1f} triệu USD")

    def arms(self, i: int) -> None:
        rng = self.rng
        node, weapon = VNRD[f"arms-{i}"], VNRD[f"weapon-{i % 40}"]
        self.add(weapon, RDF.type, VNRU.WeaponSystem)
        self.labels(weapon, f"Vũ khí {i % 40}", f"Weapon {i % 40}")
        self.add(weapon, VNRU.weaponType, VNRV[rng.choice(WEAPONS)])
        self.add(node, RDF.type, VNRU.ArmsTransfer)
        self.add(node, VNRU.supplier, self.states[1])
        self.add(node, VNRU.recipient, self.states[0])
        self.add(node, VNRU.weaponSystem, weapon)
        self.add(node, VNRU.numberOrdered, Literal(rng.randint(1, 64)))
        self.add(node, VNRU.orderDate, Literal(str(rng.randint(1995, 2020)), datatype=XSD.gYear))
        self.cite(node, f"mua {rng.randint(1, 64)} chiếc")


def ontology_graph() -> Graph:
    """The project's ontology files, loaded as vnrukg loads them (no curated data needed)."""
    graph = Graph()
    for path in Project(ROOT).ontology_files():
        graph += parse_turtle(path)
    return graph


def generate(triples: int, seed: int = 7) -> Graph:
    """A loaded-graph-shaped rdflib graph of about ``triples`` triples (inferences included)."""
    graph = ontology_graph()
    maker = Maker(graph, random.Random(seed))
    maker.base(states=min(200, max(10, triples // 5000)))
    start = len(graph) + len(inferences(graph))
    # measure how many triples (with inferences) a unit makes on up to 40 units, stopping
    # early when a small graph is already big enough, then make as many more as it takes
    sample, size = 0, start
    while sample < 40 and size < triples:
        maker.unit(sample)
        sample += 1
        size = len(graph) + len(inferences(graph))
    per_unit = (size - start) / sample if sample else 1.0
    for unit in range(sample, sample + max(0, round((triples - size) / per_unit))):
        maker.unit(unit)
    graph += inferences(graph)
    return graph


def write(graph: Graph, path: Path) -> None:
    """Write N-Triples fast (through Oxigraph) and atomically."""
    store = ox.Store()
    fill(store, graph)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    store.dump(str(temporary), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    temporary.replace(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    graph = generate(args.triples, args.seed)
    write(graph, args.output)
    seconds = time.perf_counter() - started
    shown = args.output.resolve()
    with contextlib.suppress(ValueError):  # inside the checkout: name it from there
        shown = shown.relative_to(ROOT)
    print(f"wrote {shown}: {len(graph):,} triples in {seconds:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
