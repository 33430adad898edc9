/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixmounts.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bc-file-utils.h"
#include "bc-limits.h"
#include "bc-report.h"
#include "bc-store-private.h"

/* Report files (.baocao): one report with its template copy, values,
 * change log, comments and status log, in an SQLite file of its own that
 * has our application_id and schema version. That is how a draft travels
 * to a reviewer and back; the library itself never leaves the machine.
 *
 * Writing: the report is copied into a database in memory, which VACUUM
 * INTO writes to a temporary file beside the target, synced, then renamed
 * over it. The file is in rollback-journal mode and has no companions.
 *
 * Reading: the file is read once into memory, its header checked by hand,
 * then handed to SQLite with sqlite3_deserialize() on a connection in
 * defensive mode, with trusted_schema, triggers and views off. Its
 * sqlite_schema must be exactly the one Baocao makes, so that no generated
 * column, view, trigger or index of somebody else's runs while it is read,
 * and its counts of values, changes and comments are checked before they
 * are read. Nothing is opened on disk, so a hostile file cannot leave a -wal, -shm or -journal
 * beside itself, and what is checked is exactly what is read. An older
 * file is migrated in memory. Every value is checked against the report's
 * own template before one row is written to the library, in one
 * transaction. */

#define FILE_PAGE_SIZE 1024

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static gboolean
not_ours (GError     **error,
          const char  *label)
{
  g_autofree char *name = g_path_get_basename (label);

  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_FOREIGN,
               _("“%s” is not a Baocao report file"), name);
  return FALSE;
}

static gboolean
damaged (GError     **error,
         const char  *label,
         const char  *why)
{
  g_autofree char *name = g_path_get_basename (label);

  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_CORRUPT,
               _("The report file “%s” is damaged (%s). Ask for it to be sent again."), name, why);
  return FALSE;
}

/* The 100-byte database header (sqlite.org/fileformat.html), checked
 * before SQLite reads a byte: magic, application id, schema version, page
 * size, and a length that holds every page the header announces. */
