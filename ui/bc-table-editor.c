/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-table-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-number.h"
#include "bc-report.h"
#include "bc-table-editor-private.h"
#include "bc-template.h"

/* An appendix table as a small spreadsheet: a grid of plain entries (a
 * few hundred AdwEntryRows would take too long to build), a frozen
 * two-level column header and a frozen totals row that scroll sideways
 * with the body. Every change goes through the edit session; the cells
 * show what the report holds and follow its "value-changed" signal, so
 * undo, redo and paste all land the same way. */

G_DEFINE_FINAL_TYPE (BcTableEditor, bc_table_editor, GTK_TYPE_WIDGET)

static gboolean
stored_count (BcTableEditor *self,
              TableRow      *row,
              const char    *column_id,
              gint64        *count)
{
  g_autofree char *key = g_strdup_printf ("tbl/%s/%s/%s", self->table->id, row->def->key, column_id);
  const char *value = bc_report_get (self->report, key);

  if (*value == '\0')
    return FALSE;
  *count = g_ascii_strtoll (value, NULL, 10);
  return TRUE;
}

static char *
ratio_text (gboolean have_numerator,
            gint64   numerator,
            gboolean have_denominator,
            gint64   denominator)
{
  if (!have_numerator || !have_denominator || denominator == 0)
    return g_strdup ("–");
  return bc_format_percent ((double) numerator / (double) denominator, 2);
}

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

/* Cells show the report */

void
_bc_table_editor_set_entry_text (BcTableEditor *self,
                GtkWidget     *entry,
                const char    *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  self->updating = FALSE;
}

static void
refresh_choice (BcTableEditor *self,
                Cell          *cell,
                const char    *value)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (cell->widget));
  guint n = g_list_model_get_n_items (model);
  guint selected = 0;

  /* Item 0 is "–", no value. */
  for (guint i = 1; i < n && *value != '\0'; i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), value))
      selected = i;
  if (selected == 0 && *value != '\0')
    {
      /* Not one of the template's choices (an older template): keep showing it. */
      gtk_string_list_append (GTK_STRING_LIST (model), value);
      selected = n;
    }
  self->updating = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cell->widget), selected);
  self->updating = FALSE;
}

static void
refresh_cell (BcTableEditor *self,
              Cell          *cell)
{
  const char *value = bc_report_get (self->report, cell->key);
  g_autofree char *text = NULL;

  switch (cell->column->type)
    {
    case BC_COLUMN_INTEGER:
      /* Grouped for reading; the bare digits while the clerk edits them. */
      if (*value != '\0' && cell != self->current)
        text = bc_format_int (g_ascii_strtoll (value, NULL, 10));
      _bc_table_editor_set_entry_text (self, cell->widget, text ? text : value);
      break;
    case BC_COLUMN_TEXT:
      _bc_table_editor_set_entry_text (self, cell->widget, value);
      if (!cell->invalid)
        gtk_widget_set_tooltip_text (cell->widget, *value ? value : NULL);
      break;
    case BC_COLUMN_CHOICE:
      refresh_choice (self, cell, value);
      break;
    case BC_COLUMN_COMPUTED:
    default:
      break;
    }
}

static void
refresh_computed (BcTableEditor *self,
                  TableRow      *row)
{
  for (guint i = 0; i < self->table->columns->len; i++)
    {
      const BcColumn *column = self->table->columns->pdata[i];
      gint64 numerator = 0, denominator = 0;
      gboolean have_numerator, have_denominator;
      g_autofree char *text = NULL;

      if (column->type != BC_COLUMN_COMPUTED)
        continue;
      have_numerator = stored_count (self, row, column->numerator, &numerator);
      have_denominator = stored_count (self, row, column->denominator, &denominator);
      text = ratio_text (have_numerator, numerator, have_denominator, denominator);
      gtk_label_set_text (GTK_LABEL (row->cells[i + 1].widget), text);
    }
}

static gint64
column_total (BcTableEditor *self,
              const char    *column_id,
              gboolean      *any)
{
  gint64 total = 0;

  *any = FALSE;
  for (guint r = 0; r < self->rows->len; r++)
    {
      TableRow *row = self->rows->pdata[r];
      gint64 count;

      if (row->def->heading
          || !bc_report_row_applies (self->report, self->table->id, row->def->key))
        continue;
      if (stored_count (self, row, column_id, &count))
        {
          total += count;
          *any = TRUE;
        }
    }
  return total;
}

