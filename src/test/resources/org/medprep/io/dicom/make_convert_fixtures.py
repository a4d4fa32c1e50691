#!/usr/bin/python3
"""Writes the fixtures of `medprep convert` on real-world series with pydicom 2.3, then records what
dcm2niix (the reference converter) makes of each of them:

  sidecar_mr, sidecar_ct   rich MR and CT headers (acquisition parameters and identifiers), for the
                           BIDS sidecars: dcm2niix's JSON with its defaults (-ba y) and with -ba n
  echo, time, dwi          one series each of 3 volumes x 4 slices at the same positions: 3 echoes
                           (Echo Numbers / Echo Time), 3 temporal positions, 3 diffusion b-values
  no_geometry              single images without Image Position/Orientation: a secondary capture
                           without pixel spacing, a projection X-ray with Imager Pixel Spacing

Run from the repository root (needs /usr/bin/python3 with pydicom, numpy, nibabel; dcm2niix):
    /usr/bin/python3 src/test/resources/org/medprep/io/dicom/make_convert_fixtures.py
Deterministic. dcm2niix's outputs are summarised in convert/dcm2niix.json: for each input folder the
files it wrote, the shape of each NIfTI, the first voxel of each volume, and the JSON sidecars.
"""
import json
import os
import shutil
import subprocess
import tempfile

import numpy as np
import nibabel as nib
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "convert")
ROOT = "1.2.826.0.1.3680043.8.498.7735."
MR_STORAGE = "1.2.840.10008.5.1.4.1.1.4"
CT_STORAGE = "1.2.840.10008.5.1.4.1.1.2"
SC_STORAGE = "1.2.840.10008.5.1.4.1.1.7"
DX_STORAGE = "1.2.840.10008.5.1.4.1.1.1.1"


def new_file(sop_class, sop_uid):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = sop_uid
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = ROOT + "0.1"
    ds = FileDataset("x", {}, file_meta=meta, preamble=b"\0" * 128)
    ds.is_implicit_VR = False
    ds.is_little_endian = True
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = sop_uid
    ds.StudyInstanceUID = ROOT + "1"
    ds.FrameOfReferenceUID = ROOT + "2"
    ds.PatientName = "Doe^Jane"
    ds.PatientID = "MRN123"
    ds.PatientBirthDate = "19700101"
    ds.PatientSex = "F"
    ds.PatientAge = "054Y"
    ds.PatientWeight = "60"
    ds.StudyDate = ds.SeriesDate = ds.AcquisitionDate = "20240101"
    ds.StudyTime, ds.SeriesTime = "120000", "120100"
    ds.AccessionNumber = "ACC1"
    ds.ReferringPhysicianName = "Who^Dr"
    ds.InstitutionName = "General Hospital"
    ds.InstitutionAddress = "1 Main St"
    ds.StationName = "SCANNER1"
    ds.DeviceSerialNumber = "12345"
    return ds


def pixels(ds, rows, cols, values):
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = rows, cols
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 0
    ds.PixelData = np.asarray(values, np.uint16).reshape(rows, cols).astype("<u2").tobytes()


MR = dict(Manufacturer="SIEMENS", ManufacturerModelName="Prisma", MagneticFieldStrength=3, ImagingFrequency="123.25",
          SoftwareVersions="syngo MR XA30", BodyPartExamined="BRAIN", PatientPosition="HFS", MRAcquisitionType="3D",
          ProtocolName="t1_mprage_sag", ScanningSequence=["GR", "IR"], SequenceVariant=["SK", "SP", "MP"], ScanOptions=["IR"],
          SequenceName="*tfl3d1_16ns", ImageType=["ORIGINAL", "PRIMARY", "M", "NORM", "ND"], SliceThickness="1",
          SpacingBetweenSlices="3", EchoNumbers=1, EchoTime="2.26", RepetitionTime="2300", InversionTime="900", FlipAngle="8",
          PixelBandwidth="200", InPlanePhaseEncodingDirection="ROW", PercentPhaseFieldOfView="100", PercentSampling="100",
          SAR="0.05", NumberOfPhaseEncodingSteps=255, ImageComments="a comment that may name someone")
CT = dict(Manufacturer="GE MEDICAL SYSTEMS", ManufacturerModelName="Revolution", SoftwareVersions="rev1", BodyPartExamined="CHEST",
          PatientPosition="FFS", ProtocolName="Chest CTA", ImageType=["ORIGINAL", "PRIMARY", "AXIAL"], SliceThickness="1.25",
          ConvolutionKernel="STANDARD", KVP="120", XRayTubeCurrent=300, ExposureTime=500, Exposure=150, RescaleIntercept="-1024",
          RescaleSlope="1", RescaleType="HU")


