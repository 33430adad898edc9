/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-list-form"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "bc-choice-button.h"
#include "bc-document-utils.h"
#include "bc-form-utils.h"
#include "bc-keys.h"
#include "bc-list-form.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-template.h"
#include "bc-ui-utils.h"

/* An ordered list of items of one section: narrative paragraphs, directive
 * documents or plan tasks. Paragraphs behave like a text editor: Enter
 * splits one, Backspace at its start joins it to the one above, Alt+Up and
 * Alt+Down move it, Alt+Left and Alt+Right change its level. */
struct _BcListForm
{
  GtkWidget        parent_instance;

  /* owned */
  GtkWidget       *box;
  GtkWidget       *list;
  GtkWidget       *add_button;
  char           **order;
  GPtrArray       *rows;       /* GtkWidget, one per item, borrowed from list */

  /* borrowed */
  BcEditSession   *session;
  const BcSection *section;

  /* where to put the caret after a rebuild */
  char            *focus_item;
  int              focus_offset;
  guint            rebuild_id;
};

G_DEFINE_FINAL_TYPE (BcListForm, bc_list_form, GTK_TYPE_WIDGET)

static const char * const document_types[] = {
  "Công văn", "Kế hoạch", "Quyết định", "Báo cáo", "Thông báo", "Chỉ thị",
  "Nghị quyết", "Hướng dẫn", "Tờ trình", "Văn bản", NULL
};

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

static int
row_index (BcListForm *self,
           GtkWidget  *widget)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (widget == self->rows->pdata[i] || gtk_widget_is_ancestor (widget, self->rows->pdata[i]))
      return (int) i;
  return -1;
}

static void
set_level (BcListForm *self,
           guint       index,
           int         level)
{
  g_autofree char *key = item_key (self, self->order[index], "level");
  g_autofree char *value = g_strdup_printf ("%d", CLAMP (level, BC_LEVEL_PLAIN, BC_LEVEL_NUMBERED));
  g_autoptr(GError) error = NULL;

  if (!bc_edit_session_set (self->session, key, g_str_equal (value, "0") ? NULL : value, &error))
    g_warning ("%s", error->message);
}

static gboolean
text_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     BcListForm            *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  int index = row_index (self, view);
  gboolean alt = (state & GDK_ALT_MASK) != 0;
  gboolean paragraphs = has_paragraphs (self);
  GtkTextIter cursor, start, end;

  if (index < 0)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  if (alt && (keyval == GDK_KEY_Up || keyval == GDK_KEY_Down))
    return bc_list_form_move (self, (guint) index, keyval == GDK_KEY_Up ? -1 : 1), TRUE;
  if (!paragraphs)
    return FALSE;
  if (alt && (keyval == GDK_KEY_Left || keyval == GDK_KEY_Right))
    {
      /* Indent and outdent: plain, "-", "+"; a numbered paragraph
       * becomes plain or a bullet. */
      int level = bc_report_level_from_value (item_value (self, self->order[index], "level"));
      if (level > BC_LEVEL_PLUS)
        level = BC_LEVEL_PLAIN;
      set_level (self, (guint) index, CLAMP (level + (keyval == GDK_KEY_Right ? 1 : -1), 0, BC_LEVEL_PLUS));
      return TRUE;
    }
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
      && (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) == 0)
    return bc_list_form_split (self, (guint) index, gtk_text_iter_get_offset (&cursor)), TRUE;
  if (keyval == GDK_KEY_BackSpace && gtk_text_iter_is_start (&cursor)
      && !gtk_text_buffer_get_selection_bounds (buffer, &start, &end) && index > 0)
    return bc_list_form_merge_up (self, (guint) index), TRUE;
  return FALSE;
}

static void
level_selected_cb (BcChoiceButton *choice,
                   GParamSpec     *pspec,
                   BcListForm     *self)
{
  int index = row_index (self, GTK_WIDGET (choice));
  const char *current;

  if (index < 0)
    return;
  current = item_value (self, self->order[index], "level");
  if (bc_report_level_from_value (current) != (int) bc_choice_button_get_selected (choice))
    set_level (self, (guint) index, (int) bc_choice_button_get_selected (choice));
}

static void
move_up_clicked_cb (GtkButton  *button,
                    BcListForm *self)
{
  int index = row_index (self, GTK_WIDGET (button));

  if (index >= 0)
    bc_list_form_move (self, (guint) index, -1);
}

