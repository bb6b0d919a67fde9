"""A synthetic county-scale dataset (about 2,800 regions, 1.7 million observations) compiled straight into
a snapshot, and the measurements that need it.

    python -m benchmarks.county build [--out DIR] [--counties-per-city 7]   # writes DIR/data/metrics.yaml + DIR/snapshots/

YAML is not the way in at this size (the reader's limit is far below it, and parsing it would take
about ten minutes): the regions, indicators and sources are validated models, the observations are
the narrow table's columns (valid by construction: no model per row), and ``metrics.load.snapshot.build`` compiles them (the frames
of ``views.data_frames``, then Parquet) under the hash of a placeholder data file. The app, pointed at
that file (``METRICS_DATA``) and folder (``METRICS_SNAPSHOT_DIR``), opens the snapshot and never reads
the placeholder's YAML. The hierarchy: China, 31 provinces (Zhejiang the shipped one), about 330
prefecture cities (Ningbo and its peers the shipped ones), the districts and counties under each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "benchmarks" / "generated" / "county"
YEARS = tuple(range(2016, 2026))
PROVINCES = 31
CITIES_PER_PROVINCE = 11
INDICATORS = 60
PLACEHOLDER = ("# A placeholder: the county-scale benchmark's data is compiled straight into a snapshot by\n"
               "# benchmarks/county.py under this file's hash; the app opens that snapshot and never parses this.\n")


def county_dataset(counties_per_city: int = 7, indicators: int = INDICATORS, seed: int = 2026):  # -> Dataset
    """The shipped regions and indicators, padded with synthetic provinces, cities and counties."""
    from benchmarks.generate import _shipped, pick_indicators
    from metrics.load import schema
    from metrics.load.dataset import NARROW_COLUMNS, Dataset, NarrowObservations

    shipped_regions, shipped_indicators, uses = _shipped()
    regions = [schema.Region.model_validate(r) for r in shipped_regions]
    nation = next(r.id for r in regions if r.level == "nation")
    rows: list[dict] = []
    for p in range(1, PROVINCES + 1):
        province = f"syn_p{p:02d}"
        rows.append({"id": province, "name_zh": f"合成省{p}", "name_en": f"Province {p}", "level": "province", "parent": nation})
        for c in range(1, CITIES_PER_PROVINCE + 1):
            city = f"{province}_c{c:02d}"
            rows.append({"id": city, "name_zh": f"合成省{p}市{c}", "name_en": f"City {p}-{c}", "level": "city", "parent": province})
            for k in range(1, counties_per_city + 1):
                rows.append({"id": f"{city}_k{k}", "name_zh": f"合成省{p}市{c}县{k}", "name_en": f"County {p}-{c}-{k}",
                             "level": ("district", "county_level_city", "county")[k % 3], "parent": city})
    regions += [schema.Region.model_validate(r) for r in rows]
    picked = [schema.Indicator.model_validate(i) for i in pick_indicators(shipped_indicators, uses, indicators)]
    sources = [schema.CitedSource(id=f"syn-yearbook-{r.id.replace('_', '-')}", provenance="cited",
                                  title=f"{r.name_zh}统计年鉴(合成)", publisher=f"{r.name_zh}统计局", type="statistical_bulletin",
                                  url=f"https://example.org/yearbook/{r.id}", date=dt.date(2026, 6, 30))
               for r in regions]
    rng = random.Random(seed)
    # Valid by construction, so held as the narrow table's columns (no model per row): the build
    # computes the frames from them, as it does from a snapshot's observations.
    columns: dict[str, list] = {name: [] for name in NARROW_COLUMNS}
    for region, source in zip(regions, sources, strict=True):
        for indicator in picked:
            rate = indicator.unit in ("%", "百分点", "倍")
            level = rng.uniform(1.0, 12.0) if rate else rng.uniform(10.0, 2000.0)
            for year in YEARS:
                level = level + rng.gauss(0.0, 0.5) if rate else level * (1.0 + rng.gauss(0.06, 0.04))
                target = year == YEARS[-1]
                row = {"region": region.id, "indicator": indicator.id, "year": year, "period": "annual", "start_year": None,
                       "kind": "target" if target else "actual", "comparator": "at_least" if target else None,
                       "value": round(max(level, 0.1), 1), "unit": indicator.unit, "source": source.id, "quote": None,
                       "written": None, "provisional": False, "cross_source": None, "note": None,
                       "file": "county.yaml", "line": len(columns["line"]) + 1}
                for name in NARROW_COLUMNS:
                    columns[name].append(row[name])
    observations = NarrowObservations(columns)
    return Dataset("county.yaml", sources, regions, picked, observations, observations.places)


def build(out: Path = DEFAULT_OUT, counties_per_city: int = 7) -> dict:
    """Write the placeholder and compile the dataset into ``out/snapshots``: seconds of each step."""
    from benchmarks.measure import peak_rss_mib
    from metrics.frames.dataframes import data_frames
    from metrics.load import snapshot

    data = out / "data" / "metrics.yaml"
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text(PLACEHOLDER, encoding="utf-8")
    root = out / "snapshots"
    start = time.perf_counter()
    dataset = county_dataset(counties_per_city)
    made, made_cpu = time.perf_counter(), time.process_time()
    frames = data_frames(dataset)
    computed = time.perf_counter()
    folder = root / snapshot.data_hash(data)
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    built = snapshot.build(data, root=root, frames=frames)
    written, written_cpu = time.perf_counter(), time.process_time()
    size = sum(f.stat().st_size for f in built.folder.iterdir())
    return {"data": str(data), "snapshots": str(root), "regions": len(dataset.regions),
            "observations": len(dataset.observations), "generate_s": made - start, "frames_s": computed - made,
            "write_s": written - computed, "build_s": written - made, "build_cpu_s": written_cpu - made_cpu,
            "size_mib": size / 2**20, "peak_rss_mib": peak_rss_mib()}


def open_snapshot(data: str, snapshots: str) -> dict:
    """In this fresh process: the app's first load from a snapshot (``snapshot.frames_for``, which
    hashes the data files and opens the snapshot of that hash), its seconds and the peak RSS."""
    from benchmarks.measure import peak_rss_mib, timed

    imported, _ = timed(lambda: __import__("metrics.load.snapshot"))
    from metrics.load import snapshot

    before, cpu = peak_rss_mib(), time.process_time()
    seconds, frames = timed(lambda: snapshot.frames_for(data, root=Path(snapshots)))
    return {"import_s": imported, "open_s": seconds, "open_cpu_s": time.process_time() - cpu, "rows": len(frames.facts), "rss_before_mib": before,
            "peak_rss_mib": peak_rss_mib(), "observations": len(frames.dataset.observations)}


def load_yaml(data: str, sources: str) -> dict:
    """In this fresh process: today's first load without a snapshot (``dataset.load`` then ``views.data_frames``)."""
    from benchmarks.measure import peak_rss_mib, timed

    imported, _ = timed(lambda: __import__("metrics.frames.dataframes"))
    from metrics.frames.dataframes import data_frames
    from metrics.load.dataset import load

    cpu = time.process_time()
    seconds, frames = timed(lambda: data_frames(load(data, Path(sources) if sources else None)))
    return {"import_s": imported, "load_s": seconds, "load_cpu_s": time.process_time() - cpu, "rows": len(frames.facts), "peak_rss_mib": peak_rss_mib()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("build", "open", "yaml"))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--counties-per-city", type=int, default=7)
    parser.add_argument("--data", default="")
    parser.add_argument("--sources", default="")
    parser.add_argument("--snapshots", default="")
    args = parser.parse_args(argv)
    if args.command == "build":
        result = build(args.out, args.counties_per_city)
    elif args.command == "open":
        result = open_snapshot(args.data, args.snapshots)
    else:
        result = load_yaml(args.data, args.sources)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
