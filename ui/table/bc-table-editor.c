/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-table-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-choice-button.h"
#include "bc-minimum-width-bin.h"
#include "bc-number.h"
#include "bc-report.h"
#include "bc-table-editor-private.h"
#include "bc-trend.h"
#include "bc-trend-button.h"
#include "bc-template.h"
#include "bc-ui-utils.h"

/* An appendix table as a small spreadsheet: a grid of plain entries (a
 * few hundred AdwEntryRows would take too long to build) under a frozen
 * two-level column header, above a frozen totals row, beside the frozen
 * STT and names. Every change goes through the edit session; the cells
 * show what the report holds and follow its "value-changed" signal, so
 * undo, redo and paste all land the same way. */

G_DEFINE_FINAL_TYPE (BcTableEditor, bc_table_editor, GTK_TYPE_WIDGET)

enum
{
  CELL_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
_bc_table_editor_cell_focusable (Cell *cell)
{
  if (cell->kind == CELL_DATA && cell->column->type == BC_COLUMN_COMPUTED)
    return FALSE;
  return gtk_widget_is_sensitive (cell->widget) && gtk_widget_get_visible (cell->widget);
}

void
_bc_table_editor_focus (Cell *cell)
{
  gtk_widget_grab_focus (cell->widget);
  if (GTK_IS_EDITABLE (cell->widget))
    gtk_editable_select_region (GTK_EDITABLE (cell->widget), 0, -1);
}

/* Messages */

static void
clear_invalid (BcTableEditor *self)
{
  Cell *cell = g_steal_pointer (&self->invalid_cell);

  if (cell == NULL)
    return;
  cell->invalid = FALSE;
  gtk_widget_remove_css_class (cell->widget, "error");
  bc_ui_set_tooltip (cell->widget, NULL);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (cell->widget), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (cell->widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  _bc_table_editor_refresh_cell (self, cell);
}

/* @cell, if any, is shown in error until the message goes away. */
void
_bc_table_editor_show_message (BcTableEditor *self,
                               Cell          *cell,
                               const char    *message)
{
  clear_invalid (self);
  if (cell != NULL)
    {
      self->invalid_cell = cell;
      cell->invalid = TRUE;
      gtk_widget_add_css_class (cell->widget, "error");
      bc_ui_set_tooltip (cell->widget, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (cell->widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell->widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  gtk_label_set_text (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

void
_bc_table_editor_hide_message (BcTableEditor *self)
{
  clear_invalid (self);
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

static void
refuse (BcTableEditor *self,
        Cell          *cell,
        const char    *reason)
{
  g_autofree char *message = NULL;

  /* Translators: a refused cell: the row's number, the column, why */
  message = g_strdup_printf (_("Row %s, %s: %s. The previous value is kept."),
                             cell->row->def->number, cell->column->label, reason);
  _bc_table_editor_show_message (self, cell, message);
}

/* Editing */

/* Stores what @cell's entry holds. A refused value leaves the report as
 * it was, puts the stored value back in the entry and says why.
 * Returns: FALSE when the value was refused */
gboolean
_bc_table_editor_commit (BcTableEditor *self,
                         Cell          *cell)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;

  if (cell->kind != CELL_DATA || !GTK_IS_ENTRY (cell->widget) || self->session == NULL)
    return TRUE;
  /* A cell left without typing is not stored again: the value it shows
   * may have been changed meanwhile by another program. One typed is
   * handed to the session even when it looks unchanged: the session
   * compares it with the library, not with the window's copy. */
  if (!cell->typed)
    {
      if (cell->invalid)
        _bc_table_editor_hide_message (self);
      _bc_table_editor_refresh_cell (self, cell);
      return TRUE;
    }

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell->widget))));
  value = _bc_table_editor_cell_value (cell, text, &error);

  cell->typed = FALSE;
  if (value == NULL || !bc_edit_session_set (self->session, cell->key, value, &error))
    {
      refuse (self, cell, error->message);
      _bc_table_editor_refresh_cell (self, cell);
      /* Typing again replaces the refused value. */
      if (cell == self->current)
        gtk_editable_select_region (GTK_EDITABLE (cell->widget), 0, -1);
      return FALSE;
    }
  if (self->invalid_cell != NULL)
    _bc_table_editor_hide_message (self);
  return TRUE;
}

/* Escape: the stored value back, as if nothing had been typed. */
void
_bc_table_editor_revert (BcTableEditor *self,
                         Cell          *cell)
{
  if (cell->invalid)
    _bc_table_editor_hide_message (self);
  cell->typed = FALSE;
  _bc_table_editor_refresh_cell (self, cell);
  if (GTK_IS_EDITABLE (cell->widget))
    gtk_editable_select_region (GTK_EDITABLE (cell->widget), 0, -1);
}

/* Callbacks */

static void
text_focus_cb (GtkWidget  *text,
               GParamSpec *pspec,
               Cell       *cell)
{
  BcTableEditor *self = cell->row->editor;

  if (gtk_widget_has_focus (text))
    {
      self->current = cell;
      _bc_table_editor_refresh_cell (self, cell);
      gtk_editable_select_region (GTK_EDITABLE (cell->widget), 0, -1);
      return;
    }
  if (self->current == cell)
    self->current = NULL;
  _bc_table_editor_commit (self, cell);
  _bc_table_editor_refresh_cell (self, cell);
}

static void
preedit_changed_cb (GtkText    *text,
                    const char *preedit,
                    Cell       *cell)
{
  cell->composing = preedit != NULL && *preedit != '\0';
}

static void
paste_clipboard_cb (GtkWidget *text,
                    Cell      *cell)
{
  /* A block copied from a spreadsheet fills cells, not this entry. */
  g_signal_stop_emission_by_name (text, "paste-clipboard");
  _bc_table_editor_paste_clipboard (cell->row->editor, cell);
}

/* Enter without the key controller (an input method, a test): store and go down. */
static void
entry_activate_cb (GtkWidget *entry,
                   Cell      *cell)
{
  _bc_table_editor_key_pressed (cell->row->editor, GDK_KEY_Return, 0);
}

static void
choice_selected_cb (BcChoiceButton *choice,
                    GParamSpec     *pspec,
                    Cell           *cell)
{
  BcTableEditor *self = cell->row->editor;
  g_autoptr(GError) error = NULL;
  guint selected = bc_choice_button_get_selected (choice);
  const char *value = NULL;

  if (self->updating || self->session == NULL)
    return;
  if (selected != 0)
    value = bc_choice_button_get_string (choice, selected);
  if (!bc_edit_session_set (self->session, cell->key, value, &error))
    {
      refuse (self, cell, error->message);
      _bc_table_editor_refresh_cell (self, cell);
    }
}

static void
applies_toggled_cb (GtkCheckButton *button,
                    Cell           *cell)
{
  BcTableEditor *self = cell->row->editor;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->session == NULL)
    return;
  if (!bc_edit_session_set (self->session, cell->key,
                            gtk_check_button_get_active (button) ? "1" : "0", &error))
    _bc_table_editor_show_message (self, NULL, error->message);
}

/* A click on a cell that has not the focus selects its content, as in a
 * spreadsheet: what is typed then replaces it. A click in the cell being
 * edited places the cursor. */
static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 Cell            *cell)
{
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (cell->widget)));

  if (gtk_widget_has_focus (text) || n_press != 1)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (cell->widget);
  gtk_editable_select_region (GTK_EDITABLE (cell->widget), 0, -1);
}

