/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-input-registry.h"
#include "bc-types.h"

G_BEGIN_DECLS

#define BC_TYPE_SECTION_HEAD (bc_section_head_get_type ())
G_DECLARE_FINAL_TYPE (BcSectionHead, bc_section_head, BC, SECTION_HEAD, GtkBox)

GtkWidget  *bc_section_head_new        (BcInputRegistry *inputs,
                                        const BcSection *section);
void        bc_section_head_edit       (BcSectionHead   *self,
                                        const char      *part);
GtkWidget  *bc_section_head_get_input  (BcSectionHead   *self,
                                        const char      *part);
void        bc_section_head_reset      (BcSectionHead   *self,
                                        const char      *part);
const char *bc_section_head_get_shown  (BcSectionHead   *self,
                                        const char      *part);

G_END_DECLS
