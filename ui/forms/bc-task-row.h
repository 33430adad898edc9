/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-input-registry.h"
#include "bc-types.h"

G_BEGIN_DECLS

#define BC_TYPE_TASK_ROW (bc_task_row_get_type ())
G_DECLARE_FINAL_TYPE (BcTaskRow, bc_task_row, BC, TASK_ROW, GtkBox)

GtkWidget  *bc_task_row_new  (BcInputRegistry *inputs,
                              const BcSection *section,
                              const char      *item,
                              guint            index,
                              guint            n);

G_END_DECLS
