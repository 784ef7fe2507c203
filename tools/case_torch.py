"""Shared helpers for the fuzz generator: run a case config through PyTorch 1.13 (modern semantics
for unbatched circular), and compute tolerance_basis per FORMAT.md."""
import math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
DT = {"float32": torch.float32, "float64": torch.float64}


def first(v):
    return v[0] if isinstance(v, (list, tuple)) else v


def build_module(m, dtype):
    return nn.Conv1d(**m, dtype=dtype)


def forward(api, m, x, w, b, mod=None):
    """Forward pass. module: mod is an nn.Conv1d whose params are w,b. Unbatched circular -> batch of one."""
    if api == "module":
        if x.dim() == 2 and m.get("padding_mode") == "circular":
            return mod(x.unsqueeze(0)).squeeze(0)
        return mod(x)
    return F.conv1d(x, w, b, m["stride"], m["padding"], m["dilation"], m["groups"])


def replicate_pad(m, w):
    """max one-sided padding amount actually applied by the module (for the replicate multiplier)."""
    p = m["padding"]
    if p == "valid":
        return 0
    if p == "same":
        k = first(m["kernel_size"]); d = first(m["dilation"])
        total = d * (k - 1)
        return total - total // 2
    return max(0, first(p))


def basis(api, m, x, w, b, go, same_pad_mode="max"):
    dtype = torch.float64
    xa = x.detach().abs().double().requires_grad_(True)
    wa = w.detach().abs().double()
    ba = None if b is None else b.detach().abs().double()
    if api == "module":
        mod = nn.Conv1d(**m, dtype=dtype)
        with torch.no_grad():
            mod.weight.copy_(wa)
            if ba is not None:
                mod.bias.copy_(ba)
        out = forward(api, m, xa, None, None, mod)
        gw = lambda: mod.weight.grad
        gb = lambda: None if mod.bias is None else mod.bias.grad
    else:
        wa.requires_grad_(True)
        if ba is not None:
            ba.requires_grad_(True)
        out = forward(api, m, xa, wa, ba)
        gw = lambda: wa.grad
        gb = lambda: None if ba is None else ba.grad
    out.backward(go.detach().abs().double())
    groups = m["groups"]
    k = w.shape[2]
    cg = w.shape[1]
    og = w.shape[0] // groups
    mode = m.get("padding_mode", "zeros") if api == "module" else "zeros"
    mult = {"zeros": 1, "reflect": 2, "circular": 3}.get(mode)
    if mode == "replicate":
        mult = 1 + replicate_pad(m, w)
    nl = out.shape[0] * out.shape[2] if out.dim() == 3 else out.shape[1]
    mx = lambda t: float(t.abs().max()) if t is not None and t.numel() else 0.0
    r = {"output": {"terms": max(1, cg * k + (1 if b is not None else 0)), "abs_scale": mx(out)},
         "grad_input": {"terms": max(1, og * k * mult), "abs_scale": mx(xa.grad)},
         "grad_weight": {"terms": max(1, nl), "abs_scale": mx(gw())}}
    if b is not None:
        r["grad_bias"] = {"terms": max(1, nl), "abs_scale": mx(gb())}
    return r
