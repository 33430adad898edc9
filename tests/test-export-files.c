/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <zip.h>

#include "bc-cli.h"
#include "bc-docx.h"
#include "bc-export.h"
#include "bc-store.h"
#include "bc-test-utils.h"
#include "bc-xlsx.h"

/* The files Baocao writes for the clerk, as files: a re-export keeps the
 * old file's mode and owner and writes through a symbolic link, for each
 * writer (DOCX, XLSX, report file, interchange JSON); and a fixed
 * document time gives the same bytes in every time zone. */

#define SAMPLE "province-2024-05.json"

typedef struct
{
  char     *dir;
  char     *library;
  BcStore  *store;
  BcReport *report;
} Fixture;

typedef gboolean (*WriteFunc) (Fixture *f, const char *path, GError **error);

typedef struct
{
  const char *extension;
  WriteFunc   write;
} Writer;

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", SAMPLE, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = sample_path ();
  g_autofree char *json = NULL;
  gsize length;
  gint64 id;

  f->dir = bc_test_mkdtemp ();
  f->library = g_build_filename (f->dir, "library.db", NULL);
  f->store = bc_test_open_store (f->dir, "library.db");
  g_assert_true (g_file_get_contents (sample, &json, &length, &error));
  id = bc_store_import_json (f->store, json, (gssize) length, &error);
  g_assert_no_error (error);
  f->report = bc_store_open_report (f->store, id, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->report);
  g_clear_object (&f->store);
  bc_test_rmdir (f->dir);
  g_free (f->library);
  g_free (f->dir);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static CliResult
run_cli (const char * const *args,
         const char * const *extra_env)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  CliResult r = { 0 };
  int wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("BAOCAO_BIN"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  for (guint i = 0; extra_env != NULL && extra_env[i]; i += 2)
    env = g_environ_setenv (env, extra_env[i], extra_env[i + 1], TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static void
cli_result_clear (CliResult *r)
{
  g_free (r->out);
  g_free (r->err);
}

static gboolean
write_docx (Fixture     *f,
            const char  *path,
            GError     **error)
{
  return bc_docx_export (f->report, path, NULL, error);
}

static gboolean
write_xlsx (Fixture     *f,
            const char  *path,
            GError     **error)
{
  return bc_xlsx_export (f->report, path, NULL, error);
}

static gboolean
write_report_file (Fixture     *f,
                   const char  *path,
                   GError     **error)
{
  return bc_store_export_file (f->store, bc_report_get_id (f->report), path, error);
}

/* export-json -o, through the command line */
static gboolean
write_json (Fixture     *f,
            const char  *path,
            GError     **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, bc_report_get_id (f->report));
  const char *args[] = { "export-json", id, "-o", path, "--library", f->library, NULL };
  CliResult r = run_cli (args, NULL);
  gboolean ok = r.status == BC_CLI_OK;

  if (!ok)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "exit %d: %s", r.status, r.err);
  cli_result_clear (&r);
  return ok;
}

static const Writer writers[] = {
  { "docx", write_docx },
  { "xlsx", write_xlsx },
  { "baocao", write_report_file },
  { "json", write_json },
};

static const Writer *
writer_for (gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    if (g_str_equal (writers[i].extension, data))
      return &writers[i];
  g_assert_not_reached ();
}

static void
write_ok (Fixture      *f,
          const Writer *writer,
          const char   *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (writer->write (f, path, &error));
  g_assert_no_error (error);
}

static GStatBuf
stat_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st;
}

static void
assert_link (const char *path,
             const char *target)
{
  GStatBuf st;
  g_autofree char *read = NULL;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  read = g_file_read_link (path, NULL);
  g_assert_cmpstr (read, ==, target);
}

/* No temporary file is left behind in @dir: exactly @n entries. */
static void
assert_entries (const char *dir,
                guint       n)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint count = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    count++;
  g_assert_cmpuint (count, ==, n);
}

static void
assert_rewritten (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 100);
  g_assert_false (g_str_has_prefix (contents, "old"));
}

/* A new file gets the usual mode; a private file stays private, and
 * keeps its group and owner (root may give a file back to its owner). */
