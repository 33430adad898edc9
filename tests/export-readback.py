#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads Baocao's exports back with independent readers: python-docx
# (paragraph texts, the header and closing tables, appendix values, section
# orientation and margins) and openpyxl (cell values, formulas, cached
# values, merged ranges, number formats, print setup). The expected numbers
# are computed here from the interchange JSON, not taken from Baocao.
#
# Environment: BAOCAO_BIN (the built binary), BAOCAO_DATADIR (data/).
# Exit 77 (skipped) when the readers are not installed; a failure when CI is set.

import copy
import datetime
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

def missing(what):
    """A reader or tool the test needs is missing: skipped (exit 77) on a
    developer's machine, a failure when CI is set, where nothing may skip."""
    if os.environ.get("CI"):
        print(f"FAIL: {what}; it is required when CI is set")
        sys.exit(1)
    print(f"SKIP: {what}")
    sys.exit(77)


try:
    import docx
    import openpyxl
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
except ImportError as e:
    missing(f"{e} (install python3-docx and python3-openpyxl)")

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


def export(json_path, out_dir, stem, xlsx=True):
    docx_path = os.path.join(out_dir, stem + ".docx")
    xlsx_path = os.path.join(out_dir, stem + ".xlsx")
    args = [BIN, "export", json_path, "--docx", docx_path]
    if xlsx:
        args += ["--xlsx", xlsx_path]
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("DISPLAY", None)
    subprocess.run(args, env=env, check=True)
    return docx_path, xlsx_path


# Vietnamese number formats, computed independently of Baocao
def vn_int(n):
    return f"{n:,}".replace(",", ".")


def vn_percent(num, den):
    if not den:
        return "-"
    text = f"{num * 100 / den:.2f}".replace(".", ",")
    return text[:-3] + "%" if text.endswith(",00") else text + "%"


def count(values, key):
    v = values.get(key, "")
    return int(v) if v.isdigit() else None


def printed_rows(report, table):
    """The rows an appendix prints: applicable rows, and the headings with an
    applicable row under them, in catalog order and numbering."""
    values = report["values"]
    default = set(table.get("applicable", [])) if "applicable" in table else None

    def applies(row):
        key = row.get("key", row["number"])
        v = values.get(f"tbl/{table['id']}/{key}/applies")
        if v:
            return v == "1"
        return default is None or key in default

    out = []

    def walk(rows):
        for row in rows:
            if row.get("heading"):
                sub = []
                saved = len(out)
                walk(row.get("children", []))
                if len(out) > saved:
                    out.insert(saved, row)
            elif applies(row):
                out.append(row)
                walk(row.get("children", []))
    walk(table["rows"])
    return out


def column_values(report, table, row, column):
    key = row.get("key", row["number"])
    return report["values"].get(f"tbl/{table['id']}/{key}/{column}", "")


def expected_cells(report, table, row):
    cells = [row["number"], row["label"]]
    for col in table["columns"]:
        if col["type"] == "integer":
            n = count(report["values"], f"tbl/{table['id']}/{row.get('key', row['number'])}/{col['id']}")
            cells.append("" if n is None else vn_int(n))
        elif col["type"] == "computed":
            num = count(report["values"], f"tbl/{table['id']}/{row.get('key', row['number'])}/{col['numerator']}")
            den = count(report["values"], f"tbl/{table['id']}/{row.get('key', row['number'])}/{col['denominator']}")
            cells.append(vn_percent(num, den) if den and num is not None else "-")
        else:
            cells.append(column_values(report, table, row, col["id"]))
    return cells


def totals(report, table, rows):
    sums = {}
    for col in table["columns"]:
        if col["type"] == "integer":
            sums[col["id"]] = sum(count(report["values"], f"tbl/{table['id']}/{r.get('key', r['number'])}/{col['id']}") or 0
                                  for r in rows if not r.get("heading"))
    return sums


