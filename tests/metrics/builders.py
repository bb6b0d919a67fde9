"""Small hand-built datasets for the dashboard's metrics tests: written as YAML, loaded for real."""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml

from metrics.frames.dataframes import DataFrames, data_frames
from metrics.load.dataset import load

SOURCE = {"id": "bulletin", "provenance": "cited", "title": "测试统计公报", "publisher": "测试统计局",
          "type": "statistical_bulletin", "url": "https://example.org/bulletin", "date": datetime.date(2022, 2, 20)}
REPORT = {"id": "report", "provenance": "cited", "title": "测试工作报告", "publisher": "测试市人民政府",
          "type": "government_work_report", "url": "https://example.org/report", "date": datetime.date(2022, 1, 20)}
REGIONS = [
    {"id": "ningbo", "name_zh": "宁波市", "name_en": "Ningbo", "level": "city", "parent": None, "colour": "#0072B2",
     "symbol": "circle"},
    {"id": "yuyao", "name_zh": "余姚市", "name_en": "Yuyao", "level": "county_level_city", "parent": "ningbo"},
    {"id": "cixi", "name_zh": "慈溪市", "name_en": "Cixi", "level": "county_level_city", "parent": "ningbo"},
    {"id": "haishu", "name_zh": "海曙区", "name_en": "Haishu", "level": "district", "parent": "ningbo"},
    {"id": "ningbo_zhoushan_port", "name_zh": "宁波舟山港", "name_en": "Ningbo-Zhoushan Port", "level": "port",
     "parent": None},
]
_INDICATORS = [
    ("gdp", "地区生产总值", "GDP", "亿元", "output", "higher"),
    ("gdp_growth", "地区生产总值增长", "GDP growth", "%", "output", "higher"),
    ("fiscal_revenue", "一般公共预算收入", "General public budget revenue", "亿元", "fiscal", "higher"),
    ("fiscal_revenue_growth", "一般公共预算收入增长", "General public budget revenue growth", "%", "fiscal", "higher"),
    ("trade_total", "进出口总额", "Foreign trade", "亿元", "trade", "higher"),
    ("trade_total_growth", "进出口总额增长", "Foreign trade growth", "%", "trade", "higher"),
    ("rd_intensity", "研发投入强度", "R&D intensity", "%", "innovation", "higher"),
    ("urbanization_rate", "常住人口城镇化率", "Urbanisation rate", "%", "urbanisation", "higher"),
    ("registered_unemployment_rate", "城镇登记失业率", "Registered urban unemployment rate", "%", "labour", "lower"),
    ("fai_growth", "固定资产投资增长", "Fixed-asset investment growth", "%", "investment", "higher"),
    ("port_cargo_throughput", "港口货物吞吐量", "Port cargo throughput", "亿吨", "port", "higher"),
    ("fdi_growth", "实际利用外资增长", "FDI growth", "%", "investment", "higher"),
]
_SERIES = {
    "gdp": {"growth": "gdp_growth", "growth_basis": "real", "headline": 1},
    "fiscal_revenue": {"growth": "fiscal_revenue_growth", "growth_basis": "nominal", "headline": 2},
    "trade_total": {"growth": "trade_total_growth", "growth_basis": "nominal", "headline": 3}, "rd_intensity": {"headline": 4},
    "urbanization_rate": {"headline": 7, "breaks": [{"year": 2021, "note_zh": "七普口径", "note_en": "census basis"}]},
    "registered_unemployment_rate": {"headline": 8},
}
"""What the real data says of these indicators: growth pairs, headline order, the census break."""
INDICATORS = [{"id": i, "name_zh": zh, "name_en": en, "unit": unit, "category": category, "direction": direction,
               "description_zh": zh, "description_en": en, **_SERIES.get(i, {})}
              for i, zh, en, unit, category, direction in _INDICATORS]
UNITS = {i["id"]: i["unit"] for i in INDICATORS}


def obs(region: str, indicator: str, year: int | None, value: float | None, *, kind: str = "actual",
        period: str = "annual", **extra: object) -> dict:
    """One observation from the test bulletin, in the indicator's unit unless ``unit`` is given."""
    record = {"region": region, "indicator": indicator, "year": year, "period": period, "kind": kind, "value": value,
              "unit": UNITS[indicator], "source": "bulletin"}
    if kind == "target":
        record["comparator"] = "reach"
    record.update(extra)
    return record


def build_frames(tmp_path: Path, observations: list[dict], name: str = "data.yaml",
                 regions: list[dict] | None = None) -> DataFrames:
    path = tmp_path / name
    data = {"sources": [SOURCE, REPORT], "regions": regions or REGIONS, "indicators": INDICATORS, "observations": observations}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return data_frames(load(path, sources_dir=tmp_path))
