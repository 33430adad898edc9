/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libintl.h>
#include <locale.h>
#include <sqlite3.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "bc-cli.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store.h"
#include "bc-store-review.h"
#include "bc-test-utils.h"

typedef struct
{
  char *dir;
  char *library;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = bc_test_mkdtemp ();
  f->library = g_build_filename (f->dir, "library.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  bc_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->library);
}

static GStrv
headless_environ (Fixture *f)
{
  GStrv env = g_get_environ ();

  env = g_environ_setenv (env, "BAOCAO_LIBRARY", f->library, TRUE);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LANG", "C", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C", TRUE);
  return env;
}

static GPtrArray *
command_line (const char * const *args)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) g_getenv ("BAOCAO_BIN"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  return argv;
}

/* Runs the real binary, headless: no DISPLAY, no WAYLAND_DISPLAY; with
 * @setup (bc_test_drop_root()) in the child before it starts. */
static Result
run_with (Fixture              *f,
          GSpawnChildSetupFunc  setup,
          const char * const   *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = command_line (args);
  g_auto(GStrv) env = headless_environ (f);
  Result r = { 0 };
  int wait_status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, setup, NULL,
                               &r.out, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static Result
run (Fixture            *f,
     const char * const *args)
{
  return run_with (f, NULL, args);
}

/* A disk that is full past @limit bytes, for the child only. */
static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { GPOINTER_TO_UINT (data), GPOINTER_TO_UINT (data) };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Runs in the fixture's folder: relative names are written there. */
static Result
run_on_full_disk (Fixture            *f,
                  guint               limit,
                  const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = command_line (args);
  g_auto(GStrv) env = headless_environ (f);
  Result r = { 0 };
  int wait_status;

  g_assert_true (g_spawn_sync (f->dir, (char **) argv->pdata, env, G_SPAWN_DEFAULT, limit_file_size,
                               GUINT_TO_POINTER (limit), &r.out, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static void
assert_one_line_error (Result *r,
                       int     status)
{
  g_assert_cmpint (r->status, ==, status);
  g_assert_true (g_str_has_prefix (r->err, "baocao: "));
  g_assert_nonnull (strchr (r->err, '\n'));
  g_assert_cmpstr (strchr (r->err, '\n') + 1, ==, "");
}

static void
assert_says (Result     *r,
             int         status,
             const char *says)
{
  if (r->status != status)
    g_error ("exit %d, not %d: %s", r->status, status, r->err);
  assert_one_line_error (r, status);
  if (strstr (r->err, says) == NULL)
    g_error ("“%s” does not say “%s”", r->err, says);
}

static void
assert_ok (Result *r)
{
  if (r->status != 0)
    g_error ("exit %d: %s", r->status, r->err);
}

#define RUN(...) run (f, (const char * const[]) { __VA_ARGS__, NULL })

static void
test_lifecycle (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *json = g_build_filename (f->dir, "report.json", NULL);
  Result r;

  /* An empty library says so, apart from the list. */
  r = run (f, (const char *[]) { "list", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==, "baocao: the library has no reports yet: make one with “baocao new”, "
                              "or add one with “baocao import-json” or “baocao open-file”\n");
  result_clear (&r);

  r = run (f, (const char *[]) { "new", "--template", "district-monthly", "--unit", "Thành phố Phan Rang - Tháp Chàm",
                                 "--from", "15/05/2024", "--to", "14/06/2024", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\n");
  result_clear (&r);

  r = run (f, (const char *[]) { "list", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Thành phố Phan Rang - Tháp Chàm\t15/05/2024–14/06/2024"));
  g_assert_cmpstr (r.err, ==, "");
  result_clear (&r);

  r = run (f, (const char *[]) { "show", "1", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "I. CÔNG TÁC CHỈ ĐẠO TRIỂN KHAI"));
  result_clear (&r);

  r = run (f, (const char *[]) { "next", "1", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "2\n");
  result_clear (&r);

  r = run (f, (const char *[]) { "export-json", "2", "-o", json, NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (json, G_FILE_TEST_EXISTS));
  result_clear (&r);

  r = run (f, (const char *[]) { "delete", "2", NULL });
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  /* A deleted report's id is not given to another. */
  r = run (f, (const char *[]) { "import-json", json, NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "3\n");
  result_clear (&r);

  r = run (f, (const char *[]) { "list", NULL });
  g_assert_nonnull (strstr (r.out, "15/06/2024–14/07/2024"));
  result_clear (&r);
}

static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.json", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "foreign.db", NULL);
  struct { const char *args[12]; int status; } cases[] = {
    { { "show", NULL }, BC_CLI_USAGE },
    { { "show", "abc", NULL }, BC_CLI_USAGE },
    { { "show", "42", NULL }, BC_CLI_FAILED },
    { { "delete", "42", NULL }, BC_CLI_FAILED },
    { { "list", "extra", NULL }, BC_CLI_USAGE },
    { { "list", "--colour", NULL }, BC_CLI_USAGE },
    { { "new", "--unit", "X", NULL }, BC_CLI_USAGE },
    { { "new", "--template", "nosuch", "--unit", "X", NULL }, BC_CLI_FAILED },
    { { "new", "--template", "district-monthly", "--unit", "X", "--from", "32/13/2024", "--to", "1/1/2025" }, BC_CLI_USAGE },
    { { "new", "--template", "district-monthly", "--unit", "X", "--from", "15/06/2024", "--to", "14/05/2024" }, BC_CLI_USAGE },
    { { "new", "--template", "district-monthly", "--unit", "   ", NULL }, BC_CLI_FAILED },
    { { "import-json", "/nonexistent.json", NULL }, BC_CLI_FAILED },
    { { "import-json", garbage, NULL }, BC_CLI_FAILED },
    { { "list", "--library", foreign, NULL }, BC_CLI_FAILED },
  };

  g_assert_true (g_file_set_contents (garbage, "{\"format\": \"baocao-report\", \"version\": 1, \"uuid\": 5}", -1, NULL));
  g_assert_true (g_file_set_contents (foreign, "SQLite format 3 — but not really", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Result r = run (f, cases[i].args);
      if (r.status != cases[i].status)
        g_error ("case %u (%s): status %d, stderr %s", i, cases[i].args[0], r.status, r.err);
      assert_one_line_error (&r, cases[i].status);
      result_clear (&r);
    }
}

/* A mistyped command is an error, not the window; options still reach it. */
static void
test_unknown_command (Fixture       *f,
                      gconstpointer  data)
{
  {
    g_auto(Result) r = RUN ("lsit");
    g_assert_cmpint (r.status, ==, BC_CLI_USAGE);
    g_assert_cmpstr (r.err, ==, "baocao: unknown command “lsit”; see baocao help\n");
    g_assert_cmpstr (r.out, ==, "");
  }
  {
    g_auto(Result) r = RUN ("report.baocao");
    assert_says (&r, BC_CLI_USAGE, "unknown command “report.baocao”");
  }
  {
    /* The window's options, and the commands a newcomer looks for. */
    g_auto(Result) r = RUN ("--help");
    assert_ok (&r);
    g_assert_nonnull (strstr (r.out, "--open"));
    g_assert_nonnull (strstr (r.out, "baocao list\n"));
    g_assert_nonnull (strstr (r.out, "baocao new --template ID --office ID|--unit NAME"));
    g_assert_nonnull (strstr (r.out, "baocao office list | show ID | add --unit NAME --kind KIND"));
    g_assert_nonnull (strstr (r.out, "baocao review ID"));
    g_assert_nonnull (strstr (r.out, "--library FILE"));
  }
  {
    g_auto(Result) r = RUN ("help");
    assert_ok (&r);
    g_assert_nonnull (strstr (r.out, "delete ID [--force]"));
    g_assert_nonnull (strstr (r.out, "[--comments [--resolved]]"));
  }
}

/* One report per unit, template and period, by "new" or by "next". */
static void
test_same_period (Fixture       *f,
                  gconstpointer  data)
{
  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "Huyện Ninh Hải",
                            "--from", "15/05/2024", "--to", "14/06/2024");
    assert_ok (&r);
    g_assert_cmpstr (r.out, ==, "1\n");
  }
  {
    /* The same unit, however spaced. */
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", " Huyện Ninh Hải ",
                            "--from", "15/05/2024", "--to", "14/06/2024");
    assert_says (&r, BC_CLI_FAILED, "report 1");
    g_assert_nonnull (strstr (r.err, "15/05/2024"));
    g_assert_cmpstr (r.out, ==, "");
  }
  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "Huyện Ninh Phước",
                            "--from", "15/05/2024", "--to", "14/06/2024");
    assert_ok (&r);
    g_assert_cmpstr (r.out, ==, "2\n");
  }
  {
    g_auto(Result) r = RUN ("next", "1");
    assert_ok (&r);
    g_assert_cmpstr (r.out, ==, "3\n");
  }
  {
    g_auto(Result) r = RUN ("next", "1");
    assert_says (&r, BC_CLI_FAILED, "report 3");
    g_assert_nonnull (strstr (r.err, "15/06/2024"));
  }
  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "Huyện Ninh Hải",
                            "--from", "15/06/2024", "--to", "14/07/2024");
    assert_says (&r, BC_CLI_FAILED, "report 3");
  }
  {
    g_auto(Result) r = RUN ("list");
    assert_ok (&r);
    g_assert_nonnull (strstr (r.out, "3\tHuyện Ninh Hải\t15/06/2024–14/07/2024"));
    g_assert_null (strstr (r.out, "\n4\t"));
  }
}

/* A period that ends before it starts is a usage error, told in dd/mm/yyyy. */
static void
test_reversed_period (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "X",
                          "--from", "20/05/2024", "--to", "21/04/2024");

  assert_says (&r, BC_CLI_USAGE, "21/04/2024");
  g_assert_nonnull (strstr (r.err, "20/05/2024"));
  g_assert_null (strstr (r.err, "2024-"));
  g_assert_false (g_file_test (f->library, G_FILE_TEST_EXISTS));
}

/* Without dates, "new" makes the report for the last period that has
 * ended, as its help says (a plan: the period containing today). */
static void
test_new_default_period (Fixture       *f,
                         gconstpointer  data)
{
  GDate today;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *line = NULL;

  bc_date_today (&today);
  bc_period_default (BC_REGIME_MONTHLY, 14, FALSE, &today, &from, &to);
  from_text = bc_date_to_display (from);
  to_text = bc_date_to_display (to);
  /* A unit typed without its kind takes the template's: "Huyện X". */
  line = g_strdup_printf ("1\tHuyện X\t%s–%s\t", from_text, to_text);
  {
    g_auto(Result) r = RUN ("help");
    assert_ok (&r);
    g_assert_nonnull (strstr (r.out, "without dates, for the last period that has ended (a plan: the current one)"));
  }
  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "X");
    assert_ok (&r);
  }
  {
    g_auto(Result) r = RUN ("list");
    assert_ok (&r);
    g_assert_true (g_str_has_prefix (r.out, line));
  }
}

/* The help in Vietnamese has no English placeholder left (ID, NAME,
 * DATE…): the commands' arguments are translated, from the build's own
 * translations. */
static void
test_vietnamese_help (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *po_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_autofree char *saved = g_strdup (setlocale (LC_MESSAGES, NULL));
  g_autoptr(GRegex) english = g_regex_new ("\\b(ID|ID1|ID2|NAME|DATE|FILE|KEY|TEXT|ROLE|ACTION)\\b", 0, 0, NULL);
  g_autofree char *help = NULL;
  g_autofree char *where = NULL;

  g_assert_nonnull (setlocale (LC_MESSAGES, "vi_VN.UTF-8"));
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  help = bc_cli_dup_commands_help ();
  setlocale (LC_MESSAGES, saved);
  g_assert_nonnull (strstr (help, "baocao new --template MÃ --office MÃ|--unit TÊN [--from NGÀY --to NGÀY | --year NĂM] [--from-months]"));
  g_assert_nonnull (strstr (help, "baocao office list | show MÃ | add --unit TÊN --kind LOẠI"));
  if (g_regex_match (english, help, 0, NULL))
    g_error ("English placeholder left in:\n%s", help);
}

/* A period that is not one of the template's is a usage error that says
 * which period was likely meant; nothing is made. */
static void
test_period_regime (Fixture       *f,
                    gconstpointer  data)
{
  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "X",
                            "--from", "15/05/2024", "--to", "14/03/2028");
    assert_says (&r, BC_CLI_USAGE, "15/05/2024 – 14/03/2028 is not a period of this template");
    g_assert_nonnull (strstr (r.err, "15/05/2024 – 14/06/2024"));
  }
  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "X",
                            "--from", "01/05/2024", "--to", "31/05/2024");
    assert_says (&r, BC_CLI_USAGE, "monthly");
  }
  g_assert_false (g_file_test (f->library, G_FILE_TEST_EXISTS));
  {
    g_auto(Result) r = RUN ("new", "--template", "annual-plan", "--unit", "X",
                            "--from", "01/01/2025", "--to", "31/12/2025");
    assert_ok (&r);
  }
  /* A year's report runs 15/12 – 14/12 (Decree 09/2019), not the calendar year. */
  {
    g_auto(Result) r = RUN ("new", "--template", "district-annual", "--unit", "X",
                            "--from", "01/01/2023", "--to", "31/12/2023");
    assert_says (&r, BC_CLI_USAGE, "(the one 01/01/2023 is in: 15/12/2022 – 14/12/2023)");
  }
  {
    g_auto(Result) r = RUN ("new", "--template", "district-annual", "--unit", "X",
                            "--from", "15/12/2022", "--to", "14/12/2023");
    assert_ok (&r);
  }
}

