/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bc-keys.h"
#include "bc-office.h"
#include "bc-period.h"
#include "bc-report-private.h"
#include "bc-store-private.h"
#include "bc-template.h"
#include "bc-text-utils.h"

G_DEFINE_FINAL_TYPE (BcStore, bc_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (bc-store-error-quark, bc_store_error)

/* Who is stamped on changes by stores opened from now on: the name and
 * role set once in the preferences. */
G_LOCK_DEFINE_STATIC (default_actor);
static char *default_actor;
static char *default_role;

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
bc_store_finalize (GObject *object)
{
  BcStore *self = (BcStore *) object;

  g_hash_table_unref (self->statements);
  g_clear_pointer (&self->templates, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->actor);
  g_free (self->role);

  G_OBJECT_CLASS (bc_store_parent_class)->finalize (object);
}

static void
bc_store_class_init (BcStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_store_finalize;
}

static void
bc_store_init (BcStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  G_LOCK (default_actor);
  self->actor = g_strdup (default_actor);
  self->role = g_strdup (default_role ? default_role : BC_ROLE_CLERK);
  G_UNLOCK (default_actor);
  if (self->actor == NULL)
    self->actor = g_strdup (g_get_real_name ());
  if (self->actor == NULL || *self->actor == '\0' || g_str_equal (self->actor, "Unknown"))
    {
      g_free (self->actor);
      self->actor = g_strdup (g_get_user_name ());
    }
}

/* Translates an SQLite failure once, here, into our domain. */
gboolean
bc_store_sqlite_error (BcStore  *self,
                       int       rc,
                       GError  **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_FULL,
                           _("The disk is full: the change was not saved. Free some space and try again."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      if (self->is_file)
        g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_CORRUPT,
                     _("The report file “%s” is damaged (%s)"), self->path, detail);
      else
        g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_CORRUPT,
                     _("The library “%s” is damaged (%s)"), self->path, detail);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      if (self->read_only)
        g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY,
                     _("The library “%s” is in a read-only place (folder, file or drive): "
                       "its reports can be read and exported, not changed"), self->path);
      else
        g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY,
                     _("The library “%s” cannot be written (%s)"), self->path, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_PROTOCOL:
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_BUSY,
                   _("The library “%s” is busy: another program is using it. Try again in a moment."),
                   self->path);
      break;
    default:
      if (self->is_file)
        g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_CORRUPT,
                     _("The report file “%s” cannot be read: %s"), self->path, detail);
      else
        g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_FAILED,
                     _("The library “%s” failed: %s"), self->path, detail);
      break;
    }
  return FALSE;
}

gboolean
bc_store_exec (BcStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return bc_store_sqlite_error (self, rc, error);
  return TRUE;
}

