/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-report"

/* Checking a value before it is stored (bc_report_validate_value()):
 * that its key names a field of the report's template and that the value
 * fits it: a count within its range, an ISO date, one of the choices. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-followup.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-template.h"
#include "bc-text-utils.h"

static const char * const statuses[] = { "draft", "submitted", "returned", "approved", NULL };

static gboolean
bad_key (GError     **error,
         const char  *key)
{
  g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
               _("“%s” is not a field of this report"), key);
  return FALSE;
}

static gboolean
check_count (const char  *key,
             const char  *value,
             gint64       max,
             GError     **error)
{
  gint64 parsed;
  g_autoptr(GError) local_error = NULL;

  /* bc_parse_count() first, for its reason ("-5": cannot be negative);
   * then only canonical digits are stored, not "3.762" nor "0042": one
   * number, one text. */
  if (!bc_parse_count (value, max, &parsed, &local_error))
    {
      g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                   "%s: %s", key, local_error->message);
      return FALSE;
    }
  for (const char *p = value; *p; p++)
    if (!g_ascii_isdigit (*p) || (p == value && *p == '0' && p[1] != '\0'))
      {
        g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                     _("%s: “%s” is not a whole number"), key, value);
        return FALSE;
      }
  return TRUE;
}

/* One percentage, one text: "62.76" as bc_parse_percent() stores it. */
static gboolean
check_percent (const char  *key,
               const char  *value,
               gint64       max,
               GError     **error)
{
  g_autofree char *canonical = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!bc_parse_percent (value, max, &canonical, &local_error))
    {
      g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                   "%s: %s", key, local_error->message);
      return FALSE;
    }
  if (!g_str_equal (canonical, value))
    {
      g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                   _("%s: “%s” is not written as a stored percentage (%s)"), key, value, canonical);
      return FALSE;
    }
  return TRUE;
}

static gboolean
valid_item_id (const char *id)
{
  if (*id == '\0' || strlen (id) > 32)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return !g_strv_contains (bc_key_section_parts (), id);
}

static gboolean
validate_order (const char  *key,
                const char  *value,
                GError     **error)
{
  g_auto(GStrv) ids = g_strsplit (value, ",", -1);

  for (guint i = 0; *value && ids[i]; i++)
    if (!valid_item_id (ids[i]))
      {
        g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                     _("%s: “%s” is not an item id"), key, ids[i]);
        return FALSE;
      }
  return TRUE;
}

/* sec/<section>/<part> */
static gboolean
validate_section_part (const BcSection  *section,
                       const char       *part,
                       const char       *key,
                       const char       *value,
                       GError          **error)
{
  gboolean list = bc_key_item_fields (section->kind) != NULL;

  if (g_str_equal (part, "order") && list)
    return validate_order (key, value, error);
  if (g_str_equal (part, "omit"))
    {
      if (*value && !g_str_equal (value, "0") && !g_str_equal (value, "1"))
        return bad_key (error, key);
      return TRUE;
    }
  if (g_str_equal (part, "before") || g_str_equal (part, "after"))
    {
      if (section->kind != BC_SECTION_DOCUMENTS && section->kind != BC_SECTION_TASKS)
        return bad_key (error, key);
      return TRUE;
    }
  if (g_str_equal (part, "number") || g_str_equal (part, "title") || g_str_equal (part, "intro"))
    return TRUE;
  if (g_str_equal (part, "plan") && section->kind == BC_SECTION_FOLLOWUP)
    {
      /* The uuid of the plan report the section follows. */
      if (*value != '\0' && !g_uuid_string_is_valid (value))
        return bad_key (error, key);
      return TRUE;
    }
  return bad_key (error, key);
}

static gboolean
validate_section_key (BcReport     *self,
                      const BcKey  *k,
                      const char   *key,
                      const char   *value,
                      GError      **error)
{
  const BcSection *section = bc_template_find_section (bc_report_get_template (self), k->id);
  const char * const *fields;

  if (section == NULL)
    return bad_key (error, key);
  if (k->kind != BC_KEY_ITEM_FIELD)
    return validate_section_part (section, k->sub, key, value, error);
  if ((fields = bc_key_item_fields (section->kind)) == NULL
      || !valid_item_id (k->sub) || !g_strv_contains (fields, k->field))
    return bad_key (error, key);
  if (section->kind == BC_SECTION_FOLLOWUP && !bc_followup_validate_field (k->field, key, value, error))
    return FALSE;
  if (g_str_equal (k->field, "level") && *value && bc_report_level_from_value (value) < 0)
    {
      g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                   _("%s: a level is 0, 1, 2, 3 or 4"), key);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_table_key (BcReport     *self,
                    const BcKey  *k,
                    const char   *key,
                    const char   *value,
                    GError      **error)
{
  const BcTableDef *table = bc_template_find_table (bc_report_get_template (self), k->id);
  const BcRow *row = table ? bc_table_def_find_row (table, k->sub) : NULL;
  const BcColumn *column;

  if (row == NULL || row->heading)
    return bad_key (error, key);
  if (g_str_equal (k->field, "note"))
    return TRUE;
  if (g_str_equal (k->field, "applies"))
    {
      if (*value && !g_str_equal (value, "0") && !g_str_equal (value, "1"))
        return bad_key (error, key);
      return TRUE;
    }
  column = bc_table_def_find_column (table, k->field);
  if (column == NULL || column->type == BC_COLUMN_COMPUTED)
    return bad_key (error, key);
  if (*value == '\0')
    return TRUE;
  if (column->type == BC_COLUMN_INTEGER)
    return check_count (key, value, column->max, error);
  if (column->type == BC_COLUMN_PERCENT)
    return check_percent (key, value, column->max, error);
  if (column->type == BC_COLUMN_CHOICE && !g_strv_contains ((const char * const *) column->choices, value))
    {
      g_autofree char *choices = g_strjoinv ("”, “", column->choices);

      g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                   _("%s: “%s” is not one of the choices (“%s”)"), key, value, choices);
      return FALSE;
    }
  return TRUE;
}

