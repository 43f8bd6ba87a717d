"""The paper's comparison: MobileNet v1, PeleeNet, EDNN, IDNN and ResmoNet
for 48x48x1 input and 7 classes, as PyTorch modules that also describe
themselves as Keras graphs for the TensorFlow.js export.

Trained by compare_train.py, tabled and exported by compare_table.py
(npm run bench:models). Sources and adaptations: docs/models.md.
"""
import json
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from ..export_tfjs import GraphRunner, KerasGraph, conv_bn, resmonet_graph
from ..model import ResmoNet



class CBR(nn.Sequential):
    """Conv + BN + ReLU, the unit all four reference networks are built from."""

    def __init__(self, cin, cout, k, stride=1, pad=None, groups=1, relu=True):
        pad = k // 2 if pad is None else pad
        layers = [nn.Conv2d(cin, cout, k, stride, pad, groups=groups, bias=False), nn.BatchNorm2d(cout)]
        if relu:
            layers.append(nn.ReLU(inplace=True))
        super().__init__(*layers)

    def keras(self, g, x):
        return conv_bn(g, x, self[0], self[1], relu=len(self) > 2)


def dense_keras(g, x, fc, activation="linear", name=None):
    return g.dense(x, fc.weight.detach().numpy(), fc.bias.detach().numpy(), activation, name=name)


# ---------------------------------------------------------------------------
# MobileNet v1 (Howard et al. 2017, arXiv:1704.04861, Table 1), width 1.0.
# Adaptation: the first conv has stride 1 instead of 2, so the 48x48 input
# ends at 3x3 (instead of 1.5x1.5) before global pooling.

class MobileNetV1(nn.Module):
    CFG = [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2)] + [(512, 1)] * 5 + [(1024, 2), (1024, 1)]

    def __init__(self, num_classes=7):
        super().__init__()
        layers = [CBR(1, 32, 3, 1)]
        cin = 32
        for cout, s in self.CFG:
            layers += [CBR(cin, cin, 3, s, groups=cin), CBR(cin, cout, 1)]
            cin = cout
        self.features = nn.Sequential(*layers)
        self.fc = nn.Linear(1024, num_classes)

    def forward(self, x):
        return self.fc(self.features(x).mean((2, 3)))

    def keras(self, g, x):
        for m in self.features:
            x = m.keras(g, x)
        return dense_keras(g, g.global_avg_pool(x), self.fc, name="logits")


# ---------------------------------------------------------------------------
# PeleeNet (Wang, Li & Ling, NeurIPS 2018, arXiv:1804.06882, Table 1):
# stem block, two-way dense layers (growth rate 32), dense layers per stage
# 3/4/8/6, bottleneck widths 1/2/4/4, transition 1x1 conv + 2x2 avg pool,
# 704 output channels. Adaptation: the stem's first conv has stride 1, so the
# stages run at 24/12/6/3 instead of 12/6/3/1.5 pixels.

