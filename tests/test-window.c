/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "bc-new-report-dialog.h"
#include "bc-report-item.h"
#include "bc-report-row.h"
#include "bc-report.h"
#include "bc-test-utils.h"
#include "bc-test-window.h"
#include "bc-window.h"

#define UNIT "Thành phố Phan Rang - Tháp Chàm"

typedef struct
{
  char      *dir;
  BcStore   *store;
  GPtrArray *templates;
  BcWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = bc_test_mkdtemp ();
  fixture->store = bc_test_open_store (fixture->dir, "library.db");
  fixture->templates = bc_test_load_templates ();
  g_assert_cmpuint (fixture->templates->len, >, 0);
  /* GTK owns toplevels: hold a reference of our own to check finalization. */
  fixture->window = g_object_ref (bc_window_new (NULL, fixture->store, fixture->templates));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  bc_test_spin ();
  g_assert_finalize_object (fixture->window);
  g_ptr_array_unref (fixture->templates);
  g_assert_finalize_object (fixture->store);
  bc_test_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Every label's text under @widget, in order, separated by newlines. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static char *
row_text (GtkListBox *list,
          int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (row);
  collect_text (GTK_WIDGET (row), text);
  return g_string_free (text, FALSE);
}

static int
find_row (GtkListBox *list,
          const char *needle)
{
  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      g_autofree char *text = row_text (list, i);
      if (strstr (text, needle) != NULL)
        return i;
    }
  return -1;
}

static void
created_cb (BcNewReportDialog *dialog,
            gint64             id,
            gint64            *out)
{
  *out = id;
}

/* Makes a report the way the Create button does, through the window's dialog. */
static gint64
create_report (Fixture    *fixture,
               const char *from,
               const char *to)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = bc_window_new_report (fixture->window);
  gint64 id = 0;

  g_assert_true (BC_IS_NEW_REPORT_DIALOG (dialog));
  g_signal_connect (dialog, "created", G_CALLBACK (created_cb), &id);
  g_assert_true (bc_new_report_dialog_create (BC_NEW_REPORT_DIALOG (dialog), "district-monthly",
                                              UNIT, from, to, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  bc_test_spin ();
  return id;
}

/* A library with neither report nor office profile asks for the profile
 * first (tests/test-office-ui.c); no report list is shown. */
static BcReportList *
report_list (Fixture *fixture)
{
  return bc_library_view_get_list (bc_window_get_library_view (fixture->window));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_assert_true (bc_window_is_setup_shown (fixture->window));
  g_assert_false (bc_window_is_empty_shown (fixture->window));
  g_assert_cmpuint (bc_window_get_n_reports (fixture->window), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report_list (fixture))), ==, 0);
  g_assert_cmpint (bc_window_get_open_report_id (fixture->window), ==, 0);
}

