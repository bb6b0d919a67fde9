import pytest

from metrics.load.numerals import parse_chinese_number, quote_contains_value


@pytest.mark.parametrize(("text", "number"), [
    ("七百亿", 7e10), ("万亿", 1e12), ("三千五百万", 3.5e7), ("十", 10), ("二十三", 23),
    ("一万二千", 12000), ("两千", 2000), ("1.7万亿", 1.7e12), ("287", 287), ("千亿", 1e11),
])
def test_chinese_numerals(text, number):
    assert parse_chinese_number(text) == pytest.approx(number)


@pytest.mark.parametrize("text", ["", "很多", "七百亿元"])
def test_not_a_numeral(text):
    with pytest.raises(ValueError):
        parse_chinese_number(text)


def test_value_must_be_a_whole_number_in_the_quote():
    assert quote_contains_value("地区生产总值增长7%", 7.0)
    assert quote_contains_value("达到12408.7亿元", 12408.7)
    assert not quote_contains_value("增长17%", 7.0)
    assert not quote_contains_value("增长7.5%", 7.0)
    assert not quote_contains_value("增长12.2%", 2.2)
    assert quote_contains_value("研发投入强度达到3%", 3.0)
    assert quote_contains_value("16万人", 16)
