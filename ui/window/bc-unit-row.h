/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-store-consolidate.h"

G_BEGIN_DECLS

#define BC_TYPE_UNIT_ITEM (bc_unit_item_get_type ())
G_DECLARE_FINAL_TYPE (BcUnitItem, bc_unit_item, BC, UNIT_ITEM, GObject)

BcUnitItem           *bc_unit_item_new          (GPtrArray  *units,
                                                 guint       index);
const BcExpectedUnit *bc_unit_item_get_unit     (BcUnitItem *self);
int                   bc_unit_item_get_errors   (BcUnitItem *self);
int                   bc_unit_item_get_warnings (BcUnitItem *self);
gboolean              bc_unit_item_shows_same   (BcUnitItem *self,
                                                 BcUnitItem *other);
char                 *bc_unit_item_dup_state    (BcUnitItem *self);
char                 *bc_unit_item_dup_detail   (BcUnitItem *self);

#define BC_TYPE_UNIT_ROW (bc_unit_row_get_type ())
G_DECLARE_FINAL_TYPE (BcUnitRow, bc_unit_row, BC, UNIT_ROW, GtkListBoxRow)

GtkWidget            *bc_unit_row_new           (BcUnitItem *item);
BcUnitItem           *bc_unit_row_get_item      (BcUnitRow  *self);
const char           *bc_unit_row_get_state     (BcUnitRow  *self);
const char           *bc_unit_row_get_detail    (BcUnitRow  *self);

G_END_DECLS
