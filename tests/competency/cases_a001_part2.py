"""Competency questions of article 001 (Nguyễn An Hà, "75 năm quan hệ Việt Nam - Liên bang Nga")
whose quote lies in part 2 of the text (from heading 3.3, 2012 onwards, to the end), each
answered by a SPARQL query. The questions of part 1 are in cases_a001_part1.py."""

from __future__ import annotations

from .harness import Case, all_of, has_date, has_number, has_text, rows_at_least

# A statement of article 001 whose quote contains a passage: speaker(s), kind, summary, date,
# what it is about, the event it was made at, the reference the article gives, the quote.
_STATEMENT = """
SELECT ?speaker ?kind ?summary ?date ?about ?event ?reference ?quote WHERE {{
  {{ ?c vnru:source ?src ; vnru:quote ?quote .
     FILTER(?src = vnrd:source-001 && CONTAINS(STR(?quote), "{needle}")) }}
  ?s vnru:citation ?c ; a vnru:Statement ; vnru:statedBy ?who ; vnru:statementKind ?k ;
     vnru:summary ?summary .
  ?who skos:prefLabel ?speaker .
  ?k skos:prefLabel ?kind .
  FILTER(LANG(?summary) = "en" && LANG(?speaker) = "en" && LANG(?kind) = "en")
  OPTIONAL {{ ?s vnru:date ?date }}
  OPTIONAL {{ ?s vnru:about ?a . ?a skos:prefLabel ?about . FILTER(LANG(?about) = "en") }}
  OPTIONAL {{ ?s vnru:madeDuring ?e . ?e skos:prefLabel ?event . FILTER(LANG(?event) = "en") }}
  OPTIONAL {{ ?c vnru:viaReference ?r . ?r vnru:citationKey ?reference }}
}}
"""

# Observations of article 001 for an indicator between two states (reporter → partner), with
# their period, value, qualifier, growth, the reference the article gives and the quote.
_OBS = """
SELECT ?date ?start ?end ?value ?unit ?qualifier ?growth ?factor ?basis ?category ?reference ?quote
WHERE {{
  ?o a vnru:Observation ; vnru:indicator vnrv:{indicator} ;
     vnru:reporter vnrd:{reporter} ; vnru:partner vnrd:{partner} ;
     vnru:value ?value ; vnru:unit ?u ; vnru:citation ?c .
  ?u skos:prefLabel ?unit . FILTER(LANG(?unit) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
  OPTIONAL {{ ?o vnru:date ?date }}
  OPTIONAL {{ ?o vnru:startDate ?start }}
  OPTIONAL {{ ?o vnru:endDate ?end }}
  FILTER(STRSTARTS(STR(COALESCE(?date, ?start)), "{period}"))
  OPTIONAL {{ ?o vnru:valueQualifier ?q . ?q skos:prefLabel ?qualifier . FILTER(LANG(?qualifier) = "en") }}
  OPTIONAL {{ ?o vnru:growthPercent ?growth }}
  OPTIONAL {{ ?o vnru:growthFactor ?factor }}
  OPTIONAL {{ ?o vnru:growthBasis ?b . ?b skos:prefLabel ?basis . FILTER(LANG(?basis) = "en") }}
  OPTIONAL {{ ?o vnru:category ?g . ?g skos:prefLabel ?category . FILTER(LANG(?category) = "en") }}
  OPTIONAL {{ ?c vnru:viaReference ?r . ?r vnru:citationKey ?reference }}
}}
"""

# A visit article 001 reports: who, where, when (as written where interpreted), who invited, the
# ordinal, what came of it, and the quote.
_VISIT = """
SELECT ?guest ?destination ?start ?end ?date ?as_written ?invited_by ?ordinal ?docs ?quote WHERE {{
  ?v a vnru:Visit ; vnru:guest vnrd:{guest} ; vnru:destination ?d ; vnru:citation ?c .
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
  vnrd:{guest} skos:prefLabel ?guest . FILTER(LANG(?guest) = "en")
  ?d skos:prefLabel ?destination . FILTER(LANG(?destination) = "en")
  OPTIONAL {{ ?v vnru:startDate ?start }}
  OPTIONAL {{ ?v vnru:endDate ?end }}
  OPTIONAL {{ ?v vnru:date ?date }}
  FILTER(STRSTARTS(STR(COALESCE(?start, ?date)), "{year}"))
  OPTIONAL {{ ?v vnru:dateAsWritten ?as_written }}
  OPTIONAL {{ ?v vnru:invitedBy ?i . ?i skos:prefLabel ?invited_by . FILTER(LANG(?invited_by) = "en") }}
  OPTIONAL {{ ?v vnru:ordinal ?ordinal }}
  OPTIONAL {{ ?v vnru:documentsSigned ?docs }}
}}
"""

