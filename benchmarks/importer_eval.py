"""Measure the importer: on the development gold and on the records curated from the shared texts.

``python -m benchmarks.importer_eval [--forms text,pdf,docx] [--out benchmarks/results/importer.md]``

- **Development gold** (``benchmarks/importer_gold/``, scored by ``metrics/importer/gold.py``): State
  Council work reports no one here curated, annotated paragraph by paragraph. Recall of the
  headline figures and precision of the drafts, by section (review, five-year review, main
  targets, budget, tasks, five-year targets), with value, unit, kind, year and period exact; and
  the precision of the drafts marked confident.
- **Local texts** (the sources folder): each text is imported (the region from the file name:
  ``yuyao-...`` is Yuyao) and compared with the dataset's records from that source; a draft
  matches when region, indicator, year, period, kind, value and unit are all the same. Precision
  is over the drafts with an indicator of the dataset (the curators left many new-indicator
  figures out on purpose).
- Each text as it is, as a PDF printed by Chromium and as a .docx (``importer_forms.py``), and
  the time to read and draft a 60,000-character report.
"""

from __future__ import annotations

import argparse
import logging
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.importer_forms import docx_bytes, pdf_bytes
from metrics.importer.gold import SECTIONS, Score, gold_files, load_gold, score
from metrics.importer.read import read_bytes
from metrics.importer.run import import_text, indicator_index
from metrics.importer.synonyms import IndicatorIndex
from metrics.load.dataset import DEFAULT_DATA, Dataset, load
from metrics.load.provenance import PROJECT_ROOT, default_sources_dir

FAMILIES = {"output": "GDP", "fiscal": "fiscal", "trade": "trade", "income": "income", "investment": "investment",
            "innovation": "innovation", "labour": "labour", "port": "port"}
HEADLINE = ("GDP", "fiscal", "trade", "income", "investment", "innovation", "labour", "port")
DEFAULT_OUT = PROJECT_ROOT / "benchmarks" / "results" / "importer.md"
CORPUS = PROJECT_ROOT.parent / "shared" / "corpora" / "national-work-reports"


def read_as(path: Path, form: str) -> str | None:
    """The normalised text of ``path`` as the importer reads it in ``form`` (None: no Chromium for a PDF)."""
    raw = path.read_bytes()
    if form == "text":
        return read_bytes(raw, path.name)
    text = raw.decode("utf-8-sig")
    if form == "docx":
        return read_bytes(docx_bytes(text), path.stem + ".docx")
    data = pdf_bytes(text)
    return None if data is None else read_bytes(data, path.stem + ".pdf")


def _key(record: dict) -> tuple:
    value = record.get("value")
    return (record["region"], record["indicator"], record.get("year"), record["period"], record["kind"],
            None if value is None else round(float(value), 6), record["unit"])


def _region_of(source_id: str, dataset: Dataset) -> str:
    prefix = source_id.split("-")[0]
    return prefix if prefix in dataset.region_by_id else "ningbo"


def evaluate_local(dataset: Dataset, sources_dir: Path, index: IndicatorIndex, form: str = "text") -> dict:
    quoted = [s for s in dataset.sources if s.provenance == "quoted"]
    family_of = {i.id: FAMILIES.get(i.category, "other") for i in dataset.indicators}
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # curated, found, drafts, right
    proposed = 0
    misses: list[str] = []
    per_source: list[tuple[str, int, int, int]] = []
    for source in quoted:
        text = read_as(sources_dir / f"{source.id}.txt", form)
        if text is None:
            return {}
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


def evaluate_gold(dataset: Dataset, index: IndicatorIndex, form: str = "text", corpus: Path = CORPUS) -> dict[str, Score]:
    known = {i.id for i in dataset.indicators}
    scores: dict[str, Score] = {}
    for path in gold_files():
        gold = load_gold(path)
        text = read_as(corpus / f"{gold.report}.txt", form)
        if text is None:
            return {}
        drafts = import_text(text, dataset, region=gold.region, source_id=gold.report, index=index)
        scores[gold.report] = score(gold, text, drafts, known)
    return scores


def speed(dataset: Dataset, index: IndicatorIndex, corpus: Path = CORPUS, chars: int = 60000) -> tuple[int, float]:
    """Best of three: the corpus's reports one after the other, cut to ``chars`` characters."""
    texts = sorted(corpus.glob("*.txt"))
    raw = "\n".join(p.read_text(encoding="utf-8") for p in texts)[:chars].encode()
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        text = read_bytes(raw, "long-report.txt")
        import_text(text, dataset, region="china", source_id="long-report", index=index)
        best = min(best, time.perf_counter() - start)
    return len(raw.decode()), best


