/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan follow-up in the window: a row per task of the plan, its
 * status chosen in a drop-down (a date given with it), its date and note
 * typed, all stored; the counts above follow. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "bc-followup-form.h"
#include "bc-period.h"
#include "bc-plan-status-window.h"
#include "bc-plan-task-row.h"
#include "bc-report-page.h"
#include "bc-report.h"
#include "bc-section-form.h"
#include "bc-test-utils.h"
#include "bc-test-window.h"
#include "bc-window.h"

typedef BcTestWindow Fixture;

/* The plan the library holds besides the report. */
static gint64 plan_id;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", "annual-plan-2024.json", NULL);
  g_autoptr(BcTemplate) monthly = bc_test_load_template ("province-monthly");
  g_autoptr(BcReport) report = NULL;
  const char *to = data;

  bc_test_window_set_up (f);
  plan_id = bc_store_import_json_file (f->store, plan, &error);
  g_assert_no_error (error);
  report = bc_store_create_report (f->store, monthly, "Tỉnh Bà Rịa - Vũng Tàu",
                                   g_str_equal (to, "2024-06-20") ? "2024-05-21" : "2023-05-21", to, &error);
  g_assert_no_error (error);
  bc_test_window_open (f, bc_report_get_id (report));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  bc_test_window_tear_down (f);
}

static BcFollowupForm *
show_followup (Fixture *f)
{
  GtkWidget *form;

  g_assert_true (bc_report_page_show_key (f->page, "sec/plan_followup"));
  bc_test_spin ();
  form = bc_report_page_get_form (f->page);
  return BC_FOLLOWUP_FORM (bc_section_form_get_part (form, BC_TYPE_FOLLOWUP_FORM));
}

/* The labels under @widget that show italics; none may show a star:
 * the plan's "*…*" is emphasis, not text. */
static guint
count_italic_labels (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_LABEL (widget))
    {
      PangoAttrList *attrs = pango_layout_get_attributes (gtk_label_get_layout (GTK_LABEL (widget)));
      g_autoptr(GSList) list = attrs ? pango_attr_list_get_attributes (attrs) : NULL;

      g_assert_null (strchr (gtk_label_get_text (GTK_LABEL (widget)), '*'));
      for (GSList *l = list; l != NULL; l = l->next)
        if (((PangoAttribute *) l->data)->klass->type == PANGO_ATTR_STYLE)
          n++;
      g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
      return n > 0;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_italic_labels (child);
  return n;
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  BcFollowupForm *form = show_followup (f);
  BcFollowupRow *row;
  g_autoptr(BcFollowupItem) first = NULL;
  const char *item;
  g_autofree char *status_key = NULL;
  g_autofree char *date_key = NULL;
  g_autofree char *note_key = NULL;
  g_autofree char *status = NULL;
  g_autofree char *date = NULL;
  g_autofree char *typed_date = NULL;
  g_autofree char *note = NULL;
  g_autofree char *today = NULL;
  GDate day;

  g_assert_nonnull (form);
  g_assert_cmpuint (g_list_model_get_n_items (bc_followup_form_get_model (form)), ==, 58);
  g_assert_cmpstr (bc_followup_form_get_summary (form), ==,
                   "58 tasks: 0 done, 0 in progress, 58 not started, 0 not done");
  /* The plan writes 24 of its tasks in italics. */
  {
    guint italic = 0;

    for (guint i = 0; i < 58; i++)
      italic += count_italic_labels (GTK_WIDGET (bc_followup_form_get_row (form, i)));
    g_assert_cmpuint (italic, ==, 24);
  }
  row = bc_followup_form_get_row (form, 0);
  first = g_list_model_get_item (bc_followup_form_get_model (form), 0);
  item = bc_followup_item_get_item (first);
  status_key = g_strdup_printf ("sec/plan_followup/%s/status", item);
  date_key = g_strdup_printf ("sec/plan_followup/%s/date", item);
  note_key = g_strdup_printf ("sec/plan_followup/%s/note", item);

  /* Done: today's date comes with it. */
  gtk_drop_down_set_selected (bc_followup_row_get_status (row), 2);
  bc_test_spin ();
  status = bc_test_window_stored (f, status_key);
  g_assert_cmpstr (status, ==, "done");
  bc_date_today (&day);
  today = bc_date_to_iso (&day);
  date = bc_test_window_stored (f, date_key);
  g_assert_cmpstr (date, ==, today);
  g_assert_cmpstr (bc_followup_form_get_summary (form), ==,
                   "58 tasks: 1 done, 0 in progress, 57 not started, 0 not done");

  /* The date as the clerk types it; the note. */
  gtk_editable_set_text (bc_followup_row_get_date (row), "03/06/2024");
  g_signal_emit_by_name (bc_followup_row_get_date (row), "activate");
  gtk_editable_set_text (bc_followup_row_get_note (row), "Đã nâng cấp trung tâm dữ liệu");
  bc_test_spin ();
  typed_date = bc_test_window_stored (f, date_key);
  g_assert_cmpstr (typed_date, ==, "2024-06-03");
  note = bc_test_window_stored (f, note_key);
  g_assert_cmpstr (note, ==, "Đã nâng cấp trung tâm dữ liệu");

  /* Set back elsewhere (undo): the drop-down follows. */
  {
    BcEdit edit = { status_key, "in_progress" };

    g_assert_true (bc_edit_session_apply (bc_report_page_get_session (f->page), &edit, 1, NULL));
    bc_test_spin ();
    g_assert_cmpuint (gtk_drop_down_get_selected (bc_followup_row_get_status (row)), ==, 1);
  }
}

