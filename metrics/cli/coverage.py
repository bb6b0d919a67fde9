"""``python -m metrics coverage``: the region × year grid of what exists, as text or CSV."""

from __future__ import annotations

import sys

import pandas as pd

from metrics.frames import coverage
from metrics.frames import indicators as series
from metrics.frames.dataframes import DataFrames


def coverage_text(frames: DataFrames, family: str | None = None) -> str:
    """The grid as a Markdown table: a row per region (Chinese name), a column per year; a cell
    is the number of headline families with data (or 1 for ``family``), ``·`` where none."""
    table = _named(frames, family)
    header = "| 地区 region | " + " | ".join(str(y) for y in table.columns) + " |"
    rule = "|---|" + "---:|" * len(table.columns)
    rows = [f"| {name} | " + " | ".join(str(n) if n else "·" for n in row) + " |" for name, row in table.iterrows()]
    families = series.headline(frames.dataset.indicator_by_id)
    what = family or f"{len(families)} headline families ({', '.join(families)})"
    return "\n".join([f"Coverage of {what}: cells count the families with an annual actual figure.", "", header, rule, *rows])


def _named(frames: DataFrames, family: str | None) -> pd.DataFrame:
    table = coverage.grid(frames, years=list(frames.options.years), family=family)
    table = table[table.sum(axis=1) > 0] if family is None else table
    names = {r.id: f"{r.name_zh} {r.name_en}" for r in frames.dataset.regions}
    return table.rename(index=names)


def run_coverage(frames: DataFrames, family: str | None, fmt: str) -> int:
    if family is not None and family not in series.headline(frames.dataset.indicator_by_id):
        known = ", ".join(series.headline(frames.dataset.indicator_by_id))
        print(f"unknown family {family!r}; the headline families are: {known}", file=sys.stderr)
        return 2
    if fmt == "csv":
        _named(frames, family).to_csv(sys.stdout, index_label="region")
    else:
        print(coverage_text(frames, family))
    return 0
