/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-trend-button"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-trend-button.h"
#include "bc-trend-chart.h"

/* A figure's "History" button: its popover shows the figure over the
 * last 12 periods of the unit's reports from the same template, the
 * report's own period last with the value the form holds now (saved or
 * not). The library is read when the popover opens, not before. */

#define PERIODS 12

struct _BcTrendButton
{
  GtkWidget  parent_instance;

  /* owned */
  GtkWidget *button;
  GtkWidget *chart;
  GtkWidget *note;
  char      *key;

  /* borrowed */
  BcStore   *store;
  BcReport  *report;
};

G_DEFINE_FINAL_TYPE (BcTrendButton, bc_trend_button, GTK_TYPE_WIDGET)

/* The report's own period from the form, which may be ahead of the
 * library. */
static void
take_live_value (BcTrendButton *self,
                 BcTrend       *trend)
{
  BcTrendPoint *last = &g_array_index (trend->points, BcTrendPoint, trend->points->len - 1);
  const char *value = bc_report_get (self->report, self->key);

  if (!g_str_has_prefix (self->key, "fig/"))
    return;
  last->has_value = *value != '\0';
  last->value = last->has_value ? g_ascii_strtoll (value, NULL, 10) : 0;
}

static void
refresh (BcTrendButton *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcTrend) trend = bc_trend_new (self->store, self->report, self->key, PERIODS, &error);

  if (trend == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->note), error->message);
      gtk_widget_set_visible (self->chart, FALSE);
      return;
    }
  take_live_value (self, trend);
  bc_trend_chart_set_trend (BC_TREND_CHART (self->chart), trend);
  gtk_widget_set_visible (self->chart, TRUE);
  gtk_label_set_text (GTK_LABEL (self->note),
                      bc_trend_count_values (trend) < 2
                      ? _("The library has no earlier report of this unit with this figure.")
                      : trend->cumulative ? _("Running total, by period") : _("Counted in each period"));
}

static void
popover_show_cb (GtkPopover    *popover,
                 BcTrendButton *self)
{
  refresh (self);
}

static void
bc_trend_button_dispose (GObject *object)
{
  BcTrendButton *self = BC_TREND_BUTTON (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  G_OBJECT_CLASS (bc_trend_button_parent_class)->dispose (object);
}

static void
bc_trend_button_finalize (GObject *object)
{
  BcTrendButton *self = BC_TREND_BUTTON (object);

  g_free (self->key);
  G_OBJECT_CLASS (bc_trend_button_parent_class)->finalize (object);
}

static void
bc_trend_button_class_init (BcTrendButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bc_trend_button_dispose;
  object_class->finalize = bc_trend_button_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
bc_trend_button_init (BcTrendButton *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->button = gtk_menu_button_new ();
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "bc-chart-symbolic");
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->button, _("History"));
  self->chart = bc_trend_chart_new ();
  self->note = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->note), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->note), 40);
  gtk_widget_add_css_class (self->note, "caption");
  gtk_widget_add_css_class (self->note, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), self->chart);
  gtk_box_append (GTK_BOX (box), self->note);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  g_signal_connect_object (popover, "show", G_CALLBACK (popover_show_cb), self, 0);
}

/**
 * bc_trend_button_new:
 * @store: the library the report is in; must outlive the button
 * @report: the report whose unit and period the history ends with
 * @key: "fig/<id>", or "tbl/<table>/<column>" for a column's total
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
bc_trend_button_new (BcStore    *store,
                     BcReport   *report,
                     const char *key)
{
  BcTrendButton *self;

  g_return_val_if_fail (BC_IS_STORE (store), NULL);
  g_return_val_if_fail (BC_IS_REPORT (report), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  self = g_object_new (BC_TYPE_TREND_BUTTON, NULL);
  self->store = store;
  self->report = report;
  self->key = g_strdup (key);
  return GTK_WIDGET (self);
}

/**
 * bc_trend_button_get_chart:
 *
 * Returns: (transfer none): the chart of its popover
 */
GtkWidget *
bc_trend_button_get_chart (BcTrendButton *self)
{
  g_return_val_if_fail (BC_IS_TREND_BUTTON (self), NULL);
  return self->chart;
}

/**
 * bc_trend_button_popup:
 *
 * Opens the popover, reading the history afresh.
 */
void
bc_trend_button_popup (BcTrendButton *self)
{
  g_return_if_fail (BC_IS_TREND_BUTTON (self));
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->button));
}
