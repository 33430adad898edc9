/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-input-registry.h"
#include "bc-finding.h"

G_BEGIN_DECLS

#define BC_TYPE_FINDING_ITEM (bc_finding_item_get_type ())
G_DECLARE_FINAL_TYPE (BcFindingItem, bc_finding_item, BC, FINDING_ITEM, GObject)

BcFindingItem *bc_finding_item_new         (BcFinding     *finding,
                                            const char    *part);
BcFinding     *bc_finding_item_get_finding (BcFindingItem *self);
void           bc_finding_item_set_finding (BcFindingItem *self,
                                            BcFinding     *finding);
const char    *bc_finding_item_get_part    (BcFindingItem *self);

#define BC_TYPE_FINDING_ROW (bc_finding_row_get_type ())
G_DECLARE_FINAL_TYPE (BcFindingRow, bc_finding_row, BC, FINDING_ROW, GtkListBoxRow)

GtkWidget     *bc_finding_row_new          (BcInputRegistry *inputs,
                                            BcFindingItem   *item);
BcFindingItem *bc_finding_row_get_item     (BcFindingRow  *self);

G_END_DECLS
