# ruff: noqa: E501
"""Phrase bank of the benchmark corpus generator: committee prose as the published
conclusions write it (see the seeds), so that word frequencies, sentence lengths and markup
look like real documents rather than a few repeated lines.

Slots in braces are filled per document: {unit} "huyện Sơn Động" or "tỉnh Bắc Giang", {cap}
"huyện"/"tỉnh", {body} "Huyện ủy"/"Tỉnh ủy", {xa} and {xa2} commune names, {pct} {pct2}
{n} {n2} {d} {ha} {ty} {km} numbers, {year} {prev} {next} years, {month} {period}, {dl} a deadline.
"""

from __future__ import annotations

# fmt: off
SURNAMES = ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Lương", "Tạ", "Chu", "Cao", "Vương", "Thái", "Lâm"]
ETHNIC_SURNAMES = ["Mùa", "Lò", "Vàng", "Giàng", "Sùng", "Hà", "Lường", "Quàng", "Triệu", "Nông", "Lục", "Ma", "Bế", "Hoàng", "Lầu", "Thào"]
MIDDLE_MALE = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Xuân", "Đình", "Công", "Ngọc", "Trọng", "Quang", "Mạnh", "Tiến"]
MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Hồng", "Phương", "Minh", "Kim"]
GIVEN_MALE = ["An", "Bình", "Cường", "Dũng", "Hùng", "Hải", "Sơn", "Tuấn", "Thắng", "Thành", "Trung", "Hưng", "Long", "Khánh", "Lâm", "Phong", "Quân", "Tiến", "Toàn", "Việt", "Vinh", "Cẩm", "Đông", "Hiếu", "Nam", "Tâm", "Thịnh", "Chiến", "Kiên", "Lực", "Pích", "Sùng", "Tiềm"]
GIVEN_FEMALE = ["Hoa", "Hương", "Lan", "Hằng", "Huyền", "Liên", "Mai", "Nga", "Nhung", "Oanh", "Phượng", "Thanh", "Thảo", "Thủy", "Trang", "Vân", "Yến", "Dịu", "Hà", "Linh"]
ETHNIC_MIDDLE = ["A", "Văn", "Thị", "Seo", "Chứ", "Đức"]
MOUNTAIN_PROVINCES = ["Điện Biên", "Lai Châu", "Hà Giang", "Sơn La", "Lào Cai", "Cao Bằng", "Bắc Kạn", "Yên Bái", "Lạng Sơn", "Tuyên Quang"]
PEN_NAMES = ["Hương Dịu", "Minh Anh", "Thu Hằng", "Quang Hưng", "Trần Linh", "Nguyễn Huyền", "Lan Phương", "Văn Tuấn", "Hoàng Hà", "Đức Anh", "Mai Lan", "Thanh Tâm", "Ngọc Mai", "Phạm Hòa", "Bích Ngọc", "Tiến Đạt", "Minh Khôi", "Hà Thu", "Quỳnh Như", "Việt Hưng"]
COMMUNE_FIRST = ["Tân", "Phú", "Đông", "Tây", "Nam", "Bắc", "Xuân", "Hòa", "Vĩnh", "Thanh", "Quảng", "Cẩm", "Yên", "Đại", "Trung", "Mường", "Nà", "Phúc", "Long", "An", "Hồng", "Kim", "Thạch", "Hương", "Lạc", "Minh", "Sơn", "Thượng", "Hạ", "Chiềng"]
COMMUNE_SECOND = ["Lập", "Sơn", "Hòa", "Bình", "Thành", "Phong", "Hưng", "Lộc", "Tiến", "Thịnh", "Yên", "Lợi", "Minh", "Xuân", "Quang", "Hải", "Trung", "Đồng", "Lâm", "Châu", "Khê", "Nhé", "Chà", "Ảng", "Mùn", "Pồng", "Cang", "Thủy", "Thuỷ"]
# fmt: on

