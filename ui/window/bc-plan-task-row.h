/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-store-followup.h"

G_BEGIN_DECLS

#define BC_TYPE_PLAN_TASK_ITEM (bc_plan_task_item_get_type ())
G_DECLARE_FINAL_TYPE (BcPlanTaskItem, bc_plan_task_item, BC, PLAN_TASK_ITEM, GObject)

BcPlanTaskItem   *bc_plan_task_item_new       (GPtrArray      *tasks,
                                               guint           index);
const BcPlanTask *bc_plan_task_item_get_task  (BcPlanTaskItem *self);

#define BC_TYPE_PLAN_TASK_ROW (bc_plan_task_row_get_type ())
G_DECLARE_FINAL_TYPE (BcPlanTaskRow, bc_plan_task_row, BC, PLAN_TASK_ROW, GtkListBoxRow)

GtkWidget        *bc_plan_task_row_new        (BcPlanTaskItem *item);
const char       *bc_plan_task_row_get_history (BcPlanTaskRow *self);

G_END_DECLS
