/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-report.h"
#include "bc-store.h"

G_BEGIN_DECLS

/* The most periods a trend goes back. */
#define BC_TREND_MAX_PERIODS 24

/* One period of a figure's history: a value, or a gap (no report for the
 * period, or the figure left blank in it), never a zero made up. */
typedef struct
{
  char     period_from[11];   /* ISO */
  char     period_to[11];
  gboolean has_value;
  gint64   value;
} BcTrendPoint;

typedef struct
{
  char     *key;         /* "fig/<id>", or "tbl/<table>/<column>" for a column's total */
  char     *label;
  gboolean  cumulative;  /* a running total: drawn as a line; else per period, as bars */
  GArray   *points;      /* BcTrendPoint, oldest first, the report's own period last */
} BcTrend;

BcTrend   *bc_trend_new          (BcStore     *store,
                                  BcReport    *report,
                                  const char  *key,
                                  guint        n_periods,
                                  GError     **error);
GPtrArray *bc_trend_new_for_figures (BcStore  *store,
                                     BcReport *report,
                                     guint     n_periods,
                                     GError  **error);
GStrv      bc_trend_table_keys   (const BcTableDef *table);
gint64     bc_trend_find_latest  (BcStore     *store,
                                  const char  *unit,
                                  GError     **error);
gboolean   bc_trend_live_value   (BcReport    *report,
                                  const char  *key,
                                  gint64      *value);
guint      bc_trend_count_values (const BcTrend *trend);
char      *bc_trend_point_label  (const BcTrendPoint *point);
void       bc_trend_free         (BcTrend     *trend);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcTrend, bc_trend_free)

G_END_DECLS