/* Statements are prepared once and kept: an edit costs no parsing. */
sqlite3_stmt *
bc_store_prepare (BcStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      bc_store_sqlite_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

char *
bc_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

void
bc_store_rollback (BcStore *self)
{
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Wraps a connection opened elsewhere (a report file read into memory),
 * so that the same queries read it as read a library. Takes @db. */
BcStore *
bc_store_new_for_db (sqlite3    *db,
                     const char *path,
                     gboolean    is_file)
{
  BcStore *self = g_object_new (BC_TYPE_STORE, NULL);

  self->db = db;
  self->path = g_strdup (path);
  self->is_file = is_file;
  return self;
}

sqlite3 *
bc_store_get_db (BcStore *self)
{
  return self->db;
}

const char *
bc_store_get_path (BcStore *self)
{
  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  return self->path;
}

/**
 * bc_store_set_actor:
 * @actor: the name stamped on every change from now on
 */
void
bc_store_set_actor (BcStore    *self,
                    const char *actor)
{
  g_return_if_fail (BC_IS_STORE (self));
  g_return_if_fail (actor != NULL);
  g_free (self->actor);
  self->actor = g_strdup (actor);
}

const char *
bc_store_get_actor (BcStore *self)
{
  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  return self->actor;
}

/**
 * bc_store_role_is_valid:
 * @role: (nullable): a role
 *
 * Returns: whether @role is %BC_ROLE_CLERK or %BC_ROLE_REVIEWER
 */
gboolean
bc_store_role_is_valid (const char *role)
{
  return g_strcmp0 (role, BC_ROLE_CLERK) == 0 || g_strcmp0 (role, BC_ROLE_REVIEWER) == 0;
}

/**
 * bc_store_set_role:
 * @role: %BC_ROLE_CLERK or %BC_ROLE_REVIEWER
 *
 * Sets the role stamped, with the actor, on every change, comment and
 * status change from now on. Returning and approving need the reviewer's.
 */
void
bc_store_set_role (BcStore    *self,
                   const char *role)
{
  g_return_if_fail (BC_IS_STORE (self));
  g_return_if_fail (bc_store_role_is_valid (role));
  g_free (self->role);
  self->role = g_strdup (role);
}

/**
 * bc_store_get_role:
 *
 * Returns: %BC_ROLE_CLERK (the default) or %BC_ROLE_REVIEWER
 */
const char *
bc_store_get_role (BcStore *self)
{
  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  return self->role;
}

/**
 * bc_store_set_default_actor:
 * @actor: (nullable): the user's name; %NULL: the account's name
 * @role: (nullable): %BC_ROLE_CLERK or %BC_ROLE_REVIEWER; %NULL: clerk
 *
 * Sets the name and role every store opened from now on starts with, in
 * this thread and any other (an edit session's writer opens its own
 * store). Stores already open keep theirs.
 */
void
bc_store_set_default_actor (const char *actor,
                            const char *role)
{
  g_return_if_fail (role == NULL || bc_store_role_is_valid (role));

  G_LOCK (default_actor);
  g_free (default_actor);
  default_actor = actor && *actor ? g_strdup (actor) : NULL;
  g_free (default_role);
  default_role = g_strdup (role);
  G_UNLOCK (default_actor);
}

char *
bc_store_column_dup (sqlite3_stmt *stmt, int i)
{
  const char *text = (const char *) sqlite3_column_text (stmt, i);
  return g_strdup (text ? text : "");
}

void
bc_report_summary_free (BcReportSummary *summary)
{
  g_free (summary->uuid);
  g_free (summary->template_id);
  g_free (summary->template_name);
  g_free (summary->unit);
  g_free (summary->period_from);
  g_free (summary->period_to);
  g_free (summary->status);
  g_free (summary->modified);
  g_free (summary);
}

void
bc_change_free (BcChange *change)
{
  g_free (change->key);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change->actor);
  g_free (change->role);
  g_free (change->at);
  g_free (change);
}

/**
 * bc_store_list_reports:
 *
 * Returns: (transfer container) (element-type BcReportSummary): the reports,
 *   newest period first
 */
GPtrArray *
bc_store_list_reports (BcStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_report_summary_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  stmt = bc_store_prepare (self,
                           "SELECT id, uuid, template_id, template_name, unit, period_from,"
                           " period_to, status, modified FROM report"
                           " ORDER BY period_to DESC, unit COLLATE NOCASE, id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BcReportSummary *s = g_new0 (BcReportSummary, 1);
      s->id = sqlite3_column_int64 (stmt, 0);
      s->uuid = bc_store_column_dup (stmt, 1);
      s->template_id = bc_store_column_dup (stmt, 2);
      s->template_name = bc_store_column_dup (stmt, 3);
      s->unit = bc_store_column_dup (stmt, 4);
      s->period_from = bc_store_column_dup (stmt, 5);
      s->period_to = bc_store_column_dup (stmt, 6);
      s->status = bc_store_column_dup (stmt, 7);
      s->modified = bc_store_column_dup (stmt, 8);
      g_ptr_array_add (list, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;
  return g_steal_pointer (&list);
}

gboolean
bc_store_step_done (BcStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error);
  return TRUE;
}

static gboolean
is_meta (const char *key)
{
  return bc_key_get_kind (key) == BC_KEY_META;
}

/* Empties a report that is about to be replaced, keeping its row (and so
 * its id and the links of other reports to it). */
static gboolean
clear_report (BcStore *self, gint64 id, GError **error)
{
  static const char * const sql[] = {
    "DELETE FROM value WHERE report_id = ?",
    "DELETE FROM change WHERE report_id = ?",
    "DELETE FROM comment WHERE report_id = ?",
    "DELETE FROM status_log WHERE report_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = bc_store_prepare (self, sql[i], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!bc_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * bc_store_insert_report:
 * @replace_id: 0 to add a report; else the id of the report whose row is
 *   overwritten and whose values, changes, comments and status log are
 *   deleted first
 * @id: (out): the report's id
 *
 * Writes a report row and its values; the caller holds a transaction.
 */
gboolean
bc_store_insert_report (BcStore     *self,
                        const char  *uuid,
                        BcTemplate  *template,
                        GHashTable  *values,
                        const char  *created,
                        const char  *modified,
                        gint64       previous_id,
                        gint64       replace_id,
                        gint64      *id,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  const char *key, *value;
  const char *status = g_hash_table_lookup (values, "meta/status");
  const char *office = g_hash_table_lookup (values, "meta/office");

  if (replace_id > 0)
    stmt = bc_store_prepare (self,
                             "UPDATE report SET uuid = ?1, template_id = ?2, template_name = ?3,"
                             " template = ?4, unit = ?5, period_from = ?6, period_to = ?7, status = ?8,"
                             " created = ?9, modified = ?10, previous_id = coalesce(?11, previous_id),"
                             " office = ?13 WHERE id = ?12", error);
  else
    stmt = bc_store_prepare (self,
                             "INSERT INTO report (uuid, template_id, template_name, template, unit,"
                             " period_from, period_to, status, created, modified, previous_id, office)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?13)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, bc_template_get_id (template), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, bc_template_get_name (template), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, bc_template_to_json (template), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, g_hash_table_lookup (values, "meta/unit"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, g_hash_table_lookup (values, "meta/period_from"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, g_hash_table_lookup (values, "meta/period_to"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, status ? status : "draft", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, modified, -1, SQLITE_STATIC);
  if (previous_id > 0)
    sqlite3_bind_int64 (stmt, 11, previous_id);
  if (replace_id > 0)
    sqlite3_bind_int64 (stmt, 12, replace_id);
  sqlite3_bind_text (stmt, 13, office ? office : "", -1, SQLITE_STATIC);
  if (!bc_store_step_done (self, stmt, error))
    return FALSE;
  if (replace_id > 0)
    {
      *id = replace_id;
      if (!clear_report (self, replace_id, error))
        return FALSE;
    }
  else
    *id = sqlite3_last_insert_rowid (self->db);

  stmt = bc_store_prepare (self, "INSERT INTO value (report_id, key, value) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    {
      if (is_meta (key))
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, *id);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, value, -1, SQLITE_STATIC);
      if (!bc_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* The check and the insert share the write transaction: two windows or
 * commands making the same report at once make it once. */
static BcReport *
insert_new (BcStore     *self,
            BcTemplate  *template,
            GHashTable  *values,
            gint64       previous_id,
            gint64      *existing_id,
            GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = bc_store_now ();
  gint64 id;

  if (!bc_store_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;
  if (!bc_store_check_period_free (self, bc_template_get_id (template), g_hash_table_lookup (values, "meta/unit"),
                                   g_hash_table_lookup (values, "meta/period_from"),
                                   g_hash_table_lookup (values, "meta/period_to"), existing_id, error)
      || !bc_store_insert_report (self, uuid, template, values, now, now, previous_id, 0, &id, error)
      || !bc_store_exec (self, "COMMIT", error))
    {
      bc_store_rollback (self);
      return NULL;
    }
  return bc_report_new (id, uuid, template, values, now, now, previous_id);
}

/* The period rule of the template (bc_period_check()), in our domain. */
static gboolean
check_period (BcTemplate *template, const char *from, const char *to, GError **error)
{
  g_autoptr(GError) period_error = NULL;

  if (bc_period_check (bc_template_get_regime (template), bc_template_get_cutoff_day (template),
                       from, to, &period_error))
    return TRUE;
  g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE, period_error->message);
  return FALSE;
}

/* The header of a new report: the template's wording with the unit's
 * words filled in, then what the office's profile says of itself. A
 * field this Baocao's reports do not have is left out. */
static void
fill_header (GHashTable  *values,
             BcTemplate  *template,
             BcOffice    *office,
             const char  *from,
             const char  *to)
{
  const char * const *fields = bc_key_header_fields ();
  GHashTableIter iter;
  const char *key, *value;

  g_hash_table_iter_init (&iter, bc_template_get_header (template));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (*value != '\0')
      g_hash_table_insert (values, g_strdup (key), bc_template_expand (value, office, from, to));
  for (guint i = 0; fields[i]; i++)
    {
      char *own = bc_office_dup_header_value (office, fields[i], bc_template_get_kind (template));
      if (own != NULL)
        g_hash_table_insert (values, bc_key_header (fields[i]), own);
    }
}

static void
fill_tables (GHashTable *values, BcTemplate *template)
{
  GPtrArray *tables = bc_template_get_tables (template);
  GHashTableIter iter;
  const char *key, *value;

  for (guint i = 0; i < tables->len; i++)
    {
      BcTableDef *t = tables->pdata[i];
      g_hash_table_iter_init (&iter, t->defaults);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
        /* A default's key is "<row>/<column>". */
        g_hash_table_insert (values, bc_key_row (t->id, key), g_strdup (value));
    }
}

static gboolean
check_unit (const char *unit, GError **error)
{
  if (*unit == '\0')
    {
      g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                           _("The unit cannot be empty"));
      return FALSE;
    }
  if (bc_text_has_controls (unit, FALSE))
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                   _("%s: the text holds a control character"), "meta/unit");
      return FALSE;
    }
  return TRUE;
}

/* @office is a profile of the library (linked) or one guessed from the
 * unit's name (id 0: only its words are used). */
static BcReport *
create_report (BcStore     *self,
               BcTemplate  *template,
               const char  *unit,
               BcOffice    *office,
               const char  *period_from,
               const char  *period_to,
               GError     **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!check_unit (unit, error) || !check_period (template, period_from, period_to, error))
    return NULL;

  g_hash_table_insert (values, g_strdup ("meta/unit"), g_strdup (unit));
  g_hash_table_insert (values, g_strdup ("meta/period_from"), g_strdup (period_from));
  g_hash_table_insert (values, g_strdup ("meta/period_to"), g_strdup (period_to));
  g_hash_table_insert (values, g_strdup ("meta/status"), g_strdup ("draft"));
  if (bc_office_get_id (office) > 0)
    g_hash_table_insert (values, g_strdup ("meta/office"), g_strdup (bc_office_get_uuid (office)));
  g_hash_table_insert (values, g_strdup ("header/date"), today_iso ());
  fill_header (values, template, office, period_from, period_to);
  fill_tables (values, template);

  return insert_new (self, template, values, 0, NULL, error);
}

/**
 * bc_store_create_report:
 * @template: the template; the report keeps its own copy
 * @unit: the reporting unit: "Huyện Ninh Hải"
 * @period_from: first day, ISO
 * @period_to: last day, ISO
 *
 * When the library has exactly one office profile for @unit
 * (bc_store_find_office_for_unit()), the report is made for it as by
 * bc_store_create_report_for_office(); else its header is the template's
 * wording with the unit's words (its kind read from @unit, else the
 * template's unit_kind) filled in.
 *
 * Refuses with %BC_STORE_ERROR_INVALID_VALUE a period that is not one of
 * the template's (bc_period_check()), and with %BC_STORE_ERROR_EXISTS,
 * naming it, one for which the library already has the unit's report.
 *
 * Returns: (transfer full): the new report, or %NULL with @error set
 */
BcReport *
bc_store_create_report (BcStore     *self,
                        BcTemplate  *template,
                        const char  *unit,
                        const char  *period_from,
                        const char  *period_to,
                        GError     **error)
{
  g_autofree char *unit_nfc = NULL;
  g_autoptr(BcOffice) office = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (unit != NULL, NULL);

  unit_nfc = g_utf8_normalize (unit, -1, G_NORMALIZE_NFC);
  if (unit_nfc == NULL)
    unit_nfc = g_strdup ("");
  g_strstrip (unit_nfc);
  if (*unit_nfc != '\0' && (office = bc_store_find_office_for_unit (self, unit_nfc, NULL)) != NULL)
    return bc_store_create_report_for_office (self, template, office, period_from, period_to, error);
  office = bc_office_new_guessed (unit_nfc, bc_template_get_unit_kind (template));
  return create_report (self, template, unit_nfc, office, period_from, period_to, error);
}

/**
 * bc_store_create_report_for_office:
 * @template: the template; the report keeps its own copy
 * @office: a profile of this library
 * @period_from: first day, ISO
 * @period_to: last day, ISO
 *
 * Makes a report for an office: its unit is the profile's
 * (bc_office_dup_unit_name()), its header the template's wording with the
 * profile's words filled in (bc_template_expand()), then the profile's
 * own fields (bc_office_dup_header_value()). The report keeps its own
 * copy: changing the profile later leaves it alone. Refuses what
 * bc_store_create_report() refuses.
 *
 * Returns: (transfer full): the new report, or %NULL with @error set
 */
BcReport *
bc_store_create_report_for_office (BcStore     *self,
                                   BcTemplate  *template,
                                   BcOffice    *office,
                                   const char  *period_from,
                                   const char  *period_to,
                                   GError     **error)
{
  g_autofree char *unit = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (BC_IS_OFFICE (office), NULL);

  if (!bc_office_validate (office, error))
    return NULL;
  unit = bc_office_dup_unit_name (office);
  return create_report (self, template, unit, office, period_from, period_to, error);
}

/* The reports made from one template carry the same copy of it: parse it
 * once per store (templates are read-only), so that opening a report is
 * reading its values. */
static BcTemplate *
cached_template (BcStore *self, const char *json, const char *origin, GError **error)
{
  BcTemplate *template;

  if (self->templates == NULL)
    self->templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if ((template = g_hash_table_lookup (self->templates, json)) != NULL)
    return g_object_ref (template);
  if ((template = bc_template_new_from_data (json, -1, origin, NULL, error)) != NULL)
    g_hash_table_insert (self->templates, g_strdup (json), g_object_ref (template));
  return template;
}

/**
 * bc_store_open_report:
 *
 * Returns: (transfer full): the report with its values, or %NULL with @error set
 */
BcReport *
bc_store_open_report (BcStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(BcTemplate) template = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  sqlite3_stmt *stmt;
  gint64 previous_id;
  int rc;
  /* Formatted apart: a message with G_GINT64_FORMAT cannot be translated. */
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  stmt = bc_store_prepare (self,
                           "SELECT uuid, template, unit, period_from, period_to, status,"
                           " created, modified, coalesce(previous_id, 0), office FROM report WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return bc_store_sqlite_error (self, rc, error), NULL;
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
                   _("There is no report %s in the library"), id_text);
      return NULL;
    }
  origin = g_strdup_printf (_("report %s"), id_text);
  template = cached_template (self, (const char *) sqlite3_column_text (stmt, 1), origin, error);
  if (template == NULL)
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  uuid = bc_store_column_dup (stmt, 0);
  g_hash_table_insert (values, g_strdup ("meta/unit"), bc_store_column_dup (stmt, 2));
  g_hash_table_insert (values, g_strdup ("meta/period_from"), bc_store_column_dup (stmt, 3));
  g_hash_table_insert (values, g_strdup ("meta/period_to"), bc_store_column_dup (stmt, 4));
  g_hash_table_insert (values, g_strdup ("meta/status"), bc_store_column_dup (stmt, 5));
  created = bc_store_column_dup (stmt, 6);
  modified = bc_store_column_dup (stmt, 7);
  previous_id = sqlite3_column_int64 (stmt, 8);
  if (sqlite3_column_bytes (stmt, 9) > 0)
    g_hash_table_insert (values, g_strdup ("meta/office"), bc_store_column_dup (stmt, 9));
  sqlite3_reset (stmt);

  stmt = bc_store_prepare (self, "SELECT key, value FROM value WHERE report_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (values, bc_store_column_dup (stmt, 0), bc_store_column_dup (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;

  return bc_report_new (id, uuid, template, values, created, modified, previous_id);
}

/**
 * bc_store_find_report:
 *
 * Returns: the id of the report with @uuid, or 0
 */
gint64
bc_store_find_report (BcStore    *self,
                      const char *uuid)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT id FROM report WHERE uuid = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/**
 * bc_store_find_period_report:
 * @template_id: the template's id
 * @unit: the reporting unit, as typed (compared trimmed, in NFC)
 * @period_from: first day, ISO
 * @period_to: last day, ISO
 *
 * Finds the report a unit already has for a period from a template, so
 * that a second one is not made by mistake.
 *
 * Returns: the id of the first such report, or 0
 */
gint64
bc_store_find_period_report (BcStore    *self,
                             const char *template_id,
                             const char *unit,
                             const char *period_from,
                             const char *period_to)
{
  g_autofree char *unit_nfc = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (BC_IS_STORE (self), 0);
  g_return_val_if_fail (template_id != NULL && unit != NULL, 0);
  g_return_val_if_fail (period_from != NULL && period_to != NULL, 0);

  if ((unit_nfc = g_utf8_normalize (unit, -1, G_NORMALIZE_NFC)) == NULL)
    return 0;
  g_strstrip (unit_nfc);
  stmt = bc_store_prepare (self,
                           "SELECT id FROM report WHERE template_id = ? AND unit = ?"
                           " AND period_from = ? AND period_to = ? ORDER BY id LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, template_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, unit_nfc, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, period_from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, period_to, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/**
 * bc_store_check_period_free:
 * @template_id: the template's id
 * @unit: the reporting unit (compared trimmed, in NFC)
 * @period_from: first day, ISO
 * @period_to: last day, ISO
 * @existing_id: (out) (optional): the report the period already has, or 0
 *
 * One report per unit, template and period: a second one would be filled
 * in beside the first and sent in its place. The rule every way of making
 * a report follows (new, next period, the window's dialog).
 *
 * Returns: %TRUE when the period has no report yet; else %FALSE with
 *   %BC_STORE_ERROR_EXISTS naming the one it has
 */
gboolean
bc_store_check_period_free (BcStore     *self,
                            const char  *template_id,
                            const char  *unit,
                            const char  *period_from,
                            const char  *period_to,
                            gint64      *existing_id,
                            GError     **error)
{
  gint64 existing = bc_store_find_period_report (self, template_id, unit, period_from, period_to);
  g_autofree char *unit_text = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;

  if (existing_id != NULL)
    *existing_id = existing;
  if (existing == 0)
    return TRUE;
  unit_text = g_strstrip (g_strdup (unit));
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, existing);
  from_text = bc_date_to_display (period_from);
  to_text = bc_date_to_display (period_to);
  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS,
               _("There is already a report for “%s” from %s to %s with this template: report %s"),
               unit_text, from_text, to_text, id_text);
  return FALSE;
}

gboolean
bc_store_delete_report (BcStore  *self,
                        gint64    id,
                        GError  **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);

  stmt = bc_store_prepare (self, "DELETE FROM report WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!bc_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
                   _("There is no report %s in the library"), id_text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
section_carries_over (BcTemplate *template, const BcKey *k)
{
  static const char * const wording[] = { "number", "title", "intro", "omit", NULL };
  const BcSection *section = bc_template_find_section (template, k->id);

  /* The office's own headings, and the sections it leaves out, stay;
   * the paragraphs around a list go with the list. */
  if (section != NULL && k->kind == BC_KEY_SECTION_PART && g_strv_contains (wording, k->sub))
    return TRUE;
  return section != NULL && section->kind != BC_SECTION_DOCUMENTS;
}

static gboolean
cell_carries_over (BcTemplate *template, const BcKey *k)
{
  const BcTableDef *table = bc_template_find_table (template, k->id);
  const BcColumn *column = table ? bc_table_def_find_column (table, k->field) : NULL;

  if (g_str_equal (k->field, "applies"))
    return TRUE;
  return column != NULL && (column->type == BC_COLUMN_TEXT || column->type == BC_COLUMN_CHOICE);
}

/* What carries over into the next period: the structure, the narrative,
 * recipients and signer, which rows apply and their text columns. Figures,
 * counts, notes, the documents issued and the number and date do not. */
static gboolean
carries_over (BcTemplate *template, const char *key)
{
  g_auto(BcKey) k = BC_KEY_INIT;

  switch (bc_key_parse (&k, key))
    {
    case BC_KEY_HEADER:
      return !g_str_equal (k.id, "number") && !g_str_equal (k.id, "date");
    case BC_KEY_SECTION_PART:
    case BC_KEY_ITEM:
    case BC_KEY_ITEM_FIELD:
      return section_carries_over (template, &k);
    case BC_KEY_CELL:
      return cell_carries_over (template, &k);
    default:
      return FALSE;
    }
}

/**
 * bc_store_duplicate_next:
 * @previous: the report to start from
 * @existing_id: (out) (optional): the report the next period already has, or 0
 *
 * Creates the report for the period after @previous's, for the same unit,
 * from @previous's own template copy. When @previous was made for an
 * office profile that the library still has, the new report takes the
 * profile as it is now (its unit's name, its header fields); else it
 * carries @previous's own over. When that period already has its
 * report, refuses with %BC_STORE_ERROR_EXISTS and sets @existing_id.
 *
 * Returns: (transfer full): the new report, or %NULL with @error set
 */
BcReport *
bc_store_duplicate_next (BcStore   *self,
                         BcReport  *previous,
                         gint64    *existing_id,
                         GError   **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  BcTemplate *template;
  GHashTableIter iter;
  const char *key, *value;
  const char *old_from, *old_to;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(BcOffice) before = NULL;
  g_autoptr(BcOffice) office = NULL;
  BcOffice *after;
  const char * const *fields = bc_key_header_fields ();

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_REPORT (previous), NULL);

  if (existing_id != NULL)
    *existing_id = 0;
  template = bc_report_get_template (previous);
  old_from = bc_report_get_period_from (previous);
  old_to = bc_report_get_period_to (previous);
  if (!bc_period_next (bc_template_get_regime (template), bc_template_get_cutoff_day (template),
                       old_from, old_to, &from, &to))
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                   _("The report's period is not a valid range of dates"));
      return NULL;
    }

  /* The unit's words as the previous report has them, and as its profile
   * has them now (renamed, a new signer): the new report takes the latter. */
  before = bc_report_dup_own_office (previous);
  office = bc_store_find_office (self, bc_report_get (previous, "meta/office"));
  after = office ? office : before;

  g_hash_table_iter_init (&iter, bc_report_get_values (previous));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (carries_over (template, key))
      g_hash_table_insert (values, g_strdup (key), g_strdup (value));

  /* A header field that still reads as the template made it moves on with
   * the period and the profile; one the clerk rewrote is kept. */
  g_hash_table_iter_init (&iter, bc_template_get_header (template));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    {
      g_autofree char *old_text = bc_template_expand (value, before, old_from, old_to);
      if (g_str_equal (old_text, bc_report_get (previous, key)))
        g_hash_table_insert (values, g_strdup (key), bc_template_expand (value, after, from, to));
    }
  if (office != NULL)
    for (guint i = 0; fields[i]; i++)
      {
        char *own = bc_office_dup_header_value (office, fields[i], bc_template_get_kind (template));
        if (own != NULL)
          g_hash_table_insert (values, bc_key_header (fields[i]), own);
      }

  g_hash_table_insert (values, g_strdup ("meta/unit"),
                       office ? bc_office_dup_unit_name (office) : g_strdup (bc_report_get_unit (previous)));
  if (office != NULL)
    g_hash_table_insert (values, g_strdup ("meta/office"), g_strdup (bc_office_get_uuid (office)));
  g_hash_table_insert (values, g_strdup ("meta/period_from"), g_steal_pointer (&from));
  g_hash_table_insert (values, g_strdup ("meta/period_to"), g_steal_pointer (&to));
  g_hash_table_insert (values, g_strdup ("meta/status"), g_strdup ("draft"));
  g_hash_table_insert (values, g_strdup ("header/date"), today_iso ());

  return insert_new (self, template, values, bc_report_get_id (previous), existing_id, error);
}

static gboolean
write_value (BcStore *self, gint64 report_id, const char *key, const char *value, GError **error)
{
  static const char * const meta_sql[][2] = {
    { "meta/unit", "UPDATE report SET unit = ?2 WHERE id = ?1" },
    { "meta/period_from", "UPDATE report SET period_from = ?2 WHERE id = ?1" },
    { "meta/period_to", "UPDATE report SET period_to = ?2 WHERE id = ?1" },
    { "meta/status", "UPDATE report SET status = ?2 WHERE id = ?1" },
    { "meta/office", "UPDATE report SET office = coalesce(?2, '') WHERE id = ?1" },
  };
  const char *sql = value ? "INSERT OR REPLACE INTO value (report_id, key, value) VALUES (?1, ?3, ?2)"
                          : "DELETE FROM value WHERE report_id = ?1 AND key = ?3";
  sqlite3_stmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (meta_sql); i++)
    if (g_str_equal (key, meta_sql[i][0]))
      sql = meta_sql[i][1];
  if ((stmt = bc_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
  return bc_store_step_done (self, stmt, error);
}

gboolean
bc_store_log_change (BcStore     *self,
                     gint64       report_id,
                     gint64       batch,
                     const char  *key,
                     const char  *old_value,
                     const char  *new_value,
                     const char  *at,
                     GError     **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self,
                                         "INSERT INTO change (report_id, batch, key, old, new, actor, role, at)"
                                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int64 (stmt, 2, batch);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, new_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, self->actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, self->role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, at, -1, SQLITE_STATIC);
  return bc_store_step_done (self, stmt, error);
}

gint64
bc_store_next_batch (BcStore *self, GError **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT coalesce(max(batch), 0) + 1 FROM change", error);
  gint64 batch = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    batch = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return batch;
}

/* The status on disk decides, not the caller's copy: another window or
 * an import may have approved the report meanwhile. The caller holds a
 * transaction. */
gboolean
bc_store_check_writable (BcStore  *self,
                         gint64    report_id,
                         GError  **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT status FROM report WHERE id = ?", error);
  g_autofree char *status = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    status = bc_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error);
  if (status == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, report_id);
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
                   _("There is no report %s in the library"), id_text);
      return FALSE;
    }
  if (g_str_equal (status, "approved"))
    {
      g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY,
                           _("This report is approved and cannot be changed. Reopen it first, giving a reason."));
      return FALSE;
    }
  return TRUE;
}