RURAL = r"rừng|nông thôn|nông nghiệp|lương thực|chăn nuôi|nông, lâm|lúa|chè|Kiểm lâm|thôn, bản|vùng cao|thủy sản|\bxã\b(?! hội)"
"""Words of a rural district, left out of the texts of urban quận."""
MERGED = {
    "Các huyện ủy, thị ủy, thành ủy": "Các đảng ủy xã, phường",
    "huyện, thành phố": "xã, phường",
}
"""Since 1 July 2025 there are no districts: what provincial texts say instead."""

# Topics: (what a conclusion is about, tag). Tags are lowercase, as editors write them.
TOPICS = [
    ("tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội", "kinh tế - xã hội"),
    ("công tác giải phóng mặt bằng các dự án trọng điểm", "giải phóng mặt bằng"),
    ("tiến độ giải ngân vốn đầu tư công", "đầu tư công"),
    ("xây dựng nông thôn mới và nông thôn mới nâng cao", "nông thôn mới"),
    ("công tác quản lý nhà nước về đất đai, tài nguyên, khoáng sản", "đất đai"),
    ("công tác quản lý, bảo vệ và phát triển rừng", "bảo vệ rừng"),
    ("công tác cán bộ và kiện toàn tổ chức bộ máy", "công tác cán bộ"),
    ("công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị", "xây dựng đảng"),
    ("công tác kiểm tra, giám sát và thi hành kỷ luật đảng", "kiểm tra, giám sát"),
    ("chuẩn bị và tổ chức đại hội đảng bộ các cấp", "đại hội đảng"),
    ("chuyển đổi số và cải cách hành chính", "chuyển đổi số"),
    ("giảm nghèo bền vững và bảo đảm an sinh xã hội", "giảm nghèo"),
    ("phòng, chống thiên tai, tìm kiếm cứu nạn", "thiên tai"),
    ("bảo đảm quốc phòng, an ninh và trật tự an toàn xã hội", "quốc phòng - an ninh"),
    ("phát triển du lịch gắn với bảo tồn di sản văn hóa", "du lịch"),
    ("nâng cao chất lượng giáo dục và đào tạo", "giáo dục"),
    ("chăm sóc sức khỏe Nhân dân và y tế cơ sở", "y tế"),
    ("thu, chi ngân sách nhà nước", "ngân sách"),
    ("công tác dân vận và thực hiện quy chế dân chủ ở cơ sở", "dân vận"),
    ("sắp xếp đơn vị hành chính cấp xã", "sắp xếp đơn vị hành chính"),
    ("sắp xếp, tinh gọn tổ chức bộ máy của hệ thống chính trị", "sắp xếp bộ máy"),
    ("phát triển sản phẩm OCOP và kinh tế tập thể", "sản phẩm ocop"),
    ("phát triển nuôi trồng thủy sản", "thủy sản"),
    ("bảo vệ môi trường và xử lý rác thải sinh hoạt", "môi trường"),
    ("thực hiện các chương trình mục tiêu quốc gia", "chương trình mục tiêu quốc gia"),
]
COVID = ("phòng, chống dịch Covid-19", "phòng chống covid-19")

