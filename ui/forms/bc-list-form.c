/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-list-form"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-document-row.h"
#include "bc-form-utils.h"
#include "bc-keys.h"
#include "bc-list-form.h"
#include "bc-paragraph-row.h"
#include "bc-report.h"
#include "bc-task-row.h"

/* An ordered list of items of one section: narrative paragraphs, directive
 * documents or plan tasks, each a row of its kind. The rows ask for the
 * edits that change the order (move, remove, split, join) through the
 * form's actions, naming their item: "list.move", "list.remove",
 * "list.split", "list.merge-up". After each, the rows are made again. */
struct _BcListForm
{
  GtkWidget        parent_instance;

  /* template widgets */
  GtkWidget       *box;
  GtkBox          *list;
  GtkButton       *add_button;

  /* owned */
  char           **order;
  GPtrArray       *rows;       /* GtkWidget, one per item, borrowed from list */

  /* borrowed */
  BcInputRegistry *inputs;
  BcEditSession   *session;
  const BcSection *section;

  /* where to put the caret after a rebuild */
  char            *focus_item;
  int              focus_offset;
  guint            rebuild_id;
};

G_DEFINE_FINAL_TYPE (BcListForm, bc_list_form, GTK_TYPE_WIDGET)

static void rebuild (BcListForm *self);

/* Narrative, figures and catalog sections hold paragraphs. */
static gboolean
has_paragraphs (BcListForm *self)
{
  return bc_key_item_fields (self->section->kind) == bc_key_item_fields (BC_SECTION_NARRATIVE);
}

static char *
item_key (BcListForm *self,
          const char *item,
          const char *field)
{
  return bc_key_item_field (self->section->id, item, field);
}

static char *
order_key (BcListForm *self)
{
  return bc_key_section_part (self->section->id, "order");
}

static const char *
item_value (BcListForm *self,
            const char *item,
            const char *field)
{
  g_autofree char *key = item_key (self, item, field);
  return bc_report_get (bc_edit_session_get_report (self->session), key);
}

static gboolean
apply (BcListForm *self,
       GPtrArray  *keys,
       GPtrArray  *values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (BcEdit));

  for (guint i = 0; i < keys->len; i++)
    {
      BcEdit edit = { keys->pdata[i], values->pdata[i] };
      g_array_append_val (edits, edit);
    }
  if (!bc_edit_session_apply (self->session, (BcEdit *) edits->data, edits->len, &error))
    {
      g_warning ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Edits are collected as key/value pairs and applied as one undo step. */
typedef struct
{
  GPtrArray *keys;
  GPtrArray *values;
} Edits;

static void
edits_init (Edits *e)
{
  e->keys = g_ptr_array_new_with_free_func (g_free);
  e->values = g_ptr_array_new_with_free_func (g_free);
}

static void
edits_add (Edits      *e,
           char       *key,
           const char *value)
{
  g_ptr_array_add (e->keys, key);
  g_ptr_array_add (e->values, g_strdup (value));
}

static gboolean
edits_apply (BcListForm *self,
             Edits      *e)
{
  gboolean ok = apply (self, e->keys, e->values);

  g_ptr_array_unref (e->keys);
  g_ptr_array_unref (e->values);
  return ok;
}

static void
set_order (BcListForm *self,
           Edits      *e,
           GPtrArray  *ids)
{
  g_autofree char *joined = NULL;

  g_ptr_array_add (ids, NULL);
  joined = g_strjoinv (",", (char **) ids->pdata);
  g_ptr_array_remove_index (ids, ids->len - 1);
  edits_add (e, order_key (self), joined);
}

static GPtrArray *
order_copy (BcListForm *self)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; self->order[i]; i++)
    g_ptr_array_add (ids, g_strdup (self->order[i]));
  return ids;
}

