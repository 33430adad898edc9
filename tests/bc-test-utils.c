/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include <glib/gstdio.h>
#include <grp.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bc-period.h"
#include "bc-report.h"
#include "bc-test-utils.h"

/* `baocao ARGS…` ($BAOCAO_BIN, the arguments up to NULL) on @library,
 * headless and in the C locale: its exit status, what it printed in
 * @out and @err. */
int
bc_test_run_cli_valist (const char  *library,
                        char       **out,
                        char       **err,
                        va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("BAOCAO_BIN"));
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);
  env = g_environ_setenv (env, "BAOCAO_LIBRARY", library, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C", TRUE);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                               &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

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
fault_write (sqlite3_file  *file,
             const void    *data,
             int            amount,
             sqlite3_int64  offset)
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
fault_open (sqlite3_vfs      *vfs,
            sqlite3_filename  name,
            sqlite3_file     *file,
            int               flags,
            int              *out_flags)
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

/* Reports built from months (test-rollup, test-rollup-ui). */

/* The target: the district's template over a longer period, every
 * section, figure and table the same, so that any regime whose period
 * holds months can be rolled up to. */
BcTemplate *
bc_test_longer_template (const char  *dir,
                         const char  *regime,
                         char       **path)
{
  g_autofree char *tdir = bc_template_default_dir ("templates");
  g_autofree char *cdir = bc_template_default_dir ("catalogs");
  g_autofree char *source = g_build_filename (tdir, "district-monthly.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *with = g_strdup_printf ("\"regime\": \"%s\", \"cutoff_day\": 14", regime);
  g_autoptr(GRegex) re = g_regex_new ("\"regime\": \"monthly\"", 0, 0, NULL);
  g_autoptr(GRegex) id = g_regex_new ("\"id\": \"district-monthly\"", 0, 0, NULL);
  g_autofree char *final = NULL;
  g_autoptr(GError) error = NULL;
  BcTemplate *template;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  replaced = g_regex_replace_literal (re, text, -1, 0, with, 0, NULL);
  final = g_regex_replace_literal (id, replaced, -1, 0, "\"id\": \"district-longer\"", 0, NULL);
  *path = g_build_filename (dir, "district-longer.json", NULL);
  g_assert_true (g_file_set_contents (*path, final, -1, NULL));
  template = bc_template_new_from_file (*path, cdir, &error);
  g_assert_no_error (error);
  return template;
}

void
bc_test_set_values (BcStore            *store,
                    BcReport           *report,
                    const char * const *kv)
{
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (BcEdit));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; kv[i]; i += 2)
    {
      BcEdit e = { kv[i], kv[i + 1] };
      g_array_append_val (edits, e);
    }
  g_assert_true (bc_store_apply (store, report, (BcEdit *) edits->data, edits->len, &error));
  g_assert_no_error (error);
}

/* Month i's values: per-period figure and its denominator, a running
 * total, two table rows, a document of its own and one cited every
 * month (spaced differently once), and a paragraph. */
void
bc_test_fill_month (BcStore  *store,
                    BcReport *month,
                    guint     i)
{
  g_autofree char *per = g_strdup_printf ("%u", 100 * i + 7);
  g_autofree char *den = g_strdup_printf ("%u", 300 * i);
  g_autofree char *cum = g_strdup_printf ("%u", 1000 * i);
  g_autofree char *total1 = g_strdup_printf ("%u", 10 * i + 1);
  g_autofree char *online1 = g_strdup_printf ("%u", i * i);
  g_autofree char *total3 = g_strdup_printf ("%u", i == 1 ? 50 : 1000);
  g_autofree char *online3 = g_strdup_printf ("%u", i == 1 ? 50 : 1);
  g_autofree char *number = g_strdup_printf ("%u/UBND-VP", 100 + i);
  g_autofree char *date = g_strdup (bc_report_get_period_to (month));
  g_autofree char *text = g_strdup_printf ("Tháng thứ %u: đã tuyên truyền.", i);
  const char *kv[] = {
    "fig/digitised_city", per, "fig/digitised_city/den", den,
    "fig/asm_accounts", cum,
    "tbl/dvc_district/1/total", total1, "tbl/dvc_district/1/online", online1,
    "tbl/dvc_district/3/total", total3, "tbl/dvc_district/3/online", online3,
    "tbl/dvc_district/1/connection", i < 3 ? "Chưa kết nối" : "Đã kết nối",
    "sec/city_direction/order", "a,b",
    "sec/city_direction/a/type", "Công văn", "sec/city_direction/a/number", number,
    "sec/city_direction/a/date", date, "sec/city_direction/a/summary", "về triển khai Đề án 06",
    "sec/city_direction/b/type", "Kế hoạch",
    "sec/city_direction/b/number", i == 2 ? "5096 / ubnd-vp" : "5096/UBND-VP",
    "sec/city_direction/b/date", "2022-12-01", "sec/city_direction/b/summary", "về năm cao điểm",
    "sec/strengths/order", "p1", "sec/strengths/p1/text", text,
    NULL
  };
  bc_test_set_values (store, month, kv);
}

/* @n monthly reports of @unit from the month holding @start, each filled
 * by bc_test_fill_month() when @monthly is the district's template; a
 * month ends on @cutoff. */
void
bc_test_make_months_with (BcStore    *store,
                          BcTemplate *monthly,
                          const char *unit,
                          const char *start,
                          guint       n,
                          guint       cutoff,
                          GPtrArray  *months)
{
  g_autofree char *from = NULL, *to = NULL;
  g_autoptr(GError) error = NULL;
  gboolean district = g_str_equal (bc_template_get_id (monthly), "district-monthly");
  GDate day;

  bc_date_parse (start, &day);
  for (guint i = 1; i <= n; i++)
    {
      GDate m_from, m_to;
      BcReport *month;

      bc_period_containing (BC_REGIME_MONTHLY, cutoff, &day, &m_from, &m_to);
      g_free (from), g_free (to);
      from = bc_date_to_iso (&m_from);
      to = bc_date_to_iso (&m_to);
      month = bc_store_create_report (store, monthly, unit, from, to, &error);
      g_assert_no_error (error);
      if (district)
        bc_test_fill_month (store, month, i);
      g_ptr_array_add (months, month);
      day = m_to;
      g_date_add_days (&day, 1);
    }
}

void
bc_test_make_months (BcStore    *store,
                     BcTemplate *monthly,
                     const char *unit,
                     const char *start,
                     guint       n,
                     GPtrArray  *months)
{
  bc_test_make_months_with (store, monthly, unit, start, n, 14, months);
}

gboolean
bc_test_update_golden (void)
{
  const char *ci = g_getenv ("CI");

  if (g_getenv ("BC_UPDATE_GOLDEN") == NULL)
    return FALSE;
  if (ci != NULL && *ci != '\0')
    g_error ("BC_UPDATE_GOLDEN is refused when CI is set: the golden files are compared there, never written");
  return TRUE;
}