static void
test_mode (Fixture       *f,
           gconstpointer  data)
{
  const Writer *writer = writer_for (data);
  g_autofree char *name = g_strconcat ("out.", writer->extension, NULL);
  g_autofree char *path = path_in (f, name);
  mode_t mask = umask (022);
  gboolean root = geteuid () == 0;
  GStatBuf st;

  write_ok (f, writer, path);
  g_assert_cmpint (stat_of (path).st_mode & 07777, ==, 0644);

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  if (root)
    g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
  write_ok (f, writer, path);
  st = stat_of (path);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpint (st.st_uid, ==, root ? 65534 : geteuid ());
  g_assert_cmpint (st.st_gid, ==, root ? 65534 : getegid ());

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  write_ok (f, writer, path);
  g_assert_cmpint (stat_of (path).st_mode & 07777, ==, 0640);
  assert_rewritten (path);
  umask (mask);
}

/* out → link → real/target: both links stay, the target gets the file
 * and keeps its mode; a dangling link makes the file it names; a loop of
 * links is refused and nothing is written. */
static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  const Writer *writer = writer_for (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *real_dir = path_in (f, "real");
  g_autofree char *target_name = g_strconcat ("target.", writer->extension, NULL);
  g_autofree char *target = g_build_filename (real_dir, target_name, NULL);
  g_autofree char *target_rel = g_build_filename ("real", target_name, NULL);
  g_autofree char *link = path_in (f, "link");
  g_autofree char *out = path_in (f, "out");
  g_autofree char *dangling = path_in (f, "dangling");
  g_autofree char *made = g_build_filename (real_dir, "made", NULL);
  g_autofree char *loop_a = path_in (f, "loop-a");
  g_autofree char *loop_b = path_in (f, "loop-b");

  g_assert_cmpint (g_mkdir (real_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  g_assert_cmpint (symlink (target_rel, link), ==, 0);
  g_assert_cmpint (symlink (link, out), ==, 0);

  write_ok (f, writer, out);
  assert_link (out, link);
  assert_link (link, target_rel);
  assert_rewritten (target);
  g_assert_cmpint (stat_of (target).st_mode & 07777, ==, 0640);
  assert_entries (real_dir, 1);

  g_assert_cmpint (symlink (made, dangling), ==, 0);
  write_ok (f, writer, dangling);
  assert_link (dangling, made);
  assert_rewritten (made);

  g_assert_cmpint (symlink ("loop-b", loop_a), ==, 0);
  g_assert_cmpint (symlink ("loop-a", loop_b), ==, 0);
  g_assert_false (writer->write (f, loop_a, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, g_strerror (ELOOP)));
  assert_link (loop_a, "loop-b");
  assert_entries (real_dir, 2);
}

static GHashTable *
unzip (const char *path)
{
  GHashTable *parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int zerr = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);

  g_assert_nonnull (zip);
  for (zip_int64_t i = 0; i < zip_get_num_entries (zip, 0); i++)
    {
      zip_stat_t st;
      zip_file_t *file;
      char *data;

      g_assert_cmpint (zip_stat_index (zip, (zip_uint64_t) i, 0, &st), ==, 0);
      data = g_malloc0 (st.size + 1);
      file = zip_fopen_index (zip, (zip_uint64_t) i, 0);
      g_assert_cmpint (zip_fread (file, data, st.size), ==, (zip_int64_t) st.size);
      zip_fclose (file);
      g_hash_table_insert (parts, g_strdup (st.name), data);
    }
  zip_discard (zip);
  return parts;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The DOS time of every entry of a DOCX, as libzip reads it under the
 * test's TZ=UTC. */
static void
assert_entry_times (const char *path,
                    gint64      seconds)
{
  int zerr = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY, &zerr);

  g_assert_nonnull (zip);
  for (zip_int64_t i = 0; i < zip_get_num_entries (zip, 0); i++)
    {
      zip_stat_t st;

      g_assert_cmpint (zip_stat_index (zip, (zip_uint64_t) i, 0, &st), ==, 0);
      g_assert_cmpint ((gint64) st.mtime, ==, seconds);
    }
  zip_discard (zip);
}

typedef struct
{
  const char *epoch;
  const char *iso;
} EpochCase;

/* After 2038 (past 32 bits), and a time that falls in New York's spring
 * daylight-saving gap when read as local time. The zones are POSIX TZ
 * strings, which need no tzdata, and two zoneinfo names. */
static const EpochCase epochs[] = {
  { "2147483648", "2038-01-19T03:14:08Z" },
  { "1710037800", "2024-03-10T02:30:00Z" },
};
static const char * const zones[] = {
  "UTC", "ICT-7", "EST5EDT,M3.2.0,M11.1.0", "Asia/Ho_Chi_Minh", "America/New_York",
};

static void
export_in_zone (const char *epoch,
                const char *zone,
                const char *docx,
                const char *xlsx)
{
  g_autofree char *sample = sample_path ();
  const char *args[] = { "export", sample, "--docx", docx, "--xlsx", xlsx, NULL };
  const char *env[] = { "SOURCE_DATE_EPOCH", epoch, "TZ", zone, NULL };
  CliResult r = run_cli (args, env);

  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, BC_CLI_OK);
  cli_result_clear (&r);
}

