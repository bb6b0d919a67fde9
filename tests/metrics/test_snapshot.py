"""The compiled snapshot: the frames come back exactly, named by the data's hash, without YAML."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from metrics.frames.dataframes import data_frames
from metrics.load import snapshot
from metrics.load.dataset import DEFAULT_DATA
from metrics.load.problems import DatasetError
from tests.conftest import TEST_SOURCES, VALID


@pytest.fixture
def data_copy(tmp_path):
    shutil.copytree(VALID.parent, tmp_path / "data", ignore=shutil.ignore_patterns("broken"))
    return tmp_path / "data" / VALID.name


def test_the_real_frames_come_back_exactly(real_frames, tmp_path):
    built = snapshot.build(DEFAULT_DATA, root=tmp_path, frames=real_frames)
    opened = snapshot.open_frames(built.folder)
    for name in snapshot.FRAMES:
        pd.testing.assert_frame_equal(getattr(real_frames, name), getattr(opened, name), obj=name)
    assert opened.dataset.sources == real_frames.dataset.sources
    assert opened.dataset.regions == real_frames.dataset.regions
    assert opened.dataset.indicators == real_frames.dataset.indicators
    assert opened.options == real_frames.options


def test_observations_are_restored_only_when_read(sample_frames, tmp_path):
    built = snapshot.build(VALID, root=tmp_path, frames=sample_frames)
    opened = snapshot.open_frames(built.folder)
    observations = opened.dataset.observations
    assert isinstance(observations, snapshot.LazyObservations) and not observations.loaded
    assert len(observations) == len(sample_frames.dataset.observations) and not observations.loaded
    assert list(observations) == list(sample_frames.dataset.observations)
    assert list(opened.dataset.places) == list(sample_frames.dataset.places)
    pd.testing.assert_frame_equal(data_frames(opened.dataset).facts, sample_frames.facts)


def test_the_name_is_the_hash_of_the_data_files(data_copy, tmp_path):
    first = snapshot.build(data_copy, TEST_SOURCES, tmp_path / "snap")
    again = snapshot.build(data_copy, TEST_SOURCES, tmp_path / "snap")
    assert again.found and again.folder == first.folder
    with data_copy.open("a", encoding="utf-8") as handle:
        handle.write("\n# an edit\n")
    changed = snapshot.build(data_copy, TEST_SOURCES, tmp_path / "snap")
    assert not changed.found and changed.folder != first.folder
    assert (changed.folder / "observations.parquet").is_file()


def test_invalid_data_writes_no_snapshot(data_copy, tmp_path):
    data_copy.write_text(data_copy.read_text(encoding="utf-8").replace("observations:", "observations:\n  - bad: 1", 1),
                         encoding="utf-8")
    with pytest.raises(DatasetError):
        snapshot.build(data_copy, TEST_SOURCES, tmp_path / "snap")
    assert not (tmp_path / "snap").exists() or not any((tmp_path / "snap").iterdir())


def test_a_read_only_snapshot_folder_serves_from_memory(data_copy, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr(snapshot, "write", refuse)
    frames = snapshot.frames_for(data_copy, TEST_SOURCES, tmp_path / "snap")
    assert len(frames.facts) > 0


def test_two_data_files_in_one_folder_are_two_snapshots(data_copy):
    other = data_copy.with_name("other.yaml")
    other.write_bytes(data_copy.read_bytes())
    assert snapshot.data_hash(data_copy) != snapshot.data_hash(other)