class StemBlock(nn.Module):
    def __init__(self, cin=1, c=32):
        super().__init__()
        self.conv = CBR(cin, c, 3, 1)
        self.b1a, self.b1b = CBR(c, c // 2, 1), CBR(c // 2, c, 3, 2)
        self.out = CBR(2 * c, c, 1)

    def forward(self, x):
        x = self.conv(x)
        return self.out(torch.cat([self.b1b(self.b1a(x)), F.max_pool2d(x, 2, 2)], 1))

    def keras(self, g, x):
        x = self.conv.keras(g, x)
        b1 = self.b1b.keras(g, self.b1a.keras(g, x))
        return self.out.keras(g, g.concat([b1, g.pool(x, "max", 2, 2)]))


class TwoWayDense(nn.Module):
    def __init__(self, cin, growth=32, bottleneck=1):
        super().__init__()
        half = growth // 2
        inter = int(half * bottleneck / 4) * 4
        self.a = nn.Sequential(CBR(cin, inter, 1), CBR(inter, half, 3))
        self.b = nn.Sequential(CBR(cin, inter, 1), CBR(inter, half, 3), CBR(half, half, 3))

    def forward(self, x):
        return torch.cat([x, self.a(x), self.b(x)], 1)

    def keras(self, g, x):
        a, b = x, x
        for m in self.a:
            a = m.keras(g, a)
        for m in self.b:
            b = m.keras(g, b)
        return g.concat([x, a, b])


class PeleeNet(nn.Module):
    def __init__(self, num_classes=7, growth=32, layers=(3, 4, 8, 6), widths=(1, 2, 4, 4)):
        super().__init__()
        blocks = [StemBlock()]
        c = 32
        for i, (n, w) in enumerate(zip(layers, widths)):
            for _ in range(n):
                blocks.append(TwoWayDense(c, growth, w))
                c += growth
            blocks.append(CBR(c, c, 1))
            if i < len(layers) - 1:
                blocks.append(nn.AvgPool2d(2, 2))
        self.features = nn.Sequential(*blocks)
        self.fc = nn.Linear(c, num_classes)

    def forward(self, x):
        return self.fc(self.features(x).mean((2, 3)))

    def keras(self, g, x):
        for m in self.features:
            x = g.pool(x, "avg", 2, 2) if isinstance(m, nn.AvgPool2d) else m.keras(g, x)
        return dense_keras(g, g.global_avg_pool(x), self.fc, name="logits")


# ---------------------------------------------------------------------------
# EDNN, "Extended deep neural network for facial emotion recognition"
# (Jain, Shamsolmoali & Sehdev, Pattern Recognition Letters 120, 2019):
# a single DNN of convolution layers and deep residual blocks. The layer
# table is not available to us; this is our reconstruction of that
# description at a VGG-like width (conv 64 x2, two residual stages of 64 and
# 128 channels, conv 256, two FC layers).

class ResBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.a, self.b = CBR(c, c, 3), CBR(c, c, 3, relu=False)

    def forward(self, x):
        return F.relu(x + self.b(self.a(x)))

    def keras(self, g, x):
        y = self.b.keras(g, self.a.keras(g, x))
        return g.activation(g.add([x, y]), "relu")


class EDNN(nn.Module):
    def __init__(self, num_classes=7):
        super().__init__()
        self.features = nn.Sequential(
            CBR(1, 64, 3), CBR(64, 64, 3), nn.MaxPool2d(2, 2),        # 24
            ResBlock(64), ResBlock(64), CBR(64, 128, 3), nn.MaxPool2d(2, 2),  # 12
            ResBlock(128), ResBlock(128), CBR(128, 256, 3), nn.MaxPool2d(2, 2),  # 6
        )
        self.fc1 = nn.Linear(256 * 6 * 6, 256)
        self.fc2 = nn.Linear(256, num_classes)

    def forward(self, x):
        x = self.features(x).flatten(1)
        return self.fc2(F.dropout(F.relu(self.fc1(x)), 0.5, self.training))

    def keras(self, g, x):
        for m in self.features:
            x = g.pool(x, "max", 2, 2) if isinstance(m, nn.MaxPool2d) else m.keras(g, x)
        x = dense_keras(g, g.flatten(x), self.fc1, "relu")
        return dense_keras(g, x, self.fc2, name="logits")


# ---------------------------------------------------------------------------
# IDNN, the Inception-based network of Mollahosseini, Chan & Mahoor, "Going
# deeper in facial expression recognition using deep neural networks"
# (WACV 2016, arXiv:1511.04110), 48x48 input: conv 7x7/2 (64), max pool
# 3x3/2, conv 1x1 (64) + 3x3 (192), max pool 3x3/2, Inception 2a and 2b
# (GoogLeNet 3a/3b widths), max pool 3x3/2, Inception 3a (GoogLeNet 4a
# widths), average pool, FC 4096, FC 1024, FC 7. Adaptations: batch norm
# after every conv instead of local response normalisation, and pooling with
# symmetric padding so sizes run 24/12/6/3.

class Inception(nn.Module):
    def __init__(self, cin, c1, c3r, c3, c5r, c5, cp):
        super().__init__()
        self.b1 = CBR(cin, c1, 1)
        self.b3 = nn.Sequential(CBR(cin, c3r, 1), CBR(c3r, c3, 3))
        self.b5 = nn.Sequential(CBR(cin, c5r, 1), CBR(c5r, c5, 5))
        self.bp = CBR(cin, cp, 1)

    def forward(self, x):
        pooled = F.max_pool2d(x, 3, 1, 1)
        return torch.cat([self.b1(x), self.b3(x), self.b5(x), self.bp(pooled)], 1)

    def keras(self, g, x):
        b1 = self.b1.keras(g, x)
        b3 = self.b3[1].keras(g, self.b3[0].keras(g, x))
        b5 = self.b5[1].keras(g, self.b5[0].keras(g, x))
        bp = self.bp.keras(g, g.pool(x, "max", 3, 1, 1))
        return g.concat([b1, b3, b5, bp])


class IDNN(nn.Module):
    def __init__(self, num_classes=7):
        super().__init__()
        self.features = nn.Sequential(
            CBR(1, 64, 7, 2, 3), nn.MaxPool2d(3, 2, 1),                      # 24 -> 12
            CBR(64, 64, 1), CBR(64, 192, 3), nn.MaxPool2d(3, 2, 1),           # 12 -> 6
            Inception(192, 64, 96, 128, 16, 32, 32),                           # 256
            Inception(256, 128, 128, 192, 32, 96, 64), nn.MaxPool2d(3, 2, 1),  # 480, 6 -> 3
            Inception(480, 192, 96, 208, 16, 48, 64),                          # 512
        )
        self.fc1, self.fc2, self.fc3 = nn.Linear(512, 4096), nn.Linear(4096, 1024), nn.Linear(1024, num_classes)

    def forward(self, x):
        x = self.features(x).mean((2, 3))
        x = F.dropout(F.relu(self.fc1(x)), 0.5, self.training)
        x = F.dropout(F.relu(self.fc2(x)), 0.5, self.training)
        return self.fc3(x)

    def keras(self, g, x):
        for m in self.features:
            x = g.pool(x, "max", m.kernel_size, m.stride, m.padding) if isinstance(m, nn.MaxPool2d) else m.keras(g, x)
        x = dense_keras(g, g.global_avg_pool(x), self.fc1, "relu")
        x = dense_keras(g, x, self.fc2, "relu")
        return dense_keras(g, x, self.fc3, name="logits")


NETS = {"mobilenet_v1": MobileNetV1, "peleenet": PeleeNet, "ednn": EDNN, "idnn": IDNN, "resmonet": ResmoNet}


def build_graph(name, model):
    if name == "resmonet":
        return resmonet_graph(model)
    g = KerasGraph(name)
    return g, model.eval().keras(g, g.input(48, 48, 1))


def check_export(model, graph):
    """The exported graph must compute what the torch module computes."""
    x = torch.randn(2, 1, 48, 48)
    model.eval()
    with torch.no_grad():
        diff = (GraphRunner(graph, fp16=False)(x) - model(x)).abs().max().item()
    assert diff < 1e-3, f"export mismatch {diff}"
    return diff


def write_fixture(model, graph, out_dir, n=2):
    """Random inputs and the fp16 graph's logits, so a tfjs run of the exported
    files can be checked (training/research/check_compare.mjs)."""
    x = torch.from_numpy(np.random.RandomState(1).uniform(-1, 1, (n, 1, 48, 48)).astype(np.float32))
    with torch.no_grad():
        logits = GraphRunner(graph, fp16=True)(x)
    with open(os.path.join(out_dir, "fixture.json"), "w") as f:
        json.dump({"input_nhwc": x.permute(0, 2, 3, 1).reshape(-1).tolist(), "n": n,
                   "logits": logits.reshape(-1).tolist()}, f)
