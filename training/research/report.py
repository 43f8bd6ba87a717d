"""Markdown summary of the shipped model (public/models/resmonet/metadata.json)
and of the comparison table (training/out/compare/table.json), for docs.

    /usr/bin/python3 -m training.research.report
"""
import json
import os

from ..data import LABELS

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # training/
REPO = os.path.dirname(HERE)


def pct(v):
    return f"{v * 100:.2f} %"


def shipped(meta):
    m, t = meta["metrics"], meta["training"]
    lines = [
        f"Version {meta['version']}: {meta['params']:,} parameters, {meta['flops'] / 1e6:.1f} MFLOPs per face, "
        f"{m['model_bytes']['fp16']:,} bytes of model files"
        f"{' (fused graph)' if meta['format'] == 'tfjs-graph' else ''} with float16 weights "
        f"({m['model_bytes']['fp32']:,} bytes with float32).",
        "",
        "| measure (FER2013 val = PublicTest, 3,589 faces) | value |",
        "|---|---|",
        f"| accuracy (shipped fp16 weights) | {pct(m['accuracy'])} |",
        f"| accuracy with float32 weights | {pct(m['float32_accuracy'])} |",
        f"| accuracy on val without the 280 train duplicates ({m['val_dedup']['n']:,} faces) | {pct(m['val_dedup']['accuracy'])} |",
        f"| mean per-class recall | {pct(m['macro_recall'])} |",
        f"| ECE (15 bins), raw softmax | {pct(m['ece'])} |",
        f"| temperature T | {meta['temperature']} |",
        f"| ECE after temperature scaling | {pct(m['ece_calibrated'])} |",
        "",
        "| class | " + " | ".join(LABELS) + " |",
        "|---|" + "---:|" * len(LABELS),
        "| recall | " + " | ".join(pct(m["recall"][c]) for c in LABELS) + " |",
        "",
        "Confusion matrix (rows: true FER2013 label, columns: prediction):",
        "",
        "| true \\ predicted | " + " | ".join(LABELS) + " |",
        "|---|" + "---:|" * len(LABELS),
    ]
    for name, row in zip(LABELS, m["confusion"]):
        lines.append(f"| {name} | " + " | ".join(str(v) for v in row) + " |")
    mach = t["machine"]
    lines += [
        "",
        f"Training: {t['epochs']} epochs (best val epoch {t['best_epoch']}), {t['seconds'] / 60:.0f} min of training "
        f"on {mach['cpu']} ({mach['cores']} cores shared with other jobs, torch {mach['torch']}, "
        f"{mach['threads']} thread(s)), seed {t['seed']}, commit {t['git_commit'][:10]}.",
    ]
    return "\n".join(lines)


def comparison(rows, node=None):
    """rows from compare_table.py; node: {backend: {net: {...}}} from check_compare.mjs (Node, batch 1)."""
    node = node or {}
    backends = [b for b in ("wasm", "cpu") if b in node]
    head = ["network", "parameters", "FLOPs per face", "model bytes (fp32)", "model bytes (fp16)"]
    if backends:
        head.append(f"peak tensor bytes (tfjs {backends[0]}, Node)")
        head += [f"ms/face, Node {b}" for b in backends]
    head += ["epochs", "val accuracy", "mean class recall", "lowest class recall", "ECE after T",
             "val accuracy, mirror-averaged"]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for r in rows:
        cells = [r["net"], f"{r['params']:,}", f"{r['flops'] / 1e6:.1f} M", f"{r['bytes_fp32']:,}", f"{r['bytes_fp16']:,}"]
        if backends:
            first = node[backends[0]].get(r["net"], {})
            cells.append(f"{first['peakTensorBytes']:,}" if "peakTensorBytes" in first else "")
            for b in backends:
                ms = node[b].get(r["net"], {}).get("msPerFace")
                cells.append(f"{ms:.1f}" if ms is not None else "")
        t = r.get("trained")
        if t:
            v, mirror = t["val"]["plain"], t["val"].get("mirror")
            done = f"{t['epochs']}" if t["epochs"] == t["of"] else f"{t['epochs']} of {t['of']} (so far)"
            cells += [done, pct(v["accuracy"]), pct(v["macro_recall"]), pct(v["min_recall"]),
                      pct(v["ece_calibrated"]), pct(mirror["accuracy"]) if mirror else ""]
        else:
            cells += ["0", "not trained", "", "", "", ""]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    with open(os.path.join(REPO, "public", "models", "resmonet", "metadata.json")) as f:
        print(shipped(json.load(f)))
    out = os.path.join(HERE, "out", "compare")
    table = os.path.join(out, "table.json")
    node = {}
    for backend in ("wasm", "cpu"):
        path = os.path.join(out, f"node-{backend}.json")
        if os.path.exists(path):
            with open(path) as f:
                node[backend] = {r["net"]: r for r in json.load(f)}
    if os.path.exists(table):
        with open(table) as f:
            print("\n" + comparison(json.load(f), node))


if __name__ == "__main__":
    main()
