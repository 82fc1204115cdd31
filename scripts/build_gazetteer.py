"""Regenerate plugins/ketluan/data/gazetteer.json from the ``vietnamadminunits`` package.

The portal needs both administrative maps of Vietnam: the 63 provinces and ~700 districts
in force until 30 June 2025, and the 34 provinces since 1 July 2025, with which new
province each former province became part of. ``vietnamadminunits`` (MIT, by Tran Ngoc
Minh Hieu) ships both as open data; this script extracts the small part the portal needs
so that ketluan ships a compact JSON file and has no runtime dependency on that package.

Usage (no install needed, the wheel is only unpacked)::

    pip download --no-deps vietnamadminunits==1.0.4 -d /tmp/vau
    python scripts/build_gazetteer.py /tmp/vau/vietnamadminunits-1.0.4-py3-none-any.whl

Checks the result against facts we know independently (the seed README): Điện Biên is
unchanged, Bắc Giang is part of Bắc Ninh, Bắc Kạn of Thái Nguyên, Hà Giang of Tuyên Quang.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))

from ketluan.core.text import fold, new_tone_placement, nfc, slugify  # noqa: E402

TARGET = REPO / "plugins" / "ketluan" / "data" / "gazetteer.json"

# Names in use before the dataset's snapshot that the package does not carry as aliases:
# Thừa Thiên Huế became the centrally-governed Thành phố Huế on 1 January 2025, and every
# document of the years before names the province "Thừa Thiên Huế".
EXTRA_PROVINCE_NAMES = {"46": ["Thừa Thiên Huế"]}

EXPECTED_SUCCESSORS = {
    "Điện Biên": "Điện Biên",
    "Bắc Giang": "Bắc Ninh",
    "Bắc Kạn": "Thái Nguyên",
    "Hà Giang": "Tuyên Quang",
    "Tuyên Quang": "Tuyên Quang",
}


def compact(value: str) -> str:
    """Matching key used by ketluan.places: folded, letters and digits only."""
    return re.sub(r"[^0-9a-z]", "", fold(value))


def short_name(short: str, kind: str) -> str:
    """'Kỳ Anh (Huyện)' -> 'Kỳ Anh'; 'Quận 1' -> '1' (the type is stored apart)."""
    short = re.sub(r"\s*\([^)]*\)$", "", short).strip()
    if fold(short).startswith(fold(kind) + " "):
        short = short[len(kind) + 1 :]
    return new_tone_placement(nfc(short))


def province_kind(full: str) -> str:
    return "Thành phố" if fold(full).startswith("thanh pho") else "Tỉnh"


def read_wheel(wheel: Path) -> tuple[sqlite3.Connection, dict[str, list[str]], str]:
    """Open the package's dataset.db and the 63->34 province mapping inside the wheel."""
    version = re.search(r"-(\d+(?:\.\d+)*)-", wheel.name)
    tmp = Path(tempfile.mkdtemp())
    with zipfile.ZipFile(wheel) as archive:
        archive.extract("vietnamadminunits/data/dataset.db", tmp)
        mapping = json.loads(archive.read("vietnamadminunits/data/converter_2025.json"))
        licence = next(n for n in archive.namelist() if n.endswith("LICENSE"))
        if "MIT License" not in archive.read(licence).decode():
            raise SystemExit(f"{licence} is no longer the MIT licence: check before shipping")
    db = sqlite3.connect(tmp / "vietnamadminunits/data/dataset.db")
    return db, mapping["DICT_PROVINCE"], version.group(1) if version else "unknown"


