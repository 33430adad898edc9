/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-rollup.h"
#include "bc-store.h"

G_BEGIN_DECLS

/* A value of a report built from its months that the months no longer
 * give: what was taken then, what they give now, what the report holds. */
typedef struct
{
  char          *key;       /* a value key, or "sec/<id>" for a list of documents */
  BcRollupRule   rule;
  char          *rolled;    /* the value taken at the roll-up ("" none) */
  char          *now;       /* what the months give now ("" none) */
  char          *current;   /* what the report holds now */
  char          *origin;    /* where the new value comes from, as the form says it */
} BcRollupStale;

BcRollup    *bc_store_compute_rollup        (BcStore      *self,
                                             BcTemplate   *target,
                                             const char   *unit,
                                             const char   *period_from,
                                             const char   *period_to,
                                             GError      **error);
BcReport    *bc_store_create_rollup_report  (BcStore      *self,
                                             BcTemplate   *template,
                                             BcOffice     *office,
                                             const char   *unit,
                                             const char   *period_from,
                                             const char   *period_to,
                                             BcRollup    **rollup,
                                             GError      **error);
BcRollup    *bc_store_compute_report_months (BcStore    *self,
                                             BcReport     *report,
                                             GError      **error);
GHashTable  *bc_store_get_rollup            (BcStore      *self,
                                             gint64        report_id,
                                             GError      **error);
GPtrArray   *bc_store_rollup_stale          (BcStore      *self,
                                             BcReport     *report,
                                             BcRollup    **fresh,
                                             GError      **error);
gboolean     bc_store_rollup_update         (BcStore      *self,
                                             BcReport     *report,
                                             const char * const *keys,
                                             guint        *n_updated,
                                             GError      **error);
GPtrArray   *bc_store_check_report          (BcStore      *self,
                                             BcReport     *report,
                                             BcReport     *previous);
void         bc_rollup_stale_free           (BcRollupStale *stale);

G_END_DECLS
