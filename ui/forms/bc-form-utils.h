/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-input-registry.h"

G_BEGIN_DECLS

/* What an input holds, and so how its text becomes a stored value. */
typedef enum
{
  BC_FIELD_TEXT,     /* stored as typed, on every change */
  BC_FIELD_DATE,     /* dd/mm/yyyy on screen, ISO stored; checked when left */
  BC_FIELD_COUNT,    /* 1.234.567 on screen, digits stored; checked when left */
} BcFieldKind;

void        bc_editable_disable_undo (GtkEditable     *editable);
void        bc_bind_editable      (GtkEditable     *editable,
                                   BcInputRegistry *inputs,
                                   const char      *key,
                                   BcFieldKind      kind);
void        bc_bind_text_view     (GtkTextView     *view,
                                   BcInputRegistry *inputs,
                                   const char      *key);
GtkWidget  *bc_text_view_new      (const char      *accessible_label,
                                   int              min_lines);
char       *bc_new_item_id        (char           **existing);
char       *bc_display_value      (const char      *stored,
                                   BcFieldKind      kind);
gboolean    bc_parse_field        (const char      *text,
                                   BcFieldKind      kind,
                                   char           **stored,
                                   GError         **error);
void        bc_set_field_name     (GtkWidget       *widget,
                                   BcInputRegistry *inputs,
                                   const char      *name);
void        bc_show_field_error   (GtkWidget       *widget,
                                   BcInputRegistry *inputs,
                                   const char      *message);

G_END_DECLS
