"""A site of documents as they really are beyond district conclusions: a central Kết luận
of the Bộ Chính trị, a provincial plan implementing it, a joint plan of a Party board and a
State department, the joint circular of five central bodies (its issuers and signature
blocks as published: ``/work/shared/real-texts/01-2022-ttlt-vksndtc.txt``), a Thông báo
kết luận signed "T/L Ban Thường vụ / K/T Chánh Văn phòng", a commune's resolution after 1
July 2025 and a bloc committee's conclusion. ``conftest.levels_site`` builds it once."""

from __future__ import annotations

CENTRAL_URL = "van-ban/trung-uong/bo-chinh-tri/2025/126-kl-tw/"
PLAN_URL = "van-ban/bac-giang/ban-thuong-vu-tinh-uy-bac-giang/2025/342-kh-tu/"
JOINT_URL = "van-ban/bac-giang/ban-tuyen-giao-tinh-uy-bac-giang/2024/05-khlt-btgtu-svhttdl/"
CIRCULAR_URL = (
    "van-ban/trung-uong/vien-kiem-sat-nhan-dan-toi-cao/2022/"
    "01-2022-ttlt-vksndtc-tandtc-bca-bqp-bldtbxh/"
)
NOTICE_URL = "van-ban/bac-giang/ban-thuong-vu-huyen-uy-son-dong/2024/12-tb-hu/"
COMMUNE_URL = "van-ban/bac-ninh/dang-uy-xa-tan-thinh/2025/05-nq-du/"
BLOC_URL = (
    "van-ban/bac-giang/ban-thuong-vu-dang-uy-khoi-cac-co-quan-tinh-bac-giang/2024/88-kl-dukcqt/"
)

CIRCULAR_ISSUERS = [
    "Viện kiểm sát nhân dân tối cao",
    "Tòa án nhân dân tối cao",
    "Bộ Công an",
    "Bộ Quốc phòng",
    "Bộ Lao động - Thương binh và Xã hội",
]
CIRCULAR_SIGNERS = [
    (["KT. Chánh án Tòa án nhân dân tối cao"], "Phó Chánh án", "Nguyễn Trí Tuệ"),
    (["KT. Viện trưởng Viện kiểm sát nhân dân tối cao"], "Phó Viện trưởng", "Nguyễn Duy Giảng"),
    (["KT. Bộ trưởng Bộ Công an"], "Thứ trưởng", "Trung tướng Nguyễn Duy Ngọc"),
    (["KT. Bộ trưởng Bộ Quốc phòng"], "Thứ trưởng", "Thượng tướng Võ Minh Lương"),
    (["KT. Bộ trưởng Bộ Lao động - Thương binh và Xã hội"], "Thứ trưởng", "Nguyễn Thị Hà"),
]