/* Wires the cell's widget to the session. */
void
_bc_table_editor_connect_cell (BcTableEditor *self,
                               Cell          *cell)
{
  GtkWidget *text;

  if (cell->kind == CELL_APPLIES)
    {
      g_signal_connect (cell->widget, "toggled", G_CALLBACK (applies_toggled_cb), cell);
      return;
    }
  if (cell->kind != CELL_DATA)
    return;
  if (BC_IS_CHOICE_BUTTON (cell->widget))
    {
      g_signal_connect (cell->widget, "notify::selected", G_CALLBACK (choice_selected_cb), cell);
      return;
    }
  if (!GTK_IS_ENTRY (cell->widget))
    return;
  text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (cell->widget)));
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect (click, "pressed", G_CALLBACK (cell_pressed_cb), cell);
    gtk_widget_add_controller (cell->widget, GTK_EVENT_CONTROLLER (click));
  }
  g_signal_connect (text, "notify::has-focus", G_CALLBACK (text_focus_cb), cell);
  g_signal_connect (text, "paste-clipboard", G_CALLBACK (paste_clipboard_cb), cell);
  g_signal_connect (text, "preedit-changed", G_CALLBACK (preedit_changed_cb), cell);
  g_signal_connect (cell->widget, "activate", G_CALLBACK (entry_activate_cb), cell);
}

