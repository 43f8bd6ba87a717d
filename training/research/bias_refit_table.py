"""Val accuracy and fear recall of checkpoints before and after the classifier
bias refit (evaluate.refit_classifier_bias), as a Markdown table:

    /usr/bin/python3 -m training.research.bias_refit_table training/runs/kdC/checkpoints/best.pt ...

"With offsets" adds the val-fitted class offsets for a 50 % recall floor."""
import json
import os
import sys

from .. import data as D
from ..evaluate import fit_class_bias, predict_logits, recalls
from ..model import load_checkpoint
from ..ship import refit_bias_on_train
from ..constants import OFFSET, SCALE


def scores(model, val):
    logits = predict_logits(model, val.x, SCALE, OFFSET)
    offsets = fit_class_bias(logits, val.y, 0.5)
    acc = lambda z: (z.argmax(1) == val.y).mean() * 100
    return acc(logits), acc(logits + offsets), recalls(logits, val.y, len(D.LABELS))[D.LABELS.index("fear")] * 100


def main(paths):
    root = D.data_dir(None)
    val = D.load_split(root, "val")
    print("| checkpoint | val acc as trained | after refit | with offsets, as trained "
          "| with offsets, after refit | fear as trained | fear after refit |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for path in paths:
        with open(os.path.join(os.path.dirname(os.path.dirname(path)), "config.json")) as f:
            config = json.load(f)
        model, _ = load_checkpoint(path)
        before = scores(model, val)
        refit_bias_on_train(model, root, config)
        after = scores(model, val)
        name = path.split("runs/")[-1].replace("/checkpoints/", " ")
        print(f"| {name} | {before[0]:.2f} | {after[0]:.2f} | {before[1]:.2f} | {after[1]:.2f} "
              f"| {before[2]:.1f} | {after[2]:.1f} |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
