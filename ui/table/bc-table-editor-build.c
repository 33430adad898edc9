/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-table-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-choice-button.h"
#include "bc-form-utils.h"
#include "bc-keys.h"
#include "bc-report.h"
#include "bc-table-editor-private.h"
#include "bc-ui-utils.h"

/* Builds the table editor's grids from the template: the two-level
 * column header, the rows and the totals, each in two parts, the STT and
 * the names frozen on the left; and each row's note popover. */

/* Column widths in pixels. The header, the body and the totals are three
 * grids, each laid out at its minimum width (BcMinimumWidthBin), each with
 * a ruler row of empty boxes this wide. A column's rulers and its labels
 * (computed cells, totals), which are as wide as their text, are in one
 * size group: a total wider than its column widens it in all three
 * grids. The other cells ask for less than their column: the three line
 * up column for column at every width. */
enum
{
  WIDTH_NUMBER   = 52,
  WIDTH_NAME     = 340,
  WIDTH_APPLIES  = 76,
  WIDTH_INTEGER  = 112,
  WIDTH_COMPUTED = 88,
  WIDTH_CHOICE   = 156,
  WIDTH_TEXT     = 260,
  WIDTH_NOTE     = 52,
};

/* STT and the name are in the frozen grids on the left; the columns of
 * the grids on the right are those of the keyboard grid: applies, the
 * template's columns, the note. */
#define PAD 6
#define INDENT 20
/* What a window shows around the rows (header bar, title, column
 * headings, totals), the height of a row of one line, of each further
 * line of its name, and the most characters a line of the name holds:
 * from these, how many rows the first frame shows. */
#define CHROME_HEIGHT 240
#define MIN_ROW_HEIGHT 36
#define LINE_HEIGHT 16
#define CHARS_PER_LINE 50

static int
column_width (const BcColumn *column)
{
  switch (column->type)
    {
    case BC_COLUMN_INTEGER:
      return WIDTH_INTEGER;
    case BC_COLUMN_TEXT:
      return WIDTH_TEXT;
    case BC_COLUMN_CHOICE:
      return WIDTH_CHOICE;
    case BC_COLUMN_COMPUTED:
    case BC_COLUMN_PERCENT:
    default:
      return WIDTH_COMPUTED;
    }
}

static int
nav_width (BcTableEditor *self,
           guint          nav)
{
  if (nav == 0)
    return WIDTH_APPLIES;
  if (nav + 1 < self->n_nav)
    return column_width (self->table->columns->pdata[nav - 1]);
  return WIDTH_NOTE;
}

static GtkWidget *
add_ruler_column (GtkGrid *grid,
                  int      column,
                  int      width)
{
  GtkWidget *ruler = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_size_request (ruler, width, -1);
  gtk_grid_attach (grid, ruler, column, 0, 1, 1);
  return ruler;
}

static void
add_ruler (BcTableEditor *self,
           GtkGrid       *grid)
{
  for (guint nav = 0; nav < self->n_nav; nav++)
    gtk_size_group_add_widget (self->column_widths[nav],
                               add_ruler_column (grid, (int) nav, nav_width (self, nav)));
}

static void
add_frozen_ruler (GtkGrid *grid)
{
  add_ruler_column (grid, 0, WIDTH_NUMBER);
  add_ruler_column (grid, 1, WIDTH_NAME);
}

/* Text in the frozen name column. It asks for exactly the width it gets:
 * its row's height on the right is measured from it (see below). */
static void
fit_name_column (GtkWidget *widget,
                 int        width,
                 guint      indent)
{
  gtk_widget_set_margin_start (widget, PAD + (int) indent);
  gtk_widget_set_margin_end (widget, PAD);
  gtk_widget_set_size_request (widget, width - 2 * PAD - (int) indent, -1);
}

/* The two halves of a row are in two grids: a size group gives them one
 * height. Its members are measured for one another's widths, so the
 * frozen side asks for exactly its column's width (GTK measures it at
 * that width when offered less), and the side on the right gives widgets
 * whose height does not depend on their width. Members are stretched to
 * the group's height: each is a box around the real cell. */
static GtkWidget *
shared_height_box_new (GtkWidget *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  if (child != NULL)
    {
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_widget_set_vexpand (child, TRUE);
      gtk_box_append (GTK_BOX (box), child);
    }
  return box;
}

