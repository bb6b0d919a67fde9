"""On the development gold (State Council reports annotated in benchmarks/importer_gold/), drafts marked
confident are right at least 95% of the time, and the review table puts them first."""

from pathlib import Path

import pytest

from metrics.importer.drafts import CONFIDENT
from metrics.importer.gold import Score, gold_files, load_gold, score
from metrics.importer.read import read_path
from metrics.importer.review import Details, drafts_for, table

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpora" / "national-work-reports"


@pytest.fixture(scope="module")
def scored(dataset, drafts_of):
    if not CORPUS.exists():
        pytest.skip(f"the development corpus is not here ({CORPUS})")
    known = {i.id for i in dataset.indicators}
    total, every = Score(), []
    for path in gold_files():
        gold = load_gold(path)
        text = read_path(CORPUS / f"{gold.report}.txt")
        drafts = drafts_of(text, region=gold.region)
        every.append(drafts)
        total = total.merged(score(gold, text, drafts, known))
    return total, every


def test_confident_drafts_are_right_95_percent_of_the_time(scored):
    total, _ = scored
    _, _, judged, right, confident, confident_right = total.total()
    assert confident >= 30, "enough confident drafts to judge"
    assert confident_right / confident >= 0.95, total.wrong
    assert right / judged >= 0.85 and total.total()[1] / total.total()[0] >= 0.90, "the issue's goals on the gold"


def test_the_review_table_sorts_by_confidence(dataset):
    if not CORPUS.exists():
        pytest.skip(f"the development corpus is not here ({CORPUS})")
    text = read_path(CORPUS / "china-2019-government-work-report.txt")
    frame = table(drafts_for(text, dataset, Details("china", "government_work_report", None, "2019年政府工作报告")), "zh")
    assert list(frame["confidence"]) == sorted(frame["confidence"], reverse=True)
    assert (frame["confidence"] >= CONFIDENT).any()
