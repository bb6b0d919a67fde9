"""The 导入与审核 page with AppTest: off without METRICS_IMPORT=1; paste, read, edit, reject, write.

Each test works on a copy of the whole data folder (metrics.yaml includes data/cited/*.yaml), so
the real dataset is never written.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from metrics.load.dataset import DEFAULT_DATA, find_problems, load

ROOT = Path(__file__).resolve().parents[2]
PAGE = "pages/import_review.py"
REPORT = ("一、2027年工作回顾\n全市地区生产总值达到21047.7亿元,比上年增长5.1%。"
          "城乡居民人均可支配收入分别达到9.1万元和5.6万元。城镇调查失业率下降到4.5%。")
"""A review of a year the dataset does not hold; the reviewer slips (45 for 4.5) and corrects it."""


@pytest.fixture
def data(tmp_path, monkeypatch):
    shutil.copytree(DEFAULT_DATA.parent, tmp_path / "data")
    path = tmp_path / "data" / DEFAULT_DATA.name
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    monkeypatch.setenv("METRICS_DATA", str(path))
    monkeypatch.delenv("METRICS_SOURCES", raising=False)
    monkeypatch.setenv("METRICS_IMPORT", "1")
    return path


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def texts(at: AppTest, kind: str) -> list[str]:
    return [unescape(str(element.value)) for element in at.get(kind)]


def open_review(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def read(at: AppTest, text: str, title: str = "2028年宁波市政府工作报告") -> AppTest:
    at.text_area(key="review-paste").set_value(text)
    at.text_input(key="review-title").set_value(title)
    at.button(key="review-read").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def edit(at: AppTest, rows: dict[int, dict]) -> AppTest:
    """Cell edits as the browser sends them: 0-based row position -> {column: value}."""
    editor = at.data_editor[0]
    at.session_state[editor.key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_paste_read_edit_reject_write(data):
    before = data.read_bytes()
    at = read(open_review(), REPORT)
    table = at.data_editor[0].value
    assert set(table["indicator"]) == {"gdp", "gdp_growth", "urban_disposable_income", "rural_disposable_income",
                                       "surveyed_unemployment_rate"}
    assert list(table["confidence"]) == sorted(table["confidence"], reverse=True), "the most confident rows first"
    assert table["accept"].all() and "None" not in table.astype(str).to_numpy()
    assert "全市【地区生产总值达到21047.7亿元】,比上年增长5.1%。" in list(table["sentence"])
    assert any("**地区生产总值达到21047.7亿元**" in m for m in texts(at, "markdown")), "the quote in bold in its sentence"
    assert "校验通过" in texts(at, "success")[0], "the default selection validates"

    positions = {indicator: at_ for at_, indicator in enumerate(table["indicator"])}
    unemployment = positions["surveyed_unemployment_rate"]
    edit(at, {unemployment: {"value": 45}})
    errors = "\n".join(texts(at, "error"))
    assert f"第 {unemployment + 1} 行:数值 45 不在摘录中" in errors, errors
    assert "metrics.yaml" not in errors and "observation" not in errors, "a problem is on its row, in the page's language"
    assert at.button(key="review-write").disabled

    edit(at, {unemployment: {"value": 4.5}, positions["gdp_growth"]: {"accept": False}})
    assert at.success and "校验通过" in texts(at, "success")[0], texts(at, "error")
    preview = at.code[0].value
    assert "value: 4.5" in preview and "value: -4.5" not in preview and "gdp_growth" not in preview
    assert data.read_bytes() == before, "nothing is written before the Write button"

    at.button(key="review-write").click().run()
    assert not at.exception, [e.value for e in at.exception]
    message = texts(at, "success")[0]
    assert "已写入 4 条数据" in message and str(data) in message and "metrics.yaml.bak" in message
    assert (data.parent / "metrics.yaml.bak").read_bytes() == before
    assert find_problems(data) == []
    written = {(o.indicator, o.value) for o in load(data).observations if o.year == 2027 and o.region == "ningbo"}
    assert written == {("gdp", 21047.7), ("urban_disposable_income", 9.1), ("rural_disposable_income", 5.6),
                       ("surveyed_unemployment_rate", 4.5)}
    assert not at.data_editor, "the review is done"

    at.switch_page("pages/trends.py").run()
    assert 2027 in at.selectbox(key="w_year").options or "2027年" in at.selectbox(key="w_year").options, \
        "the other pages see the new year at once"


def test_bulk_choices_and_a_fact_already_there(data):
    at = read(open_review(lang="en"), "一、2024年工作回顾\n全市地区生产总值达到18147.7亿元,比上年增长5.4%。新建口袋公园45个。")
    table = at.data_editor[0].value
    assert not table.loc[1, "accept"] and table.loc[1, "status"] == "already there (same value)"
    assert table.loc[1, "note"].startswith("The data already hold this fact, so the row is unticked")
    assert "Validation passed" in texts(at, "success")[0], "the rows already there are left out of the default"
    at.button(key="review-bulk-none").click().run()
    assert not at.data_editor[0].value["accept"].any()
    assert "No row is ticked, so there is nothing to write." in "\n".join(texts(at, "error"))
    at.button(key="review-bulk-all").click().run()
    assert at.data_editor[0].value["accept"].all()
    errors = "\n".join(texts(at, "error"))
    assert "Row 1: The data already hold this fact" in errors and "cross_source" not in errors, errors
    at.button(key="review-bulk-confident").click().run()
    ticked = at.data_editor[0].value["accept"].tolist()
    assert True in ticked and False in ticked


@pytest.mark.parametrize(("text", "message"), [
    ("", "请上传文件或粘贴报告文字。"),
    ("just some English words", "没有找到中文文字"),
    ("<html><head><script>alert('增长')</script></head><body></body></html>", "网页中没有正文文字"),
    ("增" * (5 * 2**20 // 3 + 1), "文件太大"),
])
def test_bad_input_is_one_line_and_no_traceback(data, text, message):
    at = read(open_review(), text)
    errors = texts(at, "error")
    assert len(errors) == 1 and message in errors[0] and "\n" not in errors[0].strip()
    assert not at.data_editor and not at.exception


def test_without_the_setting_the_page_is_not_there(data, monkeypatch):
    monkeypatch.delenv("METRICS_IMPORT")
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception and texts(at, "title") == ["概览"]
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)
    at.switch_page("pages/trends.py").run()
    assert texts(at, "title") == ["趋势"], "the other pages are all there"

