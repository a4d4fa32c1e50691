#!/usr/bin/python3
"""Writes the annotation fixtures of org.medprep.io.dicom.label with pydicom 2.3 (highdicom is not
installed): two image series, two RT Structure Sets and two Segmentations written by hand after
PS3.3 A.19/C.8.8.5-6 (RTSTRUCT) and A.51/C.8.20 (SEG), then the label maps MedPrep must make of them:

  RTSTRUCT  every closed planar contour, read back from the written file (the DS strings as stored),
            taken into voxel coordinates of the image grid and filled with skimage.draw.polygon
            (scikit-image 0.19: pixel centres inside or on the boundary); the contours of one ROI on
            one slice combined by exclusive or (even-odd holes); label = ROI order + 1, later ROIs
            painting over earlier ones.
  SEG       the masks the frames were made from, put on the grid directly (not through MedPrep's
            reading), fractional ones at >= half the Maximum Fractional Value.

Run from the repository root (needs /usr/bin/python3 with pydicom, numpy, scikit-image):
    /usr/bin/python3 src/test/resources/org/medprep/io/dicom/make_label_fixtures.py
Deterministic (fixed UIDs and seeds). The Java tests read only the outputs in labels/.
"""
import json
import os
import random
import shutil

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.pixel_data_handlers.numpy_handler import pack_bits
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian
import skimage
from skimage.draw import polygon

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "labels")
STUDY = os.path.join(OUT, "study")
ROOT = "1.2.826.0.1.3680043.8.498.7734."
CT_STORAGE = "1.2.840.10008.5.1.4.1.1.2"
MR_STORAGE = "1.2.840.10008.5.1.4.1.1.4"
RTSTRUCT = "1.2.840.10008.5.1.4.1.1.481.3"
SEG = "1.2.840.10008.5.1.4.1.1.66.4"
STUDY_UID = ROOT + "1"
FOR_UID = ROOT + "2"


def uid(*parts):
    return ROOT + ".".join(str(p) for p in parts)


def ds_str(x):
    s = "%.10g" % x
    return s if len(s) <= 16 else "%.8g" % x


def new_file(sop_class, sop_uid, ts=ExplicitVRLittleEndian):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = sop_uid
    meta.TransferSyntaxUID = ts
    meta.ImplementationClassUID = uid(0, 1)
    ds = FileDataset("x", {}, file_meta=meta, preamble=b"\0" * 128)
    ds.is_implicit_VR = ts == ImplicitVRLittleEndian
    ds.is_little_endian = True
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = sop_uid
    ds.StudyInstanceUID = STUDY_UID
    ds.PatientName = "Label^Phantom"
    ds.PatientID = "LAB001"
    ds.StudyDate = "20240102"
    return ds


class Grid:
    """An image series' grid as MedPrep's SeriesLayout builds it: origin = first position, columns row,
    column (made orthogonal) and normal; z spacing from the positions."""

    def __init__(self, cols, rows, n, iop, pixel_spacing, first_ipp, dz):
        self.cols, self.rows, self.n = cols, rows, n
        self.iop = [float(ds_str(v)) for v in iop]
        self.ps = [float(ds_str(v)) for v in pixel_spacing]
        row = np.array(self.iop[:3]); col = np.array(self.iop[3:])
        row = row / np.sqrt(row @ row); col = col / np.sqrt(col @ col)
        col = col - (row @ col) * row; col = col / np.sqrt(col @ col)
        self.row, self.col = row, col
        self.normal = np.array([row[1] * col[2] - row[2] * col[1], row[2] * col[0] - row[0] * col[2], row[0] * col[1] - row[1] * col[0]])
        self.positions = [[float(ds_str(v)) for v in (np.array(first_ipp, float) + k * dz * self.normal)] for k in range(n)]
        d = [float(self.normal @ np.array(p)) for p in self.positions]
        self.dz = (d[-1] - d[0]) / (n - 1)
        self.origin = np.array(self.positions[0])
        self.spacing = [self.ps[1], self.ps[0], self.dz]
        self.dir = np.stack([self.row, self.col, self.normal], axis=1)  # columns = axes

    def to_patient(self, i, j, k):
        return self.origin + self.dir @ (np.array([i, j, k], float) * np.array(self.spacing))

    def to_index(self, p):
        # as Geometry.physicalToIndex: s = sum_r dir[r][c] * (p[r] - o[r]); index = s / spacing
        out = []
        for c in range(3):
            s = 0.0
            for r in range(3):
                s += self.dir[r][c] * (p[r] - self.origin[r])
            out.append(s / self.spacing[c])
        return out