static void
move_down_clicked_cb (GtkButton  *button,
                      BcListForm *self)
{
  int index = row_index (self, GTK_WIDGET (button));

  if (index >= 0)
    bc_list_form_move (self, (guint) index, 1);
}

static void
remove_clicked_cb (GtkButton  *button,
                   BcListForm *self)
{
  int index = row_index (self, GTK_WIDGET (button));

  if (index >= 0)
    bc_list_form_remove (self, (guint) index);
}

static GtkWidget *
tool_button (BcListForm *self,
             const char *icon,
             const char *tooltip,
             GCallback   clicked,
             gboolean    sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, sensitive);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect (button, "clicked", clicked, self);
  return button;
}

/* tbl/<table>/after: a table of the body printed after this paragraph. */
static void
place_toggled_cb (GtkToggleButton *toggle,
                  BcListForm      *self)
{
  const char *key = g_object_get_data (G_OBJECT (toggle), "bc-key");
  const char *item = g_object_get_data (G_OBJECT (toggle), "bc-item");
  const char *current = bc_report_get (bc_edit_session_get_report (self->session), key);
  gboolean active = gtk_toggle_button_get_active (toggle);
  g_autoptr(GError) error = NULL;

  /* Set from the value (undo, another toggle): nothing to store. */
  if (active == g_str_equal (current, item))
    return;
  if (!bc_edit_session_set (self->session, key, active ? item : NULL, &error))
    g_warning ("%s", error->message);
}

static void
place_changed_cb (BcReport        *report,
                  const char      *key,
                  GtkToggleButton *toggle)
{
  if (g_str_equal (key, g_object_get_data (G_OBJECT (toggle), "bc-key")))
    gtk_toggle_button_set_active (toggle, g_str_equal (bc_report_get (report, key),
                                                       g_object_get_data (G_OBJECT (toggle), "bc-item")));
}

static void
add_place_toggles (BcListForm *self,
                   GtkBox     *tools,
                   const char *item)
{
  BcReport *report = bc_edit_session_get_report (self->session);
  GPtrArray *tables = bc_template_get_tables (bc_report_get_template (report));

  for (guint i = 0; has_paragraphs (self) && i < tables->len; i++)
    {
      const BcTableDef *table = tables->pdata[i];
      g_autofree char *key = NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *toggle;

      if (table->items || g_strcmp0 (table->section, self->section->id) != 0)
        continue;
      key = bc_key_row (table->id, "after");
      /* Translators: a toggle beside a paragraph; %s is the table's title */
      tooltip = g_strdup_printf (_("Print the table “%s” after this paragraph"), table->title);
      toggle = gtk_toggle_button_new ();
      gtk_button_set_icon_name (GTK_BUTTON (toggle), "view-grid-symbolic");
      gtk_widget_add_css_class (toggle, "flat");
      gtk_widget_set_tooltip_text (toggle, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), g_str_equal (bc_report_get (report, key), item));
      g_object_set_data_full (G_OBJECT (toggle), "bc-key", g_steal_pointer (&key), g_free);
      g_object_set_data_full (G_OBJECT (toggle), "bc-item", g_strdup (item), g_free);
      g_signal_connect (toggle, "toggled", G_CALLBACK (place_toggled_cb), self);
      g_signal_connect_object (report, "value-changed", G_CALLBACK (place_changed_cb), toggle, 0);
      gtk_box_append (tools, toggle);
    }
}

static GtkWidget *
tools_new (BcListForm *self,
           guint       index,
           guint       n)
{
  GtkWidget *tools = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  add_place_toggles (self, GTK_BOX (tools), self->order[index]);

  gtk_widget_set_valign (tools, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (tools), tool_button (self, "go-up-symbolic", _("Move Up (Alt+↑)"),
                                                G_CALLBACK (move_up_clicked_cb), index > 0));
  gtk_box_append (GTK_BOX (tools), tool_button (self, "go-down-symbolic", _("Move Down (Alt+↓)"),
                                                G_CALLBACK (move_down_clicked_cb), index + 1 < n));
  gtk_box_append (GTK_BOX (tools), tool_button (self, "user-trash-symbolic", _("Remove"),
                                                G_CALLBACK (remove_clicked_cb), TRUE));
  return tools;
}

