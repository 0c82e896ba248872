"""Competency questions of article 002 (Tô Lâm receives ambassador Bezdetko; Bùi Thanh Sơn's
visit to Russia, April 2025), each answered by a SPARQL query a researcher would write."""

from __future__ import annotations

from .harness import Case, all_of, has_date, has_number, has_text

# A statement of article 002 whose quote contains a passage: its speaker, kind, summary, quote.
_STATEMENT = """
SELECT ?speaker ?kind ?summary ?field ?quote WHERE {{
  ?s a vnru:Statement ; vnru:statedBy ?who ; vnru:statementKind ?k ; vnru:summary ?summary ;
     vnru:citation ?c .
  FILTER(LANG(?summary) = "en")
  ?c vnru:source vnrd:source-002 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "{needle}"))
  ?who skos:prefLabel ?speaker .
  ?k skos:prefLabel ?kind . FILTER(LANG(?kind) = "en")
  OPTIONAL {{ ?s vnru:field ?f . ?f skos:prefLabel ?field . FILTER(LANG(?field) = "en") }}
}}
"""

CASES = [
    Case(
        "f002-75th-anniv",
        all_of(has_number(75, column="years"), has_text("diplomatic relations", column="event")),
        sparql="""
SELECT ?years ?event ?quote WHERE {
  ?a a vnru:Anniversary ; vnru:anniversaryYears ?years ; vnru:commemorates ?e ; vnru:citation ?c .
  ?c vnru:source vnrd:source-002 ; vnru:quote ?quote .
  ?e skos:prefLabel ?event . FILTER(LANG(?event) = "en")
}""",
    ),
    Case(
        "f002-bezdetko-fields",
        all_of(
            has_text("Gennady Bezdetko", column="speaker"),
            has_text("quân sự - an ninh, thương mại - đầu tư", column="quote"),
            has_text("defence", "security", "economy and trade", "investment", column="field"),
        ),
        sparql=_STATEMENT.format(needle="cam kết củng cố hợp tác song phương"),
    ),
    Case(
        "f002-economic-breakthrough",
        all_of(
            has_text("breakthrough", "new momentum", column="summary"),
            has_text("economy and trade", column="field"),
        ),
        sparql=_STATEMENT.format(needle="Hợp tác kinh tế - thương mại được kỳ vọng"),
    ),
    Case(
        "f002-energy-backbone",
        all_of(
            has_text("backbone", "nuclear power", column="summary"),
            has_text("energy, oil and gas", "infrastructure", "nuclear energy", column="field"),
        ),
        sparql=_STATEMENT.format(needle="xương sống"),
    ),
    Case(
        "f002-exchange-info",
        all_of(
            has_text("regional security", "global challenges", column="summary"),
            has_text("Political consultations", "Diplomacy–Defence–Security", column="mechanism"),
        ),
        sparql="""
SELECT ?summary ?mechanism ?quote WHERE {
  ?s a vnru:Statement ; vnru:summary ?summary ; vnru:about ?m ; vnru:citation ?c .
  FILTER(LANG(?summary) = "en")
  ?m a vnru:CooperationMechanism ; skos:prefLabel ?mechanism . FILTER(LANG(?mechanism) = "en")
  ?c vnru:source vnrd:source-002 ; vnru:quote ?quote .
  FILTER(CONTAINS(?quote, "trao đổi thông tin"))
}""",
    ),
    Case(
        "f002-fta-eaeu-abbrev",
        all_of(
            has_text("greater opportunities for trade and investment", column="summary"),
            has_text("Eurasian Economic Union Free Trade Agreement", column="agreement"),
        ),
        sparql="""
SELECT ?agreement ?summary ?quote WHERE {
  ?s a vnru:Statement ; vnru:about ?fta ; vnru:summary ?summary ; vnru:citation ?c .
  ?fta a vnru:FreeTradeAgreement ; skos:prefLabel ?agreement . FILTER(LANG(?agreement) = "en")
  FILTER(LANG(?summary) = "en")
  ?c vnru:source vnrd:source-002 ; vnru:quote ?quote .
  FILTER(CONTAINS(?quote, "EAEU sẽ mở ra"))
}""",
    ),
    Case(
        "f002-headline-momentum",
        has_text(
            "ĐỘNG LỰC MỚI NHÂN DỊP KỶ NIỆM 75 NĂM THIẾT LẬP QUAN HỆ NGOẠI GIAO", column="quote"
        ),
        sparql="""
SELECT DISTINCT ?quote WHERE {
  ?fact vnru:citation ?c . ?c vnru:source vnrd:source-002 ; vnru:quote ?quote .
  FILTER(CONTAINS(?quote, "ĐỘNG LỰC MỚI"))
}""",
    ),
    Case(
        "f002-high-level-exchange",
        all_of(
            has_text("Tô Lâm", column="speaker"),
            has_text("high-level delegations", "multilateral forums", column="summary"),
        ),
        sparql=_STATEMENT.format(needle="trao đổi đoàn cấp cao"),
    ),
    Case(
        "f002-maintain-traditional",
        all_of(
            has_text("maintain", "traditional relations", "peace", column="summary"),
            has_text("Tô Lâm", column="speaker"),
        ),
        sparql=_STATEMENT.format(needle="mong muốn duy trì quan hệ truyền thống"),
    ),
    Case(
        "f002-mech-dds-dialogue",
        all_of(
            has_text("Diplomacy–Defence–Security Strategic Dialogue", column="mechanism"),
            has_text("Ngoại giao – Quốc phòng – An ninh", column="quote"),
        ),
        sparql="""
SELECT ?mechanism ?quote WHERE {
  ?m a vnru:CooperationMechanism ; skos:prefLabel ?mechanism ; vnru:citation ?c .
  FILTER(LANG(?mechanism) = "en")
  ?c vnru:source vnrd:source-002 ; vnru:quote ?quote .
  FILTER(CONTAINS(LCASE(?quote), "an ninh"))
}""",
    ),
    Case(
        "f002-role-bezdetko-ambassador",
        all_of(has_text("Gennady Bezdetko", column="name"), has_text("2025-04", column="attested")),
        sparql="""
SELECT ?name ?attested ?quote WHERE {
  ?t a vnru:Tenure ; org:member ?p ; vnru:post vnrd:post-ambassador-russia-to-vietnam ; vnru:citation ?c .
  ?c vnru:attests ?attested ; vnru:quote ?quote .
  FILTER(STRSTARTS(STR(?attested), "2025-04"))
  ?p skos:prefLabel ?name . FILTER(LANG(?name) = "vi")
}""",
    ),
    Case(
        "f002-role-khoi-ambassador",
        all_of(has_text("Đặng Minh Khôi", column="name"), has_date("2025-04", column="attested")),
        sparql="""
SELECT ?name ?attested ?quote WHERE {
  ?t a vnru:Tenure ; org:member ?p ; vnru:post vnrd:post-ambassador-vietnam-to-russia ; vnru:citation ?c .
  ?c vnru:attests ?attested ; vnru:quote ?quote .
  FILTER(STRSTARTS(STR(?attested), "2025-04"))
  ?p skos:prefLabel ?name . FILTER(LANG(?name) = "vi")
}""",
    ),
    Case(
        "f002-role-khoi-variant",
        all_of(
            has_text("Nguyễn Minh Khôi", column="variant"),
            has_text("Đặng Minh Khôi", column="name"),
            has_text("Đại sứ Nguyễn Minh Khôi nhấn mạnh", column="quote"),
        ),
        sparql="""
SELECT ?name ?variant ?kind ?quote WHERE {
  ?d a vnru:Discrepancy ; vnru:discrepancyKind vnrv:name-variant ; vnru:involves ?p ; vnru:citation ?c .
  ?p a vnru:Person ; skos:prefLabel ?name ; skos:altLabel ?variant . FILTER(LANG(?name) = "vi")
  ?c vnru:source vnrd:source-002 ; vnru:quote ?quote .
  vnrv:name-variant skos:prefLabel ?kind . FILTER(LANG(?kind) = "en")
}""",
    ),
    Case(
        "f002-role-tolam-gs",
        all_of(
            has_text("General Secretary of the Communist Party of Vietnam", column="post"),
            has_date("2025-04-02", column="attested"),
        ),
        sparql="""
SELECT ?post ?attested ?quote WHERE {
  ?t a vnru:Tenure ; org:member vnrd:to-lam ; vnru:post ?p ; vnru:citation ?c .
  ?c vnru:source vnrd:source-002 ; vnru:attests ?attested ; vnru:quote ?quote .
  ?p skos:prefLabel ?post . FILTER(LANG(?post) = "en")
}""",
    ),
    Case(
        "f002-source-mofa",
        all_of(
            has_text("press release", column="reference"),
            has_text("Ministry of Foreign Affairs of Vietnam", column="publisher"),
        ),
        sparql="""
SELECT ?reference ?publisher ?quote WHERE {
  ?m a vnru:Meeting ; vnru:host vnrd:to-lam ; vnru:guest vnrd:gennady-bezdetko ; vnru:citation ?c .
  ?c vnru:viaReference ?ref ; vnru:quote ?quote .
  ?ref skos:prefLabel ?reference ; dcterms:publisher ?pub . FILTER(LANG(?reference) = "en")
  ?pub skos:prefLabel ?publisher . FILTER(LANG(?publisher) = "en")
}""",
    ),
    Case(
        "f002-state-ussr",
        all_of(has_text("Soviet Union", column="state"), has_text("1950", column="date")),
        sparql="""
SELECT ?state ?date ?quote WHERE {
  ?e a vnru:HistoricalEvent ; vnru:participant ?s ; vnru:date ?date ; vnru:citation ?c .
  ?s a vnru:State ; skos:prefLabel ?state . FILTER(LANG(?state) = "en")
  ?c vnru:source vnrd:source-002 ; vnru:quote ?quote .
  FILTER(CONTAINS(?quote, "thiết lập quan hệ ngoại giao năm 1950"))
}""",
    ),
    Case(
        "f002-treaty1994",
        all_of(has_text("1994", column="year"), has_text("Basic Principles", column="treaty")),
        sparql="""
SELECT ?treaty (SUBSTR(STR(?signed), 1, 4) AS ?year) ?quote WHERE {
  ?t a vnru:Treaty ; skos:prefLabel ?treaty ; vnru:dateSigned ?signed ; vnru:citation ?c .
  FILTER(LANG(?treaty) = "en")
  ?c vnru:source vnrd:source-002 ; vnru:quote ?quote .
}""",
    ),
]