static void
test_create_open_delete (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkListBox *outline = bc_window_get_outline (fixture->window);
  GtkListView *view = bc_library_view_get_list_view (bc_window_get_library_view (fixture->window));
  g_autoptr(BcReportItem) item = NULL;
  GtkWidget *row = g_object_ref_sink (bc_report_row_new ());
  g_autofree char *header = NULL;
  gint64 id;

  id = create_report (fixture, "2024-05-15", "2024-06-14");

  /* The list has the report, and the window opened it. */
  g_assert_false (bc_window_is_empty_shown (fixture->window));
  g_assert_cmpuint (bc_window_get_n_reports (fixture->window), ==, 1);
  /* A heading for the period, then the report. */
  item = g_list_model_get_item (G_LIST_MODEL (report_list (fixture)), 1);
  bc_report_row_set_item (BC_REPORT_ROW (row), item);
  g_assert_cmpstr (bc_report_row_get_title (BC_REPORT_ROW (row)), ==, UNIT);
  g_assert_nonnull (strstr (bc_report_row_get_subtitle (BC_REPORT_ROW (row)), "15/05/2024 – 14/06/2024"));
  g_assert_cmpint (bc_report_item_get_id (item), ==, id);
  bc_report_row_set_item (BC_REPORT_ROW (row), NULL);
  g_object_unref (row);
  g_assert_cmpint (bc_window_get_open_report_id (fixture->window), ==, id);

  /* Going back and opening it again from the list (which was rebuilt). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-list", NULL));
  bc_test_spin ();
  g_signal_emit_by_name (view, "activate", 1);
  g_assert_cmpint (bc_window_get_open_report_id (fixture->window), ==, id);

  /* The outline: the header, the sections by number, the appendices. */
  header = row_text (outline, 0);
  g_assert_nonnull (strstr (header, "Header"));
  g_assert_cmpint (find_row (outline, "CÔNG TÁC CHỈ ĐẠO TRIỂN KHAI"), ==, 1);
  g_assert_cmpint (find_row (outline, "2.1."), >, 1);
  g_assert_cmpint (find_row (outline, "Phụ lục 02"), >, find_row (outline, "V."));
  g_assert_true (gtk_list_box_get_selected_row (outline) == gtk_list_box_get_row_at_index (outline, 0));
  gtk_list_box_select_row (outline, gtk_list_box_get_row_at_index (outline, 1));
  gtk_list_box_select_row (outline, gtk_list_box_get_row_at_index (outline, find_row (outline, "2.1.")));
  gtk_list_box_select_row (outline, gtk_list_box_get_row_at_index (outline, find_row (outline, "Phụ lục 02")));

  /* Deleting asks first; cancelling keeps the report. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-report", "x", id));
  bc_test_answer_dialog (bc_test_message_dialog (), "cancel");
  g_assert_cmpuint (bc_window_get_n_reports (fixture->window), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-report", "x", id));
  bc_test_answer_dialog (bc_test_message_dialog (), "delete");

  /* Nothing left, and no office profile: the first-run page again. */
  g_assert_true (bc_window_is_setup_shown (fixture->window));
  g_assert_cmpuint (bc_window_get_n_reports (fixture->window), ==, 0);
  g_assert_cmpint (bc_window_get_open_report_id (fixture->window), ==, 0);
}

/* "Next period" on a report whose next period has its report opens that
 * one, however often it is clicked; "baocao next" refuses by the same rule. */
static void
test_next_period_once (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  gint64 id, next_id;

  id = create_report (fixture, "2024-05-15", "2024-06-14");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.duplicate-report", "x", id));
  next_id = bc_window_get_open_report_id (fixture->window);
  g_assert_cmpint (next_id, !=, id);

  /* Back to the first report, then "next period" twice more. */
  bc_window_open_report (fixture->window, id, NULL);
  g_assert_cmpint (bc_window_get_open_report_id (fixture->window), ==, id);
  for (int i = 0; i < 2; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.duplicate-report", "x", id));
      bc_test_spin ();
      g_assert_cmpint (bc_window_get_open_report_id (fixture->window), ==, next_id);
    }
  g_assert_cmpuint (bc_window_get_n_reports (fixture->window), ==, 2);
  reports = bc_store_list_reports (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 2);
}

static void
test_next_period (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(BcReport) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReportItem) item = NULL;
  gint64 id, next_id;

  id = create_report (fixture, "2024-05-15", "2024-06-14");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.duplicate-report", "x", id));
  g_assert_cmpuint (bc_window_get_n_reports (fixture->window), ==, 2);
  next_id = bc_window_get_open_report_id (fixture->window);
  g_assert_cmpint (next_id, !=, id);
  next = bc_store_open_report (fixture->store, next_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get_period_from (next), ==, "2024-06-15");
  g_assert_cmpstr (bc_report_get_period_to (next), ==, "2024-07-14");

  /* Newest period first. */
  item = g_list_model_get_item (G_LIST_MODEL (report_list (fixture)), 1);
  g_assert_cmpint (bc_report_item_get_id (item), ==, next_id);

  g_assert_true (bc_window_delete_report (fixture->window, next_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bc_window_get_open_report_id (fixture->window), ==, 0);
  g_assert_true (bc_window_delete_report (fixture->window, id, &error));
  g_assert_true (bc_window_is_setup_shown (fixture->window));

  /* A report that is gone cannot be deleted twice. */
  g_assert_false (bc_window_delete_report (fixture->window, id, &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND);
}

static void
find_rows (GtkWidget *widget,
           GType      type,
           GPtrArray *rows)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_rows (child, type, rows);
}

