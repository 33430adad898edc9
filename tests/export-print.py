#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The appendices as they print and as upload systems read them:
#   - titles: numbered by the template ("Phụ lục 01", "Phụ lục II"), the
#     template's caption and its own period line, in the DOCX and the XLSX;
#     sheet names unique and meaningful, never "Phụ lục (2)";
#   - keep-together: a paragraph ending in ":" stays with what it
#     introduces; a table's last rows stay with its totals (DOCX
#     keepNext; XLSX page breaks, checked in LibreOffice's PDF for every
#     number of rows from 6 to 25), the signature and "Nơi nhận" in one
#     row that cannot split;
#   - XLSX print setup: A4 landscape, no text under 10 pt (the scale read
#     back, and the glyphs measured in LibreOffice's PDF), header rows
#     repeated, every column on the page; a table with many columns too;
#   - the plain upload sheet of each table: one header row, one row per
#     catalog item with its code, numbers as numbers, no merged cell.
#
# Environment: BAOCAO_BIN, BAOCAO_DATADIR. Exit 77 (skipped) without the
# readers or LibreOffice; a failure when CI is set.

import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

BIN = os.environ["BAOCAO_BIN"]
DATA = os.environ["BAOCAO_DATADIR"]
EPOCH = "1716537600"
NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
W = "{%s}" % NS["w"]
failures = []


def missing(what):
    if os.environ.get("CI"):
        print(f"FAIL: {what}; it is required when CI is set")
        sys.exit(1)
    print(f"SKIP: {what}")
    sys.exit(77)


try:
    import docx
    import openpyxl
except ImportError as e:
    missing(f"{e} (install python3-docx and python3-openpyxl)")


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}")


