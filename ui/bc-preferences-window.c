/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-preferences-window.h"
#include "bc-ui-utils.h"

/* The user's name and role, set once and stamped on every change,
 * comment and review step. Kept in GSettings where the schema is
 * installed; without it they last as long as the app runs. */

struct _BcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwPreferencesGroup  *user_group;
  AdwEntryRow          *name_row;
  AdwComboRow          *role_row;

  /* owned */
  GSettings            *settings;   /* NULL: no schema installed */
  BcStore              *store;      /* NULL: only stores opened later */
  char                 *name;       /* the name stamped, never empty */
  char                 *role;
  gboolean              loading;    /* showing what is kept: nothing to apply */
  gboolean              saving;     /* writing the settings */
};

G_DEFINE_FINAL_TYPE (BcPreferencesWindow, bc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  USER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In the order of the combo row's items. */
static const char * const roles[] = { BC_ROLE_CLERK, BC_ROLE_REVIEWER };

static const char *
selected_role (BcPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);

  return selected < G_N_ELEMENTS (roles) ? roles[selected] : BC_ROLE_CLERK;
}

static void
update_role_subtitle (BcPreferencesWindow *self)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->role_row),
                               g_str_equal (selected_role (self), BC_ROLE_REVIEWER)
                               ? _("Corrects, comments on, returns and approves reports")
                               : _("Writes reports and submits them for review"));
}

/* Stamps what the rows hold from now on, and keeps it. */
static void
apply (BcPreferencesWindow *self)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  const char *role = selected_role (self);
  g_autofree char *name = *typed ? g_strdup (typed) : bc_ui_account_name ();

  update_role_subtitle (self);
  if (self->loading)
    return;
  if (self->settings != NULL)
    {
      g_autofree char *kept_name = g_settings_get_string (self->settings, "user-name");
      g_autofree char *kept_role = g_settings_get_string (self->settings, "user-role");

      /* Our own writes come back as changes: they must not undo what is typed. */
      self->saving = TRUE;
      if (!g_str_equal (kept_name, typed))
        g_settings_set_string (self->settings, "user-name", typed);
      if (!g_str_equal (kept_role, role))
        g_settings_set_string (self->settings, "user-role", role);
      self->saving = FALSE;
    }
  bc_ui_set_user (self->store, typed, role);
  if (g_strcmp0 (self->name, name) == 0 && g_strcmp0 (self->role, role) == 0)
    return;
  g_free (self->name);
  self->name = g_steal_pointer (&name);
  g_free (self->role);
  self->role = g_strdup (role);
  g_signal_emit (self, signals[USER_CHANGED], 0, self->name, self->role);
}

static void
name_changed_cb (BcPreferencesWindow *self)
{
  apply (self);
}

static void
role_changed_cb (BcPreferencesWindow *self)
{
  apply (self);
}

static void
show_user (BcPreferencesWindow *self, const char *name, const char *role)
{
  self->loading = TRUE;
  if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), name))
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  adw_combo_row_set_selected (self->role_row, g_strcmp0 (role, BC_ROLE_REVIEWER) == 0 ? 1 : 0);
  self->loading = FALSE;
}

/* Set elsewhere, e.g. by another window of the app. */
static void
settings_changed_cb (GSettings *settings, const char *key, BcPreferencesWindow *self)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  if (self->saving)
    return;
  self->loading = TRUE;
  if (g_str_equal (key, "user-name") && !g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), value))
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), value);
  else if (g_str_equal (key, "user-role"))
    adw_combo_row_set_selected (self->role_row, g_str_equal (value, BC_ROLE_REVIEWER) ? 1 : 0);
  self->loading = FALSE;
  apply (self);
}

/* What is stamped now: the settings, else the store's actor unless it
 * is only the account's name. */
static void
load (BcPreferencesWindow *self)
{
  g_autofree char *account = bc_ui_account_name ();
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;

  if (self->settings != NULL)
    {
      name = g_settings_get_string (self->settings, "user-name");
      role = g_settings_get_string (self->settings, "user-role");
    }
  else if (self->store != NULL)
    {
      name = g_strdup (bc_store_get_actor (self->store));
      role = g_strdup (bc_store_get_role (self->store));
      if (g_str_equal (name, account))
        g_clear_pointer (&name, g_free);
    }
  show_user (self, name ? name : "", role ? role : BC_ROLE_CLERK);
  self->name = *gtk_editable_get_text (GTK_EDITABLE (self->name_row))
               ? g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)))
               : g_steal_pointer (&account);
  g_strstrip (self->name);
  self->role = g_strdup (selected_role (self));
}

