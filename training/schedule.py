"""The learning-rate schedule: a linear warm-up and a cosine decay to zero,
then one cosine cycle per warm restart (SGDR)."""
import math


def lr_at(step, total, warmup, peak):
    """Linear warm-up then cosine decay to zero."""
    if step < warmup:
        return peak * (step + 1) / warmup
    progress = (step - warmup) / max(1, total - warmup)
    return peak * 0.5 * (1 + math.cos(math.pi * progress))


def schedule(step, args, steps_per_epoch):
    """First cycle: warm-up + cosine over args.epochs; then one cosine cycle per
    args.restart_epochs, each starting at its args.restart_lr."""
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


def param_groups(model, wd):
    """Weight decay on conv and dense kernels only, not on BN parameters and biases."""
    decay, no_decay = [], []
    for p in model.parameters():
        (decay if p.ndim > 1 else no_decay).append(p)
    return [{"params": decay, "weight_decay": wd}, {"params": no_decay, "weight_decay": 0.0}]


def distill_starts(args):
    """First epochs (0-based) of the restarts that distil: each learns from the
    ends of all restarts before it."""
    return cycle_ends(args)[-1 - args.distill_restarts:-1] if args.distill else []
