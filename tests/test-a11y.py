#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the running app through the accessibility bus, as a screen reader would.

Starts its own X server (Xvfb), D-Bus session bus and AT-SPI bus, then the app from the
build with the built-in corpus and GTK_A11Y=atspi, and with pyatspi only:
- finds the four views by their accessible names (page tabs) and opens each with the
  tab's action, at 360×640 and at the window's own size, and finds every control
  showing in each view named;
- moves to the timeline with Tab, selects events with Right and Left (key events
  through the AT-SPI registry, XTEST underneath) and reads the selected event's name;
- moves to the heat map with Tab and reads the cell under its cursor as it moves;
- selects a quote with Down, presses Show in Article and checks that the reader shows
  that article;
- selects the event with the most quotes (through the list's filter field) and reads its
  details: each quote's row is named by its speaker, role, words, article and date, and
  no two rows of a list alike;
- searches for words that several quotes of one speaker share: every result's row is
  named by its kind, its title or name and what it holds (a quote's words), and no two
  alike;
- opens the Quotes view's Filter popover (the button keeps its name, not the popover's
  text) and the Sectors view's Sort menu (the button is "Sort", its description the
  order, which follows a choice made with the keyboard);
- then, with a corpus of its own made by `xinzhi --import` of two articles, reviews a
  suggested quote with the keyboard alone: selects it in Quotes (its row is named
  "Unreviewed: …"), Tabs to Accept and presses Return (the row loses "Unreviewed" and
  the file its suggestion), then Ctrl+Z (the row and the file are as they were); and a
  candidate event the same way on the timeline page, reached with Alt+Shift+Down;
- then, with a copy of tests/data/version-3.json, whose sectors have several terms,
  Tabs in Sectors to a term's "Remove Term “…”" button and presses Return (the term
  leaves its sector in the file), then Ctrl+Z (the file is as it was).
What it expects (event titles in date order, sector names, the quote's article, the
speakers, roles and words) comes from the corpus file, not from the app.

    test-a11y.py SOURCE_ROOT           (XINZHI_BIN names the app; meson sets it)

Prints TAP.  Exits non-zero on the first failure, with what it saw.
"""

import collections
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

INNER = "XINZHI_A11Y_INNER"
DEADLINE = 30  # seconds to wait for anything to appear
GTK_XVFB_FRAME_WARNING = "gdk_frame_timings_submitted() called on submitted frame"


def bail(message):
    print(f"Bail out! {message}", flush=True)
    sys.exit(1)


# ---- The outer process: a display and a session bus of our own ------------------------

def start_xvfb():
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        bail("Xvfb is not installed (package xvfb)")
    read_fd, write_fd = os.pipe()
    # -noreset: by default the server resets when its last client leaves (the probe
    # below, the AT-SPI bus launcher), and a client that connects meanwhile fails with
    # "Failed to open display".
    proc = subprocess.Popen([xvfb, "-displayfd", str(write_fd), "-screen", "0",
                             "1280x800x24", "-nolisten", "tcp", "-noreset"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as f:
        number = f.readline().strip()
    if not number:
        proc.kill()
        bail("Xvfb did not start")
    return proc, f":{number}"


def outer(argv):
    # A Flatpak build's sandbox has no X server and no accessibility bus to start.
    if os.path.exists("/.flatpak-info"):
        print("1..0 # SKIP in a Flatpak build")
        return 0
    for tool in ("dbus-run-session", "xdotool"):
        if shutil.which(tool) is None:
            bail(f"{tool} is not installed")
    xvfb, display = start_xvfb()
    env = dict(os.environ)
    env.update({INNER: "1", "DISPLAY": display, "GDK_BACKEND": "x11"})
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("AT_SPI_BUS_ADDRESS", None)
    try:
        # The display answers a little after it is announced (seconds later on a busy
        # machine).
        end = time.monotonic() + DEADLINE
        while subprocess.run(["xdotool", "getdisplaygeometry"], env=env,
                             stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL).returncode != 0:
            if time.monotonic() > end or xvfb.poll() is not None:
                bail(f"Xvfb's display {display} does not answer")
            time.sleep(0.05)
        return subprocess.run(["dbus-run-session", "--", sys.executable,
                               os.path.abspath(__file__)] + argv[1:], env=env).returncode
    finally:
        xvfb.terminate()
        xvfb.wait()


# ---- The inner process: the AT-SPI bus, the app, and the checks -----------------------

class App:
    """The app under test, started with the accessibility bridge on."""

    def __init__(self, binary, workdir, args=()):
        self.log = open(os.path.join(workdir, "xinzhi.log"), "w+")
        env = dict(os.environ)
        env.pop(INNER, None)
        env.pop("NO_AT_BRIDGE", None)
        # G_DEBUG=fatal-warnings would turn a warning from the bridge into a crash that
        # hides what this test is about; warnings still fail the test below.
        env.pop("G_DEBUG", None)
        env.update({
            "GTK_A11Y": "atspi",
            "XDG_DATA_HOME": os.path.join(workdir, "data"),
            "XDG_CONFIG_HOME": os.path.join(workdir, "config"),
            "XDG_CACHE_HOME": os.path.join(workdir, "cache"),
            "GSK_RENDERER": "cairo",
        })
        self.proc = subprocess.Popen([binary, *args], env=env, stdout=self.log,
                                     stderr=subprocess.STDOUT)

    def output(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_atspi_bus():
    launcher = None
    for path in ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher"):
        if os.access(path, os.X_OK):
            launcher = path
    if launcher is None:
        bail("at-spi-bus-launcher not found (package at-spi2-core)")
    return subprocess.Popen([launcher, "--launch-immediately"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# ---- What a screen reader sees ---------------------------------------------------------

def wait_for(what, probe, app, deadline=DEADLINE):
    """Calls probe until it returns something true; fails after the deadline."""
    end = time.monotonic() + deadline
    last_error = None
    while time.monotonic() < end:
        if app.proc.poll() is not None:
            # Whether the display still answers tells a dead X server from the app's own
            # trouble.
            probe_display = subprocess.run(["xdotool", "getdisplaygeometry"],
                                           capture_output=True, text=True)
            answer = (probe_display.stdout.strip() if probe_display.returncode == 0
                      else "no answer: " + probe_display.stderr.strip())
            bail(f"the app exited ({app.proc.returncode}) while waiting for {what}; "
                 f"display {os.environ.get('DISPLAY')}: {answer}\n" + app.output())
        try:
            found = probe()
            if found:
                return found
        except Exception as e:  # the tree changes under us: try again
            last_error = e
        time.sleep(0.1)
    detail = f" (last error: {last_error})" if last_error else ""
    bail(f"no {what} within {deadline} s{detail}")


def settle(condition, seconds=5):
    """Gives the app up to a few seconds to make condition true after a key; the check
    that follows says what went wrong if it does not."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if condition():
                return
        except Exception:  # the tree changes under us: try again
            pass
        time.sleep(0.1)


