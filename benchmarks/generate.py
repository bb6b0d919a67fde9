"""Write a large synthetic dataset in the project's format, with the source texts its quotes come from.

    python benchmarks/generate.py [--out benchmarks/generated] [--regions 50] [--years 25] [--indicators 80]

One observation per region, indicator and year (50 × 25 × 80 = 100,000 by default). The
regions and indicators are the shipped ones (so the pages' defaults, such as Ningbo's GDP,
exist in it), padded with synthetic districts. Every region and year has one quoted source
text, written beside the YAML with its sha256 recorded, and every observation from it quotes
the sentence that holds its value, so the provenance check does all of its work; one indicator
in eight comes from a cited yearbook instead, as a real dataset mixes both. The last year
holds targets (at_least) rather than actuals, so the target ledger and progress views have
work too. Deterministic: the same arguments give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "benchmarks" / "generated"
LAST_YEAR = 2025
CITED_EVERY = 8
"""Every eighth indicator of a region comes from its cited yearbook, without a quote."""

WHOLE_UNITS = {"个", "家", "件", "台", "所", "项", "条", "名", "人", "套", "头"}
"""Units whose values are counts: written without decimals."""

_CN_DIGITS = "零一二三四五六七八九"


@dataclass(frozen=True)
class Generated:
    """Where the dataset was written and what is in it."""

    data: Path
    sources: Path
    observations: int
    quoted: int
    source_texts: int
    size_bytes: int


def chinese_number(n: int) -> str:
    """1..99 as a Chinese numeral (十二, 三十), for the synthetic districts' names."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return head + (_CN_DIGITS[ones] if ones else "") if n >= 10 else _CN_DIGITS[n]


def _text(value: str) -> str:
    """Free text as a YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(value, ensure_ascii=False)


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return format_number(value)
    if isinstance(value, (list, dict)):  # a caliber break list, say: JSON's flow style is YAML's
        return json.dumps(value, ensure_ascii=False)
    return _text(str(value))


def format_number(value: float) -> str:
    """The shortest way the number is written (12 rather than 12.0), the same in YAML and quote."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _shipped() -> tuple[list[dict], list[dict], Counter]:
    from metrics.load.dataset import DEFAULT_DATA
    from metrics.load.includes import read_dataset

    data = read_dataset(DEFAULT_DATA).data  # metrics.yaml with its included files
    uses = Counter(o["indicator"] for o in data["observations"])
    return data["regions"], data["indicators"], uses


def pick_regions(shipped: list[dict], count: int) -> list[dict]:
    """The shipped regions, then synthetic districts under the city, up to ``count``."""
    regions = [dict(r) for r in shipped[:count]]
    city = next((r["id"] for r in shipped if r["level"] == "city"), None)
    for n in range(1, count - len(regions) + 1):
        regions.append({"id": f"syn_district_{n:02d}", "name_zh": f"合成{chinese_number(n)}区",
                        "name_en": f"Synthetic District {n}", "level": "district", "parent": city})
    return regions


def pick_indicators(shipped: list[dict], uses: Counter, count: int) -> list[dict]:
    """The ``count`` shipped indicators with the most observations (ties in file order)."""
    if count > len(shipped):
        raise SystemExit(f"at most {len(shipped)} indicators: the generator reuses the shipped ones")
    order = sorted(range(len(shipped)), key=lambda i: (-uses[shipped[i]["id"]], i))
    picked = [dict(shipped[i]) for i in sorted(order[:count])]
    ids = {i["id"] for i in picked}
    for indicator in picked:  # a growth indicator that was not picked would be a dangling reference
        if indicator.get("growth") not in ids:
            indicator.pop("growth", None)
            indicator.pop("growth_basis", None)
    return picked


def _series(rng: random.Random, unit: str, years: int, scale: float) -> list[float]:
    """One region's values of one indicator over the years: a rate wanders, a level grows."""
    whole = unit in WHOLE_UNITS
    if unit in ("%", "百分点", "倍"):
        base = rng.uniform(1.0, 12.0)
        return [max(0.1, round(base + rng.gauss(0.0, 1.0), 1)) for _ in range(years)]
    level = rng.uniform(10.0, 2000.0) * scale
    values = []
    for _ in range(years):
        level *= 1.0 + rng.gauss(0.06, 0.04)
        values.append(float(max(1, round(level))) if whole else max(0.1, round(level, 1)))
    return values


def _sentence(region: dict, indicator: dict, year: int, value: float, target: bool) -> str:
    number = f"{format_number(value)}{indicator['unit']}"
    if target:
        return f"{year}年{region['name_zh']}{indicator['name_zh']}目标{number}以上"
    return f"{year}年{region['name_zh']}{indicator['name_zh']}为{number}"


def _source_id(region: dict, year: int) -> str:
    return f"syn-{region['id'].replace('_', '-')}-{year}"


def _yearbook_id(region: dict) -> str:
    return f"syn-{region['id'].replace('_', '-')}-yearbook"


def _record(lines: list[str], fields: dict) -> None:
    first = True
    for key, value in fields.items():
        if value is None and key not in ("parent", "stated_date", "date", "value", "year"):
            continue
        lines.append(f"{'  - ' if first else '    '}{key}: {value if isinstance(value, _Raw) else _scalar(value)}")
        first = False


