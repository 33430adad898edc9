/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bc-store-private.h"

/* Opening a library: its header checked before SQLite reads it, a
 * damaged one told apart from one SQLite cannot write to (opened
 * read-only) or that another program holds, and a new one made whole
 * before any other program can see it. */

/* Reads up to @length bytes at the start of @path through SQLite's own
 * file layer, without SQLite reading them. Not with open() and close():
 * closing any descriptor of a file drops every POSIX lock this process
 * holds on it, the locks of the library's other connections too (the
 * writer thread's); another program would then think itself the last
 * one, checkpoint and delete the write-ahead log under us, and edits
 * committed after that would be lost in a crash. SQLite keeps such
 * descriptors open until the process's last lock on the file is gone.
 *
 * Returns: the bytes read, 0 for an empty file, -1 with errno set when
 *   the file cannot be opened */
static gssize
read_start (const char *path,
            guint8     *buffer,
            gsize       length)
{
  sqlite3 *db = NULL;
  sqlite3_file *file = NULL;
  sqlite3_int64 size = 0;
  gssize got = -1;

  if (g_access (path, F_OK) != 0)
    return -1;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file) == SQLITE_OK
      && file != NULL && file->pMethods != NULL
      && file->pMethods->xFileSize (file, &size) == SQLITE_OK)
    {
      got = (gssize) MIN ((sqlite3_int64) length, size);
      if (got > 0 && file->pMethods->xRead (file, buffer, (int) got, 0) != SQLITE_OK)
        got = -1;
    }
  if (got < 0 && g_access (path, R_OK) == 0)
    errno = EIO;
  else if (got < 0)
    errno = EACCES;
  sqlite3_close (db);
  return got;
}

/* Reads the 100-byte SQLite header ourselves, so that a file that is not
 * ours is refused before SQLite interprets it. */
static gboolean
check_header (const char  *path,
              gboolean    *is_new,
              GError     **error)
{
  guint8 header[100];
  gssize got;
  guint32 app_id, version;

  *is_new = FALSE;
  got = read_start (path, header, sizeof header);
  if (got < 0)
    {
      if (errno == ENOENT || g_access (path, F_OK) != 0)
        {
          *is_new = TRUE;
          return TRUE;
        }
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be opened: %s"), path, g_strerror (errno));
      return FALSE;
    }
  if (got == 0)
    {
      *is_new = TRUE;
      return TRUE;
    }
  if (got < (ssize_t) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_FOREIGN,
                   _("“%s” is not a Baocao file (it is not an SQLite database, or it is damaged)"), path);
      return FALSE;
    }
  version = (guint32) header[60] << 24 | header[61] << 16 | header[62] << 8 | header[63];
  app_id = (guint32) header[68] << 24 | header[69] << 16 | header[70] << 8 | header[71];
  if (app_id != BC_STORE_APPLICATION_ID)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_FOREIGN,
                   _("“%s” is an SQLite database of another program, not a Baocao file"), path);
      return FALSE;
    }
  if (version > BC_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NEWER,
                   _("“%s” was made by a newer Baocao (format %u; this one reads up to %u). Update Baocao to open it."),
                   path, version, BC_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* Runs quick_check: its verdict in @ok, or SQLite's failure to run it at
 * all (a read-only folder, a lock) as the return value. */
static int
run_quick_check (BcStore  *self,
                 gboolean *ok)
{
  GStatBuf st;
  /* quick_check reads every page: 2 s for a library of 10.000 reports.
   * Past BC_STORE_FULL_CHECK_SIZE only the schema and the small tables
   * are checked here, and bc_store_verify() checks the rest, which the
   * window runs once its first frame is shown. */
  gboolean large = g_stat (self->path, &st) == 0 && st.st_size > BC_STORE_FULL_CHECK_SIZE;
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, large ? "PRAGMA quick_check(office)" : "PRAGMA quick_check(1)",
                               -1, &stmt, NULL);

  *ok = FALSE;
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* A report file (.baocao) is an SQLite file with our application id too;
 * opened as a library it would be turned to WAL and written to. Only a
 * report file has an "exported" row in its info table. Reading it here
 * writes nothing; a file SQLite cannot read is left to quick_check(). */
static gboolean
not_a_report_file (BcStore  *self,
                   GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean is_file = FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM info WHERE name = 'exported'", -1, &stmt, NULL) == SQLITE_OK)
    is_file = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  if (is_file)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_FOREIGN,
                   _("“%s” is a report file, not a library: add it to the library with "
                     "“Open a Report File” or “baocao open-file”"), self->path);
      return FALSE;
    }
  return TRUE;
}

