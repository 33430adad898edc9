/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-paragraph-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-choice-button.h"
#include "bc-document-utils.h"
#include "bc-form-utils.h"
#include "bc-keys.h"
#include "bc-list-tools.h"
#include "bc-paragraph-row.h"
#include "bc-report.h"
#include "bc-template.h"

/* A paragraph of a narrative, figures or catalog section: its level, its
 * text, its footnotes, and the tables of the body it can place after
 * itself. Editing it behaves like a text editor: Enter splits it,
 * Backspace at its start joins it to the one above, Alt+Left and
 * Alt+Right change its level; the form does the splitting and joining
 * ("list.split", "list.merge-up"). */

/* A toggle printing a table of the body after this paragraph. */
typedef struct
{
  GtkToggleButton *toggle;
  char            *key;     /* tbl/<table>/after */
  char            *table_id;
} Place;

struct _BcParagraphRow
{
  GtkBox           parent_instance;

  /* template widgets */
  BcChoiceButton  *level;
  GtkTextView     *text;
  GtkToggleButton *footnotes_shown;
  GtkTextView     *footnote;
  GtkPopover      *cite_popover;
  BcListTools     *tools;

  /* owned */
  char            *item;
  char            *level_key;
  char            *footnote_key;
  GArray          *places;      /* Place */

  /* borrowed */
  BcEditSession   *session;
  const BcSection *section;
  guint            index;
};

G_DEFINE_FINAL_TYPE (BcParagraphRow, bc_paragraph_row, GTK_TYPE_BOX)

enum
{
  PASTE_LINES,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static BcReport *
report (BcParagraphRow *self)
{
  return bc_edit_session_get_report (self->session);
}

static void
set_level (BcParagraphRow *self,
           int             level)
{
  g_autofree char *value = g_strdup_printf ("%d", CLAMP (level, BC_LEVEL_PLAIN, BC_LEVEL_NUMBERED));
  g_autoptr(GError) error = NULL;

  if (!bc_edit_session_set (self->session, self->level_key, g_str_equal (value, "0") ? NULL : value, &error))
    g_warning ("%s", error->message);
}

/* The level shown: the drop-down and the indent. */
static void
show_level (BcParagraphRow *self)
{
  int current = MAX (bc_report_level_from_value (bc_report_get (report (self), self->level_key)), BC_LEVEL_PLAIN);

  bc_choice_button_set_selected (self->level, (guint) current);
  gtk_widget_set_margin_start (GTK_WIDGET (self->level), 24 * MIN (current, BC_LEVEL_PLUS));
}

/* Indent and outdent: plain, "-", "+"; a numbered paragraph becomes
 * plain or a bullet. */
static void
shift_level (BcParagraphRow *self,
             int             delta)
{
  int level = bc_report_level_from_value (bc_report_get (report (self), self->level_key));

  if (level > BC_LEVEL_PLUS)
    level = BC_LEVEL_PLAIN;
  set_level (self, CLAMP (level + delta, 0, BC_LEVEL_PLUS));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BcParagraphRow        *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gboolean alt = (state & GDK_ALT_MASK) != 0;
  GtkTextIter cursor, start, end;

  if (bc_list_tools_handle_key (self->tools, keyval, state))
    return TRUE;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  if (alt && (keyval == GDK_KEY_Left || keyval == GDK_KEY_Right))
    return shift_level (self, keyval == GDK_KEY_Right ? 1 : -1), TRUE;
  /* The footnotes are lines of their own: Enter and Backspace there edit
   * the footnotes, never the list. */
  if (view != GTK_WIDGET (self->text))
    return FALSE;
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
      && (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) == 0)
    return gtk_widget_activate_action (GTK_WIDGET (self), "list.split", "(si)", self->item,
                                       gtk_text_iter_get_offset (&cursor)), TRUE;
  if (keyval == GDK_KEY_BackSpace && gtk_text_iter_is_start (&cursor)
      && !gtk_text_buffer_get_selection_bounds (buffer, &start, &end) && self->index > 0)
    return gtk_widget_activate_action (GTK_WIDGET (self), "list.merge-up", "s", self->item), TRUE;
  return FALSE;
}

static void
level_selected_cb (BcParagraphRow *self)
{
  const char *current = bc_report_get (report (self), self->level_key);

  if (bc_report_level_from_value (current) != (int) bc_choice_button_get_selected (self->level))
    set_level (self, (int) bc_choice_button_get_selected (self->level));
}

/* The level changed elsewhere (undo, Alt+←/→): the drop-down and the
 * indent follow. */
static void
level_changed_cb (BcReport       *report,
                  const char     *key,
                  BcParagraphRow *self)
{
  show_level (self);
}

static void
clipboard_text_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BcParagraphRow) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text);
  gboolean taken = FALSE;
  GtkTextIter start, end;

  /* The paragraph is gone (the form was rebuilt or closed). */
  if (text == NULL || gtk_widget_get_parent (GTK_WIDGET (self)) == NULL)
    return;
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  g_signal_emit (self, signals[PASTE_LINES], 0, gtk_text_iter_get_offset (&start),
                 gtk_text_iter_get_offset (&end), text, &taken);
  if (taken)
    return;
  /* One line: pasted where the caret is, without the newline a copied
   * line ends with. */
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, g_strstrip (text), -1, TRUE);
}