class _Raw(str):
    """A value already in YAML form (an id, a date, a keyword): written as is."""


def generate(out: Path = DEFAULT_OUT, regions: int = 50, years: int = 25, indicators: int = 80,
             seed: int = 2021) -> Generated:
    """Write ``out/metrics.yaml`` and ``out/sources/*.txt``; return what was written."""
    shipped_regions, shipped_indicators, uses = _shipped()
    region_list = pick_regions(shipped_regions, regions)
    indicator_list = pick_indicators(shipped_indicators, uses, indicators)
    year_list = list(range(LAST_YEAR - years + 1, LAST_YEAR + 1))
    rng = random.Random(seed)
    sources_dir = out / "sources"
    sources_dir.mkdir(parents=True, exist_ok=True)
    for stale in sources_dir.glob("syn-*.txt"):
        stale.unlink()

    source_lines: list[str] = []
    observation_lines: list[str] = []
    quoted = 0
    for r_index, region in enumerate(region_list):
        scale = 10.0 if region["level"] == "city" else 1.0 + (r_index % 5)
        series = {i["id"]: _series(rng, i["unit"], years, scale) for i in indicator_list}
        for y_index, year in enumerate(year_list):
            target = year == LAST_YEAR
            sentences = []
            for i_index, indicator in enumerate(indicator_list):
                value = series[indicator["id"]][y_index]
                cited = i_index % CITED_EVERY == CITED_EVERY - 1
                quote = None if cited else _sentence(region, indicator, year, value, target)
                if quote:
                    sentences.append(quote)
                    quoted += 1
                _record(observation_lines, {
                    "region": _Raw(region["id"]), "indicator": _Raw(indicator["id"]), "year": year,
                    "period": _Raw("annual"), "kind": _Raw("target" if target else "actual"),
                    "comparator": _Raw("at_least") if target else None, "value": value, "unit": indicator["unit"],
                    "source": _Raw(_yearbook_id(region) if cited else _source_id(region, year)), "quote": quote,
                })
            kind = "政府工作报告" if target else "国民经济和社会发展统计公报"
            title = f"{region['name_zh']}{year}年{kind}(合成)"
            body = f"{title}\n\n" + "。\n".join(sentences) + "。\n"
            raw = body.encode("utf-8")
            (sources_dir / f"{_source_id(region, year)}.txt").write_bytes(raw)
            stated = f"{year}-01-20" if target else f"{year + 1}-03-01"
            _record(source_lines, {
                "id": _Raw(_source_id(region, year)), "provenance": _Raw("quoted"), "title": title,
                "publisher": f"{region['name_zh']}人民政府" if target else f"{region['name_zh']}统计局",
                "type": _Raw("government_work_report" if target else "statistical_bulletin"),
                "stated_date": _Raw(stated), "posted_date": _Raw(stated), "sha256": _Raw(hashlib.sha256(raw).hexdigest()),
                "note": "synthetic text written by benchmarks/generate.py",
            })
        _record(source_lines, {
            "id": _Raw(_yearbook_id(region)), "provenance": _Raw("cited"), "title": f"{region['name_zh']}统计年鉴(合成)",
            "publisher": f"{region['name_zh']}统计局", "type": _Raw("statistical_bulletin"),
            "url": _Raw(f"https://example.org/yearbook/{region['id']}"), "date": _Raw(f"{LAST_YEAR}-06-30"),
        })

    lines = ["# Synthetic dataset written by benchmarks/generate.py; do not edit, regenerate.", "sources:", *source_lines,
             "", "regions:"]
    for region in region_list:
        _record(lines, {k: (_Raw(v) if k in ("id", "level", "parent") and v else v) for k, v in region.items()})
    lines += ["", "indicators:"]
    for indicator in indicator_list:
        _record(lines, {k: (_Raw(v) if k in ("id", "category", "direction") else v) for k, v in indicator.items()})
    lines += ["", "observations:", *observation_lines, ""]
    data = out / "metrics.yaml"
    payload = "\n".join(lines).encode("utf-8")
    data.write_bytes(payload)
    return Generated(data, sources_dir, len(region_list) * len(year_list) * len(indicator_list), quoted,
                     len(region_list) * len(year_list), len(payload))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for metrics.yaml and sources/ (git-ignored default)")
    parser.add_argument("--regions", type=int, default=50)
    parser.add_argument("--years", type=int, default=25)
    parser.add_argument("--indicators", type=int, default=80)
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args(argv)
    from metrics.load.yaml_reader import MAX_BYTES

    made = generate(args.out, args.regions, args.years, args.indicators, args.seed)
    print(f"{made.data}: {made.observations} observations ({made.quoted} quoted), {made.source_texts} source texts "
          f"in {made.sources}, {made.size_bytes / 2**20:.1f} MiB")
    if made.size_bytes > MAX_BYTES:
        print(f"the file is over the reader's limit of {MAX_BYTES // 2**20} MiB", file=sys.stderr)
        return 1
    print(f"check: python -m metrics validate --data {made.data} --sources {made.sources}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
