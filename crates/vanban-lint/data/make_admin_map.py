#!/usr/bin/env python3
"""Writes admin-map-2025.tsv, the administrative map since 1 July 2025 that
`vanban lint` and `vanban check` embed, from the MIT-licensed PyPI package
vietnamadminunits 1.0.4 (its dataset.db: the 34 provinces and 3,321
communes and wards of 2025, and the 63 provinces and 696 districts before).

    python3 -m venv target/corpus-venv
    target/corpus-venv/bin/pip install vietnamadminunits==1.0.4
    target/corpus-venv/bin/python crates/vanban-lint/data/make_admin_map.py

Lines (tab-separated, names in NFC, lists joined with `|`):
    P  <province now>  <the provinces before 1 July 2025 it took in>
    D  <province before>  <its districts (cấp huyện), all gone since>
    W  <province now>  <its communes and wards>
The same input gives the same bytes: every list is sorted.
"""

import importlib.util
import json
import os
import sqlite3
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
VERSION = "1.0.4"


def nfc(text):
    return unicodedata.normalize("NFC", " ".join(text.split()))


def main():
    # Found without importing the package (its parser needs shapely).
    spec = importlib.util.find_spec("vietnamadminunits")
    db = os.path.join(list(spec.submodule_search_locations)[0], "data", "dataset.db")
    con = sqlite3.connect(db)
    legacy = {}
    for province, district in con.execute(
        "select distinct province, district from admin_units_legacy"
    ):
        legacy.setdefault(nfc(province), set()).add(nfc(district))
    now = {}
    for province, ward in con.execute("select province, ward from admin_units"):
        now.setdefault(nfc(province), set()).add(nfc(ward))
    # Which old provinces each new one took in: an old ward's key maps to
    # the new province (the package's own conversion table).
    with open(os.path.join(os.path.dirname(db), "converter_2025.json"), encoding="utf-8") as f:
        table = json.load(f)["DICT_PROVINCE"]
    key_name = dict(con.execute("select distinct provinceKey, province from admin_units"))
    key_old = dict(con.execute("select distinct provinceKey, province from admin_units_legacy"))
    merged = {}
    for new_key, old_keys in table.items():
        merged[nfc(key_name[new_key])] = sorted(nfc(key_old[k]) for k in old_keys)
    assert len(merged) == 34 and sorted(merged) == sorted(now), "34 provinces"
    assert sum(len(v) for v in merged.values()) == 63, "63 provinces before"
    assert sum(len(v) for v in now.values()) == 3321, "3,321 communes and wards"

    out = [
        "# The administrative map of Việt Nam since 1 July 2025 (34 provinces, no",
        "# districts, 3,321 communes and wards) and the units it replaced.",
        f"# Source: the PyPI package vietnamadminunits {VERSION} (Tran Ngoc Minh Hieu,",
        "# MIT licence: see LICENSE-admin-map beside this file), its dataset.db and",
        "# converter_2025.json; written by make_admin_map.py. Do not edit by hand.",
    ]
    for province in sorted(merged):
        out.append("P\t%s\t%s" % (province, "|".join(merged[province])))
    for province in sorted(legacy):
        out.append("D\t%s\t%s" % (province, "|".join(sorted(legacy[province]))))
    for province in sorted(now):
        out.append("W\t%s\t%s" % (province, "|".join(sorted(now[province]))))
    with open(os.path.join(HERE, "admin-map-2025.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    sys.exit(main())
