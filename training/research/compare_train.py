"""Train the five networks of the paper's comparison on equal terms (issue 17).

    npm run train:compare                                          # start or resume the queue
    /usr/bin/python3 -m training.research.compare_worker --status  # progress so far

Every network gets the first cycle of the shipped ResmoNet recipe: the same
data (FER2013 train without the non-faces), augmentation (with random
erasing), soft targets (0.7 one-hot + 0.3 FER+), class weights ((1/n)^0.5),
SGD with Nesterov momentum, batch 128, weight decay on kernels only, one
warm-up epoch then a cosine decay to zero over EPOCHS epochs, batch-norm
statistics recomputed on clean training images after every epoch, and the
epoch with the best val accuracy kept. Same seed for all. The one choice
made for them is the peak learning rate: a short run (LR_CHECK) of every
network at each of LR_CANDIDATES, and the rate with the best mean val
accuracy over the five is used for all of them.

The work is a queue of jobs (first the short runs, then one epoch of one
network at a time, always the network with the fewest epochs done), taken by
workers that lock a network while they train it. A job that dies is redone
from the last checkpoint, so stopping the queue at any moment loses at most
one epoch per worker. Checkpoints live in CACHE (outside the repository);
logs and per-epoch metrics in LOGS (committed). This module holds the jobs;
compare_worker.py the queue that runs them.
"""
import json
import os
import time

import numpy as np
import torch

from .. import data as D
from ..evaluate import fit_temperature, predict_logits, recalibrate_bn, summarize
from ..constants import OFFSET, SCALE
from ..loop import run_epoch
from ..schedule import lr_at, param_groups
from ..targets import class_weights, soft_targets
from .compare import NETS

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, "logs", "compare")
CACHE = os.environ.get("RESMO_COMPARE_CACHE", os.path.expanduser("~/.cache/resmo-training/compare"))
RECIPE = {"epochs": 30, "batch": 128, "warmup_epochs": 1, "wd": 5e-4, "ferplus": 0.3, "balance": 0.5,
          "erase": 0.5, "seed": 20261124, "bn_recal": True, "select": "val accuracy"}
LR_CANDIDATES = (0.02, 0.04, 0.08)
LR_CHECK = {"images": 5000, "epochs": 2}
PARTIAL_EVERY_S = 600
# Slowest first, so the two workers finish the short runs at about the same time.
ORDER = ("ednn", "idnn", "mobilenet_v1", "peleenet", "resmonet")


class Data:
    """FER2013 train (usable faces) and val, loaded once per worker."""

    def __init__(self, limit=None):
        root = D.data_dir()
        train, self.val = D.load_split(root, "train"), D.load_split(root, "val")
        keep = np.flatnonzero(D.usable_for_training(train))[:limit]
        if limit:
            self.val = D.Split(self.val.x[:limit], self.val.y[:limit], self.val.votes[:limit], self.val.rows[:limit])
        self.train = D.Split(train.x[keep], train.y[keep], train.votes[keep], train.rows[keep])
        self.x = torch.from_numpy(self.train.x).float().unsqueeze(1) * SCALE + OFFSET
        self.targets = torch.from_numpy(soft_targets(self.train, RECIPE["ferplus"]))
        self.weights = torch.from_numpy(class_weights(self.train.y, RECIPE["balance"])[self.train.y])

    def subset(self, n):
        idx = torch.from_numpy(np.random.RandomState(RECIPE["seed"]).permutation(len(self.x))[:n])
        return self.x[idx], self.targets[idx], self.weights[idx]


def val_metrics(model, val, mirror=True):
    """Val accuracy, recalls and calibrated ECE, without and (if mirror) with mirror
    averaging (the probabilities of the face and of its mirror image averaged)."""
    logits = predict_logits(model, val.x, SCALE, OFFSET)
    views = [("plain", logits)]
    if mirror:
        mirrored = predict_logits(model, np.ascontiguousarray(val.x[:, :, ::-1]), SCALE, OFFSET)
        views.append(("mirror", np.log(0.5 * (softmax(logits) + softmax(mirrored)))))
    out = {}
    for key, z in views:
        t = fit_temperature(z, val.y)
        s = summarize(z, val.y, temperature=t)
        out[key] = {"accuracy": s["accuracy"], "macro_recall": s["macro_recall"], "min_recall": min(s["recall"].values()),
                    "recall": s["recall"], "temperature": t, "ece_calibrated": s["ece_calibrated"]}
    return out


