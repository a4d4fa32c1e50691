#!/usr/bin/python3
"""Writes the DICOM test fixtures for org.medprep.io.dicom with pydicom 2.3 (Debian python3-pydicom),
then records what dcmdump (DCMTK) and dcm2niix + nibabel make of them.

Run from the repository root (needs /usr/bin/python3 with pydicom, nibabel, numpy; dcmdump; dcm2niix):
    /usr/bin/python3 src/test/resources/org/medprep/io/dicom/make_fixtures.py
Everything is deterministic (fixed UIDs, seeded shuffles). The Java tests read only the outputs.
"""
import json
import os
import random
import shutil
import struct
import subprocess
import tempfile

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.sequence import Sequence
from pydicom.uid import (ImplicitVRLittleEndian, ExplicitVRLittleEndian, ExplicitVRBigEndian,
                         DeflatedExplicitVRLittleEndian, UID)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")
ROOT = "1.2.826.0.1.3680043.8.498.7731."  # pydicom's example root + a fixed branch
CT_STORAGE = "1.2.840.10008.5.1.4.1.1.2"
MR_STORAGE = "1.2.840.10008.5.1.4.1.1.4"
ENHANCED_CT = "1.2.840.10008.5.1.4.1.1.2.1"
COLS, ROWS = 16, 12


def uid(*parts):
    return ROOT + ".".join(str(p) for p in parts)


def new_file(path, sop_class, sop_uid, ts, preamble=True):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = sop_uid
    meta.TransferSyntaxUID = ts
    meta.ImplementationClassUID = uid(0, 1)
    meta.ImplementationVersionName = "MEDPREP_FIXT"
    ds = FileDataset(path, {}, file_meta=meta, preamble=b"\0" * 128 if preamble else None)
    ds.is_implicit_VR = ts == ImplicitVRLittleEndian
    ds.is_little_endian = ts != ExplicitVRBigEndian
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = sop_uid
    return ds


def ds_str(x):
    """DS string of at most 16 characters."""
    s = "%.10g" % x
    return s if len(s) <= 16 else "%.8g" % x


def write_slice_series(name, *, n, ts, modality, iop, spacing_between, pixel_spacing, thickness,
                       first_ipp, signed, bits_stored, slopes, intercepts, values, padding=None,
                       series_no=1, description="", seed=1, garbage_high_bits=False, sop=CT_STORAGE,
                       study=1, series_uid=None, steps=None, shear=(0.0, 0.0, 0.0)):
    """A series of single-frame files, file names in shuffled order."""
    folder = os.path.join(OUT, name)
    os.makedirs(folder, exist_ok=True)
    row = np.array(iop[:3], float)
    col = np.array(iop[3:], float)
    normal = np.cross(row, col)
    order = list(range(n))
    random.Random(seed).shuffle(order)
    series_uid = series_uid or uid(series_no, 1)
    files = []
    for k in range(n):
        sop_uid = uid(series_no, 2, k + 1)
        fname = os.path.join(folder, "IM%04d.dcm" % (order[k] + 1))
        ds = new_file(fname, sop, sop_uid, ts)
        ds.SpecificCharacterSet = "ISO_IR 100"
        ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
        ds.Modality = modality
        ds.Manufacturer = "MedPrep fixtures"
        ds.SeriesDescription = description
        ds.PatientName = "Fixture^Phantom"
        ds.PatientID = "FIX001"
        ds.StudyInstanceUID = uid(study, 0)
        ds.SeriesInstanceUID = series_uid
        ds.SeriesNumber = series_no
        ds.InstanceNumber = order[k] + 1  # deliberately not the position order
        ds.FrameOfReferenceUID = uid(study, 9)
        step = steps[k] if steps is not None else k * spacing_between
        ipp = np.array(first_ipp, float) + step * normal + k * np.array(shear, float)
        ds.ImagePositionPatient = [ds_str(v) for v in ipp]
        ds.ImageOrientationPatient = [ds_str(v) for v in iop]
        ds.SliceThickness = ds_str(thickness)
        ds.SliceLocation = ds_str(float(ipp @ normal))
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.Rows = ROWS
        ds.Columns = COLS
        ds.PixelSpacing = [ds_str(v) for v in pixel_spacing]
        ds.BitsAllocated = 16
        ds.BitsStored = bits_stored
        ds.HighBit = bits_stored - 1
        ds.PixelRepresentation = 1 if signed else 0
        if slopes is not None:
            ds.RescaleIntercept = ds_str(intercepts[k])
            ds.RescaleSlope = ds_str(slopes[k])
            if modality == "CT":
                ds.RescaleType = "HU"
        if padding is not None:
            ds.add_new(0x00280120, "SS" if signed else "US", padding)
        stored = values(k).astype(np.int32)
        raw = stored.astype(np.int16 if signed else np.uint16).view(np.uint16).copy()
        if garbage_high_bits:
            raw |= np.uint16(0xA000)  # bits above HighBit that readers must mask away
        dtype = ">u2" if ts == ExplicitVRBigEndian else "<u2"
        ds.PixelData = raw.astype(dtype).tobytes()
        ds["PixelData"].VR = "OW"
        ds.save_as(fname, write_like_original=False)
        files.append(fname)
    return folder


