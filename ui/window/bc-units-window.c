/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-units-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bc-consolidate.h"
#include "bc-library.h"
#include "bc-office.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store-consolidate.h"
#include "bc-store-rollup.h"
#include "bc-template.h"
#include "bc-ui-utils.h"
#include "bc-unit-row.h"
#include "bc-units-window.h"
#include "bc-window-private.h"

/* The province clerk's month: each unit expected to report (received,
 * its status and findings, late, missing, sent again after the province
 * report was made), and the province's report made from theirs, updated
 * when they change, opened. The same store functions as "baocao
 * expected" and "baocao consolidate". */
struct _BcUnitsWindow
{
  AdwWindow        parent_instance;

  /* template widgets */
  AdwToastOverlay *toasts;
  AdwWindowTitle  *title;
  GtkLabel        *summary;
  GtkLabel        *province;
  GtkWidget       *open_button;
  GtkWidget       *update_button;
  GtkWidget       *make_button;
  GtkListBox      *list;

  /* owned */
  BcStore         *store;
  BcTemplate      *target;     /* the province's template */
  BcCalendar      *calendar;
  GListStore      *items;      /* BcUnitItem */
  guint            month;
  guint            year;
  char            *from;       /* the province's period, ISO */
  char            *to;
  gint64           report_id;  /* the province's report for it, or 0 */
  gint64           written_id; /* its report written without the units' reports, or 0 */
  guint            n_stale;    /* its values the units' reports changed since */
  gint64           stale_of;   /* the report n_stale was counted for, or 0 */
  gint64           stale_at[2]; /* the library's data version and changes then */

  /* borrowed */
  BcWindow        *window;     /* weak */
};

G_DEFINE_FINAL_TYPE (BcUnitsWindow, bc_units_window, ADW_TYPE_WINDOW)

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return bc_unit_row_new (item);
}

static void
toast (BcUnitsWindow *self,
       const char    *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

/* The counts the library did not keep up to date (a report received
 * before it kept them, or changed since) are made once here, and kept;
 * a refresh after that checks nothing. Returns whether any were made. */
static gboolean
summarize_uncounted (BcUnitsWindow *self,
                     GPtrArray     *units)
{
  gboolean made = FALSE;

  if (bc_store_is_read_only (self->store))
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      const BcExpectedUnit *u = units->pdata[i];
      if (u->report_id > 0 && (u->errors < 0 || u->warnings < 0))
        made |= bc_library_summarize (self->store, u->report_id, NULL);
    }
  return made;
}

static GPtrArray *
list_units (BcUnitsWindow  *self,
            GError        **error)
{
  g_autoptr(GPtrArray) units = bc_store_list_expected (self->store, self->target, self->to, self->calendar, error);

  if (units != NULL && summarize_uncounted (self, units))
    {
      g_ptr_array_unref (units);
      units = bc_store_list_expected (self->store, self->target, self->to, self->calendar, error);
    }
  return g_steal_pointer (&units);
}

static void
show_summary (BcUnitsWindow *self,
              GPtrArray     *units)
{
  guint counts[BC_EXPECTED_LATE + 1] = { 0 };
  guint again = 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < units->len; i++)
    {
      const BcExpectedUnit *u = units->pdata[i];
      counts[u->state]++;
      again += u->after_consolidation;
    }
  /* Translators: the units expected for a month: how many, received (on time), late, missing */
  g_string_printf (text, ngettext ("%u unit: %u received on time, %u late, %u missing",
                                   "%u units: %u received on time, %u late, %u missing", units->len),
                   units->len, counts[BC_EXPECTED_RECEIVED], counts[BC_EXPECTED_LATE], counts[BC_EXPECTED_MISSING]);
  if (again > 0)
    g_string_append_printf (text, ngettext ("; %u sent again after the province's report was made",
                                            "; %u sent again after the province's report was made", again),
                            again);
  gtk_label_set_text (self->summary, text->str);
}

/* Counting the stale values makes the whole consolidation again (95 ms
 * for 84 units): done again only when the library changed since, here
 * or elsewhere, not at each activation of the window. */
static void
count_stale (BcUnitsWindow *self)
{
  g_autoptr(GPtrArray) stale = NULL;
  g_autoptr(BcReport) report = NULL;
  gint64 at[2] = { bc_store_get_data_version (self->store), bc_store_get_changes (self->store) };

  if (self->stale_of == self->report_id && at[0] >= 0 && at[0] == self->stale_at[0] && at[1] == self->stale_at[1])
    return;
  self->n_stale = 0;
  if ((report = bc_store_open_report (self->store, self->report_id, NULL)) != NULL
      && (stale = bc_store_rollup_stale (self->store, report, NULL, NULL)) != NULL)
    self->n_stale = stale->len;
  self->stale_of = self->report_id;
  memcpy (self->stale_at, at, sizeof at);
  g_debug ("stale values of report %" G_GINT64_FORMAT " counted: %u", self->report_id, self->n_stale);
}

