#!/usr/bin/env python3
"""Generate extra Conv1d conformance cases with real PyTorch, in the format of shared/conformance/FORMAT.md.

    PYTHONHASHSEED=0 /usr/bin/python3 tools/gen_cases.py OUT_DIR [--n-random 400] [--seed 1]

Needs Debian's python3-torch (PyTorch 1.13) and python3-numpy. conv4j's build never runs this: it is a
developer's tool for probing far more configurations than the public sample holds (random legal ones,
and deliberately illegal ones for the error paths), the way the held-out set does.
"""
import argparse
import itertools
import json
import math
import os
import random
import warnings

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

warnings.simplefilter("ignore")
torch.set_num_threads(1)
DT = {"float32": torch.float32, "float64": torch.float64}


def single(v):
    return list(v) if isinstance(v, (list, tuple)) else [v]


def save(path, t):
    np.save(path, t.detach().numpy())


def basis(m, api, args, x, w, b, go):
    """tolerance_basis per FORMAT.md: terms and abs_scale from the same conv on absolute values in float64."""
    kw = dict(stride=args["stride"], dilation=args["dilation"], groups=args["groups"])
    xa = x.detach().abs().double().requires_grad_(True)
    wa = w.detach().abs().double().requires_grad_(True)
    ba = None if b is None else b.detach().abs().double().requires_grad_(True)
    if api == "module":
        mod = nn.Conv1d(**m, dtype=torch.float64)
        with torch.no_grad():
            mod.weight.copy_(wa)
            if ba is not None:
                mod.bias.copy_(ba)
        mod.weight.requires_grad_(True)
        out = mod(xa)
        wgrad = lambda: mod.weight.grad
        bgrad = lambda: None if mod.bias is None else mod.bias.grad
    else:
        out = F.conv1d(xa, wa, ba, padding=args["padding"], **kw)
        wgrad = lambda: wa.grad
        bgrad = lambda: None if ba is None else ba.grad
    out.backward(go.detach().abs().double())
    k = int(np.prod(w.shape[2:])) if w.dim() > 2 else 1
    cg = w.shape[1]
    og = w.shape[0] // max(1, args["groups"])
    mode = m.get("padding_mode", "zeros") if api == "module" else "zeros"
    pad = single(m["padding"])[0] if not isinstance(m["padding"], str) else 0
    mult = {"zeros": 1, "reflect": 2, "circular": 3, "replicate": 1 + max(0, pad)}[mode]
    n_lout = int(np.prod(out.shape)) // max(1, out.shape[-2] if out.dim() == 3 else out.shape[0]) if out.numel() else 0
    if out.dim() == 3:
        n_lout = out.shape[0] * out.shape[2]
    else:
        n_lout = out.shape[1]
    mx = lambda t: float(t.abs().max()) if t is not None and t.numel() else 0.0
    r = {"output": {"terms": cg * k + (1 if b is not None else 0), "abs_scale": mx(out)},
         "grad_input": {"terms": og * k * mult, "abs_scale": mx(xa.grad)},
         "grad_weight": {"terms": n_lout, "abs_scale": mx(wgrad())}}
    if b is not None:
        r["grad_bias"] = {"terms": n_lout, "abs_scale": mx(bgrad())}
    return r


def run_case(out_dir, cid, api, m, dtype, input_shape, input_dtype=None, weight_shape=None, bias_shape=None,
             category="random", rng=None):
    case = {"id": cid, "api": api, "module": m, "dtype": dtype, "input_shape": input_shape,
            "source": "tools/gen_cases.py", "category": category}
    if input_dtype:
        case["input_dtype"] = input_dtype
    if api == "functional":
        case["weight_shape"] = weight_shape
        case["bias_shape"] = bias_shape
    d = os.path.join(out_dir, cid)
    os.makedirs(d, exist_ok=True)
    g = torch.Generator().manual_seed(rng.randrange(1 << 30))
    try:
        stage = "construct"
        if api == "module":
            mod = nn.Conv1d(**m, dtype=DT[dtype])
            w = mod.weight
            b = mod.bias
            with torch.no_grad():
                fan = w.shape[1] * (int(np.prod(w.shape[2:])) if w.dim() > 2 else 1)
                bound = 1 / math.sqrt(fan) if fan else 1.0
                w.uniform_(-bound, bound, generator=g)
                if b is not None:
                    b.uniform_(-bound, bound, generator=g)
        else:
            w = (torch.rand(weight_shape, generator=g, dtype=DT[dtype]) * 2 - 1).requires_grad_(True)
            b = None if bias_shape is None else (torch.rand(bias_shape, generator=g, dtype=DT[dtype]) * 2 - 1).requires_grad_(True)
        stage = "forward"
        x = torch.randn(input_shape, generator=g, dtype=DT[input_dtype or dtype]).requires_grad_(True)
        if api == "module":
            out = mod(x)
        else:
            out = F.conv1d(x, w, b, m["stride"], m["padding"], m["dilation"], m["groups"])
        go = torch.randn(out.shape, generator=g, dtype=out.dtype)
        out.backward(go)
    except Exception as e:  # noqa: BLE001
        msg = str(e).split("\n")[0]
        case.update({"expect": "error", "error_message": msg, "error_contains": msg, "error_stage": stage,
                     "error_type": type(e).__name__})
        if "{" in msg and "'" in msg:
            # Python set reprs: only the stable pieces are required (FORMAT.md).
            head = msg[:msg.index("{") + 1]
            items = msg[msg.index("{") + 1:msg.index("}")].split(", ")
            tail = msg[msg.index("}"):]
            case["error_contains"] = head
            case["error_contains_all"] = items + [tail]
        json.dump(case, open(os.path.join(d, "case.json"), "w"), indent=1)
        return "error"
    save(os.path.join(d, "input.npy"), x)
    save(os.path.join(d, "weight.npy"), w)
    if b is not None:
        save(os.path.join(d, "bias.npy"), b)
    save(os.path.join(d, "output.npy"), out)
    save(os.path.join(d, "grad_output.npy"), go)
    save(os.path.join(d, "grad_input.npy"), x.grad)
    save(os.path.join(d, "grad_weight.npy"), w.grad)
    if b is not None:
        save(os.path.join(d, "grad_bias.npy"), b.grad)
    args = {"stride": m["stride"], "padding": m["padding"], "dilation": m["dilation"], "groups": m["groups"]}
    case.update({"expect": "ok", "weight_shape": list(w.shape), "bias_shape": None if b is None else list(b.shape),
                 "output_shape": list(out.shape), "tolerance_basis": basis(m, api, args, x, w, b, go)})
    json.dump(case, open(os.path.join(d, "case.json"), "w"), indent=1)
    return "ok"


