"""``python -m metrics import`` and ``accept`` on hostile input: each case asserts the message, the
exit code and that the data folder is unchanged (or, for the writes that should happen, exactly
what was added)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from metrics.load.dataset import DEFAULT_DATA
from tests.bad_input.helpers import ROOT, docx_with_body, pdf_with_stream, run_metrics, snapshot

REPORT = "一、2027年工作回顾\n全市地区生产总值达到21047.7亿元,比上年增长5.1%。\n"
OTHER_REPORT = "一、2027年财政工作\n全市一般公共预算收入1888.8亿元,比上年增长3.2%。\n"


def _import(data: Path, report: Path, out: Path, source_id: str) -> subprocess.CompletedProcess:
    return run_metrics("import", str(report), "--region", "ningbo", "--source-id", source_id, "--out", str(out),
                       "--data", str(data))


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    """A data folder and two drafts files made from it (YAML and JSON), in one folder to copy."""
    root = tmp_path_factory.mktemp("made")
    shutil.copytree(DEFAULT_DATA.parent, root / "data")
    data = root / "data" / DEFAULT_DATA.name
    for name, text, fmt in (("gdp", REPORT, "yaml"), ("fiscal", OTHER_REPORT, "json")):
        report = root / f"{name}.txt"
        report.write_text(text, encoding="utf-8")
        result = run_metrics("import", str(report), "--region", "ningbo", "--source-id", f"nb-2027-{name}", "--format", fmt,
                             "--out", str(root / f"{name}.{fmt}"), "--data", str(data))
        assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def work(made, tmp_path) -> Path:
    shutil.copytree(made, tmp_path / "w")
    return tmp_path / "w"


def _accept(work: Path, drafts: str, *extra: str) -> subprocess.CompletedProcess:
    return run_metrics("accept", str(work / drafts), "--data", str(work / "data" / DEFAULT_DATA.name), *extra)


def _refused(work: Path, result: subprocess.CompletedProcess, before: dict) -> list[str]:
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert snapshot(work / "data") == before, "the data folder changed"
    return result.stderr.splitlines()


# --- reading: bombs and odd files -------------------------------------------------------------------


@pytest.mark.parametrize(("name", "make", "words"), [
    ("bomb.docx", lambda: docx_with_body(inflated=2**30),
     "bomb.docx: The Word file would inflate to 1024.8 MB, over the 64.0 MB limit (a zip bomb?); it was not inflated."),
    ("bomb.pdf", lambda: pdf_with_stream(2**30),
     "bomb.pdf: The PDF's compressed content inflates to more than the 128.0 MB limit (a zip bomb?); reading stopped."),
    ("hex-bomb.pdf", lambda: pdf_with_stream(200 * 2**20, wrap_hex=True),
     "hex-bomb.pdf: The PDF's compressed content inflates to more than the 64.0 MB limit (a zip bomb?); reading stopped."),
    ("garbage.pdf", lambda: b"this is not a PDF at all\n" * 10,
     "garbage.pdf: named .pdf but it is not a PDF file (its first bytes say otherwise): it may be damaged, "
     "or not what its name says."),
])
def test_an_import_that_would_blow_up_is_refused_naming_the_limit(work, name, make, words):
    path = work / name
    path.write_bytes(make())
    before = snapshot(work / "data")
    result = _import(work / "data" / DEFAULT_DATA.name, path, work / "out.yaml", "x")
    lines = _refused(work, result, before)
    assert lines == [f"error: {path.parent}/{words}"]
    assert not (work / "out.yaml").exists()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "gbk"])
def test_a_text_in_a_windows_encoding_is_read(work, encoding):
    """UTF-16 with its BOM is what Notepad saves as "Unicode"; UTF-16 BE, UTF-8 with a BOM and GBK too."""
    path = work / "report.txt"
    text = REPORT if encoding != "utf-16-be" else "\ufeff" + REPORT  # Python's utf-16-be writes no BOM
    path.write_bytes(text.encode(encoding))
    result = _import(work / "data" / DEFAULT_DATA.name, path, work / "d.yaml", "nb-2027-enc")
    assert result.returncode == 0, result.stderr
    rows = yaml.safe_load((work / "d.yaml").read_text(encoding="utf-8"))
    assert any(row["indicator"] == "gdp" and row["value"] == 21047.7 for row in rows)


# --- the drafts file, edited by hand ----------------------------------------------------------------


def _edit(work: Path, name: str, change) -> None:
    path = work / name
    if name.endswith(".json"):
        rows = json.loads(path.read_text(encoding="utf-8"))
        change(rows)
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        rows = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(rows)
        path.write_text(yaml.safe_dump(rows, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize("name", ["gdp.yaml", "fiscal.json"])
def test_accepted_false_as_text_is_an_error_not_true(work, name):
    _edit(work, name, lambda rows: rows[0].update(accepted="false"))
    before = snapshot(work / "data")
    lines = _refused(work, _accept(work, name), before)
    assert lines[0] == f"error: {work / name}: 1 problem(s); nothing was written."
    assert lines[1].startswith(f"{work / name}:") and lines[1].endswith(
        ": row 1 (ningbo gdp 2027 actual): 'accepted' should be true or false, not 'false'."
        if name == "gdp.yaml" else ": row 1 (ningbo fiscal_revenue 2027 actual): 'accepted' should be true or false, not 'false'.")


def test_every_hand_edit_is_named_by_row_and_field(work):
    def change(rows):
        rows[0]["value"] = "nan"
        rows[0]["confidence"] = "high"
        rows[0]["source_record"]["stated_date"] = "2021-13-45"
        del rows[0]["source_record"]["id"]
        rows[1]["proposed_region"] = "yuyao"
        rows[1]["year"] = "2027"

    _edit(work, "gdp.yaml", change)
    before = snapshot(work / "data")
    lines = _refused(work, _accept(work, "gdp.yaml"), before)
    said = "\n".join(lines)
    for words in ("row 1 (ningbo gdp 2027 actual): 'value' should be a number, not 'nan'.",
                  "row 1 (ningbo gdp 2027 actual): 'confidence' should be a number, not 'high'.",
                  "row 1 (ningbo gdp 2027 actual): source_record: 'stated_date': Input should be a valid date",
                  "row 1 (ningbo gdp 2027 actual): source_record: the key 'id' is missing.",
                  "row 2 (ningbo gdp_growth 2027 actual): 'proposed_region' should be a mapping of keys, not 'yuyao'.",
                  "row 2 (ningbo gdp_growth 2027 actual): 'year' should be a whole number, not '2027'."):
        assert words in said, said


def test_nan_written_by_json_is_named(work):
    _edit(work, "fiscal.json", lambda rows: rows[1].update(value=float("nan")))
    before = snapshot(work / "data")
    said = "\n".join(_refused(work, _accept(work, "fiscal.json"), before))
    assert "row 2 (ningbo fiscal_revenue_growth 2027 actual): 'value' should be a number, not 'NaN'." in said


def test_a_duplicate_key_in_the_drafts_file_is_an_error(work):
    path = work / "gdp.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  accepted: true\n", "  accepted: true\n  accepted: false\n", 1),
                    encoding="utf-8")
    before = snapshot(work / "data")
    said = "\n".join(_refused(work, _accept(work, "gdp.yaml"), before))
    assert "the key 'accepted' appears twice at this level" in said


def test_a_source_id_that_leaves_the_data_folder_creates_nothing_anywhere(work):
    _edit(work, "gdp.yaml", lambda rows: [row["source_record"].update(id="../../outside") for row in rows])
    before = snapshot(work / "data")
    said = "\n".join(_refused(work, _accept(work, "gdp.yaml"), before))
    assert ": row 1 (ningbo gdp 2027 actual): source_record: 'id' is '../../outside', which is not in the expected form" in said
    assert not (work / "outside.txt").exists() and not (work.parent / "outside.txt").exists()


# --- two writers --------------------------------------------------------------------------------------


def _both(work: Path, first: str, second: str) -> list[subprocess.CompletedProcess]:
    data = work / "data" / DEFAULT_DATA.name
    processes = [subprocess.Popen([sys.executable, "-m", "metrics", "accept", str(work / name), "--data", str(data)],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for name in (first, second)]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def test_two_concurrent_accepts_never_lose_one(work):
    """Drafts of the same data version: the first to take the lock writes; the other is told that the
    data changed and writes nothing. The file then holds the first's records, the .bak the file before it."""
    data = work / "data" / DEFAULT_DATA.name
    original = data.read_text(encoding="utf-8")
    results = _both(work, "gdp.yaml", "fiscal.json")
    codes = sorted(r.returncode for r in results)
    assert codes == [0, 1], [(r.returncode, r.stderr) for r in results]
    winner, loser = (results[0], results[1]) if results[0].returncode == 0 else (results[1], results[0])
    assert "has changed since these drafts were made" in loser.stderr and "make the drafts again" in loser.stderr
    assert "added 2 observations" in winner.stdout
    written = data.read_text(encoding="utf-8")
    won = "nb-2027-gdp" if "nb-2027-gdp" in winner.stdout else "nb-2027-fiscal"
    lost = "nb-2027-fiscal" if won == "nb-2027-gdp" else "nb-2027-gdp"
    assert written.count(f"source: {won}") == 2 and lost not in written
    assert (work / "data" / "metrics.yaml.bak").read_text(encoding="utf-8") == original
    assert sorted(p.name for p in (work / "data" / "texts").iterdir()) == [f"{won}.txt"]
    assert run_metrics("validate", "--data", str(data)).returncode == 0


