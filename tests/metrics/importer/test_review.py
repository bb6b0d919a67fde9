"""The review page's view model: input checks, the draft table and its edits, preview, write."""

from __future__ import annotations

import datetime as dt
import io
import shutil

import pytest

from metrics.importer import review, upload
from metrics.load.dataset import DEFAULT_DATA, find_problems, load

REPORT = ("一、2027年工作回顾\n全市地区生产总值达到21047.7亿元,比上年增长5.1%。"
          "城乡居民人均可支配收入分别达到9.1万元和5.6万元。城镇调查失业率下降到4.5%。\n")
"""A review of a year the dataset does not hold; 下降到4.5% is a level of 4.5 (a reviewer corrects it to 4.4)."""
DETAILS = review.Details(region="ningbo", report_type="government_work_report", date=dt.date(2028, 1, 20),
                         title="2028年宁波市政府工作报告")


@pytest.fixture
def data(tmp_path):
    shutil.copytree(DEFAULT_DATA.parent, tmp_path / "data")
    return tmp_path / "data" / DEFAULT_DATA.name


def _pdf_without_text() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_switch_is_off_unless_set_to_1():
    assert review.enabled({"METRICS_IMPORT": "1"})
    assert not review.enabled({})
    assert not review.enabled({"METRICS_IMPORT": "0"})
    assert not review.enabled({"METRICS_IMPORT": "yes"})


@pytest.mark.parametrize(("name", "data", "key"), [
    ("empty.txt", b"   \n", "review_err_empty"),
    ("blob.txt", b"\x00\x01\x02\x03" * 100, "review_err_binary"),
    ("scan.pdf", None, "review_err_pdf_no_text"),
    ("fake.pdf", b"not a pdf at all", "review_err_unreadable"),
    ("broken.docx", b"PK\x03\x04garbage", "review_err_unreadable"),
    ("page.html", b"<html><head><script>alert('\xe5\xa2\x9e')</script></head><body></body></html>", "review_err_html_no_text"),
    ("huge.txt", b"x" * (upload.MAX_BYTES + 1), "review_err_too_large"),
    ("report.exe", b"MZ\x90\x00", "review_err_type"),
    ("english.txt", b"just some English words", "review_err_no_text"),
])
def test_bad_files_are_one_known_message(name, data, key):
    with pytest.raises(upload.InputProblem) as caught:
        upload.read_input(name, _pdf_without_text() if data is None else data, "")
    assert caught.value.key == key