FILES = {
    "trung-uong/126-kl-tw.md": """\
---
title: Kết luận của Bộ Chính trị, Ban Bí thư về một số nội dung, nhiệm vụ tiếp tục sắp
  xếp, tinh gọn tổ chức bộ máy của hệ thống chính trị năm 2025
type: ket-luan
number: 126-KL/TW
date: 2025-02-14
issuer: Bộ Chính trị
level: trung-uong
signer:
  authority: T/M Bộ Chính trị
  name: Trần Cẩm Tú
recipients:
  - Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương
  - Lưu Văn phòng Trung ương Đảng
---

Tại phiên họp ngày 14/02/2025, sau khi nghe báo cáo về tình hình sắp xếp, tinh gọn tổ
chức bộ máy của hệ thống chính trị, Bộ Chính trị, Ban Bí thư kết luận như sau.
""",
    "bac-giang/342-kh-tu.md": """\
---
title: Kế hoạch thực hiện Kết luận số 126-KL/TW của Bộ Chính trị, Ban Bí thư
type: ke-hoach
number: 342-KH/TU
date: 2025-03-05
issuer: Ban Thường vụ Tỉnh ủy Bắc Giang
province: Bắc Giang
signer:
  authority:
    - T/M Ban Thường vụ
    - K/T Bí thư
  title: Phó Bí thư
  name: Lê Ô Pích
recipients:
  - Các huyện ủy, thành ủy
---

Thực hiện Kết luận số 126-KL/TW ngày 14/02/2025 của Bộ Chính trị, Ban Bí thư về một số
nội dung, nhiệm vụ tiếp tục sắp xếp, tinh gọn tổ chức bộ máy của hệ thống chính trị năm
2025, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện.
""",
    "bac-giang/05-khlt.md": """\
---
title: Kế hoạch liên tịch tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng
type: ke-hoach
number: 05-KHLT/BTGTU-SVHTTDL
date: 2024-12-20
issuers:
  - Ban Tuyên giáo Tỉnh ủy Bắc Giang
  - Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Giang
province: Bắc Giang
signers:
  - authority: K/T Trưởng ban
    title: Phó Trưởng ban
    name: Nguyễn Văn Hùng
  - authority: KT. Giám đốc
    title: Phó Giám đốc
    name: Trần Thị Lan
recipients:
  - Thường trực Tỉnh ủy (báo cáo)
  - Lưu
---

Ban Tuyên giáo Tỉnh ủy và Sở Văn hóa, Thể thao và Du lịch thống nhất kế hoạch tuyên truyền.
""",
    "trung-uong/01-2022-ttlt.md": """\
---
title: Quy định về phối hợp giữa các cơ quan có thẩm quyền trong tiếp nhận, giải quyết
  tố giác, tin báo về tội phạm, kiến nghị khởi tố, điều tra, truy tố, xét xử sơ thẩm các
  vụ án xâm hại tình dục người dưới 18 tuổi
type: thong-tu-lien-tich
number: 01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH
date: 2022-02-18
issuers:
"""
    + "".join(f"  - {name}\n" for name in CIRCULAR_ISSUERS)
    + """\
level: trung-uong
signers:
"""
    + "".join(
        f"  - authority: {chain[0]}\n    title: {title}\n    name: {name}\n"
        for chain, title, name in CIRCULAR_SIGNERS
    )
    + """\
---

Điều 26. Hiệu lực thi hành

Thông tư liên tịch này có hiệu lực thi hành kể từ ngày 05 tháng 4 năm 2022.
""",
    "bac-giang/son-dong/12-tb-hu.md": """\
---
title: Thông báo kết luận của Ban Thường vụ Huyện ủy về công tác giải phóng mặt bằng
type: thong-bao-ket-luan
number: 12-TB/HU
date: 2024-04-02
issuer: Ban Thường vụ Huyện ủy Sơn Động
province: Bắc Giang
district: Sơn Động
signer:
  authority:
    - T/L Ban Thường vụ
    - K/T Chánh Văn phòng
  title: Phó Chánh Văn phòng
  name: Lê Văn Cường
recipients:
  - Các đồng chí Ủy viên Ban Thường vụ Huyện ủy
---

Ngày 01/4/2024, Ban Thường vụ Huyện ủy họp nghe báo cáo tiến độ giải phóng mặt bằng.
""",
    "bac-ninh/tan-thinh/05-nq-du.md": """\
---
title: Nghị quyết về phát triển kinh tế - xã hội quý IV năm 2025
type: nghi-quyet
number: 05-NQ/ĐU
date: 2025-09-10
issuer: Đảng ủy xã Tân Thịnh
level: xa
province: Bắc Ninh
commune: xã Tân Thịnh
signer:
  authority: T/M Đảng ủy
  title: Bí thư
  name: Hoàng Văn Minh
---

Đảng ủy xã Tân Thịnh họp phiên thường kỳ tháng 9 năm 2025.
""",
    "bac-giang/88-kl.md": """\
---
title: Kết luận về công tác kiểm tra, giám sát năm 2024
type: ket-luan
number: 88-KL/ĐUKCQT
date: 2024-11-15
issuer: Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Bắc Giang
level: khoi
province: Bắc Giang
signer:
  authority: T/M Ban Thường vụ
  title: Bí thư
  name: Vũ Thị Hoa
---

Ban Thường vụ Đảng ủy Khối kết luận về công tác kiểm tra, giám sát.
""",
}
