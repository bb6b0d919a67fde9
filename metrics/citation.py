"""How a publication is cited: its official publisher, title and date, and "转载" when the page
read was a repost; and which of several sources comes first (the official statistics)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from metrics import i18n

_DOMAIN = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)
"""A bare web address (bx2200.com): the site a page was read on, never its publisher."""
_STATISTICAL = ("统计局", "调查队", "statistic")
_OFFICIAL_TYPES = ("plan_report", "government_work_report", "government_release")


def is_domain(text: object) -> bool:
    return isinstance(text, str) and bool(_DOMAIN.match(text.strip()))


def official_rank(source: Mapping) -> int:
    """Where several sources give one figure, which is cited first: 0 for an official statistical
    publication (a bulletin, a statistics bureau's release), 1 for another government
    publication, 2 for the rest (news, reposts of unknown origin)."""
    publisher = source.get("publisher")
    words = publisher.lower() if isinstance(publisher, str) and not is_domain(publisher) else ""
    if source.get("type") == "statistical_bulletin" or any(word in words for word in _STATISTICAL):
        return 0
    return 1 if source.get("type") in _OFFICIAL_TYPES else 2


def cite(source: Mapping, lang: str) -> str:
    """《title》(publisher, date, 转载) / “title” (publisher, date, reposted): the publication,
    never the site that reposted it, which is named only in the sources sheet and popover."""
    title = source.get("title") or source.get("id") or ""
    publisher = source.get("publisher") or ""
    date = i18n.source_date(source, lang)
    parts = [p for p in (publisher, date) if p]
    if isinstance(source.get("reposted_by"), str) and source.get("reposted_by"):
        parts.append(i18n.t("cite_reposted", lang))
    text = (i18n.t("cite_with", lang, title=title, details=i18n.t("sep_detail", lang).join(parts)) if parts
            else i18n.t("cite_title", lang, title=title))
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in str(title))
    return i18n.t("cite_in_chinese", lang, text=text) if chinese else text


def official_first(ids: Iterable[str], catalogue: Mapping[str, Mapping]) -> list[str]:
    """``ids`` with the official statistical publications first, otherwise in their order."""
    ordered = list(dict.fromkeys(ids))
    rank = {sid: official_rank(catalogue.get(sid) or {}) for sid in ordered}
    return sorted(ordered, key=lambda sid: rank[sid])
