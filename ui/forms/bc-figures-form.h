/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-input-registry.h"
#include "bc-store.h"
#include "bc-types.h"

G_BEGIN_DECLS

#define BC_TYPE_FIGURES_FORM (bc_figures_form_get_type ())
G_DECLARE_FINAL_TYPE (BcFiguresForm, bc_figures_form, BC, FIGURES_FORM, GtkWidget)

GtkWidget   *bc_figures_form_new            (BcInputRegistry *inputs,
                                             const BcSection *section,
                                             BcReport        *previous,
                                             BcStore         *store);
GtkWidget   *bc_figures_form_get_entry      (BcFiguresForm   *self,
                                             const char      *key);
const char  *bc_figures_form_get_percent    (BcFiguresForm   *self,
                                             const char      *figure_id);
char        *bc_figure_percent_text         (BcReport        *report,
                                             const char      *figure_id);

G_END_DECLS
