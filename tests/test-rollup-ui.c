/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A report built from its months, through the widgets: the choice in the
 * New Report dialog, where each value came from in the forms, and the bar
 * of stale values with its update. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "bc-figures-form.h"
#include "bc-new-report-dialog.h"
#include "bc-office.h"
#include "bc-report-page.h"
#include "bc-report.h"
#include "bc-section-form.h"
#include "bc-store-rollup.h"
#include "bc-test-utils.h"
#include "bc-test-window.h"
#include "bc-window.h"

#define UNIT "Huyện Ninh Hải"

typedef struct
{
  char       *dir;
  BcStore    *store;
  BcTemplate *monthly;
  BcTemplate *target;
  char       *target_path;
  GPtrArray  *templates;
  GPtrArray  *months;
  BcWindow   *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcOffice) office = bc_office_new ("Ninh Hải", "huyện", &error);

  f->dir = bc_test_mkdtemp ();
  f->store = bc_test_open_store (f->dir, "library.db");
  g_assert_true (bc_store_add_office (f->store, office, &error));
  g_assert_no_error (error);
  f->monthly = bc_test_load_template ("district-monthly");
  f->target = bc_test_longer_template (f->dir, "quarterly", &f->target_path);
  f->templates = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (f->templates, g_object_ref (f->monthly));
  g_ptr_array_add (f->templates, g_object_ref (f->target));
  f->months = g_ptr_array_new_with_free_func (g_object_unref);
  bc_test_make_months (f->store, f->monthly, UNIT, "2022-12-15", 2, f->months);
  f->window = g_object_ref (bc_window_new (NULL, f->store, f->templates));
  /* Not presented: the forms are built and read without painting. */
  bc_test_spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  bc_test_spin ();
  g_assert_finalize_object (f->window);
  g_ptr_array_unref (f->templates);
  g_ptr_array_unref (f->months);
  g_assert_finalize_object (f->target);
  g_assert_finalize_object (f->monthly);
  g_assert_finalize_object (f->store);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->target_path);
}

static void
find_rows (GtkWidget *widget,
           GType      type,
           GPtrArray *into)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (into, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    find_rows (c, type, into);
}

static void
created_cb (BcNewReportDialog *dialog,
            gint64             id,
            gint64            *out)
{
  *out = id;
}

/* The dialog offers the choice for the longer template only, says which
 * months the library has, and Create builds the report from them. */
static void
test_dialog (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GHashTable) stored = NULL;
  GtkWidget *dialog = bc_window_new_report (f->window);
  BcNewReportDialog *d = BC_NEW_REPORT_DIALOG (dialog);
  const char *summary;
  gint64 id = 0;

  g_signal_connect (dialog, "created", G_CALLBACK (created_cb), &id);
  find_rows (dialog, ADW_TYPE_COMBO_ROW, combos);
  find_rows (dialog, ADW_TYPE_ENTRY_ROW, entries);
  /* A monthly template: no such choice. */
  adw_combo_row_set_selected (combos->pdata[1], 0);
  g_assert_null (bc_new_report_dialog_get_months_summary (d));
  g_assert_false (bc_new_report_dialog_get_from_months (d));

  adw_combo_row_set_selected (combos->pdata[1], 1);
  gtk_editable_set_text (entries->pdata[1], "15/12/2022");
  gtk_editable_set_text (entries->pdata[2], "14/03/2023");
  summary = bc_new_report_dialog_get_months_summary (d);
  g_assert_nonnull (summary);
  g_assert_nonnull (strstr (summary, "2 of 3 months are in the library"));
  g_assert_nonnull (strstr (summary, "missing: 03/2023"));
  g_assert_nonnull (strstr (summary, "not approved yet: 01/2023, 02/2023"));
  /* On by default once there are months; the clerk may turn it off. */
  g_assert_true (bc_new_report_dialog_get_from_months (d));
  bc_new_report_dialog_set_from_months (d, FALSE);
  g_assert_false (bc_new_report_dialog_get_from_months (d));
  bc_new_report_dialog_set_from_months (d, TRUE);

  /* A period without months: the choice says so and stays off. */
  gtk_editable_set_text (entries->pdata[1], "15/12/2021");
  gtk_editable_set_text (entries->pdata[2], "14/03/2022");
  g_assert_nonnull (strstr (bc_new_report_dialog_get_months_summary (d), "no monthly report of " UNIT));
  g_assert_false (bc_new_report_dialog_get_from_months (d));
  bc_new_report_dialog_set_from_months (d, TRUE);
  g_assert_false (bc_new_report_dialog_get_from_months (d));

  gtk_editable_set_text (entries->pdata[1], "15/12/2022");
  gtk_editable_set_text (entries->pdata[2], "14/03/2023");
  g_assert_true (bc_new_report_dialog_get_from_months (d));
  gtk_widget_activate_action (dialog, "dialog.create", NULL);
  bc_test_spin ();
  g_assert_cmpint (id, >, 0);
  report = bc_store_open_report (f->store, id, NULL);
  g_assert_cmpstr (bc_report_get (report, "fig/digitised_city"), ==, "314");   /* 107 + 207 */
  stored = bc_store_get_rollup (f->store, id, NULL);
  g_assert_nonnull (g_hash_table_lookup (stored, "fig/digitised_city"));
}

