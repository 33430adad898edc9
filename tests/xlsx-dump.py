#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Prints an XLSX as openpyxl reads it, for tests written in C: the sheet
# names on the first line ("|"-separated), then the first ROWS rows of
# SHEET, one a line, cells tab-separated (empty for a blank cell).
# Usage: xlsx-dump.py FILE SHEET ROWS. Exit 77 when openpyxl is missing.
import sys

try:
    import openpyxl
except ImportError:
    print("openpyxl is not installed", file=sys.stderr)
    sys.exit(77)

book = openpyxl.load_workbook(sys.argv[1])
print("|".join(book.sheetnames))
sheet = book[sys.argv[2]]
for row in sheet.iter_rows(min_row=1, max_row=int(sys.argv[3]), values_only=True):
    print("\t".join("" if v is None else str(v) for v in row).rstrip("\t"))
