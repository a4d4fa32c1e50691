#!/usr/bin/env bash
# Times MedPrep's DICOM decoding against dcm2niix on the same files: a 300-slice 512x512 int16 CT
# (written with pydicom, not committed) compressed by GDCM and DCMTK in every transfer syntax both read.
# Not used by the tests.
#
# Needs: /usr/bin/python3 with pydicom and numpy, gdcmconv (libgdcm-tools), DCMTK, dcm2niix, Maven.
# Run from the repository root:  bash src/test/resources/org/medprep/bench/decode_vs_dcm2niix.sh [WORK_DIR]
#
# MedPrep: `medprep bench --suite decode` with -Dmedprep.bench.dicom=WORK/series (folder scan + decode +
# sort + rescale view, median of 5 runs), with all cores and with one thread. dcm2niix: the best of 3 runs of
# `dcm2niix -z n -b n` (scan + decode + writing an uncompressed NIfTI, single-threaded). voxels/s = 300*512*512/s.
set -euo pipefail
work=${1:-$(mktemp -d)}
mkdir -p "$work/series" "$work/nifti"
repo=$(pwd)

if [ ! -d "$work/native" ]; then
/usr/bin/python3 - "$work/native" <<'EOF'
import os, sys
import numpy as np
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian
out = sys.argv[1]
os.makedirs(out)
root = "1.2.826.0.1.3680043.8.498.7734."
rng = np.random.default_rng(7)
j, i = np.mgrid[0:512, 0:512]
body = (i - 256) ** 2 / 230.0 ** 2 + (j - 256) ** 2 / 170.0 ** 2 < 1
for k in range(300):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    meta.MediaStorageSOPInstanceUID = root + "2.%d" % (k + 1)
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    f = os.path.join(out, "IM%04d.dcm" % (k + 1))
    ds = FileDataset(f, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
    ds.Modality, ds.PatientName, ds.PatientID = "CT", "Bench^CT", "BENCH"
    ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.FrameOfReferenceUID = root + "1", root + "3", root + "9"
    ds.SeriesNumber, ds.InstanceNumber = 1, k + 1
    ds.ImagePositionPatient = ["-179.6", "-179.6", "%.2f" % (-300 + 1.25 * k)]
    ds.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
    ds.PixelSpacing, ds.SliceThickness = ["0.7", "0.7"], "1.25"
    ds.SamplesPerPixel, ds.PhotometricInterpretation, ds.Rows, ds.Columns = 1, "MONOCHROME2", 512, 512
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
    ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = "-1024", "1", "HU"
    # air outside the body, soft tissue with CT-like noise inside, a bone ring: realistic entropy for the coders
    v = np.where(body, 1064 + rng.normal(0, 20, (512, 512)), 24 + rng.normal(0, 5, (512, 512)))
    ring = body & ((i - 256) ** 2 / 200.0 ** 2 + (j - 256) ** 2 / 140.0 ** 2 > 1)
    v = np.where(ring, 1900 + rng.normal(0, 40, (512, 512)), v)
    v = np.where(body, v, -1000 + 1024)  # the scanner's air outside the field of view
    ds.PixelData = np.clip(np.rint(v), -2048, 4095).astype("<i2").tobytes()
    ds["PixelData"].VR = "OW"
    ds.save_as(f, write_like_original=False)
EOF
fi

convert() { # name tool...
  local name=$1; shift
  [ -d "$work/series/$name" ] && return
  mkdir -p "$work/series/$name"
  for f in "$work"/native/*.dcm; do
    "$@" "$f" "$work/series/$name/$(basename "$f")" >/dev/null
  done
}
[ -d "$work/series/native" ] || cp -r "$work/native" "$work/series/native"
convert rle gdcmconv --rle
convert jpeg_lossless_sv1 dcmcjpeg +e1
convert jpegls_lossless gdcmconv --jpegls
convert jpegls_near3 gdcmconv --jpegls --lossy -e 3
convert j2k_lossless gdcmconv --j2k

# the standalone jar and the optional JPEG 2000 add-on (only for this run, never bundled)
[ -n "$(ls target/MedPrep_-*-standalone.jar 2>/dev/null)" ] || mvn -B -q -DskipTests package
jar=$(ls "$repo"/target/MedPrep_-*-standalone.jar | head -n 1)
mvn -B -q dependency:copy -Dartifact=com.github.jai-imageio:jai-imageio-jpeg2000:1.4.0 -DoutputDirectory="$work/addon"
mvn -B -q dependency:copy -Dartifact=com.github.jai-imageio:jai-imageio-core:1.4.0 -DoutputDirectory="$work/addon"
cp="$jar:$work/addon/jai-imageio-jpeg2000-1.4.0.jar:$work/addon/jai-imageio-core-1.4.0.jar"

echo "== MedPrep, all cores"
java -Xmx8g -Dmedprep.bench.dicom="$work/series" -cp "$cp" org.medprep.cli.MedPrepCli bench --suite decode
echo "== MedPrep, one thread"
java -Xmx8g -Dmedprep.bench.dicom="$work/series" -cp "$cp" org.medprep.cli.MedPrepCli bench --suite decode --threads 1

echo "== dcm2niix $(dcm2niix --version 2>&1 | tail -n 1) (best of 3, -z n -b n)"
for d in "$work"/series/*/; do
  name=$(basename "$d")
  best=
  for r in 1 2 3; do
    rm -rf "$work/nifti/$name" && mkdir -p "$work/nifti/$name"
    t0=$(date +%s.%N)
    dcm2niix -z n -b n -o "$work/nifti/$name" "$d" >/dev/null 2>&1 || { echo "$name: dcm2niix failed"; continue 2; }
    t=$(echo "$(date +%s.%N) - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  printf "dcm2niix %-22s %10.1f ms %14.4g voxels/s\n" "$name" "$(echo "$best * 1000" | bc -l)" "$(echo "300 * 512 * 512 / $best" | bc -l)"
done