def pattern(base, signed=False):
    def f(k):
        j, i = np.mgrid[0:ROWS, 0:COLS]
        v = base + 37 * k + 5 * j + 3 * i
        if signed:
            v = v - 600
        return v
    return f


def padded(base):
    def f(k):
        v = pattern(base)(k)
        v[0, 0] = 0
        v[0, COLS - 1] = 0
        v[ROWS - 1, 0] = 0
        return v
    return f


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    expectations = {}

    # 1. axial CT, implicit VR LE, unsigned 12-bit, HU rescale, padding 0 in three corners,
    #    spacing 2.5 mm between slices while SliceThickness says 3
    write_slice_series("ct_axial", n=6, ts=ImplicitVRLittleEndian, modality="CT", iop=[1, 0, 0, 0, 1, 0],
                       spacing_between=2.5, pixel_spacing=[0.7, 0.8], thickness=3.0, first_ipp=[-5.6, -4.2, -50.0],
                       signed=False, bits_stored=12, slopes=[1] * 6, intercepts=[-1024] * 6, values=padded(1000),
                       padding=0, series_no=1, description="CT axial implicit", seed=11)
    # 2. sagittal CT, explicit VR LE, signed, slope 2 intercept -1000
    write_slice_series("ct_sagittal", n=5, ts=ExplicitVRLittleEndian, modality="CT", iop=[0, 1, 0, 0, 0, -1],
                       spacing_between=1.25, pixel_spacing=[0.9, 0.6], thickness=1.0, first_ipp=[-20.0, 3.5, 40.0],
                       signed=True, bits_stored=16, slopes=[2] * 5, intercepts=[-1000] * 5, values=pattern(100, True),
                       series_no=2, description="CT sagittal explicit LE", seed=12)
    # 3. oblique CT (20 degrees about x), explicit VR big endian, slope varying per slice
    c, s = np.cos(np.radians(20)), np.sin(np.radians(20))
    write_slice_series("ct_oblique_be", n=4, ts=ExplicitVRBigEndian, modality="CT",
                       iop=[1, 0, 0, 0, round(c, 6), round(-s, 6)], spacing_between=3.0, pixel_spacing=[1.0, 1.0],
                       thickness=5.0, first_ipp=[10.0, 20.0, 30.0], signed=True, bits_stored=16,
                       slopes=[1, 1.5, 1, 0.5], intercepts=[-1024, -1000, -1024, 0], values=pattern(200, True),
                       series_no=3, description="CT oblique BE", seed=13)
    # 4. deflated MR, coronal, no rescale
    write_slice_series("mr_deflated", n=3, ts=DeflatedExplicitVRLittleEndian, modality="MR", iop=[1, 0, 0, 0, 0, -1],
                       spacing_between=4.0, pixel_spacing=[0.5, 0.5], thickness=4.0, first_ipp=[0.0, 0.0, 0.0],
                       signed=False, bits_stored=16, slopes=None, intercepts=None, values=pattern(50),
                       series_no=4, description="MR coronal deflated", seed=14, sop=MR_STORAGE)
    # 5. garbage bits above HighBit, signed 12-bit stored in 16
    write_slice_series("masked_bits", n=2, ts=ExplicitVRLittleEndian, modality="CT", iop=[1, 0, 0, 0, 1, 0],
                       spacing_between=1.0, pixel_spacing=[1.0, 1.0], thickness=1.0, first_ipp=[0.0, 0.0, 0.0],
                       signed=True, bits_stored=12, slopes=[1, 1], intercepts=[0, 0], values=pattern(100, True),
                       series_no=5, description="masked", seed=15, garbage_high_bits=True)
    # 6. two series in one folder tree plus a file that is not DICOM
    write_slice_series("two_series/a_ct", n=3, ts=ExplicitVRLittleEndian, modality="CT", iop=[1, 0, 0, 0, 1, 0],
                       spacing_between=2.0, pixel_spacing=[1.0, 1.0], thickness=2.0, first_ipp=[0.0, 0.0, 0.0],
                       signed=True, bits_stored=16, slopes=[1] * 3, intercepts=[-1024] * 3, values=pattern(0, True),
                       series_no=6, description="two A", seed=16)
    write_slice_series("two_series/b_mr", n=2, ts=ImplicitVRLittleEndian, modality="MR", iop=[0, 1, 0, 0, 0, -1],
                       spacing_between=3.0, pixel_spacing=[1.0, 1.0], thickness=3.0, first_ipp=[0.0, 0.0, 0.0],
                       signed=False, bits_stored=16, slopes=None, intercepts=None, values=pattern(10),
                       series_no=7, description="two B", seed=17, sop=MR_STORAGE)
    with open(os.path.join(OUT, "two_series", "notes.txt"), "w") as f:
        f.write("not a DICOM file\n" * 20)
    # 6b. gantry tilt: positions sheared along y (about 11.3 degrees); 6c. one missing slice (gap of 4 mm in 2 mm steps)
    write_slice_series("ct_tilt", n=4, ts=ExplicitVRLittleEndian, modality="CT", iop=[1, 0, 0, 0, 1, 0],
                       spacing_between=2.0, pixel_spacing=[1.0, 1.0], thickness=2.0, first_ipp=[0.0, 0.0, 0.0],
                       signed=True, bits_stored=16, slopes=[1] * 4, intercepts=[0] * 4, values=pattern(0, True),
                       series_no=9, description="tilt", seed=19, shear=(0.0, 0.4, 0.0))
    write_slice_series("ct_gap", n=4, ts=ExplicitVRLittleEndian, modality="CT", iop=[1, 0, 0, 0, 1, 0],
                       spacing_between=2.0, pixel_spacing=[1.0, 1.0], thickness=2.0, first_ipp=[0.0, 0.0, 0.0],
                       signed=True, bits_stored=16, slopes=[1] * 4, intercepts=[0] * 4, values=pattern(0, True),
                       series_no=10, description="gap", seed=20, steps=[0.0, 2.0, 6.0, 8.0])
    # 7. mixed sizes in one series
    write_slice_series("mixed_sizes", n=2, ts=ExplicitVRLittleEndian, modality="CT", iop=[1, 0, 0, 0, 1, 0],
                       spacing_between=1.0, pixel_spacing=[1.0, 1.0], thickness=1.0, first_ipp=[0.0, 0.0, 0.0],
                       signed=True, bits_stored=16, slopes=[1, 1], intercepts=[0, 0], values=pattern(0, True),
                       series_no=8, description="mixed", seed=18)
    f = os.path.join(OUT, "mixed_sizes", "IM0002.dcm")
    ds = pydicom.dcmread(f)
    ds.Rows = 10
    ds.PixelData = np.zeros((10, COLS), "<i2").tobytes()
    ds.save_as(f, write_like_original=False)

    write_single_files(expectations)
    write_enhanced(expectations)
    write_other_pixel_formats(expectations)
    write_dcmdump_expectations()
    write_dcm2niix_expectations()
    with open(os.path.join(OUT, "expectations.json"), "w") as f:
        json.dump(expectations, f, indent=1, sort_keys=True)


