/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-office-form.h"
#include "bc-preferences-window.h"
#include "bc-ui-utils.h"

/* The user's name and role, set once and stamped on every change,
 * comment and review step. Kept in GSettings where the schema is
 * installed; without it they last as long as the app runs.
 * And the library's office profiles (the "Offices" page), each edited in
 * a subpage with the form of the first-run page. */

struct _BcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwPreferencesGroup  *user_group;
  AdwEntryRow          *name_row;
  AdwComboRow          *role_row;
  AdwPreferencesPage   *offices_page;
  GtkListBox           *office_list;

  /* owned */
  GListStore           *offices;    /* BcOffice, as the library has them */

  /* borrowed */
  BcOfficeForm         *office_form;  /* in the subpage shown, or NULL */

  gint64                deleting;     /* the profile the confirmation asks about */

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
  OFFICES_CHANGED,
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
show_user (BcPreferencesWindow *self,
           const char          *name,
           const char          *role)
{
  self->loading = TRUE;
  if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), name))
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  adw_combo_row_set_selected (self->role_row, g_strcmp0 (role, BC_ROLE_REVIEWER) == 0 ? 1 : 0);
  self->loading = FALSE;
}

/* Set elsewhere, e.g. by another window of the app. */
static void
settings_changed_cb (GSettings           *settings,
                     const char          *key,
                     BcPreferencesWindow *self)
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

static GtkWidget *
create_office_row (gpointer item,
                   gpointer user_data)
{
  BcOffice *office = item;
  g_autofree char *name = bc_office_dup_unit_name (office);
  const char *body = bc_office_get (office, "supervising_body");
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), *body ? body : bc_office_get (office, "issuing_body"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_set_tooltip_text (delete_button, _("Delete the Office Profile"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete the Office Profile"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "prefs.delete-office");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete_button), "x", bc_office_get_id (office));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
toast (BcPreferencesWindow *self,
       const char          *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (markup));
}

/* The list shows what the library has now. */
static void
load_offices (BcPreferencesWindow *self)
{
  g_autoptr(GPtrArray) offices = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  offices = bc_store_list_offices (self->store, &error);
  if (offices == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_list_store_splice (self->offices, 0, g_list_model_get_n_items (G_LIST_MODEL (self->offices)),
                       offices->pdata, offices->len);
}

/* Shows @office (NULL: a new one) in the subpage. */
static BcOfficeForm *
present_office (BcPreferencesWindow *self,
                BcOffice            *office)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autofree char *name = office ? bc_office_dup_unit_name (office) : NULL;

  g_type_ensure (BC_TYPE_OFFICE_FORM);
  builder = gtk_builder_new_from_resource ("/io/github/baocao/Baocao/ui/bc-office-page.ui");
  self->office_form = BC_OFFICE_FORM (gtk_builder_get_object (builder, "form"));
  bc_office_form_set_office (self->office_form, office);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (gtk_builder_get_object (builder, "title")),
                                 name ? name : _("New profile"));
  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self),
                                          GTK_WIDGET (gtk_builder_get_object (builder, "page")));
  return self->office_form;
}

static void
office_activated_cb (BcPreferencesWindow *self,
                     GtkListBoxRow       *row)
{
  g_autoptr(BcOffice) office = g_list_model_get_item (G_LIST_MODEL (self->offices),
                                                      gtk_list_box_row_get_index (row));

  if (office != NULL)
    present_office (self, office);
}

static void
add_office_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  present_office (BC_PREFERENCES_WINDOW (widget), NULL);
}

static void
close_office_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BcPreferencesWindow *self = BC_PREFERENCES_WINDOW (widget);

  self->office_form = NULL;
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
}

