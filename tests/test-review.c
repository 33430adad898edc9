/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "bc-edit-session.h"
#include "bc-report-private.h"
#include "bc-store-review.h"
#include "bc-store-private.h"
#include "bc-test-utils.h"

/* Review: statuses, read-only approved reports, comment threads, what
 * others changed, accept and revert, and the whole clerk → reviewer →
 * clerk trip through report files. */

typedef struct
{
  char       *dir;
  BcStore    *clerk;      /* the clerk's library */
  BcStore    *reviewer;   /* the reviewer's, on "another machine" */
  BcTemplate *template;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = bc_test_mkdtemp ();
  f->clerk = bc_test_open_store (f->dir, "clerk.db");
  bc_store_set_actor (f->clerk, "Nguyễn Thị Hoa");
  f->reviewer = bc_test_open_store (f->dir, "reviewer.db");
  bc_store_set_actor (f->reviewer, "Lê Văn Duyệt");
  bc_store_set_role (f->reviewer, BC_ROLE_REVIEWER);
  f->template = bc_test_load_template ("province-monthly");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->clerk);
  g_clear_object (&f->reviewer);
  g_clear_object (&f->template);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
}

static BcReport *
create (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  BcReport *report = bc_store_create_report (f->clerk, f->template, "Tỉnh Bà Rịa - Vũng Tàu",
                                             "2024-04-21", "2024-05-20", &error);
  BcEdit edits[] = {
    { "header/number", "199" },
    { "fig/vneid_activated", "671290" },
    { "fig/vneid_activated/den", "615198" },
    { "tbl/dvc25/2/total", "3762" },
    { "tbl/dvc25/2/online", "3315" },
    { "tbl/dvc25/3/total", "120" },
  };

  g_assert_no_error (error);
  g_assert_true (bc_store_apply (f->clerk, report, edits, G_N_ELEMENTS (edits), &error));
  g_assert_no_error (error);
  return report;
}

static void
set (BcStore    *store,
     BcReport   *report,
     const char *key,
     const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bc_store_set_value (store, report, key, value, &error));
  g_assert_no_error (error);
}

static void
set_status (BcStore    *store,
            BcReport   *report,
            const char *to,
            const char *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bc_store_set_status (store, report, to, reason, &error));
  g_assert_no_error (error);
}

