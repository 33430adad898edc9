/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bc-edit-session.h"
#include "bc-report.h"
#include "bc-test-utils.h"

typedef struct
{
  char       *dir;
  char       *path;
  BcStore    *store;
  BcReport   *report;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcTemplate) template = bc_test_load_template ("province-monthly");

  f->dir = bc_test_mkdtemp ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->store = bc_test_open_store (f->dir, "library.db");
  f->report = bc_store_create_report (f->store, template, "Tỉnh Bà Rịa - Vũng Tàu",
                                      "2024-04-21", "2024-05-20", &error);
  g_assert_no_error (error);
  g_assert_true (bc_store_set_value (f->store, f->report, "sec/next_tasks/order", "p1", &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->report);
  g_clear_object (&f->store);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static BcReport *
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = bc_store_open (f->path, &error);
  BcReport *report;

  g_assert_no_error (error);
  report = bc_store_open_report (store, bc_report_get_id (f->report), &error);
  g_assert_no_error (error);
  return report;
}

static void
test_saves (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcEditSession) session = bc_edit_session_new (f->path, f->report, &error);
  g_autoptr(BcReport) saved = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  g_assert_no_error (error);
  g_assert_true (bc_edit_session_set (session, "fig/vneid_activated", "671290", &error));
  /* The model changes at once, the disk after the debounce. */
  g_assert_cmpstr (bc_report_get (f->report, "fig/vneid_activated"), ==, "671290");
  g_assert_cmpint (bc_edit_session_get_state (session), ==, BC_SAVE_STATE_PENDING);
  g_assert_true (bc_edit_session_flush (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bc_edit_session_get_saved_serial (session), ==, bc_edit_session_get_serial (session));

  saved = reopen (f);
  g_assert_cmpstr (bc_report_get (saved, "fig/vneid_activated"), ==, "671290");
  changes = bc_store_list_changes (f->store, bc_report_get_id (f->report), &error);
  g_assert_cmpstr (((BcChange *) changes->pdata[changes->len - 1])->new_value, ==, "671290");
}

static void
test_debounce (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcEditSession) session = bc_edit_session_new (f->path, f->report, &error);
  g_autoptr(BcReport) saved = NULL;
  gint64 deadline;

  bc_edit_session_set_delay (session, 50);
  for (guint i = 1; i <= 30; i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", i);
      g_assert_true (bc_edit_session_set (session, "tbl/dvc25/2/total", value, &error));
    }
  /* Saved within a second, with no flush: the main loop does it. */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (bc_edit_session_get_state (session) != BC_SAVE_STATE_SAVED && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (bc_edit_session_get_state (session), ==, BC_SAVE_STATE_SAVED);
  saved = reopen (f);
  g_assert_cmpstr (bc_report_get (saved, "tbl/dvc25/2/total"), ==, "30");
}

typedef struct
{
  BcEditSession *session;
  guint          typed;
  gint64         first_edit;
  gint64         first_save;
  guint          saves;
} Typing;

static gboolean
type_cb (gpointer data)
{
  Typing *t = data;
  g_autofree char *value = g_strdup_printf ("%u", ++t->typed);
  g_autoptr(GError) error = NULL;

  if (t->first_edit == 0)
    t->first_edit = g_get_monotonic_time ();
  g_assert_true (bc_edit_session_set (t->session, "tbl/dvc25/2/total", value, &error));
  return G_SOURCE_CONTINUE;
}

static void
typing_saved_cb (BcEditSession *session,
                 guint64        serial,
                 gpointer       data)
{
  Typing *t = data;

  if (t->first_save == 0)
    t->first_save = g_get_monotonic_time ();
  t->saves++;
}

/* README: a clerk who never pauses is saved at most 0,9 s after her
 * first unsaved edit, with the default delay: edits every 100 ms (less
 * than the delay, so that waiting for a pause would never save) for 2,4 s. */