ACHIEVEMENTS = [
    "Kinh tế - xã hội tiếp tục được duy trì ổn định và phát triển, tốc độ tăng giá trị sản xuất ước đạt {n},{d}%, đóng góp vào sự phát triển chung của tỉnh.",
    "Thu ngân sách trên địa bàn đạt {ty} tỷ đồng, bằng {pct}% dự toán giao, tăng so với cùng kỳ năm {prev}.",
    "Sản xuất nông nghiệp được duy trì, tổng sản lượng lương thực có hạt ước đạt {n2} nghìn tấn; chăn nuôi phát triển ổn định, không để dịch bệnh lớn xảy ra.",
    "Các lĩnh vực văn hóa - xã hội có nhiều chuyển biến tích cực, đời sống vật chất và tinh thần của Nhân dân từng bước được cải thiện.",
    "An ninh chính trị, trật tự an toàn xã hội được giữ vững; công tác quốc phòng, quân sự địa phương được triển khai đúng kế hoạch.",
    "Công tác xây dựng Đảng, xây dựng hệ thống chính trị được tập trung lãnh đạo, chỉ đạo và tổ chức thực hiện theo kế hoạch đã đề ra.",
    "Công tác giải phóng mặt bằng các dự án trọng điểm được thực hiện quyết liệt và có chuyển biến tích cực; đã bàn giao {ha} ha mặt bằng sạch cho chủ đầu tư.",
    "Chương trình xây dựng nông thôn mới tiếp tục được quan tâm; đến nay có {n}/{n2} xã đạt chuẩn nông thôn mới, {pct} thôn, bản đạt chuẩn thôn nông thôn mới kiểu mẫu.",
    "Công tác cải cách hành chính được đẩy mạnh, tỷ lệ hồ sơ giải quyết đúng hạn đạt {pct2},{d}%; tỷ lệ hồ sơ trực tuyến toàn trình tăng mạnh.",
    "Chất lượng giáo dục toàn diện được duy trì; tỷ lệ học sinh tốt nghiệp trung học phổ thông đạt {pct2},{d}%, có thêm {n} trường đạt chuẩn quốc gia.",
    "Công tác chăm sóc sức khỏe Nhân dân được quan tâm; cơ sở vật chất của các trạm y tế xã từng bước được đầu tư, nâng cấp.",
    "Các chính sách an sinh xã hội được thực hiện đầy đủ, kịp thời; tỷ lệ hộ nghèo giảm còn {pct},{d}%, hoàn thành chỉ tiêu đề ra.",
    "Công tác kiểm tra, giám sát được tăng cường; đã kiểm tra {n} tổ chức đảng và {n2} đảng viên, kịp thời chấn chỉnh những hạn chế, thiếu sót.",
    "Công tác phát triển đảng viên được quan tâm; kết nạp {n2} đảng viên mới, đạt {pct2}% kế hoạch năm.",
    "Hoạt động của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội có nhiều đổi mới, hướng mạnh về cơ sở.",
    "Công tác quản lý, bảo vệ rừng được tăng cường; tỷ lệ che phủ rừng đạt {pct2},{d}%, không để xảy ra cháy rừng lớn.",
    "Hạ tầng giao thông tiếp tục được đầu tư; hoàn thành nâng cấp {km} km đường giao thông nông thôn và đường liên xã.",
    "Các sản phẩm OCOP tiếp tục được phát triển, đến nay toàn {cap} có {n2} sản phẩm đạt từ 3 sao trở lên.",
    "Công tác chuyển đổi số có chuyển biến rõ nét; {pct2}% cơ quan, đơn vị sử dụng văn bản điện tử và chữ ký số trong xử lý công việc.",
    "Đã tập trung lãnh đạo, tổ chức triển khai thực hiện các nhiệm vụ chính trị của địa phương, đạt kết quả toàn diện trên các lĩnh vực.",
    "Tình hình tôn giáo, dân tộc ổn định; các vụ việc phức tạp nảy sinh được giải quyết kịp thời từ cơ sở.",
    'Công tác dân vận được chú trọng, phong trào thi đua "Dân vận khéo" được triển khai sâu rộng với {n2} mô hình được công nhận.',
    "Giá trị sản xuất công nghiệp - tiểu thủ công nghiệp ước đạt {ty} tỷ đồng, tăng {n},{d}% so với cùng kỳ.",
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước đạt {ty} tỷ đồng, bằng {pct2}% kế hoạch năm.",
    "Lượng khách du lịch đến địa bàn ước đạt {n2} nghìn lượt, doanh thu từ du lịch tăng khá so với năm {prev}.",
    "Công tác tiếp công dân, giải quyết khiếu nại, tố cáo được thực hiện nghiêm túc; tỷ lệ giải quyết đơn thư thuộc thẩm quyền đạt {pct2}%.",
    "Công tác tuyển chọn và gọi công dân nhập ngũ đạt 100% chỉ tiêu giao, bảo đảm chất lượng.",
    "Tỷ lệ người dân tham gia bảo hiểm y tế đạt {pct2},{d}%; bảo hiểm xã hội tự nguyện tăng {n2} người so với cùng kỳ.",
    "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được gắn với thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị.",
    "Công tác tuyên truyền được đổi mới về hình thức; dư luận xã hội được nắm bắt, định hướng kịp thời.",
    "Công tác đối ngoại nhân dân được duy trì; quan hệ hữu nghị với các địa phương kết nghĩa tiếp tục được củng cố.",
    "Đã hoàn thành xây dựng và đưa vào sử dụng {n} công trình trọng điểm, tạo động lực phát triển kinh tế - xã hội.",
]
LIMITATIONS = [
    "Tốc độ tăng giá trị sản xuất chưa đạt tiến độ; giải ngân nguồn vốn đầu tư công, vốn chương trình mục tiêu quốc gia đạt thấp, mới đạt {pct}% kế hoạch.",
    "Việc khai thác tiềm năng, lợi thế để phát triển kinh tế - xã hội chưa thực sự hiệu quả, nhất là về nông nghiệp hàng hóa và du lịch.",
    "Công tác quản lý đất đai, tài nguyên, khoáng sản còn hạn chế; việc xử lý vi phạm đất đai còn chậm, một số vụ việc chưa được xử lý dứt điểm.",
    "Sản xuất nông nghiệp còn nguy cơ nhiễm dịch bệnh trên đàn vật nuôi; liên kết sản xuất theo chuỗi giá trị chưa nhiều.",
    "Một số dự án chậm triển khai thực hiện; tiến độ giao đất, giao rừng, cấp giấy chứng nhận quyền sử dụng đất còn chậm.",
    "Công tác phát triển đảng viên ở một số chi bộ nông thôn còn khó khăn, chưa đạt chỉ tiêu đề ra.",
    "Tình hình an ninh, trật tự an toàn xã hội vẫn tiềm ẩn nhân tố phức tạp, nhất là tội phạm về ma túy và vi phạm lâm luật.",
    "Công tác giải quyết đơn thư còn tồn đọng kéo dài; một số vụ việc khiếu nại đông người chưa được giải quyết triệt để.",
    "Ý thức trách nhiệm, tinh thần phục vụ của một bộ phận cán bộ, công chức còn hạn chế, chưa đáp ứng yêu cầu nhiệm vụ.",
    "Công tác phối hợp giữa các cơ quan, đơn vị, địa phương có lúc chưa chặt chẽ, hiệu quả chưa cao.",
    "Chất lượng sinh hoạt chi bộ ở một số nơi chưa cao, nội dung sinh hoạt còn đơn điệu, chưa thiết thực.",
    "Thu ngân sách từ tiền sử dụng đất đạt thấp, chỉ đạt {pct}% dự toán; việc đấu giá quyền sử dụng đất còn chậm.",
    "Việc hoàn thiện hồ sơ thủ tục đầu tư một số công trình chưa đạt yêu cầu, phải điều chỉnh nhiều lần.",
    "Tỷ lệ hộ nghèo, hộ cận nghèo ở các xã vùng cao còn cao; nguy cơ tái nghèo còn lớn.",
    "Công tác tuyên truyền, vận động có việc, có nơi hiệu quả chưa cao; việc sử dụng dịch vụ công trực tuyến chuyển biến còn chậm.",
    "Một số cấp ủy, tổ chức đảng chưa thật sự quyết liệt trong lãnh đạo, chỉ đạo; việc cụ thể hóa các nghị quyết còn chậm.",
    "Tai nạn giao thông, cháy nổ còn xảy ra; tình trạng khai thác cát, sỏi trái phép chưa được ngăn chặn triệt để.",
    "Hạ tầng kỹ thuật ở một số khu vực chưa đồng bộ; việc thu hút đầu tư vào các cụm công nghiệp còn khó khăn.",
    "Chất lượng nguồn nhân lực còn thấp, tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ chưa đạt kế hoạch.",
    "Công tác quản lý trật tự xây dựng, trật tự đô thị ở một số nơi còn buông lỏng.",
    "Tiến độ thực hiện các dự án sử dụng vốn ngoài ngân sách còn chậm, một số nhà đầu tư năng lực hạn chế.",
]
CAUSES = [
    "Những hạn chế, khuyết điểm trên có nguyên nhân khách quan là do tình hình thời tiết diễn biến phức tạp, giá cả vật tư tăng cao, nguồn lực đầu tư còn hạn chế.",
    "Nguyên nhân chủ yếu là việc chấp hành kết luận chỉ đạo của Thường trực, Ban Thường vụ có nội dung chưa nghiêm túc, hiệu quả chuyển biến chưa cao.",
    "Tuy nhiên, có nguyên nhân chủ quan là công tác lãnh đạo, chỉ đạo của một số cấp ủy, tổ chức đảng còn thiếu quyết liệt; vai trò người đứng đầu chưa được phát huy.",
    "Nguyên nhân của những hạn chế trên có cả khách quan và chủ quan, trong đó nguyên nhân chủ quan là chủ yếu.",
]
ACTORS_DISTRICT = [
    "UBND {cap}",
    "Ban Tuyên giáo {body}",
    "Ban Tổ chức {body}",
    "Ủy ban Kiểm tra {body}",
    "Ban Dân vận {body}",
    "Văn phòng {body}",
    "Đảng ủy các xã, thị trấn",
    "Ủy ban MTTQ và các đoàn thể chính trị - xã hội {cap}",
    "Phòng Nông nghiệp và Phát triển nông thôn",
    "Phòng Tài nguyên và Môi trường",
    "Phòng Tài chính - Kế hoạch",
    "Phòng Giáo dục và Đào tạo",
    "Công an {cap}",
    "Ban Chỉ huy Quân sự {cap}",
    "Ban Quản lý dự án đầu tư xây dựng {cap}",
    "Trung tâm Văn hóa, Thể thao và Truyền thông {cap}",
    "Hạt Kiểm lâm",
    "Chủ tịch UBND {cap}",
    "Đảng ủy xã {xa}",
]
ACTORS_PROVINCE = [
    "Ban cán sự đảng UBND {cap}",
    "Đảng đoàn HĐND {cap}",
    "Đảng đoàn Ủy ban MTTQ {cap}",
    "Ban Tổ chức {body}",
    "Ban Tuyên giáo {body}",
    "Ủy ban Kiểm tra {body}",
    "Văn phòng {body}",
    "Ban Dân vận {body}",
    "Ban Nội chính {body}",
    "Các huyện ủy, thị ủy, thành ủy",
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Tài nguyên và Môi trường",
    "Sở Xây dựng",
    "Sở Giao thông vận tải",
    "Sở Nội vụ",
    "Sở Thông tin và Truyền thông",
    "Công an {cap}",
    "Bộ Chỉ huy Quân sự {cap}",
    "Đảng ủy Khối các cơ quan {cap}",
]
VERBS = [
    "tập trung chỉ đạo",
    "khẩn trương hoàn thành",
    "chủ động phối hợp thực hiện",
    "tiếp tục đẩy mạnh",
    "rà soát, đánh giá lại",
    "tăng cường kiểm tra, giám sát",
    "quyết liệt triển khai",
    "nghiên cứu, tham mưu",
    "đôn đốc, hướng dẫn",
    "tổ chức thực hiện có hiệu quả",
    "xây dựng kế hoạch cụ thể để triển khai",
    "chỉ đạo tháo gỡ khó khăn, vướng mắc trong",
    "làm tốt công tác tuyên truyền về",
    "bố trí nguồn lực để thực hiện",
    "kiểm tra, đôn đốc tiến độ",
]
OBJECTS = [
    "công tác giải phóng mặt bằng các dự án trọng điểm trên địa bàn",
    "việc giải ngân vốn đầu tư công năm {year}",
    "các tiêu chí xây dựng nông thôn mới nâng cao tại xã {xa}",
    "công tác quản lý, bảo vệ và phát triển rừng bền vững",
    "việc cấp giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân",
    "việc xử lý dứt điểm các vi phạm về đất đai, khoáng sản",
    "dự án nâng cấp, cải tạo tuyến đường trục chính từ xã {xa} đi xã {xa2}",
    "các chương trình mục tiêu quốc gia giai đoạn 2021 - 2025",
    "công tác thu ngân sách, chống thất thu, trốn lậu thuế",
    "việc đấu giá quyền sử dụng đất tại khu dân cư xã {xa}",
    "việc xây dựng, phát triển các sản phẩm OCOP, sản phẩm đặc trưng của địa phương",
    "công tác chuyển đổi số, cải cách thủ tục hành chính",
    "chương trình hỗ trợ xóa nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo",
    "công tác phòng, chống thiên tai, sạt lở đất mùa mưa lũ",
    "việc sắp xếp, bố trí cán bộ, công chức dôi dư sau sáp nhập",
    "công tác kiểm tra, giám sát và thi hành kỷ luật trong Đảng",
    "việc nâng cao chất lượng sinh hoạt chi bộ ở cơ sở",
    "công tác phát triển đảng viên, nhất là ở thôn, bản chưa có đảng viên",
    "việc giải quyết đơn thư khiếu nại, tố cáo, nhất là đơn đông người, kéo dài",
    "công tác tuần tra, kiểm soát, trấn áp các loại tội phạm",
    "việc duy trì sĩ số, nâng cao chất lượng dạy và học",
    "việc củng cố, nâng cao chất lượng hoạt động của y tế cơ sở",
    "việc vận hành lò đốt rác thải sinh hoạt tại xã {xa}",
    "các thủ tục thu hút doanh nghiệp đầu tư vào lĩnh vực chế biến nông, lâm sản",
    "công tác tuyển chọn và gọi công dân nhập ngũ năm {next}",
    "việc sắp xếp đơn vị hành chính cấp xã theo đề án được phê duyệt",
    "việc chuẩn bị nội dung, nhân sự đại hội chi bộ, đảng bộ cơ sở",
    "kế hoạch phát triển kinh tế - xã hội năm {next}",
    "quy hoạch chung xây dựng xã {xa} và quy hoạch chi tiết thị trấn",
    "công tác quản lý, khai thác công trình nước sạch nông thôn",
    "việc chuyển đổi cơ cấu cây trồng trên đất lúa kém hiệu quả",
    "công tác bảo tồn, phát huy giá trị di tích lịch sử - văn hóa",
]
QUALIFIERS = [
    ", bảo đảm đúng tiến độ, chất lượng",
    ", hoàn thành trước ngày {dl}",
    ", báo cáo kết quả về Thường trực {body} trước ngày {dl}",
    ", không để phát sinh điểm nóng",
    ", gắn với trách nhiệm của người đứng đầu",
    " theo đúng quy định của pháp luật",
    ", phấn đấu đạt {pct2}% kế hoạch năm {year}",
    "; kịp thời đề xuất tháo gỡ những khó khăn, vướng mắc phát sinh",
    "; định kỳ hằng tháng báo cáo tiến độ thực hiện",
    ", tránh hình thức, lãng phí",
    "",
]
ORDERS = [
    "Nâng cao năng lực quản lý, điều hành của chính quyền các cấp; tăng cường kỷ luật, kỷ cương hành chính.",
    "Thường xuyên theo dõi, nắm chắc tình hình, kịp thời tuyên truyền, xử lý tốt, không để hình thành điểm phức tạp trên địa bàn.",
    "Cá nhân hóa trách nhiệm trong triển khai thực hiện các nhiệm vụ hằng tháng và cả năm; đảm bảo một nhiệm vụ chỉ do một đồng chí chủ trì, chịu trách nhiệm chính.",
    "Tạo mọi điều kiện thuận lợi để các thành phần kinh tế đầu tư trên địa bàn, tạo sự đồng thuận trong Nhân dân trong quá trình thực hiện.",
    "Quan tâm thực hiện tốt công tác tuyên truyền, vận động cán bộ, đảng viên và Nhân dân đồng thuận, ủng hộ chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    "Tiếp tục thực hiện tốt các nhiệm vụ quốc phòng, quân sự địa phương; xây dựng vững chắc khu vực phòng thủ.",
    "Động viên, phát huy tính chủ động, sáng tạo của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tham gia xây dựng Đảng, chính quyền trong sạch, vững mạnh.",
    "Thực hiện tốt trách nhiệm nêu gương của cán bộ, đảng viên, nhất là cấp ủy viên và người đứng đầu cơ quan, đơn vị.",
]
ASIDES = [
    "UBND {cap} hằng tháng tổ chức hội nghị chuyên đề với các cơ quan, đơn vị có tiến độ giải ngân chậm để kịp thời tháo gỡ khó khăn",
    "yêu cầu trưởng ban chỉ đạo các xã trực tiếp kiểm tra, rà soát danh sách đề nghị hỗ trợ, bảo đảm đúng đối tượng",
    "tuyệt đối không để vi phạm đất đai mới phát sinh mà không được phát hiện, ngăn chặn, xử lý kịp thời",
    "trọng tâm là các dự án khu dân cư tại xã {xa} và thị trấn",
    "hoàn thành trước ngày {dl}, báo cáo Thường trực {body} kết quả thực hiện",
    "Chủ tịch UBND các xã chịu trách nhiệm trước Ban Thường vụ {body} nếu để xảy ra vi phạm",
]
CLOSINGS_KL = [
    "Giao Văn phòng {body} theo dõi, đôn đốc triển khai thực hiện các nội dung kết luận, tổng hợp kết quả, báo cáo Thường trực {body} theo quy định.",
    "Các cấp ủy, tổ chức đảng, cơ quan, đơn vị căn cứ Kết luận này để xây dựng kế hoạch triển khai thực hiện; trong quá trình thực hiện có khó khăn, vướng mắc kịp thời báo cáo Ban Thường vụ {body}.",
]
CLOSINGS_TB = [
    "Văn phòng {body} thông báo để các cơ quan, đơn vị, địa phương biết, thực hiện.",
    "Xin thông báo ý kiến của Thường trực {body} để các cơ quan, đơn vị biết, thực hiện.",
    "Thông báo để các tổ chức đảng, cơ quan, đơn vị liên quan biết, thực hiện./.",
]
NEWS_LEADS = [
    "{when}, {who} chủ trì Hội nghị {what}.",
    "{when}, Đoàn công tác của Ban Thường vụ {body} do đồng chí {who} làm Trưởng đoàn đã có buổi làm việc với {unit} về {what}.",
    "{when}, tại Hội trường {body}, {who} đã chủ trì buổi làm việc về {what}.",
]
NEWS_REPORTS = [
    "Báo cáo tại buổi làm việc cho biết, thời gian qua {unit} đã tập trung lãnh đạo, chỉ đạo thực hiện đồng bộ các giải pháp, nhiều chỉ tiêu đạt và vượt kế hoạch.",
    "Tại Hội nghị, các đại biểu đã thảo luận, làm rõ nguyên nhân và đề xuất các giải pháp thực hiện nhiệm vụ trong thời gian tới.",
    "Các đơn vị đã kiến nghị UBND tỉnh xem xét, bổ sung kế hoạch vốn để bảo đảm hoàn thành kế hoạch năm {year}.",
    "Phát biểu kết luận, đồng chí {who} ghi nhận, đánh giá cao những kết quả mà {unit} đạt được trong thời gian qua.",
    "Đồng chí đề nghị {unit} tiếp tục rà soát, đánh giá thực chất các chỉ tiêu đã hoàn thành để có giải pháp phù hợp với các chỉ tiêu chưa đạt.",
    "Đối với các nội dung kiến nghị tại buổi làm việc, lãnh đạo các sở, ngành đã trả lời, làm rõ tại cuộc họp.",
    "Theo báo cáo, {period}, tổng thu ngân sách trên địa bàn đạt {ty} tỷ đồng; giải ngân vốn đầu tư công đạt {pct}% kế hoạch.",
    "Thảo luận tại buổi làm việc, các đại biểu tập trung làm rõ những khó khăn, vướng mắc trong giải phóng mặt bằng, quản lý đất đai và thu hút đầu tư.",
    "Đại diện lãnh đạo các sở, ngành đã trao đổi, hướng dẫn cụ thể đối với từng nội dung kiến nghị thuộc thẩm quyền.",
    "Tại buổi làm việc, lãnh đạo {unit} đề xuất tỉnh quan tâm bố trí vốn cho các công trình giao thông, thủy lợi bị hư hỏng do mưa lũ.",
    "Báo cáo cũng chỉ rõ những tồn tại, hạn chế và nguyên nhân, đồng thời đề ra nhiệm vụ, giải pháp trọng tâm trong thời gian tới.",
]
NEWS_DIRECTIVES = [
    "Đồng chí đề nghị",
    "Đồng chí yêu cầu",
    "Đồng chí {who} lưu ý",
    "Kết luận buổi làm việc, đồng chí {who} đề nghị",
    "Nhấn mạnh nhiệm vụ thời gian tới, đồng chí yêu cầu",
    "Bên cạnh đó, đồng chí đề nghị",
]
CAPTIONS = [
    "Toàn cảnh Hội nghị",
    "Đồng chí {who} phát biểu kết luận buổi làm việc",
    "Các đại biểu dự Hội nghị",
    "Đoàn công tác kiểm tra thực địa tại xã {xa}",
    "Quang cảnh buổi làm việc",
    "Lãnh đạo các sở, ngành phát biểu tại Hội nghị",
]
FOOTNOTES = [
    "Thu ngân sách trên địa bàn đạt {ty} tỷ đồng, bằng {pct}% dự toán; thu tiền sử dụng đất đạt {pct2}%.",
    "Tỷ lệ giải ngân vốn đầu tư công đạt {pct}%; vốn chương trình mục tiêu quốc gia đạt {pct2}%.",
    "Đến nay, toàn {cap} mới di chuyển được {n}/{n2} hộ ra khỏi vùng nguy hiểm, đạt {pct}% kế hoạch.",
    'Kết nạp {n} đảng viên mới, đạt {pct2}% chỉ tiêu; {n2} chi bộ đạt "trong sạch, vững mạnh".',
    "Điện sản xuất đạt {pct},{d}%; chè chế biến đạt {pct2},{d}%; gỗ tinh chế đạt {pct},{d}%.",
    "Có {n}/{n2} xã đạt chuẩn nông thôn mới; {n} xã đạt chuẩn nông thôn mới nâng cao.",
    "Cháy rừng {n} vụ, thiệt hại {ha} ha; phá rừng trái phép {n2} vụ.",
    "Tổng diện tích gieo trồng đạt {n2} ha, bằng {pct2}% kế hoạch; năng suất lúa bình quân {n} tạ/ha.",
]
MEETINGS_BCH = "Kỳ họp thứ {k} Ban Chấp hành Đảng bộ {level} (khóa {khoa}, nhiệm kỳ {term})"
MEETINGS = [
    "Hội nghị Ban Thường vụ {committee} tháng {month}/{year}",
    "Giao ban Thường trực {committee} tháng {month}/{year}",
    "Buổi làm việc của Thường trực {committee} với Đảng ủy xã {xa}",
    "Hội nghị giao ban công tác quý {quarter}/{year}",
]
RECIPIENTS_DISTRICT = [
    ["BTV {top} (báo cáo)", "Thường trực {top} (báo cáo)"],
    ["Cán bộ các Ban của {top} theo dõi {cap}"],
    ["Các đ/c Ủy viên BTV {body}", "Các đ/c {body} viên"],
    ["Các chi, đảng bộ cơ sở"],
    ["Các cơ quan, ban, ngành, đoàn thể {cap}"],
    ["Đảng ủy, UBND các xã, thị trấn", "Đảng ủy, UBND xã {xa}", "Đảng ủy, UBND các phường"],
    ["Lưu Văn phòng {body}"],
]
RECIPIENTS_PROVINCE = [
    ["Ban Bí thư Trung ương Đảng (báo cáo)", "Văn phòng Trung ương Đảng (báo cáo)"],
    ["Các đ/c Ủy viên BTV {body}"],
    ["Đảng đoàn HĐND {cap}", "Ban cán sự đảng UBND {cap}"],
    ["Đảng đoàn Ủy ban MTTQ {cap}"],
    ["Các ban đảng, Văn phòng {body}"],
    ["Các sở: KH&ĐT, NN&PTNT, TN&MT, Xây dựng", "Các sở, cơ quan cấp {cap} dự họp"],
    ["Các huyện ủy, thị ủy, thành ủy", "Huyện ủy, UBND {unit}"],
    ["Đ/c Chánh, Phó Chánh VPTU", "Chuyên viên VPTU"],
    ["Lưu Văn phòng {body}"],
]
