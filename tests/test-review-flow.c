/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The round trip of a report between a clerk and a reviewer on two
 * machines (two libraries), through the windows they each have open. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "bc-changes-panel.h"
#include "bc-comments-panel.h"
#include "bc-figures-form.h"
#include "bc-report-page.h"
#include "bc-report.h"
#include "bc-store-review.h"
#include "bc-section-form.h"
#include "bc-test-utils.h"
#include "bc-test-window.h"
#include "bc-window.h"

typedef struct
{
  char      *dir;
  GPtrArray *templates;
  BcStore   *clerk_store;
  BcStore   *reviewer_store;
  BcWindow  *clerk;
  BcWindow  *reviewer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = bc_test_mkdtemp ();
  f->templates = bc_test_load_templates ();
  f->clerk_store = bc_test_open_store (f->dir, "clerk.db");
  bc_store_set_actor (f->clerk_store, "Nguyễn Văn An");
  bc_store_set_role (f->clerk_store, BC_ROLE_CLERK);
  f->reviewer_store = bc_test_open_store (f->dir, "reviewer.db");
  bc_store_set_actor (f->reviewer_store, "Trần Thị Bình");
  bc_store_set_role (f->reviewer_store, BC_ROLE_REVIEWER);
  f->clerk = g_object_ref (bc_window_new (NULL, f->clerk_store, f->templates));
  f->reviewer = g_object_ref (bc_window_new (NULL, f->reviewer_store, f->templates));
  gtk_window_present (GTK_WINDOW (f->clerk));
  gtk_window_present (GTK_WINDOW (f->reviewer));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->clerk));
  gtk_window_destroy (GTK_WINDOW (f->reviewer));
  bc_test_spin ();
  g_assert_finalize_object (f->clerk);
  g_assert_finalize_object (f->reviewer);
  g_ptr_array_unref (f->templates);
  g_assert_finalize_object (f->clerk_store);
  g_assert_finalize_object (f->reviewer_store);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
}

static BcReportPage *
page (BcWindow *window)
{
  return bc_window_get_report_page (window);
}

static BcEditSession *
session (BcWindow *window)
{
  return bc_report_page_get_session (page (window));
}

static void
act (BcWindow   *window,
     const char *action)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (page (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page (window)), action, NULL));
  bc_test_spin ();
}

/* Submitting a report with errors asks first, naming how many; the
 * report stays a draft until the clerk says "Submit Anyway" (trial item 13). */
