/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-store.h"

G_BEGIN_DECLS

#define BC_TYPE_COMMENTS_PANEL (bc_comments_panel_get_type ())
G_DECLARE_FINAL_TYPE (BcCommentsPanel, bc_comments_panel, BC, COMMENTS_PANEL, GtkWidget)

GtkWidget          *bc_comments_panel_new              (BcStore         *store,
                                                        BcReport        *report);
void                bc_comments_panel_refresh          (BcCommentsPanel *self);
void                bc_comments_panel_set_target       (BcCommentsPanel *self,
                                                        const char      *key);
const char         *bc_comments_panel_get_target       (BcCommentsPanel *self);
guint               bc_comments_panel_get_n_open       (BcCommentsPanel *self);
guint               bc_comments_panel_get_n_threads    (BcCommentsPanel *self);
const char * const *bc_comments_panel_get_open_targets (BcCommentsPanel *self);

G_END_DECLS
