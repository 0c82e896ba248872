"""Competency questions of article 001 (Nguyễn An Hà, "75 năm quan hệ Việt Nam - Liên bang Nga")
whose quote lies in part 1 of the text (from the beginning to the heading of section 3.3), each
answered by a SPARQL query. The questions whose quote lies in section 3.3 or later are in
cases_a001_part2.py. f001-role-trong-gs is here: its quote first occurs in part 1."""

from __future__ import annotations

from .harness import Case, all_of, has_date, has_number, has_text

# A statement of article 001 whose quote contains a passage: speaker(s), kind, summary, what it
# is about, its dates, the event it was made at, the quote.
_STATEMENT = """
SELECT ?speaker ?kind ?summary ?about ?date ?start ?end ?event ?quote WHERE {{
  ?s a vnru:Statement ; vnru:statedBy ?who ; vnru:statementKind ?k ; vnru:summary ?summary ;
     vnru:citation ?c .
  FILTER(LANG(?summary) = "en")
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "{needle}"))
  ?who skos:prefLabel ?speaker . FILTER(LANG(?speaker) = "en")
  ?k skos:prefLabel ?kind . FILTER(LANG(?kind) = "en")
  OPTIONAL {{ ?s vnru:date ?date }}
  OPTIONAL {{ ?s vnru:startDate ?start }}
  OPTIONAL {{ ?s vnru:endDate ?end }}
  OPTIONAL {{ ?s vnru:about ?a . ?a skos:prefLabel ?about . FILTER(LANG(?about) = "en") }}
  OPTIONAL {{ ?s vnru:madeDuring ?e . ?e skos:prefLabel ?event . FILTER(LANG(?event) = "en") }}
}}
"""

# An observation of article 001 by indicator (and reporter): value, unit, qualifier, category,
# period, the reference the article gives and the quote.
_OBSERVATION = """
SELECT ?value ?unit ?qualifier ?category ?date ?start ?end ?rankOutOf ?reference ?quote WHERE {{
  ?o a vnru:Observation ; vnru:indicator vnrv:{indicator} ; vnru:reporter vnrd:{reporter} ;
     vnru:value ?value ; vnru:unit ?u ; vnru:citation ?c .
  ?u skos:prefLabel ?unit . FILTER(LANG(?unit) = "en")
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  OPTIONAL {{ ?o vnru:valueQualifier ?q . ?q skos:prefLabel ?qualifier . FILTER(LANG(?qualifier) = "en") }}
  OPTIONAL {{ ?o vnru:category ?g . ?g skos:prefLabel ?category . FILTER(LANG(?category) = "en") }}
  OPTIONAL {{ ?o vnru:date ?date }}
  OPTIONAL {{ ?o vnru:startDate ?start }}
  OPTIONAL {{ ?o vnru:endDate ?end }}
  OPTIONAL {{ ?o vnru:rankOutOf ?rankOutOf }}
  OPTIONAL {{ ?c vnru:viaReference ?r . ?r vnru:citationKey ?reference }}
  {filter}
}}
"""

# The reference article 001 gives (author–year key) for a quoted passage.
_REFERENCE = """
SELECT ?reference ?title ?fact ?quote WHERE {{
  ?f vnru:citation ?c .
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote ; vnru:viaReference ?r .
  FILTER(CONTAINS(STR(?quote), "{needle}"))
  ?r vnru:citationKey ?reference ; dcterms:title ?title .
  vnrd:source-001 dcterms:references ?r .
  OPTIONAL {{ ?f skos:prefLabel ?fact . FILTER(LANG(?fact) = "en") }}
}}
"""

