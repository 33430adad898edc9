/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bc-cli.h"
#include "bc-test-utils.h"

/* The review commands, run as the real binary: a clerk and a reviewer,
 * each with a library, exchanging report files. */

typedef struct
{
  char *dir;
  char *config;   /* XDG_CONFIG_HOME with the Preferences as a key file, or NULL */
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
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  bc_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->config);
}

/* Runs "baocao ARGS… --library DIR/LIBRARY" headless, from DIR. */
static Result
run (Fixture            *f,
     const char         *library,
     const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) env = g_get_environ ();
  Result r = { 0 };
  int wait_status;

  g_ptr_array_add (argv, g_strdup (g_getenv ("BAOCAO_BIN")));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, g_strdup ("--library"));
  g_ptr_array_add (argv, g_build_filename (f->dir, library, NULL));
  g_ptr_array_add (argv, NULL);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "BAOCAO_LIBRARY");
  env = g_environ_setenv (env, "LANG", "C", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C", TRUE);
  if (f->config != NULL)
    {
      env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
      env = g_environ_setenv (env, "XDG_CONFIG_HOME", f->config, TRUE);
    }

  g_assert_true (g_spawn_sync (f->dir, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static void
assert_ok (Result     *r,
           const char *out)
{
  if (r->status != 0)
    g_error ("exit %d: %s", r->status, r->err);
  if (out != NULL)
    g_assert_cmpstr (r->out, ==, out);
}

static void
assert_one_line_error (Result     *r,
                       int         status,
                       const char *says)
{
  g_assert_cmpint (r->status, ==, status);
  g_assert_true (g_str_has_prefix (r->err, "baocao: "));
  g_assert_nonnull (strchr (r->err, '\n'));
  g_assert_cmpstr (strchr (r->err, '\n') + 1, ==, "");
  if (says != NULL && strstr (r->err, says) == NULL)
    g_error ("“%s” does not say “%s”", r->err, says);
}

#define RUN(library, ...) run (f, library, (const char * const[]) { __VA_ARGS__, NULL })

static void
test_trip (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", "province-2024-05.json", NULL);

  {
    g_auto(Result) r = RUN ("clerk.db", "import-json", sample);
    assert_ok (&r, "1\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comment", "1", "--on", "tbl/dvc25/2/total", "Số liệu của Sở", "--as", "Hoa");
    assert_ok (&r, "1\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comment", "1", "--on", "tbl/nosuch", "x");
    assert_one_line_error (&r, 3, "tbl/nosuch");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1", "submit", "--as", "Hoa");
    assert_ok (&r, "submitted\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "save-file", "1", "draft.baocao");
    assert_ok (&r, "");
  }

  /* The reviewer's machine. */
  {
    g_auto(Result) r = RUN ("reviewer.db", "open-file", "draft.baocao");
    assert_ok (&r, "1\n");
  }
  {
    g_auto(Result) r = RUN ("reviewer.db", "open-file", "draft.baocao");
    assert_one_line_error (&r, 3, "already has a report for");
    g_assert_nonnull (strstr (r.err, "--replace"));
  }
  {
    g_auto(Result) r = RUN ("reviewer.db", "status", "1", "return", "--reason", "Sửa", "--as", "Duyệt");
    assert_one_line_error (&r, 3, "Only a reviewer");
  }
  {
    g_auto(Result) r = RUN ("reviewer.db", "comment", "1", "--reply", "1", "Đề nghị kiểm tra lại", "--as", "Duyệt",
                            "--role", "reviewer");
    assert_ok (&r, "2\n");
  }
  {
    g_auto(Result) r = RUN ("reviewer.db", "status", "1", "return", "--reason", "Sửa phụ lục", "--as", "Duyệt",
                            "--role", "reviewer");
    assert_ok (&r, "returned\n");
  }
  {
    g_auto(Result) r = RUN ("reviewer.db", "save-file", "1", "returned.baocao");
    assert_ok (&r, "");
  }

  /* Back at the clerk's. */
  {
    g_auto(Result) r = RUN ("clerk.db", "open-file", "returned.baocao", "--replace");
    assert_ok (&r, "1\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1");
    assert_ok (&r, NULL);
    g_assert_true (g_str_has_prefix (r.out, "returned\n"));
    g_assert_nonnull (strstr (r.out, "Duyệt\treviewer\tSửa phụ lục"));
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comments", "1");
    assert_ok (&r, NULL);
    g_assert_nonnull (strstr (r.out, "#1 [open] tbl/dvc25/2/total"));
    g_assert_nonnull (strstr (r.out, "Duyệt (reviewer)"));
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comment", "1", "--resolve", "2");
    assert_ok (&r, "");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comments", "1", "--on", "tbl/dvc25/2/total");
    assert_ok (&r, NULL);
    g_assert_nonnull (strstr (r.out, "#1 [resolved]"));
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "review", "1");
    assert_ok (&r, "");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "open-file", "returned.baocao", "--keep-both");
    assert_ok (&r, "2\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "diff", "1", "2");
    assert_ok (&r, "");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "next", "1");
    assert_ok (&r, "3\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "diff", "1", "3");
    assert_ok (&r, NULL);
    g_assert_nonnull (strstr (r.out, "tbl/dvc25/2/total\t3762\t\n"));
  }
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.baocao", NULL);

  g_assert_true (g_file_set_contents (text, "không phải báo cáo", -1, NULL));
  {
    g_auto(Result) r = RUN ("clerk.db", "open-file", "notes.baocao");
    assert_one_line_error (&r, 3, "not a Baocao report file");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "open-file", "notes.baocao", "--replace", "--keep-both");
    assert_one_line_error (&r, 64, NULL);
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status");
    assert_one_line_error (&r, 64, NULL);
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1", "publish");
    assert_one_line_error (&r, 64, NULL);
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1", "submit", "--role", "boss");
    assert_one_line_error (&r, 64, "boss");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "7");
    assert_one_line_error (&r, 3, NULL);
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comment", "1", "text only");
    assert_one_line_error (&r, 64, NULL);
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "save-file", "1");
    assert_one_line_error (&r, 64, NULL);
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "diff", "1");
    assert_one_line_error (&r, 64, NULL);
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "review", "1", "--accept-all", "--revert-all");
    assert_one_line_error (&r, 64, NULL);
  }
}

