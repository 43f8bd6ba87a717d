r"""Train ResmoNet on FER2013 train, select on val.

    /usr/bin/python3 -m training.train --run kdC --epochs 100 --restart-epochs 30 25 15 15 15 \
        --restart-lr 0.02 0.01 0.005 0.01 0.01 --restart-erase 0 --restart-ferplus 0.1 \
        --distill 0.5 --distill-restarts 2 --ship --recall-floor 0.5  # the shipped model (npm run train)
    /usr/bin/python3 -m training.train --smoke             # CI: 512 images, 1 epoch
    /usr/bin/python3 -m training.train --run main --resume # continue a run

Every epoch writes runs/<run>/checkpoints/{last,best}.pt, appends to
runs/<run>/train.log and rewrites runs/<run>/history.json.
"""
import argparse
import json
import math
import os
import platform
import random
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch

from . import data as D
from .augment import ERASE, augment
from .evaluate import fit_class_bias, predict_logits, recalibrate_bn, soft_cross_entropy, softmax, summarize
from .model import ResmoNet, count_flops, count_params, load_checkpoint

HERE = os.path.dirname(os.path.abspath(__file__))
# The app feeds p * SCALE + OFFSET, i.e. pixels in [-1, 1].
SCALE, OFFSET = 1 / 127.5, -1.0


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
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
    return p.parse_args(argv)


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def soft_targets(split, ferplus_weight):
    """(1-a) * one-hot FER2013 label + a * FER+ crowd distribution.

    FER+ votes encode how ambiguous each face is; mixing them in acts like
    label smoothing that follows the real confusions (fear vs surprise, sad vs
    neutral) instead of spreading mass uniformly. Rows without usable votes
    fall back to uniform smoothing."""
    onehot = np.eye(len(D.LABELS), dtype=np.float32)[split.y]
    crowd = D.ferplus_distribution(split.votes)
    no_votes = crowd.sum(1) == 0
    crowd[no_votes] = 1.0 / len(D.LABELS)
    return (1 - ferplus_weight) * onehot + ferplus_weight * crowd


def class_weights(labels, exponent):
    """Per-class loss weights ~ n_c^-exponent, normalised to mean 1 over
    the training samples. Lifts disgust (436 images) and fear recall."""
    counts = np.bincount(labels, minlength=len(D.LABELS)).astype(np.float64)
    w = (counts.max() / np.maximum(counts, 1)) ** exponent
    return (w / (w[labels].mean())).astype(np.float32)


def boosted(weights, boosts):
    """Class weights with the --boost CLASS=FACTOR multipliers applied."""
    w = weights.copy()
    for item in boosts:
        name, _, factor = item.partition("=")
        if name not in D.LABELS or not factor:
            sys.exit(f"--boost wants CLASS=FACTOR with CLASS one of {', '.join(D.LABELS)}, got {item!r}")
        w[D.LABELS.index(name)] *= float(factor)
    return w


def selection_score(logits, y_true, recall_floor):
    """Val accuracy of the model as it would ship: after the class offsets
    that lift every recall to recall_floor, if any."""
    if recall_floor > 0:
        logits = logits + fit_class_bias(logits, y_true, recall_floor)
    return float((logits.argmax(1) == y_true).mean())


def param_groups(model, wd):
    """No weight decay on BN parameters and biases."""
    decay, no_decay = [], []
    for p in model.parameters():
        (decay if p.ndim > 1 else no_decay).append(p)
    return [{"params": decay, "weight_decay": wd}, {"params": no_decay, "weight_decay": 0.0}]


def lr_at(step, total, warmup, peak):
    """Linear warm-up then cosine decay to zero."""
    if step < warmup:
        return peak * (step + 1) / warmup
    progress = (step - warmup) / max(1, total - warmup)
    return peak * 0.5 * (1 + math.cos(math.pi * progress))


def schedule(step, args, steps_per_epoch):
    """First cycle: warm-up + cosine over --epochs; then one cosine cycle per
    --restart-epochs, each starting at its --restart-lr (SGDR-style warm
    restarts)."""
    first = args.epochs * steps_per_epoch
    if step < first:
        return lr_at(step, first, int(args.warmup * steps_per_epoch), args.lr)
    start = first
    for epochs, peak in zip(args.restart_epochs, args.restart_lr):
        if step < start + epochs * steps_per_epoch:
            return lr_at(step - start, epochs * steps_per_epoch, 0, peak)
        start += epochs * steps_per_epoch
    return 0.0


def cycle_ends(args):
    """Epoch numbers at which each cycle ends: the first, then each restart."""
    ends = [args.epochs]
    for epochs in args.restart_epochs:
        ends.append(ends[-1] + epochs)
    return ends


def snapshot_path(ckpt_dir, epoch):
    return os.path.join(ckpt_dir, f"epoch-{epoch}.pt")