gboolean
bc_store_touch_report (BcStore     *self,
                       gint64       report_id,
                       const char  *modified,
                       GError     **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "UPDATE report SET modified = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, modified, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, report_id);
  return bc_store_step_done (self, stmt, error);
}

static char *
normalize_value (const char *value)
{
  if (value == NULL || *value == '\0')
    return NULL;
  return g_utf8_normalize (value, -1, G_NORMALIZE_NFC);
}

/* The value of @key on disk ("" when it has none); the caller holds a
 * transaction. */
static gboolean
read_value (BcStore *self, gint64 report_id, const char *key, char **value, GError **error)
{
  static const char * const meta_sql[][2] = {
    { "meta/unit", "SELECT unit FROM report WHERE id = ?1" },
    { "meta/period_from", "SELECT period_from FROM report WHERE id = ?1" },
    { "meta/period_to", "SELECT period_to FROM report WHERE id = ?1" },
    { "meta/status", "SELECT status FROM report WHERE id = ?1" },
    { "meta/office", "SELECT office FROM report WHERE id = ?1" },
  };
  const char *sql = "SELECT value FROM value WHERE report_id = ?1 AND key = ?2";
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (meta_sql); i++)
    if (g_str_equal (key, meta_sql[i][0]))
      sql = meta_sql[i][1];
  if ((stmt = bc_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *value = rc == SQLITE_ROW ? bc_store_column_dup (stmt, 0) : g_strdup ("");
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error);
  return TRUE;
}