def train_epoch(model, opt, x, t, w, epoch, epochs, peak, warmup_epochs, resume=None, save=None):
    """Epoch `epoch` of a run of `epochs` epochs: warm-up, then cosine to zero.
    Dropout's draws are seeded per epoch too, so any epoch can be resumed, and
    with resume/save (run_epoch) so can any point inside an epoch."""
    steps = (len(x) + RECIPE["batch"] - 1) // RECIPE["batch"]
    torch.manual_seed(RECIPE["seed"] * 1000 + epoch)
    loss, _ = run_epoch(model, opt, x, t, w, lambda i: lr_at(epoch * steps + i, epochs * steps,
                                                             round(warmup_epochs * steps), peak),
                        RECIPE["seed"] * 1000 + epoch, RECIPE["batch"], RECIPE["erase"], resume, save)
    return loss


class PartialSave:
    """Saves the middle of an epoch every PARTIAL_EVERY_S seconds (EDNN's epochs
    take most of an hour on one core), so a stopped queue loses minutes, not
    the epoch."""

    def __init__(self, path, model, opt, epoch, t0):
        self.path, self.model, self.opt, self.epoch, self.t0 = path, model, opt, epoch, t0
        self.last = time.time()

    def due(self):
        return time.time() - self.last >= PARTIAL_EVERY_S

    def __call__(self, progress):
        torch.save({"model": self.model.state_dict(), "optimizer": self.opt.state_dict(), "epoch": self.epoch,
                    "progress": progress, "train_seconds": time.time() - self.t0}, self.path + ".tmp")
        os.replace(self.path + ".tmp", self.path)
        self.last = time.time()


