"""Which indicators and sources a chart shows, its footnote, and how a briefing cites a source."""

from __future__ import annotations

import html
import re
from typing import Any

import pandas as pd

from metrics.export.labels import text
from metrics.frames.missing import is_missing_or_blank, split_ids
from metrics.text import i18n
from metrics.text.citation import is_domain, official_rank, title_as_published
from metrics.text.text_width import is_wide

_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_FOOTNOTE_START = ("来源", "资料来源", "数据来源", "Source")


def _present(value: Any) -> bool:
    return not is_missing_or_blank(value)


def plain(text: str) -> str:
    """Plotly rich text as plain text: a ``<br>`` between Chinese characters goes, elsewhere
    it becomes a space; other tags go."""
    lines = [html.unescape(_TAG.sub("", line)).strip() for line in _BREAK.split(text)]
    joined = ""
    for line in lines:
        if joined and line and not (is_wide(joined[-1]) or is_wide(line[0])):
            joined += " "
        joined += line
    return joined


def figure_texts(figure: dict) -> list[str]:
    """Every text a figure shows: titles, axis titles, annotations, trace names and categories."""
    texts: list[str] = []
    layout = figure.get("layout") or {}

    def add(value: Any) -> None:
        if isinstance(value, str):
            texts.append(plain(value))
        elif isinstance(value, (list, tuple)):
            for item in value:
                add(item)

    title = layout.get("title") or {}
    add(title.get("text") if isinstance(title, dict) else title)
    for key, value in layout.items():
        if re.match(r"^[xy]axis\d*$", key) and isinstance(value, dict):
            add((value.get("title") or {}).get("text"))
            add(value.get("ticktext"))
            add(value.get("categoryarray"))
    for annotation in layout.get("annotations") or []:
        add(annotation.get("text"))
    for trace in figure.get("data") or []:
        for key in ("name", "x", "y", "text", "labels", "ids", "hovertext", "legendgroup"):
            add(trace.get(key))
    return texts


def footnote_index(figure: dict) -> int | None:
    """Where among the figure's annotations its source footnote is, if it has one."""
    for index, annotation in enumerate((figure.get("layout") or {}).get("annotations") or []):
        if plain(annotation.get("text") or "").startswith(_FOOTNOTE_START):
            return index
    return None


def figure_footnote(figure: dict) -> str | None:
    """The source footnote a figure already carries as an annotation, as plain text."""
    index = footnote_index(figure)
    if index is None:
        return None
    return plain(figure["layout"]["annotations"][index]["text"])


def without_footnote(figure: dict, line_height: int = 16) -> dict:
    """The figure without its footnote annotation and the bottom margin it took (for a slide,
    where the footnote is text beside the picture)."""
    index = footnote_index(figure)
    if index is None:
        return figure
    layout = figure["layout"]
    annotation = layout["annotations"].pop(index)
    lines = len(_BREAK.split(annotation.get("text") or ""))
    margin = layout.get("margin") or {}
    if margin.get("b"):
        bottom = max(int(margin["b"]) - line_height * lines - 10, 60)
        if isinstance(layout.get("height"), (int, float)):
            layout["height"] = int(layout["height"]) - (int(margin["b"]) - bottom)
        margin["b"] = bottom
    return figure


def figure_meta(figure: dict) -> dict:
    meta = (figure.get("layout") or {}).get("meta")
    return meta if isinstance(meta, dict) else {}


def indicators_in(figure: dict, facts: pd.DataFrame, lang: str) -> list[str]:
    """The indicators of ``facts`` whose name appears among the figure's texts (for a figure
    whose ``layout.meta`` does not list them)."""
    column = f"indicator_{i18n.pick(i18n.LANGS, lang)}"
    names = facts[["indicator_id", column]].dropna().drop_duplicates()
    joined = "\n".join(figure_texts(figure))
    found = {str(name): indicator for indicator, name in zip(names["indicator_id"], names[column], strict=False)
             if name and str(name) in joined}
    return [found[name] for name in _maximal(list(found), joined)]


def _maximal(names: list[str], text: str) -> list[str]:
    """The names still in ``text`` once longer names are taken out, so 地区生产总值 found only
    inside 地区生产总值增长 does not count."""
    kept = []
    for name in names:
        remaining = text
        for other in sorted((o for o in names if o != name and name in o), key=len, reverse=True):
            remaining = remaining.replace(other, "")
        if name in remaining:
            kept.append(name)
    return kept


def source_ids(facts: pd.DataFrame) -> list[str]:
    """Every source of these facts, in order of first use (agreeing sources included)."""
    column = "sources" if "sources" in facts.columns else "source_id"
    ids: list[str] = []
    for value in facts[column]:
        ids += split_ids(value)
    return list(dict.fromkeys(ids))


def _publication(source: dict) -> tuple[str, str, str]:
    """What makes two records one publication: title as published, publisher without a bracketed
    channel (China Daily (Ningbo channel) is China Daily), date; spaces and case ignored."""
    def norm(value: Any) -> str:
        return re.sub(r"\s+", "", str(value)).casefold() if _present(value) else ""
    publisher = re.sub(r"[(（][^()（）]*[)）]", "", str(source.get("publisher") or ""))
    return norm(title_as_published(source)), norm(publisher), norm(i18n.source_date(source, "en"))


def distinct(sources: list[dict]) -> list[dict]:
    """Each publication once: records with the same id, the same URL, or the same title,
    publisher and date are one source (the first kept)."""
    kept: list[dict] = []
    seen: set[tuple[str, ...]] = set()
    for source in sources:
        url = re.sub(r"^https?://(www\.)?|/$", "", str(source.get("url") or "").strip())
        keys: set[tuple[str, ...]] = {("id", str(source.get("id")))}
        if url:
            keys.add(("url", url))
        if _publication(source)[0]:
            keys.add(("publication", *_publication(source)))
        if keys & seen:
            continue
        seen |= keys
        kept.append(source)
    return kept


def official_first(sources: list[dict]) -> list[dict]:
    """The sources in ``metrics.text.citation.official_rank`` order, their given order within each."""
    return sorted(sources, key=official_rank)


def citation(source: dict, lang: str) -> str:
    """A source as the closing slides cite it: publisher, title, date, where the page read is a
    repost (转载) and on which site, the URL, and how it is used (quoted or cited). A bare web
    address given as the publisher is named as the site, never as the publisher."""
    title = title_as_published(source) or text("deck_untitled", lang)
    publisher, site = source.get("publisher"), source.get("reposted_by")
    if is_domain(publisher):
        site = site if _present(site) else publisher
        publisher = None
    publisher = str(publisher).strip() if _present(publisher) else text("deck_publisher_unknown", lang)
    date = i18n.source_date(source, lang) or text("deck_undated", lang)
    repost = text("deck_reposted", lang).format(site=str(site).strip()) if _present(site) else ""
    provenance = source.get("provenance")
    kind = i18n.provenance_label(provenance, lang) if provenance in ("quoted", "cited") else ""
    url = str(source["url"]).strip() if _present(source.get("url")) else ""
    cited = i18n.t("full_citation", lang, publisher=publisher, title=title, date=date)
    if repost:
        cited = i18n.t("full_citation_repost", lang, citation=cited, repost=repost)
    cited = i18n.t("full_citation_end", lang, citation=cited)
    if url:
        cited = i18n.t("full_citation_url", lang, citation=cited, url=url)
    return i18n.t("full_citation_kind", lang, citation=cited, kind=kind) if kind else cited
