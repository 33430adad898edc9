/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BC_TYPE_PART_HEADING (bc_part_heading_get_type ())
G_DECLARE_FINAL_TYPE (BcPartHeading, bc_part_heading, BC, PART_HEADING, GtkWidget)

GtkWidget  *bc_part_heading_new         (const char    *title,
                                         const char    *target);
const char *bc_part_heading_get_title   (BcPartHeading *self);
const char *bc_part_heading_get_target  (BcPartHeading *self);

G_END_DECLS
