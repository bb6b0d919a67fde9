"""Regions a sentence names: the report's own unless the phrase before a figure starts with another."""

from __future__ import annotations

import re


class RegionFinder:
    def __init__(self, regions: list[dict]):
        names: dict[str, str] = {}
        for region in regions:
            full = region["name_zh"]
            names[full] = region["id"]
            short = re.sub(r"(?:市|区|县)$", "", full)
            if len(short) >= 2:
                names.setdefault(short, region["id"])
        self.names = names
        ordered = sorted(names, key=len, reverse=True)
        self.pattern = re.compile(r"^(?:全|我|其中|同时)?(" + "|".join(map(re.escape, ordered)) + ")") if ordered else None

    def named(self, phrase: str) -> str | None:
        """The region a clause opens with (宁波舟山港货物吞吐量 -> the port), else None."""
        if self.pattern is None:
            return None
        match = self.pattern.match(re.sub(r"^[\s,,、“]+", "", phrase))
        return self.names[match.group(1)] if match else None

    def prefix(self, phrase: str) -> str:
        """The region name a phrase opens with (宁波市三次产业 -> 宁波市), or ""."""
        if self.pattern is None:
            return ""
        match = self.pattern.match(phrase)
        return match.group() if match else ""