static void
clear_item (BcListForm *self,
            Edits      *e,
            const char *item)
{
  const char * const *fields = bc_key_item_fields (self->section->kind);

  for (guint i = 0; fields[i]; i++)
    if (*item_value (self, item, fields[i]) != '\0')
      edits_add (e, item_key (self, item, fields[i]), NULL);
}

static void
want_focus (BcListForm *self,
            const char *item,
            int         offset)
{
  g_free (self->focus_item);
  self->focus_item = g_strdup (item);
  self->focus_offset = offset;
}

/**
 * bc_list_form_add_item:
 *
 * Appends an empty item and puts the caret in it.
 */
void
bc_list_form_add_item (BcListForm *self)
{
  g_autoptr(GPtrArray) ids = order_copy (self);
  g_autofree char *id = bc_new_item_id (self->order);
  Edits e;

  edits_init (&e);
  g_ptr_array_add (ids, g_strdup (id));
  set_order (self, &e, ids);
  if (self->section->kind == BC_SECTION_DOCUMENTS)
    edits_add (&e, item_key (self, id, "type"), "Công văn");
  want_focus (self, id, 0);
  edits_apply (self, &e);
}

/**
 * bc_list_form_split:
 * @offset: the character offset in the paragraph's text
 *
 * Splits a paragraph in two at @offset, as Enter does.
 */
gboolean
bc_list_form_split (BcListForm *self,
                    guint       index,
                    int         offset)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *id = NULL;
  g_autofree char *before = NULL;
  const char *item, *text, *split;
  Edits e;

  if (index >= g_strv_length (self->order)
      || !has_paragraphs (self))
    return FALSE;
  item = self->order[index];
  text = item_value (self, item, "text");
  split = g_utf8_offset_to_pointer (text, MIN (offset, (int) g_utf8_strlen (text, -1)));
  before = g_strndup (text, split - text);
  id = bc_new_item_id (self->order);
  ids = order_copy (self);
  g_ptr_array_insert (ids, (int) index + 1, g_strdup (id));

  edits_init (&e);
  set_order (self, &e, ids);
  edits_add (&e, item_key (self, item, "text"), before);
  edits_add (&e, item_key (self, id, "text"), split);
  edits_add (&e, item_key (self, id, "level"), item_value (self, item, "level"));
  want_focus (self, id, 0);
  return edits_apply (self, &e);
}

/* An item id that none of @ids has. */
static char *
new_id (GPtrArray *ids)
{
  char *id;

  g_ptr_array_add (ids, NULL);
  id = bc_new_item_id ((char **) ids->pdata);
  g_ptr_array_remove_index (ids, ids->len - 1);
  return id;
}

/* What a pasted text's lines are: paragraphs. Blank lines only separate
 * them, and the ends of a line are trimmed of "\r" and spaces. */
static GPtrArray *
pasted_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (*lines[i] != '\0')
        g_ptr_array_add (kept, g_strdup (lines[i]));
    }
  return kept;
}

/**
 * bc_list_form_paste:
 * @index: the paragraph pasted into
 * @start: the character offset where the pasted text goes
 * @end: the offset of the end of the text it replaces (the selection)
 * @text: what was pasted
 *
 * Pastes @text into a paragraph as a word processor does: each of its
 * lines is a paragraph of its own, at the level of the one pasted into;
 * the text before @start begins the first, the text after @end ends the
 * last. One undo step.
 *
 * Returns: %FALSE when @text has less than two lines: it goes in as typed
 */
