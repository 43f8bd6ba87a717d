"""Metrics shared by training, shipping and the comparison: accuracy,
per-class recall, confusion matrix, expected calibration error and
temperature scaling."""
import math

import numpy as np
import torch
import torch.nn.functional as F
from torch.optim.swa_utils import update_bn

from .data import LABELS


@torch.no_grad()
def predict_logits(model, x_uint8, scale, offset, batch=512):
    """Logits for (N, 48, 48) uint8 images, preprocessed exactly like the app."""
    model.eval()
    out = []
    for i in range(0, len(x_uint8), batch):
        xb = torch.from_numpy(x_uint8[i:i + batch]).float().unsqueeze(1) * scale + offset
        out.append(model(xb.contiguous(memory_format=torch.channels_last)))
    return torch.cat(out).numpy().astype(np.float64)


def recalibrate_bn(model, x, batch=512):
    """Recompute every batch-norm mean and variance over clean images x
    ((N, 1, 48, 48) float, already scaled), in place; the model is left in
    eval mode.

    During training the running statistics follow augmented batches
    (erased squares, contrast and brightness jitter), which are not what the
    app feeds. One pass over the unaugmented training images gives the
    statistics of real inputs. torch's update_bn averages per-batch
    statistics with equal weight, so the images are cut into chunks of equal
    size (within one). The pass runs in train mode, so the global RNG is
    forked: dropout's draws there do not change the rest of training."""
    chunks = torch.tensor_split(x, max(1, math.ceil(len(x) / batch)))
    with torch.random.fork_rng(devices=[]):
        update_bn((c.contiguous(memory_format=torch.channels_last) for c in chunks), model)
    model.eval()


def refit_classifier_bias(model, x, y, class_weights, batch=512):
    """Refit the classifier's bias, in place, on the features of clean images
    x ((N, 1, 48, 48) float, already scaled) with labels y, under the class
    weights of training; returns the change.

    Training learns the bias under augmentation, dropout and soft targets,
    and ends cautious about fear. Like the batch-norm statistics, the seven
    biases are refitted on the unaugmented training images, with the same
    class-weighted cross-entropy. Only training images are used, so
    val stays held out."""
    model.eval()
    feats = []
    hook = model.classifier.register_forward_hook(lambda mod, inp, out: feats.append(inp[0]))
    with torch.no_grad():
        for chunk in torch.split(x, batch):
            model(chunk.contiguous(memory_format=torch.channels_last))
    hook.remove()
    with torch.no_grad():
        logits = torch.cat(feats) @ model.classifier.weight.T
    before = model.classifier.bias.detach().clone()
    bias = before.clone().requires_grad_(True)
    target = torch.as_tensor(y).long()
    weight = torch.as_tensor(class_weights, dtype=torch.float32)
    opt = torch.optim.LBFGS([bias], max_iter=200, tolerance_change=1e-12, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = F.cross_entropy(logits + bias, target, weight=weight)
        loss.backward()
        return loss

    opt.step(closure)
    with torch.no_grad():
        model.classifier.bias.copy_(bias)
    return (bias.detach() - before).numpy().astype(np.float64)


def softmax(logits, temperature=1.0):
    z = logits / temperature
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def confusion(y_true, y_pred, k=len(LABELS)):
    cm = np.zeros((k, k), np.int64)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm


def ece(probs, y_true, bins=15):
    """Expected calibration error with equal-width confidence bins (top-1)."""
    conf = probs.max(1)
    correct = probs.argmax(1) == y_true
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        inside = (conf > lo) & (conf <= hi)
        if inside.any():
            total += inside.mean() * abs(conf[inside].mean() - correct[inside].mean())
    return float(total)


def fit_temperature(logits, y_true):
    """Temperature minimising val NLL (1-D, so a fine grid + refinement is
    exact enough and needs no optimiser state)."""
    def nll(t):
        p = softmax(logits, t)
        return -np.log(p[np.arange(len(y_true)), y_true] + 1e-12).mean()

    grid = np.exp(np.linspace(np.log(0.3), np.log(5.0), 200))
    best = min(grid, key=nll)
    fine = np.linspace(best * 0.97, best * 1.03, 121)
    return float(min(fine, key=nll))


def summarize(logits, y_true, temperature=1.0, mask=None):
    """All val figures for one set of logits; mask restricts to a subset."""
    if mask is not None:
        logits, y_true = logits[mask], y_true[mask]
    pred = logits.argmax(1)
    cm = confusion(y_true, pred)
    recall = cm.diagonal() / np.maximum(cm.sum(1), 1)
    return {
        "n": int(len(y_true)),
        "accuracy": float((pred == y_true).mean()),
        "macro_recall": float(recall.mean()),
        "recall": {name: float(r) for name, r in zip(LABELS, recall)},
        "ece": ece(softmax(logits), y_true),
        "ece_calibrated": ece(softmax(logits, temperature), y_true),
        "nll_calibrated": float(-np.log(softmax(logits, temperature)[np.arange(len(y_true)), y_true] + 1e-12).mean()),
        "confusion": cm.tolist(),
    }


def soft_cross_entropy(logits, target, weight=None):
    """CE against a target distribution, optionally weighted per sample."""
    loss = -(target * F.log_softmax(logits, 1)).sum(1)
    if weight is not None:
        loss = loss * weight
        return loss.sum() / weight.sum()
    return loss.mean()


def recalls(logits, y_true, k):
    pred = logits.argmax(1)
    return np.array([(pred[y_true == c] == c).mean() for c in range(k)])


def fit_class_bias(logits, y_true, floor, step=0.01, max_iter=3000):
    """Smallest per-class logit offsets that lift every class recall to
    `floor`: repeatedly nudge the class with the lowest recall. It changes
    only the decision rule (7 numbers), not the features."""
    k = logits.shape[1]
    bias = np.zeros(k)
    for _ in range(max_iter):
        r = recalls(logits + bias, y_true, k)
        worst = int(r.argmin())
        if r[worst] >= floor:
            break
        bias[worst] += step
    return bias - bias.mean()


def split_half_check(logits, y_true, floor):
    """Fits the offsets on one half of val and measures on the other half
    (both ways), so the effect is reported on faces the fit never saw."""
    k = logits.shape[1]
    idx = np.arange(len(y_true))
    out = []
    for fit_part, test_part in ((idx % 2 == 0, idx % 2 == 1), (idx % 2 == 1, idx % 2 == 0)):
        b = fit_class_bias(logits[fit_part], y_true[fit_part], floor)
        lt, yt = logits[test_part], y_true[test_part]
        out.append({
            "accuracy_before": float((lt.argmax(1) == yt).mean()),
            "accuracy_after": float(((lt + b).argmax(1) == yt).mean()),
            "min_recall_before": float(recalls(lt, yt, k).min()),
            "min_recall_after": float(recalls(lt + b, yt, k).min()),
        })
    return out
