#!/usr/bin/env python3
"""Conv1d conformance fuzz cases, generated with real PyTorch 1.13 (format: shared/conformance/FORMAT.md).

    PYTHONHASHSEED=0 /usr/bin/python3 tools/gen_cases.py OUT_DIR [--seed 7] [--n-ok 400] [--n-func 60] ...

Needs Debian's python3-torch (PyTorch 1.13); conv4j's build never runs it. fuzz_conformance.sh next to it
generates the whole set used so far and checks conv4j on it.
"""
import argparse
import json
import math
import os
import random
import re
import shutil
import sys
import warnings

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from case_torch import DT, basis, first, forward  # noqa: E402

warnings.simplefilter("ignore")
torch.set_num_threads(1)

LANE_L = [7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257]
LANE_C = [7, 8, 9, 15, 16, 17, 31, 32, 33]


# ----------------------------------------------------------------------------------------------------------
# running one configuration through PyTorch

def run_torch(api, m, dtype, input_shape, input_dtype=None, weight_shape=None, bias_shape=None, seed=0,
              arrays=None):
    """Returns ("ok", dict of tensors) or ("error", stage, type, message)."""
    g = torch.Generator().manual_seed(seed)
    stage = "construct"
    try:
        if api == "module":
            mod = nn.Conv1d(**m, dtype=DT[dtype])
            w, b = mod.weight, mod.bias
            with torch.no_grad():
                if arrays is not None:
                    w.copy_(arrays["weight"])
                    if b is not None:
                        b.copy_(arrays["bias"])
                else:
                    fan = w.shape[1] * (int(np.prod(w.shape[2:])) if w.dim() > 2 else 1)
                    bound = 1 / math.sqrt(fan) if fan else 1.0
                    w.uniform_(-bound, bound, generator=g)
                    if b is not None:
                        b.uniform_(-bound, bound, generator=g)
        else:
            mod = None
            stage = "forward"
            if arrays is not None:
                w = arrays["weight"].clone().requires_grad_(True)
                b = None if bias_shape is None else arrays["bias"].clone().requires_grad_(True)
            else:
                fan = (weight_shape[1] * int(np.prod(weight_shape[2:]))) if len(weight_shape) > 1 else 0
                bound = 1 / math.sqrt(fan) if fan > 0 else 1.0
                w = ((torch.rand(weight_shape, generator=g, dtype=DT[dtype]) * 2 - 1) * bound).requires_grad_(True)
                b = None if bias_shape is None else (
                    (torch.rand(bias_shape, generator=g, dtype=DT[dtype]) * 2 - 1) * bound).requires_grad_(True)
        stage = "forward"
        if arrays is not None:
            x = arrays["input"].clone().requires_grad_(True)
        else:
            x = torch.randn(input_shape, generator=g, dtype=DT[input_dtype or dtype]).requires_grad_(True)
        out = forward(api, m, x, w, b, mod)
        if arrays is not None:
            go = arrays["grad_output"].clone()
        else:
            go = torch.randn(out.shape, generator=g, dtype=out.dtype)
        out.backward(go)
    except Exception as e:  # noqa: BLE001
        return ("error", stage, type(e).__name__, str(e))
    return ("ok", {"x": x, "w": w, "b": b, "out": out, "go": go,
                   "gw": w.grad if w.grad is not None else torch.zeros_like(w),
                   "gb": None if b is None else (b.grad if b.grad is not None else torch.zeros_like(b)),
                   "gx": x.grad if x.grad is not None else torch.zeros_like(x)})


# ----------------------------------------------------------------------------------------------------------
# error_contains selection (mirrors the shipped err_* cases)

SET_RE = re.compile(r"\{('[^'{}]*'(?:\s*,\s*'[^'{}]*')*)\}")


def error_keys(msg):
    """(error_contains, error_contains_all or None, unordered_sets)"""
    if SET_RE.search(msg):
        mm = SET_RE.search(msg)
        head = msg[:mm.start() + 1]
        items = [s.strip() for s in mm.group(1).split(",")]
        tail = msg[mm.end() - 1:]
        if msg.startswith("padding_mode must be one of"):
            key = msg[msg.index("but got padding_mode="):]
        elif msg.startswith("Invalid padding string"):
            key = head[:-2] if head.endswith(" {") else head
        else:
            key = head
        return key, [head] + items + [tail], True
    rules = [
        (r"expected input\[[^\]]*\] to have \d+ channels", None),
        (r"^(.*should be greater than zero)(, but got.*)$", 1),
        (r"^(Trying to create tensor with negative dimension -?\d+): .*$", 1),
        (r"expected weight to be at least \d+ at dimension 0", None),
        (r"Padding size should be less than the corresponding input dimension", None),
        (r"Kernel size can't be greater than actual input size", None),
        (r"expected bias to be 1-dimensional with \d+ elements, but got bias of size \[[^\]]*\] instead", None),
        (r"expected \w+ to be a single integer value or a list of 1 values", None),
    ]
    for pat, grp in rules:
        mm = re.search(pat, msg)
        if mm:
            return (mm.group(grp) if grp else mm.group(0)), None, False
    return msg, None, False


# ----------------------------------------------------------------------------------------------------------
# case writing

def save(path, t):
    np.save(path, t.detach().numpy())


def derived_module(weight_shape, bias_shape, stride, padding, dilation, groups):
    ws = list(weight_shape)
    return {"in_channels": (ws[1] * groups) if len(ws) > 1 else 0,
            "out_channels": ws[0] if ws else 0,
            "kernel_size": ws[2] if len(ws) > 2 else 0,
            "stride": stride, "padding": padding, "dilation": dilation, "groups": groups,
            "bias": bias_shape is not None, "padding_mode": "zeros"}


