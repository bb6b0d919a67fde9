"""A frame's rows and columns as plain Python values, read column by column.

At county scale (1.7 M rows) iterating a frame row by row (``itertuples``, ``iloc`` per row,
``to_dict("records")``) is most of a build: the text columns are Arrow arrays, boxed one value
at a time. ``Series.tolist`` converts a column at once, with the same values.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterator
from typing import Any

import pandas as pd


def lists(frame: pd.DataFrame, columns: list[str]) -> dict[str, list | None]:
    """Each column's values as a list (None for a column the frame does not have)."""
    return {column: frame[column].tolist() if column in frame else None for column in columns}


def tuples(frame: pd.DataFrame) -> Iterator[Any]:
    """The frame's rows as named tuples, as ``itertuples(index=False)`` gives them, read from each
    column's list (much faster than ``itertuples`` when the text columns are Arrow arrays)."""
    row = namedtuple("Row", [str(c) for c in frame.columns], rename=True)  # type: ignore[misc]
    return map(row._make, zip(*(frame[column].tolist() for column in frame.columns), strict=True))
