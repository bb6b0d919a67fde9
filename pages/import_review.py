"""导入与审核 Import & review: read a report, review its figures, see what will be written, write it.

Listed only when the server runs with ``METRICS_IMPORT=1`` (it writes to the server's data file);
without it the page stops before drawing anything, even when its file is run directly. What is
computed lives in ``metrics.importer.review``; text from the report is shown escaped.
"""

import datetime as dt
from dataclasses import replace

import streamlit as st

from metrics.figures import names
from metrics.importer import review, upload, write
from metrics.load.schema import COMPARATORS, KINDS, PERIODS, SOURCE_TYPES
from metrics.text import i18n
from ui import state, warm, widgets

frames, view = state.context()
if not review.enabled():
    st.stop()
lang = view.lang
dataset = frames.dataset
data_path = state.data_path()
REVIEW, OUTCOME, ERROR, VERSION, NEW_REGION = "_review", "_review_outcome", "_review_error", "_review_version", "__new__"


def t(key: str, **values: object) -> str:
    return widgets.md(i18n.t(key, lang, **values))


def sentences(items) -> str:
    return "\n".join(f"- {widgets.md(item)}" for item in items)


def read_report() -> None:
    """The Read button (a callback, so the click survives the router's first-run rerun)."""
    session = st.session_state
    session.pop(REVIEW, None)
    session.pop(OUTCOME, None)
    uploaded = session.get("review-file")
    chosen = session.get("review-region")
    region = (session.get("review-new-region") or "").strip() if chosen == NEW_REGION else chosen or ""
    title = (session.get("review-title") or "").strip() or (uploaded.name if uploaded is not None else "")
    try:
        if not region:
            raise upload.InputProblem("review_need_region")
        raw = uploaded.getvalue() if uploaded is not None else None
        text, _ = upload.read_input(uploaded.name if uploaded is not None else None, raw, session.get("review-paste") or "")
        known = review.known_source(dataset, text, raw)
        if known:
            raise upload.InputProblem("review_known_text", source=known)
        details = review.Details(region, session.get("review-type") or SOURCE_TYPES[0], session.get("review-date"), title,
                                 session.get("review-publisher") or "")
        drafts = review.read(text, dataset, details, data_path)
    except upload.InputProblem as problem:
        session[ERROR] = i18n.t(problem.key, lang, **problem.values)
    except Exception as exc:  # a bad synonym file, a parser's private error: one line, never a traceback
        session[ERROR] = i18n.t("review_cannot_check", lang, reason=type(exc).__name__)
    else:
        session.pop(ERROR, None)
        session[REVIEW] = {"text": text, "drafts": drafts, "version": session.get(VERSION, 0) + 1,
                           "source": review.source_for(details, text), "table": review.table(drafts, lang),
                           "data_version": write.data_version(data_path)}
        session[VERSION] = session[REVIEW]["version"]


def write_plan(plan, version: str | None) -> None:
    """The Write button: exactly the plan the page showed, refused if the data changed since the
    report was read (another session wrote first); on success the caches are cleared."""
    outcome = review.write(replace(plan, data_version=version), data_path, None, lang)
    st.session_state[OUTCOME] = outcome
    if outcome.ok:
        state.clear_caches()
        warm.after_write()  # the new data loaded and the default pages built now, not by the next visitor
        st.session_state.pop(REVIEW, None)


st.title(t("page_import"))
st.caption(t("review_intro", path=data_path))
outcome = st.session_state.pop(OUTCOME, None)
"""The last write's outcome, said once."""
if outcome is not None and outcome.ok:
    st.success(t("review_written", n=outcome.records, path=outcome.path, backup=outcome.backup))

st.subheader(t("review_step_input"))
with st.form("review-input"):
    # No type= and no max_upload_size=: the widget's own checks answer in English ("File must be 5.0MB or
    # smaller", "application/msword files are not allowed"); upload.read_input checks both and says so in
    # the reader's language. The server's own cap (server.maxUploadSize, .streamlit/config.toml) bounds memory.
    st.file_uploader(i18n.t("review_upload", lang, limit=upload.MAX_MB), key="review-file")
    st.text_area(i18n.t("review_paste", lang), key="review-paste", height=160)
    left, middle, right = st.columns(3)
    left.selectbox(i18n.t("review_region", lang), [r.id for r in dataset.regions] + [NEW_REGION],
                   format_func=lambda r: i18n.t("review_region_new", lang) if r == NEW_REGION
                   else names.region_name(frames, r, lang), key="review-region")
    left.text_input(i18n.t("review_region_new_name", lang), key="review-new-region")
    middle.selectbox(i18n.t("review_type", lang), SOURCE_TYPES, key="review-type",
                     format_func=lambda k: i18n.source_type_label(k, lang))
    middle.date_input(i18n.t("review_date", lang), value=None, min_value=dt.date(1978, 1, 1),
                      max_value=dt.date.today() + dt.timedelta(days=366), key="review-date")
    right.text_input(i18n.t("review_title", lang), key="review-title")
    right.text_input(i18n.t("review_publisher", lang), key="review-publisher")
    st.form_submit_button(i18n.t("review_read", lang), type="primary", on_click=read_report, key="review-read")
