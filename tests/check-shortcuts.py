#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The two lists of keyboard shortcuts agree: src/xinzhi-shortcuts-dialog.ui (the
AdwShortcutsDialog of libadwaita 1.8 and newer) and src/xinzhi-shortcuts-window.ui (the
GtkShortcutsWindow below 1.8) have the same groups, in the same order, each with the same
shortcuts (title, subtitle, accelerator or action), every title translatable in the same context.
TAP output."""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

root = Path(sys.argv[1])
number = 0
failed = False


def result(ok, what):
    global number, failed
    number += 1
    print(f"{'ok' if ok else 'not ok'} {number} - {what}")
    failed |= not ok


def props(obj):
    return {p.get("name"): p for p in obj.findall("property")}


def title(obj):
    p = props(obj)["title"]
    return (p.text, p.get("translatable"), p.get("context"))


def groups(path, group_class, item_class):
    tree = ET.parse(path)
    found = []
    for group in tree.iter("object"):
        if group.get("class") != group_class:
            continue
        items = []
        for item in group.findall("child/object"):
            if item.get("class") != item_class:
                continue
            p = props(item)
            items.append((title(item),
                          (p["subtitle"].text, p["subtitle"].get("context")) if "subtitle" in p else None,
                          p["accelerator"].text if "accelerator" in p else None,
                          p["action-name"].text if "action-name" in p else None))
        found.append((title(group), items))
    return found


print("TAP version 13")
dialog = groups(root / "src" / "xinzhi-shortcuts-dialog.ui", "AdwShortcutsSection", "AdwShortcutsItem")
window = groups(root / "src" / "xinzhi-shortcuts-window.ui", "GtkShortcutsGroup", "GtkShortcutsShortcut")
result(len(window) > 0 and sum(len(i) for _, i in window) > 0, "the shortcuts window lists shortcuts")
result(dialog == window, "the dialog lists the same groups and shortcuts as the window")
if dialog != window:
    for (d, w) in zip(dialog + [None] * len(window), window + [None] * len(dialog)):
        if d != w:
            print(f"# dialog: {d}\n# window: {w}")
titles = [t for g, items in window for t in [g] + [i[0] for i in items]]
result(all(t[1] == "yes" and t[2] == "shortcut window" for t in titles),
       "every title is translatable, in the context \"shortcut window\"")
print(f"1..{number}")
sys.exit(1 if failed else 0)
