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


TEMPLATE_HEADING = "1. UBND thành phố và Tổ công tác Đề án 06 thành phố"
TEMPLATE_INTRO = ("UBND thành phố, Tổ công tác Đề án 06 thành phố đã ban hành các văn bản triển khai, "
                  "chỉ đạo thực hiện các nhiệm vụ Đề án 06 và chuyển đổi số:")


def check_headings(out, district):
    d = export(out, district, "headings", {
        "sec/city_direction/title": "UBND huyện và Tổ công tác Đề án 06 huyện",
        "sec/city_direction/intro": "UBND huyện đã ban hành các văn bản sau:",
        "sec/direction/title": "Công tác chỉ đạo",
    })
    t = texts(d)
    check("1. UBND huyện và Tổ công tác Đề án 06 huyện" in t, "an edited heading is printed")
    check(TEMPLATE_HEADING not in t, "the template's heading is not printed beside the clerk's")
    # Seed 001 lists the documents inline, after the intro, in one paragraph.
    check(any(p.startswith("UBND huyện đã ban hành các văn bản sau: Công văn số") for p in t)
          and not any(p.startswith(TEMPLATE_INTRO) for p in t), "an edited intro is printed")
    check("I. CÔNG TÁC CHỈ ĐẠO" in t, "an edited top-level heading is printed in capitals")
    heading = d.paragraphs[t.index("I. CÔNG TÁC CHỈ ĐẠO")] if "I. CÔNG TÁC CHỈ ĐẠO" in t else None
    check(heading is not None and heading.style.name == "Heading 1", "an edited heading keeps its level")
    # Reset to the template's text: the value is gone, the template's text is back.
    d = export(out, district, "reset", {"sec/city_direction/title": None, "sec/city_direction/intro": None})
    t = texts(d)
    check(TEMPLATE_HEADING in t and any(p.startswith(TEMPLATE_INTRO + " Công văn số") for p in t),
          "with no value, the template's heading and intro")
    # An intro emptied by the clerk (only spaces) prints nothing.
    d = export(out, district, "no-intro", {"sec/city_direction/intro": " "})
    check(TEMPLATE_INTRO not in texts(d) and TEMPLATE_HEADING in texts(d), "an emptied intro prints nothing")


def findings(out, report, values):
    report = copy.deepcopy(report)
    for key, value in values.items():
        if value is None:
            report["values"].pop(key, None)
        else:
            report["values"][key] = value
    report["changes"] = []
    path = os.path.join(out, "check.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False)
    result = subprocess.run([BIN, "check", path, "--json"], env=env(), capture_output=True, text=True)
    return json.loads(result.stdout)["findings"]


def check_omitted(out, district):
    d = export(out, district, "omitted", {
        "sec/police_direction/omit": "1",
        "sec/units_direction/number": "2.",
        "sec/results/omit": "1",
    })
    t = texts(d)
    check(not any(p.startswith("2. Công an thành phố") for p in t), "a section left out has no heading")
    check(not any("1324/CATP-QLHC" in p for p in t), "a section left out has no documents")
    check(not any(p.startswith("Công an thành phố tham gia góp ý") for p in t), "a section left out has no intro")
    check(any(p.startswith("2. Các Phòng, ban, ngành") for p in t), "the clerk renumbers the next section")
    check(not any(p.startswith("II. KẾT QUẢ") or p.startswith("2.1. Nhóm tiện ích") for p in t),
          "a group left out takes its sub-sections with it")
    check("III. NHẬN XÉT ĐÁNH GIÁ" in t, "nothing is renumbered the clerk did not number")
    # The completeness check asks for a required section only when it is in.
    emptied = {"sec/city_direction/order": None, "sec/city_direction/before": None}
    asked = [f for f in findings(out, district, emptied) if f["location"] == "sec/city_direction"]
    check(len(asked) == 1 and asked[0]["message"] == "Mục " + TEMPLATE_HEADING + " chưa có nội dung",
          f"an empty required section is asked for: {asked}")
    emptied["sec/city_direction/omit"] = "1"
    asked = [f for f in findings(out, district, emptied) if f["location"].startswith("sec/city_direction")]
    check(asked == [], f"a required section left out is not asked for: {asked}")
    left_out = findings(out, district, {"sec/results/omit": "1"})
    check(not any(f["location"].startswith("sec/economy") for f in left_out),
          "nothing is checked in a section left out")


BEFORE = "Tiếp tục triển khai thực hiện các nhiệm vụ theo Kế hoạch số 67/KH-UBND ngày 26/02/2024 của UBND thành phố."
AFTER = "Ngày 22/5/2024, Tổ công tác họp đánh giá tiến độ.\nTổ công tác sẽ tiếp tục theo dõi."


def check_free_paragraphs(out, district):
    d = export(out, district, "free", {
        "sec/city_direction/before": BEFORE,
        "sec/city_direction/after": AFTER,
        "sec/city_direction/d1/summary": "về triển khai Kế hoạch số 67/KH-UBND",
    })
    t = texts(d)
    check(BEFORE in t and "Ngày 22/5/2024, Tổ công tác họp đánh giá tiến độ." in t
          and "Tổ công tác sẽ tiếp tục theo dõi." in t, "paragraphs before and after a list")
    if BEFORE in t:
        i = t.index(BEFORE)
        check(t[i - 1] == TEMPLATE_HEADING and t[i + 1].startswith(TEMPLATE_INTRO + " Công văn số 2396/UBND-CA"),
              "the paragraph before comes under the heading, before the intro that leads into the list")
        last = t.index("Tổ công tác sẽ tiếp tục theo dõi.")
        check("; Công văn số 2735/UBND-CA" in t[last - 2] and t[last + 1].startswith("2. Công an thành phố"),
              "the paragraphs after come after the last document, before the next heading")
    sentence = "Công văn số 2396/UBND-CA ngày 13/5/2024 về triển khai Kế hoạch số 67/KH-UBND;"
    check(any(sentence in p for p in t), "a summary starting “về” prints without “về việc”")
    check(not any("về việc về" in p for p in t), "never “về việc về”")


def main():
    district = sample("district-2024-06")
    with tempfile.TemporaryDirectory(prefix="baocao-editable-") as out:
        check_signature(out, district)
        check_closing(out, district)
        check_headings(out, district)
        check_omitted(out, district)
        check_free_paragraphs(out, district)
    if failures:
        print(f"{len(failures)} checks failed")
        return 1
    print(f"all {checked[0]} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
