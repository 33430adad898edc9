/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-rollup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bc-document-utils.h"
#include "bc-expr.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-rollup.h"
#include "bc-template.h"

/* The roll-up reads the values of the months and nothing else: it knows
 * no library, so the same function builds a report, checks one and finds
 * what went stale. Values are matched by key: a figure, a cell or a
 * section of the target that a month's template has under the same id. */

G_DEFINE_QUARK (bc-rollup-error-quark, bc_rollup_error)

static const char * const rule_names[] = { "sum", "last", "list", "draft", NULL };

const char *
bc_rollup_rule_to_string (BcRollupRule rule)
{
  return rule_names[rule];
}

gboolean
bc_rollup_rule_from_string (const char   *text,
                            BcRollupRule *rule)
{
  for (guint i = 0; rule_names[i]; i++)
    if (g_strcmp0 (text, rule_names[i]) == 0)
      {
        *rule = (BcRollupRule) i;
        return TRUE;
      }
  return FALSE;
}

void
bc_rollup_month_free (BcRollupMonth *month)
{
  g_free (month->from);
  g_free (month->to);
  g_free (month->status);
  g_free (month);
}

BcRollupEntry *
bc_rollup_entry_new (const char   *key,
                     BcRollupRule  rule,
                     const char   *value,
                     const char   *sources,
                     const char   *through)
{
  BcRollupEntry *entry = g_new0 (BcRollupEntry, 1);

  entry->key = g_strdup (key);
  entry->rule = rule;
  entry->value = g_strdup (value ? value : "");
  entry->sources = g_strdup (sources ? sources : "");
  entry->through = g_strdup (through ? through : "");
  return entry;
}

void
bc_rollup_entry_free (BcRollupEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->key);
  g_free (entry->value);
  g_free (entry->sources);
  g_free (entry->through);
  g_free (entry);
}

void
bc_rollup_free (BcRollup *rollup)
{
  if (rollup == NULL)
    return;
  g_ptr_array_unref (rollup->months);
  g_hash_table_unref (rollup->index);
  g_ptr_array_unref (rollup->entries);
  g_hash_table_unref (rollup->values);
  g_clear_pointer (&rollup->units, g_ptr_array_unref);
  g_clear_pointer (&rollup->unit_names, g_ptr_array_unref);
  g_clear_pointer (&rollup->parts, g_hash_table_unref);
  g_clear_pointer (&rollup->overrides, g_hash_table_unref);
  g_clear_pointer (&rollup->before, bc_rollup_free);
  g_free (rollup);
}

BcRollup *
bc_rollup_new (void)
{
  BcRollup *rollup = g_new0 (BcRollup, 1);

  rollup->months = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_rollup_month_free);
  rollup->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_rollup_entry_free);
  rollup->index = g_hash_table_new (g_str_hash, g_str_equal);
  rollup->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return rollup;
}

/* The entry's value becomes the report's, unless it is a list, a draft
 * or too large to write. */
void
bc_rollup_add_entry (BcRollup      *rollup,
                     BcRollupEntry *entry)
{
  g_ptr_array_add (rollup->entries, entry);
  g_hash_table_insert (rollup->index, entry->key, entry);
  if (entry->rule != BC_ROLLUP_LIST && entry->rule != BC_ROLLUP_DRAFT && !entry->too_large)
    g_hash_table_insert (rollup->values, g_strdup (entry->key), g_strdup (entry->value));
}

BcRollupPart *
bc_rollup_part_new (const char *unit,
                    gint64      report_id,
                    const char *value)
{
  BcRollupPart *part = g_new0 (BcRollupPart, 1);

  part->unit = g_strdup (unit);
  part->report_id = report_id;
  part->value = g_strdup (value);
  return part;
}

void
bc_rollup_part_free (BcRollupPart *part)
{
  if (part == NULL)
    return;
  g_free (part->unit);
  g_free (part->value);
  g_free (part);
}

/**
 * bc_rollup_is_source:
 *
 * Whether @source can feed a report of @target for @from – @to: a
 * monthly report (not a plan) whose whole period lies inside, and which
 * is not itself a report of that period.
 */
