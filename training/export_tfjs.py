"""Our own PyTorch -> TensorFlow.js exporter, no TensorFlow needed.

Networks are first described as a Keras functional model ("layers-model"
format, read by `tf.loadLayersModel`); `write(..., fmt="graph")` turns that
description into a fused TensorFlow graph ("graph-model", read by
`tf.loadGraphModel`). Batch norm is folded into the preceding
convolution, so Keras' different BN epsilon (1e-3 vs torch's 1e-5) never
enters. Padding is made explicit: TF's 'same' pads strided convs and pools
asymmetrically (bottom/right), torch symmetrically, so anything that is not
a stride-1 odd-kernel 'same' conv gets a ZeroPadding2D + 'valid' layer.

Weights are written as one little-endian shard, float32 or float16
(tfjs' built-in `quantization: float16`, decoded back to float32 on load).
"""
import base64
import json
import os

import numpy as np
import torch
import torch.nn as nn

KERAS_VERSION = "2.13.1"


class KerasGraph:
    """Builds the Keras functional config and the weight list, tracking each
    tensor's NHWC shape so flatten/dense weights can be reordered."""

    def __init__(self, name):
        self.name = name
        self.layers = []
        self.weights = []        # (name, np.float32 array) in manifest order
        self.shapes = {}         # tensor (= layer) name -> (H, W, C)
        self.counts = {}
        self.inputs = []

    def _name(self, kind):
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return f"{kind}_{self.counts[kind]}"

    def _layer(self, cls, config, inputs, shape, kind=None, name=None):
        name = name or self._name(kind or cls.lower())
        config = {"name": name, "trainable": False, **config}
        inbound = [[[i, 0, 0, {}] for i in inputs]] if inputs else []
        self.layers.append({"class_name": cls, "config": config, "name": name, "inbound_nodes": inbound})
        self.shapes[name] = shape
        return name

    def input(self, h, w, c, name="input"):
        self.inputs.append(name)
        return self._layer("InputLayer", {"batch_input_shape": [None, h, w, c], "dtype": "float32",
                                          "sparse": False}, [], (h, w, c), name=name)

    def pad(self, x, top, bottom, left, right):
        h, w, c = self.shapes[x]
        return self._layer("ZeroPadding2D", {"padding": [[top, bottom], [left, right]],
                                             "data_format": "channels_last"},
                           [x], (h + top + bottom, w + left + right, c), kind="pad")

    def _padding(self, x, k, stride, pad):
        """Returns (input, keras padding mode) equal to torch's symmetric pad."""
        if pad == 0:
            return x, "valid"
        if stride == 1 and k % 2 == 1 and pad == k // 2:
            return x, "same"
        return self.pad(x, pad, pad, pad, pad), "valid"

    def conv(self, x, weight, bias, stride=1, pad=0, groups=1, activation="linear", kind="conv"):
        """weight: torch layout (O, I/groups, kh, kw)."""
        weight = np.asarray(weight, np.float32)
        out_c, in_per_group, kh, kw = weight.shape
        h, w, c = self.shapes[x]
        x, mode = self._padding(x, kh, stride, pad)
        ph, pw, _ = self.shapes[x]
        if mode == "same":
            oh, ow = -(-h // stride), -(-w // stride)
        else:
            oh, ow = (ph - kh) // stride + 1, (pw - kw) // stride + 1
        common = {"kernel_size": [kh, kw], "strides": [stride, stride], "padding": mode,
                  "data_format": "channels_last", "dilation_rate": [1, 1],
                  "activation": activation, "use_bias": bias is not None}
        if groups == 1:
            name = self._layer("Conv2D", {"filters": out_c, **common}, [x], (oh, ow, out_c), kind=kind)
            self.weights.append((f"{name}/kernel", weight.transpose(2, 3, 1, 0)))
        elif groups == c and in_per_group == 1 and out_c % c == 0:
            name = self._layer("DepthwiseConv2D", {"depth_multiplier": out_c // c, **common}, [x],
                               (oh, ow, out_c), kind=kind if kind != "conv" else "dwconv")
            # torch (C*m, 1, kh, kw) -> keras (kh, kw, C, m)
            k = weight.reshape(c, out_c // c, kh, kw).transpose(2, 3, 0, 1)
            self.weights.append((f"{name}/depthwise_kernel", k))
        else:
            raise ValueError(f"grouped conv with groups={groups} has no tfjs-layers equivalent")
        if bias is not None:
            self.weights.append((f"{name}/bias", np.asarray(bias, np.float32)))
        return name

    def activation(self, x, fn):
        return self._layer("Activation", {"activation": fn}, [x], self.shapes[x], kind=fn)

    def add(self, xs):
        return self._layer("Add", {}, list(xs), self.shapes[xs[0]], kind="add")

    def concat(self, xs):
        h, w, _ = self.shapes[xs[0]]
        c = sum(self.shapes[x][2] for x in xs)
        return self._layer("Concatenate", {"axis": -1}, list(xs), (h, w, c), kind="concat")

    def pool(self, x, kind, k, stride, pad=0, ceil_mode=False):
        """Max/avg pool. Explicit zero padding matches torch for max pooling of
        non-negative (post-ReLU) inputs and for avg pooling with
        count_include_pad=True (torch's default)."""
        h, w, c = self.shapes[x]
        extra_h = extra_w = 0
        if ceil_mode:  # torch ceil_mode: extra row/col at the bottom/right only
            extra_h = (-(h + 2 * pad - k)) % stride
            extra_w = (-(w + 2 * pad - k)) % stride
        if pad or extra_h or extra_w:
            x = self.pad(x, pad, pad + extra_h, pad, pad + extra_w)
        ph, pw, _ = self.shapes[x]
        cls = "MaxPooling2D" if kind == "max" else "AveragePooling2D"
        return self._layer(cls, {"pool_size": [k, k], "strides": [stride, stride], "padding": "valid",
                                 "data_format": "channels_last"}, [x],
                           ((ph - k) // stride + 1, (pw - k) // stride + 1, c), kind=f"{kind}pool")

    def global_avg_pool(self, x):
        c = self.shapes[x][2]
        return self._layer("GlobalAveragePooling2D", {"data_format": "channels_last"}, [x], (c,), kind="gap")

    def flatten(self, x):
        h, w, c = self.shapes[x]
        name = self._layer("Flatten", {"data_format": "channels_last"}, [x], (h * w * c,), kind="flatten")
        self.flatten_from = getattr(self, "flatten_from", {})
        self.flatten_from[name] = (h, w, c)
        return name

    def dense(self, x, weight, bias, activation="linear", name=None):
        """weight: torch (out, in). After a Flatten, torch's NCHW order of the
        inputs is permuted to Keras' NHWC order."""
        weight = np.asarray(weight, np.float32)
        src = getattr(self, "flatten_from", {}).get(x)
        if src is not None:
            h, w, c = src
            weight = weight.reshape(-1, c, h, w).transpose(0, 2, 3, 1).reshape(weight.shape[0], -1)
        name = self._layer("Dense", {"units": weight.shape[0], "activation": activation,
                                     "use_bias": bias is not None}, [x], (weight.shape[0],),
                           kind="dense", name=name)
        self.weights.append((f"{name}/kernel", weight.T))
        if bias is not None:
            self.weights.append((f"{name}/bias", np.asarray(bias, np.float32)))
        return name

    def topology(self, output):
        return {"class_name": "Model", "keras_version": KERAS_VERSION, "backend": "tensorflow",
                "config": {"name": self.name, "layers": self.layers,
                           "input_layers": [[i, 0, 0] for i in self.inputs],
                           "output_layers": [[output, 0, 0]]}}

    def param_count(self):
        return int(sum(w.size for _, w in self.weights))


def fold_bn(conv, bn):
    """Conv (+ optional bias) followed by eval-mode BN -> one conv weight + bias."""
    w = conv.weight.detach().double()
    b = conv.bias.detach().double() if conv.bias is not None else torch.zeros(w.shape[0], dtype=torch.float64)
    if bn is None:
        return w.float().numpy(), b.float().numpy()
    scale = bn.weight.detach().double() / torch.sqrt(bn.running_var.double() + bn.eps)
    w = w * scale.view(-1, 1, 1, 1)
    b = (b - bn.running_mean.double()) * scale + bn.bias.detach().double()
    return w.float().numpy(), b.float().numpy()


def conv_bn(g, x, conv, bn=None, relu=False, kind="conv"):
    w, b = fold_bn(conv, bn)
    return g.conv(x, w, b, stride=conv.stride[0], pad=conv.padding[0], groups=conv.groups,
                  activation="relu" if relu else "linear", kind=kind)


# ---------------------------------------------------------------------------
# The same graph as a TensorFlow GraphDef ("graph-model" format, read by
# `tf.loadGraphModel`). Each conv with its folded bias and ReLU becomes one
# fused op, and a ZeroPadding2D in front of a conv becomes the conv's explicit
# padding. tfjs' Keras layers run a depthwise conv as conv, bias and ReLU ops,
# so the graph runs 31 ops where the Keras ResmoNet runs 51. The arithmetic is
# the same, so GraphRunner's figures hold for both formats.
# Attributes whose tfjs default is right (data_format NHWC, dilations 1, the
# dtype T) are left out to keep model.json small.

def _s(text):
    return base64.b64encode(text.encode()).decode()


def _ints(values):
    return {"list": {"i": [str(v) for v in values]}}


def _shape(dims):
    return {"dim": [{"size": str(d)} for d in dims]}


class _GraphDef:
    def __init__(self):
        self.nodes = []
        self.consts = []  # (name, np array) in manifest order

    def node(self, name, op, inputs=(), **attr):
        self.nodes.append({"name": name, "op": op, "input": list(inputs), "attr": attr})
        return name

    def const(self, name, value):
        value = np.asarray(value)
        dtype = "DT_INT32" if value.dtype.kind in "iu" else "DT_FLOAT"
        self.consts.append((name, value))
        return self.node(name, "Const", dtype={"type": dtype},
                         value={"tensor": {"dtype": dtype, "tensorShape": _shape(value.shape)}})


def graph_def(graph, output):
    """Translates KerasGraph layers to fused TF ops.

    Returns (modelTopology, signature, constants): the constants are (name,
    array) pairs in weights-manifest order. Covers the layers ResmoNet uses;
    anything else raises rather than export a graph that computes otherwise."""
    g = _GraphDef()
    weights = dict(graph.weights)
    source = {}    # Keras tensor name -> GraphDef tensor name
    padding = {}   # ZeroPadding2D name -> (its input, [[top, bottom], [left, right]])
    for layer in graph.layers:
        cls, cfg, name = layer["class_name"], layer["config"], layer["name"]
        ins = [n[0] for n in layer["inbound_nodes"][0]] if layer["inbound_nodes"] else []
        if cls == "InputLayer":
            h, w, c = graph.shapes[name]
            source[name] = g.node(name, "Placeholder", dtype={"type": "DT_FLOAT"},
                                  shape={"shape": _shape([-1, h, w, c])})
        elif cls == "ZeroPadding2D":
            padding[name] = (ins[0], cfg["padding"])
        elif cls in ("Conv2D", "DepthwiseConv2D"):
            x, pad = ins[0], None
            if x in padding:
                x, pad = padding[x]
            s = cfg["strides"][0]
            if pad is not None:
                (pt, pb), (pl, pr) = pad
                pad_attr = {"padding": {"s": _s("EXPLICIT")},
                            "explicit_paddings": _ints([0, 0, pt, pb, pl, pr, 0, 0])}
            else:
                pad_attr = {"padding": {"s": _s(cfg["padding"].upper())}}
            if cfg["activation"] not in ("relu", "linear") or not cfg["use_bias"]:
                raise ValueError(f"{name}: only convs with a bias and ReLU or no activation fuse")
            kernel = "kernel" if cls == "Conv2D" else "depthwise_kernel"
            filt = g.const(f"{name}/{kernel}", weights[f"{name}/{kernel}"])
            # A conv of a single input channel is a depthwise conv whose channel
            # multiplier is the output width: the kernel layout (kh, kw, 1, out) is
            # the same, and tfjs' depthwise kernels run it much faster than its
            # general conv (im2col + matmul over a depth of one).
            depthwise = cls == "DepthwiseConv2D" or graph.shapes[x][2] == 1
            bias = g.const(f"{name}/bias", weights[f"{name}/bias"])
            fused = ["BiasAdd"] + (["Relu"] if cfg["activation"] == "relu" else [])
            source[name] = g.node(name, "FusedDepthwiseConv2dNative" if depthwise else "_FusedConv2D",
                                  [source[x], filt, bias], strides=_ints([1, s, s, 1]),
                                  fused_ops={"list": {"s": [_s(op) for op in fused]}}, num_args={"i": "1"},
                                  **pad_attr)
        elif cls == "Add":
            if len(ins) != 2:
                raise ValueError("Add of more than two tensors")
            source[name] = g.node(name, "AddV2", [source[i] for i in ins])
        elif cls == "GlobalAveragePooling2D":
            axes = g.const(f"{name}/axes", np.array([1, 2], np.int32))
            source[name] = g.node(name, "Mean", [source[ins[0]], axes], keep_dims={"b": False})
        elif cls == "Dense":
            if cfg["activation"] != "linear" or not cfg["use_bias"]:
                raise ValueError("only a linear Dense with bias is exported as a graph")
            kernel = g.const(f"{name}/kernel", weights[f"{name}/kernel"])
            bias = g.const(f"{name}/bias", weights[f"{name}/bias"])
            source[name] = g.node(name, "_FusedMatMul", [source[ins[0]], kernel, bias],
                                  transpose_a={"b": False}, transpose_b={"b": False}, fused_ops={"list": {"s": [_s("BiasAdd")]}}, num_args={"i": "1"})
        else:
            raise ValueError(f"{cls} has no graph-model export")
        if any(i in padding for i in ins) and cls not in ("Conv2D", "DepthwiseConv2D"):
            raise ValueError(f"{name}: only a conv can take over a ZeroPadding2D")
    topology = {"node": g.nodes, "library": {}, "versions": {"producer": 1482}}
    signature = {"inputs": {graph.inputs[0]: {"name": f"{graph.inputs[0]}:0", "dtype": "DT_FLOAT",
                                              "tensorShape": _shape([-1, *graph.shapes[graph.inputs[0]]])}},
                 "outputs": {output: {"name": f"{source[output]}:0", "dtype": "DT_FLOAT",
                                      "tensorShape": _shape([-1, *graph.shapes[output]])}}}
    return topology, signature, g.consts


def write(graph, output, out_dir, fp16=True, fmt="layers", generated_by="resmo training/export_tfjs.py"):
    """Writes model.json + group1-shard1of1.bin as a tfjs "layers" or "graph"
    model; returns their total bytes. Float weights are stored as float16 when
    `fp16`; integer constants (graph axes) always as int32."""
    os.makedirs(out_dir, exist_ok=True)
    if fmt == "graph":
        topology, signature, tensors = graph_def(graph, output)
    elif fmt == "layers":
        topology, signature, tensors = graph.topology(output), None, graph.weights
    else:
        raise ValueError(fmt)
    blobs, specs = [], []
    for name, w in tensors:
        w = np.asarray(w)
        if w.dtype.kind in "iu":
            blobs.append(np.ascontiguousarray(w.astype("<i4")).tobytes())
            specs.append({"name": name, "shape": list(w.shape), "dtype": "int32"})
            continue
        blobs.append(np.ascontiguousarray(w.astype(np.float32).astype("<f2" if fp16 else "<f4")).tobytes())
        spec = {"name": name, "shape": list(w.shape), "dtype": "float32"}
        if fp16:
            spec["quantization"] = {"dtype": "float16", "original_dtype": "float32"}
        specs.append(spec)
    shard = "group1-shard1of1.bin"
    with open(os.path.join(out_dir, shard), "wb") as f:
        f.write(b"".join(blobs))
    model_json = {"format": f"{fmt}-model", "generatedBy": generated_by, "convertedBy": generated_by,
                  "modelTopology": topology,
                  "weightsManifest": [{"paths": [shard], "weights": specs}]}
    if signature is not None:
        model_json["signature"] = signature
    with open(os.path.join(out_dir, "model.json"), "w") as f:
        json.dump(model_json, f, separators=(",", ":"))
    return sum(os.path.getsize(os.path.join(out_dir, n)) for n in ("model.json", shard))


def rounded_weights(graph, fp16=True):
    """The weights exactly as tfjs will see them after decoding."""
    if not fp16:
        return graph.weights
    return [(n, np.asarray(w, np.float32).astype(np.float16).astype(np.float32)) for n, w in graph.weights]


# ---------------------------------------------------------------------------
# Reference forward pass of an exported graph in torch (NCHW), used to check
# the exported weights and to measure the shipped fp16 model in Python.

class GraphRunner(nn.Module):
    """Executes a KerasGraph with torch ops so Python can evaluate exactly the
    deployed (BN-folded, possibly fp16-rounded) weights."""

    def __init__(self, graph, fp16=True):
        super().__init__()
        self.layers = graph.layers
        self.w = {n: torch.from_numpy(np.ascontiguousarray(a)) for n, a in rounded_weights(graph, fp16)}
        self.flatten_from = getattr(graph, "flatten_from", {})

    @torch.no_grad()
    def forward(self, x):
        F = torch.nn.functional
        t = {}
        for layer in self.layers:
            cls, cfg, name = layer["class_name"], layer["config"], layer["name"]
            ins = [t[n[0]] for n in layer["inbound_nodes"][0]] if layer["inbound_nodes"] else [x]
            a = ins[0]
            if cls == "InputLayer":
                out = x
            elif cls == "ZeroPadding2D":
                (pt, pb), (pl, pr) = cfg["padding"]
                out = F.pad(a, (pl, pr, pt, pb))
            elif cls in ("Conv2D", "DepthwiseConv2D"):
                s = cfg["strides"][0]
                k = cfg["kernel_size"][0]
                pad = k // 2 if cfg["padding"] == "same" else 0
                if cls == "Conv2D":
                    w = self.w[f"{name}/kernel"].permute(3, 2, 0, 1)
                    groups = 1
                else:
                    dk = self.w[f"{name}/depthwise_kernel"]  # kh, kw, C, m
                    w = dk.permute(2, 3, 0, 1).reshape(-1, 1, dk.shape[0], dk.shape[1])
                    groups = dk.shape[2]
                out = F.conv2d(a, w, self.w.get(f"{name}/bias"), s, pad, groups=groups)
                out = _act(out, cfg["activation"])
            elif cls == "Activation":
                out = _act(a, cfg["activation"])
            elif cls == "Add":
                out = sum(ins[1:], ins[0])
            elif cls == "Concatenate":
                out = torch.cat(ins, 1)
            elif cls == "MaxPooling2D":
                out = F.max_pool2d(a, cfg["pool_size"][0], cfg["strides"][0])
            elif cls == "AveragePooling2D":
                out = F.avg_pool2d(a, cfg["pool_size"][0], cfg["strides"][0])
            elif cls == "GlobalAveragePooling2D":
                out = a.mean((2, 3))
            elif cls == "Flatten":
                out = a.permute(0, 2, 3, 1).reshape(a.shape[0], -1)
            elif cls == "Dense":
                out = a @ self.w[f"{name}/kernel"]
                if f"{name}/bias" in self.w:
                    out = out + self.w[f"{name}/bias"]
                out = _act(out, cfg["activation"])
            else:
                raise ValueError(cls)
            t[name] = out
        return out


def _act(x, fn):
    if fn == "linear":
        return x
    if fn == "relu":
        return torch.relu(x)
    if fn == "relu6":
        return torch.clamp(x, 0, 6)
    if fn == "softmax":
        return torch.softmax(x, -1)
    raise ValueError(fn)


# ---------------------------------------------------------------------------
# ResmoNet

def resmonet_graph(model):
    from .model import Bottleneck, ConvBN

    model = model.eval()
    g = KerasGraph("resmonet")
    x = g.input(48, 48, 1)

    def convbn(x, m, kind):
        return conv_bn(g, x, m[0], m[1], relu=len(m) > 2, kind=kind)

    for block in model.features:
        if isinstance(block, ConvBN):
            x = convbn(x, block, "conv")
        elif isinstance(block, Bottleneck):
            y = x
            for m in block.body:
                kind = "dwconv" if m[0].groups > 1 else ("project" if len(m) == 2 else "expand")
                y = convbn(y, m, kind)
            x = g.add([x, y]) if block.residual else y
        else:
            raise TypeError(type(block))
    x = g.global_avg_pool(x)
    out = g.dense(x, model.classifier.weight.detach().numpy(), model.classifier.bias.detach().numpy(),
                  name="logits")
    return g, out
