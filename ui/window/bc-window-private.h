/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-window.h"

G_BEGIN_DECLS

/* bc-window-files.c: opening .baocao files. */
void  bc_window_open_file_action  (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter);

G_END_DECLS