def write_single_files(expectations):
    # bare data set: no preamble, no DICM, no meta; implicit VR LE (ACR-NEMA style)
    ds = pydicom.dcmread(os.path.join(OUT, "ct_axial", "IM0001.dcm"))
    ds.file_meta = FileMetaDataset()
    ds.preamble = None
    ds.is_implicit_VR = True
    ds.is_little_endian = True
    from pydicom.filebase import DicomBytesIO
    buf = DicomBytesIO()
    buf.is_little_endian = True
    buf.is_implicit_VR = True
    pydicom.filewriter.write_dataset(buf, ds)
    with open(os.path.join(OUT, "bare_implicit.dcm"), "wb") as f:
        f.write(buf.getvalue())

    # no pixel data
    ds = pydicom.dcmread(os.path.join(OUT, "ct_sagittal", "IM0001.dcm"))
    del ds.PixelData
    ds.save_as(os.path.join(OUT, "no_pixels.dcm"), write_like_original=False)

    # encapsulated JPEG baseline with a fake fragment
    ds = new_file(os.path.join(OUT, "jpeg_baseline.dcm"), CT_STORAGE, uid(20, 1), UID("1.2.840.10008.1.2.4.50"))
    ds.is_implicit_VR = False
    ds.Modality = "CT"
    ds.SeriesInstanceUID = uid(20, 2)
    ds.ImagePositionPatient = [0, 0, 0]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.PixelSpacing = [1, 1]
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = ROWS, COLS
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    ds.PixelData = encapsulate([b"\xff\xd8\xff\xe0FAKEJPEGDATA\xff\xd9"])
    ds["PixelData"].VR = "OB"
    ds["PixelData"].is_undefined_length = True
    ds.save_as(os.path.join(OUT, "jpeg_baseline.dcm"), write_like_original=False)

    # nested sequences of undefined length, private tags, and a UN element of undefined length
    path = os.path.join(OUT, "sequences.dcm")
    ds = new_file(path, CT_STORAGE, uid(21, 1), ExplicitVRLittleEndian)
    ds.is_implicit_VR = False
    ds.PatientName = "Seq^Test"
    inner = Dataset()
    inner.CodeValue = "113100"
    inner.CodingSchemeDesignator = "DCM"
    inner.CodeMeaning = "Basic Application Confidentiality Profile"
    mid = Dataset()
    mid.ReferencedSOPClassUID = CT_STORAGE
    mid.ReferencedSOPInstanceUID = uid(21, 3)
    mid.PurposeOfReferenceCodeSequence = Sequence([inner])
    mid["PurposeOfReferenceCodeSequence"].is_undefined_length = True
    mid2 = Dataset()
    mid2.ReferencedSOPClassUID = CT_STORAGE
    mid2.ReferencedSOPInstanceUID = uid(21, 4)
    ds.ReferencedImageSequence = Sequence([mid, mid2])
    ds["ReferencedImageSequence"].is_undefined_length = True
    for item in ds.ReferencedImageSequence:
        item.is_undefined_length_sequence_item = True
    block = ds.private_block(0x0029, "MEDPREP TEST", create=True)
    block.add_new(0x01, "LO", "private text")
    block.add_new(0x02, "US", 4242)
    block.add_new(0x03, "OB", b"PLACEHOLDER!")  # replaced below by a UN of undefined length
    ds.SeriesInstanceUID = uid(21, 2)
    ds.Modality = "OT"
    ds.save_as(path, write_like_original=False)
    raw = open(path, "rb").read()
    header = struct.pack("<HH", 0x0029, 0x1003) + b"OB\0\0" + struct.pack("<I", 12) + b"PLACEHOLDER!"
    assert raw.count(header) == 1
    # UN, undefined length: one undefined-length item in implicit VR LE holding (0029,0010) LO creator
    # text and (0029,1001) = "inside UN", then item and sequence delimiters
    implicit = (struct.pack("<HHI", 0x0029, 0x0010, 12) + b"MEDPREP TEST" +
                struct.pack("<HHI", 0x0029, 0x1001, 10) + b"inside UN ")
    un = (struct.pack("<HH", 0x0029, 0x1003) + b"UN\0\0" + struct.pack("<I", 0xFFFFFFFF) +
          struct.pack("<HHI", 0xFFFE, 0xE000, 0xFFFFFFFF) + implicit +
          struct.pack("<HHI", 0xFFFE, 0xE00D, 0) + struct.pack("<HHI", 0xFFFE, 0xE0DD, 0))
    open(path, "wb").write(raw.replace(header, un))
    expectations["sequences"] = {"un_item_text": "inside UN", "private_text": "private text", "private_us": 4242}