void
_bc_table_editor_refresh_totals (BcTableEditor *self)
{
  if (self->totals == NULL)
    return;
  for (guint i = 0; i < self->table->columns->len; i++)
    {
      const BcColumn *column = self->table->columns->pdata[i];
      g_autofree char *text = NULL;
      gboolean any, have_denominator;
      gint64 numerator, denominator;

      if (self->totals[i] == NULL)
        continue;
      if (column->type == BC_COLUMN_INTEGER)
        text = bc_format_int (column_total (self, column->id, &any));
      else
        {
          numerator = column_total (self, column->numerator, &any);
          denominator = column_total (self, column->denominator, &have_denominator);
          text = ratio_text (any, numerator, have_denominator, denominator);
        }
      gtk_label_set_text (GTK_LABEL (self->totals[i]), text);
    }
}

static void
refresh_applies (BcTableEditor *self,
                 TableRow      *row)
{
  gboolean applies = bc_report_row_applies (self->report, self->table->id, row->def->key);

  self->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row->cells[0].widget), applies);
  self->updating = FALSE;
  for (guint i = 1; i + 1 < self->n_nav; i++)
    gtk_widget_set_sensitive (row->cells[i].widget, applies);
  for (GtkWidget **label = row->dimmed; *label != NULL; label++)
    {
      if (applies)
        gtk_widget_remove_css_class (*label, "dim-label");
      else
        gtk_widget_add_css_class (*label, "dim-label");
    }
}

static void
refresh_note (BcTableEditor *self,
              TableRow      *row)
{
  Cell *cell = &row->cells[self->n_nav - 1];
  const char *note = bc_report_get (self->report, cell->key);
  gboolean has_note = *note != '\0';

  if (has_note && row->note_label == NULL)
    {
    _bc_table_editor_add_note_label (self, row);
    }
  if (row->note_label != NULL)
    {
      gtk_label_set_text (GTK_LABEL (row->note_label), note);
      gtk_widget_set_visible (row->note_label, has_note);
    }
  if (row->note_entry != NULL && !gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row->note_entry)))))
    _bc_table_editor_set_entry_text (self, row->note_entry, note);

  gtk_widget_set_tooltip_text (cell->widget, has_note ? _("Edit the Note") : _("Add a Note"));
  if (has_note)
    gtk_widget_add_css_class (cell->widget, "has-note");
  else
    gtk_widget_remove_css_class (cell->widget, "has-note");
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, note,
                                  -1);
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
  gtk_widget_set_tooltip_text (cell->widget, NULL);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (cell->widget), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (cell->widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  refresh_cell (self, cell);
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
      gtk_widget_set_tooltip_text (cell->widget, message);
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
  gint64 count;

  if (cell->kind != CELL_DATA || !GTK_IS_ENTRY (cell->widget) || self->session == NULL)
    return TRUE;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell->widget))));
  if (cell->column->type != BC_COLUMN_INTEGER || *text == '\0')
    value = g_steal_pointer (&text);
  else if (bc_parse_count (text, cell->column->max, &count, &error))
    value = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  if (value != NULL && g_str_equal (value, bc_report_get (self->report, cell->key)))
    {
      if (cell->invalid)
        _bc_table_editor_hide_message (self);
      refresh_cell (self, cell);
      return TRUE;
    }
  if (value == NULL || !bc_edit_session_set (self->session, cell->key, value, &error))
    {
      refuse (self, cell, error->message);
      refresh_cell (self, cell);
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
  refresh_cell (self, cell);
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
      refresh_cell (self, cell);
      gtk_editable_select_region (GTK_EDITABLE (cell->widget), 0, -1);
      return;
    }
  if (self->current == cell)
    self->current = NULL;
  _bc_table_editor_commit (self, cell);
  refresh_cell (self, cell);
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
choice_selected_cb (GtkDropDown *drop_down,
                    GParamSpec  *pspec,
                    Cell        *cell)
{
  BcTableEditor *self = cell->row->editor;
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (drop_down);
  const char *value = NULL;

  if (self->updating || self->session == NULL)
    return;
  if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
    value = gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (drop_down)), selected);
  if (!bc_edit_session_set (self->session, cell->key, value, &error))
    {
      refuse (self, cell, error->message);
      refresh_cell (self, cell);
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
  if (GTK_IS_DROP_DOWN (cell->widget))
    {
      g_signal_connect (cell->widget, "notify::selected", G_CALLBACK (choice_selected_cb), cell);
      return;
    }
  if (!GTK_IS_ENTRY (cell->widget))
    return;
  text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (cell->widget)));
  g_signal_connect (text, "notify::has-focus", G_CALLBACK (text_focus_cb), cell);
  g_signal_connect (text, "paste-clipboard", G_CALLBACK (paste_clipboard_cb), cell);
  g_signal_connect (text, "preedit-changed", G_CALLBACK (preedit_changed_cb), cell);
  g_signal_connect (cell->widget, "activate", G_CALLBACK (entry_activate_cb), cell);
}

