#!/usr/bin/python3
"""Reference results for org.medprep.core.segment, from scikit-learn 1.2 (Debian python3-sklearn).

Run from this directory with Debian's python (not a pyenv one):
    /usr/bin/python3 make_fixtures.py
Writes:
  nmf_x.u16      X for NMF, 4096 x 16 (64x64 pixels per slice, 16 slices; one column per slice,
                 row = y * 64 + x), uint16 little-endian, row-major
  nmf.tsv        NMF settings and scikit-learn's reconstruction_err_ / n_iter_
  km_values.u16  20000 synthetic 16-bit "MR" intensities (uint16 little-endian)
  km_blobs.f64   3000 x 2 points around known centres (float64 little-endian, row-major)
  kmeans.tsv     KMeans settings and scikit-learn's inertia_ / centres
"""
import warnings

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.decomposition import NMF

warnings.simplefilter("ignore")
rng = np.random.RandomState(1234)

# ---- NMF: a 64x64x16 stack mixing three smooth non-negative "tissue" images, plus noise
yy, xx = np.mgrid[0:64, 0:64]
def blob(cy, cx, r):
    return np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2.0 * r * r))
basis = np.stack([blob(20, 22, 9), blob(40, 40, 12), (xx > 30).astype(float) * blob(32, 50, 20)], axis=1)
basis = basis.reshape(64 * 64, 3)
mix = rng.uniform(0.2, 1.0, size=(3, 16))
x = basis @ mix * 1500.0 + rng.uniform(0, 120, size=(64 * 64, 16))
x = np.round(x).astype(np.uint16)
x.astype("<u2").tofile("nmf_x.u16")
X = x.astype(np.float64)

cases = []
def nmf_case(name, **kw):
    model = NMF(random_state=0, **kw)
    model.fit_transform(X)
    d = dict(name=name, reconstruction_err=float(model.reconstruction_err_), n_iter=int(model.n_iter_))
    d.update({k: v for k, v in kw.items()})
    cases.append(d)

nmf_case("cd nndsvda k3", n_components=3, init="nndsvda", solver="cd")
nmf_case("cd nndsvd k5", n_components=5, init="nndsvd", solver="cd")
nmf_case("cd nndsvd k3 tol0 200", n_components=3, init="nndsvd", solver="cd", tol=0.0, max_iter=200)
nmf_case("mu nndsvda k4", n_components=4, init="nndsvda", solver="mu")
nmf_case("mu nndsvda k3 tol0 300", n_components=3, init="nndsvda", solver="mu", tol=0.0, max_iter=300)
nmf_case("cd nndsvdar k3", n_components=3, init="nndsvdar", solver="cd")
nmf_case("cd random k3", n_components=3, init="random", solver="cd", max_iter=500)
nmf_case("mu nndsvda k3 l1 0.5 alpha 0.01", n_components=3, init="nndsvda", solver="mu", alpha_W=0.01, l1_ratio=0.5)
# the knee-MRI study: init nndsvd, max_iter 600, l1_ratio 0.8, alpha 10 (read as alpha_W = alpha_H = 10 in 1.2)
for k in (2, 3, 5, 8):
    nmf_case("study k%d" % k, n_components=k, init="nndsvd", max_iter=600, l1_ratio=0.8, alpha_W=10.0, alpha_H="same")
# pre-1.0 unscaled alpha = 10 expressed in 1.2's scaled parameters
nmf_case("study old-alpha k3", n_components=3, init="nndsvd", max_iter=600, l1_ratio=0.8,
         alpha_W=10.0 / X.shape[1], alpha_H=10.0 / X.shape[0])

COLS = ["name", "n_components", "init", "solver", "tol", "max_iter", "alpha_W", "alpha_H", "l1_ratio", "reconstruction_err", "n_iter"]
DEFAULTS = dict(solver="cd", tol=1e-4, max_iter=200, alpha_W=0.0, alpha_H="same", l1_ratio=0.0)
with open("nmf.tsv", "w") as f:
    f.write("# scikit-learn %s, X %d x %d (nmf_x.u16)\n" % (sklearn.__version__, X.shape[0], X.shape[1]))
    f.write("\t".join(COLS) + "\n")
    for c in cases:
        f.write("\t".join(repr(c.get(k, DEFAULTS.get(k))) if isinstance(c.get(k, DEFAULTS.get(k)), float)
                           else str(c.get(k, DEFAULTS.get(k))) for k in COLS) + "\n")

# ---- k-means: 1-D 16-bit intensities of four "tissues", and 2-D blobs with known centres
tissue = rng.choice(4, size=20000, p=[0.35, 0.3, 0.2, 0.15])
means = np.array([180.0, 900.0, 1600.0, 2600.0])
sds = np.array([60.0, 150.0, 200.0, 300.0])
vals = np.clip(np.round(rng.normal(means[tissue], sds[tissue])), 0, 65535).astype(np.uint16)
vals.astype("<u2").tofile("km_values.u16")
v = vals.astype(np.float64)
z = ((v - v.mean()) / v.std()).reshape(-1, 1)   # the study's standardization (population std)
km = []
for k in (2, 3, 4, 5, 6, 8):
    model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(z)
    centres = np.sort(model.cluster_centers_[:, 0]) * v.std() + v.mean()
    km.append(dict(kind="values", k=k, inertia=float(model.inertia_), centres=centres.tolist(), n_iter=int(model.n_iter_)))
    # the same with tol=0: Lloyd run to its fixed point (what MedPrep's exact 1-D optimum should match or beat)
    model = KMeans(n_clusters=k, n_init=10, random_state=0, tol=0).fit(z)
    centres = np.sort(model.cluster_centers_[:, 0]) * v.std() + v.mean()
    km.append(dict(kind="values_tol0", k=k, inertia=float(model.inertia_), centres=centres.tolist(), n_iter=int(model.n_iter_)))

blob_centres = np.array([[-5.0, 2.0], [3.0, 4.0], [0.0, -4.0], [6.0, -3.0]])
lab = rng.randint(0, 4, size=3000)
pts = blob_centres[lab] + rng.normal(0, 0.7, size=(3000, 2))
pts.astype("<f8").tofile("km_blobs.f64")
model = KMeans(n_clusters=4, n_init=10, random_state=0).fit(pts)
km.append(dict(kind="blobs", k=4, inertia=float(model.inertia_), centres=model.cluster_centers_.tolist(),
               true_centres=blob_centres.tolist()))
with open("kmeans.tsv", "w") as f:
    f.write("# scikit-learn %s, values mean %r std %r; centres sorted ascending (values) or as fitted (blobs, x,y pairs)\n"
            % (sklearn.__version__, float(v.mean()), float(v.std())))
    f.write("kind\tk\tinertia\tcentres\n")
    for c in km:
        flat = np.ravel(c["centres"]).tolist()
        f.write("%s\t%d\t%r\t%s\n" % (c["kind"], c["k"], c["inertia"], ",".join(repr(float(t)) for t in flat)))
print("done")
