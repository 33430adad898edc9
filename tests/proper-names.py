#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""No shipped template, catalog or UI string names a particular unit,
person or place.

A template describes a kind of report; the office's own words come from
its profile through placeholders (docs/template-format.md). This scans
every file of data/templates and data/catalogs for the proper names of
the offices Baocao's samples came from: a fixed list, and the units,
places and signers the samples in data/samples carry. Then it shows that
it would catch one put back, on a copy of a template.

Usage: proper-names.py [DATA_DIR]
"""

import json
import os
import re
import sys
import unicodedata

# Names seen in the real documents behind the samples, and in the
# templates before they were made general.
KNOWN = [
    "Phan Rang", "Tháp Chàm", "Bà Rịa", "Vũng Tàu", "Ninh Thuận", "Trà Vinh",
    "Ninh Hải", "Ninh Sơn", "Nguyễn Thành Phú", "Nguyễn Văn Thọ", "Bùi Văn Thảo",
    "CATP", "Thành ủy", "Tỉnh ủy",
]

KINDS = ("thành phố", "tỉnh", "huyện", "thị xã", "quận", "xã", "phường", "thị trấn")
RANKS = ("đại tá", "thượng tá", "trung tá", "thiếu tá", "đồng chí", "đ/c")


def fold(text):
    """NFC, lower case, every dash one hyphen, runs of space one."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s+", " ", text)


def strip_prefix(name, prefixes):
    low = name.casefold()
    for p in prefixes:
        if low.startswith(p + " "):
            return name[len(p) + 1:]
    return name


def sample_names(samples_dir):
    """The units, places and signers of the sample offices, each part of a
    "Phan Rang - Tháp Chàm" on its own."""
    names = set()
    for entry in sorted(os.listdir(samples_dir)):
        if not entry.endswith(".json"):
            continue
        with open(os.path.join(samples_dir, entry), encoding="utf-8") as f:
            values = json.load(f).get("values", {})
        unit = strip_prefix(values.get("meta/unit", ""), KINDS)
        place = values.get("header/place", "")
        signer = strip_prefix(values.get("header/signer_name", ""), RANKS)
        for text in (unit, place):
            for part in re.split(r"\s+[-\u2013\u2014]\s+", text):
                if part.strip():
                    names.add(part.strip())
        if signer.strip():
            names.add(signer.strip())
    return names


def scan(text, names):
    """The names that @text holds, as whole words."""
    folded = fold(text)
    found = []
    for name in sorted(names):
        pattern = r"(?<!\w)" + re.escape(fold(name)) + r"(?!\w)"
        if re.search(pattern, folded):
            found.append(name)
    return found


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "data")
    learned = sample_names(os.path.join(data, "samples"))
    names = set(KNOWN) | learned
    problems = []
    texts = {}
    for sub in ("templates", "catalogs"):
        folder = os.path.join(data, sub)
        for entry in sorted(os.listdir(folder)):
            path = os.path.join(folder, entry)
            with open(path, encoding="utf-8") as f:
                texts[os.path.join(sub, entry)] = f.read()
    # The strings the window shows: its .ui files and their translations.
    root = os.path.dirname(os.path.abspath(data))
    for sub, suffix in (("ui", ".ui"), ("po", ".po")):
        folder = os.path.join(root, sub)
        for entry in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            if entry.endswith(suffix):
                with open(os.path.join(folder, entry), encoding="utf-8") as f:
                    texts[os.path.join(sub, entry)] = f.read()
    for where, text in texts.items():
        for name in scan(text, names):
            problems.append(f"{where}: names “{name}”: write a placeholder ({{unit}}, {{place}}…) "
                            "or leave it to the office profile")
    if not texts or not learned:
        problems.append("nothing to scan: no templates, or no samples to learn names from")

    # The scan would see a name put back, in any case and with any dash.
    district = texts.get(os.path.join("templates", "district-monthly.json"), "")
    for planted in ("UBND THÀNH PHỐ PHAN RANG – THÁP CHÀM", "Lưu: VT, CATP", "bùi văn thảo"):
        copy = district.replace("{UNIT_KIND} {UNIT}", planted, 1)
        if copy == district or not scan(copy, names):
            problems.append(f"self-test: “{planted}” put back in a template was not found")

    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"proper-names: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"proper-names: {len(texts)} files ({', '.join(sorted(texts))}), {len(names)} names: none found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
