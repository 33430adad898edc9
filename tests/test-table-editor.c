/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "bc-choice-button.h"
#include "bc-edit-session.h"
#include "bc-report.h"
#include "bc-table-editor.h"
#include "bc-test-ui-utils.h"
#include "bc-test-utils.h"
#include "bc-test-window.h"

/* The province's May 2024 report: appendix III (Quyết định 422) has the
 * groups I and II, the parents 13 and 14 with their sub-items, and
 * figures in every row. */
#define TABLE "qd422"

/* Another sample's table, for the tests that take one. */
typedef struct
{
  const char *sample;
  const char *table;
} Sample;

static const Sample district = { "district-2024-06.json", "dvc_district" };

typedef struct
{
  char          *dir;
  char          *path;
  BcStore       *store;
  BcReport      *report;
  BcEditSession *session;
  GtkWindow     *window;
  BcTableEditor *editor;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  const Sample *other = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples",
                                              other ? other->sample : "province-2024-05.json", NULL);
  g_autofree char *data = NULL;
  const BcTableDef *table;
  gsize length;
  gint64 id;

  f->dir = bc_test_mkdtemp ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->store = bc_test_open_store (f->dir, "library.db");
  g_assert_true (g_file_get_contents (sample, &data, &length, &error));
  g_assert_no_error (error);
  id = bc_store_import_json (f->store, data, (gssize) length, &error);
  g_assert_no_error (error);
  f->report = bc_store_open_report (f->store, id, &error);
  g_assert_no_error (error);
  f->session = bc_edit_session_new (f->path, f->report, &error);
  g_assert_no_error (error);

  table = bc_template_find_table (bc_report_get_template (f->report), other ? other->table : TABLE);
  g_assert_nonnull (table);
  f->editor = g_object_ref (BC_TABLE_EDITOR (bc_table_editor_new (f->session, table)));
  /* GTK owns toplevels: hold a reference of our own to check finalization. */
  f->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (f->window, 1200, 800);
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  gtk_window_present (f->window);
  bc_test_spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  gtk_window_destroy (f->window);
  bc_test_spin ();
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->editor);
  bc_edit_session_close (f->session);
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->report);
  g_assert_finalize_object (f->store);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static const char *
value (Fixture    *f,
       const char *row,
       const char *column)
{
  g_autofree char *key = g_strdup_printf ("tbl/" TABLE "/%s/%s", row, column);

  return bc_report_get (f->report, key);
}

static GtkWidget *
cell (Fixture    *f,
      const char *row,
      const char *column)
{
  GtkWidget *widget = bc_table_editor_get_cell (f->editor, row, column);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
cell_text (Fixture    *f,
           const char *row,
           const char *column)
{
  GtkWidget *widget = cell (f, row, column);

  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  return gtk_editable_get_text (GTK_EDITABLE (widget));
}

static gboolean
has_focus (Fixture   *f,
           GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean press (Fixture         *f,
                       guint            keyval,
                       GdkModifierType  state);

/* What the clerk does: go to the cell, type, press Enter. */
static void
type_into (Fixture    *f,
           const char *row,
           const char *column,
           const char *text)
{
  g_assert_true (bc_table_editor_focus_cell (f->editor, row, column));
  gtk_editable_set_text (GTK_EDITABLE (cell (f, row, column)), text);
  g_assert_true (press (f, GDK_KEY_Return, 0));
}

/* The spreadsheet keys go through the table's capture key controller. */
static gboolean
press (Fixture         *f,
       guint            keyval,
       GdkModifierType  state)
{
  GtkWidget *widget = cell (f, "1", "total");
  gboolean handled = FALSE;

  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_EVENT_CONTROLLER_KEY (controller)
              && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
            {
              g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
              bc_test_spin ();
              return handled;
            }
        }
    }
  g_assert_not_reached ();
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
test_build (Fixture       *f,
            gconstpointer  user_data)
{
  /* Heading rows carry no cells. */
  g_assert_null (bc_table_editor_get_cell (f->editor, "I", "total"));
  g_assert_null (bc_table_editor_get_cell (f->editor, "13", "total"));
  g_assert_null (bc_table_editor_get_applies_toggle (f->editor, "II"));

  g_assert_true (GTK_IS_ENTRY (cell (f, "1", "total")));
  g_assert_true (GTK_IS_ENTRY (cell (f, "1", "difficulties")));
  g_assert_true (BC_IS_CHOICE_BUTTON (cell (f, "1", "connection")));
  g_assert_true (GTK_IS_LABEL (cell (f, "1", "ratio")));

  /* Vietnamese grouping; 3008 / 3553. */
  g_assert_cmpstr (cell_text (f, "1", "total"), ==, "3.553");
  g_assert_cmpstr (cell_text (f, "1", "ratio"), ==, "84,66%");
  /* Nothing received: no ratio. */
  g_assert_cmpstr (cell_text (f, "2", "ratio"), ==, "–");
  g_assert_cmpstr (bc_table_editor_get_total_text (f->editor, "total"), ==, "17.299");
  g_assert_cmpstr (bc_table_editor_get_total_text (f->editor, "online"), ==, "10.446");
  g_assert_cmpstr (bc_table_editor_get_total_text (f->editor, "ratio"), ==, "60,38%");
  g_assert_null (bc_table_editor_get_total_text (f->editor, "difficulties"));
  g_assert_null (bc_table_editor_get_message (f->editor));
}

/* A column nobody filled in has no total, as it has no ratio: "–",
 * never "0". */
static void
test_empty_column_total (Fixture       *f,
                         gconstpointer  user_data)
{
  const BcTableDef *table = bc_template_find_table (bc_report_get_template (f->report), TABLE);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) edits = g_array_new (FALSE, TRUE, sizeof (BcEdit));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < table->rows->len; i++)
    {
      const BcRow *row = table->rows->pdata[i];
      BcEdit edit = { NULL, NULL };

      if (row->heading)
        continue;
      edit.key = g_strdup_printf ("tbl/" TABLE "/%s/online", row->key);
      g_ptr_array_add (keys, (gpointer) edit.key);
      g_array_append_val (edits, edit);
    }
  g_assert_true (bc_edit_session_apply (f->session, (BcEdit *) edits->data, edits->len, &error));
  g_assert_no_error (error);
  bc_test_spin ();
  g_assert_cmpstr (bc_table_editor_get_total_text (f->editor, "online"), ==, "–");
  g_assert_cmpstr (bc_table_editor_get_total_text (f->editor, "ratio"), ==, "–");
  g_assert_cmpstr (bc_table_editor_get_total_text (f->editor, "total"), ==, "17.299");
}

