"""The comparison table (npm run bench:models): parameters, FLOPs and bytes of
the five networks, their val figures from the runs on equal terms
(compare_train.py), and the shipped ResmoNet as a separate row.

    /usr/bin/python3 -m training.research.compare_table

Each network is exported to training/out/compare/<net>/ (gitignored) with the
weights of its best epoch if its run has one (random weights otherwise), for
check_compare.mjs and the browser response-time bench. The rows are written to
training/out/compare/table.json and printed as Markdown (report.comparison).
Once every run is complete, it also draws the accuracy-per-cost chart
docs/images/models-accuracy-cost.png (chart.py; WASM times from the last
npm run bench:models:browser, docs/models-browser.json).
"""
import argparse
import json
import os

import numpy as np
import torch

from ..constants import REPO, TRAINING_DIR
from ..export_tfjs import write
from ..model import count_flops, count_params
from .compare import NETS, build_graph, check_export, write_fixture
from .compare_train import CACHE, LOGS, RECIPE, read_json
from .report import comparison

OUT = os.path.join(TRAINING_DIR, "out", "compare")
SHIPPED = os.path.join(REPO, "public", "models", "resmonet", "metadata.json")


def run_summary(net):
    """The val figures of net's best epoch so far, or None before its first epoch."""
    state = read_json(os.path.join(LOGS, f"{net}.json"))
    if not state or not state["history"]:
        return None
    best = max(state["history"], key=lambda r: r["val"]["plain"]["accuracy"])
    return {"epochs": state["epoch"], "of": RECIPE["epochs"], "best_epoch": best["epoch"], "lr": state["lr"],
            "val": best["val"], "median_seconds_per_epoch": float(np.median([r["seconds"] for r in state["history"]]))}


def shipped_row():
    with open(SHIPPED) as f:
        meta = json.load(f)
    m = meta["metrics"]
    val = {"accuracy": m["accuracy"], "macro_recall": m["macro_recall"], "min_recall": min(m["recall"].values()),
           "ece_calibrated": m["ece_calibrated"]}
    mirror = m.get("mirror_averaged")
    return {"net": f"resmonet (shipped {meta['version']})", "params": meta["params"], "flops": meta["flops"],
            "bytes_fp16": m["model_bytes"]["fp16"], "bytes_fp32": m["model_bytes"]["fp32"],
            "trained": {"epochs": meta["training"]["epochs"], "of": meta["training"]["epochs"],
                        "val": {"plain": val, "mirror": mirror}}}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--nets", default=",".join(NETS))
    p.add_argument("--out", default=OUT)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--chart", action="store_true",
                   help="draw docs/images/models-accuracy-cost.png before every run is complete")
    a = p.parse_args(argv)
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    rows = []
    for name in a.nets.split(","):
        model = NETS[name]()
        row = {"net": name, "params": count_params(model), "flops": count_flops(model), "trained": run_summary(name)}
        best = os.path.join(CACHE, name, "best.pt")
        if os.path.exists(best):
            model.load_state_dict(torch.load(best)["model"])
        graph, output = build_graph(name, model)
        row["export_max_diff"] = check_export(model, graph)
        assert graph.param_count() == row["params"], (graph.param_count(), row["params"])
        with_dir = os.path.join(a.out, name)
        row["bytes_fp32"] = write(graph, output, os.path.join(with_dir + "-fp32"), fp16=False)
        row["bytes_fp16"] = write(graph, output, with_dir, fp16=True)
        write_fixture(model, graph, with_dir)
        rows.append(row)
        print(json.dumps(row), flush=True)
    if os.path.exists(SHIPPED):
        rows.append(shipped_row())
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "table.json"), "w") as f:
        json.dump(rows, f, indent=1)
    print("\n" + comparison(rows))
    done = all(r["trained"] and r["trained"]["epochs"] == r["trained"]["of"] for r in rows)
    if done or a.chart:
        from .chart import main as chart
        chart(os.path.join(a.out, "table.json"))


if __name__ == "__main__":
    main()