static void
clipboard_text_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkWidget) view = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  GtkWidget *form = gtk_widget_get_ancestor (view, BC_TYPE_LIST_FORM);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;
  int index;

  /* The paragraph is gone (the form was rebuilt or closed). */
  if (text == NULL || form == NULL || (index = row_index (BC_LIST_FORM (form), view)) < 0)
    return;
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (bc_list_form_paste (BC_LIST_FORM (form), (guint) index, gtk_text_iter_get_offset (&start),
                          gtk_text_iter_get_offset (&end), text))
    return;
  /* One line: pasted where the caret is, without the newline a copied
   * line ends with. */
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, g_strstrip (text), -1, TRUE);
}

/* A paragraph takes pasted lines as paragraphs (bc_list_form_paste()). */
static void
paragraph_paste_cb (GtkTextView *view,
                    BcListForm  *self)
{
  g_signal_stop_emission_by_name (view, "paste-clipboard");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL,
                                 clipboard_text_cb, g_object_ref (view));
}

static GtkWidget *
framed_text (BcListForm *self,
             const char *item,
             const char *field,
             const char *label,
             int         lines)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = bc_text_view_new (label, lines);
  g_autofree char *key = item_key (self, item, field);
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_set_hexpand (frame, TRUE);
  bc_bind_text_view (GTK_TEXT_VIEW (view), self->session, key);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (text_key_pressed_cb), self);
  gtk_widget_add_controller (view, controller);
  if (has_paragraphs (self) && g_str_equal (field, "text"))
    g_signal_connect (view, "paste-clipboard", G_CALLBACK (paragraph_paste_cb), self);
  return frame;
}

/* @whose names the row in messages: "Document 3". */
static GtkWidget *
labelled_entry (BcListForm  *self,
                const char  *item,
                const char  *field,
                const char  *whose,
                BcFieldKind  kind,
                int          width)
{
  const char *label = bc_key_item_field_label (field);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *caption = gtk_label_new (label);
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *key = item_key (self, item, field);
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), entry);
  if (width > 0)
    gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
  else
    gtk_widget_set_hexpand (box, TRUE);
  {
    /* Translators: a field of a row in a list: "Document 3 — Date" */
    g_autofree char *name = g_strdup_printf (_("%s — %s"), whose, label);
    bc_set_field_name (entry, name);
  }
  bc_bind_editable (GTK_EDITABLE (entry), self->session, key, kind);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (text_key_pressed_cb), self);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), entry);
  return box;
}

static void
type_selected_cb (BcChoiceButton *choice,
                  GParamSpec     *pspec,
                  BcListForm     *self)
{
  int index = row_index (self, GTK_WIDGET (choice));
  guint selected = bc_choice_button_get_selected (choice);
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;

  if (index < 0 || selected >= g_strv_length ((char **) document_types))
    return;
  key = item_key (self, self->order[index], "type");
  if (!bc_edit_session_set (self->session, key, document_types[selected], &error))
    g_warning ("%s", error->message);
}

static void
sentence_changed_cb (BcReport   *report,
                     const char *key,
                     GtkLabel   *label)
{
  const char *section = g_object_get_data (G_OBJECT (label), "bc-section");
  const char *item = g_object_get_data (G_OBJECT (label), "bc-item");
  g_auto(BcKey) changed = BC_KEY_INIT;
  g_autofree char *sentence = NULL;

  if (bc_key_parse (&changed, key) != BC_KEY_ITEM_FIELD
      || !g_str_equal (changed.id, section) || !g_str_equal (changed.sub, item))
    return;
  sentence = bc_document_dup_sentence (report, section, item);
  gtk_label_set_text (label, sentence);
}

