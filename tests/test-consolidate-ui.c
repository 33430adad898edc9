/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A province's report from its districts' reports, through the widgets:
 * receiving in a worker thread with one summary, the units' reports of
 * a month (received, late, missing, sent again), the province report
 * made and followed from there, and a consolidated value typed over
 * with a reason. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "bc-consolidate.h"
#include "bc-finding.h"
#include "bc-library.h"
#include "bc-office.h"
#include "bc-override-dialog.h"
#include "bc-period.h"
#include "bc-report-page.h"
#include "bc-report.h"
#include "bc-store-consolidate.h"
#include "bc-test-utils.h"
#include "bc-unit-row.h"
#include "bc-units-window.h"
#include "bc-window-private.h"
#include "bc-window.h"

static const char * const units[] = { "Huyện An Hải", "Huyện Bắc Sơn", "Huyện Cam Lâm", "Huyện Đông Hà", NULL };

typedef struct
{
  char       *dir;
  char       *inbox;
  BcStore    *store;      /* the province's library */
  BcStore    *district;   /* where the districts write theirs */
  BcTemplate *monthly;
  BcTemplate *province;
  GPtrArray  *templates;
  BcWindow   *window;
  char       *from;       /* the districts' period: next month's, so that a receipt now is on time */
  char       *to;
  guint       month;
  guint       year;
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcOffice) office = bc_office_new ("Khánh Hòa", "tỉnh", &error);
  GDate day, from, to;

  f->dir = bc_test_mkdtemp ();
  f->inbox = g_build_filename (f->dir, "inbox", NULL);
  g_assert_cmpint (g_mkdir (f->inbox, 0700), ==, 0);
  f->store = bc_test_open_store (f->dir, "province.db");
  f->district = bc_test_open_store (f->dir, "district.db");
  g_assert_true (bc_store_add_office (f->store, office, &error));
  g_assert_true (bc_store_set_reporting_units (f->store, units, &error));
  g_assert_no_error (error);
  f->monthly = bc_test_load_template ("district-monthly");
  f->province = bc_test_load_template ("province-monthly");
  f->templates = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (f->templates, g_object_ref (f->monthly));
  g_ptr_array_add (f->templates, g_object_ref (f->province));
  bc_date_today (&day);
  g_date_set_day (&day, 10);
  g_date_add_months (&day, 1);
  bc_period_containing (bc_template_get_regime (f->monthly), bc_template_get_cutoff_day (f->monthly), &day, &from, &to);
  f->from = bc_date_to_iso (&from);
  f->to = bc_date_to_iso (&to);
  f->month = g_date_get_month (&to);
  f->year = g_date_get_year (&to);
  f->window = g_object_ref (bc_window_new (NULL, f->store, f->templates));
  spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();
  g_assert_finalize_object (f->window);
  g_ptr_array_unref (f->templates);
  g_assert_finalize_object (f->province);
  g_assert_finalize_object (f->monthly);
  g_assert_finalize_object (f->district);
  g_assert_finalize_object (f->store);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->inbox);
  g_free (f->from);
  g_free (f->to);
}

/* Unit @i's report saved as a file in the inbox. */
static void
send (Fixture    *f,
      guint       i,
      const char *total)
{
  g_autoptr(GError) error = NULL;
  gint64 id = bc_store_find_period_report (f->district, "district-monthly", units[i - 1], f->from, f->to);
  g_autoptr(BcReport) report = id ? bc_store_open_report (f->district, id, &error)
                                  : bc_store_create_report (f->district, f->monthly, units[i - 1], f->from, f->to,
                                                            &error);
  g_autofree char *name = g_strdup_printf ("%u.baocao", i);
  g_autofree char *path = g_build_filename (f->inbox, name, NULL);

  g_assert_no_error (error);
  bc_test_set_values (f->district, report, (const char *[]) { "tbl/dvc_district/1/total", total,
                                                              "tbl/dvc_district/1/online", "1", NULL });
  g_assert_true (bc_store_export_file (f->district, bc_report_get_id (report), path, &error));
  g_assert_no_error (error);
}

static void
receive_now (Fixture    *f,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *paths[] = { path, NULL };
  g_autoptr(GPtrArray) results = bc_store_receive_files (f->store, paths, &error);

  g_assert_no_error (error);
}

static void
wait_received (Fixture *f)
{
  while (bc_window_is_receiving (f->window))
    g_main_context_iteration (NULL, TRUE);
  spin ();
}

