"""FER2013 (+FER+ votes) loading from the compact binary copy in ../shared.

The data never lives in the repo: the directory comes from --data, then the
FER2013_DIR environment variable, then ../shared/data/fer2013 relative to the
repository root.
"""
import hashlib
import json
import os
from dataclasses import dataclass

import numpy as np

LABELS = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"]
SIZE = 48
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DIR = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", "data", "fer2013"))

# FER+ vote columns: neutral, happiness, surprise, sadness, anger, disgust,
# fear, contempt, unknown, NF. Map the seven shared emotions onto FER2013's
# label order; contempt/unknown/NF have no FER2013 counterpart and are dropped.
FERPLUS_TO_FER = {0: 6, 1: 3, 2: 5, 3: 4, 4: 0, 5: 1, 6: 2}
FERPLUS_NF = 9


def data_dir(cli_value=None):
    return cli_value or os.environ.get("FER2013_DIR") or DEFAULT_DIR


@dataclass
class Split:
    x: np.ndarray        # (N, 48, 48) uint8
    y: np.ndarray        # (N,) int64 FER2013 labels
    votes: np.ndarray    # (N, 10) uint8 FER+ vote counts
    rows: np.ndarray     # (N,) fer2013.csv row numbers

    def __len__(self):
        return len(self.y)


def load_split(root, name):
    x = np.fromfile(os.path.join(root, f"{name}.u8"), np.uint8).reshape(-1, SIZE, SIZE)
    y = np.fromfile(os.path.join(root, f"{name}.labels.u8"), np.uint8).astype(np.int64)
    votes = np.fromfile(os.path.join(root, f"{name}.ferplus.u8"), np.uint8).reshape(-1, 10)
    first_row = load_manifest(root)["splits"][name]["fer2013_rows"][0]
    rows = np.arange(first_row, first_row + len(y))
    assert len(x) == len(y) == len(votes)
    return Split(x, y, votes, rows)


def load_manifest(root):
    with open(os.path.join(root, "MANIFEST.json")) as f:
        return json.load(f)


def checksums(root, verify=False):
    """SHA-256 of every data file, from MANIFEST.json (recomputed if verify)."""
    out = {}
    for split in load_manifest(root)["splits"].values():
        for info in split["files"].values():
            digest = info["sha256"]
            if verify:
                with open(os.path.join(root, info["name"]), "rb") as f:
                    actual = hashlib.sha256(f.read()).hexdigest()
                if actual != digest:
                    raise ValueError(f"{info['name']}: checksum mismatch")
            out[info["name"]] = digest
    return out


def val_duplicate_mask(root, val):
    """True for val images that are pixel-identical to some train image."""
    train_rows = load_manifest(root)["splits"]["train"]["fer2013_rows"]
    dup = set()
    for group in load_manifest(root)["duplicates"]["groups"]:
        if any(train_rows[0] <= r <= train_rows[1] for r in group):
            dup.update(r for r in group if r > train_rows[1])
    return np.isin(val.rows, sorted(dup))


def ferplus_distribution(votes):
    """FER+ votes as a 7-class distribution in FER2013 order (rows may be all 0)."""
    dist = np.zeros((len(votes), len(LABELS)), np.float32)
    for src, dst in FERPLUS_TO_FER.items():
        dist[:, dst] = votes[:, src]
    total = dist.sum(1, keepdims=True)
    return np.divide(dist, total, out=np.zeros_like(dist), where=total > 0)


def usable_for_training(split):
    """Drop images that are not faces (FER+ NF majority) or completely blank."""
    not_face = split.votes[:, FERPLUS_NF] >= 5
    blank = split.x.reshape(len(split), -1).max(1) == 0
    return ~(not_face | blank)
