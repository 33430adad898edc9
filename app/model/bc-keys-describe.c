/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-keys"

/* Value keys described for people and put in the order the report reads:
 * the labels of changes, comments and findings, and their sorting. Keys
 * are taken apart by bc-keys.c. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-keys.h"
#include "bc-number.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-template.h"

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
section_title (BcReport        *report,
               const BcSection *section)
{
  g_autofree char *number = bc_report_dup_section_text (report, section, "number");
  g_autofree char *full = bc_report_dup_section_text (report, section, "title");
  g_autofree char *title = shorten (full, SHORT_LABEL_CHARS);

  if (*number == '\0')
    return g_steal_pointer (&title);
  return g_strdup_printf ("%s %s", number, title);
}

/* "Paragraph 2", "Document 1", "Task 3": the item's place in its list. */
static char *
item_label (BcReport        *report,
            const BcSection *section,
            const char      *item)
{
  g_auto(GStrv) order = bc_report_get_list_order (report, section->id);
  gboolean tasks = section->kind == BC_SECTION_TASKS || section->kind == BC_SECTION_FOLLOWUP;
  guint position = 0;

  for (guint i = 0; order != NULL && order[i] != NULL; i++)
    if (g_str_equal (order[i], item))
      position = i + 1;
  if (position == 0)
    {
      /* Translators: an item of a list that is no longer in the report */
      return g_strdup (section->kind == BC_SECTION_DOCUMENTS ? _("Removed document")
                       : tasks ? _("Removed task")
                       : _("Removed paragraph"));
    }
  if (section->kind == BC_SECTION_DOCUMENTS)
    return g_strdup_printf (_("Document %u"), position);
  if (tasks)
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
  if (g_str_equal (part, "plan"))
    /* Translators: a plan follow-up: the plan whose tasks it follows */
    return _("Plan followed");
  return _("Paragraphs after the list");
}

static char *
describe_section_key (BcReport    *report,
                      const BcKey *key)
{
  const BcSection *section = bc_template_find_section (bc_report_get_template (report), key->id);
  g_autofree char *title = NULL;
  g_autofree char *item = NULL;

  if (section == NULL)
    return NULL;
  title = section_title (report, section);
  if (key->kind == BC_KEY_SECTION)
    return g_steal_pointer (&title);
  if (key->kind == BC_KEY_SECTION_PART && g_str_equal (key->sub, "order"))
    return g_strdup_printf ("%s · %s", title, section->kind == BC_SECTION_DOCUMENTS ? _("Order of the documents")
                            : section->kind == BC_SECTION_TASKS || section->kind == BC_SECTION_FOLLOWUP
                            ? _("Order of the tasks")
                            : _("Order of the paragraphs"));
  if (key->kind == BC_KEY_SECTION_PART)
    return g_strdup_printf ("%s · %s", title, section_part_label (key->sub));
  item = item_label (report, section, key->sub);
  /* A paragraph's text is the paragraph itself. */
  if (key->kind == BC_KEY_ITEM || g_str_equal (key->field, "text") || g_str_equal (key->field, "content"))
    return g_strdup_printf ("%s · %s", title, item);
  return g_strdup_printf ("%s · %s · %s", title, item, bc_key_item_field_label (key->field));
}

static char *
describe_table_key (BcReport    *report,
                    const BcKey *key)
{
  const BcTableDef *table = bc_template_find_table (bc_report_get_template (report), key->id);
  const BcRow *row;
  const BcColumn *column;
  g_autofree char *label = NULL;
  g_autofree char *row_text = NULL;

  if (table == NULL)
    return NULL;
  if (key->kind == BC_KEY_TABLE)
    return g_strdup (table->title);
  if ((row = bc_table_def_find_row (table, key->sub)) == NULL)
    return NULL;
  label = shorten (row->label, SHORT_LABEL_CHARS);
  row_text = *row->number ? g_strdup_printf ("%s. %s", row->number, label) : g_strdup (label);
  if (key->kind == BC_KEY_ROW)
    return g_strdup_printf ("%s · %s", table->title, row_text);
  if (g_str_equal (key->field, "note"))
    return g_strdup_printf ("%s · %s · %s", table->title, row_text, _("Note"));
  if (g_str_equal (key->field, "applies"))
    return g_strdup_printf ("%s · %s · %s", table->title, row_text, _("Applies to this unit"));
  if ((column = bc_table_def_find_column (table, key->field)) == NULL)
    return NULL;
  return g_strdup_printf ("%s · %s · %s", table->title, row_text, column->label);
}

