/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-form-utils"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bc-cut-mark.h"
#include "bc-form-utils.h"
#include "bc-number.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-text-emphasis.h"
#include "bc-text-refs.h"
#include "bc-ui-utils.h"

/**
 * bc_editable_disable_undo:
 *
 * Undo is the report's, across every field, not one entry's: turns off
 * @editable's own. GtkText keeps its undo action, and with it Ctrl+Z,
 * enabled when its undo is off: Ctrl+Z would then do nothing instead of
 * reaching the report's undo, so the action is disabled as well.
 */
void
bc_editable_disable_undo (GtkEditable *editable)
{
  gtk_editable_set_enable_undo (editable, FALSE);
  for (GtkEditable *e = editable; e != NULL; e = gtk_editable_get_delegate (e))
    if (GTK_IS_TEXT (e))
      {
        gtk_widget_action_set_enabled (GTK_WIDGET (e), "text.undo", FALSE);
        gtk_widget_action_set_enabled (GTK_WIDGET (e), "text.redo", FALSE);
      }
}

/* Ties an input to one value of the report through the edit session: the
 * input writes the value, and follows it when it changes elsewhere (undo,
 * redo, another form). Every handler holds a reference to the binding: it
 * goes with the last of them, when the editable and its controllers go.
 * The binding keeps the registry, and with it the session: an input torn
 * down late (a focus leaving it) still stores into a live session. */

typedef struct
{
  BcInputRegistry *inputs;     /* owned */
  GtkEditable     *editable;   /* borrowed: its handlers go with it */
  char            *key;
  BcFieldKind      kind;
  gulong           changed_id;
  gboolean         typed;      /* the text was changed since it showed the model */
} Binding;

static void
binding_clear (Binding *b)
{
  g_object_unref (b->inputs);
  g_free (b->key);
}

static void
binding_release (gpointer  data,
                 GClosure *closure)
{
  g_rc_box_release_full (data, (GDestroyNotify) binding_clear);
}

static gulong
connect_binding (gpointer    instance,
                 const char *signal,
                 GCallback   callback,
                 Binding    *b)
{
  return g_signal_connect_data (instance, signal, callback, g_rc_box_acquire (b), binding_release, 0);
}

static BcReport *
binding_report (Binding *b)
{
  return bc_edit_session_get_report (bc_input_registry_get_session (b->inputs));
}

/**
 * bc_display_value:
 *
 * Returns: (transfer full): @stored as the clerk reads it
 */
char *
bc_display_value (const char  *stored,
                  BcFieldKind  kind)
{
  if (stored == NULL || *stored == '\0')
    return g_strdup ("");
  if (kind == BC_FIELD_DATE)
    return bc_date_to_display (stored);
  if (kind == BC_FIELD_COUNT)
    return bc_format_int (g_ascii_strtoll (stored, NULL, 10));
  return g_strdup (stored);
}

/**
 * bc_parse_field:
 * @stored: (out) (transfer full): the value to store; %NULL for empty
 *
 * Returns: %FALSE with a message for the clerk in @error
 */
gboolean
bc_parse_field (const char   *text,
                BcFieldKind   kind,
                char        **stored,
                GError      **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  gint64 count;

  *stored = NULL;
  if (kind == BC_FIELD_TEXT)
    {
      *stored = g_strdup (text);
      return TRUE;
    }
  if (*trimmed == '\0')
    return TRUE;
  if (kind == BC_FIELD_DATE)
    {
    return bc_date_parse_display (trimmed, stored, error);
    }
  if (!bc_parse_count (trimmed, BC_COUNT_MAX, &count, error))
    return FALSE;
  *stored = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  return TRUE;
}

/**
 * bc_set_field_name:
 *
 * Names @widget for screen readers and in the messages about it.
 */
void
bc_set_field_name (GtkWidget       *widget,
                   BcInputRegistry *inputs,
                   const char      *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  bc_input_registry_set_name (inputs, widget, name);
}

/* The name given with bc_set_field_name(), or the title of the row the
 * field is in. */
