/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-input-registry.h"
#include "bc-followup.h"

G_BEGIN_DECLS

#define BC_TYPE_FOLLOWUP_ITEM (bc_followup_item_get_type ())
G_DECLARE_FINAL_TYPE (BcFollowupItem, bc_followup_item, BC, FOLLOWUP_ITEM, GObject)

BcFollowupItem *bc_followup_item_new        (BcReport         *report,
                                             const char       *section_id,
                                             const char       *item_id,
                                             guint             number,
                                             const BcTaskDone *done_before);
gboolean        bc_followup_item_shows      (BcFollowupItem *self,
                                             BcFollowupItem *other);
const char     *bc_followup_item_get_item   (BcFollowupItem *self);

#define BC_TYPE_FOLLOWUP_ROW (bc_followup_row_get_type ())
G_DECLARE_FINAL_TYPE (BcFollowupRow, bc_followup_row, BC, FOLLOWUP_ROW, GtkListBoxRow)

GtkWidget      *bc_followup_row_new         (BcInputRegistry *inputs,
                                             BcFollowupItem  *item);
GtkDropDown    *bc_followup_row_get_status  (BcFollowupRow  *self);
GtkEditable    *bc_followup_row_get_date    (BcFollowupRow  *self);
GtkEditable    *bc_followup_row_get_note    (BcFollowupRow  *self);
const char     *bc_followup_row_get_undone  (BcFollowupRow  *self);

G_END_DECLS