gboolean
bc_list_form_paste (BcListForm *self,
                    guint       index,
                    int         start,
                    int         end,
                    const char *text)
{
  g_autoptr(GPtrArray) lines = pasted_lines (text);
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *before = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  const char *item, *current, *after;
  Edits e;

  if (lines->len < 2 || index >= g_strv_length (self->order)
      || !has_paragraphs (self))
    return FALSE;
  item = self->order[index];
  current = item_value (self, item, "text");
  end = MIN (end, (int) g_utf8_strlen (current, -1));
  start = MIN (start, end);
  before = g_strndup (current, g_utf8_offset_to_pointer (current, start) - current);
  after = g_utf8_offset_to_pointer (current, end);
  ids = order_copy (self);

  edits_init (&e);
  first = g_strconcat (before, lines->pdata[0], NULL);
  edits_add (&e, item_key (self, item, "text"), first);
  for (guint i = 1; i < lines->len; i++)
    {
      g_autofree char *id = new_id (ids);
      g_autofree char *line = i + 1 < lines->len ? g_strdup (lines->pdata[i])
                                                 : g_strconcat (lines->pdata[i], after, NULL);

      g_ptr_array_insert (ids, (int) (index + i), g_strdup (id));
      edits_add (&e, item_key (self, id, "text"), line);
      edits_add (&e, item_key (self, id, "level"), item_value (self, item, "level"));
      if (i + 1 == lines->len)
        want_focus (self, id, (int) g_utf8_strlen (lines->pdata[i], -1));
    }
  set_order (self, &e, ids);
  return edits_apply (self, &e);
}

/**
 * bc_list_form_merge_up:
 *
 * Joins a paragraph to the one above it, as Backspace at its start does.
 */
gboolean
bc_list_form_merge_up (BcListForm *self,
                       guint       index)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *joined = NULL;
  const char *item, *previous;
  Edits e;

  if (index == 0 || index >= g_strv_length (self->order) || self->section->kind == BC_SECTION_DOCUMENTS
      || self->section->kind == BC_SECTION_TASKS)
    return FALSE;
  item = self->order[index];
  previous = self->order[index - 1];
  joined = g_strconcat (item_value (self, previous, "text"), item_value (self, item, "text"), NULL);
  ids = order_copy (self);
  g_ptr_array_remove_index (ids, index);

  edits_init (&e);
  want_focus (self, previous, (int) g_utf8_strlen (item_value (self, previous, "text"), -1));
  set_order (self, &e, ids);
  edits_add (&e, item_key (self, previous, "text"), joined);
  clear_item (self, &e, item);
  return edits_apply (self, &e);
}

/**
 * bc_list_form_move:
 * @delta: -1 up, +1 down
 */
gboolean
bc_list_form_move (BcListForm *self,
                   guint       index,
                   int         delta)
{
  g_autoptr(GPtrArray) ids = order_copy (self);
  int target = (int) index + delta;
  gpointer moved;
  Edits e;

  if (index >= ids->len || target < 0 || target >= (int) ids->len)
    return FALSE;
  moved = g_ptr_array_steal_index (ids, index);
  g_ptr_array_insert (ids, target, moved);
  edits_init (&e);
  want_focus (self, moved, -1);
  set_order (self, &e, ids);
  return edits_apply (self, &e);
}

gboolean
bc_list_form_remove (BcListForm *self,
                     guint       index)
{
  g_autoptr(GPtrArray) ids = order_copy (self);
  Edits e;

  if (index >= ids->len)
    return FALSE;
  edits_init (&e);
  clear_item (self, &e, ids->pdata[index]);
  g_ptr_array_remove_index (ids, index);
  if (ids->len > 0)
    want_focus (self, ids->pdata[MIN (index, ids->len - 1)], -1);
  set_order (self, &e, ids);
  return edits_apply (self, &e);
}

/* The place of @item in the list, or -1 (a row left from before a
 * rebuild). */
static int
item_index (BcListForm *self,
            const char *item)
{
  for (guint i = 0; self->order[i]; i++)
    if (g_str_equal (self->order[i], item))
      return (int) i;
  return -1;
}

static void
move_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  BcListForm *self = BC_LIST_FORM (widget);
  const char *item;
  int delta, index;

  g_variant_get (parameter, "(&si)", &item, &delta);
  if ((index = item_index (self, item)) >= 0)
    bc_list_form_move (self, (guint) index, delta);
}

