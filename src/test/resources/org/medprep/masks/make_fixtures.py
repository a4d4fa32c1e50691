#!/usr/bin/python3
# A small synthetic chest CT and the masks of the Python references, for the MedPrep mask tests
# (the tests read these files; they do not need python).
# Run with Debian's python (numpy 1.24, scipy 1.10, scikit-image 0.19):
#   cd this folder && /usr/bin/python3 make_fixtures.py
# Arrays are numpy (z, y, x) = MedPrep (x, y, z) with x fastest, raw little-endian; spacing x, y, z
# in fixtures.txt.
import numpy as np
import scipy
import scipy.ndimage as nd
import skimage
from skimage import measure

NX, NY, NZ = 72, 64, 24
SP = (1.0, 1.1, 2.5)  # x, y, z in mm
rng = np.random.default_rng(320)
z, y, x = np.meshgrid(np.arange(NZ), np.arange(NY), np.arange(NX), indexing='ij')
px, py, pz = (x - (NX - 1) / 2) * SP[0], (y - (NY - 1) / 2) * SP[1], (z - (NZ - 1) / 2) * SP[2]

ct = np.full((NZ, NY, NX), -1000.0)
body = (px / 32) ** 2 + (py / 22) ** 2 < 1
ct[body] = -100                                    # fat layer
ct[(px / 29) ** 2 + (py / 19) ** 2 < 1] = 40       # soft tissue
lungs = np.zeros_like(body)
for side in (-1, 1):
    lungs |= ((px - side * 13) / 10) ** 2 + ((py + 1) / 13) ** 2 + (pz / 26) ** 2 < 1
ct[lungs] = -850
# vessels: short bright rods inside the lungs, cut by each axial slice as small solid islands
for (vx, vy) in ((-13, -3), (12, 4), (15, -6)):
    ct[lungs & ((px - vx) ** 2 + (py - vy) ** 2 < 2.2)] = 60
ct[(px ** 2 + (py - 12) ** 2) < 16] = 700          # spine
# a bowel-gas pocket in the body, below the lungs' reach: an air component that is not a lung
ct[((px - 18) ** 2 + (py - 10) ** 2 < 9) & (np.abs(pz) < 6)] = -900
# the table: a dense bar under the patient, two voxels of air below the body
ct[(py > 24.5) & (py < 28) & (np.abs(px) < 34)] = 300
ct[(px ** 2 + py ** 2) > 35.5 ** 2] = -2000        # outside the field of view
ct += rng.normal(0, 12, ct.shape)
ct = np.round(ct).astype(np.int16)
# one touch between table and body (y index 54: py = 24.75 mm), thinner than the opening
ct[:, 52:55, 35:37] = 40


def tutorial(image, components=1, second_fraction=0.0, dilation_mm=0.0):
    """segment_lung_mask of the DSB 2017 tutorial (fill_lung_structures=True), plus MedPrep's options."""
    def largest_label_volume(im, bg=-1):
        vals, counts = np.unique(im, return_counts=True)
        counts = counts[vals != bg]
        vals = vals[vals != bg]
        return vals[np.argmax(counts)] if len(counts) > 0 else None
    binary_image = np.array(image > -320, dtype=np.int8) + 1
    labels = measure.label(binary_image)
    binary_image[labels == labels[0, 0, 0]] = 2
    for i, axial_slice in enumerate(binary_image):
        axial_slice = axial_slice - 1
        labeling = measure.label(axial_slice)
        l_max = largest_label_volume(labeling, bg=0)
        if l_max is not None:
            binary_image[i][labeling != l_max] = 1
    binary_image -= 1
    binary_image = 1 - binary_image
    labels = measure.label(binary_image, background=0)
    vals, counts = np.unique(labels[labels > 0], return_counts=True)
    order = sorted(range(len(vals)), key=lambda k: (-counts[k], vals[k]))
    keep = [vals[order[0]]]
    if components == 2 and len(order) > 1 and counts[order[1]] >= second_fraction * counts[order[0]]:
        keep.append(vals[order[1]])
    mask = np.isin(labels, keep)
    if dilation_mm > 0:
        mask = nd.distance_transform_edt(~mask, sampling=(SP[2], SP[1], SP[0])) <= dilation_mm
    return mask.astype(np.uint8)


def body_mask(image, threshold=-500, opening_mm=3.0):
    """MedPrep's body mask with scipy: threshold, 2D fill, opening (erode, largest, dilate inside), largest."""
    s = (SP[2], SP[1], SP[0])
    six = nd.generate_binary_structure(3, 1)

    def largest(m):
        lab, n = nd.label(m, structure=six)
        sizes = np.bincount(lab.ravel()); sizes[0] = 0
        return lab == np.argmax(sizes)
    solid = np.stack([nd.binary_fill_holes(sl) for sl in image > threshold])
    core = largest(nd.distance_transform_edt(solid, sampling=s) > opening_mm)
    grown = (nd.distance_transform_edt(~core, sampling=s) <= opening_mm) & solid
    return largest(grown).astype(np.uint8)


lines = ['# numpy %s, scipy %s, scikit-image %s; name dtype nx ny nz; spacing %s %s %s' % (
    np.__version__, scipy.__version__, skimage.__version__, SP[0], SP[1], SP[2])]


def save(name, a, dtype, ext):
    a = np.ascontiguousarray(a, dtype=dtype)
    a.tofile(name + '.' + ext)
    lines.append('%s %s %d %d %d' % (name, dtype, a.shape[2], a.shape[1], a.shape[0]))


save('ct', ct, '<i2', 'i16')
save('lungs_truth', lungs, 'u1', 'u8')
save('body_truth', body, 'u1', 'u8')
save('lung_tutorial', tutorial(ct), 'u1', 'u8')
save('lung_two', tutorial(ct, 2, 0.1), 'u1', 'u8')
save('lung_two_dilated', tutorial(ct, 2, 0.1, 3.0), 'u1', 'u8')
save('body', body_mask(ct), 'u1', 'u8')
# the distance transform of a random mask, anisotropic (distances, not squared)
blobs = nd.gaussian_filter(rng.normal(size=(NZ, NY, NX)), 2) > 0.25
save('edt_mask', blobs, 'u1', 'u8')
save('edt', nd.distance_transform_edt(~blobs, sampling=(SP[2], SP[1], SP[0])), '<f4', 'f32')
open('fixtures.txt', 'w').write('\n'.join(lines) + '\n')
for n in ('lung_tutorial', 'lung_two', 'lung_two_dilated', 'body'):
    print(n, int(np.fromfile(n + '.u8', np.uint8).sum()))
print('lung truth', int(lungs.sum()), 'body truth', int(body.sum()))
