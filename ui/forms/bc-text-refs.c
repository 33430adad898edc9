/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-forms"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bc-keys.h"
#include "bc-refs.h"
#include "bc-report.h"
#include "bc-template.h"
#include "bc-text-refs.h"

/* References in a paragraph ("{{fig/…}}", docs/interchange-format.md):
 * shown as highlighted tokens, inserted from the paragraph's menu ("Insert
 * figure"), by typing "{{" or pressing Ctrl+Shift+F, which open the same
 * menu at the cursor. */

#define TAG_NAME "bc-ref"

/**
 * bc_text_refs_highlight:
 *
 * Marks every reference of @buffer as a token.
 */
void
bc_text_refs_highlight (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, TAG_NAME);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  GtkTextIter start, end;

  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, TAG_NAME, "foreground", "#1a5fb4",
                                      "background", "rgba(53, 132, 228, 0.16)",
                                      "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  refs = bc_refs_find (text);
  for (guint i = 0; i < refs->len; i++)
    {
      const BcRef *ref = refs->pdata[i];

      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) g_utf8_pointer_to_offset (text, text + ref->start));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) g_utf8_pointer_to_offset (text, text + ref->end));
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }
}

static void
changed_cb (GtkTextBuffer *buffer)
{
  bc_text_refs_highlight (buffer);
}

static void
add_item (GMenu      *menu,
          const char *label,
          const char *token)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, "refs.insert", g_variant_new_string (token));
  g_menu_append_item (menu, item);
}

/* A key of bc_refs_available(): a ratio comes in its three precisions. */
static void
add_key (GMenu      *menu,
         BcTemplate *template,
         const char *key)
{
  g_autofree char *label = bc_ref_label (template, key);

  if (label == NULL)
    return;
  if (!bc_ref_key_is_ratio (template, key))
    {
      g_autofree char *token = bc_key_ref (key, -1);
      add_item (menu, label, token);
      return;
    }
  for (int decimals = 0; decimals <= BC_KEY_REF_MAX_DECIMALS; decimals++)
    {
      g_autofree char *token = bc_key_ref (key, decimals);
      /* Translators: a ratio in the insert menu, printed with this many
       * digits after the comma ("97%", "97,7%", "97,68%") */
      g_autofree char *shown = g_strdup_printf (ngettext ("%s, %d decimal", "%s, %d decimals", (gulong) decimals),
                                                label, decimals);
      add_item (menu, shown, token);
    }
}

static GMenuModel *
build_menu (BcTemplate *template)
{
  g_autoptr(GMenu) figures = g_menu_new ();
  g_autoptr(GMenu) totals = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GPtrArray) keys = bc_refs_available (template);

  for (guint i = 0; i < keys->len; i++)
    {
      g_auto(BcKey) key = BC_KEY_INIT;

      /* A figure's ratio (fig/<figure>/pct) is a figure's too. */
      bc_key_parse (&key, keys->pdata[i]);
      add_key (g_strcmp0 (key.prefix, "fig") == 0 ? figures : totals, template, keys->pdata[i]);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (figures)) > 0)
    g_menu_append_submenu (section, _("Insert Figure"), G_MENU_MODEL (figures));
  if (g_menu_model_get_n_items (G_MENU_MODEL (totals)) > 0)
    g_menu_append_submenu (section, _("Insert Appendix Total"), G_MENU_MODEL (totals));
  return G_MENU_MODEL (g_steal_pointer (&section));
}

/* Chosen from the menu: the token goes where the cursor is, in place of
 * the "{{" typed to open the menu. */
static void
insert_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       data)
{
  GtkTextView *view = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter cursor, before;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  before = cursor;
  if (gtk_text_iter_backward_chars (&before, (int) strlen (BC_KEY_REF_OPEN)))
    {
      g_autofree char *typed = gtk_text_iter_get_text (&before, &cursor);

      if (g_str_equal (typed, BC_KEY_REF_OPEN))
        gtk_text_buffer_delete (buffer, &before, &cursor);
    }
  gtk_text_buffer_insert_at_cursor (buffer, g_variant_get_string (parameter, NULL), -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

static gboolean
open_menu_cb (gpointer data)
{
  gtk_widget_activate_action (GTK_WIDGET (data), "menu.popup", NULL);
  return G_SOURCE_REMOVE;
}

/* "{{" typed: the menu opens at the cursor, once the typing is done. */
static void
insert_text_cb (GtkTextBuffer *buffer,
                GtkTextIter   *location,
                const char    *text,
                int            length,
                GtkTextView   *view)
{
  GtkTextIter before = *location;
  g_autofree char *typed = NULL;

  if (length != 1 || text[0] != BC_KEY_REF_OPEN[0] || !gtk_widget_has_focus (GTK_WIDGET (view))
      || !gtk_text_iter_backward_chars (&before, (int) strlen (BC_KEY_REF_OPEN)))
    return;
  typed = gtk_text_iter_get_text (&before, location);
  if (g_str_equal (typed, BC_KEY_REF_OPEN))
    g_idle_add_full (G_PRIORITY_DEFAULT, open_menu_cb, g_object_ref (view), g_object_unref);
}

/* Ctrl+Shift+F: the paragraph's menu, "Insert Figure" in it, at the
 * cursor, as "{{" opens it: the figures are not behind the right click
 * alone. */
static void
add_figures_shortcut (GtkTextView *view)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK
                                                                                                 | GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("menu.popup")));
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
}

/**
 * bc_text_refs_attach:
 *
 * Shows the references of @view's text as tokens and lets the clerk
 * insert one of the report's numbers.
 */
void
bc_text_refs_attach (GtkTextView   *view,
                     BcEditSession *session)
{
  BcTemplate *template = bc_report_get_template (bc_edit_session_get_report (session));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) insert = g_simple_action_new ("insert", G_VARIANT_TYPE_STRING);
  g_autoptr(GMenuModel) menu = build_menu (template);

  g_signal_connect_object (insert, "activate", G_CALLBACK (insert_cb), view, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (insert));
  gtk_widget_insert_action_group (GTK_WIDGET (view), "refs", G_ACTION_GROUP (group));
  gtk_text_view_set_extra_menu (view, menu);
  add_figures_shortcut (view);
  g_signal_connect (buffer, "changed", G_CALLBACK (changed_cb), NULL);
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (insert_text_cb), view, G_CONNECT_AFTER);
  bc_text_refs_highlight (buffer);
}
