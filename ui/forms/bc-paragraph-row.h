/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-input-registry.h"
#include "bc-types.h"

G_BEGIN_DECLS

#define BC_TYPE_PARAGRAPH_ROW (bc_paragraph_row_get_type ())
G_DECLARE_FINAL_TYPE (BcParagraphRow, bc_paragraph_row, BC, PARAGRAPH_ROW, GtkBox)

GtkWidget  *bc_paragraph_row_new              (BcInputRegistry *inputs,
                                               const BcSection *section,
                                               const char      *item,
                                               guint            index,
                                               guint            n);
GtkWidget  *bc_paragraph_row_get_place_toggle (BcParagraphRow  *self,
                                               const char      *table_id);

G_END_DECLS
