/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

/* The report of the next period: what carries over from the last one. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bc-keys.h"
#include "bc-office.h"
#include "bc-period.h"
#include "bc-report-private.h"
#include "bc-store-private.h"
#include "bc-template.h"

static gboolean
section_carries_over (BcTemplate  *template,
                      const BcKey *k)
{
  static const char * const wording[] = { "number", "title", "intro", "omit", NULL };
  const BcSection *section = bc_template_find_section (template, k->id);

  /* The office's own headings, and the sections it leaves out, stay;
   * the paragraphs around a list go with the list. */
  if (section != NULL && k->kind == BC_KEY_SECTION_PART && g_strv_contains (wording, k->sub))
    return TRUE;
  return section != NULL && section->kind != BC_SECTION_DOCUMENTS;
}

static gboolean
cell_carries_over (BcTemplate  *template,
                   const BcKey *k)
{
  const BcTableDef *table = bc_template_find_table (template, k->id);
  const BcColumn *column = table ? bc_table_def_find_column (table, k->field) : NULL;

  if (g_str_equal (k->field, "applies"))
    return TRUE;
  return column != NULL && (column->type == BC_COLUMN_TEXT || column->type == BC_COLUMN_CHOICE);
}

/* What carries over into the next period: the structure, the narrative,
 * recipients and signer, which rows apply and their text columns. Figures,
 * counts, notes, the documents issued and the number and date do not. */
static gboolean
carries_over (BcTemplate *template,
              const char *key)
{
  g_auto(BcKey) k = BC_KEY_INIT;

  switch (bc_key_parse (&k, key))
    {
    case BC_KEY_HEADER:
      return !g_str_equal (k.id, "number") && !g_str_equal (k.id, "date");
    case BC_KEY_SECTION_PART:
    case BC_KEY_ITEM:
    case BC_KEY_ITEM_FIELD:
      return section_carries_over (template, &k);
    case BC_KEY_CELL:
      return cell_carries_over (template, &k);
    case BC_KEY_ROW:
      /* Where a table of the body goes: its paragraphs carry over too. */
      return g_str_equal (k.sub, "after");
    default:
      return FALSE;
    }
}

/**
 * bc_store_duplicate_next:
 * @previous: the report to start from
 * @existing_id: (out) (optional): the report the next period already has, or 0
 *
 * Creates the report for the period after @previous's, for the same unit,
 * from @previous's own template copy. When @previous was made for an
 * office profile that the library still has, the new report takes the
 * profile as it is now (its unit's name, its header fields); else it
 * carries @previous's own over. When that period already has its
 * report, refuses with %BC_STORE_ERROR_EXISTS and sets @existing_id.
 *
 * Returns: (transfer full): the new report, or %NULL with @error set
 */
BcReport *
bc_store_duplicate_next (BcStore   *self,
                         BcReport  *previous,
                         gint64    *existing_id,
                         GError   **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  BcTemplate *template;
  GHashTableIter iter;
  const char *key, *value;
  const char *old_from, *old_to;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(BcOffice) before = NULL;
  g_autoptr(BcOffice) office = NULL;
  BcOffice *after;
  const char * const *fields = bc_key_header_fields ();

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_REPORT (previous), NULL);

  if (existing_id != NULL)
    *existing_id = 0;
  template = bc_report_get_template (previous);
  old_from = bc_report_get_period_from (previous);
  old_to = bc_report_get_period_to (previous);
  if (!bc_period_next (bc_template_get_regime (template), bc_template_get_cutoff_day (template),
                       old_from, old_to, &from, &to))
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                   _("The report's period is not a valid range of dates"));
      return NULL;
    }

  /* The unit's words as the previous report has them, and as its profile
   * has them now (renamed, a new signer): the new report takes the latter. */
  before = bc_report_dup_own_office (previous);
  office = bc_store_find_office (self, bc_report_get (previous, "meta/office"));
  after = office ? office : before;

  g_hash_table_iter_init (&iter, bc_report_get_values (previous));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (carries_over (template, key))
      g_hash_table_insert (values, g_strdup (key), g_strdup (value));

  /* A header field that still reads as the template made it moves on with
   * the period and the profile; one the clerk rewrote is kept. */
  g_hash_table_iter_init (&iter, bc_template_get_header (template));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    {
      g_autofree char *old_text = bc_template_expand (value, before, old_from, old_to);
      if (!g_str_equal (old_text, bc_report_get (previous, key)))
        continue;
      if (bc_template_header_applies (template, key, after))
        g_hash_table_insert (values, g_strdup (key), bc_template_expand (value, after, from, to));
      else
        g_hash_table_remove (values, key);
    }
  if (office != NULL)
    for (guint i = 0; fields[i]; i++)
      {
        char *own = bc_office_dup_header_value (office, fields[i], bc_template_get_kind (template));
        if (own != NULL)
          g_hash_table_insert (values, bc_key_header (fields[i]), own);
      }

  g_hash_table_insert (values, g_strdup ("meta/unit"),
                       office ? bc_office_dup_unit_name (office) : g_strdup (bc_report_get_unit (previous)));
  if (office != NULL)
    g_hash_table_insert (values, g_strdup ("meta/office"), g_strdup (bc_office_get_uuid (office)));
  g_hash_table_insert (values, g_strdup ("meta/period_from"), g_steal_pointer (&from));
  g_hash_table_insert (values, g_strdup ("header/date"), bc_store_new_report_date (to));
  g_hash_table_insert (values, g_strdup ("meta/period_to"), g_steal_pointer (&to));
  g_hash_table_insert (values, g_strdup ("meta/status"), g_strdup ("draft"));

  return bc_store_insert_new (self, template, values, bc_report_get_id (previous), NULL, existing_id, error);
}
