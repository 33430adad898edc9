/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bc-types.h"

G_BEGIN_DECLS

/* One value that differs: between two reports (two versions of one
 * report, or this period's and the last), or in a report since a point
 * of its change log, with who changed it last. */
typedef struct
{
  char   *key;
  char   *old_value;   /* NULL: empty */
  char   *new_value;   /* NULL: empty */
  char   *actor;       /* who changed it last; NULL when two reports are compared */
  char   *role;        /* that person's role, or NULL */
  char   *at;          /* when, or NULL */
  gint64  change_id;   /* the key's last change; 0 when two reports are compared */
} BcDiff;

GPtrArray *bc_diff_reports  (BcReport  *old_report,
                             BcReport  *new_report);
BcDiff    *bc_diff_copy     (const BcDiff *diff);
void       bc_diff_free     (BcDiff    *diff);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcDiff, bc_diff_free)

G_END_DECLS
