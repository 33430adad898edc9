/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bc-due.h"
#include "bc-unit-overview.h"
#include "bc-period.h"
#include "bc-library-view.h"
#include "bc-window-private.h"
#include "bc-new-report-dialog.h"
#include "bc-office-form.h"
#include "bc-report-page.h"
#include "bc-report.h"
#include "bc-store-rollup.h"
#include "bc-ui-utils.h"
#include "bc-window.h"

struct _BcWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkStack             *list_stack;
  BcLibraryView        *library_view;
  BcOfficeForm         *setup_form;
  GtkWidget            *skip_button;
  BcReportPage         *report_page;
  GtkMenuButton        *primary_button;
  GMenuModel           *primary_menu;

  /* owned */
  BcStore              *store;
  GPtrArray            *templates;
  GSettings            *settings;   /* NULL when the schema is not installed */
  BcCalendar           *calendar;   /* working days, for what is due; NULL when unreadable */

  guint                 n_reports;
  guint                 watch_id;      /* the list follows changes made elsewhere */
  GCancellable         *cancellable;   /* the check of a large library */
  guint                 verify_id;
  gboolean              list_loaded;
  gboolean              setup_asked;   /* by New Report, in a library without profile */
  gint64                deleting_id;   /* the report the Delete dialog asks about (it is modal) */
  BcWindowReceiving     receiving;     /* units' report files received in a worker thread */
};

G_DEFINE_FINAL_TYPE (BcWindow, bc_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_TEMPLATES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (BcWindow     *self,
            const GError *error)
{
  bc_window_add_toast (self, error->message);
}

static void
update_actions (BcWindow *self)
{
  gboolean can_create = self->store != NULL && self->templates != NULL && self->templates->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-report", can_create);
}

static void
maximize_when_mapped_cb (GtkWidget *window)
{
  g_signal_handlers_disconnect_by_func (window, maximize_when_mapped_cb, NULL);
  gtk_window_maximize (GTK_WINDOW (window));
}

/* The size a window had is its default size; whether it was maximized is
 * asked of the window manager once the window is on screen: asked before
 * it is shown, the request was lost on the way, and the window opened at
 * its default size. */
static void
restore_window_state (BcWindow *self)
{
  if (self->settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    g_signal_connect (self, "map", G_CALLBACK (maximize_when_mapped_cb), NULL);
}

static gboolean
bc_window_close_request (GtkWindow *window)
{
  BcWindow *self = BC_WINDOW (window);
  int width, height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }
  return GTK_WINDOW_CLASS (bc_window_parent_class)->close_request (window);
}

static void
library_open_report_cb (BcWindow *self,
                        gint64    id)
{
  bc_window_open_report (self, id, NULL);
}

static gboolean
list_shown (BcWindow *self)
{
  return self->list_loaded && self->leaflet != NULL
         && g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "list") == 0;
}

/* Another program (a second window, the command line, a reviewer's file
 * opened) changed the library: the list follows within a second, or at
 * once when the window gets the focus back. Checking costs one pragma. */
static gboolean
watch_cb (gpointer data)
{
  BcWindow *self = data;

  if (list_shown (self) && bc_report_list_is_changed (bc_library_view_get_list (self->library_view)))
    bc_window_reload (self);
  return G_SOURCE_CONTINUE;
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BcWindow *self = BC_WINDOW (widget);

  if (list_shown (self) && self->n_reports > 0)
    bc_library_view_search (self->library_view);
}

/* Back on the list (by the button, Alt+Left or a swipe), the list shows
 * the latest change times, and the report just left keeps the focus. */
static void
leaflet_visible_child_cb (BcWindow *self)
{
  BcReport *report;

  /* Nothing to do while the window is being torn down. */
  if (self->leaflet == NULL || self->report_page == NULL
      || g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "list") != 0)
    return;
  report = bc_report_page_get_report (self->report_page);
  /* The list shows what is on disk: save what is pending first. */
  bc_report_page_flush (self->report_page, NULL);
  bc_window_reload (self);
  if (report != NULL)
    bc_library_view_show_report (self->library_view, bc_report_get_id (report));
}

static void
dialog_created_cb (BcWindow *self,
                   gint64    id)
{
  bc_window_reload (self);
  bc_window_open_report (self, id, NULL);
}

