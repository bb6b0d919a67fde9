"""The documentation is tested against the code it describes."""

import re
from pathlib import Path

from metrics.frames import ledger
from metrics.load import schema

ROOT = Path(__file__).resolve().parent.parent
DATA_README = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
BENCH_README = (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")


def _section(text: str, heading: str) -> str:
    return text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def _documented_keys(section: str) -> set[str]:
    return set(re.findall(r"`([a-z_0-9]+)`", section))


def test_every_observation_key_is_documented_and_nothing_else():
    keys = _documented_keys("\n".join(line.split("|")[1] for line in _section(DATA_README, "observations").splitlines()
                                      if line.startswith("| `")))
    assert keys == set(schema.Observation.model_fields)


def test_every_source_region_and_indicator_key_is_documented():
    for heading, models in (("sources", [schema.QuotedSource, schema.CitedSource]), ("regions", [schema.Region]),
                            ("indicators", [schema.Indicator])):
        documented = _documented_keys(_section(DATA_README, heading))
        for model in models:
            assert set(model.model_fields) <= documented, (heading, set(model.model_fields) - documented)


def test_documented_values_match_the_schema():
    for values in (schema.PERIODS, schema.COMPARATORS, schema.LEVELS, schema.CATEGORIES, schema.SOURCE_TYPES,
                   schema.MARKER_SYMBOLS):
        for value in values:
            assert f"`{value}`" in DATA_README, value


def test_readme_opens_with_the_two_commands():
    block = README.split("```bash\n", 1)[1].split("```", 1)[0]
    commands = [line.split()[0] for line in block.strip().splitlines()]
    assert commands == ["./scripts/run-dashboard", "./scripts/run-tests"]
    assert all((ROOT / c).exists() for c in commands)
    assert "scripts/run-tests" in (ROOT / ".ci" / "run").read_text()
    assert "benchmarks/run.py --quick" in (ROOT / "scripts" / "run-tests").read_text(), "README: the quick benchmark"


def test_readme_states_every_ledger_rule():
    rules = _section(README, "How targets are judged")
    for word in ("at_least", "reach", "above", "at_most", "about", "qualitative", "provisionally", "conflict", "bound"):
        assert word in rules, word
    assert f"{ledger.ABOUT_TOLERANCE_PP} percentage point" in rules
    assert f"{ledger.ABOUT_TOLERANCE_RELATIVE:.0%}" in rules


def test_the_readme_link_example_restores_its_view(real_frames):
    from urllib.parse import parse_qsl

    from metrics.figures import names
    from metrics.view_models import query_state

    example = re.search(r"`\?([^`]+)`", _section(README, "The dashboard")).group(1)
    state, notices = query_state.parse(dict(parse_qsl(example)), names.view_options(real_frames))
    assert notices == []
    assert state.regions == ("ningbo", "yuyao") and state.year == 2021 and state.lang == "en" and state.category == "fiscal"


def test_the_coverage_grid_in_the_data_readme_is_the_commands_output(real_frames):
    from metrics.cli.coverage import coverage_text

    block = _section(DATA_README, "Coverage").split("```text\n", 1)[1].split("```", 1)[0]
    assert block.strip() == coverage_text(real_frames).strip()


def test_the_layout_names_every_module():
    """The README's layout names each module of the package and the UI; the benchmarks' README
    names each of its files."""
    layout = _section(README, "Layout")
    missing = sorted(str(path.relative_to(ROOT)) for folder in ("metrics", "ui") for path in (ROOT / folder).rglob("*.py")
                     if path.stem not in ("__init__", "__main__") and f"`{path.stem}`" not in layout)
    missing += sorted(f"benchmarks/{path.name}" for path in (ROOT / "benchmarks").glob("*.py")
                      if path.stem != "__init__" and path.name not in BENCH_README)
    assert not missing, f"not named in the layout: {missing}"
