"""Competency questions of article 000 (Trần Ngọc Dũng, Đàm Thị Thảo: Vietnam–Russia defence
cooperation from the 2012 Comprehensive Strategic Partnership to 2024), each answered by a
SPARQL query over the graph that also fetches the quote of the article that states it."""

from __future__ import annotations

from .harness import Case, all_of, has_date, has_number, has_text, rows_at_least

# A statement of article 000 whose quote contains a passage: speaker(s), kind, summary, dates,
# what it is about, the event it was made at, the footnote the article gives, the quote.
_STATEMENT = """
SELECT ?speaker ?kind ?summary ?date ?start ?end ?about ?event ?footnote ?quote WHERE {{
  ?s a vnru:Statement ; vnru:statedBy ?who ; vnru:statementKind ?k ; vnru:summary ?summary ;
     vnru:citation ?c .
  FILTER(LANG(?summary) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "{needle}"))
  ?who skos:prefLabel ?speaker . FILTER(LANG(?speaker) = "en")
  ?k skos:prefLabel ?kind . FILTER(LANG(?kind) = "en")
  OPTIONAL {{ ?s vnru:date ?date }}
  OPTIONAL {{ ?s vnru:startDate ?start }}
  OPTIONAL {{ ?s vnru:endDate ?end }}
  OPTIONAL {{ ?s vnru:about ?a . ?a skos:prefLabel ?about . FILTER(LANG(?about) = "en") }}
  OPTIONAL {{ ?s vnru:madeDuring ?e . ?e skos:prefLabel ?event . FILTER(LANG(?event) = "en") }}
  OPTIONAL {{ ?c vnru:viaReference ?r . ?r vnru:footnote ?footnote }}
}}
"""

# An assessment of the authors whose quote contains a passage, with what it is about and the
# dates of those things (an assessment is not dated like the events it discusses).
_ASSESSMENT = """
SELECT ?speaker ?kind ?summary ?about ?when ?start ?end ?quote WHERE {{
  ?s a vnru:Statement ; vnru:statedBy ?who ; vnru:statementKind ?k ; vnru:summary ?summary ;
     vnru:about ?a ; vnru:citation ?c .
  FILTER(LANG(?summary) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "{needle}"))
  ?who skos:prefLabel ?speaker . FILTER(LANG(?speaker) = "en")
  ?k skos:prefLabel ?kind . FILTER(LANG(?kind) = "en")
  ?a skos:prefLabel ?about . FILTER(LANG(?about) = "en")
  OPTIONAL {{ ?a vnru:date ?when }}
  OPTIONAL {{ ?a vnru:startDate ?start }}
  OPTIONAL {{ ?a vnru:endDate ?end }}
}}
"""

# Statements of article 000 made during an event: speaker(s), kind, summary, what they are
# about (labels of mechanisms, agreements …), the event's date, the quote.
_MADE_DURING = """
SELECT ?speaker ?kind ?summary ?about ?when ?quote WHERE {{
  ?s a vnru:Statement ; vnru:madeDuring vnrd:{event} ; vnru:statedBy ?who ;
     vnru:statementKind ?k ; vnru:summary ?summary ; vnru:citation ?c .
  FILTER(LANG(?summary) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  ?who skos:prefLabel ?speaker . FILTER(LANG(?speaker) = "en")
  ?k skos:prefLabel ?kind . FILTER(LANG(?kind) = "en")
  OPTIONAL {{ ?s vnru:about ?a . ?a skos:prefLabel ?about . FILTER(LANG(?about) = "en") }}
  OPTIONAL {{ vnrd:{event} vnru:date|vnru:startDate ?when }}
}}
"""

# An observation of article 000: indicator, reporter (and partner), value, unit, qualifier,
# period, significance, the footnote the article gives and the quote.
_OBSERVATION = """
SELECT ?value ?unit ?qualifier ?date ?start ?end ?significance ?footnote ?quote WHERE {{
  ?o a vnru:Observation ; vnru:indicator vnrv:{indicator} ; vnru:reporter vnrd:{reporter} ;
     vnru:value ?value ; vnru:unit ?u ; vnru:citation ?c .
  {partner}
  ?u skos:prefLabel ?unit . FILTER(LANG(?unit) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  OPTIONAL {{ ?o vnru:valueQualifier ?q . ?q skos:prefLabel ?qualifier . FILTER(LANG(?qualifier) = "en") }}
  OPTIONAL {{ ?o vnru:date ?date }}
  OPTIONAL {{ ?o vnru:startDate ?start }}
  OPTIONAL {{ ?o vnru:endDate ?end }}
  OPTIONAL {{ ?o vnru:significance ?significance }}
  OPTIONAL {{ ?c vnru:viaReference ?r . ?r vnru:footnote ?footnote }}
}}
"""

# The posts and ranks a person held according to article 000, with the dates its quotes attest.
_HELD = """
SELECT ?held ?attested ?quote WHERE {{
  ?t a vnru:Tenure ; org:member vnrd:{person} ; vnru:citation ?c .
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote ; vnru:attests ?attested .
  {{ ?t vnru:post ?p . ?p skos:prefLabel ?held }} UNION {{ ?t vnru:rank ?r . ?r skos:prefLabel ?held }}
  FILTER(LANG(?held) = "en")
  FILTER(STRSTARTS(STR(?attested), "{when}"))
}}
"""

