#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifests against the rest of the tree: valid JSON, the id and
command match the metainfo, desktop file and binary, the sandbox asks for exactly what
an offline app needs, and every meson option the manifest passes exists."""

import json
import re
import sys
from pathlib import Path

FINISH_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}

root = Path(sys.argv[1])
problems = []


def check(manifest_path, app_id, development):
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        problems.append(f"{manifest_path}: not valid JSON: {error}")
        return

    def fail(message):
        problems.append(f"{manifest_path}: {message}")

    if manifest.get("id") != app_id:
        fail(f"id is {manifest.get('id')!r}, expected {app_id!r}")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        fail("runtime and sdk must be org.gnome.Platform and org.gnome.Sdk")
    if manifest.get("runtime-version") != "51":
        fail(f"runtime-version is {manifest.get('runtime-version')!r}, expected '51'")
    if manifest.get("command") != "xinzhi":
        fail(f"command is {manifest.get('command')!r}, expected 'xinzhi'")
    args = manifest.get("finish-args", [])
    if set(args) != FINISH_ARGS or len(args) != len(FINISH_ARGS):
        fail(f"finish-args are {sorted(args)}, expected exactly {sorted(FINISH_ARGS)}")

    modules = manifest.get("modules", [])
    if not modules or modules[-1].get("name") != "xinzhi":
        fail("the last module must be xinzhi")
        return
    app = modules[-1]
    if app.get("buildsystem") != "meson":
        fail("the app module must build with meson")
    if not app.get("run-tests"):
        fail("the app module must run its tests during the build")
    # json-glib comes from the runtime: no other module may build it.
    for module in modules[:-1]:
        fail(f"unexpected module {module.get('name')!r}: the GNOME runtime has every dependency")

    options = set(re.findall(r"option\('([^']+)'", (root / "meson.options").read_text()))
    for opt in app.get("config-opts", []):
        match = re.match(r"-D([^=]+)=(.*)", opt)
        if not match:
            fail(f"config-opt {opt!r} is not of the form -Dname=value")
        elif match.group(1) not in options:
            fail(f"config-opt {opt!r} names no option of meson.options")
        elif match.group(1) == "development" and match.group(2) != str(development).lower():
            fail(f"{opt!r}: this manifest builds the {'development' if development else 'default'} profile")


base_id = "io.github.xinzhi.Xinzhi"
metainfo = (root / "data" / f"{base_id}.metainfo.xml.in.in").read_text(encoding="utf-8")
if "<id>@APP_ID@</id>" not in metainfo:
    problems.append("the metainfo's <id> is not the configured application id")
if not (root / "data" / f"{base_id}.desktop.in.in").exists():
    problems.append("no desktop file template named after the application id")
meson = (root / "meson.build").read_text(encoding="utf-8")
if f"base_id = '{base_id}'" not in meson:
    problems.append(f"meson.build does not set base_id = '{base_id}'")

check(root / "flatpak" / f"{base_id}.json", base_id, False)
check(root / "flatpak" / f"{base_id}.Devel.json", base_id + ".Devel", True)

for problem in problems:
    print(problem)
print("1..1")
print(("not ok" if problems else "ok") + " 1 flatpak manifests")
sys.exit(1 if problems else 0)
