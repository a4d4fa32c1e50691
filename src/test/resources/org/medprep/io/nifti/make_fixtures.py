#!/usr/bin/python3
"""Writes the NIfTI reference fixtures with nibabel and records what nibabel reads back.

Run from this folder with Debian's python (nibabel 5.0, numpy):
    /usr/bin/python3 make_fixtures.py
It writes small .nii/.nii.gz/.hdr/.img files and expected.properties: per fixture the
shape, nibabel's best affine (img.affine, RAS, row-major), the xform codes and the
physical values (img.get_fdata(), x fastest). The tests read only these files.
"""
import math
import os
import struct

import nibabel as nib
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SHAPE = (7, 6, 5)  # x, y, z: small, distinct, not cubic
props = []


def ramp(dtype, shape=SHAPE, start=0, step=1):
    n = int(np.prod(shape))
    return (start + step * np.arange(n)).reshape(shape, order='F').astype(dtype)


def rotation(ax, ay, az):
    cx, sx, cy, sy, cz, sz = (math.cos(ax), math.sin(ax), math.cos(ay), math.sin(ay), math.cos(az), math.sin(az))
    rx = np.array([[1, 0, 0], [0, cx, -sx], [0, sx, cx]])
    ry = np.array([[cy, 0, sy], [0, 1, 0], [-sy, 0, cy]])
    rz = np.array([[cz, -sz, 0], [sz, cz, 0], [0, 0, 1]])
    return rz @ ry @ rx


def affine(rot, spacing, origin):
    a = np.eye(4)
    a[:3, :3] = rot @ np.diag(spacing)
    a[:3, 3] = origin
    return a


def fmt(values):
    return ' '.join(repr(float(v)) for v in np.ravel(values))


def record(name, filename):
    img = nib.load(os.path.join(HERE, filename))
    hdr = img.header
    data = img.get_fdata()
    props.append('%s.file = %s' % (name, filename))
    props.append('%s.shape = %s' % (name, ' '.join(str(s) for s in data.shape)))
    props.append('%s.affine = %s' % (name, fmt(img.affine)))
    props.append('%s.qform_code = %d' % (name, int(hdr['qform_code'])))
    props.append('%s.sform_code = %d' % (name, int(hdr['sform_code'])))
    props.append('%s.datatype = %d' % (name, int(hdr['datatype'])))
    props.append('%s.values = %s' % (name, fmt(data.ravel(order='F'))))


def patch_slope_inter(filename, slope, inter):
    path = os.path.join(HERE, filename)
    with open(path, 'r+b') as f:
        f.seek(112)
        f.write(struct.pack('<ff', slope, inter))


def save(img, filename, name):
    nib.save(img, os.path.join(HERE, filename))
    record(name, filename)


# 1. int16 CT-like with scl_slope/scl_inter, axis-aligned, sform and qform code 1
data = ramp(np.int16, start=-50, step=7)
img = nib.Nifti1Image(data, affine(np.diag([-1, -1, 1]), [0.7, 0.8, 2.5], [120.5, 99.25, -40.0]))
img.set_sform(img.affine, code=1)
img.set_qform(img.affine, code=1)
nib.save(img, os.path.join(HERE, 'int16_scaled.nii'))
# nibabel chooses its own scaling on save, so the known slope/inter are patched in afterwards
patch_slope_inter('int16_scaled.nii', 0.5, -1024.0)
record('int16_scaled', 'int16_scaled.nii')

# 2. oblique sform (code 2) that differs from the qform (code 1): the sform must win
rot = rotation(0.3, -0.2, 0.5)
aff = affine(rot, [1.1, 0.9, 3.0], [-10.0, 20.0, 30.0])
img = nib.Nifti1Image(ramp(np.float32, step=0.25), aff)
img.set_sform(aff, code=2)
img.set_qform(affine(np.eye(3), [1.1, 0.9, 3.0], [1.0, 2.0, 3.0]), code=1)
save(img, 'oblique_sform.nii.gz', 'oblique_sform')

# 3. qform only, with a left-handed affine (qfac = -1), uint16
aff = affine(rotation(0.1, 0.2, -0.3) @ np.diag([1, 1, -1]), [0.5, 0.6, 1.5], [5.0, -6.0, 7.0])
img = nib.Nifti1Image(ramp(np.uint16, step=300), None)
img.set_qform(aff, code=1)
img.set_sform(None, code=0)
save(img, 'qform_only.nii', 'qform_only')

# 4. big-endian int32
hdr = nib.Nifti1Header(endianness='>')
img = nib.Nifti1Image(ramp(np.int32, start=-100000, step=1234), affine(np.eye(3), [1, 2, 3], [4, 5, 6]), header=hdr, dtype=np.int32)
img.set_qform(img.affine, code=1)
img.set_sform(img.affine, code=1)
save(img, 'bigendian_int32.nii', 'bigendian_int32')