static gboolean
check_header (const char    *label,
              const guint8  *data,
              gsize          length,
              int           *version,
              GError       **error)
{
  guint32 page_size, pages;

  if (length < 100 || memcmp (data, "SQLite format 3", 16) != 0)
    return not_ours (error, label);
  if (read_be32 (data + 68) != BC_STORE_APPLICATION_ID)
    return not_ours (error, label);
  *version = (int) MIN (read_be32 (data + 60), (guint32) G_MAXINT);
  if (*version > BC_STORE_SCHEMA_VERSION)
    {
      g_autofree char *name = g_path_get_basename (label);
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NEWER,
                   _("“%s” was made by a newer Baocao (format %d; this one reads up to %d). Update Baocao to open it."),
                   name, *version, BC_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (*version < 1)
    return damaged (error, label, _("it has no format version"));
  page_size = (guint32) data[16] << 8 | data[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    return damaged (error, label, _("its header is wrong"));
  /* The page count is to be trusted only when the header says so. */
  pages = read_be32 (data + 28);
  if (length % page_size != 0
      || (pages > 0 && read_be32 (data + 24) == read_be32 (data + 92) && (guint64) pages * page_size > length))
    return damaged (error, label, _("it is cut short"));
  return TRUE;
}

static gboolean
quick_check (BcStore     *file,
             const char  *label,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc = sqlite3_prepare_v2 (bc_store_get_db (file), "PRAGMA quick_check(1)", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  ok = rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  return ok || damaged (error, label, _("its pages do not fit together"));
}

/* A connection that trusts nothing in the database it reads. */
static sqlite3 *
open_guarded (void)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, BC_LIMIT_FILE_SIZE);
  if (sqlite3_exec (db, "PRAGMA trusted_schema = OFF", NULL, NULL, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/**
 * bc_store_open_file_data:
 * @label: the file's name, for messages
 * @data: (array length=length): the whole file
 *
 * Returns: (transfer full): a read-only store on a copy of @data in
 *   memory, checked and migrated to the current schema, or %NULL with
 *   @error set
 */
BcStore *
bc_store_open_file_data (const char    *label,
                         const guint8  *data,
                         gsize          length,
                         GError       **error)
{
  g_autoptr(BcStore) file = NULL;
  g_autofree char *name = NULL;
  unsigned char *copy;
  sqlite3 *db;
  int version, rc;
  unsigned flags = SQLITE_DESERIALIZE_FREEONCLOSE;

  if (!check_header (label, data, length, &version, error))
    return NULL;
  if ((db = open_guarded ()) == NULL || (copy = sqlite3_malloc64 (length)) == NULL)
    {
      sqlite3_close (db);
      g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_FAILED, _("Out of memory"));
      return NULL;
    }
  memcpy (copy, data, length);
  /* A database in memory has no WAL: read a WAL-mode file as a plain one. */
  copy[18] = copy[19] = 1;
  flags |= version < BC_STORE_SCHEMA_VERSION ? SQLITE_DESERIALIZE_RESIZEABLE : SQLITE_DESERIALIZE_READONLY;
  rc = sqlite3_deserialize (db, "main", copy, (sqlite3_int64) length, (sqlite3_int64) length, flags);
  name = g_path_get_basename (label);
  file = bc_store_new_for_db (db, name, TRUE);
  if (rc != SQLITE_OK)
    return bc_store_sqlite_error (file, rc, error), NULL;
  if (!bc_store_schema_matches (file, version))
    return damaged (error, label, _("its tables are not those of a report file")), NULL;
  if (!quick_check (file, label, error))
    return NULL;
  /* SQLite re-reads the whole schema to migrate it: what it cannot
   * migrate ("no such table: main.c") has tables that are not ours. */
  if (version < BC_STORE_SCHEMA_VERSION && !bc_store_migrate (file, NULL))
    return damaged (error, label, _("its tables are not those of a report file")), NULL;
  if (!bc_store_exec (file, "PRAGMA query_only = ON", error))
    return NULL;
  return g_steal_pointer (&file);
}

/* Before a row is read, as a JSON file's are. */
static gboolean
check_counts (BcStore  *file,
              gint64    id,
              GError  **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (file,
                                         "SELECT (SELECT count(*) FROM value WHERE report_id = ?1),"
                                         " (SELECT count(*) FROM change WHERE report_id = ?1),"
                                         " (SELECT count(*) FROM comment WHERE report_id = ?1),"
                                         " (SELECT count(*) FROM status_log WHERE report_id = ?1)", error);
  gint64 counts[4] = { 0 };
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
      counts[i] = sqlite3_column_int64 (stmt, (int) i);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return bc_store_sqlite_error (file, rc, error);
  return bc_bundle_check_counts ((guint64) counts[0], (guint64) counts[1], (guint64) counts[2],
                                 (guint64) counts[3], error);
}

static gint64
only_report (BcStore     *file,
             const char  *label,
             GError     **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (file, "SELECT count(*), coalesce(min(id), 0) FROM report", error);
  gint64 count = 0, id = 0;
  int rc;

  if (stmt == NULL)
    return 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      count = sqlite3_column_int64 (stmt, 0);
      id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return bc_store_sqlite_error (file, rc, error), 0;
  if (count == 1 && id > 0)
    return id;
  if (count == 0)
    damaged (error, label, _("it holds no report"));
  else if (count == 1)
    damaged (error, label, _("its report has no valid id"));
  else
    {
      g_autofree char *name = g_path_get_basename (label);
      g_autofree char *count_text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_FOREIGN,
                   _("“%s” is a whole Baocao library (%s reports), not a report file"), name, count_text);
    }
  return 0;
}

/* The condition "a text column of @table holds a NUL", or NULL. */
static char *
nul_condition (sqlite3    *db,
               const char *table)
{
  g_autoptr(GString) condition = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info(?) WHERE type = 'TEXT'", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (condition, "%sinstr(CAST(\"%s\" AS BLOB), X'00') > 0", condition->len ? " OR " : "",
                            (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return condition->len ? g_string_free (g_steal_pointer (&condition), FALSE) : NULL;
}

/* SQLite keeps a NUL inside a text, where a C string ends: read, it would
 * cut a value short or make two keys one. Refused, as in JSON. */
static gboolean
check_no_nul (BcStore  *file,
              GError  **error)
{
  static const char * const tables[] = { "report", "value", "change", "comment", "status_log", "info",
                                         "office", "office_value", NULL };
  sqlite3 *db = bc_store_get_db (file);

  for (guint i = 0; tables[i]; i++)
    {
      g_autofree char *condition = nul_condition (db, tables[i]);
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (condition == NULL)
        continue;
      sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE %s LIMIT 1", tables[i], condition);
      if ((rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL)) == SQLITE_OK)
        rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc == SQLITE_ROW)
        {
          g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE, _("it holds a NUL character"));
          return FALSE;
        }
      if (rc != SQLITE_DONE)
        return bc_store_sqlite_error (file, rc, error);
    }
  return TRUE;
}

/**
 * bc_store_read_file_bundle: (skip)
 * @label: the file's name, for messages
 *
 * Everything bc_store_import_file() checks before the library is
 * touched, on a file already read into memory.
 *
 * Returns: (transfer full): the file's report, validated, or %NULL with
 *   @error set
 */
BcBundle *
bc_store_read_file_bundle (const char    *label,
                           const guint8  *data,
                           gsize          length,
                           GError       **error)
{
  g_autoptr(BcStore) file = NULL;
  g_autoptr(BcBundle) bundle = NULL;
  gint64 id;

  if ((file = bc_store_open_file_data (label, data, length, error)) == NULL
      || (id = only_report (file, label, error)) == 0)
    return NULL;
  if (!check_counts (file, id, error) || !check_no_nul (file, error))
    {
      g_autofree char *name = g_path_get_basename (label);
      g_prefix_error (error, _("The report file “%s” cannot be used: "), name);
      return NULL;
    }
  if ((bundle = bc_store_read_bundle (file, id, error)) == NULL || !bc_bundle_validate (bundle, error))
    {
      g_autofree char *name = g_path_get_basename (label);
      if (error != NULL && *error != NULL && (*error)->domain != BC_STORE_ERROR)
        {
          /* A template that does not parse: the file was tampered with. */
          g_autoptr(GError) inner = g_steal_pointer (error);
          g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                       _("its template is damaged (%s)"), inner->message);
        }
      if (error != NULL && *error != NULL && (*error)->code == BC_STORE_ERROR_INVALID_VALUE)
        g_prefix_error (error, _("The report file “%s” cannot be used: "), name);
      return NULL;
    }
  return g_steal_pointer (&bundle);
}

/**
 * bc_store_import_file_data:
 *
 * bc_store_import_file() on a file already read into memory.
 *
 * Returns: the report's id in the library, or 0 with @error set
 */
gint64
bc_store_import_file_data (BcStore       *self,
                           const char    *label,
                           const guint8  *data,
                           gsize          length,
                           BcImportMode   mode,
                           gint64        *existing_id,
                           GError       **error)
{
  g_autoptr(BcBundle) bundle = NULL;

  if (existing_id != NULL)
    *existing_id = 0;
  if ((bundle = bc_store_read_file_bundle (label, data, length, error)) == NULL)
    return 0;
  return bc_store_write_bundle (self, bundle, mode, TRUE, existing_id, error);
}

/**
 * bc_store_read_file_contents: (skip)
 * @data: (out) (transfer full): the whole file
 *
 * Reads a report file whole, refusing what cannot be one before reading
 * it: a folder, a device, a file past the size limit.
 */
gboolean
bc_store_read_file_contents (const char  *path,
                             char       **data,
                             gsize       *length,
                             GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
                   _("“%s” cannot be opened: %s"), name, g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    return not_ours (error, path), FALSE;
  if (st.st_size > BC_LIMIT_FILE_SIZE)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_TOO_LARGE,
                   _("“%s” is too large to be a report file"), name);
      return FALSE;
    }
  if (!g_file_get_contents (path, data, length, NULL))
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
                   _("“%s” cannot be read"), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * bc_store_import_file:
 * @path: a .baocao file
 * @mode: what to do when the library already has the report
 * @existing_id: (out) (optional): the report already in the library (same
 *   uuid, or same template, unit and period), or 0
 *
 * Copies the report in a report file into the library, after checking
 * everything: our application id, a schema version this Baocao reads
 * (older ones are migrated in memory; newer ones are refused with
 * %BC_STORE_ERROR_NEWER), SQLite's quick_check, and every value against
 * the report's own template. A foreign, truncated, damaged or tampered
 * file changes nothing in the library. When the library already has the
 * report, @mode decides: %BC_IMPORT_ASK refuses with
 * %BC_STORE_ERROR_EXISTS and @existing_id set.
 *
 * Returns: the report's id in the library, or 0 with @error set
 */
