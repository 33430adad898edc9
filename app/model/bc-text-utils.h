/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  bc_text_has_controls     (const char *text,
                                    gboolean    multiline);
char     *bc_text_escape_controls  (const char *text,
                                    gboolean    keep_lines);

G_END_DECLS