/* A task an earlier report said was done, not done here: its row says
 * when it was done, until it is done again. */
static void
test_done_stays_done (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcTemplate) monthly = bc_test_load_template ("province-monthly");
  g_autoptr(BcReport) may = bc_store_create_report (f->store, monthly, "Tỉnh Bà Rịa - Vũng Tàu", "2024-04-21",
                                                    "2024-05-20", &error);
  BcFollowupForm *form;
  BcFollowupRow *row;
  const char *said;

  g_assert_no_error (error);
  {
    const char *kv[] = { "sec/plan_followup/t1/status", "done", "sec/plan_followup/t1/date", "2024-05-10", NULL };

    g_assert_cmpstr (bc_report_get (may, "sec/plan_followup/t1/ref"), ==, "sec/common_tasks/t1");
    bc_test_set_values (f->store, may, kv);
  }
  /* June was made before May said so: the page, made again, looks back. */
  bc_window_open_report (f->window, plan_id, NULL);
  bc_test_spin ();
  bc_window_open_report (f->window, f->id, NULL);
  f->page = bc_window_get_report_page (f->window);
  bc_test_spin ();
  form = show_followup (f);
  row = bc_followup_form_get_row (form, 0);
  said = bc_followup_row_get_undone (row);
  g_assert_nonnull (said);
  g_assert_nonnull (strstr (said, "21/04/2024 – 20/05/2024 (10/05/2024)"));
  g_assert_null (bc_followup_row_get_undone (bc_followup_form_get_row (form, 1)));
  gtk_drop_down_set_selected (bc_followup_row_get_status (row), 2);
  bc_test_spin ();
  g_assert_null (bc_followup_row_get_undone (row));
  gtk_drop_down_set_selected (bc_followup_row_get_status (row), 1);
  bc_test_spin ();
  g_assert_nonnull (bc_followup_row_get_undone (row));
}

/* The plan amended since the report was made: a bar says so; the
 * update lists the new task and takes it, one undo takes it back. */
static void
test_plan_update (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) plan = bc_store_open_report (f->store, plan_id, &error);
  const char *amend[] = {
    "sec/common_tasks/order", "t1,t2,t3,t4,t5,t6,t7,t8,t9,t10,t11",
    "sec/common_tasks/t11/content", "Rà soát dữ liệu hộ tịch điện tử",
    "sec/common_tasks/t11/lead", "Sở Tư pháp",
    NULL,
  };
  g_autofree char *listed = NULL;
  BcFollowupForm *form;

  g_assert_no_error (error);
  g_assert_null (bc_report_page_get_plan_notice (f->page));
  bc_test_set_values (f->store, plan, amend);
  bc_report_page_check_now (f->page);
  bc_test_spin ();
  g_assert_nonnull (bc_report_page_get_plan_notice (f->page));
  listed = bc_report_page_describe_plan_update (f->page, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (listed, ==, "• New task: Rà soát dữ liệu hộ tịch điện tử");
  form = show_followup (f);
  g_assert_true (bc_report_page_plan_update (f->page, &error));
  g_assert_no_error (error);
  bc_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (bc_followup_form_get_model (form)), ==, 59);
  g_assert_null (bc_report_page_get_plan_notice (f->page));
  g_assert_true (bc_edit_session_undo (bc_report_page_get_session (f->page)));
  bc_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (bc_followup_form_get_model (form)), ==, 58);
}

