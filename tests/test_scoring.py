from pipeline.scoring import score
from pipeline.vietnamese import normalize_syllable, normalize_text, strip_marks


def test_perfect_and_tone_placement_insensitive():
    s = score("Hòa bình, thủy lợi và ủy ban.", "Hoà bình thuỷ lợi và uỷ ban")
    assert s.accuracy == 1.0 and s.errors == 0


def test_counts_substitutions_deletions_insertions_and_diacritic_share():
    ref = "Ban Thường vụ Tỉnh ủy xây dựng kế hoạch"
    hyp = "Ban Thuong vụ Tinh ủy xây kế hoạch mới"
    s = score(ref, hyp)
    assert (s.substitutions, s.deletions, s.insertions) == (2, 1, 1)
    assert s.diacritic_only == 2 and s.diacritic_share == 0.5
    assert abs(s.accuracy - (1 - 4 / 9)) < 1e-9
    assert s.cer > 0


def test_case_counts_unless_told_not_to():
    assert score("Đảng", "đảng").accuracy == 0.0
    assert score("Đảng", "đảng", case_sensitive=False).accuracy == 1.0


def test_scores_add_up():
    a, b = score("một hai", "một hai"), score("ba bốn", "ba bón")
    total = a + b
    assert total.n_ref == 4 and total.errors == 1 and total.accuracy == 0.75


def test_old_style_tone_placement():
    for new, old in [("hoà", "hòa"), ("thuỷ", "thủy"), ("uỷ", "ủy"), ("khoẻ", "khỏe"), ("hoàng", "hoàng"),
                     ("quý", "quý"), ("giữ", "giữ"), ("người", "người"), ("Thuỷ", "Thủy"), ("tuyến", "tuyến"),
                     ("ngoài", "ngoài"), ("hoá", "hóa"), ("thuở", "thuở")]:
        assert normalize_syllable(new) == old, new
    assert normalize_text("Uỷ ban hoà giải") == "Ủy ban hòa giải"


def test_strip_marks():
    assert strip_marks("Đảng Cộng sản Việt Nam") == "Dang Cong san Viet Nam"
