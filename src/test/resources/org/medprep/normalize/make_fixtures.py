#!/usr/bin/python3
"""Reference fixtures for org.medprep.core.normalize tests.

Run with Debian's Python (numpy 1.24, scipy 1.10):
    cd src/test/resources/org/medprep/normalize && /usr/bin/python3 make_fixtures.py

nyul_reference.txt: intensity-normalization's NyulNormalize (its _fit and
normalize_image, restated with the same numpy/scipy calls: np.percentile,
interp1d with fill_value="extrapolate") on three small 10x10x4 arrays with a
zero background; default landmarks 1, 10, ..., 90, 99 mapped to [1, 100].
"""
import numpy as np
from scipy.interpolate import interp1d

rng = np.random.RandomState(6)
percs = np.concatenate(([1.0], np.arange(10.0, 90.0 + 10.0, 10.0), [99.0]))

images = []
for k, (scale, gamma) in enumerate([(1.0, 1.0), (2.3, 1.2), (0.7, 0.8)]):
    x = rng.gamma(4.0, 50.0, size=(4, 10, 10))            # z, y, x
    x = scale * 200.0 * (x / 200.0) ** gamma
    x[:, :2, :] = 0.0                                     # background
    images.append(x.astype(np.float32).astype(np.float64))

standard = np.zeros(len(percs))
for x in images:
    voi = x[x > 0]
    landmarks = np.percentile(voi, percs)
    f = interp1d([np.percentile(voi, 1.0), np.percentile(voi, 99.0)], [1.0, 100.0])
    standard += np.array(f(landmarks))
standard /= len(images)

x = images[0]
landmarks = np.percentile(x[x > 0], percs)
normalized = interp1d(landmarks, standard, fill_value="extrapolate")(x)

with open("nyul_reference.txt", "w") as out:
    out.write("# made by make_fixtures.py; arrays flattened x fastest (C order of z, y, x)\n")
    for k, x in enumerate(images):
        out.write("image%d: %s\n" % (k, " ".join(repr(float(v)) for v in x.ravel())))
    out.write("scale: %s\n" % " ".join(repr(float(v)) for v in standard))
    out.write("normalized0: %s\n" % " ".join(repr(float(v)) for v in normalized.ravel()))
