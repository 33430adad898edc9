/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-due.h"

G_BEGIN_DECLS

#define BC_TYPE_DUE_ROW (bc_due_row_get_type ())
G_DECLARE_FINAL_TYPE (BcDueRow, bc_due_row, BC, DUE_ROW, AdwActionRow)

GtkWidget *bc_due_row_new            (const BcDueItem *item);
gint64     bc_due_row_get_report_id  (GtkListBoxRow   *row);

G_END_DECLS