static void
submit_anyway (BcWindow   *window,
               const char *heading)
{
  AdwMessageDialog *dialog;

  act (window, "report.submit");
  dialog = bc_test_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_cmpstr (bc_report_get_status (bc_report_page_get_report (page (window))), !=, "submitted");
  bc_test_answer_dialog (dialog, "cancel");
  g_assert_cmpstr (bc_report_get_status (bc_report_page_get_report (page (window))), !=, "submitted");
  act (window, "report.submit");
  bc_test_answer_dialog (bc_test_message_dialog (), "submit");
  g_assert_cmpstr (bc_report_get_status (bc_report_page_get_report (page (window))), ==, "submitted");
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", "province-2024-05.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *draft = g_build_filename (f->dir, "draft.baocao", NULL);
  g_autofree char *returned = g_build_filename (f->dir, "returned.baocao", NULL);
  g_autofree char *approved = g_build_filename (f->dir, "approved.baocao", NULL);
  BcChangesPanel *changes;
  GtkWidget *form, *entry;
  const char * const *keys;
  gint64 clerk_id, reviewer_id, existing = 0;

  /* The clerk fills her report and submits it. */
  g_assert_true (g_file_get_contents (sample, &json, NULL, NULL));
  clerk_id = bc_store_import_json (f->clerk_store, json, -1, &error);
  g_assert_no_error (error);
  bc_window_reload (f->clerk);
  bc_window_open_report (f->clerk, clerk_id, NULL);
  submit_anyway (f->clerk, "The report still has 7 errors not explained");
  g_assert_true (bc_report_page_flush (page (f->clerk), &error));
  g_assert_true (bc_store_export_file (f->clerk_store, clerk_id, draft, &error));
  g_assert_no_error (error);

  /* The reviewer opens the file, corrects two figures, comments, returns it. */
  reviewer_id = bc_store_import_file (f->reviewer_store, draft, BC_IMPORT_ASK, NULL, &error);
  g_assert_no_error (error);
  bc_window_reload (f->reviewer);
  bc_window_open_report (f->reviewer, reviewer_id, NULL);
  g_assert_true (bc_edit_session_set (session (f->reviewer), "fig/vneid_activated", "671291", &error));
  g_assert_true (bc_edit_session_set (session (f->reviewer), "tbl/dvc25/18/overdue", "0", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bc_store_add_comment (f->reviewer_store, bc_report_page_get_report (page (f->reviewer)),
                                         "tbl/dvc25/18/overdue", "Quá hạn không thể bằng trực tuyến", &error), >, 0);
  g_assert_true (bc_edit_session_set_status (session (f->reviewer), "returned", "Sửa số liệu phụ lục", &error));
  g_assert_no_error (error);
  g_assert_true (bc_report_page_flush (page (f->reviewer), &error));
  g_assert_true (bc_store_export_file (f->reviewer_store, reviewer_id, returned, &error));

  /* Back at the clerk's: the library already has it; she replaces it. */
  g_assert_cmpint (bc_store_import_file (f->clerk_store, returned, BC_IMPORT_ASK, &existing, &error), ==, 0);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (existing, ==, clerk_id);
  bc_window_close_report (f->clerk);
  g_assert_cmpint (bc_store_import_file (f->clerk_store, returned, BC_IMPORT_REPLACE, NULL, &error), ==, clerk_id);
  g_assert_no_error (error);
  bc_window_open_report (f->clerk, clerk_id, NULL);
  bc_test_spin ();

  /* She sees exactly what the reviewer changed, highlighted in the forms. */
  changes = BC_CHANGES_PANEL (bc_report_page_get_changes_panel (page (f->clerk)));
  g_assert_cmpuint (bc_changes_panel_get_n_changes (changes), ==, 2);
  keys = bc_changes_panel_get_keys (changes);
  g_assert_true (g_strv_contains (keys, "fig/vneid_activated"));
  g_assert_true (g_strv_contains (keys, "tbl/dvc25/18/overdue"));
  g_assert_cmpstr (bc_changes_panel_lookup (changes, "fig/vneid_activated")->actor, ==, "Trần Thị Bình");
  g_assert_true (bc_report_page_show_key (page (f->clerk), "fig/vneid_activated"));
  bc_test_spin ();
  form = bc_report_page_get_form (page (f->clerk));
  entry = bc_figures_form_get_entry (BC_FIGURES_FORM (bc_section_form_get_part (form, BC_TYPE_FIGURES_FORM)),
                                     "fig/vneid_activated");
  g_assert_true (gtk_widget_has_css_class (entry, "bc-changed"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (entry), "671.291"));
  g_assert_cmpuint (bc_comments_panel_get_n_open (BC_COMMENTS_PANEL (bc_report_page_get_comments_panel (page (f->clerk)))), ==, 1);

  /* She accepts one correction and reverts the other, then resubmits. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (changes), "changes.accept", "s", "tbl/dvc25/18/overdue"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (changes), "changes.revert", "s", "fig/vneid_activated"));
  bc_test_spin ();
  bc_changes_panel_refresh (changes);
  g_assert_cmpuint (bc_changes_panel_get_n_changes (changes), ==, 0);
  g_assert_cmpstr (bc_report_get (bc_report_page_get_report (page (f->clerk)), "fig/vneid_activated"), ==, "671290");
  g_assert_cmpstr (bc_report_get (bc_report_page_get_report (page (f->clerk)), "tbl/dvc25/18/overdue"), ==, "0");
  submit_anyway (f->clerk, "The report still has 6 errors not explained");   /* row 18's overdue corrected */
  /* A clerk cannot approve, even a submitted report: the step does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (page (f->clerk)), "report.approve", NULL);
  bc_test_spin ();
  g_assert_cmpstr (bc_report_get_status (bc_report_page_get_report (page (f->clerk))), ==, "submitted");
  g_assert_true (bc_report_page_flush (page (f->clerk), &error));
  g_assert_true (bc_store_export_file (f->clerk_store, clerk_id, draft, &error));

  /* The reviewer approves; back at the clerk's the report is read-only. */
  bc_window_close_report (f->reviewer);
  g_assert_cmpint (bc_store_import_file (f->reviewer_store, draft, BC_IMPORT_REPLACE, NULL, &error), ==, reviewer_id);
  bc_window_open_report (f->reviewer, reviewer_id, NULL);
  act (f->reviewer, "report.approve");
  g_assert_true (bc_report_page_flush (page (f->reviewer), &error));
  g_assert_true (bc_store_export_file (f->reviewer_store, reviewer_id, approved, &error));
  bc_window_close_report (f->clerk);
  g_assert_cmpint (bc_store_import_file (f->clerk_store, approved, BC_IMPORT_REPLACE, NULL, &error), ==, clerk_id);
  bc_window_open_report (f->clerk, clerk_id, NULL);
  bc_test_spin ();
  g_assert_cmpstr (bc_report_get_status (bc_report_page_get_report (page (f->clerk))), ==, "approved");
  g_assert_false (gtk_widget_get_sensitive (bc_report_page_get_form (page (f->clerk))) &&
                  gtk_widget_is_sensitive (bc_report_page_get_form (page (f->clerk))));
  g_assert_false (bc_edit_session_set (session (f->clerk), "header/number", "300", &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Both libraries hold the same report, change log and comments included. */
  {
    g_autofree char *a = bc_store_export_json (f->clerk_store, clerk_id, &error);
    g_autofree char *b = bc_store_export_json (f->reviewer_store, reviewer_id, &error);
    g_assert_cmpstr (a, ==, b);
  }
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/bc/ui/review-flow/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  return g_test_run ();
}
