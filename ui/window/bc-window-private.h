/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-window.h"

G_BEGIN_DECLS

/* bc-window-files.c: opening .baocao files. */
void  bc_window_open_file_action  (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter);

/* bc-window-receive.c: a province receiving its units' report files. */
void  bc_window_receive_files     (BcWindow           *self,
                                   const char * const *paths);
void  bc_window_receive_action    (GtkWidget          *widget,
                                   const char         *action_name,
                                   GVariant           *parameter);
void  bc_window_add_receive_drop  (BcWindow           *self);

G_END_DECLS
