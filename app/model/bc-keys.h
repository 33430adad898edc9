/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-keys.h"
#include "bc-types.h"

G_BEGIN_DECLS

/* The value keys of a report (grammar in bc-report.h): the one place that
 * splits, builds, labels and orders them. Comment targets and finding
 * locations use the same keys, plus the shorter ones naming a whole
 * section ("sec/<section>"), item ("sec/<section>/<item>"), table
 * ("tbl/<table>") or row ("tbl/<table>/<row>"). */

typedef enum
{
  BC_KEY_NONE,              /* NULL or "": the whole report */
  BC_KEY_META,              /* meta/<field> */
  BC_KEY_HEADER,            /* header/<field> */
  BC_KEY_SECTION,           /* sec/<section> */
  BC_KEY_SECTION_PART,      /* sec/<section>/<part>, a part of bc_key_section_parts() */
  BC_KEY_ITEM,              /* sec/<section>/<item> */
  BC_KEY_ITEM_FIELD,        /* sec/<section>/<item>/<field> */
  BC_KEY_FIGURE,            /* fig/<figure> */
  BC_KEY_FIGURE_DENOMINATOR,/* fig/<figure>/den */
  BC_KEY_TABLE,             /* tbl/<table> */
  BC_KEY_ROW,               /* tbl/<table>/<row> */
  BC_KEY_CELL,              /* tbl/<table>/<row>/<column>, …/applies, …/note */
  BC_KEY_EXPLANATION,       /* expl/<finding id>; the id may hold "/" */
  BC_KEY_OTHER,             /* none of these */
  BC_KEY_COLUMN_TOTAL,      /* tbl/<table>/<column>: only from bc_key_parse_column_total() */
} BcKeyKind;

/* A key taken apart. The strings point into a copy the key owns; absent
 * components are %NULL. */
typedef struct
{
  BcKeyKind   kind;
  const char *prefix;   /* "meta", "header", "sec", "fig", "tbl", "expl"… */
  const char *id;       /* the field, section, figure or table; expl: the finding id */
  const char *sub;      /* the section part or item, "den", the row */
  const char *field;    /* the item's field, the column, "applies", "note" */
  guint       n_parts;  /* components between slashes (expl: 2) */
  /*< private >*/
  char       *buffer;
} BcKey;

#define BC_KEY_INIT { BC_KEY_NONE, NULL, NULL, NULL, NULL, 0, NULL }

/* A reference in a paragraph to one of the report's numbers: "{{KEY}}"
 * or "{{KEY|P}}", P the decimals of a ratio, 0 to
 * %BC_KEY_REF_MAX_DECIMALS (bc-refs.h prints them). */
#define BC_KEY_REF_OPEN          "{{"
#define BC_KEY_REF_CLOSE         "}}"
#define BC_KEY_REF_MAX_DECIMALS  2

BcKeyKind           bc_key_parse                 (BcKey        *key,
                                                  const char   *text);
gboolean            bc_key_parse_column_total    (BcKey        *key,
                                                  const char   *text);
void                bc_key_clear                 (BcKey        *key);
BcKeyKind           bc_key_get_kind              (const char   *text);
char               *bc_key_dup_group             (const char   *text);
char               *bc_key_dup_parent            (const char   *text);
gboolean            bc_key_id_is_valid           (const char   *id);

char               *bc_key_meta                  (const char   *field);
char               *bc_key_header                (const char   *field);
char               *bc_key_section               (const char   *section);
char               *bc_key_section_part          (const char   *section,
                                                  const char   *part);
char               *bc_key_item                  (const char   *section,
                                                  const char   *item);
char               *bc_key_item_field            (const char   *section,
                                                  const char   *item,
                                                  const char   *field);
char               *bc_key_figure                (const char   *figure,
                                                  gboolean      denominator);
char               *bc_key_table                 (const char   *table);
char               *bc_key_row                   (const char   *table,
                                                  const char   *row);
char               *bc_key_cell                  (const char   *table,
                                                  const char   *row,
                                                  const char   *column);
char               *bc_key_column_total          (const char   *table,
                                                  const char   *column);
char               *bc_key_figure_ratio          (const char   *figure);
char               *bc_key_explanation           (const char   *finding_id);

const char         *bc_key_ref_find              (const char   *from,
                                                  const char  **end,
                                                  char        **key,
                                                  int          *decimals);
char               *bc_key_ref                   (const char   *key,
                                                  int           decimals);

const char * const *bc_key_header_fields         (void);
const char * const *bc_key_item_fields           (BcSectionKind kind);
const char * const *bc_key_section_parts         (void);
gboolean            bc_key_is_multiline          (const char   *text);
gboolean            bc_key_is_date               (const char   *text);
const char * const *bc_key_header_meta_fields    (void);
const char         *bc_key_header_field_label    (const char   *field);
const char         *bc_key_header_field_noun     (const char   *field);
const char         *bc_key_item_field_label      (const char   *field);
const char         *bc_key_status_label          (const char   *status);

char               *bc_key_describe              (BcReport     *report,
                                                  const char   *text);
char               *bc_key_describe_value        (BcReport     *report,
                                                  const char   *text,
                                                  const char   *value);
char               *bc_key_describe_part         (BcReport     *report,
                                                  const char   *text);
int                 bc_key_compare               (BcReport     *report,
                                                  const char   *a,
                                                  const char   *b);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BcKey, bc_key_clear)

G_END_DECLS
