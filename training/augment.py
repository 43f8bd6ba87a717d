"""Batch augmentation on CPU tensors (N, 1, 48, 48), all in one affine
resample so it costs little next to the network itself."""
import math

import torch
import torch.nn.functional as F

# Probability of random erasing per image.
ERASE = 0.5


def augment(x, gen, max_shift=0.1, max_rot=10.0, scale=(0.9, 1.1), flip=0.5,
            brightness=0.2, contrast=(0.7, 1.3), erase=ERASE, erase_max=16):
    n = x.shape[0]

    def uniform(lo, hi, *shape):
        return torch.rand(*shape, generator=gen) * (hi - lo) + lo

    # Random shift / rotation / zoom / horizontal flip as one affine warp.
    angle = uniform(-max_rot, max_rot, n) * math.pi / 180
    s = uniform(*scale, n)
    sign = torch.where(torch.rand(n, generator=gen) < flip, -1.0, 1.0)
    cos, sin = torch.cos(angle) / s, torch.sin(angle) / s
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = cos * sign
    theta[:, 0, 1] = -sin
    theta[:, 1, 0] = sin * sign
    theta[:, 1, 1] = cos
    theta[:, :, 2] = uniform(-2 * max_shift, 2 * max_shift, n, 2)  # grid units: [-1, 1]
    grid = F.affine_grid(theta, x.shape, align_corners=False)
    x = F.grid_sample(x, grid, mode="bilinear", padding_mode="reflection", align_corners=False)

    # Brightness / contrast around each image's mean (pixels are in [-1, 1]).
    mean = x.mean((1, 2, 3), keepdim=True)
    x = (x - mean) * uniform(*contrast, n, 1, 1, 1) + mean + uniform(-brightness, brightness, n, 1, 1, 1)

    # Random erasing: hides one facial region so no single cue dominates.
    if erase > 0:
        size = torch.randint(8, erase_max + 1, (n,), generator=gen)
        top = (torch.rand(n, generator=gen) * (48 - size)).long()
        left = (torch.rand(n, generator=gen) * (48 - size)).long()
        ys = torch.arange(48).view(1, 48, 1)
        xs = torch.arange(48).view(1, 1, 48)
        box = ((ys >= top.view(-1, 1, 1)) & (ys < (top + size).view(-1, 1, 1))
               & (xs >= left.view(-1, 1, 1)) & (xs < (left + size).view(-1, 1, 1)))
        box &= (torch.rand(n, generator=gen) < erase).view(-1, 1, 1)
        x = x.masked_fill(box.unsqueeze(1), 0.0)
    return x.clamp(-1.5, 1.5)