def walk(node, depth=0, limit=60):
    """Every accessible under node, depth first, with its depth."""
    if node is None or depth > limit:
        return
    yield node, depth
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, limit)


def describe(node):
    try:
        states = node.getState()
        flags = [n for n, s in (("showing", pyatspi.STATE_SHOWING),
                                ("focused", pyatspi.STATE_FOCUSED),
                                ("selected", pyatspi.STATE_SELECTED),
                                ("checked", pyatspi.STATE_CHECKED))
                 if states.contains(s)]
        return (f"[{node.getRoleName()}] {node.name!r} {node.description!r} "
                + " ".join(flags))
    except Exception as e:
        return f"[gone: {e}]"


def dump(root):
    for node, depth in walk(root):
        print("#" + "  " * depth + describe(node))


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        child = desktop.getChildAtIndex(i)
        if child is not None and child.get_process_id() == pid:
            return child
    return None


def find(root, role, name=None, showing=True):
    """The accessibles under root of the role (and name) given."""
    found = []
    for node, _ in walk(root):
        try:
            if node.getRole() != role:
                continue
            if name is not None and node.name != name:
                continue
            if showing and not node.getState().contains(pyatspi.STATE_SHOWING):
                continue
        except Exception:
            continue
        found.append(node)
    return found


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            action.doAction(i)
            return
    bail(f"{describe(node)} has no click action: "
         + ", ".join(action.getName(i) for i in range(action.nActions)))


KEY_TAB, KEY_RETURN, KEY_LEFT, KEY_RIGHT, KEY_DOWN = 0xff09, 0xff0d, 0xff51, 0xff53, 0xff54
KEY_UP, KEY_ESCAPE = 0xff52, 0xff1b
KEY_NAMES = {KEY_TAB: "Tab", KEY_RETURN: "Return", KEY_LEFT: "Left", KEY_RIGHT: "Right",
             KEY_DOWN: "Down", KEY_UP: "Up", KEY_ESCAPE: "Escape"}


class Checks:
    def __init__(self, app, root):
        self.app = app
        self.root = root
        self.number = 0

    def ok(self, what):
        self.number += 1
        print(f"ok {self.number} - {what}", flush=True)

    def fail(self, what, seen=None):
        """Fails with what was expected, what was seen and the tree around it."""
        self.number += 1
        print(f"not ok {self.number} - {what}", flush=True)
        if seen is not None:
            for line in str(seen).splitlines():
                print(f"# seen: {line}")
        print("# the window as a screen reader sees it now:")
        dump(self.root)
        print("# the app's output:")
        for line in self.app.output().splitlines():
            print(f"# {line}")
        print(f"1..{self.number}", flush=True)
        sys.exit(1)

    def check(self, condition, what, seen=None):
        if condition:
            self.ok(what)
        else:
            self.fail(what, seen)

    def key(self, keysym):
        """A key press and release, sent through the AT-SPI registry as a screen reader
        sends them."""
        pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
        time.sleep(0.15)

    def one(self, role, name, under=None):
        nodes = wait_for(f"{name!r} (role {role})",
                         lambda: find(under or self.root, role, name), self.app)
        if len(nodes) != 1:
            self.fail(f"one {name!r} showing", "\n".join(describe(n) for n in nodes))
        return nodes[0]

    def tab_to(self, what, is_target, limit=60):
        """Presses Tab until the focused accessible is the one wanted; returns it."""
        path = []
        for _ in range(limit):
            focused = [n for n, _ in walk(self.root) if self.focused(n)]
            for node in focused:
                if is_target(node):
                    return node
            path.append(", ".join(describe(n) for n in focused) or "(nothing)")
            self.key(KEY_TAB)
        self.fail(f"Tab reaches {what} within {limit} presses",
                  "focus went to:\n" + "\n".join(path))

    def focused(self, node):
        try:
            return node.getState().contains(pyatspi.STATE_FOCUSED)
        except Exception:  # gone
            return False


