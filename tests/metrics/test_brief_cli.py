"""``python -m metrics brief``: the pack for Yuyao 2021 from the command line."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from pptx import Presentation
from pypdf import PdfReader

from metrics.cli.brief import run_brief
from metrics.cli.main import main


@pytest.fixture(scope="module")
def yuyao_pptx(tmp_path_factory, renderer):
    out = tmp_path_factory.mktemp("brief") / "brief.pptx"
    code = main(["brief", "--region", "yuyao", "--year", "2021", "--lang", "zh", "--out", str(out)])
    return code, out


def test_brief_builds_the_yuyao_2021_deck(yuyao_pptx):
    code, out = yuyao_pptx
    assert code == 0
    deck = Presentation(io.BytesIO(out.read_bytes()))
    assert len(deck.slides) >= 3
    title = "\n".join(shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame)
    assert "余姚市" in title and "2021" in title
    chart_slides = [slide for slide in deck.slides if any(shape.shape_type == 13 for shape in slide.shapes)]
    assert chart_slides
    for slide in chart_slides:
        assert slide.shapes.title is not None and slide.shapes.title.text
        footnote = "\n".join(shape.text_frame.text for shape in slide.shapes
                             if shape.has_text_frame and shape != slide.shapes.title)
        assert footnote.startswith("来源")


def test_brief_builds_a_pdf(tmp_path, real_frames, renderer):
    out = tmp_path / "brief.pdf"
    assert run_brief(real_frames, "yuyao", 2021, "zh", out) == 0
    assert len(PdfReader(out).pages) >= 3


def test_unknown_region_exits_2_with_a_message(tmp_path, capsys):
    code = main(["brief", "--region", "atlantis", "--year", "2021", "--out", str(tmp_path / "b.pptx")])
    assert code == 2
    assert "unknown region 'atlantis'" in capsys.readouterr().err
    assert not (tmp_path / "b.pptx").exists()


def test_other_extension_exits_2(tmp_path, capsys):
    assert main(["brief", "--region", "yuyao", "--year", "2021", "--out", str(tmp_path / "b.docx")]) == 2
    assert ".pptx or .pdf" in capsys.readouterr().err


def test_no_traceback_from_the_command_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "metrics", "brief", "--region", "atlantis", "--year", "2021",
                             "--out", str(tmp_path / "b.pptx")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "unknown region" in result.stderr and "Traceback" not in result.stdout + result.stderr


def test_without_chromium_the_command_names_the_package(tmp_path):
    env = {**os.environ, "BROWSER_PATH": "/nonexistent/chromium"}
    result = subprocess.run([sys.executable, "-m", "metrics", "brief", "--region", "yuyao", "--year", "2021",
                             "--out", str(tmp_path / "b.pdf")], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 3
    assert "apt-get install chromium" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "b.pdf").exists()
