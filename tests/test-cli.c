/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bc-cli.h"
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

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = bc_test_mkdtemp ();
  f->library = g_build_filename (f->dir, "library.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  bc_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->library);
}

/* Runs the real binary, headless: no DISPLAY, no WAYLAND_DISPLAY. */
static Result
run (Fixture *f, const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  Result r = { 0 };
  int wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("BAOCAO_BIN"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  env = g_environ_setenv (env, "BAOCAO_LIBRARY", f->library, TRUE);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LANG", "C", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C", TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static void
assert_one_line_error (Result *r, int status)
{
  g_assert_cmpint (r->status, ==, status);
  g_assert_true (g_str_has_prefix (r->err, "baocao: "));
  g_assert_nonnull (strchr (r->err, '\n'));
  g_assert_cmpstr (strchr (r->err, '\n') + 1, ==, "");
}

static void
test_lifecycle (Fixture *f, gconstpointer data)
{
  g_autofree char *json = g_build_filename (f->dir, "report.json", NULL);
  Result r;

  r = run (f, (const char *[]) { "list", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);

  r = run (f, (const char *[]) { "new", "--template", "district-monthly", "--unit", "Thành phố Phan Rang - Tháp Chàm",
                                 "--from", "15/05/2024", "--to", "14/06/2024", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\n");
  result_clear (&r);

  r = run (f, (const char *[]) { "list", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Thành phố Phan Rang - Tháp Chàm\t15/05/2024–14/06/2024"));
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

  r = run (f, (const char *[]) { "import-json", json, NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "2\n");
  result_clear (&r);

  r = run (f, (const char *[]) { "list", NULL });
  g_assert_nonnull (strstr (r.out, "15/06/2024–14/07/2024"));
  result_clear (&r);
}

static void
test_failures (Fixture *f, gconstpointer data)
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
    { { "new", "--template", "district-monthly", "--unit", "X", "--from", "15/06/2024", "--to", "14/05/2024" }, BC_CLI_FAILED },
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bc/cli/lifecycle", Fixture, NULL, fixture_set_up, test_lifecycle, fixture_tear_down);
  g_test_add ("/bc/cli/failures", Fixture, NULL, fixture_set_up, test_failures, fixture_tear_down);
  return g_test_run ();
}