def write_case(root, cid, api, m, dtype, input_shape, res, source, category, input_dtype=None,
               weight_shape=None, bias_shape=None, quirk=None):
    d = os.path.join(root, cid)
    if os.path.exists(d):
        shutil.rmtree(d)
    os.makedirs(d)
    case = {"id": cid, "api": api, "module": m, "dtype": dtype}
    if input_dtype:
        case["input_dtype"] = input_dtype
    case["input_shape"] = list(input_shape)
    case["expect"] = "ok" if res[0] == "ok" else "error"
    case["source"] = source
    case["category"] = category
    if quirk:
        case["quirk"] = quirk
    if res[0] == "ok":
        t = res[1]
        case["weight_shape"] = list(t["w"].shape)
        case["bias_shape"] = None if t["b"] is None else list(t["b"].shape)
        case["output_shape"] = list(t["out"].shape)
        case["tolerance_basis"] = basis(api, m, t["x"], t["w"], t["b"], t["go"])
        save(os.path.join(d, "input.npy"), t["x"])
        save(os.path.join(d, "weight.npy"), t["w"])
        if t["b"] is not None:
            save(os.path.join(d, "bias.npy"), t["b"])
        save(os.path.join(d, "output.npy"), t["out"])
        save(os.path.join(d, "grad_output.npy"), t["go"])
        save(os.path.join(d, "grad_input.npy"), t["gx"])
        save(os.path.join(d, "grad_weight.npy"), t["gw"])
        if t["b"] is not None:
            save(os.path.join(d, "grad_bias.npy"), t["gb"])
    else:
        _, stage, etype, msg = res
        if api == "functional":
            case["weight_shape"] = weight_shape
            case["bias_shape"] = bias_shape
        key, allp, unordered = error_keys(msg)
        case["error_contains"] = key
        if allp:
            case["error_contains_all"] = allp
        case["error_message"] = msg
        case["error_message_unordered_sets"] = unordered
        case["error_stage"] = stage
        case["error_type"] = etype
    with open(os.path.join(d, "case.json"), "w") as fh:
        json.dump(case, fh, indent=1)
    return case


# ----------------------------------------------------------------------------------------------------------
# random legal configurations

def macs(n, cout, lout, cg, k):
    return max(1, n) * cout * max(1, lout) * max(1, cg) * k


def lout_of(L, pl, pr, d, k, s):
    return (L + pl + pr - d * (k - 1) - 1) // s + 1


