/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include <glib/gstdio.h>
#include <grp.h>
#include <sqlite3.h>
#include <unistd.h>

#include "bc-test-utils.h"

char *
bc_test_mkdtemp (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("baocao-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
bc_test_rmdir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        bc_test_rmdir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

BcTemplate *
bc_test_load_template (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tdir = bc_template_default_dir ("templates");
  g_autofree char *cdir = bc_template_default_dir ("catalogs");
  g_autofree char *file = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (tdir, file, NULL);
  BcTemplate *template = bc_template_new_from_file (path, cdir, &error);

  g_assert_no_error (error);
  return template;
}

BcStore *
bc_test_open_store (const char *dir,
                    const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  BcStore *store = bc_store_open (path, &error);

  g_assert_no_error (error);
  bc_store_set_actor (store, "Test Clerk");
  return store;
}

/* A full disk, on demand: a VFS over the default one whose files write
 * through copies of the real methods with xWrite replaced. The unix VFS
 * gives a database one set of methods and its journal and WAL another. */

typedef struct
{
  const sqlite3_io_methods *real;
  sqlite3_io_methods        fault;
} FaultMethods;

static sqlite3_vfs fault_vfs;
static sqlite3_vfs *real_vfs;
static FaultMethods fault_methods[4];
static GMutex fault_lock;
static volatile gint fault_code;
static volatile gint fault_count;

static int
fault_write (sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
{
  int code = g_atomic_int_get (&fault_code);

  if (code != SQLITE_OK)
    {
      g_atomic_int_inc (&fault_count);
      return code;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fault_methods); i++)
    if (file->pMethods == &fault_methods[i].fault)
      return fault_methods[i].real->xWrite (file, data, amount, offset);
  g_assert_not_reached ();
}

static int
fault_open (sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *out_flags)
{
  int rc = real_vfs->xOpen (real_vfs, name, file, flags, out_flags);
  guint i;

  if (rc != SQLITE_OK || file->pMethods == NULL)
    return rc;
  g_mutex_lock (&fault_lock);
  for (i = 0; i < G_N_ELEMENTS (fault_methods) && fault_methods[i].real != NULL; i++)
    if (fault_methods[i].real == file->pMethods)
      break;
  g_assert_cmpuint (i, <, G_N_ELEMENTS (fault_methods));
  if (fault_methods[i].real == NULL)
    {
      fault_methods[i].real = file->pMethods;
      fault_methods[i].fault = *file->pMethods;
      fault_methods[i].fault.xWrite = fault_write;
    }
  file->pMethods = &fault_methods[i].fault;
  g_mutex_unlock (&fault_lock);
  return rc;
}

guint
bc_test_fail_writes (int code)
{
  if (real_vfs == NULL)
    {
      real_vfs = sqlite3_vfs_find (NULL);
      fault_vfs = *real_vfs;
      fault_vfs.zName = "bc-test-fault";
      fault_vfs.xOpen = fault_open;
      g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
    }
  g_atomic_int_set (&fault_code, code);
  return (guint) g_atomic_int_get (&fault_count);
}

void
bc_test_make_read_only (const char *dir)
{
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
}

/* Root passes over file modes: the process becomes "nobody", for whom
 * the library (made by root, mode 0644) and its folder are read-only. */
void
bc_test_drop_root (gpointer unused)
{
  if (getuid () != 0)
    return;
  if (setgroups (0, NULL) != 0 || setresgid (65534, 65534, 65534) != 0
      || setresuid (65534, 65534, 65534) != 0)
    _exit (125);
}

gint64
bc_test_time_budget (gint64 usec)
{
  const char *scale = g_getenv ("BC_TEST_TIME_SCALE");
  guint64 factor = 1;

  if (scale != NULL && !g_ascii_string_to_unsigned (scale, 10, 1, 100, &factor, NULL))
    g_error ("BC_TEST_TIME_SCALE=%s is not a number from 1 to 100", scale);
  return usec * (gint64) factor;
}
