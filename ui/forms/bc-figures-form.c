/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-figures-form"

#include "config.h"

#include "bc-figure-row.h"
#include "bc-figures-form.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-report.h"

/* The key figures of a section, a row each (BcFigureRow). */
struct _BcFiguresForm
{
  GtkWidget   parent_instance;

  /* template widgets */
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (BcFiguresForm, bc_figures_form, GTK_TYPE_WIDGET)

/**
 * bc_figure_percent_text:
 *
 * Returns: (transfer full) (nullable): "đạt 109,12%", or %NULL when either
 *   number is missing or the denominator is 0
 */
char *
bc_figure_percent_text (BcReport   *report,
                        const char *figure_id)
{
  g_autofree char *key = bc_key_figure (figure_id, FALSE);
  g_autofree char *den_key = bc_key_figure (figure_id, TRUE);
  g_autofree char *percent = NULL;
  const char *value = bc_report_get (report, key);
  const char *den = bc_report_get (report, den_key);
  double d;

  if (*value == '\0' || *den == '\0' || (d = g_ascii_strtod (den, NULL)) == 0)
    return NULL;
  percent = bc_format_percent (g_ascii_strtod (value, NULL) / d, 2);
  return g_strdup_printf ("đạt %s", percent);
}

static void
bc_figures_form_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_FIGURES_FORM);
  G_OBJECT_CLASS (bc_figures_form_parent_class)->dispose (object);
}

static void
bc_figures_form_class_init (BcFiguresFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_figures_form_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-figures-form.ui");
  gtk_widget_class_bind_template_child (widget_class, BcFiguresForm, list);
}

static void
bc_figures_form_init (BcFiguresForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_figures_form_new:
 * @previous: (nullable): last period's report, for comparison
 * @store: (nullable): the library the report is in: each figure gets a
 *   History button, its chart over the last periods
 *
 * Returns: (transfer floating): the form of a figures section
 */
GtkWidget *
bc_figures_form_new (BcInputRegistry *inputs,
                     const BcSection *section,
                     BcReport        *previous,
                     BcStore         *store)
{
  BcFiguresForm *self = g_object_new (BC_TYPE_FIGURES_FORM, NULL);

  for (guint i = 0; i < section->figures->len; i++)
    gtk_list_box_append (self->list, bc_figure_row_new (inputs, section->figures->pdata[i], previous, store));
  return GTK_WIDGET (self);
}

/**
 * bc_figures_form_get_entry:
 *
 * Returns: (transfer none) (nullable): the entry of "fig/<id>" or "fig/<id>/den"
 */
GtkWidget *
bc_figures_form_get_entry (BcFiguresForm *self,
                           const char    *key)
{
  g_return_val_if_fail (BC_IS_FIGURES_FORM (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *entry = bc_figure_row_get_entry (BC_FIGURE_ROW (row), key);

      if (entry != NULL)
        return entry;
    }
  return NULL;
}

/**
 * bc_figures_form_get_percent:
 *
 * Returns: (nullable): the percentage shown beside the figure @figure_id,
 *   or %NULL when it shows none
 */
const char *
bc_figures_form_get_percent (BcFiguresForm *self,
                             const char    *figure_id)
{
  g_return_val_if_fail (BC_IS_FIGURES_FORM (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_str_equal (bc_figure_row_get_id (BC_FIGURE_ROW (row)), figure_id))
      return bc_figure_row_get_percent (BC_FIGURE_ROW (row));
  return NULL;
}