gboolean
bc_rollup_is_source (BcTemplate *target,
                     const char *from,
                     const char *to,
                     BcReport   *source)
{
  BcTemplate *template = bc_report_get_template (source);

  return bc_template_get_regime (template) == BC_REGIME_MONTHLY
         && g_str_equal (bc_template_get_kind (template), "report")
         && bc_template_get_regime (target) != BC_REGIME_MONTHLY
         && strcmp (bc_report_get_period_from (source), from) >= 0
         && strcmp (bc_report_get_period_to (source), to) <= 0;
}

static int
compare_period (gconstpointer a,
                gconstpointer b)
{
  BcReport *x = *(BcReport **) a, *y = *(BcReport **) b;

  return strcmp (bc_report_get_period_to (x), bc_report_get_period_to (y));
}

/* Several monthly templates may have reports of the unit (a district's
 * own and a copy of the province's): the one with most months feeds the
 * roll-up, the first by id on a tie, so the choice never depends on the
 * order the library lists them in. */
static const char *
pick_template (GPtrArray *sources)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_n = 0;

  for (guint i = 0; i < sources->len; i++)
    {
      const char *id = bc_template_get_id (bc_report_get_template (sources->pdata[i]));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)) + 1;
      g_hash_table_insert (counts, (gpointer) id, GUINT_TO_POINTER (n));
      if (n > best_n || (n == best_n && strcmp (id, best) < 0))
        best = id, best_n = n;
    }
  return best;
}

/* The months of @from – @to by @month_template's cut-off, each with its
 * report among @sources (sorted by period) or none. */
static GPtrArray *
list_months (BcTemplate *month_template,
             const char *from,
             const char *to,
             GPtrArray  *sources)
{
  GPtrArray *months = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_rollup_month_free);
  guint cutoff = bc_template_get_cutoff_day (month_template);
  GDate day, m_from, m_to;
  guint next = 0;

  bc_date_parse (from, &day);
  for (guint guard = 0; guard < 400; guard++)
    {
      g_autofree char *f = NULL, *t = NULL;
      BcRollupMonth *month;

      bc_period_containing (BC_REGIME_MONTHLY, cutoff, &day, &m_from, &m_to);
      f = bc_date_to_iso (&m_from);
      t = bc_date_to_iso (&m_to);
      if (strcmp (t, to) > 0)
        break;
      day = m_to;
      g_date_add_days (&day, 1);
      if (strcmp (f, from) < 0)
        continue;
      month = g_new0 (BcRollupMonth, 1);
      month->from = g_steal_pointer (&f);
      month->to = g_steal_pointer (&t);
      while (next < sources->len && strcmp (bc_report_get_period_to (sources->pdata[next]), month->to) < 0)
        next++;
      if (next < sources->len && g_str_equal (bc_report_get_period_to (sources->pdata[next]), month->to)
          && g_str_equal (bc_report_get_period_from (sources->pdata[next]), month->from))
        {
          month->report_id = bc_report_get_id (sources->pdata[next]);
          month->status = g_strdup (bc_report_get_status (sources->pdata[next]));
        }
      g_ptr_array_add (months, month);
    }
  return months;
}

typedef struct
{
  BcRollup  *rollup;
  GPtrArray *months;    /* BcReport of the months that have one, oldest first */
  BcTemplate *target;
} Build;

static void
add_entry (Build         *b,
           BcRollupEntry *entry)
{
  bc_rollup_add_entry (b->rollup, entry);
}

static void
append_id (GString  *ids,
           BcReport *report)
{
  g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len ? "," : "", bc_report_get_id (report));
}

/* A month's value of a figure's "from_months" expression: its figures
 * and the sums of its table columns. A part the month lacks, or leaves
 * blank everywhere, gives the month no value. */
static gboolean
month_ref_cb (BcExprRefKind  kind,
              const char    *a,
              const char    *b,
              double        *value,
              gpointer       data)
{
  BcReport *month = data;
  const BcTableDef *table;
  gboolean any = FALSE;
  gint64 n, sum = 0;

  if (kind == BC_EXPR_REF_FIGURE)
    {
      g_autofree char *key = bc_key_figure (a, b != NULL);
      if (!bc_parse_count (bc_report_get (month, key), BC_COUNT_MAX, &n, NULL))
        return FALSE;
      *value = (double) n;
      return TRUE;
    }
  if ((table = bc_template_find_table (bc_report_get_template (month), a)) == NULL)
    return FALSE;
  for (guint r = 0; r < table->rows->len; r++)
    {
      const BcRow *row = table->rows->pdata[r];
      g_autofree char *key = bc_key_cell (a, row->key, b);

      if (!row->heading && bc_parse_count (bc_report_get (month, key), BC_COUNT_MAX, &n, NULL)
          && bc_count_add (&sum, n))
        any = TRUE;
    }
  *value = (double) sum;
  return any;
}

