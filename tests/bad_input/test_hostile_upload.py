"""Reports uploaded on the review page (and read by the command line): every refusal is a message in
the reader's language naming what the file did, bombs are refused before they inflate, and the
encodings Windows and older Chinese systems save in are read."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

import pytest

from metrics.importer import accept, limits, upload, write
from metrics.importer.read import LimitError, ReadError, read_bytes
from metrics.text import i18n
from tests.bad_input.helpers import docx_with_body, pdf_with_stream

REPORT = "一、2027年工作回顾\n全市地区生产总值达到21047.7亿元,比上年增长5.1%。\n"
MAX_PEAK_BYTES = 100 * 2**20
"""Memory, not time: a refused bomb never holds more than a slice of itself inflated."""


def refused(name: str, data: bytes) -> upload.InputProblem:
    with pytest.raises(upload.InputProblem) as caught:
        upload.read_input(name, data, "")
    return caught.value


def said(problem: upload.InputProblem, lang: str) -> str:
    return i18n.t(problem.key, lang, **problem.values)


def peak(call: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        call()
    except (upload.InputProblem, ReadError):
        pass
    finally:
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return top


@pytest.fixture(scope="module")
def docx_bomb() -> bytes:
    bomb = docx_with_body(inflated=2**30)
    assert len(bomb) < limits.MAX_UPLOAD_BYTES  # under the upload limit: only its inflated size gives it away
    return bomb


def test_a_word_bomb_is_refused_in_the_readers_language_without_inflating(docx_bomb):
    problem = refused("report.docx", docx_bomb)
    assert problem.key == "limit_docx_inflated"
    assert said(problem, "zh") == "这个 Word 文件解压后有 1024.8 MB,超过了 64.0 MB 的上限(可能是压缩炸弹),没有解压。"
    assert said(problem, "en") == "The Word file would inflate to 1024.8 MB, over the 64.0 MB limit (a zip bomb?); it was not inflated."
    assert peak(lambda: upload.read_input("report.docx", docx_bomb, "")) < MAX_PEAK_BYTES


def test_a_word_file_whose_directory_lies_is_read_no_further_than_it_says():
    """zipfile stops at the declared size: the part is cut short, its checksum fails, the file is unreadable."""
    liar = docx_with_body(inflated=256 * 2**20, declared=4096)
    assert refused("report.docx", liar).key == "review_err_unreadable"
    assert peak(lambda: upload.read_input("report.docx", liar, "")) < MAX_PEAK_BYTES


def test_a_highly_compressed_part_is_refused_by_its_ratio():
    dense = docx_with_body(inflated=20 * 2**20, paragraph="0")
    problem = refused("report.docx", dense)
    assert problem.key == "limit_docx_ratio" and problem.values["part"] == "word/document.xml"
    assert "压缩比为" in said(problem, "zh") and f"{limits.DOCX_MAX_RATIO}:1" in said(problem, "zh")


@pytest.mark.parametrize(("inflated", "hexed", "limit"), [(2**30, False, "128.0"), (200 * 2**20, True, "64.0")])
def test_a_pdf_bomb_is_refused_without_inflating(inflated, hexed, limit):
    bomb = pdf_with_stream(inflated, wrap_hex=hexed)
    problem = refused("report.pdf", bomb)
    assert problem.key == "limit_pdf_inflated" and problem.values == {"limit": limit}
    assert said(problem, "zh") == f"这个 PDF 的压缩内容解压后超过 {limit} MB 的上限(可能是压缩炸弹),已停止读取。"
    assert peak(lambda: upload.read_input("report.pdf", bomb, "")) < MAX_PEAK_BYTES


def test_the_command_line_names_the_limit_in_english(docx_bomb):
    with pytest.raises(LimitError) as caught:
        read_bytes(docx_bomb, "bomb.docx")
    assert str(caught.value) == "bomb.docx: The Word file would inflate to 1024.8 MB, over the 64.0 MB limit (a zip bomb?); it was not inflated."


@pytest.mark.parametrize(("name", "data", "key", "zh"), [
    ("report.doc", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "review_err_type", "不支持的文件类型“doc”:请上传 .txt、.docx、.pdf 或 .html。"),
    ("huge.txt", "增".encode() * (2 * 2**20), "review_err_too_large", "文件太大:报告不能超过 5 MB。"),
    ("garbage.pdf", b"not a pdf\n" * 100, "review_err_unreadable", "无法读取这个文件:它可能已损坏,或与扩展名不符。"),
    ("blob.txt", bytes(range(256)) * 40, "review_err_binary", "这是二进制文件,不是文字:请上传 .txt、.docx、.pdf 或 .html。"),
    ("big5.txt", REPORT.encode("big5", errors="replace"), "review_err_encoding", "文字不是 UTF-8、UTF-16 或 GB18030(GBK)编码。"),
])
def test_what_the_upload_widget_said_in_english_is_said_in_the_readers_language(name, data, key, zh):
    """The widget no longer checks type and size (it said "File must be 5.0MB or smaller" and
    "application/msword files are not allowed" in the Chinese interface); read_input does."""
    problem = refused(name, data)
    assert problem.key == key and said(problem, "zh") == zh


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "gbk", "gb18030", "utf-8"])
def test_the_encodings_a_report_comes_in_are_read(encoding):
    marked = "\ufeff" + REPORT if encoding in ("utf-16-le", "utf-16-be") else REPORT
    text, _ = upload.read_input("report.txt", marked.encode(encoding), "")
    assert "21047.7亿元" in text and "\ufeff" not in text


def test_the_source_id_is_checked_before_anything_is_created(tmp_path, monkeypatch):
    """A source id of ../../x was refused only after its text had been written outside the data folder."""
    data = tmp_path / "data" / "metrics.yaml"
    data.parent.mkdir()
    data.write_text("sources: []\nregions: []\nindicators: []\nobservations: []\n", encoding="utf-8")
    created: list[str] = []
    monkeypatch.setattr(write, "stage", lambda *a: created.append("stage"))
    monkeypatch.setattr(write, "journal", lambda *a: created.append("journal"))
    plan = accept.Plan({"id": "../../outside"}, "text", [], [], [{"region": "x"}])
    for step in (accept.check, accept.apply):
        with pytest.raises(accept.AcceptError, match="is not an id"):
            step(plan, data)
    assert created == [] and sorted(p.name for p in tmp_path.rglob("*")) == ["data", "metrics.yaml"]


def test_a_text_too_long_to_draft_is_refused_by_its_characters():
    """Drafting takes time in proportion to the text: a 5 MB upload of report sentences held the
    page for minutes; past MAX_TEXT_CHARS it is refused, naming the count."""
    sentence = "全市地区生产总值达到12408.7亿元,比上年增长3.3%。\n"
    problem = refused("long.txt", (sentence * (limits.MAX_TEXT_CHARS // len(sentence) + 10)).encode())
    assert problem.key == "limit_text_chars" and problem.values["limit"] == limits.MAX_TEXT_CHARS
    assert said(problem, "zh").startswith("这份文件的文字有 ") and f"超过了 {limits.MAX_TEXT_CHARS} 个字符的上限" in said(problem, "zh")