def sample(name):
    with open(os.path.join(DATA, "samples", name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def export(report, out_dir, stem, docx_out=True):
    path = os.path.join(out_dir, stem + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False)
    args = [BIN, "export", path, "--xlsx", os.path.join(out_dir, stem + ".xlsx")]
    if docx_out:
        args += ["--docx", os.path.join(out_dir, stem + ".docx")]
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, LC_ALL="C.UTF-8")
    env.pop("DISPLAY", None)
    subprocess.run(args, env=env, check=True)
    return os.path.join(out_dir, stem + ".docx"), os.path.join(out_dir, stem + ".xlsx")


def paragraph_texts(document):
    return [p.text for p in document.paragraphs]


# ---------------------------------------------------------------- titles

def check_titles(district_docx, district_xlsx, province_docx, province_xlsx):
    texts = paragraph_texts(docx.Document(district_docx))
    for title, caption in (("Phụ lục 01", "KẾT QUẢ TRIỂN KHAI DỊCH VỤ CÔNG THIẾT YẾU THEO ĐỀ ÁN 06"),
                           ("Phụ lục 02", "KẾT QUẢ TRIỂN KHAI DVC THEO QUYẾT ĐỊNH 422/QĐ-TTg ngày 04/04/2022")):
        check(title in texts, f"district DOCX: no heading {title!r}")
        if title in texts:
            i = texts.index(title)
            check(texts[i + 1:i + 3] == [caption, "(Từ ngày 15/5/2024 đến 14/6/2024)"],
                  f"district DOCX: {title} is followed by {texts[i + 1:i + 3]}")
            check(texts[i + 3].startswith("(Kèm theo Báo cáo số 254/BC-TCTĐA06"),
                  f"district DOCX: {title}: no attachment line after the period line")
    check("Phụ lục" not in texts, "district DOCX: an appendix is titled just “Phụ lục”")
    texts = paragraph_texts(docx.Document(province_docx))
    for title in ("Phụ lục II", "Phụ lục III"):
        check(title in texts, f"province DOCX: no heading {title!r}")
        if title in texts:
            check(texts[texts.index(title) + 2].startswith("(Kèm theo"),
                  f"province DOCX: {title}: a period line the template does not ask for")

    names = openpyxl.load_workbook(district_xlsx).sheetnames
    check(names == ["Phụ lục 01", "Phụ lục 02", "Phụ lục 01 (tải lên)", "Phụ lục 02 (tải lên)"],
          f"district XLSX sheets: {names}")
    ws = openpyxl.load_workbook(district_xlsx)["Phụ lục 01"]
    check([ws.cell(r, 1).value for r in range(1, 4)]
          == ["Phụ lục 01", "KẾT QUẢ TRIỂN KHAI DỊCH VỤ CÔNG THIẾT YẾU THEO ĐỀ ÁN 06",
              "(Từ ngày 15/5/2024 đến 14/6/2024)"],
          f"district XLSX: title rows {[ws.cell(r, 1).value for r in range(1, 4)]}")
    names = openpyxl.load_workbook(province_xlsx).sheetnames
    check(names == ["Phụ lục II", "Phụ lục III", "Phụ lục II (tải lên)", "Phụ lục III (tải lên)"],
          f"province XLSX sheets: {names}")


def check_same_titles(out_dir):
    """Two appendices a template titles alike still get names that say
    what they hold."""
    report = sample("district-2024-06")
    del report["template"]["appendix_numbering"]
    for table in report["template"]["tables"]:
        table["title"] = "Phụ lục"
    _, xlsx = export(report, out_dir, "same-titles", docx_out=False)
    names = openpyxl.load_workbook(xlsx).sheetnames
    check(len({n.casefold() for n in names}) == len(names), f"same titles: sheet names not unique: {names}")
    check(not any(re.search(r"\(\d+\)$", n) for n in names), f"same titles: a numbered copy of a name: {names}")
    check(names[0] == "Phụ lục" and names[1].startswith("Phụ lục - KẾT QUẢ TRIỂN KHAI DV"),
          f"same titles: the second sheet is not named by its caption: {names}")
    check(all(len(n) <= 31 for n in names), f"same titles: a name longer than Excel's 31: {names}")


# ---------------------------------------------------------- keep together

def keeps_next(paragraph):
    ppr = paragraph.find("w:pPr", NS)
    return ppr is not None and ppr.find("w:keepNext", NS) is not None


def cell_text(cell):
    return "".join(t.text or "" for t in cell.iter(W + "t"))


def check_docx_keep(path, label):
    with zipfile.ZipFile(path) as z:
        root = __import__("xml.etree.ElementTree", fromlist=["x"]).fromstring(z.read("word/document.xml"))
    body = root.find("w:body", NS)
    tables = 0
    for tbl in body.iter(W + "tbl"):
        rows = tbl.findall("w:tr", NS)
        if not rows or cell_text(rows[-1].find("w:tc", NS)) != "Tổng":
            continue
        tables += 1
        for row in rows[-3:-1]:
            paras = list(row.iter(W + "p"))
            check(paras and all(keeps_next(p) for p in paras),
                  f"{label}: a row before the totals does not keep with the next")
        check(not any(keeps_next(p) for p in rows[-4].iter(W + "p")) or len(rows) < 6,
              f"{label}: rows far from the totals are kept together too")
    check(tables >= 2, f"{label}: {tables} appendix tables with totals")

    # "…, cụ thể:" stays on the page of what it introduces.
    # (a heading keeps with the next by its style)
    intros = [p for p in body.findall("w:p", NS) if cell_text(p).rstrip().endswith(":")
              and not (p.find("w:pPr/w:pStyle", NS) is not None
                       and p.find("w:pPr/w:pStyle", NS).get(W + "val", "").startswith("Heading"))]
    check(intros, f"{label}: no paragraph ends with “:”")
    loose = [cell_text(p)[:60] for p in intros if not keeps_next(p)]
    check(not loose, f"{label}: {len(loose)} intros may end a page alone: {loose[:2]}")

    # The closing: "Trên đây …" keeps with the block; the block is one row
    # that cannot split, "Nơi nhận" beside the signature.
    children = list(body)
    closing = [i for i, e in enumerate(children) if e.tag == W + "tbl"
               and "Nơi nhận:" in cell_text(e)]
    check(len(closing) == 1, f"{label}: {len(closing)} closing blocks")
    if closing:
        tbl = children[closing[0]]
        rows = tbl.findall("w:tr", NS)
        check(len(rows) == 1 and rows[0].find("w:trPr/w:cantSplit", NS) is not None,
              f"{label}: the signature block may split across pages")
        check(all(keeps_next(children[i]) for i in (closing[0] - 2, closing[0] - 1)),
              f"{label}: the closing sentence does not keep with the signature")


def soffice(profile, out_dir, paths):
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", out_dir, *paths],
                   check=True, timeout=200, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def pdf_pages(pdf):
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")


DATA_ROW = re.compile(r"^\s*\d+(\.\d+)?\s{2,}\S", re.M)
TOTALS_ROW = re.compile(r"^\s*Tổng\s{2,}[\d.,]+", re.M)


def totals_page_rows(pages):
    """Data rows printed on the page of each totals row."""
    return [len(DATA_ROW.findall(p)) for p in pages if TOTALS_ROW.search(p)]


def applying(report, table, n):
    """The report with only the first @n items of @table applying."""
    variant = copy.deepcopy(report)
    tdef = next(t for t in variant["template"]["tables"] if t["id"] == table)
    items = [r for r in flatten(tdef["rows"]) if not r.get("heading")]
    for i, item in enumerate(items):
        variant["values"][f"tbl/{table}/{key(item)}/applies"] = "1" if i < n else "0"
    return variant


def key(row):
    """A catalog row's key: its number unless it names one."""
    return row.get("key", row["number"])


def flatten(rows):
    for row in rows:
        yield row
        yield from flatten(row.get("children", []))


# ------------------------------------------------------------- printing

FONT_HEIGHT = 1.296   # pdftotext's word box per point of Liberation Serif


def print_sheets(wb):
    return [ws for ws in wb.worksheets if not ws.title.endswith("(tải lên)") and ws.title != "Xu hướng"]


def check_page_setup(path, label):
    wb = openpyxl.load_workbook(path)
    for ws in print_sheets(wb):
        setup = ws.page_setup
        scale = setup.scale or 100
        fit = ws.sheet_properties.pageSetUpPr
        check(setup.paperSize == 9, f"{label} {ws.title}: paper {setup.paperSize}, not A4")
        check(setup.orientation == "landscape", f"{label} {ws.title}: {setup.orientation}")
        check(not (fit is not None and fit.fitToPage),
              f"{label} {ws.title}: fit to page, at whatever size it takes")
        sizes = {ws.cell(r, c).font.sz for r in range(1, ws.max_row + 1) for c in range(1, ws.max_column + 1)
                 if ws.cell(r, c).value is not None}
        check(min(sizes) * scale / 100 >= 10,
              f"{label} {ws.title}: {min(sizes)} pt at {scale} % prints under 10 pt")
        header = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "STT"]
        check(header and ws.print_title_rows is not None
              and ws.print_title_rows.startswith(f"${header[0]}:"),
              f"{label} {ws.title}: print titles {ws.print_title_rows}, header at {header}")


