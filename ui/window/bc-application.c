/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-application.h"
#include "bc-preferences-window.h"
#include "bc-template.h"
#include "bc-ui-utils.h"
#include "bc-window.h"

struct _BcApplication
{
  AdwApplication  parent_instance;

  /* owned */
  BcStore        *store;
  GPtrArray      *templates;
  GError         *store_error;
  GError         *templates_error;

  /* command line */
  gint64          open_id;
  char           *show_key;
  gboolean        exit_after_first_frame;
  char           *location_warning;
};

G_DEFINE_FINAL_TYPE (BcApplication, bc_application, ADW_TYPE_APPLICATION)

static void
open_store (BcApplication *self)
{
  g_autofree char *path = bc_store_default_path ();
  g_autoptr(GError) error = NULL;

  self->store = bc_store_open (path, &self->store_error);
  if (self->store == NULL)
    {
      g_message ("Cannot open the library %s: %s", path, self->store_error->message);
      return;
    }
  /* Every change and comment is stamped with the name and role set in the
   * preferences (the account's name otherwise). */
  bc_ui_load_user (self->store);
  bc_store_check_location (path, &self->location_warning);
  /* Read-only, the library still shows and exports its reports. */
  if (!bc_store_check_can_write (self->store, &error))
    {
      char *warning = self->location_warning
                      ? g_strconcat (self->location_warning, "\n", error->message, NULL)
                      : g_strdup (error->message);
      g_free (self->location_warning);
      self->location_warning = warning;
    }
}

static void
load_templates (BcApplication *self)
{
  g_autofree char *template_dir = bc_template_default_dir ("templates");
  g_autofree char *catalog_dir = bc_template_default_dir ("catalogs");

  self->templates = bc_template_load_dir (template_dir, catalog_dir, &self->templates_error);
  if (self->templates == NULL)
    {
      g_message ("Cannot load the templates in %s: %s", template_dir,
                 self->templates_error->message);
      self->templates = g_ptr_array_new_with_free_func (g_object_unref);
    }
}

/* Without its library the app has nothing to show: say why, and leave
 * the file alone (it may be another program's, or a newer Baocao's). */
static void
show_store_error (BcApplication *self)
{
  g_autofree char *path = bc_store_default_path ();
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf (_("%s\n\nThe file “%s” was left as it is."),
                          self->store_error->message, path);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL,
                                                       _("Cannot Open the Report Library"),
                                                       body));
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  adw_message_dialog_set_default_response (dialog, "quit");
  adw_message_dialog_set_close_response (dialog, "quit");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (g_application_quit), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Quitting is closing every window: the field being typed in is
   * committed when it loses the focus, then every pending edit is saved. */
  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (BC_IS_WINDOW (l->data))
        {
          gtk_window_set_focus (GTK_WINDOW (l->data), NULL);
          bc_report_page_flush (bc_window_get_report_page (l->data), NULL);
        }
      gtk_window_close (GTK_WINDOW (l->data));
    }
  g_list_free (windows);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "Baocao developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", "Báo cáo",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "Baocao developers",
                        "developers", developers,
                        "copyright", "© 2026 Baocao developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/baocao/baocao",
                        "issue-url", "https://github.com/baocao/baocao/issues",
                        "comments", _("Write the periodic reports on Project 06: "
                                      "population data, electronic identification "
                                      "and authentication"),
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
user_changed_cb (BcPreferencesWindow *preferences,
                 const char          *name,
                 const char          *role,
                 BcApplication       *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (BC_IS_WINDOW (l->data))
      bc_report_page_set_user (bc_window_get_report_page (l->data), name, role);
}

static void
offices_changed_cb (BcApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (BC_IS_WINDOW (l->data))
      bc_window_reload (l->data);
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  BcApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = bc_preferences_window_new (parent, self->store);

  g_signal_connect_object (preferences, "user-changed", G_CALLBACK (user_changed_cb), self, 0);
  g_signal_connect_object (preferences, "offices-changed", G_CALLBACK (offices_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
new_report_activated_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (app);
  /* As the window's own button: a library without profile asks for one. */
  if (BC_IS_WINDOW (window))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated_cb },
  { "about", about_activated_cb },
  { "new-report", new_report_activated_cb },
  { "preferences", preferences_activated_cb },
};

/* --exit-after-first-frame: quit once the first frame is on screen, so
 * that start-up can be timed from outside (bench/run-open.sh). */
static void
after_paint_cb (GdkFrameClock *clock,
                BcApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  g_print ("first-frame\n");
  g_application_quit (G_APPLICATION (self));
}

static void
window_mapped_cb (GtkWidget     *window,
                  BcApplication *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), self, 0);
}

