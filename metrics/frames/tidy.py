"""The tidy table: one row per observation, with names, units and source beside it."""

from __future__ import annotations

import pandas as pd

from metrics.load import units
from metrics.load.dataset import Dataset, narrow_columns
from metrics.text import i18n
from metrics.text.citation import official_rank

COLUMNS = [
    "region_id", "region_zh", "region_en", "region_level",
    "indicator_id", "indicator_zh", "indicator_en", "category", "direction", "indicator_unit",
    "year", "period", "start_year", "kind", "comparator", "value", "unit", "value_std",
    "source_id", "provenance", "quote", "written", "note", "provisional", "cross_source",
    "derived", "derivation", "source_title", "source_publisher", "source_date", "source_url", "source_type", "file", "line",
]
"""The tidy table's columns, in order. The first fifteen named in the dataset issue are all here."""

_OBS_RENAME = {"region": "region_id", "indicator": "indicator_id", "source": "source_id"}


def tidy_table(dataset: Dataset) -> pd.DataFrame:
    """One row per recorded observation (derived rows are added by ``derive.with_derived``)."""
    obs = pd.DataFrame(narrow_columns(dataset)) if len(dataset.observations) else pd.DataFrame()
    if obs.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    obs = obs.rename(columns=_OBS_RENAME)
    for column in ("start_year", "comparator", "quote", "written", "note", "cross_source", "provisional"):
        if column not in obs:
            obs[column] = None
    regions = pd.DataFrame.from_records([r.model_dump() for r in dataset.regions])[["id", "name_zh", "name_en", "level"]].rename(
        columns={"id": "region_id", "name_zh": "region_zh", "name_en": "region_en", "level": "region_level"})
    indicators = pd.DataFrame.from_records([i.model_dump() for i in dataset.indicators])[
        ["id", "name_zh", "name_en", "category", "direction", "unit"]].rename(columns={
            "id": "indicator_id", "name_zh": "indicator_zh", "name_en": "indicator_en", "unit": "indicator_unit"})
    sources = pd.DataFrame.from_records([
        {"source_id": s.id, "provenance": s.provenance, "source_title": s.title, "source_publisher": s.publisher,
         "source_date": i18n.source_date(s), "source_url": getattr(s, "url", None), "source_type": s.type}
        for s in dataset.sources])
    table = obs.merge(regions, on="region_id", how="left").merge(indicators, on="indicator_id", how="left")
    table = table.merge(sources, on="source_id", how="left")
    table["year"] = table["year"].astype("Int64")
    table["start_year"] = table["start_year"].astype("Int64")
    table["value"] = table["value"].astype("float64")
    table["provisional"] = table["provisional"].fillna(False).astype(bool)
    table["value_std"] = _standardise(table)
    table["derived"] = False
    table["derivation"] = None
    return table[COLUMNS].reset_index(drop=True)


def _standardise(table: pd.DataFrame) -> pd.Series:
    """Each value in its indicator's unit (1.7 万亿元 -> 17000 亿元); a change of a % stays in 百分点."""
    factor = {symbol: u.factor for symbol, u in units.UNITS.items()}
    dimension = {symbol: u.dimension for symbol, u in units.UNITS.items()}
    ratio = table["unit"].map(factor) / table["indicator_unit"].map(factor)
    same_dimension = table["unit"].map(dimension) == table["indicator_unit"].map(dimension)
    ratio = ratio.where(same_dimension, 1.0)
    return table["value"] * ratio


FACT_KEY = ["region_id", "indicator_id", "year", "period", "start_year", "kind"]
"""What makes two records the same fact."""


def consolidate(table: pd.DataFrame) -> pd.DataFrame:
    """One row per fact: records of one fact from several sources become one row.

    Sources that agree: the kept row is an exact value rather than a bound (突破万亿), then the
    quoted one (it was checked against its text), then the first. A revision (``revised``):
    the row of the latest publication is kept, flagged ``revised``, with the first release's
    value and date beside it (``first_value``, ``first_unit``, ``first_source_date``), as FRED
    keeps vintages. ``sources`` lists every source id (the kept one first) and ``n_sources``
    counts them. Conflicting records all stay, flagged ``conflict``.
    """
    table = table.copy()
    for column in ("file", "source_date"):
        if column not in table:
            table[column] = ""
    table["sources"] = table["source_id"]
    table["n_sources"] = 1
    table["conflict"] = table["cross_source"].eq("conflicts")
    table["revised"] = False
    table["first_value"] = float("nan")
    table["first_unit"] = None
    table["first_source_date"] = None
    merged_groups = table["cross_source"].isin(["agrees", "revised"])
    if not merged_groups.any():
        return table
    grouped = table[merged_groups].copy()
    grouped["_bound"] = grouped["comparator"].notna()
    grouped["_rank"] = grouped["provenance"].map({"quoted": 0, "cited": 1}).fillna(2)
    grouped["_newest"] = grouped["source_date"].fillna("").where(grouped["cross_source"].eq("revised"), "")
    grouped = grouped.sort_values(["_newest", "_bound", "_rank", "file", "line"], ascending=[False, True, True, True, True],
                                  kind="stable")
    pieces = []
    for _, group in grouped.groupby(FACT_KEY, dropna=False, sort=False):
        row = group.iloc[[0]].copy()
        ordered = list(group["source_id"])
        if group["cross_source"].iloc[0] == "agrees" and "source_type" in group:
            # sources that agree: the official statistical publication is cited first
            publishers = group["source_publisher"] if "source_publisher" in group else [None] * len(group)
            rank = [official_rank({"type": kind, "publisher": publisher})
                    for kind, publisher in zip(group["source_type"], publishers, strict=True)]
            ordered = list(group.assign(_type=rank).sort_values("_type", kind="stable")["source_id"])
        row["sources"] = "; ".join(dict.fromkeys(ordered))
        row["n_sources"] = len(group)
        if group["cross_source"].iloc[0] == "revised":
            first = group.iloc[-1]
            row["revised"] = True
            row["first_value"] = first["value"]
            row["first_unit"] = first["unit"]
            row["first_source_date"] = first["source_date"]
        pieces.append(row.drop(columns=["_bound", "_rank", "_newest"]))
    merged = pd.concat([table[~merged_groups], *pieces], ignore_index=True)
    return merged.sort_values(["file", "line"], kind="stable").reset_index(drop=True)