static void
count_cb (BcTableEditor *editor,
          const char    *key,
          GtkWidget     *widget,
          guint         *count)
{
  g_assert_true (g_str_has_prefix (key, "tbl/" TABLE "/"));
  g_assert_true (GTK_IS_WIDGET (widget));
  (*count)++;
}

/* The rows below the first screen are built after the first frame; a
 * page that registers the cells hears of each. */
static void
test_cell_added (Fixture       *f,
                 gconstpointer  user_data)
{
  const BcTableDef *table = bc_table_editor_get_table (f->editor);
  GtkWindow *window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  GtkWidget *editor = bc_table_editor_new (f->session, table);
  guint count = 0, expected = 0;

  for (guint i = 0; i < table->rows->len; i++)
    if (!((BcRow *) table->rows->pdata[i])->heading)
      expected += table->columns->len;
  g_signal_connect (editor, "cell-added", G_CALLBACK (count_cb), &count);
  g_assert_cmpuint (count, ==, 0);
  gtk_window_set_child (window, editor);
  g_assert_cmpuint (count, >, 0);
  g_assert_cmpuint (count, <, expected);
  gtk_window_present (window);
  bc_test_spin ();
  g_assert_cmpuint (count, ==, expected);

  gtk_window_destroy (window);
  bc_test_spin ();
  g_assert_finalize_object (window);
}

/* The label showing @text under @widget. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_label (child, text)) != NULL)
        return found;
    }
  return NULL;
}

/* A finding jumps to its cell in an editor just made: the cell must come
 * into view once the editor has its layout. */
static void
test_focus_scrolls (Fixture       *f,
                    gconstpointer  user_data)
{
  GtkWidget *editor = bc_table_editor_new (f->session, bc_table_editor_get_table (f->editor));
  GtkScrolledWindow *body;
  GtkAdjustment *vertical, *horizontal;
  graphene_rect_t bounds;
  GtkWidget *target;

  gtk_window_set_child (f->window, editor);
  g_assert_true (bc_table_editor_focus_cell (BC_TABLE_EDITOR (editor), "24", "difficulties"));
  target = bc_table_editor_get_cell (BC_TABLE_EDITOR (editor), "24", "difficulties");
  body = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW));
  vertical = gtk_scrolled_window_get_vadjustment (body);
  horizontal = gtk_scrolled_window_get_hadjustment (body);
  /* Slow machines (valgrind) take many frames to lay the table out. */
  for (int i = 0; i < 100 && gtk_adjustment_get_value (vertical) == 0; i++)
    bc_test_wait (100);
  bc_test_wait (600);

  g_assert_true (gtk_widget_compute_bounds (target, gtk_scrolled_window_get_child (body), &bounds));
  g_assert_cmpfloat (gtk_adjustment_get_value (vertical), >, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, gtk_adjustment_get_value (vertical));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_adjustment_get_value (vertical) + gtk_adjustment_get_page_size (vertical) + 1);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                     gtk_adjustment_get_value (horizontal) + gtk_adjustment_get_page_size (horizontal) + 1);
  g_assert_true (has_focus (f, target));
}

/* Jumped to, a row comes whole into view: its name, on the left, takes
 * three lines where its cell takes one, and must not stay under the
 * totals below the rows. */
static void
test_focus_scrolls_whole_row (Fixture       *f,
                              gconstpointer  user_data)
{
  const BcTableDef *table = bc_template_find_table (bc_report_get_template (f->report), "dvc25");
  const BcRow *row = bc_table_def_find_row (table, "18");
  GtkWindow *window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  GtkWidget *editor = bc_table_editor_new (f->session, table);
  GtkWidget *name, *target;
  GtkAdjustment *vertical;
  graphene_rect_t bounds;

  /* The table's place in a 1366 × 768 window with the findings shown. */
  gtk_window_set_default_size (window, 610, 640);
  gtk_window_set_child (window, editor);
  gtk_window_present (window);
  g_assert_true (bc_table_editor_focus_cell (BC_TABLE_EDITOR (editor), row->key, "overdue"));
  target = bc_table_editor_get_cell (BC_TABLE_EDITOR (editor), row->key, "overdue");
  vertical = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW)));
  for (int i = 0; i < 100 && gtk_adjustment_get_value (vertical) == 0; i++)
    bc_test_wait (100);
  bc_test_wait (600);
  /* Laid out now: scrolled back to the top, the row below the view, and
   * jumped to again. */
  gtk_adjustment_set_value (vertical, 0);
  bc_test_wait (100);
  g_assert_true (bc_table_editor_focus_cell (BC_TABLE_EDITOR (editor), row->key, "overdue"));
  for (int i = 0; i < 100 && gtk_adjustment_get_value (vertical) == 0; i++)
    bc_test_wait (100);
  bc_test_wait (600);

  /* The name, on the left, takes three lines where the cell takes one. */
  name = find_label (editor, row->label);
  g_assert_nonnull (name);
  g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (name),
                                            gtk_widget_get_ancestor (name, GTK_TYPE_GRID), &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, gtk_adjustment_get_value (vertical));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_adjustment_get_value (vertical) + gtk_adjustment_get_page_size (vertical) + 1);

  gtk_window_destroy (window);
  bc_test_spin ();
  g_assert_finalize_object (window);
}

