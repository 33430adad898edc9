/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-table-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-narrative.h"
#include "bc-number.h"
#include "bc-store.h"
#include "bc-table-editor-private.h"

/* Pasting into the table editor: a block copied from LibreOffice Calc or
 * Excel (tab-separated cells, a line a row) fills the cells from the
 * focused one, as one undo step, or nothing at all. */

/* One cell as spreadsheets copy it: a field with a tab, a newline or a
 * quote in it comes "quoted", with its quotes doubled. */
static char *
clean_field (const char *field)
{
  g_autofree char *text = g_strstrip (g_strdup (field));
  gsize length = strlen (text);
  GString *out;

  if (length < 2 || text[0] != '"' || text[length - 1] != '"')
    return g_steal_pointer (&text);
  out = g_string_new_len (text + 1, (gssize) length - 2);
  g_string_replace (out, "\"\"", "\"", 0);
  return g_string_free (out, FALSE);
}

/* Rows of cells; one trailing newline is not an empty last row. */
static GPtrArray *
split_tsv (const char *tsv)
{
  g_autofree char *text = g_strdup (tsv);
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gsize length = strlen (text);

  if (length > 0 && text[length - 1] == '\n')
    text[--length] = '\0';
  if (length > 0 && text[length - 1] == '\r')
    text[--length] = '\0';
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize n = strlen (lines[i]);

      if (n > 0 && lines[i][n - 1] == '\r')
        lines[i][n - 1] = '\0';
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
    }
  return rows;
}

static gboolean
is_block (const char *text)
{
  g_autoptr(GPtrArray) rows = split_tsv (text);

  return rows->len > 1 || g_strv_length (rows->pdata[0]) > 1;
}

static const char *
match_choice (const BcColumn *column,
              const char     *text)
{
  g_autofree char *wanted = g_utf8_casefold (text, -1);
  g_autofree char *wanted_nfc = g_utf8_normalize (wanted, -1, G_NORMALIZE_NFC);

  for (guint i = 0; column->choices != NULL && column->choices[i] != NULL; i++)
    {
      g_autofree char *choice = g_utf8_casefold (column->choices[i], -1);
      g_autofree char *choice_nfc = g_utf8_normalize (choice, -1, G_NORMALIZE_NFC);

      if (g_strcmp0 (choice_nfc, wanted_nfc) == 0)
        return column->choices[i];
    }
  return NULL;
}

/* What @text, typed or pasted, stores in @cell: NULL with @error set
 * when it is refused. The one conversion for the grid. */
char *
_bc_table_editor_cell_value (Cell        *cell,
                             const char  *text,
                             GError     **error)
{
  const char *choice;
  char *percent = NULL;
  gint64 count;

  if (*text == '\0')
    return g_strdup ("");
  switch (cell->column->type)
    {
    case BC_COLUMN_INTEGER:
      if (!bc_parse_count (text, cell->column->max, &count, error))
        return NULL;
      return g_strdup_printf ("%" G_GINT64_FORMAT, count);
    case BC_COLUMN_PERCENT:
      if (!bc_parse_percent (text, cell->column->max, &percent, error))
        return NULL;
      return percent;
    case BC_COLUMN_CHOICE:
      if ((choice = match_choice (cell->column, text)) == NULL)
        {
          g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                       _("“%s” is not one of the choices"), text);
          return NULL;
        }
      return g_strdup (choice);
    case BC_COLUMN_TEXT:
    case BC_COLUMN_COMPUTED:
    default:
      return g_strdup (text);
    }
}

/* The next row a pasted line goes to: heading rows and rows that do not
 * apply to this unit take nothing. */
static int
next_paste_row (BcTableEditor *self,
                int            from)
{
  for (int r = from; r < (int) self->rows->len; r++)
    {
      TableRow *row = self->rows->pdata[r];

      if (row->cells != NULL && bc_report_row_applies (self->report, self->table->id, row->def->key))
        return r;
    }
  return -1;
}

static gboolean
refuse_paste (BcTableEditor *self,
              Cell          *cell,
              const char    *reason)
{
  g_autofree char *message = NULL;

  /* Translators: a refused paste: the row's number, the column, why */
  message = g_strdup_printf (_("Nothing was pasted. Row %s, %s: %s."),
                             cell->row->def->number, cell->column->label, reason);
  _bc_table_editor_show_message (self, cell, message);
  return FALSE;
}

/* A ratio pasted onto a computed column is not stored: the counts give
 * it. Said when the pasted one is not what the counts give, so that no
 * figure of the clerk's goes away unnoticed. */
