/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-export.h"
#include "bc-report.h"

G_BEGIN_DECLS

gboolean  bc_xlsx_export         (BcReport               *report,
                                  const char             *path,
                                  const BcExportOptions  *options,
                                  GError                **error);
void      bc_xlsx_export_async   (BcReport               *report,
                                  const char             *path,
                                  const BcExportOptions  *options,
                                  GCancellable           *cancellable,
                                  GAsyncReadyCallback     callback,
                                  gpointer                user_data);
gboolean  bc_xlsx_export_finish  (BcReport               *report,
                                  GAsyncResult           *result,
                                  GError                **error);

gboolean  bc_xlsx_export_plan_status (BcReport             *plan,
                                      GPtrArray            *tasks,
                                      const char           *path,
                                      const BcExportOptions *options,
                                      GError              **error);

G_END_DECLS
