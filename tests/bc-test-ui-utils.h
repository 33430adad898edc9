/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean bc_test_widget_takes_shortcut (GtkWidget       *widget,
                                        guint            keyval,
                                        GdkModifierType  modifiers);
GtkWidget *bc_test_press_shortcut      (GtkWidget       *target,
                                        guint            keyval,
                                        GdkModifierType  modifiers);

GtkWidget *bc_test_press_key            (GtkWidget       *target,
                                        guint            keyval,
                                        GdkModifierType  modifiers);

G_END_DECLS