def test_nothing_given_and_huge_paste_are_refused():
    with pytest.raises(upload.InputProblem, match="review_err_nothing"):
        upload.read_input(None, None, "  \n")
    with pytest.raises(upload.InputProblem, match="review_err_too_large"):
        upload.read_input(None, None, "增" * (upload.MAX_BYTES // 3 + 1))


def test_html_scripts_are_dropped_and_the_article_kept():
    page = ("<html><body><script>window.evil = '地区生产总值达到1亿元'</script>"
            "<p>一、2027年工作回顾</p><p>全市地区生产总值达到21047.7亿元,比上年增长5.1%。</p></body></html>")
    text, name = upload.read_input("report.html", page.encode(), "")
    assert "21047.7" in text and "evil" not in text and "1亿元" not in text and name == "report.html"


def test_an_upload_wins_over_pasted_text():
    text, _ = upload.read_input("r.txt", REPORT.encode(), "别的文字")
    assert "21047.7" in text and "别的文字" not in text


def test_table_marks_the_quote_in_its_sentence_and_edits_come_back():
    dataset = load()
    text, _ = upload.read_input(None, None, REPORT)
    drafts = review.drafts_for(text, dataset, DETAILS)
    frame = review.table(drafts, "zh")
    assert list(frame.columns) == list(review.COLUMNS) and list(frame.index) == list(range(1, len(drafts) + 1))
    gdp = frame.index[frame["indicator"] == "gdp"][0]
    assert frame.loc[gdp, "sentence"] == "全市【地区生产总值达到21047.7亿元】,比上年增长5.1%。"
    assert frame["accept"].all() and set(frame["status"]) == {"新数据"}
    unemployment = frame.index[frame["indicator"] == "surveyed_unemployment_rate"][0]
    assert frame.loc[unemployment, "value"] == 4.5
    frame.loc[unemployment, "value"] = 4.4
    frame.loc[gdp, "year"] = 2024
    edited = review.with_edits(drafts, frame, dataset.observations)
    assert edited[unemployment - 1].value == 4.4 and drafts[unemployment - 1].value == 4.5, "a copy, not the original"
    assert edited[gdp - 1].year == 2024 and edited[gdp - 1].existing == "already there: conflicts"
    assert review.status_text(edited[gdp - 1], "en") == "already there (another value)"


def test_a_fact_already_there_starts_unticked_and_bulk_choices():
    dataset = load()
    text, _ = upload.read_input(None, None, "一、2024年工作回顾\n全市地区生产总值达到18147.7亿元,比上年增长5.4%。新建口袋公园45个。\n")
    drafts = review.drafts_for(text, dataset, DETAILS)
    frame = review.table(drafts, "en")
    assert not frame.loc[1, "accept"] and frame.loc[1, "status"] == "already there (same value)"
    assert review.bulk(frame, drafts, "all")["accept"].all()
    assert not review.bulk(frame, drafts, "none")["accept"].any()
    confident = review.bulk(frame, drafts, "confident")["accept"].tolist()
    assert confident == [d.confidence >= 0.7 for d in drafts] and True in confident and False in confident


def test_preview_checks_before_writing_then_write_keeps_a_backup(data):
    dataset = load(data)
    before = data.read_bytes()
    text, _ = upload.read_input(None, None, REPORT)
    drafts = review.drafts_for(text, dataset, DETAILS)
    source = review.source_for(DETAILS, text)
    assert review.preview(drafts, source, text, dataset, data, None, "en").ok, "the default selection validates"
    mistyped = review.table(drafts, "en")
    mistyped.loc[mistyped["indicator"] == "surveyed_unemployment_rate", "value"] = 45  # a reviewer's slip
    wrong = review.preview(review.with_edits(drafts, mistyped, dataset.observations), source, text, dataset, data, None, "en")
    assert not wrong.ok and wrong.records == 5
    assert any(p.startswith("Row ") and "The value 45 is not in the quote" in p for p in wrong.problems), wrong.problems
    assert data.read_bytes() == before and not (data.parent / "texts" / f"{source['id']}.txt").exists()
    assert sorted(p.name for p in data.parent.iterdir() if p.name.startswith(".")) == [], "no staged file left"

    frame = review.table(drafts, "en")
    frame.loc[frame["indicator"] == "surveyed_unemployment_rate", "value"] = 4.5
    frame.loc[frame["indicator"] == "gdp_growth", "accept"] = False
    drafts = review.with_edits(drafts, frame, dataset.observations)
    good = review.preview(drafts, source, text, dataset, data, None, "en")
    assert good.ok and good.records == 4, good.problems
    assert "value: 21047.7" in good.yaml and "value: 4.5" in good.yaml and "value: 5.1" not in good.yaml
    assert "stated_date: 2028-01-20" in good.yaml and "&" not in good.yaml, "no YAML anchors in the data file"
    assert data.read_bytes() == before, "a preview writes nothing"

    outcome = review.write(good.plan, data, None, "en")
    assert outcome.ok and outcome.records == 4 and outcome.backup.endswith("metrics.yaml.bak")
    assert (data.parent / "metrics.yaml.bak").read_bytes() == before
    assert find_problems(data) == []
    new = load(data)
    assert {(o.indicator, o.value) for o in new.observations if o.year == 2027 and o.region == "ningbo"} == {
        ("gdp", 21047.7), ("urban_disposable_income", 9.1), ("rural_disposable_income", 5.6), ("surveyed_unemployment_rate", 4.5)}
    again = review.preview(drafts, source, text, new, data, None, "zh")
    assert not again.ok and "已经导入过" in again.problems[0]


def test_nothing_ticked_or_no_title_is_said_before_any_check(data):
    dataset = load(data)
    text, _ = upload.read_input(None, None, REPORT)
    drafts = review.drafts_for(text, dataset, DETAILS)
    for draft in drafts:
        draft.accepted = False
    assert review.preview(drafts, review.source_for(DETAILS, text), text, dataset, data, None, "en").problems == (
        "No row is ticked, so there is nothing to write.",)
    drafts[0].accepted = True
    untitled = review.source_for(review.Details("ningbo", "government_work_report", None, "  "), text)
    assert review.preview(drafts, untitled, text, dataset, data, None, "en").problems == ("Give the title.",)


def test_a_write_that_fails_writes_nothing(data):
    dataset = load(data)
    text, _ = upload.read_input(None, None, REPORT)
    drafts = review.drafts_for(text, dataset, DETAILS)
    mistyped = review.table(drafts, "en")
    mistyped.loc[mistyped["indicator"] == "surveyed_unemployment_rate", "value"] = 45
    drafts = review.with_edits(drafts, mistyped, dataset.observations)
    plan = review.preview(drafts, review.source_for(DETAILS, text), text, dataset, data, None, "en").plan
    before = data.read_bytes()
    outcome = review.write(plan, data, None, "zh")
    assert not outcome.ok and outcome.records == 0
    assert any("第" in p and "行" in p and "45" in p for p in outcome.problems), outcome.problems
    assert data.read_bytes() == before and not (data.parent / "metrics.yaml.bak").exists()


def test_the_preview_key_changes_with_what_would_be_written(data):
    dataset = load(data)
    text, _ = upload.read_input(None, None, REPORT)
    drafts = review.drafts_for(text, dataset, DETAILS)
    source = review.source_for(DETAILS, text)
    key = review.preview_key(drafts, source, data, "en")
    assert review.preview_key(review.with_edits(drafts, review.table(drafts, "en")), source, data, "en") == key
    frame = review.table(drafts, "en")
    frame.loc[1, "value"] = 1.0
    assert review.preview_key(review.with_edits(drafts, frame), source, data, "en") != key
    frame = review.table(drafts, "en")
    frame.loc[2, "accept"] = False
    assert review.preview_key(review.with_edits(drafts, frame), source, data, "en") != key
    assert review.preview_key(drafts, source, data, "zh") != key
    data.write_text(data.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert review.preview_key(drafts, source, data, "en") != key, "a changed data file is checked again"


def _yuyao_docx(extra: str = "") -> bytes:
    import docx

    from metrics.load.provenance import default_sources_dir

    document = docx.Document()
    for line in [*(default_sources_dir() / "yuyao-2021-government-work-report.txt").read_text(encoding="utf-8").split("\n"), extra]:
        if line.strip():
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_known_text_is_recognised_by_its_sha256(data):
    dataset = load(data)
    text, _ = upload.read_input("yuyao.docx", _yuyao_docx(), "")
    assert review.known_source(dataset, text) == "yuyao-2021-government-work-report"
    details = review.Details("yuyao", "government_work_report", dt.date(2021, 2, 1), "2021年余姚市政府工作报告")
    refused = review.preview(review.drafts_for(text, dataset, details), review.source_for(details, text), text, dataset, data, None, "zh")
    assert not refused.ok and "完全相同" in refused.problems[0]


def test_the_default_selection_of_a_whole_report_validates_and_says_why_rows_are_unticked(data):
    dataset = load(data)
    text, _ = upload.read_input("yuyao.docx", _yuyao_docx("附:本文为另一份副本。"), "")
    details = review.Details("yuyao", "government_work_report", dt.date(2021, 2, 1), "2021年余姚市政府工作报告(副本)")
    drafts = review.read(text, dataset, details, data)
    shown = review.preview(drafts, review.source_for(details, text), text, dataset, data, None, "zh")
    assert shown.ok, shown.problems
    frame = review.table(drafts, "zh")
    assert "None" not in frame.astype(str).to_numpy(), "an empty cell is empty"
    unticked = frame[~frame["accept"]]
    assert len(unticked) and (unticked["note"] != "").all(), "every row left out says why"
    assert list(frame["confidence"]) == sorted(frame["confidence"], reverse=True)
    proposed = [d.proposed_indicator for d in drafts if d.proposed_indicator]
    assert proposed and all(p["name_en"] != p["name_zh"] and not any("\u4e00" <= c <= "\u9fff" for c in p["name_en"])
                            for p in proposed), "a new indicator's English name is never its Chinese name"
