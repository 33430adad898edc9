/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-types.h"

G_BEGIN_DECLS

#define BC_STORE_ERROR (bc_store_error_quark ())

typedef enum
{
  BC_STORE_ERROR_FAILED,
  BC_STORE_ERROR_FOREIGN,        /* not a Baocao file */
  BC_STORE_ERROR_NEWER,          /* made by a newer Baocao */
  BC_STORE_ERROR_CORRUPT,
  BC_STORE_ERROR_NOT_FOUND,
  BC_STORE_ERROR_EXISTS,
  BC_STORE_ERROR_INVALID_VALUE,
  BC_STORE_ERROR_FULL,
  BC_STORE_ERROR_READ_ONLY,      /* also: an approved report */
  BC_STORE_ERROR_NOT_ALLOWED,    /* the review workflow or the user's role forbids it */
  BC_STORE_ERROR_TOO_LARGE,      /* past a limit of bc-limits.h */
  BC_STORE_ERROR_BUSY,           /* another program holds the library: try again */
} BcStoreError;

/* "BCAO": the SQLite application_id of every Baocao database. */
#define BC_STORE_APPLICATION_ID 0x4243414F
#define BC_STORE_SCHEMA_VERSION 8

/* A library larger than this is checked by bc_store_open() only in part,
 * and in full by bc_store_verify(). */
#define BC_STORE_FULL_CHECK_SIZE (64 * 1024 * 1024)

/* The roles stamped with the actor's name on changes and comments. */
#define BC_ROLE_CLERK    "clerk"
#define BC_ROLE_REVIEWER "reviewer"

/* What bc_store_import_file() does when the library already holds the
 * report (the same uuid, or the same template, unit and period). */
typedef enum
{
  BC_IMPORT_ASK,         /* refuse with BC_STORE_ERROR_EXISTS and say which report */
  BC_IMPORT_REPLACE,     /* the file's version replaces it, keeping its id */
  BC_IMPORT_KEEP_BOTH,   /* add the file's version as a copy with a new uuid */
} BcImportMode;

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *template_id;
  char   *template_name;
  char   *unit;
  char   *period_from;
  char   *period_to;
  char   *status;
  char   *modified;
  char   *title;      /* the header's summary line; NULL unless from bc_library_get() */
  int     errors;     /* findings of the checks, explained ones left out; */
  int     warnings;   /* -1: not counted yet */
} BcReportSummary;

typedef struct
{
  gint64  id;
  gint64  batch;
  char   *key;
  char   *old_value;   /* NULL: was empty */
  char   *new_value;   /* NULL: now empty */
  char   *actor;
  char   *at;
  char   *role;        /* "clerk", "reviewer", or "" when not recorded */
} BcChange;

typedef struct
{
  const char *key;
  const char *value;   /* NULL or "": clear */
} BcEdit;

#define BC_TYPE_STORE (bc_store_get_type ())
G_DECLARE_FINAL_TYPE (BcStore, bc_store, BC, STORE, GObject)

GQuark       bc_store_error_quark         (void);
char        *bc_store_default_path        (void);
BcStore     *bc_store_open                (const char   *path,
                                           GError      **error);
const char  *bc_store_get_path            (BcStore      *self);
gboolean     bc_store_verify              (const char   *path,
                                           GError      **error);
gboolean     bc_store_is_read_only        (BcStore      *self);
gboolean     bc_store_check_can_write     (BcStore      *self,
                                           GError      **error);
void         bc_store_set_actor           (BcStore      *self,
                                           const char   *actor);
const char  *bc_store_get_actor           (BcStore      *self);
void         bc_store_set_role            (BcStore      *self,
                                           const char   *role);
const char  *bc_store_get_role            (BcStore      *self);
gboolean     bc_store_role_is_valid       (const char   *role);
void         bc_store_set_default_actor   (const char   *actor,
                                           const char   *role);
GPtrArray   *bc_store_list_reports        (BcStore      *self,
                                           GError      **error);
