#!/usr/bin/python3
# nibabel's reorientation of a small int16 volume to all 48 axis codes, for the MedPrep
# Reorient tests (the tests read these files; they do not need python).
# Run with Debian's python (nibabel 5.0):  cd this folder && /usr/bin/python3 make_fixtures.py
#
# input.i16: 5x4x3 int16, x fastest (Fortran order), values 0..59 in scan order, scrambled.
# affine.txt: its RAS affine (nibabel's convention), slightly oblique, axes permuted and flipped.
# reoriented.i16: for each code of codes.txt in order, nibabel's data (x fastest) ...
# reoriented.txt: ... and one line per code: the code, then the 16 numbers of the new RAS affine.
# canonical.txt: nibabel's as_closest_canonical affine (RAS), one line of 16 numbers.
import itertools
import numpy as np
import nibabel as nib
from nibabel.orientations import io_orientation, axcodes2ornt, ornt_transform, inv_ornt_aff, apply_orientation, aff2axcodes

rng = np.random.default_rng(18)
shape = (5, 4, 3)
data = rng.permutation(np.arange(np.prod(shape), dtype=np.int16) * 7 - 100).reshape(shape, order='F')

# voxel axis 0 towards inferior, 1 towards right, 2 towards anterior, with a 10 degree tilt
a = np.deg2rad(10)
rot = np.array([[np.cos(a), -np.sin(a), 0], [np.sin(a), np.cos(a), 0], [0, 0, 1]])
# columns (RAS rows): i -> I, j -> R, k -> A
axes = np.array([[0, 1, 0], [0, 0, 1], [-1, 0, 0]], float)
cols = rot @ axes
zooms = np.array([2.5, 0.8, 1.2])
aff = np.eye(4)
aff[:3, :3] = cols * zooms
aff[:3, 3] = [-30.5, 12.25, 47.0]
img = nib.Nifti1Image(data, aff)
assert ''.join(aff2axcodes(aff)) == 'IRA', aff2axcodes(aff)

np.ascontiguousarray(data.ravel(order='F'), dtype='<i2').tofile('input.i16')
np.savetxt('affine.txt', aff.reshape(1, 16), fmt='%.17g')

codes = []
for perm in itertools.permutations(range(3)):
    for flips in range(8):
        letters = []
        for j, p in enumerate(perm):
            pos = 'RAS'[p]; neg = 'LPI'[p]
            letters.append(neg if (flips >> j) & 1 else pos)
        codes.append(''.join(letters))
assert len(set(codes)) == 48

start = io_orientation(aff)
blocks, lines = [], []
for code in codes:
    t = ornt_transform(start, axcodes2ornt(tuple(code)))
    out = apply_orientation(data, t)
    new_aff = aff @ inv_ornt_aff(t, data.shape)
    assert ''.join(aff2axcodes(new_aff)) == code
    blocks.append(np.ascontiguousarray(out.ravel(order='F'), dtype='<i2'))
    lines.append(code + ' ' + ' '.join('%.17g' % v for v in new_aff.ravel()))
np.concatenate(blocks).tofile('reoriented.i16')
open('reoriented.txt', 'w').write('# nibabel ' + nib.__version__ + ': code, RAS affine row by row\n' + '\n'.join(lines) + '\n')
canon = nib.as_closest_canonical(img)
open('canonical.txt', 'w').write(' '.join('%.17g' % v for v in canon.affine.ravel()) + '\n')
assert np.array_equal(np.asanyarray(canon.dataobj), apply_orientation(data, ornt_transform(start, axcodes2ornt(('R', 'A', 'S')))))