def check_docx_province(path, report):
    d = docx.Document(path)
    texts = [p.text for p in d.paragraphs]
    values = report["values"]

    check("BÁO CÁO" in texts, "docx: document type")
    check(values["header/summary"] in texts, "docx: summary title")
    check("(từ 21/04/2024 đến 20/05/2024)" in texts, "docx: period line")
    check("Kính gửi:\t- Văn phòng Chính phủ;" in texts and "- Bộ Công an." in texts, "docx: Kính gửi")
    check("I. KẾT QUẢ CÁC MẶT CÔNG TÁC" in texts, "docx: top-level heading")
    heading = d.paragraphs[texts.index("I. KẾT QUẢ CÁC MẶT CÔNG TÁC")]
    check(heading.style.name == "Heading 1", "docx: heading style")
    # Each number said once: the paragraphs cite the figures, no line per figure.
    cited = [t for t in texts if "Kích hoạt được 671.290 /615.198 tài khoản, đạt tỷ lệ 108,3%." in t]
    check(len(cited) == 1, "docx: the figure printed in the sentence citing it")
    check(not any(t.startswith("- Tài khoản định danh điện tử đã kích hoạt:") for t in texts),
          "docx: no generated key figure line")
    check(sum(t.count("671.290") for t in texts) == 1, "docx: 671.290 said once")
    check(any("trễ hạn 2.981 hồ sơ" in t for t in texts), "docx: a cited figure")
    check(not any("{{" in t for t in texts), "docx: no reference left unprinted")
    # The section's list mark and date style, as seed 000 writes them.
    check(any(t.startswith("+ Công văn số 5096/UBND-VP ngày 22/4/2024 về việc ") for t in texts)
          and any(t.startswith("+ Công văn số 5768/UBND-VP ngày 06/5/2024 ") for t in texts),
          "docx: directive document sentence")

    header = d.tables[0]
    bodies = header.cell(0, 0).paragraphs
    check(bodies[0].text == "UBND TỈNH BÀ RỊA - VŨNG TÀU" and not bodies[0].runs[0].bold, "docx: supervising body")
    check(bodies[1].text.replace("\n", " ") == "BAN CHỈ ĐẠO TRIỂN KHAI ĐỀ ÁN 06" and bodies[1].runs[0].bold,
          "docx: issuing body")
    check(header.cell(0, 1).text.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
          "docx: quốc hiệu and tiêu ngữ")
    check(header.cell(1, 0).text == "Số: 199/BC-BCĐ", "docx: number")
    check(header.cell(1, 1).text == "Bà Rịa - Vũng Tàu, ngày 24 tháng 5 năm 2024", "docx: place and date")
    check(all(r.italic for r in header.cell(1, 1).paragraphs[0].runs), "docx: date in italics")
    check(header.cell(0, 1).paragraphs[0].runs[0].bold, "docx: quốc hiệu bold")
    closing = d.tables[1]
    cc = closing.cell(0, 0).text.split("\n")
    check(cc[0] == "Nơi nhận:" and cc[1] == "- Văn phòng Chính phủ;" and cc[-1] == "- Lưu: VT (UBND tỉnh, Công an tỉnh).",
          "docx: Nơi nhận")
    label = closing.cell(0, 0).paragraphs[0].runs[0]
    check(label.bold and label.italic, "docx: Nơi nhận bold italic")
    check(closing.cell(0, 1).text == "KT. TRƯỞNG BAN\nPHÓ BAN THƯỜNG TRỰC\nGIÁM ĐỐC CÔNG AN TỈNH\nĐại tá Bùi Văn Thảo",
          "docx: signature")
    signature = closing.cell(0, 1).paragraphs
    check(signature[2].paragraph_format.space_before.pt > 72 and not signature[3].paragraph_format.space_before,
          "docx: the space to sign is above the second title, not between it and the name")
    check(values["header/closing"] in texts, "docx: closing paragraph")
    after = values["sec/direction/after"]
    check(after in texts and texts[texts.index(after) - 1].startswith("+ Công văn số 1624/BCĐ-CAT")
          and texts[texts.index(after) + 1] == "2. Về hoàn thiện thể chế",
          "docx: the paragraph after the list of §1, before §2")
    if values["header/closing"] in texts:
        after = d.paragraphs[texts.index(values["header/closing"])]._p.getnext().getnext()
        check(after is not None and after.tag == docx.oxml.ns.qn("w:tbl") and "Nơi nhận:" in "".join(after.itertext()),
              "docx: the closing paragraph is the last before Nơi nhận")

    # Layout: A4 portrait body, landscape appendices, Decree 30 margins
    sections = d.sections
    check(len(sections) == 1 + len(report["template"]["tables"]), "docx: one section per appendix")
    for i, s in enumerate(sections):
        landscape = i > 0
        check(s.orientation == (WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT), f"docx: section {i} orientation")
        check(round(s.page_width.mm) == (297 if landscape else 210), f"docx: section {i} width")
        # README: margins 20/20/30/15 mm (top, bottom, left, right), to the
        # twip (1/1440 inch, 0,018 mm) they are written in.
        margins = [s.top_margin.mm, s.bottom_margin.mm, s.left_margin.mm, s.right_margin.mm]
        check(all(abs(got - want) < 0.02 for got, want in zip(margins, (20, 20, 30, 15))),
              f"docx: section {i} margins {[round(m, 2) for m in margins]} mm, not 20/20/30/15")
    check(sections[0].different_first_page_header_footer, "docx: no page number on page 1")
    body = d.styles["Body Text"].paragraph_format
    check(body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY, "docx: body justified")
    check(1.0 <= body.first_line_indent.cm <= 1.27 + 1e-6, "docx: first-line indent")
    check(body.space_after.pt >= 6, "docx: space between paragraphs")
    defaults = d.styles.element.find(docx.oxml.ns.qn("w:docDefaults"))
    fonts = defaults.find(".//" + docx.oxml.ns.qn("w:rFonts"))
    check(fonts.get(docx.oxml.ns.qn("w:ascii")) == "Times New Roman", "docx: Times New Roman")

    # Appendix tables: every printed row, the totals
    for index, table in enumerate(report["template"]["tables"]):
        t = d.tables[2 + index]
        rows = printed_rows(report, table)
        header_rows = 2 if any(c.get("group") for c in table["columns"]) else 1
        check(len(t.rows) == header_rows + len(rows) + (1 if "totals" in table else 0),
              f"docx: {table['id']} row count")
        for r, row in zip(t.rows[header_rows:], rows):
            got = [c.text for c in r.cells]
            if row.get("heading"):
                check(got[0] == row["number"] and got[1] == row["label"], f"docx: {table['id']} heading {row['number']}")
                continue
            want = expected_cells(report, table, row)
            note = report["values"].get(f"tbl/{table['id']}/{row.get('key', row['number'])}/note")
            if note:
                want[1] += f"\n({note})"
            check(got == want, f"docx: {table['id']} row {row['number']}: {got} != {want}")
        if "totals" in table:
            sums = totals(report, table, rows)
            got = [c.text for c in t.rows[-1].cells]
            want = [table["totals"]["label"], table["totals"]["label"]]
            for col in table["columns"]:
                if col["type"] == "integer":
                    want.append(vn_int(sums[col["id"]]))
                elif col["type"] == "computed":
                    want.append(vn_percent(sums[col["numerator"]], sums[col["denominator"]]))
                else:
                    want.append("")
            check(got == want, f"docx: {table['id']} totals {got} != {want}")


