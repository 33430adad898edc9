/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-edit-session.h"

G_BEGIN_DECLS

#define BC_TYPE_INPUT_REGISTRY (bc_input_registry_get_type ())
G_DECLARE_FINAL_TYPE (BcInputRegistry, bc_input_registry, BC, INPUT_REGISTRY, GObject)

BcInputRegistry *bc_input_registry_new         (BcEditSession   *session);
BcEditSession   *bc_input_registry_get_session (BcInputRegistry *self);
void             bc_input_registry_add         (BcInputRegistry *self,
                                                const char      *key,
                                                GtkWidget       *widget);
GtkWidget       *bc_input_registry_lookup      (BcInputRegistry *self,
                                                const char      *key);
const char      *bc_input_registry_find_key    (BcInputRegistry *self,
                                                GtkWidget       *widget);
GHashTable      *bc_input_registry_get_inputs  (BcInputRegistry *self);
void             bc_input_registry_set_name    (BcInputRegistry *self,
                                                GtkWidget       *widget,
                                                const char      *name);
const char      *bc_input_registry_get_name    (BcInputRegistry *self,
                                                GtkWidget       *widget);
void             bc_input_registry_tell_error  (BcInputRegistry *self,
                                                GtkWidget       *widget,
                                                const char      *message);

G_END_DECLS
