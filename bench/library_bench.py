#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The library at scale: generates a library of N reports from the two
monthly samples (84 units, one report a month each, figures varied, each
month following the last), makes its index once, then times the window's
first frame with it against the same window with an empty library,
interleaved in one run on one Xvfb server; peak memory of each; and the
median time of a search over it."""
import datetime, os, sqlite3, statistics, subprocess, sys, tempfile, time, uuid

build, n_reports = sys.argv[1], int(sys.argv[2])
runs = int(os.environ.get("RUNS", "9"))
baocao = os.path.join(build, "baocao")
tmp = tempfile.mkdtemp(prefix="baocao-library-")
big, empty = os.path.join(tmp, "big.db"), os.path.join(tmp, "empty.db")
env = dict(os.environ, GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="1",
           GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"))


def cli(library, *args):
    return subprocess.check_output([baocao, *args, "--library", library], env=env, text=True).strip()


def month_period(k, cutoff):
    """The k-th monthly period from January 2017, cut off on @cutoff."""
    y, m = 2017 + k // 12, k % 12 + 1
    end = datetime.date(y, m, cutoff)
    start = (end.replace(day=1) - datetime.timedelta(days=1)).replace(day=cutoff + 1)
    return start.isoformat(), end.isoformat()


def generate():
    start = time.perf_counter()
    district = int(cli(big, "import-json", "data/samples/district-2024-06.json"))
    province = int(cli(big, "import-json", "data/samples/province-2024-05.json"))
    for library in (big, empty):
        cli(library, "office", "add", "--unit", "Ninh Hải", "--kind", "huyện")
    db = sqlite3.connect(big)
    base = db.execute("SELECT max(id) FROM report").fetchone()[0]
    rows = []
    for i in range(n_reports):
        unit_no, k = i % 84 + 1, i // 84
        is_province = unit_no % 12 == 0
        period = month_period(k, 20 if is_province else 14)
        unit = ("Tỉnh số %d" if is_province else "Huyện số %d") % unit_no
        status = "approved" if k < (n_reports // 84) - 2 else ("submitted" if unit_no % 3 else "draft")
        stamp = period[1] + "T08:00:00.000000Z"
        rows.append((i, base + 1 + i, province if is_province else district, unit, period[0], period[1],
                     status, stamp, str(uuid.uuid4())))
    db.executescript("CREATE TEMP TABLE gen (i, id, src, unit, pfrom, pto, status, stamp, uuid);")
    db.executemany("INSERT INTO gen VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.executescript("""
      INSERT INTO report (id, uuid, template_id, template_name, template, unit, period_from, period_to,
                          status, created, modified, previous_id, office)
        SELECT g.id, g.uuid, r.template_id, r.template_name, r.template, g.unit, g.pfrom, g.pto,
               g.status, g.stamp, g.stamp, CASE WHEN g.i >= 84 THEN g.id - 84 END, ''
        FROM gen g JOIN report r ON r.id = g.src ORDER BY g.i;
      INSERT INTO value (report_id, key, value)
        SELECT g.id, v.key, CASE
          WHEN v.key = 'meta/unit' THEN g.unit
          WHEN v.key = 'meta/period_from' THEN g.pfrom
          WHEN v.key = 'meta/period_to' THEN g.pto
          WHEN v.key = 'meta/status' THEN g.status
          WHEN (v.key LIKE 'fig/%' OR v.key LIKE 'tbl/%') AND v.value NOT GLOB '*[^0-9]*'
            THEN CAST(CAST(v.value AS INTEGER) * (90 + (g.i * 7) % 21) / 100 AS TEXT)
          ELSE v.value END
        FROM gen g JOIN value v ON v.report_id = g.src;
    """)
    db.commit()
    db.close()
    print("generated %d reports in %.1f s (%.0f MiB)" % (n_reports, time.perf_counter() - start,
                                                        os.path.getsize(big) / 2**20))
    print(subprocess.check_output([os.path.join(build, "bench", "library-bench"), "refresh", big],
                                  env=env, text=True).strip())


def run(library):
    """Milliseconds from exec to the "first-frame" line and peak memory in MiB."""
    start = time.perf_counter()
    proc = subprocess.Popen([baocao, "--exit-after-first-frame"], env=dict(env, BAOCAO_LIBRARY=library),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    line = proc.stdout.readline()
    frame = time.perf_counter() - start
    proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0 or line.strip() != b"first-frame":
        sys.exit("baocao failed: %s" % proc.stderr.read().decode())
    return frame * 1000, usage.ru_maxrss / 1024


generate()
display = ":%d" % (90 + os.getpid() % 50)
xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(1.5)
env["DISPLAY"] = display
env.pop("WAYLAND_DISPLAY", None)
try:
    libraries = {"%d reports" % n_reports: big, "empty": empty}
    results = {name: [] for name in libraries}
    for library in libraries.values():          # warm the caches once
        run(library)
    for _ in range(runs):
        for name, library in libraries.items():
            results[name].append(run(library))
finally:
    xvfb.terminate()

names = list(libraries)
med = {n: statistics.median(f for f, _ in r) for n, r in results.items()}
peak = {n: max(m for _, m in r) for n, r in results.items()}
print("first frame (exec → painted, median of %d): %s %.1f ms, empty %.1f ms, ratio %.2f"
      % (runs, names[0], med[names[0]], med["empty"], med[names[0]] / med["empty"]))
print("peak memory: %s %.1f MiB, empty %.1f MiB, ratio %.2f"
      % (names[0], peak[names[0]], peak["empty"], peak[names[0]] / peak["empty"]))
print(subprocess.check_output([os.path.join(build, "bench", "library-bench"), "search", big],
                              env=env, text=True).strip())
if not os.environ.get("KEEP"):
    for path in os.listdir(tmp):
        os.unlink(os.path.join(tmp, path))
    os.rmdir(tmp)
else:
    print("library kept in", big)
