"""Check that every quoted figure really comes from its text.

For each quoted source: the file exists in the sources folder (or, for a text brought in by
the importer, in ``texts/`` beside the dataset file) and its sha256 is the one recorded. For each observation from it: the quote is found verbatim in the text, and it
carries the value as written (the digits, or the Chinese numeral given in ``written``).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from metrics.load import units
from metrics.load.numerals import parse_chinese_number, quote_contains_value
from metrics.load.problems import Problem
from metrics.load.yaml_reader import Located

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def default_sources_dir() -> Path:
    """``METRICS_SOURCES`` if set, else ``../shared/sources`` beside the project."""
    configured = os.environ.get("METRICS_SOURCES")
    if configured:
        return Path(configured)
    return PROJECT_ROOT.parent / "shared" / "sources"


def _read_sources(located: Located, path: str, sources_dir: Path) -> tuple[dict[str, str], list[Problem]]:
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    if not sources_dir.is_dir():
        return texts, [Problem(path, 1, f"the sources folder {sources_dir} does not exist, so no quote can be checked; "
                                        "set METRICS_SOURCES to the folder with the source texts.")]
    for index, source in enumerate(located.data.get("sources") or []):
        if not isinstance(source, dict) or source.get("provenance") != "quoted" or not isinstance(source.get("id"), str):
            continue
        file = sources_dir / f"{source['id']}.txt"
        imported = Path(path).parent / "texts" / f"{source['id']}.txt"
        if not file.exists() and imported.exists():
            file = imported
        file_of, line = located.where("sources", index, "id")
        try:
            raw = file.read_bytes()
        except OSError:
            problems.append(Problem(file_of, line, f"source {source['id']!r}: no text {file.name} in {sources_dir} or {imported.parent}; "
                                                "a quoted source needs its text (or make it a cited source)."))
            continue
        digest = hashlib.sha256(raw).hexdigest()
        if digest != source.get("sha256"):
            problems.append(Problem(*located.where("sources", index, "sha256"),
                                    f"source {source['id']!r}: the text has changed (its sha256 is {digest}); "
                                    "check the quotes against the new text, then update sha256."))
        texts[source["id"]] = raw.decode("utf-8", errors="replace")
    return texts, problems


def check_provenance(located: Located, path: str, sources_dir: Path | None = None) -> list[Problem]:
    """Every problem with the sources' texts and the observations' quotes."""
    if not isinstance(located.data, dict):
        return []
    texts, problems = _read_sources(located, path, sources_dir or default_sources_dir())
    for index, obs in enumerate(located.data.get("observations") or []):
        if not isinstance(obs, dict) or not isinstance(obs.get("quote"), str):
            continue
        source = obs.get("source")
        text = texts.get(source) if isinstance(source, str) else None  # the texts are keyed by string ids
        if text is None:
            continue
        quote = obs["quote"]
        where = f"observation #{index + 1} ({obs.get('region')} {obs.get('indicator')} {obs.get('year')} {obs.get('kind')})"
        path, line = located.where("observations", index, "quote")
        if quote not in text:
            problems.append(Problem(path, line, f"{where}: the quote is not found verbatim in {obs['source']}.txt; "
                                                "copy it exactly (punctuation included)."))
            continue
        problems += _check_value_in_quote(obs, quote, where, path, line, located.line("observations", index, "written"))
    return problems


def _check_value_in_quote(obs: dict, quote: str, where: str, path: str, line: int, written_line: int) -> list[Problem]:
    value, written = obs.get("value"), obs.get("written")
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return []
    if written is None:
        if quote_contains_value(quote, value):
            return []
        return [Problem(path, line, f"{where}: the quote does not contain the value {value:g} as written; "
                                    "quote the span with the number, or give the Chinese numeral in 'written'.")]
    if written not in quote:
        return [Problem(path, written_line, f"{where}: 'written' ({written}) is not in the quote.")]
    try:
        number = parse_chinese_number(written)
    except ValueError as exc:
        return [Problem(path, written_line, f"{where}: 'written' cannot be read as a number: {exc}.")]
    try:
        expected = value * units.magnitude(obs.get("unit", ""))
    except units.UnitError:
        return []
    if abs(number - expected) > 1e-9 * max(abs(number), 1.0):
        return [Problem(path, written_line, f"{where}: 'written' ({written}) reads as {number:g}, "
                                            f"but value {value:g} {obs.get('unit')} is {expected:g}.")]
    return []
