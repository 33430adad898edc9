/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-library.h"
#include "bc-store.h"

G_BEGIN_DECLS

/* More stale summaries than this are made in a thread. */
#define BC_LIBRARY_STALE_AT_ONCE 64

#define BC_TYPE_REPORT_LIST (bc_report_list_get_type ())
G_DECLARE_FINAL_TYPE (BcReportList, bc_report_list, BC, REPORT_LIST, GObject)

BcReportList *bc_report_list_new            (BcStore               *store);
gboolean      bc_report_list_refresh        (BcReportList          *self,
                                             GError               **error);
gboolean      bc_report_list_refresh_if_changed (BcReportList      *self,
                                                 GError           **error);
gboolean      bc_report_list_is_indexing    (BcReportList          *self);
gboolean      bc_report_list_is_changed     (BcReportList          *self);
BcStore      *bc_report_list_get_store      (BcReportList          *self);
gboolean      bc_report_list_set_filter     (BcReportList          *self,
                                             const BcLibraryFilter *filter,
                                             GError               **error);
void          bc_report_list_set_grouped    (BcReportList          *self,
                                             gboolean               grouped);
guint         bc_report_list_get_n_reports  (BcReportList          *self);
guint         bc_report_list_get_n_library  (BcReportList          *self);
gint          bc_report_list_find           (BcReportList          *self,
                                             gint64                 id);

G_END_DECLS
