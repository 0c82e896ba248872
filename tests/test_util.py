"""atomic_write: all or nothing, with the mode the user's umask gives, never narrower."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnrukg.cli import cli
from vnrukg.errors import VnrukgError
from vnrukg.util import atomic_write, current_umask


@pytest.fixture
def umask():
    """Set the process umask for one test and restore it afterwards."""
    saved = os.umask(0o022)
    os.umask(saved)

    def set_mask(value: int) -> None:
        os.umask(value)

    yield set_mask
    os.umask(saved)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o027, 0o640)])
def test_new_file_gets_the_mode_open_would_give(tmp_path, umask, mask, expected):
    umask(mask)
    assert current_umask() == mask
    atomic_write(tmp_path / "new.txt", "data")
    plain = tmp_path / "plain.txt"
    plain.write_text("data")
    assert _mode(tmp_path / "new.txt") == _mode(plain) == expected


@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_rewrite_keeps_the_existing_mode(tmp_path, umask, mask):
    umask(mask)
    path = tmp_path / "kept.txt"
    path.write_text("old")
    path.chmod(0o664)
    atomic_write(path, b"new")
    assert path.read_bytes() == b"new"
    assert _mode(path) == 0o664


def test_failed_write_leaves_the_old_file(tmp_path):
    path = tmp_path / "kept.txt"
    path.write_text("old")
    with pytest.raises(VnrukgError, match="cannot write"):
        atomic_write(path / "below-a-file.txt", "x")
    assert path.read_text() == "old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600)])
def test_build_writes_every_file_with_the_umask_mode(
    example_project, sources, tmp_path, umask, mask, expected
):
    umask(mask)
    out = tmp_path / "dist"
    args = ["--root", str(example_project.root), "build", "-o", str(out), "--sources", str(sources)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) > 8
    assert {str(p.relative_to(out)): _mode(p) for p in files} == {
        str(p.relative_to(out)): expected for p in files
    }