static gboolean
month_value (BcReport     *month,
             const BcExpr *expr,
             const char   *key,
             gint64       *value)
{
  double result;

  if (expr == NULL)
    return bc_parse_count (bc_report_get (month, key), BC_COUNT_MAX, value, NULL);
  /* Counts only: a fraction or a negative result is no count. */
  if (!bc_expr_evaluate (expr, month_ref_cb, month, &result) || result < 0 || result > (double) BC_COUNT_MAX
      || result != floor (result))
    return FALSE;
  *value = (gint64) result;
  return TRUE;
}

/* Per-period counts: the sum of the months that hold one. A month left
 * blank adds nothing; a month's text that is no count is left out too
 * (its own checks name it). */
static void
roll_sum (Build        *b,
          const char   *key,
          const BcExpr *expr,
          gint64        max)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  const char *through = NULL;
  gint64 sum = 0;
  gboolean too_large = FALSE;
  g_autofree char *text = NULL;
  BcRollupEntry *entry;

  for (guint i = 0; i < b->months->len; i++)
    {
      BcReport *month = b->months->pdata[i];
      gint64 value;

      if (!month_value (month, expr, key, &value))
        continue;
      too_large |= !bc_count_add (&sum, value);
      append_id (ids, month);
      through = bc_report_get_period_to (month);
    }
  if (ids->len == 0)
    return;
  text = g_strdup_printf ("%" G_GINT64_FORMAT, sum);
  entry = bc_rollup_entry_new (key, BC_ROLLUP_SUM, too_large ? "" : text, ids->str, through);
  entry->too_large = too_large || sum > max;
  add_entry (b, entry);
}

/* Running totals and a row's choices: the latest month that has one. */
static void
roll_last (Build        *b,
           const char   *key,
           const BcExpr *expr)
{
  for (guint i = b->months->len; i-- > 0;)
    {
      BcReport *month = b->months->pdata[i];
      const char *value = bc_report_get (month, key);
      g_autofree char *computed = NULL;
      g_autoptr(GString) ids = g_string_new (NULL);
      gint64 n;

      if (expr != NULL)
        value = month_value (month, expr, key, &n) ? (computed = g_strdup_printf ("%" G_GINT64_FORMAT, n)) : "";
      if (*value == '\0')
        continue;
      append_id (ids, month);
      add_entry (b, bc_rollup_entry_new (key, BC_ROLLUP_LAST, value, ids->str, bc_report_get_period_to (month)));
      return;
    }
}

/* A draft sentence citing a figure taken from the months, so the year's
 * figures print before anyone writes the section's prose (a figures
 * section prints its figures only in the sentences that cite them):
 * "Hồ sơ … trong năm: {{fig/x}}/{{fig/x/den}} hồ sơ, đạt {{fig/x/pct}}." */
static char *
figure_sentence (Build          *b,
                 const BcFigure *figure)
{
  g_autofree char *key = bc_key_figure (figure->id, FALSE);
  g_autofree char *den_key = bc_key_figure (figure->id, TRUE);
  g_autofree char *pct_key = bc_key_figure_ratio (figure->id);
  g_autofree char *count = bc_key_ref (key, -1);
  g_autofree char *den = bc_key_ref (den_key, -1);
  g_autofree char *pct = bc_key_ref (pct_key, -1);
  BcReport *latest = b->months->pdata[b->months->len - 1];
  g_autofree char *label = bc_report_dup_figure_label (latest, figure);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s: %s", label, count);
  if (g_hash_table_contains (b->rollup->values, den_key))
    g_string_append_printf (text, "/%s", den);
  if (*figure->unit)
    g_string_append_printf (text, " %s", figure->unit);
  if (g_hash_table_contains (b->rollup->values, den_key))
    g_string_append_printf (text, ", đạt %s", pct);
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

static void
draft_figure_sentences (Build           *b,
                        const BcSection *section,
                        GPtrArray       *taken)
{
  g_autoptr(GString) order = g_string_new (NULL);

  if (taken->len == 0 || section->figure_list)
    return;
  for (guint i = 0; i < taken->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i + 1);

      g_hash_table_insert (b->rollup->values, bc_key_item_field (section->id, id, "text"),
                           figure_sentence (b, taken->pdata[i]));
      g_hash_table_insert (b->rollup->values, bc_key_item_field (section->id, id, "level"), g_strdup ("1"));
      g_string_append_printf (order, "%s%s", order->len ? "," : "", id);
    }
  g_hash_table_insert (b->rollup->values, bc_key_section_part (section->id, "order"), g_strdup (order->str));
}