/* On a full disk: one line that says what was not written (not a change,
 * not a temporary file), and nothing of the libraries' own. */
static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", "province-2024-05.json", NULL);

  {
    g_auto(Result) r = run_on_full_disk (f, 8 * 1024, (const char *[]) { "export", sample, "--xlsx", "out.xlsx", NULL });
    assert_says (&r, BC_CLI_FAILED, "“out.xlsx” could not be written: the disk is full");
    g_assert_null (strstr (r.err, "[ERROR]"));
    g_assert_null (strstr (r.err, ".out.xlsx."));
  }
  {
    g_auto(Result) r = run_on_full_disk (f, 8 * 1024, (const char *[]) { "export", sample, "--docx", "out.docx", NULL });
    assert_says (&r, BC_CLI_FAILED, "“out.docx” could not be written: the disk is full");
  }
  {
    g_auto(Result) r = RUN ("import-json", sample);
    assert_ok (&r);
  }
  {
    /* Room for the library's shared memory (32 KiB), not for the file. */
    g_auto(Result) r = run_on_full_disk (f, 60 * 1024, (const char *[]) { "save-file", "1", "out.baocao", NULL });
    assert_says (&r, BC_CLI_FAILED, "The disk is full: the report file was not written");
    g_assert_null (strstr (r.err, "change"));
    g_assert_null (strstr (r.err, ":memory:"));
  }
  {
    g_auto(Result) r = run_on_full_disk (f, 60 * 1024, (const char *[]) { "export-json", "1", "-o", "out.json", NULL });
    assert_says (&r, BC_CLI_FAILED, "“out.json” could not be written");
    g_assert_null (strstr (r.err, "out.json."));
  }
}