void
_bc_table_editor_cell_added (BcTableEditor *self,
                             Cell          *cell)
{
  g_signal_emit (self, signals[CELL_ADDED], 0, cell->key, cell->widget);
}

/* The header and the totals follow the body sideways, the frozen names
 * up and down. */
static void
follow_cb (BcTableEditor *self)
{
  double x = gtk_adjustment_get_value (gtk_scrolled_window_get_hadjustment (self->body_window));
  double y = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->body_window));

  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->header_window), x);
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->footer_window), x);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->left_window), y);
}

/* The wheel over the names scrolls the body, which the names follow. */
static gboolean
names_scrolled_cb (GtkEventControllerScroll *controller,
                   double                    dx,
                   double                    dy,
                   BcTableEditor            *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->body_window);
  double step = 1;

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
  return TRUE;
}

/* Widens @bounds, a cell's in the body grid, to its row's height: the
 * frozen grid on the left has the same rows at the same heights. */
static void
row_extent (BcTableEditor   *self,
            Cell            *cell,
            graphene_rect_t *bounds)
{
  GtkWidget *name = cell->row->name_label != NULL ? gtk_widget_get_parent (cell->row->name_label) : NULL;
  graphene_rect_t name_bounds;

  if (name != NULL && gtk_widget_compute_bounds (name, GTK_WIDGET (self->left_grid), &name_bounds))
    {
      name_bounds.origin.x = bounds->origin.x;
      name_bounds.size.width = bounds->size.width;
      graphene_rect_union (bounds, &name_bounds, bounds);
    }
}

/* Brings the cell focused by bc_table_editor_focus_cell() into view once
 * it has its place. The viewport may still be animating towards where
 * the cell seemed to be before the layout: keep the cell in view until
 * that has settled. */
static gboolean
scroll_to_cell_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  BcTableEditor *self = BC_TABLE_EDITOR (widget);
  GtkAdjustment *horizontal = gtk_scrolled_window_get_hadjustment (self->body_window);
  GtkAdjustment *vertical = gtk_scrolled_window_get_vadjustment (self->body_window);
  Cell *cell = self->scroll_target;
  graphene_rect_t bounds;
  double x, y;

  if (cell == NULL || !gtk_widget_compute_bounds (cell->widget, GTK_WIDGET (self->body_grid), &bounds))
    goto done;
  if (gtk_widget_get_height (cell->widget) == 0)
    return G_SOURCE_CONTINUE;
  if (self->scroll_frames++ > 30)
    goto done;
  x = gtk_adjustment_get_value (horizontal);
  y = gtk_adjustment_get_value (vertical);
  gtk_adjustment_clamp_page (horizontal, bounds.origin.x, bounds.origin.x + bounds.size.width);
  /* The whole row, not only the cell: its name, on the left, may take
   * more lines, which would stay under the totals below it. */
  row_extent (self, cell, &bounds);
  gtk_adjustment_clamp_page (vertical, bounds.origin.y, bounds.origin.y + bounds.size.height);
  if (x != gtk_adjustment_get_value (horizontal) || y != gtk_adjustment_get_value (vertical))
    self->scroll_settled = 0;
  else if (++self->scroll_settled < 3)
    return G_SOURCE_CONTINUE;
  else
    goto done;
  return G_SOURCE_CONTINUE;

done:
  self->scroll_target = NULL;
  self->scroll_frames = 0;
  self->scroll_settled = 0;
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
value_changed_cb (BcTableEditor *self,
                  const char    *key,
                  BcReport      *report)
{
  _bc_table_editor_report_changed (self, key);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BcTableEditor         *self)
{
  return _bc_table_editor_key_pressed (self, keyval, state);
}

/* The displays the editor's style sheet was added to (their cascade
 * holds it); a display leaves the list when it goes. */
static GPtrArray *styled_displays;

static void
display_gone_cb (gpointer  data,
                 GObject  *display)
{
  g_ptr_array_remove_fast (styled_displays, display);
}

