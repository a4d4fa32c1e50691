#!/usr/bin/python3
# Times the Python reference implementations of the 'dataset' benchmark suite
# (medprep bench --suite dataset) on this machine; numpy/scipy/skimage/nibabel run single-threaded
# here. Not used by the tests. Run: /usr/bin/python3 reference_benchmark.py [quick]
import sys, time
import numpy as np
import nibabel as nib
import scipy.ndimage as nd

QUICK = len(sys.argv) > 1 and sys.argv[1] == 'quick'
NX, NY, NZ = (48, 48, 20) if QUICK else (512, 512, 300)
SP = (0.8, 0.8, 2.5) if QUICK else (0.7, 0.7, 1.0)
SIZE = '%dx%dx%d' % (NX, NY, NZ)


def timeit(name, f, nvox, reps=3):
    times = []
    for _ in range(reps):
        t = time.perf_counter(); f(); times.append(time.perf_counter() - t)
    s = sorted(times)[len(times) // 2]
    print('%-60s %10.1f ms %12.4g voxels/s' % (name, s * 1e3, nvox / s), flush=True)


rng = np.random.default_rng(0)
# numpy array indexed (x, y, z) as nibabel holds it, Fortran order (x fastest, as MedPrep stores it)
ct = np.asfortranarray((rng.normal(0, 10, (NX, NY, NZ)) - 500).astype(np.int16))

# Reorient LPS -> RAS: an LPS-identity grid in nibabel's RAS affine has x, y negated
aff = np.diag([-SP[0], -SP[1], SP[2], 1.0])
img = nib.Nifti1Image(ct, aff)
timeit('nibabel as_closest_canonical + copy (LPS to RAS) ' + SIZE,
       lambda: np.ascontiguousarray(np.asanyarray(nib.as_closest_canonical(img).dataobj)), ct.size)

# Resample to Reference: 1 mm grid shifted by 1/3 mm, linear (scipy order 1)
ref = tuple(int(round(n * s)) for n, s in zip(ct.shape, SP))
M = np.diag([1.0 / s for s in SP])
off = np.array([1 / 3.0 / s for s in SP])
ctf = ct.astype(np.float32)
timeit('scipy affine_transform order=1 onto a 1 mm grid ' + SIZE,
       lambda: nd.affine_transform(ctf, M, offset=off, output_shape=ref, order=1, cval=-1000), int(np.prod(ref)))

# label utilities on a tissue-like label map (labels 1..4 in nested ellipsoids, like the CT phantom's)
zz, yy, xx = np.ogrid[0:NZ, 0:NY, 0:NX]
r = ((xx - NX / 2) / (0.4 * NX)) ** 2 + ((yy - NY / 2) / (0.28 * NY)) ** 2
lab = np.zeros((NZ, NY, NX), np.uint8)
lab[np.broadcast_to(r < 1, lab.shape)] = 2
lab[np.broadcast_to(r < 0.85, lab.shape)] = 1
lung = (((xx - 0.3 * NX) / (0.1 * NX)) ** 2 + ((yy - NY / 2) / (0.15 * NY)) ** 2 + ((zz - NZ / 2) / (0.42 * NZ)) ** 2) < 1
lab[lung] = 3
lab[np.broadcast_to(((xx - NX / 2) ** 2 + (yy - 0.6 * NY) ** 2) < (0.045 * NX) ** 2, lab.shape)] = 4


def keep_largest_per_label():
    out = np.zeros_like(lab)
    for v in np.unique(lab[lab > 0]):
        c, n = nd.label(lab == v)
        sizes = np.bincount(c.ravel())
        sizes[0] = 0
        out[c == np.argmax(sizes)] = v
    return out


def fill_holes_per_label():
    out = lab.copy()
    for v in np.unique(lab[lab > 0]):
        out[nd.binary_fill_holes(lab == v) & (lab == 0)] = v
    return out


def remap():
    lut = np.arange(256, dtype=np.uint8); lut[1] = 2; lut[3] = 0
    return lut[lab]


def statistics():
    idx = [1, 2, 3, 4]
    return nd.sum(np.ones_like(lab), lab, idx), nd.center_of_mass(np.ones_like(lab), lab, idx), nd.find_objects(lab)


timeit('scipy label + bincount per label (keep largest) ' + SIZE, keep_largest_per_label, lab.size, reps=1)
timeit('scipy binary_fill_holes per label ' + SIZE, fill_holes_per_label, lab.size, reps=1)
timeit('numpy lookup-table remap ' + SIZE, remap, lab.size)
timeit('scipy sum + center_of_mass + find_objects ' + SIZE, statistics, lab.size, reps=1)

# masks: a chest CT built from the label map above (HU per tissue, noise), the scanner's padding outside the FOV
from skimage import measure
hu = np.choose(lab, [-1000, 40, -100, -850, 700]).astype(np.float32) + rng.normal(0, 10, lab.shape).astype(np.float32)
hu[np.broadcast_to(((xx - NX / 2) ** 2 + (yy - NY / 2) ** 2) > (NX / 2) ** 2, lab.shape)] = -2000
hu = hu.astype(np.int16)
SPZYX = (SP[2], SP[1], SP[0])
six = nd.generate_binary_structure(3, 1)


def largest(m):
    lb, n = nd.label(m, structure=six)
    sizes = np.bincount(lb.ravel()); sizes[0] = 0
    return lb == np.argmax(sizes)


def body_mask():
    solid = np.stack([nd.binary_fill_holes(s) for s in hu > -500])
    core = largest(nd.distance_transform_edt(solid, sampling=SPZYX) > 3)
    return largest((nd.distance_transform_edt(~core, sampling=SPZYX) <= 3) & solid)


def lung_mask_tutorial():
    binary_image = np.array(hu > -320, dtype=np.int8) + 1
    labels = measure.label(binary_image)
    binary_image[labels == labels[0, 0, 0]] = 2
    for i, axial_slice in enumerate(binary_image):
        labeling = measure.label(axial_slice - 1)
        vals, counts = np.unique(labeling, return_counts=True)
        counts = counts[vals != 0]; vals = vals[vals != 0]
        if len(counts) > 0:
            binary_image[i][labeling != vals[np.argmax(counts)]] = 1
    binary_image = 1 - (binary_image - 1)
    labels = measure.label(binary_image, background=0)
    vals, counts = np.unique(labels[labels > 0], return_counts=True)
    return np.isin(labels, vals[np.argsort(-counts)[:2]])


timeit('scipy body mask (fill, EDT opening 3 mm, label) ' + SIZE, body_mask, hu.size, reps=1)
timeit('DSB tutorial segment_lung_mask (skimage), 2 lungs ' + SIZE, lung_mask_tutorial, hu.size, reps=1)

# brain mask on a head-sized T1-like volume: threshold, EDT erosion 4 mm, label, EDT dilation, fill holes
HX, HY, HZ = (48, 56, 48) if QUICK else (192, 224, 192)
hs = 3.0 if QUICK else 1.0
hz, hy, hx = np.ogrid[0:HZ, 0:HY, 0:HX]
rr = np.sqrt(((hx - HX / 2) / (0.32 * HX)) ** 2 + ((hy - HY / 2) / (0.35 * HY)) ** 2 + ((hz - HZ / 2) / (0.31 * HZ)) ** 2)
t1 = np.where(rr < 1, 800.0, np.where(rr < 1.1, 60.0, np.where(rr < 1.2, 1000.0, 0.0))) + rng.normal(0, 20, (HZ, HY, HX))
t1 = np.clip(t1, 0, None).astype(np.int16)


def brain_mask():
    p2, p98 = np.percentile(t1, [2, 98])
    head = t1 > p2 + 0.1 * (p98 - p2)
    core = largest(nd.distance_transform_edt(head, sampling=hs) > 4)
    b = largest((nd.distance_transform_edt(~core, sampling=hs) <= 4) & head)
    return nd.binary_fill_holes(b)


timeit('scipy brain mask (percentiles, EDT erosion 4 mm, label) %dx%dx%d' % (HX, HY, HZ), brain_mask, t1.size, reps=1)

# patches: TorchIO's grid (pad by overlap/2 with edge mode, step patch - overlap, last moved back), numpy slicing,
# then averaging aggregation (sums and counts), as TorchIO's GridSampler + GridAggregator do on arrays
P, O = ((8, 16, 16), (2, 4, 4)) if QUICK else ((64, 96, 96), (16, 16, 16))  # numpy (z, y, x)


def starts(n, p, o):
    s = list(range(0, n - p + 1, p - o))
    if s[-1] + p != n:
        s.append(n - p)
    return s


def grid_sample_aggregate():
    ctz = np.ascontiguousarray(ct.T)  # (z, y, x)
    b = [o // 2 for o in O]
    padded = np.pad(ctz, [(k, k) for k in b], mode='edge')
    acc = np.zeros(padded.shape, np.float64); cnt = np.zeros(padded.shape, np.int32)
    for z0 in starts(padded.shape[0], P[0], O[0]):
        for y0 in starts(padded.shape[1], P[1], O[1]):
            for x0 in starts(padded.shape[2], P[2], O[2]):
                sl = (slice(z0, z0 + P[0]), slice(y0, y0 + P[1]), slice(x0, x0 + P[2]))
                acc[sl] += padded[sl].astype(np.float32)
                cnt[sl] += 1
    out = acc / cnt
    return out[b[0]:-b[0], b[1]:-b[1], b[2]:-b[2]].astype(np.float32)


timeit('numpy grid sample + average aggregate (TorchIO rules) ' + SIZE, grid_sample_aggregate, ct.size, reps=1)


def pos_neg_draws():
    # MONAI map_binary_to_indices + generate_pos_neg_label_crop_centers: flat indices of fg and bg, then draws
    flat = lab.ravel()
    fg = np.nonzero(flat > 0)[0]; bg = np.nonzero(flat == 0)[0]
    r = np.random.RandomState(7)
    out = []
    for _ in range(16):
        pool = fg if r.rand() < 0.5 else bg
        out.append(np.unravel_index(pool[r.randint(len(pool))], lab.shape))
    return out


timeit('numpy fg/bg indices + 16 pos/neg draws (MONAI rules) ' + SIZE, pos_neg_draws, lab.size, reps=1)