/* Whether the library has an office profile to make reports for. A
 * library that cannot say is not sent to the first-run page again. */
static gboolean
has_offices (BcWindow *self)
{
  g_autoptr(GPtrArray) offices = bc_store_list_offices (self->store, NULL);

  return offices == NULL || offices->len > 0;
}

static void
show_setup (BcWindow *self)
{
  /* With reports to go back to, the profile may wait. */
  gtk_widget_set_visible (self->skip_button, self->n_reports > 0);
  gtk_stack_set_visible_child_name (self->list_stack, "setup");
}

/* Without a profile, New Report asks for one first. */
static void
new_report_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BcWindow *self = BC_WINDOW (widget);

  if (has_offices (self))
    {
      bc_window_new_report (self);
      return;
    }
  self->setup_asked = TRUE;
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  show_setup (self);
}

static void
save_office_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BcWindow *self = BC_WINDOW (widget);
  g_autoptr(BcOffice) office = NULL;
  g_autoptr(GError) error = NULL;
  gboolean asked = self->setup_asked;

  /* A refused field is marked in the form, which says why. */
  if ((office = bc_office_form_dup_office (self->setup_form, &error)) == NULL)
    return;
  if (!bc_store_add_office (self->store, office, &error))
    {
      show_error (self, error);
      return;
    }
  bc_office_form_set_office (self->setup_form, NULL);
  self->setup_asked = FALSE;
  bc_window_reload (self);
  bc_window_add_toast (self, _("The office profile is saved; Preferences change it"));
  if (asked)
    bc_window_new_report (self);
}

static void
skip_setup_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BcWindow *self = BC_WINDOW (widget);

  self->setup_asked = FALSE;
  bc_window_reload (self);
}

/* The unit the list is filtered on, else the office's own. */
static void
unit_overview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BcWindow *self = BC_WINDOW (widget);
  g_autoptr(GPtrArray) offices = NULL;
  g_autofree char *unit = g_strdup (bc_library_view_get_unit (self->library_view));
  BcUnitOverview *overview;

  if (unit == NULL && (offices = bc_store_list_offices (self->store, NULL)) != NULL && offices->len > 0)
    unit = bc_office_dup_unit_name (offices->pdata[0]);
  overview = bc_unit_overview_new (GTK_WINDOW (self), self->store, unit);
  gtk_window_present (GTK_WINDOW (overview));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BcWindow *self = BC_WINDOW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
duplicate_report_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BcWindow *self = BC_WINDOW (widget);
  g_autoptr(BcReport) previous = NULL;
  g_autoptr(BcReport) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *period = NULL;
  g_autofree char *message = NULL;
  gint64 existing = 0;

  previous = bc_store_open_report (self->store, g_variant_get_int64 (parameter), &error);
  if (previous != NULL)
    next = bc_store_duplicate_next (self->store, previous, &existing, &error);
  /* The next period has its report already: that is the one to work on. */
  if (next == NULL && existing > 0)
    {
      bc_window_open_report (self, existing, NULL);
      bc_window_add_toast (self, _("The next period already has its report: it is open now"));
      return;
    }
  if (next == NULL)
    {
      show_error (self, error);
      return;
    }
  bc_window_reload (self);
  bc_window_open_report (self, bc_report_get_id (next), NULL);
  period = bc_ui_format_period (bc_report_get_period_from (next), bc_report_get_period_to (next));
  /* Translators: %s is a period, "dd/mm/yyyy – dd/mm/yyyy" */
  message = g_strdup_printf (_("Report for %s created"), period);
  bc_window_add_toast (self, message);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    BcWindow         *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!bc_window_delete_report (self, self->deleting_id, &error))
    show_error (self, error);
  else
    bc_window_add_toast (self, _("Report deleted"));
}

