/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-office-form.h"
#include "bc-store.h"

G_BEGIN_DECLS

#define BC_TYPE_PREFERENCES_WINDOW (bc_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (BcPreferencesWindow, bc_preferences_window, BC, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget  *bc_preferences_window_new       (GtkWindow           *parent,
                                             BcStore             *store);
const char *bc_preferences_window_get_name  (BcPreferencesWindow *self);
const char *bc_preferences_window_get_role  (BcPreferencesWindow *self);
void        bc_preferences_window_set_name  (BcPreferencesWindow *self,
                                             const char          *name);
void        bc_preferences_window_set_role  (BcPreferencesWindow *self,
                                             const char          *role);
GListModel *bc_preferences_window_get_offices   (BcPreferencesWindow  *self);
BcOfficeForm *bc_preferences_window_edit_office (BcPreferencesWindow  *self,
                                                 gint64                id);
gboolean    bc_preferences_window_delete_office (BcPreferencesWindow  *self,
                                                 gint64                id,
                                                 GError              **error);

G_END_DECLS