/* The files are read in a worker thread: the call returns at once, the
 * window keeps answering, one summary at the end. Stopped, it says how
 * many files it did not look at, and received only the others. */
static void
test_receive (Fixture       *f,
              gconstpointer  data)
{
  const char *paths[] = { NULL, NULL };
  const char *summary;
  gint64 before;

  for (guint i = 1; i <= 3; i++)
    send (f, i, "10");
  paths[0] = f->inbox;
  bc_window_receive_files (f->window, paths);
  g_assert_true (bc_window_is_receiving (f->window));
  /* A second receipt waits for the first. */
  bc_window_receive_files (f->window, paths);
  wait_received (f);
  summary = bc_window_get_receive_summary (f->window);
  g_assert_nonnull (summary);
  g_assert_nonnull (strstr (summary, "3 files: 3 received, 0 replaced by a newer version, 0 duplicates, 0 refused"));
  g_assert_null (strstr (summary, "Stopped"));
  g_assert_cmpuint (bc_window_get_n_reports (f->window), ==, 3);

  /* Stopped at once: nothing, or not everything, was looked at. */
  for (guint i = 1; i <= 3; i++)
    send (f, i, "20");
  before = bc_store_find_period_report (f->store, "district-monthly", units[0], f->from, f->to);
  g_assert_cmpint (before, >, 0);
  bc_window_receive_files (f->window, paths);
  bc_window_stop_receiving (f->window);
  wait_received (f);
  summary = bc_window_get_receive_summary (f->window);
  g_assert_true (strstr (summary, "Stopped: ") != NULL || strstr (summary, "3 replaced") != NULL);
  g_assert_false (bc_window_is_receiving (f->window));
}