static void
test_commit (Fixture       *f,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) saved = NULL;

  /* The bare digits while editing, grouped again afterwards. */
  g_assert_true (bc_table_editor_focus_cell (f->editor, "1", "total"));
  g_assert_cmpstr (cell_text (f, "1", "total"), ==, "3553");
  gtk_editable_set_text (GTK_EDITABLE (cell (f, "1", "total")), "3.762");
  g_assert_true (press (f, GDK_KEY_Return, 0));

  g_assert_cmpstr (value (f, "1", "total"), ==, "3762");
  /* Enter went down a row. */
  g_assert_true (has_focus (f, cell (f, "2", "total")));
  g_assert_cmpstr (cell_text (f, "1", "total"), ==, "3.762");
  g_assert_cmpstr (cell_text (f, "1", "ratio"), ==, "79,96%");

  type_into (f, "1", "difficulties", "Mất kết nối ngày 12/5");
  g_assert_cmpstr (value (f, "1", "difficulties"), ==, "Mất kết nối ngày 12/5");
  /* Emptying a cell clears the value. */
  type_into (f, "2", "overdue", "");
  g_assert_cmpstr (value (f, "2", "overdue"), ==, "");

  g_assert_true (bc_edit_session_flush (f->session, &error));
  g_assert_no_error (error);
  saved = reopen (f);
  g_assert_cmpstr (bc_report_get (saved, "tbl/" TABLE "/1/total"), ==, "3762");
  g_assert_cmpstr (bc_report_get (saved, "tbl/" TABLE "/1/difficulties"), ==, "Mất kết nối ngày 12/5");
  g_assert_cmpstr (bc_report_get (saved, "tbl/" TABLE "/2/overdue"), ==, "");
}

static void
test_leave_commits (Fixture       *f,
                    gconstpointer  user_data)
{
  /* Leaving the cell another way (a click elsewhere) stores too. */
  g_assert_true (bc_table_editor_focus_cell (f->editor, "24", "online"));
  gtk_editable_set_text (GTK_EDITABLE (cell (f, "24", "online")), "1 234");
  g_assert_true (bc_table_editor_focus_cell (f->editor, "1", "online"));
  bc_test_spin ();
  g_assert_cmpstr (value (f, "24", "online"), ==, "1234");
  g_assert_cmpstr (cell_text (f, "24", "online"), ==, "1.234");
}

static const struct
{
  const char *text;
  const char *stored;   /* NULL: refused */
  const char *reason;
} parse_cases[] = {
  { "3.762", "3762", NULL },
  { "3,762", "3762", NULL },
  { "3 762", "3762", NULL },
  { "3762", "3762", NULL },
  { " 1.234.567 ", "1234567", NULL },
  { "0", "0", NULL },
  { "abc", NULL, "not a number" },
  { "-5", NULL, "negative" },
  { "3,7", NULL, "whole number" },
  { "1234567890123456789012345678901234567890", NULL, "larger than" },
  { "12a", NULL, "not a number" },
};

static void
test_parse (Fixture       *f,
            gconstpointer  user_data)
{
  for (gsize i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      GtkWidget *entry = cell (f, "10", "total");
      g_autofree char *before = g_strdup (value (f, "10", "total"));

      g_test_message ("typing “%s”", parse_cases[i].text);
      type_into (f, "10", "total", parse_cases[i].text);
      if (parse_cases[i].stored != NULL)
        {
          g_assert_cmpstr (value (f, "10", "total"), ==, parse_cases[i].stored);
          g_assert_false (gtk_widget_has_css_class (entry, "error"));
          g_assert_null (bc_table_editor_get_message (f->editor));
          continue;
        }
      /* Refused: nothing stored, the old value back, the cell and the reason shown. */
      g_assert_cmpstr (value (f, "10", "total"), ==, before);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, before);
      g_assert_true (gtk_widget_has_css_class (entry, "error"));
      g_assert_nonnull (bc_table_editor_get_message (f->editor));
      g_assert_nonnull (strstr (bc_table_editor_get_message (f->editor), parse_cases[i].reason));
      g_assert_nonnull (strstr (bc_table_editor_get_message (f->editor), "Row 10"));
      /* The clerk stays in the cell to correct it. */
      g_assert_true (has_focus (f, entry));
    }
}