static void
remove_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  BcListForm *self = BC_LIST_FORM (widget);
  int index = item_index (self, g_variant_get_string (parameter, NULL));

  if (index >= 0)
    bc_list_form_remove (self, (guint) index);
}

static void
split_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  BcListForm *self = BC_LIST_FORM (widget);
  const char *item;
  int offset, index;

  g_variant_get (parameter, "(&si)", &item, &offset);
  if ((index = item_index (self, item)) >= 0)
    bc_list_form_split (self, (guint) index, offset);
}

static void
merge_up_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BcListForm *self = BC_LIST_FORM (widget);
  int index = item_index (self, g_variant_get_string (parameter, NULL));

  if (index >= 0)
    bc_list_form_merge_up (self, (guint) index);
}

static void
add_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  bc_list_form_add_item (BC_LIST_FORM (widget));
  rebuild (BC_LIST_FORM (widget));
}

static gboolean
paste_lines_cb (GtkWidget  *row,
                int         start,
                int         end,
                const char *text,
                BcListForm *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (self->rows->pdata[i] == row)
      return bc_list_form_paste (self, i, start, end, text);
  /* A row left from before a rebuild: the text goes nowhere. */
  return TRUE;
}

static GtkWidget *
row_new (BcListForm *self,
         guint       index,
         guint       n)
{
  const char *item = self->order[index];
  GtkWidget *row;

  switch (self->section->kind)
    {
    case BC_SECTION_DOCUMENTS:
      return bc_document_row_new (self->inputs, self->section, item, index, n);
    case BC_SECTION_TASKS:
      return bc_task_row_new (self->inputs, self->section, item, index, n);
    case BC_SECTION_NARRATIVE:
    case BC_SECTION_FIGURES:
    case BC_SECTION_GROUP:
    default:
      row = bc_paragraph_row_new (self->inputs, self->section, item, index, n);
      g_signal_connect_object (row, "paste-lines", G_CALLBACK (paste_lines_cb), self, 0);
      return row;
    }
}

/* The input of @key (NULL: the first input) below @widget: the inputs
 * are the widgets the form's registry knows. */
static GtkWidget *
find_input (BcListForm *self,
            GtkWidget  *widget,
            const char *key)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *k = bc_input_registry_find_key (self->inputs, child);
      GtkWidget *found;

      if (k != NULL && (key == NULL || g_str_equal (k, key)))
        return child;
      if ((found = find_input (self, child, key)) != NULL)
        return found;
    }
  return NULL;
}

static void
restore_focus (BcListForm *self)
{
  g_autofree char *item = g_steal_pointer (&self->focus_item);
  GtkWidget *input;
  int index;

  if (item == NULL || (index = item_index (self, item)) < 0)
    return;
  input = find_input (self, self->rows->pdata[index], NULL);
  if (input == NULL)
    return;
  gtk_widget_grab_focus (input);
  if (GTK_IS_TEXT_VIEW (input) && self->focus_offset >= 0)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, self->focus_offset);
      gtk_text_buffer_place_cursor (buffer, &iter);
    }
}

static void
rebuild (BcListForm *self)
{
  GtkWidget *child;
  guint n;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_box_remove (self->list, child);
  g_ptr_array_set_size (self->rows, 0);
  g_strfreev (self->order);
  self->order = bc_report_get_list_order (bc_edit_session_get_report (self->session), self->section->id);
  n = g_strv_length (self->order);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = row_new (self, i, n);

      g_ptr_array_add (self->rows, row);
      gtk_box_append (self->list, row);
    }
  restore_focus (self);
}

static gboolean
rebuild_cb (gpointer data)
{
  BcListForm *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
order_changed_cb (BcReport   *report,
                  const char *key,
                  BcListForm *self)
{
  /* After the whole edit is applied: one rebuild for a split. */
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_cb, self, NULL);
}

static void
bc_list_form_dispose (GObject *object)
{
  BcListForm *self = BC_LIST_FORM (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_LIST_FORM);
  G_OBJECT_CLASS (bc_list_form_parent_class)->dispose (object);
}

