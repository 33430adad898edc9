#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The samples read like the documents they transcribe: for seeds 000, 001
# and 004, every paragraph of the seed's body (from its opening sentence or
# first heading to "Nơi nhận") is a paragraph of the sample's DOCX, in the
# same order, with the same words, except the differences listed with
# their reasons in tests/fidelity-allowlist.json (docs/fidelity.md).
#
# Environment: BAOCAO_BIN, BAOCAO_DATADIR, G_TEST_SRCDIR (tests/), and the
# seeds' folder: BAOCAO_SEEDS, or tests/corpus (their copy in the repository).

import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

try:
    import docx
except ImportError as e:
    print(f"FAIL: {e} (install python3-docx)")
    sys.exit(1)

BIN = os.environ["BAOCAO_BIN"]
DATA = os.environ["BAOCAO_DATADIR"]
SRCDIR = os.environ["G_TEST_SRCDIR"]
SAMPLES = {
    "000": "province-2024-05",
    "001": "district-2024-06",
    "004": "annual-plan-2024",
}
START = re.compile(r"^(Thực hiện|Căn cứ|Tiếp tục|I\. )")
END = re.compile(r"^Nơi nhận")
MARKS = re.compile(r"\*+")


def normal(text):
    text = unicodedata.normalize("NFC", text)
    text = MARKS.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def seed_folder():
    folder = os.environ.get("BAOCAO_SEEDS")
    if folder:
        return folder
    # The seeds' text, copied into the repository so a clean clone has it.
    return os.path.join(SRCDIR, "corpus")


def continues(before, line):
    """A page break in the middle of a paragraph: the line goes on with a
    small letter, or with a number or a bracket after a paragraph that did
    not end its sentence (a numbered heading never continues)."""
    if line[0].islower() or line[0] in ",;)":
        return True
    if re.match(r"^(\d+(\.\d+)*\.|\(\d+\))\s", line) or before[-1] in ".:;!?”\"":
        return False
    return line[0].isdigit() or line[0] == "("


def seed_body(path):
    """The seed's body paragraphs: a line that starts in lower case
    continues the one before (a page break cut it), tables are left out."""
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f]
    body, started = [], False
    for line in lines:
        text = normal(line)
        if not started:
            started = bool(START.match(text))
        if not started or not text or "\t" in line:
            continue
        if END.match(text):
            break
        if body and continues(body[-1], text):
            body[-1] += " " + text
        else:
            body.append(text)
    return body


def docx_paragraphs(json_path, out):
    path = os.path.join(out, os.path.basename(json_path) + ".docx")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1716537600", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    env.pop("DISPLAY", None)
    subprocess.run([BIN, "export", json_path, "--docx", path], env=env, check=True)
    return [normal(p.text) for p in docx.Document(path).paragraphs]


def compare(seed, body, printed, allowed, used):
    """Each seed paragraph found at or after the last one found; an
    allowed difference is looked for in its printed form (or not at all)."""
    problems, at = [], 0
    for paragraph in body:
        want = paragraph
        rule = allowed.get(paragraph)
        if rule is not None:
            used.add((seed, paragraph))
            if rule["printed"] is None:
                continue
            want = normal(rule["printed"])
        try:
            at = printed.index(want, at) + 1
        except ValueError:
            problems.append(f"seed {seed}: not printed in order: “{paragraph[:160]}”")
    return problems


def main():
    with open(os.path.join(SRCDIR, "fidelity-allowlist.json"), encoding="utf-8") as f:
        allowlist = json.load(f)
    folder = seed_folder()
    problems, used, total = [], set(), 0
    with tempfile.TemporaryDirectory(prefix="baocao-fidelity-") as out:
        for seed, sample in SAMPLES.items():
            path = next((os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.startswith(seed + "_") or n == f"seed-{seed}.txt"), None)
            if path is None:
                print(f"FAIL: seed {seed} is not in {folder} (set BAOCAO_SEEDS)")
                return 1
            body = seed_body(path)
            total += len(body)
            allowed = {normal(e["seed"]): e for e in allowlist if e["seed_file"] == seed}
            printed = docx_paragraphs(os.path.join(DATA, "samples", sample + ".json"), out)
            problems += compare(seed, body, printed, allowed, used)
    for entry in allowlist:
        if (entry["seed_file"], normal(entry["seed"])) not in used:
            problems.append(f"seed {entry['seed_file']}: allow-list entry no longer needed: “{entry['seed'][:80]}”")
    for problem in problems:
        print(f"FAIL: {problem}")
    print(f"{total} seed paragraphs, {len(allowlist)} allowed differences, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
