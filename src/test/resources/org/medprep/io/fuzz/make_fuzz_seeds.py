#!/usr/bin/python3
"""Writes the seed corpora of the Jazzer fuzz targets (org.medprep.io.fuzz) from the committed fixtures.

Run from the repository root after the fixture scripts:
    /usr/bin/python3 src/test/resources/org/medprep/io/fuzz/make_fuzz_seeds.py
Findings of real fuzzing runs land beside the seeds (crash-*, timeout-*) and are kept as regression inputs.
"""
import os
import shutil

import pydicom
from pydicom.encaps import generate_pixel_data_frame

HERE = os.path.dirname(os.path.abspath(__file__))
IO = os.path.dirname(HERE)
DICOM = os.path.join(IO, "dicom", "fixtures")
CODEC = os.path.join(IO, "dicom", "codec", "fixtures")


def seed_dir(target, method):
    d = os.path.join(HERE, target + "Inputs", method)
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        if f.startswith("seed-"):
            os.remove(os.path.join(d, f))
    return d


def copy(src, d, name):
    shutil.copy(src, os.path.join(d, "seed-" + name))


def main():
    dicom_seeds = {
        "native.dcm": os.path.join(DICOM, "ct_axial", "IM0001.dcm"),
        "enhanced.dcm": os.path.join(DICOM, "enhanced_ct.dcm"),
        "deflated.dcm": os.path.join(DICOM, "mr_deflated", "IM0001.dcm"),
        "bigendian.dcm": os.path.join(DICOM, "ct_oblique_be", "IM0001.dcm"),
        "sequences.dcm": os.path.join(DICOM, "sequences.dcm"),
        "rle.dcm": os.path.join(CODEC, "rle_dcmtk", "ct_int16", "IM0001.dcm"),
        "jpeg_lossless.dcm": os.path.join(CODEC, "jpeg_sv1_dcmtk", "ct_int16", "IM0001.dcm"),
        "jpeg_12bit.dcm": os.path.join(CODEC, "jpeg_extended_dcmtk", "ct_12bit", "IM0001.dcm"),
        "jpegls.dcm": os.path.join(CODEC, "jpegls_dcmtk", "ct_int16", "IM0001.dcm"),
        "j2k.dcm": os.path.join(CODEC, "j2k_gdcm", "ct_int16", "IM0001.dcm"),
        "eot.dcm": os.path.join(CODEC, "fragments", "extended-offset-table_jpeg_sv1_dcmtk", "ct_multiframe", "MF0001.dcm"),
        "frames_max.dcm": os.path.join(CODEC, "bad", "number_of_frames_max.dcm"),
    }
    for method in ("parse", "loadSeries"):
        d = seed_dir("DicomFuzzTest", method)
        for name, src in dicom_seeds.items():
            copy(src, d, name)
    d = seed_dir("ImageReadersFuzzTest", "nifti")
    for name in ("int16_scaled.nii", "extension.nii", "label_uint8.nii.gz", "nifti2_float64.nii"):
        copy(os.path.join(IO, "nifti", name), d, name)
    d = seed_dir("ImageReadersFuzzTest", "metaImage")
    with open(os.path.join(d, "seed-small.mha"), "wb") as f:
        f.write(b"ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\n"
                b"Offset = 1 2 3\nElementSpacing = 0.5 0.5 2\nTransformMatrix = 1 0 0 0 1 0 0 0 1\nDimSize = 2 2 2\n"
                b"ElementType = MET_SHORT\nElementDataFile = LOCAL\n" + bytes(range(16)))
    codecs = {
        "rle": ("rle_dcmtk", ["ct_int16", "mr_8bit"]),
        "jpeg": ("jpeg_sv1_dcmtk", ["ct_int16", "mr_8bit", "mr_2bit"]),
        "jpegLs": ("jpegls_dcmtk", ["ct_int16", "mr_8bit"]),
        "jpeg2000": ("j2k_gdcm", ["ct_int16"]),
    }
    for method, (variant, names) in codecs.items():
        d = seed_dir("CodecFuzzTest", method)
        for name in names:
            ds = pydicom.dcmread(os.path.join(CODEC, variant, name, "IM0001.dcm"))
            frame = next(generate_pixel_data_frame(ds.PixelData, 1))
            layout = bytes([ds.Rows - 1, ds.Columns - 1, 0 if ds.BitsAllocated == 8 else 1, ds.BitsStored - 1])
            with open(os.path.join(d, "seed-" + name), "wb") as f:
                f.write(layout + frame)
    if os.path.isdir(os.path.join(HERE, "CodecFuzzTestInputs", "jpeg")):
        ds = pydicom.dcmread(os.path.join(CODEC, "jpeg_extended_dcmtk", "ct_12bit", "IM0001.dcm"))
        frame = next(generate_pixel_data_frame(ds.PixelData, 1))
        with open(os.path.join(HERE, "CodecFuzzTestInputs", "jpeg", "seed-dct12"), "wb") as f:
            f.write(bytes([ds.Rows - 1, ds.Columns - 1, 1, ds.BitsStored - 1]) + frame)


if __name__ == "__main__":
    main()