static gint64
comment (BcStore    *store,
         BcReport   *report,
         const char *target,
         const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = bc_store_add_comment (store, report, target, text, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
send (BcStore      *from,
      BcReport     *report,
      BcStore      *to,
      BcImportMode  mode,
      const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (bc_store_get_path (from));
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gint64 id;

  g_assert_true (bc_store_export_file (from, bc_report_get_id (report), path, &error));
  g_assert_no_error (error);
  id = bc_store_import_file (to, path, mode, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static BcReport *
open_report (BcStore *store,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  BcReport *report = bc_store_open_report (store, id, &error);

  g_assert_no_error (error);
  return report;
}

/* Table-driven: each step from the status the previous one left. */
static void
test_transitions (Fixture       *f,
                  gconstpointer  data)
{
  static const struct
  {
    const char *to;
    const char *role;
    const char *reason;
    int         code;   /* -1: allowed */
  } steps[] = {
    { "approved", BC_ROLE_CLERK, NULL, BC_STORE_ERROR_NOT_ALLOWED },        /* a draft is not approved */
    { "returned", BC_ROLE_REVIEWER, NULL, BC_STORE_ERROR_NOT_ALLOWED },     /* nor returned */
    { "lost", BC_ROLE_CLERK, NULL, BC_STORE_ERROR_INVALID_VALUE },
    { "submitted", BC_ROLE_CLERK, NULL, -1 },
    { "submitted", BC_ROLE_CLERK, NULL, BC_STORE_ERROR_NOT_ALLOWED },       /* already */
    { "returned", BC_ROLE_CLERK, "x", BC_STORE_ERROR_NOT_ALLOWED },         /* a clerk does not return */
    { "approved", BC_ROLE_CLERK, NULL, BC_STORE_ERROR_NOT_ALLOWED },        /* nor approve */
    { "returned", BC_ROLE_REVIEWER, "Sửa số liệu phụ lục 1", -1 },
    { "approved", BC_ROLE_REVIEWER, NULL, BC_STORE_ERROR_NOT_ALLOWED },     /* resubmitted first */
    { "submitted", BC_ROLE_CLERK, NULL, -1 },
    { "draft", BC_ROLE_CLERK, NULL, -1 },                                   /* withdrawn */
    { "submitted", BC_ROLE_CLERK, NULL, -1 },
    { "approved", BC_ROLE_REVIEWER, NULL, -1 },
    { "draft", BC_ROLE_CLERK, NULL, BC_STORE_ERROR_INVALID_VALUE },         /* reopening needs a reason */
    { "draft", BC_ROLE_CLERK, "   ", BC_STORE_ERROR_INVALID_VALUE },
    { "returned", BC_ROLE_REVIEWER, NULL, BC_STORE_ERROR_NOT_ALLOWED },
    { "draft", BC_ROLE_CLERK, "Bổ sung số liệu tháng 5", -1 },              /* reopened */
  };
  g_autoptr(BcReport) report = create (f);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 id = bc_report_get_id (report);
  guint allowed = 0, status_changes = 0;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = g_strdup (bc_report_get_status (report));
      gboolean ok;

      bc_store_set_role (f->clerk, steps[i].role);
      ok = bc_store_set_status (f->clerk, report, steps[i].to, steps[i].reason, &error);
      if (steps[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (bc_report_get_status (report), ==, steps[i].to);
          allowed++;
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, BC_STORE_ERROR, steps[i].code);
          g_assert_cmpstr (bc_report_get_status (report), ==, before);
        }
      /* The interface asks the same question before offering the step
       * (a blank reason is only found blank once trimmed, by the store). */
      if (steps[i].reason == NULL || *steps[i].reason != ' ')
        g_assert_cmpint (bc_status_check_transition (before, steps[i].to, steps[i].role, steps[i].reason, NULL),
                         ==, steps[i].code < 0);
    }

  log = bc_store_list_status_log (f->clerk, id, NULL);
  g_assert_cmpuint (log->len, ==, allowed);
  g_assert_cmpstr (((BcStatusChange *) log->pdata[1])->to_status, ==, "returned");
  g_assert_cmpstr (((BcStatusChange *) log->pdata[1])->role, ==, BC_ROLE_REVIEWER);
  g_assert_cmpstr (((BcStatusChange *) log->pdata[1])->reason, ==, "Sửa số liệu phụ lục 1");
  g_assert_cmpstr (((BcStatusChange *) log->pdata[allowed - 1])->from_status, ==, "approved");
  g_assert_cmpstr (((BcStatusChange *) log->pdata[allowed - 1])->reason, ==, "Bổ sung số liệu tháng 5");
  g_assert_cmpstr (((BcStatusChange *) log->pdata[0])->actor, ==, "Nguyễn Thị Hoa");
  g_assert_null (((BcStatusChange *) log->pdata[0])->reason);

  /* Each step is in the change log too, and on disk. */
  changes = bc_store_list_changes (f->clerk, id, NULL);
  for (guint i = 0; i < changes->len; i++)
    status_changes += g_str_equal (((BcChange *) changes->pdata[i])->key, "meta/status");
  g_assert_cmpuint (status_changes, ==, allowed);
  {
    g_autoptr(BcReport) again = open_report (f->clerk, id);
    g_assert_cmpstr (bc_report_get_status (again), ==, "draft");
  }
  g_assert_cmpint (bc_store_find_status_change (f->clerk, id, "approved"), >, 0);
  g_assert_cmpint (bc_store_find_status_change (f->clerk, id, "approved"), <,
                   bc_store_find_status_change (f->clerk, id, "draft"));
}

/* The status does not change through an edit. */
static void
test_status_not_an_edit (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = create (f);

  g_assert_false (bc_store_set_value (f->clerk, report, "meta/status", "approved", &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (bc_report_get_status (report), ==, "draft");
}

static void
assert_read_only (gboolean  ok,
                  GError   *error)
{
  g_assert_false (ok);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "approved"));
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BcReport) report = create (f);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) diffs = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_diff_free);
  g_autofree char *modified = NULL;
  BcDiff diff = { (char *) "fig/vneid_activated", NULL, (char *) "671290", NULL, NULL, NULL, 0 };
  BcEdit edits[] = { { "header/number", "200" }, { "expl/x@fig/vneid_activated", "Đúng" } };
  gint64 id = bc_report_get_id (report);

  set_status (f->clerk, report, "submitted", NULL);
  bc_store_set_role (f->clerk, BC_ROLE_REVIEWER);
  set_status (f->clerk, report, "approved", NULL);
  bc_store_set_role (f->clerk, BC_ROLE_CLERK);
  before = bc_store_list_changes (f->clerk, id, NULL);
  modified = g_strdup (bc_report_get_modified (report));
  g_ptr_array_add (diffs, bc_diff_copy (&diff));

  {
    g_autoptr(GError) error = NULL;
    gboolean ok = bc_store_set_value (f->clerk, report, "fig/vneid_activated", "1", &error);
    assert_read_only (ok, error);
  }
  {
    g_autoptr(GError) error = NULL;
    gboolean ok = bc_store_apply (f->clerk, report, edits, G_N_ELEMENTS (edits), &error);
    assert_read_only (ok, error);
  }
  {
    g_autoptr(GError) error = NULL;
    gboolean ok = bc_store_revert_changes (f->clerk, report, diffs, &error);
    assert_read_only (ok, error);
  }
  {
    g_autoptr(GError) error = NULL;
    gboolean ok = bc_store_accept_changes (f->clerk, report, diffs, &error);
    assert_read_only (ok, error);
  }
  /* Another window's copy, opened before the approval, is refused too:
   * the status on disk decides. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BcStore) other = bc_test_open_store (f->dir, "clerk.db");
    g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr(BcReport) stale = NULL;

    g_hash_table_insert (values, g_strdup ("meta/status"), g_strdup ("draft"));
    g_hash_table_insert (values, g_strdup ("meta/unit"), g_strdup ("Tỉnh Bà Rịa - Vũng Tàu"));
    stale = bc_report_new (id, bc_report_get_uuid (report), f->template, values, "", "", 0);
    gboolean ok = bc_store_set_value (other, stale, "header/number", "201", &error);
    assert_read_only (ok, error);
  }

  after = bc_store_list_changes (f->clerk, id, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpstr (bc_report_get (report, "header/number"), ==, "199");
  g_assert_cmpstr (bc_report_get_modified (report), ==, modified);

  /* Comments are not edits: a reviewer can still remark on it. */
  comment (f->clerk, report, "", "Đã duyệt, chuyển văn thư phát hành.");

  /* Reopened, it is a draft again. */
  set_status (f->clerk, report, "draft", "Cập nhật số liệu ngày 20/5");
  set (f->clerk, report, "header/number", "200");
}