/* An approved report is deleted only with --force. */
static void
test_delete_approved (Fixture       *f,
                      gconstpointer  data)
{
  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "X",
                            "--from", "15/05/2024", "--to", "14/06/2024");
    assert_ok (&r);
  }
  {
    g_auto(Result) r = RUN ("status", "1", "submit");
    assert_ok (&r);
  }
  {
    g_auto(Result) r = RUN ("status", "1", "approve", "--role", "reviewer");
    assert_ok (&r);
  }
  {
    g_auto(Result) r = RUN ("delete", "1");
    assert_says (&r, BC_CLI_FAILED, "--force");
  }
  {
    g_auto(Result) r = RUN ("show", "1");
    assert_ok (&r);
  }
  {
    g_auto(Result) r = RUN ("delete", "1", "--force");
    assert_ok (&r);
  }
  {
    g_auto(Result) r = RUN ("show", "1");
    assert_says (&r, BC_CLI_FAILED, "There is no report 1");
  }
  {
    g_auto(Result) r = RUN ("delete", "1", "--force");
    assert_says (&r, BC_CLI_FAILED, "There is no report 1");
  }
}

static void
assert_untouched (const char *path,
                  const char *before,
                  gsize       length)
{
  g_autofree char *after = NULL;
  gsize after_length = 0;
  const char *companions[] = { "-wal", "-shm", "-journal" };

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, length, after, after_length);
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *companion = g_strconcat (path, companions[i], NULL);
      g_assert_false (g_file_test (companion, G_FILE_TEST_EXISTS));
    }
}

/* A library named by --library is made only as FILE.db in a folder that
 * exists; an empty file, a report file or a folder is refused untouched. */
