/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How big a report may be. A real office's report has some 30 sections,
 * appendix tables of at most 100 rows and 10 columns, paragraphs of a few
 * KB and a few thousand changes: every limit is far above that, and low
 * enough that a file past one is refused in well under a second, with
 * memory bounded, before it is parsed or read row by row. Documented in
 * README.md, docs/interchange-format.md and docs/template-format.md: keep
 * them in step. */

/* A report file (.baocao) or interchange JSON file, in bytes. */
#define BC_LIMIT_FILE_SIZE   (64 * 1024 * 1024)

/* Items of a JSON file — values, array elements and the objects and
 * arrays that hold them — counted before parsing: what the parser's time
 * and memory grow with, far more than with bytes. */
#define BC_LIMIT_JSON_ITEMS  1000000

/* One value or any other text of a report, in bytes of UTF-8. */
#define BC_LIMIT_TEXT_LENGTH (64 * 1024)

/* One line of an office profile (its unit, a title, a name), in bytes of
 * UTF-8; its lists (Kính gửi, Nơi nhận) take BC_LIMIT_TEXT_LENGTH. */
#define BC_LIMIT_LINE_LENGTH 1000

/* Office profiles in one library: a province's own and its districts'. */
#define BC_LIMIT_OFFICES     1000

/* A comment or a reason typed in, in characters: within the above. */
#define BC_LIMIT_COMMENT_LENGTH 20000

/* In one report. */
#define BC_LIMIT_VALUES      50000
#define BC_LIMIT_CHANGES     50000
#define BC_LIMIT_COMMENTS    10000
#define BC_LIMIT_STATUS_LOG  1000

/* In one template: its text (catalogs resolved), then its parts. */
#define BC_LIMIT_TEMPLATE_SIZE (1024 * 1024)
#define BC_LIMIT_SECTIONS    1000    /* nested ones included */
#define BC_LIMIT_FIGURES     1000
#define BC_LIMIT_TABLES      50
#define BC_LIMIT_ROWS        2000    /* of one table, child rows included */
#define BC_LIMIT_COLUMNS     100     /* of one table */
#define BC_LIMIT_RULES       1000

G_END_DECLS