def ranges_overlap(a, b):
    return not (a.max_row < b.min_row or b.max_row < a.min_row or a.max_col < b.min_col or b.max_col < a.min_col)


def roman(n):
    digits = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
              (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, text in digits:
        while n >= value:
            out, n = out + text, n - value
    return out


def resolved_titles(template):
    """docs/template-format.md: "{number}" in an appendix's title is its
    place among the appendices, in the template's style, from its first."""
    numbering = template.get("appendix_numbering", {})
    style, number = numbering.get("style", "I"), numbering.get("first", 1)
    titles = []
    for table in template["tables"]:
        title = table["title"]
        if not table.get("section"):
            text = roman(number) if style == "I" else f"{number:02d}" if style == "01" else str(number)
            title = title.replace("{number}", text)
            number += 1
        titles.append(title)
    return titles


def sheet_names(template):
    """README: a sheet is named by its appendix's title, without the
    characters Excel refuses, cut to 31; a title already used (in any case)
    takes its caption after " - ", then the table's id. The plain sheets
    for upload follow, the same names before " (tải lên)"."""
    names = []

    def clean(text, limit):
        return "".join(" " if c in "[]:*?/\\'" else c for c in text)[:limit].strip()

    def claim(candidates, suffix):
        for text in candidates:
            name = clean(text, 31 - len(suffix)) + suffix
            if clean(text, 31) and name.casefold() not in (m.casefold() for m in names):
                names.append(name)
                return
        raise AssertionError(f"no name among {candidates}")

    titles = resolved_titles(template)
    for suffix in ("", " (tải lên)"):
        for title, table in zip(titles, template["tables"]):
            candidates = [title]
            if table.get("caption"):
                candidates.append(f"{title} - {table['caption']}")
            claim(candidates + [table["id"]], suffix)
    return names


def raw_page_setup(path, index):
    """The attributes of a sheet's pageSetup as written, defaults left out."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read(f"xl/worksheets/sheet{index + 1}.xml"))
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    element = root.find(ns + "pageSetup")
    return dict(element.attrib) if element is not None else {}


def check_xlsx(path, report):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    tables = report["template"]["tables"]
    values = report["values"]

    want_names = sheet_names(report["template"])
    titles = resolved_titles(report["template"])
    check(wb.sheetnames == want_names, f"xlsx: one sheet per appendix, named by it: {wb.sheetnames} != {want_names}")
    check(wb.properties.title == values["header/summary"], "xlsx: title property")
    check(wb.properties.creator == values["header/issuing_body"], "xlsx: author = issuing body")
    check(wb.properties.created == datetime.datetime(2024, 5, 24, 8, 0, 0), "xlsx: fixed created time")
    for index, table in enumerate(tables):
        ws = wb.worksheets[index]
        wc = cached.worksheets[index]
        grouped = any(c.get("group") for c in table["columns"])
        # title, caption, the table's period line, "(Kèm theo …)", blank
        top = 4 + bool(table.get("caption")) + bool(table.get("period_line"))
        first = top + (2 if grouped else 1)
        check(ws["A1"].value == titles[index], f"xlsx: {table['id']} title")
        check(ws.cell(top, 1).value == "STT" and ws.cell(top, 2).value == "Tên thủ tục hành chính",
              f"xlsx: {table['id']} header")
        check(ws.freeze_panes == f"A{first}", f"xlsx: {table['id']} frozen header")
        check(ws.print_title_rows == (f"${top}:${first - 1}"), f"xlsx: {table['id']} repeated header rows")
        check(ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9, f"xlsx: {table['id']} A4 landscape")
        # A scale of its own, never under 84 % (12 pt prints at 10 pt or
        # more), instead of fit to width at whatever size that takes
        # (export-print measures the printed pages).
        setup = raw_page_setup(path, index)
        check(not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage,
              f"xlsx: {table['id']} fitToPage")
        check(84 <= int(setup.get("scale", "100")) <= 100, f"xlsx: {table['id']} scale: {setup}")
        merged = list(ws.merged_cells.ranges)
        for i, a in enumerate(merged):
            for b in merged[i + 1:]:
                check(not ranges_overlap(a, b), f"xlsx: {table['id']} merged {a} overlaps {b}")
        if grouped:
            check(any(str(m) == f"A{top}:A{top + 1}" for m in merged), f"xlsx: {table['id']} STT merged down")
        rows = printed_rows(report, table)
        col_letter = {c["id"]: openpyxl.utils.get_column_letter(3 + i) for i, c in enumerate(table["columns"])}
        for offset, row in enumerate(rows):
            r = first + offset
            if row.get("heading"):
                check(ws.cell(r, 2).value == row["label"], f"xlsx: {table['id']} heading {row['number']}")
                continue
            check(str(ws.cell(r, 1).value) == row["number"], f"xlsx: {table['id']} STT {row['number']}")
            check(ws.cell(r, 2).value == row["label"], f"xlsx: {table['id']} name {row['number']}")
            for i, col in enumerate(table["columns"]):
                cell = ws.cell(r, 3 + i)
                key = f"tbl/{table['id']}/{row.get('key', row['number'])}/{col['id']}"
                if col["type"] == "integer":
                    check(cell.value == count(values, key), f"xlsx: {key} = {cell.value}")
                    check(cell.number_format == "#,##0", f"xlsx: {key} format")
                elif col["type"] == "computed":
                    num, den = col_letter[col["numerator"]], col_letter[col["denominator"]]
                    check(cell.value == f'=IF(OR({den}{r}=0,{num}{r}=""),"",{num}{r}/{den}{r})',
                          f"xlsx: ratio formula {cell.value}")
                    check(cell.number_format == "0.00%", f"xlsx: ratio format")
                    n = count(values, f"tbl/{table['id']}/{row.get('key', row['number'])}/{col['numerator']}")
                    d = count(values, f"tbl/{table['id']}/{row.get('key', row['number'])}/{col['denominator']}")
                    # An empty count is not 0: no ratio, as in the editor.
                    want = n / d if d and n is not None else None
                    got = wc.cell(r, 3 + i).value
                    check((got is None and want is None) or (got is not None and want is not None and abs(got - want) < 1e-12),
                          f"xlsx: cached ratio {got} != {want}")
                else:
                    check((cell.value or "") == values.get(key, ""), f"xlsx: {key} text")
                    check(cell.data_type == "s" or cell.value is None, f"xlsx: {key} is a string")
        if "totals" in table:
            r = first + len(rows)
            sums = totals(report, table, rows)
            check(ws.cell(r, 1).value == table["totals"]["label"], f"xlsx: {table['id']} totals label")
            for i, col in enumerate(table["columns"]):
                if col["type"] == "integer":
                    letter = col_letter[col["id"]]
                    check(ws.cell(r, 3 + i).value == f"=SUM({letter}{first}:{letter}{r - 1})", f"xlsx: SUM formula")
                    check(wc.cell(r, 3 + i).value == sums[col["id"]], f"xlsx: cached sum {col['id']}")


def check_district(docx_path, report):
    d = docx.Document(docx_path)
    for index, table in enumerate(report["template"]["tables"]):
        t = d.tables[2 + index]
        numbers = [r.cells[0].text for r in t.rows[1:-1] if r.cells[0].text not in ("STT",)]
        want = [r["number"] for r in printed_rows(report, table)]
        check(numbers == want, f"docx: {table['id']} prints the catalog's numbers {numbers} != {want}")


HOSTILE_LONG = "Dữ liệu <&> " * 834  # 10,008 characters
HOSTILE = {
    "header/supervising_body": "UBND <TỈNH> & \"X\"",
    "sec/ecosystem/order": "h1,h2,h3",
    "sec/ecosystem/h1/text": "A B \ufffe C 😀👍🏽 <w:p/>",
    "sec/ecosystem/h2/text": HOSTILE_LONG,
    "sec/ecosystem/h3/text": "=cmd|' /C calc'!A0",
    "tbl/dvc25/1/difficulties": "=cmd|' /C calc'!A0",
    "tbl/dvc25/2/difficulties": "+SUM(A1:A2)",
    "tbl/dvc25/3/difficulties": "@SUM(1)",
    "tbl/dvc25/4/difficulties": "-2+3",
}


def check_hostile(out_dir, sample):
    report = copy.deepcopy(sample)
    report["values"].update(HOSTILE)
    report["uuid"] = "00000000-0000-4000-8000-000000000001"
    report["changes"] = []
    path = os.path.join(out_dir, "hostile.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False)
    docx_path, xlsx_path = export(path, out_dir, "hostile")
    d = docx.Document(docx_path)
    texts = [p.text for p in d.paragraphs]
    check("A B  C 😀👍🏽 <w:p/>" in texts, "hostile: a noncharacter dropped, the rest kept")
    # Control characters are refused before anything is written.
    report["values"]["sec/ecosystem/h1/text"] = "A\u0001\u0002\u001b B"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False)
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("DISPLAY", None)
    refused = subprocess.run([BIN, "export", path, "--docx", os.path.join(out_dir, "refused.docx")],
                             env=env, capture_output=True, text=True)
    check(refused.returncode == 3 and "control character" in refused.stderr
          and not os.path.exists(os.path.join(out_dir, "refused.docx")),
          f"hostile: control characters refused ({refused.returncode}: {refused.stderr.strip()})")
    check(HOSTILE_LONG.strip() in texts, "hostile: 10,000-character paragraph intact")
    check("=cmd|' /C calc'!A0" in texts, "hostile: formula text in the document")
    check(d.tables[0].cell(0, 0).text.startswith("UBND <TỈNH> & \"X\""), "hostile: metacharacters in the header")
    wb = openpyxl.load_workbook(xlsx_path)
    ws = wb.worksheets[0]
    found = {}
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value in HOSTILE.values():
                found[cell.value] = cell.data_type
    for text in ("=cmd|' /C calc'!A0", "+SUM(A1:A2)", "@SUM(1)", "-2+3"):
        check(found.get(text) == "s", f"hostile: {text!r} stays text in the sheet ({found.get(text)})")


def main():
    with open(os.path.join(DATA, "samples", "province-2024-05.json"), encoding="utf-8") as f:
        province = json.load(f)
    with open(os.path.join(DATA, "samples", "district-2024-06.json"), encoding="utf-8") as f:
        district = json.load(f)
    with tempfile.TemporaryDirectory(prefix="baocao-readback-") as out:
        docx_path, xlsx_path = export(os.path.join(DATA, "samples", "province-2024-05.json"), out, "province")
        check_docx_province(docx_path, province)
        check_xlsx(xlsx_path, province)
        docx_path, xlsx_path = export(os.path.join(DATA, "samples", "district-2024-06.json"), out, "district")
        check_district(docx_path, district)
        check_xlsx(xlsx_path, district)
        check_hostile(out, province)
    if failures:
        print(f"{len(failures)} checks failed")
        return 1
    print(f"all {checked[0]} read-back checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
