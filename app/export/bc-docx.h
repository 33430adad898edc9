/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-export.h"
#include "bc-report.h"

G_BEGIN_DECLS

GBytes   *bc_docx_build          (BcReport               *report,
                                  const BcExportOptions  *options,
                                  GError                **error);
gboolean  bc_docx_export         (BcReport               *report,
                                  const char             *path,
                                  const BcExportOptions  *options,
                                  GError                **error);
void      bc_docx_export_async   (BcReport               *report,
                                  const char             *path,
                                  const BcExportOptions  *options,
                                  GCancellable           *cancellable,
                                  GAsyncReadyCallback     callback,
                                  gpointer                user_data);
gboolean  bc_docx_export_finish  (BcReport               *report,
                                  GAsyncResult           *result,
                                  GError                **error);

G_END_DECLS