static sqlite3 *
open_db (Fixture *f)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (bc_store_get_path (f->store), &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static const char *
row_state (BcUnitsWindow *units_window,
           guint          i)
{
  return bc_unit_row_get_state (BC_UNIT_ROW (bc_units_window_get_row (units_window, i)));
}

static void
count_stale_cb (const char     *domain,
                GLogLevelFlags  level,
                const char     *message,
                gpointer        data)
{
  if (strstr (message, "stale values of report") != NULL)
    (*(guint *) data)++;
}

/* The month's units: received with their status and findings, late,
 * missing; the province report made from there, then a unit's report
 * sent again after it, and the update offered. */
static void
test_units (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcUnitsWindow) units_window = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;
  gint64 late, id;
  guint counted = 0;
  guint handler = g_log_set_handler ("bc-units-window", G_LOG_LEVEL_DEBUG, count_stale_cb, &counted);

  send (f, 1, "10");
  send (f, 2, "20");
  send (f, 3, "30");
  receive_now (f, f->inbox);
  /* Unit 2's file came after the deadline. */
  late = bc_store_find_period_report (f->store, "district-monthly", units[1], f->from, f->to);
  sql = g_strdup_printf ("UPDATE received SET received = '2099-01-01T00:00:00Z' WHERE report_id = %" G_GINT64_FORMAT,
                         late);
  db = open_db (f);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  units_window = g_object_ref_sink (bc_units_window_new (f->window, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bc_units_window_get_model (units_window)), ==, 4);
  g_assert_cmpstr (bc_units_window_get_summary (units_window), ==, "4 units: 2 received on time, 1 late, 1 missing");
  g_assert_cmpstr (row_state (units_window, 0), ==, "Received");
  g_assert_cmpstr (row_state (units_window, 1), ==, "Late");
  g_assert_cmpstr (row_state (units_window, 3), ==, "Missing");
  {
    const char *detail = bc_unit_row_get_detail (BC_UNIT_ROW (bc_units_window_get_row (units_window, 0)));
    g_assert_nonnull (strstr (detail, "Draft"));
    g_assert_nonnull (strstr (detail, "warning"));
    g_assert_nonnull (strstr (detail, units[0]));
  }
  g_assert_nonnull (strstr (bc_units_window_get_province (units_window), "not made yet"));

  /* Make the province report. */
  id = bc_units_window_consolidate (units_window, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (bc_units_window_get_report_id (units_window), ==, id);
  g_assert_nonnull (strstr (bc_units_window_get_province (units_window), "is as the units' reports give it"));
  {
    g_autoptr(BcReport) report = bc_store_open_report (f->store, id, &error);
    g_assert_cmpstr (bc_report_get (report, "tbl/dvc25/1/total"), ==, "60");
  }
  /* Made again: refused, the one report stays. */
  g_assert_cmpint (bc_units_window_consolidate (units_window, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* Shown again with nothing changed: the stale values are not counted
   * again (the whole consolidation made again each time). */
  counted = 0;
  g_assert_true (bc_units_window_set_month (units_window, f->month, f->year, &error));
  g_assert_true (bc_units_window_set_month (units_window, f->month, f->year, &error));
  g_assert_cmpuint (counted, ==, 0);

  /* Unit 1 corrects its report and sends it again. */
  g_usleep (1100 * 1000);   /* a later change time than the one received */
  send (f, 1, "15");
  receive_now (f, f->inbox);
  g_assert_true (bc_units_window_set_month (units_window, f->month, f->year, &error));
  g_assert_cmpstr (row_state (units_window, 0), ==, "Received · sent again after consolidation");
  /* Unit 2's receipt, dated after the deadline, is after the province report too. */
  g_assert_cmpstr (bc_units_window_get_summary (units_window), ==,
                   "4 units: 2 received on time, 1 late, 1 missing; 2 sent again after the province's report was made");
  g_assert_nonnull (strstr (bc_units_window_get_province (units_window), "1 value changed"));
  g_assert_cmpuint (counted, ==, 1);
  g_log_remove_handler ("bc-units-window", handler);
  /* Update opens the province report with its list of changes. */
  gtk_widget_activate_action (GTK_WIDGET (units_window), "units.update", NULL);
  spin ();
  g_assert_cmpint (bc_window_get_open_report_id (f->window), ==, id);
  g_assert_nonnull (bc_report_page_get_rollup_notice (bc_window_get_report_page (f->window)));
  g_assert_nonnull (strstr (bc_report_page_get_rollup_notice (bc_window_get_report_page (f->window)), "units' reports"));
  gtk_window_destroy (GTK_WINDOW (units_window));
}

/* The province's report of the month written by hand before the units'
 * reports came: the window says so (never "not made yet") and its button
 * fills that report with the units' values rather than failing to make
 * another; from then on it is followed as the consolidated report. */
static void
test_written (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcUnitsWindow) units_window = NULL;
  g_autoptr(BcOffice) office = bc_store_find_consolidating_office (f->store, f->province, &error);
  g_autoptr(BcReport) own = NULL, filled = NULL;
  g_autofree char *from = NULL, *to = NULL;
  gint64 id;

  send (f, 1, "10");
  send (f, 2, "20");
  receive_now (f, f->inbox);
  bc_consolidate_period_of_month (f->province, f->month, f->year, &from, &to);
  own = bc_store_create_report_for_office (f->store, f->province, office, from, to, &error);
  g_assert_no_error (error);
  units_window = g_object_ref_sink (bc_units_window_new (f->window, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (bc_units_window_get_province (units_window), "written without the units' reports"));
  g_assert_cmpint (bc_units_window_get_report_id (units_window), ==, 0);

  id = bc_units_window_consolidate (units_window, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, bc_report_get_id (own));
  g_assert_cmpint (bc_units_window_get_report_id (units_window), ==, id);
  g_assert_nonnull (strstr (bc_units_window_get_province (units_window), "is as the units' reports give it"));
  filled = bc_store_open_report (f->store, id, &error);
  g_assert_cmpstr (bc_report_get (filled, "tbl/dvc25/1/total"), ==, "30");
  gtk_window_destroy (GTK_WINDOW (units_window));
}

static const char *
row_detail (BcUnitsWindow *units_window,
            guint          i)
{
  return bc_unit_row_get_detail (BC_UNIT_ROW (bc_units_window_get_row (units_window, i)));
}

static void
exec_sql (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = open_db (f);

  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The units' findings are the counts the library keeps, stored when a
 * report is received: a report with an error (online above total) shows
 * it; counts kept (here typed into the library) are shown as kept, no
 * report checked again; a report without counts gets them once; a
 * corrected report received shows its new counts. A refresh keeps the
 * rows of the units that did not change. */
static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcUnitsWindow) units_window = NULL;
  g_autofree char *sql = NULL, *gone = NULL;
  g_autoptr(GtkWidget) row0 = NULL, row1 = NULL;   /* held: a new row cannot take their address */
  gint64 first, second;

  send (f, 1, "0");
  send (f, 2, "20");
  receive_now (f, f->inbox);
  first = bc_store_find_period_report (f->store, "district-monthly", units[0], f->from, f->to);
  second = bc_store_find_period_report (f->store, "district-monthly", units[1], f->from, f->to);
  units_window = g_object_ref_sink (bc_units_window_new (f->window, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (row_detail (units_window, 0), "· 1 error,"));
  g_assert_nonnull (strstr (row_detail (units_window, 1), "· 0 errors,"));
  row0 = g_object_ref (bc_units_window_get_row (units_window, 0));
  row1 = g_object_ref (bc_units_window_get_row (units_window, 1));
  g_assert_true (bc_units_window_set_month (units_window, f->month, f->year, &error));
  g_assert_true (bc_units_window_get_row (units_window, 0) == row0);
  g_assert_true (bc_units_window_get_row (units_window, 1) == row1);

  sql = g_strdup_printf ("UPDATE report_summary SET errors = 7 WHERE report_id = %" G_GINT64_FORMAT, first);
  exec_sql (f, sql);
  gone = g_strdup_printf ("DELETE FROM report_summary WHERE report_id = %" G_GINT64_FORMAT, second);
  exec_sql (f, gone);
  g_assert_true (bc_units_window_set_month (units_window, f->month, f->year, &error));
  g_assert_nonnull (strstr (row_detail (units_window, 0), "· 7 errors,"));
  g_assert_nonnull (strstr (row_detail (units_window, 1), "· 0 errors,"));
  g_assert_true (bc_units_window_get_row (units_window, 0) != row0);
  g_assert_true (bc_units_window_get_row (units_window, 1) == row1);
  g_assert_cmpint (bc_library_count_stale (f->store), ==, 0);

  g_usleep (1100 * 1000);   /* a later change time than the one received */
  send (f, 1, "10");
  receive_now (f, f->inbox);
  g_assert_true (bc_units_window_set_month (units_window, f->month, f->year, &error));
  g_assert_nonnull (strstr (row_detail (units_window, 0), "· 0 errors,"));
  gtk_window_destroy (GTK_WINDOW (units_window));
}

static BcFinding *
find_finding (GPtrArray  *findings,
              const char *rule)
{
  for (guint i = 0; findings && i < findings->len; i++)
    if (g_str_equal (bc_finding_get_rule (findings->pdata[i]), rule))
      return findings->pdata[i];
  return NULL;
}

/* A consolidated value typed over from the report page: its parts shown,
 * Type Over only with a reason, kept and shown to the reviewer. */
static void
test_override (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcUnitsWindow) units_window = NULL;
  g_autoptr(GPtrArray) overrides = NULL;
  BcReportPage *page = bc_window_get_report_page (f->window);
  BcOverrideDialog *dialog;
  gint64 id;

  send (f, 1, "10");
  send (f, 2, "20");
  receive_now (f, f->inbox);
  units_window = g_object_ref_sink (bc_units_window_new (f->window, &error));
  id = bc_units_window_consolidate (units_window, &error);
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (units_window));
  bc_window_open_report (f->window, id, "tbl/dvc25");
  spin ();
  /* Not a consolidated value. */
  g_assert_null (bc_report_page_show_override (page, "fig/portal_received"));
  dialog = BC_OVERRIDE_DIALOG (bc_report_page_show_override (page, "tbl/dvc25/1/total"));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (bc_override_dialog_get_value (dialog), ==, "30");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), units[0]));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "override"));
  bc_override_dialog_set_values (dialog, "33", "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "override"));
  bc_override_dialog_set_values (dialog, "33", "Sở Tư pháp báo thêm 3 hồ sơ");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "override"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "override");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_assert_cmpstr (bc_report_get (bc_report_page_get_report (page), "tbl/dvc25/1/total"), ==, "33");
  overrides = bc_store_list_overrides (f->store, id, &error);
  g_assert_cmpuint (overrides->len, ==, 1);
  g_assert_cmpstr (((BcOverride *) overrides->pdata[0])->reason, ==, "Sở Tư pháp báo thêm 3 hồ sơ");
  g_assert_nonnull (find_finding (bc_report_page_get_findings (page), "consolidate.overridden"));
  g_assert_null (find_finding (bc_report_page_get_findings (page), "consolidate.typed_over"));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/bc/consolidate-ui/receive", test_receive);
  ADD ("/bc/consolidate-ui/units", test_units);
  ADD ("/bc/consolidate-ui/written", test_written);
  ADD ("/bc/consolidate-ui/counts", test_counts);
  ADD ("/bc/consolidate-ui/override", test_override);
#undef ADD
  return g_test_run ();
}
