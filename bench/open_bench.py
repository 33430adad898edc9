#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up benchmark: exec to first frame painted, Baocao with the full
province report open against a bare libadwaita window with 200 entries,
interleaved in one run on one Xvfb server; and peak memory of each."""
import os, statistics, subprocess, sys, tempfile, time

build, sample, show = sys.argv[1], sys.argv[2], sys.argv[3]
runs = int(os.environ.get("RUNS", "15"))

tmp = tempfile.mkdtemp(prefix="baocao-open-")
env = dict(os.environ, BAOCAO_LIBRARY=os.path.join(tmp, "library.db"),
           GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="1",
           GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"))
report_id = subprocess.check_output([os.path.join(build, "baocao"), "import-json", sample],
                                    env=env, text=True).strip()

display = ":%d" % (90 + os.getpid() % 50)
xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(1.5)
env["DISPLAY"] = display
env.pop("WAYLAND_DISPLAY", None)

commands = {
    "baocao": [os.path.join(build, "baocao"), "--open", report_id, "--show", show,
               "--exit-after-first-frame"],
    "bare": [os.path.join(build, "bench", "bare-window")],
}

def run(cmd):
    """Milliseconds from exec to the "first-frame" line (printed once the
    first frame is painted) and to the exit, and peak memory in MiB."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    line = proc.stdout.readline()
    frame = time.perf_counter() - start
    proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0 or line.strip() != b"first-frame":
        sys.exit("%s failed: %s" % (cmd[0], proc.stderr.read().decode()))
    return frame * 1000, elapsed * 1000, usage.ru_maxrss / 1024

try:
    results = {name: [] for name in commands}
    for name in commands:          # warm the caches once
        run(commands[name])
    for _ in range(runs):
        for name, cmd in commands.items():
            results[name].append(run(cmd))
finally:
    xvfb.terminate()

med = {n: statistics.median(f for f, _, _ in r) for n, r in results.items()}
out = {n: statistics.median(e for _, e, _ in r) for n, r in results.items()}
peak = {n: max(m for _, _, m in r) for n, r in results.items()}
print("open (exec → first frame painted, median of %d): baocao %.1f ms, bare window %.1f ms, ratio %.2f"
      % (runs, med["baocao"], med["bare"], med["baocao"] / med["bare"]))
print("exec → exit after that frame: baocao %.1f ms, bare window %.1f ms, ratio %.2f"
      % (out["baocao"], out["bare"], out["baocao"] / out["bare"]))
print("peak memory: baocao %.1f MiB, bare window %.1f MiB" % (peak["baocao"], peak["bare"]))
