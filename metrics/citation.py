"""How a publication is cited: its official publisher, title and date, and "转载" when the page
read was a repost; and which of several sources comes first (the official statistics)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from metrics import i18n

TYPE_RANK = {"statistical_bulletin": 0, "plan_report": 1, "government_work_report": 2, "government_release": 3,
             "news_article": 4}
"""Where several sources give one figure, the official statistical publication is cited first."""


def cite(source: Mapping, lang: str) -> str:
    """《title》(publisher, date, 转载) / “title” (publisher, date, reposted): the publication,
    never the site that reposted it, which is named only in the sources sheet and popover."""
    title = source.get("title") or source.get("id") or ""
    publisher = source.get("publisher") or ""
    date = i18n.source_date(source, lang)
    parts = [p for p in (publisher, date) if p]
    if isinstance(source.get("reposted_by"), str) and source.get("reposted_by"):
        parts.append(i18n.t("cite_reposted", lang))
    if lang == "en":
        return f"“{title}”" + (f" ({', '.join(parts)})" if parts else "")
    return f"《{title}》" + (f"({'，'.join(parts)})" if parts else "")


def official_first(ids: Iterable[str], catalogue: Mapping[str, Mapping]) -> list[str]:
    """``ids`` with the official statistical publications first, otherwise in their order."""
    ordered = list(dict.fromkeys(ids))
    rank = {sid: TYPE_RANK.get(str((catalogue.get(sid) or {}).get("type")), len(TYPE_RANK)) for sid in ordered}
    return sorted(ordered, key=lambda sid: rank[sid])
