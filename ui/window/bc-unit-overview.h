/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-store.h"

G_BEGIN_DECLS

#define BC_TYPE_UNIT_OVERVIEW (bc_unit_overview_get_type ())
G_DECLARE_FINAL_TYPE (BcUnitOverview, bc_unit_overview, BC, UNIT_OVERVIEW, AdwWindow)

BcUnitOverview *bc_unit_overview_new        (GtkWindow      *parent,
                                             BcStore        *store,
                                             const char     *unit);
gboolean        bc_unit_overview_show_unit  (BcUnitOverview *self,
                                             const char     *unit);
const char     *bc_unit_overview_get_unit   (BcUnitOverview *self);
const char     *bc_unit_overview_get_subtitle (BcUnitOverview *self);
GListModel     *bc_unit_overview_get_model  (BcUnitOverview *self);
GtkWidget      *bc_unit_overview_get_tile   (BcUnitOverview *self,
                                             guint           index);

G_END_DECLS