def softmax(z):
    e = np.exp(z - z.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def new_model(net, lr):
    torch.manual_seed(RECIPE["seed"])
    model = NETS[net]().to(memory_format=torch.channels_last)
    opt = torch.optim.SGD(param_groups(model, RECIPE["wd"]), lr=lr, momentum=0.9, nesterov=True)
    return model, opt


def write_json(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".tmp", "w") as f:
        json.dump(obj, f, indent=1)
    os.replace(path + ".tmp", path)


def read_json(path, default=None):
    if not os.path.exists(path):
        return default
    with open(path) as f:
        return json.load(f)


def log_line(net, msg):
    line = f"[{time.strftime('%Y-%m-%d %H:%M:%S')}] {msg}"
    print(f"{net}: {line}", flush=True)
    os.makedirs(LOGS, exist_ok=True)
    with open(os.path.join(LOGS, f"{net}.log"), "a") as f:
        f.write(line + "\n")


def lr_check_path(net, lr):
    return os.path.join(LOGS, "lr-check", f"{net}-lr{lr}.json")


def lr_check(net, lr, data):
    """One short run: LR_CHECK images for LR_CHECK epochs, the same schedule shape."""
    x, t, w = data.subset(LR_CHECK["images"])
    model, opt = new_model(net, lr)
    epochs, t0 = LR_CHECK["epochs"], time.time()
    warmup = RECIPE["warmup_epochs"] * epochs / RECIPE["epochs"]
    losses = [train_epoch(model, opt, x, t, w, e, epochs, lr, warmup) for e in range(epochs)]
    train_s = time.time() - t0
    recalibrate_bn(model, x)
    m = val_metrics(model, data.val, mirror=False)["plain"]
    result = {"net": net, "lr": lr, **LR_CHECK, "loss": losses, "val_accuracy": m["accuracy"],
              "val_macro_recall": m["macro_recall"], "train_seconds": train_s,
              "seconds_per_1000_images": 1000 * train_s / (epochs * len(x)), "threads": torch.get_num_threads()}
    write_json(lr_check_path(net, lr), result)
    log_line(net, f"lr check {lr}: val acc {m['accuracy'] * 100:.2f}% after {epochs} epochs on {len(x)} images, "
                  f"{result['seconds_per_1000_images']:.1f} s per 1000 images")


def chosen_lr():
    """The candidate with the best mean val accuracy over the five short runs, or None
    while short runs are missing."""
    summary_path = os.path.join(LOGS, "lr-check.json")
    results = {lr: [read_json(lr_check_path(n, lr)) for n in ORDER] for lr in LR_CANDIDATES}
    if any(r is None for rs in results.values() for r in rs):
        return None
    means = {lr: float(np.mean([r["val_accuracy"] for r in rs])) for lr, rs in results.items()}
    best = max(LR_CANDIDATES, key=lambda lr: (means[lr], lr))
    if not os.path.exists(summary_path):
        write_json(summary_path, {"candidates": list(LR_CANDIDATES), "mean_val_accuracy": means, "chosen": best,
                                  **LR_CHECK, "per_net": {n: {str(lr): read_json(lr_check_path(n, lr))["val_accuracy"]
                                                              for lr in LR_CANDIDATES} for n in ORDER}})
    return best


def net_dir(net):
    return os.path.join(CACHE, net)


def epochs_done(net):
    return read_json(os.path.join(LOGS, f"{net}.json"), {"epoch": 0})["epoch"]


def one_epoch(net, lr, data):
    """Resume net from its last checkpoint and train one more epoch."""
    last = os.path.join(net_dir(net), "last.pt")
    model, opt = new_model(net, lr)
    state = {"net": net, "epoch": 0, "best_acc": -1.0, "lr": lr, "recipe": RECIPE, "history": []}
    if os.path.exists(last):
        ck = torch.load(last)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["optimizer"])
        state = ck["state"]
    elif epochs_done(net):
        log_line(net, f"no checkpoint of epoch {epochs_done(net)} on this machine (the cache is not kept "
                      "across machines): the run starts again from epoch 1")
    epoch = state["epoch"]
    t0, resume = time.time(), None
    partial = os.path.join(net_dir(net), "partial.pt")
    if os.path.exists(partial):
        p = torch.load(partial)
        if p["epoch"] == epoch:
            model.load_state_dict(p["model"])
            opt.load_state_dict(p["optimizer"])
            resume, t0 = p["progress"], t0 - p["train_seconds"]
            log_line(net, f"epoch {epoch + 1} resumed at step {resume['step']}")
    os.makedirs(net_dir(net), exist_ok=True)
    loss = train_epoch(model, opt, data.x, data.targets, data.weights, epoch, RECIPE["epochs"], lr,
                       RECIPE["warmup_epochs"], resume, PartialSave(partial, model, opt, epoch, t0))
    train_s = time.time() - t0
    recalibrate_bn(model, data.x)
    m = val_metrics(model, data.val)
    row = {"epoch": epoch + 1, "loss": loss, "val": m, "train_seconds": train_s, "seconds": time.time() - t0,
           "load_average": os.getloadavg()[0], "threads": torch.get_num_threads(), "finished": time.time()}
    state["history"].append(row)
    state["epoch"] = epoch + 1
    improved = m["plain"]["accuracy"] > state["best_acc"]
    os.makedirs(net_dir(net), exist_ok=True)
    if improved:
        state.update(best_acc=m["plain"]["accuracy"], best_epoch=epoch + 1)
        torch.save({"model": model.state_dict(), "epoch": epoch + 1, "net": net}, os.path.join(net_dir(net), "best.pt"))
    torch.save({"model": model.state_dict(), "optimizer": opt.state_dict(), "state": state}, last + ".tmp")
    os.replace(last + ".tmp", last)
    write_json(os.path.join(LOGS, f"{net}.json"), state)
    if os.path.exists(partial):
        os.remove(partial)
    p = m["plain"]
    log_line(net, f"epoch {epoch + 1}/{RECIPE['epochs']} loss {loss:.4f} val acc {p['accuracy'] * 100:.2f}% "
                  f"(mirror {m['mirror']['accuracy'] * 100:.2f}%) macro recall {p['macro_recall'] * 100:.1f}% "
                  f"min recall {p['min_recall'] * 100:.1f}% ECE {p['ece_calibrated'] * 100:.2f}% "
                  f"{'*best* ' if improved else ''}{row['seconds']:.0f}s (train {train_s:.0f}s, load {row['load_average']:.1f})")