static int
handle_local_options (GApplication *app,
                      GVariantDict *options)
{
  BcApplication *self = BC_APPLICATION (app);

  g_variant_dict_lookup (options, "open", "x", &self->open_id);
  g_variant_dict_lookup (options, "show", "s", &self->show_key);
  self->exit_after_first_frame = g_variant_dict_contains (options, "exit-after-first-frame");
  if (self->open_id > 0 || self->exit_after_first_frame)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  return -1;
}

static void
bc_application_activate (GApplication *app)
{
  BcApplication *self = BC_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL && self->store == NULL)
    {
      show_store_error (self);
      return;
    }
  if (window == NULL)
    {
      window = GTK_WINDOW (bc_window_new (self, self->store, self->templates));
      if (self->templates_error != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The report templates could not be loaded: %s"),
                                                      self->templates_error->message);
          bc_window_add_toast (BC_WINDOW (window), message);
        }
      /* A library on a network share or a USB stick can be lost or
       * corrupted by another machine: say so once. */
      if (self->location_warning != NULL)
        bc_window_add_toast (BC_WINDOW (window), self->location_warning);
    }
  if (self->open_id > 0)
    {
      bc_window_open_report (BC_WINDOW (window), self->open_id, self->show_key);
      self->open_id = 0;
    }
  if (self->exit_after_first_frame)
    g_signal_connect_object (window, "map", G_CALLBACK (window_mapped_cb), self, 0);
  gtk_window_present (window);
}

static void
bc_application_startup (GApplication *app)
{
  BcApplication *self = BC_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (bc_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-report", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  open_store (self);
  load_templates (self);
}

static void
bc_application_finalize (GObject *object)
{
  BcApplication *self = BC_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_error (&self->store_error);
  g_clear_error (&self->templates_error);
  g_free (self->show_key);
  g_free (self->location_warning);

  G_OBJECT_CLASS (bc_application_parent_class)->finalize (object);
}

static void
bc_application_class_init (BcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = bc_application_finalize;
  app_class->startup = bc_application_startup;
  app_class->activate = bc_application_activate;
  app_class->handle_local_options = handle_local_options;
}

static void
bc_application_init (BcApplication *self)
{
  static const GOptionEntry options[] = {
    { "open", 0, 0, G_OPTION_ARG_INT64, NULL, N_("Open the report with this id"), N_("ID") },
    { "show", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Show the part of the report holding this value key"), N_("KEY") },
    { "exit-after-first-frame", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Quit as soon as the first frame is painted (for timing)"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Without a command: open the window. With one (“baocao COMMAND …”, "
                                              "listed below): run it, without a window."));
}

/**
 * bc_application_set_commands_help:
 * @self: the application
 * @commands: the commands and what they do (bc_cli_dup_commands_help())
 *
 * "baocao --help" is where a newcomer looks first: the commands too. The
 * caller passes them in, so that the window's library does not link the
 * command line.
 */
void
bc_application_set_commands_help (BcApplication *self,
                                  const char    *commands)
{
  g_autofree char *description = g_strdup_printf ("%s\n%s", _("Commands (they run without a window):"), commands);

  g_return_if_fail (BC_IS_APPLICATION (self));
  g_application_set_option_context_description (G_APPLICATION (self), description);
}

BcApplication *
bc_application_new (void)
{
  return g_object_new (BC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/baocao/Baocao",
                       NULL);
}

/**
 * bc_application_get_store:
 *
 * Returns: (transfer none) (nullable): the library, %NULL when it could not be opened
 */
BcStore *
bc_application_get_store (BcApplication *self)
{
  g_return_val_if_fail (BC_IS_APPLICATION (self), NULL);
  return self->store;
}

/**
 * bc_application_get_templates:
 *
 * Returns: (transfer none) (element-type BcTemplate): the shipped templates
 */
GPtrArray *
bc_application_get_templates (BcApplication *self)
{
  g_return_val_if_fail (BC_IS_APPLICATION (self), NULL);
  return self->templates;
}
