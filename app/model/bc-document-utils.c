/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-document"

#include "config.h"

#include <string.h>

#include "bc-document-utils.h"
#include "bc-keys.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-template.h"

static gboolean
ends_with_stop (const char *text)
{
  gsize n = strlen (text);
  return n > 0 && strchr (".;:!?", text[n - 1]) != NULL;
}

/* The date as the section's template writes it: "6/5/2024", "06/5/2024"
 * or "06/05/2024". */
static char *
document_date (BcReport   *report,
               const char *section_id,
               const char *iso)
{
  const BcSection *section = bc_template_find_section (bc_report_get_template (report), section_id);
  const char *style = section && section->date_style ? section->date_style : "d/m/yyyy";
  GDate date;

  if (iso == NULL || !bc_date_parse (iso, &date))
    return g_strdup ("");
  return g_strdup_printf (g_str_equal (style, "dd/mm/yyyy") ? "%02u/%02u/%u"
                          : g_str_equal (style, "dd/m/yyyy") ? "%02u/%u/%u" : "%u/%u/%u",
                          g_date_get_day (&date), g_date_get_month (&date), (guint) g_date_get_year (&date));
}

/* One field of a document item, "" when blank: a field of the key
 * module's list of a document's fields. */
static const char *
document_field (BcReport   *report,
                const char *section_id,
                const char *item_id,
                const char *field)
{
  g_autofree char *key = bc_key_item_field (section_id, item_id, field);

  g_assert (g_strv_contains (bc_key_item_fields (BC_SECTION_DOCUMENTS), field));
  return bc_report_get (report, key);
}

/**
 * bc_document_dup_sentence:
 *
 * The one sentence a document of a list prints as, in the DOCX and in
 * the form: "- Công văn số 5096/UBND-VP ngày 22/4/2024 của UBND tỉnh về
 * việc …". "về việc" goes before a summary that does not already start
 * with "về" ("về triển khai …"); the summary is on one line.
 *
 * Returns: (transfer full): the sentence, whole
 */
char *
bc_document_dup_sentence (BcReport   *report,
                          const char *section_id,
                          const char *item_id)
{
  const char *type, *number, *issuer, *summary;
  g_autofree char *date = NULL;
  g_autofree char *summary_lower = NULL;
  GString *s = g_string_new ("- ");

  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  type = document_field (report, section_id, item_id, "type");
  number = document_field (report, section_id, item_id, "number");
  date = document_date (report, section_id, document_field (report, section_id, item_id, "date"));
  issuer = document_field (report, section_id, item_id, "issuer");
  summary = document_field (report, section_id, item_id, "summary");
  summary_lower = g_utf8_strdown (summary, -1);
  g_string_append (s, *type ? type : "Văn bản");
  if (*number)
    g_string_append_printf (s, " số %s", number);
  if (*date)
    g_string_append_printf (s, " ngày %s", date);
  if (*issuer)
    g_string_append_printf (s, " của %s", issuer);
  if (*summary)
    g_string_append_printf (s, g_str_has_prefix (summary_lower, "về ") ? " %s" : " về việc %s", summary);
  if (!ends_with_stop (s->str))
    g_string_append_c (s, '.');
  return g_strdelimit (g_string_free (s, FALSE), "\n", ' ');
}

/**
 * bc_document_dup_identity:
 * @date: the ISO date, or ""
 *
 * What makes two documents one: the same number, however it was spaced
 * or cased, with the same date; a document without a number is its
 * summary.
 *
 * Returns: (transfer full): "number|date", folded
 */
char *
bc_document_dup_identity (const char *number,
                          const char *summary,
                          const char *date)
{
  g_autofree char *folded = g_utf8_casefold (number && *number ? number : summary ? summary : "", -1);
  g_autoptr(GString) id = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (id, g_utf8_get_char (p));
  g_string_append_printf (id, "|%s", date ? date : "");
  return g_string_free (g_steal_pointer (&id), FALSE);
}
