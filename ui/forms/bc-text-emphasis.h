/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void      bc_text_emphasis_attach     (GtkTextView *view);
gboolean  bc_text_emphasis_toggle     (GtkTextView *view,
                                       gboolean     bold);

G_END_DECLS
