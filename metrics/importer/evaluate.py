"""Measure the importer against the records curated by hand from the shared source texts.

``python -m metrics.importer.evaluate [--out benchmarks/importer-results.md]`` imports each text
of the sources folder (the region from the file name: ``yuyao-...`` is Yuyao) and compares the
drafts with the dataset's records from that source. A draft matches when region, indicator,
year, period, kind, value and unit are all the same. Recall is over the curated records;
precision is over the drafts with an indicator of the dataset (proposed new indicators are
counted apart: the curators left many such figures out on purpose). It also times reading and
drafting the longest text (about 20,000 characters), best of five.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from metrics.dataset import DEFAULT_DATA, Dataset, load
from metrics.importer.read import read_path
from metrics.importer.run import import_text, indicator_index
from metrics.provenance import PROJECT_ROOT, default_sources_dir

FAMILIES = {"output": "GDP", "fiscal": "fiscal", "trade": "trade", "income": "income", "investment": "investment",
            "innovation": "innovation", "labour": "labour", "port": "port"}
HEADLINE = ("GDP", "fiscal", "trade", "income", "investment", "innovation", "labour", "port")
DEFAULT_OUT = PROJECT_ROOT / "benchmarks" / "importer-results.md"


def _key(record: dict) -> tuple:
    value = record.get("value")
    return (record["region"], record["indicator"], record.get("year"), record["period"], record["kind"],
            None if value is None else round(float(value), 6), record["unit"])


def _region_of(source_id: str, dataset: Dataset) -> str:
    prefix = source_id.split("-")[0]
    return prefix if prefix in dataset.region_by_id else "ningbo"


def evaluate(dataset: Dataset, sources_dir: Path) -> dict:
    index = indicator_index(dataset)
    quoted = [s for s in dataset.sources if s.provenance == "quoted"]
    family_of = {i.id: FAMILIES.get(i.category, "other") for i in dataset.indicators}
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # curated, found, drafts, right
    proposed = 0
    misses: list[str] = []
    per_source: list[tuple[str, int, int, int]] = []
    for source in quoted:
        text = read_path(sources_dir / f"{source.id}.txt")
        drafts = import_text(text, dataset, region=_region_of(source.id, dataset), source_id=source.id,
                             report_type=source.type, index=index)
        curated = {_key(o): o for o in (m.model_dump() for m in dataset.observations) if o["source"] == source.id}
        known = [d for d in drafts if d.proposed_indicator is None and d.proposed_region is None]
        proposed += len(drafts) - len(known)
        drafted = {_key(d.observation()) for d in known}
        for key, obs in curated.items():
            for group in ("all", family_of[obs["indicator"]], f"kind:{obs['kind']}"):
                counts[group, "recall"][0] += 1
                counts[group, "recall"][1] += key in drafted
            if key not in drafted:
                misses.append(f"{source.id}: {obs['indicator']} {obs.get('year')} {obs['period']} {obs['kind']} "
                              f"{obs.get('value')} {obs['unit']} — “{(obs.get('quote') or '')[:40]}”")
        for draft in known:
            key = _key(draft.observation())
            for group in ("all", family_of.get(draft.indicator, "other"), f"kind:{draft.kind}"):
                counts[group, "precision"][2] += 1
                counts[group, "precision"][3] += key in curated
        per_source.append((source.id, len(curated), sum(k in drafted for k in curated), len(drafts)))
    return {"counts": counts, "proposed": proposed, "misses": misses, "per_source": per_source}


def speed(sources_dir: Path, dataset: Dataset) -> tuple[int, float]:
    longest = max(sources_dir.glob("*.txt"), key=lambda p: p.stat().st_size)
    index = indicator_index(dataset)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        text = read_path(longest)
        import_text(text, dataset, region="ningbo", source_id=longest.stem, index=index)
        best = min(best, time.perf_counter() - start)
    return len(text), best


def _ratio(right: int, total: int) -> str:
    return f"{100 * right / total:.1f}% ({right}/{total})" if total else "–"


def report(result: dict, chars: int, seconds: float) -> str:
    counts = result["counts"]
    lines = ["# Importer: measured against the hand-curated records", "",
             "Written by `python -m metrics.importer.evaluate`. A draft matches a curated record when region, "
             "indicator, year, period, kind, value and unit are all equal. Precision counts drafts with an indicator of "
             "the dataset; drafts proposing a new indicator are counted apart.", "",
             "| group | recall | precision |", "|---|---|---|"]
    for group in ("all", *HEADLINE, "other", "kind:actual", "kind:target"):
        recall, precision = counts[group, "recall"], counts[group, "precision"]
        lines.append(f"| {group} | {_ratio(recall[1], recall[0])} | {_ratio(precision[3], precision[2])} |")
    headline_recall = [sum(counts[g, "recall"][i] for g in HEADLINE) for i in (0, 1)]
    headline_precision = [sum(counts[g, "precision"][i] for g in HEADLINE) for i in (2, 3)]
    lines += ["", f"Headline families together: recall {_ratio(headline_recall[1], headline_recall[0])}, "
                  f"precision {_ratio(headline_precision[1], headline_precision[0])} (goal: recall ≥ 95%, precision ≥ 90%).",
              f"Drafts proposing a new indicator or region (not comparable): {result['proposed']}.", "",
              f"Speed: reading, normalising and drafting a {chars}-character report takes {seconds:.3f} s (best of 5; goal < 2 s).",
              "", "| source | curated | found | drafts |", "|---|---|---|---|"]
    lines += [f"| {sid} | {n} | {found} | {drafts} |" for sid, n, found, drafts in result["per_source"]]
    lines += ["", "## Curated records not found", ""] + [f"- {m}" for m in result["misses"]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m metrics.importer.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--sources", default=None)
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    args = parser.parse_args(argv)
    sources = Path(args.sources) if args.sources else default_sources_dir()
    dataset = load(args.data, sources)
    result = evaluate(dataset, sources)
    chars, seconds = speed(sources, dataset)
    text = report(result, chars, seconds)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text.split("\n## ")[0])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