# A visit of article 001 whose quote contains a passage: guest, destination, dates, ordinal,
# significance, the quote.
_VISIT = """
SELECT ?visit ?guest ?destination ?date ?start ?end ?ordinal ?invitedBy ?significance ?quote WHERE {{
  ?v a ?kind ; vnru:guest ?g ; vnru:citation ?c ; skos:prefLabel ?visit .
  ?kind rdfs:subClassOf* vnru:Visit .
  FILTER(LANG(?visit) = "en")
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "{needle}"))
  ?g skos:prefLabel ?guest . FILTER(LANG(?guest) = "en")
  OPTIONAL {{ ?v vnru:destination ?d . ?d skos:prefLabel ?destination . FILTER(LANG(?destination) = "en") }}
  OPTIONAL {{ ?v vnru:date ?date }}
  OPTIONAL {{ ?v vnru:startDate ?start }}
  OPTIONAL {{ ?v vnru:endDate ?end }}
  OPTIONAL {{ ?v vnru:ordinal ?ordinal }}
  OPTIONAL {{ ?v vnru:invitedBy ?i . ?i skos:prefLabel ?invitedBy . FILTER(LANG(?invitedBy) = "en") }}
  OPTIONAL {{ ?v vnru:significance ?significance }}
}}
"""

# The posts a person held according to article 001, with the dates its quotes attest.
_POSTS = """
SELECT ?post ?role ?attested ?quote WHERE {{
  ?t a vnru:Tenure ; org:member vnrd:{person} ; vnru:post ?p ; vnru:citation ?c .
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  OPTIONAL {{ ?c vnru:attests ?attested }}
  ?p skos:prefLabel ?post ; org:role ?r . FILTER(LANG(?post) = "en")
  ?r skos:prefLabel ?role . FILTER(LANG(?role) = "en")
}}
"""

# The author's periods of article 001 (from its sections): label, start, end, significance.
_PERIODS = """
SELECT ?period ?start ?end ?significance ?quote WHERE {{
  ?p a vnru:Period ; skos:prefLabel ?period ; vnru:startDate ?start ; vnru:citation ?c .
  FILTER(LANG(?period) = "{lang}")
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "{needle}"))
  OPTIONAL {{ ?p vnru:endDate ?end }}
  OPTIONAL {{ ?p vnru:significance ?significance }}
}}
"""

