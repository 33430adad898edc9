/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bc-test-ui-utils.h"

/* Whether one of @widget's own shortcuts takes the key, as its shortcut
 * controller would: the shortcut's action must activate. A key that no
 * shortcut takes goes on up to the widget's parents. */
gboolean
bc_test_widget_takes_shortcut (GtkWidget       *widget,
                               guint            keyval,
                               GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers
              && gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                               GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                               gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

/* A key pressed in @target, as far as shortcuts go: @target's, then its
 * parents' up to the window, the first to take it wins.
 *
 * Returns: (nullable): the widget whose shortcut took the key */
GtkWidget *
bc_test_press_shortcut (GtkWidget       *target,
                        guint            keyval,
                        GdkModifierType  modifiers)
{
  for (GtkWidget *widget = target; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (bc_test_widget_takes_shortcut (widget, keyval, modifiers))
      return widget;
  return NULL;
}