static void
test_max_delay (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcEditSession) session = bc_edit_session_new (f->path, f->report, &error);
  Typing t = { session, 0, 0, 0, 0 };
  gint64 end;
  guint source;

  g_signal_connect (session, "saved", G_CALLBACK (typing_saved_cb), &t);
  source = g_timeout_add (100, type_cb, &t);
  end = g_get_monotonic_time () + 2400 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);
  g_assert_cmpuint (t.typed, >=, 10);
  g_assert_cmpint (t.first_save, >, 0);
  g_test_message ("first save %.2f s after the first edit, %u saves while typing",
                  (double) (t.first_save - t.first_edit) / G_USEC_PER_SEC, t.saves);
  /* 0,9 s, and a margin for a loaded machine well under the next step. */
  g_assert_cmpint (t.first_save - t.first_edit, <=, bc_test_time_budget (1300 * G_TIME_SPAN_MILLISECOND));
  g_assert_cmpuint (t.saves, >=, 2);
  g_assert_true (bc_edit_session_flush (session, &error));
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcEditSession) session = bc_edit_session_new (f->path, f->report, &error);
  BcEdit edits[] = {
    { "tbl/dvc25/2/total", "3762" },
    { "tbl/dvc25/2/online", "ba nghìn" },
  };

  g_assert_false (bc_edit_session_apply (session, edits, G_N_ELEMENTS (edits), &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE);
  g_assert_cmpstr (bc_report_get (f->report, "tbl/dvc25/2/total"), ==, "");
  g_assert_false (bc_edit_session_can_undo (session));
}

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcEditSession) session = bc_edit_session_new (f->path, f->report, &error);
  g_autoptr(BcReport) saved = NULL;
  BcEdit split[] = {
    { "sec/next_tasks/order", "p1,p2" },
    { "sec/next_tasks/p1/text", "Một" },
    { "sec/next_tasks/p2/text", "Hai" },
  };

  g_assert_true (bc_edit_session_set (session, "fig/vneid_activated", "1", &error));
  g_assert_true (bc_edit_session_set (session, "fig/vneid_activated", "12", &error));   /* merges */
  g_assert_true (bc_edit_session_apply (session, split, G_N_ELEMENTS (split), &error));
  g_assert_true (bc_edit_session_can_undo (session));

  g_assert_true (bc_edit_session_undo (session));
  g_assert_cmpstr (bc_report_get (f->report, "sec/next_tasks/order"), ==, "p1");
  g_assert_cmpstr (bc_report_get (f->report, "sec/next_tasks/p2/text"), ==, "");
  g_assert_cmpstr (bc_report_get (f->report, "fig/vneid_activated"), ==, "12");
  g_assert_true (bc_edit_session_undo (session));
  g_assert_cmpstr (bc_report_get (f->report, "fig/vneid_activated"), ==, "");
  g_assert_false (bc_edit_session_undo (session));
  g_assert_true (bc_edit_session_redo (session));
  g_assert_cmpstr (bc_report_get (f->report, "fig/vneid_activated"), ==, "12");
  g_assert_true (bc_edit_session_redo (session));
  g_assert_cmpstr (bc_report_get (f->report, "sec/next_tasks/p2/text"), ==, "Hai");
  g_assert_false (bc_edit_session_can_redo (session));

  /* A new edit after an undo drops the redo history. */
  g_assert_true (bc_edit_session_undo (session));
  g_assert_true (bc_edit_session_set (session, "header/number", "199", &error));
  g_assert_false (bc_edit_session_can_redo (session));

  g_assert_true (bc_edit_session_flush (session, &error));
  saved = reopen (f);
  g_assert_cmpstr (bc_report_get (saved, "sec/next_tasks/order"), ==, "p1");
  g_assert_cmpstr (bc_report_get (saved, "fig/vneid_activated"), ==, "12");
  g_assert_cmpstr (bc_report_get (saved, "header/number"), ==, "199");
}

