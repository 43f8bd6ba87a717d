"""What the network learns towards: soft targets, class weights and the
snapshot ensemble's probabilities for distillation."""
import sys

import numpy as np
import torch

from . import data as D
from .constants import OFFSET, SCALE
from .evaluate import predict_logits, softmax
from .model import load_checkpoint


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
