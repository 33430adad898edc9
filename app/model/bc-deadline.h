/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A plan task's deadline, read from the words the clerk typed
 * ("Quý I/2024", "tháng 6 năm 2024", "thường xuyên"). The words are what
 * is shown and printed; the structure only says when the task falls due. */

typedef enum
{
  BC_DEADLINE_NONE,        /* nothing written */
  BC_DEADLINE_DATE,        /* "30/6/2024", "ngày 15 tháng 3 năm 2024" */
  BC_DEADLINE_MONTH,       /* "tháng 6/2024", "trong tháng 3 năm 2024" */
  BC_DEADLINE_QUARTER,     /* "Quý I/2024", "trong quý III năm 2024" */
  BC_DEADLINE_HALF,        /* "6 tháng đầu năm 2024", "6 tháng cuối năm 2024" */
  BC_DEADLINE_YEAR,        /* "trong năm 2024", "cuối năm 2024" */
  BC_DEADLINE_ONGOING,     /* "thường xuyên": never falls due */
  BC_DEADLINE_ON_REQUEST,  /* "ngay sau khi có hướng dẫn…": due when asked, no date */
  BC_DEADLINE_UNREADABLE,  /* kept as written, and flagged */
} BcDeadlineKind;

typedef struct
{
  BcDeadlineKind kind;
  GDate          first;   /* the first day of the month, quarter…; invalid without a date */
  GDate          due;     /* the last day the task may be done on; invalid without a date */
  gboolean       done;    /* the words say the task is done already: "(đã hoàn thành tại …)" */
} BcDeadline;

gboolean     bc_deadline_parse           (const char       *text,
                                          guint             default_year,
                                          BcDeadline       *deadline);
gboolean     bc_deadline_has_due         (const BcDeadline *deadline);
char        *bc_deadline_describe        (const BcDeadline *deadline);
const char  *bc_deadline_kind_to_string  (BcDeadlineKind    kind);

G_END_DECLS
