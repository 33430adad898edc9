#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# An office that is not in the samples writes its report: the Ninh Hải
# district's monthly report made through the command line from its office
# profile, exported to DOCX and read back with python-docx. Nothing of
# another office may be printed anywhere in the document: header, headings,
# intros, signature, Nơi nhận, appendices. Then a province report for a
# province the templates never knew, a renamed profile, and the profile
# travelling in a report file and in JSON.
#
# Environment: BAOCAO_BIN (the built binary), BAOCAO_DATADIR (data/).

import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

import docx

BIN = os.environ["BAOCAO_BIN"]
EPOCH = "1716537600"  # 2024-05-24T08:00:00Z
failures = []

# What the samples' offices, and the templates before profiles, printed.
OTHERS = ["Phan Rang", "Tháp Chàm", "Bà Rịa", "Vũng Tàu", "Ninh Thuận", "Trà Vinh",
          "Nguyễn Thành Phú", "Nguyễn Văn Thọ", "Bùi Văn Thảo", "CATP", "Thành ủy", "Tỉnh ủy"]


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}")


def run(library, *args, ok=True):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("DISPLAY", None)
    result = subprocess.run([BIN, *args, "--library", library], env=env, capture_output=True, text=True)
    if ok and result.returncode != 0:
        sys.exit(f"baocao {' '.join(args)}: {result.returncode}: {result.stderr}")
    return result


def document_text(path):
    """Every paragraph of the body, its tables (nested ones too), and the
    page headers and footers, one a line."""
    d = docx.Document(path)
    lines = []

    def cells(tables):
        for table in tables:
            for row in table.rows:
                for cell in row.cells:
                    lines.extend(p.text for p in cell.paragraphs)
                    cells(cell.tables)

    lines.extend(p.text for p in d.paragraphs)
    cells(d.tables)
    for section in d.sections:
        for part in (section.header, section.footer):
            lines.extend(p.text for p in part.paragraphs)
            cells(part.tables)
    return unicodedata.normalize("NFC", "\n".join(lines))


def holds(text, phrase):
    return re.search(r"(?<!\w)" + re.escape(phrase.casefold()) + r"(?!\w)", text.casefold()) is not None


def no_other_office(text, what, also=(), own=()):
    for name in [n for n in [*OTHERS, *also] if n not in own]:
        check(not holds(text, name), f"{what}: prints “{name}”")
    check("{" not in text and "}" not in text, f"{what}: prints a placeholder: "
          + ", ".join(re.findall(r"\{[^}]*\}", text)))


def export_docx(library, report_id, path):
    run(library, "export", str(report_id), "--docx", path)
    return document_text(path)


def district(tmp, library):
    office = run(library, "office", "add", "--unit", "Ninh Hải", "--kind", "huyện",
                 "--supervising-body", "UBND HUYỆN NINH HẢI",
                 "--issuing-body", "TỔ CÔNG TÁC ĐỀ ÁN 06",
                 "--symbol-report", "BC-UBND", "--place", "Ninh Hải",
                 "--signer-authority", "TM.", "--signer-body", "TỔ CÔNG TÁC ĐỀ ÁN 06",
                 "--signer-authority-title", "TỔ TRƯỞNG", "--signer-title", "PHÓ CHỦ TỊCH UBND HUYỆN",
                 "--signer-title2", "CHỦ TỊCH UBND HUYỆN", "--signer-name", "Trần Văn An",
                 "--cc", "Như trên;", "--cc", "Thường trực Huyện ủy;", "--cc", "Lưu: VT, UBND.").stdout.strip()
    report = run(library, "new", "--template", "district-monthly", "--office", office,
                 "--from", "15/05/2024", "--to", "14/06/2024").stdout.strip()
    text = export_docx(library, report, os.path.join(tmp, "ninh-hai.docx"))
    # A new report's sections have nothing to say yet: the DOCX leaves
    # them out; their headings, the office's words filled in, are the
    # report's (baocao show).
    shown = unicodedata.normalize("NFC", run(library, "show", report).stdout)
    for phrase in ("UBND huyện và Tổ công tác Đề án 06 huyện", "Công an huyện"):
        check(holds(shown, phrase), f"Ninh Hải: show does not print “{phrase}”")
        check(not holds(text, phrase), f"Ninh Hải: the DOCX prints the empty section “{phrase}”")
    for phrase in ("UBND HUYỆN NINH HẢI", "Ninh Hải, ngày", "trên địa bàn huyện Ninh Hải tháng 06 năm 2024",
                   "Trần Văn An", "BC-UBND", "Thường trực Huyện ủy;", "Lưu: VT, UBND.",
                   "TM. TỔ CÔNG TÁC ĐỀ ÁN 06", "TỔ TRƯỞNG", "CHỦ TỊCH UBND HUYỆN",
                   "Trên đây là báo cáo kết quả triển khai Đề án 06 tháng 06 năm 2024./."):
        check(holds(text, phrase), f"Ninh Hải: does not print “{phrase}”")
    # A district's report says "huyện" where the city's said "thành phố".
    no_other_office(text, "Ninh Hải", also=["thành phố", "Thành phố"])
    return office, report, text