def check_printed_pdf(pdf, label, last_header):
    """Every page of the printed sheets has every column (the last one,
    @last_header) and no text under 10 pt; each totals row has at least 3
    rows above it on its page."""
    pages = pdf_pages(pdf)
    for i, page in enumerate(pages):
        if last_header and "STT" in page and "Mã " not in page:
            check(last_header in page, f"{label}: page {i + 1} lacks the column “{last_header}”")
    heights = word_heights(pdf, [i + 1 for i, p in enumerate(pages) if "STT" in p and "Mã " not in p])
    check(heights and min(heights) / FONT_HEIGHT >= 9.9,
          f"{label}: text printed at {min(heights) / FONT_HEIGHT:.1f} pt" if heights else f"{label}: no text")
    rows = totals_page_rows(pages)
    check(rows and all(n >= 3 for n in rows), f"{label}: rows on the totals' pages: {rows}")


def word_heights(pdf, pages):
    heights = []
    for page in pages:
        xml = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"],
                             check=True, capture_output=True, text=True).stdout
        for y0, y1 in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', xml):
            heights.append(float(y1) - float(y0))
    return heights


def wide_variant():
    """The province sample with ten more counts in Phụ lục II."""
    report = sample("province-2024-05")
    table = report["template"]["tables"][0]
    for i in range(10):
        table["columns"].append({"id": f"extra{i}", "label": f"Số liệu thêm {i + 1}", "type": "integer",
                                 "optional": True})
    return report


