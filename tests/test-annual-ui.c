/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The annual reports in the window, driven through the widgets: numbered
 * paragraphs, footnotes and the citing of a document, the table of the
 * body placed after a paragraph, its percentage cells, the catalog's
 * items in the grid, the outline, and the figures counted over the year. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "bc-choice-button.h"
#include "bc-figures-form.h"
#include "bc-list-form.h"
#include "bc-outline-row.h"
#include "bc-report-page.h"
#include "bc-report.h"
#include "bc-section-form.h"
#include "bc-table-editor.h"
#include "bc-test-ui-utils.h"
#include "bc-test-utils.h"
#include "bc-test-window.h"
#include "bc-window.h"

typedef BcTestWindow Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *sample = g_strconcat (data, ".json", NULL);

  bc_test_window_set_up (f);
  bc_test_window_open (f, bc_test_window_import (f, sample));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  bc_test_window_tear_down (f);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
marks (Fixture    *f,
       const char *section)
{
  g_auto(GStrv) all = bc_report_paragraph_marks (bc_test_window_model (f), section);
  return g_strjoinv ("|", all);
}

/* A paragraph's level chosen in its drop-down: "(1)" and "1." numbers
 * follow the paragraphs through moves and removals. */
static void
test_numbered (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *form = bc_test_window_show (f, "sec/ecosystem");
  BcListForm *list = BC_LIST_FORM (bc_section_form_get_part (form, BC_TYPE_LIST_FORM));
  GtkWidget *level = NULL;
  g_autofree char *before = marks (f, "ecosystem");
  g_autofree char *after = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *level_stored = NULL;
  g_auto(GStrv) order = bc_report_get_list_order (bc_test_window_model (f), "ecosystem");
  g_autofree char *key = g_strdup_printf ("sec/ecosystem/%s/level", order[1]);

  g_assert_cmpstr (before, ==, "(1) |- |(2) |(3) ");
  /* The "-" paragraph becomes "(n)": the numbers after it move up. */
  /* The drop-down beside the paragraph's text. */
  for (GtkWidget *w = bc_list_form_get_input (list, 1, "text"); level == NULL && w != NULL; w = gtk_widget_get_parent (w))
    level = find_type (w, BC_TYPE_CHOICE_BUTTON);
  g_assert_nonnull (level);
  bc_choice_button_set_selected (BC_CHOICE_BUTTON (level), BC_LEVEL_BRACKETED);
  bc_test_spin ();
  after = marks (f, "ecosystem");
  g_assert_cmpstr (after, ==, "(1) |(2) |(3) |(4) ");
  level_stored = bc_test_window_stored (f, key);
  g_assert_cmpstr (level_stored, ==, "3");
  /* Moved up, then the first removed. */
  g_assert_true (bc_list_form_move (list, 3, -1));
  g_assert_true (bc_list_form_remove (list, 0));
  bc_test_spin ();
  moved = marks (f, "ecosystem");
  g_assert_cmpstr (moved, ==, "(1) |(2) |(3) ");
  g_assert_cmpuint (bc_list_form_get_n_items (list), ==, 3);
}

/* Footnotes typed under a paragraph, and a document cited as one. */
static void
test_footnotes (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *form = bc_test_window_show (f, "sec/ecosystem");
  BcListForm *list = BC_LIST_FORM (bc_section_form_get_part (form, BC_TYPE_LIST_FORM));
  GtkWidget *view = bc_list_form_get_input (list, 0, "footnote");
  g_auto(GStrv) order = bc_report_get_list_order (bc_test_window_model (f), "ecosystem");
  g_autofree char *key = g_strdup_printf ("sec/ecosystem/%s/footnote", order[0]);
  g_autofree char *value = NULL;

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "Công văn số 12/UBND-VP ngày 03/01/2022 của UBND tỉnh.", -1);
  value = bc_test_window_stored (f, key);
  g_assert_cmpstr (value, ==, "Công văn số 12/UBND-VP ngày 03/01/2022 của UBND tỉnh.");
}

/* "Cite a Document…" puts a document of the report, as printed, into a
 * paragraph's footnotes (a monthly report: it lists documents). */
static void
test_cite (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *form = bc_test_window_show (f, "sec/next_tasks");
  BcListForm *list = BC_LIST_FORM (bc_section_form_get_part (form, BC_TYPE_LIST_FORM));
  GtkWidget *menu = NULL;
  GtkPopover *popover;
  GtkWidget *first;
  g_auto(GStrv) order = bc_report_get_list_order (bc_test_window_model (f), "next_tasks");
  g_autofree char *key = g_strdup_printf ("sec/next_tasks/%s/footnote", order[0]);
  g_autofree char *value = NULL;

  for (GtkWidget *w = bc_list_form_get_input (list, 0, "footnote"); menu == NULL && w != NULL; w = gtk_widget_get_parent (w))
    menu = find_type (w, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
  bc_test_spin ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu));
  first = find_type (GTK_WIDGET (popover), GTK_TYPE_BUTTON);
  g_assert_nonnull (first);
  g_signal_emit_by_name (first, "clicked");
  bc_test_spin ();
  value = bc_test_window_stored (f, key);
  g_assert_true (g_str_has_prefix (value, "Công văn số 5096/UBND-VP ngày 22/4/2024"));
}

