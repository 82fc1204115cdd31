"""Front matter ``tasks:``: adding, correcting, removing tasks and recording progress;
every problem with its file and line, all at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import conclusion
from ketluan import pipeline
from ketluan.core.corpus import load_corpus
from ketluan.core.model import BUILTIN_TYPES
from ketluan.core.problems import ProblemsError

BODY = (
    "Giao UBND huyện tổ chức đấu giá quyền sử dụng đất trước tháng 9 năm 2024. "
    "Yêu cầu Ban Tổ chức Huyện ủy rà soát quy hoạch cán bộ.\n\n"
    "Đề nghị Phòng Kinh tế và Hạ tầng hoàn thiện hồ sơ thủ tục lò đốt rác.\n"
)


def tasks_of(tmp_path: Path, extra: str) -> list:
    folder = tmp_path / "conclusions" / "bac-giang"
    folder.mkdir(parents=True)
    (folder / "1.md").write_text(conclusion(BODY, signer=None) + "", encoding="utf-8")
    text = (folder / "1.md").read_text(encoding="utf-8").replace("---\n\n", extra + "---\n\n", 1)
    (folder / "1.md").write_text(text, encoding="utf-8")
    corpus = load_corpus(tmp_path, "conclusions", BUILTIN_TYPES)
    return pipeline.assign(corpus)["conclusions/bac-giang/1.md"]


def test_without_tasks_field(tmp_path: Path) -> None:
    found = tasks_of(tmp_path, "")
    assert [t.leads[0].name for t in found] == [
        "UBND huyện Sơn Động",
        "Ban Tổ chức Huyện ủy Sơn Động",
        "Phòng Kinh tế và Hạ tầng huyện Sơn Động",
    ]
    assert found[0].deadline is not None and found[0].deadline.due == dt.date(2024, 8, 31)


def test_correct_remove_add_and_progress(tmp_path: Path) -> None:
    extra = (
        "tasks:\n"
        "  - match: đấu giá quyền sử dụng đất\n"
        "    deadline: 2024-10-15\n"
        "    partners: [Chi cục Thuế khu vực]\n"
        "    done: 2024-10-10\n"
        "    report: Báo cáo số 312-BC/UBND ngày 12/10/2024\n"
        "  - match: rà soát quy hoạch cán bộ\n"
        "    remove: true\n"
        "  - text: Tổ chức hội nghị sơ kết trong quý III/2024.\n"
        "    bodies: [Ban Tuyên giáo Huyện ủy]\n"
        "    deadline: 2024-Q3\n"
        "    section: '4'\n"
    )
    found = tasks_of(tmp_path, extra)
    assert [t.number for t in found] == [1, 2, 3]
    first, second, added = found
    assert first.deadline is not None and first.deadline.due == dt.date(2024, 10, 15)
    assert [a.name for a in first.partners] == ["Chi cục Thuế khu vực"]
    assert (first.status, first.done and first.done.iso()) == ("hoan-thanh", "2024-10-10")
    assert first.report == "Báo cáo số 312-BC/UBND ngày 12/10/2024" and first.declared
    assert second.leads[0].name == "Phòng Kinh tế và Hạ tầng huyện Sơn Động"
    assert added.declared and added.leads[0].name == "Ban Tuyên giáo Huyện ủy Sơn Động"
    assert added.section == "4" and added.deadline is not None


def test_every_problem_with_its_line(tmp_path: Path) -> None:
    """Field problems come from validation, all at once, each with its line."""
    extra = (
        "tasks:\n"
        "  - match: đấu giá\n"
        "    deadline: 30/9/2024\n"
        "    status: xong\n"
        "  - text: Một việc\n"
        "    dealine: 2024\n"
    )
    with pytest.raises(ProblemsError) as caught:
        tasks_of(tmp_path, extra)
    text = str(caught.value)
    assert "conclusions/bac-giang/1.md:" in text
    assert "tasks[0].deadline: unreadable deadline '30/9/2024'" in text
    assert "tasks[0].status: unknown status 'xong'" in text
    assert "tasks[1].dealine: unknown field. Did you mean 'deadline'?" in text
    assert "tasks[1]: a task added without 'match:' needs 'bodies:'" in text
    lines = {p.field: p.line for p in caught.value.problems}
    assert lines["tasks[0].deadline"] < lines["tasks[0].status"] < lines["tasks[1].dealine"]


def test_match_must_name_one_task(tmp_path: Path) -> None:
    extra = "tasks:\n  - match: không có câu này\n    done: 2024-05-01\n  - match: huyện\n"
    with pytest.raises(ProblemsError) as caught:
        tasks_of(tmp_path, extra)
    first, second = caught.value.problems
    lines = (tmp_path / "conclusions" / "bac-giang" / "1.md").read_text().splitlines()
    assert first.line == lines.index("  - match: không có câu này") + 1
    assert "no task read in the text contains" in first.message
    assert second.line == lines.index("  - match: huyện") + 1
    assert "is in 2 tasks (1, 2)" in second.message


def test_done_before_the_document_is_an_error(tmp_path: Path) -> None:
    extra = "tasks:\n  - match: đấu giá\n    done: 2024-01-05\n"
    with pytest.raises(ProblemsError) as caught:
        tasks_of(tmp_path, extra)
    (problem,) = caught.value.problems
    lines = (tmp_path / "conclusions" / "bac-giang" / "1.md").read_text().splitlines()
    assert problem.line == lines.index("    done: 2024-01-05") + 1
    assert problem.message == "2024-01-05 is before the date of issue 2024-03-27"
