#!/usr/bin/python3
# scipy.ndimage / scikit-image references for the MedPrep label utilities (the tests read
# these files; they do not need python).
# Run with Debian's python (scipy 1.10, scikit-image 0.19):  cd this folder && /usr/bin/python3 make_fixtures.py
# Arrays are numpy (z, y, x) = MedPrep (x, y, z) with x fastest, raw little-endian; fixtures.txt
# lists name, dtype, shape (x y z).
import numpy as np
import scipy
import scipy.ndimage as nd
import skimage
from skimage.segmentation import relabel_sequential

NX, NY, NZ = 30, 24, 20
rng = np.random.default_rng(2018)
z, y, x = np.meshgrid(np.arange(NZ), np.arange(NY), np.arange(NX), indexing='ij')
# random blobs of three labels (smoothed noise thresholded): many components of all sizes
noise = nd.gaussian_filter(rng.normal(size=(NZ, NY, NX)), 1.2)
lab = np.zeros((NZ, NY, NX), np.uint8)
lab[noise > 0.12] = 2
lab[noise < -0.14] = 9
lab[(noise > 0.05) & (noise <= 0.12) & (x < NX // 2)] = 5
# a closed shell of label 5 with an empty cavity, and a shell of label 2 holding a label-9 core
shell = np.sqrt((x - 8.0) ** 2 + (y - 8.0) ** 2 + (z - 7.0) ** 2)
lab[shell < 5.5] = 0
lab[(shell >= 4) & (shell < 5.5)] = 5
shell2 = np.sqrt((x - 21.0) ** 2 + (y - 15.0) ** 2 + (z - 12.0) ** 2)
lab[shell2 < 5.5] = 0
lab[(shell2 >= 3.8) & (shell2 < 5.5)] = 2
lab[shell2 < 1.5] = 9
# voxels joined only by an edge, only by a corner
lab[1, 1, 1] = lab[1, 2, 2] = lab[2, 3, 3] = 2
lab[1, 2, 1] = 0; lab[1, 1, 2] = 0; lab[2, 2, 3] = 0; lab[2, 3, 2] = 0; lab[1, 3, 3] = 0; lab[2, 2, 2] = 0

lines = ['# scipy %s, scikit-image %s; name dtype nx ny nz' % (scipy.__version__, skimage.__version__)]


def save(name, a, dtype):
    a = np.ascontiguousarray(a, dtype=dtype)
    a.tofile(name + '.' + {'<i4': 'i32', 'u1': 'u8'}[dtype])
    lines.append('%s %s %d %d %d' % (name, dtype, a.shape[2], a.shape[1], a.shape[0]))


save('labels', lab, 'u1')
for rank, conn in ((1, 6), (2, 18), (3, 26)):
    s = nd.generate_binary_structure(3, rank)
    cc, n = nd.label(lab > 0, structure=s)
    save('components_%d' % conn, cc, '<i4')
    # keep the largest component of each label (ties: scipy's lowest component number)
    out = np.zeros_like(lab)
    for v in np.unique(lab[lab > 0]):
        c, m = nd.label(lab == v, structure=s)
        sizes = np.bincount(c.ravel())[1:]
        out[c == 1 + int(np.argmax(sizes))] = v
    save('largest_per_label_%d' % conn, out, 'u1')
    # of the foreground as a whole, the largest two
    sizes = np.bincount(cc.ravel())[1:]
    order = sorted(range(n), key=lambda k: (-sizes[k], k))
    keep = np.isin(cc, [1 + k for k in order[:2]])
    save('largest2_foreground_%d' % conn, np.where(keep, lab, 0), 'u1')
    # holes: background pieces (connected with this structure) off the faces, surrounded by one label
    filled = lab.copy()
    bg, nb = nd.label(lab == 0, structure=s)
    faces = set(np.unique(np.concatenate([bg[0].ravel(), bg[-1].ravel(), bg[:, 0].ravel(), bg[:, -1].ravel(), bg[:, :, 0].ravel(), bg[:, :, -1].ravel()])))
    for k in range(1, nb + 1):
        if k in faces:
            continue
        piece = bg == k
        ring = nd.binary_dilation(piece, structure=s) & ~piece
        around = np.unique(lab[ring])
        if len(around) == 1:
            filled[piece] = around[0]
    save('holes_%d' % conn, filled, 'u1')
# one label alone: exactly scipy's binary_fill_holes (default structure: 6-connected background)
only5 = (lab == 5)
save('label5', only5, 'u1')
save('label5_filled', nd.binary_fill_holes(only5), 'u1')
seq, fw, inv = relabel_sequential(lab)
save('sequential', seq, 'u1')
# statistics with spacing and an oblique-free geometry given in fixtures: origin (-10, 20, 5), spacing (0.8, 0.9, 2.5)
idx = [int(v) for v in np.unique(lab[lab > 0])]
counts = nd.sum(np.ones_like(lab), lab, idx)
com = nd.center_of_mass(np.ones_like(lab), lab, idx)  # (z, y, x)
boxes = nd.find_objects(lab)
sp = np.array([0.8, 0.9, 2.5]); org = np.array([-10.0, 20.0, 5.0])
with open('statistics.txt', 'w') as f:
    f.write('# label voxels volume_mm3 centroid_x_mm centroid_y_mm centroid_z_mm min_x min_y min_z max_x max_y max_z (spacing 0.8 0.9 2.5, origin -10 20 5)\n')
    for v, c, m in zip(idx, counts, com):
        b = boxes[v - 1]
        cm = org + sp * np.array([m[2], m[1], m[0]])
        f.write('%d %d %.17g %.17g %.17g %.17g %d %d %d %d %d %d\n' % (v, c, c * sp.prod(), cm[0], cm[1], cm[2],
                b[2].start, b[1].start, b[0].start, b[2].stop - 1, b[1].stop - 1, b[0].stop - 1))
open('fixtures.txt', 'w').write('\n'.join(lines) + '\n')