static GtkWidget *
document_row (BcListForm *self,
              const char *item,
              guint       index)
{
  /* Translators: names a document of a list in messages, %u its place */
  g_autofree char *whose = g_strdup_printf (_("Document %u"), index + 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *type_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *type_label = gtk_label_new (bc_key_item_field_label ("type"));
  GtkWidget *type = bc_choice_button_new (document_types);
  GtkWidget *sentence;
  g_autofree char *text = bc_document_dup_sentence (bc_edit_session_get_report (self->session),
                                                    self->section->id, item);
  const char *current = item_value (self, item, "type");

  gtk_label_set_xalign (GTK_LABEL (type_label), 0);
  gtk_widget_add_css_class (type_label, "caption");
  gtk_widget_add_css_class (type_label, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (type), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document type"), -1);
  for (guint i = 0; document_types[i]; i++)
    if (g_str_equal (document_types[i], current))
      bc_choice_button_set_selected (BC_CHOICE_BUTTON (type), i);
  g_signal_connect (type, "notify::selected", G_CALLBACK (type_selected_cb), self);
  gtk_box_append (GTK_BOX (type_box), type_label);
  gtk_box_append (GTK_BOX (type_box), type);
  gtk_box_append (GTK_BOX (line), type_box);
  gtk_box_append (GTK_BOX (line), labelled_entry (self, item, "number", whose, BC_FIELD_TEXT, 16));
  gtk_box_append (GTK_BOX (line), labelled_entry (self, item, "date", whose, BC_FIELD_DATE, 10));
  gtk_box_append (GTK_BOX (line), labelled_entry (self, item, "issuer", whose, BC_FIELD_TEXT, 0));
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), framed_text (self, item, "summary", _("About (về việc …)"), 2));

  /* What the report prints, whole: the sentence the fields above make. */
  sentence = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (sentence), 0);
  gtk_label_set_wrap (GTK_LABEL (sentence), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (sentence), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (sentence), TRUE);
  gtk_widget_add_css_class (sentence, "dim-label");
  g_object_set_data_full (G_OBJECT (sentence), "bc-section", g_strdup (self->section->id), g_free);
  g_object_set_data_full (G_OBJECT (sentence), "bc-item", g_strdup (item), g_free);
  g_signal_connect_object (bc_edit_session_get_report (self->session), "value-changed",
                           G_CALLBACK (sentence_changed_cb), sentence, 0);
  gtk_box_append (GTK_BOX (box), sentence);
  return box;
}