static void
test_escape (Fixture       *f,
             gconstpointer  user_data)
{
  g_assert_true (bc_table_editor_focus_cell (f->editor, "11", "online"));
  gtk_editable_set_text (GTK_EDITABLE (cell (f, "11", "online")), "999");
  g_assert_true (press (f, GDK_KEY_Escape, 0));
  g_assert_cmpstr (cell_text (f, "11", "online"), ==, "91");
  g_assert_true (has_focus (f, cell (f, "11", "online")));

  /* The action does the same. */
  gtk_editable_set_text (GTK_EDITABLE (cell (f, "11", "online")), "998");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "table.revert", NULL);
  g_assert_cmpstr (cell_text (f, "11", "online"), ==, "91");

  /* Ctrl+Z first drops what was typed; with nothing typed it is the
   * session's undo, for the window to handle. */
  gtk_editable_set_text (GTK_EDITABLE (cell (f, "11", "online")), "997");
  g_assert_true (press (f, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpstr (cell_text (f, "11", "online"), ==, "91");
  g_assert_false (press (f, GDK_KEY_z, GDK_CONTROL_MASK));
  /* ... and the entry's own undo must not take Ctrl+Z on its way up: GtkText
   * keeps its undo action enabled when undo is off. */
  {
    GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (cell (f, "11", "online"))));

    g_assert_false (bc_test_widget_takes_shortcut (text, GDK_KEY_z, GDK_CONTROL_MASK));
    g_assert_false (bc_test_widget_takes_shortcut (text, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
    g_assert_false (bc_test_widget_takes_shortcut (text, GDK_KEY_y, GDK_CONTROL_MASK));
    /* The helper does see the entry's other shortcuts. */
    g_assert_true (bc_test_widget_takes_shortcut (text, GDK_KEY_a, GDK_CONTROL_MASK));
  }

  /* Nothing was stored, not even when the cell is left. */
  g_assert_true (bc_table_editor_focus_cell (f->editor, "1", "online"));
  bc_test_spin ();
  g_assert_cmpstr (value (f, "11", "online"), ==, "91");
  g_assert_false (bc_edit_session_can_undo (f->session));
}

static void
test_totals (Fixture       *f,
             gconstpointer  user_data)
{
  type_into (f, "24", "total", "1002");   /* was 2 */
  g_assert_cmpstr (bc_table_editor_get_total_text (f->editor, "total"), ==, "18.299");
  type_into (f, "24", "online", "1002");  /* was 2 */
  g_assert_cmpstr (bc_table_editor_get_total_text (f->editor, "online"), ==, "11.446");
  g_assert_cmpstr (bc_table_editor_get_total_text (f->editor, "ratio"), ==, "62,55%");
  g_assert_cmpstr (cell_text (f, "24", "ratio"), ==, "100,00%");

  /* Undo reaches the cells and the totals as well. */
  g_assert_true (bc_edit_session_undo (f->session));
  g_assert_cmpstr (cell_text (f, "24", "online"), ==, "2");
  g_assert_cmpstr (bc_table_editor_get_total_text (f->editor, "online"), ==, "10.446");
}

static void
test_applies (Fixture       *f,
              gconstpointer  user_data)
{
  GtkWidget *toggle = bc_table_editor_get_applies_toggle (f->editor, "1");

  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (toggle)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), FALSE);
  bc_test_spin ();
  g_assert_cmpstr (value (f, "1", "applies"), ==, "0");
  g_assert_false (bc_report_row_applies (f->report, TABLE, "1"));
  /* 17.299 - 3.553 */
  g_assert_cmpstr (bc_table_editor_get_total_text (f->editor, "total"), ==, "13.746");
  g_assert_false (gtk_widget_is_sensitive (cell (f, "1", "total")));
  g_assert_false (bc_table_editor_focus_cell (f->editor, "1", "total"));
  /* The figures stay; they only do not count. */
  g_assert_cmpstr (value (f, "1", "total"), ==, "3553");

  g_assert_true (bc_edit_session_undo (f->session));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (toggle)));
  g_assert_true (gtk_widget_is_sensitive (cell (f, "1", "total")));
  g_assert_cmpstr (bc_table_editor_get_total_text (f->editor, "total"), ==, "17.299");
}

static void
test_choice_and_note (Fixture       *f,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) saved = NULL;
  BcChoiceButton *choice = BC_CHOICE_BUTTON (cell (f, "2", "connection"));
  GtkWidget *note = bc_table_editor_get_note_entry (f->editor, "2");
  GtkWidget *popover, *list;

  /* Item 0 is "–", then the template's choices in order. */
  g_assert_cmpuint (bc_choice_button_get_n_items (choice), ==, 3);
  bc_choice_button_set_selected (choice, 1);
  g_assert_cmpstr (value (f, "2", "connection"), ==, "Đã kết nối");
  bc_choice_button_set_selected (choice, 0);
  g_assert_cmpstr (value (f, "2", "connection"), ==, "");

  /* Activating it (Space, Alt+↓, a click) opens the list, built only now;
   * choosing in it stores the value. In the table Enter stores and goes
   * down, as in every cell. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (choice)));
  popover = gtk_widget_get_last_child (GTK_WIDGET (choice));
  g_assert_true (GTK_IS_POPOVER (popover));
  g_assert_true (gtk_widget_get_visible (popover));
  list = gtk_popover_get_child (GTK_POPOVER (popover));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  g_assert_cmpstr (value (f, "2", "connection"), ==, "Chưa kết nối");
  g_assert_cmpuint (bc_choice_button_get_selected (choice), ==, 2);
  g_assert_false (gtk_widget_get_visible (popover));

  /* Row 10 has a note in the sample. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bc_table_editor_get_note_entry (f->editor, "10"))),
                   ==, "bao gồm 900 hồ sơ từ kỳ trước chuyển qua");
  gtk_editable_set_text (GTK_EDITABLE (note), "  bao gồm 12 hồ sơ từ kỳ trước ");
  g_signal_emit_by_name (note, "activate");
  g_assert_cmpstr (value (f, "2", "note"), ==, "bao gồm 12 hồ sơ từ kỳ trước");

  g_assert_true (bc_edit_session_flush (f->session, &error));
  saved = reopen (f);
  g_assert_cmpstr (bc_report_get (saved, "tbl/" TABLE "/2/note"), ==, "bao gồm 12 hồ sơ từ kỳ trước");
  g_assert_cmpstr (bc_report_get (saved, "tbl/" TABLE "/2/connection"), ==, "Chưa kết nối");
}

static void
test_paste (Fixture       *f,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) saved = NULL;

  /* A 3 × 2 block as Calc copies it, from row 12: the parent row 13 is skipped. */
  g_assert_true (bc_table_editor_focus_cell (f->editor, "12", "total"));
  g_assert_true (bc_table_editor_paste_text (f->editor, "1.200\t1.100\r\n130\t120\r\n14\t13\r\n"));
  bc_test_spin ();
  g_assert_cmpstr (value (f, "12", "total"), ==, "1200");
  g_assert_cmpstr (value (f, "12", "online"), ==, "1100");
  g_assert_cmpstr (value (f, "13.1", "total"), ==, "130");
  g_assert_cmpstr (value (f, "13.1", "online"), ==, "120");
  g_assert_cmpstr (value (f, "13.2", "total"), ==, "14");
  g_assert_cmpstr (value (f, "13.2", "online"), ==, "13");
  g_assert_cmpstr (cell_text (f, "13.1", "ratio"), ==, "92,31%");
  g_assert_cmpstr (cell_text (f, "12", "total"), ==, "1200");   /* focused: bare digits */
  g_assert_cmpstr (cell_text (f, "13.1", "total"), ==, "130");
  g_assert_cmpstr (bc_table_editor_get_total_text (f->editor, "total"), ==, "18.643");

  /* One undo step takes the whole block back. */
  g_assert_true (bc_edit_session_undo (f->session));
  g_assert_cmpstr (value (f, "12", "total"), ==, "0");
  g_assert_cmpstr (value (f, "12", "online"), ==, "0");
  g_assert_cmpstr (value (f, "13.1", "total"), ==, "0");
  g_assert_cmpstr (value (f, "13.2", "online"), ==, "0");
  g_assert_false (bc_edit_session_can_undo (f->session));
  g_assert_true (bc_edit_session_redo (f->session));
  g_assert_cmpstr (value (f, "13.2", "online"), ==, "13");

  g_assert_true (bc_edit_session_flush (f->session, &error));
  saved = reopen (f);
  g_assert_cmpstr (bc_report_get (saved, "tbl/" TABLE "/13.2/online"), ==, "13");
}