static void
roll_figures (Build           *b,
              const BcSection *section)
{
  g_autoptr(GPtrArray) taken = g_ptr_array_new ();

  for (guint i = 0; section->figures && i < section->figures->len; i++)
    {
      const BcFigure *figure = section->figures->pdata[i];
      g_autofree char *key = bc_key_figure (figure->id, FALSE);
      g_autofree char *den = bc_key_figure (figure->id, TRUE);

      g_autoptr(BcExpr) value_expr = figure->from_months ? bc_expr_parse (figure->from_months, NULL) : NULL;
      g_autoptr(BcExpr) den_expr = figure->from_months_den ? bc_expr_parse (figure->from_months_den, NULL) : NULL;

      /* A denominator follows its figure: a ratio of two sums, or of two
       * running totals of the same month, never an average of ratios. */
      if (figure->cumulative)
        roll_last (b, key, value_expr), roll_last (b, den, den_expr);
      else
        roll_sum (b, key, value_expr, BC_COUNT_MAX), roll_sum (b, den, den_expr, BC_COUNT_MAX);
      if (g_hash_table_contains (b->rollup->values, key))
        g_ptr_array_add (taken, (gpointer) figure);
    }
  draft_figure_sentences (b, section, taken);
}

static void
roll_table (Build            *b,
            const BcTableDef *table)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      const BcRow *row = table->rows->pdata[r];
      g_autofree char *applies = NULL;

      if (row->heading)
        continue;
      applies = bc_key_cell (table->id, row->key, "applies");
      roll_last (b, applies, NULL);
      for (guint c = 0; c < table->columns->len; c++)
        {
          const BcColumn *column = table->columns->pdata[c];
          g_autofree char *key = bc_key_cell (table->id, row->key, column->id);

          /* Computed columns hold no value: the ratio is the sums'. */
          if (column->type == BC_COLUMN_COMPUTED)
            continue;
          if (column->type == BC_COLUMN_INTEGER && !column->cumulative)
            roll_sum (b, key, NULL, column->max);
          else
            roll_last (b, key, NULL);
        }
    }
}

/* Whether @report's template has a section @id of @kind. */
static gboolean
has_section (BcReport      *report,
             const char    *id,
             BcSectionKind  kind)
{
  const BcSection *s = bc_template_find_section (bc_report_get_template (report), id);

  return s != NULL && s->kind == kind;
}

/* One document is the same number with the same date, however its
 * number was spaced or cased; one without a number is its summary. */
static char *
document_identity (BcReport   *month,
                   const char *section,
                   const char *item)
{
  g_autofree char *number_key = bc_key_item_field (section, item, "number");
  g_autofree char *date_key = bc_key_item_field (section, item, "date");
  g_autofree char *summary_key = bc_key_item_field (section, item, "summary");

  return bc_document_dup_identity (bc_report_get (month, number_key), bc_report_get (month, summary_key),
                                   bc_report_get (month, date_key));
}

static void
copy_item (Build           *b,
           BcReport        *month,
           const BcSection *section,
           const char      *item,
           const char      *new_id)
{
  const char * const *fields = bc_key_item_fields (section->kind);

  for (guint f = 0; fields[f]; f++)
    {
      g_autofree char *from = bc_key_item_field (section->id, item, fields[f]);
      const char *value = bc_report_get (month, from);

      if (*value != '\0')
        g_hash_table_insert (b->rollup->values, bc_key_item_field (section->id, new_id, fields[f]),
                             g_strdup (value));
    }
}

/* A document of a month, found once. */
typedef struct
{
  char       *identity;
  const char *date;      /* ISO, or "": borrowed from the month */
  BcReport   *month;     /* borrowed */
  const char *section;   /* the month's section; borrowed from the template */
  char       *item;
} Document;