static GtkWidget *
task_row (BcListForm *self,
          const char *item,
          guint       index)
{
  /* Translators: names a task of a list in messages, %u its place */
  g_autofree char *whose = g_strdup_printf (_("Task %u"), index + 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_box_append (GTK_BOX (box), framed_text (self, item, "content", _("Task"), 2));
  gtk_box_append (GTK_BOX (line), labelled_entry (self, item, "lead", whose, BC_FIELD_TEXT, 0));
  gtk_box_append (GTK_BOX (line), labelled_entry (self, item, "cooperating", whose, BC_FIELD_TEXT, 0));
  gtk_box_append (GTK_BOX (line), labelled_entry (self, item, "deadline", whose, BC_FIELD_TEXT, 16));
  gtk_box_append (GTK_BOX (box), line);
  return box;
}

/* The level changed elsewhere (undo, Alt+←/→): the drop-down and the
 * indent follow. */
static void
level_changed_cb (BcReport   *report,
                  const char *key,
                  GtkWidget  *level)
{
  int current;

  if (!g_str_equal (key, g_object_get_data (G_OBJECT (level), "bc-key")))
    return;
  current = MAX (bc_report_level_from_value (bc_report_get (report, key)), BC_LEVEL_PLAIN);
  bc_choice_button_set_selected (BC_CHOICE_BUTTON (level), (guint) current);
  gtk_widget_set_margin_start (level, 24 * MIN (current, BC_LEVEL_PLUS));
}

/* "Cite a document": its sentence, as the report prints it, goes into
 * the footnotes as a line of its own. */
static void
cite_clicked_cb (GtkButton  *button,
                 BcListForm *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "bc-key");
  const char *sentence = g_object_get_data (G_OBJECT (button), "bc-sentence");
  const char *notes = bc_report_get (bc_edit_session_get_report (self->session), key);
  g_autofree char *value = *notes ? g_strconcat (notes, "\n", sentence, NULL) : g_strdup (sentence);
  g_autoptr(GError) error = NULL;
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  if (!bc_edit_session_set (self->session, key, value, &error))
    g_warning ("%s", error->message);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
add_citations (BcListForm *self,
               GtkBox     *list,
               const char *key,
               GPtrArray  *sections)
{
  BcReport *report = bc_edit_session_get_report (self->session);

  for (guint s = 0; s < sections->len; s++)
    {
      const BcSection *section = sections->pdata[s];
      g_auto(GStrv) order = NULL;

      add_citations (self, list, key, section->children);
      if (section->kind != BC_SECTION_DOCUMENTS)
        continue;
      order = bc_report_get_list_order (report, section->id);
      for (guint i = 0; order[i]; i++)
        {
          g_autofree char *sentence = bc_document_dup_sentence (report, section->id, order[i]);
          const char *text = g_str_has_prefix (sentence, "- ") ? sentence + 2 : sentence;
          GtkWidget *button = gtk_button_new_with_label (text);
          GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
          gtk_widget_add_css_class (button, "flat");
          g_object_set_data_full (G_OBJECT (button), "bc-key", g_strdup (key), g_free);
          g_object_set_data_full (G_OBJECT (button), "bc-sentence", g_strdup (text), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (cite_clicked_cb), self);
          gtk_box_append (list, button);
        }
    }
}

/* The documents of the report, listed when the menu opens. */
static void
cite_menu_shown_cb (GtkPopover *popover,
                    BcListForm *self)
{
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  const char *key = g_object_get_data (G_OBJECT (popover), "bc-key");
  BcTemplate *template = bc_report_get_template (bc_edit_session_get_report (self->session));

  add_citations (self, GTK_BOX (list), key, bc_template_get_sections (template));
  if (gtk_widget_get_first_child (list) == NULL)
    gtk_box_append (GTK_BOX (list), gtk_label_new (_("The report lists no document yet")));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_popover_set_child (popover, scrolled);
}

/* A paragraph's footnotes, one a line, under its text: folded away until
 * the paragraph has one (hidden, not removed, so that findings and tests
 * reach the input). */
static GtkWidget *
footnotes_new (BcListForm *self,
               const char *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *shown = gtk_toggle_button_new_with_label (_("Footnotes"));
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *cite = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  g_autofree char *key = item_key (self, item, "footnote");

  gtk_widget_set_halign (shown, GTK_ALIGN_START);
  gtk_widget_add_css_class (shown, "flat");
  gtk_widget_add_css_class (shown, "caption");
  gtk_box_append (GTK_BOX (inner), framed_text (self, item, "footnote", _("Footnotes, one a line"), 1));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (cite), _("Cite a Document…"));
  gtk_widget_set_halign (cite, GTK_ALIGN_START);
  gtk_widget_add_css_class (cite, "flat");
  g_object_set_data_full (G_OBJECT (popover), "bc-key", g_steal_pointer (&key), g_free);
  g_signal_connect (popover, "show", G_CALLBACK (cite_menu_shown_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (cite), popover);
  gtk_box_append (GTK_BOX (inner), cite);
  g_object_bind_property (shown, "active", inner, "visible", G_BINDING_SYNC_CREATE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (shown), *item_value (self, item, "footnote") != '\0');
  gtk_box_append (GTK_BOX (box), shown);
  gtk_box_append (GTK_BOX (box), inner);
  return box;
}

static GtkWidget *
paragraph_row (BcListForm *self,
               const char *item)
{
  const char *levels[] = {
    _("¶ Paragraph"), _("– Bullet"), _("+ Sub-bullet"), _("(1) Numbered"), _("1. Numbered"), NULL
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *level = bc_choice_button_new (levels);
  int current = MAX (bc_report_level_from_value (item_value (self, item, "level")), BC_LEVEL_PLAIN);

  gtk_widget_set_valign (level, GTK_ALIGN_START);
  bc_choice_button_set_selected (BC_CHOICE_BUTTON (level), (guint) current);
  gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Paragraph level (Alt+← Alt+→)"), -1);
  gtk_widget_set_tooltip_text (level, _("Paragraph level (Alt+← Alt+→)"));
  gtk_widget_set_margin_start (level, 24 * MIN (current, BC_LEVEL_PLUS));
  g_signal_connect (level, "notify::selected", G_CALLBACK (level_selected_cb), self);
  g_object_set_data_full (G_OBJECT (level), "bc-key", item_key (self, item, "level"), g_free);
  g_signal_connect_object (bc_edit_session_get_report (self->session), "value-changed",
                           G_CALLBACK (level_changed_cb), level, 0);
  gtk_box_append (GTK_BOX (box), level);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (column), framed_text (self, item, "text", _("Paragraph"), 2));
  gtk_box_append (GTK_BOX (column), footnotes_new (self, item));
  gtk_box_append (GTK_BOX (box), column);
  return box;
}

static GtkWidget *
row_new (BcListForm *self,
         guint       index,
         guint       n)
{
  const char *item = self->order[index];
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *content;

  switch (self->section->kind)
    {
    case BC_SECTION_DOCUMENTS:
      content = document_row (self, item, index);
      break;
    case BC_SECTION_TASKS:
      content = task_row (self, item, index);
      break;
    case BC_SECTION_NARRATIVE:
    case BC_SECTION_FIGURES:
    case BC_SECTION_GROUP:
    default:
      content = paragraph_row (self, item);
      break;
    }
  gtk_widget_set_hexpand (content, TRUE);
  gtk_box_append (GTK_BOX (row), content);
  gtk_box_append (GTK_BOX (row), tools_new (self, index, n));
  gtk_widget_add_css_class (row, has_paragraphs (self) ? "bc-paragraph" : "card");
  if (self->section->kind == BC_SECTION_DOCUMENTS || self->section->kind == BC_SECTION_TASKS)
    {
      gtk_widget_set_margin_top (content, 12);
      gtk_widget_set_margin_bottom (content, 12);
      gtk_widget_set_margin_start (content, 12);
    }
  return row;
}

/* The input of @key (NULL: the first input) below @widget: the inputs
 * are the widgets the session's registry knows. */
static GtkWidget *
find_input (BcListForm *self,
            GtkWidget  *widget,
            const char *key)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *k = bc_find_input_key (self->session, child);
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

  if (item == NULL)
    return;
  for (guint i = 0; self->order[i]; i++)
    {
      if (!g_str_equal (self->order[i], item))
        continue;
      input = find_input (self, self->rows->pdata[i], NULL);
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
      return;
    }
}

