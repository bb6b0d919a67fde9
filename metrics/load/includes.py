"""Read the dataset with the files it includes, as one document that remembers each record's file.

``data/metrics.yaml`` stays the entry point. Its optional top-level ``include`` lists glob
patterns, relative to its folder (``cited/*.yaml``); each matching file holds any of the lists
``sources``, ``indicators`` and ``observations``, typically one publication's source and its
records, so that a person reviews one source at a time. The lists are appended in file-name
order, and every problem still names the file and line it is on.
"""

from __future__ import annotations

from pathlib import Path

from metrics.load.problems import DatasetError, Problem
from metrics.load.yaml_reader import Located, read_yaml

INCLUDE_KEY = "include"
INCLUDED_SECTIONS = ("sources", "indicators", "observations")
MAX_INCLUDED_FILES = 500


def read_dataset(path: str | Path) -> Located:
    """The main file merged with its included files; raise DatasetError listing every problem."""
    main = read_yaml(path)
    if not isinstance(main.data, dict) or INCLUDE_KEY not in main.data:
        return main
    patterns = main.data.pop(INCLUDE_KEY)
    files, problems = _included_files(main, Path(path).parent, patterns)
    for file in files:
        try:
            part = read_yaml(file)
        except DatasetError as exc:
            problems += exc.problems
            continue
        problems += _merge(main, part)
    if problems:
        raise DatasetError(problems)
    return main


def _included_files(main: Located, folder: Path, patterns: object) -> tuple[list[Path], list[Problem]]:
    where = main.where(INCLUDE_KEY)
    if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
        return [], [Problem(*where, "'include' must be a list of file patterns such as cited/*.yaml.")]
    files: list[Path] = []
    problems: list[Problem] = []
    root = folder.resolve()
    for pattern in patterns:
        if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
            problems.append(Problem(*where, f"include pattern {pattern!r} must stay inside the data folder (no '..', no absolute path)."))
            continue
        matched = sorted(p for p in folder.glob(pattern) if p.is_file() and p.resolve().is_relative_to(root))
        if not matched:
            problems.append(Problem(*where, f"include pattern {pattern!r} matches no file in {folder}; remove it or add the file."))
        files += [p for p in matched if p not in files]
    if len(files) > MAX_INCLUDED_FILES:
        problems.append(Problem(*where, f"'include' matches {len(files)} files, more than the {MAX_INCLUDED_FILES} the loader reads."))
        files = files[:MAX_INCLUDED_FILES]
    return files, problems


def _merge(main: Located, part: Located) -> list[Problem]:
    """Append ``part``'s lists to ``main``'s, carrying over the lines and the file of each record."""
    if not isinstance(part.data, dict):
        return [Problem(part.path, 1, "an included file must be a mapping with the lists sources, indicators and/or observations.")]
    problems = [Problem(*part.where(key), f"unknown top-level key {key!r} in an included file; it may hold only "
                                          f"{', '.join(INCLUDED_SECTIONS)}.")
                for key in part.data if key not in INCLUDED_SECTIONS]
    for section in INCLUDED_SECTIONS:
        records = part.data.get(section)
        if records is None:
            continue
        if not isinstance(records, list):
            problems.append(Problem(*part.where(section), f"{section!r} must be a list of records (lines starting with '- ')."))
            continue
        target = main.data.setdefault(section, [])
        if not isinstance(target, list):
            continue
        offset = len(target)
        target.extend(records)
        for key, line in part.lines.items():
            if len(key) >= 2 and key[0] == section and isinstance(key[1], int):
                main.lines[(section, key[1] + offset, *key[2:])] = line
        for index in range(len(records)):
            main.origins[(section, index + offset)] = part.path
    return problems
