"""Check a parsed dataset against the schema and the rules that span records.

Every problem is collected, none stops the others, and each names the file, the line, the
record and what to do. ``validate`` never raises on bad data: it returns the problems.
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter, ValidationError

from metrics.load import schema, units
from metrics.load.problems import SINGULAR, Problem, describe_record
from metrics.load.validate_groups import by_id, check_groups
from metrics.load.yaml_reader import Located

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "sources": TypeAdapter(schema.Source),
    "regions": TypeAdapter(schema.Region),
    "indicators": TypeAdapter(schema.Indicator),
    "observations": TypeAdapter(schema.Observation),
}

def explain(error: ErrorDetails) -> str:
    """One pydantic error as a sentence saying what the field should be."""
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


@dataclass
class Checked:
    """What the check found: every problem, and the model of each record that has the schema's
    shape (by section, in file order; None where a record has not)."""

    problems: list[Problem] = dataclasses.field(default_factory=list)
    models: dict[str, list[Any]] = dataclasses.field(default_factory=dict)


def _check_schema(located: Located, path: str) -> Checked:
    checked = Checked()
    problems = checked.problems
    data = located.data
    if not isinstance(data, dict):
        problems.append(Problem(path, located.lines.get((), 1), "the file must be a mapping with the keys sources, regions, "
                                                                "indicators and observations."))
        return checked
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
        checked.models[section] = [_record_model(located, section, index, record, problems)
                                   for index, record in enumerate(records)]
    return checked


def _record_model(located: Located, section: str, index: int, record: Any, problems: list[Problem]) -> Any:
    """The record as its model, or None after adding each way it departs from the schema (and
    from the rules between its own fields) to ``problems``."""
    what = describe_record(section, index, record)
    try:
        model = _ADAPTERS[section].validate_python(record)
    except ValidationError as exc:
        for error in exc.errors():
            fields = tuple(part for part in error["loc"] if isinstance(part, str) and part not in ("quoted", "cited"))
            problems.append(Problem(located.file(section, index), located.line(section, index, *fields[:1]),
                                    f"{what}: {explain(error)}"))
        return None
    for field_name, message in getattr(model, "rule_problems", list)():
        problems.append(Problem(located.file(section, index), located.line(section, index, field_name), f"{what}: {message}"))
    return model


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
                                        f"{SINGULAR[section]} id {record['id']!r} is used twice; ids must be unique."))
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


def _check_observation(obs: dict, where: str, line: Any, tables: dict[str, dict[str, dict]]) -> list[Problem]:
    problems: list[Problem] = []

    def add(field: str, message: str) -> None:
        problems.append(Problem(line.path, line(field), f"{where}: {message}"))

    for field, section in (("region", "regions"), ("indicator", "indicators"), ("source", "sources")):
        value = obs.get(field)
        if isinstance(value, str) and value not in tables[section]:
            add(field, f"{field} {value!r} is not in the {section} list.{_suggest(value, list(tables[section]))}")
    indicator = by_id(tables["indicators"], obs.get("indicator"))
    source = by_id(tables["sources"], obs.get("source"))
    period = obs.get("period")
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
        if obs.get("kind") == "target" and not _sets_targets(source):
            add("source", f"a target comes from the document that sets it (a work report, a plan, a budget): source "
                          f"{source['id']!r} is a {source.get('type')}; cite that document, or say in the source's note "
                          "which document's target the article reports (a commentary's aspiration is no target).")
    return problems


TARGET_DOCUMENTS = ("工作报告", "规划", "计划", "预算", "纲要", "work report", "plan", "budget")
"""Words by which a news article's title or note names the document whose targets it reports."""


def _sets_targets(source: dict) -> bool:
    """Whether a source may give a target: a setting document, or a news report that names one."""
    if source.get("type") != "news_article":
        return True
    said = f"{source.get('title') or ''} {source.get('note') or ''}".lower()
    return any(word in said for word in TARGET_DOCUMENTS)


class _LineOf:
    def __init__(self, located: Located, index: int):
        self.located, self.path, self.index = located, located.file("observations", index), index

    def __call__(self, field: str) -> int:
        return self.located.line("observations", self.index, field)


def check(located: Located, path: str) -> Checked:
    """All problems of structure, ids, units and duplicates (not provenance: see provenance.py),
    with the model of every record that has the schema's shape."""
    checked = _check_schema(located, path)
    if not isinstance(located.data, dict):
        return checked
    id_problems, tables = _check_ids(located, path)
    checked.problems += id_problems
    observations = located.data.get("observations")
    if isinstance(observations, list):
        for index, obs in enumerate(observations):
            if isinstance(obs, dict):
                checked.problems += _check_observation(obs, describe_record("observations", index, obs), _LineOf(located, index), tables)
        checked.problems += check_groups(located, tables["sources"])
    return checked


def validate(located: Located, path: str) -> list[Problem]:
    """``check``'s problems only."""
    return check(located, path).problems