static void
delete_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BcWindow *self = BC_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *period = NULL;
  GtkWidget *dialog;

  report = bc_store_open_report (self->store, id, &error);
  if (report == NULL)
    {
      show_error (self, error);
      return;
    }
  period = bc_ui_format_period (bc_report_get_period_from (report),
                                bc_report_get_period_to (report));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete Report?"), NULL);
  /* Translators: the first %s is a unit, the second a period */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The report of %s for %s and all its changes will be "
                                    "deleted permanently."),
                                  bc_report_get_unit (report), period);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  self->deleting_id = id;
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bc_window_constructed (GObject *object)
{
  BcWindow *self = BC_WINDOW (object);

  G_OBJECT_CLASS (bc_window_parent_class)->constructed (object);

  if (self->templates == NULL)
    self->templates = g_ptr_array_new_with_free_func (g_object_unref);
  bc_library_view_set_store (self->library_view, self->store);
  update_actions (self);
}

static void
verify_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (bc_store_verify (data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
verified_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GError) error = NULL;
  BcWindow *self;
  GtkWidget *dialog;

  if (g_task_propagate_boolean (G_TASK (result), &error)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = BC_WINDOW (source);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Library Is Damaged"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* bc_store_open() checks a large library only in part (the whole takes
 * seconds); the rest is checked here, a few seconds after the window is
 * on screen, so that its reading does not slow the first frames. */
static gboolean
verify_large_library_cb (gpointer data)
{
  BcWindow *self = data;
  g_autoptr(GTask) task = NULL;

  self->verify_id = 0;
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, verified_cb, NULL);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_strdup (bc_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, verify_thread);
  return G_SOURCE_REMOVE;
}

static void
verify_large_library (BcWindow *self)
{
  GStatBuf st;

  if (self->cancellable == NULL && self->verify_id == 0
      && g_stat (bc_store_get_path (self->store), &st) == 0 && st.st_size > BC_STORE_FULL_CHECK_SIZE)
    self->verify_id = g_timeout_add_seconds (3, verify_large_library_cb, self);
}

/* The list is read when it is first shown: a window opened on a report
 * (baocao --open) does not read, check and lay out every report first. */
static void
bc_window_map (GtkWidget *widget)
{
  BcWindow *self = BC_WINDOW (widget);

  GTK_WIDGET_CLASS (bc_window_parent_class)->map (widget);
  verify_large_library (self);
  if (!self->list_loaded && g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "list") == 0)
    bc_window_reload (self);
}

static void
bc_window_dispose (GObject *object)
{
  BcWindow *self = BC_WINDOW (object);

  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_clear_handle_id (&self->verify_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  bc_window_receiving_clear (&self->receiving);
  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->calendar);
  g_clear_object (&self->store);
  g_clear_pointer (&self->templates, g_ptr_array_unref);

  G_OBJECT_CLASS (bc_window_parent_class)->dispose (object);
}

static void
bc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BcWindow *self = BC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TEMPLATES:
      g_value_set_boxed (value, self->templates);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BcWindow *self = BC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_TEMPLATES:
      self->templates = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_window_class_init (BcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bc_window_constructed;
  widget_class->map = bc_window_map;
  object_class->dispose = bc_window_dispose;
  object_class->get_property = bc_window_get_property;
  object_class->set_property = bc_window_set_property;
  window_class->close_request = bc_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* A GPtrArray of BcTemplate: the templates new reports are made from. */
  properties[PROP_TEMPLATES] =
    g_param_spec_boxed ("templates", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BC_TYPE_REPORT_PAGE);
  g_type_ensure (BC_TYPE_OFFICE_FORM);
  g_type_ensure (BC_TYPE_LIBRARY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baocao/Baocao/ui/bc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, primary_button);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, library_view);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, report_page);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, setup_form);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, skip_button);
  gtk_widget_class_bind_template_callback (widget_class, library_open_report_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.new-report", NULL, new_report_action);
  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "win.unit-overview", NULL, unit_overview_action);
  gtk_widget_class_install_action (widget_class, "win.save-office", NULL, save_office_action);
  gtk_widget_class_install_action (widget_class, "win.skip-setup", NULL, skip_setup_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", NULL, bc_window_open_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-file", NULL);
  gtk_widget_class_install_action (widget_class, "win.receive-files", NULL, bc_window_receive_action);
  gtk_widget_class_install_action (widget_class, "win.receive-folder", NULL, bc_window_receive_action);
  gtk_widget_class_install_action (widget_class, "win.units", NULL, bc_window_units_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_install_action (widget_class, "win.duplicate-report", "x",
                                   duplicate_report_action);
  gtk_widget_class_install_action (widget_class, "win.delete-report", "x",
                                   delete_report_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.show-list", NULL);
}

static void
bc_window_init (BcWindow *self)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  bc_ui_set_menu_lazily (self->primary_button, self->primary_menu);
  bc_window_add_receive_drop (self);

  self->settings = bc_ui_settings_new ();
  restore_window_state (self);
  /* Without the holidays file, the window shows no deadline rather than
   * wrong ones. */
  if ((self->calendar = bc_calendar_load_default (&error)) == NULL)
    g_message ("%s", error->message);
  self->watch_id = g_timeout_add_seconds (1, watch_cb, self);
  g_signal_connect_swapped (self, "notify::is-active", G_CALLBACK (watch_cb), self);
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The shortcuts window heads itself with GTK's own "Shortcuts", which
 * GTK's Vietnamese translation lacks: it gets the title we give it. */
static void
title_help_overlay (BcWindow *self)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  GtkWidget *titlebar = overlay ? gtk_window_get_titlebar (GTK_WINDOW (overlay)) : NULL;
  GtkWidget *label = titlebar ? find_label (titlebar, g_dgettext ("gtk40", "Shortcuts")) : NULL;

  if (label != NULL)
    gtk_label_set_text (GTK_LABEL (label), gtk_window_get_title (GTK_WINDOW (overlay)));
}

