"""What the dashboard shows for the hostile data files, and what the import page says to a second
writer: in the reader's language, never Streamlit's "This app has encountered an error"."""

from __future__ import annotations

import re

import pytest

from metrics.importer import accept, review, write
from tests.bad_input.helpers import page_text


def _broken(data_copy, how: str):
    if how == "nan":
        cited = data_copy.parent / "cited" / "ningbo-2022-2025.yaml"
        cited.write_text(re.sub(r"value: 18147\.7", "value: .nan", cited.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    elif how == "huge":
        cited = data_copy.parent / "cited" / "ningbo-2022-2025.yaml"
        cited.write_text(re.sub(r"value: 18147\.7", "value: " + "9" * 400, cited.read_text(encoding="utf-8"), count=1),
                         encoding="utf-8")
    else:
        data_copy.write_text(data_copy.read_text(encoding="utf-8") + "include:\n  - cited/ningbo-2022-2025.yaml\n", encoding="utf-8")


@pytest.mark.parametrize(("how", "zh"), [
    ("nan", "“.nan”不是有限的数(非数字或无穷大)"),
    ("huge", "这个数有 400 位,超出数据集能准确保存的范围"),
    ("include", "键“include”在同一层出现了两次(第一次在第 4 行)"),
])
def test_the_dashboard_lists_the_problem_in_chinese(dashboard_on, data_copy, how, zh):
    _broken(data_copy, how)
    at = dashboard_on(data_copy)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title and at.error
    listed = "\n".join(str(code.value) for code in at.code)
    assert zh in listed, listed
    assert "Traceback" not in page_text(at) and "internal error" not in page_text(at)


def test_the_english_view_lists_it_in_english(dashboard_on, data_copy):
    _broken(data_copy, "nan")
    at = dashboard_on(data_copy)
    at.query_params["lang"] = "en"
    at.run()
    listed = "\n".join(str(code.value) for code in at.code)
    assert "'.nan' is not a finite number (NaN or infinity)" in listed, listed


def test_a_second_writer_on_the_page_is_told_to_read_again(tmp_path):
    """The page keeps the data version of the moment the report was read; a write after another
    session's is refused, in the reader's language, and nothing is written."""
    data = tmp_path / "metrics.yaml"
    data.write_text("sources: []\nregions: []\nindicators: []\nobservations: []\n", encoding="utf-8")
    version = write.data_version(data)
    data.write_text(data.read_text(encoding="utf-8") + "# another session wrote here\n", encoding="utf-8")
    before = data.read_bytes()
    plan = accept.Plan({"id": "nb-2027"}, "text", [], [], [{"region": "ningbo"}], data_version=version)
    outcome = review.write(plan, data, None, "zh")
    assert not outcome.ok and outcome.problems[0].startswith(f"数据文件 {data} 在读取这份报告之后已被修改")
    assert "请重新点击“读取”" in outcome.problems[0]
    assert data.read_bytes() == before and not (tmp_path / "texts").exists()
