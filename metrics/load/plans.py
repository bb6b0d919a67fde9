"""Five-year plan periods (``data/plans.yaml``): facts about the data, not code.

The scorecard (``metrics.frames.progress``) judges the targets set for a plan's last year from the
plan's base year (the year before its first); no plan year is written anywhere else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from metrics.load.problems import DatasetError, Problem
from metrics.load.yaml_reader import read_yaml

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
    located = read_yaml(path)
    records = located.data.get("plans") if isinstance(located.data, dict) else None
    if not isinstance(records, list):
        raise DatasetError([Problem(str(path), 1, "the file must hold a list 'plans'.")])
    found: list[Plan] = []
    problems = []
    for index, record in enumerate(records):
        try:
            plan = Plan.model_validate(record)
        except ValidationError as exc:
            problems.append(Problem(str(path), located.line("plans", index), f"plan #{index + 1}: {exc.errors()[0]['msg']}."))
            continue
        if plan.end <= plan.start:
            problems.append(Problem(str(path), located.line("plans", index, "end"), f"plan {plan.id!r}: end must be after start."))
        found.append(plan)
    if problems:
        raise DatasetError(problems)
    return sorted(found, key=lambda plan: plan.start)


PLANS: list[Plan] = read_plans()
PLAN_BY_ID: dict[str, Plan] = {plan.id: plan for plan in PLANS}


def ending_in(year: int) -> Plan | None:
    """The plan whose last year is ``year``."""
    return next((plan for plan in PLANS if plan.end == year), None)