/* No plan in force: the form says so, and has no row. */
static void
test_no_plan (Fixture       *f,
              gconstpointer  data)
{
  BcFollowupForm *form = show_followup (f);

  g_assert_nonnull (form);
  g_assert_cmpuint (g_list_model_get_n_items (bc_followup_form_get_model (form)), ==, 0);
  g_assert_null (bc_followup_form_get_row (form, 0));
}

static BcPlanStatusWindow *
find_plan_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (BC_IS_PLAN_STATUS_WINDOW (window))
        return BC_PLAN_STATUS_WINDOW (window);
    }
  return NULL;
}

/* The plan's tasks in a window of their own, opened from the plan: the
 * month's word on task 1 in its history, overdue ones first, and the
 * XLSX written. */
static void
test_plan_status (Fixture       *f,
                  gconstpointer  data)
{
  BcFollowupForm *form = show_followup (f);
  BcPlanStatusWindow *window;
  GListModel *model;
  g_autofree char *xlsx = g_build_filename (f->dir, "plan.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "plan.pdf", NULL);
  g_autoptr(GError) error = NULL;
  const char *history = NULL;

  gtk_drop_down_set_selected (bc_followup_row_get_status (bc_followup_form_get_row (form, 0)), 2);
  bc_test_spin ();
  g_assert_true (bc_report_page_flush (f->page, &error));
  g_assert_no_error (error);
  g_assert_null (find_plan_window ());
  bc_window_open_report (f->window, plan_id, NULL);
  bc_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bc_window_get_report_page (f->window)),
                                             "report.plan-status", NULL));
  bc_test_spin ();
  window = find_plan_window ();
  g_assert_nonnull (window);
  /* Read in a thread: the window is there at once, its tasks after. */
  {
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (bc_plan_status_window_is_loading (window) && g_get_monotonic_time () < deadline)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    g_assert_false (bc_plan_status_window_is_loading (window));
  }
  model = bc_plan_status_window_get_model (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 58);
  g_assert_true (g_str_has_prefix (bc_plan_status_window_get_summary (window), "58 tasks, "));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BcPlanTaskItem) item = g_list_model_get_item (model, i);
      const BcPlanTask *task = bc_plan_task_item_get_task (item);

      if (i == 0)
        g_assert_true (task->overdue);
      if (g_str_equal (task->ref, "sec/common_tasks/t1"))
        {
          g_assert_cmpint (task->status, ==, BC_TASK_DONE);
          history = bc_plan_task_row_get_history (BC_PLAN_TASK_ROW (bc_plan_status_window_get_row (window, i)));
        }
    }
  g_assert_nonnull (history);
  g_assert_nonnull (strstr (history, "Tỉnh Bà Rịa - Vũng Tàu · Done"));
  {
    guint italic = 0;

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      italic += count_italic_labels (GTK_WIDGET (bc_plan_status_window_get_row (window, i)));
    g_assert_cmpuint (italic, ==, 24);
  }
  g_assert_true (bc_plan_status_window_export (window, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_assert_false (bc_plan_status_window_export (window, pdf, &error));
  g_assert_nonnull (error);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  bc_test_spin ();
  bc_test_assert_finalized_soon (window);

  /* Closed while it reads: the reading stops, the window goes. */
  {
    g_autoptr(GError) open_error = NULL;
    g_autoptr(BcReport) plan = bc_store_open_report (f->store, plan_id, &open_error);

    g_assert_no_error (open_error);
    window = g_object_ref (bc_plan_status_window_new (NULL, f->store, plan));
    g_assert_true (bc_plan_status_window_is_loading (window));
    gtk_window_destroy (GTK_WINDOW (window));
    bc_test_assert_finalized_soon (window);
  }
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/bc/ui/followup/edit", Fixture, "2024-06-20", fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/bc/ui/followup/plan-status", Fixture, "2024-06-20", fixture_set_up, test_plan_status,
              fixture_tear_down);
  g_test_add ("/bc/ui/followup/done-stays-done", Fixture, "2024-06-20", fixture_set_up, test_done_stays_done,
              fixture_tear_down);
  g_test_add ("/bc/ui/followup/plan-update", Fixture, "2024-06-20", fixture_set_up, test_plan_update,
              fixture_tear_down);
  g_test_add ("/bc/ui/followup/no-plan", Fixture, "2023-06-20", fixture_set_up, test_no_plan, fixture_tear_down);
  return g_test_run ();
}