# Weapon systems Russia sold to Vietnam "in about the last ten years", by article 000.
_SOLD_LAST_DECADE = """
SELECT ?system ?type ?quote WHERE {
  ?t a vnru:ArmsTransfer ; vnru:supplier vnrd:russia ; vnru:recipient vnrd:vietnam ;
     vnru:weaponSystem ?w ; vnru:citation ?c .
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "Nga đã bán cho Việt Nam"))
  ?w skos:prefLabel ?system ; vnru:weaponType ?wt . FILTER(LANG(?system) = "en")
  ?wt skos:prefLabel ?type . FILTER(LANG(?type) = "en")
}
"""

# The types of weapons Vietnam imports from Russia (a commodity flow of article 000).
_IMPORTED_TYPES = """
SELECT ?type ?footnote ?quote WHERE {
  ?f a vnru:CommodityFlow ; vnru:reporter vnrd:vietnam ; vnru:partner vnrd:russia ;
     vnru:commodity ?k ; vnru:citation ?c .
  ?k skos:prefLabel ?type ; skos:inScheme vnrv:weapon-types . FILTER(LANG(?type) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  OPTIONAL { ?c vnru:viaReference ?r . ?r vnru:footnote ?footnote }
}
"""

# A date of the article's own record (received, reviewed, accepted) with the quote giving it.
_ARTICLE_DATE = """
SELECT ?date ?quote WHERE {{
  vnrd:source-000 vnru:{prop} ?date ; vnru:citation ?c .
  ?c vnru:quote ?quote . FILTER(CONTAINS(STR(?quote), "{needle}"))
}}
"""

# An organisation article 000 names, as a forum the mutual-support statement is about.
_SUPPORT_FORUM = """
SELECT ?forum ?summary ?quote WHERE {{
  ?s a vnru:Statement ; vnru:about vnrd:{org} ; vnru:about vnrd:mechanism-diplomacy-defence-security-dialogue ;
     vnru:summary ?summary ; vnru:citation ?c .
  FILTER(LANG(?summary) = "en")
  vnrd:{org} skos:prefLabel ?forum . FILTER(LANG(?forum) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
}}
"""