static void
show_province (BcUnitsWindow *self,
               guint          n_received)
{
  g_autofree char *made = NULL, *when = NULL, *text = NULL;
  g_auto(GStrv) units = NULL;
  g_autofree char *month = g_strdup_printf ("%02u/%04u", self->month, self->year);

  if (self->report_id == 0)
    {
      self->n_stale = 0;
      if (self->written_id > 0)
        text = g_strdup_printf (_("The province's report for %s was written without the units' reports: "
                                  "their values can fill what it leaves empty."), month);
      else if (n_received > 0)
        text = g_strdup_printf (_("The province's report for %s is not made yet."), month);
      else
        text = g_strdup_printf (_("No unit's report for %s yet: receive their files first."), month);
      gtk_label_set_text (self->province, text);
      gtk_button_set_label (GTK_BUTTON (self->make_button),
                            self->written_id > 0 ? _("_Take the Units' Values") : _("_Make the Province Report"));
      gtk_widget_set_visible (self->make_button, TRUE);
      gtk_widget_set_sensitive (self->make_button, n_received > 0);
      gtk_widget_set_visible (self->open_button, self->written_id > 0);
      gtk_widget_set_visible (self->update_button, FALSE);
      return;
    }
  bc_store_is_consolidated (self->store, self->report_id, &units, &made);
  count_stale (self);
  when = made ? bc_ui_format_timestamp (made) : g_strdup ("—");
  if (self->n_stale > 0)
    text = g_strdup_printf (ngettext ("The province's report for %s was made %s; %u value changed in the units' reports since.",
                                      "The province's report for %s was made %s; %u values changed in the units' reports since.",
                                      self->n_stale),
                            month, when, self->n_stale);
  else
    text = g_strdup_printf (_("The province's report for %s was made %s and is as the units' reports give it."), month,
                            when);
  gtk_label_set_text (self->province, text);
  gtk_widget_set_visible (self->make_button, FALSE);
  gtk_widget_set_visible (self->open_button, TRUE);
  gtk_widget_set_visible (self->update_button, self->n_stale > 0);
}

/* A unit whose report did not change keeps its row: the list follows
 * the main window's at each activation. */
static gboolean
keep_cb (gpointer item,
         gpointer value,
         gpointer user_data)
{
  return bc_unit_item_shows_same (item, value);
}

static gpointer
make_cb (gpointer value,
         gpointer user_data)
{
  return g_object_ref (value);
}

