/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-report-page.h"
#include "bc-store.h"
#include "bc-window.h"

G_BEGIN_DECLS

/* What the widget tests share: the main loop run until idle or for a
 * while, objects that must go, and a window with a library and one of
 * its reports open (the fixture of the form and page tests). */

void          bc_test_spin                  (void);
void          bc_test_wait                  (guint         msec);
void          bc_test_assert_finalized_soon (gpointer      object);
GPtrArray    *bc_test_load_templates        (void);

/* A question the window asks (delete? submit anyway? update?): the one
 * shown, then answered as the clerk would. */
AdwMessageDialog *bc_test_message_dialog    (void);
void              bc_test_answer_dialog     (AdwMessageDialog *dialog,
                                             const char       *response);

typedef struct
{
  char         *dir;
  BcStore      *store;      /* the library, dir/library.db */
  GPtrArray    *templates;  /* the installed templates */
  BcWindow     *window;
  BcReportPage *page;
  gint64        id;         /* the report open */
} BcTestWindow;

void          bc_test_window_set_up         (BcTestWindow *w);
gint64        bc_test_window_import         (BcTestWindow *w,
                                             const char   *sample);
void          bc_test_window_open           (BcTestWindow *w,
                                             gint64        id);
void          bc_test_window_tear_down      (BcTestWindow *w);
char         *bc_test_window_stored         (BcTestWindow *w,
                                             const char   *key);
BcReport     *bc_test_window_model          (BcTestWindow *w);
GtkWidget    *bc_test_window_show           (BcTestWindow *w,
                                             const char   *key);

G_END_DECLS