static void
test_library_path (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *missing_dir = g_build_filename (f->dir, "nosuch", "library.db", NULL);
  g_autofree char *missing_dir_parent = g_build_filename (f->dir, "nosuch", NULL);
  g_autofree char *not_db = g_build_filename (f->dir, "library.sqlite", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autofree char *report_file = g_build_filename (f->dir, "report.baocao", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  {
    g_auto(Result) r = RUN ("list", "--library", missing_dir);
    assert_says (&r, BC_CLI_FAILED, "does not exist");
    g_assert_false (g_file_test (missing_dir_parent, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Result) r = RUN ("list", "--library", not_db);
    assert_says (&r, BC_CLI_FAILED, ".db");
    g_assert_false (g_file_test (not_db, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Result) r = RUN ("list", "--library", f->dir);
    assert_says (&r, BC_CLI_FAILED, "folder");
  }

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "X", "--library", empty);
    assert_says (&r, BC_CLI_FAILED, "empty file");
    assert_untouched (empty, "", 0);
  }

  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "X",
                            "--from", "15/05/2024", "--to", "14/06/2024");
    assert_ok (&r);
  }
  {
    g_auto(Result) r = RUN ("save-file", "1", report_file);
    assert_ok (&r);
  }
  g_assert_true (g_file_get_contents (report_file, &contents, &length, NULL));
  {
    g_auto(Result) r = RUN ("list", "--library", report_file);
    assert_says (&r, BC_CLI_FAILED, "report file, not a library");
    g_assert_nonnull (strstr (r.err, "open-file"));
    assert_untouched (report_file, contents, length);
  }
  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "Y", "--library", report_file);
    assert_says (&r, BC_CLI_FAILED, "report file, not a library");
    assert_untouched (report_file, contents, length);
  }
  {
    g_auto(Result) r = RUN ("check", "1", "--library", empty);
    assert_says (&r, BC_CLI_FAILED, "empty file");
  }
  {
    /* A library named by BAOCAO_LIBRARY is named too. */
    g_autofree char *library = g_steal_pointer (&f->library);
    g_auto(Result) r = { 0 };

    f->library = g_strdup (report_file);
    r = RUN ("list");
    g_free (f->library);
    f->library = g_steal_pointer (&library);
    assert_says (&r, BC_CLI_FAILED, "report file, not a library");
    assert_untouched (report_file, contents, length);
  }
  {
    g_auto(Result) r = RUN ("comments", "1", "--library", report_file);
    assert_says (&r, BC_CLI_FAILED, "report file, not a library");
    assert_untouched (report_file, contents, length);
  }

  /* What is meant is still made. */
  {
    g_auto(Result) r = RUN ("list", "--library", fresh);
    assert_ok (&r);
    g_assert_true (g_file_test (fresh, G_FILE_TEST_IS_REGULAR));
  }
}

/* A count in an imported report that is negative says so. */
static void
test_negative_count (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", "province-2024-05.json", NULL);
  g_autofree char *negative = g_build_filename (f->dir, "negative.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GString) edited = NULL;

  g_assert_true (g_file_get_contents (sample, &json, NULL, NULL));
  edited = g_string_new (json);
  g_assert_cmpuint (g_string_replace (edited, "\"fig/asm_facilities\" : \"6697\"", "\"fig/asm_facilities\" : \"-5\"", 1),
                    ==, 1);
  g_assert_true (g_file_set_contents (negative, edited->str, -1, NULL));
  {
    g_auto(Result) r = RUN ("import-json", negative);
    assert_says (&r, BC_CLI_FAILED, "fig/asm_facilities: A count cannot be negative");
    g_assert_null (strstr (r.err, "whole number"));
  }
}

/* Columns: severity, location, message, each aligned; counts in words. */
static void
test_check_text (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *summary = NULL;
  glong message_column = -1;
  guint n = 0;

  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "X",
                            "--from", "15/05/2024", "--to", "14/06/2024");
    assert_ok (&r);
  }
  {
    g_auto(Result) r = RUN ("check", "1");
    g_assert_cmpint (r.status, ==, 1);
    lines = g_strsplit (r.out, "\n", -1);
  }
  for (guint i = 1; lines[i] != NULL && g_str_has_prefix (lines[i], "warning"); i++, n++)
    {
      const char *location = lines[i] + strlen ("warning");
      const char *message;

      /* "warning" is the widest label: two spaces, the location, at least two spaces, the message. */
      g_assert_true (g_str_has_prefix (location, "  ") && location[2] != ' ');
      message = strchr (location + 2, ' ');
      g_assert_nonnull (message);
      g_assert_true (g_str_has_prefix (message, "  "));
      while (*message == ' ')
        message++;
      if (message_column < 0)
        message_column = g_utf8_pointer_to_offset (lines[i], message);
      g_assert_cmpint (g_utf8_pointer_to_offset (lines[i], message), ==, message_column);
    }
  g_assert_cmpuint (n, >, 1);
  summary = g_strdup_printf ("0 errors, %u warnings", n);
  g_assert_cmpstr (lines[n + 1], ==, summary);
  g_assert_cmpstr (lines[n + 2], ==, "");
}

/* No byte of a terminal control sequence: ESC, BEL, CR, CSI (U+009B). */
static void
assert_no_controls (const char *text)
{
  g_assert_null (strchr (text, '\x1b'));
  g_assert_null (strchr (text, '\a'));
  g_assert_null (strchr (text, '\r'));
  g_assert_null (strstr (text, "\xc2\x9b"));
}

/* Sets a column of every report in the SQLite file @path. */
static void
update_reports (const char *path,
                const char *column,
                const char *text)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE report SET %s = ?", column);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Text from a file or a library that holds escape sequences (a title
 * change, a screen clear, a forged "baocao:" line) reaches the terminal
 * written visibly: by `list`, `show`, `check` and in error messages. */
