/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-report-private.h"
#include "bc-store-private.h"

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

/**
 * bc_store_validate_value: (skip)
 *
 * bc_report_validate_value(), its refusal in our domain: what the store
 * is asked to keep, it refuses itself.
 */
gboolean
bc_store_validate_value (BcReport    *report,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (bc_report_validate_value (report, key, value, &local_error))
    return TRUE;
  g_set_error_literal (error, BC_STORE_ERROR,
                       g_error_matches (local_error, BC_REPORT_ERROR, BC_REPORT_ERROR_TOO_LARGE)
                       ? BC_STORE_ERROR_TOO_LARGE : BC_STORE_ERROR_INVALID_VALUE,
                       local_error->message);
  return FALSE;
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
bc_store_column_dup (sqlite3_stmt *stmt,
                     int           i)
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
  g_free (summary->title);
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

gboolean
bc_store_step_done (BcStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error);
  return TRUE;
}