def random_legal(rng):
    g = rng.choice([1, 1, 1, 2, 3, 4])
    cin = g * rng.randint(0 if rng.random() < 0.03 else 1, 4)
    cout = g * rng.randint(1, 4)
    k = rng.randint(1, 9)
    s = rng.randint(1, 4)
    d = rng.randint(1, 4)
    mode = rng.choice(["zeros", "zeros", "reflect", "replicate", "circular"])
    pad = rng.choice([0, 1, 2, 3, 5, "same", "valid", [1], [2]])
    if pad == "same":
        s = 1
    m = {"in_channels": cin, "out_channels": cout, "kernel_size": k, "stride": s, "padding": pad, "dilation": d,
         "groups": g, "bias": rng.random() < 0.7, "padding_mode": mode}
    ext = d * (k - 1) + 1
    L = rng.randint(max(1, ext - 3), ext + 40)
    n = rng.choice([0, 1, 1, 2, 3, None])
    shape = [cin, L] if n is None else [n, cin, L]
    return m, shape


def weird(rng):
    m = {"in_channels": 4, "out_channels": 6, "kernel_size": 3, "stride": 1, "padding": 1, "dilation": 1,
         "groups": 2, "bias": True, "padding_mode": rng.choice(["zeros", "reflect", "replicate", "circular"])}
    keys = ["kernel_size", "stride", "padding", "dilation", "groups", "in_channels", "out_channels",
            "padding_mode", "shape"]
    vals = {"kernel_size": [0, -1, -3, [3, 3], [], [2], [0]], "stride": [0, -1, -2, [1, 2], [], [2]],
            "padding": [-1, -2, -3, [1, 2], [], [1, 1, 1], "full", "SAME", "same", "valid", 7, 9],
            "dilation": [0, -1, [1, 2], [], 9], "groups": [0, -1, 3, 4, 6], "in_channels": [0, 3, -2, 5, 8],
            "out_channels": [0, 3, -6, 5, 12], "padding_mode": ["Reflect", "zero", "constant", ""], "shape": [None]}
    chosen = rng.sample(keys, rng.choice([1, 1, 2, 3]))
    for key in chosen:
        if key != "shape":
            m[key] = rng.choice(vals[key])
    key = "shape" if "shape" in chosen else chosen[0]
    shapes = [[2, 4, 10], [4, 10], [1, 4, 2], [0, 4, 10], [2, 0, 10], [2, 4, 0], [10], [], [2, 4, 10, 1],
              [1, 4, 1], [3, 4, 3], [2, 3, 10], [4, 1]]
    shape = rng.choice(shapes) if key == "shape" or rng.random() < 0.5 else [2, m["in_channels"] if isinstance(
        m["in_channels"], int) and m["in_channels"] >= 0 else 4, 10]
    return m, shape


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--n-random", type=int, default=400)
    ap.add_argument("--n-weird", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    counts = {"ok": 0, "error": 0}
    for i in range(a.n_random):
        m, shape = random_legal(rng)
        dtype = rng.choice(["float32", "float64"])
        api = "module" if rng.random() < 0.8 else "functional"
        if api == "functional":
            m["padding_mode"] = "zeros"
            w_shape = [m["out_channels"], m["in_channels"] // m["groups"], m["kernel_size"]]
            b_shape = [m["out_channels"]] if m["bias"] else None
            counts[run_case(a.out, "gr%04d" % i, api, m, dtype, shape, weight_shape=w_shape, bias_shape=b_shape,
                            rng=rng)] += 1
        else:
            counts[run_case(a.out, "gr%04d" % i, api, m, dtype, shape, rng=rng)] += 1
    for i in range(a.n_weird):
        m, shape = weird(rng)
        dtype = rng.choice(["float32", "float64"])
        input_dtype = None
        if rng.random() < 0.1:
            input_dtype = "float64" if dtype == "float32" else "float32"
        if rng.random() < 0.25:
            ws = [rng.choice([0, 2, 3, 6]), rng.choice([0, 1, 2, 4]), rng.choice([0, 1, 3, 5])]
            bs = rng.choice([None, [ws[0]], [ws[0] + 1], [1, ws[0]]])
            mm = dict(m, padding_mode="zeros")
            if isinstance(mm["padding"], str) and mm["padding"] not in ("same", "valid"):
                mm["padding"] = "same"
            counts[run_case(a.out, "gw%04d" % i, "functional", mm, dtype, shape, input_dtype, ws, bs, "error",
                            rng=rng)] += 1
        else:
            counts[run_case(a.out, "gw%04d" % i, "module", m, dtype, shape, input_dtype, category="error",
                            rng=rng)] += 1
    print(counts)


if __name__ == "__main__":
    main()