static void
test_terminal_escapes (Fixture       *f,
                       gconstpointer  data)
{
  static const char hostile[] = "Xã\x1b]0;pwned\a\x1b[2J\r\nbaocao: forged\xc2\x9b" "31m";
  const char *commands[][3] = { { "list" }, { "show", "1" }, { "check", "1" } };
  g_autofree char *json = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *exported = NULL;
  g_autoptr(GString) bad = NULL;

  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "X",
                            "--from", "15/05/2024", "--to", "14/06/2024");
    assert_ok (&r);
  }
  {
    g_auto(Result) r = RUN ("export-json", "1");
    assert_ok (&r);
    exported = g_strdup (r.out);
  }
  update_reports (f->library, "unit", hostile);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Result) r = run (f, (const char * const[]) { commands[i][0], commands[i][1], NULL });

      g_assert_cmpint (r.status, <, 3);
      assert_no_controls (r.out);
      g_assert_nonnull (strstr (r.out, "Xã\\e]0;pwned\\x07\\e[2J\\r\\nbaocao: forged\\u009b31m"));
    }

  /* A file whose key holds them: refused, in one line that holds none. */
  bad = g_string_new (exported);
  g_assert_cmpuint (g_string_replace (bad, "\"values\" : {", "\"values\" : {\"fig/x\\u001b]0;t\\u0007\\r\\nbaocao: forged\" : \"1\",", 1), ==, 1);
  g_assert_true (g_file_set_contents (json, bad->str, -1, NULL));
  {
    g_auto(Result) r = RUN ("delete", "1");
    assert_ok (&r);
  }
  {
    g_auto(Result) r = RUN ("import-json", json);
    assert_says (&r, 3, "fig/x");
    assert_no_controls (r.err);
  }
  /* Nor does the library take them in a one-line field. */
  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "Y\x1b[2J",
                            "--from", "15/06/2024", "--to", "14/07/2024");
    assert_says (&r, 3, "control character");
  }
}

static char *
repeat (const char *before,
        const char *unit,
        guint       n,
        const char *after)
{
  GString *s = g_string_new (before);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  g_string_append (s, after);
  return g_string_free (s, FALSE);
}

/* The files that overflowed the stack (a rule nested 60.000 parentheses
 * deep in the template copy, JSON nested 100.000 deep) are refused by
 * every command that reads them, in one line, quickly. */
static void
test_hostile_files (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *exported = NULL;
  g_autofree char *parens = repeat ("\"left\" : \"", "(", 60000, "sum(dvc_district.online)\"");
  g_autofree char *deep = repeat ("{\"x\": ", "[", 100000, "], \"format\"");
  g_autofree char *deep_template = repeat ("", "[", 100000, "");
  g_autofree char *report_file = g_build_filename (f->dir, "hostile.baocao", NULL);
  g_autofree char *docx = g_build_filename (f->dir, "hostile.docx", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "X",
                            "--from", "15/05/2024", "--to", "14/06/2024");
    assert_ok (&r);
  }
  {
    g_auto(Result) r = RUN ("export-json", "1");
    assert_ok (&r);
    exported = g_strdup (r.out);
  }
  {
    g_auto(Result) r = RUN ("save-file", "1", report_file);
    assert_ok (&r);
  }
  {
    g_auto(Result) r = RUN ("delete", "1");
    assert_ok (&r);
  }
  update_reports (report_file, "template", deep_template);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GString) json = g_string_new (exported);
      char *path = g_strdup_printf ("%s/hostile-%u.json", f->dir, i);

      if (i == 0)
        g_assert_cmpuint (g_string_replace (json, "\"left\" : \"sum(dvc_district.online)\"", parens, 1), ==, 1);
      else
        g_assert_cmpuint (g_string_replace (json, "{\n  \"format\"", deep, 1), ==, 1);
      g_assert_true (g_file_set_contents (path, json->str, -1, NULL));
      g_ptr_array_add (files, path);
    }

  for (guint i = 0; i < files->len; i++)
    {
      const char *commands[][5] = {
        { "import-json", files->pdata[i] },
        { "check", files->pdata[i] },
        { "export", files->pdata[i], "--docx", docx },
      };

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          gint64 start = g_get_monotonic_time ();
          g_auto(Result) r = run (f, commands[c]);

          g_test_message ("%s %s: %.0f ms: %s", commands[c][0], (char *) files->pdata[i],
                          (g_get_monotonic_time () - start) / 1000.0, r.err);
          assert_one_line_error (&r, 3);
          g_assert_nonnull (strstr (r.err, i == 0 ? "longer than 1000 characters" : "nested more than 64 levels"));
          g_assert_cmpint (g_get_monotonic_time () - start, <, BC_TEST_HANG_GUARD);
        }
    }
  {
    g_auto(Result) r = RUN ("open-file", report_file, "--keep-both");
    assert_says (&r, 3, "nested more than 64 levels");
  }
  g_assert_false (g_file_test (docx, G_FILE_TEST_EXISTS));
}

/* "--resolved" needs "--comments", as "export --help" says. */
static void
test_export_usage (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *docx = g_build_filename (f->dir, "report.docx", NULL);

  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "X",
                            "--from", "15/05/2024", "--to", "14/06/2024");
    assert_ok (&r);
  }
  {
    g_auto(Result) r = RUN ("export", "1", "--docx", docx, "--resolved");
    assert_says (&r, BC_CLI_USAGE, "--resolved goes with --comments");
    g_assert_false (g_file_test (docx, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Result) r = RUN ("export", "1", "--docx", docx, "--comments", "--resolved");
    assert_ok (&r);
    g_assert_true (g_file_test (docx, G_FILE_TEST_EXISTS));
  }
  /* A Word file named .pdf, a spreadsheet named .docx: refused, unwritten. */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
    g_auto(Result) r = RUN ("export", "1", "--docx", pdf);
    assert_says (&r, BC_CLI_USAGE, "“report.pdf” does not end in .docx");
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Result) r = RUN ("export", "1", "--docx", docx, "--xlsx", docx);
    assert_says (&r, BC_CLI_USAGE, "does not end in .xlsx");
  }
  {
    g_autofree char *upper = g_build_filename (f->dir, "REPORT.DOCX", NULL);
    g_auto(Result) r = RUN ("export", "1", "--docx", upper);
    assert_ok (&r);
  }
}

