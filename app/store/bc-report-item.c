/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-report-item"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bc-number.h"
#include "bc-period.h"
#include "bc-report-item.h"

/* One entry of the report list: a report, or the heading of a period's
 * group of reports. The list updates a report's item in place when the
 * report changes ("summary" is notified), so its row follows. */
struct _BcReportItem
{
  GObject          parent_instance;

  BcReportSummary  summary;    /* for a group: only the period */
  gboolean         is_group;
  guint            n_reports;  /* of a group */
};

G_DEFINE_FINAL_TYPE (BcReportItem, bc_report_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
summary_clear (BcReportSummary *s)
{
  g_clear_pointer (&s->uuid, g_free);
  g_clear_pointer (&s->template_id, g_free);
  g_clear_pointer (&s->template_name, g_free);
  g_clear_pointer (&s->unit, g_free);
  g_clear_pointer (&s->period_from, g_free);
  g_clear_pointer (&s->period_to, g_free);
  g_clear_pointer (&s->status, g_free);
  g_clear_pointer (&s->modified, g_free);
  g_clear_pointer (&s->title, g_free);
}

static void
summary_copy (BcReportSummary       *to,
              const BcReportSummary *from)
{
  to->id = from->id;
  to->uuid = g_strdup (from->uuid);
  to->template_id = g_strdup (from->template_id);
  to->template_name = g_strdup (from->template_name);
  to->unit = g_strdup (from->unit);
  to->period_from = g_strdup (from->period_from);
  to->period_to = g_strdup (from->period_to);
  to->status = g_strdup (from->status);
  to->modified = g_strdup (from->modified);
  to->title = g_strdup (from->title);
  to->errors = from->errors;
  to->warnings = from->warnings;
}

static gboolean
summary_equal (const BcReportSummary *a,
               const BcReportSummary *b)
{
  return a->errors == b->errors && a->warnings == b->warnings
         && g_strcmp0 (a->modified, b->modified) == 0 && g_strcmp0 (a->status, b->status) == 0
         && g_strcmp0 (a->unit, b->unit) == 0 && g_strcmp0 (a->title, b->title) == 0
         && g_strcmp0 (a->template_name, b->template_name) == 0
         && g_strcmp0 (a->period_from, b->period_from) == 0 && g_strcmp0 (a->period_to, b->period_to) == 0;
}

static void
bc_report_item_finalize (GObject *object)
{
  BcReportItem *self = BC_REPORT_ITEM (object);

  summary_clear (&self->summary);

  G_OBJECT_CLASS (bc_report_item_parent_class)->finalize (object);
}

static void
bc_report_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BcReportItem *self = BC_REPORT_ITEM (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_pointer (value, &self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_report_item_class_init (BcReportItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bc_report_item_finalize;
  object_class->get_property = bc_report_item_get_property;

  /* Notified when the report's summary changes. */
  properties[PROP_SUMMARY] =
    g_param_spec_pointer ("summary", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_report_item_init (BcReportItem *self)
{
}

/**
 * bc_report_item_new_report:
 *
 * Returns: (transfer full): the item of a report
 */
BcReportItem *
bc_report_item_new_report (const BcReportSummary *summary)
{
  BcReportItem *self;

  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (BC_TYPE_REPORT_ITEM, NULL);
  summary_copy (&self->summary, summary);
  return self;
}

/**
 * bc_report_item_new_group:
 *
 * Returns: (transfer full): the heading of the reports of one period
 */
BcReportItem *
bc_report_item_new_group (const char *period_from,
                          const char *period_to,
                          guint       n_reports)
{
  BcReportItem *self = g_object_new (BC_TYPE_REPORT_ITEM, NULL);

  self->is_group = TRUE;
  self->summary.period_from = g_strdup (period_from);
  self->summary.period_to = g_strdup (period_to);
  self->summary.errors = self->summary.warnings = -1;
  self->n_reports = n_reports;
  return self;
}

gboolean
bc_report_item_is_group (BcReportItem *self)
{
  g_return_val_if_fail (BC_IS_REPORT_ITEM (self), FALSE);
  return self->is_group;
}

/**
 * bc_report_item_get_id:
 *
 * Returns: the report's id, 0 for a group's heading
 */
gint64
bc_report_item_get_id (BcReportItem *self)
{
  g_return_val_if_fail (BC_IS_REPORT_ITEM (self), 0);
  return self->summary.id;
}

/**
 * bc_report_item_get_summary:
 *
 * Returns: (transfer none): what the list shows of the report
 */
const BcReportSummary *
bc_report_item_get_summary (BcReportItem *self)
{
  g_return_val_if_fail (BC_IS_REPORT_ITEM (self), NULL);
  return &self->summary;
}

/**
 * bc_report_item_set_summary:
 *
 * Takes a fresh summary of the same report; notifies "summary" only when
 * something shown changed.
 */
void
bc_report_item_set_summary (BcReportItem          *self,
                            const BcReportSummary *summary)
{
  g_return_if_fail (BC_IS_REPORT_ITEM (self));
  g_return_if_fail (summary != NULL && summary->id == self->summary.id);

  if (summary_equal (&self->summary, summary))
    return;
  summary_clear (&self->summary);
  summary_copy (&self->summary, summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/**
 * bc_report_item_dup_period_name:
 *
 * Returns: (transfer full): the name of the item's period: "Tháng
 *   06/2024" for a month (named after the month its last day is in), the
 *   year for a whole year, else the dates
 */
char *
bc_report_item_dup_period_name (BcReportItem *self)
{
  GDate from, to;

  g_return_val_if_fail (BC_IS_REPORT_ITEM (self), NULL);

  if (!bc_date_parse (self->summary.period_from, &from) || !bc_date_parse (self->summary.period_to, &to))
    return g_strdup (self->summary.period_to);
  if (g_date_days_between (&from, &to) <= 45)
    /* Translators: a group of reports, by the month of their period: "Month 06/2024" */
    return g_strdup_printf (_("Month %02d/%d"), g_date_get_month (&to), g_date_get_year (&to));
  if (g_date_get_day (&from) == 1 && g_date_get_month (&from) == 1
      && g_date_get_day (&to) == 31 && g_date_get_month (&to) == 12)
    /* Translators: a group of reports, by the year of their period */
    return g_strdup_printf (_("Year %d"), g_date_get_year (&to));
  {
    g_autofree char *a = bc_date_to_display (self->summary.period_from);
    g_autofree char *b = bc_date_to_display (self->summary.period_to);
    return g_strdup_printf ("%s – %s", a, b);
  }
}

/**
 * bc_report_item_dup_label:
 *
 * Returns: (transfer full): a group's heading: its period's name and how
 *   many reports ("Tháng 06/2024 · 84 báo cáo"); for a report, its unit
 */
char *
bc_report_item_dup_label (BcReportItem *self)
{
  g_autofree char *name = NULL;
  g_autofree char *count = NULL;
  g_autofree char *number = NULL;

  g_return_val_if_fail (BC_IS_REPORT_ITEM (self), NULL);

  if (!self->is_group)
    return g_strdup (self->summary.unit);
  name = bc_report_item_dup_period_name (self);
  number = bc_format_int (self->n_reports);
  /* Translators: %s is a number, "1.234" */
  count = g_strdup_printf (ngettext ("%s report", "%s reports", self->n_reports), number);
  return g_strdup_printf ("%s · %s", name, count);
}
