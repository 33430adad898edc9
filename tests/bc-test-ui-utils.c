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

/* Offers the key to @widget's controllers of @phase, in order: a key
 * controller's "key-pressed" handler, a shortcut controller's shortcuts.
 * Returns: whether one took it */
static gboolean
offer_key (GtkWidget           *widget,
           GtkPropagationPhase  phase,
           guint                keyval,
           GdkModifierType      modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, modifiers, &handled);
      else if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        for (guint j = 0; !handled && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

            handled = GTK_IS_KEYVAL_TRIGGER (trigger)
                      && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
                      && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers
                      && gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                       GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                       gtk_shortcut_get_arguments (shortcut));
          }
      if (handled)
        return TRUE;
    }
  return FALSE;
}

/* A key pressed with the focus in @target, delivered as GTK delivers a
 * key event: the capture phase from the window down to @target, then
 * @target, then the bubble phase back up; the first controller to take it
 * (a key handler returning TRUE, a shortcut whose action activates) ends
 * it. The window's shortcuts include the application's accelerators.
 *
 * Returns: (nullable): the widget whose controller took the key */
GtkWidget *
bc_test_press_key (GtkWidget       *target,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  for (GtkWidget *widget = target; widget != NULL; widget = gtk_widget_get_parent (widget))
    g_ptr_array_insert (chain, 0, widget);
  for (guint i = 0; i < chain->len; i++)
    if (offer_key (chain->pdata[i], GTK_PHASE_CAPTURE, keyval, modifiers))
      return chain->pdata[i];
  if (offer_key (target, GTK_PHASE_TARGET, keyval, modifiers))
    return target;
  for (guint i = chain->len; i > 0; i--)
    if (offer_key (chain->pdata[i - 1], GTK_PHASE_BUBBLE, keyval, modifiers))
      return chain->pdata[i - 1];
  return NULL;
}
