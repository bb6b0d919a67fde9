"""Briefing sentences: one plain sentence per indicator with data, in the style officials write.

"2021年,宁波市地区生产总值14594.9亿元,增长8.2%,高于预期目标1.2个百分点。" and
"In 2021, Ningbo's GDP was CNY 1,459.49 billion, up 8.2%, 1.2 percentage points above the target."

Only figures from the dataset, as written, appear; the one number computed is the gap between a
target and its actual (the ledger's gap). Comparison words follow the sign of that gap (高于 /
低于 / 达到), growth words the sign of the growth (增长 / 下降). Values computed here (derived
growth) are left out of sentences: a briefing quotes what sources said. No data, no sentence.
"""

from __future__ import annotations

from metrics import figure, i18n, render
from metrics.display import gap_decimals, target_text
from metrics.names import growth_of, headline_order, indicator_name, region_name
from metrics.queries import narrow
from metrics.views import DataFrames


class Lookup:
    """The annual facts and targets of one region and year, by indicator, read once."""

    def __init__(self, frames: DataFrames, region_id: str, year: int) -> None:
        narrow_frames = narrow(frames, region_id, [year])
        self.facts: dict[str, dict] = {}
        self.targets: dict[str, dict] = {}
        facts = narrow_frames.facts
        if not facts.empty:
            rows = facts[facts["period"].eq("annual") & facts["kind"].eq("actual") & ~facts["derived"].astype(bool)
                         & facts["value"].notna()]
            for row in rows.to_dict("records"):
                self.facts.setdefault(row["indicator_id"], row)
        ledger = narrow_frames.ledger
        if not ledger.empty:
            for row in ledger[ledger["period"].eq("annual")].to_dict("records"):
                if row.get("comparator") != "qualitative" and not i18n.is_missing(row.get("target_value")):
                    self.targets.setdefault(row["indicator_id"], row)

    def fact(self, indicator_id: str | None) -> dict | None:
        return self.facts.get(indicator_id) if indicator_id else None

    def target(self, indicator_id: str | None) -> dict | None:
        return self.targets.get(indicator_id) if indicator_id else None

    @property
    def indicators(self) -> set[str]:
        return set(self.facts) | set(self.targets)


def _value(row: dict, lang: str) -> str:
    return render.value(figure.of_fact(row), lang)


def _growth(row: dict, lang: str) -> str:
    """增长8.2% / 下降7%; up 8.2% / down 7%."""
    value = float(row["value"])
    magnitude = dict(row, value=abs(value), comparator=None)
    text = _value(magnitude, lang)
    if lang == "en":
        return f"{'down' if value < 0 else 'up'} {text}"
    return f"{'下降' if value < 0 else '增长'}{text}"


def _en_name(name: str) -> str:
    """An indicator name inside an English sentence: 'GDP' stays, 'Urbanisation rate' is lowered."""
    first = name.split(" ", 1)[0]
    if any(ch.isupper() for ch in first[1:]) or not first[:1].isupper():
        return name
    return name[:1].lower() + name[1:]


def _comparison(target: dict, lang: str) -> str | None:
    """高于预期目标1.2个百分点 / 比突破1万亿元的预期目标高19.3%; None when the target cannot be compared."""
    if target["status"] == "no_actual":
        phrase = target_text(target, lang)
        if lang == "en":
            return f"the {_en_name(i18n.name(target, 'indicator', lang))} target was {phrase}, with no actual reported yet"
        return f"{i18n.name(target, 'indicator', lang)}预期目标为{phrase}，尚无实际数"
    if i18n.is_missing(target.get("gap")):
        return None
    gap = float(target["gap"])
    decimals = gap_decimals(target)
    amount = i18n.fmt_value(abs(gap), str(target["gap_unit"]), lang, decimals)
    rounded_zero = i18n.fmt_number(abs(gap), "en", decimals).strip("0.") == ""
    is_rate = target["gap_unit"] == "百分点"
    phrase = target_text(target, lang)
    if rounded_zero:
        if target.get("comparator") == "above":
            return "level with the target" if lang == "en" else "与预期目标持平"
        return "meeting the target" if lang == "en" else "达到预期目标"
    higher = gap > 0
    if lang == "en":
        side = "above" if higher else "below"
        return f"{amount} {side} the target" if is_rate else f"{amount} {side} the target of {phrase}"
    if is_rate:
        return f"{'高于' if higher else '低于'}预期目标{amount}"
    return f"比{phrase}的预期目标{'高' if higher else '低'}{amount}"


