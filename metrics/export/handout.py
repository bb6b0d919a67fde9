"""The briefing pack as a multi-page PDF: an HTML document of 16:9 pages (vector SVG charts,
real text) printed once by the export Chromium, so no PDF library is needed at run time.

A chart page is exactly one sheet: the chart shrinks to leave room for the footnote and the
sentences printed under it (a PDF has no speaker notes), or, when there are many, the sentences
follow on a page of their own. The sources list flows onto as many sheets as it needs. The
page's margins are the sheet's (``@page``), not padding of a section, so a list that ends at the
foot of a sheet never pushes its padding onto a blank sheet of its own.

The charts' SVG is written into the document (not an ``<img>``) so that the document's fonts
apply to it: the CJK font subset to the document's characters (``pdf_fonts``), which keeps the
PDF's text ordinary characters instead of radical look-alikes."""

from __future__ import annotations

import re
from html import escape

from metrics.export.handout_summary import summary_sections
from metrics.export.labels import text
from metrics.export.pack import Pack
from metrics.export.pdf_fonts import font_faces, ideographs
from metrics.export.renderer import CJK_FONT, get_renderer
from metrics.text import i18n

SENTENCES_UNDER_CHART = 5
"""More sentences than this go on a page of their own after the chart, which keeps its size."""

_STYLE = f"""
@page {{ size: 13.333in 7.5in; margin: 0.35in 0.6in; }}
* {{ box-sizing: border-box; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: "{CJK_FONT}", sans-serif; color: #222; }}
section {{ break-after: page; position: relative; }}
.sheet {{ height: 6.8in; overflow: hidden; }}
section:last-child {{ break-after: auto; }}
.cover {{ display: flex; flex-direction: column; justify-content: center; padding-left: 0.6in; }}
.cover h1 {{ font-size: 40pt; margin: 0 0 0.3in 0; }}
.cover p {{ font-size: 20pt; color: #555; margin: 0.05in 0; }}
.chart {{ display: flex; flex-direction: column; }}
.figure {{ flex: 1 1 auto; min-height: 0; }}
.figure svg {{ display: block; width: 100%; height: 100%; }}
.footnote {{ font-size: 10pt; color: #555; margin: 0.08in 0 0 0; }}
.sentences {{ font-size: 11pt; margin: 0.1in 0 0 0; padding-left: 1.2em; }}
.sentences li {{ margin: 0.03in 0; }}
h2 {{ font-size: 26pt; margin: 0 0 0.25in 0; }}
.chart h2 {{ flex: none; font-size: 22pt; margin: 0 0 0.1in 0; }}
.cards {{ display: grid; grid-template-columns: repeat(4, 1fr); gap: 0.2in; }}
.card {{ background: #f2f4f7; padding: 0.15in 0.18in; }}
.card .name {{ font-size: 15pt; color: #555; }}
.card .value {{ font-size: 30pt; font-weight: bold; margin: 0.05in 0; }}
.card .change {{ font-size: 15pt; }}
.card .target, .card .context {{ font-size: 13pt; }}
.card .note, .aside {{ font-size: 11pt; color: #555; }}
.aside {{ margin-top: 0.2in; }}
table.score {{ border-collapse: collapse; width: 100%; font-size: 13pt; }}
table.score th {{ background: #4f81bd; color: #fff; text-align: left; }}
table.score th, table.score td {{ padding: 0.06in 0.1in; border-bottom: 1px solid #ccd; }}
.sources li {{ font-size: 12pt; margin: 0 0 0.08in 0; overflow-wrap: anywhere; }}
.footer {{ font-size: 9pt; color: #777; position: absolute; bottom: 0; left: 0.6in; }}
"""


def _cover(pack: Pack) -> str:
    lines = [text("deck_subtitle", pack.lang).format(region=pack.region_name, year=pack.year),
             text("deck_date", pack.lang).format(date=pack.date.isoformat())]
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in lines)
    footer = f'<div class="footer">{escape(text("deck_footer", pack.lang))}</div>'
    return f'<section class="cover sheet"><h1>{escape(pack.title)}</h1>{paragraphs}{footer}</section>'


_SVG_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!DOCTYPE[^>]*>\s*)?<svg\b", re.IGNORECASE)


def inline_svg(image: bytes, name: str) -> str:
    """The chart's SVG as markup of the document, named for a screen reader, scaled to its box."""
    svg = image.decode("utf-8")
    match = _SVG_START.match(svg)
    if match is None:
        raise ValueError("a chart of the handout must be SVG")
    return f'<svg role="img" aria-label="{escape(name)}" preserveAspectRatio="xMidYMid meet"' + svg[match.end():]


def _chart(image: bytes, name: str, footnote: str, sentences: list[str], lang: str) -> str:
    items = "".join(f"<li>{escape(s)}</li>" for s in sentences)
    chart = (f'<section class="chart sheet"><h2>{escape(name)}</h2><div class="figure">{inline_svg(image, name)}</div>'
             f'<p class="footnote">{escape(footnote)}</p>')
    if len(sentences) <= SENTENCES_UNDER_CHART:
        return chart + (f'<ul class="sentences">{items}</ul>' if items else "") + "</section>"
    heading = f"{name} · {text('deck_notes', lang)}"
    return chart + f'</section><section><h2>{escape(heading)}</h2><ul class="sentences">{items}</ul></section>'


def _sources(pack: Pack) -> str:
    entries = pack.citations or [text("deck_no_sources", pack.lang)]
    items = "".join(f"<li>{escape(entry)}</li>" for entry in entries)
    return f'<section><h2>{escape(text("deck_sources", pack.lang))}</h2><ol class="sources">{items}</ol></section>'


def handout_html(pack: Pack) -> str:
    """The pack as one HTML document, one 16:9 page per slide (a long list flows onto more)."""
    pages = [_cover(pack)]
    pages += summary_sections(pack)
    pages += [_chart(page.image, page.heading, page.footnote, page.sentences, pack.lang) for page in pack.pages]
    pages.append(_sources(pack))
    lang = i18n.t("lang_tag", pack.lang)
    body, title = ideographs("".join(pages)), ideographs(pack.title)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{font_faces(title + body)}\n{_STYLE}</style></head><body>{body}</body></html>")


def pdf_bytes(pack: Pack) -> bytes:
    """Print the pack (its pages' ``image`` must be SVG) to PDF through the export Chromium."""
    return get_renderer().html_to_pdf(handout_html(pack))