def write_series(folder, modality, sop, series_no, description, fields, volumes=1, per_volume=None, slices=3, spacing=3.0):
    os.makedirs(folder, exist_ok=True)
    n = 0
    for v in range(volumes):
        for z in range(slices):
            n += 1
            ds = new_file(sop, ROOT + "%d.%d" % (series_no, n))
            ds.Modality = modality
            ds.SeriesInstanceUID = ROOT + "%d" % series_no
            ds.SeriesNumber = series_no
            ds.SeriesDescription = description
            ds.InstanceNumber = n
            ds.AcquisitionNumber = 1
            ds.AcquisitionTime = "1201%02d.5" % (2 + 2 * v)
            ds.ImagePositionPatient = ["-10", "20", "%g" % (z * spacing)]
            ds.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
            ds.PixelSpacing = ["0.5", "0.5"]
            for k, val in fields.items():
                setattr(ds, k, val)
            if per_volume:
                per_volume(ds, v)
            pixels(ds, 4, 5, np.arange(20) + 100 * v + 10 * z)
            ds.save_as(os.path.join(folder, "IM%04d.dcm" % (volumes * slices + 1 - n)), write_like_original=False)


def echo(ds, v):
    ds.EchoNumbers = v + 1
    ds.EchoTime = "%g" % (10 + 10 * v)


def temporal(ds, v):
    ds.TemporalPositionIdentifier = v + 1
    ds.NumberOfTemporalPositions = 3
    ds.AcquisitionNumber = v + 1


def diffusion(ds, v):
    ds.add_new(0x00189087, "FD", [0.0, 500.0, 1000.0][v])


def write_no_geometry():
    folder = os.path.join(OUT, "no_geometry")
    os.makedirs(folder, exist_ok=True)
    # a secondary capture (a screenshot): no position, orientation or pixel spacing
    ds = new_file(SC_STORAGE, ROOT + "31.1")
    ds.Modality = "OT"
    ds.SeriesInstanceUID = ROOT + "31"
    ds.SeriesNumber = 31
    ds.SeriesDescription = "screenshot"
    ds.ConversionType = "WSD"
    pixels(ds, 6, 7, np.arange(42))
    ds.save_as(os.path.join(folder, "sc.dcm"), write_like_original=False)
    # a projection radiograph: Imager Pixel Spacing, Patient Orientation, no Image Position/Orientation
    ds = new_file(DX_STORAGE, ROOT + "32.1")
    ds.Modality = "DX"
    ds.SeriesInstanceUID = ROOT + "32"
    ds.SeriesNumber = 32
    ds.SeriesDescription = "chest PA"
    ds.ImagerPixelSpacing = ["0.139", "0.143"]
    ds.PatientOrientation = ["L", "F"]
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    pixels(ds, 8, 9, 1000 + np.arange(72))
    ds.save_as(os.path.join(folder, "dx.dcm"), write_like_original=False)


def dcm2niix(folder, extra=()):
    tmp = tempfile.mkdtemp()
    try:
        subprocess.run(["dcm2niix", "-z", "n", "-f", "%f_%s"] + list(extra) + ["-o", tmp, folder], check=True, capture_output=True)
        out = {"files": sorted(os.listdir(tmp)), "nifti": {}, "json": {}, "text": {}}
        for f in out["files"]:
            p = os.path.join(tmp, f)
            if f.endswith(".nii"):
                img = nib.load(p)
                data = np.asarray(img.dataobj)
                out["nifti"][f] = {"shape": list(data.shape), "first_voxels": [float(data[(0, 0, 0) + ((t,) if data.ndim == 4 else ())])
                                                                             for t in range(data.shape[3] if data.ndim == 4 else 1)]}
            elif f.endswith(".json"):
                with open(p) as j:
                    out["json"][f] = json.load(j)
            else:
                with open(p) as t:
                    out["text"][f] = t.read()
        return out
    finally:
        shutil.rmtree(tmp)


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    write_series(os.path.join(OUT, "sidecar_mr"), "MR", MR_STORAGE, 21, "t1_mprage", MR)
    write_series(os.path.join(OUT, "sidecar_ct"), "CT", CT_STORAGE, 22, "Chest 1.25", CT)
    base = dict(Manufacturer="SIEMENS", MagneticFieldStrength=3, RepetitionTime="2000", EchoTime="10", FlipAngle="90",
                ImageType=["ORIGINAL", "PRIMARY", "M", "ND"], SliceThickness="3")
    write_series(os.path.join(OUT, "echo"), "MR", MR_STORAGE, 11, "multi echo", base, 3, echo, 4)
    write_series(os.path.join(OUT, "time"), "MR", MR_STORAGE, 12, "bold", base, 3, temporal, 4)
    write_series(os.path.join(OUT, "dwi"), "MR", MR_STORAGE, 13, "dwi", base, 3, diffusion, 4)
    write_no_geometry()
    version = subprocess.run(["dcm2niix", "-v"], capture_output=True, text=True).stdout.strip().splitlines()
    summary = {"tool": version[-1] if version else "dcm2niix"}
    for name in ["sidecar_mr", "sidecar_ct", "echo", "time", "dwi", "no_geometry"]:
        summary[name] = dcm2niix(os.path.join(OUT, name))
    for name in ["sidecar_mr", "sidecar_ct"]:
        summary[name + "_identifiers"] = dcm2niix(os.path.join(OUT, name), ["-ba", "n"])
    with open(os.path.join(OUT, "dcm2niix.json"), "w") as f:
        json.dump(summary, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
