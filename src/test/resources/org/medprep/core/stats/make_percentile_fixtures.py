#!/usr/bin/python3
"""Percentile fixtures for PercentilesTest, computed by numpy (its default 'linear' method).

Run with Debian's python3 (python3-numpy): /usr/bin/python3 make_percentile_fixtures.py
Writes percentiles.json next to this script. Volumes are x fastest (Fortran order of (x, y, z)).
"""
import json
import os

import numpy as np

rng = np.random.default_rng(20261123)
shape = (20, 16, 10)  # x, y, z
percents = [0, 0.5, 1, 2.5, 25, 50, 75, 97.5, 99, 99.5, 100]

# int16 CT-like values with padding and a spike of outliers
ct = rng.normal(40, 300, size=shape).round().astype(np.int16)
ct[:3, :, :] = -2000
ct[5, 5, :] = 3000
# float32 MR-like values with zeros outside
mr = rng.gamma(4.0, 60.0, size=shape).astype(np.float32)
mr[:, :4, :] = 0
# a mask: a box
mask = np.zeros(shape, dtype=np.uint8)
mask[4:15, 3:12, 2:9] = 1

def pct(values):
    return [float(v) for v in np.percentile(values.astype(np.float64), percents)]

def flat(a):
    return [float(v) for v in a.flatten(order="F")]

out = {
    "shape": list(shape),
    "percents": percents,
    "ct": flat(ct),
    "mr": flat(mr),
    "mask": flat(mask),
    "ct_all": pct(ct),
    "ct_nonzero": pct(ct[ct != 0]),
    "ct_mask": pct(ct[mask != 0]),
    "mr_all": pct(mr),
    "mr_nonzero": pct(mr[mr != 0]),
    "mr_mask": pct(mr[mask != 0]),
    "numpy_version": np.__version__,
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "percentiles.json"), "w") as f:
    json.dump(out, f)