# What a person operates, and so a screen reader must name.
CONTROLS = None  # filled in once pyatspi is imported


def unnamed_controls(root):
    """The showing controls under root that have no accessible name."""
    return [describe(n) for n, _ in walk(root)
            if n.getRole() in CONTROLS and not n.name
            and n.getState().contains(pyatspi.STATE_SHOWING)]


def views_by_name(c, frame, size=""):
    """The four views are tabs named after them; opening each shows its page, in which
    every control has a name."""
    names = ["Timeline", "Sectors", "Quotes", "Articles"]
    tabs = {name: c.one(pyatspi.ROLE_PAGE_TAB, name, frame) for name in names}
    c.ok(f"the four views are page tabs named {', '.join(names)}{size}")
    for name in names + ["Timeline"]:
        click(tabs[name])
        wait_for(f"the {name} tab to be selected",
                 lambda: tabs[name].getState().contains(pyatspi.STATE_SELECTED), c.app)
        # The page of a view is a panel of its name; only the open one has content.
        def shown():
            pages = find(frame, pyatspi.ROLE_PANEL, name)
            return [p for p in pages if p.childCount > 0]
        wait_for(f"the {name} page to show", shown, c.app)
        others = [n for n in names if n != name and
                  any(p.childCount > 0 for p in find(frame, pyatspi.ROLE_PANEL, n))]
        c.check(not others, f"opening {name} shows its page and no other{size}", others)
        unnamed = unnamed_controls(frame)
        c.check(not unnamed, f"every control showing in {name} has a name{size}",
                "\n".join(unnamed))


def timeline_by_keyboard(c, frame, corpus):
    """Tab to the timeline, Right selects the earliest event, Right again the next one;
    the timeline says which, and the list of events selects the same."""
    dated = sorted((e for e in corpus["events"] if e.get("date")), key=lambda e: e["date"])
    first, second = dated[0], dated[1]
    # Only these two are in 2023: their order does not depend on how dates of different
    # precision compare.
    assert all(e["date"] >= "2024" for e in dated[2:]), "the corpus changed: update this test"

    page = [p for p in find(frame, pyatspi.ROLE_PANEL, "Timeline") if p.childCount > 0][0]
    timeline = c.one(pyatspi.ROLE_GROUPING, "Timeline", page)
    events = c.one(pyatspi.ROLE_LIST, "Events", page)
    c.tab_to("the timeline", lambda n: n == timeline)
    c.ok("Tab reaches the timeline")

    for keysym, event in ((KEY_RIGHT, first), (KEY_RIGHT, second), (KEY_LEFT, first)):
        c.key(keysym)
        settle(lambda: event["title"] in timeline.description)
        said = timeline.description
        c.check(event["title"] in said,
                f"{KEY_NAMES[keysym]}: the timeline names the selected event {event['title']!r}",
                said)
        selected = [n.name for n in find(events, pyatspi.ROLE_LIST_ITEM)
                    if n.getState().contains(pyatspi.STATE_SELECTED)]
        c.check(len(selected) == 1 and selected[0].startswith(event["title"]),
                "the list of events selects the same event", selected)
        c.check(c.focused(timeline), "the timeline keeps the focus")


def span_by_keyboard(c, frame):
    """"Filter to This Span" sets a time span, which a chip names; with the timeline
    focused, Ctrl+Right moves the span and Ctrl+Shift+Right its end, and the chip says
    so each time; the chip then removes it."""
    page = [p for p in find(frame, pyatspi.ROLE_PANEL, "Timeline") if p.childCount > 0][0]
    timeline = c.one(pyatspi.ROLE_GROUPING, "Timeline", page)

    def chip():
        chips = [n.name for n in find(frame, pyatspi.ROLE_PUSH_BUTTON)
                 if n.name.startswith("Remove filter: Dates:")]
        return chips[0] if len(chips) == 1 else None

    click(c.one(pyatspi.ROLE_PUSH_BUTTON, "Filter to This Span", page))
    wait_for("the span's chip", chip, c.app)
    c.ok(f"Filter to This Span: a chip names the span ({chip()})")

    c.tab_to("the timeline", lambda n: n == timeline)
    for keys, what in (("ctrl+Right", "Ctrl+Right moves the span"),
                       ("ctrl+shift+Right", "Ctrl+Shift+Right moves its end")):
        before = chip()
        subprocess.run(["xdotool", "key", "--clearmodifiers", keys], check=True, timeout=10)
        settle(lambda: chip() not in (None, before))
        c.check(chip() not in (None, before), f"{what}: the chip names the new span",
                f"{before} → {chip()}")

    chips = [n for n in find(frame, pyatspi.ROLE_PUSH_BUTTON)
             if n.name.startswith("Remove filter: Dates:")]
    click(chips[0])
    settle(lambda: chip() is None)
    c.check(chip() is None, "the chip removes the span", chip())