/* Reads what @edits would replace, on disk, and counts the edits that
 * change something. */
static gboolean
read_old_values (BcStore *self, gint64 id, const BcEdit *edits, GPtrArray *values, GPtrArray *olds,
                 guint *changed, GError **error)
{
  *changed = 0;
  for (guint i = 0; i < values->len; i++)
    {
      char *old_value = NULL;

      if (!read_value (self, id, edits[i].key, &old_value, error))
        return FALSE;
      g_ptr_array_add (olds, old_value);
      if (g_strcmp0 (values->pdata[i] ? values->pdata[i] : "", old_value) != 0)
        (*changed)++;
    }
  return TRUE;
}

/**
 * bc_store_apply:
 * @edits: (array length=n_edits): the changes, applied together
 *
 * Applies @edits in one transaction and logs them as one batch, with the
 * store's actor, role and the time. Each edit is compared with the value
 * on disk, inside the transaction, not with @report's copy, which another
 * program may have made stale: an edit equal to the stored value writes
 * nothing, and the change log's old value is the one it replaced. Values
 * are stored in NFC. Nothing is written when any edit is refused: an
 * invalid value, "meta/status" (it changes through bc_store_set_status()
 * only) or any change of an approved report (%BC_STORE_ERROR_READ_ONLY).
 * Afterwards @report holds the edited values as they are on disk.
 *
 * Returns: %TRUE when everything was committed
 */