static void
rebuild (BcListForm *self)
{
  GtkWidget *child;
  guint n;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_box_remove (GTK_BOX (self->list), child);
  g_ptr_array_set_size (self->rows, 0);
  g_strfreev (self->order);
  self->order = bc_report_get_list_order (bc_edit_session_get_report (self->session), self->section->id);
  n = g_strv_length (self->order);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = row_new (self, i, n);
      g_ptr_array_add (self->rows, row);
      gtk_box_append (GTK_BOX (self->list), row);
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
add_clicked_cb (BcListForm *self)
{
  bc_list_form_add_item (self);
  rebuild (self);
}

static void
bc_list_form_dispose (GObject *object)
{
  BcListForm *self = BC_LIST_FORM (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
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

  object_class->dispose = bc_list_form_dispose;
  object_class->finalize = bc_list_form_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
bc_list_form_init (BcListForm *self)
{
  self->rows = g_ptr_array_new ();
}

/**
 * bc_list_form_new:
 *
 * Returns: (transfer floating): the editor of a list section's items
 */
GtkWidget *
bc_list_form_new (BcEditSession   *session,
                  const BcSection *section)
{
  BcListForm *self = g_object_new (BC_TYPE_LIST_FORM, NULL);
  g_autofree char *signal = g_strdup_printf ("value-changed::sec/%s/order", section->id);
  const char *add_label;

  self->session = session;
  self->section = section;
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_box_append (GTK_BOX (self->box), self->list);

  switch (section->kind)
    {
    case BC_SECTION_DOCUMENTS:
      add_label = _("Add Document");
      break;
    case BC_SECTION_TASKS:
      add_label = _("Add Task");
      break;
    default:
      add_label = _("Add Paragraph");
      break;
    }
  self->add_button = gtk_button_new_with_label (add_label);
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->add_button, "pill");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->box), self->add_button);

  g_signal_connect_object (bc_edit_session_get_report (session), signal,
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
  g_autofree char *key = bc_key_row (table_id, "after");

  g_return_val_if_fail (BC_IS_LIST_FORM (self), NULL);
  if (self->rebuild_id != 0)
    rebuild (self);
  if (index >= self->rows->len)
    return NULL;
  for (GtkWidget *w = gtk_widget_get_first_child (self->rows->pdata[index]); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    for (GtkWidget *t = gtk_widget_get_first_child (w); GTK_IS_BOX (w) && t != NULL; t = gtk_widget_get_next_sibling (t))
      if (GTK_IS_TOGGLE_BUTTON (t) && g_strcmp0 (g_object_get_data (G_OBJECT (t), "bc-key"), key) == 0)
        return t;
  return NULL;
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