static void
test_session_read_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = create (f);
  g_autofree char *path = g_build_filename (f->dir, "clerk.db", NULL);
  g_autoptr(BcEditSession) session = NULL;
  g_autoptr(BcReport) saved = NULL;

  session = bc_edit_session_new (path, report, &error);
  g_assert_no_error (error);
  bc_edit_session_set_actor (session, "Nguyễn Thị Hoa", BC_ROLE_CLERK);
  g_assert_true (bc_edit_session_set (session, "header/number", "200", &error));
  g_assert_true (bc_edit_session_can_undo (session));

  /* The status moves through the session: pending edits are saved first. */
  g_assert_true (bc_edit_session_set_status (session, "submitted", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (bc_edit_session_can_undo (session));
  bc_edit_session_set_actor (session, "Lê Văn Duyệt", BC_ROLE_REVIEWER);
  g_assert_true (bc_edit_session_set_status (session, "approved", NULL, &error));
  g_assert_cmpstr (bc_report_get_status (report), ==, "approved");

  /* Refused at once, before anything reaches the model. */
  g_assert_false (bc_edit_session_set (session, "header/number", "201", &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpstr (bc_report_get (report, "header/number"), ==, "200");
  g_assert_false (bc_edit_session_undo (session));
  g_assert_false (bc_edit_session_set (session, "meta/status", "draft", &error));
  g_clear_error (&error);

  g_assert_false (bc_edit_session_set_status (session, "draft", NULL, &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_true (bc_edit_session_set_status (session, "draft", "Sửa số văn bản", &error));
  g_assert_true (bc_edit_session_set (session, "header/number", "201", &error));
  g_assert_true (bc_edit_session_flush (session, &error));
  g_assert_no_error (error);
  bc_edit_session_close (session);

  saved = open_report (f->clerk, bc_report_get_id (report));
  g_assert_cmpstr (bc_report_get (saved, "header/number"), ==, "201");
  g_assert_cmpstr (bc_report_get_status (saved), ==, "draft");
}

/* Approved behind the session's back (another window, an import): the
 * writer's commit is refused and the session says so. */
static void
test_session_approved_elsewhere (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = create (f);
  g_autoptr(BcReport) other = NULL;
  g_autofree char *path = g_build_filename (f->dir, "clerk.db", NULL);
  g_autoptr(BcEditSession) session = bc_edit_session_new (path, report, &error);

  g_assert_no_error (error);
  other = open_report (f->clerk, bc_report_get_id (report));
  set_status (f->clerk, other, "submitted", NULL);
  bc_store_set_role (f->clerk, BC_ROLE_REVIEWER);
  set_status (f->clerk, other, "approved", NULL);

  g_assert_true (bc_edit_session_set (session, "header/number", "300", &error));
  g_assert_false (bc_edit_session_flush (session, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "approved"));
  bc_edit_session_set_delay (session, 0);
  while (bc_edit_session_get_state (session) != BC_SAVE_STATE_FAILED)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (bc_edit_session_get_error (session), "approved"));
}

static void
test_comments (Fixture       *f,
               gconstpointer  data)
{
  static const char * const targets[] = {
    "", "tbl/dvc25/2/total", "tbl/dvc25/2", "tbl/dvc25", "sec/direction", "fig/vneid_activated",
    "header/number", "sec/next_tasks/p1/text", "expl/table.processed_le_online@tbl/dvc25/22/overdue",
  };
  static const char * const bad_targets[] = {
    "tbl/nosuch", "tbl/dvc25/99", "fig/nosuch", "sec/nosuch", "nonsense", "expl/", "tbl/dvc25/2/total/x",
  };
  g_autoptr(BcReport) report = create (f);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) on_cell = NULL;
  gint64 id = bc_report_get_id (report), first, reply, second;
  BcComment *c;

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    comment (f->clerk, report, targets[i], "Kiểm tra lại");
  for (guint i = 0; i < G_N_ELEMENTS (bad_targets); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_cmpint (bc_store_add_comment (f->clerk, report, bad_targets[i], "x", &error), ==, 0);
      g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE);
    }
  {
    g_autoptr(GError) error = NULL;
    g_assert_cmpint (bc_store_add_comment (f->clerk, report, "", "  \n ", &error), ==, 0);
    g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE);
  }

  /* A thread: the reviewer asks, the clerk replies (to the reply: it
   * joins the same thread), the reviewer resolves it. */
  first = comment (f->clerk, report, "tbl/dvc25/2/online",
                   "Số trực tuyến 3.315 lớn hơn số của Sở (3.300)?");
  second = comment (f->clerk, report, "tbl/dvc25/2/online", "Một câu hỏi khác");
  reply = bc_store_reply_comment (f->clerk, first, "Đã đối chiếu: số của Sở chưa gồm 15 hồ sơ bưu chính.", NULL);
  g_assert_cmpint (bc_store_reply_comment (f->clerk, reply, "  Cảm ơn. ", NULL), >, reply);
  g_assert_true (bc_store_resolve_comment (f->clerk, reply, TRUE, NULL));

  on_cell = bc_store_list_comments (f->clerk, id, "tbl/dvc25/2/online", NULL);
  g_assert_cmpuint (on_cell->len, ==, 4);
  c = on_cell->pdata[0];
  g_assert_cmpint (c->id, ==, first);
  g_assert_cmpint (c->parent_id, ==, 0);
  g_assert_cmpstr (c->resolved_by, ==, "Nguyễn Thị Hoa");
  g_assert_nonnull (c->resolved_at);
  g_assert_cmpint (((BcComment *) on_cell->pdata[1])->parent_id, ==, first);
  g_assert_cmpint (((BcComment *) on_cell->pdata[2])->parent_id, ==, first);
  g_assert_cmpstr (((BcComment *) on_cell->pdata[2])->text, ==, "Cảm ơn.");
  g_assert_cmpint (((BcComment *) on_cell->pdata[3])->id, ==, second);
  g_assert_null (((BcComment *) on_cell->pdata[3])->resolved_at);
  g_assert_cmpstr (((BcComment *) on_cell->pdata[1])->role, ==, BC_ROLE_CLERK);

  /* A reply opens a resolved thread again; so can the resolver. */
  g_assert_cmpint (bc_store_reply_comment (f->clerk, first, "Xin xem lại", NULL), >, 0);
  g_clear_pointer (&on_cell, g_ptr_array_unref);
  on_cell = bc_store_list_comments (f->clerk, id, "tbl/dvc25/2/online", NULL);
  g_assert_null (((BcComment *) on_cell->pdata[0])->resolved_at);
  g_assert_true (bc_store_resolve_comment (f->clerk, first, TRUE, NULL));
  g_assert_true (bc_store_resolve_comment (f->clerk, first, FALSE, NULL));

  all = bc_store_list_comments (f->clerk, id, NULL, NULL);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (targets) + 5);
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (bc_store_resolve_comment (f->clerk, 999999, TRUE, &error));
    g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_cmpint (bc_store_reply_comment (f->clerk, 999999, "x", &error), ==, 0);
    g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND);
  }

  /* Deleting the report deletes its comments. */
  g_assert_true (bc_store_delete_report (f->clerk, id, NULL));
  g_clear_pointer (&all, g_ptr_array_unref);
  all = bc_store_list_comments (f->clerk, id, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 0);
}