/* A label in a cell; with a @wrap_width, one that wraps to the width
 * its column gives it. */
static GtkWidget *
cell_label_new (const char *text,
                float       xalign,
                const char *css_class,
                int         wrap_width)
{
  GtkWidget *label = gtk_label_new (text);

  if (wrap_width > 0)
    {
      /* Asks for less than the column in any font. Without a width in
       * characters GTK measures a wrapping label by laying it out one
       * character a line: slow, hundreds of times over. */
      int chars = MAX (1, wrap_width / 10);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), chars);
      gtk_label_set_max_width_chars (GTK_LABEL (label), chars);
    }
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
commit_note (BcTableEditor *self,
             TableRow      *row)
{
  Cell *cell = &row->cells[self->n_nav - 1];
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (row->note_entry == NULL || self->session == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->note_entry))));
  if (!bc_edit_session_set (self->session, cell->key, text, &error))
    _bc_table_editor_show_message (self, NULL, error->message);
}

static void
note_activate_cb (GtkWidget *entry,
                  TableRow  *row)
{
  commit_note (row->editor, row);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (row->cells[row->editor->n_nav - 1].widget));
}

static void
note_closed_cb (GtkPopover *popover,
                TableRow   *row)
{
  commit_note (row->editor, row);
}

static gboolean
note_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             TableRow              *row)
{
  BcTableEditor *self = row->editor;

  /* Escape closes the popover without keeping what was typed. */
  if (keyval == GDK_KEY_Escape)
    {
      Cell *cell = &row->cells[self->n_nav - 1];
      _bc_table_editor_set_entry_text (self, row->note_entry, bc_report_get (self->report, cell->key));
    }
  return FALSE;
}

/* Below the button, as popovers open, when the window has room there for
 * it; else on the button's left: the note is the last column, and a
 * popover centred under it would run past the window's right edge. */
static void
note_popover_show_cb (GtkWidget *popover,
                      gpointer   user_data)
{
  GtkWidget *button = gtk_widget_get_parent (popover);
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (button));
  graphene_point_t at;
  int width;

  if (root == NULL || !gtk_widget_compute_point (button, root, &GRAPHENE_POINT_INIT (0, 0), &at))
    return;
  gtk_widget_measure (popover, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_popover_set_position (GTK_POPOVER (popover),
                            at.x + (gtk_widget_get_width (button) + width) / 2.0 > gtk_widget_get_width (root)
                            ? GTK_POS_LEFT : GTK_POS_BOTTOM);
}

/* The note popover is made when it is first opened. */
void
_bc_table_editor_ensure_note_popover (BcTableEditor *self,
                                      TableRow      *row)
{
  Cell *cell = &row->cells[self->n_nav - 1];
  GtkWidget *popover;
  GtkWidget *box, *heading, *hint;
  GtkEventController *keys;
  g_autofree char *label = NULL;

  if (row->note_entry != NULL)
    return;
  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  heading = gtk_label_new (_("Note"));
  hint = gtk_label_new (_("Printed in italics under the name of the service."));
  keys = gtk_event_controller_key_new ();
  label = g_strdup_printf (_("%s — %s"), row->def->label, _("Note"));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 40);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "dim-label");

  row->note_entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (row->note_entry), 40);
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->note_entry),
                                  _("For example: includes 900 carried over from the previous period"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->note_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_editable_set_text (GTK_EDITABLE (row->note_entry), bc_report_get (self->report, cell->key));
  g_signal_connect (row->note_entry, "activate", G_CALLBACK (note_activate_cb), row);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (note_key_cb), row);
  gtk_widget_add_controller (row->note_entry, keys);

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), row->note_entry);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), row->note_entry);
  g_signal_connect (popover, "closed", G_CALLBACK (note_closed_cb), row);
  g_signal_connect (popover, "show", G_CALLBACK (note_popover_show_cb), NULL);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (cell->widget), popover);
}

static void
note_popup_cb (GtkMenuButton *button,
               gpointer       user_data)
{
  TableRow *row = user_data;

  _bc_table_editor_ensure_note_popover (row->editor, row);
}

