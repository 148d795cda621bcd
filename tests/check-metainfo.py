#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-metainfo.py METAINFO VERSION: what the stores show is true to the build.  The
summary fits the 35 characters that software centres show; the newest release is the
version meson builds (the one About's "What's New" shows), newest first, each saying
what changed.  TAP output."""

import sys
import xml.etree.ElementTree as ET

path, version = sys.argv[1], sys.argv[2]
root = ET.parse(path).getroot()
number = 0
failed = False


def result(ok, what):
    global number, failed
    number += 1
    print(f"{'ok' if ok else 'not ok'} {number} - {what}")
    failed |= not ok


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
print("TAP version 13")
for summary in root.findall("summary"):
    lang = summary.get(XML_LANG, "C")
    text = summary.text or ""
    result(0 < len(text) <= 35 and not text.endswith("."),
           f"the summary ({lang}) has {len(text)} characters, at most 35, no full stop: {text}")

releases = root.findall("releases/release")
result(len(releases) > 0 and releases[0].get("version") == version,
       f"the newest release is {version}, the version meson builds "
       f"(found {[r.get('version') for r in releases]})")
dates = [r.get("date") or "" for r in releases]
result(dates == sorted(dates, reverse=True), f"the releases are newest first: {dates}")
for release in releases:
    description = release.find("description")
    items = [] if description is None else [e for e in description if (e.text or "").strip() or len(e)]
    result(len(items) > 0, f"release {release.get('version')} says what changed")

print(f"1..{number}")
sys.exit(1 if failed else 0)
