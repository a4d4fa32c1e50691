#!/usr/bin/python3
# Reference outputs of MedPrep's deterministic intensity transforms, reimplemented with numpy/scipy
# from the anchors' formulas (TorchIO, nnU-Net's batchgeneratorsv2, MONAI), for IntensityAgreementTest.
# Arrays are float32 little-endian, x fastest (numpy order (z, y, x)); fixtures.txt lists name nx ny nz.
# The parameters below are the ones the Java test passes. Run: /usr/bin/python3 make_fixtures.py
import os
import numpy as np
import scipy.stats

HERE = os.path.dirname(os.path.abspath(__file__))
sizes = []


def save(name, a_zyx):
    a = np.ascontiguousarray(a_zyx, dtype='<f4')
    a.tofile(os.path.join(HERE, name + '.f32'))
    sizes.append((name, a.shape[2], a.shape[1], a.shape[0]))


def input_volume(nx, ny, nz, seed):
    """A smooth positive image with a negative corner, as (z, y, x)."""
    rng = np.random.default_rng(seed)
    z, y, x = np.meshgrid(np.arange(nz), np.arange(ny), np.arange(nx), indexing='ij')
    v = 100 + 60 * np.sin(x / 3.0) * np.cos(y / 4.0) + 10 * z + rng.normal(0, 5, (nz, ny, nx))
    v[: nz // 3, : ny // 3, : nx // 3] -= 180
    return v.astype(np.float32)


# ---- gamma: nnU-Net's GammaTransform (range form), TorchIO's Gamma (sign power) ----
def gamma_range(img, g, invert, retain):
    x = img.astype(np.float64)
    if invert:
        x = -x
    if retain:
        mean, std = x.mean(), x.std(ddof=1)  # torch.std: ddof 1
    mn = x.min()
    rng = x.max() - mn
    x = np.power((x - mn) / max(rng, 1e-7), g) * rng + mn
    if retain:
        x = (x - x.mean()) * (std / max(x.std(ddof=1), 1e-7)) + mean
    if invert:
        x = -x
    return x


def gamma_power(img, g):
    x = img.astype(np.float64)
    return np.sign(x) * np.abs(x) ** g if x.min() < 0 else x ** g


def contrast(img, f, preserve):
    x = img.astype(np.float64)
    mean, lo, hi = x.mean(), x.min(), x.max()
    y = (x - mean) * f + mean
    return np.clip(y, lo, hi) if preserve else y


img = input_volume(12, 10, 8, 1)
save('input', img)
save('gamma_range_0.8', gamma_range(img, 0.8, False, False))
save('gamma_range_retain_1.3', gamma_range(img, 1.3, False, True))
save('gamma_range_invert_1.4', gamma_range(img, 1.4, True, False))
save('gamma_range_invert_retain_0.75', gamma_range(img, 0.75, True, True))
save('gamma_power_1.2', gamma_power(img, 1.2))
save('contrast_1.2_preserve', contrast(img, 1.2, True))
save('contrast_0.7', contrast(img, 0.7, False))

# ---- Rician noise statistics (MONAI's RandRicianNoise): mean and std of sqrt((A + n1)^2 + n2^2) ----
with open(os.path.join(HERE, 'rician.txt'), 'w') as f:
    f.write('# amplitude sigma mean std (scipy.stats.rice with b = A / sigma, scale = sigma)\n')
    for a, s in [(0.0, 1.0), (1.0, 1.0), (3.0, 0.5), (100.0, 20.0)]:
        r = scipy.stats.rice(a / s, scale=s)
        f.write('%r %r %.17g %.17g\n' % (a, s, r.mean(), r.std()))

with open(os.path.join(HERE, 'fixtures.txt'), 'w') as f:
    f.write('# name nx ny nz (float32, x fastest), made by make_fixtures.py\n')
    for s in sizes:
        f.write('%s %d %d %d\n' % s)