static void
cell_init (Cell           *cell,
           TableRow       *row,
           CellKind        kind,
           guint           nav,
           const BcColumn *column,
           const char     *field)
{
  cell->row = row;
  cell->kind = kind;
  cell->nav = nav;
  cell->column = column;
  cell->key = bc_key_cell (row->editor->table->id, row->def->key, field);
}

/* Text set by the editor itself (self->updating) is not typing. */
static void
entry_changed_cb (GtkEditable *entry,
                  Cell        *cell)
{
  if (!cell->row->editor->updating)
    cell->typed = TRUE;
}

static GtkWidget *
data_widget_new (BcTableEditor *self,
                 Cell          *cell)
{
  const BcColumn *column = cell->column;
  GtkWidget *widget;

  if (column->type == BC_COLUMN_COMPUTED)
    {
      widget = cell_label_new ("–", 1, "numeric", 0);
      gtk_size_group_add_widget (self->column_widths[cell->nav], widget);
      return widget;
    }
  if (column->type == BC_COLUMN_CHOICE)
    {
      /* The first choice is "–", no value. */
      static const char *none[] = { "–", NULL };

      widget = bc_choice_button_new (none);
      for (guint i = 0; column->choices != NULL && column->choices[i] != NULL; i++)
        bc_choice_button_append (BC_CHOICE_BUTTON (widget), column->choices[i]);
      return widget;
    }

  widget = gtk_entry_new ();
  g_signal_connect (widget, "changed", G_CALLBACK (entry_changed_cb), cell);
  gtk_editable_set_width_chars (GTK_EDITABLE (widget), 1);
  /* Ctrl+Z belongs to the session's undo, not to one entry's. */
  bc_editable_disable_undo (GTK_EDITABLE (widget));
  if (column->type == BC_COLUMN_INTEGER || column->type == BC_COLUMN_PERCENT)
    {
      gtk_editable_set_alignment (GTK_EDITABLE (widget), 1);
      gtk_entry_set_input_purpose (GTK_ENTRY (widget), GTK_INPUT_PURPOSE_NUMBER);
      gtk_widget_add_css_class (widget, "numeric");
    }
  return widget;
}

static void
attach_cell (BcTableEditor *self,
             Cell          *cell,
             int            grid_row,
             const char    *accessible_label,
             GtkSizeGroup  *row_height)
{
  GtkWidget *child = cell->widget;

  gtk_widget_add_css_class (cell->widget, "cell");
  gtk_widget_set_valign (cell->widget, GTK_ALIGN_CENTER);
  g_hash_table_insert (self->cell_index, cell->widget, cell);
  _bc_table_editor_connect_cell (self, cell);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  if (row_height != NULL)
    {
      child = shared_height_box_new (cell->widget);
      gtk_size_group_add_widget (row_height, child);
    }
  gtk_grid_attach (self->body_grid, child, (int) cell->nav, grid_row, 1, 1);
  if (cell->kind == CELL_DATA)
    _bc_table_editor_cell_added (self, cell);
}

