/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-trend-button"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-trend-button.h"
#include "bc-trend-chart.h"

/* A figure's "History" button: its popover shows the figure over the
 * last 12 periods of the unit's reports from the same template, the
 * report's own period last with the value the form holds now (saved or
 * not). The library is read when the popover opens, not before. A
 * table's button charts each of its totals, two a line, each headed by
 * its column. */

#define PERIODS 12

typedef struct
{
  char      *key;
  GtkWidget *heading;   /* NULL for a single figure: its form names it */
  GtkWidget *chart;
  GtkWidget *note;
} Entry;

struct _BcTrendButton
{
  GtkWidget  parent_instance;

  /* owned */
  GtkWidget *button;
  GArray    *entries;   /* Entry */

  /* borrowed */
  BcStore   *store;
  BcReport  *report;
};

G_DEFINE_FINAL_TYPE (BcTrendButton, bc_trend_button, GTK_TYPE_WIDGET)

/* The report's own period from the form, which may be ahead of the
 * library. */
static void
take_live_value (BcTrendButton *self,
                 const char    *key,
                 BcTrend       *trend)
{
  BcTrendPoint *last = &g_array_index (trend->points, BcTrendPoint, trend->points->len - 1);

  last->has_value = bc_trend_live_value (self->report, key, &last->value);
}

static void
refresh_entry (BcTrendButton *self,
               Entry         *entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcTrend) trend = bc_trend_new (self->store, self->report, entry->key, PERIODS, &error);

  if (trend == NULL)
    {
      gtk_label_set_text (GTK_LABEL (entry->note), error->message);
      gtk_widget_set_visible (entry->chart, FALSE);
      return;
    }
  take_live_value (self, entry->key, trend);
  if (entry->heading != NULL)
    gtk_label_set_text (GTK_LABEL (entry->heading), trend->label);
  bc_trend_chart_set_trend (BC_TREND_CHART (entry->chart), trend);
  gtk_widget_set_visible (entry->chart, TRUE);
  gtk_label_set_text (GTK_LABEL (entry->note),
                      bc_trend_count_values (trend) < 2
                      ? _("The library has no earlier report of this unit with this figure.")
                      : trend->cumulative ? _("Running total, by period") : _("Counted in each period"));
}

static void
refresh (BcTrendButton *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    refresh_entry (self, &g_array_index (self->entries, Entry, i));
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
entry_clear (Entry *entry)
{
  g_free (entry->key);
}

static void
bc_trend_button_finalize (GObject *object)
{
  BcTrendButton *self = BC_TREND_BUTTON (object);

  g_array_unref (self->entries);
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
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) entry_clear);
  self->button = gtk_menu_button_new ();
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "bc-chart-symbolic");
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->button, _("History"));
}

static GtkWidget *
caption_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* A chart a key: alone, or two a line under their headings. */
static void
build_popover (BcTrendButton      *self,
               const char * const *keys)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();
  guint n = g_strv_length ((GStrv) keys);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);
  for (guint i = 0; i < n; i++)
    {
      Entry entry = { .key = g_strdup (keys[i]) };
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      if (n > 1)
        {
          entry.heading = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (entry.heading), 0);
          gtk_label_set_wrap (GTK_LABEL (entry.heading), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (entry.heading), 40);
          gtk_widget_add_css_class (entry.heading, "heading");
          gtk_box_append (GTK_BOX (box), entry.heading);
        }
      entry.chart = bc_trend_chart_new ();
      entry.note = caption_new ();
      gtk_box_append (GTK_BOX (box), entry.chart);
      gtk_box_append (GTK_BOX (box), entry.note);
      gtk_grid_attach (GTK_GRID (grid), box, (int) (i % 2), (int) (i / 2), 1, 1);
      g_array_append_val (self->entries, entry);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), grid);
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
  const char *keys[] = { key, NULL };

  g_return_val_if_fail (key != NULL, NULL);
  return bc_trend_button_new_for_keys (store, report, keys);
}

/**
 * bc_trend_button_new_for_keys:
 * @keys: the figures or totals to chart, one chart each (at least one)
 *
 * As bc_trend_button_new(), a chart a key; several are headed by their
 * names.
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
bc_trend_button_new_for_keys (BcStore            *store,
                              BcReport           *report,
                              const char * const *keys)
{
  BcTrendButton *self;

  g_return_val_if_fail (BC_IS_STORE (store), NULL);
  g_return_val_if_fail (BC_IS_REPORT (report), NULL);
  g_return_val_if_fail (keys != NULL && keys[0] != NULL, NULL);

  self = g_object_new (BC_TYPE_TREND_BUTTON, NULL);
  self->store = store;
  self->report = report;
  build_popover (self, keys);
  return GTK_WIDGET (self);
}

/**
 * bc_trend_button_get_chart:
 *
 * Returns: (transfer none): the (first) chart of its popover
 */
GtkWidget *
bc_trend_button_get_chart (BcTrendButton *self)
{
  g_return_val_if_fail (BC_IS_TREND_BUTTON (self), NULL);
  return g_array_index (self->entries, Entry, 0).chart;
}

/**
 * bc_trend_button_get_chart_for:
 *
 * Returns: (transfer none) (nullable): the chart of @key in its popover
 */
GtkWidget *
bc_trend_button_get_chart_for (BcTrendButton *self,
                               const char    *key)
{
  g_return_val_if_fail (BC_IS_TREND_BUTTON (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_str_equal (g_array_index (self->entries, Entry, i).key, key))
      return g_array_index (self->entries, Entry, i).chart;
  return NULL;
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
