"""Issue 15 in a built site: a law cited by name, a short form the text defines and an issuer
written before the number are linked like numbers, to cited-document pages of their own."""

from __future__ import annotations

from urllib.parse import urljoin

from conftest import Site, conclusion, text_of

BODY = (
    "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;\n\n"
    "Theo đề nghị của Bộ trưởng Bộ Nông nghiệp và Môi trường tại Tờ trình số 12/TTr-BNNMT "
    "ngày 02/3/2024;\n\n"
    "Thực hiện Thông tư liên tịch số 06/2018/TTLT-VKSNDTC-BCA ngày 21/12/2018 của Viện kiểm sát "
    "nhân dân tối cao, Bộ Công an (sau đây viết tắt là Thông tư liên tịch số 06/2018), Ban "
    "Thường vụ Huyện ủy kết luận: thực hiện đúng Điều 5 Thông tư liên tịch số 06/2018.\n"
)
URL = "van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/"


def test_named_short_form_and_issuer_before_are_linked(site: Site) -> None:
    site.add("bac-giang/son-dong/604.md", conclusion(BODY))
    site.build()
    body = site.page(URL).cssselect(".kl-document__body")[0]
    links = [(text_of(a), urljoin("/" + URL, a.get("href"))) for a in body.cssselect("a.kl-cite")]
    assert [text for text, _ in links] == [
        "Luật Đất đai",
        "Tờ trình số 12/TTr-BNNMT",
        "Thông tư liên tịch số 06/2018/TTLT-VKSNDTC-BCA",
        "Thông tư liên tịch số 06/2018",
        "Thông tư liên tịch số 06/2018",
    ]
    law, report, joint, *uses = (target for _, target in links)
    assert law == "/trich-dan/toan-quoc/luat/2024/luat-dat-dai/"
    assert uses == [joint, joint], "each use of the short form is the joint circular"
    page = site.page(law.lstrip("/"))
    assert text_of(page.cssselect("h1")[0]) == "Luật Đất đai"
    assert not page.cssselect(".kl-meta__number"), "a law cited by name has no số ký hiệu"
    assert "Quốc hội" in text_of(page.cssselect(".kl-meta")[0])
    assert text_of(site.page(report.lstrip("/")).cssselect("h1")[0]) == "Tờ trình số 12/TTr-BNNMT"
    cites = site.page(URL).cssselect(".kl-cites .kl-item__title")
    assert [text_of(a) for a in cites][:1] == ["Luật Đất đai"]