static void
build_service_row (BcTableEditor *self,
                   TableRow      *row,
                   int            grid_row,
                   guint          indent)
{
  guint n_columns = self->table->columns->len;
  GtkWidget *number = cell_label_new (row->def->number, 0.5, "numeric", 0);
  GtkWidget *name_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autoptr(GtkSizeGroup) row_height = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
  GtkWidget *name_cell;
  gboolean have_entry = FALSE, have_choice = FALSE;
  g_autofree char *applies_label = NULL;
  g_autofree char *note_label = NULL;
  Cell *cell;

  row->cells = g_new0 (Cell, self->n_nav);
  row->dimmed = g_new0 (GtkWidget *, 3);
  row->name_label = cell_label_new (row->def->label, 0, NULL, WIDTH_NAME - 2 * PAD - (int) indent);
  gtk_label_set_lines (GTK_LABEL (row->name_label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (row->name_label), PANGO_ELLIPSIZE_END);
  bc_ui_set_tooltip (row->name_label, row->def->label);
  fit_name_column (name_box, WIDTH_NAME, indent);
  gtk_widget_set_margin_top (name_box, PAD);
  gtk_widget_set_margin_bottom (name_box, PAD);
  gtk_box_append (GTK_BOX (name_box), row->name_label);
  row->dimmed[0] = number;
  row->dimmed[1] = row->name_label;
  gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
  name_cell = shared_height_box_new (name_box);
  gtk_size_group_add_widget (row_height, name_cell);
  gtk_grid_attach (self->left_grid, number, 0, grid_row, 1, 1);
  gtk_grid_attach (self->left_grid, name_cell, 1, grid_row, 1, 1);

  cell = &row->cells[0];
  cell_init (cell, row, CELL_APPLIES, 0, NULL, "applies");
  cell->widget = gtk_check_button_new ();
  gtk_widget_set_halign (cell->widget, GTK_ALIGN_CENTER);
  bc_ui_set_tooltip (cell->widget, _("Applies to this unit"));
  /* Translators: the accessible name of a row's check box; %s is the service */
  applies_label = g_strdup_printf (_("%s — Applies to this unit"), row->def->label);
  attach_cell (self, cell, grid_row, applies_label, NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      const BcColumn *column = self->table->columns->pdata[i];
      /* Translators: an input's accessible name: the service, then the column */
      g_autofree char *label = g_strdup_printf (_("%s — %s"), row->def->label, column->label);

      /* The first entry and the first drop-down give the row its height
       * on the right. */
      gboolean tallest = (column->type == BC_COLUMN_CHOICE && !have_choice)
                         || ((column->type == BC_COLUMN_INTEGER || column->type == BC_COLUMN_TEXT
                              || column->type == BC_COLUMN_PERCENT)
                             && !have_entry);

      cell = &row->cells[i + 1];
      cell_init (cell, row, CELL_DATA, i + 1, column, column->id);
      cell->widget = data_widget_new (self, cell);
      attach_cell (self, cell, grid_row, label, tallest ? row_height : NULL);
      have_choice |= column->type == BC_COLUMN_CHOICE;
      have_entry |= column->type == BC_COLUMN_INTEGER || column->type == BC_COLUMN_TEXT
                    || column->type == BC_COLUMN_PERCENT;
    }

  cell = &row->cells[n_columns + 1];
  cell_init (cell, row, CELL_NOTE, n_columns + 1, NULL, "note");
  cell->widget = gtk_menu_button_new ();
  gtk_widget_set_halign (cell->widget, GTK_ALIGN_CENTER);
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (cell->widget), FALSE);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (cell->widget), "document-edit-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (cell->widget), note_popup_cb, row, NULL);
  note_label = g_strdup_printf (_("%s — %s"), row->def->label, _("Note"));
  /* A table of computed columns only: the note button then. */
  attach_cell (self, cell, grid_row, note_label, have_entry || have_choice ? NULL : row_height);

  _bc_table_editor_refresh_row (self, row);
}

/* A group (I, II) or a parent row (13, 14): its number and title across the table. */
static void
build_heading_row (BcTableEditor *self,
                   TableRow      *row,
                   int            grid_row,
                   guint          indent,
                   gboolean       group)
{
  const char *css_class = group ? "group-row" : "parent-row";
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *number = cell_label_new (row->def->number, 0.5, "numeric", 0);
  GtkWidget *title = cell_label_new (row->def->label, 0, NULL, WIDTH_NAME - 2 * PAD - (int) indent);
  GtkWidget *band = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *anchor = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autoptr(GtkSizeGroup) row_height = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);

  row->name_label = title;
  gtk_widget_set_size_request (number, WIDTH_NUMBER, -1);
  fit_name_column (title, WIDTH_NAME, indent);
  gtk_widget_set_margin_top (title, 8);
  gtk_widget_set_margin_bottom (title, 8);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), title);
  gtk_widget_add_css_class (box, css_class);
  gtk_grid_attach (self->left_grid, box, 0, grid_row, 2, 1);

  /* The band carries the row's colour across; the anchor, one column
   * wide, its height. */
  gtk_widget_add_css_class (band, css_class);
  gtk_grid_attach (self->body_grid, band, 0, grid_row, (int) self->n_nav, 1);
  gtk_grid_attach (self->body_grid, anchor, 0, grid_row, 1, 1);
  gtk_size_group_add_widget (row_height, box);
  gtk_size_group_add_widget (row_height, anchor);
}

static guint
service_level (const BcTableDef *table)
{
  guint level = G_MAXUINT;

  for (guint i = 0; i < table->rows->len; i++)
    {
      const BcRow *row = table->rows->pdata[i];
      if (!row->heading)
        level = MIN (level, row->level);
    }
  return level == G_MAXUINT ? 0 : level;
}

