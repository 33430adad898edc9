/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-edit-session.h"

G_BEGIN_DECLS

typedef enum
{
  BC_EXPORT_DOCX,
  BC_EXPORT_XLSX,
  BC_EXPORT_DOCX_COMMENTS,   /* the DOCX with the open comment threads as Word comments */
} BcExportKind;

char *bc_ui_export_suggested_name  (BcReport      *report,
                                    BcExportKind   kind);
void  bc_ui_export_run             (GtkWidget     *parent,
                                    BcStore       *store,
                                    BcEditSession *session,
                                    BcExportKind   kind,
                                    const char    *path);
void  bc_ui_export_choose          (GtkWidget     *parent,
                                    GtkWidget     *spinner,
                                    BcStore       *store,
                                    BcEditSession *session,
                                    BcExportKind   kind);

G_END_DECLS
