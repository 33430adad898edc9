#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Prints a DOCX as python-docx reads it, for tests written in C: each
# body paragraph on a line, then each table, a row a line, its cells
# tab-separated (a merged cell once), after a line "== TABLE n". Exit 77
# when python-docx is missing.
import sys

try:
    import docx
except ImportError:
    print("python-docx is not installed", file=sys.stderr)
    sys.exit(77)

document = docx.Document(sys.argv[1])
for paragraph in document.paragraphs:
    print(paragraph.text)
for n, table in enumerate(document.tables):
    print(f"== TABLE {n}")
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if not cells or cell._tc is not cells[-1][0]:
                cells.append((cell._tc, cell.text))
        print("\t".join(text for _, text in cells))