static void
document_free (Document *doc)
{
  g_free (doc->identity);
  g_free (doc->item);
  g_free (doc);
}

/* In date order; a document without a date after the dated ones; the
 * same date in the order the months listed them (the sort is stable). */
static int
compare_documents (gconstpointer a,
                   gconstpointer b)
{
  const Document *x = *(Document **) a, *y = *(Document **) b;

  if ((*x->date == '\0') != (*y->date == '\0'))
    return *x->date == '\0' ? 1 : -1;
  return strcmp (x->date, y->date);
}

/* Every month's documents of the sections @ids, each once (the first
 * month that lists it), in date order; @months_used gets the months that
 * listed any. */
static GPtrArray *
collect_documents (Build               *b,
                   const char * const  *ids,
                   GString             *months_used,
                   const char         **through)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < b->months->len; i++)
    {
      BcReport *month = b->months->pdata[i];
      gboolean used = FALSE;

      for (guint s = 0; ids[s]; s++)
        {
          const BcSection *section = bc_template_find_section (bc_report_get_template (month), ids[s]);
          g_auto(GStrv) items = NULL;

          if (section == NULL || section->kind != BC_SECTION_DOCUMENTS)
            continue;
          items = bc_report_get_list_order (month, section->id);
          for (guint k = 0; items[k]; k++)
            {
              g_autofree char *date_key = bc_key_item_field (section->id, items[k], "date");
              Document *doc;

              used = TRUE;
              doc = g_new0 (Document, 1);
              doc->identity = document_identity (month, section->id, items[k]);
              if (g_hash_table_contains (seen, doc->identity))
                {
                  document_free (doc);
                  continue;
                }
              doc->date = bc_report_get (month, date_key);
              doc->month = month;
              doc->section = section->id;
              doc->item = g_strdup (items[k]);
              g_hash_table_add (seen, doc->identity);
              g_ptr_array_add (docs, doc);
            }
        }
      if (used)
        append_id (months_used, month), *through = bc_report_get_period_to (month);
    }
  g_ptr_array_sort (docs, compare_documents);
  return docs;
}

/* A document in a list section: its fields; in a narrative section: a
 * "-" paragraph saying it as the month's list printed it. */
static void
place_document (Build           *b,
                const BcSection *target,
                const Document  *doc,
                const char      *new_id)
{
  g_autofree char *sentence = NULL;

  if (target->kind == BC_SECTION_DOCUMENTS)
    {
      const char * const *fields = bc_key_item_fields (BC_SECTION_DOCUMENTS);

      for (guint f = 0; fields[f]; f++)
        {
          g_autofree char *from = bc_key_item_field (doc->section, doc->item, fields[f]);
          const char *value = bc_report_get (doc->month, from);

          if (*value != '\0')
            g_hash_table_insert (b->rollup->values, bc_key_item_field (target->id, new_id, fields[f]),
                                 g_strdup (value));
        }
      return;
    }
  sentence = bc_document_dup_sentence (doc->month, doc->section, doc->item);
  g_hash_table_insert (b->rollup->values, bc_key_item_field (target->id, new_id, "text"),
                       g_strdup (g_str_has_prefix (sentence, "- ") ? sentence + 2 : sentence));
  g_hash_table_insert (b->rollup->values, bc_key_item_field (target->id, new_id, "level"), g_strdup ("1"));
}

/* Documents issued: every month's documents of the section of the same
 * id, or of the sections its "from_months" names, each once, in date
 * order. */