if st.session_state.get(ERROR):
    st.error(widgets.md(st.session_state[ERROR]))

current = st.session_state.get(REVIEW)
if current is None:
    st.stop()
drafts = current["drafts"]
if not drafts:
    st.info(t("review_read_none"))
    st.stop()

st.subheader(t("review_step_drafts"))
st.caption(t("review_read_done", **review.draft_counts(drafts)))
st.caption(t("review_drafts_help"))
editor_key = f"review-editor-{current['version']}"


def choose(which: str) -> None:
    """A bulk choice: keep the cell edits made so far, set every box, draw a fresh editor."""
    edits = st.session_state.get(editor_key, {}).get("edited_rows", {})
    table = current["table"].copy()
    for row, changes in edits.items():
        for column, value in changes.items():
            table.iloc[int(row), table.columns.get_loc(column)] = value
    current["table"] = review.bulk(table, drafts, which)
    current["version"] += 1


columns = st.columns(3)
for column, which in zip(columns, ("all", "confident", "none"), strict=True):
    column.button(i18n.t(f"review_accept_{which}", lang), key=f"review-bulk-{which}", on_click=choose, args=(which,))

indicator_ids = review.indicator_choices(dataset, drafts)
config = {
    "accept": st.column_config.CheckboxColumn(i18n.t("review_col_accept", lang)),
    "status": st.column_config.TextColumn(i18n.t("review_col_status", lang), disabled=True),
    "note": st.column_config.TextColumn(i18n.t("review_col_note", lang), disabled=True, width="medium"),
    "confidence": st.column_config.NumberColumn(i18n.t("review_col_confidence", lang), format="%.2f", disabled=True),
    "indicator": st.column_config.SelectboxColumn(
        i18n.t("review_col_indicator", lang), options=indicator_ids, required=True, width="medium",
        format_func=lambda i: f"{names.indicator_name(frames, i, lang)} ({i})"),
    "kind": st.column_config.SelectboxColumn(i18n.t("review_col_kind", lang), options=list(KINDS), required=True,
                                             format_func=lambda k: i18n.kind_label(k, lang)),
    "year": st.column_config.NumberColumn(i18n.t("review_col_year", lang), min_value=1949, max_value=2100, step=1, format="%d"),
    "period": st.column_config.SelectboxColumn(i18n.t("review_col_period", lang), options=list(PERIODS), required=True,
                                               format_func=lambda p: i18n.t(f"review_period_{p}", lang)),
    "start_year": st.column_config.NumberColumn(i18n.t("review_col_start_year", lang), min_value=1949, max_value=2100,
                                                step=1, format="%d"),
    "value": st.column_config.NumberColumn(i18n.t("review_col_value", lang)),
    "unit": st.column_config.TextColumn(i18n.t("review_col_unit", lang)),
    "comparator": st.column_config.SelectboxColumn(
        i18n.t("review_col_comparator", lang), options=[review.NO_COMPARATOR, *COMPARATORS],
        format_func=lambda c: i18n.t(f"review_cmp_{c or 'none'}", lang)),
    "sentence": st.column_config.TextColumn(i18n.t("review_col_sentence", lang), disabled=True, width="large"),
}
edited = st.data_editor(current["table"], key=editor_key, column_config=config, num_rows="fixed",
                        disabled=[c for c in review.COLUMNS if c not in review.EDITABLE])
reviewed = review.with_edits(drafts, edited, dataset.observations)

with st.expander(i18n.t("review_sentences", lang)):
    for number, draft in enumerate(reviewed, 1):
        before, quote, after = review.quote_parts(draft)
        marked = f"{widgets.md(before)}**{widgets.md(quote)}**{widgets.md(after)}" if quote else widgets.md(before)
        st.markdown(f"{t('review_sentence_line', n=number)} {marked} · {widgets.md(review.status_text(draft, lang))}")

st.subheader(t("review_step_preview"))
key = review.preview_key(reviewed, current["source"], data_path, lang)
if current.get("preview_key") != key:  # check the whole dataset only when what would be written changed
    current["preview"] = review.preview(reviewed, current["source"], current["text"], dataset, data_path, None, lang)
    current["preview_key"] = key
shown = current["preview"]
if shown.plan is not None:
    st.caption(t("review_preview_count", n=shown.records, path=data_path))
    st.code(shown.yaml, language="yaml")
if shown.ok:
    st.success(t("review_valid"))
else:
    st.error(t("review_invalid") + "\n\n" + sentences(shown.problems))

st.button(i18n.t("review_write", lang), type="primary", disabled=not shown.ok, key="review-write",
          on_click=write_plan, args=(shown.plan, current.get("data_version")))
if outcome is not None and not outcome.ok:
    st.error(t("review_not_written") + "\n\n" + sentences(outcome.problems))
