#!/usr/bin/python3
"""Writes the compressed-DICOM fixtures for org.medprep.io.dicom.codec.

Small uncompressed series are written with pydicom 2.3 (Debian python3-pydicom), then compressed
with GDCM (gdcmconv, Debian libgdcm-tools) and DCMTK (dcmcrle, dcmcjpeg, dcmcjpls); lossy variants
are also decompressed by the reference decoders (dcmdjpeg, dcmdjpls, gdcmconv --raw), whose output
the Java decoders must equal. Fragment layouts that the tools do not write (several fragments per
frame, no or an extended offset table, a single frame split without NumberOfFrames) are made by
re-encapsulating a compressed file's frames with pydicom.

Run from the repository root (needs /usr/bin/python3 with pydicom and numpy, gdcmconv, DCMTK):
    /usr/bin/python3 src/test/resources/org/medprep/io/dicom/codec/make_codec_fixtures.py
Deterministic (seeded values, fixed UIDs). The Java tests read only the outputs and manifest.tsv.
"""
import os
import shutil
import struct
import subprocess

import numpy as np
import pydicom
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.encaps import encapsulate, encapsulate_extended, generate_pixel_data_frame
from pydicom.uid import ExplicitVRLittleEndian

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")
ROOT = "1.2.826.0.1.3680043.8.498.7733."
CT_STORAGE = "1.2.840.10008.5.1.4.1.1.2"
MR_STORAGE = "1.2.840.10008.5.1.4.1.1.4"
ROWS, COLS = 40, 48  # not square, so a swapped row/column shows


def uid(*parts):
    return ROOT + ".".join(str(p) for p in parts)


def ds_str(x):
    s = "%.10g" % x
    return s if len(s) <= 16 else "%.8g" % x