gboolean
bc_store_apply (BcStore       *self,
                BcReport      *report,
                const BcEdit  *edits,
                guint          n_edits,
                GError       **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) olds = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *now = NULL;
  gint64 id, batch = 0;
  guint changed = 0;

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);
  g_return_val_if_fail (BC_IS_REPORT (report), FALSE);

  for (guint i = 0; i < n_edits; i++)
    {
      char *value = normalize_value (edits[i].value);
      if (edits[i].value != NULL && *edits[i].value && value == NULL)
        return g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                            _("%s: the text is not valid UTF-8"), edits[i].key), FALSE;
      g_ptr_array_add (values, value);
      if (!bc_report_validate_value (report, edits[i].key, value, error))
        return FALSE;
      if (g_str_equal (edits[i].key, "meta/status"))
        return bc_store_refuse_status_edit (error);
    }
  if (n_edits == 0)
    return TRUE;

  id = bc_report_get_id (report);
  now = bc_store_now ();
  if (!bc_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!read_old_values (self, id, edits, values, olds, &changed, error))
    goto fail;
  if (changed > 0
      && (!bc_store_check_writable (self, id, error) || (batch = bc_store_next_batch (self, error)) == 0))
    goto fail;
  for (guint i = 0; i < n_edits && changed > 0; i++)
    {
      const char *old_value = olds->pdata[i];
      const char *value = values->pdata[i];

      if (g_strcmp0 (value ? value : "", old_value) == 0)
        continue;
      if (!write_value (self, id, edits[i].key, value, error)
          || !bc_store_log_change (self, id, batch, edits[i].key, *old_value ? old_value : NULL,
                                   value, now, error))
        goto fail;
    }
  if ((changed > 0 && !bc_store_touch_report (self, id, now, error)) || !bc_store_exec (self, "COMMIT", error))
    goto fail;

  /* Only now that it is on disk does the model change. */
  if (changed > 0)
    bc_report_set_modified (report, now);
  for (guint i = 0; i < n_edits; i++)
    if (g_strcmp0 (values->pdata[i] ? values->pdata[i] : "", bc_report_get (report, edits[i].key)) != 0)
      bc_report_set_internal (report, edits[i].key, values->pdata[i]);
  return TRUE;