/* The table of the body: its toggle beside a paragraph places it; its
 * percentage cells take "62,5%" and refuse 101. */
/* Whether a label under @widget says @text. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static void
test_body_table (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *form = bc_test_window_show (f, "sec/ecosystem");
  BcListForm *list = BC_LIST_FORM (bc_section_form_get_part (form, BC_TYPE_LIST_FORM));
  GtkWidget *toggle = bc_list_form_get_place_toggle (list, 0, "edu_verification");
  g_auto(GStrv) order = bc_report_get_list_order (bc_test_window_model (f), "ecosystem");
  g_autofree char *place = NULL;
  g_autofree char *ratio = NULL;
  BcTableEditor *editor;
  GtkWidget *cell;

  g_assert_nonnull (toggle);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (bc_list_form_get_place_toggle (list, 2, "edu_verification"))));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  bc_test_spin ();
  place = bc_test_window_stored (f, "tbl/edu_verification/after");
  g_assert_cmpstr (place, ==, order[0]);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (bc_list_form_get_place_toggle (list, 2, "edu_verification"))));

  /* The outline lists the table under its section, not as an appendix. */
  editor = BC_TABLE_EDITOR (find_type (bc_test_window_show (f, "tbl/edu_verification/2/students_ratio"), BC_TYPE_TABLE_EDITOR));
  g_assert_nonnull (editor);
  /* Its name column says what its rows are, as the DOCX does. */
  g_assert_true (has_label (GTK_WIDGET (editor), "Cấp học"));
  g_assert_false (has_label (GTK_WIDGET (editor), "Service"));
  cell = bc_table_editor_get_cell (editor, "2", "students_ratio");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "81,12%");
  g_assert_true (bc_table_editor_focus_cell (editor, "2", "students_ratio"));
  gtk_editable_set_text (GTK_EDITABLE (cell), "62,5%");
  g_signal_emit_by_name (cell, "activate");
  bc_test_spin ();
  ratio = bc_test_window_stored (f, "tbl/edu_verification/2/students_ratio");
  g_assert_cmpstr (ratio, ==, "62.5");
  g_assert_true (bc_table_editor_focus_cell (editor, "2", "students_ratio"));
  gtk_editable_set_text (GTK_EDITABLE (cell), "101");
  g_signal_emit_by_name (cell, "activate");
  bc_test_spin ();
  g_assert_nonnull (bc_table_editor_get_message (editor));
  g_assert_nonnull (strstr (bc_table_editor_get_message (editor), "100%"));
  g_assert_cmpstr (bc_report_get (bc_test_window_model (f), "tbl/edu_verification/2/students_ratio"), ==, "62.5");
}

/* The pilot models: the items row under section 3, results typed in the
 * grid; the figures form speaks of the year. */
static void
test_catalog (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *form = bc_test_window_show (f, "tbl/pilot_models/3/result");
  BcTableEditor *editor = BC_TABLE_EDITOR (find_type (form, BC_TYPE_TABLE_EDITOR));
  GtkListBox *outline = bc_report_page_get_outline (f->page);
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (outline);
  GtkListBoxRow *above = gtk_list_box_get_row_at_index (outline, gtk_list_box_row_get_index (selected) - 1);
  const BcSection *section = bc_outline_item_get_section (bc_outline_row_get_item (BC_OUTLINE_ROW (above)));
  g_autofree char *result = NULL;
  GtkWidget *cell;
  BcFiguresForm *figures;
  GtkWidget *entry, *row;

  g_assert_nonnull (editor);
  g_assert_cmpstr (section->id, ==, "pilot_models");
  g_assert_null (bc_table_editor_get_cell (editor, "g1", "result"));
  cell = bc_table_editor_get_cell (editor, "3", "result");
  g_assert_true (bc_table_editor_focus_cell (editor, "3", "result"));
  gtk_editable_set_text (GTK_EDITABLE (cell), "đã triển khai tại 12 cơ sở");
  g_signal_emit_by_name (cell, "activate");
  bc_test_spin ();
  result = bc_test_window_stored (f, "tbl/pilot_models/3/result");
  g_assert_cmpstr (result, ==, "đã triển khai tại 12 cơ sở");

  figures = BC_FIGURES_FORM (bc_section_form_get_part (bc_test_window_show (f, "fig/dossiers_online_53"), BC_TYPE_FIGURES_FORM));
  entry = bc_figures_form_get_entry (figures, "fig/procedures_overdue");
  row = gtk_widget_get_ancestor (entry, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "in the year"));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, sample, func) g_test_add (path, Fixture, sample, fixture_set_up, func, fixture_tear_down)
  ADD ("/bc/ui/annual/numbered", "province-annual-2022", test_numbered);
  ADD ("/bc/ui/annual/footnotes", "province-annual-2022", test_footnotes);
  ADD ("/bc/ui/annual/body-table", "province-annual-2022", test_body_table);
  ADD ("/bc/ui/annual/catalog", "district-annual-2023", test_catalog);
  ADD ("/bc/ui/annual/cite", "province-2024-05", test_cite);
#undef ADD
  return g_test_run ();
}
