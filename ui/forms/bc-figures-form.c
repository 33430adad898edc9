/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-figures-form"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-figures-form.h"
#include "bc-form-utils.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-report.h"
#include "bc-template.h"
#include "bc-trend-button.h"
#include "bc-ui-utils.h"

/* The key figures of a section: each count, its denominator when it has
 * one, the percentage the app computes (never typed), and last period's
 * value beside it. */
struct _BcFiguresForm
{
  GtkWidget        parent_instance;

  /* owned */
  GtkWidget       *box;
  GHashTable      *entries;    /* key -> GtkEntry */
  GHashTable      *percents;   /* figure id -> GtkLabel */

  /* borrowed */
  BcEditSession   *session;
  const BcSection *section;
  BcStore         *store;      /* NULL: no history buttons */
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
update_percent (BcFiguresForm *self,
                const char    *figure_id)
{
  GtkLabel *label = g_hash_table_lookup (self->percents, figure_id);
  g_autofree char *text = NULL;

  if (label == NULL)
    return;
  text = bc_figure_percent_text (bc_edit_session_get_report (self->session), figure_id);
  gtk_label_set_text (label, text ? text : "");
}

static void
value_changed_cb (BcReport      *report,
                  const char    *key,
                  BcFiguresForm *self)
{
  g_auto(BcKey) parsed = BC_KEY_INIT;

  bc_key_parse (&parsed, key);
  if (parsed.kind == BC_KEY_FIGURE || parsed.kind == BC_KEY_FIGURE_DENOMINATOR)
    update_percent (self, parsed.id);
}

static GtkWidget *
count_entry (BcFiguresForm *self,
             const char    *key,
             const char    *label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "numeric");
  bc_set_field_name (entry, label);
  bc_bind_editable (GTK_EDITABLE (entry), self->session, key, BC_FIELD_COUNT);
  g_hash_table_insert (self->entries, g_strdup (key), entry);
  return entry;
}

/* An entry with its name under it, in small print. */
static GtkWidget *
captioned (GtkWidget  *entry,
           const char *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (caption);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  bc_ui_set_tooltip (label, caption);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static GtkWidget *
figure_row (BcFiguresForm  *self,
            const BcFigure *figure,
            BcReport       *previous)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *key = bc_key_figure (figure->id, FALSE);
  g_autofree char *den_key = bc_key_figure (figure->id, TRUE);
  g_autoptr(GString) subtitle = g_string_new (figure->unit);
  BcTemplate *template = bc_report_get_template (bc_edit_session_get_report (self->session));
  /* A year's figures are counted over the year, not the month. */
  gboolean annual = bc_template_get_regime (template) == BC_REGIME_ANNUAL;
  g_autofree char *label = bc_report_dup_figure_label (bc_edit_session_get_report (self->session), figure);
  GtkWidget *percent;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (figure->cumulative)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", _("cumulative"));
  else if (annual)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", _("in the year"));
  if (previous != NULL && *bc_report_get (previous, key) != '\0')
    {
      g_autofree char *last = bc_format_int (g_ascii_strtoll (bc_report_get (previous, key), NULL, 10));
      g_string_append_printf (subtitle, "%s%s %s", subtitle->len ? " · " : "",
                              annual ? _("last year:") : _("last period:"), last);
    }
  /* A value taken from the months says which, and how. */
  if (bc_edit_session_get_origin (self->session, key) != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", bc_edit_session_get_origin (self->session, key));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  if (figure->denominator == NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_entry (self, key, label));
  else
    {
      /* Two numbers side by side: each says what it counts. */
      g_autofree char *den_label = g_strdup_printf ("%s — %s", label, figure->denominator);
      GtkWidget *slash = gtk_label_new ("/");
      GtkWidget *den = count_entry (self, den_key, den_label);

      gtk_entry_set_placeholder_text (GTK_ENTRY (den), figure->denominator);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 captioned (count_entry (self, key, label),
                                            figure->unit && *figure->unit ? figure->unit : _("count")));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), slash);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), captioned (den, figure->denominator));
      percent = gtk_label_new (NULL);
      gtk_label_set_width_chars (GTK_LABEL (percent), 11);
      gtk_label_set_xalign (GTK_LABEL (percent), 1.0);
      gtk_widget_add_css_class (percent, "numeric");
      gtk_widget_add_css_class (percent, "accent");
      g_hash_table_insert (self->percents, g_strdup (figure->id), percent);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), percent);
      update_percent (self, figure->id);
    }
  if (self->store != NULL)
    {
      GtkWidget *history = bc_trend_button_new (self->store, bc_edit_session_get_report (self->session), key);

      gtk_widget_set_name (history, key);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), history);
    }
  return row;
}

static void
bc_figures_form_dispose (GObject *object)
{
  BcFiguresForm *self = BC_FIGURES_FORM (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (bc_figures_form_parent_class)->dispose (object);
}

static void
bc_figures_form_finalize (GObject *object)
{
  BcFiguresForm *self = BC_FIGURES_FORM (object);

  g_hash_table_unref (self->entries);
  g_hash_table_unref (self->percents);
  G_OBJECT_CLASS (bc_figures_form_parent_class)->finalize (object);
}

static void
bc_figures_form_class_init (BcFiguresFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bc_figures_form_dispose;
  object_class->finalize = bc_figures_form_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
bc_figures_form_init (BcFiguresForm *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->percents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
bc_figures_form_new (BcEditSession   *session,
                     const BcSection *section,
                     BcReport        *previous,
                     BcStore         *store)
{
  BcFiguresForm *self = g_object_new (BC_TYPE_FIGURES_FORM, NULL);
  GtkWidget *list = gtk_list_box_new ();

  self->session = session;
  self->section = section;
  self->store = store;
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < section->figures->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), figure_row (self, section->figures->pdata[i], previous));
  gtk_box_append (GTK_BOX (self->box), list);
  g_signal_connect_object (bc_edit_session_get_report (session), "value-changed",
                           G_CALLBACK (value_changed_cb), self, 0);
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
  return g_hash_table_lookup (self->entries, key);
}

const char *
bc_figures_form_get_percent (BcFiguresForm *self,
                             const char    *figure_id)
{
  GtkLabel *label;

  g_return_val_if_fail (BC_IS_FIGURES_FORM (self), NULL);
  label = g_hash_table_lookup (self->percents, figure_id);
  return label ? gtk_label_get_text (label) : NULL;
}
