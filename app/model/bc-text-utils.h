/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  bc_text_has_controls     (const char *text,
                                    gboolean    multiline);
char     *bc_text_escape_controls  (const char *text,
                                    gboolean    keep_lines);
char     *bc_text_collate_key      (const char *text);
int       bc_text_collate          (const char *a,
                                    const char *b);
int       bc_text_compare_names    (gconstpointer a,
                                    gconstpointer b);

G_END_DECLS
