/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-input-registry.h"

G_BEGIN_DECLS

#define BC_TYPE_HEADER_FORM (bc_header_form_get_type ())
G_DECLARE_FINAL_TYPE (BcHeaderForm, bc_header_form, BC, HEADER_FORM, AdwBin)

GtkWidget *bc_header_form_new         (BcInputRegistry *inputs);
GtkWidget *bc_header_form_get_field   (BcHeaderForm    *self,
                                       const char      *key);

G_END_DECLS