/* A plan has no appendix tables: "--xlsx" alone is refused before anything
 * is written; with "--docx" the DOCX is written, a note says why it is
 * alone, and the command succeeds (it used to write the DOCX and exit 3). */
static void
test_export_no_tables (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *docx = g_build_filename (f->dir, "plan.docx", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "plan.xlsx", NULL);

  {
    g_auto(Result) r = RUN ("new", "--template", "annual-plan", "--unit", "X");
    assert_ok (&r);
  }
  {
    g_auto(Result) r = RUN ("export", "1", "--xlsx", xlsx);
    assert_says (&r, BC_CLI_FAILED, "no appendix tables: no XLSX written");
  }
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  {
    g_auto(Result) r = RUN ("export", "1", "--docx", docx, "--xlsx", xlsx);
    g_assert_cmpint (r.status, ==, BC_CLI_OK);
    g_assert_nonnull (strstr (r.err, "only the DOCX is written"));
  }
  g_assert_true (g_file_test (docx, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
}

/* A library in a read-only folder (a read-only share or drive) is listed,
 * shown and exported; a change is refused saying why, never that the
 * library is damaged (a clerk told so restores a backup over it). */
static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *docx = g_build_filename (out_dir, "report.docx", NULL);
  const char * const read[][6] = {
    { "list" },
    { "show", "1" },
    { "check", "1" },
    { "export", "1", "--docx", docx },
    { "export-json", "1" },
  };

  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "X",
                            "--from", "15/05/2024", "--to", "14/06/2024");
    assert_ok (&r);
  }
  g_assert_cmpint (g_mkdir (out_dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (out_dir, 0777), ==, 0);
  bc_test_make_read_only (f->dir);
  for (guint i = 0; i < G_N_ELEMENTS (read); i++)
    {
      g_auto(Result) r = run_with (f, bc_test_drop_root, read[i]);
      if (r.status > 1)
        g_error ("%s: exit %d: %s", read[i][0], r.status, r.err);
      g_assert_cmpstr (r.err, ==, "");
    }
  g_assert_true (g_file_test (docx, G_FILE_TEST_IS_REGULAR));
  {
    g_auto(Result) r = run_with (f, bc_test_drop_root,
                                 (const char *[]) { "new", "--template", "district-monthly", "--unit", "Y",
                                                    "--from", "15/05/2024", "--to", "14/06/2024", NULL });
    assert_says (&r, BC_CLI_FAILED, "read-only");
    g_assert_null (strstr (r.err, "damaged"));
  }
  g_chmod (f->dir, 0700);
}

/* The first commands on a new library, all at once: one makes it, the
 * others use it; none finds it half made (empty, or without Baocao's
 * application id) and refuses it. */
static void
test_concurrent_new (Fixture       *f,
                     gconstpointer  data)
{
  enum { N = 16 };

  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *name = g_strdup_printf ("library-%u.db", round);
      g_autofree char *library = g_build_filename (f->dir, name, NULL);
      g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_free);
      g_auto(GStrv) env = NULL;
      GPid pids[N];

      g_free (f->library);
      f->library = g_strdup (library);
      env = headless_environ (f);
      for (guint i = 0; i < N; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) argv = NULL;

          g_ptr_array_add (units, g_strdup_printf ("Đơn vị %u", i));
          argv = command_line ((const char *[]) { "new", "--template", "district-monthly", "--unit", units->pdata[i],
                                                  "--library", library, NULL });
          g_assert_true (g_spawn_async (NULL, (char **) argv->pdata, env,
                                        G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                        NULL, NULL, &pids[i], &error));
          g_assert_no_error (error);
        }
      for (guint i = 0; i < N; i++)
        {
          int status;
          g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
          g_spawn_close_pid (pids[i]);
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
        }
      {
        g_auto(Result) r = RUN ("list");
        g_auto(GStrv) lines = NULL;
        assert_ok (&r);
        lines = g_strsplit (g_strchomp (r.out), "\n", -1);
        g_assert_cmpuint (g_strv_length (lines), ==, N);
      }
    }
}

