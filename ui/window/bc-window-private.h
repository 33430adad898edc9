/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-calendar.h"
#include "bc-window.h"

G_BEGIN_DECLS

/* bc-window-files.c: opening .baocao files. */
void  bc_window_open_file_action  (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter);

/* bc-window-receive.c: a province receiving its units' report files. */
typedef struct
{
  GCancellable *cancellable;   /* the files being received; NULL: none */
  GtkWidget    *dialog;        /* says how far it is, with Stop; NULL when none */
  guint         tick;          /* updates it */
  guint         done;          /* files looked at so far, written by the worker */
  guint         total;
  char         *summary;       /* what the last receipt said */
} BcWindowReceiving;

BcWindowReceiving *bc_window_get_receiving (BcWindow *self);
void  bc_window_receiving_clear   (BcWindowReceiving  *receiving);
GPtrArray  *bc_window_get_templates (BcWindow        *self);
BcCalendar *bc_window_get_calendar  (BcWindow        *self);
void  bc_window_receive_files     (BcWindow           *self,
                                   const char * const *paths);
gboolean    bc_window_is_receiving        (BcWindow *self);
void        bc_window_stop_receiving      (BcWindow *self);
const char *bc_window_get_receive_summary (BcWindow *self);

/* bc-window-receive.c: the units' reports for a period. */
void  bc_window_units_action      (GtkWidget          *widget,
                                   const char         *action_name,
                                   GVariant           *parameter);
void  bc_window_receive_action    (GtkWidget          *widget,
                                   const char         *action_name,
                                   GVariant           *parameter);
void  bc_window_add_receive_drop  (BcWindow           *self);

G_END_DECLS
