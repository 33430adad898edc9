/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-window.h"

G_BEGIN_DECLS

#define BC_TYPE_UNITS_WINDOW (bc_units_window_get_type ())
G_DECLARE_FINAL_TYPE (BcUnitsWindow, bc_units_window, BC, UNITS_WINDOW, AdwWindow)

BcUnitsWindow *bc_units_window_new           (BcWindow       *window,
                                              GError        **error);
gboolean       bc_units_window_set_month     (BcUnitsWindow  *self,
                                              guint           month,
                                              guint           year,
                                              GError        **error);
gint64         bc_units_window_consolidate   (BcUnitsWindow  *self,
                                              GError        **error);
gint64         bc_units_window_get_report_id (BcUnitsWindow  *self);
GListModel    *bc_units_window_get_model     (BcUnitsWindow  *self);
GtkWidget     *bc_units_window_get_row       (BcUnitsWindow  *self,
                                              guint           index);
const char    *bc_units_window_get_summary   (BcUnitsWindow  *self);
const char    *bc_units_window_get_province  (BcUnitsWindow  *self);

G_END_DECLS
