/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-section-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-followup.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-section-summary.h"
#include "bc-template.h"
#include "bc-ui-utils.h"

/* What one part of a report holds, read-only: the outline a clerk sees
 * before the section's form (the next step) takes its place. */
struct _BcSectionSummary
{
  AdwPreferencesPage    parent_instance;

  /* template widgets */
  GtkLabel             *heading_label;
  GtkLabel             *description_label;
  AdwPreferencesGroup  *overview_group;
  AdwActionRow         *kind_row;
  GtkImage             *kind_icon;
  GtkLabel             *required_label;
  AdwPreferencesGroup  *details_group;
  GtkWidget            *note_group;

  /* borrowed */
  const BcSection      *group;    /* a group section: its subsections are the details */
};

G_DEFINE_FINAL_TYPE (BcSectionSummary, bc_section_summary, ADW_TYPE_PREFERENCES_PAGE)

enum
{
  SECTION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_heading (BcSectionSummary *self,
             const char       *heading,
             const char       *description)
{
  gtk_label_set_text (self->heading_label, heading ? heading : "");
  gtk_label_set_text (self->description_label, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && *description != '\0');
}

static void
set_kind (BcSectionSummary *self,
          const char       *icon_name,
          const char       *title,
          const char       *subtitle)
{
  gtk_image_set_from_icon_name (self->kind_icon, icon_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), title);
  adw_action_row_set_subtitle (self->kind_row, subtitle ? subtitle : "");
}

static AdwActionRow *
add_detail (BcSectionSummary *self,
            const char       *title,
            const char       *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_subtitle_lines (row, 3);
  adw_preferences_group_add (self->details_group, GTK_WIDGET (row));
  gtk_widget_set_visible (GTK_WIDGET (self->details_group), TRUE);
  return row;
}

static void
set_details_title (BcSectionSummary *self,
                   const char       *title)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  adw_preferences_group_set_title (self->details_group, markup);
}

/* The heading as this report has it, and whether it is left out. */
static char *
section_heading (BcReport        *report,
                 const BcSection *section)
{
  return bc_report_dup_section_heading (report, section);
}

/* "1.234.567", or an em dash when the figure is still empty. */
static char *
format_count (const char *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup ("—");
  return bc_format_int (g_ascii_strtoll (value, NULL, 10));
}

static gboolean
is_empty_figure (BcReport   *report,
                 const char *key)
{
  const char *value = bc_report_get (report, key);
  return value == NULL || *value == '\0';
}

static void
subsection_activated_cb (AdwActionRow     *row,
                         BcSectionSummary *self)
{
  /* The details are the subsections, in order. */
  const BcSection *child = self->group->children->pdata[gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row))];

  g_signal_emit (self, signals[SECTION_ACTIVATED], 0, child->id);
}

static void
add_subsections (BcSectionSummary *self,
                 BcReport         *report,
                 const BcSection  *section)
{
  set_details_title (self, _("Subsections"));
  self->group = section;
  for (guint i = 0; i < section->children->len; i++)
    {
      const BcSection *child = section->children->pdata[i];
      g_autofree char *heading = section_heading (report, child);
      AdwActionRow *row = add_detail (self, heading,
                                      bc_report_section_is_omitted (report, child)
                                      ? _("Left out of this report") : bc_ui_section_kind_label (child->kind));

      adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (subsection_activated_cb), self, 0);
    }
}

static void
add_figures (BcSectionSummary *self,
             BcReport         *report,
             const BcSection  *section)
{
  set_details_title (self, _("Figures"));
  for (guint i = 0; i < section->figures->len; i++)
    {
      const BcFigure *figure = section->figures->pdata[i];
      g_autofree char *key = bc_key_figure (figure->id, FALSE);
      g_autofree char *den_key = g_strconcat (key, "/den", NULL);
      g_autofree char *value = format_count (bc_report_get (report, key));
      g_autofree char *subtitle = NULL;
      g_autofree char *label_text = NULL;
      AdwActionRow *row;
      GtkWidget *label;

      if (figure->denominator != NULL)
        {
          g_autofree char *den = format_count (bc_report_get (report, den_key));
          g_autofree char *both = g_strdup_printf ("%s / %s", value, den);
          g_free (value);
          value = g_steal_pointer (&both);
          /* Translators: %s names what a figure is counted against, e.g. "số hồ sơ" */
          subtitle = g_strdup_printf (_("Out of: %s"), figure->denominator);
        }
      else if (figure->cumulative)
        subtitle = g_strdup (_("Cumulative"));
      label_text = bc_report_dup_figure_label (report, figure);
      row = add_detail (self, label_text, subtitle);
      label = gtk_label_new (value);
      gtk_widget_add_css_class (label, "numeric");
      if (figure->unit != NULL && *figure->unit != '\0' && !is_empty_figure (report, key))
        {
          g_autofree char *with_unit = g_strdup_printf ("%s %s", value, figure->unit);
          gtk_label_set_text (GTK_LABEL (label), with_unit);
        }
      adw_action_row_add_suffix (row, label);
    }
}

