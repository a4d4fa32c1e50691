#!/usr/bin/python3
"""Reference fixtures for org.medprep.core.normalize tests.

Run with Debian's Python (numpy 1.24, scipy 1.10, statsmodels 0.13 from the
Debian package python3-statsmodels):
    cd src/test/resources/org/medprep/normalize && /usr/bin/python3 make_fixtures.py

nyul_reference.txt: intensity-normalization's NyulNormalize (its _fit and
normalize_image, restated with the same numpy/scipy calls: np.percentile,
interp1d with fill_value="extrapolate") on three small 10x10x4 arrays with a
zero background; default landmarks 1, 10, ..., 90, 99 mapped to [1, 100].

whitestripe_reference.txt: intensity-normalization's WhiteStripeNormalize for
T1 (its setup, get_last_tissue_mode and smooth_histogram, restated with the
same statsmodels/scipy calls) on a 16x16x12 brain-like mixture.

fcm_reference.txt: intensity-normalization's FCM normalization on a 16x16x12
brain-like mixture, with scikit-fuzzy's cmeans (not packaged in Debian)
restated in numpy line by line: c=3, m=2, error=0.005, maxiter=50, seed 0.
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


def mixture(seed):
    """CSF / GM / WM values (integers, as MR is stored) in a 16x16x12 volume with a zero background."""
    r = np.random.RandomState(seed)
    shape = (12, 16, 16)
    labels = r.choice([1, 2, 3], size=shape, p=[0.2, 0.35, 0.45])
    means = {1: 300.0, 2: 650.0, 3: 900.0}
    x = np.vectorize(means.get)(labels).astype(np.float64) + r.normal(0, 40, size=shape)
    x = np.round(np.maximum(x, 1))
    x[:, :2, :] = 0
    return x


def write_array(out, name, x):
    out.write("%s: %s\n" % (name, " ".join(repr(float(v)) for v in np.ravel(x))))


# ---- WhiteStripe
import scipy.signal
import statsmodels.api as sm

x = mixture(7)
mask = x > 0
voi = x[mask]
threshold = float(np.percentile(voi, 96.0))
tail_removed = voi[voi <= threshold]
vec = np.asarray(tail_removed.flatten(), dtype=np.float64)
kde = sm.nonparametric.KDEUnivariate(vec)
kde.fit(kernel="gau", bw=vec.max() / 80, gridsize=80, fft=True)
pdf = 100.0 * kde.density
grid = kde.support
mode = grid[scipy.signal.argrelmax(pdf)[0][-1]]
q = np.mean(voi < mode).item()
lo, hi = np.quantile(voi, (max(q - 0.05, 0.0), min(q + 0.05, 1.0)))
masked = x * mask
stripe = (masked > lo) & (masked < hi)
with open("whitestripe_reference.txt", "w") as out:
    out.write("# made by make_fixtures.py; x fastest\n")
    write_array(out, "image", x)
    write_array(out, "mode", [mode])
    write_array(out, "bounds", [lo, hi])
    write_array(out, "stripe", [x[stripe].mean(), x[stripe].std(), stripe.sum()])


# ---- FCM (scikit-fuzzy 0.4 cmeans restated)
def cmeans(data, c, m, error, maxiter, seed):
    np.random.seed(seed)
    n = data.shape[1]
    u0 = np.random.rand(c, n)
    u0 /= np.ones((c, 1)).dot(np.atleast_2d(u0.sum(axis=0))).astype(np.float64)
    u = np.fmax(u0, np.finfo(np.float64).eps)
    p = 0
    while p < maxiter - 1:
        u2 = u.copy()
        u_old = u2 / np.ones((c, 1)).dot(np.atleast_2d(u2.sum(axis=0)))
        u_old = np.fmax(u_old, np.finfo(np.float64).eps)
        um = u_old ** m
        data_t = data.T
        cntr = um.dot(data_t) / (np.ones((data_t.shape[1], 1)).dot(np.atleast_2d(um.sum(axis=1))).T)
        d = np.sqrt(((data_t[None, :, :] - cntr[:, None, :]) ** 2).sum(axis=2))
        d = np.fmax(d, np.finfo(np.float64).eps)
        tmp = d ** (-2.0 / (m - 1))
        u = tmp / np.ones((c, 1)).dot(np.atleast_2d(tmp.sum(axis=0)))
        p += 1
        if np.linalg.norm(u - u2) < error:
            break
    return cntr, u, p


x = mixture(8)
mask = x > 0
centers, memberships, steps = cmeans(x[mask].reshape(-1, mask.sum()), 3, 2, 0.005, 50, 0)
order = np.argsort(centers[:, 0])
wm = np.zeros(x.shape)
wm[mask] = memberships[order[2]]
with open("fcm_reference.txt", "w") as out:
    out.write("# made by make_fixtures.py; x fastest\n")
    write_array(out, "image", x)
    write_array(out, "centres", np.sort(centers[:, 0]))
    write_array(out, "wm_mean", [np.average(x, weights=wm)])
    write_array(out, "wm_mean_threshold", [x[wm > 0.8].mean()])
