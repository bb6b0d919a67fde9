"""The import and accept commands: bad input is one line and exit 1; accept writes all or nothing."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from metrics.load.dataset import DEFAULT_DATA

ROOT = Path(__file__).resolve().parents[3]
REPORT = "一、2024年工作回顾\n全市地区生产总值达到18147.7亿元,比上年增长5.4%。新建口袋公园45个。\n"
"""A review of 2024 whose GDP the dataset already holds (its drafts start rejected), and one new count."""
NEW_REPORT = "一、2027年工作回顾\n全市地区生产总值达到21047.7亿元,比上年增长5.1%。新建口袋公园45个。\n"
"""A test text for a year the dataset does not hold yet."""


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "metrics", *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.fixture
def data(tmp_path):
    shutil.copytree(DEFAULT_DATA.parent, tmp_path / "data")
    return tmp_path / "data" / DEFAULT_DATA.name


def bad(tmp_path: Path, name: str, content: bytes | None = None, size: int | None = None) -> Path:
    path = tmp_path / name
    path.write_bytes(content or b"")
    if size:
        with path.open("r+b") as handle:
            handle.truncate(size)
    return path


@pytest.mark.parametrize(("name", "content", "size", "words"), [
    ("empty.txt", b"", None, "empty"),
    ("blob.txt", b"\x00\x01\x02\x03" * 100, None, "binary"),
    ("scan.pdf", b"%PDF-1.4\n%%EOF\n", None, "PDF"),
    ("huge.txt", b"x", 200 * 1024 * 1024, "too large"),
    ("page.html", b"<html><head><script>document.write('\xe5\xa2\x9e\xe9\x95\xbf')</script></head><body></body></html>", None,
     "no article text"),
])
def test_bad_input_is_one_line(tmp_path, data, name, content, size, words):
    path = bad(tmp_path, name, content, size)
    result = run("import", str(path), "--region", "ningbo", "--out", str(tmp_path / "d.json"), "--data", str(data))
    assert result.returncode == 1
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_missing_file(tmp_path, data):
    result = run("import", str(tmp_path / "nope.txt"), "--region", "ningbo", "--out", str(tmp_path / "d.json"), "--data", str(data))
    assert result.returncode == 1 and "cannot read" in result.stderr


def test_import_then_accept(tmp_path, data):
    report = tmp_path / "report.txt"
    report.write_text(NEW_REPORT, encoding="utf-8")
    drafts = tmp_path / "d.json"
    result = run("import", str(report), "--region", "ningbo", "--source-id", "nb-2025", "--format", "json", "--out", str(drafts),
                 "--data", str(data))
    assert result.returncode == 0, result.stderr
    rows = json.loads(drafts.read_text(encoding="utf-8"))
    for key in ("region", "indicator", "indicator_zh", "year", "period", "kind", "comparator", "value", "unit", "quote",
                "confidence", "reason"):
        assert key in rows[0]
    before = data.read_text(encoding="utf-8")
    result = run("accept", str(drafts), "--only-confident", "--data", str(data))
    assert result.returncode == 0, result.stderr
    assert (data.parent / "texts" / "nb-2025.txt").exists()
    assert (data.parent / "metrics.yaml.bak").read_text(encoding="utf-8") == before
    assert run("validate", "--data", str(data)).returncode == 0
    assert "口袋公园" not in data.read_text(encoding="utf-8")  # not confident: left out


def test_accept_invalid_writes_nothing(tmp_path, data):
    report = tmp_path / "report.txt"
    report.write_text(NEW_REPORT, encoding="utf-8")
    drafts = tmp_path / "d.json"
    assert run("import", str(report), "--region", "ningbo", "--source-id", "nb-2025", "--format", "json", "--out", str(drafts),
               "--data", str(data)).returncode == 0
    rows = json.loads(drafts.read_text(encoding="utf-8"))
    rows[0]["quote"] = "这句话不在原文里21047.7"
    drafts.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    before = data.read_text(encoding="utf-8")
    result = run("accept", str(drafts), "--data", str(data))
    assert result.returncode == 1 and "not found verbatim" in result.stderr
    assert data.read_text(encoding="utf-8") == before
    assert not (data.parent / "texts" / "nb-2025.txt").exists() and not (data.parent / "metrics.yaml.bak").exists()


def test_accept_garbage_file(tmp_path, data):
    path = tmp_path / "d.json"
    path.write_text("not drafts", encoding="utf-8")
    result = run("accept", str(path), "--data", str(data))
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1


def test_a_figure_the_dataset_holds_starts_rejected(tmp_path, data):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    drafts = tmp_path / "d.json"
    assert run("import", str(report), "--region", "ningbo", "--format", "json", "--out", str(drafts), "--data", str(data)).returncode == 0
    gdp = next(row for row in json.loads(drafts.read_text(encoding="utf-8")) if row["indicator"] == "gdp")
    assert gdp["existing"] == "already there: agrees" and gdp["accepted"] is False
