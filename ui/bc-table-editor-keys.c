/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-table-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-number.h"
#include "bc-store.h"
#include "bc-table-editor-private.h"

/* The table editor's spreadsheet keys (Tab, Enter, the arrows, Escape)
 * and pasting a block copied from LibreOffice Calc or Excel. */

Cell *
_bc_table_editor_focused_cell (BcTableEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *widget = root ? gtk_root_get_focus (root) : NULL;

  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    {
      Cell *cell;

      /* A note popover is inside its button, but it is not the button. */
      if (GTK_IS_POPOVER (widget))
        return NULL;
      if ((cell = g_object_get_data (G_OBJECT (widget), "bc-table-cell")) != NULL)
        return cell;
    }
  return NULL;
}

static Cell *
cell_at (BcTableEditor *self,
         int            row_index,
         int            nav)
{
  TableRow *row;

  if (row_index < 0 || row_index >= (int) self->rows->len)
    return NULL;
  row = self->rows->pdata[row_index];
  if (row->cells == NULL || nav < 0 || nav >= (int) self->n_nav)
    return NULL;
  return &row->cells[nav];
}

/* The next cell up or down in the same column that can take the focus. */
static Cell *
find_vertical (BcTableEditor *self,
               Cell          *from,
               int            step)
{
  for (int r = (int) from->row->index + step; r >= 0 && r < (int) self->rows->len; r += step)
    {
      Cell *cell = cell_at (self, r, (int) from->nav);

      if (cell != NULL && _bc_table_editor_cell_focusable (cell))
        return cell;
    }
  return NULL;
}

static Cell *
find_horizontal (BcTableEditor *self,
                 Cell          *from,
                 int            step)
{
  for (int nav = (int) from->nav + step; nav >= 0 && nav < (int) self->n_nav; nav += step)
    {
      Cell *cell = cell_at (self, (int) from->row->index, nav);

      if (_bc_table_editor_cell_focusable (cell))
        return cell;
    }
  return NULL;
}

/* Tab order: the data cells, row after row. */
static Cell *
find_tab (BcTableEditor *self,
          Cell          *from,
          int            step)
{
  int last = (int) self->n_nav - 2;
  int r = (int) from->row->index;
  int nav = (int) from->nav;

  for (;;)
    {
      Cell *cell;

      nav += step;
      if (nav < 1 || nav > last)
        {
          r += step;
          if (r < 0 || r >= (int) self->rows->len)
            return NULL;
          nav = step > 0 ? 1 : last;
        }
      cell = cell_at (self, r, nav);
      if (cell != NULL && cell->kind == CELL_DATA && _bc_table_editor_cell_focusable (cell))
        return cell;
    }
}

/* The caret is where an arrow leaves the text: at its edge, or the whole
 * text is selected as it is when the cell was just entered. */
static gboolean
caret_at_edge (GtkEditable *editable,
               int          step)
{
  int length = (int) g_utf8_strlen (gtk_editable_get_text (editable), -1);
  int start, end;

  if (gtk_editable_get_selection_bounds (editable, &start, &end))
    return start == 0 && end == length;
  return gtk_editable_get_position (editable) == (step < 0 ? 0 : length);
}

static gboolean
move_to (BcTableEditor *self,
         Cell          *from,
         Cell          *to)
{
  if (to == NULL)
    return FALSE;
  if (_bc_table_editor_commit (self, from))
    _bc_table_editor_focus (to);
  return TRUE;
}

static gboolean
is_edited (BcTableEditor *self,
           Cell          *cell)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (cell->widget));

  return !g_str_equal (text, bc_report_get (self->report, cell->key));
}

/* Returns: TRUE when the key was used */
gboolean
_bc_table_editor_key_pressed (BcTableEditor   *self,
                              guint            keyval,
                              GdkModifierType  state)
{
  Cell *cell = _bc_table_editor_focused_cell (self);
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK);
  gboolean shift = (mods & GDK_SHIFT_MASK) != 0;
  gboolean plain = (mods & ~GDK_SHIFT_MASK) == 0;
  gboolean entry;
  int step;

  if (cell == NULL)
    return FALSE;
  entry = cell->kind == CELL_DATA && GTK_IS_EDITABLE (cell->widget);

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (!plain)
        return FALSE;
      step = shift || keyval == GDK_KEY_ISO_Left_Tab ? -1 : 1;
      return move_to (self, cell, find_tab (self, cell, step));

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (cell->kind != CELL_DATA || !plain)
        return FALSE;
      if (!_bc_table_editor_commit (self, cell))
        return TRUE;
      /* At the last row Enter only stores. */
      if (!move_to (self, cell, find_vertical (self, cell, shift ? -1 : 1)) && entry)
        gtk_editable_select_region (GTK_EDITABLE (cell->widget), 0, -1);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (mods != 0)
        return FALSE;
      step = keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1;
      move_to (self, cell, find_vertical (self, cell, step));
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (mods != 0)
        return FALSE;
      step = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1;
      if (entry && !caret_at_edge (GTK_EDITABLE (cell->widget), step))
        return FALSE;
      return move_to (self, cell, find_horizontal (self, cell, step));

    case GDK_KEY_Escape:
      if (!entry || mods != 0)
        return FALSE;
      _bc_table_editor_revert (self, cell);
      return TRUE;

    case GDK_KEY_z:
      /* Ctrl+Z first drops what was typed in the cell, then undoes edits. */
      if (!entry || mods != GDK_CONTROL_MASK || !is_edited (self, cell))
        return FALSE;
      _bc_table_editor_revert (self, cell);
      return TRUE;

    case GDK_KEY_v:
      /* Entries paste through their own "paste-clipboard" signal. */
      if (cell->kind != CELL_DATA || entry || mods != GDK_CONTROL_MASK)
        return FALSE;
      _bc_table_editor_paste_clipboard (self, cell);
      return TRUE;

    default:
      return FALSE;
    }
}

/* Pasting */

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

/* What @text stores in @cell: NULL with @error set when it is refused. */
static char *
paste_value (Cell        *cell,
             const char  *text,
             GError     **error)
{
  const char *choice;
  gint64 count;

  if (*text == '\0')
    return g_strdup ("");
  switch (cell->column->type)
    {
    case BC_COLUMN_INTEGER:
      if (!bc_parse_count (text, cell->column->max, &count, error))
        return NULL;
      return g_strdup_printf ("%" G_GINT64_FORMAT, count);
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

gboolean
_bc_table_editor_paste (BcTableEditor *self,
                        Cell          *anchor,
                        const char    *tsv)
{
  g_autoptr(GPtrArray) lines = split_tsv (tsv);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (BcEdit));
  g_autoptr(GError) error = NULL;
  guint last = self->n_nav - 2;
  int r = (int) anchor->row->index;

  if (anchor->kind != CELL_DATA || self->session == NULL)
    return FALSE;
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
            continue;
          if ((value = paste_value (cell, text, &error)) == NULL)
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
