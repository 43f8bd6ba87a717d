r"""Train ResmoNet on FER2013 train, select on val.

    npm run train       # the shipped model: --recipe training/recipes/resmonet-1.7.0.json
    /usr/bin/python3 -m training.train --smoke             # CI: 512 images, 1 epoch
    /usr/bin/python3 -m training.train --recipe training/recipes/resmonet-1.7.0.json --resume

A recipe (training/recipes/*.json) gives the value of every option below;
options on the command line override it. Every epoch writes
runs/<run>/checkpoints/{last,best}.pt, appends to runs/<run>/train.log and
rewrites runs/<run>/history.json. The pieces: targets.py (what each epoch
learns towards), schedule.py (learning rate), loop.py (the epochs).
"""
import argparse
import json
import os
import random
import sys
import tempfile
import time

import numpy as np
import torch

from . import data as D
from .augment import ERASE
from .constants import OFFSET, RUNS_DIR, SCALE
from .evaluate import fit_class_bias
from .loop import fit
from .model import ResmoNet, count_flops, count_params
from .provenance import git_commit, machine
from .schedule import cycle_ends, param_groups
from .targets import EpochTargets

# Keys of a recipe file that describe it rather than set an option.
RECIPE_NOTES = ("version", "about")


def load_recipe(path):
    with open(path) as f:
        recipe = json.load(f)
    return {k: v for k, v in recipe.items() if k not in RECIPE_NOTES}


def parse_args(argv=None):
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--recipe")
    recipe_path = pre.parse_known_args(argv)[0].recipe
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--recipe", help="JSON file of option values (training/recipes/); the command line overrides it")
    p.add_argument("--data", help="FER2013 dir (default: $FER2013_DIR or ../shared/data/fer2013)")
    p.add_argument("--run", default=None, help="run name under training/runs/")
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--lr", type=float, default=0.08, help="peak SGD learning rate")
    p.add_argument("--wd", type=float, default=5e-4, help="weight decay on conv/dense kernels")
    p.add_argument("--warmup", type=float, default=1.0, help="linear warm-up epochs")
    p.add_argument("--restart-epochs", type=int, nargs="*", default=[],
                   help="further cosine cycles (warm restarts) after --epochs, this many epochs each")
    p.add_argument("--restart-lr", type=float, nargs="*", default=[],
                   help="peak learning rate of each further cycle, one per --restart-epochs")
    p.add_argument("--restart-erase", type=float, default=None,
                   help=f"random-erasing probability in the further cycles (default: as in the first, {ERASE})")
    p.add_argument("--restart-ferplus", type=float, default=None,
                   help="FER+ weight of the soft target in the further cycles (default: --ferplus)")
    p.add_argument("--distill", type=float, default=0.0,
                   help="weight of the snapshot ensemble's predictions in the targets of the last restart(s)")
    p.add_argument("--distill-restarts", type=int, default=1,
                   help="how many of the last restarts distil the ends of the restarts before each")
    p.add_argument("--boost", nargs="*", default=[], metavar="CLASS=FACTOR",
                   help="multiply the loss weight of these classes in the last restart, e.g. fear=1.25")
    p.add_argument("--ferplus", type=float, default=0.3,
                   help="weight of the FER+ vote distribution in the soft target")
    p.add_argument("--no-bn-recal", dest="bn_recal", action="store_false",
                   help="keep the batch-norm statistics of augmented batches instead of "
                        "recomputing them on clean training images after each epoch")
    p.add_argument("--balance", type=float, default=0.5,
                   help="class weight exponent: w_c ~ (1/n_c)^balance (0 = off)")
    p.add_argument("--seed", type=int, default=20261124)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--smoke", action="store_true", help="512 images, 1 epoch, temp run dir")
    p.add_argument("--resume", action="store_true", help="continue from runs/<run>/checkpoints/last.pt")
    p.add_argument("--ship", action="store_true",
                   help="after training, export the best checkpoint to public/models/resmonet")
    p.add_argument("--recall-floor", type=float, default=0.0,
                   help="with --ship: per-class logit offsets lifting every val recall to this floor")
    p.add_argument("--select", choices=("accuracy", "floor"), default="accuracy",
                   help="keep the epoch with the best val accuracy, or the best after the offsets of "
                        "--recall-floor (as the model would ship)")
    if recipe_path:
        recipe = load_recipe(recipe_path)
        known = {a.dest for a in p._actions}
        unknown = sorted(set(recipe) - known)
        if unknown:
            sys.exit(f"{recipe_path}: unknown option(s) {', '.join(unknown)}")
        p.set_defaults(**recipe)
    return p.parse_args(argv)


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def selection_score(logits, y_true, recall_floor):
    """Val accuracy of the model as it would ship: after the class offsets
    that lift every recall to recall_floor, if any."""
    if recall_floor > 0:
        logits = logits + fit_class_bias(logits, y_true, recall_floor)
    return float((logits.argmax(1) == y_true).mean())


