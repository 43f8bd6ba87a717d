"""Runs a TensorFlow.js graph model written by export_tfjs.py (the shipped
public/models/resmonet/) with torch ops, from its model.json and weight shard
alone, so the shipped files can be evaluated without the training checkpoints.
Covers the ops the exporter writes; any other op raises."""
import base64
import json
import os

import numpy as np
import torch
import torch.nn.functional as F


def read_weights(model_dir, manifest):
    """{name: array} decoded as tfjs decodes them (float16 -> float32)."""
    out = {}
    for group in manifest:
        blob = b"".join(open(os.path.join(model_dir, p), "rb").read() for p in group["paths"])
        offset = 0
        for spec in group["weights"]:
            n = int(np.prod(spec["shape"])) if spec["shape"] else 1
            dtype = "<i4" if spec["dtype"] == "int32" else "<f2" if spec.get("quantization") else "<f4"
            size = n * np.dtype(dtype).itemsize
            arr = np.frombuffer(blob[offset:offset + size], dtype).reshape(spec["shape"])
            out[spec["name"]] = arr.astype(np.int64 if dtype == "<i4" else np.float32)
            offset += size
    return out


def _attr_list(node, key):
    return node.get("attr", {}).get(key, {}).get("list", {})


def _fused(node):
    return [base64.b64decode(s).decode() for s in _attr_list(node, "fused_ops").get("s", [])]


def _pad(x, node, k):
    mode = base64.b64decode(node["attr"]["padding"]["s"]).decode()
    stride = int(_attr_list(node, "strides")["i"][1])
    if mode == "EXPLICIT":
        _, _, pt, pb, pl, pr, _, _ = (int(v) for v in _attr_list(node, "explicit_paddings")["i"])
        return F.pad(x, (pl, pr, pt, pb)), stride
    if mode == "SAME" and stride == 1 and k % 2 == 1:
        return F.pad(x, (k // 2,) * 4), stride
    if mode == "VALID":
        return x, stride
    raise ValueError(f"{node['name']}: padding {mode} with stride {stride} is not supported")


class TfjsGraph:
    def __init__(self, model_dir):
        with open(os.path.join(model_dir, "model.json")) as f:
            model = json.load(f)
        self.nodes = model["modelTopology"]["node"]
        self.weights = {k: torch.from_numpy(v) for k, v in read_weights(model_dir, model["weightsManifest"]).items()}
        self.output = model["signature"]["outputs"]
        self.output = next(iter(self.output.values()))["name"].split(":")[0]

    @torch.no_grad()
    def __call__(self, x_nhwc):
        """Logits for a float (N, 48, 48, 1) batch, already scaled."""
        t = {}
        for node in self.nodes:
            op, name, ins = node["op"], node["name"], node.get("input", [])
            if op == "Placeholder":
                t[name] = x_nhwc.permute(0, 3, 1, 2)
            elif op == "Const":
                t[name] = self.weights[name]
            elif op in ("_FusedConv2D", "FusedDepthwiseConv2dNative"):
                x, kernel, bias = t[ins[0]], t[ins[1]], t[ins[2]]
                kh, kw, cin, cout = kernel.shape
                if op == "_FusedConv2D":
                    w, groups = kernel.permute(3, 2, 0, 1), 1
                else:
                    w, groups = kernel.permute(2, 3, 0, 1).reshape(cin * cout, 1, kh, kw), cin
                x, stride = _pad(x, node, kh)
                y = F.conv2d(x, w.contiguous(), bias, stride, groups=groups)
                t[name] = self._activate(y, node)
            elif op == "AddV2":
                t[name] = t[ins[0]] + t[ins[1]]
            elif op == "Mean":
                if sorted(t[ins[1]].tolist()) != [1, 2] or node["attr"].get("keep_dims", {}).get("b"):
                    raise ValueError(f"{name}: only a global spatial mean is supported")
                t[name] = t[ins[0]].mean((2, 3))
            elif op == "_FusedMatMul":
                t[name] = self._activate(t[ins[0]] @ t[ins[1]] + t[ins[2]], node)
            else:
                raise ValueError(f"{name}: op {op} is not supported")
        return t[self.output]

    @staticmethod
    def _activate(y, node):
        ops = _fused(node)
        if ops[:1] != ["BiasAdd"] or any(o not in ("BiasAdd", "Relu") for o in ops):
            raise ValueError(f"{node['name']}: fused ops {ops} are not supported")
        return F.relu(y) if "Relu" in ops else y
