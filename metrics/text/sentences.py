"""Briefing sentences: one plain sentence per indicator with data, in the style officials write.

"2021年,宁波市地区生产总值14594.9亿元,增长8.2%,高于预期目标1.2个百分点。" and
"In 2021, Ningbo's GDP was CNY 1,459.49 billion, up 8.2%, 1.2 percentage points above the target."

Only figures from the dataset, as written, appear; the one number computed is the gap between a
target and its actual (the ledger's gap). Comparison words follow the sign of that gap (高于 /
低于 / 达到), growth words the sign of the growth (增长 / 下降). Values computed here (derived
growth) are left out of sentences: a briefing quotes what sources said. No data, no sentence.
"""

from __future__ import annotations

from metrics.figures import context, figure
from metrics.figures.names import growth_of, headline_order, indicator_name, region_name
from metrics.figures.queries import narrow
from metrics.frames.dataframes import DataFrames
from metrics.load import units
from metrics.text import i18n, render
from metrics.text.display import gap_decimals


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
    text = _value(dict(row, value=abs(value), comparator=None), lang)
    return i18n.t("sentence_down" if value < 0 else "sentence_up", lang, v=text)


def _comparison(target: dict, lang: str, alone_in: str | None = None) -> str | None:
    """高于预期目标1.2个百分点 / 比突破1万亿元的预期目标高19.3%; None when the target cannot be compared.

    An actual published only as a floor (1万家以上) that meets its target is said to meet it: its
    gap is only a floor too, so no amount is given. ``alone_in``: the region's name, when the
    clause opens the sentence."""
    phrase = render.target(figure.target_of(target), lang)
    if target["status"] == "no_actual":
        return i18n.t("sentence_no_actual_alone" if alone_in else "sentence_no_actual", lang, region=alone_in or "",
                      name=render.name_in_sentence(i18n.name(target, "indicator", lang), lang), target=phrase)
    if i18n.is_missing(target.get("gap")):
        return None
    actual = figure.actual_of(target)
    if actual is not None and actual.is_bound:
        return i18n.t("sentence_bound_met", lang, target=phrase) if "met" in str(target["status"]) else None
    gap = float(target["gap"])
    decimals = gap_decimals(target)
    amount = i18n.fmt_value(abs(gap), str(target["gap_unit"]), lang, decimals)
    if i18n.fmt_number(abs(gap), "en", decimals).strip("0.") == "":
        return i18n.t("sentence_level_with" if target.get("comparator") == "above" else "sentence_meets", lang)
    side = "above" if gap > 0 else "below"
    kind = "rate" if target["gap_unit"] == "百分点" else "level"
    return i18n.t(f"sentence_{kind}_{side}", lang, amount=amount, target=phrase)


def _context(frames: DataFrames, region_id: str, indicator_id: str | None, year: int, lang: str) -> str:
    """高于全省0.4个百分点、高于全国0.9个百分点(本站计算), or "" (``metrics.figures.context``)."""
    if not indicator_id:
        return ""
    own, items = context.against_above(frames, region_id, indicator_id, year)
    return render.against(items, own, lang) if own is not None else ""


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
    known = frames.dataset.indicator_by_id
    if level is not None:
        name = indicator_name(frames, indicator_id, lang)
        shown = render.name_in_sentence(name, lang)
        is_count = indicator_id in known and units.is_known(known[indicator_id].unit) and units.unit(known[indicator_id].unit).count
        number = render.counted(figure.of_fact(level), shown, lang) if is_count else None
        clauses.append(i18n.t("sentence_count", lang, region=region, name=shown, number=number) if number
                       else i18n.t("sentence_level", lang, region=region, name=shown, value=_value(level, lang)))
        if growth is not None:
            clauses.append(_growth(growth, lang))
    elif growth is not None and growth_id:
        name = indicator_name(frames, growth_id, lang)
        suffix = i18n.t("sentence_growth_suffix", lang)
        stem = name.removesuffix(suffix)
        if stem != name:
            clauses.append(i18n.t("sentence_level_growth", lang, region=region, name=render.name_in_sentence(stem, lang),
                                  growth=_growth(growth, lang)))
        else:
            clauses.append(i18n.t("sentence_level", lang, region=region, name=render.name_in_sentence(name, lang),
                                  value=_value(growth, lang)))
    for target, actual in ((growth_target, growth), (level_target, level)):
        if target is None:
            continue
        if actual is None and target["status"] != "no_actual":
            continue
        comparison = _comparison(target, lang, None if clauses else region)
        if comparison is not None:
            clauses.append(comparison)
    if level is not None and growth is not None:
        clauses.append(_context(frames, region_id, growth_id, year, lang))
    clauses = [clause for clause in clauses if clause]
    if not clauses:
        return None
    return i18n.t("sentence", lang, year=year, body=i18n.t("sentence_join", lang).join(clauses))


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
                    pending.append(i18n.t("sentence_pending_item", lang, name=i18n.name(target, "indicator", lang),
                                          target=render.target(figure.target_of(target), lang)))
            continue
        sentence = _sentence(frames, lookup, region_id, year, indicator, lang, growth)
        if sentence:
            sentences.append(sentence)
    if pending:
        sentences.append(i18n.t("briefing_pending", lang, year=year, n=len(pending),
                                items=i18n.t("sep_items", lang).join(pending)))
    return sentences
