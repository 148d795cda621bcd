#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a source file with translatable strings is missing from po/POTFILES.in,
# or POTFILES.in names a file that does not exist or is not sorted.
set -eu
cd "$1"
status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')

for f in $(grep -rlE '\b(N|C|NC)?_\(\s*"|translatable="yes"' src data --include='*.c' --include='*.ui' \
             --include='*.in.in' --include='*.gschema.xml' | sort); do
  if ! printf '%s\n' "$listed" | grep -qx "$f"; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done
for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in names a missing file: $f"; status=1; }
done
if [ "$(printf '%s\n' "$listed" | LC_ALL=C sort)" != "$listed" ]; then
  echo "po/POTFILES.in is not sorted"
  status=1
fi
exit $status
