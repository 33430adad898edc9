/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-trend.h"

G_BEGIN_DECLS

#define BC_TYPE_TREND_CHART (bc_trend_chart_get_type ())
G_DECLARE_FINAL_TYPE (BcTrendChart, bc_trend_chart, BC, TREND_CHART, GtkWidget)

GtkWidget  *bc_trend_chart_new          (void);
void        bc_trend_chart_set_trend    (BcTrendChart  *self,
                                         const BcTrend *trend);
const char *bc_trend_chart_get_summary  (BcTrendChart  *self);

G_END_DECLS
