/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-input-registry.h"
#include "bc-store.h"
#include "bc-types.h"

G_BEGIN_DECLS

#define BC_TYPE_SECTION_FORM (bc_section_form_get_type ())
G_DECLARE_FINAL_TYPE (BcSectionForm, bc_section_form, BC, SECTION_FORM, GtkWidget)

GtkWidget *bc_section_form_new       (BcInputRegistry *inputs,
                                      const BcSection *section,
                                      BcReport        *previous,
                                      BcStore         *store);
GtkWidget *bc_section_form_get_part  (GtkWidget       *form,
                                      GType            type);

G_END_DECLS
