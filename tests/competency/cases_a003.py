"""Competency questions of article 003 (the machine-translated TTXVN item on Ruan Dehai's
article on Vietnam–Russia defence cooperation), each answered by a SPARQL query."""

from __future__ import annotations

from .harness import Case, all_of, has_number, has_text

# A statement of Ruan Dehai's article (cited from article 003) whose quote contains a passage.
_STATEMENT = """
SELECT ?speaker ?kind ?summary ?about ?start ?quote WHERE {{
  ?s a vnru:Statement ; vnru:statedBy ?who ; vnru:statementKind ?k ; vnru:summary ?summary ;
     vnru:citation ?c .
  FILTER(LANG(?summary) = "en")
  ?c vnru:source vnrd:source-003 ; vnru:viaReference vnrd:ref-003-ruan-dehai ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "{needle}"))
  ?who skos:prefLabel ?speaker . FILTER(LANG(?speaker) = "vi")
  ?k skos:prefLabel ?kind . FILTER(LANG(?kind) = "en")
  OPTIONAL {{ ?s vnru:about ?a . ?a skos:prefLabel ?about . FILTER(LANG(?about) = "en") }}
  OPTIONAL {{ ?s vnru:startDate ?start }}
}}
"""

CASES = [
    Case(
        "f003-article-title",
        all_of(
            has_text(
                "Tiếp tục tăng cường các mối quan hệ quốc phòng Nga trong quan hệ đối tác chiến lược toàn diện",
                column="title",
            ),
            has_text("Ruan Dehai", column="author"),
        ),
        sparql="""
SELECT ?title ?author ?quote WHERE {
  vnrd:source-003 dcterms:references ?ref .
  ?ref dcterms:title ?title ; dcterms:creator ?a ; vnru:citation ?c .
  ?a skos:prefLabel ?author . FILTER(LANG(?author) = "vi")
  ?c vnru:quote ?quote .
}""",
    ),
    Case(
        "f003-caption-dialogue-2",
        all_of(
            has_number(2, column="number"),
            has_text("Defence Strategic Dialogue", column="mechanism"),
            has_text("đối thoại Thứ trưởng thứ hai", column="quote"),
        ),
        sparql="""
SELECT ?number ?mechanism ?quote WHERE {
  ?s a vnru:Session ; vnru:sessionNumber ?number ; vnru:ofMechanism ?m ; vnru:citation ?c .
  ?c vnru:source vnrd:source-003 ; vnru:quote ?quote .
  ?m skos:prefLabel ?mechanism . FILTER(LANG(?mechanism) = "en")
}""",
    ),
    Case(
        "f003-conclusion-determination",
        all_of(
            has_text("determination and efforts", "governments and armed forces", column="summary"),
            has_text("Ruan Dehai", column="speaker"),
        ),
        sparql=_STATEMENT.format(needle="không thể tách rời"),
    ),
    Case(
        "f003-forums",
        has_text("United Nations", "ASEAN Regional Forum", "East Asia Summit", column="about"),
        sparql=_STATEMENT.format(needle="Diễn đàn khu vực ASEAN, Hội nghị thượng đỉnh Đông Á"),
    ),
    Case(
        "f003-high-level-visits",
        all_of(
            has_text("high-level visits", "mutual understanding and trust", column="summary"),
            has_text("recommendation", column="kind"),
        ),
        sparql=_STATEMENT.format(needle="Hai bên cần tăng cường các chuyến thăm cấp cao"),
    ),
    Case(
        "f003-milestones-1990",
        all_of(
            has_text("1990", column="start"),
            has_text("1950", column="likely"),
            has_text("garbled", column="kind"),
        ),
        sparql="""
SELECT ?start ?kind ?likely ?quote WHERE {
  ?d a vnru:Discrepancy ; vnru:involves ?s ; vnru:discrepancyKind ?k ; vnru:likelyReading ?likely ;
     vnru:citation ?c .
  ?s a vnru:Statement ; vnru:startDate ?start .
  ?k skos:prefLabel ?kind . FILTER(LANG(?kind) = "en")
  ?c vnru:source vnrd:source-003 ; vnru:quote ?quote .
  FILTER(CONTAINS(?quote, "từ năm 1990"))
}""",
    ),
    Case(
        "f003-mutual-support-forums",
        has_text(
            "national interests", "international law", "supporting each other", column="summary"
        ),
        sparql=_STATEMENT.format(
            needle="tiếp tục tăng cường phối hợp và hợp tác trong các diễn đàn"
        ),
    ),
    Case(
        "f003-navy-coastguard",
        all_of(
            has_text("two navies", "coast guard", column="summary"),
            has_text("lực lượng Cảnh sát Hàng hải", column="quote"),
        ),
        sparql=_STATEMENT.format(needle="hai lực lượng hải quân"),
    ),
    Case(
        "f003-promote-csp",
        all_of(
            has_text(
                "comprehensive strategic partnership",
                "friendship between the two peoples",
                column="summary",
            ),
            has_text("Comprehensive Strategic Partnership", column="about"),
        ),
        sparql=_STATEMENT.format(
            needle="thúc đẩy quan hệ đối tác chiến lược toàn diện giữa hai nước phát triển"
        ),
    ),
    Case(
        "f003-role-ruan-dehai",
        all_of(
            has_text("Ruan Dehai", column="name"),
            has_text("Nguyễn Đức Hải", column="alias"),
            has_text("Institute for Defence Strategy", column="institute"),
            has_text("Director", column="post"),
            has_text("Phó Giáo sư, Tiến sĩ", column="title"),
        ),
        sparql="""
SELECT ?name ?alias ?title ?institute ?post ?quote WHERE {
  ?p a vnru:Person ; skos:prefLabel ?name ; vnru:note ?alias ; vnru:academicTitle ?title ;
     schema:affiliation ?i ; vnru:citation ?c .
  FILTER(LANG(?name) = "vi")
  ?i skos:prefLabel ?institute . FILTER(LANG(?institute) = "en")
  ?po org:postIn ?i ; skos:prefLabel ?post . FILTER(LANG(?post) = "en")
  ?c vnru:source vnrd:source-003 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f003-source-vna",
        all_of(
            has_text("Vietnam News Agency", column="publisher"),
            has_text("Việt Nam Thông tấn xã Hà Nội", column="quote"),
        ),
        sparql="""
SELECT ?publisher ?quote WHERE {
  vnrd:source-003 dcterms:publisher ?pub ; vnru:citation ?c .
  ?pub skos:prefLabel ?publisher . FILTER(LANG(?publisher) = "en")
  ?c vnru:quote ?quote .
}""",
    ),
    Case(
        "f003-three-aspects",
        has_text(
            "defence strategy",
            "military-technical cooperation",
            "military exchanges",
            column="summary",
        ),
        sparql=_STATEMENT.format(needle="ba khía cạnh"),
    ),
    Case(
        "f003-title",
        has_text(
            "Tăng cường hơn nữa hợp tác quốc phòng giữa Việt Nam và Nga trong khuôn khổ của một quan hệ đối tác chiến lược toàn diện",
            column="title",
        ),
        sparql="""
SELECT ?title ?quote WHERE {
  ?doc vnru:sourceFile "003_4c9f620a94f2915a.txt" ; dcterms:title ?title ; vnru:citation ?c .
  ?c vnru:quote ?quote .
}""",
    ),
    Case(
        "f003-upgrade",
        has_text("new height", "comprehensive strategic partnership", column="summary"),
        sparql=_STATEMENT.format(needle="nâng cấp lên một tầm cao mới"),
    ),
]
