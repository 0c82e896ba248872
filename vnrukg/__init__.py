"""vnrukg: a curated, provenance-first knowledge graph of Vietnam–Russia relations.

The library loads the ontology and the curated Turtle into one rdflib graph
(:func:`vnrukg.store.load`), validates it (:mod:`vnrukg.validate`), answers SPARQL
(:mod:`vnrukg.sparql`) and exports it (:mod:`vnrukg.export`). The command line in
:mod:`vnrukg.cli` is a thin layer over these functions.
"""

__version__ = "0.1.0"
