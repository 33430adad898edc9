/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-report.h"
#include "bc-store.h"

G_BEGIN_DECLS

#define BC_TYPE_TREND_BUTTON (bc_trend_button_get_type ())
G_DECLARE_FINAL_TYPE (BcTrendButton, bc_trend_button, BC, TREND_BUTTON, GtkWidget)

GtkWidget *bc_trend_button_new        (BcStore       *store,
                                       BcReport      *report,
                                       const char    *key);
GtkWidget *bc_trend_button_new_for_keys (BcStore            *store,
                                         BcReport           *report,
                                         const char * const *keys);
GtkWidget *bc_trend_button_get_chart  (BcTrendButton *self);
GtkWidget *bc_trend_button_get_chart_for (BcTrendButton *self,
                                          const char    *key);
void       bc_trend_button_popup      (BcTrendButton *self);

G_END_DECLS
