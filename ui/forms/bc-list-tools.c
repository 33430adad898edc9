/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-list-tools"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-keys.h"
#include "bc-list-tools.h"

/* The buttons beside an item of a list form: move it up or down, remove
 * it. They and Alt+↑/↓ ask the form through its actions ("list.move",
 * "list.remove"), naming the item, so a row never holds its form. */
struct _BcListTools
{
  GtkBox     parent_instance;

  /* owned */
  char      *item;

  /* borrowed */
  GtkWidget *last_added;   /* the last widget put before the buttons */
};

G_DEFINE_FINAL_TYPE (BcListTools, bc_list_tools, GTK_TYPE_BOX)

static void
move (BcListTools *self,
      int          delta)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "list.move", "(si)", self->item, delta);
}

static void
move_up_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  move (BC_LIST_TOOLS (widget), -1);
}

static void
move_down_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  move (BC_LIST_TOOLS (widget), 1);
}

static void
remove_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "list.remove", "s", BC_LIST_TOOLS (widget)->item);
}

static void
bc_list_tools_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_LIST_TOOLS);
  G_OBJECT_CLASS (bc_list_tools_parent_class)->dispose (object);
}

static void
bc_list_tools_finalize (GObject *object)
{
  g_free (BC_LIST_TOOLS (object)->item);
  G_OBJECT_CLASS (bc_list_tools_parent_class)->finalize (object);
}

static void
bc_list_tools_class_init (BcListToolsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_list_tools_dispose;
  object_class->finalize = bc_list_tools_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-list-tools.ui");
  gtk_widget_class_install_action (widget_class, "tools.move-up", NULL, move_up_cb);
  gtk_widget_class_install_action (widget_class, "tools.move-down", NULL, move_down_cb);
  gtk_widget_class_install_action (widget_class, "tools.remove", NULL, remove_cb);
}

static void
bc_list_tools_init (BcListTools *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_list_tools_set_item:
 * @index: the item's place in the list
 * @n: how many items the list has
 *
 * Makes the buttons act on @item: the first cannot move up, the last
 * cannot move down.
 */
void
bc_list_tools_set_item (BcListTools *self,
                        const char  *item,
                        guint        index,
                        guint        n)
{
  g_return_if_fail (BC_IS_LIST_TOOLS (self));

  g_free (self->item);
  self->item = g_strdup (item);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tools.move-up", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tools.move-down", index + 1 < n);
}

/**
 * bc_list_tools_add:
 *
 * Puts @widget before the buttons, after those added before it.
 */
void
bc_list_tools_add (BcListTools *self,
                   GtkWidget   *widget)
{
  g_return_if_fail (BC_IS_LIST_TOOLS (self));

  gtk_box_insert_child_after (GTK_BOX (self), widget, self->last_added);
  self->last_added = widget;
}

/**
 * bc_list_tools_handle_key:
 *
 * Alt+↑ and Alt+↓ typed in an input of the item move it.
 *
 * Returns: whether the key was taken
 */
gboolean
bc_list_tools_handle_key (BcListTools     *self,
                          guint            keyval,
                          GdkModifierType  state)
{
  g_return_val_if_fail (BC_IS_LIST_TOOLS (self), FALSE);

  if ((state & GDK_ALT_MASK) == 0 || (keyval != GDK_KEY_Up && keyval != GDK_KEY_Down))
    return FALSE;
  move (self, keyval == GDK_KEY_Up ? -1 : 1);
  return TRUE;
}

/**
 * bc_list_bind_entry:
 * @field: the item's field: "number", "lead"…
 * @whose: names the item in messages: "Document 3"
 * @caption: the label above @entry
 *
 * Binds @entry to a field of an item, captioned with the field's label.
 */
void
bc_list_bind_entry (BcInputRegistry *inputs,
                    const char      *section_id,
                    const char      *item,
                    const char      *field,
                    const char      *whose,
                    GtkLabel        *caption,
                    GtkEditable     *entry,
                    BcFieldKind      kind)
{
  const char *label = bc_key_item_field_label (field);
  g_autofree char *key = bc_key_item_field (section_id, item, field);
  /* Translators: a field of a row in a list: "Document 3 — Date" */
  g_autofree char *name = g_strdup_printf (_("%s — %s"), whose, label);

  gtk_label_set_text (caption, label);
  bc_set_field_name (GTK_WIDGET (entry), inputs, name);
  bc_bind_editable (entry, inputs, key, kind);
}
