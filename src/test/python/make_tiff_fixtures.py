#!/usr/bin/env python3
"""Writes the small TIFF fixtures of the TIFF reader tests with tifffile, the writer Python users have.

Every fixture holds v[z, y, x] = 100 * z + 10 * y + x + base (z, y, x = 3, 4, 5 planes, rows, columns),
in its own sample type, so a test knows every value without reading the file another way:

  imagej_int16_le.tif     imagej=True, int16, base -50, little endian, spacing 2.5, pixel 0.5 mm
  imagej_uint16_be.tif    imagej=True, uint16, base 1000, big endian
  imagej_float32_le.tif   imagej=True, float32, base 0.25
  pages_uint8_be.tif      plain multi-page (one directory per plane, no ImageJ description), uint8, base 0, big endian
  strips_int16_le.tif     imagej=True, int16, base -50, two rows per strip (several strips per plane)
  zlib_int16_le.tif       imagej=True, int16, base -50, zlib-compressed (left to ImageJ's reader)

    python3 src/test/python/make_tiff_fixtures.py [OUTDIR]
"""
import os
import sys

import numpy as np
import tifffile

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "org", "medprep", "io", "tiff")
os.makedirs(out, exist_ok=True)
z, y, x = np.meshgrid(np.arange(3), np.arange(4), np.arange(5), indexing="ij")
grid = 100 * z + 10 * y + x


def values(dtype, base):
    return (grid + base).astype(dtype)


def save(name, data, **kw):
    tifffile.imwrite(os.path.join(out, name), data, **kw)


ij = dict(imagej=True, resolution=(2.0, 2.0), metadata={"spacing": 2.5, "unit": "mm", "axes": "ZYX"})
save("imagej_int16_le.tif", values(np.int16, -50), byteorder="<", **ij)
save("imagej_uint16_be.tif", values(np.uint16, 1000), byteorder=">", **ij)
save("imagej_float32_le.tif", values(np.float32, 0.25), byteorder="<", **ij)
save("pages_uint8_be.tif", values(np.uint8, 0), byteorder=">", photometric="minisblack", metadata=None)
save("strips_int16_le.tif", values(np.int16, -50), byteorder="<", rowsperstrip=2, **ij)
save("zlib_int16_le.tif", values(np.int16, -50), byteorder="<", compression="zlib", **ij)