static const char *
item_value (BcReport   *report,
            const char *section_id,
            const char *item_id,
            const char *field)
{
  g_autofree char *key = bc_key_item_field (section_id, item_id, field);
  return bc_report_get (report, key);
}

/* One row per paragraph, document or task already written. */
static void
add_items (BcSectionSummary *self,
           BcReport         *report,
           const BcSection  *section)
{
  g_auto(GStrv) order = bc_report_get_list_order (report, section->id);

  set_details_title (self, _("Written So Far"));
  for (guint i = 0; order != NULL && order[i] != NULL; i++)
    {
      const char *id = order[i];
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      switch (section->kind)
        {
        case BC_SECTION_DOCUMENTS:
          {
            g_autofree char *date = bc_date_to_display (item_value (report, section->id, id, "date"));
            title = g_strdup_printf ("%s %s", item_value (report, section->id, id, "type"),
                                     item_value (report, section->id, id, "number"));
            subtitle = g_strdup_printf ("%s · %s · %s", date,
                                        item_value (report, section->id, id, "issuer"),
                                        item_value (report, section->id, id, "summary"));
          }
          break;
        case BC_SECTION_FOLLOWUP:
          {
            BcTaskStatus status;

            bc_task_status_from_string (item_value (report, section->id, id, "status"), &status);
            title = g_strdup (item_value (report, section->id, id, "content"));
            subtitle = g_strdup_printf ("%s · %s", bc_task_status_label (status),
                                        item_value (report, section->id, id, "lead"));
          }
          break;
        case BC_SECTION_TASKS:
          title = g_strdup (item_value (report, section->id, id, "content"));
          subtitle = g_strdup_printf ("%s · %s", item_value (report, section->id, id, "lead"),
                                      item_value (report, section->id, id, "deadline"));
          break;
        default:
          title = g_strdup (item_value (report, section->id, id, "text"));
          break;
        }
      add_detail (self, g_strstrip (title), subtitle);
    }
}

static char *
describe_count (BcReport        *report,
                const BcSection *section)
{
  g_auto(GStrv) order = NULL;
  guint n;

  switch (section->kind)
    {
    case BC_SECTION_GROUP:
      n = section->children->len;
      return g_strdup_printf (ngettext ("%u subsection", "%u subsections", n), n);
    case BC_SECTION_FIGURES:
      n = section->figures->len;
      /* Translators: the kind of a section, with how many figures it asks for */
      return g_strdup_printf (_("Key figures: %u"), n);
    default:
      break;
    }
  order = bc_report_get_list_order (report, section->id);
  n = order ? g_strv_length (order) : 0;
  if (n == 0)
    return g_strdup (_("Nothing written yet"));
  if (section->kind == BC_SECTION_DOCUMENTS)
    return g_strdup_printf (ngettext ("%u document", "%u documents", n), n);
  if (section->kind == BC_SECTION_TASKS)
    return g_strdup_printf (ngettext ("%u task", "%u tasks", n), n);
  if (section->kind == BC_SECTION_FOLLOWUP)
    /* Translators: the plan follow-up: how many of the plan's tasks it follows */
    return g_strdup_printf (ngettext ("%u task of the plan", "%u tasks of the plan", n), n);
  return g_strdup_printf (ngettext ("%u paragraph", "%u paragraphs", n), n);
}

static const char *
column_type_label (const BcColumn *column)
{
  switch (column->type)
    {
    case BC_COLUMN_INTEGER:
      /* Translators: the kind of a table column */
      return C_("column", "Count");
    case BC_COLUMN_TEXT:
      /* Translators: the kind of a table column */
      return C_("column", "Text");
    case BC_COLUMN_CHOICE:
      /* Translators: the kind of a table column: one of a few values */
      return C_("column", "Choice");
    case BC_COLUMN_COMPUTED:
      /* Translators: the kind of a table column: a ratio computed from two others */
      return C_("column", "Computed ratio");
    case BC_COLUMN_PERCENT:
      /* Translators: the kind of a table column: a percentage typed as printed */
      return C_("column", "Percentage");
    default:
      return "";
    }
}

static void
bc_section_summary_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_SECTION_SUMMARY);

  G_OBJECT_CLASS (bc_section_summary_parent_class)->dispose (object);
}