/* The paragraph takes pasted lines as paragraphs (the form's
 * bc_list_form_paste()). */
static void
paste_cb (GtkTextView    *view,
          BcParagraphRow *self)
{
  g_signal_stop_emission_by_name (view, "paste-clipboard");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL,
                                 clipboard_text_cb, g_object_ref (self));
}

/* "Cite a document": its sentence, as the report prints it, goes into
 * the footnotes as a line of its own. */
static void
cite_clicked_cb (GtkButton      *button,
                 BcParagraphRow *self)
{
  const char *sentence = gtk_button_get_label (button);
  const char *notes = bc_report_get (report (self), self->footnote_key);
  g_autofree char *value = *notes ? g_strconcat (notes, "\n", sentence, NULL) : g_strdup (sentence);
  g_autoptr(GError) error = NULL;

  if (!bc_edit_session_set (self->session, self->footnote_key, value, &error))
    g_warning ("%s", error->message);
  gtk_popover_popdown (self->cite_popover);
}

static void
add_citations (BcParagraphRow *self,
               GtkBox         *list,
               GPtrArray      *sections)
{
  for (guint s = 0; s < sections->len; s++)
    {
      const BcSection *section = sections->pdata[s];
      g_auto(GStrv) order = NULL;

      add_citations (self, list, section->children);
      if (section->kind != BC_SECTION_DOCUMENTS)
        continue;
      order = bc_report_get_list_order (report (self), section->id);
      for (guint i = 0; order[i]; i++)
        {
          g_autofree char *sentence = bc_document_dup_sentence (report (self), section->id, order[i]);
          GtkWidget *button = gtk_button_new_with_label (g_str_has_prefix (sentence, "- ") ? sentence + 2 : sentence);
          GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
          gtk_widget_add_css_class (button, "flat");
          g_signal_connect (button, "clicked", G_CALLBACK (cite_clicked_cb), self);
          gtk_box_append (list, button);
        }
    }
}

/* The documents of the report, listed when the menu opens. */
static void
cite_menu_shown_cb (GtkPopover     *popover,
                    BcParagraphRow *self)
{
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  BcTemplate *template = bc_report_get_template (report (self));

  add_citations (self, GTK_BOX (list), bc_template_get_sections (template));
  if (gtk_widget_get_first_child (list) == NULL)
    gtk_box_append (GTK_BOX (list), gtk_label_new (_("The report lists no document yet")));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_popover_set_child (popover, scrolled);
}

static Place *
find_place (BcParagraphRow  *self,
            GtkToggleButton *toggle)
{
  for (guint i = 0; i < self->places->len; i++)
    if (g_array_index (self->places, Place, i).toggle == toggle)
      return &g_array_index (self->places, Place, i);
  return NULL;
}

/* tbl/<table>/after: a table of the body printed after this paragraph. */
static void
place_toggled_cb (GtkToggleButton *toggle,
                  BcParagraphRow  *self)
{
  Place *place = find_place (self, toggle);
  const char *current = bc_report_get (report (self), place->key);
  gboolean active = gtk_toggle_button_get_active (toggle);
  g_autoptr(GError) error = NULL;

  /* Set from the value (undo, another toggle): nothing to store. */
  if (active == g_str_equal (current, self->item))
    return;
  if (!bc_edit_session_set (self->session, place->key, active ? self->item : NULL, &error))
    g_warning ("%s", error->message);
}

static void
place_changed_cb (BcReport       *report,
                  const char     *key,
                  BcParagraphRow *self)
{
  for (guint i = 0; i < self->places->len; i++)
    {
      Place *place = &g_array_index (self->places, Place, i);

      if (g_str_equal (key, place->key))
        gtk_toggle_button_set_active (place->toggle, g_str_equal (bc_report_get (report, key), self->item));
    }
}

static GtkWidget *
place_toggle_new (BcParagraphRow   *self,
                  const BcTableDef *table)
{
  Place place = { NULL, bc_key_row (table->id, "after"), g_strdup (table->id) };
  /* Translators: a toggle beside a paragraph; %s is the table's title */
  g_autofree char *tooltip = g_strdup_printf (_("Print the table “%s” after this paragraph"), table->title);
  g_autofree char *signal = g_strdup_printf ("value-changed::%s", place.key);

  place.toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (place.toggle), "view-grid-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (place.toggle), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (place.toggle), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (place.toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_toggle_button_set_active (place.toggle, g_str_equal (bc_report_get (report (self), place.key), self->item));
  g_array_append_val (self->places, place);
  g_signal_connect (place.toggle, "toggled", G_CALLBACK (place_toggled_cb), self);
  g_signal_connect_object (report (self), signal, G_CALLBACK (place_changed_cb), self, 0);
  return GTK_WIDGET (place.toggle);
}