static BcDiff *
find_diff (GPtrArray  *diffs,
           const char *key)
{
  for (guint i = 0; i < diffs->len; i++)
    if (g_str_equal (((BcDiff *) diffs->pdata[i])->key, key))
      return diffs->pdata[i];
  return NULL;
}

/* This month against last month, and two versions of one report. */
static void
test_diff (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) may = create (f);
  g_autoptr(BcReport) june = bc_store_duplicate_next (f->clerk, may, NULL, &error);
  g_autoptr(GPtrArray) diffs = NULL;
  BcDiff *d;

  g_assert_no_error (error);
  set (f->clerk, june, "fig/vneid_activated", "702114");
  set (f->clerk, june, "tbl/dvc25/2/total", "3900");

  diffs = bc_store_diff (f->clerk, bc_report_get_id (may), bc_report_get_id (june), &error);
  g_assert_no_error (error);
  d = find_diff (diffs, "fig/vneid_activated");
  g_assert_nonnull (d);
  g_assert_cmpstr (d->old_value, ==, "671290");
  g_assert_cmpstr (d->new_value, ==, "702114");
  g_assert_null (d->actor);
  g_assert_cmpint (d->change_id, ==, 0);
  /* Cleared in the new period: its old value and no new one. */
  d = find_diff (diffs, "tbl/dvc25/2/online");
  g_assert_nonnull (d);
  g_assert_null (d->new_value);
  /* Meta values differ between periods by design and are left out. */
  g_assert_null (find_diff (diffs, "meta/period_to"));
  for (guint i = 1; i < diffs->len; i++)
    g_assert_cmpint (strcmp (((BcDiff *) diffs->pdata[i - 1])->key, ((BcDiff *) diffs->pdata[i])->key), <, 0);

  g_clear_pointer (&diffs, g_ptr_array_unref);
  diffs = bc_diff_reports (may, may);
  g_assert_cmpuint (diffs->len, ==, 0);
}

