"""A problem found in the data: where it is, and a sentence saying what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SINGULAR = {"sources": "source", "regions": "region", "indicators": "indicator", "observations": "observation"}


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def describe_record(section: str, index: int, record: Any) -> str:
    """How a message names a record: ``source 'x'``, ``observation #3 (ningbo gdp 2021 annual actual)``."""
    if isinstance(record, dict):
        if section == "observations":
            parts = [str(record.get(k)) for k in ("region", "indicator", "year", "period", "kind") if record.get(k) is not None]
            return f"observation #{index + 1} ({' '.join(parts)})" if parts else f"observation #{index + 1}"
        if isinstance(record.get("id"), str):
            return f"{SINGULAR[section]} {record['id']!r}"
    return f"{SINGULAR[section]} #{index + 1}"


class DatasetError(Exception):
    """The dataset cannot be used; ``problems`` lists every reason at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