static const char *
field_name (GtkWidget       *widget,
            BcInputRegistry *inputs)
{
  const char *name = bc_input_registry_get_name (inputs, widget);
  GtkWidget *row;

  if (name != NULL)
    return name;
  row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

/**
 * bc_show_field_error:
 * @inputs: the registry @widget may be in
 * @message: (nullable): the reason, or %NULL to clear the error
 *
 * Marks @widget as wrong (or right again) and tells the clerk why: in its
 * tooltip, and in the message bar of the page that holds it (through
 * @inputs' ::field-error), after its name.
 */
void
bc_show_field_error (GtkWidget       *widget,
                     BcInputRegistry *inputs,
                     const char      *message)
{
  const char *name = field_name (widget, inputs);
  gboolean was_wrong = gtk_widget_has_css_class (widget, "error");
  g_autofree char *shown = NULL;

  if (message == NULL && !was_wrong)
    return;
  if (message != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  bc_ui_set_tooltip (widget, message);
  if (message != NULL && name != NULL)
    /* Translators: a field's name, then why what was typed in it was refused */
    shown = g_strdup_printf (_("%s: %s"), name, message);
  bc_input_registry_tell_error (inputs, widget, shown ? shown : message);
}

static void
commit (Binding *b)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  /* A field left as it was is not stored again: the value it shows may
   * have been changed meanwhile by another program, and is about to
   * show the new one. */
  if (!b->typed)
    return;
  if (!bc_parse_field (gtk_editable_get_text (b->editable), b->kind, &stored, &error)
      || !bc_edit_session_set (bc_input_registry_get_session (b->inputs), b->key, stored, &error))
    {
      bc_show_field_error (GTK_WIDGET (b->editable), b->inputs, error->message);
      return;
    }
  b->typed = FALSE;
  bc_show_field_error (GTK_WIDGET (b->editable), b->inputs, NULL);
}

static void
editable_changed_cb (GtkEditable *editable,
                     Binding     *b)
{
  b->typed = TRUE;
  if (b->kind == BC_FIELD_TEXT)
    commit (b);
}

static void
show_model (Binding *b)
{
  GtkEditable *editable = b->editable;
  BcReport *report = binding_report (b);
  g_autofree char *shown = bc_display_value (bc_report_get (report, b->key), b->kind);
  g_autofree char *stored_now = NULL;

  /* Typing is not echoed back: only a different value replaces the text. */
  if (bc_parse_field (gtk_editable_get_text (editable), b->kind, &stored_now, NULL)
      && g_strcmp0 (stored_now ? stored_now : "", bc_report_get (report, b->key)) == 0
      && b->kind == BC_FIELD_TEXT)
    return;
  if (g_strcmp0 (gtk_editable_get_text (editable), shown) == 0)
    return;
  g_signal_handler_block (editable, b->changed_id);
  gtk_editable_set_text (editable, shown);
  g_signal_handler_unblock (editable, b->changed_id);
  b->typed = FALSE;
  bc_show_field_error (GTK_WIDGET (editable), b->inputs, NULL);
}

static void
value_changed_cb (BcReport   *report,
                  const char *key,
                  Binding    *b)
{
  GtkWidget *widget = GTK_WIDGET (b->editable);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean editing = focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));

  /* A checked field being typed into keeps its text until it is left. */
  if (editing && b->kind != BC_FIELD_TEXT)
    return;
  show_model (b);
}

/* A checked field is stored when it is left or activated. */
static void
leave_cb (gpointer  instance,
          Binding  *b)
{
  if (b->kind == BC_FIELD_TEXT)
    return;
  commit (b);
  if (!gtk_widget_has_css_class (GTK_WIDGET (b->editable), "error"))
    show_model (b);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                Binding               *b)
{
  /* Escape puts back what is stored. */
  if (keyval == GDK_KEY_Escape && b->kind != BC_FIELD_TEXT)
    {
      g_autofree char *shown = bc_display_value (bc_report_get (binding_report (b), b->key), b->kind);
      gtk_editable_set_text (b->editable, shown);
      b->typed = FALSE;
      bc_show_field_error (GTK_WIDGET (b->editable), b->inputs, NULL);
      return TRUE;
    }
  return FALSE;
}

static void
follow_value (Binding *b)
{
  g_autofree char *signal = g_strdup_printf ("value-changed::%s", b->key);
  GClosure *follow = g_cclosure_new (G_CALLBACK (value_changed_cb), g_rc_box_acquire (b), binding_release);

  /* Not past the editable's life. */
  g_object_watch_closure (G_OBJECT (b->editable), follow);
  g_signal_connect_closure (binding_report (b), signal, follow, FALSE);
}

/**
 * bc_bind_editable:
 * @editable: a #GtkEditable (a #GtkEntry, an #AdwEntryRow, ...)
 * @inputs: the registry of the form's inputs, which @editable joins
 *
 * Shows the value under @key in @editable and stores what is typed.
 */