static void
bc_list_form_finalize (GObject *object)
{
  BcListForm *self = BC_LIST_FORM (object);

  g_strfreev (self->order);
  g_ptr_array_unref (self->rows);
  g_free (self->focus_item);
  G_OBJECT_CLASS (bc_list_form_parent_class)->finalize (object);
}

static void
bc_list_form_class_init (BcListFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_list_form_dispose;
  object_class->finalize = bc_list_form_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-list-form.ui");
  gtk_widget_class_bind_template_child (widget_class, BcListForm, box);
  gtk_widget_class_bind_template_child (widget_class, BcListForm, list);
  gtk_widget_class_bind_template_child (widget_class, BcListForm, add_button);
  gtk_widget_class_install_action (widget_class, "list.add", NULL, add_cb);
  gtk_widget_class_install_action (widget_class, "list.move", "(si)", move_cb);
  gtk_widget_class_install_action (widget_class, "list.remove", "s", remove_cb);
  gtk_widget_class_install_action (widget_class, "list.split", "(si)", split_cb);
  gtk_widget_class_install_action (widget_class, "list.merge-up", "s", merge_up_cb);
}

static void
bc_list_form_init (BcListForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * bc_list_form_new:
 *
 * Returns: (transfer floating): the editor of a list section's items
 */
GtkWidget *
bc_list_form_new (BcInputRegistry *inputs,
                  const BcSection *section)
{
  BcListForm *self = g_object_new (BC_TYPE_LIST_FORM, NULL);
  g_autofree char *order = bc_key_section_part (section->id, "order");
  g_autofree char *signal = g_strdup_printf ("value-changed::%s", order);

  self->inputs = inputs;
  self->session = bc_input_registry_get_session (inputs);
  self->section = section;
  switch (section->kind)
    {
    case BC_SECTION_DOCUMENTS:
      gtk_button_set_label (self->add_button, _("Add Document"));
      break;
    case BC_SECTION_TASKS:
      gtk_button_set_label (self->add_button, _("Add Task"));
      break;
    default:
      gtk_button_set_label (self->add_button, _("Add Paragraph"));
      break;
    }
  g_signal_connect_object (bc_edit_session_get_report (self->session), signal,
                           G_CALLBACK (order_changed_cb), self, 0);
  rebuild (self);
  return GTK_WIDGET (self);
}

guint
bc_list_form_get_n_items (BcListForm *self)
{
  g_return_val_if_fail (BC_IS_LIST_FORM (self), 0);
  return g_strv_length (self->order);
}

/**
 * bc_list_form_get_place_toggle:
 *
 * Returns: (transfer none) (nullable): the toggle that prints the table
 *   @table_id of the body after paragraph @index
 */
GtkWidget *
bc_list_form_get_place_toggle (BcListForm *self,
                               guint       index,
                               const char *table_id)
{
  g_return_val_if_fail (BC_IS_LIST_FORM (self), NULL);
  if (self->rebuild_id != 0)
    rebuild (self);
  if (index >= self->rows->len || !BC_IS_PARAGRAPH_ROW (self->rows->pdata[index]))
    return NULL;
  return bc_paragraph_row_get_place_toggle (self->rows->pdata[index], table_id);
}

/**
 * bc_list_form_get_input:
 * @field: (nullable): an item field ("text", "number", ...); %NULL: the first
 *
 * Returns: (transfer none) (nullable): the input of that field of item @index
 */
GtkWidget *
bc_list_form_get_input (BcListForm *self,
                        guint       index,
                        const char *field)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (BC_IS_LIST_FORM (self), NULL);
  if (self->rebuild_id != 0)
    rebuild (self);
  if (index >= self->rows->len)
    return NULL;
  if (field == NULL)
    return find_input (self, self->rows->pdata[index], NULL);
  key = item_key (self, self->order[index], field);
  return find_input (self, self->rows->pdata[index], key);
}
