/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-forms"

#include "config.h"

#include <string.h>

#include "bc-inline.h"
#include "bc-text-emphasis.h"

/* Bold and italic in a paragraph, stored as "**bold**" and "*italic*"
 * (docs/interchange-format.md, "Emphasis"): Ctrl+B and Ctrl+I mark the
 * selection or take its marks away; the marked words show bold or
 * italic, their marks dimmed. */

static GtkTextTag *
tag (GtkTextBuffer *buffer,
     const char    *name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *found = gtk_text_tag_table_lookup (table, name);

  if (found != NULL)
    return found;
  if (g_str_equal (name, "bc-bold"))
    return gtk_text_buffer_create_tag (buffer, name, "weight", PANGO_WEIGHT_BOLD, NULL);
  if (g_str_equal (name, "bc-italic"))
    return gtk_text_buffer_create_tag (buffer, name, "style", PANGO_STYLE_ITALIC, NULL);
  return gtk_text_buffer_create_tag (buffer, name, "foreground", "#9a9996", NULL);
}

static void
apply (GtkTextBuffer *buffer,
       GtkTextTag    *t,
       const char    *text,
       gsize          start,
       gsize          end)
{
  GtkTextIter a, b;

  if (end <= start)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) g_utf8_pointer_to_offset (text, text + start));
  gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) g_utf8_pointer_to_offset (text, text + end));
  gtk_text_buffer_apply_tag (buffer, t, &a, &b);
}

/* One line: its styled runs, and the marks between them dimmed. */
static void
show_line (GtkTextBuffer *buffer,
           const char    *text,
           gsize          offset,
           const char    *line)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *plain = bc_inline_parse (line, &spans);
  gsize previous_end = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const BcInlineSpan *span = &g_array_index (spans, BcInlineSpan, i);

      apply (buffer, tag (buffer, "bc-mark"), text, offset + previous_end, offset + span->src_start);
      if (span->bold)
        apply (buffer, tag (buffer, "bc-bold"), text, offset + span->src_start, offset + span->src_end);
      if (span->italic)
        apply (buffer, tag (buffer, "bc-italic"), text, offset + span->src_start, offset + span->src_end);
      previous_end = span->src_end;
    }
  apply (buffer, tag (buffer, "bc-mark"), text, offset + previous_end, offset + strlen (line));
}

static void
changed_cb (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gsize offset = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (const char * const *name = (const char *[]) { "bc-bold", "bc-italic", "bc-mark", NULL }; *name; name++)
    gtk_text_buffer_remove_tag (buffer, tag (buffer, *name), &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      show_line (buffer, text, offset, lines[i]);
      offset += strlen (lines[i]) + 1;
    }
}

static void
iter_at_byte (GtkTextBuffer *buffer,
              const char    *text,
              gsize          byte,
              GtkTextIter   *iter)
{
  gtk_text_buffer_get_iter_at_offset (buffer, iter, (int) g_utf8_pointer_to_offset (text, text + byte));
}

/**
 * bc_text_emphasis_toggle:
 * @bold: Ctrl+B, else Ctrl+I
 *
 * Marks the selected words, or unmarks them; the words stay selected.
 *
 * Returns: %FALSE when nothing is selected
 */
gboolean
bc_text_emphasis_toggle (GtkTextView *view,
                         gboolean     bold)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end, a, b;
  g_autofree char *text = NULL;
  g_autofree char *toggled = NULL;
  g_autofree char *after = NULL;
  gsize from, to, new_from, new_to, m = bold ? 2 : 1;
  const char *mark = bold ? "**" : "*";

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return FALSE;
  gtk_text_buffer_get_bounds (buffer, &a, &b);
  text = gtk_text_buffer_get_text (buffer, &a, &b, TRUE);
  from = (gsize) (g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&start)) - text);
  to = (gsize) (g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&end)) - text);
  toggled = bc_inline_toggle (text, from, to, bold, &new_from, &new_to);
  if (g_str_equal (toggled, text))
    return TRUE;
  /* The later place first: the earlier offsets stay right. */
  gtk_text_buffer_begin_user_action (buffer);
  if (strlen (toggled) < strlen (text))
    {
      iter_at_byte (buffer, text, new_to + m, &a);
      iter_at_byte (buffer, text, new_to + 2 * m, &b);
      gtk_text_buffer_delete (buffer, &a, &b);
      iter_at_byte (buffer, text, new_from, &a);
      iter_at_byte (buffer, text, new_from + m, &b);
      gtk_text_buffer_delete (buffer, &a, &b);
    }
  else
    {
      iter_at_byte (buffer, text, new_to - m, &a);
      gtk_text_buffer_insert (buffer, &a, mark, -1);
      iter_at_byte (buffer, text, new_from - m, &a);
      gtk_text_buffer_insert (buffer, &a, mark, -1);
    }
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &a, &b);
  after = gtk_text_buffer_get_text (buffer, &a, &b, TRUE);
  iter_at_byte (buffer, after, new_from, &a);
  iter_at_byte (buffer, after, new_to, &b);
  gtk_text_buffer_select_range (buffer, &a, &b);
  return TRUE;
}

static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   bold)
{
  return bc_text_emphasis_toggle (GTK_TEXT_VIEW (widget), GPOINTER_TO_INT (bold));
}

/**
 * bc_text_emphasis_attach:
 *
 * Ctrl+B and Ctrl+I in @view, and its marked words shown styled.
 */
void
bc_text_emphasis_attach (GtkTextView *view)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_b, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (shortcut_cb, GINT_TO_POINTER (TRUE),
                                                                                   NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_i, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (shortcut_cb, GINT_TO_POINTER (FALSE),
                                                                                   NULL)));
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
  g_signal_connect (buffer, "changed", G_CALLBACK (changed_cb), NULL);
  changed_cb (buffer);
}
