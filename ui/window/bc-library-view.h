/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-due.h"
#include "bc-report-list.h"
#include "bc-store.h"

G_BEGIN_DECLS

#define BC_TYPE_LIBRARY_VIEW (bc_library_view_get_type ())
G_DECLARE_FINAL_TYPE (BcLibraryView, bc_library_view, BC, LIBRARY_VIEW, GtkWidget)

#define BC_LIBRARY_VIEW_MAX_DUE 6

void          bc_library_view_set_store          (BcLibraryView  *self,
                                                  BcStore        *store);
gboolean      bc_library_view_reload             (BcLibraryView  *self,
                                                  GError        **error);
gboolean      bc_library_view_reload_if_changed  (BcLibraryView  *self,
                                                  GError        **error);
BcReportList *bc_library_view_get_list           (BcLibraryView  *self);
GtkListView  *bc_library_view_get_list_view      (BcLibraryView  *self);
GtkEditable  *bc_library_view_get_search_entry   (BcLibraryView  *self);
void          bc_library_view_search             (BcLibraryView  *self);
const char   *bc_library_view_get_unit           (BcLibraryView  *self);
void          bc_library_view_set_due            (BcLibraryView  *self,
                                                  GPtrArray      *items);
GtkListBox   *bc_library_view_get_due_list       (BcLibraryView  *self);
void          bc_library_view_show_report        (BcLibraryView  *self,
                                                  gint64          id);

G_END_DECLS