def province(tmp, library):
    made = run(library, "new", "--template", "province-monthly", "--unit", "Tỉnh Trà Vinh",
               "--from", "21/04/2024", "--to", "20/05/2024")
    check("made office profile" in made.stderr, f"Trà Vinh: no profile made: {made.stderr}")
    text = export_docx(library, made.stdout.strip(), os.path.join(tmp, "tra-vinh.docx"))
    check(holds(text, "UBND TỈNH TRÀ VINH"), "Trà Vinh: no “UBND TỈNH TRÀ VINH”")
    check(holds(text, "trên địa bàn tỉnh Trà Vinh tháng 05 năm 2024"), "Trà Vinh: no summary of its own")
    no_other_office(text, "Trà Vinh", also=["Ninh Hải"], own=["Trà Vinh"])


def template_signature(tmp, library):
    """A profile that names only its signer: the district template's own
    signature prints each title once, the chairman's under the signing
    space, as seed 001 does."""
    office = run(library, "office", "add", "--unit", "Bác Ái", "--kind", "huyện",
                 "--signer-name", "Lê Văn Bình").stdout.strip()
    report = run(library, "new", "--template", "district-monthly", "--office", office,
                 "--from", "15/05/2024", "--to", "14/06/2024").stdout.strip()
    path = os.path.join(tmp, "bac-ai.docx")
    export_docx(library, report, path)
    block = next(t for t in docx.Document(path).tables if "Nơi nhận" in t.cell(0, 0).text)
    # The space to sign and stamp is the space before the line under it.
    signature = []
    for p in block.cell(0, 1).paragraphs:
        if p.paragraph_format.space_before:
            signature.append("")
        signature.append(p.text)
    check(signature == ["TỔ TRƯỞNG", "", "CHỦ TỊCH UBND HUYỆN", "Lê Văn Bình"],
          f"Bác Ái: the signature is {signature}")


def renamed(tmp, library, office, report, before):
    run(library, "office", "set", office, "--unit", "Ninh Hải Mới", "--place", "Khánh Hải")
    again = export_docx(library, report, os.path.join(tmp, "again.docx"))
    check(again == before, "renaming the profile changed a report already written")
    nxt = run(library, "next", report).stdout.strip()
    text = export_docx(library, nxt, os.path.join(tmp, "next.docx"))
    check(holds(text, "trên địa bàn huyện Ninh Hải Mới tháng 07 năm 2024"), "next: not the renamed unit")
    check(holds(text, "Khánh Hải, ngày"), "next: not the profile's new place")


def travel(tmp, library, office, report):
    path = os.path.join(tmp, "ninh-hai.baocao")
    other = os.path.join(tmp, "other.db")
    run(library, "save-file", report, path)
    run(other, "open-file", path)
    listed = run(other, "office", "list").stdout
    check("Huyện Ninh Hải Mới\tUBND HUYỆN NINH HẢI" in listed, f"report file: profile not added: {listed!r}")
    exported = json.loads(run(library, "export-json", report).stdout)
    check(exported.get("office", {}).get("unit") == "Ninh Hải Mới", "JSON: no office profile")
    check(exported["values"].get("meta/office") == exported.get("office", {}).get("uuid"),
          "JSON: the report does not name its profile")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        library = os.path.join(tmp, "library.db")
        office, report, text = district(tmp, library)
        province(tmp, library)
        template_signature(tmp, library)
        renamed(tmp, library, office, report, text)
        travel(tmp, library, office, report)
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("export-office: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