static void
roll_documents (Build           *b,
                const BcSection *section)
{
  const char * const own[] = { section->id, NULL };
  g_autoptr(GString) order = g_string_new (NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autofree char *key = bc_key_section (section->id);
  g_autoptr(GPtrArray) docs = NULL;
  const char *through = NULL;

  docs = collect_documents (b, section->from_months ? (const char * const *) section->from_months : own,
                            ids, &through);
  if (docs->len == 0)
    return;
  for (guint i = 0; i < docs->len; i++)
    {
      const Document *doc = docs->pdata[i];
      g_autofree char *new_id = g_strdup_printf ("d%u", i + 1);

      place_document (b, section, doc, new_id);
      g_string_append_printf (order, "%s%s", order->len ? "," : "", new_id);
      g_string_append_printf (list, "%s%s", list->len ? "\n" : "", doc->identity);
    }
  g_hash_table_insert (b->rollup->values, bc_key_section_part (section->id, "order"),
                       g_strdup (order->str));
  add_entry (b, bc_rollup_entry_new (key, BC_ROLLUP_LIST, list->str, ids->str, through));
}

/* Narrative: the latest month that wrote the section, as a draft the
 * clerk rewrites for the year. Its item ids are kept. */
static void
roll_narrative (Build           *b,
                const BcSection *section)
{
  g_autofree char *key = bc_key_section (section->id);

  for (guint i = b->months->len; i-- > 0;)
    {
      BcReport *month = b->months->pdata[i];
      g_auto(GStrv) items = NULL;
      g_autofree char *order = NULL;
      g_autoptr(GString) ids = g_string_new (NULL);

      if (!has_section (month, section->id, BC_SECTION_NARRATIVE))
        continue;
      items = bc_report_get_list_order (month, section->id);
      if (items[0] == NULL)
        continue;
      for (guint k = 0; items[k]; k++)
        copy_item (b, month, section, items[k], items[k]);
      order = g_strjoinv (",", items);
      g_hash_table_insert (b->rollup->values, bc_key_section_part (section->id, "order"), g_steal_pointer (&order));
      append_id (ids, month);
      add_entry (b, bc_rollup_entry_new (key, BC_ROLLUP_DRAFT, "", ids->str, bc_report_get_period_to (month)));
      return;
    }
}

static void
roll_sections (Build     *b,
               GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const BcSection *section = sections->pdata[i];

      if (section->kind == BC_SECTION_FIGURES)
        roll_figures (b, section);
      else if (section->kind == BC_SECTION_DOCUMENTS || section->from_months != NULL)
        roll_documents (b, section);
      else if (section->kind == BC_SECTION_NARRATIVE)
        roll_narrative (b, section);
      roll_sections (b, section->children);
    }
}

/**
 * bc_rollup_compute:
 * @target: the template of the report built (an annual one)
 * @from: its first day, ISO
 * @to: its last day, ISO
 * @sources: (element-type BcReport): candidate reports of the unit; those
 *   that are no monthly report inside the period are ignored
 *
 * Per-period counts are summed, cumulative ones (a figure's or column's
 * `cumulative`) and a row's choices and text taken from the latest month
 * that has them, each table cell row by row (ratios are computed from the
 * sums, never averaged); documents issued are listed once each (same
 * number and date), oldest first; each narrative section is the latest
 * month's, as a draft. A month without a report is listed with id 0:
 * the values are computed from the months there are.
 *
 * Returns: (transfer full): the roll-up, or %NULL with @error set when
 *   @target's period is a month or no month has a report
 */
BcRollup *
bc_rollup_compute (BcTemplate  *target,
                   const char  *from,
                   const char  *to,
                   GPtrArray   *sources,
                   GError     **error)
{
  g_autoptr(GPtrArray) months = g_ptr_array_new ();
  BcRollup *rollup;
  const char *template_id;
  Build b = { 0 };

  g_return_val_if_fail (BC_IS_TEMPLATE (target), NULL);
  g_return_val_if_fail (from != NULL && to != NULL && sources != NULL, NULL);

  if (bc_template_get_regime (target) == BC_REGIME_MONTHLY)
    {
      g_set_error_literal (error, BC_ROLLUP_ERROR, BC_ROLLUP_ERROR_REGIME,
                           _("A monthly report is not built from monthly reports"));
      return NULL;
    }
  for (guint i = 0; i < sources->len; i++)
    if (bc_rollup_is_source (target, from, to, sources->pdata[i]))
      g_ptr_array_add (months, sources->pdata[i]);
  template_id = pick_template (months);
  for (guint i = months->len; i-- > 0;)
    if (!g_str_equal (bc_template_get_id (bc_report_get_template (months->pdata[i])), template_id))
      g_ptr_array_remove_index (months, i);
  if (months->len == 0)
    {
      g_autofree char *f = bc_date_to_display (from), *t = bc_date_to_display (to);
      g_set_error (error, BC_ROLLUP_ERROR, BC_ROLLUP_ERROR_NO_MONTHS,
                   _("The library has no monthly report of the unit from %s to %s"), f, t);
      return NULL;
    }
  g_ptr_array_sort (months, compare_period);

  rollup = bc_rollup_new ();
  g_ptr_array_unref (rollup->months);
  rollup->months = list_months (bc_report_get_template (months->pdata[0]), from, to, months);
  b.rollup = rollup;
  b.target = target;
  /* Only the reports that are one of the months count (a report of a
   * stretch that is no month of the cut-off is not summed twice). */
  b.months = g_ptr_array_new ();
  for (guint i = 0, m = 0; i < months->len; i++)
    {
      while (m < rollup->months->len && ((BcRollupMonth *) rollup->months->pdata[m])->report_id == 0)
        m++;
      if (m < rollup->months->len
          && ((BcRollupMonth *) rollup->months->pdata[m])->report_id == bc_report_get_id (months->pdata[i]))
        g_ptr_array_add (b.months, months->pdata[i]), m++;
    }

  roll_sections (&b, bc_template_get_sections (target));
  for (guint i = 0; i < bc_template_get_tables (target)->len; i++)
    roll_table (&b, bc_template_get_tables (target)->pdata[i]);
  g_ptr_array_unref (b.months);
  return rollup;
}

