#!/usr/bin/python3
# Reference outputs of scipy.ndimage for the MedPrep spatial tests.
# Run with Debian's python (scipy 1.10):  cd this folder && /usr/bin/python3 make_fixtures.py
# Arrays are numpy (z, y, x) = MedPrep (x, y, z) with x fastest, stored as raw
# little-endian float32; fixtures.txt lists name, shape (x y z) and parameters.
import numpy as np
import scipy
import scipy.ndimage as nd

NX, NY, NZ = 24, 20, 16
z, y, x = np.meshgrid(np.arange(NZ), np.arange(NY), np.arange(NX), indexing='ij')
# smooth data: low-frequency waves plus a blob, values of CT-like magnitude
vol = (100 * np.sin(x / 5.0) * np.cos(y / 7.0) + 80 * np.cos(z / 4.0 + 0.3)
       + 300 * np.exp(-((x - 11) ** 2 + (y - 9) ** 2 + (z - 7) ** 2) / 30.0) + 20).astype(np.float32)
# labels: background 0, a ball 1, a box 2, a thin slab 5
lab = np.zeros((NZ, NY, NX), np.float32)
lab[((x - 9) ** 2 + (y - 10) ** 2 + (z - 8) ** 2) < 30] = 1
lab[3:9, 2:7, 15:22] = 2
lab[11:13, 4:16, 3:20] = 5

lines = ["# scipy " + scipy.__version__ + "; name nx ny nz params"]


def save(name, a, params):
    a = np.ascontiguousarray(a, dtype='<f4')
    a.tofile(name + '.f32')
    lines.append("%s %d %d %d %s" % (name, a.shape[2], a.shape[1], a.shape[0], params))


save('input', vol, '')
save('labels', lab, '')
# zoom (tutorial resize): numpy factors are (z, y, x)
zf = (1.25, 1.3, 0.7)
for order in (0, 1, 3):
    save('zoom_order%d' % order, nd.zoom(vol, zf, order=order), 'zoom_zyx=%s order=%d' % (zf, order))
save('zoom_labels_order0', nd.zoom(lab, zf, order=0), 'zoom_zyx=%s order=0' % (zf,))
# rotate 30 degrees in the (y, x) plane, about the array centre, same shape
save('rotate30_order1', nd.rotate(vol, 30, axes=(1, 2), reshape=False, order=1), 'angle=30 axes=(1,2) order=1 reshape=False')
# affine_transform: input index (z, y, x) = M @ output index + offset
a = np.deg2rad(20)
M = np.array([[1.1, 0.05, 0.0],
              [0.0, np.cos(a), -np.sin(a)],
              [0.0, np.sin(a), np.cos(a)]]) @ np.diag([1.0, 0.9, 1.15])
off = np.array([-1.0, 2.5, -1.75])
np.savetxt('affine_matrix_zyx.txt', np.hstack([M, off[:, None]]), fmt='%.17g')
for order in (1, 3):
    for mode in ('constant', 'nearest', 'mirror'):
        out = nd.affine_transform(vol, M, offset=off, order=order, mode=mode, cval=-7.5)
        save('affine_order%d_%s' % (order, mode), out, 'order=%d mode=%s cval=-7.5' % (order, mode))
open('fixtures.txt', 'w').write('\n'.join(lines) + '\n')
