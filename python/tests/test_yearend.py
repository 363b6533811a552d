"""Year-end reports from Python: roll-up and sheets."""

from pathlib import Path

import pytest

import vanban

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "data"


def unit(name, households, poor, revenue):
    return {
        "issuer": {"name": name},
        "households": households,
        "indicators": [
            {"name": "Thu ngân sách", "unit": "triệu đồng", "plan": revenue[0], "actual": revenue[1]},
            {"name": "Tỷ lệ hộ nghèo", "unit": "%", "plan": poor[0], "actual": poor[1], "direction": "giảm"},
        ],
    }


def test_rollup_sums_amounts_and_weights_rates():
    units = [
        unit("ỦY BAN NHÂN DÂN XÃ AN BÌNH", 1200, (2.0, 1.8), (900, 950.5)),
        unit("ỦY BAN NHÂN DÂN XÃ AN HÒA", 800, (3.0, 3.2), (600, 580)),
        unit("ỦY BAN NHÂN DÂN XÃ AN LẠC", 2000, (1.5, 1.4), (1500, 1620.25)),
    ]
    base = {"year": 2024, "weights": {"Tỷ lệ hộ nghèo": "households"}}
    out = vanban.rollup(base, units)
    revenue, poor = out["indicators"]
    assert revenue["plan"] == pytest.approx(900 + 600 + 1500)
    assert revenue["actual"] == pytest.approx(950.5 + 580 + 1620.25)
    weights = 1200 + 800 + 2000
    assert poor["actual"] == pytest.approx((1.8 * 1200 + 3.2 * 800 + 1.4 * 2000) / weights)
    assert poor["direction"] == "giảm"
    assert [u["name"] for u in out["units"]] == ["UBND xã An Bình", "UBND xã An Hòa", "UBND xã An Lạc"]
    assert out["units"][1]["not_met"] == 2

    with pytest.raises(ValueError, match="never summed"):
        vanban.rollup({"year": 2024}, units)


def test_read_sheet_gives_the_example_indicators():
    rows = vanban.read_sheet(EXAMPLES / "chi-tieu-2024.xlsx", sheet="Chỉ tiêu")
    assert len(rows) == 12
    poor = next(r for r in rows if r["name"].startswith("Tỷ lệ hộ nghèo"))
    assert poor["direction"] == "giảm" and poor["actual"] == 1.48
    with pytest.raises(ValueError, match="no sheet `Nope`"):
        vanban.read_sheet(EXAMPLES / "chi-tieu-2024.xlsx", sheet="Nope")
