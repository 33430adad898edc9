/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-store.h"

G_BEGIN_DECLS

#define BC_TYPE_APPLICATION (bc_application_get_type ())
G_DECLARE_FINAL_TYPE (BcApplication, bc_application, BC, APPLICATION, AdwApplication)

BcApplication *bc_application_new            (void);
BcStore       *bc_application_get_store      (BcApplication *self);
GPtrArray     *bc_application_get_templates  (BcApplication *self);
void           bc_application_set_commands_help (BcApplication *self,
                                                 const char    *commands);

G_END_DECLS