/**
 * bc_window_new:
 * @app: (nullable): the application
 * @store: the library
 * @templates: (element-type BcTemplate): the templates new reports are made from
 *
 * Returns: (transfer none): the main window
 */
BcWindow *
bc_window_new (BcApplication *app,
               BcStore       *store,
               GPtrArray     *templates)
{
  g_return_val_if_fail (app == NULL || BC_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (BC_IS_STORE (store), NULL);

  BcWindow *self = g_object_new (BC_TYPE_WINDOW,
                                 "application", app,
                                 "store", store,
                                 "templates", templates,
                                 NULL);

  title_help_overlay (self);
  return self;
}

/* What is late or due within a working week, above the list. */
static void
show_due (BcWindow *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  if (self->calendar == NULL)
    return;
  bc_date_today (&today);
  if ((items = bc_due_list (self->store, self->templates, self->calendar, &today, &error)) == NULL)
    g_debug ("what is due: %s", error->message);
  bc_library_view_set_due (self->library_view, items);
}

/**
 * bc_window_reload:
 *
 * Reads the list of reports from the library again: only what changed
 * since is read in full (bc_library_refresh()).
 */
void
bc_window_reload (BcWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BC_IS_WINDOW (self));

  if (!bc_library_view_reload (self->library_view, &error))
    show_error (self, error);
  show_due (self);
  self->n_reports = bc_report_list_get_n_library (bc_library_view_get_list (self->library_view));
  self->list_loaded = TRUE;
  if (self->setup_asked || (self->n_reports == 0 && !has_offices (self)))
    show_setup (self);
  else
    /* Nothing written yet but something due: what is due first, "no
     * reports yet" under it. */
    gtk_stack_set_visible_child_name (self->list_stack,
                                      self->n_reports > 0 || bc_library_view_get_due_list (self->library_view)
                                      ? "reports" : "empty");
}

/**
 * bc_window_get_library_view:
 *
 * Returns: (transfer none): the list of reports, its search and filters
 */
BcLibraryView *
bc_window_get_library_view (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), NULL);
  return self->library_view;
}

guint
bc_window_get_n_reports (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), 0);
  return self->n_reports;
}

/**
 * bc_window_is_empty_shown:
 *
 * Returns: %TRUE when the window shows that there are no reports yet
 */
gboolean
bc_window_is_empty_shown (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), FALSE);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "reports") == 0)
    return self->n_reports == 0;
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "empty") == 0;
}

/**
 * bc_window_is_setup_shown:
 *
 * Returns: %TRUE when the window asks for the office's profile (a library
 *   with neither profile nor report, or New Report without a profile)
 */
gboolean
bc_window_is_setup_shown (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "setup") == 0;
}

/**
 * bc_window_get_setup_form:
 *
 * Returns: (transfer none): the form of the first-run page; the action
 *   `win.save-office` saves it
 */
BcOfficeForm *
bc_window_get_setup_form (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), NULL);
  return self->setup_form;
}

