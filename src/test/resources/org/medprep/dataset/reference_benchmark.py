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
