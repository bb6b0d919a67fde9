from metrics.importer.mentions import find_mentions
from metrics.importer.normalise import normalise


def test_radicals_and_full_width_digits():
    assert normalise("⽐上年增⻓３．３％") == "比上年增长3.3%\n"


def test_pdf_spacing_and_wrapped_lines():
    text = normalise("全市地区生产总值达到 12408.7 亿元,比上\n年增长 3.3%。\n第二段。", pdf=True)
    assert "全市地区生产总值达到12408.7亿元,比上年增长3.3%。" in text


def test_repeated_page_headers_dropped():
    page = "宁波市人民政府工作报告\n正文第{n}页的内容写在这里。\n- {n} -\n"
    text = normalise("".join(page.format(n=n) for n in range(1, 5)), pdf=True)
    assert "宁波市人民政府工作报告" not in text and "- 2 -" not in text and "正文第3页" in text


def test_traditional_repost_simplified():
    assert "进出口总额" in normalise("全年進出口總額突破萬億元,經濟增長8.2%,對外貿易穩定。")


def test_simplified_text_untouched():
    text = "全年进出口总额突破万亿元。"
    assert normalise(text) == text + "\n"


def test_mentions_units_and_numerals():
    found = [(m.value, m.unit) for m in find_mentions("提高5.8个百分点,超越七百亿元,突破万亿,三千五百万人,1.81:1")]
    assert found == [(5.8, "百分点"), (700, "亿元"), (1, "万亿元"), (3500, "万人"), (1.81, "倍")]


def test_years_and_plans_are_not_numbers():
    assert find_mentions("2021年是“十四五”开局之年,第10位") == []


def test_full_width_clause_punctuation_reads_like_the_ascii_form(real_dataset):
    """Official reports write ，；：（）: a growth after a full-width comma belongs to its level."""
    from metrics.importer.normalise import normalise
    from metrics.importer.run import import_text

    text = normalise("一、2027年工作回顾\n全市地区生产总值达到21047.7亿元，比上年增长5.1%；一般公共预算收入1900亿元（全市）。\n")
    assert "，" not in text and "；" not in text and "（" not in text
    found = {(d.indicator, d.value) for d in import_text(text, real_dataset, region="ningbo", source_id="x")}
    assert {("gdp", 21047.7), ("gdp_growth", 5.1), ("fiscal_revenue", 1900)} <= found


def test_a_web_page_copied_as_text_has_its_sentences_joined_again():
    # Wikisource's copy of the 2017 State Council report: a link's anchor leaves a line of one
    # zero-width space inside a sentence, and a linked term a line of its own before ”.
    copied = "标题\n\n——经济运行稳中向好。国内生产总值达到74.4\n\u200b\n万亿元，增长6.7%。\n“十三五\n”实现良好开局。\n"
    text = normalise(copied)
    assert "国内生产总值达到74.4万亿元,增长6.7%。" in text
    assert "“十三五”实现良好开局。" in text
    assert "\u200b" not in text


def test_paragraphs_and_headings_stay_apart():
    text = normalise("一、2016年工作回顾\n过去一年经济增长6.7%。\n\u200b\n二、2017年工作总体部署\n今年目标6.5%左右。\n")
    assert text.splitlines() == ["一、2016年工作回顾", "过去一年经济增长6.7%。", "二、2017年工作总体部署", "今年目标6.5%左右。"]