gint64
bc_store_import_file (BcStore       *self,
                      const char    *path,
                      BcImportMode   mode,
                      gint64        *existing_id,
                      GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (BC_IS_STORE (self), 0);
  g_return_val_if_fail (path != NULL, 0);

  if (existing_id != NULL)
    *existing_id = 0;
  if (!bc_store_read_file_contents (path, &data, &length, error))
    return 0;
  return bc_store_import_file_data (self, path, (const guint8 *) data, length, mode, existing_id, error);
}

/* A library in memory with the current schema and small pages, to be
 * written out as a report file. */
static BcStore *
open_staging (GError **error)
{
  sqlite3 *db = NULL;
  g_autoptr(BcStore) staging = NULL;
  int rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  staging = bc_store_new_for_db (db, ":memory:", FALSE);
  if (rc != SQLITE_OK)
    return bc_store_sqlite_error (staging, rc, error), NULL;
  sqlite3_extended_result_codes (db, 1);
  if (!bc_store_exec (staging, "PRAGMA page_size = 1024; PRAGMA foreign_keys = ON;", error)
      || !bc_store_migrate (staging, error))
    return NULL;
  return g_steal_pointer (&staging);
}

static gboolean
write_info (BcStore     *staging,
            const char  *name,
            const char  *value,
            GError     **error)
{
  sqlite3_stmt *stmt;

  if (value == NULL)
    return TRUE;
  stmt = bc_store_prepare (staging, "INSERT OR REPLACE INTO info (name, value) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return bc_store_step_done (staging, stmt, error);
}

static gboolean
file_error (GError     **error,
            const char  *path,
            int          saved_errno)
{
  g_set_error (error, BC_STORE_ERROR, saved_errno == ENOSPC ? BC_STORE_ERROR_FULL : BC_STORE_ERROR_READ_ONLY,
               _("“%s” cannot be written: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
vacuum_into (BcStore     *staging,
             const char  *tmp,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (bc_store_get_db (staging), "VACUUM INTO ?", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, tmp, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_OK)
    return TRUE;
  /* What failed is writing the file, not a change to a library. */
  switch (sqlite3_system_errno (bc_store_get_db (staging)))
    {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_FULL,
                           _("The disk is full: the report file was not written. Free some space and try again."));
      return FALSE;
    case 0:
      return bc_store_sqlite_error (staging, rc, error);
    default:
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY, _("The report file cannot be written: %s"),
                   g_strerror (sqlite3_system_errno (bc_store_get_db (staging))));
      return FALSE;
    }
}

/**
 * bc_store_export_file:
 * @path: the .baocao file to write; replaced only once the new one is complete
 *
 * Writes one report, with its template copy, values (explanations of
 * findings included), change log, comments and status log, as a report
 * file another Baocao can import with bc_store_import_file().
 *
 * Returns: %TRUE when the file is complete on disk
 */
gboolean
bc_store_export_file (BcStore     *self,
                      gint64       report_id,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(BcBundle) bundle = NULL;
  g_autoptr(BcStore) staging = NULL;
  g_autoptr(BcFileReplace) file = NULL;
  g_autofree char *now = bc_store_now ();
  int saved_errno = 0;

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((bundle = bc_store_read_bundle (self, report_id, error)) == NULL
      || !bc_bundle_check_size (bundle, error)
      || (staging = open_staging (error)) == NULL
      || bc_store_write_bundle (staging, bundle, BC_IMPORT_ASK, FALSE, NULL, error) == 0
      || !write_info (staging, "previous", bundle->previous_uuid, error)
      || !write_info (staging, "exported", now, error)
      || !write_info (staging, "exported_by", bc_store_get_actor (self), error)
      || !write_info (staging, "generator", "Baocao " PACKAGE_VERSION, error))
    return FALSE;

  /* VACUUM INTO wants a file that does not exist or is empty: the
   * temporary file is. */
  if ((file = bc_file_replace_new (path, &saved_errno)) == NULL)
    return file_error (error, path, saved_errno);
  if (!vacuum_into (staging, bc_file_replace_get_temp (file), error))
    return FALSE;
  if (!bc_file_replace_commit (file, &saved_errno))
    return file_error (error, path, saved_errno);
  return TRUE;
}

static const char * const network_types[] = {
  "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "coda", "9p",
  "ceph", "glusterfs", "fuse.glusterfs", "lustre", "davfs", "fuse.davfs2", "sshfs", "fuse.sshfs",
  "fuse.rclone", "fuse.s3fs", "fuse.gvfsd-fuse", "fuse.gvfs-fuse-daemon", "afpfs", "fuse.afpfs",
  NULL
};

static const char * const removable_types[] = { "vfat", "msdos", "exfat", "fuse.exfat", NULL };

/**
 * bc_store_location_warning:
 * @path: the library, for the message
 * @fs_type: (nullable): the file system type ("ext4", "nfs4", "vfat"…)
 * @mount_path: (nullable): where that file system is mounted
 * @remote: whether GIO calls it remote
 *
 * Returns: (transfer full) (nullable): why @path is a bad place for a
 *   library, or %NULL
 */
char *
bc_store_location_warning (const char *path,
                           const char *fs_type,
                           const char *mount_path,
                           gboolean    remote)
{
  if (remote || (fs_type != NULL && g_strv_contains (network_types, fs_type)))
    return g_strdup_printf (_("The library “%s” is on a network drive (%s). Keep it on this computer’s own "
                              "disk: a connection that drops while Baocao saves can damage it, and two "
                              "computers writing it at once will. To send a report, save it as a report file."),
                            path, fs_type ? fs_type : _("remote"));
  if ((fs_type != NULL && g_strv_contains (removable_types, fs_type))
      || (mount_path != NULL && (g_str_has_prefix (mount_path, "/media/")
                                 || g_str_has_prefix (mount_path, "/run/media/"))))
    return g_strdup_printf (_("The library “%s” is on a removable drive (%s). Keep it on this computer’s own "
                              "disk: pulling the drive out while Baocao saves can damage it. To carry a "
                              "report, save it as a report file."),
                            path, fs_type ? fs_type : mount_path);
  return NULL;
}

/* The nearest folder that exists: a new library's file does not yet. */
static char *
existing_ancestor (const char *path)
{
  g_autofree char *current = g_canonicalize_filename (path, NULL);

  while (!g_file_test (current, G_FILE_TEST_EXISTS))
    {
      char *parent = g_path_get_dirname (current);
      if (g_str_equal (parent, current))
        {
          g_free (parent);
          break;
        }
      g_free (current);
      current = parent;
    }
  return g_steal_pointer (&current);
}

/**
 * bc_store_check_location:
 * @path: where the library is, or is to be
 * @warning: (out) (optional) (transfer full): why it should not be there
 *
 * Says whether @path is on a network or removable file system, where a
 * library that is written continuously can be damaged by a dropped
 * connection or a pulled drive. The interface warns, and offers to move
 * it; report files are the way to carry reports.
 *
 * Returns: %TRUE when the place is fine; %FALSE with @warning set
 */
gboolean
bc_store_check_location (const char  *path,
                         char       **warning)
{
  g_autofree char *existing = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  GUnixMountEntry *mount;
  const char *fs_type = NULL;
  gboolean remote = FALSE;

  g_return_val_if_fail (path != NULL, TRUE);

  if (warning != NULL)
    *warning = NULL;
  if (g_str_equal (path, ":memory:"))
    return TRUE;
  existing = existing_ancestor (path);
  file = g_file_new_for_path (existing);
  info = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_TYPE ","
                                       G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE, NULL, NULL);
  if (info != NULL)
    remote = g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE);
  mount = g_unix_mount_for (existing, NULL);
  if (mount != NULL)
    fs_type = g_unix_mount_get_fs_type (mount);
  else if (info != NULL)
    fs_type = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_FILESYSTEM_TYPE);
  message = bc_store_location_warning (path, fs_type, mount ? g_unix_mount_get_mount_path (mount) : NULL,
                                       remote);
  if (mount != NULL)
    g_unix_mount_free (mount);
  if (message == NULL)
    return TRUE;
  if (warning != NULL)
    *warning = g_steal_pointer (&message);
  return FALSE;
}
