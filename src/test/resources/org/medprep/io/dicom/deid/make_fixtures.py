#!/usr/bin/python3
"""Make the DICOM de-identification test fixtures: small files stuffed with (fake) PHI in standard,
private and nested sequence elements, in every native transfer syntax plus RLE (encapsulated), a few
files that must be flagged for burned-in PHI, and bad input.

Run with Debian's python (pydicom 2.3, numpy), from this directory:
    /usr/bin/python3 make_fixtures.py
It rewrites study/, flagged/, bad/ and phi_strings.txt here. Deterministic (fixed UIDs, seeded pixels).

Layout
  study/seriesA/a1..a3.dcm   CT, implicit VR LE, 3 slices; a3 has odd-length values
  study/seriesB/b1..b2.dcm   CT, explicit VR LE; ReferencedImageSequence/SourceImageSequence -> seriesA
  study/seriesC/c_be.dcm     CT, explicit VR big endian
  study/seriesC/c_defl.dcm   CT, deflated explicit VR LE
  study/seriesC/c_rle.dcm    CT, RLE lossless (encapsulated pixel data)
  study/seriesC/c_un.dcm     CT, explicit LE with a private UN element of undefined length holding PHI, and
                             ReferencedImageSequence coded as UN of undefined length (implicit VR LE item)
  flagged/us.dcm             US (flagged by modality)
  flagged/sc_burned.dcm      Secondary Capture with Burned In Annotation = YES
  bad/truncated.dcm          a valid file cut in the middle of its pixel data
  bad/notes.txt              not DICOM (text mentioning the patient)
  bad/empty.dcm              zero bytes
  bad/DICOMDIR               a DICOMDIR (never copied: its references would be stale)
phi_strings.txt: the PHI strings that must not appear anywhere in the output bytes (one per line).
"""
import io
import os
import shutil
import struct
import zlib

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import (ImplicitVRLittleEndian, ExplicitVRLittleEndian, ExplicitVRBigEndian,
                         DeflatedExplicitVRLittleEndian, RLELossless)

HERE = os.path.dirname(os.path.abspath(__file__))

# The PHI the checker searches for in every output byte.
PATIENT_NAME = "DOEPHI^JOHNATHAN^QUINCY"
PATIENT_ID = "PID938271X"
BIRTH_DATE = "19580317"
ACCESSION = "ACC55512Q"
INSTITUTION = "SAINT EXAMPLEMED HOSPITAL"
INSTITUTION_ADDR = "12 HIDDEN LANE SPRINGFIELD"
REFERRING = "HOUSEPHI^GREGORY"
PERFORMING = "CUDDYPHI^LISA"
OPERATOR = "CHASEPHI^ROBERT"
STATION = "CTSTATION7PHI"
SERIAL = "SN99887766PHI"
OTHER_ID = "OTHERPID4455"
SOURCE_AE = "PHISRCAE"
PHI = [SOURCE_AE, PATIENT_NAME, "DOEPHI", "JOHNATHAN", PATIENT_ID, BIRTH_DATE, ACCESSION, INSTITUTION,
       INSTITUTION_ADDR, REFERRING, "HOUSEPHI", PERFORMING, "CUDDYPHI", OPERATOR, "CHASEPHI", STATION,
       SERIAL, OTHER_ID]

ROOT = "1.2.826.0.1.3680043.8.498.77"  # pydicom's example org root + fixture branch
STUDY_UID = ROOT + ".1"
FOR_UID = ROOT + ".2"
SERIES = {"A": ROOT + ".10", "B": ROOT + ".11", "C": ROOT + ".12", "US": ROOT + ".13", "SC": ROOT + ".14"}
CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2"
US_IMAGE = "1.2.840.10008.5.1.4.1.1.6.1"
SC_IMAGE = "1.2.840.10008.5.1.4.1.1.7"


def sop_uid(series, n):
    return "%s.%d" % (SERIES[series], n)


def code_item(value, scheme, meaning):
    it = Dataset()
    it.CodeValue = value
    it.CodingSchemeDesignator = scheme
    it.CodeMeaning = meaning
    return it