def _ratio(right: int, total: int) -> str:
    return f"{100 * right / total:.1f}% ({right}/{total})" if total else "–"


def gold_table(scores: dict[str, Score], form: str) -> list[str]:
    lines = [f"### Development gold, {form}", "", "| text | section | recall | precision | confident precision |", "|---|---|---|---|---|"]
    total = Score()
    for report, result in scores.items():
        total = total.merged(result)
        for section in (*SECTIONS, "all"):
            c = result.total() if section == "all" else result.counts.get(section)
            if c:
                lines.append(f"| {report} | {section} | {_ratio(c[1], c[0])} | {_ratio(c[3], c[2])} | {_ratio(c[5], c[4])} |")
    for section in (*SECTIONS, "all"):
        c = total.total() if section == "all" else total.counts.get(section)
        if c:
            lines.append(f"| **all** | {section} | {_ratio(c[1], c[0])} | {_ratio(c[3], c[2])} | {_ratio(c[5], c[4])} |")
    return lines


def local_table(result: dict, form: str) -> list[str]:
    counts = result["counts"]
    lines = [f"### Local texts, {form}", "", "| group | recall | precision |", "|---|---|---|"]
    for group in ("all", *HEADLINE, "other", "kind:actual", "kind:target"):
        recall, precision = counts[group, "recall"], counts[group, "precision"]
        lines.append(f"| {group} | {_ratio(recall[1], recall[0])} | {_ratio(precision[3], precision[2])} |")
    headline_recall = [sum(counts[g, "recall"][i] for g in HEADLINE) for i in (0, 1)]
    headline_precision = [sum(counts[g, "precision"][i] for g in HEADLINE) for i in (2, 3)]
    lines += ["", f"Headline families together: recall {_ratio(headline_recall[1], headline_recall[0])}, "
                  f"precision {_ratio(headline_precision[1], headline_precision[0])} (goal: recall ≥ 95%).",
              f"Drafts proposing a new indicator or region (not comparable): {result['proposed']}.", "",
              "| source | curated | found | drafts |", "|---|---|---|---|"]
    lines += [f"| {sid} | {n} | {found} | {drafts} |" for sid, n, found, drafts in result["per_source"]]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.importer_eval", description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--sources", default=None)
    parser.add_argument("--forms", default="text,pdf,docx")
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    args = parser.parse_args(argv)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # a warning per glyph of Chromium's CJK fonts
    sources = Path(args.sources) if args.sources else default_sources_dir()
    dataset = load(args.data, sources)
    index = indicator_index(dataset)
    lines = ["# Importer: measured on the development gold and the curated local texts", "",
             "Written by `python -m benchmarks.importer_eval` (see its docstring for what matches).", ""]
    details: list[str] = []
    verdicts: list[str] = []
    for form in args.forms.split(","):
        scores = evaluate_gold(dataset, index, form)
        local = evaluate_local(dataset, sources, index, form)
        if not scores or not local:
            lines += [f"### {form}: skipped (no Chromium)", ""]
            continue
        merged_form = Score()
        for result in scores.values():
            merged_form = merged_form.merged(result)
        c = merged_form.total()
        met = c[0] and c[2] and c[1] / c[0] >= 0.90 and c[3] / c[2] >= 0.85
        verdicts.append(f"- {form}: gold recall {_ratio(c[1], c[0])}, precision {_ratio(c[3], c[2])}, confident "
                        f"{_ratio(c[5], c[4])}: {'met' if met else '**missed**'}")
        lines += [*gold_table(scores, form), "", *local_table(local, form), ""]
        if form == "text":
            merged = Score()
            for result in scores.values():
                merged = merged.merged(result)
            details += ["## Gold records not found (text)", "", *(f"- {m}" for m in merged.misses), "",
                        "## Drafts judged wrong (text)", "", *(f"- {w}" for w in merged.wrong), "",
                        "## Curated local records not found (text)", "", *(f"- {m}" for m in local["misses"]), ""]
    lines[4:4] = ["Goals on the development gold (headline recall ≥ 90%, draft precision ≥ 85%, confident drafts right ≥ 95%):",
                  *verdicts, "", "The gold was annotated by the session that then fitted the rules, so these are development "
                  "figures; the 2014, 2015 and 2017 reports are kept unannotated as a check by eye, and the issue is "
                  "judged on reports not given.", ""]
    chars, seconds = speed(dataset, index)
    lines += [f"Speed: reading, normalising and drafting a {chars}-character report takes {seconds:.3f} s (best of 3).", ""]
    text = "\n".join(lines + details) + "\n"
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