static gboolean
set_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The labels under @widget whose text is @text. */
static void
find_labels (GtkWidget  *widget,
             const char *text,
             GPtrArray  *labels)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_labels (child, text, labels);
}

/* Issue 10, item 17: every template's name, chosen in the New Report
 * dialog, shows within the dialog whole or ending with "…": its laid-out
 * text is no wider than the label, the label no wider than the dialog. */
static void
test_dialog_names_fit (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  GtkWidget *dialog = bc_window_new_report (fixture->window);
  AdwComboRow *template_row;

  gtk_window_present (GTK_WINDOW (dialog));
  find_rows (dialog, ADW_TYPE_COMBO_ROW, combos);
  template_row = combos->pdata[combos->len - 1];
  for (guint i = 0; i < fixture->templates->len; i++)
    {
      const char *name = bc_template_get_name (fixture->templates->pdata[i]);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      gboolean done = FALSE;

      adw_combo_row_set_selected (template_row, i);
      /* Laid out again, however slow the machine. */
      g_timeout_add (200, set_done_cb, &done);
      while (!done || gtk_widget_get_width (GTK_WIDGET (template_row)) == 0)
        g_main_context_iteration (NULL, TRUE);
      find_labels (GTK_WIDGET (template_row), name, labels);
      g_assert_cmpuint (labels->len, >, 0);
      for (guint l = 0; l < labels->len; l++)
        {
          GtkWidget *label = labels->pdata[l];
          PangoRectangle logical;
          graphene_rect_t bounds;

          if (!gtk_widget_get_mapped (label))
            continue;
          pango_layout_get_pixel_extents (gtk_label_get_layout (GTK_LABEL (label)), NULL, &logical);
          g_assert_cmpint (logical.width, <=, gtk_widget_get_width (label) + 1);
          g_assert_true (gtk_widget_compute_bounds (label, dialog, &bounds));
          g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (dialog));
        }
    }
  /* Dropped down, the list shows every name the same way. */
  {
    gboolean done = FALSE;
    GtkWidget *popover;

    g_assert_true (gtk_widget_activate (GTK_WIDGET (template_row)));
    g_timeout_add (400, set_done_cb, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
    {
      g_autoptr(GPtrArray) popovers = g_ptr_array_new ();

      find_rows (GTK_WIDGET (template_row), GTK_TYPE_POPOVER, popovers);
      g_assert_cmpuint (popovers->len, ==, 1);
      popover = popovers->pdata[0];
    }
    g_assert_true (gtk_widget_get_mapped (popover));
    for (guint i = 0; i < fixture->templates->len; i++)
      {
        g_autoptr(GPtrArray) labels = g_ptr_array_new ();
        guint shown = 0;

        find_labels (popover, bc_template_get_name (fixture->templates->pdata[i]), labels);
        for (guint l = 0; l < labels->len; l++)
          {
            GtkWidget *label = labels->pdata[l];
            PangoRectangle logical;
            graphene_rect_t bounds;

            if (!gtk_widget_get_mapped (label))
              continue;
            shown++;
            pango_layout_get_pixel_extents (gtk_label_get_layout (GTK_LABEL (label)), NULL, &logical);
            g_assert_cmpint (logical.width, <=, gtk_widget_get_width (label) + 1);
            g_assert_true (gtk_widget_compute_bounds (label, popover, &bounds));
            g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (popover));
          }
        g_assert_cmpuint (shown, >, 0);
      }
    gtk_popover_popdown (GTK_POPOVER (popover));
    done = FALSE;
    g_timeout_add (200, set_done_cb, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* What Enter in one of the dialog's fields does; a button shows itself
 * pressed for a quarter of a second before it is clicked. */
static void
press_enter (GtkWidget *dialog)
{
  gboolean done = FALSE;

  g_assert_true (gtk_widget_activate_action (dialog, "default.activate", NULL));
  g_timeout_add (400, set_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  bc_test_spin ();
}

/* Create, and Enter, wait for dates that make one of the template's
 * periods, and say why they do not; a half-typed date makes no report. */
static void
test_dialog_period (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = bc_window_new_report (fixture->window);
  gint64 id = 0;
  guint district = G_MAXUINT;
  const char *reason;

  g_signal_connect (dialog, "created", G_CALLBACK (created_cb), &id);
  for (guint i = 0; i < fixture->templates->len; i++)
    if (g_str_equal (bc_template_get_id (fixture->templates->pdata[i]), "district-monthly"))
      district = i;
  find_rows (dialog, ADW_TYPE_COMBO_ROW, combos);
  find_rows (dialog, ADW_TYPE_ENTRY_ROW, entries);
  /* Without a profile the office row is hidden and the unit is typed. */
  g_assert_cmpuint (combos->len, ==, 2);
  g_assert_false (gtk_widget_get_visible (combos->pdata[0]));
  g_assert_cmpuint (entries->len, ==, 3);
  adw_combo_row_set_selected (combos->pdata[1], district);
  gtk_editable_set_text (entries->pdata[0], UNIT);
  gtk_editable_set_text (entries->pdata[1], "15/05/2024");

  /* Halfway through the year of the last day: said why, under the dates. */
  gtk_editable_set_text (entries->pdata[2], "14/06/20");
  reason = bc_new_report_dialog_get_reason (BC_NEW_REPORT_DIALOG (dialog));
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "dd/mm/yyyy"));
  press_enter (dialog);
  g_assert_cmpint (id, ==, 0);
  /* A day the calendar does not have. */
  gtk_editable_set_text (entries->pdata[2], "31/02/2024");
  reason = bc_new_report_dialog_get_reason (BC_NEW_REPORT_DIALOG (dialog));
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "31/02/2024"));
  g_assert_nonnull (strstr (reason, "02/2024"));
  press_enter (dialog);
  g_assert_cmpint (id, ==, 0);
  /* A whole date, years off: 1.400 days, not a month. */
  gtk_editable_set_text (entries->pdata[2], "14/03/2028");
  reason = bc_new_report_dialog_get_reason (BC_NEW_REPORT_DIALOG (dialog));
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "15/05/2024 – 14/03/2028"));
  g_assert_nonnull (strstr (reason, "15/05/2024 – 14/06/2024"));
  /* Shown whole, not cut by the window's edge (once laid out: a loaded
   * machine may take a few frames). */
  {
    GtkWidget *label = bc_new_report_dialog_get_reason_label (BC_NEW_REPORT_DIALOG (dialog));
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    graphene_rect_t bounds;

    gtk_window_present (GTK_WINDOW (dialog));
    do
      {
        bc_test_spin ();
        g_assert_true (gtk_widget_compute_bounds (label, dialog, &bounds));
      }
    while ((bounds.size.height <= 0 || gtk_widget_get_height (dialog) <= 0) && g_get_monotonic_time () < deadline);
    g_assert_cmpfloat (bounds.size.height, >, 30);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (dialog));
  }
  press_enter (dialog);
  g_assert_cmpint (id, ==, 0);
  /* One day short of the month. */
  gtk_editable_set_text (entries->pdata[2], "13/06/2024");
  g_assert_nonnull (bc_new_report_dialog_get_reason (BC_NEW_REPORT_DIALOG (dialog)));
  press_enter (dialog);
  g_assert_cmpint (id, ==, 0);
  reports = bc_store_list_reports (fixture->store, &error);
  g_assert_cmpuint (reports->len, ==, 0);

  gtk_editable_set_text (entries->pdata[2], "14/06/2024");
  g_assert_null (bc_new_report_dialog_get_reason (BC_NEW_REPORT_DIALOG (dialog)));
  press_enter (dialog);
  g_assert_cmpint (id, >, 0);
  report = bc_store_open_report (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get_period_to (report), ==, "2024-06-14");

  /* The same period again: the dialog says which report it has. */
  dialog = bc_window_new_report (fixture->window);
  g_ptr_array_set_size (combos, 0);
  g_ptr_array_set_size (entries, 0);
  find_rows (dialog, ADW_TYPE_COMBO_ROW, combos);
  find_rows (dialog, ADW_TYPE_ENTRY_ROW, entries);
  adw_combo_row_set_selected (combos->pdata[1], district);
  gtk_editable_set_text (entries->pdata[1], "15/05/2024");
  gtk_editable_set_text (entries->pdata[2], "14/06/2024");
  gtk_editable_set_text (entries->pdata[0], UNIT);
  reason = bc_new_report_dialog_get_reason (BC_NEW_REPORT_DIALOG (dialog));
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "report 1"));
  id = 0;
  g_signal_connect (dialog, "created", G_CALLBACK (created_cb), &id);
  press_enter (dialog);
  g_assert_cmpint (id, ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  bc_test_spin ();
}