/* A full disk: the session keeps the edits and tries again by itself,
 * while the clerk keeps typing too, and within the debounce's deadline
 * once there is space again. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcEditSession) session = NULL;
  g_autoptr(BcReport) saved = NULL;
  guint refused, value = 100;
  gint64 start, freed;

  bc_test_fail_writes (SQLITE_OK);
  session = bc_edit_session_new (f->path, f->report, &error);
  g_assert_no_error (error);
  refused = bc_test_fail_writes (SQLITE_FULL);
  g_assert_true (bc_edit_session_set (session, "fig/vneid_activated", "99", &error));
  while (bc_edit_session_get_state (session) != BC_SAVE_STATE_FAILED)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (bc_edit_session_get_error (session), "full"));

  /* She types a figure every 0,1 s for 2 s: the session tries again all
   * the same, and says all along that the edits are not saved. */
  refused = bc_test_fail_writes (SQLITE_FULL);
  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC)
    {
      g_autofree char *text = g_strdup_printf ("%u", ++value);
      gint64 next = g_get_monotonic_time () + 100 * G_TIME_SPAN_MILLISECOND;

      g_assert_true (bc_edit_session_set (session, "fig/vneid_activated", text, &error));
      while (g_get_monotonic_time () < next)
        g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (bc_edit_session_get_state (session), ==, BC_SAVE_STATE_FAILED);
    }
  g_assert_cmpuint (bc_test_fail_writes (SQLITE_FULL) - refused, >=, 2);

  /* Space again: saved without another keystroke, within 0,9 s. */
  bc_test_fail_writes (SQLITE_OK);
  freed = g_get_monotonic_time ();
  while (bc_edit_session_get_state (session) != BC_SAVE_STATE_SAVED
         && g_get_monotonic_time () - freed < 3 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (bc_edit_session_get_state (session), ==, BC_SAVE_STATE_SAVED);
  g_assert_cmpint (g_get_monotonic_time () - freed, <, 1000 * G_TIME_SPAN_MILLISECOND);
  g_assert_null (bc_edit_session_get_error (session));
  saved = reopen (f);
  g_assert_cmpuint (g_ascii_strtoull (bc_report_get (saved, "fig/vneid_activated"), NULL, 10), ==, value);
}

static void
record_keys_cb (BcEditSession      *session,
                const char * const *keys,
                gboolean            replaced,
                GPtrArray          *seen)
{
  for (guint i = 0; keys[i] != NULL; i++)
    g_ptr_array_add (seen, g_strdup (keys[i]));
}

static gboolean
saw_key (GPtrArray  *seen,
         const char *key)
{
  return g_ptr_array_find_with_equal_func (seen, key, g_str_equal, NULL);
}

/* Another connection, as another program (a second window, the command
 * line) would have. */
static void
set_elsewhere (Fixture    *f,
               const char *key,
               const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) other = reopen (f);
  g_autoptr(BcStore) store = bc_store_open (f->path, &error);

  g_assert_no_error (error);
  bc_store_set_actor (store, "Người duyệt");
  g_assert_true (bc_store_set_value (store, other, key, value, &error));
  g_assert_no_error (error);
}

static BcChange *
last_change (Fixture    *f,
             GPtrArray **changes)
{
  g_autoptr(GError) error = NULL;

  *changes = bc_store_list_changes (f->store, bc_report_get_id (f->report), &error);
  g_assert_no_error (error);
  return (*changes)->pdata[(*changes)->len - 1];
}

static void
wait_saved (BcEditSession *session)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bc_edit_session_flush (session, &error));
  g_assert_no_error (error);
  while (bc_edit_session_get_state (session) != BC_SAVE_STATE_SAVED)
    g_main_context_iteration (NULL, TRUE);
}

/* The report changes underneath the window: the clerk's edit is compared
 * with the disk, never with the stale copy; the session notices the
 * change by itself and says which values changed. */
