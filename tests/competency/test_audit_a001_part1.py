"""The audit's defects in article 001, part 1 (1950–2011), and the facts the second reading added.

Each test asks the loaded graph a SPARQL question that failed before the fix and passes after it.
"""

from __future__ import annotations

from vnrukg.queries import run


def _ask(kg, sparql: str) -> bool:
    result = run(kg.graph, sparql)
    assert result.kind == "ASK"
    return bool(result.boolean)


def test_independence_in_1975_is_marked_as_a_factual_error(kg):
    """'Bị cấm vận sau khi giành độc lập năm 1975': the claim is kept, marked, and corrected."""
    assert _ask(
        kg,
        """
ASK {
  ?d a vnru:Discrepancy ; vnru:discrepancyKind vnrv:factual-error ;
     vnru:involves vnrd:embargo-against-vietnam-after-1975 ; vnru:note ?note ;
     vnru:citation ?c .
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote ; vnru:translation ?translation .
  FILTER(CONTAINS(?quote, "giành độc lập năm 1975"))
  FILTER(CONTAINS(?note, "1945") && CONTAINS(LCASE(?note), "reunif"))
}""",
    )
    # and no label of the embargo states the error as its name in English
    assert not _ask(
        kg,
        """
ASK {
  vnrd:embargo-against-vietnam-after-1975 skos:prefLabel ?label .
  FILTER(CONTAINS(?label, "độc lập") || CONTAINS(LCASE(?label), "independence"))
}""",
    )