guint
bc_rollup_count_present (BcRollup *rollup)
{
  guint n = 0;

  for (guint i = 0; i < rollup->months->len; i++)
    n += ((BcRollupMonth *) rollup->months->pdata[i])->report_id > 0;
  return n;
}

/**
 * bc_rollup_month_is_over:
 * @date: (nullable): an ISO day, the report's date
 *
 * A report written in its period's last month (an annual report signed
 * in December) is built before that month ends: the month has nothing to
 * give yet, and its report is not missing.
 *
 * Returns: whether @month had ended by @date; %TRUE without a valid date
 */
gboolean
bc_rollup_month_is_over (const BcRollupMonth *month,
                         const char          *date)
{
  GDate on, to;

  if (!bc_date_parse (date, &on) || !bc_date_parse (month->to, &to))
    return TRUE;
  return g_date_compare (&to, &on) <= 0;
}

/* "tháng 03/2023": a month is named by its last day's month. */
char *
bc_rollup_month_label (const BcRollupMonth *month)
{
  GDate to;

  if (!bc_date_parse (month->to, &to))
    return g_strdup (month->to);
  return g_strdup_printf ("%02u/%04u", g_date_get_month (&to), g_date_get_year (&to));
}

/* The place of report @id among @rollup's months, or -1. */
static int
month_index (BcRollup *rollup,
             gint64    id)
{
  for (guint m = 0; rollup && m < rollup->months->len; m++)
    if (((BcRollupMonth *) rollup->months->pdata[m])->report_id == id)
      return (int) m;
  return -1;
}

static void
append_run (GString  *text,
            BcRollup *rollup,
            int       first,
            int       last)
{
  g_autofree char *a = bc_rollup_month_label (rollup->months->pdata[first]);
  g_autofree char *b = bc_rollup_month_label (rollup->months->pdata[last]);

  g_string_append_printf (text, "%s%s", text->len ? ", " : "", a);
  /* Three months or more in a row are said as their first and last. */
  if (last - first >= 2)
    g_string_append_printf (text, " – %s", b);
  else if (last > first)
    g_string_append_printf (text, ", %s", b);
}

/* The months of @sources (ids, comma-separated, oldest first): "01/2023
 * – 04/2023, 06/2023, 07/2023"; a report no longer among them "#id". */
