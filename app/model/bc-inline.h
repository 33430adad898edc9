/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Inline emphasis in a paragraph, stored as the seeds write it:
 * "**bold**" and "*italic*" (docs/interchange-format.md, "Emphasis").
 * A star followed by a space ("* Về công bố …"), or one without its
 * partner in the same line, is a star as typed. */

/**
 * BcInlineSpan:
 * @start: byte offset in the plain text
 * @end: byte offset after it
 * @src_start: byte offset of the same text in the marked line
 * @src_end: byte offset after it there
 * @bold: within "**…**"
 * @italic: within "*…*"
 */
typedef struct
{
  gsize    start;
  gsize    end;
  gsize    src_start;
  gsize    src_end;
  gboolean bold;
  gboolean italic;
} BcInlineSpan;

char  *bc_inline_parse   (const char  *line,
                          GArray     **spans);
char  *bc_inline_strip   (const char  *text);
void   bc_inline_blank_marks (char *text);
char  *bc_inline_toggle  (const char  *text,
                          gsize        start,
                          gsize        end,
                          gboolean     bold,
                          gsize       *new_start,
                          gsize       *new_end);

G_END_DECLS
