/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-header-form"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-form-utils.h"
#include "bc-header-form.h"
#include "bc-report.h"
#include "bc-template.h"

/* The Decree 30 header of a report: who issues it, its number and date,
 * what it is about, for which period, to whom, and who signs. */
struct _BcHeaderForm
{
  AdwBin         parent_instance;

  /* borrowed */
  BcEditSession *session;
  /* owned */
  GHashTable    *fields;    /* key -> widget */
};

G_DEFINE_FINAL_TYPE (BcHeaderForm, bc_header_form, ADW_TYPE_BIN)

typedef enum { ROW_ENTRY, ROW_DATE, ROW_LINES, ROW_AUTHORITY } RowKind;

typedef struct
{
  const char *key;
  const char *label;
  RowKind     kind;
  const char *hint;
} Field;

typedef struct
{
  const char  *title;
  const char  *description;
  const Field *fields;
} Group;

static const Field issuer_fields[] = {
  { "header/supervising_body", N_("Supervising body"), ROW_ENTRY, NULL },
  { "header/issuing_body", N_("Issuing body"), ROW_ENTRY, NULL },
  { NULL }
};

static const Field number_fields[] = {
  { "header/number", N_("Number"), ROW_ENTRY, NULL },
  { "header/symbol", N_("Symbol"), ROW_ENTRY, NULL },
  { "header/place", N_("Place"), ROW_ENTRY, NULL },
  { "header/date", N_("Date (dd/mm/yyyy)"), ROW_DATE, NULL },
  { NULL }
};

static const Field title_fields[] = {
  { "header/doc_type", N_("Document type"), ROW_ENTRY, NULL },
  { "header/summary", N_("Summary title"), ROW_LINES, NULL },
  { NULL }
};

static const Field period_fields[] = {
  { "meta/unit", N_("Reporting unit"), ROW_ENTRY, NULL },
  { "meta/period_from", N_("From (dd/mm/yyyy)"), ROW_DATE, NULL },
  { "meta/period_to", N_("To (dd/mm/yyyy)"), ROW_DATE, NULL },
  { NULL }
};

static const Field recipient_fields[] = {
  { "header/recipients", N_("Recipients, one per line"), ROW_LINES, NULL },
  { NULL }
};

static const Field basis_fields[] = {
  { "header/legal_basis", N_("Legal basis"), ROW_LINES, NULL },
  { NULL }
};

static const Field closing_fields[] = {
  { "header/closing", N_("Closing paragraph"), ROW_LINES, NULL },
  { NULL }
};

static const Field cc_fields[] = {
  { "header/cc", N_("Copies to, one per line; the last one “Lưu: VT, …”"), ROW_LINES, NULL },
  { NULL }
};

static const Field signer_fields[] = {
  { "header/signer_authority", N_("Signing authority"), ROW_AUTHORITY, NULL },
  { "header/signer_body", N_("Collective body, printed after “TM.”"), ROW_ENTRY, NULL },
  { "header/signer_authority_title", N_("Title of the head"), ROW_ENTRY, NULL },
  { "header/signer_title", N_("Title of the signer"), ROW_ENTRY, NULL },
  { "header/signer_title2", N_("Title under the signing space"), ROW_ENTRY, NULL },
  { "header/signer_name", N_("Name of the signer"), ROW_ENTRY, NULL },
  { NULL }
};

static const Group groups[] = {
  { N_("Issuing Body"), NULL, issuer_fields },
  { N_("Number and Date"), NULL, number_fields },
  { N_("Title"), NULL, title_fields },
  { N_("Reporting Period"), NULL, period_fields },
  { N_("Recipients (Kính gửi)"), N_("Leave empty when the report is not sent upward"), recipient_fields },
  { N_("Legal Basis"), NULL, basis_fields },
  { N_("Closing"), N_("Printed after the last section, before “Nơi nhận”; it ends with “./.”"), closing_fields },
  { N_("Copies To (Nơi nhận)"), NULL, cc_fields },
  { N_("Signature"), N_("TM. on behalf of a collective, KT. signing for the head, Q. acting, TL./TUQ. by delegation"), signer_fields },
};

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

static GtkWidget *
authority_row_new (BcHeaderForm *self,
                   const Field  *field)
{
  const char *labels[] = {
    _("None"), "TM. (thay mặt)", "KT. (ký thay)", "Q. (quyền)", "TL. (thừa lệnh)", "TUQ. (thừa ủy quyền)", NULL
  };
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  BcReport *report = bc_edit_session_get_report (self->session);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->label));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  authority_changed_cb (report, field->key, row);
  g_signal_connect (row, "notify::selected", G_CALLBACK (authority_selected_cb), self);
  g_signal_connect_object (report, "value-changed::header/signer_authority",
                           G_CALLBACK (authority_changed_cb), row, 0);
  return GTK_WIDGET (row);
}

static GtkWidget *
lines_row_new (BcHeaderForm  *self,
               const Field   *field,
               GtkWidget    **input)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_(field->label));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = bc_text_view_new (_(field->label), 2);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  bc_bind_text_view (GTK_TEXT_VIEW (view), self->session, field->key);
  *input = view;
  return box;
}

static void
build (BcHeaderForm *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  BcReport *report = bc_edit_session_get_report (self->session);
  BcTemplate *template = bc_report_get_template (report);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(groups[g].title));
      if (groups[g].description != NULL)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _(groups[g].description));
      if (groups[g].fields == period_fields)
        {
          g_autofree char *rule = NULL;
          guint cutoff = bc_template_get_cutoff_day (template);

          if (bc_template_get_regime (template) == BC_REGIME_ANNUAL && cutoff >= 31)
            rule = g_strdup (_("Annual: the calendar year"));
          else if (bc_template_get_regime (template) == BC_REGIME_ANNUAL)
            rule = g_strdup_printf (_("Annual: from day %u of December of the year before to day %u of "
                                      "December; the report may be dated in the last month"),
                                    cutoff + 1, cutoff);
          else
            rule = g_strdup_printf (_("Cut-off: from day %u of the previous period to day %u"),
                                    bc_template_get_cutoff_day (template) + 1,
                                    bc_template_get_cutoff_day (template));
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), rule);
        }
      for (const Field *field = groups[g].fields; field->key; field++)
        {
          GtkWidget *row, *input;

          switch (field->kind)
            {
            case ROW_ENTRY:
            case ROW_DATE:
              row = adw_entry_row_new ();
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->label));
              bc_bind_editable (GTK_EDITABLE (row), self->session, field->key,
                                field->kind == ROW_DATE ? BC_FIELD_DATE : BC_FIELD_TEXT);
              input = row;
              break;
            case ROW_AUTHORITY:
              row = input = authority_row_new (self, field);
              break;
            case ROW_LINES:
            default:
              row = lines_row_new (self, field, &input);
              break;
            }
          g_hash_table_insert (self->fields, g_strdup (field->key), input);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }
  adw_bin_set_child (ADW_BIN (self), page);
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
  G_OBJECT_CLASS (klass)->finalize = bc_header_form_finalize;
}

static void
bc_header_form_init (BcHeaderForm *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * bc_header_form_new:
 *
 * Returns: (transfer floating): the header form of the session's report
 */
GtkWidget *
bc_header_form_new (BcEditSession *session)
{
  BcHeaderForm *self = g_object_new (BC_TYPE_HEADER_FORM, NULL);

  self->session = session;
  build (self);
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
