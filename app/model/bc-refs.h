/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-types.h"

G_BEGIN_DECLS

/* References in the text to the report's numbers, stored inline in a
 * paragraph as "{{KEY}}" or "{{KEY|P}}" (docs/interchange-format.md,
 * "References in text"; bc-keys.h reads and writes them):
 *   fig/ID             a key figure            1.234.567
 *   fig/ID/den         its denominator
 *   fig/ID/pct         figure / denominator    97,68%
 *   tbl/T/ROW/COL      a cell of an appendix   (a computed column: its ratio)
 *   tbl/T/total/COL    a column's total        (a computed column: the ratio of the totals)
 * P, 0 to 2, is the number of decimals a ratio prints ("|1": 97,7%); a
 * whole ratio prints without them (100%). The number is printed from the
 * data each time, so a sentence changes with its figure. */

typedef enum
{
  BC_REF_OK,
  BC_REF_EMPTY,      /* the number it cites is not filled in (or has no denominator) */
  BC_REF_UNKNOWN,    /* the template has no such figure, table, row or column */
} BcRefStatus;

/**
 * BcRef:
 * @start: byte offset of "{{" in the stored text
 * @end: byte offset after "}}"
 * @key: the cited key, without precision
 * @decimals: the "|P" precision, or -1 (2 decimals, a whole ratio without them)
 * @status: whether it could be printed
 * @printed: what is printed: "1.234.567", "97,7%", or "…" when it cannot be
 * @out_start: byte offset of @printed in the rendered text
 * @out_end: byte offset after it
 */
typedef struct
{
  gsize        start;
  gsize        end;
  char        *key;
  int          decimals;
  BcRefStatus  status;
  char        *printed;
  gsize        out_start;
  gsize        out_end;
} BcRef;

void        bc_ref_free          (BcRef        *ref);
GPtrArray  *bc_refs_find         (const char   *text);
char       *bc_refs_render       (BcReport     *report,
                                  const char   *text,
                                  GPtrArray   **refs);
char       *bc_ref_label         (BcTemplate   *template,
                                  const char   *key);
gboolean    bc_ref_key_is_ratio  (BcTemplate   *template,
                                  const char   *key);
GPtrArray  *bc_refs_available    (BcTemplate   *template);
gsize       bc_refs_stored_offset (GPtrArray   *refs,
                                   gsize        rendered);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcRef, bc_ref_free)

G_END_DECLS
