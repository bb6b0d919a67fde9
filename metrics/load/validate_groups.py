"""The rules between records of one fact: the same fact from several sources must say whether
they agree, conflict or revise one another, and a revision must be datable."""

from __future__ import annotations

from collections import defaultdict

from metrics.frames.missing import source_date
from metrics.load import units
from metrics.load.problems import Problem, describe_record
from metrics.load.schema import FACT_KEY
from metrics.load.yaml_reader import Located


def by_id(table: dict[str, dict], key: object) -> dict | None:
    """The record ``key`` names; the tables hold string ids only, so any other key names none."""
    return table.get(key) if isinstance(key, str) else None


def observation_key(obs: dict) -> tuple:
    """What makes one fact, of a raw record (``schema.Observation.key`` of a validated one)."""
    return tuple(obs.get(name) for name in FACT_KEY)


def check_groups(located: Located, sources: dict[str, dict]) -> list[Problem]:
    """Same region, indicator, year, period and kind twice: a duplicate, unless two sources
    give it and both records say whether they agree or conflict."""
    problems: list[Problem] = []
    groups: dict[tuple, list[int]] = defaultdict(list)
    observations = located.data.get("observations") or []
    for index, obs in enumerate(observations):
        if isinstance(obs, dict):
            groups[observation_key(obs)].append(index)
    for members in groups.values():
        if len(members) < 2:
            continue
        first_path, first_line = located.where("observations", members[0])
        first_at = f"line {first_line}" if first_path == located.path else f"{first_path}:{first_line}"
        seen_sources: set = set()
        duplicated = False
        for index in members:
            record = observations[index]
            if record.get("source") in seen_sources:
                duplicated = True
                problems.append(Problem(*located.where("observations", index),
                                        f"{describe_record('observations', index, record)}: duplicate of the observation at {first_at} "
                                        "(same region, indicator, year, period and kind from the same source); keep one."))
            seen_sources.add(record.get("source"))
        if duplicated:
            continue
        records = [observations[i] for i in members]
        declared = {r.get("cross_source") for r in records}
        if None in declared or len(declared) != 1:
            for index, record in zip(members, records, strict=False):
                problems.append(Problem(*located.where("observations", index),
                                        f"{describe_record('observations', index, record)}: the same fact comes from {len(records)} sources "
                                        f"(first at {first_at}); mark every record of the group with the same "
                                        "cross_source: agrees, revised (a later publication changed the figure) or conflicts."))
            continue
        values = [r["value"] for r in records if isinstance(r.get("value"), (int, float))]
        if len(values) < 2:
            continue
        differ = _disagree(values, records)
        if declared == {"agrees"} and differ:
            problems.append(Problem(first_path, first_line, f"{describe_record('observations', members[0], records[0])}: marked cross_source: agrees "
                                    f"but the values differ ({', '.join(map(str, values))}); mark the group as conflicts."))
        if declared == {"revised"}:
            problems += _check_revision(located, members, records, differ, sources)
        if declared == {"conflicts"} and not differ:
            problems.append(Problem(first_path, first_line, f"{describe_record('observations', members[0], records[0])}: marked cross_source: conflicts "
                                    "but the values are the same; mark the group as agrees."))
    return problems


def _check_revision(located: Located, members: list[int], records: list[dict], differ: bool,
                    sources: dict[str, dict]) -> list[Problem]:
    """A revision is a later publication's different figure: every source needs a date, and
    the latest date must belong to one source only, so that the current figure is known."""
    first = located.where("observations", members[0])
    what = describe_record('observations', members[0], records[0])
    if not differ:
        return [Problem(*first, f"{what}: marked cross_source: revised but the values are the same; mark the group as agrees.")]
    dates = [source_date(by_id(sources, r.get("source"))) for r in records]
    problems = [Problem(*located.where("observations", index, "source"),
                        f"{describe_record('observations', index, record)}: a revised figure needs the date of its source "
                        f"{record.get('source')!r}, so that the latest can be shown; give the source a date.")
                for index, record, date in zip(members, records, dates, strict=True) if date is None]
    known = [d for d in dates if d is not None]
    if not problems and known.count(max(known)) > 1:
        problems.append(Problem(*first, f"{what}: marked cross_source: revised but the latest figures come from sources of the "
                                        f"same date ({max(known)}); if neither revises the other, mark the group as conflicts."))
    return problems


def _disagree(values: list[float], records: list[dict]) -> bool:
    """Exact values agree when equal after rounding to the coarsest precision among them; a
    bound (突破万亿) agrees with an exact value that satisfies it."""
    try:
        unit = records[0]["unit"]
        exact = [units.convert(float(r["value"]), r["unit"], unit) for r in records
                 if r.get("value") is not None and r.get("comparator") is None]
        bounds = [(r["comparator"], units.convert(float(r["value"]), r["unit"], unit)) for r in records
                  if r.get("value") is not None and r.get("comparator") is not None]
    except (units.UnitError, KeyError, TypeError):
        return True
    for comparator, bound in bounds:
        for value in exact:
            if comparator in ("above",) and not value > bound:
                return True
            if comparator in ("at_least", "reach") and not value >= bound:
                return True
            if comparator == "at_most" and not value <= bound:
                return True
    if len(exact) < 2:
        return False
    decimals = min(_decimals(r["value"]) for r in records if r.get("value") is not None and r.get("comparator") is None)
    return len({round(v, decimals) for v in exact}) > 1


def _decimals(value: float) -> int:
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.partition(".")[2])
