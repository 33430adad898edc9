/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-review.h"

G_BEGIN_DECLS

#define BC_TYPE_THREAD_ITEM (bc_thread_item_get_type ())
G_DECLARE_FINAL_TYPE (BcThreadItem, bc_thread_item, BC, THREAD_ITEM, GObject)

BcThreadItem    *bc_thread_item_new          (GPtrArray    *comments,
                                              BcComment    *root);
void             bc_thread_item_add_reply    (BcThreadItem *self,
                                              BcComment    *reply);
const BcComment *bc_thread_item_get_root     (BcThreadItem *self);
GPtrArray       *bc_thread_item_get_replies  (BcThreadItem *self);
gboolean         bc_thread_item_equal        (BcThreadItem *self,
                                              BcThreadItem *other);

#define BC_TYPE_THREAD_ROW (bc_thread_row_get_type ())
G_DECLARE_FINAL_TYPE (BcThreadRow, bc_thread_row, BC, THREAD_ROW, GtkListBoxRow)

GtkWidget       *bc_thread_row_new           (BcThreadItem *item);
BcThreadItem    *bc_thread_row_get_item      (BcThreadRow  *self);
GtkEditable     *bc_thread_row_get_reply     (BcThreadRow  *self);
GtkWidget       *bc_thread_row_get_heading   (BcThreadRow  *self);
void             bc_thread_row_set_heading   (BcThreadRow  *self,
                                              GtkWidget    *heading);

G_END_DECLS
