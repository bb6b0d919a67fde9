"""Check a parsed dataset against the schema and the rules that span records.

Every problem is collected, none stops the others, and each names the file, the line, the
record and what to do. ``validate`` never raises on bad data: it returns the problems.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter, ValidationError

from metrics import schema, units
from metrics.problems import Problem
from metrics.values import source_date
from metrics.yaml_reader import Located

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

_ADAPTERS: dict[str, TypeAdapter[list[Any]]] = {
    "sources": TypeAdapter(list[schema.Source]),
    "regions": TypeAdapter(list[schema.Region]),
    "indicators": TypeAdapter(list[schema.Indicator]),
    "observations": TypeAdapter(list[schema.Observation]),
}
_SINGULAR = {"sources": "source", "regions": "region", "indicators": "indicator", "observations": "observation"}


def _describe(section: str, index: int, record: Any) -> str:
    if isinstance(record, dict):
        if section == "observations":
            parts = [str(record.get(k)) for k in ("region", "indicator", "year", "period", "kind") if record.get(k) is not None]
            return f"observation #{index + 1} ({' '.join(parts)})" if parts else f"observation #{index + 1}"
        if isinstance(record.get("id"), str):
            return f"{_SINGULAR[section]} {record['id']!r}"
    return f"{_SINGULAR[section]} #{index + 1}"


def _explain(error: ErrorDetails) -> str:
    kind = error["type"]
    field = error["loc"][-1] if error["loc"] else ""
    if kind == "extra_forbidden":
        return f"unknown key {field!r}; the allowed keys are listed in data/README.md (a typo?)."
    if kind == "missing":
        return f"the key {field!r} is missing."
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"{field!r} is {error.get('input')!r}, which is not one of {expected}."
    if kind in ("int_type", "float_type", "string_type", "bool_type", "date_type", "list_type", "dict_type", "model_type"):
        wanted = {"int_type": "a whole number", "float_type": "a number", "string_type": "text", "bool_type": "true or false",
                  "date_type": "a date like 2021-02-21", "list_type": "a list", "dict_type": "a mapping",
                  "model_type": "a mapping of keys"}[kind]
        return f"{field!r} should be {wanted}, not {error.get('input')!r}."
    if kind == "string_pattern_mismatch":
        return f"{field!r} is {error.get('input')!r}, which is not in the expected form ({error.get('ctx', {}).get('pattern')})."
    if kind.startswith(("greater_than", "less_than")):
        return f"{field!r} is {error.get('input')!r}, out of range: {error['msg'].lower()}."
    if kind == "union_tag_invalid":
        return "'provenance' must be 'quoted' (a text in the sources folder) or 'cited' (a publication with a URL)."
    return f"{field!r}: {error['msg']}."


def _check_schema(located: Located, path: str) -> list[Problem]:
    problems: list[Problem] = []
    data = located.data
    if not isinstance(data, dict):
        return [Problem(path, located.lines.get((), 1), "the file must be a mapping with the keys sources, regions, indicators and observations.")]
    for key in data:
        if key not in schema.SECTIONS:
            problems.append(Problem(*located.where(key), f"unknown top-level key {key!r}; the dataset has only {', '.join(schema.SECTIONS)} (and include, a list of files to read with it)."))
    for section in schema.SECTIONS:
        if section not in data:
            problems.append(Problem(path, 1, f"the list {section!r} is missing."))
            continue
        records = data[section]
        if not isinstance(records, list):
            problems.append(Problem(*located.where(section), f"{section!r} must be a list of records (lines starting with '- ')."))
            continue
        for index, record in enumerate(records):
            if isinstance(record, dict):
                for key in record:
                    if (section, index, key, "__duplicate__") in located.lines:
                        problems.append(Problem(located.file(section, index), located.lines[(section, index, key, "__duplicate__")],
                                                f"{_describe(section, index, record)}: the key {key!r} appears twice in one record."))
        try:
            _ADAPTERS[section].validate_python(records)
        except ValidationError as exc:
            for error in exc.errors():
                loc = error["loc"]
                at = loc[0] if loc and isinstance(loc[0], int) else None
                if at is None:
                    problems.append(Problem(*located.where(section), f"{section}: {error['msg']}."))
                    continue
                fields = tuple(part for part in loc[1:] if isinstance(part, str) and part not in ("quoted", "cited"))
                record = records[at]
                line = located.line(section, at, *fields[:1])
                problems.append(Problem(located.file(section, at), line, f"{_describe(section, at, record)}: {_explain(error)}"))
    return problems


def _suggest(value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1)
    return f" Did you mean {close[0]!r}?" if close else ""


def _check_ids(located: Located, path: str) -> tuple[list[Problem], dict[str, dict[str, dict]]]:
    problems: list[Problem] = []
    tables: dict[str, dict[str, dict]] = {}
    for section in ("sources", "regions", "indicators"):
        table: dict[str, dict] = {}
        for index, record in enumerate(located.data.get(section) or []):
            if not isinstance(record, dict) or not isinstance(record.get("id"), str):
                continue
            if record["id"] in table:
                problems.append(Problem(*located.where(section, index, "id"),
                                        f"{_SINGULAR[section]} id {record['id']!r} is used twice; ids must be unique."))
            table[record["id"]] = record
        tables[section] = table
    regions = tables["regions"]
    for index, record in enumerate(located.data.get("regions") or []):
        if isinstance(record, dict) and isinstance(record.get("parent"), str) and record["parent"] not in regions:
            problems.append(Problem(*located.where("regions", index, "parent"),
                                    f"region {record.get('id')!r}: parent {record['parent']!r} is not a region id.{_suggest(record['parent'], list(regions))}"))
    colour_of: dict[str, str] = {}
    for index, record in enumerate(located.data.get("regions") or []):
        colour = record.get("colour") if isinstance(record, dict) else None
        if isinstance(colour, str) and colour.upper() in colour_of:
            problems.append(Problem(*located.where("regions", index, "colour"),
                                    f"region {record.get('id')!r}: colour {colour} is also {colour_of[colour.upper()]!r}'s; "
                                    "give each region its own, so that the lines of a chart can be told apart."))
        elif isinstance(colour, str):
            colour_of[colour.upper()] = str(record.get("id"))
    indicators = tables["indicators"]
    headline_of: dict[int, str] = {}
    for index, record in enumerate(located.data.get("indicators") or []):
        if not isinstance(record, dict):
            continue
        growth = record.get("growth")
        if isinstance(growth, str) and growth not in indicators:
            problems.append(Problem(*located.where("indicators", index, "growth"),
                                    f"indicator {record.get('id')!r}: growth {growth!r} is not an indicator id.{_suggest(growth, list(indicators))}"))
        if record.get("growth_basis") is not None and growth is None:
            problems.append(Problem(*located.where("indicators", index, "growth_basis"),
                                    f"indicator {record.get('id')!r}: growth_basis needs growth, the indicator whose basis it states."))
        rank = record.get("headline")
        if isinstance(rank, int) and rank in headline_of:
            problems.append(Problem(*located.where("indicators", index, "headline"),
                                    f"indicator {record.get('id')!r}: headline {rank} is also {headline_of[rank]!r}'s; give each card its own place."))
        elif isinstance(rank, int):
            headline_of[rank] = str(record.get("id"))
    for index, record in enumerate(located.data.get("indicators") or []):
        if isinstance(record, dict) and isinstance(record.get("unit"), str) and not units.is_known(record["unit"]):
            problems.append(Problem(*located.where("indicators", index, "unit"),
                                    f"indicator {record.get('id')!r}: unit {record['unit']!r} is not a known unit (data/units.yaml lists them)."))
    return problems, tables


def _by_id(table: dict[str, dict], key: object) -> dict | None:
    """The record ``key`` names; the tables hold string ids only, so any other key names none."""
    return table.get(key) if isinstance(key, str) else None


def _check_observation(obs: dict, where: str, line: Any, tables: dict[str, dict[str, dict]]) -> list[Problem]:
    problems: list[Problem] = []

    def add(field: str, message: str) -> None:
        problems.append(Problem(line.path, line(field), f"{where}: {message}"))

    for field, section in (("region", "regions"), ("indicator", "indicators"), ("source", "sources")):
        value = obs.get(field)
        if isinstance(value, str) and value not in tables[section]:
            add(field, f"{field} {value!r} is not in the {section} list.{_suggest(value, list(tables[section]))}")
    indicator = _by_id(tables["indicators"], obs.get("indicator"))
    source = _by_id(tables["sources"], obs.get("source"))
    period, kind, comparator, value = obs.get("period"), obs.get("kind"), obs.get("comparator"), obs.get("value")
    if period in schema.SPAN_PERIODS and obs.get("start_year") is None:
        add("period", f"a period {period!r} needs start_year, the first year of the span.")
    if period not in schema.SPAN_PERIODS and obs.get("start_year") is not None:
        add("start_year", f"start_year is only for a span (average, total, change), not for period {period!r}.")
    if isinstance(obs.get("start_year"), int) and isinstance(obs.get("year"), int) and obs["start_year"] >= obs["year"]:
        add("start_year", f"start_year {obs['start_year']} must be before year {obs['year']}.")
    if kind == "target" and comparator is None:
        add("kind", "a target needs a comparator saying how it is worded (at_least 以上, at_most 以内, about 左右, above 突破, reach 达到, qualitative).")
    if comparator == "qualitative" and value is not None:
        add("value", "a qualitative target has no number: set value to null.")
    if comparator != "qualitative" and value is None and "value" in obs:
        add("value", "value is null but the comparator is not 'qualitative'; give the number.")
    if comparator == "qualitative" and kind == "actual":
        add("comparator", "an actual cannot be qualitative; give the figure.")
    unit = obs.get("unit")
    if indicator and isinstance(unit, str):
        want = indicator.get("unit")
        if not units.is_known(unit):
            add("unit", f"unit {unit!r} is not a known unit (data/units.yaml lists them).")
        elif period == "change" and isinstance(want, str) and units.CHANGE_UNIT.get(want) == unit:
            pass
        elif period == "change" and want in units.CHANGE_UNIT:
            add("unit", f"a change of {obs.get('indicator')!r} (in {want}) is measured in {units.CHANGE_UNIT[want]}, not {unit!r}.")
        elif isinstance(want, str) and not units.convertible(unit, want):
            add("unit", f"unit {unit!r} does not match indicator {obs.get('indicator')!r}, which is measured in {want!r}.")
    if source:
        quoted = source.get("provenance") == "quoted"
        if quoted and not obs.get("quote"):
            add("source", f"source {source['id']!r} is a quoted text: the observation needs the quote that carries its value.")
        if not quoted and obs.get("quote"):
            add("quote", f"source {source['id']!r} is cited, not quoted: a cited figure carries no quote (there is no text to check it against).")
        if not quoted and obs.get("written"):
            add("written", "'written' only goes with a quote from a quoted source.")
    if obs.get("year") is None and "year" in obs and not obs.get("note"):
        add("year", "year is null: add a note saying the text does not state the year.")
    return problems


class _LineOf:
    def __init__(self, located: Located, index: int):
        self.located, self.path, self.index = located, located.file("observations", index), index

    def __call__(self, field: str) -> int:
        return self.located.line("observations", self.index, field)


def observation_key(obs: dict) -> tuple:
    return (obs.get("region"), obs.get("indicator"), obs.get("year"), obs.get("period"), obs.get("start_year"), obs.get("kind"))


def _check_groups(located: Located, sources: dict[str, dict]) -> list[Problem]:
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
                                        f"{_describe('observations', index, record)}: duplicate of the observation at {first_at} "
                                        "(same region, indicator, year, period and kind from the same source); keep one."))
            seen_sources.add(record.get("source"))
        if duplicated:
            continue
        records = [observations[i] for i in members]
        declared = {r.get("cross_source") for r in records}
        if None in declared or len(declared) != 1:
            for index, record in zip(members, records, strict=False):
                problems.append(Problem(*located.where("observations", index),
                                        f"{_describe('observations', index, record)}: the same fact comes from {len(records)} sources "
                                        f"(first at {first_at}); mark every record of the group with the same "
                                        "cross_source: agrees, revised (a later publication changed the figure) or conflicts."))
            continue
        values = [r["value"] for r in records if isinstance(r.get("value"), (int, float))]
        if len(values) < 2:
            continue
        differ = _disagree(values, records)
        if declared == {"agrees"} and differ:
            problems.append(Problem(first_path, first_line, f"{_describe('observations', members[0], records[0])}: marked cross_source: agrees "
                                    f"but the values differ ({', '.join(map(str, values))}); mark the group as conflicts."))
        if declared == {"revised"}:
            problems += _check_revision(located, members, records, differ, sources)
        if declared == {"conflicts"} and not differ:
            problems.append(Problem(first_path, first_line, f"{_describe('observations', members[0], records[0])}: marked cross_source: conflicts "
                                    "but the values are the same; mark the group as agrees."))
    return problems


def _check_revision(located: Located, members: list[int], records: list[dict], differ: bool,
                    sources: dict[str, dict]) -> list[Problem]:
    """A revision is a later publication's different figure: every source needs a date, and
    the latest date must belong to one source only, so that the current figure is known."""
    first = located.where("observations", members[0])
    what = _describe("observations", members[0], records[0])
    if not differ:
        return [Problem(*first, f"{what}: marked cross_source: revised but the values are the same; mark the group as agrees.")]
    dates = [source_date(_by_id(sources, r.get("source"))) for r in records]
    problems = [Problem(*located.where("observations", index, "source"),
                        f"{_describe('observations', index, record)}: a revised figure needs the date of its source "
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


def validate(located: Located, path: str) -> list[Problem]:
    """All problems of structure, ids, units and duplicates (not provenance: see provenance.py)."""
    problems = _check_schema(located, path)
    if not isinstance(located.data, dict):
        return problems
    id_problems, tables = _check_ids(located, path)
    problems += id_problems
    observations = located.data.get("observations")
    if isinstance(observations, list):
        for index, obs in enumerate(observations):
            if isinstance(obs, dict):
                problems += _check_observation(obs, _describe("observations", index, obs), _LineOf(located, index), tables)
        problems += _check_groups(located, tables["sources"])
    return problems
