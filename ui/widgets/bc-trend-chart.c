/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-trend-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-number.h"
#include "bc-trend-chart.h"

/* A figure's history as a small chart: bars for a figure counted per
 * period, a line for a running total; a period without a value is a gap,
 * never a zero. The report's own period, the last, is drawn in the accent
 * colour. The largest value is written above, the first and last periods
 * below; the whole history is the chart's accessible description, in
 * Vietnamese numbers ("06/2024: 1.234; 07/2024: no value"). */

#define LABEL_HEIGHT 18     /* pixels above and below the plot for text */
#define DOT_RADIUS   3.0
#define MIN_BAR      2.0    /* pixels: the height of a bar of 0 */

struct _BcTrendChart
{
  GtkWidget  parent_instance;

  /* owned */
  GArray    *points;        /* BcTrendPoint, oldest first */
  gboolean   cumulative;
  char      *summary;       /* the accessible description */
};

G_DEFINE_FINAL_TYPE (BcTrendChart, bc_trend_chart, GTK_TYPE_WIDGET)

static gint64
largest (BcTrendChart *self)
{
  gint64 max = 0;

  for (guint i = 0; i < self->points->len; i++)
    {
      const BcTrendPoint *point = &g_array_index (self->points, BcTrendPoint, i);

      if (point->has_value)
        max = MAX (max, point->value);
    }
  return max;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *rgba,
            double         alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

static void
draw_text (BcTrendChart *self,
           cairo_t      *cr,
           const char   *text,
           double        x,
           double        y,
           double        xalign)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * xalign, y + (LABEL_HEIGHT - height) / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* The centre of point @i's slot and the top of its value, in pixels. */
static void
point_position (BcTrendChart *self,
                guint         i,
                double        width,
                double        plot_height,
                gint64        max,
                double       *x,
                double       *y)
{
  const BcTrendPoint *point = &g_array_index (self->points, BcTrendPoint, i);
  double slot = width / self->points->len;

  *x = slot * (i + 0.5);
  *y = LABEL_HEIGHT + plot_height * (1 - (max > 0 ? (double) point->value / max : 0));
}

static void
draw_bars (BcTrendChart  *self,
           cairo_t       *cr,
           double         width,
           double         plot_height,
           gint64         max,
           const GdkRGBA *color,
           const GdkRGBA *accent)
{
  double slot = width / self->points->len;

  for (guint i = 0; i < self->points->len; i++)
    {
      const BcTrendPoint *point = &g_array_index (self->points, BcTrendPoint, i);
      double x, y;

      if (!point->has_value)
        continue;
      point_position (self, i, width, plot_height, max, &x, &y);
      if (i + 1 == self->points->len)
        set_source (cr, accent, 1);
      else
        set_source (cr, color, 0.45);
      /* A small value, even 0, is a sliver: something, not a gap. */
      y = MIN (y, LABEL_HEIGHT + plot_height - MIN_BAR);
      cairo_rectangle (cr, x - slot * 0.35, y, slot * 0.7, LABEL_HEIGHT + plot_height - y);
      cairo_fill (cr);
    }
}

/* A segment joins two periods that both have a value: a gap breaks the
 * line. */
static void
draw_line (BcTrendChart  *self,
           cairo_t       *cr,
           double         width,
           double         plot_height,
           gint64         max,
           const GdkRGBA *color,
           const GdkRGBA *accent)
{
  set_source (cr, color, 0.6);
  cairo_set_line_width (cr, 2);
  for (guint i = 1; i < self->points->len; i++)
    {
      double x0, y0, x1, y1;

      if (!g_array_index (self->points, BcTrendPoint, i - 1).has_value
          || !g_array_index (self->points, BcTrendPoint, i).has_value)
        continue;
      point_position (self, i - 1, width, plot_height, max, &x0, &y0);
      point_position (self, i, width, plot_height, max, &x1, &y1);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < self->points->len; i++)
    {
      double x, y;

      if (!g_array_index (self->points, BcTrendPoint, i).has_value)
        continue;
      point_position (self, i, width, plot_height, max, &x, &y);
      set_source (cr, i + 1 == self->points->len ? accent : color, 1);
      cairo_arc (cr, x, y, DOT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
draw_labels (BcTrendChart  *self,
             cairo_t       *cr,
             double         width,
             double         height,
             gint64         max,
             const GdkRGBA *color)
{
  g_autofree char *top = bc_format_int (max);
  g_autofree char *first = bc_trend_point_label (&g_array_index (self->points, BcTrendPoint, 0));
  g_autofree char *last = bc_trend_point_label (&g_array_index (self->points, BcTrendPoint,
                                                                self->points->len - 1));

  set_source (cr, color, 0.7);
  draw_text (self, cr, top, 0, 0, 0);
  draw_text (self, cr, first, 0, height - LABEL_HEIGHT, 0);
  if (self->points->len > 1)
    draw_text (self, cr, last, width, height - LABEL_HEIGHT, 1);
  /* The baseline */
  set_source (cr, color, 0.25);
  cairo_rectangle (cr, 0, height - LABEL_HEIGHT - 1, width, 1);
  cairo_fill (cr);
}

static void
bc_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  BcTrendChart *self = BC_TREND_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double plot_height = height - 2 * LABEL_HEIGHT - DOT_RADIUS;
  static const GdkRGBA accent = { 0.21, 0.52, 0.89, 1.0 };   /* Adwaita's blue */
  GdkRGBA color;
  gint64 max;
  cairo_t *cr;

  if (self->points->len == 0 || width <= 0 || plot_height <= 0)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  max = largest (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->cumulative)
    draw_line (self, cr, width, plot_height, max, &color, &accent);
  else
    draw_bars (self, cr, width, plot_height, max, &color, &accent);
  draw_labels (self, cr, width, height, max, &color);
  cairo_destroy (cr);
}

static void
bc_trend_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 320;
    }
  else
    {
      *minimum = 100;
      *natural = 140;
    }
}

static void
bc_trend_chart_finalize (GObject *object)
{
  BcTrendChart *self = BC_TREND_CHART (object);

  g_array_unref (self->points);
  g_free (self->summary);
  G_OBJECT_CLASS (bc_trend_chart_parent_class)->finalize (object);
}

static void
bc_trend_chart_class_init (BcTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bc_trend_chart_finalize;
  widget_class->snapshot = bc_trend_chart_snapshot;
  widget_class->measure = bc_trend_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "trendchart");
}