def heatmap_by_keyboard(c, frame, corpus):
    """In Sectors, the heat map: Tab to it, and the arrow keys move its cursor from cell
    to cell, which its description names: sector, article, count."""
    click(c.one(pyatspi.ROLE_PAGE_TAB, "Sectors", frame))
    page = wait_for("the Sectors page", lambda: [p for p in find(frame, pyatspi.ROLE_PANEL, "Sectors")
                                                 if p.childCount > 0], c.app)[0]
    click(c.one(pyatspi.ROLE_TOGGLE_BUTTON, "Heat Map", page))
    heatmap = c.one(pyatspi.ROLE_GROUPING, "Heat map of sector mentions by article", page)
    c.tab_to("the heat map", lambda n: n == heatmap)
    c.ok("Tab reaches the heat map")
    sectors = sorted((s["name"] for s in corpus["sectors"]), key=len, reverse=True)

    def cell():
        said = heatmap.description
        sector = next((s for s in sectors if said.startswith(s + " in ")), None)
        return said, sector

    said, sector = cell()
    c.check(sector is not None and "mention" in said,
            "the heat map names the cell under its cursor: sector, article, count", said)
    c.key(KEY_RIGHT)
    settle(lambda: heatmap.description != said)
    right, right_sector = cell()
    c.check(right != said and right_sector == sector,
            "Right: the next article's cell, same sector", f"{said}\n{right}")
    c.key(KEY_DOWN)
    settle(lambda: heatmap.description != right)
    down, down_sector = cell()
    c.check(down_sector is not None and down_sector != sector,
            "Down: the next sector's cell", f"{right}\n{down}")
    click(c.one(pyatspi.ROLE_TOGGLE_BUTTON, "Heat Map", page))


def quote_to_article(c, frame, corpus):
    """In Quotes, Tab to the list, Down selects the next quote, which the viewer shows;
    Tab to Show in Article and press it: the Articles view opens on that article."""
    click(c.one(pyatspi.ROLE_PAGE_TAB, "Quotes", frame))
    page = wait_for("the Quotes page", lambda: [p for p in find(frame, pyatspi.ROLE_PANEL, "Quotes")
                                                if p.childCount > 0], c.app)[0]
    quotes = c.one(pyatspi.ROLE_LIST, "Quotes", page)
    c.tab_to("a quote in the list", lambda n: n.getRole() == pyatspi.ROLE_LIST_ITEM
             and n.parent == quotes)
    c.key(KEY_DOWN)

    def selected_quotes():
        return [n for n in find(quotes, pyatspi.ROLE_LIST_ITEM)
                if n.getState().contains(pyatspi.STATE_SELECTED)]
    settle(lambda: [n.getIndexInParent() for n in selected_quotes()] == [1])
    selected = selected_quotes()
    c.check(len(selected) == 1 and selected[0].getIndexInParent() == 1,
            "Down selects the second quote", [describe(n) for n in selected])
    name = selected[0].name
    matches = [q for q in corpus["quotes"] if q["text"] in name]
    c.check(len(matches) == 1, "the selected quote's name holds its words", name)
    quote = matches[0]
    # The viewer is the innermost page named Quote (the split view's content holds a
    # navigation view of the viewer and people's pages).
    viewer = wait_for("the quote viewer",
                      lambda: find(page, pyatspi.ROLE_GROUPING, "Quote"), c.app)[-1]
    shown = wait_for("the quote in the viewer",
                     lambda: [n for n in find(viewer, pyatspi.ROLE_LABEL)
                              if quote["text"] in n.name], c.app)
    c.ok("the viewer shows the selected quote")

    c.tab_to("Show in Article", lambda n: n.getRole() == pyatspi.ROLE_PUSH_BUTTON
             and n.name == "Show in Article")
    c.key(KEY_RETURN)
    articles_tab = c.one(pyatspi.ROLE_PAGE_TAB, "Articles", frame)
    wait_for("the Articles view to open",
             lambda: articles_tab.getState().contains(pyatspi.STATE_SELECTED), c.app)
    c.ok("Show in Article opens the Articles view")

    document = [d for d in corpus["documents"] if d["id"] == quote["document"]][0]
    page = wait_for("the Articles page",
                    lambda: [p for p in find(frame, pyatspi.ROLE_PANEL, "Articles")
                             if p.childCount > 0], c.app)[0]
    titles = wait_for("the article's title",
                      lambda: [n for n in find(page, pyatspi.ROLE_LABEL, document["title"])], c.app)
    c.ok(f"the reader shows the quote's article, {document['title']!r}")

    def reader_text():
        for node in find(page, pyatspi.ROLE_TEXT):
            text = node.queryText()
            content = text.getText(0, text.characterCount)
            if quote["text"] in content:
                return node
        return None
    reader = wait_for("the article's text with the quote", reader_text, c.app)
    c.check(reader is not None and reader.name, "the article's text has an accessible name",
            describe(reader))


def open_view(c, frame, name):
    """Opens the view named name with its tab; returns its page."""
    click(c.one(pyatspi.ROLE_PAGE_TAB, name, frame))
    return wait_for(f"the {name} page", lambda: [p for p in find(frame, pyatspi.ROLE_PANEL, name)
                                                 if p.childCount > 0], c.app)[0]


def distinct_names(c, items, what):
    names = [n.name for n in items]
    repeated = sorted({n for n in names if names.count(n) > 1})
    c.check(names and not repeated, f"no two {what} are named alike", "\n".join(repeated or names))


def roles_in(corpus, person_id, document_id):
    person = [p for p in corpus["people"] if p["id"] == person_id][0]
    return [r["text"] for r in person.get("roles", []) if r["document"] == document_id]