static void
test_dialog_refuses (Fixture       *fixture,
                     gconstpointer  user_data)
{
  static const struct
  {
    const char *template_id;
    const char *unit;
    const char *from;
    const char *to;
  } cases[] = {
    { "district-monthly", "", "2024-05-15", "2024-06-14" },
    { "district-monthly", "   ", "2024-05-15", "2024-06-14" },
    { "no-such-template", UNIT, "2024-05-15", "2024-06-14" },
    { "district-monthly", UNIT, "2024-06-14", "2024-05-15" },
    { "district-monthly", UNIT, "15/05/2024", "2024-06-14" },
    { "district-monthly", UNIT, "2024-05-15", "2028-03-14" },
    { "district-monthly", UNIT, "2024-05-01", "2024-05-31" },
  };
  GtkWidget *dialog = bc_window_new_report (fixture->window);
  gint64 id = 0;

  g_signal_connect (dialog, "created", G_CALLBACK (created_cb), &id);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_false (bc_new_report_dialog_create (BC_NEW_REPORT_DIALOG (dialog), cases[i].template_id,
                                                   cases[i].unit, cases[i].from, cases[i].to, &error));
      g_assert_nonnull (error);
      g_assert_cmpint (id, ==, 0);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (bc_window_is_setup_shown (fixture->window));
}


