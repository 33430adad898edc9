/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-application.h"
#include "bc-library-view.h"
#include "bc-office-form.h"
#include "bc-report-page.h"
#include "bc-store.h"

G_BEGIN_DECLS

#define BC_TYPE_WINDOW (bc_window_get_type ())
G_DECLARE_FINAL_TYPE (BcWindow, bc_window, BC, WINDOW, AdwApplicationWindow)

BcWindow   *bc_window_new                  (BcApplication *app,
                                            BcStore       *store,
                                            GPtrArray     *templates);
void        bc_window_reload               (BcWindow      *self);
BcLibraryView *bc_window_get_library_view (BcWindow      *self);
guint       bc_window_get_n_reports        (BcWindow      *self);
gboolean    bc_window_is_empty_shown       (BcWindow      *self);
gboolean    bc_window_is_setup_shown       (BcWindow      *self);
BcOfficeForm *bc_window_get_setup_form     (BcWindow      *self);
BcStore    *bc_window_get_store            (BcWindow      *self);
void        bc_window_close_report         (BcWindow      *self);
void        bc_window_open_file            (BcWindow      *self,
                                            const char    *path);
void        bc_window_compare_file         (BcWindow      *self,
                                            const char    *path,
                                            gint64         id);
void        bc_window_show_diff            (BcWindow      *self,
                                            const char    *title,
                                            BcReport      *report,
                                            GPtrArray     *diffs);
BcReportPage *bc_window_get_report_page    (BcWindow      *self);
void        bc_window_open_report          (BcWindow      *self,
                                            gint64         id,
                                            const char    *key);
gint64      bc_window_get_open_report_id   (BcWindow      *self);
GtkListBox *bc_window_get_outline          (BcWindow      *self);
GtkWidget  *bc_window_new_report           (BcWindow      *self);
gboolean    bc_window_delete_report        (BcWindow      *self,
                                            gint64         id,
                                            GError       **error);
void        bc_window_add_toast            (BcWindow      *self,
                                            const char    *message);

G_END_DECLS
