/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-input-registry.h"

G_BEGIN_DECLS

#define BC_TYPE_FINDINGS_PANEL (bc_findings_panel_get_type ())
G_DECLARE_FINAL_TYPE (BcFindingsPanel, bc_findings_panel, BC, FINDINGS_PANEL, GtkWidget)

GtkWidget  *bc_findings_panel_new           (BcInputRegistry *inputs);
void        bc_findings_panel_set_findings  (BcFindingsPanel *self,
                                             GPtrArray       *findings);
guint       bc_findings_panel_get_n_rows    (BcFindingsPanel *self);
const char *bc_findings_panel_get_part      (BcFindingsPanel *self,
                                             guint            index);
void        bc_findings_panel_activate_row  (BcFindingsPanel *self,
                                             guint            index);
GListModel *bc_findings_panel_get_model     (BcFindingsPanel *self);

G_END_DECLS
