import io
import json
import subprocess
import sys
from contextlib import redirect_stdout

import pandas as pd

from metrics.cli.main import main
from tests.conftest import TEST_DATA, TEST_SOURCES, VALID

ARGS = ["--data", str(VALID), "--sources", str(TEST_SOURCES)]


def run(argv):
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(argv)
    return code, out.getvalue()


def test_validate_ok():
    code, out = run(["validate", *ARGS])
    assert code == 0 and "OK" in out


def test_validate_lists_problems_as_path_line_message():
    bad = TEST_DATA / "broken" / "several_problems.yaml"
    code, out = run(["validate", "--data", str(bad), "--sources", str(TEST_SOURCES)])
    lines = out.strip().splitlines()
    assert code == 1 and len(lines) >= 2
    assert all(line.startswith(f"{bad}:") for line in lines)


def test_table_csv_and_json():
    code, out = run(["table", *ARGS, "--format", "csv"])
    assert code == 0
    frame = pd.read_csv(io.StringIO(out))
    assert len(frame) == 7 and {"region_id", "quote", "provenance"} <= set(frame.columns)
    code, out = run(["table", *ARGS, "--format", "json"])
    assert code == 0 and len(json.loads(out)) == 7


def test_targets_filtered_by_year_and_region():
    code, out = run(["targets", *ARGS, "--format", "json", "--year", "2021", "--region", "sample"])
    rows = json.loads(out)
    assert code == 0 and len(rows) == 3 and {r["status"] for r in rows} == {"met", "no_actual"}
    code, _ = run(["targets", *ARGS, "--region", "atlantis"])
    assert code == 2


def test_no_traceback_for_any_broken_file():
    for path in sorted((TEST_DATA / "broken").glob("*.yaml")):
        result = subprocess.run([sys.executable, "-m", "metrics", "validate", "--data", str(path), "--sources", str(TEST_SOURCES)],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 1, path
        assert "Traceback" not in result.stdout + result.stderr, path


def test_a_directory_or_binary_file_is_a_message(tmp_path):
    binary = tmp_path / "image.yaml"
    binary.write_bytes(bytes(range(256)) * 10)
    for target in (tmp_path, binary):
        result = subprocess.run([sys.executable, "-m", "metrics", "validate", "--data", str(target)],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert result.stdout.startswith(f"{target}:")
