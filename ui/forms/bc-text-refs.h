/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-edit-session.h"

G_BEGIN_DECLS

void  bc_text_refs_attach     (GtkTextView   *view,
                               BcEditSession *session);
void  bc_text_refs_highlight  (GtkTextBuffer *buffer);

G_END_DECLS
