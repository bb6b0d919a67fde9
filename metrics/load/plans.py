"""Five-year plan periods (``data/plans.yaml``): facts about the data, not code.

The scorecard (``metrics.frames.progress``) judges the targets set for a plan's last year from the
plan's base year (the year before its first); no plan year is written anywhere else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from metrics.load.problems import DatasetError
from metrics.load.units import read_catalogue

PLANS_FILE = Path(__file__).resolve().parents[2] / "data" / "plans.yaml"

Year = Annotated[int, Field(ge=1949, le=2100)]


class Plan(BaseModel):
    """One plan period of ``data/plans.yaml``."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    id: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    name_zh: Annotated[str, Field(min_length=1)]
    name_en: Annotated[str, Field(min_length=1)]
    start: Year
    end: Year

    @property
    def base_year(self) -> int:
        """The year growth over the plan is measured from: the year before its first."""
        return self.start - 1


def read_plans(path: Path = PLANS_FILE) -> list[Plan]:
    """The plans in time order; a broken file raises ``DatasetError`` naming its file and line."""
    def ordered(plan: Plan, before: dict[str, Plan]) -> tuple[str, str] | None:
        return ("end", f"plan {plan.id!r}: end must be after start.") if plan.end <= plan.start else None

    found, problems = read_catalogue(path, "plans", Plan, ordered)
    if problems:
        raise DatasetError(problems)
    return sorted(found, key=lambda plan: plan.start)


PLANS: list[Plan] = read_plans()
PLAN_BY_ID: dict[str, Plan] = {plan.id: plan for plan in PLANS}


def ending_in(year: int) -> Plan | None:
    """The plan whose last year is ``year``."""
    return next((plan for plan in PLANS if plan.end == year), None)