/* A comment id names a comment of the report given. */
static void
test_comment_of_report (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", "province-2024-05.json", NULL);

  {
    g_auto(Result) r = RUN ("clerk.db", "import-json", sample);
    assert_ok (&r, "1\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "new", "--template", "district-monthly", "--unit", "Huyện Ninh Hải",
                            "--from", "15/05/2024", "--to", "14/06/2024");
    assert_ok (&r, "2\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comment", "1", "--report", "Báo cáo của tỉnh");
    assert_ok (&r, "1\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comment", "2", "--report", "Báo cáo của huyện");
    assert_ok (&r, "2\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comment", "1", "--reply", "2", "Nhầm báo cáo");
    assert_one_line_error (&r, 3, "report 1 has no comment 2");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comment", "1", "--resolve", "2");
    assert_one_line_error (&r, 3, "report 1 has no comment 2");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comment", "1", "--reopen", "2");
    assert_one_line_error (&r, 3, "report 1 has no comment 2");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comment", "1", "--resolve", "99");
    assert_one_line_error (&r, 3, "report 1 has no comment 99");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comment", "1", "--reply", "-1", "x");
    assert_one_line_error (&r, 64, NULL);
  }
  /* Nothing was written to report 2's thread. */
  {
    g_auto(Result) r = RUN ("clerk.db", "comments", "2");
    assert_ok (&r, NULL);
    g_assert_nonnull (strstr (r.out, "#2 [open]"));
    g_assert_null (strstr (r.out, "Nhầm báo cáo"));
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comment", "2", "--resolve", "2");
    assert_ok (&r, "");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comments", "2");
    assert_ok (&r, NULL);
    g_assert_nonnull (strstr (r.out, "#2 [resolved]"));
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comments", "99");
    assert_one_line_error (&r, 3, "There is no report 99");
    g_assert_cmpstr (r.out, ==, "");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "comments", "1", "--resolved");
    assert_one_line_error (&r, 64, "--resolved");
  }
}