# ---------------------------------------------------------------- upload

def check_upload(path, report, label):
    wb = openpyxl.load_workbook(path)
    uploads = [ws for ws in wb.worksheets if ws.title.endswith(" (tải lên)")]
    check(len(uploads) == len(report["template"]["tables"]), f"{label}: {len(uploads)} upload sheets")
    for tdef, ws in zip(report["template"]["tables"], uploads):
        items = [r for r in flatten(tdef["rows"]) if not r.get("heading")]
        check(not ws.merged_cells.ranges, f"{label} {ws.title}: merged cells")
        header = [c.value for c in ws[1]]
        check(header[:4] == ["Mã", "STT", tdef.get("name_label", "Tên thủ tục hành chính"), "Áp dụng"],
              f"{label} {ws.title}: header {header[:4]}")
        check(len(header) == 5 + len(tdef["columns"]), f"{label} {ws.title}: {len(header)} columns")
        check(ws.max_row == 1 + len(items), f"{label} {ws.title}: {ws.max_row - 1} rows for {len(items)} items")
        check([ws.cell(r + 2, 1).value for r in range(len(items))] == [key(i) for i in items],
              f"{label} {ws.title}: the codes are not the catalog's")
        bold = [c.coordinate for row in ws.iter_rows() for c in row if c.font.b or c.border.left.style]
        check(not bold, f"{label} {ws.title}: styled cells {bold[:3]}")
        values = report["values"]
        for r, item in enumerate(items, start=2):
            for c, col in enumerate(tdef["columns"], start=5):
                cell = ws.cell(r, c).value
                raw = values.get(f"tbl/{tdef['id']}/{key(item)}/{col['id']}", "")
                applies = ws.cell(r, 4).value == 1
                if col["type"] == "integer" and applies and re.fullmatch(r"\d+", raw):
                    check(cell == int(raw), f"{label} {ws.title} {key(item)}/{col['id']}: {cell!r} ≠ {raw}")
                elif col["type"] in ("integer", "computed", "percent"):
                    check(cell is None or isinstance(cell, (int, float)),
                          f"{label} {ws.title} {key(item)}/{col['id']}: {cell!r} is not a number")


def main():
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        missing("soffice and pdftotext (LibreOffice, poppler-utils)")
    with tempfile.TemporaryDirectory(prefix="baocao-print-") as tmp:
        district = sample("district-2024-06")
        province = sample("province-2024-05")
        d_docx, d_xlsx = export(district, tmp, "district")
        p_docx, p_xlsx = export(province, tmp, "province")
        check_titles(d_docx, d_xlsx, p_docx, p_xlsx)
        check_same_titles(tmp)
        check_docx_keep(d_docx, "district DOCX")
        check_docx_keep(p_docx, "province DOCX")
        check_upload(d_xlsx, district, "district XLSX")
        check_upload(p_xlsx, province, "province XLSX")

        wide = wide_variant()
        _, w_xlsx = export(wide, tmp, "wide", docx_out=False)
        for path, label in ((d_xlsx, "district"), (p_xlsx, "province"), (w_xlsx, "wide")):
            check_page_setup(path, label)

        # Every number of rows: the totals never print with fewer than 3.
        variants = []
        for n in range(6, 26):
            _, path = export(applying(province, "dvc25", n), tmp, f"rows-{n:02d}", docx_out=False)
            variants.append(path)
        pdf_dir = os.path.join(tmp, "pdf")
        soffice(os.path.join(tmp, "profile"), pdf_dir, [p_xlsx, w_xlsx, *variants])
        check_printed_pdf(os.path.join(pdf_dir, "province.pdf"), "province XLSX", "Khó khăn")
        # Too wide for a page at 10 pt: printed on pages across, never smaller.
        check_printed_pdf(os.path.join(pdf_dir, "wide.pdf"), "wide XLSX", None)
        for path in variants:
            stem = os.path.splitext(os.path.basename(path))[0]
            pages = pdf_pages(os.path.join(pdf_dir, stem + ".pdf"))
            rows = totals_page_rows(pages)
            check(rows and all(n >= 3 for n in rows), f"{stem}: rows on the totals' pages: {rows}")
    if failures:
        print(f"{len(failures)} failures")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
