"""One training epoch, shared by the shipped recipe (train.py) and the
comparison runs (research/compare_train.py), so both train the same way."""
import json
import math
import os
import time

import torch

from .augment import augment
from .constants import OFFSET, SCALE
from .evaluate import predict_logits, recalibrate_bn, soft_cross_entropy, summarize
from .schedule import cycle_ends, distill_starts, schedule
from .targets import snapshot_path


def run_epoch(model, opt, x, targets, weights, lr_of_step, seed, batch=128, erase=0.5, resume=None, save=None):
    """One pass over x ((N, 1, 48, 48) float, scaled) in a random order, each
    batch augmented; lr_of_step(i) gives the learning rate of step i of the
    epoch. The order and the augmentation come from a generator seeded with
    seed, so a resumed run replays them exactly. Returns (mean loss, last lr).

    For long epochs: save(progress) is called now and then (see below) with
    everything needed to go on from that step; passing that progress back as
    resume (with the model and optimizer saved at the same moment) continues
    the epoch where it stopped, with the same order, augmentation and dropout."""
    model.train()
    gen = torch.Generator().manual_seed(seed)
    order = torch.randperm(len(x), generator=gen)
    steps = (len(x) + batch - 1) // batch
    loss_sum, seen, lr, first = 0.0, 0, 0.0, 0
    if resume is not None:
        gen.set_state(resume["gen"])
        torch.set_rng_state(resume["torch_rng"])
        loss_sum, seen, first = resume["loss_sum"], resume["seen"], resume["step"]
    for i in range(first, steps):
        if save is not None and i > first and save.due():
            save({"step": i, "gen": gen.get_state(), "torch_rng": torch.get_rng_state(),
                  "loss_sum": loss_sum, "seen": seen})
        idx = order[i * batch:(i + 1) * batch]
        lr = lr_of_step(i)
        for g in opt.param_groups:
            g["lr"] = lr
        xb = augment(x[idx], gen, erase=erase).contiguous(memory_format=torch.channels_last)
        loss = soft_cross_entropy(model(xb), targets[idx], weights[idx])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        loss_sum += loss.item() * len(idx)
        seen += len(idx)
    return loss_sum / seen, lr


def fit(model, opt, args, data, targets, state, out, log, select):
    """The epochs from state["epoch"] to the end of the schedule. After each:
    batch-norm statistics recomputed on the clean training images, val
    measured, and checkpoints written (last.pt for resuming, best.pt for
    the epoch that select(logits) scores best, epoch-N.pt at each cycle end
    before the last, as distillation teachers)."""
    ckpt_dir = os.path.join(out, "checkpoints")
    last_path = os.path.join(ckpt_dir, "last.pt")
    steps = math.ceil(len(data.x_train) / args.batch)
    ends = cycle_ends(args)
    starts = distill_starts(args)
    total = ends[-1]
    for epoch in range(state["epoch"], total):
        t0 = time.time()
        epoch_targets, weights, erase = targets.for_epoch(epoch, ends, starts)
        loss, lr = run_epoch(model, opt, data.x_train, epoch_targets, weights,
                             lambda i: schedule(epoch * steps + i, args, steps),
                             args.seed * 1000 + epoch, args.batch, erase)
        if args.bn_recal:
            recalibrate_bn(model, data.x_train)
        logits = predict_logits(model, data.val.x, SCALE, OFFSET)
        metrics = summarize(logits, data.val.y)
        dedup_acc = summarize(logits, data.val.y, mask=~data.dup)["accuracy"]
        score = select(logits)
        epoch_time = time.time() - t0
        state["elapsed"] += epoch_time
        state["epoch"] = epoch + 1
        state["history"].append({"epoch": epoch + 1, "loss": loss, "lr": lr,
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
        weights_only = {"model": model.state_dict(), "epoch": epoch + 1, "config": model.config}
        if improved:
            torch.save(weights_only, os.path.join(ckpt_dir, "best.pt"))
        if epoch + 1 in ends[:-1]:
            torch.save(weights_only, snapshot_path(ckpt_dir, epoch + 1))
        with open(os.path.join(out, "history.json"), "w") as f:
            json.dump(state, f, indent=1)
        left = (total - epoch - 1) * state["elapsed"] / (epoch + 1 - (state["history"][0]["epoch"] - 1))
        worst = min(metrics["recall"], key=metrics["recall"].get)
        floor_note = f"at floor {score * 100:.2f}% " if state["selection"] != "accuracy" else ""
        log(f"epoch {epoch + 1}/{total} loss {loss:.4f} lr {lr:.4f} "
            f"val acc {metrics['accuracy'] * 100:.2f}% (dedup {dedup_acc * 100:.2f}%) "
            f"min recall {worst} {metrics['recall'][worst] * 100:.1f}% {floor_note}"
            f"{'*best* ' if improved else ''}{epoch_time:.0f}s, ~{left / 60:.1f} min left")
    return state