/**
 * bc_window_open_report:
 * @id: the report's id in the library
 * @key: (nullable): a value key: the part of the report to show first
 *
 * Shows the report; a report that cannot be read is told in a toast.
 */
void
bc_window_open_report (BcWindow   *self,
                       gint64      id,
                       const char *key)
{
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BC_IS_WINDOW (self));

  report = bc_store_open_report (self->store, id, &error);
  if (report == NULL)
    {
      show_error (self, error);
      return;
    }
  if (!bc_report_page_set_report (self->report_page, self->store, report, key, &error))
    {
      show_error (self, error);
      return;
    }
  adw_leaflet_set_visible_child_name (self->leaflet, "report");
}

/**
 * bc_window_get_store:
 *
 * Returns: (transfer none): the library the window shows
 */
BcStore *
bc_window_get_store (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * bc_window_close_report:
 *
 * Saves and closes the open report, back to the list.
 */
void
bc_window_close_report (BcWindow *self)
{
  g_return_if_fail (BC_IS_WINDOW (self));
  bc_report_page_set_report (self->report_page, NULL, NULL, NULL, NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

/**
 * bc_window_get_report_page:
 *
 * Returns: (transfer none): the page that edits the open report
 */
BcReportPage *
bc_window_get_report_page (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), NULL);
  return self->report_page;
}

/**
 * bc_window_get_open_report_id:
 *
 * Returns: the id of the report shown, 0 when the list is shown
 */
gint64
bc_window_get_open_report_id (BcWindow *self)
{
  BcReport *report;

  g_return_val_if_fail (BC_IS_WINDOW (self), 0);

  report = bc_report_page_get_report (self->report_page);
  if (report == NULL
      || g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "report") != 0)
    return 0;
  return bc_report_get_id (report);
}

/**
 * bc_window_get_outline:
 *
 * Returns: (transfer none): the sidebar of the report page
 */
GtkListBox *
bc_window_get_outline (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), NULL);
  return bc_report_page_get_outline (self->report_page);
}

/**
 * bc_window_new_report:
 *
 * Opens the dialog that makes a new report; the window opens the report
 * once it is made.
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
bc_window_new_report (BcWindow *self)
{
  BcNewReportDialog *dialog;

  g_return_val_if_fail (BC_IS_WINDOW (self), NULL);

  dialog = bc_new_report_dialog_new (GTK_WINDOW (self), self->store, self->templates);
  g_signal_connect_object (dialog, "created", G_CALLBACK (dialog_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

/**
 * bc_window_delete_report:
 * @id: the report's id in the library
 *
 * Deletes a report without asking; the list follows.
 *
 * Returns: %TRUE on success
 */
gboolean
bc_window_delete_report (BcWindow  *self,
                         gint64     id,
                         GError   **error)
{
  BcReport *shown;

  g_return_val_if_fail (BC_IS_WINDOW (self), FALSE);

  shown = bc_report_page_get_report (self->report_page);
  if (shown != NULL && bc_report_get_id (shown) == id)
    {
      adw_leaflet_set_visible_child_name (self->leaflet, "list");
      bc_report_page_set_report (self->report_page, NULL, NULL, NULL, NULL);
    }
  if (!bc_store_delete_report (self->store, id, error))
    return FALSE;
  bc_window_reload (self);
  return TRUE;
}

/**
 * bc_window_add_toast:
 * @message: plain text
 */
void
bc_window_add_toast (BcWindow   *self,
                     const char *message)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (BC_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* A toast's title is markup: a unit called "A & B" must not break it. */
  markup = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

/**
 * bc_window_get_receiving: (skip)
 *
 * The state of the files being received (bc-window-receive.c).
 */
BcWindowReceiving *
bc_window_get_receiving (BcWindow *self)
{
  return &self->receiving;
}

/**
 * bc_window_get_templates: (skip)
 *
 * Returns: (transfer none) (element-type BcTemplate): the window's templates
 */
GPtrArray *
bc_window_get_templates (BcWindow *self)
{
  return self->templates;
}

/**
 * bc_window_get_calendar: (skip)
 *
 * Returns: (transfer none) (nullable): the working days, or %NULL when
 *   they could not be read
 */
BcCalendar *
bc_window_get_calendar (BcWindow *self)
{
  return self->calendar;
}
