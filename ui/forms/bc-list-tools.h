/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-input-registry.h"
#include "bc-form-utils.h"

G_BEGIN_DECLS

#define BC_TYPE_LIST_TOOLS (bc_list_tools_get_type ())
G_DECLARE_FINAL_TYPE (BcListTools, bc_list_tools, BC, LIST_TOOLS, GtkBox)

void        bc_list_tools_set_item    (BcListTools     *self,
                                       const char      *item,
                                       guint            index,
                                       guint            n);
void        bc_list_tools_add         (BcListTools     *self,
                                       GtkWidget       *widget);
gboolean    bc_list_tools_handle_key  (BcListTools     *self,
                                       guint            keyval,
                                       GdkModifierType  state);
void        bc_list_bind_entry        (BcInputRegistry *inputs,
                                       const char      *section_id,
                                       const char      *item,
                                       const char      *field,
                                       const char      *whose,
                                       GtkLabel        *caption,
                                       GtkEditable     *entry,
                                       BcFieldKind      kind);

G_END_DECLS
