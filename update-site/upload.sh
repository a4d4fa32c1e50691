#!/usr/bin/env bash
# Uploads MedPrep's jar (only it) to a Fiji update site through a Fiji installation.
# Usage: update-site/upload.sh /path/to/Fiji.app SITE_NAME [SITE_URL UPLOAD_HOST]
#   SITE_URL and UPLOAD_HOST register the site in a fresh Fiji first (edit-update-site),
#   e.g. https://sites.imagej.net/MedPrep/ webdav:YourWikiUser (or webdav:USER:PASSWORD)
set -euo pipefail
fiji="${1:?path to Fiji.app}"
site="${2:?update site name, e.g. MedPrep}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
launcher=$(ls "$fiji"/ImageJ-* "$fiji"/fiji-* 2>/dev/null | head -n 1 || true)
[ -n "$launcher" ] || { echo "no Fiji launcher in $fiji" >&2; exit 1; }
# populate-app copies medprep-<version>.jar only: Fiji's own libraries are optional dependencies (pom.xml)
(cd "$here" && mvn -B clean install -Dscijava.app.directory="$fiji")
version=$(cd "$here" && mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout)
if [ $# -ge 4 ]; then
  "$launcher" --headless --update edit-update-site "$site" "$3" "$4" .
fi
# Upload the one file: never upload-complete-site or --force-shadow, which would put
# copies of Fiji's core jars (scijava-common, ij, imglib2) on MedPrep's site and shadow them.
"$launcher" --headless --update upload --update-site "$site" "jars/medprep-$version.jar"
