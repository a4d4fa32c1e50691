#!/usr/bin/env bash
# Uploads the MedPrep jar to a Fiji update site through a Fiji installation that holds the site's credentials.
# Usage: update-site/upload.sh /path/to/Fiji.app SITE_NAME
set -euo pipefail
fiji="${1:?path to Fiji.app}"
site="${2:?update site name, e.g. MedPrep}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$here" && mvn -B clean install -Dscijava.app.directory="$fiji")
launcher=$(ls "$fiji"/ImageJ-* "$fiji"/fiji-* 2>/dev/null | head -n 1)
[ -n "$launcher" ] || { echo "no Fiji launcher in $fiji" >&2; exit 1; }
"$launcher" --update upload-complete-site --force-shadow "$site"
