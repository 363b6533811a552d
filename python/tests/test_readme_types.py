"""The READMEs' Python examples type-check under `mypy --strict` against the
installed package's stubs: each ```python block becomes a module of its own,
after a prelude that declares the names the examples leave to the reader."""

import os
import re
import subprocess
import sys

import pytest

from conftest import REPO

# python/ci.sh installs mypy: in CI (CI=true) a missing one fails.
if not os.environ.get("CI"):
    pytest.importorskip("mypy")

READMES = {"readme": REPO / "README.md", "python_readme": REPO / "python" / "README.md"}

PRELUDE = '''\
from typing import Any

import vanban

data: dict[str, Any] = {}
df: Any = None
commune_a: dict[str, Any] = {}
commune_b: dict[str, Any] = {}
commune_c: dict[str, Any] = {}
'''


def python_blocks(text):
    return re.findall(r"^```python\n(.*?)^```", text, flags=re.S | re.M)


def test_every_readme_python_example_passes_mypy_strict(tmp_path):
    files = []
    for label, readme in READMES.items():
        for number, block in enumerate(python_blocks(readme.read_text(encoding="utf-8")), 1):
            path = tmp_path / f"{label}_{number:02d}.py"
            path.write_text(PRELUDE + block, encoding="utf-8")
            files.append(path)
    assert len(files) >= 8, [f.name for f in files]
    # dask.distributed's Client has no annotations: the Dask example may call
    # it; everything of vanban's stays under --strict.
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n" + "".join(
        f"[mypy-{f.stem}]\ndisallow_untyped_calls = False\n"
        for f in files if "import dask" in f.read_text(encoding="utf-8")
    ), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(config), "--no-incremental",
         "--cache-dir", os.devnull, *map(str, files)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    shown = "\n\n".join(f"{f.name}:\n{f.read_text(encoding='utf-8')}" for f in files)
    assert run.returncode == 0, f"{run.stdout}{run.stderr}\n{shown}"
