"""Val figures of the shipped ResmoNet with and without mirror averaging: the
face and its mirror image through the network, their probabilities (each at
the same temperature) averaged. Run on the shipped files themselves
(public/models/resmonet/, through tfjs_graph), so the figures are those of
what the app loads.

    npm run eval:mirror                  # print the figures
    npm run eval:mirror -- --write       # and store them in metadata.json

--write adds metrics.mirror_averaged and mirrorTemperature, the temperature
that minimises the val NLL of the averaged probabilities (the app applies it
to both logit rows before averaging).
"""
import argparse
import json
import math
import os

import numpy as np
import torch

from . import data as D
from .constants import OFFSET, REPO, SCALE
from .evaluate import softmax, summarize
from .tfjs_graph import TfjsGraph

MODEL_DIR = os.path.join(REPO, "public", "models", "resmonet")
KEYS = ("accuracy", "macro_recall", "recall", "ece", "ece_calibrated", "nll_calibrated", "confusion")


def logits_of(graph, x_uint8, batch=512):
    out = []
    for i in range(0, len(x_uint8), batch):
        xb = torch.from_numpy(np.ascontiguousarray(x_uint8[i:i + batch])).float().unsqueeze(-1) * SCALE + OFFSET
        out.append(graph(xb))
    return torch.cat(out).numpy().astype(np.float64)


def averaged(z, zm, t):
    return 0.5 * (softmax(z, t) + softmax(zm, t))


def fit_mirror_temperature(z, zm, y):
    """The temperature minimising the val NLL of the averaged probabilities
    (the same grid and refinement as evaluate.fit_temperature)."""
    def nll(t):
        return -np.log(averaged(z, zm, t)[np.arange(len(y)), y] + 1e-12).mean()

    grid = np.exp(np.linspace(np.log(0.3), np.log(5.0), 200))
    best = min(grid, key=nll)
    return float(min(np.linspace(best * 0.97, best * 1.03, 121), key=nll))


def mirror_figures(z, zm, y, temperature):
    """Figures without mirror averaging (at the shipped temperature) and with it
    (at its own fitted temperature; ECE at T = 1 as `ece`)."""
    plain = summarize(z, y, temperature)
    t_m = fit_mirror_temperature(z, zm, y)
    with_t = summarize(np.log(averaged(z, zm, t_m)), y)
    at_one = summarize(np.log(averaged(z, zm, 1.0)), y)
    mirror = {k: with_t[k] for k in KEYS}
    mirror.update(ece=at_one["ece"], ece_calibrated=with_t["ece"], nll_calibrated=with_t["nll_calibrated"],
                  temperature=round(t_m, 4))
    return {k: plain[k] for k in KEYS}, mirror


def mcnemar(y, a, b):
    """Faces that only a gets right, faces that only b gets right, and the exact
    two-sided McNemar p-value (binomial on the faces where they disagree)."""
    only_a = int(np.sum((a == y) & (b != y)))
    only_b = int(np.sum((b == y) & (a != y)))
    n, k = only_a + only_b, min(only_a, only_b)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n if n else 1.0
    return only_a, only_b, min(1.0, 2 * tail)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data")
    p.add_argument("--write", action="store_true", help="store the figures in metadata.json")
    a = p.parse_args(argv)
    torch.set_num_threads(2)
    meta_path = os.path.join(MODEL_DIR, "metadata.json")
    with open(meta_path) as f:
        meta = json.load(f)
    val = D.load_split(D.data_dir(a.data), "val")
    graph = TfjsGraph(MODEL_DIR)
    z = logits_of(graph, val.x)
    zm = logits_of(graph, val.x[:, :, ::-1])
    plain, mirror = mirror_figures(z, zm, val.y, meta["temperature"])
    if abs(plain["accuracy"] - meta["metrics"]["accuracy"]) > 1e-9:
        raise SystemExit(f"the shipped files score {plain['accuracy']:.4%}, metadata says "
                         f"{meta['metrics']['accuracy']:.4%}: re-export before measuring")
    print("| on FER2013 val (3,589 faces) | face only | face + mirror, probabilities averaged |")
    print("|---|---:|---:|")
    for key, label in (("accuracy", "accuracy"), ("macro_recall", "mean class recall")):
        print(f"| {label} | {plain[key] * 100:.2f} % | {mirror[key] * 100:.2f} % |")
    for c in D.LABELS:
        print(f"| recall {c} | {plain['recall'][c] * 100:.2f} % | {mirror['recall'][c] * 100:.2f} % |")
    print(f"| temperature | {meta['temperature']} | {mirror['temperature']} |")
    print(f"| ECE before / after temperature | {plain['ece'] * 100:.2f} / {plain['ece_calibrated'] * 100:.2f} % | "
          f"{mirror['ece'] * 100:.2f} / {mirror['ece_calibrated'] * 100:.2f} % |")
    only_plain, only_mirror, p_value = mcnemar(val.y, z.argmax(1), averaged(z, zm, mirror["temperature"]).argmax(1))
    print(f"\nright only without mirror: {only_plain} faces; right only with it: {only_mirror} faces; "
          f"exact McNemar p = {p_value:.3f}")
    if a.write:
        meta["mirrorTemperature"] = mirror["temperature"]
        meta["metrics"]["mirror_averaged"] = {
            **mirror, "note": "face and mirror image through the shipped graph, softmax(logits / mirrorTemperature) "
                              "of each averaged; measured by npm run eval:mirror (training/mirror.py)"}
        with open(meta_path, "w") as f:
            json.dump(meta, f, indent=2)
            f.write("\n")
        print(f"wrote {meta_path}")


if __name__ == "__main__":
    main()