static void
bc_preferences_window_dispose (GObject *object)
{
  BcPreferencesWindow *self = BC_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (bc_preferences_window_parent_class)->dispose (object);
}

static void
bc_preferences_window_finalize (GObject *object)
{
  BcPreferencesWindow *self = BC_PREFERENCES_WINDOW (object);

  g_free (self->name);
  g_free (self->role);
  G_OBJECT_CLASS (bc_preferences_window_parent_class)->finalize (object);
}

static void
bc_preferences_window_class_init (BcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_preferences_window_dispose;
  object_class->finalize = bc_preferences_window_finalize;

  /**
   * BcPreferencesWindow::user-changed:
   * @name: the name stamped from now on (the account's when none is set)
   * @role: %BC_ROLE_CLERK or %BC_ROLE_REVIEWER
   *
   * The stores passed in and opened later already stamp them; an editing
   * session open now needs bc_edit_session_set_actor().
   */
  signals[USER_CHANGED] =
    g_signal_new ("user-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baocao/Baocao/ui/bc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, user_group);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, role_row);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_changed_cb);
}

static void
bc_preferences_window_init (BcPreferencesWindow *self)
{
  g_autofree char *account = bc_ui_account_name ();
  g_autofree char *description = NULL;
  GtkEditable *text;

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
  description = g_strdup_printf (_("Every change, comment and review step is stamped with your name and role, "
                                   "for everyone who opens the report after you. Without a name, the name "
                                   "of your account, “%s”, is used."), account);
  adw_preferences_group_set_description (self->user_group, description);
  if ((text = gtk_editable_get_delegate (GTK_EDITABLE (self->name_row))) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your name"), -1);
  self->settings = bc_ui_settings_new ();
}

/**
 * bc_preferences_window_new:
 * @parent: (nullable): the window it is shown over
 * @store: (nullable): the open library, which stamps the name and role
 *   from the first change
 *
 * Returns: (transfer floating): the preferences window, not shown yet
 */
GtkWidget *
bc_preferences_window_new (GtkWindow *parent,
                           BcStore   *store)
{
  BcPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || BC_IS_STORE (store), NULL);

  self = g_object_new (BC_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = store ? g_object_ref (store) : NULL;
  load (self);
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::user-name", G_CALLBACK (settings_changed_cb), self, 0);
      g_signal_connect_object (self->settings, "changed::user-role", G_CALLBACK (settings_changed_cb), self, 0);
    }
  return GTK_WIDGET (self);
}

/**
 * bc_preferences_window_get_name:
 *
 * Returns: the name stamped on changes: the one set, else the account's
 */
const char *
bc_preferences_window_get_name (BcPreferencesWindow *self)
{
  g_return_val_if_fail (BC_IS_PREFERENCES_WINDOW (self), NULL);
  return self->name;
}

/**
 * bc_preferences_window_get_role:
 *
 * Returns: %BC_ROLE_CLERK or %BC_ROLE_REVIEWER
 */
const char *
bc_preferences_window_get_role (BcPreferencesWindow *self)
{
  g_return_val_if_fail (BC_IS_PREFERENCES_WINDOW (self), NULL);
  return self->role;
}

/**
 * bc_preferences_window_set_name:
 * @name: the user's name; "" for the account's
 *
 * As if typed in the name row.
 */
void
bc_preferences_window_set_name (BcPreferencesWindow *self,
                                const char          *name)
{
  g_return_if_fail (BC_IS_PREFERENCES_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
}

/**
 * bc_preferences_window_set_role:
 * @role: %BC_ROLE_CLERK or %BC_ROLE_REVIEWER
 *
 * As if chosen in the role row.
 */
void
bc_preferences_window_set_role (BcPreferencesWindow *self,
                                const char          *role)
{
  g_return_if_fail (BC_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (bc_store_role_is_valid (role));
  adw_combo_row_set_selected (self->role_row, g_str_equal (role, BC_ROLE_REVIEWER) ? 1 : 0);
}