def indicator_sentence(frames: DataFrames, region_id: str, year: int, indicator_id: str, lang: str,
                       growth_id: str | None = None, lookup: Lookup | None = None) -> str | None:
    """The sentence for one indicator (with its growth indicator, if given); None without data.

    ``lookup`` (``Lookup(frames, region_id, year)``) saves reading the frames again for each indicator."""
    return _sentence(frames, lookup or Lookup(frames, region_id, year), region_id, year, indicator_id, lang, growth_id)


def _sentence(frames: DataFrames, lookup: Lookup, region_id: str, year: int, indicator_id: str, lang: str,
              growth_id: str | None) -> str | None:
    level, growth = lookup.fact(indicator_id), lookup.fact(growth_id)
    level_target, growth_target = lookup.target(indicator_id), lookup.target(growth_id)
    if not any((level, growth, level_target, growth_target)):
        return None
    region = region_name(frames, region_id, lang)
    clauses: list[str] = []
    if level is not None:
        name = indicator_name(frames, indicator_id, lang)
        clauses.append(f"{region}'s {_en_name(name)} was {_value(level, lang)}" if lang == "en"
                       else f"{region}{name}{_value(level, lang)}")
        if growth is not None:
            clauses.append(_growth(growth, lang))
    elif growth is not None and growth_id:
        name = indicator_name(frames, growth_id, lang)
        if lang == "en":
            clauses.append(f"{region}'s {_en_name(name)} was {_value(growth, lang)}")
        else:
            stem = name.removesuffix("增长")
            clauses.append(f"{region}{stem}{_growth(growth, lang)}" if stem != name else f"{region}{name}{_value(growth, lang)}")
    for target, actual in ((growth_target, growth), (level_target, level)):
        if target is None:
            continue
        if actual is None and target["status"] != "no_actual":
            continue
        comparison = _comparison(target, lang)
        if comparison is None:
            continue
        if not clauses:
            comparison = f"{region}{comparison}" if lang != "en" else f"{region}'s {comparison.removeprefix('the ')}"
        clauses.append(comparison)
    if not clauses:
        return None
    if lang == "en":
        body = ", ".join(clauses)
        return f"In {year}, {body}."
    return f"{year}年，" + "，".join(clauses) + "。"


def _pairs(frames: DataFrames) -> list[tuple[str, str | None]]:
    """(indicator, its growth indicator) in briefing order: headline first, growth folded into its level."""
    ids = [i.id for i in frames.dataset.indicators]
    order = headline_order(frames)
    ordered = sorted(ids, key=lambda i: order.get(i, len(order)))
    growths = {growth_of(frames, i) for i in ordered} - {None}
    pairs = []
    for indicator in ordered:
        if indicator in growths:
            continue
        pairs.append((indicator, growth_of(frames, indicator)))
    return pairs


def briefing_sentences(frames: DataFrames, region_id: str, year: int, lang: str) -> list[str]:
    """One sentence per indicator with a figure for the region and year, headline first; then,
    in one line, the targets of the year that have no actual yet (not one sentence each)."""
    sentences = []
    pending: list[str] = []
    lookup = Lookup(frames, region_id, year)
    present = lookup.indicators
    for indicator, growth in _pairs(frames):
        if indicator not in present and growth not in present:
            continue
        if lookup.fact(indicator) is None and lookup.fact(growth) is None:
            for target in (lookup.target(growth), lookup.target(indicator)):
                if target is not None and target["status"] == "no_actual":
                    pending.append(f"{i18n.name(target, 'indicator', lang)} {target_text(target, lang)}" if lang == "en"
                                   else f"{i18n.name(target, 'indicator', lang)}{target_text(target, lang)}")
            continue
        sentence = _sentence(frames, lookup, region_id, year, indicator, lang, growth)
        if sentence:
            sentences.append(sentence)
    if pending:
        separator = "; " if lang == "en" else "；"
        sentences.append(i18n.t("briefing_pending", lang, year=year, n=len(pending), items=separator.join(pending)))
    return sentences