/* The editor's own style sheet, once per display. */
static void
ensure_css (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (styled_displays == NULL)
    styled_displays = g_ptr_array_new ();
  if (display == NULL || g_ptr_array_find (styled_displays, display, NULL))
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/baocao/Baocao/ui/bc-table-editor.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_ptr_array_add (styled_displays, display);
  g_object_weak_ref (G_OBJECT (display), display_gone_cb, NULL);
}

/* Actions */

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BcTableEditor *self = BC_TABLE_EDITOR (widget);

  if (self->current != NULL)
    _bc_table_editor_revert (self, self->current);
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _bc_table_editor_hide_message (BC_TABLE_EDITOR (widget));
}

static void
table_row_free (TableRow *row)
{
  BcTableEditor *self = row->editor;

  if (row->cells != NULL)
    for (guint i = 0; i < self->n_nav; i++)
      g_free (row->cells[i].key);
  g_free (row->cells);
  g_free (row->dimmed);
  g_free (row);
}

static void
bc_table_editor_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bc_table_editor_parent_class)->root (widget);
  _bc_table_editor_start_building (BC_TABLE_EDITOR (widget));
}

static void
bc_table_editor_dispose (GObject *object)
{
  BcTableEditor *self = BC_TABLE_EDITOR (object);

  /* What was typed in the focused cell is kept, as if it had been left. */
  if (self->current != NULL && self->session != NULL)
    _bc_table_editor_commit (self, self->current);
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->build_id, g_source_remove);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  self->scroll_target = NULL;
  if (self->report != NULL)
    g_signal_handlers_disconnect_by_data (self->report, self);
  g_clear_object (&self->session);
  self->current = NULL;
  self->invalid_cell = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_TABLE_EDITOR);

  G_OBJECT_CLASS (bc_table_editor_parent_class)->dispose (object);
}

static void
bc_table_editor_finalize (GObject *object)
{
  BcTableEditor *self = BC_TABLE_EDITOR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->row_index, g_hash_table_unref);
  g_clear_pointer (&self->cell_index, g_hash_table_unref);
  g_free (self->totals);
  for (guint nav = 0; self->column_widths != NULL && nav < self->n_nav; nav++)
    g_object_unref (self->column_widths[nav]);
  g_free (self->column_widths);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (bc_table_editor_parent_class)->finalize (object);
}

static void
bc_table_editor_class_init (BcTableEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_table_editor_dispose;
  object_class->finalize = bc_table_editor_finalize;
  widget_class->root = bc_table_editor_root;

  g_type_ensure (BC_TYPE_MINIMUM_WIDTH_BIN);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baocao/Baocao/ui/bc-table-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, box);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, caption_label);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, left_header_grid);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, header_window);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, left_window);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, left_grid);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, left_footer_grid);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, header_grid);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, body_window);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, body_grid);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, footer_window);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, footer_grid);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, message_label);

  /**
   * BcTableEditor::cell-added:
   * @key: the report key the cell shows, "tbl/<table>/<row>/<column>"
   * @widget: the cell's widget, as bc_table_editor_get_cell() returns it
   *
   * Emitted for each cell of the template's columns when its row is
   * built: the rows a window shows first when the editor is put in one,
   * the others just after, or all at once when an accessor needs them.
   */
  signals[CELL_ADDED] =
    g_signal_new ("cell-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, GTK_TYPE_WIDGET);

  gtk_widget_class_install_action (widget_class, "table.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "table.dismiss", NULL, dismiss_action);
}

static void
bc_table_editor_init (BcTableEditor *self)
{
  GtkEventController *keys, *scroll;
  struct
  {
    GtkScrolledWindow *window;
    GtkAdjustment *(*adjustment) (GtkScrolledWindow *);
  } followers[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  followers[0].window = self->header_window;
  followers[0].adjustment = gtk_scrolled_window_get_hadjustment;
  followers[1].window = self->footer_window;
  followers[1].adjustment = gtk_scrolled_window_get_hadjustment;
  followers[2].window = self->left_window;
  followers[2].adjustment = gtk_scrolled_window_get_vadjustment;
  ensure_css (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) table_row_free);
  self->row_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->cell_index = g_hash_table_new (NULL, NULL);
  self->cancellable = g_cancellable_new ();

  /* The header and the totals scroll sideways with the body, the frozen
   * names up and down; the body alone takes the pointer's scrolling. Each
   * keeps its own adjustment: viewports sharing one would each set its
   * range while allocating and could undo one another's every frame. */
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->body_window), "value-changed",
                           G_CALLBACK (follow_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->body_window), "value-changed",
                           G_CALLBACK (follow_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (followers); i++)
    {
      gtk_widget_set_can_target (GTK_WIDGET (followers[i].window), followers[i].window == self->left_window);
      g_signal_connect_object (followers[i].adjustment (followers[i].window), "changed",
                               G_CALLBACK (follow_cb), self, G_CONNECT_SWAPPED);
    }
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (names_scrolled_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->left_window), scroll);

  /* Capture: Tab, Enter and the arrows must reach us before the entries. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->body_grid), keys);
}

/**
 * bc_table_editor_new:
 * @session: the session editing the report
 * @table: one of the tables of the report's template
 *
 * The rows a window shows first are built when the editor is put in one,
 * the others just after the first frame (see #BcTableEditor::cell-added);
 * the accessors build them all at once when they need to.
 *
 * Returns: (transfer floating): an editor of @table's cells
 */
