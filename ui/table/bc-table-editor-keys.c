/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-table-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-table-editor-private.h"

/* The table editor's spreadsheet keys: Tab, Enter, the arrows, Escape. */

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
      if ((cell = g_hash_table_lookup (self->cell_index, widget)) != NULL)
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

  /* While an input method composes (Telex), its keys are its own: Enter
   * or Tab first commits "Việt", then moves. */
  if (cell == NULL || cell->composing)
    return FALSE;
  _bc_table_editor_ensure_built (self);
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
      /* At the table's edge the key is used all the same: passed on, it
       * would switch the "applies" box of the first column. */
      move_to (self, cell, find_horizontal (self, cell, step));
      return TRUE;

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
