#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""How fast hostile files are refused, in one command:

    bench/run-hostile.py [BUILDDIR]     (default: $BAOCAO_BUILDDIR or build)

Writes the hostile interchange files of issue 10 (deep nesting, a rule
expression nested and long, a million items, a 50 MB paragraph, a template
of 100.000 columns, a million values in no order), times `baocao
import-json` on each (median of 5 runs, each into a fresh library) and
prints the time and its ratio to importing the real district sample, the
reference, timed in the same run. Every hostile file must be refused
(exit status 3); the tests check that, this measures how fast."""
import copy
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
build = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("BAOCAO_BUILDDIR", "build")
build = os.path.join(here, build)
if not os.path.exists(os.path.join(build, "build.ninja")):
    subprocess.run(["meson", "setup", build, here, "--buildtype=debugoptimized"], check=True)
subprocess.run(["ninja", "-C", build, "baocao"], check=True, stdout=subprocess.DEVNULL)
baocao = os.path.join(build, "baocao")
sample = os.path.join(here, "data", "samples", "district-2024-06.json")
RUNS = int(os.environ.get("RUNS", "5"))


def hostile_files(base):
    doc = json.load(open(sample, encoding="utf-8"))
    depth = 100_000
    yield "JSON nested 100.000 deep", base.replace('"values"', '"x": ' + "[" * depth + "]" * depth + ', "values"', 1)

    def with_template(change):
        d = copy.deepcopy(doc)
        change(d["template"])
        return json.dumps(d, ensure_ascii=False)

    rule = {"id": "deep", "left": "(" * 20_000 + "1" + ")" * 20_000, "op": "=", "right": "1",
            "severity": "error", "message": "x"}
    yield "rule with 20.000 parentheses", with_template(lambda t: t.setdefault("rules", []).append(rule))
    minus = dict(rule, left="-" * 50_000 + "1")
    yield "rule with 50.000 minus signs", with_template(lambda t: t.setdefault("rules", []).append(minus))

    def wide(t):
        table = t["tables"][0]
        table["columns"] += [{"id": f"c{i}", "label": "x", "type": "text"} for i in range(100_000)]
    yield "template with 100.000 columns", with_template(wide)

    d = copy.deepcopy(doc)
    d["values"]["sec/results/p1/text"] = "a" * (50 << 20)
    yield "50 MB paragraph", json.dumps(d, ensure_ascii=False)

    d = copy.deepcopy(doc)
    d["values"].update({f"sec/results/x{i}/text": "a" for i in range(1_000_000)})
    yield "1.000.000 values in no order", json.dumps(d, ensure_ascii=False)

    yield "5.000.000 empty objects", base.replace('"changes"', '"x": [' + ",".join(["{}"] * 5_000_000) + '], "changes"', 1)


def median_import(path, expect):
    times = []
    message = ""
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as lib:
            start = time.perf_counter()
            r = subprocess.run([baocao, "import-json", path, "--library", os.path.join(lib, "library.db")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            times.append(time.perf_counter() - start)
            if r.returncode != expect:
                sys.exit(f"{path}: exit status {r.returncode}, expected {expect}: {r.stderr.strip()}")
            message = r.stderr.strip().split(": ", 2)[-1][:70]
    return statistics.median(times), message


base = open(sample, encoding="utf-8").read()
with tempfile.TemporaryDirectory() as work:
    reference, _ = median_import(sample, 0)
    print(f"{'reference: import the district sample':45} {reference * 1000:8.1f} ms")
    for name, text in hostile_files(base):
        path = os.path.join(work, "hostile.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        size = os.path.getsize(path) / 1e6
        t, message = median_import(path, 3)
        print(f"{name + f' ({size:.0f} MB)':45} {t * 1000:8.1f} ms  {t / reference:5.2f}× the reference  ({message})")