CASES = [
    # --- the article ---------------------------------------------------------------------------
    Case(
        "f000-date-received",
        all_of(
            has_date("2025-02-26", column="date"),
            has_text("Ngày nhận bài: 26/02/2025", column="quote"),
        ),
        sparql=_ARTICLE_DATE.format(prop="dateReceived", needle="Ngày nhận bài"),
    ),
    Case(
        "f000-date-reviewed",
        all_of(
            has_date("2025-03-05", column="date"),
            has_text("Ngày thẩm định: 05/3/2025", column="quote"),
        ),
        sparql=_ARTICLE_DATE.format(prop="dateReviewed", needle="Ngày thẩm định"),
    ),
    Case(
        "f000-date-accepted",
        all_of(
            has_date("2025-05-20", column="date"),
            has_text("Ngày duyệt đăng: 20/5/2025", column="quote"),
        ),
        sparql=_ARTICLE_DATE.format(prop="dateAccepted", needle="Ngày duyệt đăng"),
    ),
    Case(
        "f000-scope",
        all_of(
            has_date("2012", column="start"),
            has_date("2024", column="end"),
            has_text(
                "từ sau khi hai nước thiết lập quan hệ Đối tác chiến lược toàn diện năm 2012 đến năm 2024",
                column="quote",
            ),
        ),
        sparql="""
SELECT ?period ?start ?end ?quote WHERE {
  ?p a vnru:Period ; skos:prefLabel ?period ; vnru:startDate ?start ; vnru:endDate ?end ;
     vnru:citation ?c .
  FILTER(LANG(?period) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "phân tích sự phát triển"))
}""",
    ),
    Case(
        "f000-org-hoang-dinh-giong-school",
        all_of(
            has_text("Cao Bằng province", column="province"),
            has_text("Trường Chính trị Hoàng Đình Giông, tỉnh Cao Bằng", column="quote"),
        ),
        sparql="""
SELECT ?school ?province ?quote WHERE {
  ?o a vnru:EducationalInstitution ; skos:prefLabel ?school ; vnru:locatedIn ?p ; vnru:citation ?c .
  FILTER(LANG(?school) = "vi" && CONTAINS(?school, "Hoàng Đình Giông"))
  ?p skos:prefLabel ?province . FILTER(LANG(?province) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
}""",
    ),
    # --- references -----------------------------------------------------------------------------
    Case(
        "f000-fn02a",
        all_of(
            has_text(
                "Chính sách ngoại giao của Nga tại khu vực châu Á - Thái Bình Dương", column="title"
            ),
            has_text("Linh An", column="author"),
            has_date("2024-09-17", column="date"),
            has_number(2, column="footnote"),
        ),
        sparql="""
SELECT ?title ?author ?date ?footnote ?quote WHERE {
  vnrd:source-000 dcterms:references ?r .
  ?r vnru:footnote ?footnote ; dcterms:title ?title ; dcterms:creator ?a ; dcterms:date ?date ;
     vnru:citation ?c .
  FILTER(?footnote = 2)
  ?a skos:prefLabel ?author . FILTER(LANG(?author) = "vi")
  ?c vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "tapchiconsan"))
}""",
    ),
    Case(
        "f000-fn03",
        all_of(
            has_text("Quân khu 7", column="author"),
            has_date("2019-06-17", column="date"),
            has_text(
                "Đưa hợp tác quốc phòng Việt Nam - Liên bang Nga, Việt Nam - Belarus đi vào chiều sâu",
                column="title",
            ),
            has_number(3, column="footnote"),
        ),
        sparql="""
SELECT ?title ?author ?date ?footnote ?quote WHERE {
  vnrd:plan-2018-2020-defence vnru:citation ?c .
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote ; vnru:viaReference ?r .
  ?r dcterms:title ?title ; dcterms:creator ?a ; dcterms:date ?date ; vnru:footnote ?footnote .
  ?a skos:prefLabel ?author . FILTER(LANG(?author) = "vi")
}""",
    ),
    Case(
        "f000-fn18",
        all_of(
            has_text("Nguyễn Quang Thuần", column="author"),
            has_text("Tạp chí Nghiên cứu châu Âu", column="journal"),
            has_date("2012", column="date"),
            has_number(69, column="page_from"),
            has_number(77, column="page_to"),
            has_text("9", column="issue"),
        ),
        sparql="""
SELECT ?title ?author ?journal ?issue ?date ?page_from ?page_to ?quote WHERE {
  ?f a vnru:CommodityFlow ; vnru:reporter vnrd:vietnam ; vnru:partner vnrd:russia ; vnru:citation ?fc .
  ?fc vnru:source vnrd:source-000 ; vnru:viaReference ?r .
  ?r dcterms:title ?title ; dcterms:creator ?a ; dcterms:date ?date ; schema:isPartOf ?j ;
     schema:issueNumber ?issue ; schema:pageStart ?page_from ; schema:pageEnd ?page_to ;
     vnru:citation ?c .
  ?a skos:prefLabel ?author . FILTER(LANG(?author) = "vi")
  ?j skos:prefLabel ?journal . FILTER(LANG(?journal) = "vi")
  ?c vnru:quote ?quote .
}""",
    ),
    # --- bases, context, policy -------------------------------------------------------------------
    Case(
        "f000-basis-three-factors",
        all_of(
            has_text(
                "tradition",
                "importance each side attaches",
                "regional and international context",
                column="summary",
            ),
            has_text(
                "Vietnam–Russia defence cooperation from the Comprehensive Strategic Partnership",
                column="speaker",
            ),
        ),
        sparql=_STATEMENT.format(
            needle="dựa trên truyền thống quan hệ từ thời kỳ quan hệ Việt Nam - Liên Xô"
        ),
    ),
    Case(
        "f000-russia-leading-partner",
        all_of(
            has_text("Socialist Republic of Vietnam", column="speaker"),
            has_text("leading important strategic partner", column="summary"),
            has_text("Russian Federation", column="about"),
        ),
        sparql=_STATEMENT.format(needle="đối tác chiến lược quan trọng hàng đầu"),
    ),
    Case(
        "f000-us-pivot",
        all_of(
            has_text("United States", column="about"),
            has_text("assessment", column="kind"),
            has_text("pivot", "rebalance", "unpredictable", column="summary"),
            has_date("2001", column="start"),
            has_date("2010", column="end"),
        ),
        sparql=_ASSESSMENT.format(needle="“xoay trục”, “tái cân bằng” thập niên đầu thế kỷ XXI"),
    ),
    Case(
        "f000-us-indo-pacific-2017",
        all_of(
            has_text("United States", column="about"),
            has_text("Indo-Pacific strategy", column="summary"),
            has_date("2017", column="start"),
        ),
        sparql=_ASSESSMENT.format(needle="chiến lược Ấn Độ Dương - Thái Bình Dương từ năm 2017"),
    ),
    Case(
        "f000-no-sides",
        all_of(
            has_text("Socialist Republic of Vietnam", column="speaker"),
            has_text("policy", column="kind"),
            has_text("not to choose sides", "four nos", column="summary"),
        ),
        sparql=_STATEMENT.format(needle="Việt Nam lựa chọn “không chọn phe”"),
    ),
    Case(
        "f000-modernisation-policy",
        all_of(
            has_text("Socialist Republic of Vietnam", column="speaker"),
            has_text("modernising the army", "manufacturing and buying weapons", column="summary"),
        ),
        sparql=_STATEMENT.format(needle="hiện đại hóa quân đội, chế tạo và mua sắm vũ khí"),
    ),
    Case(
        "f000-russia-great-power",
        all_of(
            has_text("great power with much influence in the region", column="summary"),
            has_number(2, column="footnote"),
        ),
        sparql=_STATEMENT.format(needle="Nga vốn là cường quốc có nhiều ảnh hưởng trong khu vực"),
    ),
    # --- history --------------------------------------------------------------------------------
    Case(
        "f000-ussr-recognises-drv",
        all_of(
            has_text("1950", column="date"),
            has_text("Democratic Republic of Vietnam", "Soviet Union", column="participant"),
            has_text("Liên Xô đã công nhận Nhà nước Việt Nam Dân chủ Cộng hòa", column="quote"),
        ),
        sparql="""
SELECT ?event ?date ?participant ?quote WHERE {
  ?e a vnru:HistoricalEvent ; skos:prefLabel ?event ; vnru:date ?date ; vnru:participant ?p ;
     vnru:citation ?c .
  FILTER(LANG(?event) = "en")
  ?p skos:prefLabel ?participant . FILTER(LANG(?participant) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "công nhận"))
}""",
    ),
    Case(
        "f000-treaty-1978",
        all_of(
            has_text("1978", column="signed"),
            has_text("Treaty of Friendship and Cooperation", column="treaty"),
            has_text("Hiệp ước Hữu nghị và Hợp tác Việt Nam - Liên Xô (năm 1978)", column="quote"),
        ),
        sparql="""
SELECT ?treaty ?signed ?quote WHERE {
  vnrd:treaty-1978 skos:prefLabel ?treaty ; vnru:dateSigned ?signed ; vnru:citation ?c .
  FILTER(LANG(?treaty) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f000-ussr-equipment-after-1978",
        all_of(
            has_text("military equipment", column="aid"),
            has_date("1978", column="start"),
            has_text("Soviet Union", column="supplier"),
        ),
        sparql="""
SELECT ?aid ?supplier ?start ?quote WHERE {
  ?x a vnru:Aid ; skos:prefLabel ?aid ; vnru:supplier ?s ; vnru:startDate ?start ; vnru:citation ?c .
  FILTER(LANG(?aid) = "en")
  ?s skos:prefLabel ?supplier . FILTER(LANG(?supplier) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f000-ussr-dissolution",
        all_of(
            has_date("1991", column="date"), has_text("Liên Xô tan rã (năm 1991)", column="quote")
        ),
        sparql="""
SELECT ?event ?date ?quote WHERE {
  ?e a vnru:HistoricalEvent ; skos:prefLabel ?event ; vnru:date ?date ; vnru:citation ?c .
  FILTER(LANG(?event) = "en" && CONTAINS(?event, "Dissolution"))
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f000-aid-expired-1991",
        all_of(
            has_date("1991", column="ended"),
            has_text("grant military aid", "advisers", column="what"),
            has_text("đều bị hết hiệu lực", column="quote"),
        ),
        sparql="""
SELECT ?what ?ended ?quote WHERE {
  ?x skos:prefLabel ?what ; vnru:endDate|vnru:dateExpired ?ended ; vnru:citation ?c .
  FILTER(LANG(?what) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "hết hiệu lực"))
  FILTER EXISTS { ?x a ?k . FILTER(?k IN (vnru:Aid, vnru:Agreement)) }
}""",
    ),
    Case(
        "f000-treaty-1994",
        all_of(
            has_text("1994", column="signed"),
            has_text("Basic Principles of Friendly Relations", column="treaty"),
            has_text("(năm 1994)", column="quote"),
        ),
        sparql="""
SELECT ?treaty ?signed ?quote WHERE {
  vnrd:treaty-1994 skos:prefLabel ?treaty ; vnru:dateSigned ?signed ; vnru:citation ?c .
  FILTER(LANG(?treaty) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f000-treaty-1994-turning-point",
        all_of(
            has_text("1994 Treaty", "turning point", column="summary"),
            has_text("Treaty on the Basic Principles of Friendly Relations", column="about"),
        ),
        sparql=_STATEMENT.format(needle="Hiệp ước năm 1994 là bước ngoặt quan trọng"),
    ),
    Case(
        "f000-treaty-1994-legal-framework",
        all_of(
            has_text("'legal' framework", "new context", column="summary"),
            has_text("Treaty on the Basic Principles of Friendly Relations", column="about"),
        ),
        sparql=_STATEMENT.format(needle="tạo khung “pháp lý” cho quan hệ song phương"),
    ),
    # --- from 2012: pillar, agreements --------------------------------------------------------
    Case(
        "f000-pillar-after-2012",
        all_of(
            has_text("one of the main pillars", column="summary"),
            has_date("2012", column="start"),
        ),
        sparql=_ASSESSMENT.format(needle="vấn đề hợp tác quốc phòng giữa hai nước được coi trọng"),
    ),
    Case(
        "f000-plan-2018-2020",
        all_of(
            has_text("Plan for developing bilateral defence cooperation, 2018–2020", column="plan"),
            has_date("2018", column="signed"),
            has_date("2018", column="start"),
            has_date("2020", column="end"),
        ),
        sparql="""
SELECT ?plan ?signed ?start ?end ?quote WHERE {
  ?p a vnru:Plan ; skos:prefLabel ?plan ; vnru:dateSigned ?signed ; vnru:startDate ?start ;
     vnru:endDate ?end ; vnru:citation ?c .
  FILTER(LANG(?plan) = "en" && ?signed = "2018"^^xsd:gYear)
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f000-dec-2021-agreement",
        all_of(
            has_date("2021-12-01", column="signed"),
            has_text("arms trade and military technology", column="agreement"),
            has_text("Ngày 01/12/2021", column="quote"),
        ),
        sparql="""
SELECT ?agreement ?signed ?significance ?quote WHERE {
  ?a a vnru:Agreement ; skos:prefLabel ?agreement ; vnru:dateSigned ?signed ; vnru:citation ?c .
  FILTER(LANG(?agreement) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "buôn bán vũ khí và công nghệ quân sự"))
  OPTIONAL { ?a vnru:significance ?significance }
}""",
    ),
    Case(
        "f000-putin-visit-2024",
        all_of(
            has_text("2024-06", column="start"),
            has_date("2024-06", column="signed"),
            has_text("Vladimir Putin", column="guest"),
        ),
        sparql="""
SELECT ?guest ?start ?signed ?quote WHERE {
  ?js vnru:signedDuring ?v ; vnru:dateSigned ?signed ; vnru:citation ?jc .
  ?jc vnru:source vnrd:source-000 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "Tổng thống Nga Putin đến Việt Nam"))
  ?v vnru:guest ?g ; vnru:startDate ?start ; vnru:destination vnrd:vietnam .
  ?g skos:prefLabel ?guest . FILTER(LANG(?guest) = "en")
}""",
    ),
    Case(
        "f000-putin-role",
        all_of(
            has_text("President of the Russian Federation", column="held"),
            has_text("Tổng thống Nga Putin", column="quote"),
        ),
        sparql=_HELD.format(person="vladimir-putin", when="2024-06"),
    ),
    Case(
        "f000-not-against-third-party",
        all_of(
            has_text("not directed against any third party", column="summary"),
            has_text("Joint Statement", column="about"),
            has_date("2024-06", column="date"),
            has_number(6, column="footnote"),
        ),
        sparql=_STATEMENT.format(needle="không nhằm chống lại bất kỳ bên thứ ba nào khác"),
    ),
    Case(
        "f000-mfa-spokesperson-2023",
        all_of(
            has_text("Ministry of Foreign Affairs of Vietnam", column="speaker"),
            has_text("Spokesperson of the Ministry of Foreign Affairs of Vietnam", column="about"),
            has_date("2023", column="date"),
        ),
        sparql=_STATEMENT.format(needle="người phát ngôn Bộ Ngoại giao của Việt Nam"),
    ),
    Case(
        "f000-mfa-statement-content",
        all_of(
            has_text(
                "Joint Vision Statement on Vietnam–Russia defence cooperation, 2020–2025",
                column="about",
            ),
            has_number(5, column="footnote"),
        ),
        sparql=_STATEMENT.format(needle="nhất là Tuyên bố về tầm nhìn chung hợp tác quốc phòng"),
    ),
    # --- dialogues ------------------------------------------------------------------------------
    Case(
        "f000-mech-dds-dialogue",
        all_of(
            has_text("permanent (first) deputy foreign minister", column="level"),
            has_text("annual", column="frequency"),
            has_text("cấp Thứ trưởng thường trực Bộ Ngoại giao", column="quote"),
        ),
        sparql="""
SELECT ?level ?frequency ?quote WHERE {
  vnrd:mechanism-diplomacy-defence-security-dialogue vnru:level ?level ; vnru:frequency ?f ;
      vnru:citation ?c .
  FILTER(LANG(?level) = "en")
  ?f skos:prefLabel ?frequency . FILTER(LANG(?frequency) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f000-org-asem",
        all_of(
            has_text("Asia–Europe Meeting", column="forum"), has_text("ASEM, APEC", column="quote")
        ),
        sparql=_SUPPORT_FORUM.format(org="asem"),
    ),
    Case(
        "f000-org-un",
        all_of(
            has_text("United Nations", column="forum"), has_text("Liên hợp quốc", column="quote")
        ),
        sparql=_SUPPORT_FORUM.format(org="united-nations"),
    ),
    Case(
        "f000-dds-5th-session",
        all_of(
            has_number(5, column="number"),
            has_text("nâng cấp quan hệ lên Đối tác chiến lược toàn diện", column="quote"),
        ),
        sparql="""
SELECT ?number ?date ?quote WHERE {
  ?s vnru:ofMechanism vnrd:mechanism-diplomacy-defence-security-dialogue ; vnru:sessionNumber ?number ;
     vnru:citation ?c .
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "sau khi hai nước nâng cấp"))
  OPTIONAL { ?s vnru:date ?date }
}""",
    ),
    Case(
        "f000-dds-13th-anniversaries",
        all_of(
            has_number(13, column="number"),
            has_date("2024-03", column="date"),
            has_number(30, 75, column="years"),
            has_text("75 năm thiết lập quan hệ ngoại giao", column="quote"),
        ),
        sparql="""
SELECT ?number ?date ?anniversary ?years ?quote WHERE {
  ?s vnru:ofMechanism vnrd:mechanism-diplomacy-defence-security-dialogue ; vnru:sessionNumber ?number ;
     vnru:date ?date .
  ?st vnru:madeDuring ?s ; vnru:occasion ?a ; vnru:citation ?c .
  ?a vnru:anniversaryYears ?years ; skos:prefLabel ?anniversary . FILTER(LANG(?anniversary) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f000-def-dialogue-annual",
        all_of(
            has_text("annual", column="frequency"),
            has_date("2013", column="start"),
            has_text("deputy minister of defence", column="level"),
            has_text("thường niên lần đầu tiên được tổ chức năm 2013", column="quote"),
        ),
        sparql="""
SELECT ?frequency ?start ?level ?quote WHERE {
  vnrd:mechanism-defence-strategic-dialogue vnru:frequency ?f ; vnru:startDate ?start ;
      vnru:level ?level ; vnru:citation ?c .
  FILTER(LANG(?level) = "en")
  ?f skos:prefLabel ?frequency . FILTER(LANG(?frequency) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f000-delegation-levels",
        all_of(
            has_text(
                "Bộ trưởng Quốc phòng",
                "Phó Tổng tham mưu trưởng",
                "Đô đốc Hải quân",
                column="level",
            ),
            has_text("deputy chief of the general staff", "navy admiral", column="level"),
        ),
        sparql="""
SELECT ?level ?quote WHERE {
  ?s a vnru:Statement ; vnru:level ?level ; vnru:citation ?c .
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "cử các đoàn ở nhiều cấp độ"))
}""",
    ),
    # --- visits and meetings ------------------------------------------------------------------
    Case(
        "f000-shoigu-2013-significance",
        all_of(
            has_text("interest in defence cooperation with the region", column="summary"),
            has_date("2013-03", column="when"),
            has_text("Sergei Shoigu's official visit to Vietnam (March 2013)", column="about"),
        ),
        sparql=_ASSESSMENT.format(needle="khẳng định sự quan tâm hợp tác quốc phòng của Nga"),
    ),
    Case(
        "f000-us-pivot-2013-context",
        all_of(
            has_text("pivot strategy in Asia", column="summary"),
            has_text("chiến lược xoay trục ở châu Á", column="quote"),
        ),
        sparql=_STATEMENT.format(needle="Mỹ bắt đầu thực hiện chiến lược xoay trục ở châu Á"),
    ),
    Case(
        "f000-lich-2016-outcome",
        all_of(
            has_text("continue to maintain and promote bilateral relations", column="summary"),
            has_date("2016-04-25", column="when"),
        ),
        sparql=_MADE_DURING.format(event="visit-2016-04-ngo-xuan-lich-russia"),
    ),
    Case(
        "f000-shoigu-receives-lich-2016",
        all_of(
            has_text("Sergei Shoigu", column="host"),
            has_text("Ngô Xuân Lịch", column="guest"),
            has_date("2016", column="date"),
            has_number(4, column="footnote"),
        ),
        sparql="""
SELECT ?host ?guest ?date ?footnote ?quote WHERE {
  ?m a vnru:Meeting ; vnru:host ?h ; vnru:guest ?g ; vnru:date ?date ; vnru:citation ?c .
  ?h skos:prefLabel ?host . FILTER(LANG(?host) = "en")
  ?g skos:prefLabel ?guest . FILTER(LANG(?guest) = "vi")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  OPTIONAL { ?c vnru:viaReference ?r . ?r vnru:footnote ?footnote }
  FILTER(CONTAINS(STR(?quote), "tiếp Bộ trưởng Quốc phòng Việt Nam"))
}""",
    ),
    Case(
        "f000-shoigu-quote-ready",
        all_of(
            has_text("Sergei Shoigu", column="speaker"),
            has_text("direct quotation", column="kind"),
            has_text("ready to develop cooperation with Vietnam in defence", column="summary"),
            has_date("2016", column="date"),
        ),
        sparql=_STATEMENT.format(needle="Nga sẵn sàng phát triển quan hệ hợp tác với Việt Nam"),
    ),
    Case(
        "f000-shoigu-rank-2018",
        all_of(
            has_text("General (four-star)", column="held"),
            has_text("Đầu năm 2018, Đại tướng Shoigu", column="quote"),
        ),
        sparql=_HELD.format(person="sergei-shoigu", when="2018"),
    ),
    Case(
        "f000-event-70th-anniv",
        all_of(
            has_number(70, column="years"),
            has_date("2020", column="date"),
            has_date("2020-02", column="visit_date"),
            has_text(
                "Nhân dịp kỷ niệm 70 năm thiết lập quan hệ ngoại giao (1950 - 2020)", column="quote"
            ),
        ),
        sparql="""
SELECT ?anniversary ?years ?date ?visit_date ?quote WHERE {
  ?v vnru:guest vnrd:ngo-xuan-lich ; vnru:occasion ?a ; vnru:date ?visit_date .
  ?a a vnru:Anniversary ; skos:prefLabel ?anniversary ; vnru:anniversaryYears ?years ;
     vnru:date ?date ; vnru:citation ?c .
  FILTER(LANG(?anniversary) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f000-event-75th-anniv",
        all_of(
            has_number(75, column="years"),
            has_text("2025", column="date"),
            has_text("75 năm thiết lập quan hệ ngoại giao (1950 - 2025)", column="quote"),
        ),
        sparql="""
SELECT ?anniversary ?years ?date ?quote WHERE {
  ?a a vnru:Anniversary ; skos:prefLabel ?anniversary ; vnru:anniversaryYears ?years ;
     vnru:date ?date ; vnru:citation ?c .
  FILTER(LANG(?anniversary) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "(1950 - 2025)"))
}""",
    ),
    Case(
        "f000-mech-policy-dialogue-wg",
        all_of(
            has_text("defence policy dialogue", "working groups", column="about"),
            has_date("2020-02", column="when"),
        ),
        sparql=_MADE_DURING.format(event="visit-2020-02-ngo-xuan-lich-russia"),
    ),
    Case(
        "f000-giang-army2023",
        all_of(
            has_text("Army-2023", "MCIS-11", column="forum"),
            has_date("2023", column="date"),
            has_text("Sergei Shoigu", column="invited_by"),
        ),
        sparql="""
SELECT ?forum ?date ?invited_by ?quote WHERE {
  ?v vnru:guest vnrd:phan-van-giang ; vnru:occasion ?f ; vnru:invitedBy ?i ; vnru:citation ?c .
  ?f a vnru:Forum ; skos:prefLabel ?forum ; vnru:date ?date .
  FILTER(LANG(?forum) = "en")
  ?i skos:prefLabel ?invited_by . FILTER(LANG(?invited_by) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f000-shoigu-role-2023",
        all_of(
            has_text(
                "Minister of Defence of the Russian Federation",
                "General (four-star)",
                column="held",
            ),
            has_text("Đại tướng Sergei Shoigu, Bộ trưởng Quốc phòng Nga", column="quote"),
        ),
        sparql=_HELD.format(person="sergei-shoigu", when="2023"),
    ),
    Case(
        "f000-giang-moscow-2024",
        all_of(
            has_date("2024-08", column="date"),
            has_text("Moscow", column="place"),
            has_text("ARMY-2024", column="occasion"),
            has_text("Trong chuyến thăm Moscow (tháng 8/2024)", column="quote"),
        ),
        sparql="""
SELECT ?date ?place ?occasion ?quote WHERE {
  ?v vnru:guest vnrd:phan-van-giang ; vnru:date ?date ; schema:location ?p ; vnru:occasion ?o ;
     vnru:citation ?c .
  ?p skos:prefLabel ?place . FILTER(LANG(?place) = "en")
  ?o skos:prefLabel ?occasion . FILTER(LANG(?occasion) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  FILTER(CONTAINS(STR(?quote), "Moscow (tháng 8/2024)"))
}""",
    ),
    Case(
        "f000-giang-role-2024",
        all_of(
            has_text(
                "Minister of National Defence of Vietnam", "General (four-star)", column="held"
            ),
            has_text("Đại tướng Phan Văn Giang - Bộ trưởng Bộ Quốc phòng", column="quote"),
        ),
        sparql=_HELD.format(person="phan-van-giang", when="2024-08"),
    ),
    Case(
        "f000-giang-2024-priorities",
        all_of(
            has_text("agreed orientation", column="kind"),
            has_text(
                "exchanges of delegations",
                "cooperation mechanisms",
                "training of cadres",
                "scientific research",
                column="summary",
            ),
            has_date("2024-08", column="when"),
        ),
        sparql=_MADE_DURING.format(event="visit-2024-08-phan-van-giang-russia"),
    ),
    # --- training -------------------------------------------------------------------------------
    Case(
        "f000-stat-176-record",
        all_of(
            has_number(176, column="value"),
            has_date("2018", column="date"),
            has_text("largest number since Russia restored", column="significance"),
            has_number(13, column="footnote"),
        ),
        sparql=_OBSERVATION.format(
            indicator="military-training-places",
            reporter="russia",
            partner="?o vnru:partner vnrd:vietnam .",
        ),
    ),
    Case(
        "f000-stat-1000-scholarships",
        all_of(
            has_number(1000, column="value"),
            has_date("2019", column="start"),
            has_text("1.000 suất/năm", column="quote"),
            has_number(14, column="footnote"),
        ),
        sparql=_OBSERVATION.format(
            indicator="scholarships", reporter="russia", partner="?o vnru:partner vnrd:vietnam ."
        ),
    ),
    Case(
        "f000-language-training",
        all_of(
            has_text("Vietnam–Russia Tropical Centre", "Group 871", column="about"),
            has_text("language training", column="summary"),
        ),
        sparql=_STATEMENT.format(needle="được đào tạo ngôn ngữ để chuẩn bị du học tại Nga"),
    ),
    Case(
        "f000-org-tropical-centre",
        all_of(
            has_text("language training", "prepare for study in Russia", column="summary"),
            has_text("Trung tâm Nhiệt đới Việt - Nga", column="quote"),
        ),
        sparql="""
SELECT ?summary ?quote WHERE {
  ?s a vnru:Statement ; vnru:about vnrd:vietnam-russia-tropical-centre ; vnru:summary ?summary ;
     vnru:citation ?c .
  FILTER(LANG(?summary) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
}""",
    ),
    # --- arms -----------------------------------------------------------------------------------
    Case(
        "f000-research-centres",
        all_of(
            has_text("military technology research centres", "many results", column="summary"),
            has_number(15, column="footnote"),
        ),
        sparql=_STATEMENT.format(needle="trung tâm nghiên cứu công nghệ quân sự"),
    ),
    Case(
        "f000-russia-main-supplier",
        all_of(
            has_text("main supplier of weapons", column="summary"),
            has_text("Russian Federation", column="about"),
        ),
        sparql=_STATEMENT.format(needle="nhà cung cấp vũ khí, trang thiết bị quốc phòng chính"),
    ),
    Case(
        "f000-stat-imports-1995-2022-russia",
        all_of(
            has_number(7471000000, column="value"),
            has_text("US dollars", column="unit"),
            has_date("1995", column="start"),
            has_date("2022", column="end"),
            has_number(16, column="footnote"),
        ),
        sparql=_OBSERVATION.format(
            indicator="arms-imports-value",
            reporter="vietnam",
            partner="?o vnru:partner vnrd:russia .",
        ),
    ),
    Case(
        "f000-stat-imports-1995-2022-share",
        all_of(
            has_number(81.5, column="value"),
            has_text("percent", column="unit"),
            has_date("1995", column="start"),
            has_date("2022", column="end"),
        ),
        sparql=_OBSERVATION.format(
            indicator="arms-imports-share",
            reporter="vietnam",
            partner='?o vnru:partner vnrd:russia ; vnru:startDate "1995"^^xsd:gYear .',
        ),
    ),
    Case(
        "f000-stat-imports-2014-share",
        all_of(
            has_number(90, column="value"),
            has_date("2014", column="date"),
            has_text("percent", column="unit"),
        ),
        sparql=_OBSERVATION.format(
            indicator="arms-imports-share",
            reporter="vietnam",
            partner='?o vnru:partner vnrd:russia ; vnru:date "2014"^^xsd:gYear .',
        ),
    ),
    Case(
        "f000-stat-imports-2020-total",
        all_of(
            has_number(32000000, column="value"),
            has_date("2020", column="date"),
            has_text("US dollars", column="unit"),
        ),
        sparql=_OBSERVATION.format(
            indicator="arms-imports-value-total",
            reporter="vietnam",
            partner='?o vnru:date "2020"^^xsd:gYear .',
        ),
    ),
    Case(
        "f000-russia-still-important-supplier",
        all_of(
            has_text("still regarded as Vietnam's important arms supplier", column="summary"),
            has_date("2014", column="when"),
            has_text("Russia–Ukraine conflict", column="about"),
        ),
        sparql=_ASSESSMENT.format(needle="Nga vẫn được coi là đối tác cung cấp vũ khí quan trọng"),
    ),
    Case(
        "f000-arms-type-patrol-boats",
        all_of(
            has_text("patrol boat", column="type"),
            has_text("tàu tuần tiễu", column="quote"),
            has_number(18, column="footnote"),
        ),
        sparql=_IMPORTED_TYPES,
    ),
    Case(
        "f000-arms-type-sam",
        all_of(
            has_text("surface-to-air missile system", column="type"),
            has_text("hệ thống tên lửa đất đối không", column="quote"),
        ),
        sparql=_IMPORTED_TYPES,
    ),
    Case(
        "f000-arms-sold-kilo",
        all_of(
            has_text("Kilo-class diesel-electric attack submarine", column="system"),
            has_text("submarine", column="type"),
        ),
        sparql=_SOLD_LAST_DECADE,
    ),
    Case(
        "f000-arms-sold-su30mk2",
        all_of(
            has_text("Sukhoi Su-30MK2 multirole fighter", column="system"),
            has_text("fighter aircraft", column="type"),
        ),
        sparql=_SOLD_LAST_DECADE,
    ),
    Case(
        "f000-arms-sold-t90",
        all_of(
            has_text("T-90S/SK main battle tank", column="system"), has_text("tank", column="type")
        ),
        sparql=_SOLD_LAST_DECADE,
    ),
    Case(
        "f000-yak130-quantity",
        all_of(
            has_number(12, column="ordered"),
            has_number(350000000, column="value"),
            has_date("2019", column="ordered_in"),
            has_text("Yak-130", column="system"),
            has_number(19, column="footnote"),
        ),
        sparql="""
SELECT ?system ?ordered ?ordered_in ?value ?footnote ?quote WHERE {
  ?t a vnru:ArmsTransfer ; vnru:weaponSystem ?w ; vnru:numberOrdered ?ordered ;
     vnru:orderDate ?ordered_in ; vnru:value ?value ; vnru:citation ?c .
  ?w skos:prefLabel ?system . FILTER(LANG(?system) = "en" && CONTAINS(?system, "Yak-130"))
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
  OPTIONAL { ?c vnru:viaReference ?r . ?r vnru:footnote ?footnote }
}""",
    ),
    Case(
        "f000-crimea-annexation",
        all_of(
            has_date("2014", column="date"),
            has_text("Crimean peninsula", column="place"),
            has_text("sáp nhập bán đảo Crimea năm 2014", column="quote"),
        ),
        sparql="""
SELECT ?event ?date ?place ?quote WHERE {
  ?e a vnru:HistoricalEvent ; skos:prefLabel ?event ; vnru:date ?date ; schema:location ?p ;
     vnru:citation ?c .
  FILTER(LANG(?event) = "en")
  ?p skos:prefLabel ?place . FILTER(LANG(?place) = "en")
  ?c vnru:source vnrd:source-000 ; vnru:quote ?quote .
}""",
    ),
    Case(
        "f000-strategic-autonomy",
        all_of(
            has_text("recommendation", column="kind"),
            has_text("strategic autonomy", "strong enough", column="summary"),
        ),
        sparql=_STATEMENT.format(needle="Việt Nam cần thực hiện tự chủ chiến lược"),
    ),
    Case(
        "f000-procurement-incl-russia",
        all_of(
            has_text("recommendation", column="kind"),
            has_text("Russia among them", column="summary"),
            has_text("Russian Federation", column="about"),
        ),
        sparql=_STATEMENT.format(needle="với các đối tác phù hợp, trong đó có Nga"),
    ),
    # --- significance ---------------------------------------------------------------------------
    Case(
        "f000-vn-view",
        all_of(
            has_text("Socialist Republic of Vietnam", column="speaker"),
            has_text(
                "traditional friendship with high political trust and mutual understanding",
                column="summary",
            ),
        ),
        sparql=_STATEMENT.format(needle="có độ tin cậy chính trị cao và hiểu biết lẫn nhau"),
    ),
    Case(
        "f000-independent-foreign-policy",
        all_of(
            has_text("Socialist Republic of Vietnam", column="speaker"),
            has_text("policy", column="kind"),
            has_text("independent, self-reliant foreign policy", column="summary"),
        ),
        sparql=_STATEMENT.format(needle="đường lối đối ngoại độc lập, tự chủ"),
    ),
    Case(
        "f000-gateway-sea",
        all_of(
            has_text("cooperation with Southeast Asia", column="summary"),
            has_text("Southeast Asia", "Russian Federation", column="about"),
        ),
        sparql=_STATEMENT.format(needle="giúp Nga gia tăng hợp tác với khu vực Đông Nam Á"),
    ),
    Case(
        "f000-ru-ukraine-conflict-recent",
        all_of(
            has_text("Russia–Ukraine conflict", column="about"),
            has_text("challenges", column="summary"),
            rows_at_least(1),
        ),
        sparql=_STATEMENT.format(needle="nhất là sau khi nổ ra xung đột Nga - Ukraina"),
    ),
    Case(
        "f000-ru-weapons-diverted",
        all_of(
            has_text("concentrate its weapons on the conflict", column="summary"),
            has_text("Russia–Ukraine conflict", column="about"),
        ),
        sparql=_STATEMENT.format(needle="Nga phải tập trung vũ khí cho cuộc xung đột này"),
    ),
]