void
bc_bind_editable (GtkEditable     *editable,
                  BcInputRegistry *inputs,
                  const char      *key,
                  BcFieldKind      kind)
{
  Binding *b = g_rc_box_new0 (Binding);
  g_autofree char *shown = NULL;
  GtkEventController *controller;

  b->inputs = g_object_ref (inputs);
  b->editable = editable;
  b->key = g_strdup (key);
  b->kind = kind;

  shown = bc_display_value (bc_report_get (binding_report (b), key), kind);
  gtk_editable_set_text (editable, shown);
  bc_editable_disable_undo (editable);
  if (ADW_IS_ENTRY_ROW (editable))
    bc_entry_row_mark_cut (ADW_ENTRY_ROW (editable));
  b->changed_id = connect_binding (editable, "changed", G_CALLBACK (editable_changed_cb), b);
  if (GTK_IS_ENTRY (editable))
    connect_binding (editable, "activate", G_CALLBACK (leave_cb), b);
  else if (ADW_IS_ENTRY_ROW (editable))
    connect_binding (editable, "entry-activated", G_CALLBACK (leave_cb), b);

  controller = gtk_event_controller_focus_new ();
  connect_binding (controller, "leave", G_CALLBACK (leave_cb), b);
  gtk_widget_add_controller (GTK_WIDGET (editable), controller);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  connect_binding (controller, "key-pressed", G_CALLBACK (key_pressed_cb), b);
  gtk_widget_add_controller (GTK_WIDGET (editable), controller);

  follow_value (b);
  bc_input_registry_add (inputs, key, GTK_WIDGET (editable));
  g_rc_box_release_full (b, (GDestroyNotify) binding_clear);
}

/* Text views */

typedef struct
{
  BcEditSession *session;     /* owned, as an editable's binding keeps it */
  GtkTextBuffer *buffer;      /* it owns the binding */
  char          *key;
  gulong         changed_id;
} ViewBinding;

static void
view_binding_free (gpointer  data,
                   GClosure *closure)
{
  ViewBinding *b = data;

  g_object_unref (b->session);
  g_free (b->key);
  g_free (b);
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   ViewBinding   *b)
{
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!bc_edit_session_set (b->session, b->key, text, &error))
    g_warning ("%s: %s", b->key, error->message);
}

static void
view_value_changed_cb (BcReport    *report,
                       const char  *key,
                       ViewBinding *b)
{
  GtkTextBuffer *buffer = b->buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  const char *value = bc_report_get (report, b->key);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, value) == 0)
    return;
  g_signal_handler_block (buffer, b->changed_id);
  gtk_text_buffer_set_text (buffer, value, -1);
  g_signal_handler_unblock (buffer, b->changed_id);
}

/**
 * bc_bind_text_view:
 * @inputs: the registry of the form's inputs, which @view joins
 *
 * Shows the text under @key in @view and stores every change.
 */
void
bc_bind_text_view (GtkTextView     *view,
                   BcInputRegistry *inputs,
                   const char      *key)
{
  BcEditSession *session = bc_input_registry_get_session (inputs);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  ViewBinding *b = g_new0 (ViewBinding, 1);
  g_autofree char *signal = g_strdup_printf ("value-changed::%s", key);
  GClosure *follow;

  b->session = g_object_ref (session);
  b->buffer = buffer;
  b->key = g_strdup (key);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_text (buffer, bc_report_get (bc_edit_session_get_report (session), key), -1);
  /* The binding lives as long as the buffer's handler; the report's
   * handler goes with the buffer. */
  b->changed_id = g_signal_connect_data (buffer, "changed", G_CALLBACK (buffer_changed_cb), b,
                                         view_binding_free, 0);
  follow = g_cclosure_new (G_CALLBACK (view_value_changed_cb), b, NULL);
  g_object_watch_closure (G_OBJECT (buffer), follow);
  g_signal_connect_closure (bc_edit_session_get_report (session), signal, follow, FALSE);
  bc_text_refs_attach (view, session);
  bc_text_emphasis_attach (view);
  bc_input_registry_add (inputs, key, GTK_WIDGET (view));
}

/**
 * bc_text_view_new:
 *
 * Returns: (transfer floating): a wrapping text view that looks like an entry
 */
GtkWidget *
bc_text_view_new (const char *accessible_label,
                  int         min_lines)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_widget_set_size_request (view, -1, 20 * min_lines + 16);
  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_add_css_class (view, "bc-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return view;
}

/**
 * bc_new_item_id:
 * @existing: (nullable): ids already in use
 *
 * Returns: (transfer full): a short id for a new list item, unused in @existing
 */
char *
bc_new_item_id (char **existing)
{
  static const char alphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";

  for (;;)
    {
      char id[9];

      for (guint i = 0; i < 8; i++)
        id[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
      id[8] = '\0';
      if (existing == NULL || !g_strv_contains ((const char * const *) existing, id))
        return g_strdup (id);
    }
}
