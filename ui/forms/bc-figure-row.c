/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-figure-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-figure-row.h"
#include "bc-figures-form.h"
#include "bc-form-utils.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-report.h"
#include "bc-template.h"
#include "bc-trend-button.h"
#include "bc-ui-utils.h"

/* A key figure: its count, and for a ratio its denominator and the
 * percentage the app computes (never typed), each number captioned with
 * what it counts; last period's value in the subtitle. */
struct _BcFigureRow
{
  AdwActionRow   parent_instance;

  /* template widgets */
  GtkWidget     *value_box;
  GtkEditable   *value;
  GtkLabel      *value_caption;
  GtkWidget     *slash;
  GtkWidget     *den_box;
  GtkEditable   *den;
  GtkLabel      *den_caption;
  GtkLabel      *percent;

  /* owned */
  char          *id;
  char          *key;
  char          *den_key;    /* NULL: a plain count */

  /* borrowed */
  BcInputRegistry *inputs;
  BcEditSession *session;
};

G_DEFINE_FINAL_TYPE (BcFigureRow, bc_figure_row, ADW_TYPE_ACTION_ROW)

static void
update_percent (BcFigureRow *self)
{
  g_autofree char *text = bc_figure_percent_text (bc_edit_session_get_report (self->session), self->id);

  gtk_label_set_text (self->percent, text ? text : "");
}

static void
value_changed_cb (BcReport    *report,
                  const char  *key,
                  BcFigureRow *self)
{
  update_percent (self);
}

/* "hồ sơ · cumulative · last period: 1.234 · <where a rolled-up value came from>" */
static char *
describe (BcFigureRow    *self,
          const BcFigure *figure,
          BcReport       *previous)
{
  GString *subtitle = g_string_new (figure->unit);
  BcTemplate *template = bc_report_get_template (bc_edit_session_get_report (self->session));
  /* A year's figures are counted over the year, not the month. */
  gboolean annual = bc_template_get_regime (template) == BC_REGIME_ANNUAL;
  const char *origin = bc_edit_session_get_origin (self->session, self->key);

  if (figure->cumulative)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", _("cumulative"));
  else if (annual)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", _("in the year"));
  if (previous != NULL && *bc_report_get (previous, self->key) != '\0')
    {
      g_autofree char *last = bc_format_int (g_ascii_strtoll (bc_report_get (previous, self->key), NULL, 10));
      g_string_append_printf (subtitle, "%s%s %s", subtitle->len ? " · " : "",
                              annual ? _("last year:") : _("last period:"), last);
    }
  /* A value taken from the months says which, and how. */
  if (origin != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", origin);
  return g_string_free (subtitle, FALSE);
}

static void
bind_count (BcFigureRow *self,
            GtkEditable *entry,
            const char  *key,
            const char  *name)
{
  bc_set_field_name (GTK_WIDGET (entry), self->inputs, name);
  bc_bind_editable (entry, self->inputs, key, BC_FIELD_COUNT);
}

/* Two numbers side by side: each says what it counts. */
static void
show_ratio (BcFigureRow    *self,
            const BcFigure *figure,
            const char     *label)
{
  g_autofree char *den_label = g_strdup_printf ("%s — %s", label, figure->denominator);
  g_autofree char *signal = g_strdup_printf ("value-changed::%s", self->key);
  g_autofree char *den_signal = g_strdup_printf ("value-changed::%s", self->den_key);
  const char *caption = figure->unit && *figure->unit ? figure->unit : _("count");

  gtk_label_set_text (self->value_caption, caption);
  bc_ui_set_tooltip (GTK_WIDGET (self->value_caption), caption);
  gtk_label_set_text (self->den_caption, figure->denominator);
  bc_ui_set_tooltip (GTK_WIDGET (self->den_caption), figure->denominator);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->den), figure->denominator);
  bind_count (self, self->den, self->den_key, den_label);
  update_percent (self);
  g_signal_connect_object (bc_edit_session_get_report (self->session), signal,
                           G_CALLBACK (value_changed_cb), self, 0);
  g_signal_connect_object (bc_edit_session_get_report (self->session), den_signal,
                           G_CALLBACK (value_changed_cb), self, 0);
}

