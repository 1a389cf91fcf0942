#!/usr/bin/python3
"""Prints a page of the site to PDF with WebKitGTK, as Safari's engine prints it (issue 28 point 3).

WebKitWebDriver has no Print Page command, so the WebKit suite prints through WebKitGTK's own
print operation: a WebView loads the page, waits until the widget has taken over and rendered every
stage (`.bf[data-ready]` without the prerendered frame), then prints to a file with GTK's
"Print to File" printer.

    print.py URL OUT.pdf [--lang zh-CN]

Run under a display (xvfb-run) with LANG=C.UTF-8: GTK finds the file printer by its translated
name. Exits non-zero, with the reason, if the page does not become ready or nothing is printed.
"""
import os
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

url, out = sys.argv[1], os.path.abspath(sys.argv[2])
lang = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--lang" else "zh-CN"

WebKit2.WebContext.get_default().set_preferred_languages([lang])
view = WebKit2.WebView()
window = Gtk.OffscreenWindow()
window.set_default_size(1024, 900)
window.add(view)
window.show_all()
state = {"code": 1, "why": "timed out waiting for the page", "seen": "nothing evaluated yet"}

# What the page looked like at the last poll, reported if it never became ready.
STATE = (
    "JSON.stringify({ready: document.readyState, started: document.documentElement.dataset.bfStarted, "
    "prerendered: !!document.querySelector('[data-prerendered]'), bf: !!document.querySelector('.bf'), "
    "bfReady: !!document.querySelector('.bf[data-ready]'), notice: !!document.querySelector('#bf-unsupported, .bf-crash'), "
    "engine: document.documentElement.dataset.bfEngine || null})"
)
READY = (
    "!document.querySelector('[data-prerendered]') && "
    "document.documentElement.dataset.bfStarted === '1' && !!document.querySelector('.bf[data-ready]')"
)


def finish(code, why):
    state["code"], state["why"] = code, why
    Gtk.main_quit()


def printed(op):
    ok = os.path.exists(out) and os.path.getsize(out) > 0
    finish(0 if ok else 1, "printed" if ok else "no PDF written")


def print_page():
    state["printing"] = True
    op = WebKit2.PrintOperation.new(view)
    settings = Gtk.PrintSettings()
    settings.set_printer("Print to File")
    settings.set(Gtk.PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf")
    settings.set(Gtk.PRINT_SETTINGS_OUTPUT_URI, GLib.filename_to_uri(out))
    op.set_print_settings(settings)
    setup = Gtk.PageSetup()
    setup.set_paper_size(Gtk.PaperSize.new(Gtk.PAPER_NAME_A4))
    op.set_page_setup(setup)
    op.connect("finished", printed)
    op.connect("failed", lambda op, err: finish(1, f"print failed: {err}"))
    op.print_()


def poll():
    def seen(view, result):
        try:
            state["seen"] = view.evaluate_javascript_finish(result).to_string()
        except GLib.Error as err:
            state["seen"] = f"no document ({err.message})"

    def answered(view, result):
        try:
            value = view.evaluate_javascript_finish(result)
            ready = value.to_boolean()
        except GLib.Error:
            ready = False
        if ready:
            print_page()
        else:
            view.evaluate_javascript(STATE, -1, None, None, None, seen)
            GLib.timeout_add(100, poll)

    if state["code"] == 1 and not state.get("printing"):
        view.evaluate_javascript(READY, -1, None, None, None, answered)
    return False


def started(view, event):
    # Poll from the first commit, not from FINISHED: a subresource that never settles (one fresh CI
    # machine never reported FINISHED) must not stop the print of a page that is ready.
    if event == WebKit2.LoadEvent.COMMITTED:
        GLib.timeout_add(100, poll)


def timed_out():
    finish(1, f"timed out waiting for the page; last seen: {state['seen']}")
    return False


view.connect("load-changed", started)
view.load_uri(url)
GLib.timeout_add_seconds(60, timed_out)
Gtk.main()
if state["code"]:
    print(state["why"], file=sys.stderr)
sys.exit(state["code"])