def event_details(c, frame, corpus):
    """In Timeline, the event with the most quotes: found with the list's filter field and
    selected in the list, its details name every quote by more than its speaker (who may
    have said them all): speaker, role, the start of the words, the article and its
    date; and the sources by article and paragraph."""
    counts = collections.Counter(e for q in corpus["quotes"] for e in q.get("events", []))
    event_id, n_quotes = counts.most_common(1)[0]
    event = [e for e in corpus["events"] if e["id"] == event_id][0]
    quotes = [q for q in corpus["quotes"] if event_id in q.get("events", [])]
    documents = {d["id"]: d for d in corpus["documents"]}
    people = {p["id"]: p for p in corpus["people"]}

    page = open_view(c, frame, "Timeline")
    entry = c.one(pyatspi.ROLE_ENTRY, "Filter Events by Title", page)
    entry.queryEditableText().setTextContents(event["title"])
    events = c.one(pyatspi.ROLE_LIST, "Events", page)
    wait_for(f"the list to show only {event['title']!r}",
             lambda: [n.name for n in find(events, pyatspi.ROLE_LIST_ITEM)] and
             all(n.name.startswith(event["title"]) for n in find(events, pyatspi.ROLE_LIST_ITEM)),
             c.app)
    events.querySelection().selectChild(0)
    quote_list = wait_for("the event's quotes", lambda: find(page, pyatspi.ROLE_LIST, "Quotes"), c.app)[0]
    settle(lambda: len(find(quote_list, pyatspi.ROLE_LIST_ITEM)) == n_quotes)
    rows = find(quote_list, pyatspi.ROLE_LIST_ITEM)
    c.check(len(rows) == n_quotes, f"the details of {event['title']!r} list its {n_quotes} quotes",
            "\n".join(describe(r) for r in rows))
    distinct_names(c, rows, "quotes of the event")
    for quote in quotes:
        document = documents[quote["document"]]
        expected = [people[quote["person"]]["name"], quote["text"][:40], document["title"]]
        expected += roles_in(corpus, quote["person"], quote["document"])
        named = [r.name for r in rows if all(part in r.name for part in expected)]
        c.check(len(named) == 1, f"the row of quote {quote['id']!r} is named by its speaker, role, "
                "words and article", "expected: " + " | ".join(expected) + "\nseen:\n"
                + "\n".join(r.name for r in rows))
    sources = find(page, pyatspi.ROLE_LIST, "Sources")[0]
    distinct_names(c, find(sources, pyatspi.ROLE_LIST_ITEM), "sources of the event")
    unnamed = unnamed_controls(frame)
    c.check(not unnamed, "every control showing with the event's details has a name", "\n".join(unnamed))
    entry.queryEditableText().setTextContents("")


def shared_words(corpus):
    """Two words that several quotes of one speaker share and no other's, found in as few
    paragraphs as may be, and that speaker: a search for them finds quotes that only
    their words tell apart, near the top of the results.  Words that begin the name of
    a concept, a sector or a person are left out: a search for those finds what mentions
    that one in other words too."""
    def pairs(text):
        words = re.findall(r"[a-z]+", text.lower())
        return {f"{a} {b}" for a, b in zip(words, words[1:]) if len(a) > 3 and len(b) > 3}

    names = [n.lower().replace("-", " ")
             for kind in ("concepts", "sectors", "people") for item in corpus.get(kind, [])
             for n in [item["name"], item.get("name_zh", ""), *item.get("variants", []),
                       *item.get("terms", [])] if n]

    in_quotes = collections.Counter(p for q in corpus["quotes"] for p in pairs(q["text"]))
    in_paragraphs = collections.Counter(p for d in corpus["documents"] for para in d["paragraphs"]
                                        for p in pairs(para["text"]))
    best = None
    for person in corpus["people"]:
        counts = collections.Counter(p for q in corpus["quotes"] if q["person"] == person["id"]
                                     for p in pairs(q["text"]))
        for pair, count in counts.items():
            key = (count, -in_paragraphs[pair])
            if any(n.startswith(pair) for n in names):
                continue
            if count >= 2 and in_quotes[pair] == count and (best is None or key > best[0]):
                best = (key, pair, person)
    assert best is not None, "no two quotes of one speaker share two words: update this test"
    return best[1], best[2]


def search_results(c, frame, corpus):
    """Search for words that several quotes of one speaker share: every result is
    named, by its kind first, its title or name and what it holds, and each quote's by
    its speaker, its article and its words, so that no two are alike."""
    query, person = shared_words(corpus)
    documents = {d["id"]: d for d in corpus["documents"]}
    quotes = [q for q in corpus["quotes"] if q["person"] == person["id"] and query in q["text"].lower()]

    click(c.one(pyatspi.ROLE_TOGGLE_BUTTON, "Search Everything", frame))
    entry = c.one(pyatspi.ROLE_ENTRY, "Search Everything", frame)
    entry.queryEditableText().setTextContents(query)
    results = c.one(pyatspi.ROLE_LIST, "Search Results", frame)
    wait_for("search results", lambda: find(results, pyatspi.ROLE_LIST_ITEM), c.app)
    settle(lambda: all(n.name for n in find(results, pyatspi.ROLE_LIST_ITEM)))
    rows = find(results, pyatspi.ROLE_LIST_ITEM)
    names = [r.name for r in rows]
    c.check(all(names), f"every result of a search for {query!r} has a name",
            "\n".join(describe(r) for r in rows))
    kinds = ("Article: ", "Quote: ", "Event: ", "Concept: ", "Sector: ", "Person: ")
    c.check(all(n.startswith(kinds) for n in names), "each result's name begins with its kind",
            "\n".join(names))
    distinct_names(c, rows, "search results")
    quote_rows = [n for n in names if n.startswith(f"Quote: {person['name']}, ")]
    c.check(len(quote_rows) >= 2, f"several quotes of {person['name']} are results", "\n".join(names))
    for name in quote_rows:
        matched = name.split("; matching: ", 1)[-1].strip("…")
        said = [q for q in quotes if documents[q["document"]]["title"] in name and matched in q["text"]]
        c.check(len(said) == 1 and query in matched.lower(),
                "a quote's result is named by its speaker, its article and its words that match",
                name)
    unnamed = unnamed_controls(frame)
    c.check(not unnamed, "every control showing with the search results has a name", "\n".join(unnamed))
    entry.queryEditableText().setTextContents("")
    click(c.one(pyatspi.ROLE_TOGGLE_BUTTON, "Search Everything", frame))