def base_dataset(path, sop_class, sop_uid, series_no, modality):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = sop_uid
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = uid(0, 1)
    ds = FileDataset(path, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.is_implicit_VR = False
    ds.is_little_endian = True
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = sop_uid
    ds.Modality = modality
    ds.PatientName = "Codec^Phantom"
    ds.PatientID = "CODEC01"
    ds.StudyInstanceUID = uid(0, 0)
    ds.SeriesInstanceUID = uid(series_no, 1)
    ds.SeriesNumber = series_no
    ds.FrameOfReferenceUID = uid(0, 9)
    ds.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
    ds.PixelSpacing = ["0.8", "0.7"]
    ds.SliceThickness = "2"
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = ROWS
    ds.Columns = COLS
    return ds


def set_pixels(ds, stored, bits_allocated, bits_stored, signed):
    ds.BitsAllocated = bits_allocated
    ds.BitsStored = bits_stored
    ds.HighBit = bits_stored - 1
    ds.PixelRepresentation = 1 if signed else 0
    if bits_allocated == 8:
        raw = stored.astype(np.int8 if signed else np.uint8).view(np.uint8)
        ds.PixelData = raw.tobytes()
        ds["PixelData"].VR = "OB"
    else:
        raw = stored.astype(np.int16 if signed else np.uint16).view(np.uint16)
        ds.PixelData = raw.astype("<u2").tobytes()
        ds["PixelData"].VR = "OW"


def phantom(k, lo, hi, seed, constant_slice=None):
    """A disc with noise and a ramp spanning [lo, hi]: every coder sees edges, flat runs and noise."""
    rng = np.random.default_rng(seed + k)
    if constant_slice is not None and k == constant_slice[0]:
        return np.full((ROWS, COLS), constant_slice[1], np.int64)
    j, i = np.mgrid[0:ROWS, 0:COLS]
    disc = (i - COLS / 2) ** 2 + (j - ROWS / 2) ** 2 < (ROWS * 0.4) ** 2
    ramp = lo + (hi - lo) * (i + j * COLS) / (ROWS * COLS - 1)
    v = np.where(disc, ramp + rng.integers(-40, 41, (ROWS, COLS)) * (hi - lo) / 4000.0, lo)
    v[0, 0], v[-1, -1] = lo, hi  # the extremes of the range occur
    v[ROWS // 2, : COLS // 4] = lo + (hi - lo) // 2  # a flat run (JPEG-LS run mode)
    return np.clip(np.rint(v), lo, hi).astype(np.int64)


def write_series(name, n, modality, bits_allocated, bits_stored, signed, lo, hi, series_no,
                 rescale=None, constant_slice=None):
    folder = os.path.join(OUT, "original", name)
    os.makedirs(folder, exist_ok=True)
    for k in range(n):
        f = os.path.join(folder, "IM%04d.dcm" % (k + 1))
        ds = base_dataset(f, CT_STORAGE if modality == "CT" else MR_STORAGE, uid(series_no, 2, k + 1), series_no, modality)
        ds.InstanceNumber = k + 1
        ds.ImagePositionPatient = ["-20", "-15", ds_str(-30 + 2.5 * k)]
        if rescale:
            ds.RescaleIntercept, ds.RescaleSlope = ds_str(rescale[0]), ds_str(rescale[1])
            ds.RescaleType = "HU"
        set_pixels(ds, phantom(k, lo, hi, series_no * 100, constant_slice), bits_allocated, bits_stored, signed)
        ds.save_as(f, write_like_original=False)
    return folder


def write_multiframe(name, frames, series_no):
    """A legacy multi-frame CT: one position, frames along the normal by Grid Frame Offset Vector."""
    folder = os.path.join(OUT, "original", name)
    os.makedirs(folder, exist_ok=True)
    f = os.path.join(folder, "MF0001.dcm")
    ds = base_dataset(f, CT_STORAGE, uid(series_no, 2, 1), series_no, "CT")
    ds.InstanceNumber = 1
    ds.ImagePositionPatient = ["-20", "-15", "-30"]
    ds.NumberOfFrames = frames
    ds.FrameIncrementPointer = 0x3004000C
    ds.GridFrameOffsetVector = [ds_str(3.0 * k) for k in range(frames)]
    ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = "-1024", "1", "HU"
    stored = np.stack([phantom(k, -1024, 3071, series_no * 100) for k in range(frames)])
    set_pixels(ds, stored, 16, 16, True)
    ds.save_as(f, write_like_original=False)
    return folder


def run(*cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def convert_folder(src, dst, tool):
    os.makedirs(dst, exist_ok=True)
    for fn in sorted(os.listdir(src)):
        run(*[a.replace("IN", os.path.join(src, fn)).replace("OUT", os.path.join(dst, fn)) for a in tool])


def frames_of(path):
    ds = pydicom.dcmread(path)
    n = int(getattr(ds, "NumberOfFrames", 1) or 1)
    return ds, list(generate_pixel_data_frame(ds.PixelData, n))


def reencapsulate(src_file, dst_file, how):
    ds, frames = frames_of(src_file)
    if how == "three-fragments-bot":
        ds.PixelData = encapsulate(frames, fragments_per_frame=3, has_bot=True)
    elif how == "three-fragments-no-bot":
        ds.PixelData = encapsulate(frames, fragments_per_frame=3, has_bot=False)
    elif how == "extended-offset-table":
        data, offsets, lengths = encapsulate_extended(frames)
        ds.PixelData = data
        ds.ExtendedOffsetTable = offsets
        ds.ExtendedOffsetTableLengths = lengths
    elif how == "split-no-number-of-frames":
        # dcm2niix #1017: one frame split over four fragments, no NumberOfFrames, empty offset table
        assert len(frames) == 1
        ds.PixelData = encapsulate(frames, fragments_per_frame=4, has_bot=False)
        if "NumberOfFrames" in ds:
            del ds.NumberOfFrames
    elif how == "bot-lists-fragments":
        # dcm2niix #995: NumberOfFrames 1, but the offset table lists both fragments of the one frame
        assert len(frames) == 1
        whole = frames[0]
        half = (len(whole) // 4) * 2
        parts = [whole[:half], whole[half:] + (b"\0" if len(whole[half:]) % 2 else b"")]
        items = b"".join(b"\xfe\xff\x00\xe0" + struct.pack("<I", len(p)) + p for p in parts)
        bot = struct.pack("<II", 0, 8 + len(parts[0]))
        ds.PixelData = b"\xfe\xff\x00\xe0" + struct.pack("<I", len(bot)) + bot + items
        ds.NumberOfFrames = 1
    else:
        raise ValueError(how)
    ds["PixelData"].VR = "OB"
    ds["PixelData"].is_undefined_length = True
    ds.save_as(dst_file, write_like_original=False)


def write_bad_files():
    """Files that must fail with one clear line each (and never take the JVM down)."""
    bad = os.path.join(OUT, "bad")
    os.makedirs(bad)
    src = os.path.join(OUT, "jpegls_dcmtk", "ct_int16", "IM0001.dcm")

    def variant(name, frames=None, pixel_data=None, drop_frames=False):
        ds = pydicom.dcmread(src)
        if frames is not None:
            ds.NumberOfFrames = frames
        if drop_frames and "NumberOfFrames" in ds:
            del ds.NumberOfFrames
        if pixel_data is not None:
            ds.PixelData = pixel_data
            ds["PixelData"].is_undefined_length = True
        ds.save_as(os.path.join(bad, name), write_like_original=False)

    _, frames = frames_of(src)
    good = frames[0]
    # the fuzzing finding: a 1 KB file that claims 2^31 - 1 frames
    ds = pydicom.dcmread(src)
    ds.NumberOfFrames = 2147483647
    ds.PixelData = encapsulate([good[:600] + b"\0" * (len(good[:600]) % 2)])
    ds["PixelData"].is_undefined_length = True
    ds.save_as(os.path.join(bad, "number_of_frames_max.dcm"), write_like_original=False)
    variant("zero_length_fragment.dcm", pixel_data=b"\xfe\xff\x00\xe0\x00\x00\x00\x00" * 2 + b"\xfe\xff\xdd\xe0\x00\x00\x00\x00")
    variant("zero_filled_fragment.dcm", pixel_data=encapsulate([b"\0" * len(good)]))
    variant("truncated_codestream.dcm", pixel_data=encapsulate([good[: (len(good) // 4) * 2]]))
    variant("two_frames_one_fragment.dcm", frames=2, pixel_data=encapsulate([good]))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    originals = {
        # name: (slices, modality, bits allocated, stored, signed, low, high, rescale, constant slice)
        "ct_int16": write_series("ct_int16", 3, "CT", 16, 16, True, -2000, 3071, 1, (-1024, 1), (1, 0)),
        "ct_12bit": write_series("ct_12bit", 3, "CT", 16, 12, False, 0, 4095, 2, (-1024, 1)),
        "ct_12bit_signed": write_series("ct_12bit_signed", 2, "CT", 16, 12, True, -2048, 2047, 3, (0, 1)),
        "mr_uint16": write_series("mr_uint16", 2, "MR", 16, 16, False, 0, 65535, 4, None, (0, 0)),
        "mr_8bit": write_series("mr_8bit", 2, "MR", 8, 8, False, 0, 255, 5),
        "ct_multiframe": write_multiframe("ct_multiframe", 4, 6),
    }
    # JPEG lossless precisions 2..16 (unsigned), one slice each
    for bits in (2, 7, 10, 13):
        name = "mr_%dbit" % bits
        originals[name] = write_series(name, 1, "MR", 8 if bits <= 8 else 16, bits, False, 0, (1 << bits) - 1, 10 + bits)

    lossless = {
        "rle_gdcm": ("1.2.840.10008.1.2.5", ["gdcmconv", "--rle", "IN", "OUT"]),
        "rle_dcmtk": ("1.2.840.10008.1.2.5", ["dcmcrle", "IN", "OUT"]),
        "jpeg_sv1_dcmtk": ("1.2.840.10008.1.2.4.70", ["dcmcjpeg", "+e1", "IN", "OUT"]),
        "jpeg_sv1_gdcm": ("1.2.840.10008.1.2.4.70", ["gdcmconv", "--jpeg", "IN", "OUT"]),
        "jpegls_gdcm": ("1.2.840.10008.1.2.4.80", ["gdcmconv", "--jpegls", "IN", "OUT"]),
        "jpegls_dcmtk": ("1.2.840.10008.1.2.4.80", ["dcmcjpls", "+el", "IN", "OUT"]),
        "j2k_gdcm": ("1.2.840.10008.1.2.4.90", ["gdcmconv", "--j2k", "IN", "OUT"]),
    }
    for sv in range(1, 8):
        lossless["jpeg_p14_sv%d_dcmtk" % sv] = ("1.2.840.10008.1.2.4.57", ["dcmcjpeg", "+el", "+sv", str(sv), "IN", "OUT"])
    cases = []

    def add(kind, ts, folder, expected, tool, note=""):
        cases.append({"kind": kind, "transfer_syntax": ts, "folder": os.path.relpath(folder, OUT),
                      "expected": os.path.relpath(expected, OUT), "tool": " ".join(tool[:-2]), "note": note})

    main_series = ["ct_int16", "ct_12bit", "ct_12bit_signed", "mr_uint16", "mr_8bit", "ct_multiframe"]
    for variant, (ts, tool) in lossless.items():
        names = main_series if not variant.startswith("jpeg_p14_sv") else ["ct_int16"]
        if variant.startswith("jpeg_sv1_dcmtk"):
            names = names + ["mr_2bit", "mr_7bit", "mr_10bit", "mr_13bit"]
        for name in names:
            dst = os.path.join(OUT, variant, name)
            try:
                convert_folder(originals[name], dst, tool)
            except subprocess.CalledProcessError as e:
                print("skipped", variant, name, e.stderr.decode(errors="replace").strip()[:200])
                shutil.rmtree(dst, ignore_errors=True)
                continue
            add("lossless", ts, dst, originals[name], tool)

    # lossy: the expected values are the reference decoder's output
    lossy = {
        "jpeg_baseline_dcmtk": ("1.2.840.10008.1.2.4.50", ["dcmcjpeg", "+eb", "IN", "OUT"], ["dcmdjpeg", "IN", "OUT"], ["mr_8bit"]),
        "jpeg_extended_dcmtk": ("1.2.840.10008.1.2.4.51", ["dcmcjpeg", "+ee", "IN", "OUT"], ["dcmdjpeg", "IN", "OUT"], ["ct_12bit", "mr_8bit"]),
        "jpegls_near2_dcmtk": ("1.2.840.10008.1.2.4.81", ["dcmcjpls", "+en", "+md", "2", "IN", "OUT"], ["dcmdjpls", "IN", "OUT"],
                               ["ct_12bit", "mr_uint16", "mr_8bit"]),
        "jpegls_near3_gdcm": ("1.2.840.10008.1.2.4.81", ["gdcmconv", "--jpegls", "--lossy", "-e", "3", "IN", "OUT"],
                              ["gdcmconv", "--raw", "IN", "OUT"], ["ct_int16", "mr_uint16"]),
        "j2k_lossy_gdcm": ("1.2.840.10008.1.2.4.91", ["gdcmconv", "--j2k", "--lossy", "-q", "40", "IN", "OUT"],
                           ["gdcmconv", "--raw", "IN", "OUT"], ["ct_int16"]),
    }
    for variant, (ts, enc, dec, names) in lossy.items():
        for name in names:
            dst = os.path.join(OUT, variant, name)
            ref = os.path.join(OUT, variant, name + "_reference")
            convert_folder(originals[name], dst, enc)
            convert_folder(dst, ref, dec)
            add("lossy", ts, dst, ref, enc, "expected = " + " ".join(dec[:-2]))

    # fragment layouts
    frag = os.path.join(OUT, "fragments")
    layouts = [
        ("jpegls_dcmtk/ct_multiframe/MF0001.dcm", "three-fragments-bot", "1.2.840.10008.1.2.4.80", "ct_multiframe"),
        ("jpegls_dcmtk/ct_multiframe/MF0001.dcm", "three-fragments-no-bot", "1.2.840.10008.1.2.4.80", "ct_multiframe"),
        ("jpeg_sv1_dcmtk/ct_multiframe/MF0001.dcm", "extended-offset-table", "1.2.840.10008.1.2.4.70", "ct_multiframe"),
        ("j2k_gdcm/ct_multiframe/MF0001.dcm", "three-fragments-no-bot", "1.2.840.10008.1.2.4.90", "ct_multiframe"),
        ("jpeg_sv1_dcmtk/ct_int16/IM0001.dcm", "split-no-number-of-frames", "1.2.840.10008.1.2.4.70", "ct_int16"),
        ("jpeg_sv1_dcmtk/ct_int16/IM0001.dcm", "bot-lists-fragments", "1.2.840.10008.1.2.4.70", "ct_int16"),
    ]
    for src, how, ts, name in layouts:
        codec = src.split("/")[0]
        dst = os.path.join(frag, how + "_" + codec, name)
        os.makedirs(dst, exist_ok=True)
        reencapsulate(os.path.join(OUT, src), os.path.join(dst, os.path.basename(src)), how)
        if name == "ct_int16":
            # the other slices as they were, so the folder is still the whole series
            for fn in sorted(os.listdir(os.path.join(OUT, codec, name))):
                if fn != os.path.basename(src):
                    shutil.copy(os.path.join(OUT, codec, name, fn), os.path.join(dst, fn))
        add("lossless", ts, dst, originals[name], ["pydicom", "encapsulate", "IN", "OUT"], how)

    write_bad_files()
    with open(os.path.join(OUT, "manifest.tsv"), "w") as f:
        f.write("kind\ttransfer_syntax\tfolder\texpected\ttool\tnote\n")
        for c in cases:
            f.write("\t".join(c[k] for k in ("kind", "transfer_syntax", "folder", "expected", "tool", "note")) + "\n")
    print(len(cases), "cases")


if __name__ == "__main__":
    main()