def teacher_targets(paths, x_uint8):
    """Class probabilities of a snapshot ensemble: the mean logits of the
    models in paths, each averaged over the image and its mirror image.

    The ends of the warm restarts are different minima of one run, so their
    mean is a better classifier than any of them (snapshot ensembling); the
    last restart trains the single net towards it (self-distillation)."""
    mirror = np.ascontiguousarray(x_uint8[:, :, ::-1])
    total = 0.0
    for path in paths:
        model, _ = load_checkpoint(path)
        model = model.to(memory_format=torch.channels_last)
        total = total + predict_logits(model, x_uint8, SCALE, OFFSET) + predict_logits(model, mirror, SCALE, OFFSET)
    return torch.from_numpy(softmax(total / (2 * len(paths)))).float()


def git_commit():
    try:
        return subprocess.check_output(["git", "rev-parse", "HEAD"], cwd=HERE, text=True,
                                       stderr=subprocess.DEVNULL).strip()
    except Exception:
        return "unknown"


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except Exception:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "threads": torch.get_num_threads(),
            "os": platform.platform(), "python": platform.python_version(), "torch": torch.__version__}


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
    return os.path.join(HERE, "runs", args.run or "main")


def main(argv=None):
    args = parse_args(argv)
    if args.smoke:
        args.epochs, args.restart_epochs, args.restart_lr, args.distill = 1, [], [], 0.0
    if len(args.restart_epochs) != len(args.restart_lr):
        sys.exit("give one --restart-lr per --restart-epochs")
    if args.distill and len(args.restart_epochs) <= args.distill_restarts:
        sys.exit("--distill needs a restart before the first distilled one: its end is the teacher")
    torch.set_num_threads(args.threads)
    seed_everything(args.seed)
    root = D.data_dir(args.data)
    out = run_dir(args)
    ckpt_dir = os.path.join(out, "checkpoints")
    os.makedirs(ckpt_dir, exist_ok=True)
    log = Logger(os.path.join(out, "train.log"))

    train, val = D.load_split(root, "train"), D.load_split(root, "val")
    keep = D.usable_for_training(train)
    if args.smoke:
        keep = np.flatnonzero(keep)[np.random.RandomState(args.seed).permutation(keep.sum())[:512]]
        val = D.Split(val.x[:512], val.y[:512], val.votes[:512], val.rows[:512])
    train = D.Split(train.x[keep], train.y[keep], train.votes[keep], train.rows[keep])
    x_train = torch.from_numpy(train.x).float().unsqueeze(1) * SCALE + OFFSET
    targets = torch.from_numpy(soft_targets(train, args.ferplus))
    restart_ferplus = args.ferplus if args.restart_ferplus is None else args.restart_ferplus
    restart_targets = torch.from_numpy(soft_targets(train, restart_ferplus))
    restart_erase = ERASE if args.restart_erase is None else args.restart_erase
    cls_w = class_weights(train.y, args.balance)
    sample_w = torch.from_numpy(cls_w[train.y])
    last_sample_w = torch.from_numpy(boosted(cls_w, args.boost)[train.y])
    dup = D.val_duplicate_mask(root, val)

    model = ResmoNet().to(memory_format=torch.channels_last)
    opt = torch.optim.SGD(param_groups(model, args.wd), lr=args.lr, momentum=0.9, nesterov=True)
    steps_per_epoch = math.ceil(len(train) / args.batch)
    total_epochs = args.epochs + sum(args.restart_epochs)
    ends = cycle_ends(args)
    # Each distilled restart learns from the ends of all restarts before it.
    distill_starts = ends[-1 - args.distill_restarts:-1] if args.distill else []
    distill_targets, distilled_from = None, None

    floor = args.recall_floor if args.select == "floor" else 0.0
    selection = f"accuracy at recall floor {floor}" if floor > 0 else "accuracy"
    state = {"epoch": 0, "best_acc": -1.0, "history": [], "elapsed": 0.0, "selection": selection}
    last_path = os.path.join(ckpt_dir, "last.pt")
    if args.resume and os.path.exists(last_path):
        ck = torch.load(last_path)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["optimizer"])
        state = ck["state"]
        log(f"resumed from epoch {state['epoch']}")
        if state.get("selection", "accuracy") != selection:
            log(f"selecting by {selection} from here on (was {state.get('selection', 'accuracy')})")
            state.update(selection=selection, best_acc=-1.0)

    n_params, flops = count_params(model), count_flops(model)
    config = {**vars(args), "data": root, "train_images": len(train), "val_images": len(val),
              "class_weights": cls_w.tolist(), "scale": SCALE, "offset": OFFSET,
              "model": model.config, "params": n_params, "flops": flops,
              "git_commit": git_commit(), "machine": machine()}
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(config, f, indent=1)
    log(f"run {out}: {len(train)} train / {len(val)} val images, {n_params} params, "
        f"{flops / 1e6:.1f} MFLOPs, {total_epochs} epochs x {steps_per_epoch} steps")

    for epoch in range(state["epoch"], total_epochs):
        t0 = time.time()
        model.train()
        # Per-epoch generator: resuming replays exactly the same order/augmentation.
        gen = torch.Generator().manual_seed(args.seed * 1000 + epoch)
        order = torch.randperm(len(train), generator=gen)
        loss_sum, seen = 0.0, 0
        restarted = epoch >= args.epochs
        epoch_targets = restart_targets if restarted else targets
        cycle_start = max([e for e in distill_starts if e <= epoch], default=None)
        if cycle_start is not None:
            if distilled_from != cycle_start:
                ends_before = [e for e in ends[1:] if e <= cycle_start]
                teachers = [snapshot_path(ckpt_dir, e) for e in ends_before]
                missing = [t for t in teachers if not os.path.exists(t)]
                if missing:
                    sys.exit(f"cannot distil: missing snapshot(s) {', '.join(missing)}")
                t_teacher = time.time()
                distill_targets = ((1 - args.distill) * restart_targets
                                   + args.distill * teacher_targets(teachers, train.x))
                distilled_from = cycle_start
                log(f"distilling the snapshot ensemble of epochs {', '.join(map(str, ends_before))} "
                    f"with weight {args.distill} ({time.time() - t_teacher:.0f}s)")
            epoch_targets = distill_targets
        erase = restart_erase if restarted else ERASE
        epoch_w = last_sample_w if len(ends) > 1 and epoch >= ends[-2] else sample_w
        for i in range(steps_per_epoch):
            idx = order[i * args.batch:(i + 1) * args.batch]
            lr = schedule(epoch * steps_per_epoch + i, args, steps_per_epoch)
            for g in opt.param_groups:
                g["lr"] = lr
            xb = augment(x_train[idx], gen, erase=erase).contiguous(memory_format=torch.channels_last)
            loss = soft_cross_entropy(model(xb), epoch_targets[idx], epoch_w[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            loss_sum += loss.item() * len(idx)
            seen += len(idx)

        if args.bn_recal:
            recalibrate_bn(model, x_train)
        logits = predict_logits(model, val.x, SCALE, OFFSET)
        metrics = summarize(logits, val.y)
        dedup_acc = summarize(logits, val.y, mask=~dup)["accuracy"]
        score = selection_score(logits, val.y, floor)
        epoch_time = time.time() - t0
        state["elapsed"] += epoch_time
        state["epoch"] = epoch + 1
        state["history"].append({"epoch": epoch + 1, "loss": loss_sum / seen, "lr": lr,
                                 "val_acc": metrics["accuracy"], "val_acc_dedup": dedup_acc,
                                 "val_selection": score,
                                 "val_macro_recall": metrics["macro_recall"],
                                 "val_recall": metrics["recall"], "seconds": epoch_time})
        improved = score > state["best_acc"]
        if improved:
            state["best_acc"] = score
            state["best_epoch"] = epoch + 1
        ck = {"model": model.state_dict(), "optimizer": opt.state_dict(), "state": state,
              "config": model.config}
        torch.save(ck, last_path + ".tmp")
        os.replace(last_path + ".tmp", last_path)
        weights = {"model": model.state_dict(), "epoch": epoch + 1, "config": model.config}
        if improved:
            torch.save(weights, os.path.join(ckpt_dir, "best.pt"))
        if epoch + 1 in ends[:-1]:
            torch.save(weights, snapshot_path(ckpt_dir, epoch + 1))
        with open(os.path.join(out, "history.json"), "w") as f:
            json.dump(state, f, indent=1)
        left = (total_epochs - epoch - 1) * state["elapsed"] / (epoch + 1 - (state["history"][0]["epoch"] - 1))
        worst = min(metrics["recall"], key=metrics["recall"].get)
        log(f"epoch {epoch + 1}/{total_epochs} loss {loss_sum / seen:.4f} lr {lr:.4f} "
            f"val acc {metrics['accuracy'] * 100:.2f}% (dedup {dedup_acc * 100:.2f}%) "
            f"min recall {worst} {metrics['recall'][worst] * 100:.1f}% "
            f"{f'at floor {score * 100:.2f}% ' if floor > 0 else ''}"
            f"{'*best* ' if improved else ''}{epoch_time:.0f}s, ~{left / 60:.1f} min left")

    log(f"done: best val {selection} {state['best_acc'] * 100:.2f}% at epoch {state.get('best_epoch')}, "
        f"{state['elapsed'] / 60:.1f} min training")
    if args.ship:
        from .ship import ship
        ship(out, data=args.data, recall_floor=args.recall_floor)
    return out


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
