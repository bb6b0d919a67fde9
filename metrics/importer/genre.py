"""Facts about the genre, kept in ``data/importer.yaml``: set phrases whose numbers are names
(两个维护, 八项规定, 最后一公里, “十四五”, 第十三届, 《…》), the wordings of qualitative targets, the
flow words that make a count in a multi-year review a total over the span, comparator words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

GENRE_FILE = Path(__file__).resolve().parents[2] / "data" / "importer.yaml"


@dataclass(frozen=True)
class Genre:
    set_phrases: dict[str, re.Pattern[str]]
    """family -> one pattern of all its phrases."""
    qualitative: re.Pattern[str]
    flow: re.Pattern[str]
    plan_flow: re.Pattern[str]
    comparators: dict[str, re.Pattern[str]]

    def masked(self, sentence: str) -> str:
        """The sentence with every set phrase replaced by □ of the same length (positions kept)."""
        for pattern in self.set_phrases.values():
            sentence = pattern.sub(lambda m: "□" * len(m.group()), sentence)
        return sentence

    def prefix_comparator(self, phrase: str) -> str | None:
        """The comparator the words just before a number name (接近60% is about 60)."""
        return next((name for name, pattern in self.comparators.items() if re.search(f"(?:{pattern.pattern})$", phrase)), None)

    def family_of(self, text: str) -> str | None:
        """The family of set phrases that ``text`` contains, if any (for tests and reasons)."""
        return next((family for family, pattern in self.set_phrases.items() if pattern.search(text)), None)


@lru_cache(maxsize=4)
def load_genre(path: Path = GENRE_FILE) -> Genre:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    families = {entry["family"]: re.compile("|".join(f"(?:{p})" for p in entry["patterns"])) for entry in data["set_phrases"]}
    return Genre(families, re.compile("|".join(f"(?:{p})" for p in data["qualitative"])), re.compile(data["flow_words"]), re.compile(data["plan_flow_words"]),
                 {name: re.compile(f"(?:{words})") for name, words in data["comparator_words"].items()})
