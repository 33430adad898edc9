#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# LibreOffice, headless, opens what Baocao writes: the DOCX converts to a
# PDF with the expected pages (page 1 without a number, every other page
# numbered in the top margin, each appendix starting a landscape page) and
# every sheet of the XLSX converts to CSV with the sample's totals.
#
# Environment: BAOCAO_BIN, BAOCAO_DATADIR. Exit 77 (skipped) without
# soffice or poppler-utils. When CI is set, that is a failure.

import csv
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

BIN = os.environ["BAOCAO_BIN"]
DATA = os.environ["BAOCAO_DATADIR"]
SAMPLE = os.path.join(DATA, "samples", "province-2024-05.json")
TIMEOUT = 120
# The sample's body takes 9 to 11 pages and its two appendices 7 to 9,
# depending on the fonts standing in for Times New Roman.
PAGES = range(16, 21)
failures = []


def missing(what):
    """A reader or tool the test needs is missing: skipped (exit 77) on a
    developer's machine, a failure when CI is set, where nothing may skip."""
    if os.environ.get("CI"):
        print(f"FAIL: {what}; it is required when CI is set")
        sys.exit(1)
    print(f"SKIP: {what}")
    sys.exit(77)


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}")


def soffice(profile, out_dir, convert_to, path):
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", convert_to, "--outdir", out_dir, path],
                   check=True, timeout=TIMEOUT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def page_text(pdf, page):
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-"],
                          check=True, capture_output=True, text=True).stdout


def page_is_landscape(pdf, page):
    info = subprocess.run(["pdfinfo", "-f", str(page), "-l", str(page), pdf],
                          check=True, capture_output=True, text=True).stdout
    w, h = re.search(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info).groups()
    return float(w) > float(h)


def check_pdf(pdf):
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages: +(\d+)", info).group(1))
    check(pages in PAGES, f"pdf: {pages} pages, expected {PAGES.start}–{PAGES.stop - 1}")
    first = [l.strip() for l in page_text(pdf, 1).splitlines() if l.strip()]
    check(not first[0].isdigit(), f"pdf: page 1 starts with a page number: {first[0]!r}")
    check("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first[0], "pdf: page 1 starts with the header block")
    appendix_pages = []
    for page in range(2, pages + 1):
        lines = [l.strip() for l in page_text(pdf, page).splitlines() if l.strip()]
        check(lines and lines[0] == str(page), f"pdf: page {page} is numbered at the top")
        if any(l.startswith("Phụ lục ") for l in lines[:3]):
            appendix_pages.append(page)
            check(page_is_landscape(pdf, page), f"pdf: appendix page {page} is landscape")
    check(len(appendix_pages) == 2, f"pdf: two appendices start a page ({appendix_pages})")
    if appendix_pages:
        check(not page_is_landscape(pdf, appendix_pages[0] - 1), "pdf: the body is portrait")
        check(all(page_is_landscape(pdf, p) for p in range(appendix_pages[0], pages + 1)),
              "pdf: every appendix page is landscape")


def number(text):
    return int(re.sub(r"[.,\s]", "", text)) if re.fullmatch(r"[\d.,\s]+", text or "") else None


def check_csv(out_dir):
    files = sorted(glob.glob(os.path.join(out_dir, "report*.csv")))
    check(len(files) == 4, f"csv: one file per sheet ({files})")
    totals = {}
    # The plain sheets for upload: one row per catalog item, no totals.
    uploads = [p for p in files if p.endswith(" (tải lên).csv")]
    check(len(uploads) == 2, f"csv: the upload sheets ({files})")
    for path in uploads:
        with open(path, encoding="utf-8") as f:
            rows = list(csv.reader(f))
        check(rows and rows[0][:2] == ["Mã", "STT"] and not any(r and r[0] == "Tổng" for r in rows),
              f"csv: {os.path.basename(path)} is not one header row and the items")
    for path in [p for p in files if p not in uploads]:
        with open(path, encoding="utf-8") as f:
            rows = list(csv.reader(f))
        total = [r for r in rows if r and r[0] == "Tổng"]
        check(len(total) == 1, f"csv: {os.path.basename(path)} has a totals row")
        if total:
            totals[os.path.basename(path)] = [number(c) for c in total[0][3:8]]
    # Phụ lục II of the sample: received, online, ratio, on time, overdue
    check(any(t[:2] == [56613, 52000] and t[3:] == [52122, 3968] for t in totals.values()),
          f"csv: the totals of Phụ lục II ({totals})")


def main():
    for tool in ("soffice", "pdftotext", "pdfinfo"):
        if shutil.which(tool) is None:
            missing(f"{tool} is not installed (libreoffice-writer-nogui, libreoffice-calc-nogui, poppler-utils)")
    with tempfile.TemporaryDirectory(prefix="baocao-lo-") as out:
        profile = os.path.join(out, "profile")
        docx = os.path.join(out, "report.docx")
        xlsx = os.path.join(out, "report.xlsx")
        env = dict(os.environ, SOURCE_DATE_EPOCH="1716537600", LC_ALL="C.UTF-8")
        subprocess.run([BIN, "export", SAMPLE, "--docx", docx, "--xlsx", xlsx], env=env, check=True)
        soffice(profile, out, "pdf", docx)
        check_pdf(os.path.join(out, "report.pdf"))
        # Every sheet, UTF-8, comma-separated (LibreOffice 7.2+: sheet -1)
        soffice(profile, out, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", xlsx)
        check_csv(out)
    if failures:
        print(f"{len(failures)} checks failed")
        return 1
    print("LibreOffice opened the DOCX and the XLSX")
    return 0


if __name__ == "__main__":
    sys.exit(main())