# The posts a person held as attested by article 001 (post, date attested, quote).
_POSTS = """
SELECT ?post ?attested ?quote WHERE {{
  ?t a vnru:Tenure ; org:member vnrd:{person} ; vnru:post ?p ; vnru:citation ?c .
  ?c vnru:source ?src ; vnru:attests ?attested ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
  ?p skos:prefLabel ?post . FILTER(LANG(?post) = "en")
}}
"""

# A project article 001 names: its name, participants, place (and the place's region), fields,
# the reference and the quote.
_PROJECT = """
SELECT ?project ?participant ?place ?region ?reference ?quote WHERE {{
  ?p a vnru:Project ; skos:prefLabel ?project ; vnru:citation ?c .
  FILTER(LANG(?project) = "en" && CONTAINS(?project, "{name}"))
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
  OPTIONAL {{ ?p vnru:participant ?x . ?x skos:prefLabel ?participant . FILTER(LANG(?participant) = "en") }}
  OPTIONAL {{ ?p vnru:locatedIn ?l . ?l skos:prefLabel ?place . FILTER(LANG(?place) = "en")
             OPTIONAL {{ ?l vnru:locatedIn ?l2 . ?l2 skos:prefLabel ?region . FILTER(LANG(?region) = "en") }} }}
  OPTIONAL {{ ?c vnru:viaReference ?r . ?r vnru:citationKey ?reference }}
}}
"""

# The reference article 001 gives for the facts of a class whose quote contains a passage.
_REFERENCE = """
SELECT ?fact ?reference ?title ?quote WHERE {{
  ?f a {cls} ; vnru:citation ?c .
  ?c vnru:source ?src ; vnru:quote ?quote ; vnru:viaReference ?r .
  FILTER(?src = vnrd:source-001)
  FILTER(CONTAINS(STR(?quote), "{needle}"))
  ?r vnru:citationKey ?reference ; dcterms:title ?title .
  BIND(STR(?f) AS ?fact)
}}
"""

# A commodity flow of article 001: direction, period and the goods.
_FLOW = """
SELECT ?reporter ?partner ?date ?commodity ?reference ?quote WHERE {{
  ?f a vnru:CommodityFlow ; vnru:indicator vnrv:{indicator} ; vnru:reporter ?rp ; vnru:partner ?pt ;
     vnru:date ?date ; vnru:commodity ?k ; vnru:citation ?c .
  FILTER(STRSTARTS(STR(?date), "2020"))
  ?rp skos:prefLabel ?reporter . FILTER(LANG(?reporter) = "en")
  ?pt skos:prefLabel ?partner . FILTER(LANG(?partner) = "en")
  ?k skos:prefLabel ?commodity . FILTER(LANG(?commodity) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
  OPTIONAL {{ ?c vnru:viaReference ?r . ?r vnru:citationKey ?reference }}
}}
"""

