#!/usr/bin/env bash
# Uploads MedPrep's jar and the libraries it needs that Fiji does not ship (TwelveMonkeys' JPEG
# reader) to a Fiji update site through a Fiji installation.
# Usage: update-site/upload.sh /path/to/Fiji.app SITE_NAME [SITE_URL UPLOAD_HOST]
#   SITE_URL and UPLOAD_HOST register the site in a fresh Fiji first (edit-update-site),
#   e.g. https://sites.imagej.net/MedPrep/ webdav:YourWikiUser (or webdav:USER:PASSWORD)
set -euo pipefail
fiji="${1:?path to Fiji.app}"
site="${2:?update site name, e.g. MedPrep}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
launcher=$(ls "$fiji"/ImageJ-* "$fiji"/fiji-* 2>/dev/null | head -n 1 || true)
[ -n "$launcher" ] || { echo "no Fiji launcher in $fiji" >&2; exit 1; }
# populate-app copies medprep-<version>.jar and TwelveMonkeys' jars: Fiji's own libraries are
# optional dependencies (pom.xml), left as Fiji has them
(cd "$here" && mvn -B clean install -Dscijava.app.directory="$fiji")
# the site's files are exactly what populate-app adds to an empty Fiji.app
stage=$(mktemp -d)
mkdir -p "$stage/jars" "$stage/plugins"
(cd "$here" && mvn -B -q scijava:populate-app -Dscijava.app.directory="$stage")
files=$(cd "$stage" && ls jars/*.jar)
rm -rf "$stage"
if [ $# -ge 4 ]; then
  "$launcher" --headless --update edit-update-site "$site" "$3" "$4" .
fi
# Upload those files only: never upload-complete-site or --force-shadow, which would put
# copies of Fiji's core jars (scijava-common, ij, imglib2) on MedPrep's site and shadow them.
"$launcher" --headless --update upload --update-site "$site" $files
