/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bc-number.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store.h"
#include "bc-template.h"
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
    /* Translators: the paragraph that ends a report, "Trên đây là báo cáo …" */
    { "closing", N_("Closing paragraph") },
    /* Translators: the distribution list of a document ("Nơi nhận") */
    { "cc", N_("Copies to") },
    /* Translators: the signing authority of a document, e.g. "TM." or "KT." */
    { "signer_authority", N_("Signing authority") },
    /* Translators: the collective a signer signs for, "TM. <body>" */
    { "signer_body", N_("Collective body") },
    { "signer_authority_title", N_("Authority title") },
    { "signer_title", N_("Signer’s title") },
    /* Translators: the title printed under the signing space, above the name */
    { "signer_title2", N_("Title under the signature") },
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

/* Value keys described for people: "tbl/dvc25/18/overdue" becomes
 * "Phụ lục II · 18. Đăng ký thuế lần đầu, … · Quá hạn". Template text is
 * Vietnamese and shown as it is; our own words are translated. */

#define SHORT_LABEL_CHARS 40

/* Cuts @text at a word boundary before @max characters, with "…". */
static char *
shorten (const char *text,
         guint       max)
{
  const char *end, *space = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= (glong) max)
    return g_strdup (text);
  end = g_utf8_offset_to_pointer (text, max);
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if (*p == ' ')
      space = p;
  out = g_string_new_len (text, (space != NULL && space - text > (gssize) max / 2 ? space : end) - text);
  while (out->len > 0 && strchr (" ,;:.-–", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* The section's number and heading as this report has them. */
static char *
section_title (BcReport *report, const BcSection *section)
{
  g_autofree char *number = bc_report_dup_section_text (report, section, "number");
  g_autofree char *full = bc_report_dup_section_text (report, section, "title");
  g_autofree char *title = shorten (full, SHORT_LABEL_CHARS);

  if (*number == '\0')
    return g_steal_pointer (&title);
  return g_strdup_printf ("%s %s", number, title);
}

static const char *
item_field_label (const char *field)
{
  static const struct
  {
    const char *field;
    const char *label;
  } labels[] = {
    /* Translators: the indentation level of a paragraph: paragraph, bullet, sub-bullet */
    { "level", N_("Level") },
    /* Translators: the kind of a directive document, e.g. "Công văn" */
    { "type", N_("Type") },
    { "number", N_("Number and symbol") },
    { "date", N_("Date") },
    { "issuer", N_("Issued by") },
    /* Translators: what a directive document is about ("về việc …") */
    { "summary", N_("About") },
    { "lead", N_("Lead agency") },
    { "cooperating", N_("Cooperating agencies") },
    { "deadline", N_("Deadline") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return _(labels[i].label);
  return field;
}

/* "Paragraph 2", "Document 1", "Task 3": the item's place in its list. */
static char *
item_label (BcReport        *report,
            const BcSection *section,
            const char      *item)
{
  g_auto(GStrv) order = bc_report_get_list_order (report, section->id);
  guint position = 0;

  for (guint i = 0; order != NULL && order[i] != NULL; i++)
    if (g_str_equal (order[i], item))
      position = i + 1;
  if (position == 0)
    {
      /* Translators: an item of a list that is no longer in the report */
      return g_strdup (section->kind == BC_SECTION_DOCUMENTS ? _("Removed document")
                       : section->kind == BC_SECTION_TASKS ? _("Removed task")
                       : _("Removed paragraph"));
    }
  if (section->kind == BC_SECTION_DOCUMENTS)
    return g_strdup_printf (_("Document %u"), position);
  if (section->kind == BC_SECTION_TASKS)
    return g_strdup_printf (_("Task %u"), position);
  return g_strdup_printf (_("Paragraph %u"), position);
}

static const char *
section_part_label (const char *part)
{
  if (g_str_equal (part, "number"))
    return _("Number of the heading");
  if (g_str_equal (part, "title"))
    return _("Heading");
  if (g_str_equal (part, "intro"))
    return _("Intro sentence");
  if (g_str_equal (part, "omit"))
    /* Translators: whether a section is printed in this report or left out */
    return _("In this report");
  if (g_str_equal (part, "before"))
    return _("Paragraphs before the list");
  return _("Paragraphs after the list");
}

static char *
describe_section_key (BcReport *report, char **parts, guint n)
{
  const BcSection *section = bc_template_find_section (bc_report_get_template (report), parts[1]);
  g_autofree char *title = NULL;
  g_autofree char *item = NULL;

  if (section == NULL)
    return NULL;
  title = section_title (report, section);
  if (n == 2)
    return g_steal_pointer (&title);
  if (n == 3 && g_str_equal (parts[2], "order"))
    return g_strdup_printf ("%s · %s", title, section->kind == BC_SECTION_DOCUMENTS ? _("Order of the documents")
                            : section->kind == BC_SECTION_TASKS ? _("Order of the tasks")
                            : _("Order of the paragraphs"));
  if (n == 3 && g_strv_contains (bc_report_section_parts (), parts[2]))
    return g_strdup_printf ("%s · %s", title, section_part_label (parts[2]));
  item = item_label (report, section, parts[2]);
  /* A paragraph's text is the paragraph itself. */
  if (n == 3 || g_str_equal (parts[3], "text") || g_str_equal (parts[3], "content"))
    return g_strdup_printf ("%s · %s", title, item);
  return g_strdup_printf ("%s · %s · %s", title, item, item_field_label (parts[3]));
}

static char *
describe_table_key (BcReport *report, char **parts, guint n)
{
  const BcTableDef *table = bc_template_find_table (bc_report_get_template (report), parts[1]);
  const BcRow *row;
  const BcColumn *column;
  g_autofree char *label = NULL;
  g_autofree char *row_text = NULL;

  if (table == NULL)
    return NULL;
  if (n == 2)
    return g_strdup (table->title);
  if ((row = bc_table_def_find_row (table, parts[2])) == NULL)
    return NULL;
  label = shorten (row->label, SHORT_LABEL_CHARS);
  row_text = *row->number ? g_strdup_printf ("%s. %s", row->number, label) : g_strdup (label);
  if (n == 3)
    return g_strdup_printf ("%s · %s", table->title, row_text);
  if (g_str_equal (parts[3], "note"))
    return g_strdup_printf ("%s · %s · %s", table->title, row_text, _("Note"));
  if (g_str_equal (parts[3], "applies"))
    return g_strdup_printf ("%s · %s · %s", table->title, row_text, _("Applies to this unit"));
  if ((column = bc_table_def_find_column (table, parts[3])) == NULL)
    return NULL;
  return g_strdup_printf ("%s · %s · %s", table->title, row_text, column->label);
}

static char *
describe_figure_key (BcReport *report, char **parts, guint n)
{
  const BcFigure *figure = bc_template_find_figure (bc_report_get_template (report), parts[1], NULL);

  if (figure == NULL)
    return NULL;
  if (n == 2)
    return g_strdup (figure->label);
  if (figure->denominator != NULL)
    return g_strdup_printf ("%s · %s", figure->label, figure->denominator);
  /* Translators: the denominator of a key figure, e.g. the target it is measured against */
  return g_strdup_printf (_("%s (denominator)"), figure->label);
}

static char *
describe_meta_key (const char *field)
{
  if (g_str_equal (field, "unit"))
    /* Translators: the reporting unit, e.g. a province */
    return g_strdup (_("Unit"));
  if (g_str_equal (field, "period_from"))
    return g_strdup (_("Start of the period"));
  if (g_str_equal (field, "period_to"))
    return g_strdup (_("End of the period"));
  if (g_str_equal (field, "status"))
    return g_strdup (_("Status"));
  return NULL;
}

/* "expl/<rule>@<location>#<tag>": the finding's field, then what it is. */
static char *
describe_explanation_key (BcReport *report, const char *id)
{
  const char *at = strchr (id, '@');
  g_autofree char *location = NULL;
  g_autofree char *where = NULL;

  if (at != NULL)
    {
      location = g_strdup (at + 1);
      location[strcspn (location, "#")] = '\0';
    }
  if (location != NULL && *location != '\0' && !g_str_has_prefix (location, "expl/"))
    where = bc_ui_describe_key (report, location);
  if (where == NULL || g_str_equal (where, location))
    return g_strdup (_("Explanation of a finding"));
  return g_strdup_printf ("%s · %s", where, _("Explanation of a finding"));
}

/**
 * bc_ui_describe_key:
 * @report: the report @key belongs to; its template copy names the parts
 * @key: (nullable): a value key, or a comment target (see bc-review.h)
 *
 * Returns: (transfer full): what @key is, as the user reads it: "Phụ lục
 *   II · 18. Đăng ký thuế lần đầu… · Quá hạn"; "Whole report" for %NULL
 *   or ""; @key itself when it names nothing of @report
 */
char *
bc_ui_describe_key (BcReport   *report,
                    const char *key)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *text = NULL;
  guint n;

  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  if (key == NULL || *key == '\0')
    return g_strdup (_("Whole report"));
  if (g_str_has_prefix (key, "expl/"))
    return describe_explanation_key (report, key + 5);
  parts = g_strsplit (key, "/", 5);
  n = g_strv_length (parts);
  if (n == 2 && g_str_equal (parts[0], "header"))
    text = g_strdup_printf ("%s · %s", _("Header"), bc_ui_header_field_label (parts[1]));
  else if (n == 2 && g_str_equal (parts[0], "meta"))
    text = describe_meta_key (parts[1]);
  else if ((n == 2 || n == 3) && g_str_equal (parts[0], "fig"))
    text = describe_figure_key (report, parts, n);
  else if (n >= 2 && n <= 4 && g_str_equal (parts[0], "sec"))
    text = describe_section_key (report, parts, n);
  else if (n >= 2 && n <= 4 && g_str_equal (parts[0], "tbl"))
    text = describe_table_key (report, parts, n);
  return text != NULL ? g_steal_pointer (&text) : g_strdup (key);
}

typedef enum
{
  VALUE_TEXT,
  VALUE_COUNT,
  VALUE_DATE,
} ValueKind;

static ValueKind
value_kind (BcReport *report, char **parts, guint n)
{
  if (g_str_equal (parts[0], "fig"))
    return VALUE_COUNT;
  if ((g_str_equal (parts[0], "header") && n == 2 && g_str_equal (parts[1], "date"))
      || (g_str_equal (parts[0], "meta") && n == 2 && g_str_has_prefix (parts[1], "period_"))
      || (g_str_equal (parts[0], "sec") && n == 4 && g_str_equal (parts[3], "date")))
    return VALUE_DATE;
  if (g_str_equal (parts[0], "tbl") && n == 4)
    {
      const BcTableDef *table = bc_template_find_table (bc_report_get_template (report), parts[1]);
      const BcColumn *column = table ? bc_table_def_find_column (table, parts[3]) : NULL;

      if (column != NULL && column->type == BC_COLUMN_INTEGER)
        return VALUE_COUNT;
    }
  return VALUE_TEXT;
}

/* Values that are codes: a paragraph's level, whether a row applies, a status. */
static const char *
describe_code (char **parts, guint n, const char *value)
{
  if (g_str_equal (parts[0], "sec") && n == 4 && g_str_equal (parts[3], "level"))
    {
      if (g_str_equal (value, "0"))
        return _("Paragraph");
      if (g_str_equal (value, "1") || g_str_equal (value, "-"))
        return _("Bullet");
      if (g_str_equal (value, "2") || g_str_equal (value, "+"))
        return _("Sub-bullet");
    }
  if (g_str_equal (parts[0], "sec") && n == 3 && g_str_equal (parts[2], "omit"))
    return g_str_equal (value, "1") ? _("Left out") : _("Printed");
  if (g_str_equal (parts[0], "tbl") && n == 4 && g_str_equal (parts[3], "applies"))
    return g_str_equal (value, "0") ? _("Does not apply") : _("Applies");
  if (g_str_equal (parts[0], "meta") && n == 2 && g_str_equal (parts[1], "status"))
    return bc_ui_status_label (value);
  return NULL;
}

/**
 * bc_ui_describe_value:
 * @key: the value key @value is stored under
 * @value: (nullable): a stored value
 *
 * Returns: (transfer full): @value as the forms show it: counts
 *   "1.234.567", dates "dd/mm/yyyy", levels and statuses in words, "—"
 *   when empty
 */
char *
bc_ui_describe_value (BcReport   *report,
                      const char *key,
                      const char *value)
{
  g_auto(GStrv) parts = NULL;
  const char *code;
  guint n;

  g_return_val_if_fail (BC_IS_REPORT (report), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (value == NULL || *value == '\0')
    return g_strdup ("—");
  parts = g_strsplit (key, "/", 5);
  n = g_strv_length (parts);
  if (n < 2)
    return g_strdup (value);
  if ((code = describe_code (parts, n, value)) != NULL)
    return g_strdup (code);
  switch (value_kind (report, parts, n))
    {
    case VALUE_COUNT:
      {
        gint64 count;
        if (bc_parse_count (value, G_MAXINT64, &count, NULL))
          return bc_format_int (count);
        return g_strdup (value);
      }
    case VALUE_DATE:
      return bc_date_to_display (value);
    case VALUE_TEXT:
    default:
      if (g_str_equal (parts[0], "sec") && n == 3 && g_str_equal (parts[2], "order"))
        {
          g_auto(GStrv) ids = g_strsplit (value, ",", -1);
          guint count = g_strv_length (ids);
          return g_strdup_printf (ngettext ("%u item", "%u items", count), count);
        }
      return g_strdup (value);
    }
}

/**
 * bc_ui_role_label:
 * @role: (nullable): %BC_ROLE_CLERK, %BC_ROLE_REVIEWER, or "" when not recorded
 *
 * Returns: (transfer none): the role as the user reads it; "" when unknown
 */
const char *
bc_ui_role_label (const char *role)
{
  if (g_strcmp0 (role, BC_ROLE_CLERK) == 0)
    /* Translators: the role of the person who writes a report */
    return C_("role", "Clerk");
  if (g_strcmp0 (role, BC_ROLE_REVIEWER) == 0)
    /* Translators: the role of the person who corrects and approves a report */
    return C_("role", "Reviewer");
  return "";
}

/**
 * bc_ui_describe_diff:
 * @diff: a change, from bc_store_list_changes_by_others() or bc_diff_reports()
 *
 * Returns: (transfer full): "Quá hạn: 12 → 15", then who changed it and
 *   when, if known: a tooltip for a changed field
 */
char *
bc_ui_describe_diff (BcReport     *report,
                     const BcDiff *diff)
{
  g_autofree char *old_text = bc_ui_describe_value (report, diff->key, diff->old_value);
  g_autofree char *new_text = bc_ui_describe_value (report, diff->key, diff->new_value);
  g_autofree char *who = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  /* Translators: a value that changed, "old → new" */
  what = g_strdup_printf (_("%s → %s"), old_text, new_text);
  who = bc_ui_describe_author (diff->actor, diff->role, diff->at);
  if (*who == '\0')
    return g_steal_pointer (&what);
  return g_strdup_printf ("%s\n%s", what, who);
}

/**
 * bc_ui_describe_author:
 * @name: (nullable): who
 * @role: (nullable): in which role
 * @at: (nullable): when, as the store writes time stamps
 *
 * Returns: (transfer full): "Trần Thị B (Reviewer) · 24/05/2024 10:30", or
 *   the parts known
 */
char *
bc_ui_describe_author (const char *name,
                       const char *role,
                       const char *at)
{
  g_autoptr(GString) out = g_string_new (name);
  g_autofree char *when = bc_ui_format_timestamp (at);
  const char *role_text = bc_ui_role_label (role);

  if (*role_text != '\0' && out->len > 0)
    g_string_append_printf (out, " (%s)", role_text);
  if (*when != '\0')
    g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", when);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Where a key is in the report, as numbers to compare: header, sections
 * in template order (items in list order, fields in form order, figures
 * in section order), tables (rows, then columns), explanations. */
#define RANK_LEN 5

static int
index_in (const char * const *list, const char *item)
{
  for (int i = 0; list != NULL && list[i] != NULL; i++)
    if (g_str_equal (list[i], item))
      return i;
  return 999;
}

static gboolean
find_section_rank (GPtrArray *sections, const BcSection *wanted, int *counter)
{
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      const BcSection *section = sections->pdata[i];

      (*counter)++;
      if (section == wanted || find_section_rank (section->children, wanted, counter))
        return TRUE;
    }
  return FALSE;
}

static int
section_rank (BcTemplate *template, const BcSection *section)
{
  int counter = 0;

  if (section == NULL || !find_section_rank (bc_template_get_sections (template), section, &counter))
    return 9999;
  return counter;
}

static void
rank_section_key (BcReport *report, char **parts, guint n, int *rank)
{
  BcTemplate *template = bc_report_get_template (report);
  const BcSection *section = bc_template_find_section (template, parts[1]);

  rank[1] = section_rank (template, section);
  if (section == NULL || n < 3)
    return;
  rank[2] = 1;
  rank[3] = index_in (bc_report_section_parts (), parts[2]);
  if (rank[3] != 999)
    return;
  rank[2] = 2;
  {
    g_auto(GStrv) order = bc_report_get_list_order (report, section->id);
    rank[3] = index_in ((const char * const *) order, parts[2]);
  }
  if (n == 4)
    rank[4] = index_in (bc_report_item_fields (section->kind), parts[3]);
}

static void
rank_figure_key (BcReport *report, char **parts, guint n, int *rank)
{
  const BcSection *section = NULL;
  const BcFigure *figure = bc_template_find_figure (bc_report_get_template (report), parts[1], &section);

  rank[1] = section_rank (bc_report_get_template (report), section);
  rank[2] = 3;
  for (guint i = 0; figure != NULL && section->figures != NULL && i < section->figures->len; i++)
    if (section->figures->pdata[i] == figure)
      rank[3] = (int) i;
  rank[4] = n == 3;
}

static void
rank_table_key (BcReport *report, char **parts, guint n, int *rank)
{
  GPtrArray *tables = bc_template_get_tables (bc_report_get_template (report));
  const BcTableDef *table = NULL;

  for (guint i = 0; i < tables->len; i++)
    if (g_str_equal (((BcTableDef *) tables->pdata[i])->id, parts[1]))
      {
        table = tables->pdata[i];
        rank[1] = (int) i;
      }
  if (table == NULL || n < 3)
    return;
  for (guint i = 0; i < table->rows->len; i++)
    if (g_str_equal (((BcRow *) table->rows->pdata[i])->key, parts[2]))
      rank[2] = 1 + (int) i;
  if (n < 4)
    return;
  rank[3] = (int) table->columns->len + 1;
  if (g_str_equal (parts[3], "applies"))
    rank[3] = 0;
  for (guint i = 0; i < table->columns->len; i++)
    if (g_str_equal (((BcColumn *) table->columns->pdata[i])->id, parts[3]))
      rank[3] = 1 + (int) i;
}

static void
key_rank (BcReport *report, const char *key, int *rank)
{
  g_auto(GStrv) parts = g_strsplit (key ? key : "", "/", 5);
  guint n = g_strv_length (parts);

  memset (rank, 0, RANK_LEN * sizeof (int));
  if (n == 0 || *key == '\0')
    return;
  if (g_str_equal (parts[0], "meta"))
    rank[0] = 1;
  else if (g_str_equal (parts[0], "header") && n == 2)
    {
      rank[0] = 2;
      rank[1] = index_in (bc_report_header_fields (), parts[1]);
    }
  else if (g_str_equal (parts[0], "sec") && n >= 2)
    {
      rank[0] = 3;
      rank_section_key (report, parts, n, rank);
    }
  else if (g_str_equal (parts[0], "fig") && n >= 2)
    {
      rank[0] = 3;
      rank_figure_key (report, parts, n, rank);
    }
  else if (g_str_equal (parts[0], "tbl") && n >= 2)
    {
      rank[0] = 4;
      rank_table_key (report, parts, n, rank);
    }
  else
    rank[0] = 5;
}

/**
 * bc_ui_compare_keys:
 * @a: (nullable): a value key or comment target; %NULL or "" is the whole report
 * @b: (nullable): another
 *
 * Orders keys as the report shows them: the whole report, the header,
 * the sections (their figures and items in order), the tables row by row,
 * explanations last.
 *
 * Returns: <0, 0 or >0 as @a comes before, with or after @b
 */
int
bc_ui_compare_keys (BcReport   *report,
                    const char *a,
                    const char *b)
{
  int rank_a[RANK_LEN], rank_b[RANK_LEN];

  g_return_val_if_fail (BC_IS_REPORT (report), 0);

  key_rank (report, a, rank_a);
  key_rank (report, b, rank_b);
  for (guint i = 0; i < RANK_LEN; i++)
    if (rank_a[i] != rank_b[i])
      return rank_a[i] < rank_b[i] ? -1 : 1;
  return g_strcmp0 (a, b);
}

/**
 * bc_ui_describe_part:
 * @key: (nullable): a value key or comment target
 *
 * Returns: (transfer full): the part of the report @key is in, as a
 *   heading: "Header", a section, a table, or "Whole report"
 */
char *
bc_ui_describe_part (BcReport   *report,
                     const char *key)
{
  BcTemplate *template;
  g_auto(GStrv) parts = NULL;
  const BcSection *section = NULL;
  const BcTableDef *table;

  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  template = bc_report_get_template (report);
  parts = g_strsplit (key ? key : "", "/", 3);
  if (parts[0] == NULL || parts[1] == NULL)
    return g_strdup (_("Whole report"));
  if (g_str_equal (parts[0], "header") || g_str_equal (parts[0], "meta"))
    return g_strdup (_("Header"));
  if (g_str_equal (parts[0], "expl"))
    return g_strdup (_("Explanations of findings"));
  if (g_str_equal (parts[0], "sec"))
    section = bc_template_find_section (template, parts[1]);
  else if (g_str_equal (parts[0], "fig"))
    bc_template_find_figure (template, parts[1], &section);
  else if (g_str_equal (parts[0], "tbl") && (table = bc_template_find_table (template, parts[1])) != NULL)
    return g_strdup (table->title);
  if (section != NULL)
    return section_title (report, section);
  return g_strdup (_("Whole report"));
}

/**
 * bc_ui_account_name:
 *
 * Returns: (transfer full): the name stamped on changes when the user set
 *   none: the account's full name, else its login (as a new store does)
 */
char *
bc_ui_account_name (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return g_strdup (name);
}

/**
 * bc_ui_set_user:
 * @store: (nullable): a store already open, e.g. the window's
 * @name: (nullable): the user's name as typed; empty: the account's name
 * @role: (nullable): %BC_ROLE_CLERK or %BC_ROLE_REVIEWER; %NULL: clerk
 *
 * Stamps @name and @role on the changes and comments made from now on,
 * through @store and every store opened later (an edit session's writer
 * opens its own).
 */
void
bc_ui_set_user (BcStore    *store,
                const char *name,
                const char *role)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *account = bc_ui_account_name ();

  g_return_if_fail (store == NULL || BC_IS_STORE (store));

  if (!bc_store_role_is_valid (role))
    role = BC_ROLE_CLERK;
  bc_store_set_default_actor (*stripped ? stripped : NULL, role);
  if (store == NULL)
    return;
  bc_store_set_actor (store, *stripped ? stripped : account);
  bc_store_set_role (store, role);
}

/**
 * bc_ui_load_user:
 * @store: (nullable): a store already open
 *
 * Applies the name and role saved in the preferences (bc_ui_set_user());
 * nothing when there are no settings.
 */
void
bc_ui_load_user (BcStore *store)
{
  g_autoptr(GSettings) settings = bc_ui_settings_new ();
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;

  if (settings == NULL)
    return;
  name = g_settings_get_string (settings, "user-name");
  role = g_settings_get_string (settings, "user-role");
  bc_ui_set_user (store, name, role);
}

/**
 * bc_ui_set_tooltip:
 * @text: (nullable): the tooltip, or %NULL for none
 *
 * Sets @widget's tooltip when it differs. GTK asks the display server
 * where the pointer is each time a tooltip is set on a visible widget:
 * a round trip that, repeated over the cells of a table, costs more than
 * building them.
 */
void
bc_ui_set_tooltip (GtkWidget  *widget,
                   const char *text)
{
  const char *current = gtk_widget_get_tooltip_text (widget);

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (current, text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  /* Called at every opening: the menu is made the first time only. */
  if (gtk_menu_button_get_menu_model (button) != user_data)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
}

/**
 * bc_ui_set_menu_lazily:
 *
 * Gives @button the menu @model, built when it is first opened: a menu
 * builds all its items as soon as it is set, and a window has three.
 */
void
bc_ui_set_menu_lazily (GtkMenuButton *button,
                       GMenuModel    *model)
{
  gtk_menu_button_set_create_popup_func (button, create_menu_cb,
                                         g_object_ref (model), g_object_unref);
}
