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


def test_a_pdf_with_a_chinese_text_layer_is_read_and_drafted(tmp_path, real_dataset):
    """A real PDF, printed by Debian's Chromium from a page of a report (no header or footer
    printed into it), read, normalised and drafted like any report."""
    import shutil
    import subprocess

    from metrics.importer.run import import_text

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    page = tmp_path / "report.html"
    page.write_text("<html><meta charset='utf-8'><body style='font-family: Noto Sans CJK SC'>"
                    "<h2>一、2027年工作回顾</h2><p>全市地区生产总值达到21047.7亿元，比上年增长5.1%。"
                    "城乡居民人均可支配收入分别达到9.1万元和5.6万元。</p></body></html>", encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--disable-background-networking", f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    text = read_bytes(pdf.read_bytes(), "report.pdf")
    assert "21047.7亿元" in text and "比上年增长5.1%" in text
    drafts = import_text(text, real_dataset, region="ningbo", source_id="nb-2027")
    found = {(d.indicator, d.year, d.value) for d in drafts}
    assert ("gdp", 2027, 21047.7) in found and ("gdp_growth", 2027, 5.1) in found