char *
bc_rollup_dup_months (BcRollup   *rollup,
                      const char *sources)
{
  g_auto(GStrv) ids = g_strsplit (sources, ",", -1);
  g_autoptr(GString) text = g_string_new (NULL);
  int first = -1, last = -1;

  for (guint i = 0; ids[i]; i++)
    {
      int m = month_index (rollup, g_ascii_strtoll (ids[i], NULL, 10));

      if (m >= 0 && last >= 0 && m == last + 1)
        {
          last = m;
          continue;
        }
      if (last >= 0)
        append_run (text, rollup, first, last);
      first = last = m;
      if (m < 0 && *ids[i])
        {
          gint64 id = g_ascii_strtoll (ids[i], NULL, 10);
          const char *unit = NULL;

          /* A consolidated value's parts are units' reports, not months. */
          for (guint u = 0; rollup && rollup->units && u < rollup->units->len && unit == NULL; u++)
            if (((BcRollupMonth *) rollup->units->pdata[u])->report_id == id)
              unit = rollup->unit_names->pdata[u];
          if (unit != NULL)
            g_string_append_printf (text, "%s%s", text->len ? ", " : "", unit);
          else
            g_string_append_printf (text, "%s#%s", text->len ? ", " : "", ids[i]);
        }
    }
  if (last >= 0)
    append_run (text, rollup, first, last);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
count_sources (const char *sources)
{
  guint n = *sources ? 1 : 0;

  for (const char *p = sources; *p; p++)
    n += *p == ',';
  return n;
}

/* "tổng 3 đơn vị: Huyện A 11, Huyện B 12, Huyện C 13; chưa báo cáo: Huyện
 * D": each unit's part as it is now, so a cell's tooltip drills down. */
static char *
dup_unit_origin (BcRollup            *rollup,
                 const BcRollupEntry *entry,
                 guint                n)
{
  GPtrArray *parts = rollup->parts ? g_hash_table_lookup (rollup->parts, entry->key) : NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint u = 0; rollup->unit_names && u < rollup->unit_names->len; u++)
    {
      const char *unit = rollup->unit_names->pdata[u];
      const BcRollupPart *part = NULL;
      gint64 value;

      for (guint i = 0; parts && i < parts->len && part == NULL; i++)
        if (g_str_equal (((BcRollupPart *) parts->pdata[i])->unit, unit))
          part = parts->pdata[i];
      if (part != NULL && bc_parse_count (part->value, BC_COUNT_MAX, &value, NULL))
        {
          g_autofree char *shown = bc_format_int (value);
          g_string_append_printf (list, "%s%s %s", list->len ? ", " : "", unit, shown);
        }
      else
        g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", unit);
    }
  if (missing->len == 0)
    /* TRANSLATORS: where a province's figure came from: "tổng 3 đơn vị: Huyện A 11, Huyện B 12, …" */
    return g_strdup_printf (ngettext ("total of %u unit: %s", "total of %u units: %s", n), n, list->str);
  /* TRANSLATORS: the same, then the units that did not report it */
  return g_strdup_printf (ngettext ("total of %u unit: %s; not reported: %s", "total of %u units: %s; not reported: %s", n),
                          n, list->str, missing->str);
}

/**
 * bc_rollup_dup_origin:
 * @rollup: (nullable): the months as they are now, to name them
 *
 * Where a value came from, as the form shows it: "tổng 12 tháng
 * (01/2023, …, 12/2023)", "lũy kế đến 14/12/2023 (12/2023)".
 */
char *
bc_rollup_dup_origin (BcRollup            *rollup,
                      const BcRollupEntry *entry)
{
  g_autofree char *months = bc_rollup_dup_months (rollup, entry->sources);
  g_autofree char *through = bc_date_to_display (entry->through);

  guint n = count_sources (entry->sources);

  if (rollup != NULL && rollup->over_units && entry->rule == BC_ROLLUP_SUM)
    return dup_unit_origin (rollup, entry, n);
  switch (entry->rule)
    {
    case BC_ROLLUP_SUM:
      /* TRANSLATORS: where a yearly figure came from: "tổng 12 tháng (01/2023, …)" */
      return g_strdup_printf (ngettext ("total of %u month (%s)", "total of %u months (%s)", n),
                              n, months);
    case BC_ROLLUP_LAST:
      if (g_ascii_isdigit (*entry->value))
        /* TRANSLATORS: a running total taken from the last month: "lũy kế đến 14/12/2023 (tháng 12/2023)" */
        return g_strdup_printf (_("running total to %s (month %s)"), through, months);
      return g_strdup_printf (_("as of month %s"), months);
    case BC_ROLLUP_LIST:
      return g_strdup_printf (ngettext ("documents of %u month (%s), each listed once",
                                           "documents of %u months (%s), each listed once", n), n, months);
    case BC_ROLLUP_DRAFT:
    default:
      return g_strdup_printf (_("draft from the report of month %s"), months);
    }
}

/* A stored value has gone stale when the months now give another one. */
gboolean
bc_rollup_entry_differs (const BcRollupEntry *stored,
                         const BcRollupEntry *fresh)
{
  if (stored->rule == BC_ROLLUP_DRAFT)
    return FALSE;
  if (fresh == NULL)
    return *stored->value != '\0';
  return !g_str_equal (stored->value, fresh->value) || stored->too_large != fresh->too_large;
}
