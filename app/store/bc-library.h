/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-store.h"

G_BEGIN_DECLS

/* What the report list is narrowed to; a NULL or 0 member means any. */
typedef struct
{
  const char *text;          /* words of the unit, period, title or narrative */
  const char *template_id;
  const char *unit;
  int         year;          /* of the period's last day */
  const char *status;
  gboolean    errors_only;   /* reports whose checks find an error */
} BcLibraryFilter;

/* One report as the list orders it, with what its group is made of. */
typedef struct
{
  gint64 id;
  char   period_from[11];   /* ISO dates */
  char   period_to[11];
} BcLibraryHit;

typedef enum
{
  BC_LIBRARY_UNITS,
  BC_LIBRARY_TEMPLATES,      /* "id\tname" */
  BC_LIBRARY_YEARS,
} BcLibraryColumn;

gboolean         bc_library_refresh       (BcStore                *store,
                                           GArray                **refreshed,
                                           GError                **error);
gboolean         bc_library_summarize     (BcStore                *store,
                                           gint64                  id,
                                           GError                **error);
gint             bc_library_count_stale   (BcStore                *store);
void             bc_library_refresh_async (const char             *path,
                                           GCancellable           *cancellable,
                                           GAsyncReadyCallback     callback,
                                           gpointer                user_data);
gboolean         bc_library_refresh_finish (GAsyncResult          *result,
                                            GError               **error);
GArray          *bc_library_find          (BcStore                *store,
                                           const BcLibraryFilter  *filter,
                                           GError                **error);
gint             bc_library_count         (BcStore                *store);
BcReportSummary *bc_library_get           (BcStore                *store,
                                           gint64                  id,
                                           GError                **error);
GStrv            bc_library_list_values   (BcStore                *store,
                                           BcLibraryColumn         column,
                                           GError                **error);
char            *bc_library_match_query   (const char             *text,
                                           gboolean                header_only);
char            *bc_library_period_words  (const char             *period_from,
                                           const char             *period_to);

G_END_DECLS