/* The reviewer's edits, highlighted for the clerk, then accepted and
 * reverted one by one. */
static void
test_changes_by_others (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = create (f);
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_diff_free);
  g_autoptr(GPtrArray) changes = NULL;
  gint64 id = bc_report_get_id (report), submitted;
  BcDiff *d;
  BcChange *last;

  set_status (f->clerk, report, "submitted", NULL);
  submitted = bc_store_find_status_change (f->clerk, id, "submitted");

  /* The reviewer, in the same library for this test. */
  bc_store_set_actor (f->clerk, "Lê Văn Duyệt");
  bc_store_set_role (f->clerk, BC_ROLE_REVIEWER);
  set (f->clerk, report, "fig/vneid_activated", "671000");
  set (f->clerk, report, "fig/vneid_activated", "671291");    /* twice: folded into one */
  set (f->clerk, report, "tbl/dvc25/2/online", "3300");
  set (f->clerk, report, "header/number", "200");
  set (f->clerk, report, "header/number", "199");             /* and back: no change */
  set (f->clerk, report, "tbl/dvc25/3/total", NULL);
  set_status (f->clerk, report, "returned", "Sửa 3 số liệu");

  bc_store_set_actor (f->clerk, "Nguyễn Thị Hoa");
  bc_store_set_role (f->clerk, BC_ROLE_CLERK);
  diffs = bc_store_list_changes_by_others (f->clerk, id, submitted, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diffs->len, ==, 3);
  d = find_diff (diffs, "fig/vneid_activated");
  g_assert_cmpstr (d->old_value, ==, "671290");
  g_assert_cmpstr (d->new_value, ==, "671291");
  g_assert_cmpstr (d->actor, ==, "Lê Văn Duyệt");
  g_assert_cmpstr (d->role, ==, BC_ROLE_REVIEWER);
  g_assert_nonnull (d->at);
  g_assert_cmpint (d->change_id, >, submitted);
  d = find_diff (diffs, "tbl/dvc25/3/total");
  g_assert_cmpstr (d->old_value, ==, "120");
  g_assert_null (d->new_value);
  g_assert_null (find_diff (diffs, "header/number"));
  /* From the start of the log, the old values are those before the
   * clerk's first edits. */
  {
    g_autoptr(GPtrArray) all = bc_store_list_changes_by_others (f->clerk, id, 0, NULL);
    g_assert_cmpuint (all->len, ==, 3);
    g_assert_null (find_diff (all, "fig/vneid_activated")->old_value);
  }

  /* Accept one: it stays, and is no longer listed. */
  g_ptr_array_add (one, bc_diff_copy (find_diff (diffs, "fig/vneid_activated")));
  g_assert_true (bc_store_accept_changes (f->clerk, report, one, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get (report, "fig/vneid_activated"), ==, "671291");
  changes = bc_store_list_changes (f->clerk, id, NULL);
  last = changes->pdata[changes->len - 1];
  g_assert_cmpstr (last->key, ==, "fig/vneid_activated");
  g_assert_cmpstr (last->old_value, ==, last->new_value);
  g_assert_cmpstr (last->actor, ==, "Nguyễn Thị Hoa");
  g_clear_pointer (&diffs, g_ptr_array_unref);
  diffs = bc_store_list_changes_by_others (f->clerk, id, submitted, NULL);
  g_assert_cmpuint (diffs->len, ==, 2);

  /* Revert one: the old value is back, as a logged edit. */
  g_ptr_array_set_size (one, 0);
  g_ptr_array_add (one, bc_diff_copy (find_diff (diffs, "tbl/dvc25/3/total")));
  g_assert_true (bc_store_revert_changes (f->clerk, report, one, &error));
  g_assert_cmpstr (bc_report_get (report, "tbl/dvc25/3/total"), ==, "120");
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = bc_store_list_changes (f->clerk, id, NULL);
  last = changes->pdata[changes->len - 1];
  g_assert_cmpstr (last->key, ==, "tbl/dvc25/3/total");
  g_assert_cmpstr (last->new_value, ==, "120");
  g_assert_cmpstr (last->role, ==, BC_ROLE_CLERK);

  /* The rest all at once. */
  g_clear_pointer (&diffs, g_ptr_array_unref);
  diffs = bc_store_list_changes_by_others (f->clerk, id, submitted, NULL);
  g_assert_cmpuint (diffs->len, ==, 1);
  g_assert_true (bc_store_revert_changes (f->clerk, report, diffs, &error));
  g_assert_cmpstr (bc_report_get (report, "tbl/dvc25/2/online"), ==, "3315");
  g_clear_pointer (&diffs, g_ptr_array_unref);
  diffs = bc_store_list_changes_by_others (f->clerk, id, submitted, NULL);
  g_assert_cmpuint (diffs->len, ==, 0);
}

