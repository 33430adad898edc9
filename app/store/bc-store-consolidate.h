/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-calendar.h"
#include "bc-consolidate.h"
#include "bc-store.h"

G_BEGIN_DECLS

/* A province library: the units that report to it, the reports received
 * from them, and its own report consolidated from theirs. */

typedef enum
{
  BC_RECEIVE_RECEIVED,    /* new in the library */
  BC_RECEIVE_REPLACED,    /* a newer version of a report received before */
  BC_RECEIVE_DUPLICATE,   /* the very version the library holds */
  BC_RECEIVE_REFUSED,     /* not taken: see why */
} BcReceiveOutcome;

typedef struct
{
  char             *file;        /* the path given, or found in a folder */
  BcReceiveOutcome  outcome;
  gint64            report_id;   /* the report in the library, or 0 */
  char             *unit;        /* the report's unit, or NULL when unread */
  char             *why;         /* REFUSED: the one-line reason */
} BcReceiveResult;

/* A unit expected to report for a period, and what the library has. */
typedef enum
{
  BC_EXPECTED_MISSING,
  BC_EXPECTED_RECEIVED,
  BC_EXPECTED_LATE,        /* received after its template's deadline */
} BcExpectedState;

typedef struct
{
  char            *unit;
  BcExpectedState  state;
  gint64           report_id;      /* 0: missing */
  char            *status;         /* the report's review status, or NULL */
  char            *received;       /* ISO time it was received, or NULL */
  char            *sender;
  char            *deadline;       /* ISO day its template makes it due, or NULL */
  gboolean         after_consolidation; /* sent again after the province report was made */
  int              errors;         /* findings of its summary, explained ones left out; */
  int              warnings;       /* -1: missing, or not counted since it changed */
} BcExpectedUnit;

/* Called after each file received: how many so far, of how many. */
typedef void (*BcReceiveProgressFunc) (guint    done,
                                       guint    total,
                                       gpointer user_data);

/* What the clerk typed over a consolidated value, and why. */
typedef struct
{
  char *key;
  char *value;
  char *reason;
  char *actor;
  char *at;
} BcOverride;

GStrv        bc_store_list_reporting_units  (BcStore      *self,
                                             gboolean     *from_profiles,
                                             GError      **error);
gboolean     bc_store_set_reporting_units   (BcStore      *self,
                                             const char * const *units,
                                             GError      **error);
GPtrArray   *bc_store_receive_files         (BcStore      *self,
                                             const char * const *paths,
                                             GError      **error);
GPtrArray   *bc_store_receive_files_full    (BcStore      *self,
                                             const char * const *paths,
                                             GCancellable *cancellable,
                                             BcReceiveProgressFunc progress,
                                             gpointer      user_data,
                                             guint        *n_files,
                                             GError      **error);
gboolean     bc_store_refuse_received       (const char   *sender,
                                             GError      **error);
gboolean     bc_store_get_receipt           (BcStore      *self,
                                             gint64        report_id,
                                             char        **sender,
                                             char        **received,
                                             GError      **error);
GPtrArray   *bc_store_list_expected         (BcStore      *self,
                                             BcTemplate   *target,
                                             const char   *period_to,
                                             BcCalendar   *calendar,
                                             GError      **error);
BcRollup    *bc_store_compute_consolidation (BcStore    *self,
                                             BcTemplate   *target,
                                             const char   *period_from,
                                             const char   *period_to,
                                             const char * const *units,
                                             GError      **error);
BcRollup    *bc_store_compute_consolidation_before (BcStore *self,
                                                    BcReport *report);
BcReport    *bc_store_create_consolidated   (BcStore      *self,
                                             BcTemplate   *template,
                                             BcOffice     *office,
                                             const char   *period_from,
                                             const char   *period_to,
                                             const char * const *units,
                                             BcRollup    **consolidation,
                                             GError      **error);
gboolean     bc_store_consolidate_into      (BcStore      *self,
                                             BcReport     *report,
                                             const char * const *units,
                                             guint        *n_filled,
                                             BcRollup    **consolidation,
                                             GError      **error);
BcOffice    *bc_store_find_consolidating_office (BcStore   *self,
                                                 BcTemplate *target,
                                                 GError   **error);
gint64       bc_store_find_consolidated     (BcStore      *self,
                                             BcTemplate   *target,
                                             BcOffice     *office,
                                             const char   *period_from,
                                             const char   *period_to);
gboolean     bc_store_is_consolidated       (BcStore      *self,
                                             gint64        report_id,
                                             GStrv        *units,
                                             char        **made);
GPtrArray   *bc_store_get_parts             (BcStore      *self,
                                             gint64        report_id,
                                             const char   *key,
                                             GError      **error);
GHashTable  *bc_store_get_all_parts         (BcStore      *self,
                                             gint64        report_id,
                                             GError      **error);
gboolean     bc_store_override              (BcStore      *self,
                                             BcReport     *report,
                                             const char   *key,
                                             const char   *value,
                                             const char   *reason,
                                             GError      **error);
GPtrArray   *bc_store_list_overrides        (BcStore      *self,
                                             gint64        report_id,
                                             GError      **error);
char        *bc_store_dup_last_received_period (BcStore   *self);
char        *bc_receive_dup_summary         (GPtrArray    *results);
void         bc_receive_result_free         (BcReceiveResult *result);
void         bc_expected_unit_free          (BcExpectedUnit  *unit);
void         bc_override_free               (BcOverride      *override);

G_END_DECLS
