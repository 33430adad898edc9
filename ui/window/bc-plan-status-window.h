/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-types.h"

G_BEGIN_DECLS

#define BC_TYPE_PLAN_STATUS_WINDOW (bc_plan_status_window_get_type ())
G_DECLARE_FINAL_TYPE (BcPlanStatusWindow, bc_plan_status_window, BC, PLAN_STATUS_WINDOW, AdwWindow)

BcPlanStatusWindow *bc_plan_status_window_new (GtkWindow          *parent,
                                               BcStore            *store,
                                               BcReport           *plan);
gboolean    bc_plan_status_window_is_loading (BcPlanStatusWindow *self);
GListModel         *bc_plan_status_window_get_model   (BcPlanStatusWindow *self);
const char         *bc_plan_status_window_get_summary (BcPlanStatusWindow *self);
GtkWidget          *bc_plan_status_window_get_row     (BcPlanStatusWindow *self,
                                                       guint               index);
gboolean            bc_plan_status_window_export      (BcPlanStatusWindow *self,
                                                       const char         *path,
                                                       GError            **error);

G_END_DECLS