def write_series(folder, grid, series_no, modality, sop, seed, description):
    os.makedirs(folder, exist_ok=True)
    rng = np.random.RandomState(seed)
    order = list(range(grid.n))
    random.Random(seed).shuffle(order)
    sops = []
    for k in range(grid.n):
        sop_uid = uid(series_no, 1, k + 1)
        sops.append(sop_uid)
        ds = new_file(sop, sop_uid)
        ds.Modality = modality
        ds.SeriesInstanceUID = uid(series_no)
        ds.SeriesNumber = series_no
        ds.SeriesDescription = description
        ds.FrameOfReferenceUID = FOR_UID
        ds.InstanceNumber = k + 1
        ds.ImagePositionPatient = [ds_str(v) for v in grid.positions[k]]
        ds.ImageOrientationPatient = [ds_str(v) for v in grid.iop]
        ds.PixelSpacing = [ds_str(v) for v in grid.ps]
        ds.SliceThickness = ds_str(grid.dz)
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.Rows, ds.Columns = grid.rows, grid.cols
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
        if modality == "CT":
            ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = "0", "1", "HU"
        ds.PixelData = rng.randint(-100, 100, size=(grid.rows, grid.cols)).astype("<i2").tobytes()
        ds.save_as(os.path.join(folder, "IM%04d.dcm" % (order[k] + 1)), write_like_original=False)
    return sops


def code(value, scheme, meaning):
    c = Dataset()
    c.CodeValue, c.CodingSchemeDesignator, c.CodeMeaning = value, scheme, meaning
    return c


# ---- RTSTRUCT ----

def write_rtstruct(path, grid, series_uid, image_sops, rois, series_no, label):
    """rois: list of (number, name, color, [(type, [(i, j, k), ...] in voxel coordinates), ...])."""
    ds = new_file(RTSTRUCT, uid(series_no, 1))
    ds.Modality = "RTSTRUCT"
    ds.SeriesInstanceUID = uid(series_no)
    ds.SeriesNumber = series_no
    ds.SeriesDescription = label
    ds.StructureSetLabel = label
    ds.StructureSetDate, ds.StructureSetTime = "20240102", "120000"
    ref_series = Dataset()
    ref_series.SeriesInstanceUID = series_uid
    ref_series.ContourImageSequence = Sequence([image_ref(s) for s in image_sops])
    ref_study = Dataset()
    ref_study.ReferencedSOPClassUID = "1.2.840.10008.3.1.2.3.1"
    ref_study.ReferencedSOPInstanceUID = STUDY_UID
    ref_study.RTReferencedSeriesSequence = Sequence([ref_series])
    ref_for = Dataset()
    ref_for.FrameOfReferenceUID = FOR_UID
    ref_for.RTReferencedStudySequence = Sequence([ref_study])
    ds.ReferencedFrameOfReferenceSequence = Sequence([ref_for])
    ssroi, roic = [], []
    for number, name, color, contours in rois:
        r = Dataset()
        r.ROINumber = number
        r.ReferencedFrameOfReferenceUID = FOR_UID
        r.ROIName = name
        r.ROIGenerationAlgorithm = "MANUAL"
        ssroi.append(r)
        if contours is None:
            continue
        c = Dataset()
        c.ReferencedROINumber = number
        c.ROIDisplayColor = [str(v) for v in color]
        seq = []
        for ctype, pts in contours:
            item = Dataset()
            k = int(round(pts[0][2]))
            if 0 <= k < len(image_sops):
                item.ContourImageSequence = Sequence([image_ref(image_sops[k])])
            item.ContourGeometricType = ctype
            item.NumberOfContourPoints = len(pts)
            flat = []
            for (i, j, kk) in pts:
                flat.extend(ds_str(v) for v in grid.to_patient(i, j, kk))
            item.ContourData = flat
            seq.append(item)
        c.ContourSequence = Sequence(seq)
        roic.append(c)
    ds.StructureSetROISequence = Sequence(ssroi)
    ds.ROIContourSequence = Sequence(roic)
    ds.save_as(path, write_like_original=False)


def image_ref(sop_uid):
    r = Dataset()
    r.ReferencedSOPClassUID = CT_STORAGE
    r.ReferencedSOPInstanceUID = sop_uid
    return r