def menu_buttons(c, frame):
    """The Quotes view's Filter button keeps its name while its popover is open (a menu
    button is otherwise named by all the text it holds); the Sectors view's Sort button
    is named "Sort" and says the order in its description, which follows a choice made
    in its menu with the keyboard."""
    page = open_view(c, frame, "Quotes")
    button = c.one(pyatspi.ROLE_TOGGLE_BUTTON, "Filter", page)
    click(button)
    wait_for("the filter popover", lambda: find(page, pyatspi.ROLE_COMBO_BOX, "Speaker"), c.app)
    c.check(button.name == "Filter", "with its popover open, the Filter button is still named Filter",
            describe(button))
    unnamed = unnamed_controls(frame)
    c.check(not unnamed, "every control of the Filter popover has a name", "\n".join(unnamed))
    c.key(KEY_ESCAPE)

    page = open_view(c, frame, "Sectors")
    sort = c.one(pyatspi.ROLE_TOGGLE_BUTTON, "Sort", page)
    c.check("by name" in sort.description, "the Sort button's description says the order, by name",
            describe(sort))
    # The menu opens with its first item, by name, focused; the last is by first mention.
    menu_button = sort.parent
    click(sort)
    wait_for("the sort menu", lambda: [m for m in find(menu_button, pyatspi.ROLE_MENU_ITEM)
                                       if c.focused(m)], c.app)
    c.key(KEY_DOWN)
    c.key(KEY_DOWN)
    c.key(KEY_RETURN)
    settle(lambda: "first" in sort.description)
    c.check("by first dated mention" in sort.description,
            "chosen with the keyboard, by first mention: the description follows", describe(sort))
    click(sort)
    wait_for("the sort menu", lambda: [m for m in find(menu_button, pyatspi.ROLE_MENU_ITEM)
                                       if c.focused(m)], c.app)
    c.key(KEY_RETURN)
    settle(lambda: "by name" in sort.description)
    c.check("by name" in sort.description, "and back to by name", describe(sort))


def file_holds(path, text):
    """Whether the file at path holds text, as it was before an edit was undone."""
    with open(path, encoding="utf-8") as f:
        return f.read() == text


def review_by_keyboard(c, frame, path):
    """In Quotes, select a suggested quote with the keyboard, Tab to Accept and press
    Return; then Ctrl+Z.  The row's name and the corpus file say what happened."""
    with open(path, encoding="utf-8") as f:
        original = f.read()
    suggested = [q["text"] for q in json.loads(original)["quotes"] if "suggestion" in q]
    c.check(len(suggested) > 1, "the imported corpus has suggested quotes", len(suggested))
    page = open_view(c, frame, "Quotes")
    quotes = c.one(pyatspi.ROLE_LIST, "Quotes", page)
    c.tab_to("a quote in the list", lambda n: n.getRole() == pyatspi.ROLE_LIST_ITEM
             and n.parent == quotes)
    c.key(KEY_DOWN)

    def selected():
        rows = [n for n in find(quotes, pyatspi.ROLE_LIST_ITEM)
                if n.getState().contains(pyatspi.STATE_SELECTED)]
        return rows[0] if len(rows) == 1 else None
    row = wait_for("a selected quote", selected, c.app)
    words = [t for t in suggested if t in row.name]
    c.check(row.name.startswith("Unreviewed: ") and len(words) == 1,
            "the selected suggestion's row is named Unreviewed, with its words", row.name)

    def row_named(unreviewed):
        found = selected()
        return (found is not None and words[0] in found.name
                and found.name.startswith("Unreviewed: ") == unreviewed)
    c.tab_to("Accept", lambda n: n.getRole() == pyatspi.ROLE_PUSH_BUTTON and n.name == "Accept")
    c.key(KEY_RETURN)
    wait_for("the accepted quote's row without Unreviewed", lambda: row_named(False), c.app)
    with open(path, encoding="utf-8") as f:
        accepted = f.read()
    c.check(accepted != original and all("suggestion" not in q for q in json.loads(accepted)["quotes"]
                                         if q["text"] == words[0]),
            "Return on Accept accepts the quote in the file")

    # Ctrl+Z, from the keyboard (XTEST), wherever the focus is now.
    subprocess.run(["xdotool", "key", "ctrl+z"], check=True, timeout=10)
    wait_for("the row named Unreviewed again", lambda: row_named(True), c.app)
    with open(path, encoding="utf-8") as f:
        undone = f.read()
    c.check(undone == original, "Ctrl+Z puts the file back as it was")