fail:
  bc_store_rollback (self);
  return FALSE;
}

/**
 * bc_store_get_data_version:
 *
 * Returns: a number that changes whenever another connection, in this
 *   process or another, commits a change to the library (SQLite's
 *   data_version), or -1 when it cannot be read
 */
gint64
bc_store_get_data_version (BcStore *self)
{
  sqlite3_stmt *stmt;
  gint64 version = -1;

  g_return_val_if_fail (BC_IS_STORE (self), -1);

  if ((stmt = bc_store_prepare (self, "PRAGMA data_version", NULL)) == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

/**
 * bc_store_reload_report:
 * @report: a report of this library, maybe out of date
 * @replaced: (out): set when the report on disk is another one now (its
 *   uuid or its template copy changed, as when a report file replaced
 *   it): @report is then left as it was and must be opened again
 *
 * Reads @report again and brings its values, status and modification
 * time up to date, emitting #BcReport::value-changed for each value that
 * another program changed.
 *
 * Returns: (transfer container) (element-type utf8): the keys that
 *   changed, or %NULL with @error set
 */
GPtrArray *
bc_store_reload_report (BcStore   *self,
                        BcReport  *report,
                        gboolean  *replaced,
                        GError   **error)
{
  g_autoptr(BcReport) fresh = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *key, *value;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  *replaced = FALSE;
  if ((fresh = bc_store_open_report (self, bc_report_get_id (report), error)) == NULL)
    return NULL;
  if (g_strcmp0 (bc_report_get_uuid (fresh), bc_report_get_uuid (report)) != 0
      || (bc_report_get_template (fresh) != bc_report_get_template (report)
          && g_strcmp0 (bc_template_to_json (bc_report_get_template (fresh)),
                        bc_template_to_json (bc_report_get_template (report))) != 0))
    {
      *replaced = TRUE;
      return g_steal_pointer (&keys);
    }
  g_hash_table_iter_init (&iter, bc_report_get_values (fresh));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (g_strcmp0 (value, bc_report_get (report, key)) != 0)
      g_ptr_array_add (keys, g_strdup (key));
  g_hash_table_iter_init (&iter, bc_report_get_values (report));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (*value != '\0' && !g_hash_table_contains (bc_report_get_values (fresh), key))
      g_ptr_array_add (keys, g_strdup (key));
  for (guint i = 0; i < keys->len; i++)
    {
      const char *now = bc_report_get (fresh, keys->pdata[i]);
      bc_report_set_internal (report, keys->pdata[i], *now ? now : NULL);
    }
  bc_report_set_modified (report, bc_report_get_modified (fresh));
  return g_steal_pointer (&keys);
}

/**
 * bc_store_set_value:
 * @value: (nullable): the new value; %NULL or "" clears it
 *
 * Returns: %TRUE when the value was committed
 */
gboolean
bc_store_set_value (BcStore     *self,
                    BcReport    *report,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  BcEdit edit = { key, value };

  return bc_store_apply (self, report, &edit, 1, error);
}

/**
 * bc_store_list_changes:
 *
 * Returns: (transfer container) (element-type BcChange): the change log, oldest first
 */
GPtrArray *
bc_store_list_changes (BcStore  *self,
                       gint64    report_id,
                       GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_change_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  stmt = bc_store_prepare (self,
                           "SELECT id, batch, key, old, new, actor, at, role FROM change"
                           " WHERE report_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BcChange *c = g_new0 (BcChange, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->batch = sqlite3_column_int64 (stmt, 1);
      c->key = bc_store_column_dup (stmt, 2);
      c->old_value = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? NULL : bc_store_column_dup (stmt, 3);
      c->new_value = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? NULL : bc_store_column_dup (stmt, 4);
      c->actor = bc_store_column_dup (stmt, 5);
      c->at = bc_store_column_dup (stmt, 6);
      c->role = bc_store_column_dup (stmt, 7);
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;
  return g_steal_pointer (&list);
}
