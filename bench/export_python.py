#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The yardstick for bench/export-bench: the same report written with
# python-docx and openpyxl — the same paragraphs, header and closing tables,
# landscape appendix sections with merged two-level headers, and the same
# sheets with formulas, merges, number formats and print setup. Prints the
# median milliseconds: "docx <ms>" and "xlsx <ms>".
#
#   bench/export_python.py [REPORT.json [RUNS]]

import datetime
import os
import statistics
import sys
import tempfile
import time
import json

import docx
import openpyxl
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter


def vn_int(n):
    return f"{n:,}".replace(",", ".")


def vn_percent(num, den):
    text = f"{num * 100 / den:.2f}".replace(".", ",")
    return text[:-3] + "%" if text.endswith(",00") else text + "%"


def count(values, key):
    v = values.get(key, "")
    return int(v) if v.isdigit() else None


def flatten(rows, out):
    for row in rows:
        out.append(row)
        flatten(row.get("children", []), out)
    return out


def printed_rows(report, table):
    values = report["values"]
    default = set(table["applicable"]) if "applicable" in table else None

    def applies(row):
        key = row.get("key", row["number"])
        v = values.get(f"tbl/{table['id']}/{key}/applies")
        return v == "1" if v else default is None or key in default
    return [r for r in flatten(table["rows"], []) if r.get("heading") or applies(r)]


# DOCX

def paragraph(doc, text, bold=False, italic=False, size=None, align=None, style=None):
    p = doc.add_paragraph(style=style)
    run = p.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    if size:
        run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    return p