/* Returning and reopening say why; reopen and withdraw are not each other. */
static void
test_status_usage (Fixture       *f,
                   gconstpointer  data)
{
  {
    g_auto(Result) r = RUN ("clerk.db", "new", "--template", "district-monthly", "--unit", "Huyện Ninh Hải",
                            "--from", "15/05/2024", "--to", "14/06/2024");
    assert_ok (&r, "1\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1", "reopen", "--reason", "Sửa");
    assert_one_line_error (&r, 3, "only an approved report can be reopened");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1", "submit");
    assert_ok (&r, "submitted\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1", "return", "--role", "reviewer");
    assert_one_line_error (&r, 64, "--reason");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1", "return", "--reason", "  ", "--role", "reviewer");
    assert_one_line_error (&r, 64, "--reason");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1");
    assert_ok (&r, NULL);
    g_assert_true (g_str_has_prefix (r.out, "submitted\n"));
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1", "approve", "--role", "reviewer");
    assert_ok (&r, "approved\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1", "reopen");
    assert_one_line_error (&r, 64, "--reason");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1", "withdraw", "--reason", "Nhầm");
    assert_one_line_error (&r, 3, "only a submitted report can be withdrawn");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1", "reopen", "--reason", "Bổ sung số liệu");
    assert_ok (&r, "draft\n");
  }
}

/* The name and role set in the window's Preferences sign the commands'
 * changes too; --as still wins. */
static void
test_preferences_name (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *settings_dir = NULL;
  g_autofree char *keyfile = NULL;

  f->config = g_build_filename (f->dir, "config", NULL);
  settings_dir = g_build_filename (f->config, "glib-2.0", "settings", NULL);
  keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile, "[io/github/baocao/Baocao]\nuser-name='Nguyễn Thị Lan'\n", -1, NULL));
  {
    g_auto(Result) r = RUN ("clerk.db", "new", "--template", "district-monthly", "--unit", "Huyện Ninh Hải",
                            "--from", "15/05/2024", "--to", "14/06/2024");
    assert_ok (&r, "1\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1", "submit");
    assert_ok (&r, "submitted\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1", "return", "--reason", "Thiếu số liệu",
                            "--role", "reviewer", "--as", "Trần Văn Nam");
    assert_ok (&r, "returned\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1");
    assert_ok (&r, NULL);
    g_assert_nonnull (strstr (r.out, "Nguyễn Thị Lan"));
    g_assert_nonnull (strstr (r.out, "Trần Văn Nam"));
    g_assert_null (strstr (r.out, g_get_user_name ()));
  }
}

/* A report with errors may be submitted (the reviewer may accept an
 * explained one), but the clerk is told how many on standard error; a
 * clean one is submitted without a word (trial item 13). */
static void
test_submit_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", "province-2024-05.json", NULL);

  {
    g_auto(Result) r = RUN ("clerk.db", "import-json", sample);
    assert_ok (&r, "1\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "check", "1");
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.out, "\n7 errors, "));
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "1", "submit");
    assert_ok (&r, "submitted\n");
    g_assert_cmpstr (r.err, ==, "baocao: warning: the report still has 7 errors not explained (baocao check 1)\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "new", "--template", "district-monthly", "--unit", "X",
                            "--from", "15/05/2024", "--to", "14/06/2024");
    assert_ok (&r, "2\n");
  }
  {
    g_auto(Result) r = RUN ("clerk.db", "status", "2", "submit");
    assert_ok (&r, "submitted\n");
    g_assert_cmpstr (r.err, ==, "");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bc/review/cli/trip", Fixture, NULL, fixture_set_up, test_trip, fixture_tear_down);
  g_test_add ("/bc/review/cli/submit-errors", Fixture, NULL, fixture_set_up, test_submit_errors, fixture_tear_down);
  g_test_add ("/bc/review/cli/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/bc/review/cli/comment-of-report", Fixture, NULL, fixture_set_up, test_comment_of_report,
              fixture_tear_down);
  g_test_add ("/bc/review/cli/preferences-name", Fixture, NULL, fixture_set_up, test_preferences_name,
              fixture_tear_down);
  g_test_add ("/bc/review/cli/status-usage", Fixture, NULL, fixture_set_up, test_status_usage, fixture_tear_down);
  return g_test_run ();
}