/* README: Ctrl+V pastes a block copied from LibreOffice Calc or Excel:
 * the block on the clipboard, the keys pressed in the focused cell. */
static void
test_paste_keys (Fixture       *f,
                 gconstpointer  user_data)
{
  GtkWidget *focus;
  gint64 deadline;

  g_assert_true (bc_table_editor_focus_cell (f->editor, "12", "total"));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (focus), "1.200\t1.100\r\n130\t120\r\n");
  g_assert_nonnull (bc_test_press_key (focus, GDK_KEY_v, GDK_CONTROL_MASK));
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_strcmp0 (value (f, "13.1", "online"), "120") != 0 && g_get_monotonic_time () < deadline)
    bc_test_wait (20);
  g_assert_cmpstr (value (f, "12", "total"), ==, "1200");
  g_assert_cmpstr (value (f, "12", "online"), ==, "1100");
  g_assert_cmpstr (value (f, "13.1", "total"), ==, "130");
  g_assert_cmpstr (value (f, "13.1", "online"), ==, "120");
}

static void
test_paste_skips_and_clips (Fixture       *f,
                            gconstpointer  user_data)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (bc_table_editor_get_applies_toggle (f->editor, "23")), FALSE);

  /* Row 23 does not apply: the second line goes to 24, the third falls
   * off the end of the table, and so do the columns after the last. */
  g_assert_true (bc_table_editor_focus_cell (f->editor, "22", "overdue"));
  g_assert_true (bc_table_editor_paste_text (f->editor,
                                             "5\tChưa có\textra\n"
                                             "6\t\"Đường truyền \"\"chậm\"\"\"\n"
                                             "7\tx\n"));
  g_assert_cmpstr (value (f, "22", "overdue"), ==, "5");
  g_assert_cmpstr (value (f, "22", "difficulties"), ==, "Chưa có");
  g_assert_cmpstr (value (f, "23", "overdue"), ==, "0");
  g_assert_cmpstr (value (f, "24", "overdue"), ==, "6");
  g_assert_cmpstr (value (f, "24", "difficulties"), ==, "Đường truyền \"chậm\"");
}

static void
test_paste_refused (Fixture       *f,
                    gconstpointer  user_data)
{
  const char *message;

  g_assert_true (bc_table_editor_focus_cell (f->editor, "1", "total"));
  g_assert_false (bc_table_editor_paste_text (f->editor, "10\t5\n20\tabc\n"));
  /* All or nothing. */
  g_assert_cmpstr (value (f, "1", "total"), ==, "3553");
  g_assert_cmpstr (value (f, "2", "total"), ==, "0");
  g_assert_false (bc_edit_session_can_undo (f->session));
  message = bc_table_editor_get_message (f->editor);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Row 2, Trực tuyến"));
  g_assert_nonnull (strstr (message, "“abc” is not a number"));
  g_assert_true (gtk_widget_has_css_class (cell (f, "2", "online"), "error"));

  /* A choice must be one of the template's. */
  g_assert_true (bc_table_editor_focus_cell (f->editor, "1", "connection"));
  g_assert_false (bc_table_editor_paste_text (f->editor, "Có\t5\n"));
  g_assert_nonnull (strstr (bc_table_editor_get_message (f->editor), "not one of the choices"));
  /* A choice is matched without regard to case. */
  g_assert_true (bc_table_editor_paste_text (f->editor, "chưa kết nối\t5\n"));
  g_assert_cmpstr (value (f, "1", "connection"), ==, "Chưa kết nối");
  g_assert_null (bc_table_editor_get_message (f->editor));
}