static void
build_rows (BcTableEditor *self,
            guint          end)
{
  guint base_level = service_level (self->table);

  for (; self->n_built < MIN (end, self->rows->len); self->n_built++)
    {
      TableRow *row = self->rows->pdata[self->n_built];
      int grid_row = 1 + 2 * (int) row->index;
      guint level = row->def->level;
      guint indent = INDENT * (level - MIN (level, base_level));

      if (row->index > 0)
        {
          gtk_grid_attach (self->left_grid, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL),
                           0, grid_row - 1, 2, 1);
          gtk_grid_attach (self->body_grid, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL),
                           0, grid_row - 1, (int) self->n_nav, 1);
        }
      if (row->def->heading)
        build_heading_row (self, row, grid_row, indent, level < base_level);
      else
        build_service_row (self, row, grid_row, indent);
    }
}

static gboolean
build_rest_cb (gpointer data)
{
  BcTableEditor *self = data;

  self->build_id = 0;
  build_rows (self, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

/* Every row's widgets, now: for the keyboard, pasting and the accessors. */
void
_bc_table_editor_ensure_built (BcTableEditor *self)
{
  g_clear_handle_id (&self->build_id, g_source_remove);
  build_rows (self, G_MAXUINT);
}

/* The rows a window shows at first are built when the editor is put in
 * one, the others just after the first frame: a table opens as fast as a
 * short form. */
static void
build_body (BcTableEditor *self)
{
  add_frozen_ruler (self->left_grid);
  add_ruler (self, self->body_grid);
  for (guint i = 0; i < self->table->rows->len; i++)
    {
      TableRow *row = g_new0 (TableRow, 1);

      row->editor = self;
      row->index = i;
      row->def = self->table->rows->pdata[i];
      g_ptr_array_add (self->rows, row);
      g_hash_table_insert (self->row_index, row->def->key, row);
    }
}

/* A row's height, counted short: its name's lines from its length. */
static int
row_height_at_least (const BcRow *row)
{
  int lines = (int) (g_utf8_strlen (row->label, -1) + CHARS_PER_LINE - 1) / CHARS_PER_LINE;

  return MIN_ROW_HEIGHT + LINE_HEIGHT * (CLAMP (lines, 1, 3) - 1);
}

/* As many rows as the window can show at once, counted long: those are
 * on the first frame. A maximized window is as tall as its monitor. */
static guint
rows_on_screen (BcTableEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width = 0, height = 0;

  if (GTK_IS_WINDOW (root))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  if (!GTK_IS_WINDOW (root) || height <= 0
      || gtk_window_is_maximized (GTK_WINDOW (root))
      || gtk_window_is_fullscreen (GTK_WINDOW (root)))
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

      for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
          GdkRectangle geometry;

          gdk_monitor_get_geometry (monitor, &geometry);
          height = MAX (height, geometry.height);
        }
    }
  height -= CHROME_HEIGHT;
  for (guint i = 0; i < self->table->rows->len; i++)
    {
      height -= row_height_at_least (self->table->rows->pdata[i]);
      if (height < 0)
        return i + 1;
    }
  return self->table->rows->len;
}

/* Called when the editor joins a window: whoever made it has had the time
 * to connect to BcTableEditor::cell-added. */
void
_bc_table_editor_start_building (BcTableEditor *self)
{
  if (self->n_built > 0 || self->build_id != 0)
    return;
  build_rows (self, rows_on_screen (self));
  if (self->n_built < self->rows->len)
    self->build_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_rest_cb, self, NULL);
}

static GtkWidget *
header_label_new (const char *text,
                  int         width)
{
  GtkWidget *label = cell_label_new (text, 0.5, "column-heading", width - 2 * PAD);

  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  return label;
}

/* Two levels: a column's group above its label; columns without a group,
 * and STT and the name, take both. */
static const BcColumn *
column_at (BcTableEditor *self,
           guint          i)
{
  return self->table->columns->pdata[i];
}

/* Two levels: a column's group above its label; columns without a group,
 * and STT and the name, take both. */
