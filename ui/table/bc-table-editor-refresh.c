/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-table-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-choice-button.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-report.h"
#include "bc-edit-session.h"
#include "bc-table-editor-private.h"
#include "bc-ui-utils.h"

/* The table editor's cells show what the report holds: counts grouped
 * the Vietnamese way, ratios, totals over the rows that apply, notes;
 * and follow it as it changes. */

static gboolean
stored_count (BcTableEditor *self,
              TableRow      *row,
              const char    *column_id,
              gint64        *count)
{
  g_autofree char *key = bc_key_cell (self->table->id, row->def->key, column_id);
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

/* The exact ratio @cell shows, in percent; FALSE when it shows none. */
gboolean
_bc_table_editor_cell_percent (BcTableEditor *self,
                               Cell          *cell,
                               double        *percent)
{
  gint64 numerator, denominator;

  if (!stored_count (self, cell->row, cell->column->numerator, &numerator)
      || !stored_count (self, cell->row, cell->column->denominator, &denominator)
      || denominator == 0)
    return FALSE;
  *percent = 100.0 * (double) numerator / (double) denominator;
  return TRUE;
}

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
  BcChoiceButton *choice = BC_CHOICE_BUTTON (cell->widget);
  guint n = bc_choice_button_get_n_items (choice);
  guint selected = 0;

  /* Item 0 is "–", no value. */
  for (guint i = 1; i < n && *value != '\0'; i++)
    if (g_str_equal (bc_choice_button_get_string (choice, i), value))
      selected = i;
  if (selected == 0 && *value != '\0')
    {
      /* Not one of the template's choices (an older template): keep showing it. */
      bc_choice_button_append (choice, value);
      selected = n;
    }
  self->updating = TRUE;
  bc_choice_button_set_selected (choice, selected);
  self->updating = FALSE;
}

void
_bc_table_editor_refresh_cell (BcTableEditor *self,
                               Cell          *cell)
{
  const char *value = bc_report_get (self->report, cell->key);
  g_autofree char *text = NULL;

  /* What the clerk is typing is kept when the value changes elsewhere:
   * leaving the cell stores it, compared with the library's value. */
  if (cell->typed)
    return;
  switch (cell->column->type)
    {
    case BC_COLUMN_INTEGER:
      /* Grouped for reading; the bare digits while the clerk edits them. */
      if (*value != '\0' && cell != self->current)
        text = bc_format_int (g_ascii_strtoll (value, NULL, 10));
      _bc_table_editor_set_entry_text (self, cell->widget, text ? text : value);
      /* A count taken from the monthly reports says from which. */
      if (!cell->invalid)
        bc_ui_set_tooltip (cell->widget, bc_edit_session_get_origin (self->session, cell->key));
      break;
    case BC_COLUMN_TEXT:
      _bc_table_editor_set_entry_text (self, cell->widget, value);
      if (!cell->invalid)
        bc_ui_set_tooltip (cell->widget, *value ? value : NULL);
      break;
    case BC_COLUMN_PERCENT:
      /* "62,76%", as printed: it reads back as it is shown. */
      if (*value != '\0')
        text = bc_percent_to_display (value);
      _bc_table_editor_set_entry_text (self, cell->widget, text ? text : value);
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
          /* Never a wrapped number: a total over BC_COUNT_MAX is none. */
          if (!bc_count_add (&total, count))
            {
              *any = FALSE;
              return -1;
            }
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
        {
          gint64 total = column_total (self, column->id, &any);
          /* A column nobody filled in sums to nothing, not to 0. */
          text = total < 0 || !any ? g_strdup ("–") : bc_format_int (total);
        }
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

  bc_ui_set_tooltip (cell->widget, has_note ? _("Edit the Note") : _("Add a Note"));
  if (has_note)
    gtk_widget_add_css_class (cell->widget, "has-note");
  else
    gtk_widget_remove_css_class (cell->widget, "has-note");
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, note,
                                  -1);
}

/* Every cell of @row as the report has it. */
void
_bc_table_editor_refresh_row (BcTableEditor *self,
                              TableRow      *row)
{
  for (guint i = 1; i + 1 < self->n_nav; i++)
    _bc_table_editor_refresh_cell (self, &row->cells[i]);
  refresh_computed (self, row);
  refresh_applies (self, row);
  refresh_note (self, row);
}

/* The report changed under @key: typing, undo, redo, a paste. */
void
_bc_table_editor_report_changed (BcTableEditor *self,
                                 const char    *key)
{
  g_auto(BcKey) parsed = BC_KEY_INIT;
  const char *field;
  TableRow *row;

  if (bc_key_parse (&parsed, key) != BC_KEY_CELL || !g_str_equal (parsed.id, self->table->id))
    return;
  field = parsed.field;
  if ((row = g_hash_table_lookup (self->row_index, parsed.sub)) == NULL || row->def->heading)
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
      _bc_table_editor_refresh_cell (self, cell);
      if (cell->column->type == BC_COLUMN_INTEGER)
        {
          refresh_computed (self, row);
          _bc_table_editor_refresh_totals (self);
        }
    }
}
