"""Competency questions of article 004 (Chinhphu.vn, 14/08/2024: the talks between the defence
ministers Phan Văn Giang and Andrey Belousov), each answered by a SPARQL query."""

from __future__ import annotations

from .harness import Case, all_of, has_date, has_number, has_text

# A statement of article 004 whose quote contains a passage: speaker(s), kind, summary, what it
# is about, the event it was made at, the quote.
_STATEMENT = """
SELECT ?speaker ?kind ?summary ?about ?event ?date ?quote WHERE {{
  ?s a vnru:Statement ; vnru:statedBy ?who ; vnru:statementKind ?k ; vnru:summary ?summary ;
     vnru:citation ?c .
  FILTER(LANG(?summary) = "en")
  ?c vnru:source vnrd:source-004 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "{needle}"))
  ?who skos:prefLabel ?speaker . FILTER(LANG(?speaker) = "en")
  ?k skos:prefLabel ?kind . FILTER(LANG(?kind) = "en")
  OPTIONAL {{ ?s vnru:date ?date }}
  OPTIONAL {{ ?s vnru:about ?a . ?a skos:prefLabel ?about . FILTER(LANG(?about) = "en") }}
  OPTIONAL {{ ?s vnru:madeDuring ?e . ?e skos:prefLabel ?event . FILTER(LANG(?event) = "en") }}
}}
"""

# Phan Văn Giang's posts attested by article 004.
_GIANG_POSTS = """
SELECT ?post ?attested ?quote WHERE {
  ?t a vnru:Tenure ; org:member vnrd:phan-van-giang ; vnru:post ?p ; vnru:citation ?c .
  ?c vnru:source vnrd:source-004 ; vnru:attests ?attested ; vnru:quote ?quote .
  ?p skos:prefLabel ?post . FILTER(LANG(?post) = "en")
}
"""