BcReport    *bc_store_create_report       (BcStore      *self,
                                           BcTemplate   *template,
                                           const char   *unit,
                                           const char   *period_from,
                                           const char   *period_to,
                                           GError      **error);
BcReport    *bc_store_create_report_for_office (BcStore    *self,
                                                BcTemplate *template,
                                                BcOffice   *office,
                                                const char *period_from,
                                                const char *period_to,
                                                GError    **error);
BcReport    *bc_store_open_report         (BcStore      *self,
                                           gint64        id,
                                           GError      **error);
gint64       bc_store_find_report         (BcStore      *self,
                                           const char   *uuid);
gint64       bc_store_find_period_report  (BcStore      *self,
                                           const char   *template_id,
                                           const char   *unit,
                                           const char   *period_from,
                                           const char   *period_to);
gboolean     bc_store_check_period_free   (BcStore      *self,
                                           const char   *template_id,
                                           const char   *unit,
                                           const char   *period_from,
                                           const char   *period_to,
                                           gint64       *existing_id,
                                           GError      **error);
gboolean     bc_store_delete_report       (BcStore      *self,
                                           gint64        id,
                                           GError      **error);
BcReport    *bc_store_duplicate_next      (BcStore      *self,
                                           BcReport     *previous,
                                           gint64       *existing_id,
                                           GError      **error);
gboolean     bc_store_set_value           (BcStore      *self,
                                           BcReport     *report,
                                           const char   *key,
                                           const char   *value,
                                           GError      **error);
GPtrArray   *bc_store_check_edits         (BcReport     *report,
                                           const BcEdit *edits,
                                           guint         n_edits,
                                           GError      **error);
gboolean     bc_store_apply               (BcStore      *self,
                                           BcReport     *report,
                                           const BcEdit *edits,
                                           guint         n_edits,
                                           GError      **error);
gint64       bc_store_get_data_version    (BcStore      *self);
gint64       bc_store_get_changes         (BcStore      *self);
GPtrArray   *bc_store_reload_report       (BcStore      *self,
                                           BcReport     *report,
                                           gboolean     *replaced,
                                           GError      **error);
GPtrArray   *bc_store_list_changes        (BcStore      *self,
                                           gint64        report_id,
                                           GError      **error);
char        *bc_store_export_json         (BcStore      *self,
                                           gint64        report_id,
                                           GError      **error);
gint64       bc_store_import_json         (BcStore      *self,
                                           const char   *data,
                                           gssize        length,
                                           GError      **error);
gint64       bc_store_import_json_file    (BcStore      *self,
                                           const char   *path,
                                           GError      **error);
gboolean     bc_store_export_file         (BcStore      *self,
                                           gint64        report_id,
                                           const char   *path,
                                           GError      **error);
gint64       bc_store_import_file         (BcStore      *self,
                                           const char   *path,
                                           BcImportMode  mode,
                                           gint64       *existing_id,
                                           GError      **error);
GPtrArray   *bc_store_list_offices        (BcStore      *self,
                                           GError      **error);
BcOffice    *bc_store_get_office          (BcStore      *self,
                                           gint64        id,
                                           GError      **error);
BcOffice    *bc_store_find_office         (BcStore      *self,
                                           const char   *uuid);
BcOffice    *bc_store_find_office_for_unit (BcStore     *self,
                                            const char  *unit_name,
                                            GError     **error);
gboolean     bc_store_add_office          (BcStore      *self,
                                           BcOffice     *office,
                                           GError      **error);
gboolean     bc_store_update_office       (BcStore      *self,
                                           BcOffice     *office,
                                           GError      **error);
gboolean     bc_store_delete_office       (BcStore      *self,
                                           gint64        id,
                                           GError      **error);
gboolean     bc_store_check_location      (const char   *path,
                                           char        **warning);

void         bc_report_summary_free       (BcReportSummary *summary);
void         bc_change_free               (BcChange        *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcReportSummary, bc_report_summary_free)

G_END_DECLS