static void
build_header (BcTableEditor *self)
{
  GtkGrid *grid = self->header_grid;
  guint n_columns = self->table->columns->len;
  GtkWidget *label;

  add_frozen_ruler (self->left_header_grid);
  /* Translators: the heading of the row-number column ("Số thứ tự") */
  label = header_label_new (C_("table", "No."), WIDTH_NUMBER);
  /* As tall as the two levels on the right. */
  gtk_widget_set_vexpand (label, TRUE);
  gtk_grid_attach (self->left_header_grid, label, 0, 1, 1, 2);
  /* The table's own heading ("Cấp học", "Mô hình"), else the services'. */
  gtk_grid_attach (self->left_header_grid,
                   header_label_new (self->table->name_label ? self->table->name_label : _("Service"), WIDTH_NAME),
                   1, 1, 1, 2);

  add_ruler (self, grid);
  /* Translators: the heading of the column of "applies to this unit" check boxes */
  gtk_grid_attach (grid, header_label_new (_("Applies"), WIDTH_APPLIES), 0, 1, 1, 2);
  for (guint i = 0; i < n_columns;)
    {
      const BcColumn *column = column_at (self, i);
      int width = 0;
      guint span = 1;

      if (column->group == NULL)
        {
          gtk_grid_attach (grid, header_label_new (column->label, nav_width (self, i + 1)),
                           (int) i + 1, 1, 1, 2);
          i++;
          continue;
        }
      while (i + span < n_columns && g_strcmp0 (column_at (self, i + span)->group, column->group) == 0)
        span++;
      for (guint j = i; j < i + span; j++)
        {
          width += nav_width (self, j + 1);
          gtk_grid_attach (grid, header_label_new (column_at (self, j)->label, nav_width (self, j + 1)),
                           (int) j + 1, 2, 1, 1);
        }
      gtk_grid_attach (grid, header_label_new (column->group, width), (int) i + 1, 1, (int) span, 1);
      i += span;
    }
  gtk_grid_attach (grid, header_label_new (_("Note"), WIDTH_NOTE), (int) n_columns + 1, 1, 1, 2);
}

static void
build_totals (BcTableEditor *self)
{
  GtkGrid *grid = self->footer_grid;
  GtkWidget *label;

  if (self->table->totals_label == NULL)
    return;
  add_frozen_ruler (self->left_footer_grid);
  label = cell_label_new (self->table->totals_label, 0, "heading", 0);
  gtk_widget_set_margin_start (label, PAD);
  /* The totals' History button comes beside it (bc_table_editor_set_store());
   * neither expands, or the frozen column would widen. */
  self->totals_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_vexpand (self->totals_box, TRUE);
  gtk_box_append (GTK_BOX (self->totals_box), label);
  gtk_grid_attach (self->left_footer_grid, self->totals_box, 0, 1, 2, 1);
  add_ruler (self, grid);
  self->totals = g_new0 (GtkWidget *, self->table->columns->len);
  for (guint i = 0; i < self->table->columns->len; i++)
    {
      const BcColumn *column = self->table->columns->pdata[i];

      if (column->type != BC_COLUMN_INTEGER && column->type != BC_COLUMN_COMPUTED)
        continue;
      self->totals[i] = cell_label_new ("", 1, "numeric", 0);
      gtk_widget_add_css_class (self->totals[i], "heading");
      gtk_widget_add_css_class (self->totals[i], "total");
      gtk_size_group_add_widget (self->column_widths[i + 1], self->totals[i]);
      gtk_grid_attach (grid, self->totals[i], (int) i + 1, 1, 1, 1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->left_footer_grid), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->footer_window), TRUE);
  _bc_table_editor_refresh_totals (self);
}

/* A caption under the row's name, for its note. */
void
_bc_table_editor_add_note_label (BcTableEditor *self,
                                 TableRow      *row)
{
  if (row->note_label != NULL)
    return;
  row->note_label = cell_label_new (NULL, 0, "caption", WIDTH_NAME - 2 * PAD);
  gtk_widget_add_css_class (row->note_label, "note");
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (row->name_label)), row->note_label);
}

void
_bc_table_editor_build (BcTableEditor *self)
{
  self->column_widths = g_new0 (GtkSizeGroup *, self->n_nav);
  for (guint nav = 0; nav < self->n_nav; nav++)
    self->column_widths[nav] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  build_header (self);
  build_body (self);
  build_totals (self);
}