static gboolean
pasted_ratio_agrees (BcTableEditor *self,
                     Cell          *cell,
                     const char    *text)
{
  BcVnNumber stated;
  double percent;

  if (!_bc_table_editor_cell_percent (self, cell, &percent))
    return FALSE;
  return bc_vn_number_parse (text, strlen (text), &stated)
         && stated.end == strlen (text) && stated.is_percent
         && bc_percent_agrees (percent, &stated);
}

static void
tell_ratios_left_out (BcTableEditor *self,
                      GPtrArray     *cells,
                      GPtrArray     *texts)
{
  for (guint i = 0; i < cells->len; i++)
    {
      Cell *cell = cells->pdata[i];
      g_autofree char *message = NULL;

      if (pasted_ratio_agrees (self, cell, texts->pdata[i]))
        continue;
      /* Translators: the row's number, the computed column, what was
       * pasted onto it, what the row's counts give */
      message = g_strdup_printf (_("Pasted. Row %s, %s is computed from the counts: the pasted %s "
                                   "was left out; the counts give %s."),
                                 cell->row->def->number, cell->column->label, (char *) texts->pdata[i],
                                 gtk_label_get_text (GTK_LABEL (cell->widget)));
      _bc_table_editor_show_message (self, NULL, message);
      return;
    }
}

gboolean
_bc_table_editor_paste (BcTableEditor *self,
                        Cell          *anchor,
                        const char    *tsv)
{
  g_autoptr(GPtrArray) lines = split_tsv (tsv);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (BcEdit));
  g_autoptr(GPtrArray) ratio_cells = g_ptr_array_new ();
  g_autoptr(GPtrArray) ratio_texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint last = self->n_nav - 2;
  int r = (int) anchor->row->index;

  if (anchor->kind != CELL_DATA || self->session == NULL)
    return FALSE;
  _bc_table_editor_ensure_built (self);
  for (guint i = 0; i < lines->len && (r = next_paste_row (self, r)) >= 0; i++, r++)
    {
      char **fields = lines->pdata[i];
      TableRow *row = self->rows->pdata[r];

      /* Past the last column is past the edge of the table: left out. */
      for (guint j = 0; fields[j] != NULL && anchor->nav + j <= last; j++)
        {
          Cell *cell = &row->cells[anchor->nav + j];
          g_autofree char *text = clean_field (fields[j]);
          char *value;
          BcEdit edit;

          if (cell->column->type == BC_COLUMN_COMPUTED)
            {
              if (*text != '\0')
                {
                  g_ptr_array_add (ratio_cells, cell);
                  g_ptr_array_add (ratio_texts, g_steal_pointer (&text));
                }
              continue;
            }
          if ((value = _bc_table_editor_cell_value (cell, text, &error)) == NULL)
            return refuse_paste (self, cell, error->message);
          g_ptr_array_add (values, value);
          edit.key = cell->key;
          edit.value = value;
          g_array_append_val (edits, edit);
        }
    }
  if (edits->len == 0)
    return FALSE;
  if (!bc_edit_session_apply (self->session, (BcEdit *) edits->data, edits->len, &error))
    {
      _bc_table_editor_show_message (self, NULL, error->message);
      return FALSE;
    }
  _bc_table_editor_hide_message (self);
  tell_ratios_left_out (self, ratio_cells, ratio_texts);
  return TRUE;
}

static void
clipboard_text_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  Cell *cell = user_data;
  BcTableEditor *self;
  GtkEditable *editable;
  int start, end, position;

  /* Cancelled: the editor is gone, and the cell with it. */
  if (text == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the clipboard: %s", error ? error->message : "no text");
      return;
    }
  self = cell->row->editor;
  if (is_block (text) || !GTK_IS_EDITABLE (cell->widget))
    {
      _bc_table_editor_paste (self, cell, text);
      return;
    }

  /* One value: an ordinary paste into the entry, without the newline a
   * single copied spreadsheet cell ends with. */
  g_strdelimit (text, "\r\n", ' ');
  g_strchomp (text);
  editable = GTK_EDITABLE (cell->widget);
  if (gtk_editable_get_selection_bounds (editable, &start, &end))
    gtk_editable_delete_text (editable, start, end);
  position = gtk_editable_get_position (editable);
  gtk_editable_insert_text (editable, text, -1, &position);
  gtk_editable_set_position (editable, position);
}

void
_bc_table_editor_paste_clipboard (BcTableEditor *self,
                                  Cell          *cell)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (cell->widget);

  gdk_clipboard_read_text_async (clipboard, self->cancellable, clipboard_text_cb, cell);
}