def rand_ok(rng, big=False):
    for _ in range(1000):
        r = rng.random()
        g = rng.choice([1, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8])
        if r < 0.2:  # depthwise / channel multiplier
            cin = g if rng.random() < 0.7 else rng.choice([c for c in LANE_C if c <= 40] + [g])
            g = cin
            cout = cin * rng.choice([1, 1, 2, 3, 4])
        else:
            if rng.random() < 0.25:
                cin = rng.choice(LANE_C)
                cout = rng.choice(LANE_C + [1, 2, 3, 40])
                divs = [x for x in range(1, 9) if cin % x == 0 and cout % x == 0]
                g = rng.choice(divs)
            else:
                cin = g * rng.randint(1, max(1, 40 // g))
                cout = g * rng.randint(1, max(1, 40 // g))
        if rng.random() < 0.02:
            cin = 0
        if cin > 40 or cout > 40:
            continue
        k = rng.randint(1, 12) if rng.random() < 0.9 else rng.randint(13, 80)
        s = rng.choice([1, 1, 1, 2, 2, 3, 4, 5, 6])
        d = rng.choice([1, 1, 1, 2, 2, 3, 4, 5])
        mode = rng.choice(["zeros", "zeros", "reflect", "replicate", "circular"])
        pk = rng.random()
        if pk < 0.15:
            pad = "same"
            s = 1
        elif pk < 0.25:
            pad = "valid"
        elif pk < 0.35:
            pad = [rng.randint(0, 8)]
        else:
            pad = rng.randint(0, 8)
        ext = d * (k - 1) + 1
        if pad == "same":
            pl = ext // 2 - (0 if (ext - 1) % 2 == 0 else 0)
            tot = d * (k - 1)
            pl, pr = tot // 2, tot - tot // 2
        elif pad == "valid":
            pl = pr = 0
        else:
            pl = pr = first(pad)
        lr = rng.random()
        if big:
            L = rng.choice([1000, 1500, 2048, 3000, 4096, 5000])
        elif lr < 0.25:
            L = rng.choice(LANE_L)
        elif lr < 0.45:
            L = max(1, ext - pl - pr + rng.randint(0, 3))
        else:
            L = rng.randint(1, 300)
        L = max(L, 1)
        if L + pl + pr < ext:
            L = ext - pl - pr + rng.randint(0, 5)
        if L < 1:
            L = rng.randint(1, 4)
        # padding mode constraints (keep what PyTorch accepts; pre-filter obvious rejections)
        if mode == "reflect" and max(pl, pr) >= L:
            continue
        if mode == "circular" and max(pl, pr) > L:
            continue
        if L + pl + pr < ext:
            continue
        n = rng.choice([0, 1, 1, 2, 2, 3, 4, 5, None, None]) if rng.random() > 0.03 else 0
        if big:
            n = rng.choice([1, 2, None])
        lo = lout_of(L, pl, pr, d, k, s)
        cg = cin // g if cin else 0
        el_in = (n if n is not None else 1) * cin * L
        el_out = (n if n is not None else 1) * cout * lo
        lim_el = 600_000 if big else 200_000
        lim_mac = 3e7 if big else 3e6
        if max(el_in, el_out) > lim_el or macs(n or 1, cout, lo, cg, k) > lim_mac:
            continue
        # list forms
        kk = [k] if rng.random() < 0.1 else k
        ss = [s] if rng.random() < 0.1 else s
        dd = [d] if rng.random() < 0.1 else d
        m = {"in_channels": cin, "out_channels": cout, "kernel_size": kk, "stride": ss, "padding": pad,
             "dilation": dd, "groups": g, "bias": rng.random() < 0.65, "padding_mode": mode}
        shape = [cin, L] if n is None else [n, cin, L]
        return m, shape
    raise RuntimeError("no config")


def desc(m, shape, dtype):
    return "cfg " + " ".join("%s=%s" % (k, json.dumps(v).replace(" ", "")) for k, v in m.items()) + \
        " input=%s %s" % (json.dumps(shape).replace(" ", ""), dtype)


# ----------------------------------------------------------------------------------------------------------
# error configurations: systematic list, then random mutations

def base(**kw):
    m = {"in_channels": 4, "out_channels": 6, "kernel_size": 3, "stride": 1, "padding": 0, "dilation": 1,
         "groups": 1, "bias": True, "padding_mode": "zeros"}
    m.update(kw)
    return m


def systematic_errors():
    E = []  # (name, api, m, dtype, shape, input_dtype, weight_shape, bias_shape)

    def mod(name, shape=(2, 4, 10), dtype="float64", input_dtype=None, **kw):
        E.append((name, "module", base(**kw), dtype, list(shape), input_dtype, None, None))

    def fun(name, ws, bs, shape=(2, 4, 10), dtype="float64", input_dtype=None, stride=1, padding=0, dilation=1,
            groups=1):
        m = derived_module(ws, bs, stride, padding, dilation, groups)
        E.append((name, "functional", m, dtype, list(shape), input_dtype, list(ws), None if bs is None else list(bs)))

    # groups
    for gval in [0, -1, -4]:
        mod("groups_%s" % str(gval).replace("-", "m"), groups=gval)
    mod("groups_in_3", groups=3, out_channels=6)
    mod("groups_in_8", in_channels=12, out_channels=8, groups=8, shape=(1, 12, 20))
    mod("groups_out_4", in_channels=8, out_channels=6, groups=4, shape=(1, 8, 20))
    mod("groups_out_5", in_channels=10, out_channels=12, groups=5, shape=(1, 10, 20))
    mod("groups_both", in_channels=5, out_channels=7, groups=2, shape=(1, 5, 20))
    mod("groups_gt_in", in_channels=2, out_channels=4, groups=4, shape=(1, 2, 20))
    # channels
    mod("in0_out0", in_channels=0, out_channels=0, shape=(1, 0, 5))
    mod("out0", out_channels=0)
    mod("out0_f32", out_channels=0, dtype="float32")
    mod("in_neg", in_channels=-2)
    mod("out_neg", out_channels=-3)
    # kernel
    mod("k0", kernel_size=0)
    mod("k0_list", kernel_size=[0])
    mod("k0_dil3", kernel_size=0, dilation=3)
    mod("k0_s2", kernel_size=0, stride=2)
    mod("k_neg1", kernel_size=-1)
    mod("k_neg3", kernel_size=-3)
    mod("k_neg_list", kernel_size=[-2])
    mod("k_2list", kernel_size=[3, 3])
    mod("k_2list_b", kernel_size=[1, 2], shape=(1, 4, 10))
    # stride
    mod("s0", stride=0)
    mod("s0_list", stride=[0])
    mod("s_neg1", stride=-1)
    mod("s_neg3_pad", stride=-3, padding=2)
    mod("s_2list", stride=[1, 2])
    mod("s_2list_b", stride=[2, 2], padding=1)
    mod("s0_reflect", stride=0, padding=1, padding_mode="reflect")
    # dilation
    mod("d0", dilation=0)
    mod("d0_list", dilation=[0])
    mod("d_neg1", dilation=-1)
    mod("d_neg2_pad", dilation=-2, padding=3)
    mod("d_2list", dilation=[1, 2])
    mod("d0_short", dilation=0, shape=(1, 4, 2))
    # padding
    mod("p_neg1", padding=-1)
    mod("p_neg3", padding=-3)
    mod("p_neg_list", padding=[-2])
    mod("p_2list", padding=[1, 2])
    mod("p_2list_same", padding=[1, 1])
    mod("p_2list_circ", padding=[1, 1], padding_mode="circular")
    for s in ["full", "SAME", "Same", "VALID", "", "causal", "same ", "zeros"]:
        mod("pstr_%s" % (re.sub(r"\W", "x", s) or "empty"), padding=s)
    mod("same_s2", padding="same", stride=2)
    mod("same_s3", padding="same", stride=3)
    mod("same_slist2", padding="same", stride=[2])
    mod("same_s2_reflect", padding="same", stride=2, padding_mode="reflect")
    mod("same_s0", padding="same", stride=0)
    # padding_mode
    for pm in ["Reflect", "zero", "constant", "", "reflection", "circ", "ZEROS", "replicated"]:
        mod("pm_%s" % (pm or "empty"), padding=1, padding_mode=pm)
    mod("pm_bad_and_pstr", padding="full", padding_mode="zero")
    mod("pm_bad_and_groups", groups=3, padding_mode="xyz")
    mod("same_s2_and_pm", padding="same", stride=2, padding_mode="xyz")
    mod("groups0_and_pm", groups=0, padding_mode="xyz")
    mod("groups_and_pstr", groups=3, padding="full")
    # reflect / circular limits
    mod("reflect_eq_len", padding=4, padding_mode="reflect", shape=(2, 4, 4))
    mod("reflect_gt_len", padding=7, padding_mode="reflect", shape=(1, 4, 5))
    mod("reflect_len1", padding=1, padding_mode="reflect", shape=(1, 4, 1))
    mod("reflect_nb_eq", padding=3, padding_mode="reflect", shape=(4, 3))
    mod("reflect_same_big", kernel_size=11, padding="same", padding_mode="reflect", shape=(1, 4, 5))
    mod("circ_gt_len", padding=5, padding_mode="circular", shape=(2, 4, 4))
    mod("circ_gt_len1", padding=2, padding_mode="circular", shape=(1, 4, 1))
    mod("circ_same_big", kernel_size=13, padding="same", padding_mode="circular", shape=(1, 4, 5))
    mod("reflect_L0", padding=1, padding_mode="reflect", shape=(1, 4, 0))
    mod("replicate_L0", padding=1, padding_mode="replicate", shape=(1, 4, 0))
    mod("circ_L0", padding=1, padding_mode="circular", shape=(1, 4, 0))
    # too short
    mod("short_k3_L2", shape=(3, 4, 2))
    mod("short_k5_d2", kernel_size=5, dilation=2, shape=(1, 4, 8))
    mod("short_k3_p1_L0", padding=1, shape=(1, 4, 0))
    mod("short_k4_p1_L1", kernel_size=4, padding=1, shape=(1, 4, 1))
    mod("short_L0", shape=(1, 4, 0))
    mod("short_L0_k1", kernel_size=1, shape=(1, 4, 0))
    mod("short_nb", kernel_size=7, shape=(4, 5))
    mod("short_valid", kernel_size=9, padding="valid", shape=(2, 4, 8))
    mod("short_reflect", kernel_size=9, padding=1, padding_mode="reflect", shape=(2, 4, 5))
    mod("short_replicate", kernel_size=12, padding=2, padding_mode="replicate", shape=(2, 4, 5))
    mod("short_circ", kernel_size=12, padding=2, padding_mode="circular", shape=(2, 4, 5))
    mod("short_N0", kernel_size=5, shape=(0, 4, 3))
    mod("short_s2", kernel_size=5, stride=2, shape=(1, 4, 4))
    mod("short_g2", kernel_size=5, groups=2, shape=(1, 4, 4))
    # rank
    mod("rank0", shape=())
    mod("rank1", shape=(10,))
    mod("rank1_4", shape=(4,))
    mod("rank4", shape=(2, 4, 10, 1))
    mod("rank5", shape=(1, 2, 4, 10, 1))
    mod("rank1_reflect", padding=1, padding_mode="reflect", shape=(10,))
    mod("rank4_reflect", padding=1, padding_mode="reflect", shape=(1, 2, 4, 10))
    mod("rank4_replicate", padding=1, padding_mode="replicate", shape=(1, 2, 4, 10))
    mod("rank1_replicate", padding=1, padding_mode="replicate", shape=(10,))
    mod("rank1_circ", padding=1, padding_mode="circular", shape=(10,))
    mod("rank4_circ", padding=1, padding_mode="circular", shape=(1, 2, 4, 10))
    mod("rank5_circ", padding=1, padding_mode="circular", shape=(1, 1, 2, 4, 10))
    mod("rank1_k0", kernel_size=0, shape=(10,))
    # channels mismatch
    mod("ch_batched", shape=(2, 3, 10))
    mod("ch_batched_more", shape=(2, 5, 10))
    mod("ch_nb", shape=(3, 10))
    mod("ch_nb_more", shape=(8, 10))
    mod("ch_N0", shape=(0, 3, 10))
    mod("ch_C0", shape=(2, 0, 10))
    mod("ch_g2", groups=2, shape=(2, 6, 10))
    mod("ch_g2_nb", groups=2, shape=(2, 10))
    mod("ch_reflect", padding=1, padding_mode="reflect", shape=(2, 3, 10))
    mod("ch_replicate_nb", padding=1, padding_mode="replicate", shape=(3, 10))
    mod("ch_circ", padding=1, padding_mode="circular", shape=(2, 3, 10))
    mod("ch_short", shape=(2, 3, 2))
    mod("ch_dil0", dilation=0, shape=(2, 3, 10))
    mod("ch_s0", stride=0, shape=(2, 3, 10))
    mod("ch_pneg", padding=-1, shape=(2, 3, 10))
    mod("ch_k0", kernel_size=0, shape=(2, 3, 10))
    # dtype
    mod("dt_in32_mod64", input_dtype="float32")
    mod("dt_in64_mod32", dtype="float32", input_dtype="float64")
    mod("dt_in64_mod32_nb", dtype="float32", input_dtype="float64", shape=(4, 10))
    mod("dt_in32_mod64_reflect", padding=2, padding_mode="reflect", input_dtype="float32")
    mod("dt_in32_mod64_circ", padding=2, padding_mode="circular", input_dtype="float32")
    mod("dt_in64_mod32_nobias", dtype="float32", input_dtype="float64", bias=False)
    mod("dt_and_ch", input_dtype="float32", shape=(2, 3, 10))
    mod("dt_and_short", input_dtype="float32", shape=(2, 4, 2))
    # combinations (check order)
    mod("ord_s0_d0", stride=0, dilation=0)
    mod("ord_pneg_s0", padding=-1, stride=0)
    mod("ord_pneg_d0", padding=-1, dilation=0)
    mod("ord_k0_s0", kernel_size=0, stride=0)
    mod("ord_k0_pneg", kernel_size=0, padding=-1)
    mod("ord_short_s0", stride=0, shape=(1, 4, 2))
    mod("ord_short_pneg", padding=-1, shape=(1, 4, 2))
    mod("ord_rank_s0", stride=0, shape=(10,))
    mod("ord_s2list_p2list", stride=[1, 2], padding=[1, 2])
    mod("ord_d2list_s0", dilation=[1, 2], stride=0)
    mod("ord_k2list_s0", kernel_size=[3, 3], stride=0)
    mod("ord_ch_k0", kernel_size=0, shape=(2, 3, 10))
    mod("ord_out0_ch", out_channels=0, shape=(2, 3, 10))
    mod("ord_dil0_short_k5", dilation=0, kernel_size=5, shape=(1, 4, 2))
    # functional
    fun("f_w2d", [6, 4], [6])
    fun("f_w1d", [6], None)
    fun("f_w4d", [6, 4, 3, 1], [6])
    fun("f_w0d", [], None)
    fun("f_bias_short", [6, 4, 3], [5])
    fun("f_bias_long", [6, 4, 3], [7])
    fun("f_bias_2d", [6, 4, 3], [1, 6])
    fun("f_bias_0d", [6, 4, 3], [])
    fun("f_groups0", [6, 4, 3], None, groups=0)
    fun("f_groups_neg", [6, 4, 3], [6], groups=-2)
    fun("f_out_not_div", [5, 2, 3], None, groups=2)
    fun("f_out_not_div3", [7, 1, 3], [7], groups=4)
    fun("f_in_mismatch", [6, 3, 3], None, groups=1)
    fun("f_in_mismatch_g2", [6, 3, 3], [6], groups=2)
    fun("f_in_mismatch_nb", [6, 3, 3], None, shape=(4, 10))
    fun("f_out0", [0, 4, 3], None)
    fun("f_out0_g2", [0, 2, 3], None, groups=2)
    fun("f_w_in0", [6, 0, 3], None)
    fun("f_k0", [6, 4, 0], None)
    fun("f_pstr_full", [6, 4, 3], None, padding="full")
    fun("f_pstr_SAME", [6, 4, 3], None, padding="SAME")
    fun("f_pstr_empty", [6, 4, 3], None, padding="")
    fun("f_same_s2", [6, 4, 3], None, stride=2, padding="same")
    fun("f_same_slist2", [6, 4, 3], [6], stride=[3], padding="same")
    fun("f_pneg", [6, 4, 3], None, padding=-2)
    fun("f_p2list", [6, 4, 3], None, padding=[0, 1])
    fun("f_s2list", [6, 4, 3], None, stride=[2, 1])
    fun("f_d2list", [6, 4, 3], None, dilation=[2, 2])
    fun("f_s0", [6, 4, 3], None, stride=0)
    fun("f_sneg", [6, 4, 3], None, stride=-1)
    fun("f_d0", [6, 4, 3], None, dilation=0)
    fun("f_dneg", [6, 4, 3], None, dilation=-2)
    fun("f_short", [6, 4, 5], None, shape=(1, 4, 3))
    fun("f_short_dil", [6, 4, 3], None, dilation=4, shape=(1, 4, 8))
    fun("f_rank1", [6, 4, 3], None, shape=(10,))
    fun("f_rank4", [6, 4, 3], None, shape=(1, 2, 4, 10))
    fun("f_dt", [6, 4, 3], [6], input_dtype="float32")
    fun("f_dt_rev", [6, 4, 3], None, dtype="float32", input_dtype="float64")
    fun("f_ord_bias_groups", [5, 2, 3], [4], groups=2)
    fun("f_ord_bias_s0", [6, 4, 3], [5], stride=0)
    fun("f_ord_bias_ch", [6, 4, 3], [5], shape=(2, 3, 10))
    fun("f_ord_g0_bias", [6, 4, 3], [5], groups=0)
    fun("f_ord_w2d_pneg", [6, 4], None, padding=-1)
    fun("f_ord_same_s2_short", [6, 4, 9], None, stride=2, padding="same", shape=(1, 4, 3))
    fun("f_ord_pstr_s0", [6, 4, 3], None, stride=0, padding="full")
    fun("f_ord_same_d0", [6, 4, 3], None, dilation=0, padding="same")
    fun("f_ord_same_k0", [6, 4, 0], None, padding="same")
    fun("f_ord_same_ch", [6, 4, 3], None, padding="same", shape=(2, 3, 10))
    fun("f_ord_p2list_w4d", [6, 4, 3, 1], None, padding=[1, 1])
    return E


def try_module_case(kind, m, shape, rng, seen):
    """Draws a dtype and runs a module configuration not seen before through PyTorch: (dtype, result), or None
    to skip it (seen, or an unbatched circular error, where PyTorch 1.13 and later releases differ)."""
    dtype = rng.choice(["float32", "float64"])
    key = json.dumps([kind, m, dtype, shape], sort_keys=True)
    if key in seen:
        return None
    res = run_torch("module", m, dtype, shape, seed=rng.randrange(1 << 30))
    if res[0] != "ok" and m["padding_mode"] == "circular" and len(shape) == 2 and res[1] == "forward":
        return None
    seen.add(key)
    return dtype, res


def draw_module_case(kind, rng, seen, n, L, cin, cout, kernel_size, stride, padding, dilation, groups, mode):
    """A module configuration (bias drawn at random) on input (n, cin, L), or (cin, L) for n None, through
    try_module_case: (module, input shape, dtype, result), or None to skip it."""
    m = {"in_channels": cin, "out_channels": cout, "kernel_size": kernel_size, "stride": stride,
         "padding": padding, "dilation": dilation, "groups": groups, "bias": rng.random() < 0.6,
         "padding_mode": mode}
    shape = [cin, L] if n is None else [n, cin, L]
    tried = try_module_case(kind, m, shape, rng, seen)
    return None if tried is None else (m, shape) + tried


def random_error(rng):
    m = base(padding=1, groups=rng.choice([1, 2]), padding_mode=rng.choice(["zeros", "reflect", "replicate", "circular"]))
    vals = {"kernel_size": [0, -1, -2, [3, 3], [0], 12, [9]], "stride": [0, -1, -2, [1, 2], [0]],
            "padding": [-1, -2, [1, 2], "full", "SAME", "same", "valid", 6, 11],
            "dilation": [0, -1, [1, 2], 6], "groups": [0, -1, 3, 4, 6, 5], "in_channels": [0, 3, 5, 8, 6],
            "out_channels": [0, 3, 5, 12, 8], "padding_mode": ["Reflect", "zero", "constant"], "bias": [False]}
    keys = list(vals)
    chosen = rng.sample(keys, rng.choice([1, 2, 2, 3]))
    for key in chosen:
        m[key] = rng.choice(vals[key])
    cin = m["in_channels"]
    shapes = [[2, 4, 10], [4, 10], [1, 4, 2], [0, 4, 10], [2, 0, 10], [2, 4, 0], [10], [2, 4, 10, 1],
              [1, 4, 1], [3, 4, 3], [2, 3, 10], [4, 5], [1, 4, 6], [2, 8, 10], [6, 7]]
    if rng.random() < 0.5:
        shape = rng.choice(shapes)
    else:
        shape = [rng.choice([1, 2]), cin if cin >= 0 else 4, rng.choice([2, 5, 10])]
    return m, shape


# ----------------------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n-ok", type=int, default=400)
    ap.add_argument("--n-big", type=int, default=8)
    ap.add_argument("--n-func", type=int, default=60)
    ap.add_argument("--n-err-rand", type=int, default=90)
    ap.add_argument("--n-edge", type=int, default=0, help="random samples from the small-length edge grid")
    ap.add_argument("--n-dtype", type=int, default=0, help="input dtype != module dtype on random configs")
    ap.add_argument("--n-combo", type=int, default=0, help="random errors with 3-5 mutated parameters")
    ap.add_argument("--n-wide", type=int, default=0, help="float32 cases with many terms per element")
    ap.add_argument("--n-winograd", type=int, default=0,
                    help="float32 cases that conv4j runs as Winograd F(2,3)/F(2,5): 3 or 5 taps, stride 1, many channels")
    ap.add_argument("--n-odd", type=int, default=0, help="negative paddings / 2-element lists / 'same' interplay")
    ap.add_argument("--pad2-grid", action="store_true", help="full grid of 2-element paddings with every mode")
    ap.add_argument("--no-systematic", action="store_true", help="skip the fixed systematic error list")
    ap.add_argument("--prefix", default="hz", help="id prefix (use a different one per seed)")
    a = ap.parse_args()
    if os.environ.get("PYTHONHASHSEED") != "0":
        sys.exit("run with PYTHONHASHSEED=0")
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    manifest = []
    counts = {}

    def record(case):
        manifest.append({"id": case["id"], "category": case["category"], "expect": case["expect"],
                         "dtype": case["dtype"]})
        k = "%s/%s" % (case["category"], case["expect"])
        counts[k] = counts.get(k, 0) + 1

    # 1. random ok module cases
    i = 0
    rejected = 0
    while i < a.n_ok + a.n_big:
        big = i >= a.n_ok
        m, shape = rand_ok(rng, big)
        dtype = rng.choice(["float32", "float64"])
        res = run_torch("module", m, dtype, shape, seed=rng.randrange(1 << 30))
        if res[0] != "ok":
            rejected += 1
            continue
        pad = m["padding"]
        quirk = None
        cat = "large" if big else "random"
        if m["padding_mode"] == "circular" and len(shape) == 2:
            quirk = "unbatched circular: modern semantics, computed as a batch of one"
        if m["padding_mode"] == "replicate" and not isinstance(pad, str) and first(pad) >= shape[-1]:
            quirk = "replicate padding >= input length"
        if m["padding_mode"] == "reflect" and not isinstance(pad, str) and first(pad) == shape[-1] - 1:
            quirk = "reflect padding == input length - 1"
        if m["padding_mode"] == "circular" and not isinstance(pad, str) and first(pad) == shape[-1]:
            quirk = "circular padding == input length"
        record(write_case(a.out, a.prefix + "_%s%03d" % ("big" if big else "ok", i), "module", m, dtype, shape, res,
                          "tools/gen_cases.py random legal " + desc(m, shape, dtype), cat, quirk=quirk))
        i += 1
    print("random ok: rejected by PyTorch (retried):", rejected, file=sys.stderr)

    # 1b. negative padding with non-zero modes (PyTorch 1.13 crops)
    negs = [("replicate", 1, 3, -1, [2, 3, 9]), ("circular", 3, 2, -2, [2, 3, 12]), ("reflect", 1, 2, -1, [1, 2, 7]),
            ("reflect", 3, 1, -3, [2, 3, 16]), ("replicate", 2, 3, -2, [3, 11]), ("circular", 1, 1, -1, [1, 1, 5])]
    for j, (pm, k, cout, p, shape) in enumerate(negs):
        m = {"in_channels": shape[-2], "out_channels": cout, "kernel_size": k, "stride": 1, "padding": p,
             "dilation": 1, "groups": 1, "bias": True, "padding_mode": pm}
        res = run_torch("module", m, "float64", shape, seed=rng.randrange(1 << 30))
        if res[0] == "ok":
            record(write_case(a.out, a.prefix + "_neg%02d_%s" % (j, pm), "module", m, "float64", shape, res,
                              "tools/gen_cases.py negative padding " + desc(m, shape, "float64"), "quirk",
                              quirk="negative padding with %s crops the input" % pm))

    # 2. functional ok cases
    i = 0
    while i < a.n_func:
        m, shape = rand_ok(rng)
        cin, cout, g = m["in_channels"], m["out_channels"], m["groups"]
        k = first(m["kernel_size"])
        pad = m["padding"]
        stride, dil = m["stride"], m["dilation"]
        ws = [cout, cin // g if g else 0, k]
        bs = [cout] if m["bias"] else None
        fm = derived_module(ws, bs, stride, pad, dil, g)
        # F.conv1d has no padding_mode: the config's mode is replaced by zeros
        dtype = rng.choice(["float32", "float64"])
        res = run_torch("functional", fm, dtype, shape, weight_shape=ws, bias_shape=bs, seed=rng.randrange(1 << 30))
        if res[0] != "ok":
            continue
        record(write_case(a.out, a.prefix + "_fn%03d" % i, "functional", fm, dtype, shape, res,
                          "tools/gen_cases.py functional " + desc(fm, shape, dtype), "random"))
        i += 1
    # functional ok cases the module would not build/validate in the same form
    specials = [
        ("hzx_same_g3", [6, 1, 4], [6], [2, 3, 9], 1, "same", 3, 3),   # groups=3, in=3, even kernel, dilation 3
        ("hzx_w_in0", [4, 0, 3], [4], [2, 0, 9], 1, 0, 1, 1),          # zero in-channels weight
        ("hzx_pad_tuple", [3, 2, 5], None, [2, 2, 6], [2], [3], [1], 1),
        ("hzx_big_stride", [3, 2, 2], [3], [1, 2, 20], 7, 0, 1, 1),
        ("hzx_valid_s3", [4, 2, 3], [4], [2, 4, 11], 3, "valid", 2, 2),
        ("hzx_nb_same_d2", [5, 3, 4], [5], [3, 17], 1, "same", 2, 1),
        ("hzx_N0", [4, 2, 3], [4], [0, 4, 9], 2, 1, 1, 2),
        ("hzx_k_gt_L_pad", [2, 1, 9], [2], [1, 1, 3], 1, 3, 1, 1),
    ]
    for cid, ws, bs, shape, s, p, d, g in specials:
        fm = derived_module(ws, bs, s, p, d, g)
        res = run_torch("functional", fm, "float64", shape, weight_shape=ws, bias_shape=bs, seed=rng.randrange(1 << 30))
        if res[0] == "ok":
            record(write_case(a.out, a.prefix + cid[2:], "functional", fm, "float64", shape, res,
                              "tools/gen_cases.py functional special " + desc(fm, shape, "float64"), "random"))
        else:
            print("special not ok:", cid, res, file=sys.stderr)

    # 3. error cases
    seen = set()
    nerr = 0
    for (name, api, m, dtype, shape, idt, ws, bs) in ([] if a.no_systematic else systematic_errors()):
        res = run_torch(api, m, dtype, shape, idt, ws, bs, seed=rng.randrange(1 << 30))
        if res[0] == "ok":
            print("systematic error case is OK in PyTorch:", name, file=sys.stderr)
            continue
        if api == "module" and m["padding_mode"] == "circular" and len(shape) == 2 and res[1] == "forward":
            print("skip unbatched circular error (1.13 differs from later):", name, res[3], file=sys.stderr)
            continue
        case = write_case(a.out, a.prefix + "e_" + name, api, m, dtype, shape, res,
                          "tools/gen_cases.py systematic error " + name, "error", idt, ws, bs)
        seen.add(json.dumps([api, m, dtype, shape, idt, ws, bs], sort_keys=True))
        record(case)
        nerr += 1
    j = 0
    tries = 0
    while j < a.n_err_rand and tries < 5000:
        tries += 1
        m, shape = random_error(rng)
        dtype = rng.choice(["float32", "float64"])
        idt = None
        if rng.random() < 0.08:
            idt = "float64" if dtype == "float32" else "float32"
        api, ws, bs = "module", None, None
        if rng.random() < 0.25:
            api = "functional"
            ws = [rng.choice([0, 2, 3, 6, 8]), rng.choice([0, 1, 2, 4]), rng.choice([0, 1, 3, 5])]
            if rng.random() < 0.1:
                ws = ws[:2] if rng.random() < 0.5 else ws + [1]
            bs = rng.choice([None, [ws[0]], [ws[0] + 1], [1, ws[0]]])
            pad = m["padding"]
            if isinstance(pad, str) and pad not in ("same", "valid") and rng.random() < 0.5:
                pad = "same"
            m = derived_module(ws, bs, m["stride"], pad, m["dilation"], m["groups"])
        if len(shape) == 2 and api == "module" and m["padding_mode"] == "circular":
            continue
        key = json.dumps([api, m, dtype, shape, idt, ws, bs], sort_keys=True)
        if key in seen:
            continue
        res = run_torch(api, m, dtype, shape, idt, ws, bs, seed=rng.randrange(1 << 30))
        if res[0] == "ok":
            continue
        seen.add(key)
        record(write_case(a.out, a.prefix + "r_%03d" % j, api, m, dtype, shape, res,
                          "tools/gen_cases.py random error " + desc(m, shape, dtype), "error", idt, ws, bs))
        j += 1
        nerr += 1

    # 4. edge grid: tiny lengths, paddings around L, every mode; keeps ok and error outcomes alike
    j = 0
    tries = 0
    while j < a.n_edge and tries < 20 * max(1, a.n_edge):
        tries += 1
        L = rng.choice([0, 1, 1, 2, 2, 3, 4, 5, 8])
        mode = rng.choice(["zeros", "reflect", "replicate", "circular"])
        p = rng.choice([0, L - 1, L, L + 1, L + 3, "same", "valid", max(0, L - 2)])
        if isinstance(p, int) and p < 0:
            p = 0
        k = rng.choice([1, 2, 3, 4, 5, 9])
        d = rng.choice([1, 1, 2, 3])
        s_ = 1 if p == "same" else rng.choice([1, 1, 2, 3, 7])
        g = rng.choice([1, 1, 2, 3])
        cin = g * rng.choice([1, 1, 2])
        cout = g * rng.choice([1, 2, 3])
        n = rng.choice([None, 0, 1, 2, 3])
        if rng.random() < 0.1:
            p = [p] if isinstance(p, int) else p
        tried = draw_module_case("edge", rng, seen, n, L, cin, cout, k, s_, p, d, g, mode)
        if tried is None:
            continue
        m, shape, dtype, res = tried
        cat = "random" if res[0] == "ok" else "error"
        record(write_case(a.out, a.prefix + "g_%03d" % j, "module", m, dtype, shape, res,
                          "tools/gen_cases.py edge grid " + desc(m, shape, dtype), cat))
        j += 1

    # 5. dtype mismatch on random legal configs (message depends on PyTorch's backend choice)
    j = 0
    while j < a.n_dtype:
        m, shape = rand_ok(rng)
        if rng.random() < 0.3:
            m = dict(m, bias=rng.random() < 0.5)
        dtype = rng.choice(["float32", "float64"])
        idt = "float64" if dtype == "float32" else "float32"
        extra = rng.random()
        if extra < 0.15 and len(shape) == 3:
            shape = [shape[0], shape[1] + 1, shape[2]]
        elif extra < 0.25:
            shape = shape[:-1] + [1]
        api, ws, bs = "module", None, None
        if rng.random() < 0.3:
            api = "functional"
            ws = [m["out_channels"], m["in_channels"] // m["groups"], first(m["kernel_size"])]
            bs = [m["out_channels"]] if m["bias"] else None
            m = derived_module(ws, bs, m["stride"], m["padding"], m["dilation"], m["groups"])
        if len(shape) == 2 and api == "module" and m["padding_mode"] == "circular":
            continue
        res = run_torch(api, m, dtype, shape, idt, ws, bs, seed=rng.randrange(1 << 30))
        if res[0] == "ok":
            print("dtype mismatch accepted?!", m, shape, file=sys.stderr)
            continue
        record(write_case(a.out, a.prefix + "t_%03d" % j, api, m, dtype, shape, res,
                          "tools/gen_cases.py dtype mismatch " + desc(m, shape, dtype), "error", idt, ws, bs))
        j += 1

    # 6. heavier random error combinations
    j = 0
    tries = 0
    while j < a.n_combo and tries < 50 * max(1, a.n_combo):
        tries += 1
        m = base(padding=rng.choice([0, 1, 2]), groups=rng.choice([1, 2]),
                 padding_mode=rng.choice(["zeros", "reflect", "replicate", "circular"]))
        vals = {"kernel_size": [0, -1, [3, 3], [0], 12, [9], 1, 5], "stride": [0, -1, [1, 2], [0], 2, [3]],
                "padding": [-1, -2, [1, 2], "full", "same", "valid", 6, 11, [2], 3],
                "dilation": [0, -1, [1, 2], 6, 2, [3]], "groups": [0, -1, 3, 4, 6, 2],
                "in_channels": [0, 3, 6, 8, 2], "out_channels": [0, 3, 6, 12, 8, 2],
                "padding_mode": ["Reflect", "constant", "reflect", "replicate", "circular", "zeros"],
                "bias": [False, True]}
        for key in rng.sample(list(vals), rng.choice([3, 4, 5])):
            m[key] = rng.choice(vals[key])
        cin = m["in_channels"]
        shape = rng.choice([[rng.choice([0, 1, 2]), rng.choice([cin, cin + 1, 0]) if cin >= 0 else 4,
                             rng.choice([0, 1, 2, 3, 5, 10])],
                            [rng.choice([cin, 0, 4]) if cin >= 0 else 4, rng.choice([0, 1, 2, 5, 10])],
                            [2, 4, 10], [10], [1, 2, 4, 10]])
        dtype = rng.choice(["float32", "float64"])
        if len(shape) == 2 and m["padding_mode"] == "circular":
            continue
        key = json.dumps(["combo", m, dtype, shape], sort_keys=True)
        if key in seen:
            continue
        res = run_torch("module", m, dtype, shape, seed=rng.randrange(1 << 30))
        seen.add(key)
        cat = "random" if res[0] == "ok" else "error"
        record(write_case(a.out, a.prefix + "c_%03d" % j, "module", m, dtype, shape, res,
                          "tools/gen_cases.py combo " + desc(m, shape, dtype), cat))
        j += 1

    # 7. float32 cases with many summed terms per element
    wide = [(40, 4, 80, 1, 1, 1, 400, 0, "zeros"), (40, 40, 12, 1, 1, 1, 300, 5, "reflect"),
            (1, 1, 3, 1, 1, 5, 5000, 1, "zeros"), (2, 2, 5, 2, 1, 5, 5000, "same", "replicate"),
            (32, 8, 80, 1, 1, 2, 200, 40, "circular"), (40, 8, 40, 1, 2, 1, 300, "same", "zeros"),
            (16, 16, 80, 16, 1, 3, 1000, 79, "replicate"), (33, 33, 65, 3, 1, 2, 500, 64, "reflect"),
            (40, 40, 80, 8, 1, 1, 100, 0, "zeros"), (24, 6, 80, 1, 2, 1, 700, 8, "zeros")]
    for j, (ci, co, k, g, d, n, L, p, pm) in enumerate(wide[:a.n_wide]):
        m = {"in_channels": ci, "out_channels": co, "kernel_size": k, "stride": 1, "padding": p, "dilation": d,
             "groups": g, "bias": True, "padding_mode": pm}
        shape = [n, ci, L]
        res = run_torch("module", m, "float32", shape, seed=rng.randrange(1 << 30))
        if res[0] != "ok":
            print("wide not ok", m, shape, res[3], file=sys.stderr)
            continue
        record(write_case(a.out, a.prefix + "w_%02d" % j, "module", m, "float32", shape, res,
                          "tools/gen_cases.py wide " + desc(m, shape, "float32"), "large"))

    # 7b. float32 shapes of conv4j's Winograd kernels (3 or 5 taps, stride 1, dilation dividing 16, from 48 input
    # and 32 output channels per group), with every padding mode, 'same', unbatched inputs, odd lengths
    j = 0
    while j < a.n_winograd:
        g = rng.choice([1, 1, 1, 2])
        k = rng.choice([3, 3, 5])
        d = rng.choice([1, 1, 2, 4, 8, 16])
        ci = g * rng.choice([48, 50, 64, 100, 128])
        co = g * rng.choice([32, 33, 40, 64, 65])
        L = rng.choice([30, 63, 64, 65, 200, 333, 600]) + (k - 1) * d
        p = rng.choice([0, 1, (k - 1) // 2 * d, "same", "valid", (k - 1) * d + 1])
        pm = rng.choice(["zeros", "zeros", "reflect", "replicate", "circular"])
        if pm != "zeros" and not isinstance(p, str) and p >= L:
            continue
        n = rng.choice([None, 1, 2])
        m = {"in_channels": ci, "out_channels": co, "kernel_size": k, "stride": 1, "padding": p, "dilation": d,
             "groups": g, "bias": rng.random() < 0.7, "padding_mode": pm}
        shape = [ci, L] if n is None else [n, ci, L]
        res = run_torch("module", m, "float32", shape, seed=rng.randrange(1 << 30))
        if res[0] != "ok":
            continue
        record(write_case(a.out, a.prefix + "wg_%02d" % j, "module", m, "float32", shape, res,
                          "tools/gen_cases.py winograd " + desc(m, shape, "float32"), "large"))
        j += 1

    # 8. odd corners: negative padding with every mode, 2-element lists, 'same' with lists
    j = 0
    tries = 0
    while j < a.n_odd and tries < 50 * max(1, a.n_odd):
        tries += 1
        mode = rng.choice(["zeros", "reflect", "replicate", "circular"])
        L = rng.choice([1, 2, 3, 4, 5, 6, 8, 12])
        k = rng.choice([1, 1, 2, 3, 5])
        d = rng.choice([1, 1, 2])
        s_ = rng.choice([1, 1, 2, 3])
        r = rng.random()
        if r < 0.55:
            p = rng.choice([-1, -2, -3, -4, -6, -L, -L + 1, -(L // 2)])
            if rng.random() < 0.2:
                p = [p]
        elif r < 0.75:
            p = rng.choice([[1, 2], [0, 0], [2, 1], [-1, 1], [1], "same"])
        else:
            p = rng.choice(["same", 0, 1])
        kk = rng.choice([k, k, [k], [k, k], [k, 1]]) if r >= 0.55 else k
        dd = rng.choice([d, d, [d], [d, 1]]) if r >= 0.55 else d
        ss = rng.choice([s_, s_, [s_], [s_, 1]]) if r >= 0.55 else s_
        if p == "same" and rng.random() < 0.7:
            ss = 1
        g = rng.choice([1, 1, 2])
        cin, cout = g * rng.choice([1, 2]), g * rng.choice([1, 2, 3])
        n = rng.choice([None, 0, 1, 2])
        tried = draw_module_case("odd", rng, seen, n, L, cin, cout, kk, ss, p, dd, g, mode)
        if tried is None:
            continue
        m, shape, dtype, res = tried
        if res[0] == "ok":
            cat, q = "quirk", None
            if not isinstance(p, str) and min(first(p) if not isinstance(p, list) else min(p), 0) < 0:
                q = "negative padding with %s" % mode
        else:
            cat, q = "error", None
        record(write_case(a.out, a.prefix + "o_%03d" % j, "module", m, dtype, shape, res,
                          "tools/gen_cases.py odd corner " + desc(m, shape, dtype), cat, quirk=q))
        j += 1

    # 9. deterministic grid: 2-element padding lists with every padding mode (pads the channel dim too)
    if a.pad2_grid:
        j = 0
        for mode in ["zeros", "reflect", "replicate", "circular"]:
            for p0 in [-3, -2, -1, 0, 1, 2]:
                for p1 in [-2, -1, 0, 1, 2]:
                    for C in [1, 2, 3]:
                        for n in [None, 1, 2]:
                            for L in [2, 4]:
                                if n is None and mode == "circular":
                                    continue
                                m = {"in_channels": C, "out_channels": 2, "kernel_size": 1, "stride": 1,
                                     "padding": [p0, p1], "dilation": 1, "groups": 1, "bias": True,
                                     "padding_mode": mode}
                                shape = [C, L] if n is None else [n, C, L]
                                res = run_torch("module", m, "float64", shape, seed=rng.randrange(1 << 30))
                                ok = res[0] == "ok"
                                record(write_case(a.out, a.prefix + "p_%03d" % j, "module", m, "float64", shape, res,
                                                  "tools/gen_cases.py pad2 grid " + desc(m, shape, "float64"),
                                                  "quirk" if ok else "error",
                                                  quirk=("2-element padding [0, p] with %s: F.pad pads the channel "
                                                         "dim by 0 and the conv itself gets padding 0" % mode)
                                                  if ok else None))
                                j += 1

    mpath = os.path.join(a.out, "manifest.json")
    if os.path.exists(mpath):  # append to an existing manifest (several seeds in one folder)
        old = json.load(open(mpath))
        ids = {c["id"] for c in manifest}
        manifest[:0] = [c for c in old["cases"] if c["id"] not in ids]
        counts = {}
        for c in manifest:
            k = "%s/%s" % (c["category"], c["expect"])
            counts[k] = counts.get(k, 0) + 1
        a.seed = "%s,%s" % (old["seed"], a.seed)
    with open(mpath, "w") as fh:
        json.dump({"format_version": 1, "generator": "tools/gen_cases.py", "seed": a.seed, "subset": "fuzz",
                   "torch": "torch %s, numpy %s, CPU" % (torch.__version__, np.__version__),
                   "cases": manifest, "counts": dict(sorted(counts.items()))}, fh, indent=1)
    print(counts, file=sys.stderr)


if __name__ == "__main__":
    main()