/* The office profile verbs, and a report made for a profile. */
static void
test_office (Fixture       *f,
             gconstpointer  data)
{
  {
    g_auto(Result) r = RUN ("office", "add", "--unit", "Ninh Hải", "--kind", "huyện",
                            "--supervising-body", "UBND HUYỆN NINH HẢI", "--symbol-report", "BC-UBND",
                            "--signer-name", "Trần Văn An", "--cc", "Như trên;", "--cc", "Lưu: VT.");
    assert_ok (&r);
    g_assert_cmpstr (r.out, ==, "1\n");
  }
  {
    g_auto(Result) r = RUN ("office", "list");
    assert_ok (&r);
    g_assert_cmpstr (r.out, ==, "1\tHuyện Ninh Hải\tUBND HUYỆN NINH HẢI\n");
  }
  {
    g_auto(Result) r = RUN ("office", "set", "1", "--place", "Ninh Hải", "--signer-title2", "CHỦ TỊCH UBND HUYỆN");
    assert_ok (&r);
  }
  {
    g_auto(Result) r = RUN ("office", "show", "1");
    assert_ok (&r);
    g_assert_nonnull (strstr (r.out, "\nunit-kind\thuyện\n"));
    g_assert_nonnull (strstr (r.out, "\nsigner-title2\tCHỦ TỊCH UBND HUYỆN\n"));
    g_assert_nonnull (strstr (r.out, "\ncc\tNhư trên;\n\tLưu: VT.\n"));
  }
  {
    g_auto(Result) r = RUN ("office", "add", "--unit", "Ninh Hải", "--kind", "làng");
    assert_says (&r, BC_CLI_USAGE, "làng");
  }
  {
    g_auto(Result) r = RUN ("office", "set", "1", "--signer-name", "Trần\nAn");
    assert_says (&r, BC_CLI_USAGE, "one line");
  }
  {
    g_auto(Result) r = RUN ("office", "set", "1");
    assert_says (&r, BC_CLI_USAGE, "say which fields");
  }
  {
    g_auto(Result) r = RUN ("office", "show", "9");
    assert_says (&r, BC_CLI_FAILED, "no office profile 9");
  }
  {
    g_auto(Result) r = RUN ("office", "rename", "1");
    assert_says (&r, BC_CLI_USAGE, "usage: baocao office");
  }
  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--office", "1",
                            "--from", "15/05/2024", "--to", "14/06/2024");
    assert_ok (&r);
    g_assert_cmpstr (r.out, ==, "1\n");
    g_assert_cmpstr (r.err, ==, "");
  }
  {
    /* The unit finds its profile: nothing is made. */
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "huyện ninh hải",
                            "--from", "15/06/2024", "--to", "14/07/2024");
    assert_ok (&r);
    g_assert_cmpstr (r.err, ==, "");
  }
  {
    g_auto(Result) r = RUN ("list");
    g_assert_nonnull (strstr (r.out, "Huyện Ninh Hải\t15/05/2024–14/06/2024"));
  }
  {
    /* The headings with the unit's words, not the template's placeholders. */
    g_auto(Result) r = RUN ("show", "1");
    assert_ok (&r);
    g_assert_nonnull (strstr (r.out, "1. UBND huyện và Tổ công tác Đề án 06 huyện [documents]"));
    g_assert_null (strchr (r.out, '{'));
  }
  {
    /* The clerk's own heading, and a section left out, as the report has them. */
    g_autoptr(GError) error = NULL;
    g_autoptr(BcStore) store = bc_store_open (f->library, &error);
    g_autoptr(BcReport) report = bc_store_open_report (store, 1, &error);
    g_assert_no_error (error);
    g_assert_true (bc_store_set_value (store, report, "sec/city_direction/title", "Văn bản của huyện", &error));
    g_assert_true (bc_store_set_value (store, report, "sec/police_direction/omit", "1", &error));
    g_assert_no_error (error);
  }
  {
    g_auto(Result) r = RUN ("show", "1");
    assert_ok (&r);
    g_assert_nonnull (strstr (r.out, "  1. Văn bản của huyện [documents]\n"));
    g_assert_nonnull (strstr (r.out, "[documents] (left out of this report)\n"));
  }
  {
    /* A unit without one gets one, and is told how to complete it. */
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--unit", "Ninh Phước",
                            "--from", "15/05/2024", "--to", "14/06/2024");
    assert_ok (&r);
    g_assert_cmpstr (r.out, ==, "3\n");
    g_assert_nonnull (strstr (r.err, "made office profile 2 for “Huyện Ninh Phước”"));
  }
  {
    g_auto(Result) r = RUN ("new", "--template", "district-monthly", "--office", "1", "--unit", "X");
    assert_says (&r, BC_CLI_USAGE, "usage: baocao new");
  }
  {
    g_auto(Result) r = RUN ("office", "delete", "2");
    assert_ok (&r);
  }
  {
    g_auto(Result) r = RUN ("office", "list");
    g_assert_cmpstr (r.out, ==, "1\tHuyện Ninh Hải\tUBND HUYỆN NINH HẢI\n");
  }
}

/* README: "baocao templates" lists the templates a report can be made
 * from: one line per file of data/templates, its id and its name, read
 * here from the files themselves; no library is needed or made. */
static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "templates", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_auto(Result) r = RUN ("templates");
  g_auto(GStrv) lines = NULL;
  const char *name;
  guint files = 0;

  assert_ok (&r);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (g_str_has_suffix (r.out, "\n"));
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *id = g_strndup (name, strlen (name) - strlen (".json"));
      g_autofree char *line = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      files++;
      g_assert_true (json_parser_load_from_file (parser, path, &error));
      line = g_strdup_printf ("%s\t%s", id,
                              json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                             "name"));
      if (!g_strv_contains ((const char * const *) lines, line))
        g_error ("“%s” is not listed: %s", line, r.out);
    }
  g_assert_cmpuint (files, >, 0);
  g_assert_cmpuint (g_strv_length (lines), ==, files + 1);   /* and the empty string after the last \n */
  g_assert_false (g_file_test (f->library, G_FILE_TEST_EXISTS));
}