/* Every cell of @row as the report has it. */
void
_bc_table_editor_refresh_row (BcTableEditor *self,
                              TableRow      *row)
{
  for (guint i = 1; i + 1 < self->n_nav; i++)
    refresh_cell (self, &row->cells[i]);
  refresh_computed (self, row);
  refresh_applies (self, row);
  refresh_note (self, row);
}

static void
value_changed_cb (BcTableEditor *self,
                  const char    *key,
                  BcReport      *report)
{
  g_autofree char *prefix = g_strdup_printf ("tbl/%s/", self->table->id);
  g_autofree char *row_key = NULL;
  const char *field;
  TableRow *row;

  if (!g_str_has_prefix (key, prefix) || (field = strrchr (key, '/')) == NULL)
    return;
  row_key = g_strndup (key + strlen (prefix), (gsize) (field - key) - strlen (prefix));
  field++;
  if ((row = g_hash_table_lookup (self->row_index, row_key)) == NULL || row->def->heading)
    return;
  /* A row not built yet reads the report when it is. */
  if (row->cells == NULL)
    {
      _bc_table_editor_refresh_totals (self);
      return;
    }

  if (g_str_equal (field, "applies"))
    {
      refresh_applies (self, row);
      _bc_table_editor_refresh_totals (self);
      return;
    }
  if (g_str_equal (field, "note"))
    {
      refresh_note (self, row);
      return;
    }
  for (guint i = 1; i + 1 < self->n_nav; i++)
    {
      Cell *cell = &row->cells[i];

      if (!g_str_equal (cell->column->id, field))
        continue;
      /* A value arriving from elsewhere (undo, paste) outdates the error. */
      if (cell->invalid)
        _bc_table_editor_hide_message (self);
      refresh_cell (self, cell);
      if (cell->column->type == BC_COLUMN_INTEGER)
        {
          refresh_computed (self, row);
          _bc_table_editor_refresh_totals (self);
        }
    }
}

/* The header and the totals follow the body sideways. */
static void
follow_cb (BcTableEditor *self)
{
  double value = gtk_adjustment_get_value (gtk_scrolled_window_get_hadjustment (self->body_window));

  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->header_window), value);
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->footer_window), value);
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

/* Building */

static void
ensure_css (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "bc-table-editor-css") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/baocao/Baocao/ui/bc-table-editor.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "bc-table-editor-css",
                          g_steal_pointer (&provider), g_object_unref);
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
bc_table_editor_dispose (GObject *object)
{
  BcTableEditor *self = BC_TABLE_EDITOR (object);

  /* What was typed in the focused cell is kept, as if it had been left. */
  if (self->current != NULL && self->session != NULL)
    _bc_table_editor_commit (self, self->current);
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->build_id, g_source_remove);
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
  g_free (self->totals);
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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baocao/Baocao/ui/bc-table-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, box);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, caption_label);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, header_window);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, header_grid);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, body_window);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, body_grid);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, footer_window);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, footer_grid);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, BcTableEditor, message_label);

  gtk_widget_class_install_action (widget_class, "table.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "table.dismiss", NULL, dismiss_action);
}

static void
bc_table_editor_init (BcTableEditor *self)
{
  GtkEventController *keys;
  GtkScrolledWindow *windows[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  windows[0] = self->body_window;
  windows[1] = self->header_window;
  windows[2] = self->footer_window;
  ensure_css (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) table_row_free);
  self->row_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->cancellable = g_cancellable_new ();

  /* The header and the totals scroll sideways with the body, which alone
   * takes the pointer's scrolling. Each keeps its own adjustment: viewports
   * sharing one would each set its range while allocating and could undo
   * one another's every frame. */
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (windows[i]);

      if (i > 0)
        gtk_widget_set_can_target (GTK_WIDGET (windows[i]), FALSE);
      g_signal_connect_object (adjustment, i == 0 ? "value-changed" : "changed",
                               G_CALLBACK (follow_cb), self, G_CONNECT_SWAPPED);
    }

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

  gtk_label_set_text (self->title_label, table->title);
  gtk_label_set_text (self->caption_label, table->caption ? table->caption : "");
  gtk_widget_set_visible (GTK_WIDGET (self->caption_label), table->caption && *table->caption);
  _bc_table_editor_build (self);
  g_signal_connect_object (self->report, "value-changed",
                           G_CALLBACK (value_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
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
  return TRUE;
}

/**
 * bc_table_editor_get_cell:
 *
 * Returns: (transfer none) (nullable): the cell's widget: a #GtkEntry for
 *   integer and text columns, a #GtkDropDown for choices, a #GtkLabel for
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
