/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-input-registry.h"
#include "bc-followup-row.h"
#include "bc-types.h"

G_BEGIN_DECLS

#define BC_TYPE_FOLLOWUP_FORM (bc_followup_form_get_type ())
G_DECLARE_FINAL_TYPE (BcFollowupForm, bc_followup_form, BC, FOLLOWUP_FORM, AdwBin)

GtkWidget     *bc_followup_form_new          (BcInputRegistry *inputs,
                                              const BcSection *section,
                                              BcStore         *store);
GListModel    *bc_followup_form_get_model    (BcFollowupForm  *self);
BcFollowupRow *bc_followup_form_get_row      (BcFollowupForm  *self,
                                              guint            index);
const char    *bc_followup_form_get_summary  (BcFollowupForm  *self);

G_END_DECLS
