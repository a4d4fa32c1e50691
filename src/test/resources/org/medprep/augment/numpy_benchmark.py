#!/usr/bin/python3
# Times numpy/scipy equivalents of the 'augment' benchmark suite (medprep bench --suite augment) on this machine:
# TorchIO's published transforms (its issue #288 timed them on a 181x217x181 brain) written as TorchIO computes
# them (numpy fftn, its bias-field code, scipy's gaussian_filter, numpy's normal), and nnU-Net v2's default recipe
# for one case with every step applied, batchgenerators-style (scipy.ndimage affine_transform, gaussian_filter,
# zoom). Reports the median wall time and the process CPU time of each (numpy/scipy.ndimage run on one thread).
# Not used by the tests. Run: /usr/bin/python3 numpy_benchmark.py [quick|recipe]   (recipe: only the nnU-Net recipe, 192x192x160)
import sys
import time
import numpy as np
import scipy.ndimage as ndi

REPEAT = 3


def timeit(name, f, nvox):
    wall, cpu = [], []
    f()  # warm-up
    for _ in range(REPEAT):
        w, c = time.perf_counter(), time.process_time()
        f()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    w, c = sorted(wall)[REPEAT // 2], sorted(cpu)[REPEAT // 2]
    print("%-58s %9.1f ms wall %9.1f ms cpu %11.4g voxels/s" % (name, w * 1e3, c * 1e3, nvox / w), flush=True)


def brain(nx, ny, nz, seed=0):
    rng = np.random.default_rng(seed)
    z, y, x = np.meshgrid(np.linspace(-1, 1, nz), np.linspace(-1, 1, ny), np.linspace(-1, 1, nx), indexing='ij')
    r = np.sqrt(x ** 2 + y ** 2 + z ** 2)
    img = np.where(r < 0.8, np.where(r < 0.5, 900.0, 650.0), np.where(r < 0.9, 300.0, 0.0)) + rng.normal(0, 20, r.shape)
    seg = np.where(r < 0.5, 3, np.where(r < 0.8, 2, np.where(r < 0.9, 1, 0))).astype(np.uint8)
    return img.astype(np.float32), seg


# ---- TorchIO's transforms, as TorchIO computes them (arrays in TorchIO's (x, y, z) order) ----
def fourier(t):
    return np.fft.fftshift(np.fft.fftn(t))


def inv_fourier(t):
    return np.fft.ifftn(np.fft.ifftshift(t))


def rigid(img, deg, t):
    a = np.radians(deg)
    rx = np.array([[1, 0, 0], [0, np.cos(a[0]), -np.sin(a[0])], [0, np.sin(a[0]), np.cos(a[0])]])
    ry = np.array([[np.cos(a[1]), 0, np.sin(a[1])], [0, 1, 0], [-np.sin(a[1]), 0, np.cos(a[1])]])
    rz = np.array([[np.cos(a[2]), -np.sin(a[2]), 0], [np.sin(a[2]), np.cos(a[2]), 0], [0, 0, 1]])
    m = rz @ rx @ ry
    c = np.array(img.shape) / 2
    return ndi.affine_transform(img, m, offset=c - m @ c + t, order=1, cval=float(img.min()))


def motion(img):
    images = [img, rigid(img, [4, -7, 9], [5, -3, 8]), rigid(img, [-8, 3, 2], [-6, 7, 1])]
    spectra = [fourier(i) for i in images]
    spectra[0], spectra[1] = spectra[1], spectra[0]
    result = np.empty_like(spectra[0])
    n = result.shape[2]
    ini = 0
    for s, fin in zip(spectra, [int(n * 0.35), int(n * 0.68), n]):
        result[..., ini:fin] = s[..., ini:fin]
        ini = fin
    return inv_fourier(result).real.astype(np.float32)


def ghosting(img):
    s = fourier(img)
    mid = s.shape[1] // 2
    keep = s[:, mid:mid + 1].copy()
    s[:, ::7] *= 0.25
    s[:, mid:mid + 1] = keep
    return inv_fourier(s).real.astype(np.float32)


def bias_field(img, coefficients, order=3):
    shape = np.array(img.shape)
    ranges = [np.arange(-n, n) + 0.5 for n in shape / 2]
    field = np.zeros(shape)
    meshes = np.asarray(np.meshgrid(*ranges))
    for mesh in meshes:
        mesh /= mesh.max()
    xm, ym, zm = meshes
    i = 0
    for a in range(order + 1):
        for b in range(order + 1 - a):
            for c in range(order + 1 - a - b):
                field += np.transpose(coefficients[i] * xm ** a * ym ** b * zm ** c, (1, 0, 2))
                i += 1
    return img * np.exp(field).astype(np.float32)


# ---- nnU-Net v2's default recipe, every step applied, batchgenerators-style ----
def gamma(x, g, invert):
    if invert:
        x = -x
    mean, std = x.mean(), x.std()
    mn, rng = x.min(), x.max() - x.min()
    x = np.power((x - mn) / max(rng, 1e-7), g) * rng + mn
    x = (x - x.mean()) * (std / max(x.std(), 1e-7)) + mean
    return -x if invert else x


def nnunet_recipe(img, seg, seed=11, p=None):
    """Every step applied, or with nnU-Net's probabilities p (one channel: blur 0.2 x 0.5, low resolution 0.25 x 0.5)."""
    rng = np.random.default_rng(seed)
    do = (lambda q: True) if p is None else (lambda q: rng.uniform() < q)
    x = (img - img.mean()) / img.std()
    rotate, scale = do(0.2), do(0.2)
    if rotate or scale:
        x, seg = spatial(x, seg, rng, rotate, scale)
    if do(0.1):
        x = x + rng.normal(0, rng.uniform(0, 0.1), x.shape).astype(np.float32)
    if do(0.1):
        x = ndi.gaussian_filter(x, rng.uniform(0.5, 1, 3), truncate=3)
    if do(0.15):
        x = x * rng.uniform(0.75, 1.25)
    if do(0.15):
        mean, lo, hi = x.mean(), x.min(), x.max()
        x = np.clip((x - mean) * rng.uniform(0.75, 1.25) + mean, lo, hi)
    if do(0.125):
        shape = np.array(x.shape)
        low = ndi.zoom(x, rng.uniform(0.5, 1), order=0)
        x = ndi.zoom(low, shape / np.array(low.shape), order=1)
    if do(0.1):
        x = gamma(x, rng.uniform(0.7, 1.5), True)
    if do(0.3):
        x = gamma(x, rng.uniform(0.7, 1.5), False)
    axes = tuple(a for a in range(3) if rng.uniform() < 0.5) if p is not None else (0, 1, 2)
    return np.flip(x, axes).copy(), np.flip(seg, axes).copy()


def spatial(x, seg, rng, rotate=True, scale=True):
    a = np.radians(rng.uniform(-30, 30, 3)) if rotate else np.zeros(3)
    rx = np.array([[1, 0, 0], [0, np.cos(a[0]), -np.sin(a[0])], [0, np.sin(a[0]), np.cos(a[0])]])
    ry = np.array([[np.cos(a[1]), 0, np.sin(a[1])], [0, 1, 0], [-np.sin(a[1]), 0, np.cos(a[1])]])
    rz = np.array([[np.cos(a[2]), -np.sin(a[2]), 0], [np.sin(a[2]), np.cos(a[2]), 0], [0, 0, 1]])
    m = rz @ ry @ rx * (rng.uniform(0.7, 1.4) if scale else 1)
    c = (np.array(x.shape) - 1) / 2
    off = c - m @ c
    x = ndi.affine_transform(x, m, offset=off, order=1)
    labels = np.unique(seg)
    onehot = np.stack([ndi.affine_transform((seg == l).astype(np.float32), m, offset=off, order=1) for l in labels])
    return x, labels[onehot.argmax(0)]


def recipe_cases(img, seg):
    for seed in range(10):
        nnunet_recipe(img, seg, seed, p=True)


quick = len(sys.argv) > 1 and sys.argv[1] == 'quick'
recipe_only = len(sys.argv) > 1 and sys.argv[1] == 'recipe'
for (nx, ny, nz) in ([(32, 28, 24)] if quick else [(192, 192, 160)] if recipe_only else [(192, 192, 160), (181, 217, 181)]):
    img, seg = brain(nx, ny, nz)
    xyz = np.ascontiguousarray(img.transpose(2, 1, 0))
    size = "%dx%dx%d" % (nx, ny, nz)
    n = img.size
    coefficients = np.random.default_rng(5).uniform(-0.5, 0.5, 20)
    if recipe_only:
        timeit("nnU-Net default recipe, all steps applied " + size + " +label", lambda: nnunet_recipe(img, seg), n)
        timeit("nnU-Net default recipe, its probabilities, 10 cases " + size + " +label", lambda: recipe_cases(img, seg), 10 * n)
        continue
    timeit("TorchIO Motion (2 movements) " + size, lambda: motion(xyz), n)
    timeit("TorchIO Ghosting (7 ghosts, y) " + size, lambda: ghosting(xyz), n)
    timeit("TorchIO Bias Field (order 3) " + size, lambda: bias_field(xyz, coefficients), n)
    timeit("TorchIO Blur (scipy, sigma 2 voxels) " + size, lambda: ndi.gaussian_filter(xyz, 2.0), n)
    timeit("TorchIO Noise (numpy normal) " + size, lambda: xyz + np.random.default_rng(1).normal(0, 25, xyz.shape).astype(np.float32), n)
    if (nx, ny, nz) != (181, 217, 181):
        timeit("nnU-Net default recipe, all steps applied " + size + " +label", lambda: nnunet_recipe(img, seg), n)
        timeit("nnU-Net default recipe, its probabilities, 10 cases " + size + " +label", lambda: recipe_cases(img, seg), 10 * n)