/* The session reverts as one undoable edit and accepts through its own
 * connection. */
static void
test_session_accept_revert (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = create (f);
  g_autofree char *path = g_build_filename (f->dir, "clerk.db", NULL);
  g_autoptr(BcEditSession) session = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_diff_free);
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GPtrArray) log = bc_store_list_changes (f->clerk, bc_report_get_id (report), NULL);
  gint64 id = bc_report_get_id (report);
  gint64 since = ((BcChange *) log->pdata[log->len - 1])->id;

  bc_store_set_actor (f->clerk, "Lê Văn Duyệt");
  set (f->clerk, report, "fig/vneid_activated", "1");
  set (f->clerk, report, "tbl/dvc25/2/total", "2");
  bc_store_set_actor (f->clerk, "Nguyễn Thị Hoa");
  diffs = bc_store_list_changes_by_others (f->clerk, id, since, NULL);
  g_assert_cmpuint (diffs->len, ==, 2);
  g_ptr_array_add (first, bc_diff_copy (diffs->pdata[0]));

  session = bc_edit_session_new (path, report, &error);
  g_assert_no_error (error);
  bc_edit_session_set_actor (session, "Nguyễn Thị Hoa", BC_ROLE_CLERK);
  g_assert_true (bc_edit_session_accept (session, first, &error));
  g_assert_no_error (error);
  g_ptr_array_remove_index (diffs, 0);
  g_assert_true (bc_edit_session_revert (session, diffs, &error));
  g_assert_cmpstr (bc_report_get (report, "tbl/dvc25/2/total"), ==, "3762");
  g_assert_true (bc_edit_session_flush (session, &error));
  left = bc_store_list_changes_by_others (f->clerk, id, since, NULL);
  g_assert_cmpuint (left->len, ==, 0);
  /* Undo brings the reviewer's value back, and the change is listed again. */
  g_assert_true (bc_edit_session_undo (session));
  g_assert_true (bc_edit_session_flush (session, &error));
  g_clear_pointer (&left, g_ptr_array_unref);
  left = bc_store_list_changes_by_others (f->clerk, id, since, NULL);
  g_assert_cmpuint (left->len, ==, 0);   /* the undo is the clerk's own edit */
  g_assert_cmpstr (bc_report_get (report, "tbl/dvc25/2/total"), ==, "2");
}