static void
test_changed_elsewhere (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcEditSession) session = bc_edit_session_new (f->path, f->report, &error);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BcReport) saved = NULL;
  GPtrArray *changes = NULL;
  BcChange *change;
  gint64 deadline;

  g_assert_no_error (error);
  g_signal_connect (session, "changed-elsewhere", G_CALLBACK (record_keys_cb), seen);
  g_assert_true (bc_edit_session_set (session, "fig/vneid_activated", "100", &error));
  wait_saved (session);

  /* She types the figure the window still shows: it is saved. */
  set_elsewhere (f, "fig/vneid_activated", "200");
  g_assert_true (bc_edit_session_set (session, "fig/vneid_activated", "100", &error));
  wait_saved (session);
  g_clear_object (&saved);
  saved = reopen (f);
  g_assert_cmpstr (bc_report_get (saved, "fig/vneid_activated"), ==, "100");
  g_assert_cmpstr (bc_report_get (f->report, "fig/vneid_activated"), ==, "100");
  change = last_change (f, &changes);
  g_assert_cmpstr (change->old_value, ==, "200");
  g_assert_cmpstr (change->new_value, ==, "100");
  g_assert_true (saw_key (seen, "fig/vneid_activated"));
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* Another figure, before any edit: the log's old value is the disk's. */
  set_elsewhere (f, "fig/vneid_activated", "300");
  g_assert_true (bc_edit_session_set (session, "fig/vneid_activated", "400", &error));
  wait_saved (session);
  change = last_change (f, &changes);
  g_assert_cmpstr (change->old_value, ==, "300");
  g_assert_cmpstr (change->new_value, ==, "400");
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* Her edit on the way wins over a change made meanwhile. */
  bc_edit_session_set_delay (session, 200);
  g_assert_true (bc_edit_session_set (session, "fig/vneid_activated", "500", &error));
  set_elsewhere (f, "fig/vneid_activated", "600");
  wait_saved (session);
  g_clear_object (&saved);
  saved = reopen (f);
  g_assert_cmpstr (bc_report_get (saved, "fig/vneid_activated"), ==, "500");
  g_assert_cmpstr (bc_report_get (f->report, "fig/vneid_activated"), ==, "500");

  /* With nothing typed, the window learns of a change within seconds. */
  g_ptr_array_set_size (seen, 0);
  set_elsewhere (f, "tbl/dvc25/2/total", "55");
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (!saw_key (seen, "tbl/dvc25/2/total") && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (saw_key (seen, "tbl/dvc25/2/total"));
  g_assert_cmpstr (bc_report_get (f->report, "tbl/dvc25/2/total"), ==, "55");
  g_assert_cmpint (bc_edit_session_get_state (session), ==, BC_SAVE_STATE_SAVED);
}

/* A reviewer's file opened over the report ("open-file --replace"): the
 * window shows the file's values, and an edit is compared with them. */
static void
test_replaced_by_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcEditSession) session = bc_edit_session_new (f->path, f->report, &error);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BcStore) reviewer = bc_store_open (f->path, &error);
  g_autoptr(BcReport) saved = NULL;
  g_autofree char *file = g_build_filename (f->dir, "reviewed.baocao", NULL);
  gint64 id = bc_report_get_id (f->report);

  g_assert_no_error (error);
  g_signal_connect (session, "changed-elsewhere", G_CALLBACK (record_keys_cb), seen);
  set_elsewhere (f, "header/number", "254");
  g_assert_true (bc_store_export_file (reviewer, id, file, &error));
  g_assert_no_error (error);
  g_assert_true (bc_edit_session_set (session, "header/number", "999", &error));
  wait_saved (session);

  g_assert_cmpint (bc_store_import_file (reviewer, file, BC_IMPORT_REPLACE, NULL, &error), ==, id);
  g_assert_no_error (error);
  g_assert_true (bc_edit_session_sync (session));
  g_assert_cmpstr (bc_report_get (f->report, "header/number"), ==, "254");
  g_assert_true (saw_key (seen, "header/number"));

  /* The clerk types 999 again: it differs from the file's value. */
  g_assert_true (bc_edit_session_set (session, "header/number", "999", &error));
  wait_saved (session);
  saved = reopen (f);
  g_assert_cmpstr (bc_report_get (saved, "header/number"), ==, "999");
}

