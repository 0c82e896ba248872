from vnrukg.names import fold, shorten_text


def test_fold_drops_diacritics_case_and_d_stroke():
    assert fold("Phan Văn Giang") == "phan van giang"
    assert fold("Đối thoại  Chiến lược") == "doi thoai chien luoc"
    assert fold("đường") == "duong"
    assert fold("Mát-xcơ-va") == "mat-xco-va"


def test_fold_keeps_other_scripts_readable():
    assert fold("Москва") == "москва"
    assert fold("Ёлка") == "елка"


def test_shorten_text_cuts_at_a_word():
    assert shorten_text("short") == "short"
    assert shorten_text("Treaty of Friendship and Cooperation between the Soviet Union", 30) == (
        "Treaty of Friendship and…"
    )