CASES = [
    # --- 2012: the comprehensive strategic partnership and Trương Tấn Sang's visit ---------------
    Case(
        "f001-period-csp-2012",
        all_of(
            has_date("2012", column="start"),
            has_text("Comprehensive Strategic Partnership", column="partnership"),
            has_text("từ 2012 đến nay", column="quote"),
        ),
        sparql="""
SELECT ?partnership ?start ?established_by ?quote WHERE {
  ?p a vnru:Partnership ; skos:prefLabel ?partnership ; vnru:startDate ?start ; vnru:citation ?c .
  FILTER(LANG(?partnership) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
  FILTER(CONTAINS(?quote, "từ 2012 đến nay"))
  OPTIONAL { ?p vnru:establishedBy ?e . ?e skos:prefLabel ?established_by . FILTER(LANG(?established_by) = "en") }
}""",
    ),
    Case(
        "f001-visit-sang-2012",
        all_of(
            has_date("2012-07-26", column="start"),
            has_date("2012-07-30", column="end"),
            has_text("Russian Federation", column="destination"),
        ),
        sparql=_VISIT.format(guest="truong-tan-sang", year="2012"),
    ),
    Case(
        "f001-sang-2012-invitation",
        all_of(
            has_text("Vladimir Putin", column="invited_by"),
            has_text("Nhận lời mời của Tổng thống Liên bang Nga Vladimir Putin", column="quote"),
        ),
        sparql=_VISIT.format(guest="truong-tan-sang", year="2012"),
    ),
    Case(
        "f001-role-sang-president",
        all_of(
            has_text("President of Vietnam", column="post"),
            has_date("2012-07-26", column="attested"),
        ),
        sparql=_POSTS.format(person="truong-tan-sang"),
    ),
    Case(
        "f001-context-ukraine-covid",
        all_of(
            has_text("Russia–Ukraine conflict", "COVID-19 pandemic", column="about"),
            has_text("climate change", column="summary"),
            has_text("xung đột Ucraina, đại dịch Covid, biến đổi khí hậu", column="quote"),
        ),
        sparql=_STATEMENT.format(needle="xung đột Ucraina, đại dịch Covid"),
    ),
    # --- visits and statements 2013–2018 -----------------------------------------------------------
    Case(
        "f001-role-trong-gs-2014",
        all_of(
            has_text("General Secretary of the Communist Party of Vietnam", column="post"),
            has_date("2014-11", column="attested"),
        ),
        sparql=_POSTS.format(person="nguyen-phu-trong"),
    ),
    Case(
        "f001-src-phuong-hang-2018",
        all_of(
            has_text("Phương Hằng, 2018", column="reference"),
            has_text("Nguyen Phu Trong", column="speaker"),
            has_date("2014-11", column="date"),
        ),
        sparql=_STATEMENT.format(needle="Chính sách nhất quán của Việt Nam"),
    ),
    Case(
        "f001-visit-quang-2017",
        all_of(
            has_date("2017-06-26", column="start"),
            has_date("2017-07-01", column="end"),
            has_text("26-1/7/2017", column="as_written"),
        ),
        sparql=_VISIT.format(guest="tran-dai-quang", year="2017"),
        note="Written '26-1/7/2017' in the source: read as 26 June – 1 July 2017 (recorded as an impossible-date discrepancy).",
    ),
    Case(
        "f001-visit-trong-2018",
        all_of(
            has_date("2018-09-05", column="start"),
            has_date("2018-09-08", column="end"),
            has_text("Russian Federation", column="destination"),
        ),
        sparql=_VISIT.format(guest="nguyen-phu-trong", year="2018"),
    ),
    # --- economy and trade -----------------------------------------------------------------------
    Case(
        "f001-economy-highlight-csp",
        all_of(
            has_text("Economic and trade cooperation", "highlight", column="summary"),
            has_text("assessment", column="kind"),
        ),
        sparql=_STATEMENT.format(needle="Hợp tác kinh tế thương mại là điểm nhấn quan trọng"),
    ),
    Case(
        "f001-trade-balance-2018",
        all_of(
            has_number(315000000, column="value"),
            has_text("Thái Bình, 2019", column="reference"),
        ),
        sparql=_OBS.format(
            indicator="trade-balance", reporter="vietnam", partner="russia", period="2018"
        ),
    ),
    Case(
        "f001-trade-2020-split",
        all_of(
            has_number(2850000000, 2000000000, column="value"),
            has_text("xuất khẩu đạt 2,85 tỷ USD, nhập khẩu đạt 2 tỷ USD", column="quote"),
        ),
        sparql="""
SELECT ?indicator ?value ?total ?quote WHERE {
  ?o a vnru:Observation ; vnru:indicator ?i ; vnru:reporter vnrd:vietnam ; vnru:partner vnrd:russia ;
     vnru:date "2020"^^xsd:gYear ; vnru:value ?value ; vnru:componentOf ?t ; vnru:citation ?c .
  ?i skos:prefLabel ?indicator .
  ?t vnru:value ?total .
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
  FILTER(?i IN (vnrv:exports, vnrv:imports) && LANG(?indicator) = "en")
}""",
    ),
    Case(
        "f001-src-ha-phuong-2021-trade",
        all_of(
            has_text("Hà Phương, 2021", column="reference"),
            has_number(4850000000, column="value"),
        ),
        sparql=_OBS.format(
            indicator="trade-turnover", reporter="vietnam", partner="russia", period="2020"
        ),
    ),
    Case(
        "f001-trade-vn-exports-goods-2020",
        has_text(
            "telephones",
            "electronics",
            "textiles",
            "footwear",
            "agricultural products",
            "seafood",
            column="commodity",
        ),
        sparql=_FLOW.format(indicator="exports"),
    ),
    Case(
        "f001-trade-vn-imports-goods-2020",
        has_text(
            "coal",
            "wheat",
            "iron and steel",
            "fertiliser",
            "motor vehicles",
            "machinery",
            column="commodity",
        ),
        sparql=_FLOW.format(indicator="imports"),
    ),
    Case(
        "f001-trade-2022",
        all_of(
            has_number(3600000000, column="value"),
            has_text("about", column="qualifier"),
        ),
        sparql=_OBS.format(
            indicator="trade-turnover", reporter="vietnam", partner="russia", period="2022"
        ),
    ),
    Case(
        "f001-sanctions-2022",
        all_of(
            has_text("sanctions against Russia", column="event"),
            has_text("biện pháp trừng phạt mà phương Tây nhằm vào Nga", column="quote"),
            has_number(3600000000, column="trade_2022"),
        ),
        sparql="""
SELECT ?event ?trade_2022 ?quote WHERE {
  ?e a vnru:HistoricalEvent ; skos:prefLabel ?event ; vnru:citation ?c .
  FILTER(LANG(?event) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
  FILTER(CONTAINS(?quote, "trừng phạt"))
  ?o vnru:indicator vnrv:trade-turnover ; vnru:reporter vnrd:vietnam ; vnru:partner vnrd:russia ;
     vnru:date "2022"^^xsd:gYear ; vnru:value ?trade_2022 .
}""",
    ),
    Case(
        "f001-trade-cashew-2023",
        all_of(
            has_number(19, column="growth"),
            has_date("2023-01", column="start"),
            has_text("the same period of the previous year", column="basis"),
        ),
        sparql="""
SELECT ?commodity ?start ?end ?growth ?basis ?quote WHERE {
  ?o a vnru:Observation ; vnru:indicator vnrv:exports-growth ; vnru:commodity vnrv:cashew ;
     vnru:reporter vnrd:vietnam ; vnru:partner vnrd:russia ; vnru:growthPercent ?growth ;
     vnru:startDate ?start ; vnru:endDate ?end ; vnru:growthBasis ?b ; vnru:citation ?c .
  vnrv:cashew skos:prefLabel ?commodity . FILTER(LANG(?commodity) = "en")
  ?b skos:prefLabel ?basis . FILTER(LANG(?basis) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
}""",
    ),
    Case(
        "f001-state-ukraine",
        all_of(
            has_text("Russia–Ukraine conflict", column="conflict"),
            has_text("Ukraine", column="party"),
            has_text("xung đột Nga - Ucraina", column="quote"),
        ),
        sparql="""
SELECT ?conflict ?party ?quote WHERE {
  ?e a vnru:HistoricalEvent ; skos:prefLabel ?conflict ; vnru:participant ?p ; vnru:citation ?c .
  FILTER(LANG(?conflict) = "en")
  ?p skos:prefLabel ?party . FILTER(LANG(?party) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
  FILTER(CONTAINS(?quote, "cấm vận của Mỹ và phương Tây từ xung đột Nga - Ucraina"))
}""",
    ),
    Case(
        "f001-src-minh-hang-2024-trade",
        all_of(
            has_text("Minh Hằng, Nguyễn Hà", column="reference"),
            has_number(3630000000, 1110000000, column="value"),
        ),
        sparql="""
SELECT ?period ?value ?reference ?quote WHERE {
  ?o a vnru:Observation ; vnru:indicator vnrv:trade-turnover ; vnru:reporter vnrd:vietnam ;
     vnru:partner vnrd:russia ; vnru:value ?value ; vnru:citation ?c .
  ?o vnru:date|vnru:startDate ?period .
  FILTER(STRSTARTS(STR(?period), "2023") || STRSTARTS(STR(?period), "2024"))
  ?c vnru:source ?src ; vnru:quote ?quote ; vnru:viaReference ?r .
  FILTER(?src = vnrd:source-001)
  ?r vnru:citationKey ?reference .
}""",
    ),
    # --- investment and projects -----------------------------------------------------------------
    Case(
        "f001-invest-2021-vietnam",
        all_of(
            has_number(20, 3000000000, column="value"),
            has_text("more than", "nearly", column="qualifier"),
            has_date("2021-04", column="date"),
        ),
        sparql="""
SELECT ?indicator ?date ?value ?qualifier ?quote WHERE {
  ?o a vnru:Observation ; vnru:indicator ?i ; vnru:reporter vnrd:vietnam ; vnru:partner vnrd:russia ;
     vnru:date ?date ; vnru:value ?value ; vnru:valueQualifier ?q ; vnru:citation ?c .
  ?i skos:prefLabel ?indicator .
  ?q skos:prefLabel ?qualifier .
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
  FILTER(?i IN (vnrv:investment-projects, vnrv:investment-capital) && STR(?date) = "2021-04")
  FILTER(LANG(?indicator) = "en" && LANG(?qualifier) = "en")
}""",
    ),
    Case(
        "f001-invest-2024-russia",
        all_of(
            has_number(186, 984980000, 28, column="value"),
            has_text("Rank among investors", "Registered investment capital", column="indicator"),
        ),
        sparql="""
SELECT ?indicator ?value ?quote WHERE {
  ?o a vnru:Observation ; vnru:indicator ?i ; vnru:reporter vnrd:russia ; vnru:partner vnrd:vietnam ;
     vnru:date "2024-04"^^xsd:gYearMonth ; vnru:value ?value ; vnru:citation ?c .
  ?i skos:prefLabel ?indicator . FILTER(LANG(?indicator) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
}""",
    ),
    Case(
        "f001-invest-2024-russia-projects",
        all_of(
            has_number(186, column="value"),
            has_text("projects", column="unit"),
            has_date("2024-04", column="date"),
        ),
        sparql=_OBS.format(
            indicator="investment-projects", reporter="russia", partner="vietnam", period="2024"
        ),
    ),
    Case(
        "f001-org-rusvietpetro-invest",
        all_of(
            has_text("Rusvietpetro", column="about"),
            has_text("Vietnam's investment in Russia", column="summary"),
        ),
        sparql=_STATEMENT.format(needle="chủ yếu của các dự án Liên doanh dầu khí Rusvietpetro"),
    ),
    Case(
        "f001-org-hanoi-moskva-centre",
        all_of(
            has_text("Hanoi–Moscow Cultural and Trade Centre", column="name"),
            has_text("Trung tâm Văn hóa - Thương mại Hà Nội - Moskva", column="name_vi"),
            has_text("Socialist Republic of Vietnam", column="country"),
            has_text("Russian Federation", column="located_in"),
        ),
        sparql="""
SELECT ?name ?name_vi ?country ?located_in ?quote WHERE {
  ?o a vnru:CulturalCentre ; skos:prefLabel ?name , ?name_vi ; vnru:country ?k ; vnru:locatedIn ?l ;
     vnru:citation ?c .
  FILTER(LANG(?name) = "en" && LANG(?name_vi) = "vi")
  ?k skos:prefLabel ?country . FILTER(LANG(?country) = "en")
  ?l skos:prefLabel ?located_in . FILTER(LANG(?located_in) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
  FILTER(CONTAINS(?quote, "Hà Nội - Moskva"))
}""",
    ),
    Case(
        "f001-project-ca-na-lng",
        all_of(
            has_text("Cà Ná", column="place"),
            has_text("Ninh Thuận", column="region"),
            has_text("Russian Federation", column="participant"),
        ),
        sparql=_PROJECT.format(name="LNG"),
    ),
    Case(
        "f001-project-haiphong-ip",
        all_of(
            has_text("Haiphong", column="place"),
            has_text("industrial park", column="project"),
        ),
        sparql=_PROJECT.format(name="industrial park"),
    ),
    Case(
        "f001-project-vinh-phong-wind",
        all_of(
            has_text("Vĩnh Phong", column="place"),
            has_text("Bình Thuận", column="region"),
            has_text("Hà Phương, 2021", column="reference"),
        ),
        sparql=_PROJECT.format(name="offshore wind"),
    ),
    # --- energy --------------------------------------------------------------------------------------
    Case(
        "f001-org-gazprom-rosneft",
        all_of(
            has_text("Gazprom", "Rosneft", column="participant"),
            has_text("continental shelf", column="project"),
        ),
        sparql=_PROJECT.format(name="continental shelf"),
    ),
    Case(
        "f001-place-nenets",
        all_of(
            has_text("Nenets Autonomous Okrug", column="name"),
            has_text("Russian Federation", column="in"),
            has_text("Rusvietpetro", column="project"),
        ),
        sparql="""
SELECT ?name ?in ?project ?quote WHERE {
  ?pl a vnru:Place ; skos:prefLabel "Khu tự trị Nhe-nhét-xki"@vi , ?name ; vnru:locatedIn ?s .
  FILTER(LANG(?name) = "en")
  ?s skos:prefLabel ?in . FILTER(LANG(?in) = "en")
  ?p a vnru:Project ; vnru:locatedIn ?pl ; skos:prefLabel ?project ; vnru:citation ?c .
  FILTER(LANG(?project) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
}""",
    ),
    Case(
        "f001-src-thu-phuong-2021",
        all_of(
            has_text("Thu Phương, TTXVN, 2021", column="reference"),
            rows_at_least(3),
        ),
        sparql="""
SELECT DISTINCT ?fact ?reference ?quote WHERE {
  ?f vnru:field vnrv:energy ; vnru:citation ?c .
  ?c vnru:source ?src ; vnru:quote ?quote ; vnru:viaReference ?r .
  FILTER(?src = vnrd:source-001)
  ?r vnru:citationKey ?reference .
  FILTER(CONTAINS(?reference, "TTXVN"))
  BIND(STR(?f) AS ?fact)
}""",
    ),
    # --- defence ---------------------------------------------------------------------------------
    Case(
        "f001-kilo-6",
        all_of(
            has_number(6, column="delivered"),
            has_text("Kilo-class", column="weapon"),
            has_text("Hoàng Thùy - Hoàng Phương, 2017", column="reference"),
        ),
        sparql="""
SELECT ?weapon ?supplier ?delivered ?reference ?quote WHERE {
  ?t a vnru:ArmsTransfer ; vnru:weaponSystem ?w ; vnru:supplier ?s ; vnru:recipient vnrd:vietnam ;
     vnru:numberDelivered ?delivered ; vnru:citation ?c .
  ?w skos:prefLabel ?weapon . FILTER(LANG(?weapon) = "en" && CONTAINS(?weapon, "Kilo"))
  ?s skos:prefLabel ?supplier . FILTER(LANG(?supplier) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
  OPTIONAL { ?c vnru:viaReference ?r . ?r vnru:citationKey ?reference }
}""",
    ),
    Case(
        "f001-su30-12",
        all_of(
            has_number(12, column="delivered"),
            has_date("2012", column="from"),
            has_text("12 máy bay Su-30MK2", column="quote"),
        ),
        sparql="""
SELECT ?transfer ?delivered ?from ?quote WHERE {
  ?t a vnru:ArmsTransfer ; skos:prefLabel ?transfer ; vnru:weaponSystem vnrd:weapon-su-30mk2 ;
     vnru:supplier vnrd:russia ; vnru:recipient vnrd:vietnam ; vnru:numberDelivered ?delivered ;
     vnru:startDate ?from ; vnru:citation ?c .
  FILTER(LANG(?transfer) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
}""",
    ),
    Case(
        "f001-src-thanhnien-2016",
        all_of(
            has_text("Báo điện tử Thanh niên, 2016", column="reference"),
            has_text("12 máy bay Su-30MK2", column="quote"),
        ),
        sparql=_REFERENCE.format(cls="vnru:ArmsTransfer", needle="12 máy bay Su-30MK2"),
    ),
    Case(
        "f001-mech-defence-dialogue",
        all_of(
            has_text(
                "Defence Strategic Dialogue at deputy defence minister level", column="mechanism"
            ),
            has_text("deputy minister of defence", column="level"),
            has_number(1, 2, 3, column="session"),
        ),
        sparql="""
SELECT ?mechanism ?level ?session ?date ?quote WHERE {
  ?m a vnru:CooperationMechanism ; skos:prefLabel ?mechanism ; vnru:level ?level .
  FILTER(LANG(?mechanism) = "en" && LANG(?level) = "en")
  ?s vnru:ofMechanism ?m ; vnru:sessionNumber ?session ; vnru:date ?date ; vnru:citation ?c .
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
  FILTER(CONTAINS(?quote, "lần"))
}""",
    ),
    Case(
        "f001-defence-dialogue-3",
        all_of(
            has_date("2017-11", column="date"),
            has_text("3rd Vietnam–Russia Defence Strategic Dialogue", column="session"),
        ),
        sparql="""
SELECT ?session ?date ?quote WHERE {
  ?s a vnru:Session ; vnru:ofMechanism vnrd:mechanism-defence-strategic-dialogue ;
     vnru:sessionNumber 3 ; skos:prefLabel ?session ; vnru:date ?date ; vnru:citation ?c .
  FILTER(LANG(?session) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
}""",
    ),
    # --- science, nuclear energy, education --------------------------------------------------------
    Case(
        "f001-st-60-projects",
        all_of(
            has_number(60, column="value"),
            has_text("nearly", column="qualifier"),
        ),
        sparql=_OBS.format(
            indicator="joint-research-projects", reporter="vietnam", partner="russia", period="2024"
        ),
    ),
    Case(
        "f001-nuclear-strength",
        all_of(
            has_text("strong in the nuclear field", column="summary"),
            has_text("thế mạnh trong lĩnh vực hạt nhân", column="quote"),
        ),
        sparql=_STATEMENT.format(needle="thế mạnh trong lĩnh vực hạt nhân"),
    ),
    Case(
        "f001-nuclear-centre",
        all_of(
            has_text("Centre for Nuclear Science and Technology in Vietnam", column="project"),
            has_text("Socialist Republic of Vietnam", column="place"),
            has_text("Russian Federation", column="participant"),
        ),
        sparql=_PROJECT.format(name="Nuclear Science"),
    ),
    Case(
        "f001-scholarships-2012-nuclear",
        all_of(
            has_number(70, column="value"),
            has_text("nuclear specialists", column="category"),
            has_text("Hà Phạm, 2019", column="reference"),
        ),
        sparql=_OBS.format(
            indicator="scholarships", reporter="russia", partner="vietnam", period="2012"
        ),
    ),
    Case(
        "f001-scholarships-2015",
        all_of(
            has_number(795, column="value"),
            has_text("scholarships", column="unit"),
        ),
        sparql=_OBS.format(
            indicator="scholarships", reporter="russia", partner="vietnam", period="2015"
        ),
    ),
    Case(
        "f001-src-ha-pham-2019",
        all_of(
            has_text("Hà Phạm, 2019", column="reference"),
            has_number(400, 600, 795, 855, 953, column="value"),
        ),
        sparql="""
SELECT ?date ?value ?reference ?quote WHERE {
  ?o a vnru:Observation ; vnru:indicator vnrv:scholarships ; vnru:reporter vnrd:russia ;
     vnru:date ?date ; vnru:value ?value ; vnru:citation ?c .
  FILTER(STR(?date) >= "2012" && STR(?date) <= "2017")
  ?c vnru:source ?src ; vnru:quote ?quote ; vnru:viaReference ?r .
  FILTER(?src = vnrd:source-001)
  ?r vnru:citationKey ?reference .
}""",
    ),
    # --- tourism, localities, community ------------------------------------------------------------
    Case(
        "f001-tourism-top10",
        all_of(
            has_text("one of the 10 leading growth markets", column="summary"),
            has_text("10 thị trường tăng trưởng", column="quote"),
        ),
        sparql=_STATEMENT.format(needle="10 thị trường tăng trưởng"),
    ),
    Case(
        "f001-tourists-2017",
        all_of(
            has_number(500000, column="value"),
            has_text("more than", column="qualifier"),
            has_text("arrivals", column="unit"),
        ),
        sparql=_OBS.format(
            indicator="tourist-arrivals", reporter="russia", partner="vietnam", period="2017"
        ),
    ),
    Case(
        "f001-tourists-2017-doubling",
        all_of(
            has_number(2, column="factor"),
            has_text("five years earlier", column="basis"),
            has_text("gần gấp đôi", column="quote"),
        ),
        sparql=_OBS.format(
            indicator="tourist-arrivals", reporter="russia", partner="vietnam", period="2017"
        ),
    ),
    Case(
        "f001-pair-hanoi-moscow",
        all_of(
            has_text("Moscow", column="partner_city"),
            has_text("Matxcơva", column="alias"),
            has_text("Hà Nội và Matxcơva", column="quote"),
        ),
        sparql="""
SELECT ?partner_city ?alias ?quote WHERE {
  ?s a vnru:Statement ; vnru:field vnrv:local-cooperation ; vnru:about vnrd:hanoi , ?city ; vnru:citation ?c .
  FILTER(?city != vnrd:hanoi)
  ?city skos:prefLabel ?partner_city . FILTER(LANG(?partner_city) = "en")
  OPTIONAL { ?city skos:altLabel ?alias }
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
}""",
    ),
    Case(
        "f001-community-cities",
        all_of(
            has_text("Moscow", "Saint Petersburg", "Ufa", "Volgograd", column="city"),
            has_text("Nguyễn Trí Dũng, 2024", column="reference"),
        ),
        sparql="""
SELECT ?city ?reference ?quote WHERE {
  ?s a vnru:Statement ; vnru:about ?x ; vnru:citation ?c .
  ?x a vnru:Place ; skos:prefLabel ?city . FILTER(LANG(?city) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
  FILTER(CONTAINS(?quote, "Ufa, Volgograd"))
  OPTIONAL { ?c vnru:viaReference ?r . ?r vnru:citationKey ?reference }
}""",
    ),
    Case(
        "f001-src-nguyen-tri-dung-2024",
        all_of(
            has_text("Nguyễn Trí Dũng, 2024", column="reference"),
            has_number(80000, column="value"),
        ),
        sparql=_OBS.format(
            indicator="community-size", reporter="vietnam", partner="russia", period="2024"
        ),
    ),
    # --- Putin's state visit of June 2024 ------------------------------------------------------------
    Case(
        "f001-11-documents-2024",
        all_of(
            has_number(11, column="docs"),
            has_number(5, column="ordinal"),
            has_text("11 văn kiện", column="quote"),
        ),
        sparql=_VISIT.format(guest="vladimir-putin", year="2024"),
    ),
    Case(
        "f001-treaty1994-date",
        all_of(
            has_date("1994-06-16", column="signed"),
            has_text("16/6/1994-16/6/2024", column="quote"),
        ),
        sparql="""
SELECT ?treaty ?signed ?quote WHERE {
  vnrd:treaty-1994 skos:prefLabel ?treaty ; vnru:dateSigned ?signed ; vnru:citation ?c .
  FILTER(LANG(?treaty) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
}""",
    ),
    Case(
        "f001-putin-reelected-2024",
        all_of(
            has_date("2024-03", column="date"),
            has_number(5, column="term"),
            has_text("nhiệm kỳ thứ 5", column="quote"),
        ),
        sparql="""
SELECT ?election ?date ?term ?quote WHERE {
  ?e a vnru:Election ; vnru:participant vnrd:vladimir-putin ; skos:prefLabel ?election ;
     vnru:date ?date ; vnru:ordinal ?term ; vnru:citation ?c .
  FILTER(LANG(?election) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
}""",
    ),
    Case(
        "f001-2024-dir1-dialogue",
        all_of(
            has_text("agreed orientation", column="kind"),
            has_text("dialogue and contacts", "multilateral forums", column="summary"),
            has_date("2024-06", column="date"),
        ),
        sparql=_STATEMENT.format(needle="Một là, tăng cường đối thoại"),
    ),
    Case(
        "f001-apec-2027",
        all_of(
            has_text("Russian Federation", column="speaker"),
            has_text("APEC Year 2027", column="about"),
            has_text("Năm APEC 2027", column="quote"),
        ),
        sparql=_STATEMENT.format(needle="đăng cai Năm APEC 2027"),
    ),
    Case(
        "f001-asean-centrality",
        all_of(
            has_text("Russian Federation", column="speaker"),
            has_text("ASEAN's central role in the regional architecture", column="summary"),
        ),
        sparql=_STATEMENT.format(needle="vai trò trung tâm của ASEAN"),
    ),
    Case(
        "f001-2024-dir2-economy-pillar",
        all_of(
            has_text("pillar and focus", column="summary"),
            has_text("Vietnam–Eurasian Economic Union Free Trade Agreement", column="about"),
        ),
        sparql=_STATEMENT.format(needle="Hai là, khẳng định hợp tác kinh tế"),
    ),
    Case(
        "f001-org-admm-plus",
        all_of(
            has_text("ASEAN Defence Ministers' Meeting-Plus", column="forum"),
            has_text("Hội nghị Bộ trưởng Quốc phòng ASEAN mở rộng", column="forum_vi"),
            has_text("ADMM+", column="alias"),
            has_text("agreed orientation", column="kind"),
        ),
        sparql="""
SELECT ?forum ?forum_vi ?alias ?kind ?quote WHERE {
  ?s a vnru:Statement ; vnru:about ?f ; vnru:statementKind ?k ; vnru:citation ?c .
  ?f a vnru:MultilateralForum ; skos:prefLabel ?forum , ?forum_vi ; skos:altLabel ?alias .
  FILTER(LANG(?forum) = "en" && LANG(?forum_vi) = "vi" && STR(?alias) = "ADMM+")
  ?k skos:prefLabel ?kind . FILTER(LANG(?kind) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
  FILTER(CONTAINS(?quote, "(ADMM+)"))
}""",
    ),
    Case(
        "f001-2024-dir5-international",
        all_of(
            has_text("international law and the UN Charter", column="summary"),
            has_text("Charter of the United Nations", column="about"),
        ),
        sparql=_STATEMENT.format(needle="Năm là, lãnh đạo cấp cao hai bên"),
    ),
    Case(
        "f001-2024-east-sea",
        all_of(
            has_text(
                "freedom of navigation and overflight", "peaceful settlement", column="summary"
            ),
            has_text("Law of the Sea", "Declaration on the Conduct of Parties", column="about"),
            has_text("Triều Dương, 2024", column="reference"),
        ),
        sparql=_STATEMENT.format(needle="Về vấn đề Biển Đông"),
    ),
    # --- after the visit: Tô Lâm, BRICS --------------------------------------------------------------
    Case(
        "f001-tolam-2024-statement",
        all_of(
            has_text("To Lam", column="speaker"),
            has_text("strategic importance", "top priorities", column="summary"),
            has_date("2024-08-08", column="date"),
            has_text("Trung Duy, 2024", column="reference"),
        ),
        sparql=_STATEMENT.format(needle="có tầm quan trọng chiến lược"),
    ),
    Case(
        "f001-brics-2024-attend",
        all_of(
            has_date("2024-10-24", column="date"),
            has_text("Pham Minh Chinh", column="participant"),
            has_text("BRICS và Nam bán cầu", column="theme"),
            has_text("Vladimir Putin", column="invited_by"),
            has_text("chair", column="chair_role"),
        ),
        sparql="""
SELECT ?summit ?date ?participant ?theme ?invited_by ?chair ?chair_role ?quote WHERE {
  ?s a vnru:Summit ; skos:prefLabel ?summit ; vnru:date ?date ; vnru:participant ?p ; vnru:theme ?theme ;
     vnru:invitedBy ?i ; vnru:citation ?c .
  FILTER(LANG(?summit) = "en" && LANG(?theme) = "vi" && CONTAINS(?summit, "BRICS"))
  ?p a vnru:Person ; skos:prefLabel ?participant . FILTER(LANG(?participant) = "en")
  ?i skos:prefLabel ?invited_by . FILTER(LANG(?invited_by) = "en")
  ?c vnru:source ?src ; vnru:quote ?quote .
  FILTER(?src = vnrd:source-001)
  ?m a vnru:Membership ; org:organization vnrd:brics ; org:member ?ch ; org:role ?r ; vnru:date "2024"^^xsd:gYear .
  ?ch skos:prefLabel ?chair . FILTER(LANG(?chair) = "en")
  ?r skos:prefLabel ?chair_role . FILTER(LANG(?chair_role) = "en")
}""",
    ),
    Case(
        "f001-role-chinh-pm",
        all_of(
            has_text("Prime Minister of Vietnam", column="post"),
            has_date("2024-10-24", column="attested"),
        ),
        sparql=_POSTS.format(person="pham-minh-chinh"),
    ),
    Case(
        "f001-chinh-brics-statement",
        all_of(
            has_text("Pham Minh Chinh", column="speaker"),
            has_text("Comprehensive Strategic Partnership with Russia", column="summary"),
            has_text("BRICS", column="event"),
        ),
        sparql=_STATEMENT.format(needle="Thủ tướng Phạm Minh Chính khẳng định"),
    ),
    Case(
        "f001-src-ha-van-2024",
        all_of(
            has_text("Hà Văn, 2024", column="reference"),
            has_text("BRICS", column="quote"),
        ),
        sparql=_REFERENCE.format(cls="vnru:Summit", needle="BRICS"),
    ),
    # --- conclusion ------------------------------------------------------------------------------
    Case(
        "f001-shared-values",
        all_of(
            has_text(
                "rich common history",
                "similar values and development orientations",
                column="summary",
            ),
            has_text("PV, 2024", column="reference"),
        ),
        sparql=_STATEMENT.format(needle="định hướng phát triển tương đồng"),
    ),
    Case(
        "f001-src-pv-2024",
        all_of(
            has_text("PV, 2024", column="reference"),
            has_text("lịch sử chung phong phú", column="quote"),
        ),
        sparql=_STATEMENT.format(needle="lịch sử chung phong phú"),
    ),
]
