"""Deterministic generator of synthetic conclusion files, for scale tests and benchmarks.

``python tests/corpus_gen.py OUT_DIR COUNT`` writes COUNT files; the same seed always gives
the same corpus. Places come from the real gazetteer: district documents before 1 July 2025
in a few former provinces, province documents of the new provinces after it.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from ketluan.core.places import gazetteer
from ketluan.core.text import slugify

PROVINCES = ("Bắc Giang", "Điện Biên", "Bắc Kạn", "Hà Giang")
SIGNERS = ("Đỗ Văn Cẩm", "Lý Thanh Tiềm", "Nguyễn Văn Dũng", "Hoàng Thị Hoa", "Vàng A Sùng")
TYPES = ("ket-luan", "thong-bao-ket-luan", "thong-bao-y-kien")


def generate(root: Path, count: int, seed: int = 2025) -> list[Path]:
    """Write ``count`` valid conclusion files under ``root``; returns their paths."""
    rng = random.Random(seed)
    g = gazetteer()
    units = [
        (p, d) for p in (g.province(n, "former") for n in PROVINCES) for d in g.districts_of(p)
    ]
    paths = []
    for i in range(count):
        if i % 10 == 9:  # a tenth after the merger: province-level, new province
            former, _ = units[i % len(units)]
            assert former.successor is not None
            province, district = former.successor.name, None
            date = f"2025-{rng.randint(7, 12):02d}-{rng.randint(1, 28):02d}"
            issuer = f"Thường trực Tỉnh ủy {province}"
        else:
            former, unit = units[i % len(units)]
            province, district = former.name, unit.name
            date = f"{rng.randint(2016, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            issuer = f"Huyện ủy {unit.name}"
        kind = TYPES[i % len(TYPES)]
        lines = [
            "---",
            f"title: Kết luận của Ban Thường vụ về nhiệm vụ trọng tâm số {i}",
            f"type: {kind}",
            f'number: "{i + 1}-KL/HU"',
            f"date: {date}",
            f"issuer: {issuer}",
            f"province: {province}",
            *([f"district: {district}"] if district else []),
            "signer:",
            f"  name: {SIGNERS[rng.randrange(len(SIGNERS))]}",
            "---",
            "",
            f"Nội dung kết luận số {i + 1}.",
            "",
        ]
        path = root / slugify(province) / f"{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    out, n = Path(sys.argv[1]), int(sys.argv[2])
    print(f"{len(generate(out, n))} files written to {out}")