static char *
json_of (BcStore *store,
         gint64   id)
{
  g_autoptr(GError) error = NULL;
  char *json = bc_store_export_json (store, id, &error);

  g_assert_no_error (error);
  return json;
}

/* The walk: a clerk writes and submits; the reviewer, on another
 * machine, corrects two figures, comments and returns it; the clerk sees
 * exactly what changed, accepts one correction, reverts the other, answers
 * the comment and submits again; the reviewer approves. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) draft = create (f);
  g_autoptr(BcReport) at_reviewer = NULL;
  g_autoptr(BcReport) returned = NULL;
  g_autoptr(BcReport) approved = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_diff_free);
  g_autoptr(GPtrArray) undo = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_diff_free);
  g_autoptr(GPtrArray) comments = NULL;
  g_autofree char *file = g_build_filename (f->dir, "returned.baocao", NULL);
  g_autofree char *clerk_json = NULL;
  g_autofree char *reviewer_json = NULL;
  gint64 id = bc_report_get_id (draft), rid, existing = 0;

  /* Clerk: explains a warning she lets stand, submits, sends. */
  set (f->clerk, draft, "expl/table.processed_le_online@tbl/dvc25/2/online", "Gồm hồ sơ chuyển từ kỳ trước");
  set_status (f->clerk, draft, "submitted", NULL);
  rid = send (f->clerk, draft, f->reviewer, BC_IMPORT_ASK, "draft.baocao");

  /* Reviewer: everything travelled. */
  at_reviewer = open_report (f->reviewer, rid);
  g_assert_cmpstr (bc_report_get_status (at_reviewer), ==, "submitted");
  g_assert_cmpstr (bc_report_get (at_reviewer, "expl/table.processed_le_online@tbl/dvc25/2/online"), ==,
                   "Gồm hồ sơ chuyển từ kỳ trước");
  set (f->reviewer, at_reviewer, "fig/vneid_activated", "671291");
  set (f->reviewer, at_reviewer, "tbl/dvc25/2/online", "3300");
  comment (f->reviewer, at_reviewer, "tbl/dvc25/2/online", "Số của Sở là 3.300, đề nghị kiểm tra.");
  set_status (f->reviewer, at_reviewer, "returned", "Sửa 2 số liệu");
  g_assert_true (bc_store_export_file (f->reviewer, rid, file, &error));

  /* Clerk: the same report is in her library: asked, then replaced. */
  g_assert_cmpint (bc_store_import_file (f->clerk, file, BC_IMPORT_ASK, &existing, &error), ==, 0);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS);
  g_assert_cmpint (existing, ==, id);
  g_clear_error (&error);
  g_assert_cmpint (bc_store_import_file (f->clerk, file, BC_IMPORT_REPLACE, NULL, &error), ==, id);
  g_assert_no_error (error);
  returned = open_report (f->clerk, id);
  g_assert_cmpstr (bc_report_get_status (returned), ==, "returned");

  diffs = bc_store_list_changes_by_others (f->clerk, id, bc_store_find_status_change (f->clerk, id, "submitted"),
                                           &error);
  g_assert_cmpuint (diffs->len, ==, 2);
  g_assert_cmpstr (((BcDiff *) diffs->pdata[0])->key, ==, "fig/vneid_activated");
  g_assert_cmpstr (((BcDiff *) diffs->pdata[0])->actor, ==, "Lê Văn Duyệt");
  g_assert_cmpstr (((BcDiff *) diffs->pdata[1])->old_value, ==, "3315");
  g_assert_cmpstr (((BcDiff *) diffs->pdata[1])->new_value, ==, "3300");
  g_ptr_array_add (keep, bc_diff_copy (diffs->pdata[0]));
  g_ptr_array_add (undo, bc_diff_copy (diffs->pdata[1]));
  g_assert_true (bc_store_accept_changes (f->clerk, returned, keep, &error));
  g_assert_true (bc_store_revert_changes (f->clerk, returned, undo, &error));
  comments = bc_store_list_comments (f->clerk, id, "tbl/dvc25/2/online", &error);
  g_assert_cmpuint (comments->len, ==, 1);
  g_assert_cmpstr (((BcComment *) comments->pdata[0])->author, ==, "Lê Văn Duyệt");
  g_assert_cmpint (bc_store_reply_comment (f->clerk, ((BcComment *) comments->pdata[0])->id,
                                           "Số 3.315 gồm 15 hồ sơ bưu chính; giữ nguyên.", &error), >, 0);
  set_status (f->clerk, returned, "submitted", NULL);

  /* Reviewer: replaces her copy, resolves, approves, sends it back. */
  g_assert_cmpint (send (f->clerk, returned, f->reviewer, BC_IMPORT_REPLACE, "again.baocao"), ==, rid);
  g_clear_object (&at_reviewer);
  at_reviewer = open_report (f->reviewer, rid);
  {
    g_autoptr(GPtrArray) threads = bc_store_list_comments (f->reviewer, rid, NULL, NULL);
    g_assert_cmpuint (threads->len, ==, 2);
    g_assert_true (bc_store_resolve_comment (f->reviewer, ((BcComment *) threads->pdata[0])->id, TRUE, &error));
  }
  set_status (f->reviewer, at_reviewer, "approved", NULL);
  g_assert_cmpint (send (f->reviewer, at_reviewer, f->clerk, BC_IMPORT_REPLACE, "approved.baocao"), ==, id);

  approved = open_report (f->clerk, id);
  g_assert_cmpstr (bc_report_get_status (approved), ==, "approved");
  g_assert_cmpstr (bc_report_get (approved, "tbl/dvc25/2/online"), ==, "3315");
  g_assert_cmpstr (bc_report_get (approved, "fig/vneid_activated"), ==, "671291");
  g_assert_false (bc_store_set_value (f->clerk, approved, "header/number", "1", &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY);

  /* Both libraries now hold the same report, logs and comments included. */
  clerk_json = json_of (f->clerk, id);
  reviewer_json = json_of (f->reviewer, rid);
  g_assert_cmpstr (clerk_json, ==, reviewer_json);
  g_assert_nonnull (strstr (clerk_json, "\"status_log\""));
  g_assert_nonnull (strstr (clerk_json, "\"resolved_by\" : \"Lê Văn Duyệt\""));
  {
    g_autoptr(GPtrArray) log = bc_store_list_status_log (f->clerk, id, NULL);
    g_assert_cmpuint (log->len, ==, 4);
  }
}