def review_event_by_keyboard(c, frame, path):
    """On the timeline page, from an event of its list, Alt+Shift+Down selects the next
    candidate event (its row named Unreviewed); Tab to Accept and Return accepts it in the
    file; Ctrl+Z puts the file back."""
    with open(path, encoding="utf-8") as f:
        original = f.read()
    candidates = [e["summary"] for e in json.loads(original)["events"] if "suggestion" in e]
    c.check(candidates, "the imported corpus has candidate events", len(candidates))
    page = open_view(c, frame, "Timeline")
    events = c.one(pyatspi.ROLE_LIST, "Events", page)
    c.tab_to("an event in the list", lambda n: n.getRole() == pyatspi.ROLE_LIST_ITEM
             and n.parent == events)
    subprocess.run(["xdotool", "key", "alt+shift+Down"], check=True, timeout=10)

    def selected():
        rows = [n for n in find(events, pyatspi.ROLE_LIST_ITEM)
                if n.getState().contains(pyatspi.STATE_SELECTED)]
        return rows[0] if len(rows) == 1 else None

    def selected_candidate():
        row = selected()
        return row if row is not None and row.name.startswith("Unreviewed: ") else None
    row = wait_for("a selected candidate event", selected_candidate, c.app)
    c.ok("Alt+Shift+Down selects a candidate event, its row named Unreviewed")
    name = row.name
    c.tab_to("Accept", lambda n: n.getRole() == pyatspi.ROLE_PUSH_BUTTON and n.name == "Accept")
    c.key(KEY_RETURN)

    def accepted():
        with open(path, encoding="utf-8") as f:
            text = f.read()
        events_now = json.loads(text)["events"]
        return text if (text != original and
                        sum("suggestion" in e for e in events_now) == len(candidates) - 1) else None
    wait_for("the event accepted in the file", accepted, c.app)
    c.ok(f"Return on Accept accepts the candidate event in the file ({name})")

    subprocess.run(["xdotool", "key", "ctrl+z"], check=True, timeout=10)

    wait_for("the file as it was", lambda: file_holds(path, original), c.app)
    c.ok("Ctrl+Z puts the file back as it was")

    # Every candidate of the article at once: select one again, Tab to Accept All in
    # Article, Return; then Ctrl+Z.
    c.tab_to("an event in the list", lambda n: n.getRole() == pyatspi.ROLE_LIST_ITEM
             and n.parent == events)
    subprocess.run(["xdotool", "key", "alt+shift+Down"], check=True, timeout=10)
    wait_for("a selected candidate event", selected_candidate, c.app)
    c.tab_to("Accept All in Article", lambda n: n.getRole() == pyatspi.ROLE_PUSH_BUTTON
             and n.name == "Accept All in Article")
    c.key(KEY_RETURN)

    def all_accepted():
        with open(path, encoding="utf-8") as f:
            text = f.read()
        return text if text != original and not any(
            "suggestion" in e for e in json.loads(text)["events"]) else None
    wait_for("every candidate event of the article accepted", all_accepted, c.app)
    c.ok(f"Return on Accept All in Article accepts its {len(candidates)} candidate events")
    subprocess.run(["xdotool", "key", "ctrl+z"], check=True, timeout=10)
    wait_for("the file as it was", lambda: file_holds(path, original), c.app)
    c.ok("Ctrl+Z puts the file back as it was")


def remove_term_by_keyboard(c, frame, path):
    """In Sectors, Tab to a term's Remove Term button and press Return: the term leaves
    its sector in the file; Ctrl+Z puts the file back."""
    with open(path, encoding="utf-8") as f:
        original = f.read()
    terms = sum(len(s["terms"]) for s in json.loads(original)["sectors"])
    open_view(c, frame, "Sectors")
    button = c.tab_to("a Remove Term button", lambda n: n.getRole() == pyatspi.ROLE_PUSH_BUTTON
                      and n.name.startswith("Remove Term “"), limit=80)
    term = button.name[len("Remove Term “"):-1]
    having = sum(term in s["terms"] for s in json.loads(original)["sectors"])
    c.check(having > 0, "the button names a term of the corpus", button.name)
    c.key(KEY_RETURN)

    def removed():
        with open(path, encoding="utf-8") as f:
            text = f.read()
        sectors = json.loads(text)["sectors"]
        return text if (sum(len(s["terms"]) for s in sectors) == terms - 1
                        and sum(term in s["terms"] for s in sectors) == having - 1) else None
    wait_for(f"the term {term!r} removed in the file", removed, c.app)
    c.ok(f"Return on Remove Term removes {term!r} from its sector in the file")
    subprocess.run(["xdotool", "key", "ctrl+z"], check=True, timeout=10)

    wait_for("the file as it was", lambda: file_holds(path, original), c.app)
    c.ok("Ctrl+Z puts the file back as it was")


def app_warnings(app):
    """GLib warnings and criticals from the app; except the one GTK 4.24 gives about its
    own frame bookkeeping on an X server without a compositor (see xinzhi-test-ui.c)."""
    return [line for line in app.output().splitlines()
            if re.search(r"-(WARNING|CRITICAL) \*\*", line)
            and GTK_XVFB_FRAME_WARNING not in line]


def focus_window(c, app):
    """Keys go to the window with the X input focus, which a window manager would give
    it."""
    window = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid",
                             str(app.proc.pid)], capture_output=True, text=True,
                            timeout=DEADLINE).stdout.split()
    c.check(window, "the window is on the display")
    subprocess.run(["xdotool", "windowfocus", "--sync", window[0]], check=True, timeout=10)
    return window[0]