static void
test_keys (Fixture       *f,
           gconstpointer  user_data)
{
  g_assert_true (bc_table_editor_focus_cell (f->editor, "12", "total"));

  /* Tab across, Shift+Tab back. */
  g_assert_true (press (f, GDK_KEY_Tab, 0));
  g_assert_true (has_focus (f, cell (f, "12", "online")));
  /* The ratio is computed: Tab goes past it. */
  g_assert_true (press (f, GDK_KEY_Tab, 0));
  g_assert_true (has_focus (f, cell (f, "12", "on_time")));
  g_assert_true (press (f, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_true (has_focus (f, cell (f, "12", "online")));

  /* Down skips the parent row 13. */
  g_assert_true (press (f, GDK_KEY_Down, 0));
  g_assert_true (has_focus (f, cell (f, "13.1", "online")));
  g_assert_true (press (f, GDK_KEY_Return, GDK_SHIFT_MASK));
  g_assert_true (has_focus (f, cell (f, "12", "online")));

  /* Typed text keeps Left and Right until the caret is at its edge. */
  gtk_editable_set_text (GTK_EDITABLE (cell (f, "12", "online")), "12");
  gtk_editable_set_position (GTK_EDITABLE (cell (f, "12", "online")), 1);
  g_assert_false (press (f, GDK_KEY_Left, 0));
  gtk_editable_set_position (GTK_EDITABLE (cell (f, "12", "online")), 0);
  g_assert_true (press (f, GDK_KEY_Left, 0));
  g_assert_true (has_focus (f, cell (f, "12", "total")));
  /* Moving stored what was typed. */
  g_assert_cmpstr (value (f, "12", "online"), ==, "12");

  /* From the last column Tab goes on to the next row. */
  g_assert_true (bc_table_editor_focus_cell (f->editor, "12", "difficulties"));
  g_assert_true (press (f, GDK_KEY_Tab, 0));
  g_assert_true (has_focus (f, cell (f, "13.1", "connection")));

  /* Tab leaves the table after its last cell; Down stops at the last row. */
  g_assert_true (bc_table_editor_focus_cell (f->editor, "24", "difficulties"));
  g_assert_false (press (f, GDK_KEY_Tab, 0));
  g_assert_true (press (f, GDK_KEY_Down, 0));
  g_assert_true (has_focus (f, cell (f, "24", "difficulties")));
  /* Left from the first cell reaches the row's check box. */
  g_assert_true (bc_table_editor_focus_cell (f->editor, "24", "connection"));
  g_assert_true (press (f, GDK_KEY_Left, 0));
  g_assert_true (has_focus (f, bc_table_editor_get_applies_toggle (f->editor, "24")));

  /* A refused value keeps the clerk in the cell. */
  g_assert_true (bc_table_editor_focus_cell (f->editor, "13.1", "total"));
  gtk_editable_set_text (GTK_EDITABLE (cell (f, "13.1", "total")), "-1");
  g_assert_true (press (f, GDK_KEY_Tab, 0));
  g_assert_true (has_focus (f, cell (f, "13.1", "total")));
  g_assert_nonnull (bc_table_editor_get_message (f->editor));
  g_assert_cmpstr (value (f, "13.1", "total"), ==, "0");
}

/* The widget that is @widget's cell in its grid: the column it spans. */
static GtkWidget *
grid_child (GtkWidget *widget)
{
  while (widget != NULL && !GTK_IS_GRID (gtk_widget_get_parent (widget)))
    widget = gtk_widget_get_parent (widget);
  g_assert_nonnull (widget);
  return widget;
}

static void
collect_labels (GtkWidget  *widget,
                const char *css_class,
                GPtrArray  *found)
{
  if (GTK_IS_LABEL (widget) && (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, css_class, found);
}

static GtkWidget *
heading (Fixture    *f,
         const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (GTK_WIDGET (f->editor), "column-heading", labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_text (labels->pdata[i]), text))
      return labels->pdata[i];
  g_assert_not_reached ();
}

/* Where @widget's column is on the screen: the allocation it has in its
 * grid, CSS margins included. */
static graphene_rect_t
column_bounds (Fixture   *f,
               GtkWidget *widget)
{
  GtkWidget *child = grid_child (widget);
  graphene_point_t origin;
  GtkAllocation allocation;

  gtk_widget_get_allocation (child, &allocation);
  g_assert_true (gtk_widget_compute_point (gtk_widget_get_parent (child), GTK_WIDGET (f->window),
                                           &GRAPHENE_POINT_INIT (allocation.x, 0), &origin));
  return GRAPHENE_RECT_INIT (origin.x, 0, allocation.width, 1);
}

static void
assert_same_column (Fixture    *f,
                    GtkWidget  *expected,
                    GtkWidget  *widget,
                    const char *what)
{
  graphene_rect_t a = column_bounds (f, expected);
  graphene_rect_t b = column_bounds (f, widget);

  if (fabsf (a.origin.x - b.origin.x) > 1 || fabsf (a.size.width - b.size.width) > 1)
    g_error ("%s: %g+%g, its heading %g+%g", what, b.origin.x, b.size.width, a.origin.x, a.size.width);
}

/* Every column's heading, cells and total in one line, whatever the
 * window's width and wherever the table is scrolled. */
static void
assert_columns_line_up (Fixture *f)
{
  const BcTableDef *table = bc_table_editor_get_table (f->editor);
  g_autoptr(GPtrArray) totals = g_ptr_array_new ();
  guint n_totals = 0;

  collect_labels (GTK_WIDGET (f->editor), "total", totals);
  for (guint i = 0; i < table->columns->len; i++)
    {
      const BcColumn *column = table->columns->pdata[i];
      GtkWidget *head = heading (f, column->label);

      for (guint r = 0; r < table->rows->len; r++)
        {
          const BcRow *row = table->rows->pdata[r];
          g_autofree char *what = g_strdup_printf ("row %s, %s", row->key, column->id);

          if (!row->heading && gtk_widget_get_visible (cell (f, row->key, column->id)))
            assert_same_column (f, head, cell (f, row->key, column->id), what);
        }
      if (column->type == BC_COLUMN_INTEGER || column->type == BC_COLUMN_COMPUTED)
        assert_same_column (f, head, totals->pdata[n_totals++], column->id);
    }
  g_assert_cmpuint (n_totals, ==, totals->len);
}

/* As the desktop's setting would: scroll bars that take room. */
static void
set_overlay_scrolling (GtkWidget *widget,
                       gboolean   overlay)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (widget), overlay);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_overlay_scrolling (child, overlay);
}

/* Row 1's STT and name, where the editor shows them: the name by its
 * text, the STT by its text in the same grid. */