static void
bc_trend_chart_init (BcTrendChart *self)
{
  self->points = g_array_new (FALSE, TRUE, sizeof (BcTrendPoint));
  self->summary = g_strdup ("");
}

/* "Số tài khoản: 05/2024: 1.234; 06/2024: no value; …" */
static char *
summary_text (const BcTrend *trend)
{
  GString *text = g_string_new (trend->label);

  for (guint i = 0; i < trend->points->len; i++)
    {
      const BcTrendPoint *point = &g_array_index (trend->points, BcTrendPoint, i);
      g_autofree char *period = bc_trend_point_label (point);
      g_autofree char *value = point->has_value ? bc_format_int (point->value) : g_strdup (_("no value"));

      g_string_append_printf (text, "%s %s: %s", i == 0 ? ":" : ";", period, value);
    }
  return g_string_free (text, FALSE);
}

/**
 * bc_trend_chart_new:
 *
 * Returns: (transfer floating): an empty chart
 */
GtkWidget *
bc_trend_chart_new (void)
{
  return g_object_new (BC_TYPE_TREND_CHART, NULL);
}

/**
 * bc_trend_chart_set_trend:
 * @trend: the history to draw; copied
 */
void
bc_trend_chart_set_trend (BcTrendChart  *self,
                          const BcTrend *trend)
{
  g_autofree char *name = NULL;

  g_return_if_fail (BC_IS_TREND_CHART (self));
  g_return_if_fail (trend != NULL);

  g_array_set_size (self->points, 0);
  g_array_append_vals (self->points, trend->points->data, trend->points->len);
  self->cumulative = trend->cumulative;
  g_free (self->summary);
  self->summary = summary_text (trend);
  /* Translators: the accessible name of a figure's chart; %s is the figure */
  name = g_strdup_printf (_("History of %s"), trend->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->summary);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bc_trend_chart_get_summary:
 *
 * Returns: (transfer none): the values as the chart's description says them
 */
const char *
bc_trend_chart_get_summary (BcTrendChart *self)
{
  g_return_val_if_fail (BC_IS_TREND_CHART (self), NULL);
  return self->summary;
}