static gboolean
refresh (BcUnitsWindow  *self,
         GError        **error)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BcOffice) office = NULL;
  g_autofree char *subtitle = NULL;
  guint received = 0;

  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  bc_consolidate_period_of_month (self->target, self->month, self->year, &self->from, &self->to);
  if ((units = list_units (self, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      received += ((const BcExpectedUnit *) units->pdata[i])->report_id > 0;
      g_ptr_array_add (items, bc_unit_item_new (units, i));
    }
  bc_ui_list_store_update (self->items, items, keep_cb, make_cb, self);
  office = bc_store_find_consolidating_office (self->store, self->target, NULL);
  self->report_id = office ? bc_store_find_consolidated (self->store, self->target, office, self->from, self->to) : 0;
  self->written_id = 0;
  if (office != NULL && self->report_id == 0)
    {
      g_autofree char *unit = bc_office_dup_unit_name (office);
      self->written_id = bc_store_find_period_report (self->store, bc_template_get_id (self->target), unit,
                                                      self->from, self->to);
    }
  /* Translators: the units' reports window: the month, the province's template */
  subtitle = g_strdup_printf (_("Month %02u/%04u · %s"), self->month, self->year, bc_template_get_name (self->target));
  adw_window_title_set_subtitle (self->title, subtitle);
  show_summary (self, units);
  show_province (self, received);
  return TRUE;
}

/**
 * bc_units_window_set_month:
 * @month: 1 to 12
 *
 * Shows the units' reports of the month (of the province's period that
 * reports it).
 *
 * Returns: %FALSE with @error set when the library could not be read
 */
gboolean
bc_units_window_set_month (BcUnitsWindow  *self,
                           guint           month,
                           guint           year,
                           GError        **error)
{
  g_return_val_if_fail (BC_IS_UNITS_WINDOW (self), FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12 && year >= 1 && year <= 9999, FALSE);

  self->month = month;
  self->year = year;
  return refresh (self, error);
}

static void
step_month (BcUnitsWindow *self,
            int            step)
{
  g_autoptr(GError) error = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, (GDateMonth) self->month, (GDateYear) self->year);
  if (step < 0)
    g_date_subtract_months (&day, 1);
  else
    g_date_add_months (&day, 1);
  if (!bc_units_window_set_month (self, g_date_get_month (&day), g_date_get_year (&day), &error))
    toast (self, error->message);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step_month (BC_UNITS_WINDOW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step_month (BC_UNITS_WINDOW (widget), 1);
}

/* The province's report opened in the main window, which comes forward. */
static void
open_in_window (BcUnitsWindow *self,
                gint64         id,
                const char    *action)
{
  if (self->window == NULL)
    return;
  bc_window_reload (self->window);
  bc_window_open_report (self->window, id, NULL);
  gtk_window_present (GTK_WINDOW (self->window));
  if (action != NULL)
    gtk_widget_activate_action (GTK_WIDGET (bc_window_get_report_page (self->window)), action, NULL);
}

/* The province's report written by hand before the units' reports came
 * takes their values where it has none, and is followed from then on. */
static gint64
consolidate_into (BcUnitsWindow  *self,
                  GError        **error)
{
  g_autoptr(BcReport) report = bc_store_open_report (self->store, self->written_id, error);
  g_autofree char *message = NULL;
  gint64 id = self->written_id;
  guint n = 0;

  if (report == NULL || !bc_store_consolidate_into (self->store, report, NULL, &n, NULL, error))
    return 0;
  message = g_strdup_printf (ngettext ("The province's report took %u value from the units' reports; "
                                       "the values typed in it stay",
                                       "The province's report took %u values from the units' reports; "
                                       "the values typed in it stay",
                                       n),
                             n);
  refresh (self, NULL);
  toast (self, message);
  if (self->window != NULL)
    bc_window_add_toast (self->window, message);
  return id;
}

/**
 * bc_units_window_consolidate:
 *
 * Makes the province's report of the month from the units' reports the
 * library has (bc_store_create_consolidated(), as "baocao consolidate"),
 * for the library's office profile of the province; a report of the
 * month written without them takes their values where it has none
 * (bc_store_consolidate_into(), as "baocao consolidate --update").
 *
 * Returns: the report's id, or 0 with @error set
 */
gint64
bc_units_window_consolidate (BcUnitsWindow  *self,
                             GError        **error)
{
  g_autoptr(BcOffice) office = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcRollup) sums = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autofree char *message = NULL;
  gint64 id;

  g_return_val_if_fail (BC_IS_UNITS_WINDOW (self), 0);

  if (self->written_id > 0)
    return consolidate_into (self, error);
  if ((office = bc_store_find_consolidating_office (self->store, self->target, error)) == NULL
      || (report = bc_store_create_consolidated (self->store, self->target, office, self->from, self->to, NULL, &sums,
                                                 error)) == NULL)
    return 0;
  id = bc_report_get_id (report);
  missing = bc_consolidate_missing (sums);
  if (missing->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < missing->len; i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "", (char *) missing->pdata[i]);
      message = g_strdup_printf (ngettext ("The province's report is made; %u unit has not reported: %s",
                                           "The province's report is made; %u units have not reported: %s",
                                           missing->len),
                                 missing->len, names->str);
    }
  else
    message = g_strdup (_("The province's report is made from every unit's report"));
  refresh (self, NULL);
  toast (self, message);
  if (self->window != NULL)
    bc_window_add_toast (self->window, message);
  return id;
}

static void
consolidate_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BcUnitsWindow *self = BC_UNITS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = bc_units_window_consolidate (self, &error);

  if (id == 0)
    toast (self, error->message);
  else
    open_in_window (self, id, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BcUnitsWindow *self = BC_UNITS_WINDOW (widget);

  if (self->report_id > 0 || self->written_id > 0)
    open_in_window (self, self->report_id > 0 ? self->report_id : self->written_id, NULL);
}

/* The report opens with the list of what changed, old → new, to take. */
static void
update_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BcUnitsWindow *self = BC_UNITS_WINDOW (widget);

  if (self->report_id > 0)
    open_in_window (self, self->report_id, "report.rollup-update");
}

static void
receive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BcUnitsWindow *self = BC_UNITS_WINDOW (widget);

  if (self->window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.receive-files", NULL);
}

static void
row_activated_cb (BcUnitsWindow *self,
                  GtkListBoxRow *row)
{
  const BcExpectedUnit *u = bc_unit_item_get_unit (bc_unit_row_get_item (BC_UNIT_ROW (row)));

  if (u->report_id > 0)
    open_in_window (self, u->report_id, NULL);
}

