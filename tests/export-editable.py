#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the clerk edits is what the DOCX prints, read back with python-docx:
# the closing paragraph, the collective body of "TM." and the title under
# the signing space; the headings and intros of sections edited, reset to
# the template's text and left out; the paragraphs before and after a
# documents list; a document's "về …" summary without "về việc".
#
# Environment: BAOCAO_BIN (the built binary), BAOCAO_DATADIR (data/).

import copy
import json
import os
import subprocess
import sys
import tempfile

import docx

BIN = os.environ["BAOCAO_BIN"]
DATA = os.environ["BAOCAO_DATADIR"]
EPOCH = "1716537600"  # 2024-05-24T08:00:00Z
failures = []
checked = [0]


def check(condition, what):
    checked[0] += 1
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}")


def env():
    e = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    e.pop("DISPLAY", None)
    return e


def sample(name):
    with open(os.path.join(DATA, "samples", name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def export(out_dir, report, stem, values):
    """Exports @report with @values changed (None removes a value)."""
    report = copy.deepcopy(report)
    for key, value in values.items():
        if value is None:
            report["values"].pop(key, None)
        else:
            report["values"][key] = value
    report["changes"] = []
    path = os.path.join(out_dir, stem + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False)
    docx_path = os.path.join(out_dir, stem + ".docx")
    result = subprocess.run([BIN, "export", path, "--docx", docx_path], env=env(),
                            capture_output=True, text=True)
    check(result.returncode == 0, f"{stem}: export ({result.stderr.strip()})")
    return docx.Document(docx_path)


def signature(d):
    return d.tables[1].cell(0, 1).text


def texts(d):
    return [p.text for p in d.paragraphs]


def check_signature(out, district):
    d = export(out, district, "tm-body", {
        "header/signer_authority": "TM.",
        "header/signer_body": "Tổ công tác Đề án 06",
    })
    check(signature(d) == "TM. TỔ CÔNG TÁC ĐỀ ÁN 06\nTỔ TRƯỞNG\nCHỦ TỊCH UBND THÀNH PHỐ\nNguyễn Thành Phú",
          f"TM. with a collective body: {signature(d)!r}")
    # Under a collective, the head's deputy signs "KT." (Decree 30, Phụ lục I).
    d = export(out, district, "kt-body", {
        "header/signer_authority": "KT.",
        "header/signer_body": "Ủy ban nhân dân",
        "header/signer_authority_title": "Chủ tịch",
        "header/signer_title": "Phó Chủ tịch",
        "header/signer_title2": None,
    })
    check(signature(d) == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thành Phú",
          f"KT. under a collective body: {signature(d)!r}")
    # Without a body, "TM." stays before the head's title, as before.
    d = export(out, district, "tm-only", {"header/signer_authority": "TM."})
    check(signature(d).startswith("TM. TỔ TRƯỞNG\n"), f"TM. without a body: {signature(d)!r}")


def check_closing(out, district):
    closing = "Trên đây là báo cáo tháng 6 năm 2024 của thành phố.\nĐề nghị Tổ công tác tỉnh theo dõi./."
    d = export(out, district, "closing", {"header/closing": closing})
    t = texts(d)
    check("Trên đây là báo cáo tháng 6 năm 2024 của thành phố." in t and "Đề nghị Tổ công tác tỉnh theo dõi./." in t,
          "the closing paragraph, one paragraph per line")
    d = export(out, district, "no-closing", {"header/closing": None})
    check(not any(p.startswith("Trên đây") for p in texts(d)), "no closing paragraph when it is empty")


def main():
    district = sample("district-2024-06")
    with tempfile.TemporaryDirectory(prefix="baocao-editable-") as out:
        check_signature(out, district)
        check_closing(out, district)
    if failures:
        print(f"{len(failures)} checks failed")
        return 1
    print(f"all {checked[0]} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
