"""ResmoNet: a small residual, mobile-style CNN for 48x48x1 faces, 7 emotions.

Built from the paper's description: depthwise-separable convolutions,
bottleneck (inverted) residual blocks, batch normalisation and a softmax over
the seven FER2013 emotions. Every layer here has a one-to-one TensorFlow.js
Keras counterpart (see export_tfjs.py), so the graph stays simple on purpose:
convolutions pad symmetrically (exported as ZeroPadding2D + 'valid'), and the
only non-linearity is ReLU.
"""
import torch
import torch.nn as nn

NUM_CLASSES = 7

# (expansion t, output channels c, repeats n, first stride s), as in MobileNetV2.
# Sized to stay under 150k deployed parameters (fp16 weights < 300 KB) while
# keeping most of the compute at 24x24 and 12x12, where facial parts
# (eyes, brows, mouth corners) are still a few pixels wide.
DEFAULT_STAGES = (
    (1, 24, 1, 2),   # 48 -> 24, plain depthwise-separable conv
    (3, 32, 2, 1),   # 24
    (3, 56, 3, 2),   # 24 -> 12
    (3, 80, 2, 2),   # 12 -> 6
)
DEFAULT_STEM = 16
DEFAULT_HEAD = 160


class ConvBN(nn.Sequential):
    """Conv + BatchNorm (+ ReLU). groups == channels gives a depthwise conv."""

    def __init__(self, cin, cout, k=1, stride=1, groups=1, relu=True):
        layers = [
            nn.Conv2d(cin, cout, k, stride, padding=k // 2, groups=groups, bias=False),
            nn.BatchNorm2d(cout),
        ]
        if relu:
            layers.append(nn.ReLU(inplace=True))
        super().__init__(*layers)


class Bottleneck(nn.Module):
    """Inverted residual: 1x1 expand -> 3x3 depthwise -> 1x1 linear project.

    With t == 1 the expand conv is skipped, leaving a plain depthwise-separable
    conv. The identity shortcut is used whenever shapes allow it.
    """

    def __init__(self, cin, cout, t, stride):
        super().__init__()
        mid = cin * t
        layers = [] if t == 1 else [ConvBN(cin, mid, 1)]
        layers += [ConvBN(mid, mid, 3, stride, groups=mid), ConvBN(mid, cout, 1, relu=False)]
        self.body = nn.Sequential(*layers)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        out = self.body(x)
        return x + out if self.residual else out


class ResmoNet(nn.Module):
    def __init__(self, stages=DEFAULT_STAGES, stem=DEFAULT_STEM, head=DEFAULT_HEAD,
                 dropout=0.2, num_classes=NUM_CLASSES):
        super().__init__()
        self.config = dict(stages=[list(s) for s in stages], stem=stem, head=head,
                           dropout=dropout, num_classes=num_classes)
        blocks = [ConvBN(1, stem, 3)]
        cin = stem
        for t, c, n, s in stages:
            for i in range(n):
                blocks.append(Bottleneck(cin, c, t, s if i == 0 else 1))
                cin = c
        blocks.append(ConvBN(cin, head, 1))
        self.features = nn.Sequential(*blocks)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.dropout = nn.Dropout(dropout)
        self.classifier = nn.Linear(head, num_classes)
        self._init_weights()

    def _init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)
            elif isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, 0, 0.01)
                nn.init.zeros_(m.bias)
        # Zero-init the last BN of each residual branch so blocks start as
        # identities; this trains deeper stacks of small blocks more stably.
        for m in self.modules():
            if isinstance(m, Bottleneck) and m.residual:
                nn.init.zeros_(m.body[-1][1].weight)

    def forward(self, x):
        """x: (N, 1, 48, 48) normalised pixels. Returns logits (N, 7)."""
        x = self.pool(self.features(x)).flatten(1)
        return self.classifier(self.dropout(x))


def load_checkpoint(path):
    """A ResmoNet in eval mode and the checkpoint dict, from a .pt file written by train.py."""
    ck = torch.load(path)
    model = ResmoNet(**ck["config"])
    model.load_state_dict(ck["model"])
    return model.eval(), ck


def count_params(model, deployed=True):
    """Parameters of the deployed graph: BN folds into conv bias, so each
    conv+BN pair counts weights + one bias per output channel."""
    if not deployed:
        return sum(p.numel() for p in model.parameters())
    n = 0
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            n += m.weight.numel() + m.out_channels
        elif isinstance(m, nn.Linear):
            n += m.weight.numel() + m.out_features
    return n


def count_flops(model, size=48, channels=1):
    """FLOPs per image = 2 x multiply-accumulates of conv and dense layers
    (bias adds, BN, ReLU, pooling and residual adds are ignored). The same
    counter is used for every network in the comparison."""
    macs = 0

    def conv_hook(m, inp, out):
        nonlocal macs
        k = m.weight.shape[1] * m.weight.shape[2] * m.weight.shape[3]
        macs += out.numel() // out.shape[0] * k

    def linear_hook(m, inp, out):
        nonlocal macs
        macs += m.in_features * m.out_features

    hooks = []
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            hooks.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            hooks.append(m.register_forward_hook(linear_hook))
    was_training = model.training
    model.eval()
    with torch.no_grad():
        model(torch.zeros(1, channels, size, size))
    model.train(was_training)
    for h in hooks:
        h.remove()
    return 2 * macs