def write_enhanced(expectations):
    """Enhanced CT, 5 frames stored in shuffled position order, functional groups shared + per frame."""
    path = os.path.join(OUT, "enhanced_ct.dcm")
    ds = new_file(path, ENHANCED_CT, uid(30, 1), ExplicitVRLittleEndian)
    ds.is_implicit_VR = False
    ds.Modality = "CT"
    ds.SeriesInstanceUID = uid(30, 2)
    ds.SeriesDescription = "Enhanced CT"
    ds.StudyInstanceUID = uid(30, 3)
    ds.FrameOfReferenceUID = uid(30, 4)
    n = 5
    ds.NumberOfFrames = n
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = ROWS, COLS
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
    shared = Dataset()
    pm = Dataset()
    pm.PixelSpacing = ["0.75", "0.5"]
    pm.SliceThickness = "2"
    shared.PixelMeasuresSequence = Sequence([pm])
    po = Dataset()
    po.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
    shared.PlaneOrientationSequence = Sequence([po])
    pvt = Dataset()
    pvt.RescaleIntercept = "-1024"
    pvt.RescaleSlope = "1"
    pvt.RescaleType = "HU"
    shared.PixelValueTransformationSequence = Sequence([pvt])
    ds.SharedFunctionalGroupsSequence = Sequence([shared])
    order = [3, 0, 4, 1, 2]  # frame f holds the slice at position order[f]
    per = []
    frames = []
    for f in range(n):
        k = order[f]
        item = Dataset()
        pp = Dataset()
        pp.ImagePositionPatient = ["-10", "-20", ds_str(5.0 + 1.5 * k)]
        item.PlanePositionSequence = Sequence([pp])
        fc = Dataset()
        fc.InStackPositionNumber = k + 1
        item.FrameContentSequence = Sequence([fc])
        per.append(item)
        frames.append(pattern(1000, True)(k).astype("<i2"))
    ds.PerFrameFunctionalGroupsSequence = Sequence(per)
    ds.PixelData = np.stack(frames).tobytes()
    ds["PixelData"].VR = "OW"
    ds.save_as(path, write_like_original=False)
    expectations["enhanced_ct"] = {"frames": n, "first_z": 5.0, "spacing": [0.5, 0.75, 1.5], "intercept": -1024,
                                   "base": 1000 - 600}