static gboolean
integrity_ok (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  ok = sqlite3_step (stmt) == SQLITE_ROW && g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

/* Kills the driver after it announced @stop_after saves, and checks that it
 * did announce them all (a driver that stops early or exits on its own
 * fails) and that SIGKILL is what ended it.
 * Returns: the last edit announced as saved */
static guint64
run_driver_round (const char *path,
                  const char *id,
                  guint64     base,
                  guint64     stop_after,
                  GRand      *rand)
{
  g_autofree char *driver = g_test_build_filename (G_TEST_BUILT, "bc-edit-driver", NULL);
  g_autofree char *base_text = g_strdup_printf ("%" G_GUINT64_FORMAT, base);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { driver, path, id, base_text, NULL };
  GPid pid;
  int out_fd, status;
  FILE *out;
  char line[64];
  guint64 last = 0, announced = 0;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  out = fdopen (out_fd, "r");
  while (announced < stop_after && fgets (line, sizeof line, out) != NULL)
    {
      guint64 serial;

      g_assert_true (g_str_has_prefix (line, "saved "));
      serial = g_ascii_strtoull (line + 6, NULL, 10);
      /* Saves are announced in the order of the edits. */
      g_assert_cmpuint (serial, >, last);
      last = serial;
      announced++;
    }
  /* Let it run on a little, mid-commit with luck, then kill it. */
  g_usleep ((gulong) g_rand_int_range (rand, 0, 3000));
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  fclose (out);
  g_spawn_close_pid (pid);
  if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
    g_error ("the driver was not killed by SIGKILL: wait status 0x%x", status);
  g_assert_cmpuint (announced, ==, stop_after);
  g_assert_cmpuint (last, >=, stop_after);
  return last;
}

/* The value edit @serial of the round starting at @base wrote, or 0 when
 * @text is not one of them. */
static guint64
round_serial (const char *text,
              guint64     base)
{
  guint64 value = text ? g_ascii_strtoull (text, NULL, 10) : 0;

  return value > base && value < base + 1000000 ? value - base : 0;
}

/* kill -9 in the middle of continuous editing: nothing announced as saved
 * is lost, and the library is never damaged. Each round writes values of
 * its own (BASE + edit number), so that what a round saved is told apart
 * from what the rounds before it left. BC_KILL_ROUNDS sets the number of
 * rounds (bench/run-kill.sh runs 100). */
static void
test_kill_loop (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, bc_report_get_id (f->report));
  const char *env = g_getenv ("BC_KILL_ROUNDS");
  guint rounds = env ? (guint) atoi (env) : g_test_slow () ? 100 : 25;
  guint64 announced = 0;
  GRand *rand = g_rand_new_with_seed (6);

  g_clear_object (&f->store);
  for (guint round = 0; round < rounds; round++)
    {
      guint64 base = (guint64) (round + 1) * 1000000;
      guint64 last = run_driver_round (f->path, id, base, (guint64) g_rand_int_range (rand, 2, 30), rand);
      g_autoptr(BcReport) saved = NULL;
      g_autofree char *text = NULL;
      guint64 stored;

      g_assert_true (integrity_ok (f->path));
      saved = reopen (f);
      /* This round's own values, from an edit at least as late as the last
       * one announced: never an earlier round's. */
      stored = round_serial (bc_report_get (saved, "fig/vneid_activated"), base);
      if (stored < last)
        g_error ("round %u: edit %" G_GUINT64_FORMAT " (value %" G_GUINT64_FORMAT ") was announced as saved, "
                 "%s is on disk", round, last, base + last, bc_report_get (saved, "fig/vneid_activated"));
      /* The three values of one step are one transaction: all three are
       * the same edit's. */
      g_assert_cmpuint (round_serial (bc_report_get (saved, "tbl/dvc25/2/total"), base), ==, stored);
      text = g_strdup_printf ("Đoạn văn lần thứ %" G_GUINT64_FORMAT, base + stored);
      g_assert_cmpstr (bc_report_get (saved, "sec/next_tasks/p1/text"), ==, text);
      announced += last;
    }
  g_test_message ("kill -9: %u rounds, %" G_GUINT64_FORMAT " edits announced as saved, none lost",
                  rounds, announced);
  g_rand_free (rand);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bc/edit-session/saves", test_saves);
  ADD ("/bc/edit-session/debounce", test_debounce);
  ADD ("/bc/edit-session/max-delay", test_max_delay);
  ADD ("/bc/edit-session/refused", test_refused);
  ADD ("/bc/edit-session/undo-redo", test_undo_redo);
  ADD ("/bc/edit-session/disk-full", test_disk_full);
  ADD ("/bc/edit-session/changed-elsewhere", test_changed_elsewhere);
  ADD ("/bc/edit-session/replaced-by-file", test_replaced_by_file);
  ADD ("/bc/edit-session/kill-loop", test_kill_loop);
#undef ADD
  return g_test_run ();
}
