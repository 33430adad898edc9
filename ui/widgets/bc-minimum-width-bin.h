/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BC_TYPE_MINIMUM_WIDTH_BIN (bc_minimum_width_bin_get_type ())
G_DECLARE_FINAL_TYPE (BcMinimumWidthBin, bc_minimum_width_bin, BC, MINIMUM_WIDTH_BIN, GtkWidget)

GtkWidget *bc_minimum_width_bin_new       (void);
GtkWidget *bc_minimum_width_bin_get_child (BcMinimumWidthBin *self);
void       bc_minimum_width_bin_set_child (BcMinimumWidthBin *self,
                                           GtkWidget         *child);

G_END_DECLS
