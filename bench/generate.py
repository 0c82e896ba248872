"""Synthetic graphs of the curated graph's shape, at any size, for the benchmark.

The graph is made the way ``vnrukg`` loads the curated one: the project's ontology, facts in
its vocabulary (states, organisations, people, posts and tenures, agreements, events, arms
transfers, observations), each fact citing a quote of a source document, plus the triples
:func:`vnrukg.infer.inferences` derives from them. Names are Vietnamese and English, with
diacritics. The same size and seed always give the same file.

Usage::

    python bench/generate.py --triples 100000 -o bench/data/synthetic-100k.nt
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from vnrukg.infer import inferences
from vnrukg.namespaces import ORG, QB, VNRD, VNRU, VNRV
from vnrukg.oxistore import fill
from vnrukg.project import Project
from vnrukg.store import parse_turtle

ROOT = Path(__file__).resolve().parents[1]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Xuân", "Ngọc", "Công"]
GIVEN = ["Giang", "Hùng", "Lan", "Mai", "Sơn", "Tâm", "Dũng", "Hải", "Bình", "An", "Phúc", "Lâm"]
RUSSIAN = ["Ivan", "Sergey", "Andrey", "Dmitry", "Olga", "Natalia", "Mikhail", "Yuri", "Pavel"]
SURNAMES = ["Ivanov", "Petrov", "Belousov", "Lavrov", "Shoigu", "Sokolov", "Volkov", "Orlov"]
AGREEMENTS = ["Treaty", "IntergovernmentalAgreement", "JointStatement", "Declaration",
              "Plan", "Memorandum", "Contract", "FreeTradeAgreement"]  # fmt: skip
EVENTS = ["StateVisit", "OfficialVisit", "WorkingVisit", "Talks", "Meeting", "PhoneCall",
          "Summit", "Forum", "Anniversary", "Ceremony"]  # fmt: skip
ORGS = ["GovernmentBody", "PoliticalParty", "ArmedForce", "Company", "ResearchInstitution",
        "EducationalInstitution", "MediaOrganization"]  # fmt: skip
INDICATORS = ["trade-turnover", "exports", "imports", "trade-balance", "investment-projects",
              "investment-capital", "arms-imports-value", "tourist-arrivals",
              "students"]  # fmt: skip
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
        node = VNRD[f"person-{i}-{j}"]
        if self.rng.random() < 0.5:
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
        self.agreement(i, guest, host)
        self.event(i, guest, host)
        self.observation(i)
        if i % 3 == 0:
            self.arms(i)

    def agreement(self, i: int, guest: URIRef, host: URIRef) -> None:
        rng = self.rng
        node = VNRD[f"agreement-{i}"]
        self.add(node, RDF.type, VNRU[rng.choice(AGREEMENTS)])
        self.labels(node, f"Hiệp định số {i}", f"Agreement no. {i}")
        for party in rng.sample(self.states, 2):
            self.add(node, VNRU.party, party)
        self.add(node, VNRU.dateSigned, self.date())
        self.add(node, VNRU.signatory, rng.choice([guest, host]))
        if self.agreements and rng.random() < 0.2:
            self.add(node, VNRU.replaces, rng.choice(self.agreements[-50:]))
        self.cite(node, f"ký Hiệp định số {i}")
        self.agreements.append(node)

    def event(self, i: int, guest: URIRef, host: URIRef) -> None:
        rng = self.rng
        node = VNRD[f"event-{i}"]
        self.add(node, RDF.type, VNRU[rng.choice(EVENTS)])
        self.labels(node, f"Hội đàm {i}", f"Talks {i}")
        self.add(node, VNRU.date, self.date(1955, 2025))
        self.add(node, VNRU.guest, guest)
        self.add(node, VNRU.host, host)
        if rng.random() < 0.7:
            self.add(node, VNRU.field, VNRV[rng.choice(FIELDS)])
        if len(self.people) > 10 and rng.random() < 0.5:
            self.add(node, VNRU.participant, rng.choice(self.people[:-2]))
        self.cite(node, f"Ngày {i}, hai bên đã hội đàm")

    def observation(self, i: int) -> None:
        rng = self.rng
        node = VNRD[f"obs-{i}"]
        self.add(node, RDF.type, VNRU.Observation)
        self.add(node, QB.dataSet, VNRV["dataset-trade"])
        self.add(node, VNRU.indicator, VNRV[rng.choice(INDICATORS)])
        reporter, partner = rng.sample(self.states[:2], 2)
        self.add(node, VNRU.reporter, reporter)
        self.add(node, VNRU.partner, partner)
        self.add(node, VNRU.date, Literal(str(rng.randint(1990, 2024)), datatype=XSD.gYear))
        value = f"{rng.randint(1, 9000)}.{rng.randint(0, 9)}"
        self.add(node, VNRU.value, Literal(value, datatype=XSD.decimal))
        self.add(node, VNRU.unit, VNRV["usd"])
        if rng.random() < 0.5:
            growth = f"{rng.randint(-30, 60)}.{rng.randint(0, 9)}"
            self.add(node, VNRU.growthPercent, Literal(growth, datatype=XSD.decimal))
        self.cite(node, f"đạt {value} triệu USD")

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
    sample = 40  # measure how many triples (with inferences) a unit makes, then make enough
    for unit in range(sample):
        maker.unit(unit)
    per_unit = (len(graph) + len(inferences(graph)) - start) / sample
    for unit in range(sample, sample + max(0, round((triples - start) / per_unit) - sample)):
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
    print(f"wrote {args.output}: {len(graph):,} triples in {seconds:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
