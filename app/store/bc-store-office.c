/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-limits.h"
#include "bc-number.h"
#include "bc-office.h"
#include "bc-store-private.h"
#include "bc-text-utils.h"

/* The office profiles of a library: a row in office, one row a field in
 * office_value. A report names its profile by uuid (report.office). */

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gboolean
not_found (gint64   id,
           GError **error)
{
  g_autofree char *text = id_text (id);

  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
               _("There is no office profile %s in the library"), text);
  return FALSE;
}

static gboolean
read_fields (BcStore   *self,
             BcOffice  *office,
             GError   **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT field, value FROM office_value WHERE office_id = ? LIMIT 100", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bc_office_get_id (office));
  /* A field a newer Baocao added, or a value edited by hand that is no
   * longer valid, is left out rather than losing the whole profile; a
   * profile has some 15 fields, and a file with thousands is not read on. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    bc_office_set (office, (const char *) sqlite3_column_text (stmt, 0),
                   (const char *) sqlite3_column_text (stmt, 1), NULL);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || bc_store_sqlite_error (self, rc, error);
}

static BcOffice *
read_office (BcStore       *self,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(BcOffice) office = bc_office_new_guessed ("", NULL);

  bc_office_set_identity (office, sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1));
  return read_fields (self, office, error) ? g_steal_pointer (&office) : NULL;
}

static gint
compare_units (gconstpointer a,
               gconstpointer b)
{
  BcOffice *x = *(BcOffice **) a;
  BcOffice *y = *(BcOffice **) b;
  int c = bc_text_collate (bc_office_get (x, "unit"), bc_office_get (y, "unit"));

  if (c != 0)
    return c;
  return bc_office_get_id (x) < bc_office_get_id (y) ? -1 : bc_office_get_id (x) > bc_office_get_id (y);
}

/**
 * bc_store_list_offices:
 *
 * Returns: (transfer full) (element-type BcOffice): the library's office
 *   profiles by unit name, or %NULL with @error set
 */
GPtrArray *
bc_store_list_offices (BcStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) offices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  if ((stmt = bc_store_prepare (self, "SELECT id, uuid FROM office ORDER BY id", error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BcOffice *office = bc_office_new_guessed ("", NULL);
      bc_office_set_identity (office, sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (offices, office);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;
  for (guint i = 0; i < offices->len; i++)
    if (!read_fields (self, offices->pdata[i], error))
      return NULL;
  g_ptr_array_sort (offices, compare_units);
  return g_steal_pointer (&offices);
}

/**
 * bc_store_get_office:
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 *   (%BC_STORE_ERROR_NOT_FOUND when the library has none with @id)
 */
BcOffice *
bc_store_get_office (BcStore  *self,
                     gint64    id,
                     GError  **error)
{
  sqlite3_stmt *stmt;
  BcOffice *office;
  int rc;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  if ((stmt = bc_store_prepare (self, "SELECT id, uuid FROM office WHERE id = ?", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return bc_store_sqlite_error (self, rc, error), NULL;
      return not_found (id, error), NULL;
    }
  office = read_office (self, stmt, error);
  sqlite3_reset (stmt);
  return office;
}

/**
 * bc_store_find_office:
 * @uuid: a profile's uuid
 *
 * Returns: (transfer full) (nullable): the profile with @uuid, or %NULL
 */
BcOffice *
bc_store_find_office (BcStore    *self,
                      const char *uuid)
{
  sqlite3_stmt *stmt;
  BcOffice *office = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  if (uuid == NULL || *uuid == '\0'
      || (stmt = bc_store_prepare (self, "SELECT id, uuid FROM office WHERE uuid = ?", NULL)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    office = read_office (self, stmt, NULL);
  sqlite3_reset (stmt);
  return office;
}

static gboolean
same_unit (BcOffice   *office,
           const char *folded)
{
  g_autofree char *name = bc_office_dup_unit_name (office);
  g_autofree char *name_folded = g_utf8_casefold (name, -1);
  g_autofree char *unit_folded = g_utf8_casefold (bc_office_get (office, "unit"), -1);

  return g_str_equal (folded, name_folded) || g_str_equal (folded, unit_folded);
}

/**
 * bc_store_find_office_for_unit:
 * @unit_name: "Huyện Ninh Hải" or "Ninh Hải", any case
 *
 * Finds the one profile of a unit. Several profiles of the same unit
 * (its People's Committee and its police, say) are refused with
 * %BC_STORE_ERROR_EXISTS naming their ids, so that the caller asks which.
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL: none
 *   (@error unset) or several, or a failure (@error set)
 */
BcOffice *
bc_store_find_office_for_unit (BcStore     *self,
                               const char  *unit_name,
                               GError     **error)
{
  g_autoptr(GPtrArray) offices = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (unit_name != NULL, NULL);

  if ((normal = g_utf8_normalize (unit_name, -1, G_NORMALIZE_NFC)) == NULL
      || (offices = bc_store_list_offices (self, error)) == NULL)
    return NULL;
  folded = g_utf8_casefold (g_strstrip (normal), -1);
  for (guint i = 0; i < offices->len; i++)
    if (same_unit (offices->pdata[i], folded))
      g_ptr_array_add (found, offices->pdata[i]);
  if (found->len == 1)
    return g_object_ref (found->pdata[0]);
  if (found->len == 0)
    return NULL;
  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? ", " : "", bc_office_get_id (found->pdata[i]));
  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS,
               _("The library has several office profiles for “%s” (%s): say which"), normal, ids->str);
  return NULL;
}

static gint64
count_offices (BcStore  *self,
               GError  **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT count(*) FROM office", error);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gboolean
write_fields (BcStore   *self,
              BcOffice  *office,
              GError   **error)
{
  const char * const *fields = bc_office_fields ();
  sqlite3_stmt *stmt;

  if ((stmt = bc_store_prepare (self, "DELETE FROM office_value WHERE office_id = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bc_office_get_id (office));
  if (!bc_store_step_done (self, stmt, error))
    return FALSE;
  stmt = bc_store_prepare (self, "INSERT INTO office_value (office_id, field, value) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; fields[i]; i++)
    {
      const char *value = bc_office_get (office, fields[i]);
      if (*value == '\0')
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, bc_office_get_id (office));
      sqlite3_bind_text (stmt, 2, fields[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, value, -1, SQLITE_STATIC);
      if (!bc_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Inside the caller's transaction. Keeps @office's uuid: a profile read
 * from a file stays the same office. */
gboolean
bc_store_insert_office (BcStore   *self,
                        BcOffice  *office,
                        GError   **error)
{
  g_autofree char *now = bc_store_now ();
  g_autofree char *limit = NULL;
  gint64 n = count_offices (self, error);
  sqlite3_stmt *stmt;

  if (n < 0)
    return FALSE;
  if (n >= BC_LIMIT_OFFICES)
    {
      limit = bc_format_int (BC_LIMIT_OFFICES);
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_TOO_LARGE,
                   _("The library already has %s office profiles, the most it may hold"), limit);
      return FALSE;
    }
  if ((stmt = bc_store_prepare (self, "INSERT INTO office (uuid, modified) VALUES (?, ?)", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, bc_office_get_uuid (office), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  if (!bc_store_step_done (self, stmt, error))
    return FALSE;
  bc_office_set_identity (office, sqlite3_last_insert_rowid (bc_store_get_db (self)), NULL);
  return write_fields (self, office, error);
}

static gboolean
begin_write (BcStore   *self,
             BcOffice  *office,
             GError   **error)
{
  return (office == NULL || bc_office_validate (office, error))
         && bc_store_check_can_write (self, error)
         && bc_store_exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (BcStore   *self,
        gboolean   ok,
        GError   **error)
{
  if (ok && bc_store_exec (self, "COMMIT", error))
    return TRUE;
  bc_store_rollback (self);
  return FALSE;
}

/**
 * bc_store_add_office:
 * @office: a valid profile (bc_office_validate()); its id is set
 *
 * Adds a profile. A profile whose uuid the library already has is refused
 * with %BC_STORE_ERROR_EXISTS; past %BC_LIMIT_OFFICES profiles with
 * %BC_STORE_ERROR_TOO_LARGE.
 *
 * Returns: %TRUE when added
 */
gboolean
bc_store_add_office (BcStore   *self,
                     BcOffice  *office,
                     GError   **error)
{
  g_autoptr(BcOffice) existing = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);
  g_return_val_if_fail (BC_IS_OFFICE (office), FALSE);

  if (!begin_write (self, office, error))
    return FALSE;
  if ((existing = bc_store_find_office (self, bc_office_get_uuid (office))) != NULL)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS,
                   _("The library already has this office profile"));
      return commit (self, FALSE, NULL);
    }
  return commit (self, bc_store_insert_office (self, office, error), error);
}

/**
 * bc_store_update_office:
 * @office: a profile read from this library, changed
 *
 * Writes every field of @office over the stored ones. Reports already
 * written keep their own header.
 *
 * Returns: %TRUE when written
 */
gboolean
bc_store_update_office (BcStore   *self,
                        BcOffice  *office,
                        GError   **error)
{
  g_autofree char *now = bc_store_now ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);
  g_return_val_if_fail (BC_IS_OFFICE (office), FALSE);

  if (!begin_write (self, office, error))
    return FALSE;
  if ((stmt = bc_store_prepare (self, "UPDATE office SET modified = ? WHERE id = ?", error)) == NULL)
    return commit (self, FALSE, NULL);
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, bc_office_get_id (office));
  ok = bc_store_step_done (self, stmt, error);
  if (ok && sqlite3_changes (bc_store_get_db (self)) == 0)
    ok = not_found (bc_office_get_id (office), error);
  return commit (self, ok && write_fields (self, office, error), error);
}

/**
 * bc_store_delete_office:
 *
 * Deletes a profile. Its reports keep their header and lose only their
 * link to it: their next period's report carries their own header over.
 *
 * Returns: %TRUE when deleted
 */
gboolean
bc_store_delete_office (BcStore  *self,
                        gint64    id,
                        GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);

  if (!begin_write (self, NULL, error))
    return FALSE;
  stmt = bc_store_prepare (self, "UPDATE report SET office = ''"
                           " WHERE office = (SELECT uuid FROM office WHERE id = ?)", error);
  if (stmt == NULL)
    return commit (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  if (!bc_store_step_done (self, stmt, error)
      || (stmt = bc_store_prepare (self, "DELETE FROM office WHERE id = ?", error)) == NULL)
    return commit (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  ok = bc_store_step_done (self, stmt, error);
  if (ok && sqlite3_changes (bc_store_get_db (self)) == 0)
    ok = not_found (id, error);
  return commit (self, ok, error);
}