/* A refused field stays marked in the form, which says why. */
static void
save_office_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BcPreferencesWindow *self = BC_PREFERENCES_WINDOW (widget);
  g_autoptr(BcOffice) office = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (self->office_form == NULL || self->store == NULL)
    return;
  /* Save is at the top of a long form: the reason goes in a toast too. */
  if ((office = bc_office_form_dup_office (self->office_form, &error)) == NULL)
    {
      toast (self, error->message);
      return;
    }
  saved = bc_office_get_id (office) > 0 ? bc_store_update_office (self->store, office, &error)
                                        : bc_store_add_office (self->store, office, &error);
  if (!saved)
    {
      toast (self, error->message);
      return;
    }
  close_office_action (widget, NULL, NULL);
  load_offices (self);
  toast (self, _("The office profile is saved: new reports take it from now on"));
  g_signal_emit (self, signals[OFFICES_CHANGED], 0);
}

static void
delete_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    BcPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (!bc_preferences_window_delete_office (self, self->deleting, &error))
    toast (self, error->message);
}

static void
delete_office_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BcPreferencesWindow *self = BC_PREFERENCES_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(BcOffice) office = bc_store_get_office (self->store, id, NULL);
  g_autofree char *name = office ? bc_office_dup_unit_name (office) : NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (office == NULL)
    return;
  heading = g_strdup_printf (_("Delete the Profile of “%s”?"), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("The reports already made for it keep their own header, "
                                                         "signature and recipients; new reports can no longer be "
                                                         "made for it.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  self->deleting = id;
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bc_preferences_window_dispose (GObject *object)
{
  BcPreferencesWindow *self = BC_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->offices);
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

  /**
   * BcPreferencesWindow::offices-changed:
   *
   * A profile was added, changed or deleted in the library.
   */
  signals[OFFICES_CHANGED] =
    g_signal_new ("offices-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baocao/Baocao/ui/bc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, user_group);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, role_row);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, offices_page);
  gtk_widget_class_bind_template_child (widget_class, BcPreferencesWindow, office_list);
  gtk_widget_class_bind_template_callback (widget_class, role_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, office_activated_cb);

  gtk_widget_class_install_action (widget_class, "prefs.add-office", NULL, add_office_action);
  gtk_widget_class_install_action (widget_class, "prefs.save-office", NULL, save_office_action);
  gtk_widget_class_install_action (widget_class, "prefs.close-office", NULL, close_office_action);
  gtk_widget_class_install_action (widget_class, "prefs.delete-office", "x", delete_office_action);
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
  self->offices = g_list_store_new (BC_TYPE_OFFICE);
  gtk_list_box_bind_model (self->office_list, G_LIST_MODEL (self->offices), create_office_row, NULL, NULL);
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
  /* Profiles belong to a library: without one there is nothing to edit. */
  if (store != NULL)
    load_offices (self);
  else
    adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), self->offices_page);
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

/**
 * bc_preferences_window_get_offices:
 *
 * Returns: (transfer none): the library's office profiles as listed, #BcOffice each
 */
GListModel *
bc_preferences_window_get_offices (BcPreferencesWindow *self)
{
  g_return_val_if_fail (BC_IS_PREFERENCES_WINDOW (self), NULL);
  return G_LIST_MODEL (self->offices);
}

/**
 * bc_preferences_window_edit_office:
 * @id: a profile's id, or 0 for a new profile
 *
 * Shows the profile's form, as a click on its row (or on Add) does; Save
 * (the action `prefs.save-office`) writes it.
 *
 * Returns: (transfer none) (nullable): the form, or %NULL when the library
 *   has no profile @id
 */
BcOfficeForm *
bc_preferences_window_edit_office (BcPreferencesWindow *self,
                                   gint64               id)
{
  g_autoptr(BcOffice) office = NULL;

  g_return_val_if_fail (BC_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  if (id > 0 && (office = bc_store_get_office (self->store, id, NULL)) == NULL)
    return NULL;
  return present_office (self, office);
}

/**
 * bc_preferences_window_delete_office:
 *
 * Deletes a profile without asking, as the confirmation does. The reports
 * made for it keep their own header.
 *
 * Returns: %TRUE when deleted
 */
gboolean
bc_preferences_window_delete_office (BcPreferencesWindow  *self,
                                     gint64                id,
                                     GError              **error)
{
  g_return_val_if_fail (BC_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (!bc_store_delete_office (self->store, id, error))
    return FALSE;
  load_offices (self);
  g_signal_emit (self, signals[OFFICES_CHANGED], 0);
  return TRUE;
}