/* A plain count: its entry alone, without caption. */
static void
show_count (BcFigureRow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->value_caption), FALSE);
  gtk_widget_set_margin_top (self->value_box, 0);
  gtk_widget_set_margin_bottom (self->value_box, 0);
  gtk_widget_set_visible (self->slash, FALSE);
  gtk_widget_set_visible (self->den_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->percent), FALSE);
}

static void
bc_figure_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_FIGURE_ROW);
  G_OBJECT_CLASS (bc_figure_row_parent_class)->dispose (object);
}

static void
bc_figure_row_finalize (GObject *object)
{
  BcFigureRow *self = BC_FIGURE_ROW (object);

  g_free (self->id);
  g_free (self->key);
  g_free (self->den_key);
  G_OBJECT_CLASS (bc_figure_row_parent_class)->finalize (object);
}

static void
bc_figure_row_class_init (BcFigureRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_figure_row_dispose;
  object_class->finalize = bc_figure_row_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-figure-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BcFigureRow, value_box);
  gtk_widget_class_bind_template_child (widget_class, BcFigureRow, value);
  gtk_widget_class_bind_template_child (widget_class, BcFigureRow, value_caption);
  gtk_widget_class_bind_template_child (widget_class, BcFigureRow, slash);
  gtk_widget_class_bind_template_child (widget_class, BcFigureRow, den_box);
  gtk_widget_class_bind_template_child (widget_class, BcFigureRow, den);
  gtk_widget_class_bind_template_child (widget_class, BcFigureRow, den_caption);
  gtk_widget_class_bind_template_child (widget_class, BcFigureRow, percent);
}

static void
bc_figure_row_init (BcFigureRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_figure_row_new:
 * @previous: (nullable): last period's report, for comparison
 * @store: (nullable): the library the report is in: the row gets a
 *   History button, the figure's chart over the last periods
 *
 * Returns: (transfer floating): the row editing @figure
 */
GtkWidget *
bc_figure_row_new (BcInputRegistry *inputs,
                   const BcFigure  *figure,
                   BcReport        *previous,
                   BcStore         *store)
{
  BcFigureRow *self = g_object_new (BC_TYPE_FIGURE_ROW, NULL);
  BcReport *report = bc_edit_session_get_report (bc_input_registry_get_session (inputs));
  g_autofree char *label = bc_report_dup_figure_label (report, figure);
  g_autofree char *subtitle = NULL;

  self->inputs = inputs;
  self->session = bc_input_registry_get_session (inputs);
  self->id = g_strdup (figure->id);
  self->key = bc_key_figure (figure->id, FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), label);
  subtitle = describe (self, figure, previous);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  bind_count (self, self->value, self->key, label);
  if (figure->denominator != NULL)
    {
      self->den_key = bc_key_figure (figure->id, TRUE);
      show_ratio (self, figure, label);
    }
  else
    show_count (self);
  if (store != NULL)
    {
      GtkWidget *history = bc_trend_button_new (store, report, self->key);

      gtk_widget_set_name (history, self->key);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), history);
    }
  return GTK_WIDGET (self);
}

/**
 * bc_figure_row_get_entry:
 *
 * Returns: (transfer none) (nullable): the entry of @key: the figure's
 *   "fig/<id>" or its denominator's "fig/<id>/den"
 */
GtkWidget *
bc_figure_row_get_entry (BcFigureRow *self,
                         const char  *key)
{
  g_return_val_if_fail (BC_IS_FIGURE_ROW (self), NULL);
  if (g_str_equal (key, self->key))
    return GTK_WIDGET (self->value);
  if (g_strcmp0 (key, self->den_key) == 0)
    return GTK_WIDGET (self->den);
  return NULL;
}

const char *
bc_figure_row_get_id (BcFigureRow *self)
{
  g_return_val_if_fail (BC_IS_FIGURE_ROW (self), NULL);
  return self->id;
}

/**
 * bc_figure_row_get_percent:
 *
 * Returns: (nullable): the percentage shown, or %NULL for a plain count
 */
const char *
bc_figure_row_get_percent (BcFigureRow *self)
{
  g_return_val_if_fail (BC_IS_FIGURE_ROW (self), NULL);
  return self->den_key != NULL ? gtk_label_get_text (self->percent) : NULL;
}