static gint64
add_report (Fixture    *fixture,
            const char *template_id,
            const char *unit,
            const char *from,
            const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = NULL;
  BcTemplate *template = NULL;

  for (guint i = 0; i < fixture->templates->len; i++)
    if (g_str_equal (bc_template_get_id (fixture->templates->pdata[i]), template_id))
      template = fixture->templates->pdata[i];
  report = bc_store_create_report (fixture->store, template, unit, from, to, &error);
  g_assert_no_error (error);
  return bc_report_get_id (report);
}

static guint
count_rows (GtkWidget *widget)
{
  guint n = BC_IS_REPORT_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

static void
wait_for (gboolean (*done) (gpointer), gpointer data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
indexed (gpointer list)
{
  return !bc_report_list_is_indexing (list);
}

static gboolean
has_errors (gpointer item)
{
  return bc_report_item_get_summary (item)->errors > 0;
}

/* A library of 300 reports: rows are made for the screen only; Ctrl+F
 * searches; a change made by another program shows in the list by
 * itself. */
static void
test_library_list (Fixture       *fixture,
                   gconstpointer  user_data)
{
  BcLibraryView *view = bc_window_get_library_view (fixture->window);
  BcReportList *list = report_list (fixture);
  GtkEditable *entry = bc_library_view_get_search_entry (view);
  g_autoptr(BcStore) other = bc_test_open_store (fixture->dir, "library.db");
  g_autoptr(BcReportItem) item = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean search_mode;
  gint64 first = 0;

  for (guint m = 0; m < 12; m++)
    for (guint u = 1; u <= 25; u++)
      {
        g_autofree char *unit = g_strdup_printf ("Huyện số %u", u);
        g_autofree char *from = g_strdup_printf ("2023-%02u-15", m + 1);
        g_autofree char *to = m < 11 ? g_strdup_printf ("2023-%02u-14", m + 2) : g_strdup ("2024-01-14");
        gint64 id = add_report (fixture, "district-monthly", unit, from, to);
        first = first ? first : id;
      }
  bc_window_reload (fixture->window);
  /* So many new reports are indexed in a thread; the list follows. */
  g_assert_true (bc_report_list_is_indexing (list));
  wait_for (indexed, list);
  bc_window_reload (fixture->window);
  bc_test_spin ();
  g_assert_cmpuint (bc_window_get_n_reports (fixture->window), ==, 300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 312);
  /* Their units stopped reporting in 2023: the window shows first what
   * they owe, late. */
  {
    GtkListBox *due = bc_library_view_get_due_list (view);
    GtkListBoxRow *row = due ? gtk_list_box_get_row_at_index (due, 0) : NULL;
    g_assert_nonnull (row);
    g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Huyện số"));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "days late"));
  }
  /* GTK 4.8's list view keeps at most 200 rows around the screen. */
  g_assert_cmpuint (count_rows (GTK_WIDGET (view)), >, 5);
  g_assert_cmpuint (count_rows (GTK_WIDGET (view)), <=, 210);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
  g_object_get (view, "search-mode", &search_mode, NULL);
  g_assert_true (search_mode);
  gtk_editable_set_text (entry, "huyen so 7 thang 3");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (bc_report_list_get_n_reports (list), ==, 1);
  gtk_editable_set_text (entry, "Hà Nội");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (bc_report_list_get_n_reports (list), ==, 0);
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpuint (bc_report_list_get_n_reports (list), ==, 300);

  /* The first report, changed by another program: an online count above
   * its total is an error, which its row shows within a second or two. */
  item = g_list_model_get_item (G_LIST_MODEL (list), bc_report_list_find (list, first));
  g_assert_cmpint (bc_report_item_get_summary (item)->errors, ==, 0);
  report = bc_store_open_report (other, first, &error);
  g_assert_true (bc_store_set_value (other, report, "tbl/dvc_district/4/total", "10", &error));
  g_assert_true (bc_store_set_value (other, report, "tbl/dvc_district/4/online", "20", &error));
  g_assert_no_error (error);
  wait_for (has_errors, item);
  g_assert_cmpint (bc_report_item_get_summary (item)->errors, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/bc/ui/window/library-list", Fixture, NULL,
              fixture_set_up, test_library_list, fixture_tear_down);
  g_test_add ("/bc/ui/window/empty", Fixture, NULL,
              fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/bc/ui/window/create-open-delete", Fixture, NULL,
              fixture_set_up, test_create_open_delete, fixture_tear_down);
  g_test_add ("/bc/ui/window/next-period", Fixture, NULL,
              fixture_set_up, test_next_period, fixture_tear_down);
  g_test_add ("/bc/ui/window/next-period-once", Fixture, NULL,
              fixture_set_up, test_next_period_once, fixture_tear_down);
  g_test_add ("/bc/ui/window/dialog-period", Fixture, NULL,
              fixture_set_up, test_dialog_period, fixture_tear_down);
  g_test_add ("/bc/ui/window/dialog-refuses", Fixture, NULL,
              fixture_set_up, test_dialog_refuses, fixture_tear_down);
  g_test_add ("/bc/ui/window/dialog-names-fit", Fixture, NULL,
              fixture_set_up, test_dialog_names_fit, fixture_tear_down);

  return g_test_run ();
}
