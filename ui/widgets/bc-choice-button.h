/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BC_TYPE_CHOICE_BUTTON (bc_choice_button_get_type ())
G_DECLARE_FINAL_TYPE (BcChoiceButton, bc_choice_button, BC, CHOICE_BUTTON, GtkWidget)

GtkWidget  *bc_choice_button_new          (const char * const *strings);
void        bc_choice_button_append       (BcChoiceButton     *self,
                                           const char         *string);
guint       bc_choice_button_get_n_items  (BcChoiceButton     *self);
const char *bc_choice_button_get_string   (BcChoiceButton     *self,
                                           guint               position);
guint       bc_choice_button_get_selected (BcChoiceButton     *self);
void        bc_choice_button_set_selected (BcChoiceButton     *self,
                                           guint               position);
void        bc_choice_button_popup        (BcChoiceButton     *self);

G_END_DECLS