# 5. 4D int16, 3 volumes, 2 s apart
data4 = ramp(np.int16, shape=SHAPE + (3,), start=-300, step=3)
img = nib.Nifti1Image(data4, affine(np.diag([-1, -1, 1]), [2, 2, 4], [50, 60, -70]))
img.header.set_xyzt_units('mm', 'sec')
img.header['pixdim'][4] = 2.0
img.set_qform(img.affine, code=1)
img.set_sform(img.affine, code=1)
save(img, 'four_d.nii.gz', 'four_d')

# 6. .hdr/.img pair, uint8
img = nib.Nifti1Pair(ramp(np.uint8, step=1), affine(np.eye(3), [1.5, 1.5, 1.5], [0, 0, 0]))
img.set_qform(img.affine, code=1)
save(img, 'pair_uint8.hdr', 'pair_uint8')

# 7. NIfTI-2, float64, big-endian
hdr = nib.Nifti2Header(endianness='>')
aff = affine(rotation(0.0, 0.0, 0.4), [0.8, 0.8, 1.2], [-1.5, 2.5, -3.5])
img = nib.Nifti2Image(ramp(np.float64, start=-1, step=0.125), aff, header=hdr, dtype=np.float64)
img.set_qform(aff, code=1)
img.set_sform(aff, code=1)
save(img, 'nifti2_float64.nii', 'nifti2_float64')

# 8. NIfTI-2 int64, little-endian, gzipped
img = nib.Nifti2Image(ramp(np.int64, start=-(2 ** 40), step=2 ** 33), affine(np.eye(3), [1, 1, 1], [0, 0, 0]), dtype=np.int64)
save(img, 'nifti2_int64.nii.gz', 'nifti2_int64')

# 9. float32, plain
img = nib.Nifti1Image(ramp(np.float32, start=-3.5, step=0.1), affine(np.diag([-1, 1, 1]), [1, 1, 2], [9, 8, 7]))
save(img, 'float32.nii', 'float32')

# 10. uint8 label map, gzipped
lab = (ramp(np.int32) % 4).astype(np.uint8)
img = nib.Nifti1Image(lab, affine(np.diag([-1, -1, 1]), [0.7, 0.8, 2.5], [120.5, 99.25, -40.0]))
save(img, 'label_uint8.nii.gz', 'label_uint8')

# 11. micrometre units, int8 and uint32 (units change the affine in MedPrep, not in nibabel)
img = nib.Nifti1Image(ramp(np.int8, start=-100, step=1), affine(np.eye(3), [500, 250, 1000], [1000, 2000, -3000]))
img.header.set_xyzt_units('micron', 'sec')
save(img, 'micron_int8.nii', 'micron_int8')
img = nib.Nifti1Image(ramp(np.uint32, start=4000000000, step=1000), affine(np.eye(3), [0.001, 0.002, 0.003], [0.1, 0.2, 0.3]))
img.header.set_xyzt_units('meter', 'sec')
save(img, 'meter_uint32.nii', 'meter_uint32')

# 12. sheared sform with an orthonormal qform (MedPrep falls back to the qform, like ITK)
shear = affine(np.eye(3), [1, 1, 1], [3, 4, 5])
shear[0, 1] = 0.5
img = nib.Nifti1Image(ramp(np.int16), shear)
img.set_sform(shear, code=1)
img.set_qform(affine(np.eye(3), [1, 1, 1], [3, 4, 5]), code=1)
save(img, 'shear_sform.nii', 'shear_sform')
props.append('shear_sform.qform_affine = %s' % fmt(img.get_qform()))
# ... and without one: refused
img = nib.Nifti1Image(ramp(np.int16), shear)
img.set_sform(shear, code=1)
img.set_qform(None, code=0)
save(img, 'shear_only.nii', 'shear_only')

# 13. The writer reference: nibabel writing what MedPrep's writer writes for the same volume
#     (int16, oblique, sform = qform, both code 1, mm + s). The test compares header bytes.
rot = rotation(0.2, 0.1, -0.25)
aff = affine(rot, [0.75, 0.8, 2.0], [-100.0, 50.0, 25.0])
img = nib.Nifti1Image(ramp(np.int16, start=-1000, step=11), aff)
img.set_sform(aff, code=1)
img.set_qform(aff, code=1)
img.header.set_xyzt_units('mm', 'sec')
save(img, 'writer_reference.nii', 'writer_reference')
props.append('writer_reference.rotation = %s' % fmt(rot))

# 14. a header extension (comment, ecode 6) between the header and the voxels: vox_offset > 352
img = nib.Nifti1Image(ramp(np.int16, start=7, step=-3), affine(np.eye(3), [1, 1, 1], [0, 0, 0]))
img.header.extensions.append(nib.nifti1.Nifti1Extension('comment', b'MedPrep test extension, padded to 16 bytes'))
save(img, 'extension.nii', 'extension')

with open(os.path.join(HERE, 'expected.properties'), 'w') as f:
    f.write('# written by make_fixtures.py with nibabel %s; do not edit\n' % nib.__version__)
    f.write('\n'.join(props) + '\n')
