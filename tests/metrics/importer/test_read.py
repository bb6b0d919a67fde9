import io

import pytest

from metrics.importer.read import ReadError, read_bytes


def test_docx():
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("全市地区生产总值达到12408.7亿元。")
    buffer = io.BytesIO()
    document.save(buffer)
    assert "12408.7亿元" in read_bytes(buffer.getvalue(), "report.docx")


def test_html_scripts_never_kept():
    html = "<html><head><script>alert('地区生产总值')</script></head><body><article><p>全市地区生产总值达到12408.7亿元,比上年增长3.3%。这是一篇足够长的正文,用来检验网页正文的提取是否正确。</p></article></body></html>"
    text = read_bytes(html.encode(), "page.html")
    assert "12408.7亿元" in text and "alert" not in text


@pytest.mark.parametrize(("data", "name", "words"), [
    (b"", "empty.txt", "empty"),
    (b"\x00\x01\x02binary", "x.bin.txt", "binary"),
    (b"%PDF-1.4 broken", "scan.pdf", "PDF"),
    (b"<html><script>var a=1</script></html>", "page.html", "page"),
])
def test_bad_input(data, name, words):
    with pytest.raises(ReadError, match=words):
        read_bytes(data, name)
