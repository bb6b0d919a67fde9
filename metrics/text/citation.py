"""How a publication is cited: its official publisher, title and date, and "转载" when the page
read was a repost; and which of several sources comes first (the official statistics)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from metrics.text import i18n

_DOMAIN = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)
"""A bare web address (bx2200.com): the site a page was read on, never its publisher."""
_STATISTICAL = ("统计局", "调查队", "statistic")
_OFFICIAL_TYPES = ("plan_report", "government_work_report", "government_release")
_PORTAL_PREFIX = re.compile(r"^\s*(?:【[^】]*】\s*)+")
"""A portal's label before a reposted title: 【宁波招商】宁波市政府工作报告."""
_BRACKETED = re.compile(r"[(（]([^()（）]*)[)）]")
_INTERNAL_NOTE = ("镜像", "摘录", "未显示", "疑为", "原发布", "所读页面")
"""Words of a note written while reading a page (镜像页;摘录未显示标题), never of a published title."""


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


def _is_note(part: str, note: str) -> bool:
    part = part.strip()
    return bool(part) and ((bool(note) and part in note) or any(word in part for word in _INTERNAL_NOTE))


def title_as_published(source: Mapping) -> str:
    """The source's title as its publisher gave it: without a portal's 【…】 prefix, and without
    a bracketed remark that is the record's ``note`` or a reading note (镜像页;摘录未显示标题).
    A title that was only such a remark keeps its descriptive part, or is empty."""
    title = source.get("title")
    if not isinstance(title, str):
        return ""
    raw_note = source.get("note")
    note: str = raw_note if isinstance(raw_note, str) else ""
    title = _PORTAL_PREFIX.sub("", title).strip()
    if note and note.strip() in title and title != note.strip():
        title = title.replace(note.strip(), "")

    def bracket(match: re.Match) -> str:
        parts = re.split(r"[;；]", match.group(1))
        if not any(_is_note(part, note) for part in parts):
            return match.group(0)
        kept = [part.strip() for part in parts if not _is_note(part, note)]
        return f"({';'.join(kept)})" if kept else ""

    cleaned = re.sub(r"[(（]\s*[)）]", "", _BRACKETED.sub(bracket, title)).strip()
    if not cleaned and title.startswith(("(", "（")):
        return ""
    if cleaned.startswith(("(", "（")) and cleaned.endswith((")", "）")) and title.startswith(("(", "（")) \
            and cleaned != title and len(_BRACKETED.findall(cleaned)) == 1:
        return cleaned[1:-1].strip()
    return cleaned


def cite(source: Mapping, lang: str) -> str:
    """《title》(publisher, date, 转载) / “title” (publisher, date, reposted): the publication,
    never the site that reposted it, which is named only in the sources sheet and popover."""
    title = title_as_published(source) or source.get("id") or ""
    publisher = source.get("publisher") or ""
    date = i18n.source_date(source, lang)
    parts = [p for p in (publisher, date) if p]
    if isinstance(source.get("reposted_by"), str) and source.get("reposted_by"):
        parts.append(i18n.t("cite_reposted", lang))
    text = (i18n.t("cite_with", lang, title=title, details=i18n.t("sep_detail", lang).join(parts)) if parts
            else i18n.t("cite_title", lang, title=title))
    return i18n.t("cite_in_chinese", lang, text=text) if is_chinese_title(str(title)) else text


def is_chinese_title(title: str) -> bool:
    """A title written in Chinese: its words outside brackets, so that a recorder's remark in Chinese
    after an English or Spanish headline (Shenzhen economy outpaces Beijing and Shanghai(报道)) does
    not make the publication Chinese."""
    words = _BRACKETED.sub("", title).strip() or title
    return any("\u4e00" <= ch <= "\u9fff" for ch in words)


def official_first(ids: Iterable[str], catalogue: Mapping[str, Mapping]) -> list[str]:
    """``ids`` with the official statistical publications first, otherwise in their order."""
    ordered = list(dict.fromkeys(ids))
    rank = {sid: official_rank(catalogue.get(sid) or {}) for sid in ordered}
    return sorted(ordered, key=lambda sid: rank[sid])