def rasterise_rtstruct(path, grid):
    """The reference label map: contours as stored in the file, skimage.draw.polygon, XOR per ROI and slice."""
    ds = pydicom.dcmread(path)
    labels = np.zeros((grid.n, grid.rows, grid.cols), np.uint16)
    by_number = {c.ReferencedROINumber: c for c in ds.ROIContourSequence}
    names = []
    for order, r in enumerate(ds.StructureSetROISequence):
        label = order + 1
        names.append({"label": label, "name": str(r.ROIName), "number": int(r.ROINumber)})
        c = by_number.get(r.ROINumber)
        if c is None:
            continue
        slices = {}
        for item in c.ContourSequence:
            if item.ContourGeometricType != "CLOSED_PLANAR":
                continue
            p = [float(v) for v in item.ContourData]
            idx = [grid.to_index(p[3 * m:3 * m + 3]) for m in range(len(p) // 3)]
            ks = [q[2] for q in idx]
            k = int(round(sum(ks) / len(ks)))
            assert all(abs(q - k) <= 0.25 for q in ks)
            if not 0 <= k < grid.n:
                continue
            mask = np.zeros((grid.rows, grid.cols), bool)
            rr, cc = polygon([q[1] for q in idx], [q[0] for q in idx], shape=(grid.rows, grid.cols))
            mask[rr, cc] = True
            slices[k] = slices.get(k, np.zeros_like(mask)) ^ mask
        for k, mask in slices.items():
            labels[k][mask] = label
    return labels, names


def star(ci, cj, radius, n, k, seed, wobble=0.25):
    rng = random.Random(seed)
    pts = []
    for m in range(n):
        a = 2 * np.pi * m / n + rng.uniform(-0.15, 0.15)
        r = radius * (1 + rng.uniform(-wobble, wobble))
        pts.append((ci + r * np.cos(a) + rng.uniform(0.01, 0.09), cj + r * np.sin(a) + rng.uniform(0.01, 0.09), k))
    return pts


def generic(pts, grid_rows, grid_cols):
    """True when no pixel centre lies within 1e-6 of an edge of the polygon (no ties for float noise to break)."""
    n = len(pts)
    for a in range(n):
        (x0, y0, _), (x1, y1, _) = pts[a], pts[(a + 1) % n]
        for y in range(int(np.floor(min(y0, y1))), int(np.ceil(max(y0, y1))) + 1):
            if y1 == y0:
                if abs(y - y0) < 1e-6:
                    return False
                continue
            t = (y - y0) / (y1 - y0)
            if 0 <= t <= 1:
                x = x0 + t * (x1 - x0)
                if abs(x - round(x)) < 1e-6:
                    return False
        if abs(y0 - round(y0)) < 1e-6:
            return False
    return True


def generic_star(ci, cj, radius, n, k, seed, rows, cols, wobble=0.25):
    s = seed
    while True:
        pts = star(ci, cj, radius, n, k, s, wobble)
        if generic(pts, rows, cols):
            return pts
        s += 1000


# ---- SEG ----

def cielab(l, a, b):
    return [int(round(l / 100 * 65535)), int(round((a + 128) / 255 * 65535)), int(round((b + 128) / 255 * 65535))]


def write_seg(path, grid, series_uid, image_sops, segments, frames, fractional, series_no, label, max_fractional=255):
    """segments: [(number, label, cielab)]; frames: [(segment number, slice k, 2D array, z offset in slices)]."""
    ds = new_file(SEG, uid(series_no, 1))
    ds.Modality = "SEG"
    ds.SeriesInstanceUID = uid(series_no)
    ds.SeriesNumber = series_no
    ds.SeriesDescription = label
    ds.FrameOfReferenceUID = FOR_UID
    ds.ImageType = ["DERIVED", "PRIMARY"]
    ds.ContentLabel = "SEG"
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = grid.rows, grid.cols
    ds.BitsAllocated = 8 if fractional else 1
    ds.BitsStored = ds.BitsAllocated
    ds.HighBit = ds.BitsAllocated - 1
    ds.PixelRepresentation = 0
    ds.LossyImageCompression = "00"
    ds.SegmentationType = "FRACTIONAL" if fractional else "BINARY"
    if fractional:
        ds.SegmentationFractionalType = "PROBABILITY"
        ds.MaximumFractionalValue = max_fractional
    seq = []
    for number, name, lab in segments:
        s = Dataset()
        s.SegmentNumber = number
        s.SegmentLabel = name
        s.SegmentAlgorithmType = "MANUAL"
        s.SegmentedPropertyCategoryCodeSequence = Sequence([code("91723000", "SCT", "Anatomical Structure")])
        s.SegmentedPropertyTypeCodeSequence = Sequence([code("10200004", "SCT", "Liver")])
        s.RecommendedDisplayCIELabValue = lab
        seq.append(s)
    ds.SegmentSequence = Sequence(seq)
    ref = Dataset()
    ref.SeriesInstanceUID = series_uid
    ref.ReferencedInstanceSequence = Sequence([image_ref(s) for s in image_sops])
    ds.ReferencedSeriesSequence = Sequence([ref])
    shared = Dataset()
    po = Dataset()
    po.ImageOrientationPatient = [ds_str(v) for v in grid.iop]
    shared.PlaneOrientationSequence = Sequence([po])
    pm = Dataset()
    pm.PixelSpacing = [ds_str(v) for v in grid.ps]
    pm.SliceThickness = ds_str(grid.dz)
    shared.PixelMeasuresSequence = Sequence([pm])
    ds.SharedFunctionalGroupsSequence = Sequence([shared])
    per = []
    for number, k, _, dk in frames:
        f = Dataset()
        fc = Dataset()
        fc.DimensionIndexValues = [number, k + 1]
        f.FrameContentSequence = Sequence([fc])
        pp = Dataset()
        pp.ImagePositionPatient = [ds_str(v) for v in grid.to_patient(0, 0, k + dk)]
        f.PlanePositionSequence = Sequence([pp])
        si = Dataset()
        si.ReferencedSegmentNumber = number
        f.SegmentIdentificationSequence = Sequence([si])
        per.append(f)
    ds.PerFrameFunctionalGroupsSequence = Sequence(per)
    ds.NumberOfFrames = len(frames)
    stack = np.stack([a for _, _, a, _ in frames]).astype(np.uint8)
    ds.PixelData = stack.tobytes() if fractional else pack_bits(stack.flatten())
    ds["PixelData"].VR = "OB"
    ds.save_as(path, write_like_original=False)


def seg_truth(grid, frames, order_of, threshold):
    labels = np.zeros((grid.n, grid.rows, grid.cols), np.uint16)
    for number in sorted(order_of, key=lambda n: order_of[n]):
        for seg_no, k, a, dk in frames:
            if seg_no != number or dk != 0 or not 0 <= k < grid.n:
                continue
            labels[k][a >= threshold] = order_of[number]
    return labels


def blob(grid, ci, cj, r, rng):
    j, i = np.mgrid[0:grid.rows, 0:grid.cols]
    noise = rng.uniform(-0.8, 0.8, size=(grid.rows, grid.cols))
    return (((i - ci) ** 2 + (j - cj) ** 2) < (r + noise) ** 2).astype(np.uint8)


def save_expected(name, labels, names, extra=None):
    counts = np.bincount(labels.flatten(), minlength=len(names) + 1)
    for e in names:
        e["voxels"] = int(counts[e["label"]])
    exp = {"tool": "scikit-image " + skimage.__version__ + ", pydicom " + pydicom.__version__,
           "shape": [int(labels.shape[2]), int(labels.shape[1]), int(labels.shape[0])],
           # i fastest, then j, then k: labels[k, j, i] flattened in C order
           "values": [int(v) for v in labels.flatten()],
           "labels": names}
    if extra:
        exp.update(extra)
    with open(os.path.join(OUT, name + "_expected.json"), "w") as f:
        json.dump(exp, f)


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(STUDY)
    # CT: axial, 23 x 20 x 8; every coordinate an exact binary fraction, so vertices on pixel centres stay on them
    ct = Grid(23, 20, 8, [1, 0, 0, 0, 1, 0], [0.5, 0.75], [-10.5, 20.25, -30.0], 2.0)
    ct_sops = write_series(os.path.join(STUDY, "ct"), ct, 3, "CT", CT_STORAGE, 11, "label CT")
    # MR: oblique (rotated 20 degrees about z and 10 about x), 18 x 16 x 6, generic spacings and origin
    a, b = np.radians(20), np.radians(10)
    rz = np.array([[np.cos(a), -np.sin(a), 0], [np.sin(a), np.cos(a), 0], [0, 0, 1]])
    rx = np.array([[1, 0, 0], [0, np.cos(b), -np.sin(b)], [0, np.sin(b), np.cos(b)]])
    m = rx @ rz
    mr = Grid(18, 16, 6, list(m[:, 0]) + list(m[:, 1]), [1.1, 0.9], [-40.3, 12.7, 55.1], 3.3)
    mr_sops = write_series(os.path.join(STUDY, "mr"), mr, 4, "MR", MR_STORAGE, 12, "label MR")

    # RTSTRUCT on the CT
    body = [("CLOSED_PLANAR", generic_star(11.0, 9.5, 8.5, 14, k, 100 + k, ct.rows, ct.cols)) for k in range(8)]
    outer = [generic_star(12.0, 10.0, 5.0, 10, k, 200 + k, ct.rows, ct.cols, 0.15) for k in range(2, 6)]
    inner = [generic_star(12.0, 10.0, 2.0, 7, k, 300 + k, ct.rows, ct.cols, 0.1) for k in range(2, 6)]
    tumor = []
    for n, (o, i_) in enumerate(zip(outer, inner)):
        pair = [("CLOSED_PLANAR", o), ("CLOSED_PLANAR", i_)]
        tumor.extend(reversed(pair) if n == 2 else pair)  # hole listed first on one slice: order must not matter
    # vertices on pixel centres and edges through them: the boundary rule decides these pixels
    cord = [("CLOSED_PLANAR", [(4, 4, k), (7, 4, k), (8.5, 6, k), (7, 8, k), (4, 8, k), (3, 6, k)]) for k in range(8)]
    marker = [("POINT", [(15.3, 3.2, 3)])]
    edge = [("CLOSED_PLANAR", [(18.3, 14.2, 7), (26.7, 13.9, 7), (27.1, 22.6, 7), (17.6, 23.3, 7)]),
            ("CLOSED_PLANAR", [(5.3, 5.2, -5), (9.1, 5.4, -5), (7.2, 9.3, -5)])]  # on a slice 10 mm below the image
    write_rtstruct(os.path.join(STUDY, "rs_ct.dcm"), ct, uid(3), ct_sops,
                   [(1, "Body", (0, 255, 0), body), (7, "Tumor", (255, 0, 0), tumor), (3, "Cord", (0, 0, 255), cord),
                    (12, "Marker", (255, 255, 0), marker), (5, "Empty", (128, 128, 128), None),
                    (20, "Edge, clipped", (0, 255, 255), edge)], 30, "CT structures")
    labels, names = rasterise_rtstruct(os.path.join(STUDY, "rs_ct.dcm"), ct)
    save_expected("rs_ct", labels, names)

    # RTSTRUCT on the oblique MR
    lesion = [("CLOSED_PLANAR", generic_star(8.7, 7.6, 4.5 + 0.7 * k, 11, k, 400 + k, mr.rows, mr.cols)) for k in range(1, 5)]
    write_rtstruct(os.path.join(STUDY, "rs_mr.dcm"), mr, uid(4), mr_sops, [(1, "Lesion", (255, 128, 0), lesion)], 40, "MR structures")
    labels, names = rasterise_rtstruct(os.path.join(STUDY, "rs_mr.dcm"), mr)
    save_expected("rs_mr", labels, names)

    # binary SEG on the CT: 460 pixels per frame, so frames do not start on byte boundaries; frames shuffled
    rng = np.random.RandomState(5)
    frames = [(1, k, blob(ct, 11, 10, 6, rng), 0) for k in range(1, 6)] + [(2, k, blob(ct, 14, 8, 3, rng), 0) for k in (3, 4)]
    random.Random(6).shuffle(frames)
    segs = [(1, "Liver", cielab(60, 40, 30)), (2, "Lesion", cielab(50, -20, 60))]
    write_seg(os.path.join(STUDY, "seg_binary.dcm"), ct, uid(3), ct_sops, segs, frames, False, 50, "binary SEG")
    save_expected("seg_binary", seg_truth(ct, frames, {1: 1, 2: 2}, 1),
                  [{"label": 1, "name": "Liver", "number": 1}, {"label": 2, "name": "Lesion", "number": 2}])

    # fractional SEG on the CT: probabilities 0..255 with 127 and 128 around the threshold; one frame half a slice off
    frac = []
    for k in range(8):
        j, i = np.mgrid[0:ct.rows, 0:ct.cols]
        p = np.clip(255 - 18 * np.hypot(i - 11 - 0.3 * k, j - 9), 0, 255).astype(np.uint8)
        p[0, 0], p[0, 1] = 127, 128
        frac.append((1, k, p, 0))
    frac.append((1, 3, np.full((ct.rows, ct.cols), 255, np.uint8), 0.5))
    write_seg(os.path.join(STUDY, "seg_fractional.dcm"), ct, uid(3), ct_sops, [(1, "Probability", cielab(70, 0, 0))], frac, True, 51,
              "fractional SEG")
    save_expected("seg_fractional", seg_truth(ct, frac, {1: 1}, 128), [{"label": 1, "name": "Probability", "number": 1}],
                  {"frames_off_grid": 1})


if __name__ == "__main__":
    main()