/**
 * bc_store_default_path:
 *
 * Returns: (transfer full): $BAOCAO_LIBRARY, else library.db in the user data dir
 */
char *
bc_store_default_path (void)
{
  const char *env = g_getenv ("BAOCAO_LIBRARY");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "baocao", "library.db", NULL);
}

static gboolean
is_read_only_code (int rc)
{
  return (rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_PERM;
}

static int
open_connection (BcStore    *self,
                 const char *name,
                 int         flags)
{
  int rc;

  g_clear_pointer (&self->db, sqlite3_close);
  rc = sqlite3_open_v2 (name, &self->db, flags, NULL);
  if (self->db != NULL)
    {
      sqlite3_extended_result_codes (self->db, 1);
      sqlite3_busy_timeout (self->db, 5000);
    }
  return rc;
}

/* Opens the library read and write, else, in a place SQLite cannot write
 * to, read-only: through its -wal and -shm files when they exist, else as
 * an immutable file (with no -wal there is nothing it could miss).
 * Returns: SQLITE_OK, or why SQLite cannot read it; @ok: quick_check's verdict */
static int
open_for_reading (BcStore  *self,
                  gboolean *ok)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  GStatBuf st;
  int rc;

  rc = open_connection (self, self->path, g_str_equal (self->path, ":memory:")
                                          ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE);
  if (rc == SQLITE_OK)
    rc = run_quick_check (self, ok);
  if (rc == SQLITE_OK && sqlite3_db_readonly (self->db, "main") != 1)
    return rc;
  if (rc != SQLITE_OK && !is_read_only_code (rc))
    return rc;
  self->read_only = TRUE;
  rc = open_connection (self, self->path, SQLITE_OPEN_READONLY);
  if (rc == SQLITE_OK)
    rc = run_quick_check (self, ok);
  if (is_read_only_code (rc) && (g_stat (wal, &st) != 0 || st.st_size == 0))
    {
      g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
      g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);

      rc = open_connection (self, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
      if (rc == SQLITE_OK)
        rc = run_quick_check (self, ok);
    }
  return rc;
}

/* An older library is migrated when opened; one that cannot be written
 * cannot be migrated, nor read by this version's queries. */
static gboolean
check_schema_current (BcStore  *self,
                      GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (version == BC_STORE_SCHEMA_VERSION)
    return TRUE;
  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY,
               _("The library “%s” was made by an older Baocao and must be updated, "
                 "but it is in a read-only place (folder, file or drive)"), self->path);
  return FALSE;
}

/* The library as SQLite sees it: readable, not damaged, not a report
 * file, at the current schema (migrated when it can be written). */
static gboolean
open_existing (BcStore  *self,
               GError  **error)
{
  gboolean ok = FALSE;
  int rc = open_for_reading (self, &ok);

  /* Only quick_check's verdict, or SQLite finding the file damaged, makes
   * a library damaged: a clerk told so restores a backup over it. */
  if (rc != SQLITE_OK)
    return bc_store_sqlite_error (self, rc, error);
  if (!ok)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be opened. It was left as it is; restore it from a backup."),
                   self->path);
      return FALSE;
    }
  if (!not_a_report_file (self, error))
    return FALSE;
  if (self->read_only)
    return bc_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF;", error)
           && check_schema_current (self, error);
  /* WAL with full sync: a commit survives a crash or a power cut, and a
   * reader never blocks the writer. */
  if (!bc_store_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                            "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF;", error)
      || !bc_store_migrate (self, error))
    return FALSE;
  /* Put the header (application id, version) into the main file now, so
   * that a second connection's header check sees it. */
  sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  return TRUE;
}

