/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BC_TYPE_OVERRIDE_DIALOG (bc_override_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BcOverrideDialog, bc_override_dialog, BC, OVERRIDE_DIALOG, AdwMessageDialog)

BcOverrideDialog *bc_override_dialog_new        (GtkWindow        *parent,
                                                 const char       *key,
                                                 const char       *label,
                                                 const char       *parts,
                                                 const char       *value);
void              bc_override_dialog_set_values (BcOverrideDialog *self,
                                                 const char       *value,
                                                 const char       *reason);
const char       *bc_override_dialog_get_key    (BcOverrideDialog *self);
const char       *bc_override_dialog_get_value  (BcOverrideDialog *self);
const char       *bc_override_dialog_get_reason (BcOverrideDialog *self);

G_END_DECLS