/* The tables of the body that belong to this section. */
static void
add_place_toggles (BcParagraphRow *self)
{
  GPtrArray *tables = bc_template_get_tables (bc_report_get_template (report (self)));

  for (guint i = 0; i < tables->len; i++)
    {
      const BcTableDef *table = tables->pdata[i];

      if (!table->items && g_strcmp0 (table->section, self->section->id) == 0)
        bc_list_tools_add (self->tools, place_toggle_new (self, table));
    }
}

static void
place_clear (gpointer data)
{
  Place *place = data;

  g_free (place->key);
  g_free (place->table_id);
}

static void
bc_paragraph_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_PARAGRAPH_ROW);
  G_OBJECT_CLASS (bc_paragraph_row_parent_class)->dispose (object);
}

static void
bc_paragraph_row_finalize (GObject *object)
{
  BcParagraphRow *self = BC_PARAGRAPH_ROW (object);

  g_free (self->item);
  g_free (self->level_key);
  g_free (self->footnote_key);
  g_array_unref (self->places);
  G_OBJECT_CLASS (bc_paragraph_row_parent_class)->finalize (object);
}

static void
bc_paragraph_row_class_init (BcParagraphRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_paragraph_row_dispose;
  object_class->finalize = bc_paragraph_row_finalize;

  /**
   * BcParagraphRow::paste-lines:
   * @start: the character offset where the pasted text goes
   * @end: the offset of the end of the text it replaces
   * @text: what was pasted
   *
   * Asks for @text pasted as paragraphs of their own.
   *
   * Returns: %TRUE when it was; %FALSE: it goes in as typed
   */
  signals[PASTE_LINES] =
    g_signal_new ("paste-lines", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 3, G_TYPE_INT, G_TYPE_INT, G_TYPE_STRING);

  g_type_ensure (BC_TYPE_CHOICE_BUTTON);
  g_type_ensure (BC_TYPE_LIST_TOOLS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-paragraph-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BcParagraphRow, level);
  gtk_widget_class_bind_template_child (widget_class, BcParagraphRow, text);
  gtk_widget_class_bind_template_child (widget_class, BcParagraphRow, footnotes_shown);
  gtk_widget_class_bind_template_child (widget_class, BcParagraphRow, footnote);
  gtk_widget_class_bind_template_child (widget_class, BcParagraphRow, cite_popover);
  gtk_widget_class_bind_template_child (widget_class, BcParagraphRow, tools);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, level_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, paste_cb);
  gtk_widget_class_bind_template_callback (widget_class, cite_menu_shown_cb);
}

static void
bc_paragraph_row_init (BcParagraphRow *self)
{
  const char *levels[] = {
    _("¶ Paragraph"), _("– Bullet"), _("+ Sub-bullet"), _("(1) Numbered"), _("1. Numbered"), NULL
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->places = g_array_new (FALSE, FALSE, sizeof (Place));
  g_array_set_clear_func (self->places, place_clear);
  for (guint i = 0; levels[i] != NULL; i++)
    bc_choice_button_append (self->level, levels[i]);
}

/**
 * bc_paragraph_row_new:
 * @index: its place in the section, from 0
 * @n: how many paragraphs the section has
 *
 * Returns: (transfer floating): the row editing paragraph @item of @section
 */
GtkWidget *
bc_paragraph_row_new (BcInputRegistry *inputs,
                      const BcSection *section,
                      const char      *item,
                      guint            index,
                      guint            n)
{
  BcParagraphRow *self = g_object_new (BC_TYPE_PARAGRAPH_ROW, NULL);
  g_autofree char *text_key = bc_key_item_field (section->id, item, "text");
  g_autofree char *signal = NULL;

  self->session = bc_input_registry_get_session (inputs);
  self->section = section;
  self->item = g_strdup (item);
  self->index = index;
  self->level_key = bc_key_item_field (section->id, item, "level");
  self->footnote_key = bc_key_item_field (section->id, item, "footnote");
  show_level (self);
  signal = g_strdup_printf ("value-changed::%s", self->level_key);
  g_signal_connect_object (report (self), signal, G_CALLBACK (level_changed_cb), self, 0);
  bc_bind_text_view (self->text, inputs, text_key);
  bc_bind_text_view (self->footnote, inputs, self->footnote_key);
  /* Folded away until the paragraph has one (hidden, not removed, so
   * that findings and tests reach the input). */
  gtk_toggle_button_set_active (self->footnotes_shown, *bc_report_get (report (self), self->footnote_key) != '\0');
  add_place_toggles (self);
  bc_list_tools_set_item (self->tools, item, index, n);
  return GTK_WIDGET (self);
}

/**
 * bc_paragraph_row_get_place_toggle:
 *
 * Returns: (transfer none) (nullable): the toggle that prints the table
 *   @table_id of the body after this paragraph
 */
GtkWidget *
bc_paragraph_row_get_place_toggle (BcParagraphRow *self,
                                   const char     *table_id)
{
  g_return_val_if_fail (BC_IS_PARAGRAPH_ROW (self), NULL);

  for (guint i = 0; i < self->places->len; i++)
    if (g_str_equal (g_array_index (self->places, Place, i).table_id, table_id))
      return GTK_WIDGET (g_array_index (self->places, Place, i).toggle);
  return NULL;
}
