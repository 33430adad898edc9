/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "bc-review.h"
#include "bc-rollup.h"
#include "bc-store.h"

G_BEGIN_DECLS

/* A library, or a report file being read; its fields are shared by the
 * bc-store*.c files. */
struct _BcStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *actor;
  char       *role;
  gboolean    is_file;      /* a report file being read, not a library */
  gboolean    read_only;    /* a library SQLite cannot write to: read-only folder, file or drive */
  GHashTable *statements;   /* SQL text -> sqlite3_stmt, kept prepared */
  GHashTable *templates;    /* template JSON -> BcTemplate, parsed once */
};

/* Shared between the bc-store*.c files. */
typedef gboolean (*BcStoreAlsoFunc) (BcStore   *self,
                                     gint64     report_id,
                                     gpointer   data,
                                     GError   **error);

gboolean      bc_store_apply_with           (BcStore         *self,
                                             BcReport        *report,
                                             const BcEdit    *edits,
                                             guint            n_edits,
                                             BcStoreAlsoFunc  also,
                                             gpointer         also_data,
                                             GError         **error);
sqlite3_stmt *bc_store_prepare              (BcStore     *self,
                                             const char  *sql,
                                             GError     **error);
gboolean      bc_store_exec                 (BcStore     *self,
                                             const char  *sql,
                                             GError     **error);
gboolean      bc_store_sqlite_error         (BcStore  *self,
                                             int       rc,
                                             GError  **error);
gboolean      bc_store_step_done            (BcStore       *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);
void          bc_store_rollback             (BcStore  *self);
gboolean      bc_store_validate_value       (BcReport    *report,
                                             const char  *key,
                                             const char  *value,
                                             GError     **error);
char         *bc_store_column_dup           (sqlite3_stmt  *stmt,
                                             int            i);
gboolean      bc_store_migrate              (BcStore  *self,
                                             GError  **error);
gboolean      bc_store_schema_matches       (BcStore  *self,
                                             int       version);
BcStore      *bc_store_new_for_db           (sqlite3     *db,
                                             const char  *path,
                                             gboolean     is_file);
sqlite3      *bc_store_get_db               (BcStore  *self);
gboolean      bc_store_insert_report        (BcStore     *self,
                                             const char  *uuid,
                                             BcTemplate  *template,
                                             GHashTable  *values,
                                             const char  *created,
                                             const char  *modified,
                                             gint64       previous_id,
                                             gint64       replace_id,
                                             gint64      *id,
                                             GError     **error);
char         *bc_store_today                (void);
char         *bc_store_new_report_date      (const char  *period_to);
BcReport     *bc_store_insert_new           (BcStore     *self,
                                             BcTemplate  *template,
                                             GHashTable  *values,
                                             gint64       previous_id,
                                             BcRollup    *rollup,
                                             gint64      *existing_id,
                                             GError     **error);
gboolean      bc_store_insert_office        (BcStore     *self,
                                             BcOffice    *office,
                                             GError     **error);
gboolean      bc_store_log_change           (BcStore     *self,
                                             gint64       report_id,
                                             gint64       batch,
                                             const char  *key,
                                             const char  *old_value,
                                             const char  *new_value,
                                             const char  *at,
                                             GError     **error);
gint64        bc_store_next_batch           (BcStore  *self,
                                             GError  **error);
gboolean      bc_store_check_writable       (BcStore  *self,
                                             gint64    report_id,
                                             GError  **error);
gboolean      bc_store_touch_report         (BcStore     *self,
                                             gint64       report_id,
                                             const char  *modified,
                                             GError     **error);
gboolean      bc_store_refuse_status_edit   (GError **error);
gboolean      bc_store_insert_comment       (BcStore          *self,
                                             gint64            report_id,
                                             const BcComment  *comment,
                                             gint64            parent_id,
                                             gint64           *id,
                                             GError          **error);
gboolean      bc_store_insert_status_change (BcStore               *self,
                                             gint64                 report_id,
                                             const BcStatusChange  *change,
                                             GError               **error);
char         *bc_store_now                  (void);
BcReport     *bc_store_create_report_from   (BcStore     *self,
                                             BcTemplate  *template,
                                             const char  *unit,
                                             BcOffice    *office,
                                             const char  *period_from,
                                             const char  *period_to,
                                             BcRollup    *rollup,
                                             GError     **error);
gboolean      bc_store_write_rollup         (BcStore     *self,
                                             gint64       report_id,
                                             GPtrArray   *entries,
                                             GError     **error);

gboolean      bc_store_write_consolidation  (BcStore     *self,
                                             gint64       report_id,
                                             BcRollup    *rollup,
                                             GHashTable  *keys,
                                             GError     **error);

/* A report with everything that travels with it: the unit of the JSON
 * interchange and of report files. */
typedef struct
{
  BcReport  *report;          /* template copy, values (meta/ included), uuid, times */
  char      *previous_uuid;   /* NULL: none */
  GPtrArray *changes;         /* BcChange, oldest first */
  GPtrArray *comments;        /* BcComment; parent_id names an earlier comment's id */
  GPtrArray *status_log;      /* BcStatusChange, oldest first */
  BcOffice  *office;          /* the profile meta/office names, or NULL */
} BcBundle;

BcBundle     *bc_bundle_new                 (BcReport  *report);
void          bc_bundle_free                (BcBundle  *bundle);
BcBundle     *bc_store_read_bundle          (BcStore  *self,
                                             gint64    report_id,
                                             GError  **error);
gboolean      bc_bundle_validate            (BcBundle  *bundle,
                                             GError   **error);
gboolean      bc_bundle_check_size          (BcBundle  *bundle,
                                             GError   **error);
gboolean      bc_bundle_check_counts        (guint64   values,
                                             guint64   changes,
                                             guint64   comments,
                                             guint64   steps,
                                             GError  **error);
gint64        bc_store_write_bundle         (BcStore       *self,
                                             BcBundle      *bundle,
                                             BcImportMode   mode,
                                             gboolean       match_period,
                                             gint64        *existing_id,
                                             GError       **error);

/* Who sent a received report, when, in which file (table received). */
typedef struct
{
  const char *sender;
  const char *sent;       /* ISO time the report was last changed by its office */
  const char *received;   /* ISO time it was received */
  const char *file;       /* the file's name */
} BcReceipt;

gint64        bc_store_write_received       (BcStore          *self,
                                             BcBundle         *bundle,
                                             gint64            replace_id,
                                             const BcReceipt  *receipt,
                                             GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcBundle, bc_bundle_free)

/* Report files (bc-store-file.c). */
BcBundle     *bc_store_read_file_bundle     (const char    *label,
                                             const guint8  *data,
                                             gsize          length,
                                             GError       **error);
gboolean      bc_store_read_file_contents   (const char    *path,
                                             char         **data,
                                             gsize         *length,
                                             GError       **error);
BcStore      *bc_store_open_file_data       (const char    *label,
                                             const guint8  *data,
                                             gsize          length,
                                             GError       **error);
gint64        bc_store_import_file_data     (BcStore       *self,
                                             const char    *label,
                                             const guint8  *data,
                                             gsize          length,
                                             BcImportMode   mode,
                                             gint64        *existing_id,
                                             GError       **error);
char         *bc_store_location_warning     (const char  *path,
                                             const char  *fs_type,
                                             const char  *mount_path,
                                             gboolean     remote);

G_END_DECLS
