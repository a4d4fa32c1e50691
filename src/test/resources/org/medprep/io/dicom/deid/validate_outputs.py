#!/usr/bin/python3
"""Check de-identified output with the reference tools (not used by the Java tests at run time).

    /usr/bin/python3 validate_outputs.py IN_DIR OUT_DIR PATH_MAP

PATH_MAP is the CSV written by `medprep anonymize ... --path-map PATH_MAP` (the audit log names inputs by
id only; the map gives their paths). For every row of OUT_DIR/deid-audit.csv with an output file:
  - pydicom 2.3 reads it with enforce_valid_values (strict), walks every element at every depth and
    decodes the pixels (pixel_array; RLE with pydicom's own decoder);
  - the decoded pixels equal those of the input file (pydicom on the input; the encoded Pixel Data
    bytes when pydicom cannot decode them, e.g. the fake JPEG of the parser's fixtures);
  - the Media Storage SOP Instance UID equals the SOP Instance UID;
  - dcmdump (DCMTK) exits 0 and prints nothing on stderr (no warnings, no errors).
Prints one line per file and a summary; exit code 1 if anything failed.
"""
import csv
import os
import subprocess
import sys

import numpy as np
import pydicom
from pydicom import config


def main(in_dir, out_dir, path_map):
    config.enforce_valid_values = True
    bad = 0
    paths = {r["input_id"]: r["input_file"] for r in csv.DictReader(open(path_map))}
    rows = list(csv.DictReader(open(os.path.join(out_dir, "deid-audit.csv"))))
    for row in rows:
        row["input_file"] = paths[row["input_id"]]
    checked = 0
    for row in rows:
        if not row["output_file"]:
            print("%-28s %s (%s)" % (row["input_file"], row["status"], row["reasons"][:60]))
            continue
        out = os.path.join(out_dir, row["output_file"])
        src = os.path.join(in_dir, row["input_file"])
        problems = []
        try:
            d = pydicom.dcmread(out)
            n = sum(1 for _ in d.iterall())
            if d.file_meta.MediaStorageSOPInstanceUID != d.SOPInstanceUID:
                problems.append("media storage UID != SOP instance UID")
            if "PixelData" in d:
                s = pydicom.dcmread(src, force=True)  # inputs may be bare data sets
                try:
                    same = np.array_equal(d.pixel_array, s.pixel_array)
                except Exception:  # not decodable here (e.g. a fake JPEG fixture): compare the encoded bytes
                    same = d.PixelData == s.PixelData
                if not same:
                    problems.append("pixels differ")
        except Exception as e:  # report, keep going
            problems.append("pydicom: %r" % e)
            n = 0
        p = subprocess.run(["dcmdump", out], capture_output=True, text=True)
        if p.returncode != 0 or p.stderr.strip():
            problems.append("dcmdump rc=%d %s" % (p.returncode, p.stderr.strip()[:200]))
        checked += 1
        bad += bool(problems)
        print("%-28s %-12s %-34s %4d elements  %s" % (row["input_file"], row["status"], d.file_meta.TransferSyntaxUID.name[:34] if n else "?",
                                                     n, "; ".join(problems) or "OK (pydicom strict, pixels equal, dcmdump clean)"))
    print("%d output files checked, %d with problems" % (checked, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