class Logger:
    def __init__(self, path):
        self.f = open(path, "a")

    def __call__(self, msg):
        line = f"[{time.strftime('%H:%M:%S')}] {msg}"
        print(line, flush=True)
        self.f.write(line + "\n")
        self.f.flush()


def run_dir(args):
    if args.smoke and not args.run:
        return tempfile.mkdtemp(prefix="resmonet-smoke-")
    return os.path.join(RUNS_DIR, args.run or "main")


class Data:
    """FER2013 train (the usable faces) and val, and the val images that duplicate train."""

    def __init__(self, args):
        self.root = D.data_dir(args.data)
        train, val = D.load_split(self.root, "train"), D.load_split(self.root, "val")
        keep = D.usable_for_training(train)
        if args.smoke:
            keep = np.flatnonzero(keep)[np.random.RandomState(args.seed).permutation(keep.sum())[:512]]
            val = D.Split(val.x[:512], val.y[:512], val.votes[:512], val.rows[:512])
        self.train, self.val = D.Split(train.x[keep], train.y[keep], train.votes[keep], train.rows[keep]), val
        self.x_train = torch.from_numpy(self.train.x).float().unsqueeze(1) * SCALE + OFFSET
        self.dup = D.val_duplicate_mask(self.root, val)


def check_args(args):
    if args.smoke:
        args.epochs, args.restart_epochs, args.restart_lr, args.distill = 1, [], [], 0.0
    if len(args.restart_epochs) != len(args.restart_lr):
        sys.exit("give one --restart-lr per --restart-epochs")
    if args.distill and len(args.restart_epochs) <= args.distill_restarts:
        sys.exit("--distill needs a restart before the first distilled one: its end is the teacher")


def resume(model, opt, state, path, log):
    """Load last.pt into model and opt; returns its state, reselecting from
    here on if the selection rule changed."""
    ck = torch.load(path)
    model.load_state_dict(ck["model"])
    opt.load_state_dict(ck["optimizer"])
    selection = state["selection"]
    state = ck["state"]
    log(f"resumed from epoch {state['epoch']}")
    if state.get("selection", "accuracy") != selection:
        log(f"selecting by {selection} from here on (was {state.get('selection', 'accuracy')})")
        state.update(selection=selection, best_acc=-1.0)
    return state


def main(argv=None):
    args = parse_args(argv)
    check_args(args)
    torch.set_num_threads(args.threads)
    seed_everything(args.seed)
    out = run_dir(args)
    ckpt_dir = os.path.join(out, "checkpoints")
    os.makedirs(ckpt_dir, exist_ok=True)
    log = Logger(os.path.join(out, "train.log"))
    data = Data(args)
    targets = EpochTargets(args, data.train, ckpt_dir, log, ERASE)

    model = ResmoNet().to(memory_format=torch.channels_last)
    opt = torch.optim.SGD(param_groups(model, args.wd), lr=args.lr, momentum=0.9, nesterov=True)
    floor = args.recall_floor if args.select == "floor" else 0.0
    selection = f"accuracy at recall floor {floor}" if floor > 0 else "accuracy"
    state = {"epoch": 0, "best_acc": -1.0, "history": [], "elapsed": 0.0, "selection": selection}
    last_path = os.path.join(ckpt_dir, "last.pt")
    if args.resume and os.path.exists(last_path):
        state = resume(model, opt, state, last_path, log)

    n_params, flops = count_params(model), count_flops(model)
    config = {**vars(args), "data": data.root, "train_images": len(data.train), "val_images": len(data.val),
              "class_weights": targets.class_weights.tolist(), "scale": SCALE, "offset": OFFSET,
              "model": model.config, "params": n_params, "flops": flops,
              "git_commit": git_commit(), "machine": machine()}
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(config, f, indent=1)
    steps = -(-len(data.train) // args.batch)
    log(f"run {out}: {len(data.train)} train / {len(data.val)} val images, {n_params} params, "
        f"{flops / 1e6:.1f} MFLOPs, {cycle_ends(args)[-1]} epochs x {steps} steps")

    state = fit(model, opt, args, data, targets, state, out, log,
                lambda logits: selection_score(logits, data.val.y, floor))
    log(f"done: best val {selection} {state['best_acc'] * 100:.2f}% at epoch {state.get('best_epoch')}, "
        f"{state['elapsed'] / 60:.1f} min training")
    if args.ship:
        from .ship import ship
        ship(out, data=args.data, recall_floor=args.recall_floor)
    return out


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