GtkWidget *
bc_table_editor_new (BcEditSession    *session,
                     const BcTableDef *table)
{
  BcTableEditor *self;

  g_return_val_if_fail (BC_IS_EDIT_SESSION (session), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (BC_TYPE_TABLE_EDITOR, NULL);
  self->session = g_object_ref (session);
  self->report = g_object_ref (bc_edit_session_get_report (session));
  self->table = table;
  self->n_nav = table->columns->len + 2;

  /* One line each, the whole text in the tooltip when the window is
   * narrow: a wrapping label would be laid out again for every width GTK
   * tries while it sizes the window. */
  gtk_label_set_text (self->title_label, table->title);
  bc_ui_set_tooltip (GTK_WIDGET (self->caption_label), table->caption);
  gtk_label_set_text (self->caption_label, table->caption ? table->caption : "");
  gtk_widget_set_visible (GTK_WIDGET (self->caption_label), table->caption && *table->caption);
  _bc_table_editor_build (self);
  g_signal_connect_object (self->report, "value-changed",
                           G_CALLBACK (value_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/**
 * bc_table_editor_set_store:
 * @store: (nullable): the library the report is in, which must outlive
 *   the editor; %NULL: none
 *
 * With a library, the totals row gets a History button: each total of a
 * column of counts over the last 12 periods of the unit's reports.
 */
void
bc_table_editor_set_store (BcTableEditor *self,
                           BcStore       *store)
{
  g_auto(GStrv) keys = NULL;

  g_return_if_fail (BC_IS_TABLE_EDITOR (self));

  if (self->history != NULL)
    {
      gtk_box_remove (GTK_BOX (self->totals_box), self->history);
      self->history = NULL;
    }
  if (store == NULL || self->totals_box == NULL)
    return;
  keys = bc_trend_table_keys (self->table);
  if (keys[0] == NULL)
    return;
  self->history = bc_trend_button_new_for_keys (store, self->report, (const char * const *) keys);
  gtk_widget_set_name (self->history, "totals-history");
  gtk_box_append (GTK_BOX (self->totals_box), self->history);
}

/**
 * bc_table_editor_get_history:
 *
 * Returns: (transfer none) (nullable): the totals' History button
 */
GtkWidget *
bc_table_editor_get_history (BcTableEditor *self)
{
  g_return_val_if_fail (BC_IS_TABLE_EDITOR (self), NULL);
  return self->history;
}

BcEditSession *
bc_table_editor_get_session (BcTableEditor *self)
{
  g_return_val_if_fail (BC_IS_TABLE_EDITOR (self), NULL);
  return self->session;
}

const BcTableDef *
bc_table_editor_get_table (BcTableEditor *self)
{
  g_return_val_if_fail (BC_IS_TABLE_EDITOR (self), NULL);
  return self->table;
}

static Cell *
find_cell (BcTableEditor *self,
           const char    *row_key,
           const char    *column_id)
{
  TableRow *row = g_hash_table_lookup (self->row_index, row_key);

  if (row == NULL || row->cells == NULL)
    return NULL;
  for (guint i = 1; i + 1 < self->n_nav; i++)
    if (g_str_equal (row->cells[i].column->id, column_id))
      return &row->cells[i];
  return NULL;
}

/**
 * bc_table_editor_focus_cell:
 *
 * Moves the keyboard focus to a cell, as Tab would.
 *
 * Returns: %FALSE when there is no such cell or it cannot take the focus
 */
gboolean
bc_table_editor_focus_cell (BcTableEditor *self,
                            const char    *row_key,
                            const char    *column_id)
{
  Cell *cell;

  g_return_val_if_fail (BC_IS_TABLE_EDITOR (self), FALSE);

  _bc_table_editor_ensure_built (self);
  cell = find_cell (self, row_key, column_id);
  if (cell == NULL || !_bc_table_editor_cell_focusable (cell))
    return FALSE;
  _bc_table_editor_focus (cell);
  /* A new editor has no layout yet for its viewport to scroll to. */
  self->scroll_target = cell;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_cell_cb, NULL, NULL);
  return TRUE;
}

/**
 * bc_table_editor_get_cell:
 *
 * Returns: (transfer none) (nullable): the cell's widget: a #GtkEntry for
 *   integer and text columns, a #BcChoiceButton for choices, a #GtkLabel for
 *   computed columns
 */
GtkWidget *
bc_table_editor_get_cell (BcTableEditor *self,
                          const char    *row_key,
                          const char    *column_id)
{
  Cell *cell;

  g_return_val_if_fail (BC_IS_TABLE_EDITOR (self), NULL);
  _bc_table_editor_ensure_built (self);
  cell = find_cell (self, row_key, column_id);
  return cell ? cell->widget : NULL;
}

/**
 * bc_table_editor_get_applies_toggle:
 *
 * Returns: (transfer none) (nullable): the row's "applies to this unit" check box
 */
GtkWidget *
bc_table_editor_get_applies_toggle (BcTableEditor *self,
                                    const char    *row_key)
{
  TableRow *row;

  g_return_val_if_fail (BC_IS_TABLE_EDITOR (self), NULL);
  _bc_table_editor_ensure_built (self);
  row = g_hash_table_lookup (self->row_index, row_key);
  return row && row->cells ? row->cells[0].widget : NULL;
}

/**
 * bc_table_editor_get_note_entry:
 *
 * Returns: (transfer none) (nullable): the entry of the row's note
 *   popover; activating it stores the note
 */
GtkWidget *
bc_table_editor_get_note_entry (BcTableEditor *self,
                                const char    *row_key)
{
  TableRow *row;

  g_return_val_if_fail (BC_IS_TABLE_EDITOR (self), NULL);
  _bc_table_editor_ensure_built (self);
  row = g_hash_table_lookup (self->row_index, row_key);
  if (row == NULL || row->cells == NULL)
    return NULL;
  if (row->note_entry == NULL)
    _bc_table_editor_ensure_note_popover (self, row);
  return row->note_entry;
}

/**
 * bc_table_editor_get_total_text:
 *
 * Returns: (nullable): what the totals row shows under @column_id
 */
const char *
bc_table_editor_get_total_text (BcTableEditor *self,
                                const char    *column_id)
{
  g_return_val_if_fail (BC_IS_TABLE_EDITOR (self), NULL);

  if (self->totals == NULL)
    return NULL;
  for (guint i = 0; i < self->table->columns->len; i++)
    if (self->totals[i] != NULL
        && g_str_equal (((BcColumn *) self->table->columns->pdata[i])->id, column_id))
      return gtk_label_get_text (GTK_LABEL (self->totals[i]));
  return NULL;
}

/**
 * bc_table_editor_paste_text:
 * @tsv: rows of tab-separated cells, as spreadsheets copy them
 *
 * Fills the block that starts at the focused cell, as one undo step.
 *
 * Returns: %FALSE when nothing was pasted; the message says why
 */
gboolean
bc_table_editor_paste_text (BcTableEditor *self,
                            const char    *tsv)
{
  Cell *anchor;

  g_return_val_if_fail (BC_IS_TABLE_EDITOR (self), FALSE);
  g_return_val_if_fail (tsv != NULL, FALSE);

  anchor = _bc_table_editor_focused_cell (self);
  if (anchor == NULL || anchor->kind != CELL_DATA)
    return FALSE;
  return _bc_table_editor_paste (self, anchor, tsv);
}

/**
 * bc_table_editor_get_message:
 *
 * Returns: (nullable): the message shown under the table, if any
 */
const char *
bc_table_editor_get_message (BcTableEditor *self)
{
  g_return_val_if_fail (BC_IS_TABLE_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->message_revealer))
    return NULL;
  return gtk_label_get_text (self->message_label);
}
