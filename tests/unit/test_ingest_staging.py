"""Working folders: a killed process's are removed at the next start, a live process's never."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from journeylens.services.ingest import staging

ROOT = Path(__file__).resolve().parents[2]
HOLD = """
import sys, time
from pathlib import Path
from journeylens.services.ingest import staging
print(staging.tempdir(Path(sys.argv[1])), flush=True)
time.sleep(600)
"""


def _holder(root: Path) -> tuple[subprocess.Popen, Path]:
    """A real process that made a working folder in root and is still running."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(root)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    folder = Path(proc.stdout.readline().strip())
    assert folder.is_dir() and folder.parent == root
    return proc, folder


def test_folders_of_killed_processes_go_and_live_ones_stay(tmp_path):
    killed, killed_folder = _holder(tmp_path)
    live, live_folder = _holder(tmp_path)
    try:
        (killed_folder / "data.csv").write_text("a,b\n1,2\n")
        killed.send_signal(signal.SIGKILL)
        killed.wait(timeout=30)
        mine = Path(staging.tempdir(tmp_path))
        old_unowned = tmp_path / "ingest-abc123"  # from before the owner was in the name
        new_unowned = tmp_path / "ingest-def456"
        old_unowned.mkdir()
        new_unowned.mkdir()
        day_ago = time.time() - staging.UNOWNED_MAX_AGE_SECONDS - 60
        os.utime(old_unowned, (day_ago, day_ago))
        other = tmp_path / "not-ours"
        other.mkdir()

        removed = staging.clean_stale(tmp_path)

        assert sorted(removed) == sorted([killed_folder, old_unowned])
        assert not killed_folder.exists() and not old_unowned.exists()
        for kept in (live_folder, mine, new_unowned, other):
            assert kept.is_dir(), kept
        assert staging.clean_stale(tmp_path) == []  # nothing left to do
    finally:
        live.kill()
        live.wait(timeout=30)
    assert staging.clean_stale(tmp_path) == [live_folder]  # once its owner is gone


def test_a_symlink_named_like_a_folder_is_not_followed(tmp_path):
    target = tmp_path / "elsewhere"
    target.mkdir()
    (target / "keep.txt").write_text("x")
    root = tmp_path / "staging"
    root.mkdir()
    (root / "ingest-999999999-x").symlink_to(target)
    assert staging.clean_stale(root) == []
    assert (target / "keep.txt").exists()
