#!/usr/bin/python3
# Times the scipy.ndimage equivalents of the 'spatial' benchmark suite (medprep bench --suite spatial)
# on this machine, single-threaded as scipy.ndimage is. Not used by the tests.
# Run: /usr/bin/python3 scipy_benchmark.py [small|large]   (small: only 256x256x160, large: only 512x512x300)
# scipy equivalents of the MedPrep spatial benchmark (single-threaded, as scipy.ndimage is)
import sys, time, numpy as np, scipy.ndimage as nd
def timeit(name, f, nvox, reps=1):
    best = []
    for _ in range(reps):
        t = time.perf_counter(); f(); best.append(time.perf_counter() - t)
    s = sorted(best)[len(best)//2]
    print("%-48s %10.1f ms %12.4g voxels/s" % (name, s*1e3, nvox/s), flush=True)
SIZES = [(256, 256, 160, (0.8, 0.8, 2.5)), (512, 512, 300, (0.7, 0.7, 1.0))]
if len(sys.argv) > 1 and sys.argv[1] == "small": SIZES = SIZES[:1]
if len(sys.argv) > 1 and sys.argv[1] == "large": SIZES = SIZES[1:]
for (nx, ny, nz, sp) in SIZES:
    rng = np.random.default_rng(0)
    vol = (rng.normal(0, 10, (nz, ny, nx)) - 500).astype(np.float32)  # numpy (z, y, x)
    size = "%dx%dx%d" % (nx, ny, nz)
    zoom = (sp[2], sp[1], sp[0])  # to 1 mm
    out_shape = tuple(int(round(n * z)) for n, z in zip(vol.shape, zoom))
    nout = int(np.prod(out_shape))
    sig = tuple(max(0, (1/z - 1) / 2) for z in zoom)
    timeit("zoom to 1 mm order=1 (+gaussian AA) " + size, lambda: nd.zoom(nd.gaussian_filter(vol, sig) if max(sig) > 0 else vol, zoom, order=1), nout)
    timeit("zoom to 1 mm order=3 (+gaussian AA) " + size, lambda: nd.zoom(nd.gaussian_filter(vol, sig) if max(sig) > 0 else vol, zoom, order=3), nout)
    a = np.deg2rad(7); M = np.array([[1.05, 0, 0], [0, np.cos(a), -np.sin(a)], [0, np.sin(a), np.cos(a)]])
    c = (np.array(vol.shape) - 1) / 2
    timeit("affine_transform order=1 " + size, lambda: nd.affine_transform(vol, M, offset=c - M @ c, order=1), vol.size)
    def elastic_dense():
        shape = vol.shape
        d = [nd.gaussian_filter(rng.random(shape, dtype=np.float32) * 2 - 1, 10, mode="constant") * 8 for _ in range(3)]
        z, y, x = np.meshgrid(np.arange(shape[0]), np.arange(shape[1]), np.arange(shape[2]), indexing='ij')
        return nd.map_coordinates(vol, [z + d[0], y + d[1], x + d[2]], order=1)
    timeit("elastic dense sigma=10 (gaussian_filter+map_coordinates) " + size, elastic_dense, vol.size)
    def elastic_grid():
        shape = vol.shape
        coarse = [rng.uniform(-7.5, 7.5, (7, 7, 7)) for _ in range(3)]
        d = [nd.zoom(cg, np.array(shape) / 7.0, order=3) for cg in coarse]
        z, y, x = np.meshgrid(np.arange(shape[0]), np.arange(shape[1]), np.arange(shape[2]), indexing='ij')
        return nd.map_coordinates(vol, [z + d[0], y + d[1], x + d[2]], order=1)
    timeit("elastic control grid (zoom order 3 + map_coordinates) " + size, elastic_grid, vol.size)
    # the chain of MedPrep's fused benchmark, as Python glue does it: every step resamples the image (order 1)
    # and the label map (order 0) again; MedPrep's fused case resamples each once
    labels = (vol > -500).astype(np.uint8)
    def chain(v, order):
        v = nd.zoom(v, zoom, order=order)
        c1 = (np.array(v.shape) - 1) / 2
        r = np.deg2rad(10); R = np.array([[1, 0, 0], [0, np.cos(r), -np.sin(r)], [0, np.sin(r), np.cos(r)]])
        v = nd.affine_transform(v, R, offset=c1 - R @ c1, order=order, mode="constant", cval=-1000 if order else 0)
        Z = np.eye(3) / 1.1
        v = nd.affine_transform(v, Z, offset=c1 - Z @ c1, order=order, mode="constant", cval=-1000 if order else 0)
        s = [n * 3 // 4 for n in v.shape]
        o = [(n - m) // 2 for n, m in zip(v.shape, s)]
        return v[o[0]:o[0] + s[0], o[1]:o[1] + s[1], o[2]:o[2] + s[2]]
    crop_vox = int(np.prod([n * 3 // 4 for n in out_shape]))
    timeit("chain zoom 1 mm + rotate + zoom + crop, image and label, step by step " + size,
        lambda: (chain(vol, 1), chain(labels, 0)), 2 * crop_vox)
