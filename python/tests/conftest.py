"""Shared fixtures: the repository's provisioned models (bash models/fetch), its test data,
and the CLI binary the package is compared with (cargo build --release)."""

import json
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
SILICA = pathlib.Path(os.environ.get("SILICA_BIN", REPO / "target" / "release" / "silica"))

# Models are found as the CLI finds them: models/NAME in the repository, never the hub.
os.environ.setdefault("SILICA_MODELS_DIR", str(REPO / "models"))
os.environ["HF_HUB_OFFLINE"] = "1"

import silica  # noqa: E402  (after the environment above)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cli(*args, cwd=REPO):
    """Runs the silica binary; its stdout (stderr in the assertion message on failure)."""
    assert SILICA.exists(), f"{SILICA} is missing: cargo build --release"
    done = subprocess.run([str(SILICA), *map(str, args)], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="session")
def model():
    return silica.Model("intfloat/multilingual-e5-small")


@pytest.fixture(scope="session")
def seeds():
    return REPO / "seeds"