def header_block(doc, h):
    table = doc.add_table(rows=2, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.text = h.get("header/supervising_body", "")
    left.add_paragraph().add_run(h.get("header/issuing_body", "")).bold = True
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    table.cell(1, 0).text = f"Số: {h.get('header/number', '')}/{h.get('header/symbol', '')}"
    table.cell(1, 1).paragraphs[0].add_run(f"{h.get('header/place', '')}, ngày ...").italic = True
    for cell in (left, right, table.cell(1, 0), table.cell(1, 1)):
        for p in cell.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def section_body(doc, report, section, depth=0):
    values = report["values"]
    title = section["title"].upper() if depth == 0 else section["title"]
    paragraph(doc, f"{section['number']} {title}", bold=True, italic=depth >= 2)
    if section.get("intro"):
        paragraph(doc, section["intro"], style="Body Text")
    order = [i for i in values.get(f"sec/{section['id']}/order", "").split(",") if i]
    for figure in section.get("figures", []):
        v = count(values, f"fig/{figure['id']}")
        if v is None:
            continue
        p = doc.add_paragraph(style="Body Text")
        p.add_run(f"- {figure['label']}: ")
        p.add_run(vn_int(v)).bold = True
        den = count(values, f"fig/{figure['id']}/den")
        if den:
            p.add_run("/")
            p.add_run(vn_int(den)).bold = True
            p.add_run(f" {figure['unit']}, đạt ")
            p.add_run(vn_percent(v, den)).bold = True
        else:
            p.add_run(f" {figure['unit']}")
        p.add_run(".")
    for item in order:
        get = lambda f: values.get(f"sec/{section['id']}/{item}/{f}", "")
        if section["kind"] == "documents":
            paragraph(doc, f"- {get('type')} số {get('number')} ngày {get('date')} về việc {get('summary')}.",
                      style="Body Text")
        elif section["kind"] == "tasks":
            paragraph(doc, f"(1) {get('content')}", style="Body Text")
            for label, f in (("Cơ quan chủ trì", "lead"), ("Cơ quan phối hợp", "cooperating"),
                             ("Thời gian thực hiện", "deadline")):
                paragraph(doc, f"- {label}: {get(f)}", style="Body Text")
        else:
            prefix = {"1": "- ", "2": "+ "}.get(get("level"), "")
            for line in get("text").split("\n"):
                paragraph(doc, prefix + line, style="Body Text")
    for child in section.get("children", []):
        section_body(doc, report, child, depth + 1)


def appendix(doc, report, table):
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    paragraph(doc, table["title"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(doc, table.get("caption", ""), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(doc, "(Kèm theo Báo cáo số ...)", italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    columns = table["columns"]
    rows = printed_rows(report, table)
    t = doc.add_table(rows=2 + len(rows) + 1, cols=2 + len(columns))
    t.style = "Table Grid"
    hdr, sub = t.rows[0].cells, t.rows[1].cells
    hdr[0].text, hdr[1].text = "STT", "Tên thủ tục hành chính"
    hdr[0].merge(sub[0])
    hdr[1].merge(sub[1])
    i = 0
    while i < len(columns):
        group = columns[i].get("group")
        j = i
        while j + 1 < len(columns) and group and columns[j + 1].get("group") == group:
            j += 1
        if group:
            hdr[2 + i].merge(hdr[2 + j]).text = group
            for k in range(i, j + 1):
                sub[2 + k].text = columns[k]["label"]
        else:
            hdr[2 + i].merge(sub[2 + i]).text = columns[i]["label"]
        i = j + 1
    values = report["values"]
    sums = {c["id"]: 0 for c in columns}
    for r, row in enumerate(rows):
        cells = t.rows[2 + r].cells
        cells[0].text = row["number"]
        if row.get("heading"):
            cells[1].merge(cells[-1]).text = row["label"]
            continue
        cells[1].text = row["label"]
        key = row.get("key", row["number"])
        for c, col in enumerate(columns):
            v = values.get(f"tbl/{table['id']}/{key}/{col['id']}", "")
            if col["type"] == "integer":
                sums[col["id"]] += int(v) if v else 0
                cells[2 + c].text = vn_int(int(v)) if v else ""
                cells[2 + c].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif col["type"] == "computed":
                num = count(values, f"tbl/{table['id']}/{key}/{col['numerator']}") or 0
                den = count(values, f"tbl/{table['id']}/{key}/{col['denominator']}")
                cells[2 + c].text = vn_percent(num, den) if den else "-"
            else:
                cells[2 + c].text = v
    last = t.rows[-1].cells
    last[0].merge(last[1]).text = "Tổng"
    for c, col in enumerate(columns):
        if col["type"] == "integer":
            last[2 + c].text = vn_int(sums[col["id"]])


def write_docx(report, path):
    doc = docx.Document()
    values = report["values"]
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    header_block(doc, values)
    paragraph(doc, values.get("header/doc_type", ""), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(doc, values.get("header/summary", ""), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for line in values.get("header/recipients", "").split("\n"):
        paragraph(doc, f"- {line};")
    for line in values.get("header/legal_basis", "").split("\n"):
        paragraph(doc, line, style="Body Text")
    for s in report["template"]["sections"]:
        section_body(doc, report, s)
    closing = doc.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "Nơi nhận:"
    for line in values.get("header/cc", "").split("\n"):
        closing.cell(0, 0).add_paragraph(f"- {line};")
    closing.cell(0, 1).text = f"{values.get('header/signer_authority', '')} {values.get('header/signer_authority_title', '')}"
    closing.cell(0, 1).add_paragraph(values.get("header/signer_title", ""))
    closing.cell(0, 1).add_paragraph(values.get("header/signer_name", ""))
    for table in report["template"].get("tables", []):
        appendix(doc, report, table)
    doc.core_properties.title = values.get("header/summary", "")
    doc.core_properties.author = values.get("header/issuing_body", "")
    doc.core_properties.created = datetime.datetime(2024, 5, 24, 8)
    doc.save(path)


# XLSX

def write_xlsx(report, path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    values = report["values"]
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font, bold = Font(name="Times New Roman", size=12), Font(name="Times New Roman", size=12, bold=True)
    wrap = Alignment(wrap_text=True, vertical="center")
    for table in report["template"].get("tables", []):
        ws = wb.create_sheet(table["title"][:31])
        columns = table["columns"]
        n = 2 + len(columns)
        for r, text in enumerate((table["title"], table.get("caption", ""), "(Kèm theo Báo cáo số ...)"), start=1):
            ws.cell(r, 1, text).font = bold
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
        ws.cell(5, 1, "STT")
        ws.cell(5, 2, "Tên thủ tục hành chính")
        ws.merge_cells("A5:A6")
        ws.merge_cells("B5:B6")
        i = 0
        while i < len(columns):
            group = columns[i].get("group")
            j = i
            while j + 1 < len(columns) and group and columns[j + 1].get("group") == group:
                j += 1
            if group:
                ws.cell(5, 3 + i, group)
                ws.merge_cells(start_row=5, start_column=3 + i, end_row=5, end_column=3 + j)
                for k in range(i, j + 1):
                    ws.cell(6, 3 + k, columns[k]["label"])
            else:
                ws.cell(5, 3 + i, columns[i]["label"])
                ws.merge_cells(start_row=5, start_column=3 + i, end_row=6, end_column=3 + i)
            i = j + 1
        letter = {c["id"]: get_column_letter(3 + i) for i, c in enumerate(columns)}
        rows = printed_rows(report, table)
        first = 7
        for offset, row in enumerate(rows):
            r = first + offset
            ws.cell(r, 1, int(row["number"]) if row["number"].isdigit() else row["number"])
            if row.get("heading"):
                ws.cell(r, 2, row["label"]).font = bold
                ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=n)
                continue
            ws.cell(r, 2, row["label"])
            key = row.get("key", row["number"])
            for c, col in enumerate(columns):
                cell = ws.cell(r, 3 + c)
                v = values.get(f"tbl/{table['id']}/{key}/{col['id']}", "")
                if col["type"] == "integer":
                    cell.value = int(v) if v else None
                    cell.number_format = "#,##0"
                elif col["type"] == "computed":
                    den, num = letter[col["denominator"]], letter[col["numerator"]]
                    cell.value = f'=IF(OR({den}{r}=0,{num}{r}=""),"",{num}{r}/{den}{r})'
                    cell.number_format = "0.00%"
                else:
                    cell.value = v or None
                    cell.data_type = "s"
        total_row = first + len(rows)
        ws.cell(total_row, 1, "Tổng").font = bold
        ws.merge_cells(start_row=total_row, start_column=1, end_row=total_row, end_column=2)
        for c, col in enumerate(columns):
            if col["type"] == "integer":
                ws.cell(total_row, 3 + c, f"=SUM({letter[col['id']]}{first}:{letter[col['id']]}{total_row - 1})")
        for row in ws.iter_rows(min_row=5, max_row=total_row, max_col=n):
            for cell in row:
                cell.border, cell.alignment = border, wrap
                if cell.font != bold:
                    cell.font = font
        ws.freeze_panes = f"A{first}"
        ws.print_title_rows = "5:6"
        ws.page_setup.orientation, ws.page_setup.paperSize = "landscape", 9
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    wb.properties.title = values.get("header/summary", "")
    wb.properties.creator = values.get("header/issuing_body", "")
    wb.properties.created = datetime.datetime(2024, 5, 24, 8)
    wb.save(path)


def median_ms(write, report, path, runs):
    write(report, path)  # warm-up, not counted
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        write(report, path)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    sample = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "data", "samples", "province-2024-05.json")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    with open(sample, encoding="utf-8") as f:
        report = json.load(f)
    with tempfile.TemporaryDirectory(prefix="baocao-bench-py-") as out:
        print(f"docx {median_ms(write_docx, report, os.path.join(out, 'report.docx'), runs):.2f}")
        print(f"xlsx {median_ms(write_xlsx, report, os.path.join(out, 'report.xlsx'), runs):.2f}")


if __name__ == "__main__":
    main()