/* Makes an empty library (schema, application id, WAL) at @path. */
static gboolean
initialize (const char  *path,
            const char  *label,
            GError     **error)
{
  g_autoptr(BcStore) store = g_object_new (BC_TYPE_STORE, NULL);
  int rc;

  store->path = g_strdup (label);
  if ((rc = open_connection (store, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) != SQLITE_OK)
    return bc_store_sqlite_error (store, rc, error);
  return bc_store_exec (store, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", error)
         && bc_store_migrate (store, error);
}

static void
sync_folder (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* A new library is made whole under a name of its own, then linked to
 * @path: any process that finds a file at @path finds a whole library.
 * Made in place, a library being created was seen by a second process as
 * an empty file, or as an SQLite database without Baocao's application
 * id, and refused. When another process links its library first, that
 * one is used. */
static gboolean
create_library (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = g_strconcat (path, ".new-XXXXXX", NULL);
  gboolean made;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY,
                   _("The folder “%s” cannot be created: %s"), dir, g_strerror (errno));
      return FALSE;
    }
  if ((fd = g_mkstemp_full (tmp, O_RDWR, 0644)) < 0)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY,
                   _("A library cannot be made in the folder “%s”: %s"), dir, g_strerror (errno));
      return FALSE;
    }
  close (fd);
  /* Closed, the library's -wal and -shm go: the file is whole. */
  made = initialize (tmp, path, error);
  if (made && link (tmp, path) != 0 && errno != EEXIST)
    {
      /* A file system without hard links (FAT on a USB stick). */
      if (!g_file_test (path, G_FILE_TEST_EXISTS) && g_rename (tmp, path) != 0)
        {
          g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY,
                       _("A library cannot be made in the folder “%s”: %s"), dir, g_strerror (errno));
          made = FALSE;
        }
    }
  g_unlink (tmp);
  if (made)
    sync_folder (dir);
  return made;
}

/**
 * bc_store_open:
 * @path: the library database; created when it does not exist
 * @error: return location for a #GError
 *
 * Opens a library. A file that is not a Baocao database, one made by a
 * newer Baocao and a damaged one are refused and left untouched. Older
 * ones are migrated forward in one transaction. A library in a place
 * that cannot be written to (a read-only folder, file or drive) is opened
 * read-only: see bc_store_is_read_only().
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
BcStore *
bc_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(BcStore) self = NULL;
  gboolean is_new;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, &is_new, error))
    return NULL;
  if (is_new && g_strcmp0 (path, ":memory:") != 0)
    {
      /* An empty file is made a library where it is, as SQLite does. */
      if (g_file_test (path, G_FILE_TEST_EXISTS) ? !initialize (path, path, error)
                                                 : !create_library (path, error))
        return NULL;
    }
  self = g_object_new (BC_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_existing (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * bc_store_verify:
 * @path: a library
 *
 * SQLite's quick_check of the whole library, on a connection of its own
 * (it may run in a thread). bc_store_open() checks a large library only
 * in part, so as not to keep its window waiting.
 *
 * Returns: %TRUE when the library is sound; else %FALSE with
 *   %BC_STORE_ERROR_CORRUPT (or why it could not be read)
 */
gboolean
bc_store_verify (const char  *path,
                 GError     **error)
{
  g_autoptr(BcStore) self = g_object_new (BC_TYPE_STORE, NULL);
  g_autofree char *uri = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  self->path = g_strdup (path);
  if ((rc = open_connection (self, path, SQLITE_OPEN_READONLY)) == SQLITE_OK)
    {
      sqlite3_stmt *stmt = NULL;
      if ((rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL)) == SQLITE_OK
          && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
    }
  if (rc != SQLITE_OK)
    return bc_store_sqlite_error (self, rc, error);
  if (!ok)
    g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged and cannot be opened. It was left as it is; restore it from a backup."),
                 path);
  return ok;
}

/**
 * bc_store_is_read_only:
 *
 * Returns: whether the library is in a place it cannot be written to; its
 *   reports can be read and exported, every change is refused
 *   (%BC_STORE_ERROR_READ_ONLY)
 */
gboolean
bc_store_is_read_only (BcStore *self)
{
  g_return_val_if_fail (BC_IS_STORE (self), FALSE);
  return self->read_only;
}

/**
 * bc_store_check_can_write:
 *
 * Returns: %FALSE with @error set (%BC_STORE_ERROR_READ_ONLY) when the
 *   library cannot be written to
 */
gboolean
bc_store_check_can_write (BcStore  *self,
                          GError  **error)
{
  g_return_val_if_fail (BC_IS_STORE (self), FALSE);
  if (!self->read_only)
    return TRUE;
  return bc_store_sqlite_error (self, SQLITE_READONLY, error);
}