CASES = [
    Case(
        "f001-article-author",
        all_of(
            has_text("Nguyễn An Hà", column="author"), has_text("Nguyễn An Hà*", column="quote")
        ),
        sparql="""
SELECT ?title ?author ?quote WHERE {
  vnrd:source-001 dcterms:title ?title ; dcterms:creator ?a .
  ?a skos:prefLabel ?author . FILTER(LANG(?author) = "vi")
  ?a vnru:citation ?c . ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f001-state-china",
        all_of(
            has_text("China", column="supplier"),
            has_text("Soviet Union", column="supplier"),
            has_text("Democratic Republic of Vietnam", column="recipient"),
            has_date("1950", column="start"),
            has_text("từ Liên Xô, Trung Quốc và các", column="quote"),
        ),
        sparql="""
SELECT ?supplier ?recipient ?start ?end ?quote WHERE {
  ?aid a vnru:Aid ; vnru:supplier ?s ; vnru:recipient ?r ; vnru:startDate ?start ; vnru:citation ?c .
  ?s skos:prefLabel ?supplier . FILTER(LANG(?supplier) = "en")
  ?r skos:prefLabel ?recipient . FILTER(LANG(?recipient) = "en")
  OPTIONAL { ?aid vnru:endDate ?end }
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  FILTER EXISTS { ?aid vnru:supplier vnrd:china }
}""",
    ),
    Case(
        "f001-arms-radar",
        all_of(
            has_text(
                "Medium-range surveillance radars",
                "Long-range surveillance radars",
                column="system",
            ),
            has_date("1965", column="start"),
            has_date("1972", column="end"),
            has_text("radar cảnh giới tầm trung và tầm xa", column="quote"),
        ),
        sparql="""
SELECT ?system ?type ?start ?end ?quote WHERE {
  ?aid a vnru:Aid ; vnru:supplier vnrd:soviet-union ; vnru:weaponSystem ?w ;
       vnru:startDate ?start ; vnru:endDate ?end .
  ?w vnru:weaponType vnrv:radar ; skos:prefLabel ?system ; vnru:citation ?c .
  FILTER(LANG(?system) = "en")
  vnrv:radar skos:prefLabel ?type . FILTER(LANG(?type) = "en")
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f001-treaty1978-place",
        all_of(
            has_text("Moscow", column="place"),
            has_date("1978-11-03", column="signed"),
            has_text("tại Matxcơva ngày", column="quote"),
        ),
        sparql="""
SELECT ?treaty ?place ?signed ?quote WHERE {
  vnrd:treaty-1978 skos:prefLabel ?treaty ; vnru:placeSigned ?p ; vnru:dateSigned ?signed ;
                   vnru:citation ?c .
  FILTER(LANG(?treaty) = "en")
  ?p skos:prefLabel ?place . FILTER(LANG(?place) = "en")
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f001-hoabinh-vietsov-symbols",
        all_of(
            has_text("Hòa Bình hydropower plant", "Vietsovpetro", column="about"),
            has_text("symbols", column="summary"),
        ),
        sparql=_STATEMENT.format(needle="là những biểu tượng minh chứng"),
    ),
    Case(
        "f001-training-agreement-1955",
        all_of(
            has_date("1955", column="signed"),
            has_text("training", column="agreement"),
            has_text("Hà An, 2024", column="reference"),
        ),
        sparql="""
SELECT ?agreement ?signed ?reference ?quote WHERE {
  ?a a vnru:IntergovernmentalAgreement ; skos:prefLabel ?agreement ; vnru:party vnrd:soviet-union ;
     vnru:field vnrv:education-training ; vnru:dateSigned ?signed ; vnru:citation ?c .
  FILTER(LANG(?agreement) = "en")
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  OPTIONAL { ?c vnru:viaReference ?r . ?r vnru:citationKey ?reference }
}""",
    ),
    Case(
        "f001-trained-52000",
        all_of(
            has_number(52000, column="value"),
            has_text("about", column="qualifier"),
            has_date("1950", column="start"),
            has_date("1991", column="end"),
        ),
        sparql=_OBSERVATION.format(
            indicator="persons-trained",
            reporter="soviet-union",
            filter="FILTER NOT EXISTS { ?o vnru:category ?any }",
        ),
    ),
    Case(
        "f001-trained-university-30000",
        all_of(
            has_number(30000, column="value"),
            has_text("more than", column="qualifier"),
            has_text("university level", column="category"),
        ),
        sparql=_OBSERVATION.format(
            indicator="persons-trained",
            reporter="soviet-union",
            filter="FILTER EXISTS { ?o vnru:category vnrv:university-level }",
        ),
    ),
    Case(
        "f001-src-ha-an-2024-b",
        all_of(has_text("Hà An, 2024", column="reference"), has_text("52.000", column="quote")),
        sparql=_REFERENCE.format(needle="khoảng 52.000 công dân Việt Nam"),
    ),
    Case(
        "f001-manh-studied-ussr",
        all_of(
            has_text("Soviet Union", column="state"),
            has_text("Nông Đức Mạnh", column="quote"),
        ),
        sparql="""
SELECT ?state ?quote WHERE {
  vnrd:nong-duc-manh vnru:studiedIn ?s .
  ?s skos:prefLabel ?state . FILTER(LANG(?state) = "en")
  ?st a vnru:Statement ; vnru:about vnrd:nong-duc-manh ; vnru:citation ?c .
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  FILTER(CONTAINS(?quote, "học tập ở Liên Xô"))
}""",
    ),
    Case(
        "f001-role-trong-gs",
        all_of(
            has_text("General Secretary", column="role"),
            has_text("Communist Party of Vietnam", column="post"),
        ),
        sparql=_POSTS.format(person="nguyen-phu-trong"),
    ),
    Case(
        "f001-labour-agreement-1981",
        all_of(
            has_date("1981-05", column="signed"),
            has_text("labour", column="agreement"),
            has_text("5/1981, Hiệp định hợp tác lao động", column="quote"),
        ),
        sparql="""
SELECT ?agreement ?signed ?quote WHERE {
  ?a a vnru:IntergovernmentalAgreement ; skos:prefLabel ?agreement ; vnru:field vnrv:labour ;
     vnru:party vnrd:soviet-union ; vnru:dateSigned ?signed ; vnru:citation ?c .
  FILTER(LANG(?agreement) = "en")
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f001-labour-agreement-name",
        has_text(
            "Hiệp định cử các công dân Việt Nam sang Liên Xô làm việc và học nghề", column="name"
        ),
        sparql="""
SELECT ?name ?signed WHERE {
  ?a a vnru:IntergovernmentalAgreement ; vnru:field vnrv:labour ; vnru:party vnrd:soviet-union ;
     vnru:dateSigned ?signed ; skos:prefLabel|skos:altLabel ?name .
  FILTER(LANG(?name) = "vi")
}""",
    ),
    Case(
        "f001-state-7-republics",
        all_of(has_number(7, column="value"), has_date("1981", column="start")),
        sparql=_OBSERVATION.format(indicator="host-republics", reporter="soviet-union", filter=""),
    ),
    Case(
        "f001-workers-83pct-russia",
        all_of(
            has_number(83, column="value"),
            has_text("percent", column="unit"),
            has_text("Russia", column="category"),
        ),
        sparql=_OBSERVATION.format(indicator="workers-share", reporter="soviet-union", filter=""),
    ),
    Case(
        "f001-src-kagarmanova-2018",
        all_of(
            has_text("Kagarmanova N. G, 2018", column="reference"),
            has_text("103.392", column="quote"),
        ),
        sparql=_REFERENCE.format(needle="103.392"),
    ),
    Case(
        "f001-soviet-help-40-years",
        all_of(
            has_text(
                "national liberation", "reunification", "consequences of war", column="summary"
            ),
            has_date("1950", column="start"),
            has_date("1991", column="end"),
        ),
        sparql=_STATEMENT.format(needle="trong hơn 40 năm (1950-1991)"),
    ),
    Case(
        "f001-ussr-dissolved",
        all_of(has_date("1991", column="date"), has_text("cuối năm 1991", column="quote")),
        sparql="""
SELECT ?event ?date ?quote WHERE {
  vnrd:dissolution-soviet-union skos:prefLabel ?event ; vnru:date ?date ; vnru:citation ?c .
  FILTER(LANG(?event) = "en")
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f001-1994-1996-recovery",
        all_of(
            has_date("1994", column="start"),
            has_date("1996", column="end"),
            has_text("recover", column="significance"),
        ),
        sparql=_PERIODS.format(lang="en", needle="bắt đầu khởi sắc"),
    ),
    Case(
        "f001-visit-kiet-1994",
        all_of(
            has_date("1994-06", column="date"),
            has_text("Vo Van Kiet", column="guest"),
            has_text("Russian Federation", column="destination"),
        ),
        sparql=_VISIT.format(
            needle="nhân chuyến thăm chính thức tới Nga của Thủ tướng Võ Văn Kiệt"
        ),
    ),
    Case(
        "f001-role-kiet-pm",
        all_of(has_text("Prime Minister", column="role"), has_date("1994-06", column="attested")),
        sparql=_POSTS.format(person="vo-van-kiet"),
    ),
    Case(
        "f001-treaty1994-principles",
        all_of(
            has_text("equality", "mutual benefit", column="summary"),
            has_text("Treaty on the Basic Principles", column="about"),
        ),
        sparql=_STATEMENT.format(needle="nguyên tắc bình đẳng, hai bên cùng có lợi"),
    ),
    Case(
        "f001-kiet-quote",
        all_of(
            has_text("Vo Van Kiet", column="speaker"),
            has_text("direct quotation", column="kind"),
            has_text("old friendship", "new relations", column="summary"),
        ),
        sparql=_STATEMENT.format(needle="chúng ta trở lại tình hữu nghị cũ"),
    ),
    Case(
        "f001-visit-chernomyrdin-1997",
        all_of(
            has_date("1997-11", column="date"),
            has_text("Chernomyrdin", column="guest"),
            has_text(
                "first visit to Vietnam by a head of the Russian Government", column="significance"
            ),
        ),
        sparql=_VISIT.format(needle="Chécnômưrđin vào tháng 11/1997"),
    ),
    Case(
        "f001-luong-1998-significance",
        all_of(
            has_text("important position of the Russian Federation", column="summary"),
            has_text("renewed", "foreign policy", column="summary"),
            has_date("1998-08", column="date"),
        ),
        sparql=_STATEMENT.format(needle="khẳng định vị thế quan trọng của Liên bang Nga"),
    ),
    Case(
        "f001-role-khai-pm",
        all_of(has_text("Prime Minister", column="role"), has_date("2000-09", column="attested")),
        sparql=_POSTS.format(person="phan-van-khai"),
    ),
    Case(
        "f001-debt-obstacle-90s",
        all_of(
            has_text("obstacle", "1990s", column="significance"),
            has_date("2000-09", column="signed"),
            has_text("tháo gỡ yếu tố cản trở quan hệ kinh tế", column="quote"),
        ),
        sparql="""
SELECT ?agreement ?signed ?significance ?visit ?quote WHERE {
  vnrd:agreement-2000-debt skos:prefLabel ?agreement ; vnru:dateSigned ?signed ;
       vnru:significance ?significance ; vnru:citation ?c .
  FILTER(LANG(?agreement) = "en")
  OPTIONAL { vnrd:agreement-2000-debt vnru:signedDuring ?v .
             ?v skos:prefLabel ?visit . FILTER(LANG(?visit) = "en") }
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f001-period-2001-2011",
        all_of(
            has_date("2001", column="start"),
            has_date("2011", column="end"),
            has_text("strategic partnership", column="period"),
        ),
        sparql=_PERIODS.format(
            lang="en", needle="3.2. Giai đoạn phát triển Quan hệ đối tác chiến lược"
        ),
    ),
    Case(
        "f001-visit-putin-2001",
        all_of(
            has_date("2001-02-28", column="start"),
            has_date("2001-03-02", column="end"),
            has_text("Vladimir Putin", column="guest"),
            has_number(1, column="ordinal"),
        ),
        sparql=_VISIT.format(needle="V. Putin từ ngày 28/2/2001"),
    ),
    Case(
        "f001-strategic-partner-framework",
        all_of(
            has_text("strategic partnership", column="partnership"),
            has_text("Joint Statement on the Strategic Partnership", column="establishedBy"),
            has_date("2001", column="start"),
            has_text("“đối tác chiến lược” của nhau", column="quote"),
        ),
        sparql="""
SELECT ?partnership ?establishedBy ?start ?quote WHERE {
  ?p a vnru:Partnership ; skos:prefLabel ?partnership ; vnru:establishedBy ?e ;
     vnru:startDate ?start ; vnru:citation ?c .
  FILTER(LANG(?partnership) = "en")
  ?e skos:prefLabel ?establishedBy . FILTER(LANG(?establishedBy) = "en")
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  FILTER(CONTAINS(?quote, "khung khổ mới cho quan hệ Việt - Nga"))
}""",
    ),
    Case(
        "f001-org-apec",
        all_of(
            has_text("Asia-Pacific Economic Cooperation", "United Nations", column="about"),
            has_text("same positions", column="summary"),
        ),
        sparql=_STATEMENT.format(needle="như Liên Hợp Quốc, APEC, ARF, ASEAN"),
    ),
    Case(
        "f001-talks-2006-areas",
        all_of(
            has_text(
                "oil and gas",
                "energy",
                "mechanical engineering",
                "metallurgy",
                "transport",
                "science and technology",
                "culture and education",
                column="summary",
            ),
            has_date("2006-11-20", column="date"),
            has_text("Talks between President Vladimir Putin", column="event"),
        ),
        sparql=_STATEMENT.format(needle="dầu khí, năng lượng, cơ khí, luyện kim"),
    ),
    Case(
        "f001-visit-manh-2010",
        all_of(
            has_date("2010-07", column="date"),
            has_text("Nong Duc Manh", column="guest"),
            has_text("Russian Federation", column="destination"),
        ),
        sparql=_VISIT.format(needle="Tổng Bí thư Nông Đức Mạnh vào tháng 7/2010"),
    ),
    Case(
        "f001-visit-medvedev-2010",
        all_of(
            has_date("2010-11", column="date"),
            has_text("Dmitry Medvedev", column="guest"),
            has_text("Socialist Republic of Vietnam", column="destination"),
        ),
        sparql=_VISIT.format(needle="Vào tháng 11/2010, Tổng thống Medvedev sang thăm Việt Nam"),
    ),
    Case(
        "f001-russia-asean-summit-2010",
        all_of(has_text("Hanoi", column="place"), has_date("2010-11", column="date")),
        sparql="""
SELECT ?summit ?place ?date ?quote WHERE {
  ?s a vnru:Summit ; skos:prefLabel ?summit ; schema:location ?p ; vnru:date ?date ;
     vnru:participant vnrd:asean , vnrd:russia ; vnru:citation ?c .
  FILTER(LANG(?summit) = "en")
  ?p skos:prefLabel ?place . FILTER(LANG(?place) = "en")
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
  FILTER(CONTAINS(?quote, "Hội nghị Thượng đỉnh Nga - ASEAN"))
}""",
    ),
    Case(
        "f001-vietnam-bridge-asean",
        all_of(
            has_text("strategic partner in Southeast Asia", "bridge", column="summary"),
            has_text("Vietnam", "Russian Federation", column="speaker"),
        ),
        sparql=_STATEMENT.format(needle="là cầu nối quan trọng để Nga"),
    ),
    Case(
        "f001-org-eas",
        all_of(
            has_text("Cấp cao Đông Á", column="name"),
            has_date("2011", column="start"),
            has_text("Russian Federation", column="member"),
        ),
        sparql="""
SELECT ?name ?member ?start ?quote WHERE {
  ?m a vnru:Membership ; org:organization ?org ; org:member ?who ; vnru:startDate ?start ;
     vnru:citation ?c .
  ?org skos:prefLabel|skos:altLabel ?name . FILTER(LANG(?name) = "vi")
  FILTER EXISTS { ?org skos:altLabel "EAS"@en }
  ?who skos:prefLabel ?member . FILTER(LANG(?member) = "en")
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f001-trade-goods-vn-to-ru",
        all_of(
            has_text(
                "rice",
                "meat",
                "tea",
                "rubber",
                "cashew",
                "clothing",
                "footwear",
                column="commodity",
            ),
            has_text("imports", column="indicator"),
        ),
        sparql="""
SELECT ?indicator ?commodity ?start ?end ?quote WHERE {
  ?f a vnru:CommodityFlow ; vnru:reporter vnrd:russia ; vnru:partner vnrd:vietnam ;
     vnru:indicator ?i ; vnru:commodity ?k ; vnru:startDate ?start ; vnru:citation ?c .
  OPTIONAL { ?f vnru:endDate ?end }
  FILTER(?i = vnrv:imports)
  ?i skos:prefLabel ?indicator . FILTER(LANG(?indicator) = "en")
  ?k skos:prefLabel ?commodity . FILTER(LANG(?commodity) = "en")
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f001-trade-2000-ru-exports",
        all_of(has_number(245000000, 122000000, column="value"), has_date("2000", column="date")),
        sparql="""
SELECT ?indicator ?value ?date ?quote WHERE {
  ?o a vnru:Observation ; vnru:reporter vnrd:russia ; vnru:partner vnrd:vietnam ;
     vnru:indicator ?i ; vnru:value ?value ; vnru:date ?date ; vnru:citation ?c .
  FILTER(?i IN (vnrv:exports, vnrv:imports) && STR(?date) = "2000")
  ?i skos:prefLabel ?indicator . FILTER(LANG(?indicator) = "en")
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f001-src-ha-my-huong-2010-trade",
        all_of(
            has_text("Hà Mỹ Hương, 2010", column="reference"),
            has_text("xuất siêu 516 triệu USD", column="quote"),
        ),
        sparql=_REFERENCE.format(needle="xuất siêu 516 triệu USD"),
    ),
    Case(
        "f001-trade-below-potential-2000s",
        all_of(
            has_text("China", "United States", column="about"),
            has_text("Russia–China", "Vietnam–United States", column="summary"),
        ),
        sparql=_STATEMENT.format(needle="quan hệ Nga - Trung Quốc, hay Việt Nam - Mỹ"),
    ),
    Case(
        "f001-src-ha-my-huong-2010-invest",
        all_of(
            has_text("Hà Mỹ Hương, 2010", column="reference"),
            has_text("sản xuất đồ gỗ", column="quote"),
        ),
        sparql=_REFERENCE.format(needle="và sản xuất đồ gỗ (Hà Mỹ Hương, 2010)"),
    ),
    Case(
        "f001-su30-24-contracts",
        all_of(
            has_number(24, column="ordered"),
            has_number(3, column="contracts"),
            has_date("2004", column="start"),
            has_date("2012", column="end"),
        ),
        sparql="""
SELECT ?system ?ordered ?contracts ?start ?end ?quote WHERE {
  ?t a vnru:ArmsTransfer ; vnru:supplier vnrd:russia ; vnru:recipient vnrd:vietnam ;
     vnru:weaponSystem vnrd:weapon-su-30mk2 ; vnru:numberOrdered ?ordered ;
     vnru:contractCount ?contracts ; vnru:startDate ?start ; vnru:endDate ?end ; vnru:citation ?c .
  vnrd:weapon-su-30mk2 skos:prefLabel ?system . FILTER(LANG(?system) = "en")
  ?c vnru:source vnrd:source-001 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f001-src-thanhnien-online-2016",
        all_of(
            has_text("Thanh niên online, 2016", column="reference"),
            has_text("24 máy bay Su-30MK2", column="quote"),
        ),
        sparql=_REFERENCE.format(needle="24 máy bay Su-30MK2"),
    ),
    Case(
        "f001-org-russian-centre-sci-culture",
        all_of(
            has_text("Russian Centre of Science and Culture in Vietnam", column="about"),
            has_text("culture", column="summary"),
        ),
        sparql=_STATEMENT.format(needle="Trung tâm Khoa học và văn hoá Nga tại Việt Nam"),
    ),
    Case(
        "f001-scholarships-rising-2000s",
        all_of(
            has_text("rose continuously", column="summary"),
            has_text("liên tục tăng", column="quote"),
        ),
        sparql=_STATEMENT.format(needle="liên tục tăng"),
    ),
    Case(
        "f001-scholarship-fields",
        has_text(
            "natural sciences",
            "social sciences and humanities",
            "medicine",
            "geology",
            "oil and gas",
            "mining",
            "machine building",
            "metallurgy",
            "transport",
            "information technology",
            "nuclear energy",
            column="summary",
        ),
        sparql=_STATEMENT.format(needle="khoa học tự nhiên, khoa học xã hội và nhân văn"),
    ),
    Case(
        "f001-scholarships-2003-2004",
        all_of(
            has_number(150, column="value"),
            has_date("2003", column="start"),
            has_date("2004", column="end"),
            has_text("scholarships", column="unit"),
        ),
        sparql=_OBSERVATION.format(
            indicator="scholarships",
            reporter="russia",
            filter='FILTER(STR(?start) = "2003")',
        ),
    ),
    Case(
        "f001-scholarships-2010-2011",
        all_of(
            has_number(345, column="value"),
            has_text("undergraduate and postgraduate", column="category"),
            has_date("2010", column="start"),
        ),
        sparql=_OBSERVATION.format(
            indicator="scholarships",
            reporter="russia",
            filter='FILTER(STR(?start) = "2010")',
        ),
    ),
    Case(
        "f001-src-nguyen-thi-ha-2018",
        all_of(
            has_text("Nguyễn Thị Hà, 2018", column="reference"),
            has_text("150 suất", column="quote"),
        ),
        sparql=_REFERENCE.format(needle="150 suất"),
    ),
]