static void
test_time_zones (Fixture       *f,
                 gconstpointer  data)
{
  for (guint e = 0; e < G_N_ELEMENTS (epochs); e++)
    {
      g_autoptr(GBytes) first_docx = NULL;
      g_autoptr(GBytes) first_xlsx = NULL;

      for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
        {
          g_autofree char *docx = g_strdup_printf ("%s/%u-%u.docx", f->dir, e, z);
          g_autofree char *xlsx = g_strdup_printf ("%s/%u-%u.xlsx", f->dir, e, z);
          g_autoptr(GBytes) docx_bytes = NULL;
          g_autoptr(GBytes) xlsx_bytes = NULL;
          g_autofree char *created = g_strdup_printf (">%s<", epochs[e].iso);

          g_test_message ("SOURCE_DATE_EPOCH=%s TZ=%s", epochs[e].epoch, zones[z]);
          export_in_zone (epochs[e].epoch, zones[z], docx, xlsx);
          docx_bytes = read_bytes (docx);
          xlsx_bytes = read_bytes (xlsx);
          if (z == 0)
            {
              g_autoptr(GHashTable) docx_parts = unzip (docx);
              g_autoptr(GHashTable) xlsx_parts = unzip (xlsx);

              g_assert_nonnull (strstr (g_hash_table_lookup (docx_parts, "docProps/core.xml"), created));
              g_assert_nonnull (strstr (g_hash_table_lookup (xlsx_parts, "docProps/core.xml"), created));
              assert_entry_times (docx, g_ascii_strtoll (epochs[e].epoch, NULL, 10));
              first_docx = g_bytes_ref (docx_bytes);
              first_xlsx = g_bytes_ref (xlsx_bytes);
              continue;
            }
          g_assert_true (g_bytes_equal (docx_bytes, first_docx));
          g_assert_true (g_bytes_equal (xlsx_bytes, first_xlsx));
        }
    }
}

/* baocao export refuses a SOURCE_DATE_EPOCH that is set but is no time,
 * in one line, writing nothing; an empty one is unset. */
static void
test_bad_epoch (Fixture       *f,
                gconstpointer  data)
{
  static const char * const bad[] = { "-5", "+5", " 12", "12 ", "1e9", "1.5", "abc", "253402300800",
                                      "99999999999999999999999" };
  g_autofree char *sample = sample_path ();
  g_autofree char *docx = path_in (f, "epoch.docx");
  const char *args[] = { "export", sample, "--docx", docx, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *env[] = { "SOURCE_DATE_EPOCH", bad[i], NULL };
      CliResult r = run_cli (args, env);

      g_test_message ("SOURCE_DATE_EPOCH=“%s”: %s", bad[i], r.err);
      g_assert_cmpint (r.status, ==, BC_CLI_USAGE);
      g_assert_true (g_str_has_prefix (r.err, "baocao: SOURCE_DATE_EPOCH"));
      g_assert_cmpstr (strchr (r.err, '\n') + 1, ==, "");
      g_assert_false (g_file_test (docx, G_FILE_TEST_EXISTS));
      cli_result_clear (&r);
    }
  {
    const char *env[] = { "SOURCE_DATE_EPOCH", "", NULL };
    CliResult r = run_cli (args, env);

    g_assert_cmpstr (r.err, ==, "");
    g_assert_cmpint (r.status, ==, BC_CLI_OK);
    cli_result_clear (&r);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *mode = g_strdup_printf ("/bc/export-files/mode/%s", writers[i].extension);
      g_autofree char *link = g_strdup_printf ("/bc/export-files/symlink/%s", writers[i].extension);

      g_test_add (mode, Fixture, writers[i].extension, fixture_set_up, test_mode, fixture_tear_down);
      g_test_add (link, Fixture, writers[i].extension, fixture_set_up, test_symlink, fixture_tear_down);
    }
  g_test_add ("/bc/export-files/source-date-epoch/time-zones", Fixture, NULL, fixture_set_up,
              test_time_zones, fixture_tear_down);
  g_test_add ("/bc/export-files/source-date-epoch/refused", Fixture, NULL, fixture_set_up,
              test_bad_epoch, fixture_tear_down);
  return g_test_run ();
}