def base_dataset(series, n, modality="CT", sop_class=CT_IMAGE, rows=16, cols=16, seed=0):
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.InstanceCreationDate = "20240305"
    ds.InstanceCreationTime = "101500"
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = sop_uid(series, n)
    ds.StudyDate = "20240305"
    ds.SeriesDate = "20240305"
    ds.AcquisitionDate = "20240305"
    ds.ContentDate = "20240305"
    ds.AcquisitionDateTime = "20240305101500.000000"
    ds.StudyTime = "101000"
    ds.SeriesTime = "101200"
    ds.ContentTime = "101500"
    ds.AccessionNumber = ACCESSION
    ds.Modality = modality
    ds.Manufacturer = "ACME"
    ds.InstitutionName = INSTITUTION
    ds.InstitutionAddress = INSTITUTION_ADDR
    ds.ReferringPhysicianName = REFERRING
    ds.StationName = STATION
    ds.StudyDescription = "CT chest of DOEPHI JOHNATHAN"
    ds.SeriesDescription = "Series %s for JOHNATHAN" % series
    ds.InstitutionalDepartmentName = "RADIOLOGY OF " + INSTITUTION
    ds.PerformingPhysicianName = PERFORMING
    ds.OperatorsName = OPERATOR
    ds.ManufacturerModelName = "ScanMaster 3000"
    # Nested PHI: identification sequences two levels deep.
    op = Dataset()
    op.PersonIdentificationCodeSequence = Sequence([code_item("OP1", "L", OPERATOR)])
    op.InstitutionName = INSTITUTION
    ds.OperatorIdentificationSequence = Sequence([op])
    ds.PatientName = PATIENT_NAME
    ds.PatientID = PATIENT_ID
    ds.IssuerOfPatientID = INSTITUTION
    ds.PatientBirthDate = BIRTH_DATE
    ds.PatientSex = "M"
    ds.PatientAge = "066Y"
    ds.PatientSize = "1.80"
    ds.PatientWeight = "82"
    ds.PatientAddress = INSTITUTION_ADDR
    ds.OtherPatientIDs = OTHER_ID
    other = Dataset()
    other.PatientID = OTHER_ID
    other.IssuerOfPatientID = INSTITUTION
    ds.OtherPatientIDsSequence = Sequence([other])
    ds.PatientComments = "Patient DOEPHI prefers morning"
    ds.DeviceSerialNumber = SERIAL
    ds.SoftwareVersions = "1.0"
    ds.ProtocolName = "CHEST " + STATION
    ds.SliceThickness = "2.5"
    ds.KVP = "120"
    ds.StudyInstanceUID = STUDY_UID
    ds.SeriesInstanceUID = SERIES[series]
    ds.StudyID = "STUDY" + PATIENT_ID
    ds.SeriesNumber = {"A": 1, "B": 2, "C": 3, "US": 4, "SC": 5}[series]
    ds.InstanceNumber = n
    ds.ImagePositionPatient = [0, 0, 2.5 * n]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.FrameOfReferenceUID = FOR_UID
    ds.ImageComments = "Reviewed by " + REFERRING
    req = Dataset()
    req.RequestedProcedureID = "RP" + ACCESSION
    req.ScheduledProcedureStepID = "SPS" + PATIENT_ID
    req.RequestedProcedureDescription = "chest for " + PATIENT_NAME
    ds.RequestAttributesSequence = Sequence([req])
    # Original Attributes Sequence: an unencrypted copy of modified values (must go).
    orig = Dataset()
    mod = Dataset()
    mod.PatientName = PATIENT_NAME
    mod.PatientID = PATIENT_ID
    orig.ModifiedAttributesSequence = Sequence([mod])
    orig.AttributeModificationDateTime = "20240306120000"
    orig.ModifyingSystem = STATION
    orig.SourceOfPreviousValues = INSTITUTION
    orig.ReasonForTheAttributeModification = "CORRECT"
    ds.OriginalAttributesSequence = Sequence([orig])
    # A kept (not listed) sequence holding listed attributes at depth 2: date-times to remove or shift.
    radio = Dataset()
    radio.RadiopharmaceuticalStartDateTime = "20240305093000"
    radio.RadiopharmaceuticalStartTime = "093000"
    radio.Radiopharmaceutical = "FDG"
    ds.RadiopharmaceuticalInformationSequence = Sequence([radio])
    # Sequences with action D (replaced by one empty item): SR-like content and graphic annotations
    # holding PHI in attributes the table does not list.
    content = Dataset()
    content.ValueType = "TEXT"
    content.TextValue = "Patient " + PATIENT_NAME + " born " + BIRTH_DATE
    ds.ContentSequence = Sequence([content])
    text_obj = Dataset()
    text_obj.UnformattedTextValue = PATIENT_NAME + " " + PATIENT_ID
    ann = Dataset()
    ann.GraphicLayer = "LAYER1"
    ann.TextObjectSequence = Sequence([text_obj])
    ds.GraphicAnnotationSequence = Sequence([ann])
    # Overlay (60xx: repeating group pattern of the table) and an icon image (may show burned-in text).
    ds.add_new(0x60000010, "US", 8)
    ds.add_new(0x60000011, "US", 8)
    ds.add_new(0x60000022, "LO", "overlay of " + PATIENT_ID)  # Overlay Description: not in the table, kept
    ds.add_new(0x60000040, "CS", "G")
    ds.add_new(0x60000050, "SS", [1, 1])
    ds.add_new(0x60000100, "US", 1)
    ds.add_new(0x60000102, "US", 0)
    ds.add_new(0x60003000, "OW", bytes(8))
    icon = Dataset()
    icon.SamplesPerPixel = 1
    icon.PhotometricInterpretation = "MONOCHROME2"
    icon.Rows = 2
    icon.Columns = 2
    icon.BitsAllocated = 8
    icon.BitsStored = 8
    icon.HighBit = 7
    icon.PixelRepresentation = 0
    icon.PixelData = bytes(4)
    ds.IconImageSequence = Sequence([icon])
    # Private groups: a PHI-carrying vendor block with a nested private sequence, and one "safe" element.
    blk = ds.private_block(0x0009, "ACME PHI STORE", create=True)
    blk.add_new(0x01, "LO", PATIENT_NAME)
    blk.add_new(0x02, "LO", PATIENT_ID)
    inner = Dataset()
    iblk = inner.private_block(0x0011, "ACME NESTED", create=True)
    iblk.add_new(0x01, "LO", BIRTH_DATE + " " + ACCESSION)
    inner.PatientName = PATIENT_NAME
    blk.add_new(0x03, "SQ", Sequence([inner]))
    sie = ds.private_block(0x0019, "SIEMENS MR HEADER", create=True)
    sie.add_new(0x0C, "IS", "1000")          # B_value: on the safe-private allow-list
    sie.add_new(0x10, "LO", OPERATOR)        # not on the list: must go even with Retain Safe Private
    # Pixels.
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = rows
    ds.Columns = cols
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    ds.RescaleIntercept = "-1024"
    ds.RescaleSlope = "1"
    rng = np.random.default_rng(seed)
    ds.PixelData = rng.integers(0, 4096, size=(rows, cols), dtype=np.uint16).tobytes()
    return ds


