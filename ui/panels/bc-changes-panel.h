/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-diff.h"
#include "bc-edit-session.h"
#include "bc-store.h"

G_BEGIN_DECLS

#define BC_TYPE_CHANGES_PANEL (bc_changes_panel_get_type ())
G_DECLARE_FINAL_TYPE (BcChangesPanel, bc_changes_panel, BC, CHANGES_PANEL, GtkWidget)

GtkWidget          *bc_changes_panel_new            (BcStore        *store,
                                                     BcEditSession  *session);
void                bc_changes_panel_refresh        (BcChangesPanel *self);
void                bc_changes_panel_show_diff      (BcChangesPanel *self,
                                                     GPtrArray      *diff_entries,
                                                     const char     *title);
gboolean            bc_changes_panel_get_comparing  (BcChangesPanel *self);
guint               bc_changes_panel_get_n_changes  (BcChangesPanel *self);
const char * const *bc_changes_panel_get_keys       (BcChangesPanel *self);
const BcDiff       *bc_changes_panel_lookup         (BcChangesPanel *self,
                                                     const char     *key);
void                bc_changes_panel_activate_row   (BcChangesPanel *self,
                                                     guint           index);

G_END_DECLS