def test_two_concurrent_accepts_without_a_version_both_keep_their_records(work):
    """Drafts with no data version (hand-made, or from before it was recorded): the lock alone
    makes the second read the file the first wrote, so both imports are in it."""
    for name in ("gdp.yaml", "fiscal.json"):
        _edit(work, name, lambda rows: [row.pop("data_version") for row in rows])
    results = _both(work, "gdp.yaml", "fiscal.json")
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    written = (work / "data" / DEFAULT_DATA.name).read_text(encoding="utf-8")
    assert written.count("source: nb-2027-gdp") == 2 and written.count("source: nb-2027-fiscal") == 2


def test_what_a_killed_writer_left_is_removed_by_the_next(work):
    data = work / "data" / DEFAULT_DATA.name
    stale = work / "data" / f".{data.name}.import-dead1234.tmp"
    stale.write_text("half a dataset", encoding="utf-8")
    orphan = work / "data" / "texts" / "killed-import.txt"
    orphan.parent.mkdir(exist_ok=True)
    orphan.write_text("a text whose source was never written", encoding="utf-8")
    (work / "data" / f".{data.name}.import.journal").write_text(str(orphan), encoding="utf-8")
    result = _accept(work, "gdp.yaml")
    assert result.returncode == 0, result.stderr
    assert not stale.exists() and not orphan.exists()
    assert not (work / "data" / f".{data.name}.import.journal").exists()
    assert (work / "data" / "texts" / "nb-2027-gdp.txt").exists()