def meta_for(ds, ts):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = ts
    meta.ImplementationClassUID = ROOT + ".99"
    meta.ImplementationVersionName = "FIXTURES_1"
    meta.SourceApplicationEntityTitle = SOURCE_AE
    return meta


def save(ds, ts, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fds = FileDataset(path, ds, file_meta=meta_for(ds, ts), preamble=b"\0" * 128)
    fds.is_little_endian = ts != ExplicitVRBigEndian
    fds.is_implicit_VR = ts == ImplicitVRLittleEndian
    if ts == RLELossless:
        fds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        fds.is_implicit_VR = False
        fds.compress(RLELossless, encoding_plugin="pydicom")
    fds.save_as(path, write_like_original=False)
    return path


def patch_odd_lengths(path):
    """Rewrite Manufacturer 'ACME' -> 'ACMEX' (5 bytes, odd, no padding) and drop the pad of StationName:
    the non-conformant odd lengths seen in real files (implicit VR LE: tag, u32 length, value)."""
    data = bytearray(open(path, "rb").read())
    for tag, new in ((0x00080070, b"ACMEX"),):
        key = struct.pack("<HHI", tag >> 16, tag & 0xFFFF, 4) + b"ACME"
        i = data.find(key)
        assert i > 0, "Manufacturer not found"
        data[i:i + len(key)] = struct.pack("<HHI", tag >> 16, tag & 0xFFFF, len(new)) + new
    open(path, "wb").write(bytes(data))


def insert_undefined_un(path):
    """Add (0029,0010) LO creator 'ACME UN' and (0029,1001) UN of undefined length whose content is an
    implicit VR LE sequence holding PHI (PS3.5 6.2.2 / CP-246), to an explicit VR LE file."""
    ds = pydicom.dcmread(path)
    raw = open(path, "rb").read()
    # Position of the first element with group > 0x0029 in the data set, to insert before it.
    buf = io.BytesIO()
    ds2 = ds.copy()
    # Build the bytes by hand.
    creator = struct.pack("<HH", 0x0029, 0x0010) + b"LO" + struct.pack("<H", 8) + b"ACME UN "
    item_body = (struct.pack("<HHI", 0x0010, 0x0010, len(PATIENT_NAME) + 1) + PATIENT_NAME.encode() + b" "
                 + struct.pack("<HHI", 0x0010, 0x0020, len(PATIENT_ID)) + PATIENT_ID.encode())
    if len(item_body) % 2:
        raise AssertionError("odd item body")
    un = (struct.pack("<HH", 0x0029, 0x1001) + b"UN" + b"\0\0" + struct.pack("<I", 0xFFFFFFFF)
          + struct.pack("<HHI", 0xFFFE, 0xE000, 0xFFFFFFFF) + item_body
          + struct.pack("<HHI", 0xFFFE, 0xE00D, 0) + struct.pack("<HHI", 0xFFFE, 0xE0DD, 0))
    # Find (0032,xxxx) or later: insert before the first tag with group >= 0x0032 at top level.
    # Simplest: insert right before (7FE0,0010) is wrong (order); use (0040,0275) RequestAttributesSequence.
    key = struct.pack("<HH", 0x0040, 0x0275) + b"SQ"
    i = raw.find(key)
    assert i > 0
    # The data set has no element between (0029,xxxx) and (0040,0275) except (0032..) none, and (0020,....)
    # precede; (0028,....) precede; check order: any group 0x0029 < g < 0x0040 present?
    for el in ds:
        assert not (0x0029 < el.tag.group < 0x0040), el
    out = raw[:i] + creator + un + raw[i:]
    # A standard sequence coded as UN of undefined length too: (0008,1140) ReferencedImageSequence whose
    # implicit VR LE item references a1 (its UID must be remapped inside the UN sequence).
    ref = sop_uid("A", 1).encode()
    ref += b"\0" * (len(ref) % 2)
    cls = CT_IMAGE.encode() + b"\0" * (len(CT_IMAGE) % 2)
    body = (struct.pack("<HHI", 0x0008, 0x1150, len(cls)) + cls + struct.pack("<HHI", 0x0008, 0x1155, len(ref)) + ref)
    std_un = (struct.pack("<HH", 0x0008, 0x1140) + b"UN" + b"\0\0" + struct.pack("<I", 0xFFFFFFFF)
              + struct.pack("<HHI", 0xFFFE, 0xE000, 0xFFFFFFFF) + body + struct.pack("<HHI", 0xFFFE, 0xE00D, 0)
              + struct.pack("<HHI", 0xFFFE, 0xE0DD, 0))
    key = struct.pack("<HH", 0x0009, 0x0010) + b"LO"
    j = out.find(key)
    assert j > 0
    assert 0x00081140 not in ds
    out = out[:j] + std_un + out[j:]
    open(path, "wb").write(out)


def make_dicomdir(path):
    """A minimal DICOMDIR (Media Storage Directory Storage) naming a file: must not be copied."""
    ds = Dataset()
    ds.FileSetID = "PHIDIR"
    rec = Dataset()
    rec.DirectoryRecordType = "PATIENT"
    rec.PatientName = PATIENT_NAME
    rec.PatientID = PATIENT_ID
    ds.DirectoryRecordSequence = Sequence([rec])
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.1.3.10"
    meta.MediaStorageSOPInstanceUID = ROOT + ".98"
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = ROOT + ".99"
    fds = FileDataset(path, ds, file_meta=meta, preamble=b"\0" * 128)
    fds.is_little_endian = True
    fds.is_implicit_VR = False
    fds.save_as(path, write_like_original=False)


def main():
    for d in ("study", "flagged", "bad"):
        shutil.rmtree(os.path.join(HERE, d), ignore_errors=True)
    # Series A: implicit VR LE.
    for n in (1, 2, 3):
        save(base_dataset("A", n, seed=n), ImplicitVRLittleEndian, os.path.join(HERE, "study/seriesA/a%d.dcm" % n))
    patch_odd_lengths(os.path.join(HERE, "study/seriesA/a3.dcm"))
    # Series B: explicit VR LE, references to series A.
    for n in (1, 2):
        ds = base_dataset("B", n, seed=10 + n)
        ds.ImageType = ["DERIVED", "SECONDARY", "AXIAL"]
        refs = []
        for m in (1, 2):
            r = Dataset()
            r.ReferencedSOPClassUID = CT_IMAGE
            r.ReferencedSOPInstanceUID = sop_uid("A", m)
            refs.append(r)
        ds.ReferencedImageSequence = Sequence(refs)
        src = Dataset()
        src.ReferencedSOPClassUID = CT_IMAGE
        src.ReferencedSOPInstanceUID = sop_uid("A", 3)
        ds.SourceImageSequence = Sequence([src])
        ser = Dataset()
        ser.SeriesInstanceUID = SERIES["A"]
        ser.ReferencedInstanceSequence = Sequence([refs[0]])
        ds.ReferencedSeriesSequence = Sequence([ser])
        save(ds, ExplicitVRLittleEndian, os.path.join(HERE, "study/seriesB/b%d.dcm" % n))
    # Series C: the other syntaxes.
    save(base_dataset("C", 1, seed=21), ExplicitVRBigEndian, os.path.join(HERE, "study/seriesC/c_be.dcm"))
    save(base_dataset("C", 2, seed=22), DeflatedExplicitVRLittleEndian, os.path.join(HERE, "study/seriesC/c_defl.dcm"))
    save(base_dataset("C", 3, seed=23), RLELossless, os.path.join(HERE, "study/seriesC/c_rle.dcm"))
    p = save(base_dataset("C", 4, seed=24), ExplicitVRLittleEndian, os.path.join(HERE, "study/seriesC/c_un.dcm"))
    insert_undefined_un(p)
    # Flagged.
    us = base_dataset("US", 1, modality="US", sop_class=US_IMAGE, seed=31)
    save(us, ExplicitVRLittleEndian, os.path.join(HERE, "flagged/us.dcm"))
    sc = base_dataset("SC", 1, modality="OT", sop_class=SC_IMAGE, seed=32)
    sc.BurnedInAnnotation = "YES"
    save(sc, ExplicitVRLittleEndian, os.path.join(HERE, "flagged/sc_burned.dcm"))
    # Bad input.
    os.makedirs(os.path.join(HERE, "bad"), exist_ok=True)
    good = open(os.path.join(HERE, "study/seriesA/a1.dcm"), "rb").read()
    open(os.path.join(HERE, "bad/truncated.dcm"), "wb").write(good[:len(good) - 200])
    open(os.path.join(HERE, "bad/notes.txt"), "w").write("Call " + PATIENT_NAME + " about scan " + ACCESSION + "\n")
    open(os.path.join(HERE, "bad/empty.dcm"), "wb").write(b"")
    make_dicomdir(os.path.join(HERE, "bad/DICOMDIR"))
    with open(os.path.join(HERE, "phi_strings.txt"), "w") as f:
        f.write("# PHI strings planted by make_fixtures.py; none may appear in de-identified output bytes.\n")
        for s in PHI:
            f.write(s + "\n")
    # Every fixture (but the bad ones) must read back in pydicom.
    for root, _, files in os.walk(HERE):
        for fn in files:
            if fn.endswith(".dcm") and "bad" not in root:
                d = pydicom.dcmread(os.path.join(root, fn))
                _ = d.PixelData


if __name__ == "__main__":
    main()