static graphene_rect_t
first_row_names (Fixture *f)
{
  const BcRow *row = bc_table_def_find_row (bc_table_editor_get_table (f->editor), "1");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *name = NULL, *number = NULL;
  graphene_rect_t name_bounds, number_bounds, both;

  collect_labels (GTK_WIDGET (f->editor), NULL, labels);
  for (guint i = 0; i < labels->len && name == NULL; i++)
    if (g_str_equal (gtk_label_get_text (labels->pdata[i]), row->label))
      name = labels->pdata[i];
  g_assert_nonnull (name);
  for (guint i = 0; i < labels->len && number == NULL; i++)
    if (g_str_equal (gtk_label_get_text (labels->pdata[i]), row->number)
        && gtk_widget_get_ancestor (labels->pdata[i], GTK_TYPE_GRID) == gtk_widget_get_ancestor (name, GTK_TYPE_GRID))
      number = labels->pdata[i];
  g_assert_nonnull (number);
  g_assert_true (gtk_widget_compute_bounds (name, GTK_WIDGET (f->editor), &name_bounds));
  g_assert_true (gtk_widget_compute_bounds (number, GTK_WIDGET (f->editor), &number_bounds));
  graphene_rect_union (&number_bounds, &name_bounds, &both);
  return both;
}

/* Scrolled sideways to its end, the table keeps STT and the name where
 * they were, and its last column comes whole into view. */
static void
assert_names_frozen (Fixture       *f,
                     GtkAdjustment *horizontal)
{
  const BcTableDef *table = bc_table_editor_get_table (f->editor);
  const BcRow *row = bc_table_def_find_row (table, "1");
  GtkWidget *last = NULL;
  graphene_rect_t before, after, bounds;

  /* The rightmost column that has a cell in row 1. */
  for (guint i = table->columns->len; i > 0 && last == NULL; i--)
    last = bc_table_editor_get_cell (f->editor, row->key, ((BcColumn *) table->columns->pdata[i - 1])->id);
  g_assert_nonnull (last);

  gtk_adjustment_set_value (horizontal, 0);
  bc_test_wait (100);
  before = first_row_names (f);
  gtk_adjustment_set_value (horizontal, gtk_adjustment_get_upper (horizontal));
  bc_test_wait (100);
  after = first_row_names (f);
  g_assert_cmpfloat (after.origin.x, ==, before.origin.x);
  g_assert_cmpfloat (after.origin.x, >=, 0);
  g_assert_true (gtk_widget_compute_bounds (last, GTK_WIDGET (f->editor), &bounds));
  /* Its right edge at the editor's, its left edge clear of the names
   * (unless the column is wider than the room beside them). */
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (f->editor)) + 1);
  if (bounds.size.width <= gtk_widget_get_width (GTK_WIDGET (f->editor)) - (after.origin.x + after.size.width))
    g_assert_cmpfloat (bounds.origin.x, >=, after.origin.x + after.size.width);
}

static void
test_columns_line_up (Fixture       *f,
                      gconstpointer  user_data)
{
  static const int widths[] = { 1366, 900, 1900, 600 };
  GtkScrolledWindow *body = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (cell (f, "1", "total"),
                                                                          GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *horizontal = gtk_scrolled_window_get_hadjustment (body);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      gtk_window_set_default_size (f->window, widths[i], 700);
      bc_test_wait (300);
      gtk_adjustment_set_value (horizontal, 0);
      bc_test_wait (100);
      assert_columns_line_up (f);
      gtk_adjustment_set_value (horizontal, gtk_adjustment_get_upper (horizontal));
      bc_test_wait (100);
      assert_columns_line_up (f);
      assert_names_frozen (f, horizontal);
    }

  /* Scroll bars that take room (no overlay scrolling) change nothing. */
  set_overlay_scrolling (GTK_WIDGET (f->editor), FALSE);
  gtk_window_set_default_size (f->window, 900, 700);
  bc_test_wait (300);
  gtk_adjustment_set_value (horizontal, gtk_adjustment_get_upper (horizontal));
  bc_test_wait (100);
  assert_columns_line_up (f);
  set_overlay_scrolling (GTK_WIDGET (f->editor), TRUE);

  /* Totals and ratios wider than their columns widen the column, in the
   * header, the body and the totals alike. */
  type_into (f, "1", "total", "1");
  type_into (f, "1", "online", "999999999999");
  type_into (f, "2", "total", "999999999999");
  type_into (f, "3", "total", "999999999999");
  g_assert_cmpuint (strlen (bc_table_editor_get_total_text (f->editor, "total")), >, 15);
  bc_test_wait (300);
  assert_columns_line_up (f);
}

/* A ratio pasted with its counts is not stored (the counts give it): it
 * goes silently only when it is what they give. */
static void
test_paste_ratio (Fixture       *f,
                  gconstpointer  user_data)
{
  /* Row 1: 3.008 online of 3.553, 84,66%. */
  g_assert_true (bc_table_editor_focus_cell (f->editor, "1", "online"));
  g_assert_true (bc_table_editor_paste_text (f->editor, "3008\t84,66%"));
  g_assert_null (bc_table_editor_get_message (f->editor));

  g_assert_true (bc_table_editor_focus_cell (f->editor, "1", "online"));
  g_assert_true (bc_table_editor_paste_text (f->editor, "3008\t80%\n"));
  g_assert_cmpstr (value (f, "1", "online"), ==, "3008");
  g_assert_cmpstr (cell_text (f, "1", "ratio"), ==, "84,66%");
  g_assert_nonnull (bc_table_editor_get_message (f->editor));
  g_assert_nonnull (strstr (bc_table_editor_get_message (f->editor), "80%"));
  g_assert_nonnull (strstr (bc_table_editor_get_message (f->editor), "84,66%"));
}