/* tbl/<table>/after: the paragraph of its section a table of the body
 * is printed after (absent: after them all). */
static gboolean
validate_table_place (BcReport     *self,
                      const BcKey  *k,
                      const char   *key,
                      const char   *value,
                      GError      **error)
{
  const BcTableDef *table = bc_template_find_table (bc_report_get_template (self), k->id);

  if (table == NULL || table->section == NULL || table->items)
    return bad_key (error, key);
  if (*value && !valid_item_id (value))
    {
      g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                   _("%s: “%s” is not an item id"), key, value);
      return FALSE;
    }
  return TRUE;
}

/* "expl/<finding id>": a clerk's explanation of a finding (bc-finding.h).
 * Finding ids hold "/" themselves, so everything after "expl/" is the id. */
static gboolean
validate_explanation_key (const char  *id,
                          const char  *key,
                          GError     **error)
{

  if (*id == '\0' || strlen (id) > 512 || !g_utf8_validate (id, -1, NULL))
    return bad_key (error, key);
  for (const char *p = id; *p; p++)
    if (g_ascii_iscntrl (*p))
      return bad_key (error, key);
  return TRUE;
}

static gboolean
validate_meta_key (const char  *field,
                   const char  *key,
                   const char  *value,
                   GError     **error)
{
  GDate date;

  if (g_str_equal (field, "unit"))
    {
      if (*value == '\0')
        {
          g_set_error_literal (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                               _("The unit cannot be empty"));
          return FALSE;
        }
      return TRUE;
    }
  if (g_str_equal (field, "period_from") || g_str_equal (field, "period_to"))
    {
      if (!bc_date_parse (value, &date))
        {
          g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                       _("%s: “%s” is not a date"), key, value);
          return FALSE;
        }
      return TRUE;
    }
  if (g_str_equal (field, "status"))
    {
      if (!g_strv_contains (statuses, value))
        return bad_key (error, key);
      return TRUE;
    }
  if (g_str_equal (field, "office"))
    {
      /* The uuid of the office profile the report was made for. */
      if (*value != '\0' && !g_uuid_string_is_valid (value))
        {
          g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                       _("%s: “%s” is not the id of an office profile"), key, value);
          return FALSE;
        }
      return TRUE;
    }
  return bad_key (error, key);
}

static gboolean
validate_header_key (const char  *field,
                     const char  *key,
                     const char  *value,
                     GError     **error)
{
  GDate date;

  if (!g_strv_contains (bc_key_header_fields (), field))
    return bad_key (error, key);
  if (g_str_equal (field, "date") && *value && !bc_date_parse (value, &date))
    {
      g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                   _("%s: “%s” is not a date"), key, value);
      return FALSE;
    }
  return TRUE;
}

/**
 * bc_report_validate_value:
 * @value: (nullable): the new value; %NULL or "" clears it
 *
 * Checks that @key names a field of this report's template and that @value
 * fits it (a count is canonical digits within the column's range, a date
 * is ISO, a choice is one of the choices).
 *
 * Returns: %TRUE when the value may be stored
 */
gboolean
bc_report_validate_value (BcReport    *self,
                          const char  *key,
                          const char  *value,
                          GError     **error)
{
  g_auto(BcKey) k = BC_KEY_INIT;

  g_return_val_if_fail (BC_IS_REPORT (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value == NULL)
    value = "";
  if (!bc_report_text_length_ok (key, value, error))
    return FALSE;
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                   _("%s: the text is not valid UTF-8"), key);
      return FALSE;
    }
  if (bc_text_has_controls (value, bc_key_is_multiline (key)))
    {
      g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                   _("%s: the text holds a control character"), key);
      return FALSE;
    }
  switch (bc_key_parse (&k, key))
    {
    case BC_KEY_EXPLANATION:
      return validate_explanation_key (k.id, key, error);
    case BC_KEY_META:
      return validate_meta_key (k.id, key, value, error);
    case BC_KEY_HEADER:
      return validate_header_key (k.id, key, value, error);
    case BC_KEY_SECTION_PART:
    case BC_KEY_ITEM:
    case BC_KEY_ITEM_FIELD:
      return validate_section_key (self, &k, key, value, error);
    case BC_KEY_FIGURE:
    case BC_KEY_FIGURE_DENOMINATOR:
      {
        const BcFigure *figure = bc_template_find_figure (bc_report_get_template (self), k.id, NULL);
        if (figure == NULL || (k.kind == BC_KEY_FIGURE_DENOMINATOR && figure->denominator == NULL))
          return bad_key (error, key);
        return *value == '\0' || check_count (key, value, BC_COUNT_MAX, error);
      }
    case BC_KEY_CELL:
      return validate_table_key (self, &k, key, value, error);
    case BC_KEY_ROW:
      /* No row is called "after" (bc-template.c): this is the table's. */
      if (g_str_equal (k.sub, "after"))
        return validate_table_place (self, &k, key, value, error);
      return bad_key (error, key);
    default:
      return bad_key (error, key);
    }
}

