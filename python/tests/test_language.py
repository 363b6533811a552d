"""vanban.set_language("vi"): exceptions, problems and warnings in Vietnamese."""

import pytest
import vanban


@pytest.fixture
def vietnamese():
    vanban.set_language("vi")
    yield
    vanban.set_language("en")


def test_english_is_the_default():
    assert vanban.get_language() == "en"


def test_validation_errors_read_in_vietnamese(plan, vietnamese):
    assert vanban.get_language() == "vi"
    del plan["place"]
    plan["date"] = "2024-02-30"
    plan["style"] = {"preset": 12}
    with pytest.raises(vanban.ValidationError) as caught:
        vanban.Document(plan)
    error = caught.value
    messages = {e["path"]: e["message"] for e in error.errors}
    assert messages["place"] == "là thông tin bắt buộc"
    assert messages["date"] == "không có ngày 30 tháng 02 năm 2024 (tháng 02 năm 2024 có 29 ngày)"
    assert messages["style.preset"] == "phải là 13 hoặc 14, không phải 12"
    text = str(error)
    assert text.startswith("3 lỗi trong dữ liệu đầu vào:")
    assert "place: là thông tin bắt buộc" in text
    # The same problems, without raising.
    assert {p["message"] for p in vanban.validate(plan)} == set(messages.values())


def test_back_to_english(plan):
    vanban.set_language("vi")
    vanban.set_language("en")
    del plan["place"]
    with pytest.raises(vanban.ValidationError) as caught:
        vanban.Document(plan)
    assert caught.value.errors[0]["message"] == "is required"
    assert str(caught.value).startswith("1 problem in the input:")


def test_tags_and_locale_names(vietnamese):
    for tag in ["vi-VN", "vi_VN.UTF-8", "VI"]:
        vanban.set_language("en")
        vanban.set_language(tag)
        assert vanban.get_language() == "vi"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="use \"en\" or \"vi\""):
        vanban.set_language("fr")
    with pytest.raises(ValueError):
        vanban.set_language("")
    assert vanban.get_language() == "en"


def test_data_errors_and_roll_up_warnings_read_in_vietnamese(vietnamese):
    from pathlib import Path

    examples = Path(__file__).resolve().parents[2] / "examples" / "data"
    with pytest.raises(ValueError, match="không có trang tính `Nope`"):
        vanban.read_sheet(examples / "chi-tieu-2024.xlsx", sheet="Nope")

    def unit(name, indicator):
        return {
            "issuer": {"name": name},
            "indicators": [{"name": indicator, "unit": "con", "plan": 10, "actual": 12}],
        }

    units = [unit("XÃ AN BÌNH", "Tổng đàn gia súc"), unit("XÃ AN HÒA", "Tổng đàn gia xúc")]
    with pytest.warns(UserWarning, match="được tính riêng dù tên gần như giống nhau"):
        vanban.rollup({"year": 2024}, units)


def test_register_errors_read_in_vietnamese(tmp_path, vietnamese):
    reg = vanban.Register.init(tmp_path / "so.db")
    reg.reserve("KH", "KH-VP")
    with pytest.raises(vanban.RegisterError, match="reason: hãy nêu lý do hủy số"):
        reg.void(1, " ")
    auditor = vanban.Register(tmp_path / "so.db", read_only=True)
    with pytest.raises(vanban.RegisterError, match="chế độ chỉ đọc"):
        auditor.reserve("KH", "KH-VP")
    vanban.set_language("en")
    with pytest.raises(vanban.RegisterError, match="opened read-only"):
        auditor.reserve("KH", "KH-VP")