static void
test_location (Fixture       *f,
               gconstpointer  data)
{
  static const struct
  {
    const char *fs_type;
    const char *mount;
    gboolean    remote;
    gboolean    warned;
  } cases[] = {
    { "ext4", "/", FALSE, FALSE },
    { "btrfs", "/home", FALSE, FALSE },
    { "tmpfs", "/tmp", FALSE, FALSE },
    { "nfs4", "/mnt/phong", FALSE, TRUE },
    { "cifs", "/mnt/share", FALSE, TRUE },
    { "fuse.sshfs", "/home/hoa/may-chu", FALSE, TRUE },
    { "fuse.gvfsd-fuse", "/run/user/1000/gvfs", FALSE, TRUE },
    { "ext4", "/mnt/x", TRUE, TRUE },
    { "vfat", "/media/hoa/USB", FALSE, TRUE },
    { "exfat", "/mnt/the-nho", FALSE, TRUE },
    { "ext4", "/run/media/hoa/Ổ ngoài", FALSE, TRUE },
    { NULL, NULL, FALSE, FALSE },
  };
  g_autofree char *library = g_build_filename (f->dir, "sub", "library.db", NULL);
  g_autofree char *warning = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = bc_store_location_warning ("/x/library.db", cases[i].fs_type, cases[i].mount,
                                                          cases[i].remote);
      g_assert_cmpint (text != NULL, ==, cases[i].warned);
    }
  /* The test folder is on a local disk; a library not yet made is judged
   * by the folder it would go in. */
  g_assert_true (bc_store_check_location (library, &warning));
  g_assert_null (warning);
  g_assert_true (bc_store_check_location (":memory:", NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bc/review/status/transitions", test_transitions);
  ADD ("/bc/review/status/not-an-edit", test_status_not_an_edit);
  ADD ("/bc/review/status/read-only", test_read_only);
  ADD ("/bc/review/status/session", test_session_read_only);
  ADD ("/bc/review/status/session-approved-elsewhere", test_session_approved_elsewhere);
  ADD ("/bc/review/comments/threads", test_comments);
  ADD ("/bc/review/diff/reports", test_diff);
  ADD ("/bc/review/diff/changes-by-others", test_changes_by_others);
  ADD ("/bc/review/diff/session", test_session_accept_revert);
  ADD ("/bc/review/round-trip", test_round_trip);
  ADD ("/bc/review/location", test_location);
#undef ADD
  return g_test_run ();
}
