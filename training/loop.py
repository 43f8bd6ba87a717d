"""One training epoch, shared by the shipped recipe (train.py) and the
comparison runs (research/compare_train.py), so both train the same way."""
import torch

from .augment import augment
from .evaluate import soft_cross_entropy


def run_epoch(model, opt, x, targets, weights, lr_of_step, seed, batch=128, erase=0.5):
    """One pass over x ((N, 1, 48, 48) float, scaled) in a random order, each
    batch augmented; lr_of_step(i) gives the learning rate of step i of the
    epoch. The order and the augmentation come from a generator seeded with
    seed, so a resumed run replays them exactly. Returns (mean loss, last lr)."""
    model.train()
    gen = torch.Generator().manual_seed(seed)
    order = torch.randperm(len(x), generator=gen)
    steps = (len(x) + batch - 1) // batch
    loss_sum, seen, lr = 0.0, 0, 0.0
    for i in range(steps):
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
