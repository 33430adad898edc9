/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-edit-session.h"
#include "bc-types.h"

G_BEGIN_DECLS

#define BC_TYPE_TABLE_EDITOR (bc_table_editor_get_type ())
G_DECLARE_FINAL_TYPE (BcTableEditor, bc_table_editor, BC, TABLE_EDITOR, GtkWidget)

GtkWidget        *bc_table_editor_new                (BcEditSession    *session,
                                                      const BcTableDef *table);
void              bc_table_editor_set_store          (BcTableEditor    *self,
                                                      BcStore          *store);
GtkWidget        *bc_table_editor_get_history        (BcTableEditor    *self);
BcEditSession    *bc_table_editor_get_session        (BcTableEditor    *self);
const BcTableDef *bc_table_editor_get_table          (BcTableEditor    *self);
gboolean          bc_table_editor_focus_cell         (BcTableEditor    *self,
                                                      const char       *row_key,
                                                      const char       *column_id);
GtkWidget        *bc_table_editor_get_cell           (BcTableEditor    *self,
                                                      const char       *row_key,
                                                      const char       *column_id);
GtkWidget        *bc_table_editor_get_applies_toggle (BcTableEditor    *self,
                                                      const char       *row_key);
GtkWidget        *bc_table_editor_get_note_entry     (BcTableEditor    *self,
                                                      const char       *row_key);
const char       *bc_table_editor_get_total_text     (BcTableEditor    *self,
                                                      const char       *column_id);
gboolean          bc_table_editor_paste_text         (BcTableEditor    *self,
                                                      const char       *tsv);
const char       *bc_table_editor_get_message        (BcTableEditor    *self);

G_END_DECLS