/* The list follows the main window's: files received meanwhile. */
static void
is_active_cb (BcUnitsWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->target != NULL)
    refresh (self, NULL);
}

static void
bc_units_window_dispose (GObject *object)
{
  BcUnitsWindow *self = BC_UNITS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_UNITS_WINDOW);
  g_clear_object (&self->items);
  g_clear_object (&self->store);
  g_clear_object (&self->target);
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_weak_pointer (&self->window);
  G_OBJECT_CLASS (bc_units_window_parent_class)->dispose (object);
}

static void
bc_units_window_class_init (BcUnitsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_units_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-units-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BcUnitsWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, BcUnitsWindow, title);
  gtk_widget_class_bind_template_child (widget_class, BcUnitsWindow, summary);
  gtk_widget_class_bind_template_child (widget_class, BcUnitsWindow, province);
  gtk_widget_class_bind_template_child (widget_class, BcUnitsWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, BcUnitsWindow, update_button);
  gtk_widget_class_bind_template_child (widget_class, BcUnitsWindow, make_button);
  gtk_widget_class_bind_template_child (widget_class, BcUnitsWindow, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "units.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "units.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "units.consolidate", NULL, consolidate_action);
  gtk_widget_class_install_action (widget_class, "units.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "units.update", NULL, update_action);
  gtk_widget_class_install_action (widget_class, "units.receive", NULL, receive_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bc_units_window_init (BcUnitsWindow *self)
{
  g_type_ensure (BC_TYPE_UNIT_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (BC_TYPE_UNIT_ITEM);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->items), create_row_cb, NULL, NULL);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
}

/* The month to show first: the one of the report received last, else
 * the one before today's (the reports of the month just ended). */
static void
first_month (BcUnitsWindow *self)
{
  g_autofree char *last = bc_store_dup_last_received_period (self->store);
  GDate day;

  if (last == NULL || !bc_date_parse (last, &day))
    {
      bc_date_today (&day);
      g_date_set_day (&day, 1);
      g_date_subtract_months (&day, 1);
    }
  self->month = g_date_get_month (&day);
  self->year = g_date_get_year (&day);
}

/**
 * bc_units_window_new:
 * @window: the main window: its library, templates and working days
 *
 * Returns: (transfer full) (nullable): the window, or %NULL with @error
 *   set when no template is a province's or the library cannot be read
 */
BcUnitsWindow *
bc_units_window_new (BcWindow  *window,
                     GError   **error)
{
  GPtrArray *templates = bc_window_get_templates (window);
  g_autoptr(BcCalendar) calendar = NULL;
  BcTemplate *target = NULL;
  BcUnitsWindow *self;

  for (guint i = 0; templates != NULL && i < templates->len && target == NULL; i++)
    if (bc_consolidate_is_target (templates->pdata[i]))
      target = templates->pdata[i];
  if (target == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("No template is made from units' reports (a province's report)"));
      return NULL;
    }
  if (bc_window_get_calendar (window) != NULL)
    calendar = g_object_ref (bc_window_get_calendar (window));
  else if ((calendar = bc_calendar_load_default (error)) == NULL)
    return NULL;
  self = g_object_new (BC_TYPE_UNITS_WINDOW, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->store = g_object_ref (bc_window_get_store (window));
  self->target = g_object_ref (target);
  self->calendar = g_steal_pointer (&calendar);
  first_month (self);
  if (!refresh (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return self;
}

gint64
bc_units_window_get_report_id (BcUnitsWindow *self)
{
  g_return_val_if_fail (BC_IS_UNITS_WINDOW (self), 0);
  return self->report_id;
}

GListModel *
bc_units_window_get_model (BcUnitsWindow *self)
{
  g_return_val_if_fail (BC_IS_UNITS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->items);
}

/**
 * bc_units_window_get_row:
 *
 * Returns: (transfer none) (nullable): the row of the @index-th unit
 */
GtkWidget *
bc_units_window_get_row (BcUnitsWindow *self,
                         guint          index)
{
  g_return_val_if_fail (BC_IS_UNITS_WINDOW (self), NULL);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, (int) index));
}

const char *
bc_units_window_get_summary (BcUnitsWindow *self)
{
  g_return_val_if_fail (BC_IS_UNITS_WINDOW (self), NULL);
  return gtk_label_get_text (self->summary);
}

const char *
bc_units_window_get_province (BcUnitsWindow *self)
{
  g_return_val_if_fail (BC_IS_UNITS_WINDOW (self), NULL);
  return gtk_label_get_text (self->province);
}
