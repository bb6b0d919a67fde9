import pytest

from metrics.importer.run import import_text, indicator_index
from metrics.load.dataset import load


@pytest.fixture(scope="session")
def dataset():
    return load()


@pytest.fixture(scope="session")
def drafts_of(dataset):
    index = indicator_index(dataset)

    def run(text: str, region: str = "ningbo", report_type: str = "government_work_report"):
        return import_text(text, dataset, region=region, source_id="test", report_type=report_type, index=index)

    return run
