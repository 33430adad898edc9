/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-report.h"
#include "bc-table-editor.h"

G_BEGIN_DECLS

/* What a cell of the keyboard grid holds. Every service row has the
 * same cells: its "applies" toggle, one per template column, its note. */
typedef enum
{
  CELL_APPLIES,
  CELL_DATA,
  CELL_NOTE,
} CellKind;

typedef struct _TableRow TableRow;

typedef struct
{
  TableRow       *row;          /* borrowed: the row it is in */
  CellKind        kind;
  const BcColumn *column;       /* data cells */
  guint           nav;          /* its column in the keyboard grid */
  GtkWidget      *widget;       /* entry, drop-down, label, toggle or note button */
  char           *key;          /* the report key it edits */
  gboolean        invalid;      /* shows the "error" style */
  gboolean        composing;    /* an input method has text in the making */
  gboolean        typed;        /* the clerk typed in it since it last showed
                                 * the stored value */
} Cell;

struct _TableRow
{
  BcTableEditor *editor;        /* borrowed */
  guint          index;         /* in the editor's rows */
  const BcRow   *def;
  GtkWidget     *name_label;
  GtkWidget     *note_label;    /* the note, under the name */
  GtkWidget     *note_entry;    /* in the note popover, made when first opened */
  GtkWidget    **dimmed;        /* labels dimmed when the row does not apply, NULL-ended */
  Cell          *cells;         /* n_nav of them; NULL for a heading row */
};

struct _BcTableEditor
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkWidget         *box;
  GtkLabel          *title_label;
  GtkLabel          *caption_label;
  GtkGrid           *left_header_grid;
  GtkScrolledWindow *header_window;
  GtkGrid           *header_grid;
  GtkScrolledWindow *left_window;
  GtkGrid           *left_grid;
  GtkScrolledWindow *body_window;
  GtkGrid           *body_grid;
  GtkGrid           *left_footer_grid;
  GtkScrolledWindow *footer_window;
  GtkGrid           *footer_grid;
  GtkRevealer       *message_revealer;
  GtkLabel          *message_label;

  /* owned */
  BcEditSession     *session;
  BcReport          *report;
  GPtrArray         *rows;          /* TableRow, in display order */
  GHashTable        *row_index;     /* row key -> TableRow */
  GHashTable        *cell_index;    /* cell widget -> Cell, both the rows' */
  GtkWidget        **totals;        /* a label per column, NULL where none */
  GtkWidget         *totals_box;    /* the totals' name, and their History button */
  GtkWidget         *history;       /* that button, or NULL */
  GtkSizeGroup     **column_widths; /* per keyboard column: its rulers, and its
                                     * labels, which may be wider */
  GCancellable      *cancellable;

  /* borrowed */
  const BcTableDef  *table;
  Cell              *current;       /* the focused data cell */
  Cell              *invalid_cell;  /* the cell the message is about */
  guint              n_nav;         /* cells per row */
  guint              n_built;       /* rows whose widgets exist */
  guint              build_id;
  Cell              *scroll_target; /* to bring into view after layout */
  guint              scroll_tick;
  guint              scroll_frames;
  guint              scroll_settled;
  gboolean           updating;      /* a programmatic change: commit nothing */
};

/* bc-table-editor.c */
void      _bc_table_editor_connect_cell    (BcTableEditor *self,
                                            Cell          *cell);
void      _bc_table_editor_cell_added      (BcTableEditor *self,
                                            Cell          *cell);
gboolean  _bc_table_editor_commit          (BcTableEditor *self,
                                            Cell          *cell);
void      _bc_table_editor_revert          (BcTableEditor *self,
                                            Cell          *cell);
void      _bc_table_editor_show_message    (BcTableEditor *self,
                                            Cell          *cell,
                                            const char    *message);
void      _bc_table_editor_hide_message    (BcTableEditor *self);
gboolean  _bc_table_editor_cell_focusable  (Cell          *cell);
char     *_bc_table_editor_cell_value      (Cell          *cell,
                                            const char    *text,
                                            GError       **error);
void      _bc_table_editor_focus           (Cell          *cell);

/* bc-table-editor-refresh.c */
void      _bc_table_editor_report_changed  (BcTableEditor *self,
                                            const char    *key);
void      _bc_table_editor_refresh_cell    (BcTableEditor *self,
                                            Cell          *cell);
void      _bc_table_editor_refresh_row     (BcTableEditor *self,
                                            TableRow      *row);
void      _bc_table_editor_refresh_totals  (BcTableEditor *self);
gboolean  _bc_table_editor_cell_percent    (BcTableEditor *self,
                                            Cell          *cell,
                                            double        *percent);
void      _bc_table_editor_set_entry_text  (BcTableEditor *self,
                                            GtkWidget     *entry,
                                            const char    *text);

/* bc-table-editor-build.c */
void      _bc_table_editor_build           (BcTableEditor *self);
void      _bc_table_editor_start_building  (BcTableEditor *self);
void      _bc_table_editor_ensure_built    (BcTableEditor *self);
void      _bc_table_editor_ensure_note_popover (BcTableEditor *self,
                                                TableRow      *row);
void      _bc_table_editor_add_note_label  (BcTableEditor *self,
                                            TableRow      *row);

/* bc-table-editor-keys.c */
Cell     *_bc_table_editor_focused_cell    (BcTableEditor   *self);
gboolean  _bc_table_editor_key_pressed     (BcTableEditor   *self,
                                            guint            keyval,
                                            GdkModifierType  state);

/* bc-table-editor-clipboard.c */
gboolean  _bc_table_editor_paste           (BcTableEditor *self,
                                            Cell          *anchor,
                                            const char    *tsv);
void      _bc_table_editor_paste_clipboard (BcTableEditor *self,
                                            Cell          *cell);

G_END_DECLS