/* The bytes and times of the library's files (library.db, -wal, -shm). */
static char *
library_state (Fixture *f)
{
  g_autoptr(GString) state = g_string_new (NULL);
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (f->library, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      g_autofree char *checksum = NULL;
      gsize length;
      GStatBuf st;

      if (g_stat (path, &st) != 0)
        continue;
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      g_string_append_printf (state, "%s %s %ld.%09ld\n", suffixes[i], checksum,
                              (long) st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    }
  return g_string_free (g_steal_pointer (&state), FALSE);
}

/* README: check and export of a .json file leave the library untouched:
 * none is made, and an existing one keeps every byte and time. */
static void
test_json_leaves_library (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", "province-2024-05.json", NULL);
  g_autofree char *docx = g_build_filename (f->dir, "report.docx", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "report.xlsx", NULL);

  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (round == 1)
        {
          g_auto(Result) r = RUN ("import-json", sample);
          assert_ok (&r);
          g_assert_true (g_file_test (f->library, G_FILE_TEST_EXISTS));
        }
      before = library_state (f);
      {
        g_auto(Result) r = RUN ("check", sample);
        if (r.status > 2)
          g_error ("check %s: exit %d: %s", sample, r.status, r.err);
        g_assert_cmpstr (r.err, ==, "");
      }
      {
        g_auto(Result) r = RUN ("export", sample, "--docx", docx, "--xlsx", xlsx);
        assert_ok (&r);
      }
      g_assert_true (g_file_test (docx, G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
      after = library_state (f);
      g_assert_cmpstr (after, ==, before);
      if (round == 0)
        g_assert_false (g_file_test (f->library, G_FILE_TEST_EXISTS));
    }
}

/* README: diff prints one line per differing value, "key<TAB>value in
 * ID1<TAB>value in ID2", newlines written \n: a paragraph of two lines
 * stays on one line of output. */
static void
test_diff_newlines (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", "province-2024-05.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 a, b;

  {
    g_autoptr(BcStore) store = bc_test_open_store (f->dir, "library.db");
    g_autoptr(BcReport) second = NULL;

    g_assert_true (g_file_get_contents (sample, &json, NULL, NULL));
    a = bc_store_import_json (store, json, -1, &error);
    g_assert_no_error (error);
    /* The same report under another identity: a second one. */
    {
      g_autoptr(GString) other = g_string_new (json);

      g_assert_cmpuint (g_string_replace (other, "271737ee-0d01-5ac1-ab44-3aae62400a9a",
                                          "271737ee-0d01-5ac1-ab44-3aae62400a9b", 0), ==, 1);
      b = bc_store_import_json (store, other->str, -1, &error);
    }
    g_assert_no_error (error);
    second = bc_store_open_report (store, b, &error);
    g_assert_no_error (error);
    g_assert_true (bc_store_set_value (store, second, "header/summary", "Dòng một\nDòng hai", &error));
    g_assert_true (bc_store_set_value (store, second, "fig/vneid_activated", "1", &error));
    g_assert_no_error (error);
    diffs = bc_store_diff (store, a, b, &error);
    g_assert_no_error (error);
  }
  {
    g_autofree char *ida = g_strdup_printf ("%" G_GINT64_FORMAT, a);
    g_autofree char *idb = g_strdup_printf ("%" G_GINT64_FORMAT, b);
    g_auto(Result) r = RUN ("diff", ida, idb);

    assert_ok (&r);
    lines = g_strsplit (r.out, "\n", -1);
    g_assert_cmpuint (diffs->len, ==, 2);
    g_assert_cmpuint (g_strv_length (lines), ==, diffs->len + 1);
    g_assert_cmpstr (lines[diffs->len], ==, "");
    for (guint i = 0; i < diffs->len; i++)
      {
        g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
        g_assert_cmpuint (g_strv_length (fields), ==, 3);
      }
    g_assert_nonnull (strstr (r.out, "\tDòng một\\nDòng hai\n"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bc/cli/lifecycle", Fixture, NULL, fixture_set_up, test_lifecycle, fixture_tear_down);
  g_test_add ("/bc/cli/failures", Fixture, NULL, fixture_set_up, test_failures, fixture_tear_down);
  g_test_add ("/bc/cli/unknown-command", Fixture, NULL, fixture_set_up, test_unknown_command, fixture_tear_down);
  g_test_add ("/bc/cli/same-period", Fixture, NULL, fixture_set_up, test_same_period, fixture_tear_down);
  g_test_add ("/bc/cli/reversed-period", Fixture, NULL, fixture_set_up, test_reversed_period, fixture_tear_down);
  g_test_add ("/bc/cli/new-default-period", Fixture, NULL, fixture_set_up, test_new_default_period, fixture_tear_down);
  g_test_add ("/bc/cli/vietnamese-help", Fixture, NULL, fixture_set_up, test_vietnamese_help, fixture_tear_down);
  g_test_add ("/bc/cli/period-regime", Fixture, NULL, fixture_set_up, test_period_regime, fixture_tear_down);
  g_test_add ("/bc/cli/full-disk", Fixture, NULL, fixture_set_up, test_full_disk, fixture_tear_down);
  g_test_add ("/bc/cli/delete-approved", Fixture, NULL, fixture_set_up, test_delete_approved, fixture_tear_down);
  g_test_add ("/bc/cli/library-path", Fixture, NULL, fixture_set_up, test_library_path, fixture_tear_down);
  g_test_add ("/bc/cli/read-only-folder", Fixture, NULL, fixture_set_up, test_read_only_folder, fixture_tear_down);
  g_test_add ("/bc/cli/concurrent-new", Fixture, NULL, fixture_set_up, test_concurrent_new, fixture_tear_down);
  g_test_add ("/bc/cli/negative-count", Fixture, NULL, fixture_set_up, test_negative_count, fixture_tear_down);
  g_test_add ("/bc/cli/check-text", Fixture, NULL, fixture_set_up, test_check_text, fixture_tear_down);
  g_test_add ("/bc/cli/hostile-files", Fixture, NULL, fixture_set_up, test_hostile_files, fixture_tear_down);
  g_test_add ("/bc/cli/terminal-escapes", Fixture, NULL, fixture_set_up, test_terminal_escapes, fixture_tear_down);
  g_test_add ("/bc/cli/export-usage", Fixture, NULL, fixture_set_up, test_export_usage, fixture_tear_down);
  g_test_add ("/bc/cli/export-no-tables", Fixture, NULL, fixture_set_up, test_export_no_tables, fixture_tear_down);
  g_test_add ("/bc/cli/office", Fixture, NULL, fixture_set_up, test_office, fixture_tear_down);
  g_test_add ("/bc/cli/templates", Fixture, NULL, fixture_set_up, test_templates, fixture_tear_down);
  g_test_add ("/bc/cli/json-leaves-library", Fixture, NULL, fixture_set_up, test_json_leaves_library,
              fixture_tear_down);
  g_test_add ("/bc/cli/diff-newlines", Fixture, NULL, fixture_set_up, test_diff_newlines, fixture_tear_down);
  return g_test_run ();
}
