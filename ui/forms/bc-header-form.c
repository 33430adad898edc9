/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-header-form"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-form-utils.h"
#include "bc-header-form.h"
#include "bc-keys.h"
#include "bc-report.h"
#include "bc-template.h"

/* The Decree 30 header of a report: who issues it, its number and date,
 * what it is about, for which period, to whom, and who signs. The layout
 * is bc-header-form.ui; here each input is bound to its key. */
struct _BcHeaderForm
{
  AdwBin         parent_instance;

  /* template widgets */
  AdwPreferencesGroup *period_group;

  /* borrowed */
  BcInputRegistry *inputs;
  BcEditSession   *session;
  /* owned */
  GHashTable      *fields;    /* key -> widget */
};

G_DEFINE_FINAL_TYPE (BcHeaderForm, bc_header_form, ADW_TYPE_BIN)

/* The template's inputs are named by their field: the header's fields
 * (bc_key_header_fields()) and the unit and period
 * (bc_key_header_meta_fields()). */

/* The signing authorities of Decree 30, with what they mean. */
static const char * const authorities[] = { "", "TM.", "KT.", "Q.", "TL.", "TUQ.", NULL };

static void
authority_selected_cb (AdwComboRow  *row,
                       GParamSpec   *pspec,
                       BcHeaderForm *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (authorities) - 1
      && !bc_edit_session_set (self->session, "header/signer_authority", authorities[selected], &error))
    g_warning ("%s", error->message);
}

static void
authority_changed_cb (BcReport    *report,
                      const char  *key,
                      AdwComboRow *row)
{
  const char *value = bc_report_get (report, key);

  for (guint i = 0; authorities[i]; i++)
    if (g_str_equal (authorities[i], value) && adw_combo_row_get_selected (row) != i)
      adw_combo_row_set_selected (row, i);
}

static void
bind_authority (BcHeaderForm *self,
                AdwComboRow  *row,
                const char   *key)
{
  BcReport *report = bc_edit_session_get_report (self->session);

  authority_changed_cb (report, key, row);
  g_signal_connect (row, "notify::selected", G_CALLBACK (authority_selected_cb), self);
  g_signal_connect_object (report, "value-changed::header/signer_authority",
                           G_CALLBACK (authority_changed_cb), row, 0);
}

/* The period's cut-off rule is the template's. */
static void
describe_period (BcHeaderForm *self)
{
  BcTemplate *template = bc_report_get_template (bc_edit_session_get_report (self->session));
  guint cutoff = bc_template_get_cutoff_day (template);
  g_autofree char *rule = NULL;

  if (bc_template_get_regime (template) == BC_REGIME_ANNUAL && cutoff >= 31)
    rule = g_strdup (_("Annual: the calendar year"));
  else if (bc_template_get_regime (template) == BC_REGIME_ANNUAL)
    rule = g_strdup_printf (_("Annual: from day %u of December of the year before to day %u of "
                              "December; the report may be dated in the last month"),
                            cutoff + 1, cutoff);
  else
    rule = g_strdup_printf (_("Cut-off: from day %u of the previous period to day %u"), cutoff + 1, cutoff);
  adw_preferences_group_set_description (self->period_group, rule);
}

/* An input bound to @key: the signing authority chosen from its list, a
 * field of several lines in a text view, any other in an entry. */
static void
bind_input (BcHeaderForm *self,
            const char   *field,
            const char   *key)
{
  GtkWidget *input = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), BC_TYPE_HEADER_FORM, field));

  if (g_str_equal (key, "header/signer_authority"))
    bind_authority (self, ADW_COMBO_ROW (input), key);
  else if (bc_key_is_multiline (key))
    bc_bind_text_view (GTK_TEXT_VIEW (input), self->inputs, key);
  else
    bc_bind_editable (GTK_EDITABLE (input), self->inputs, key,
                      bc_key_is_date (key) ? BC_FIELD_DATE : BC_FIELD_TEXT);
  g_hash_table_insert (self->fields, g_strdup (key), input);
}

static void
bind_inputs (BcHeaderForm *self)
{
  for (const char * const *field = bc_key_header_fields (); *field; field++)
    {
      g_autofree char *key = bc_key_header (*field);

      bind_input (self, *field, key);
    }
  for (const char * const *field = bc_key_header_meta_fields (); *field; field++)
    {
      g_autofree char *key = bc_key_meta (*field);

      bind_input (self, *field, key);
    }
}

static void
bc_header_form_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_HEADER_FORM);
  G_OBJECT_CLASS (bc_header_form_parent_class)->dispose (object);
}

static void
bc_header_form_finalize (GObject *object)
{
  BcHeaderForm *self = (BcHeaderForm *) object;

  g_hash_table_unref (self->fields);
  G_OBJECT_CLASS (bc_header_form_parent_class)->finalize (object);
}

static void
bc_header_form_class_init (BcHeaderFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_header_form_dispose;
  G_OBJECT_CLASS (klass)->finalize = bc_header_form_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-header-form.ui");
  gtk_widget_class_bind_template_child (widget_class, BcHeaderForm, period_group);
  /* Internal: looked up by field when they are bound. */
  for (const char * const *field = bc_key_header_fields (); *field; field++)
    gtk_widget_class_bind_template_child_full (widget_class, *field, TRUE, 0);
  for (const char * const *field = bc_key_header_meta_fields (); *field; field++)
    gtk_widget_class_bind_template_child_full (widget_class, *field, TRUE, 0);
}

static void
bc_header_form_init (BcHeaderForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * bc_header_form_new:
 * @inputs: the report page's inputs, which the form's inputs join
 *
 * Returns: (transfer floating): the header form of the report edited
 *   through the session of @inputs
 */
GtkWidget *
bc_header_form_new (BcInputRegistry *inputs)
{
  BcHeaderForm *self = g_object_new (BC_TYPE_HEADER_FORM, NULL);

  self->inputs = inputs;
  self->session = bc_input_registry_get_session (inputs);
  describe_period (self);
  bind_inputs (self);
  return GTK_WIDGET (self);
}

/**
 * bc_header_form_get_field:
 *
 * Returns: (transfer none) (nullable): the input of @key, for tests and focus
 */
GtkWidget *
bc_header_form_get_field (BcHeaderForm *self,
                          const char   *key)
{
  g_return_val_if_fail (BC_IS_HEADER_FORM (self), NULL);
  return g_hash_table_lookup (self->fields, key);
}