def image_file(path, ts, series, n_frames=1):
    ds = new_file(path, MR_STORAGE, uid(series, 1), ts)
    ds.is_implicit_VR = ts == ImplicitVRLittleEndian
    ds.Modality = "MR"
    ds.SeriesInstanceUID = uid(series, 2)
    ds.ImagePositionPatient = ["1", "2", "3"]
    ds.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
    ds.PixelSpacing = ["0.5", "0.25"]
    ds.Rows, ds.Columns = ROWS, COLS
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    if n_frames > 1:
        ds.NumberOfFrames = n_frames
    return ds


def write_other_pixel_formats(expectations):
    j, i = np.mgrid[0:ROWS, 0:COLS]
    # 8-bit unsigned MONOCHROME1 (values are read as stored; MONOCHROME1 only affects display)
    path = os.path.join(OUT, "mono1_8bit.dcm")
    ds = image_file(path, ExplicitVRLittleEndian, 40)
    ds.PhotometricInterpretation = "MONOCHROME1"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    ds.PixelData = (10 * j + i).astype(np.uint8).tobytes()
    ds["PixelData"].VR = "OB"
    ds.save_as(path, write_like_original=False)
    # RGB: refused
    path = os.path.join(OUT, "rgb.dcm")
    ds = image_file(path, ExplicitVRLittleEndian, 41)
    ds.SamplesPerPixel = 3
    ds.PhotometricInterpretation = "RGB"
    ds.PlanarConfiguration = 0
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    ds.PixelData = np.zeros((ROWS, COLS, 3), np.uint8).tobytes()
    ds["PixelData"].VR = "OB"
    ds.save_as(path, write_like_original=False)
    # float pixel data (7FE0,0008) OF, e.g. a parametric map
    path = os.path.join(OUT, "float_pixels.dcm")
    ds = image_file(path, ExplicitVRLittleEndian, 42)
    ds.BitsAllocated = 32
    ds.FloatPixelData = (0.5 * j - 0.25 * i).astype("<f4").tobytes()
    ds.save_as(path, write_like_original=False)
    # legacy multi-frame: 3 frames, 32-bit signed, positions from the Grid Frame Offset Vector (RT dose style), implicit VR
    path = os.path.join(OUT, "grid_offsets.dcm")
    ds = image_file(path, ImplicitVRLittleEndian, 43, n_frames=3)
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 32, 32, 31, 1
    ds.GridFrameOffsetVector = ["0", "-2.5", "2.5"]
    frames = [(100000 * f - 5 * j - i).astype("<i4") for f in range(3)]
    ds.PixelData = np.stack(frames).tobytes()
    ds.save_as(path, write_like_original=False)


