/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-template.h"

G_BEGIN_DECLS

/* What a row of the report page's outline opens. */
typedef enum
{
  BC_OUTLINE_HEADER,
  BC_OUTLINE_SECTION,
  BC_OUTLINE_TABLE,
} BcOutlineKind;

#define BC_TYPE_OUTLINE_ITEM (bc_outline_item_get_type ())
G_DECLARE_FINAL_TYPE (BcOutlineItem, bc_outline_item, BC, OUTLINE_ITEM, GObject)

BcOutlineItem    *bc_outline_item_new_header   (const char      *title,
                                                const char      *caption);
BcOutlineItem    *bc_outline_item_new_section  (const BcSection *section);
BcOutlineItem    *bc_outline_item_new_table    (const BcTableDef *table,
                                                const char      *title,
                                                guint            depth);
BcOutlineKind     bc_outline_item_get_kind     (BcOutlineItem   *self);
const BcSection  *bc_outline_item_get_section  (BcOutlineItem   *self);
const BcTableDef *bc_outline_item_get_table    (BcOutlineItem   *self);
guint             bc_outline_item_get_depth    (BcOutlineItem   *self);
const char       *bc_outline_item_get_number   (BcOutlineItem   *self);
const char       *bc_outline_item_get_title    (BcOutlineItem   *self);
const char       *bc_outline_item_get_caption  (BcOutlineItem   *self);
gboolean          bc_outline_item_get_dimmed   (BcOutlineItem   *self);
void              bc_outline_item_set_text     (BcOutlineItem   *self,
                                                const char      *number,
                                                const char      *title,
                                                const char      *caption,
                                                gboolean         dimmed);
guint             bc_outline_item_get_count    (BcOutlineItem   *self);
void              bc_outline_item_set_count    (BcOutlineItem   *self,
                                                guint            count);

#define BC_TYPE_OUTLINE_ROW (bc_outline_row_get_type ())
G_DECLARE_FINAL_TYPE (BcOutlineRow, bc_outline_row, BC, OUTLINE_ROW, GtkListBoxRow)

GtkWidget        *bc_outline_row_new           (BcOutlineItem   *item);
BcOutlineItem    *bc_outline_row_get_item      (BcOutlineRow    *self);

G_END_DECLS
