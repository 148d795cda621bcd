#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-mime.sh MIME_XML DESKTOP_FILE CORPUS XINZHI: with the MIME package and the desktop file
# of the build installed into a data folder of the test's own, the environment's own
# tools (update-mime-database, update-desktop-database, gio, xdg-mime) tell a corpus
# file from other JSON, whatever its name and however its "format" member is spaced,
# and name Xinzhi as the application that opens corpora.  TAP output.

set -u

mime_xml=$1
desktop=$2
corpus=$3
xinzhi=$4
type=application/x-xinzhi-corpus+json
app_id=$(basename "$desktop")
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $*"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $*"; }
skip () { n=$((n + 1)); echo "ok $n # SKIP $*"; }
check () { # WHAT EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then ok "$1: $3"; else not_ok "$1: $3, not $2"; fi
}

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/data/mime/packages" "$dir/data/applications" "$dir/config" "$dir/files"
cp "$mime_xml" "$dir/data/mime/packages/$(basename "$desktop" .desktop).xml"
cp "$desktop" "$dir/data/applications/"

echo "TAP version 13"
if update-mime-database "$dir/data/mime" >"$dir/log" 2>&1; then
  ok "update-mime-database reads the package"
else
  not_ok "update-mime-database reads the package"; sed 's/^/# /' "$dir/log"
fi
if update-desktop-database "$dir/data/applications" >"$dir/log" 2>&1; then
  ok "update-desktop-database reads the desktop file"
else
  not_ok "update-desktop-database reads the desktop file"; sed 's/^/# /' "$dir/log"
fi

# Only this folder and the system's: no mimeapps.list of the person running the test.
export XDG_DATA_HOME="$dir/data" XDG_DATA_DIRS=/usr/share XDG_CONFIG_HOME="$dir/config"
export XDG_CONFIG_DIRS="$dir/config" XDG_CURRENT_DESKTOP=GNOME
# GIO passes over a desktop file whose program is not on the PATH: the build's is.
PATH="$(cd "$(dirname "$xinzhi")" && pwd):$PATH"
export PATH

# Corpus files by content, under any name; other JSON stays JSON.
cp "$corpus" "$dir/files/built-in corpus.json"
printf '{"format":"xinzhi-corpus","version":2,"title":"t"}' >"$dir/files/compact.json"
printf '{\n\t"format" : "xinzhi-corpus",\n\t"version": 2\n}\n' >"$dir/files/spaced.json"
printf '{\n  "format": "xinzhi-corpus",\n  "version": 2\n}\n' >"$dir/files/no-suffix"
printf '{\n  "title": "notes",\n  "format": "xinzhi-notes"\n}\n' >"$dir/files/notes.json"
printf '[1, 2, 3]\n' >"$dir/files/plain.json"

content_type () {
  gio info --attributes=standard::content-type "$1" 2>/dev/null |
    sed -n 's/^ *standard::content-type: //p'
}
for f in "built-in corpus.json" compact.json spaced.json no-suffix; do
  check "gio: $f" "$type" "$(content_type "$dir/files/$f")"
done
for f in notes.json plain.json; do
  check "gio: $f" application/json "$(content_type "$dir/files/$f")"
done

# The type is a kind of JSON, as update-mime-database recorded it for GIO and xdg-mime
# (the subclasses file of the database): editors and viewers of JSON still offer to open it.
if grep -qx "$type application/json" "$dir/data/mime/subclasses" 2>/dev/null; then
  ok "$type is a kind of application/json"
else
  not_ok "$type is a kind of application/json"
  sed 's/^/# subclasses: /' "$dir/data/mime/subclasses" 2>/dev/null
fi

# The desktop file says it opens the type.
apps=$(gio mime "$type" 2>&1)
case $apps in
  *"$app_id"*) ok "gio mime $type names $app_id" ;;
  *) not_ok "gio mime $type names $app_id"; printf '%s\n' "$apps" | sed 's/^/# /' ;;
esac

# xdg-mime, as a desktop's scripts use it.
if command -v xdg-mime >/dev/null 2>&1; then
  check "xdg-mime query filetype (a corpus)" "$type" \
    "$(xdg-mime query filetype "$dir/files/built-in corpus.json" 2>&1)"
  check "xdg-mime query filetype (other JSON)" application/json \
    "$(xdg-mime query filetype "$dir/files/notes.json" 2>&1)"
  check "xdg-mime query default $type" "$app_id" "$(xdg-mime query default "$type" 2>&1)"
elif [ -e /.flatpak-info ]; then
  skip "no xdg-mime in the Flatpak build's sandbox"
else
  not_ok "xdg-mime is missing (xdg-utils: build-aux/dev installs it)"
fi

echo "1..$n"
exit "$failed"
