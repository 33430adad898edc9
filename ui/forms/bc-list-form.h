/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-input-registry.h"
#include "bc-types.h"

G_BEGIN_DECLS

#define BC_TYPE_LIST_FORM (bc_list_form_get_type ())
G_DECLARE_FINAL_TYPE (BcListForm, bc_list_form, BC, LIST_FORM, GtkWidget)

GtkWidget  *bc_list_form_new            (BcInputRegistry *inputs,
                                         const BcSection *section);
guint       bc_list_form_get_n_items    (BcListForm      *self);
GtkWidget  *bc_list_form_get_input      (BcListForm      *self,
                                         guint            index,
                                         const char      *field);
GtkWidget  *bc_list_form_get_place_toggle (BcListForm    *self,
                                         guint            index,
                                         const char      *table_id);
void        bc_list_form_add_item       (BcListForm      *self);
gboolean    bc_list_form_split          (BcListForm      *self,
                                         guint            index,
                                         int              offset);
gboolean    bc_list_form_paste          (BcListForm      *self,
                                         guint            index,
                                         int              start,
                                         int              end,
                                         const char      *text);
gboolean    bc_list_form_merge_up       (BcListForm      *self,
                                         guint            index);
gboolean    bc_list_form_move           (BcListForm      *self,
                                         guint            index,
                                         int              delta);
gboolean    bc_list_form_remove         (BcListForm      *self,
                                         guint            index);

G_END_DECLS
