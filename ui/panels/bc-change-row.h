/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-diff.h"
#include "bc-report.h"

G_BEGIN_DECLS

#define BC_TYPE_CHANGE_ITEM (bc_change_item_get_type ())
G_DECLARE_FINAL_TYPE (BcChangeItem, bc_change_item, BC, CHANGE_ITEM, GObject)

BcChangeItem *bc_change_item_new            (BcReport     *report,
                                             const BcDiff *diff,
                                             gboolean      read_only);
const BcDiff *bc_change_item_get_diff       (BcChangeItem *self);
const char   *bc_change_item_get_part       (BcChangeItem *self);
gboolean      bc_change_item_get_read_only  (BcChangeItem *self);
gboolean      bc_change_item_shows          (BcChangeItem *self,
                                             const BcDiff *diff,
                                             gboolean      read_only);

#define BC_TYPE_CHANGE_ROW (bc_change_row_get_type ())
G_DECLARE_FINAL_TYPE (BcChangeRow, bc_change_row, BC, CHANGE_ROW, GtkListBoxRow)

GtkWidget    *bc_change_row_new             (BcChangeItem *item);
BcChangeItem *bc_change_row_get_item        (BcChangeRow  *self);

G_END_DECLS
