/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-period.h"
#include "bc-ui-utils.h"

/**
 * bc_ui_status_label:
 * @status: a report status as stored ("draft", "submitted", …)
 *
 * Returns: (transfer none): the status as the user reads it
 */
const char *
bc_ui_status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    /* Translators: the status of a report */
    return C_("status", "Draft");
  if (g_strcmp0 (status, "submitted") == 0)
    /* Translators: the status of a report: sent to the reviewer */
    return C_("status", "Submitted");
  if (g_strcmp0 (status, "returned") == 0)
    /* Translators: the status of a report: sent back by the reviewer for changes */
    return C_("status", "Returned");
  if (g_strcmp0 (status, "approved") == 0)
    /* Translators: the status of a report */
    return C_("status", "Approved");
  return status ? status : "";
}

/**
 * bc_ui_format_period:
 *
 * Returns: (transfer full): "dd/mm/yyyy – dd/mm/yyyy"
 */
char *
bc_ui_format_period (const char *from_iso,
                     const char *to_iso)
{
  g_autofree char *from = bc_date_to_display (from_iso);
  g_autofree char *to = bc_date_to_display (to_iso);

  /* Translators: a reporting period, from the first to the last day */
  return g_strdup_printf (_("%s – %s"), from, to);
}

/**
 * bc_ui_format_timestamp:
 * @iso_utc: an ISO 8601 time stamp, as the store writes them
 *
 * Returns: (transfer full): the local date and time, "dd/mm/yyyy HH:MM",
 *   or a copy of @iso_utc when it cannot be read
 */
char *
bc_ui_format_timestamp (const char *iso_utc)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso_utc == NULL || *iso_utc == '\0')
    return g_strdup ("");
  when = g_date_time_new_from_iso8601 (iso_utc, utc);
  if (when == NULL)
    return g_strdup (iso_utc);
  local = g_date_time_to_local (when);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

/**
 * bc_ui_section_kind_label:
 *
 * Returns: (transfer none): what a section of @kind holds
 */
const char *
bc_ui_section_kind_label (BcSectionKind kind)
{
  switch (kind)
    {
    case BC_SECTION_GROUP:
      return _("Group of sections");
    case BC_SECTION_NARRATIVE:
      return _("Narrative paragraphs");
    case BC_SECTION_DOCUMENTS:
      return _("Directive documents");
    case BC_SECTION_FIGURES:
      return _("Key figures");
    case BC_SECTION_TASKS:
      return _("Tasks");
    default:
      return "";
    }
}

/**
 * bc_ui_section_kind_icon:
 *
 * Returns: (transfer none): the name of a symbolic icon for @kind
 */
const char *
bc_ui_section_kind_icon (BcSectionKind kind)
{
  switch (kind)
    {
    case BC_SECTION_GROUP:
      return "view-list-symbolic";
    case BC_SECTION_NARRATIVE:
      return "format-justify-left-symbolic";
    case BC_SECTION_DOCUMENTS:
      return "folder-documents-symbolic";
    case BC_SECTION_FIGURES:
      return "x-office-spreadsheet-symbolic";
    case BC_SECTION_TASKS:
      return "object-select-symbolic";
    default:
      return "text-x-generic-symbolic";
    }
}

/**
 * bc_ui_header_field_label:
 * @field: a field of the report header, see bc_report_header_fields()
 *
 * Returns: (transfer none): the field's name as the user reads it
 */
const char *
bc_ui_header_field_label (const char *field)
{
  static const struct
  {
    const char *field;
    const char *label;
  } labels[] = {
    /* Translators: the body above the issuing body in a document header */
    { "supervising_body", N_("Supervising body") },
    { "issuing_body", N_("Issuing body") },
    /* Translators: the document number, e.g. "254" of "254/BC-TCTĐA06" */
    { "number", N_("Number") },
    /* Translators: the document symbol, e.g. "BC-TCTĐA06" of "254/BC-TCTĐA06" */
    { "symbol", N_("Symbol") },
    /* Translators: the place a document is issued at */
    { "place", N_("Place") },
    /* Translators: the date a document is issued on */
    { "date", N_("Date") },
    { "doc_type", N_("Document type") },
    /* Translators: the summary title of a document */
    { "summary", N_("Summary") },
    /* Translators: the addressees of a report ("Kính gửi") */
    { "recipients", N_("Recipients") },
    { "legal_basis", N_("Legal basis") },
    /* Translators: the distribution list of a document ("Nơi nhận") */
    { "cc", N_("Copies to") },
    /* Translators: the signing authority of a document, e.g. "TM." or "KT." */
    { "signer_authority", N_("Signing authority") },
    { "signer_authority_title", N_("Authority title") },
    { "signer_title", N_("Signer’s title") },
    { "signer_name", N_("Signer’s name") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return _(labels[i].label);
  return field;
}

/**
 * bc_ui_settings_new:
 *
 * The settings are used only where the schema is installed: an
 * uninstalled run or a test may have none, and GSettings aborts on a
 * missing schema.
 *
 * Returns: (transfer full) (nullable): the application's settings, or %NULL
 */
GSettings *
bc_ui_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}