/* Another program writes @value under @key, through a connection of its own. */
static void
set_elsewhere (Fixture    *f,
               const char *key,
               const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = bc_store_open (f->path, &error);
  g_autoptr(BcReport) report = NULL;

  g_assert_no_error (error);
  report = bc_store_open_report (store, bc_report_get_id (f->report), &error);
  g_assert_no_error (error);
  g_assert_true (bc_store_set_value (store, report, key, value, &error));
  g_assert_no_error (error);
}

/* What the library holds once the session has written all it has. */
static char *
stored (Fixture    *f,
        const char *row,
        const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) saved = NULL;
  g_autofree char *key = g_strdup_printf ("tbl/" TABLE "/%s/%s", row, column);

  g_assert_true (bc_edit_session_flush (f->session, &error));
  g_assert_no_error (error);
  saved = reopen (f);
  return g_strdup (bc_report_get (saved, key));
}

/* The library changes under the open table (a second window, a
 * reviewer's file): a cell left without typing writes nothing back; a
 * value typed is stored even when it is the one the window still shows,
 * and what is being typed is not overwritten by the news. */
static void
test_changed_elsewhere (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autofree char *left = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *shown = NULL;
  gint64 deadline;

  g_assert_cmpstr (value (f, "1", "total"), ==, "3553");
  set_elsewhere (f, "tbl/" TABLE "/1/total", "4000");
  g_assert_true (bc_table_editor_focus_cell (f->editor, "1", "total"));
  g_assert_true (press (f, GDK_KEY_Return, 0));
  left = stored (f, "1", "total");
  g_assert_cmpstr (left, ==, "4000");

  /* She types the number the window shows, changed meanwhile elsewhere. */
  shown = g_strdup (value (f, "2", "total"));
  set_elsewhere (f, "tbl/" TABLE "/2/total", "5000");
  type_into (f, "2", "total", shown);
  typed = stored (f, "2", "total");
  g_assert_cmpstr (typed, ==, shown);

  /* The news arrives while she types: her text stays and is stored. */
  g_assert_true (bc_table_editor_focus_cell (f->editor, "3", "total"));
  gtk_editable_set_text (GTK_EDITABLE (cell (f, "3", "total")), "777");
  set_elsewhere (f, "tbl/" TABLE "/3/total", "6000");
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (!g_str_equal (value (f, "3", "total"), "6000") && g_get_monotonic_time () < deadline)
    if (!bc_edit_session_sync (f->session))
      g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (value (f, "3", "total"), ==, "6000");
  g_assert_cmpstr (cell_text (f, "3", "total"), ==, "777");
  g_assert_true (press (f, GDK_KEY_Return, 0));
  kept = stored (f, "3", "total");
  g_assert_cmpstr (kept, ==, "777");
}

/* The note of a row opens its popover inside the window: the note is the
 * last column, at the window's right edge once scrolled to. */
static void
test_note_popover_inside (Fixture       *f,
                          gconstpointer  user_data)
{
  GtkWidget *button, *popover;
  GdkSurface *surface, *window_surface;
  GtkAdjustment *horizontal;
  gint64 deadline;

  popover = gtk_widget_get_ancestor (bc_table_editor_get_note_entry (f->editor, "1"), GTK_TYPE_POPOVER);
  button = gtk_widget_get_parent (popover);
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  /* Scrolled to the last column. */
  g_assert_true (bc_table_editor_focus_cell (f->editor, "1", "difficulties"));
  bc_test_wait (600);
  horizontal = gtk_scrolled_window_get_hadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (button, GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (horizontal, gtk_adjustment_get_upper (horizontal));
  bc_test_wait (200);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!gtk_widget_get_mapped (popover) && g_get_monotonic_time () < deadline)
    bc_test_wait (20);
  bc_test_wait (200);
  g_assert_true (gtk_widget_get_mapped (popover));
  surface = gtk_native_get_surface (GTK_NATIVE (popover));
  window_surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  g_assert_cmpint (gdk_popup_get_position_x (GDK_POPUP (surface)), >=, 0);
  g_assert_cmpint (gdk_popup_get_position_x (GDK_POPUP (surface)) + gdk_surface_get_width (surface), <=,
                   gdk_surface_get_width (window_surface));
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
add_test (const char *path,
          void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  add_test ("/bc/table-editor/build", test_build);
  add_test ("/bc/table-editor/empty-column-total", test_empty_column_total);
  add_test ("/bc/table-editor/cell-added", test_cell_added);
  add_test ("/bc/table-editor/focus-scrolls", test_focus_scrolls);
  add_test ("/bc/table-editor/focus-scrolls/whole-row", test_focus_scrolls_whole_row);
  add_test ("/bc/table-editor/columns-line-up", test_columns_line_up);
  g_test_add ("/bc/table-editor/columns-line-up/narrow-table", Fixture, &district,
              fixture_set_up, test_columns_line_up, fixture_tear_down);
  add_test ("/bc/table-editor/commit", test_commit);
  add_test ("/bc/table-editor/commit/leave", test_leave_commits);
  add_test ("/bc/table-editor/changed-elsewhere", test_changed_elsewhere);
  add_test ("/bc/table-editor/parse", test_parse);
  add_test ("/bc/table-editor/escape", test_escape);
  add_test ("/bc/table-editor/totals", test_totals);
  add_test ("/bc/table-editor/applies", test_applies);
  add_test ("/bc/table-editor/choice-and-note", test_choice_and_note);
  add_test ("/bc/table-editor/note-popover-inside", test_note_popover_inside);
  add_test ("/bc/table-editor/paste/block", test_paste);
  add_test ("/bc/table-editor/paste/keys", test_paste_keys);
  add_test ("/bc/table-editor/paste/skips-and-clips", test_paste_skips_and_clips);
  add_test ("/bc/table-editor/paste/refused", test_paste_refused);
  add_test ("/bc/table-editor/paste/ratio", test_paste_ratio);
  add_test ("/bc/table-editor/keys", test_keys);
  return g_test_run ();
}