static void
bc_section_summary_class_init (BcSectionSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_section_summary_dispose;

  /**
   * BcSectionSummary::section-activated:
   * @section_id: the subsection the user picked
   */
  signals[SECTION_ACTIVATED] =
    g_signal_new ("section-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baocao/Baocao/ui/bc-section-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, BcSectionSummary, heading_label);
  gtk_widget_class_bind_template_child (widget_class, BcSectionSummary, description_label);
  gtk_widget_class_bind_template_child (widget_class, BcSectionSummary, overview_group);
  gtk_widget_class_bind_template_child (widget_class, BcSectionSummary, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BcSectionSummary, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, BcSectionSummary, required_label);
  gtk_widget_class_bind_template_child (widget_class, BcSectionSummary, details_group);
  gtk_widget_class_bind_template_child (widget_class, BcSectionSummary, note_group);
}

static void
bc_section_summary_init (BcSectionSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->details_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->required_label), FALSE);
}

/**
 * bc_section_summary_new_header:
 *
 * Returns: (transfer floating): the summary of @report's header
 */
GtkWidget *
bc_section_summary_new_header (BcReport *report)
{
  BcSectionSummary *self;
  const char * const *fields = bc_key_header_fields ();

  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  self = g_object_new (BC_TYPE_SECTION_SUMMARY, NULL);
  /* The fields say it all: no overview above them. */
  gtk_widget_set_visible (GTK_WIDGET (self->overview_group), FALSE);
  set_heading (self, _("Header"),
               _("The parts of the document around its sections, laid out as "
                 "Decree 30/2020/NĐ-CP asks"));
  set_details_title (self, _("Fields"));
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *key = bc_key_header (fields[i]);
      const char *value = bc_report_get (report, key);
      g_autofree char *shown = NULL;

      if (g_str_equal (fields[i], "date"))
        shown = bc_date_to_display (value);
      else
        shown = g_strdup (value);
      add_detail (self, bc_key_header_field_label (fields[i]),
                  *shown != '\0' ? shown : _("Not filled in yet"));
    }
  return GTK_WIDGET (self);
}

/**
 * bc_section_summary_new_section:
 * @section: (transfer none): a section of @report's template
 *
 * Returns: (transfer floating): the summary of one section of @report
 */
GtkWidget *
bc_section_summary_new_section (BcReport        *report,
                                const BcSection *section)
{
  BcSectionSummary *self;
  g_autofree char *heading = NULL;
  g_autofree char *count = NULL;

  g_return_val_if_fail (BC_IS_REPORT (report), NULL);
  g_return_val_if_fail (section != NULL, NULL);

  self = g_object_new (BC_TYPE_SECTION_SUMMARY, NULL);
  heading = section_heading (report, section);
  set_heading (self, heading, section->hint);
  count = describe_count (report, section);
  if (section->kind == BC_SECTION_FIGURES)
    set_kind (self, bc_ui_section_kind_icon (section->kind), count, NULL);
  else
    set_kind (self, bc_ui_section_kind_icon (section->kind),
              bc_ui_section_kind_label (section->kind), count);
  gtk_widget_set_visible (GTK_WIDGET (self->required_label), section->required);

  /* A section's page shows its heading and intro above this, editable. */
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), FALSE);
  gtk_widget_set_visible (self->note_group, FALSE);
  if (section->kind == BC_SECTION_GROUP)
    add_subsections (self, report, section);
  else if (section->kind == BC_SECTION_FIGURES)
    add_figures (self, report, section);
  else
    add_items (self, report, section);
  return GTK_WIDGET (self);
}

/**
 * bc_section_summary_new_table:
 * @table: (transfer none): an appendix table of @report's template
 *
 * Returns: (transfer floating): the summary of one appendix table
 */
GtkWidget *
bc_section_summary_new_table (BcReport         *report,
                              const BcTableDef *table)
{
  BcSectionSummary *self;
  g_autofree char *size = NULL;
  guint n_rows, n_columns;

  g_return_val_if_fail (BC_IS_REPORT (report), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (BC_TYPE_SECTION_SUMMARY, NULL);
  set_heading (self, table->title, table->caption);
  n_rows = table->rows->len;
  n_columns = table->columns->len;
  /* Translators: the size of an appendix table; "×" reads "by" */
  size = g_strdup_printf (_("Appendix table: %u rows × %u columns"), n_rows, n_columns);
  set_kind (self, "x-office-spreadsheet-symbolic", size,
            table->totals_label ? _("With a totals row") : NULL);

  set_details_title (self, _("Columns"));
  for (guint i = 0; i < n_columns; i++)
    {
      const BcColumn *column = table->columns->pdata[i];
      g_autofree char *subtitle = NULL;

      if (column->group != NULL && *column->group != '\0')
        subtitle = g_strdup_printf ("%s · %s", column->group, column_type_label (column));
      else
        subtitle = g_strdup (column_type_label (column));
      add_detail (self, column->label, subtitle);
    }
  return GTK_WIDGET (self);
}
