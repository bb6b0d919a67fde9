"""One import: a report's normalised text to drafts checked against the dataset."""

from __future__ import annotations

from pathlib import Path

from metrics.importer.drafts import Draft, mark_existing
from metrics.importer.extract import draft_records
from metrics.importer.regions import RegionFinder
from metrics.importer.synonyms import DEFAULT_SYNONYMS, IndicatorIndex, read_synonyms
from metrics.load.dataset import Dataset


def indicator_index(dataset: Dataset, synonyms_path: Path = DEFAULT_SYNONYMS) -> IndicatorIndex:
    """The dataset's indicator names and the synonyms (raises SynonymError on a bad synonym file)."""
    synonyms = read_synonyms(synonyms_path, {i.id for i in dataset.indicators})
    return IndicatorIndex([i.model_dump() for i in dataset.indicators], synonyms)


def proposed_region(region: str) -> dict:
    """A region the dataset does not have, named as the user gave it (a slug or a Chinese name)."""
    return {"id": region if region.isascii() else "proposed-region", "name_zh": region, "name_en": region,
            "level": "county_level_city", "parent": "ningbo"}


def import_text(text: str, dataset: Dataset, *, region: str, source_id: str, report_type: str = "government_work_report",
                index: IndicatorIndex | None = None) -> list[Draft]:
    """Drafts for every figure of ``text``, each marked new or already there (agreeing or conflicting)."""
    index = index or indicator_index(dataset)
    known = region in dataset.region_by_id
    finder = RegionFinder([r.model_dump() for r in dataset.regions])
    drafts = draft_records(text, region=region, source=source_id, index=index, regions=finder, report_type=report_type)
    if not known:
        new_region = proposed_region(region)
        for draft in drafts:
            if draft.region == region:
                draft.region = new_region["id"]
                draft.proposed_region = new_region
                draft.reason += "; region not in the dataset: proposed"
    mark_existing(drafts, dataset.observations)
    return drafts