CASES = [
    Case(
        "f004-admm-plus",
        all_of(
            has_text("ASEAN Defence Ministers' Meeting-Plus", column="about"),
            has_date("2024-08-13", column="date"),
        ),
        sparql=_STATEMENT.format(needle="trong đó có ADMM+"),
    ),
    Case(
        "f004-army2024-organiser",
        all_of(
            has_text("Ministry of Defence of the Russian Federation", column="organiser"),
            has_text("ARMY-2024", column="forum"),
            has_date("2024-08", column="date"),
        ),
        sparql="""
SELECT ?forum ?organiser ?date ?quote WHERE {
  ?f a vnru:Forum ; skos:prefLabel ?forum ; schema:organizer ?o ; vnru:date ?date ; vnru:citation ?c .
  FILTER(LANG(?forum) = "en")
  ?o skos:prefLabel ?organiser . FILTER(LANG(?organiser) = "en")
  ?c vnru:source vnrd:source-004 ; vnru:quote ?quote .
  FILTER(CONTAINS(?quote, "của Bộ Quốc phòng Liên bang Nga"))
}""",
    ),
    Case(
        "f004-cooperation-spirit",
        all_of(
            has_text("trust, practicality, effectiveness and comprehensiveness", column="summary"),
            has_text("tin cậy, thiết thực, hiệu quả, toàn diện", column="quote"),
            has_text("Phan Van Giang", "Andrey Removich Belousov", column="speaker"),
        ),
        sparql=_STATEMENT.format(needle="tin cậy, thiết thực, hiệu quả, toàn diện"),
    ),
    Case(
        "f004-deepen-csp-agreed",
        all_of(
            has_text("Andrey Removich Belousov", column="speaker"),
            has_text("deepening", "comprehensive strategic partnership", column="summary"),
            has_text("state visit to Vietnam", column="about"),
        ),
        sparql=_STATEMENT.format(
            needle="chủ trương làm sâu sắc quan hệ đối tác chiến lược toàn diện"
        ),
    ),
    Case(
        "f004-doc",
        all_of(
            has_text(
                "Declaration on the Conduct of Parties in the South China Sea", column="about"
            ),
            has_text("Phan Van Giang", column="speaker"),
        ),
        sparql=_STATEMENT.format(needle="Tuyên bố về ứng xử của các bên ở Biển Đông (DOC)"),
    ),
    Case(
        "f004-dossier-70-years",
        all_of(
            has_text(
                "70 years of Vietnam – Soviet Union/Russian Federation defence cooperation",
                column="dossier",
            ),
            has_date("1950", column="start"),
            has_date("2020", column="end"),
            has_text("agreed orientation", column="kind"),
        ),
        sparql="""
SELECT ?dossier ?start ?end ?kind ?quote WHERE {
  ?s a vnru:Statement ; vnru:about ?d ; vnru:statementKind ?k ; vnru:citation ?c .
  ?d a vnru:Project ; skos:prefLabel ?dossier ; vnru:startDate ?start ; vnru:endDate ?end .
  FILTER(LANG(?dossier) = "en")
  ?k skos:prefLabel ?kind . FILTER(LANG(?kind) = "en")
  ?c vnru:source vnrd:source-004 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f004-event-army2024",
        all_of(
            has_text("International Military-Technical Forum ARMY-2024", column="forum"),
            has_text("Phan Van Giang", column="participant"),
            has_date("2024-08", column="date"),
        ),
        sparql="""
SELECT ?forum ?participant ?date ?quote WHERE {
  ?f a vnru:Forum ; skos:prefLabel ?forum ; vnru:participant ?p ; vnru:date ?date ; vnru:citation ?c .
  FILTER(LANG(?forum) = "en")
  ?p skos:prefLabel ?participant . FILTER(LANG(?participant) = "en")
  ?c vnru:source vnrd:source-004 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f004-event-expo-2024",
        all_of(
            has_text("Vietnam International Defence Expo 2024", column="event"),
            has_date("2024-12", column="date"),
            has_text("Ministry of National Defence of Vietnam", column="organiser"),
        ),
        sparql="""
SELECT ?event ?date ?organiser ?quote WHERE {
  ?e a vnru:Exhibition ; skos:prefLabel ?event ; vnru:date ?date ; schema:organizer ?o ; vnru:citation ?c .
  FILTER(LANG(?event) = "en")
  ?o skos:prefLabel ?organiser . FILTER(LANG(?organiser) = "en")
  ?c vnru:source vnrd:source-004 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f004-event-vpa-80",
        all_of(
            has_number(80, column="years"),
            has_date("2024-12", column="date"),
            has_text("Vietnam People's Army", column="event"),
        ),
        sparql="""
SELECT ?event ?years ?date ?quote WHERE {
  ?a a vnru:Anniversary ; skos:prefLabel ?event ; vnru:anniversaryYears ?years ; vnru:date ?date ;
     vnru:citation ?c .
  FILTER(LANG(?event) = "en")
  ?c vnru:source vnrd:source-004 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f004-expo-invite-caption",
        all_of(
            has_text("Vietnam International Defence Expo 2024", column="about"),
            has_text("request", column="kind"),
            has_text("Phan Van Giang", column="speaker"),
        ),
        sparql=_STATEMENT.format(needle="mời Bộ trưởng Quốc phòng Nga sang sự Triển lãm"),
    ),
    Case(
        "f004-giang-cmc",
        all_of(
            has_text("Deputy Secretary of the Central Military Commission", column="post"),
            has_date("2024-08-13", column="attested"),
        ),
        sparql=_GIANG_POSTS,
    ),
    Case(
        "f004-giang-politburo",
        all_of(
            has_text("Member of the Politburo", column="post"),
            has_date("2024-08-13", column="attested"),
        ),
        sparql=_GIANG_POSTS,
    ),
    Case(
        "f004-gpd-mou",
        all_of(
            has_text("Memorandum of understanding", column="document"),
            has_text("General Department of Politics of the Vietnam People's Army", column="party"),
            has_text("Main Military-Political Directorate", column="party"),
        ),
        sparql="""
SELECT ?document ?party ?quote WHERE {
  ?s a vnru:Statement ; vnru:about ?m ; vnru:citation ?c .
  ?m a vnru:Memorandum ; skos:prefLabel ?document ; vnru:party ?p . FILTER(LANG(?document) = "en")
  ?p skos:prefLabel ?party . FILTER(LANG(?party) = "en")
  ?c vnru:source vnrd:source-004 ; vnru:quote ?quote .
  FILTER(CONTAINS(?quote, "hợp tác chính trị quân sự"))
}""",
    ),
    Case(
        "f004-headline",
        has_text(
            "Đại tướng Phan Văn Giang hội đàm với Bộ trưởng Bộ Quốc phòng Liên bang Nga",
            column="title",
        ),
        sparql="""
SELECT ?title ?publisher ?date WHERE {
  ?doc vnru:sourceFile "004_0f89e1410a4163cd.txt" ; dcterms:title ?title ; dcterms:date ?date ;
       dcterms:publisher ?p .
  ?p skos:prefLabel ?publisher . FILTER(LANG(?publisher) = "en")
}""",
    ),
    Case(
        "f004-joint-exercises",
        all_of(
            has_text("joint exercises", column="summary"),
            has_text("Andrey Removich Belousov", column="speaker"),
        ),
        sparql=_STATEMENT.format(needle="luyện tập chung"),
    ),
    Case(
        "f004-loyal-relations",
        all_of(
            has_text("consistent and loyal", "neighbourly", column="summary"),
            has_text("Phan Van Giang", column="speaker"),
        ),
        sparql=_STATEMENT.format(needle="thủy chung trong quan hệ quốc tế"),
    ),
    Case(
        "f004-port-calls",
        all_of(
            has_text("technical stops", "international seaports", column="summary"),
            has_text("Andrey Removich Belousov", column="speaker"),
            has_text("request", column="kind"),
        ),
        sparql=_STATEMENT.format(needle="ghé đậu kỹ thuật"),
    ),
    Case(
        "f004-publisher",
        all_of(
            has_text("Chinhphu.vn", column="publisher"),
            has_date("2024-08-14", column="date"),
            has_text("2024-08-13", column="talks"),
        ),
        sparql="""
SELECT ?publisher ?date (STR(?when) AS ?talks) ?quote WHERE {
  ?t a vnru:Talks ; vnru:date ?when ; vnru:citation ?c .
  ?c vnru:source ?doc .
  ?doc dcterms:publisher ?p ; dcterms:date ?date ; vnru:citation ?dc .
  ?dc vnru:quote ?quote .
  ?p skos:prefLabel ?publisher . FILTER(LANG(?publisher) = "en")
}""",
    ),
    Case(
        "f004-sign-documents",
        all_of(
            has_text("signing of cooperation documents", column="summary"),
            has_text("commitment", column="kind"),
        ),
        sparql=_STATEMENT.format(needle="ký kết các văn bản hợp tác"),
    ),
    Case(
        "f004-tropical-centre-research",
        all_of(
            has_text("Vietnam–Russia Tropical Centre", column="about"),
            has_text("scientific research", column="summary"),
        ),
        sparql=_STATEMENT.format(
            needle="tham gia của Bộ Quốc phòng Liên bang Nga trong hợp tác nghiên cứu khoa học"
        ),
    ),
    Case(
        "f004-visit-purpose",
        all_of(
            has_text("give concrete form", "deepening", "June 2024", column="summary"),
            has_text("General Phan Văn Giang's visit to Moscow (August 2024)", column="about"),
        ),
        sparql=_STATEMENT.format(needle="nhằm cụ thể hóa chủ trương"),
    ),
]