def dcmdump_values(path, tags):
    out = subprocess.run(["dcmdump", "-q", "-Un", path], capture_output=True, text=True, check=True).stdout
    values = {}
    for line in out.splitlines():
        line = line.strip()
        if not line.startswith("("):
            continue
        tag = line[1:10].replace(",", "").upper()
        if tag not in tags or tag in values:
            continue
        body = line[11:].split("#")[0].strip()
        vr, val = body[:2], body[2:].strip()
        if val.startswith("[") and val.endswith("]"):
            val = val[1:-1]
        values[tag] = val
    return values


TAGS = ["00020010", "00080060", "0008103E", "0020000E", "00200013", "00200032", "00200037", "00280010",
        "00280011", "00280030", "00280100", "00280101", "00280102", "00280103", "00281052", "00281053",
        "00280120", "00180050", "00280004", "00280008", "00080016", "3004000C", "00291001", "00291002", "00080104",
        "00081155", "00290010"]


def write_dcmdump_expectations():
    rows = []
    for rel in ["ct_axial/IM0001.dcm", "ct_sagittal/IM0003.dcm", "ct_oblique_be/IM0002.dcm",
                "mr_deflated/IM0001.dcm", "bare_implicit.dcm", "enhanced_ct.dcm", "masked_bits/IM0001.dcm",
                "sequences.dcm", "grid_offsets.dcm", "mono1_8bit.dcm", "float_pixels.dcm"]:
        vals = dcmdump_values(os.path.join(OUT, rel), set(TAGS))
        for t in TAGS:
            if t in vals:
                rows.append("%s\t%s\t%s" % (rel, t, vals[t]))
    with open(os.path.join(OUT, "dcmdump_expected.tsv"), "w") as f:
        f.write("# file\ttag\tvalue as printed by dcmdump (DCMTK %s)\n" %
                subprocess.run(["dcmdump", "--version"], capture_output=True, text=True).stdout.split("\n")[0])
        f.write("\n".join(rows) + "\n")


def write_dcm2niix_expectations():
    import nibabel as nib
    for series in ["ct_axial", "ct_sagittal"]:
        tmp = tempfile.mkdtemp()
        subprocess.run(["dcm2niix", "-b", "n", "-z", "n", "-f", "out", "-o", tmp, os.path.join(OUT, series)],
                       check=True, capture_output=True)
        img = nib.load(os.path.join(tmp, "out.nii"))
        data = np.asarray(img.get_fdata(), dtype=np.float64)
        version = subprocess.run(["dcm2niix", "-v"], capture_output=True, text=True).stdout.strip().splitlines()
        exp = {"tool": version[-1] if version else "dcm2niix", "shape": list(data.shape),
               "affine": img.affine.tolist(),
               # values in NIfTI index order i fastest: data[i, j, k] flattened Fortran-style
               "values": [float(v) for v in data.flatten(order="F")]}
        with open(os.path.join(OUT, series + "_dcm2niix.json"), "w") as f:
            json.dump(exp, f)
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
