"""What the network learns towards: soft targets, class weights and the
snapshot ensemble's probabilities for distillation."""
import os
import sys
import time

import numpy as np
import torch

from . import data as D
from .constants import OFFSET, SCALE
from .evaluate import predict_logits, softmax
from .model import load_checkpoint


def snapshot_path(ckpt_dir, epoch):
    """Where the weights at the end of a cycle are kept (the distillation teachers)."""
    return os.path.join(ckpt_dir, f"epoch-{epoch}.pt")


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


class EpochTargets:
    """The targets, per-sample loss weights and erasing probability of each
    epoch under args: the first cycle's soft targets; lighter ones in the warm
    restarts (--restart-ferplus, --restart-erase); in the distilled restarts,
    half of them replaced by the snapshot ensemble of the restart ends before
    (computed once when such a restart begins); --boost in the last restart."""

    def __init__(self, args, train, ckpt_dir, log, erase):
        self.args, self.train, self.ckpt_dir, self.log, self.erase = args, train, ckpt_dir, log, erase
        self.first = torch.from_numpy(soft_targets(train, args.ferplus))
        restart_ferplus = args.ferplus if args.restart_ferplus is None else args.restart_ferplus
        self.restart = torch.from_numpy(soft_targets(train, restart_ferplus))
        self.restart_erase = erase if args.restart_erase is None else args.restart_erase
        self.class_weights = class_weights(train.y, args.balance)
        self.sample_w = torch.from_numpy(self.class_weights[train.y])
        self.last_sample_w = torch.from_numpy(boosted(self.class_weights, args.boost)[train.y])
        self.distilled, self.distilled_from = None, None

    def for_epoch(self, epoch, ends, distill_starts):
        """(targets, sample weights, erase probability) of epoch (0-based)."""
        restarted = epoch >= self.args.epochs
        targets = self.restart if restarted else self.first
        cycle_start = max([e for e in distill_starts if e <= epoch], default=None)
        if cycle_start is not None:
            if self.distilled_from != cycle_start:
                self.distil(cycle_start, ends)
            targets = self.distilled
        weights = self.last_sample_w if len(ends) > 1 and epoch >= ends[-2] else self.sample_w
        return targets, weights, (self.restart_erase if restarted else self.erase)

    def distil(self, cycle_start, ends):
        ends_before = [e for e in ends[1:] if e <= cycle_start]
        teachers = [snapshot_path(self.ckpt_dir, e) for e in ends_before]
        missing = [t for t in teachers if not os.path.exists(t)]
        if missing:
            sys.exit(f"cannot distil: missing snapshot(s) {', '.join(missing)}")
        t0 = time.time()
        w = self.args.distill
        self.distilled = (1 - w) * self.restart + w * teacher_targets(teachers, self.train.x)
        self.distilled_from = cycle_start
        self.log(f"distilling the snapshot ensemble of epochs {', '.join(map(str, ends_before))} "
                 f"with weight {w} ({time.time() - t0:.0f}s)")