static GtkWidget *
figure_row (BcReportPage *page,
            const char   *key)
{
  GtkWidget *form;
  BcFiguresForm *figures;

  g_assert_true (bc_report_page_show_key (page, key));
  bc_test_spin ();
  form = bc_report_page_get_form (page);
  figures = BC_FIGURES_FORM (bc_section_form_get_part (form, BC_TYPE_FIGURES_FORM));
  return gtk_widget_get_ancestor (bc_figures_form_get_entry (figures, key), ADW_TYPE_ACTION_ROW);
}

/* The form says where a value came from; after a month changes, the bar
 * says values are stale and the update takes the new ones. */
static void
test_provenance_and_update (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GError) error = NULL;
  BcReportPage *page;
  const char *subtitle;
  const char *edit[] = { "fig/digitised_city", "1000", NULL };

  report = bc_store_create_rollup_report (f->store, f->target, NULL, UNIT, "2022-12-15", "2023-03-14", NULL, &error);
  g_assert_no_error (error);
  bc_window_open_report (f->window, bc_report_get_id (report), NULL);
  page = bc_window_get_report_page (f->window);
  bc_test_spin ();
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (figure_row (page, "fig/digitised_city")));
  g_assert_nonnull (strstr (subtitle, "total of 2 months (01/2023, 02/2023)"));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (figure_row (page, "fig/asm_accounts")));
  g_assert_nonnull (strstr (subtitle, "running total to 14/02/2023"));
  g_assert_null (bc_report_page_get_rollup_notice (page));

  bc_test_set_values (f->store, f->months->pdata[0], edit);
  bc_report_page_check_now (page);
  g_assert_nonnull (bc_report_page_get_rollup_notice (page));
  g_assert_nonnull (strstr (bc_report_page_get_rollup_notice (page), "1 value"));
  /* Never by itself: the form still shows the old sum. */
  g_assert_cmpstr (bc_report_get (bc_report_page_get_report (page), "fig/digitised_city"), ==, "314");

  g_assert_true (bc_report_page_rollup_update (page, &error));
  g_assert_no_error (error);
  bc_test_spin ();
  g_assert_null (bc_report_page_get_rollup_notice (page));
  g_assert_cmpstr (bc_report_get (bc_report_page_get_report (page), "fig/digitised_city"), ==, "1207");
  g_clear_object (&report);
  report = bc_store_open_report (f->store, bc_report_get_id (bc_report_page_get_report (page)), NULL);
  g_assert_cmpstr (bc_report_get (report, "fig/digitised_city"), ==, "1207");
}

/* The bar's Update lists the stale values first: Cancel changes nothing,
 * Update takes the new ones. */
static void
test_update_asks (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *edit[] = { "fig/digitised_city", "1000", NULL };
  AdwMessageDialog *dialog;
  BcReportPage *page;

  report = bc_store_create_rollup_report (f->store, f->target, NULL, UNIT, "2022-12-15", "2023-03-14", NULL, &error);
  g_assert_no_error (error);
  bc_window_open_report (f->window, bc_report_get_id (report), NULL);
  page = bc_window_get_report_page (f->window);
  bc_test_spin ();
  bc_test_set_values (f->store, f->months->pdata[0], edit);
  bc_report_page_check_now (page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.rollup-update", NULL));
  dialog = bc_test_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Update from the Monthly Reports?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "314 → 1.207"));
  bc_test_answer_dialog (dialog, "cancel");
  g_assert_cmpstr (bc_report_get (bc_report_page_get_report (page), "fig/digitised_city"), ==, "314");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.rollup-update", NULL));
  bc_test_answer_dialog (bc_test_message_dialog (), "update");
  g_assert_cmpstr (bc_report_get (bc_report_page_get_report (page), "fig/digitised_city"), ==, "1207");
  g_assert_null (bc_report_page_get_rollup_notice (page));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/bc/ui/rollup/dialog", Fixture, NULL, fixture_set_up, test_dialog, fixture_tear_down);
  g_test_add ("/bc/ui/rollup/provenance-and-update", Fixture, NULL, fixture_set_up,
              test_provenance_and_update, fixture_tear_down);
  g_test_add ("/bc/ui/rollup/update-asks", Fixture, NULL, fixture_set_up, test_update_asks, fixture_tear_down);
  return g_test_run ();
}