def build(wheel: Path) -> dict[str, object]:
    db, merged_into, version = read_wheel(wheel)
    former_rows = db.execute(
        "SELECT DISTINCT provinceCode, province, provinceShort, provinceKeywords FROM"
        " admin_units_legacy ORDER BY provinceCode"
    ).fetchall()
    current_rows = db.execute(
        "SELECT DISTINCT provinceCode, province, provinceShort, provinceKey FROM admin_units"
        " ORDER BY provinceCode"
    ).fetchall()
    district_rows = db.execute(
        "SELECT DISTINCT provinceCode, districtCode, districtShort, districtType, districtAlias"
        " FROM admin_units_legacy ORDER BY districtCode"
    ).fetchall()

    current = []
    current_by_key = {}
    for code, full, short, key in current_rows:
        name = new_tone_placement(nfc(short))
        current.append(
            {"code": code, "name": name, "kind": province_kind(full), "slug": slugify(name)}
        )
        current_by_key[key] = code

    successor_of = {}
    for new_key, old_keys in merged_into.items():
        for old_key in old_keys:
            successor_of[old_key] = current_by_key[new_key]

    former = []
    for code, full, short, keywords in former_rows:
        name = new_tone_placement(nfc(short))
        key = json.loads(keywords)[0]
        aliases = sorted(
            {compact(k) for k in json.loads(keywords)} - {compact(name)}
            | {compact(a) for a in EXTRA_PROVINCE_NAMES.get(code, [])}
        )
        former.append(
            {
                "code": code,
                "name": name,
                "kind": province_kind(full),
                "slug": slugify(name),
                "successor": successor_of[key],
                "aliases": aliases,
                "former_names": EXTRA_PROVINCE_NAMES.get(code, []),
            }
        )

    districts = []
    for province, code, short, kind, alias in district_rows:
        name = short_name(short, kind)
        districts.append(
            {
                "code": code,
                "name": name,
                "kind": kind,
                "province": province,
                "slug": slugify(name),
                "aliases": sorted({compact(a) for a in json.loads(alias or "[]")}),
            }
        )
    _disambiguate(districts)
    data = {
        "source": {
            "package": "vietnamadminunits",
            "version": version,
            "url": "https://github.com/tranngocminhhieu/vietnamadminunits",
            "licence": "MIT, Copyright (c) 2025 Tran Ngoc Minh Hieu",
            "tables": "admin_units_legacy (63 provinces, districts as of early 2025), "
            "admin_units (34 provinces since 2025-07-01), converter_2025.json DICT_PROVINCE",
            "generated_by": "scripts/build_gazetteer.py",
            "notes": "Names use new tone placement (Hòa). District aliases are earlier names of "
            "districts merged into this one before 2025, as matching keys.",
        },
        "merger_date": "2025-07-01",
        "current_provinces": current,
        "former_provinces": former,
        "districts": districts,
    }
    check(data)
    return data


def _disambiguate(districts: list[dict]) -> None:
    """Two districts of one province sharing a name (thị xã and huyện Kỳ Anh) get the type
    in their slug; aliases that equal a real district's name in the province are dropped."""
    by_province: dict[str, list[dict]] = defaultdict(list)
    for district in districts:
        by_province[district["province"]].append(district)
    for members in by_province.values():
        slugs = Counter(d["slug"] for d in members)
        names = {compact(d["name"]) for d in members} | {
            compact(d["kind"] + " " + d["name"]) for d in members
        }
        for district in members:
            if slugs[district["slug"]] > 1 or district["name"].isdigit():
                district["slug"] = slugify(district["kind"] + " " + district["name"])
            own = {compact(district["name"]), compact(district["kind"] + " " + district["name"])}
            district["aliases"] = [a for a in district["aliases"] if a not in names | own]


def check(data: dict) -> None:
    """Refuse to write data that contradicts what we know."""
    current = {p["code"]: p for p in data["current_provinces"]}
    former = {p["name"]: p for p in data["former_provinces"]}
    assert len(current) == 34, len(current)
    assert len(former) == 63, len(former)
    assert 650 < len(data["districts"]) < 750, len(data["districts"])
    for old, new in EXPECTED_SUCCESSORS.items():
        got = current[former[old]["successor"]]["name"]
        assert got == new, f"{old} is part of {got}, expected {new}"
    assert {p["successor"] for p in former.values()} == set(current)
    codes = [d["code"] for d in data["districts"]]
    assert len(codes) == len(set(codes)), "district codes are unique"
    seen = set()
    for d in data["districts"]:
        assert d["province"] in {p["code"] for p in former.values()}
        key = (d["province"], d["slug"])
        assert key not in seen and d["slug"] not in ("trang", "tat-ca"), key
        seen.add(key)
        assert unicodedata.is_normalized("NFC", d["name"])


def write(data: dict, target: Path) -> None:
    """One unit per line: small, diffable, and still plain JSON."""
    lines = ["{"]
    for index, (key, value) in enumerate(data.items()):
        comma = "," if index < len(data) - 1 else ""
        if isinstance(value, list):
            rows = [json.dumps(item, ensure_ascii=False) for item in value]
            lines.append(f' "{key}": [\n  ' + ",\n  ".join(rows) + f"\n ]{comma}")
        else:
            lines.append(f' "{key}": {json.dumps(value, ensure_ascii=False)}{comma}')
    lines.append("}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path, help="vietnamadminunits-*.whl from pip download")
    parser.add_argument("-o", "--output", type=Path, default=TARGET)
    args = parser.parse_args()
    data = build(args.wheel)
    write(data, args.output)
    print(
        f"{args.output}: {len(data['former_provinces'])} former provinces, "
        f"{len(data['districts'])} districts, {len(data['current_provinces'])} provinces"
    )


if __name__ == "__main__":
    main()
