/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-input-registry.h"
#include "bc-store.h"
#include "bc-types.h"

G_BEGIN_DECLS

#define BC_TYPE_FIGURE_ROW (bc_figure_row_get_type ())
G_DECLARE_FINAL_TYPE (BcFigureRow, bc_figure_row, BC, FIGURE_ROW, AdwActionRow)

GtkWidget   *bc_figure_row_new          (BcInputRegistry *inputs,
                                         const BcFigure *figure,
                                         BcReport       *previous,
                                         BcStore        *store);
GtkWidget   *bc_figure_row_get_entry    (BcFigureRow    *self,
                                         const char     *key);
const char  *bc_figure_row_get_id       (BcFigureRow    *self);
const char  *bc_figure_row_get_percent  (BcFigureRow    *self);

G_END_DECLS