static char *
describe_figure_key (BcReport    *report,
                     const BcKey *key)
{
  const BcFigure *figure = bc_template_find_figure (bc_report_get_template (report), key->id, NULL);
  g_autofree char *label = NULL;

  if (figure == NULL)
    return NULL;
  label = bc_report_dup_figure_label (report, figure);
  if (key->n_parts == 2)
    return g_steal_pointer (&label);
  if (figure->denominator != NULL)
    return g_strdup_printf ("%s · %s", label, figure->denominator);
  /* Translators: the denominator of a key figure, e.g. the target it is measured against */
  return g_strdup_printf (_("%s (denominator)"), label);
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
describe_explanation_key (BcReport   *report,
                          const char *id)
{
  const char *at = strchr (id, '@');
  g_autofree char *location = NULL;
  g_autofree char *where = NULL;

  if (at != NULL)
    {
      location = g_strdup (at + 1);
      location[strcspn (location, "#")] = '\0';
    }
  if (location != NULL && *location != '\0' && bc_key_get_kind (location) != BC_KEY_EXPLANATION)
    where = bc_key_describe (report, location);
  if (where == NULL || g_str_equal (where, location))
    return g_strdup (_("Explanation of a finding"));
  return g_strdup_printf ("%s · %s", where, _("Explanation of a finding"));
}

/**
 * bc_key_describe:
 * @report: the report @text belongs to; its template copy names the parts
 * @text: (nullable): a value key, or a comment target (see bc-review.h)
 *
 * Returns: (transfer full): what @text is, as the user reads it: "Phụ lục
 *   II · 18. Đăng ký thuế lần đầu… · Quá hạn"; "Whole report" for %NULL
 *   or ""; @text itself when it names nothing of @report
 */
char *
bc_key_describe (BcReport   *report,
                 const char *text)
{
  g_auto(BcKey) key = BC_KEY_INIT;
  g_autofree char *description = NULL;

  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  switch (bc_key_parse (&key, text))
    {
    case BC_KEY_NONE:
      return g_strdup (_("Whole report"));
    case BC_KEY_EXPLANATION:
      return describe_explanation_key (report, key.id);
    case BC_KEY_HEADER:
      description = g_strdup_printf ("%s · %s", _("Header"), bc_key_header_field_label (key.id));
      break;
    case BC_KEY_META:
      description = describe_meta_key (key.id);
      break;
    case BC_KEY_FIGURE:
    case BC_KEY_FIGURE_DENOMINATOR:
      description = describe_figure_key (report, &key);
      break;
    case BC_KEY_SECTION:
    case BC_KEY_SECTION_PART:
    case BC_KEY_ITEM:
    case BC_KEY_ITEM_FIELD:
      description = describe_section_key (report, &key);
      break;
    case BC_KEY_TABLE:
    case BC_KEY_ROW:
    case BC_KEY_CELL:
      description = describe_table_key (report, &key);
      break;
    case BC_KEY_OTHER:
    default:
      break;
    }
  return description != NULL ? g_steal_pointer (&description) : g_strdup (text);
}

typedef enum
{
  VALUE_TEXT,
  VALUE_COUNT,
  VALUE_DATE,
} ValueKind;

static ValueKind
value_kind (BcReport    *report,
            const char  *text,
            const BcKey *key)
{
  if (key->kind == BC_KEY_FIGURE || key->kind == BC_KEY_FIGURE_DENOMINATOR)
    return VALUE_COUNT;
  if (bc_key_is_date (text))
    return VALUE_DATE;
  if (key->kind == BC_KEY_CELL)
    {
      const BcTableDef *table = bc_template_find_table (bc_report_get_template (report), key->id);
      const BcColumn *column = table ? bc_table_def_find_column (table, key->field) : NULL;

      if (column != NULL && column->type == BC_COLUMN_INTEGER)
        return VALUE_COUNT;
    }
  return VALUE_TEXT;
}

/* Values that are codes: a paragraph's level, whether a row applies, a status. */
static const char *
describe_code (const BcKey *key,
               const char  *value)
{
  if (key->kind == BC_KEY_ITEM_FIELD && g_str_equal (key->field, "level"))
    {
      if (g_str_equal (value, "0"))
        return _("Paragraph");
      if (g_str_equal (value, "1") || g_str_equal (value, "-"))
        return _("Bullet");
      if (g_str_equal (value, "2") || g_str_equal (value, "+"))
        return _("Sub-bullet");
      if (g_str_equal (value, "3"))
        return _("Numbered (1)");
      if (g_str_equal (value, "4"))
        return _("Numbered 1.");
    }
  if (key->kind == BC_KEY_SECTION_PART && g_str_equal (key->sub, "omit"))
    return g_str_equal (value, "1") ? _("Left out") : _("Printed");
  if (key->kind == BC_KEY_CELL && g_str_equal (key->field, "applies"))
    return g_str_equal (value, "0") ? _("Does not apply") : _("Applies");
  if (key->kind == BC_KEY_META && g_str_equal (key->id, "status"))
    return bc_key_status_label (value);
  return NULL;
}

/**
 * bc_key_describe_value:
 * @text: the value key @value is stored under
 * @value: (nullable): a stored value
 *
 * Returns: (transfer full): @value as the forms show it: counts
 *   "1.234.567", dates "dd/mm/yyyy", levels and statuses in words, "—"
 *   when empty
 */
char *
bc_key_describe_value (BcReport   *report,
                       const char *text,
                       const char *value)
{
  g_auto(BcKey) key = BC_KEY_INIT;
  const char *code;

  g_return_val_if_fail (BC_IS_REPORT (report), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (value == NULL || *value == '\0')
    return g_strdup ("—");
  bc_key_parse (&key, text);
  if (key.n_parts < 2)
    return g_strdup (value);
  if ((code = describe_code (&key, value)) != NULL)
    return g_strdup (code);
  switch (value_kind (report, text, &key))
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
      if (key.kind == BC_KEY_SECTION_PART && g_str_equal (key.sub, "order"))
        {
          g_auto(GStrv) ids = g_strsplit (value, ",", -1);
          guint count = g_strv_length (ids);
          return g_strdup_printf (ngettext ("%u item", "%u items", count), count);
        }
      return g_strdup (value);
    }
}

/**
 * bc_key_describe_part:
 * @text: (nullable): a value key or comment target
 *
 * Returns: (transfer full): the part of the report @text is in, as a
 *   heading: "Header", a section, a table, or "Whole report"
 */
char *
bc_key_describe_part (BcReport   *report,
                      const char *text)
{
  BcTemplate *template;
  g_auto(BcKey) key = BC_KEY_INIT;
  const BcSection *section = NULL;
  const BcTableDef *table;

  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  template = bc_report_get_template (report);
  bc_key_parse (&key, text);
  if (key.n_parts < 2)
    return g_strdup (_("Whole report"));
  if (g_str_equal (key.prefix, "header") || g_str_equal (key.prefix, "meta"))
    return g_strdup (_("Header"));
  if (key.kind == BC_KEY_EXPLANATION)
    return g_strdup (_("Explanations of findings"));
  if (g_str_equal (key.prefix, "sec"))
    section = bc_template_find_section (template, key.id);
  else if (g_str_equal (key.prefix, "fig"))
    bc_template_find_figure (template, key.id, &section);
  else if (g_str_equal (key.prefix, "tbl") && (table = bc_template_find_table (template, key.id)) != NULL)
    return g_strdup (table->title);
  if (section != NULL)
    return section_title (report, section);
  return g_strdup (_("Whole report"));
}

/* Where a key is in the report, as numbers to compare: header, sections
 * in template order (items in list order, fields in form order, figures
 * in section order), tables (rows, then columns), explanations. */
#define RANK_LEN 5

static int
index_in (const char * const *list,
          const char         *item)
{
  for (int i = 0; list != NULL && list[i] != NULL; i++)
    if (g_str_equal (list[i], item))
      return i;
  return 999;
}

static gboolean
find_section_rank (GPtrArray       *sections,
                   const BcSection *wanted,
                   int             *counter)
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
section_rank (BcTemplate      *template,
              const BcSection *section)
{
  int counter = 0;

  if (section == NULL || !find_section_rank (bc_template_get_sections (template), section, &counter))
    return 9999;
  return counter;
}

static void
rank_section_key (BcReport    *report,
                  const BcKey *key,
                  int         *rank)
{
  BcTemplate *template = bc_report_get_template (report);
  const BcSection *section = bc_template_find_section (template, key->id);

  rank[1] = section_rank (template, section);
  if (section == NULL || key->n_parts < 3)
    return;
  rank[2] = 1;
  rank[3] = index_in (bc_key_section_parts (), key->sub);
  if (rank[3] != 999)
    return;
  rank[2] = 2;
  {
    g_auto(GStrv) order = bc_report_get_list_order (report, section->id);
    rank[3] = index_in ((const char * const *) order, key->sub);
  }
  if (key->n_parts == 4)
    rank[4] = index_in (bc_key_item_fields (section->kind), key->field);
}

static void
rank_figure_key (BcReport    *report,
                 const BcKey *key,
                 int         *rank)
{
  const BcSection *section = NULL;
  const BcFigure *figure = bc_template_find_figure (bc_report_get_template (report), key->id, &section);

  rank[1] = section_rank (bc_report_get_template (report), section);
  rank[2] = 3;
  for (guint i = 0; figure != NULL && section->figures != NULL && i < section->figures->len; i++)
    if (section->figures->pdata[i] == figure)
      rank[3] = (int) i;
  rank[4] = key->n_parts == 3;
}

static void
rank_table_key (BcReport    *report,
                const BcKey *key,
                int         *rank)
{
  GPtrArray *tables = bc_template_get_tables (bc_report_get_template (report));
  const BcTableDef *table = NULL;

  for (guint i = 0; i < tables->len; i++)
    if (g_str_equal (((BcTableDef *) tables->pdata[i])->id, key->id))
      {
        table = tables->pdata[i];
        rank[1] = (int) i;
      }
  if (table == NULL || key->n_parts < 3)
    return;
  for (guint i = 0; i < table->rows->len; i++)
    if (g_str_equal (((BcRow *) table->rows->pdata[i])->key, key->sub))
      rank[2] = 1 + (int) i;
  if (key->n_parts < 4)
    return;
  rank[3] = (int) table->columns->len + 1;
  if (g_str_equal (key->field, "applies"))
    rank[3] = 0;
  for (guint i = 0; i < table->columns->len; i++)
    if (g_str_equal (((BcColumn *) table->columns->pdata[i])->id, key->field))
      rank[3] = 1 + (int) i;
}

static void
key_rank (BcReport   *report,
          const char *text,
          int        *rank)
{
  g_auto(BcKey) key = BC_KEY_INIT;

  memset (rank, 0, RANK_LEN * sizeof (int));
  if (bc_key_parse (&key, text) == BC_KEY_NONE)
    return;
  if (g_str_equal (key.prefix, "meta"))
    rank[0] = 1;
  else if (key.kind == BC_KEY_HEADER)
    {
      rank[0] = 2;
      rank[1] = index_in (bc_key_header_fields (), key.id);
    }
  else if (g_str_equal (key.prefix, "sec") && key.n_parts >= 2)
    {
      rank[0] = 3;
      rank_section_key (report, &key, rank);
    }
  else if (g_str_equal (key.prefix, "fig") && key.n_parts >= 2)
    {
      rank[0] = 3;
      rank_figure_key (report, &key, rank);
    }
  else if (g_str_equal (key.prefix, "tbl") && key.n_parts >= 2)
    {
      rank[0] = 4;
      rank_table_key (report, &key, rank);
    }
  else
    rank[0] = 5;
}

/**
 * bc_key_compare:
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
bc_key_compare (BcReport   *report,
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