def run_owned(app, path, number, corpus_is, steps, last):
    """An app on a corpus a person owns: @steps, each given the checks, the window and
    @path, then no warnings.  Returns the number of checks so far, or prints the plan
    and returns 0 when @last."""
    root = wait_for("application on the accessibility bus", lambda: find_app(app.proc.pid), app)
    frame = wait_for("window", lambda: find(root, pyatspi.ROLE_FRAME), app)[0]
    root.set_cache_mask(Atspi.Cache.NONE)
    c = Checks(app, root)
    c.number = number
    c.ok(f"the app with {corpus_is} is on the accessibility bus")
    focus_window(c, app)
    for step in steps:
        step(c, frame, path)
    problems = app_warnings(app)
    c.check(not problems, f"the app with {corpus_is} printed no warnings", "\n".join(problems))
    if not last:
        return c.number
    print(f"1..{c.number}", flush=True)
    return 0


def run(app, corpus, args):
    print("TAP version 13", flush=True)
    root = wait_for("application on the accessibility bus", lambda: find_app(app.proc.pid), app)
    frame = wait_for("window", lambda: find(root, pyatspi.ROLE_FRAME), app)[0]
    if args and args[0] == "--dump":
        time.sleep(2)
        if len(args) > 1:
            click(find(root, pyatspi.ROLE_PAGE_TAB, args[1])[0])
            time.sleep(1)
        dump(root)
        return 0
    # This process runs no main loop, so the events that keep libatspi's cache of names
    # and states fresh are never read: ask the app every time instead.
    root.set_cache_mask(Atspi.Cache.NONE)
    global CONTROLS
    CONTROLS = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
                pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_ENTRY,
                pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_LINK,
                pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_LIST_ITEM,
                pyatspi.ROLE_TEXT, pyatspi.ROLE_LIST, pyatspi.ROLE_TABLE}
    c = Checks(app, root)
    c.ok("the app is on the accessibility bus with its window")
    window = [focus_window(c, app)]

    # Narrow, as on a phone: the views' split views collapse and the view switcher moves
    # to the bottom; then back to the window's own size for the rest.
    subprocess.run(["xdotool", "windowsize", "--sync", window[0], "360", "640"], check=True,
                   timeout=10)
    wait_for("the narrow layout", lambda: frame.queryComponent().getSize()[0] <= 400, app)
    views_by_name(c, frame, " at 360×640")
    subprocess.run(["xdotool", "windowsize", "--sync", window[0], "1100", "760"], check=True,
                   timeout=10)
    wait_for("the wide layout", lambda: frame.queryComponent().getSize()[0] >= 1000, app)
    views_by_name(c, frame)
    timeline_by_keyboard(c, frame, corpus)
    span_by_keyboard(c, frame)
    heatmap_by_keyboard(c, frame, corpus)
    quote_to_article(c, frame, corpus)
    event_details(c, frame, corpus)
    search_results(c, frame, corpus)
    menu_buttons(c, frame)

    problems = app_warnings(app)
    c.check(not problems, "the app printed no warnings", "\n".join(problems))
    return c.number


def inner(argv):
    if len(argv) < 2:
        bail("usage: test-a11y.py SOURCE_ROOT")
    source_root = argv[1]
    binary = os.environ.get("XINZHI_BIN")
    if not binary or not os.access(binary, os.X_OK):
        bail("XINZHI_BIN does not name the app")
    with open(os.path.join(source_root, "data", "corpus", "xinzhi-corpus.json")) as f:
        corpus = json.load(f)

    bus = start_atspi_bus()
    global pyatspi
    global Atspi
    import pyatspi  # only now: it connects to the bus the launcher just started
    from gi.repository import Atspi
    workdir = tempfile.mkdtemp(prefix="xinzhi-a11y-")
    # A corpus a person owns, with an article's quotes as the extractor suggests them.
    review = os.path.join(workdir, "review.json")
    article = os.path.join(source_root, "tests", "data", "extract", "quotes-en.txt")
    dated = os.path.join(source_root, "tests", "data", "extract", "events.txt")
    imported = subprocess.run([binary, "--import", article, dated, "--into", review],
                              capture_output=True, text=True, timeout=60)
    if imported.returncode != 0:
        bail(f"xinzhi --import failed: {imported.stderr}")
    app = App(binary, workdir)
    try:
        number = run(app, corpus, argv[2:])
        if "--dump" in argv:
            return 0
    finally:
        app.stop()
    # A corpus a person owns with sectors of several terms.
    terms = os.path.join(workdir, "terms.json")
    shutil.copyfile(os.path.join(source_root, "tests", "data", "version-3.json"), terms)
    try:
        app = App(binary, workdir, ["--corpus", review])
        try:
            number = run_owned(app, review, number, "a corpus of its own",
                               [review_by_keyboard, review_event_by_keyboard], last=False)
        finally:
            app.stop()
        app = App(binary, workdir, ["--corpus", terms])
        try:
            return run_owned(app, terms, number, "a corpus of sectors",
                             [remove_term_by_keyboard], last=True)
        finally:
            app.stop()
    finally:
        bus.terminate()
        bus.wait()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    if os.environ.get(INNER):
        sys.exit(inner(sys.argv))
    sys.exit(outer(sys.argv))
