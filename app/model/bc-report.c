/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-keys.h"
#include "bc-limits.h"
#include "bc-number.h"
#include "bc-office.h"
#include "bc-period.h"
#include "bc-report-private.h"
#include "bc-template.h"

struct _BcReport
{
  GObject     parent_instance;

  gint64      id;
  char       *uuid;
  BcTemplate *template;
  GHashTable *values;
  char       *created;
  char       *modified;
  gint64      previous_id;
};

G_DEFINE_FINAL_TYPE (BcReport, bc_report, G_TYPE_OBJECT)

G_DEFINE_QUARK (bc-report-error-quark, bc_report_error)

enum {
  VALUE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bc_report_finalize (GObject *object)
{
  BcReport *self = (BcReport *) object;

  g_free (self->uuid);
  g_clear_object (&self->template);
  g_hash_table_unref (self->values);
  g_free (self->created);
  g_free (self->modified);

  G_OBJECT_CLASS (bc_report_parent_class)->finalize (object);
}

static void
bc_report_class_init (BcReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_report_finalize;

  /**
   * BcReport::value-changed:
   * @key: the key whose value changed
   *
   * Emitted after the store changed a value; the signal detail is the key.
   */
  signals[VALUE_CHANGED] =
    g_signal_new ("value-changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bc_report_init (BcReport *self)
{
}

BcReport *
bc_report_new (gint64      id,
               const char *uuid,
               BcTemplate *template,
               GHashTable *values,
               const char *created,
               const char *modified,
               gint64      previous_id)
{
  BcReport *self = g_object_new (BC_TYPE_REPORT, NULL);

  self->id = id;
  self->uuid = g_strdup (uuid);
  self->template = g_object_ref (template);
  self->values = g_hash_table_ref (values);
  self->created = g_strdup (created);
  self->modified = g_strdup (modified);
  self->previous_id = previous_id;
  return self;
}

void
bc_report_set_internal (BcReport   *self,
                        const char *key,
                        const char *value)
{
  if (value == NULL || *value == '\0')
    g_hash_table_remove (self->values, key);
  else
    g_hash_table_insert (self->values, g_strdup (key), g_strdup (value));
  g_signal_emit (self, signals[VALUE_CHANGED], g_quark_from_string (key), key);
}

void
bc_report_set_modified (BcReport   *self,
                        const char *modified)
{
  g_free (self->modified);
  self->modified = g_strdup (modified);
}

/**
 * bc_report_get:
 *
 * Returns: (transfer none): the value under @key, "" when it is empty
 */
const char *
bc_report_get (BcReport   *self,
               const char *key)
{
  const char *value;

  g_return_val_if_fail (BC_IS_REPORT (self), NULL);
  value = g_hash_table_lookup (self->values, key);
  return value ? value : "";
}

gint64
bc_report_get_id (BcReport *self)
{
  g_return_val_if_fail (BC_IS_REPORT (self), 0);
  return self->id;
}

const char *
bc_report_get_uuid (BcReport *self)
{
  g_return_val_if_fail (BC_IS_REPORT (self), NULL);
  return self->uuid;
}

/**
 * bc_report_get_template:
 *
 * Returns: (transfer none): the report's own copy of its template
 */
BcTemplate *
bc_report_get_template (BcReport *self)
{
  g_return_val_if_fail (BC_IS_REPORT (self), NULL);
  return self->template;
}

const char *
bc_report_get_unit (BcReport *self)
{
  return bc_report_get (self, "meta/unit");
}

const char *
bc_report_get_period_from (BcReport *self)
{
  return bc_report_get (self, "meta/period_from");
}

const char *
bc_report_get_period_to (BcReport *self)
{
  return bc_report_get (self, "meta/period_to");
}

const char *
bc_report_get_status (BcReport *self)
{
  const char *status = bc_report_get (self, "meta/status");
  return *status ? status : "draft";
}

const char *
bc_report_get_created (BcReport *self)
{
  g_return_val_if_fail (BC_IS_REPORT (self), NULL);
  return self->created;
}

const char *
bc_report_get_modified (BcReport *self)
{
  g_return_val_if_fail (BC_IS_REPORT (self), NULL);
  return self->modified;
}

gint64
bc_report_get_previous_id (BcReport *self)
{
  g_return_val_if_fail (BC_IS_REPORT (self), 0);
  return self->previous_id;
}

/**
 * bc_report_get_values:
 *
 * Returns: (transfer none) (element-type utf8 utf8): every non-empty value
 */
GHashTable *
bc_report_get_values (BcReport *self)
{
  g_return_val_if_fail (BC_IS_REPORT (self), NULL);
  return self->values;
}

/**
 * bc_report_get_sorted_keys:
 *
 * Returns: (transfer container) (element-type utf8): the keys in byte order
 */
GList *
bc_report_get_sorted_keys (BcReport *self)
{
  g_return_val_if_fail (BC_IS_REPORT (self), NULL);
  return g_list_sort (g_hash_table_get_keys (self->values), (GCompareFunc) strcmp);
}

/**
 * bc_report_get_list_order:
 *
 * Returns: (transfer full): the item ids of a list section, in order
 */
char **
bc_report_get_list_order (BcReport   *self,
                          const char *section_id)
{
  g_autofree char *key = bc_key_section_part (section_id, "order");
  const char *order = bc_report_get (self, key);

  if (*order == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (order, ",", -1);
}

gboolean
bc_report_row_applies (BcReport   *self,
                       const char *table_id,
                       const char *row_key)
{
  g_autofree char *key = bc_key_cell (table_id, row_key, "applies");
  const char *value = bc_report_get (self, key);
  const BcTableDef *table = bc_template_find_table (self->template, table_id);
  const BcRow *row = table ? bc_table_def_find_row (table, row_key) : NULL;

  if (*value != '\0')
    return g_str_equal (value, "1");
  return row != NULL && row->applies;
}

/**
 * bc_report_dup_own_office:
 *
 * The unit's words as this report has them: its unit (meta/unit, its
 * kind read from its first words, else the template's unit_kind) and its
 * place (header/place). Not the profile the report was made for, which
 * may have changed since: what the report prints stays its own.
 *
 * Returns: (transfer full): a profile not in any library, for bc_template_expand()
 */
BcOffice *
bc_report_dup_own_office (BcReport *self)
{
  BcOffice *office;

  g_return_val_if_fail (BC_IS_REPORT (self), NULL);

  office = bc_office_new_guessed (bc_report_get_unit (self), bc_template_get_unit_kind (self->template));
  bc_office_set (office, "place", bc_report_get (self, "header/place"), NULL);
  return office;
}

/**
 * bc_report_expand:
 * @text: a template's wording: a section title, an intro
 *
 * Returns: (transfer full): @text with its placeholders filled in with
 *   this report's own unit, place and period (bc_template_expand())
 */
char *
bc_report_expand (BcReport   *self,
                  const char *text)
{
  g_autoptr(BcOffice) office = NULL;

  g_return_val_if_fail (BC_IS_REPORT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (strchr (text, '{') == NULL)
    return g_strdup (text);
  office = bc_report_dup_own_office (self);
  return bc_template_expand (text, office, bc_report_get_period_from (self), bc_report_get_period_to (self));
}

/**
 * bc_report_dup_figure_label:
 *
 * Returns: (transfer full): what @figure counts, its placeholders filled
 *   in ("Hồ sơ … cấp {unit_kind} …" says "cấp thành phố" in a city's report)
 */
char *
bc_report_dup_figure_label (BcReport       *self,
                            const BcFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);

  return bc_report_expand (self, figure->label);
}

/**
 * bc_report_dup_title:
 *
 * Returns: (transfer full): "unit · 21/04/2024–20/05/2024", for lists
 */
char *
bc_report_dup_title (BcReport *self)
{
  g_autofree char *from = bc_date_to_display (bc_report_get_period_from (self));
  g_autofree char *to = bc_date_to_display (bc_report_get_period_to (self));

  return g_strdup_printf ("%s · %s–%s", bc_report_get_unit (self), from, to);
}


/**
 * bc_report_dup_section_default:
 * @part: "number", "title" or "intro"
 *
 * Returns: (transfer full): what the template prints for @part of
 *   @section, "" when nothing
 */
char *
bc_report_dup_section_default (BcReport        *self,
                               const BcSection *section,
                               const char      *part)
{
  g_return_val_if_fail (BC_IS_REPORT (self), NULL);
  g_return_val_if_fail (section != NULL && part != NULL, NULL);

  if (g_str_equal (part, "number"))
    return g_strdup (section->number ? section->number : "");
  if (g_str_equal (part, "title"))
    return bc_report_expand (self, section->title ? section->title : "");
  if (g_str_equal (part, "intro"))
    return bc_report_expand (self, section->intro ? section->intro : "");
  return g_strdup ("");
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
item_has_content (BcReport        *self,
                  const BcSection *section,
                  const char      *item)
{
  for (const char * const *f = bc_key_item_fields (section->kind); f && *f; f++)
    {
      g_autofree char *key = bc_key_item_field (section->id, item, *f);

      /* A paragraph's level says nothing by itself. */
      if (!g_str_equal (*f, "level") && !is_blank (bc_report_get (self, key)))
        return TRUE;
    }
  return FALSE;
}

/* A catalog prints each item that applies, a result or not; a table in
 * the body is printed whatever its cells hold. */
static gboolean
section_prints_rows (BcReport        *self,
                     const BcSection *section)
{
  GPtrArray *tables = bc_template_get_tables (self->template);

  for (guint i = 0; section->kind == BC_SECTION_CATALOG && section->items && i < section->items->rows->len; i++)
    if (bc_report_row_applies (self, section->items->id, ((BcRow *) section->items->rows->pdata[i])->key))
      return TRUE;
  for (guint i = 0; i < tables->len; i++)
    {
      const BcTableDef *table = tables->pdata[i];

      if (!table->items && g_strcmp0 (table->section, section->id) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * bc_report_figure_is_cited:
 *
 * Returns: %TRUE when a text of the report cites @figure: its value, its
 *   denominator or its percentage ("{{fig/ID}}", "{{fig/ID/pct}}")
 */
gboolean
bc_report_figure_is_cited (BcReport       *self,
                           const BcFigure *figure)
{
  g_autofree char *key = NULL;
  GHashTableIter iter;
  const char *value;
  gsize length;

  g_return_val_if_fail (BC_IS_REPORT (self), FALSE);
  key = bc_key_figure (figure->id, FALSE);
  length = strlen (key);
  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &value))
    {
      const char *end = value;
      int decimals;

      for (;;)
        {
          g_autofree char *cited = NULL;

          if (bc_key_ref_find (end, &end, &cited, &decimals) == NULL)
            break;
          if (g_str_has_prefix (cited, key) && (cited[length] == '\0' || cited[length] == '/'))
            return TRUE;
        }
    }
  return FALSE;
}

/**
 * bc_report_figure_prints_line:
 *
 * Each number is printed once: a key figure that a paragraph cites is
 * printed in its sentence; one with a value that no text cites is
 * printed as a line of its own in its section ("- label: 1.234"), as
 * every figure of a section whose template lists them (`figure_list`).
 *
 * Returns: %TRUE when @figure of @section is printed as a line
 */
gboolean
bc_report_figure_prints_line (BcReport        *self,
                              const BcSection *section,
                              const BcFigure  *figure)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (BC_IS_REPORT (self), FALSE);
  key = bc_key_figure (figure->id, FALSE);
  if (is_blank (bc_report_get (self, key)))
    return FALSE;
  return section->figure_list || !bc_report_figure_is_cited (self, figure);
}

/**
 * bc_report_section_has_content:
 *
 * Whether @section prints more than its heading and intro: its own
 * paragraphs, documents or tasks, the text around its list, its figures
 * printed as lines (bc_report_figure_prints_line()), or a sub-section
 * that does.
 *
 * Returns: %FALSE for a section with nothing to say this period
 */
gboolean
bc_report_section_has_content (BcReport        *self,
                               const BcSection *section)
{
  g_auto(GStrv) order = NULL;

  g_return_val_if_fail (BC_IS_REPORT (self), FALSE);
  if (bc_report_section_is_omitted (self, section))
    return FALSE;
  for (const char * const *part = (const char *[]) { "before", "after", NULL }; *part; part++)
    {
      g_autofree char *text = NULL;

      if (section->kind != BC_SECTION_DOCUMENTS && section->kind != BC_SECTION_TASKS)
        break;
      text = bc_report_dup_section_text (self, section, *part);
      if (!is_blank (text))
        return TRUE;
    }
  order = bc_report_get_list_order (self, section->id);
  for (guint i = 0; order[i]; i++)
    if (item_has_content (self, section, order[i]))
      return TRUE;
  for (guint i = 0; i < section->figures->len; i++)
    if (bc_report_figure_prints_line (self, section, section->figures->pdata[i]))
      return TRUE;
  if (section_prints_rows (self, section))
    return TRUE;
  for (guint i = 0; i < section->children->len; i++)
    if (bc_report_section_has_content (self, section->children->pdata[i]))
      return TRUE;
  return FALSE;
}

/**
 * bc_report_has_section_text:
 *
 * Returns: %TRUE when the report holds its own text for @part of
 *   @section, so that the template's is not printed
 */
gboolean
bc_report_has_section_text (BcReport        *self,
                            const BcSection *section,
                            const char      *part)
{
  g_autofree char *key = bc_key_section_part (section->id, part);

  g_return_val_if_fail (BC_IS_REPORT (self), FALSE);
  return g_hash_table_contains (self->values, key);
}

/**
 * bc_report_dup_section_text:
 * @part: "number", "title", "intro", "before" or "after"
 *
 * An absent value is the template's text; a value of only spaces is the
 * clerk's empty text (the store keeps no empty value).
 *
 * Returns: (transfer full): what the report prints for @part of @section
 */
char *
bc_report_dup_section_text (BcReport        *self,
                            const BcSection *section,
                            const char      *part)
{
  g_autofree char *key = NULL;
  const char *value;

  g_return_val_if_fail (BC_IS_REPORT (self), NULL);
  g_return_val_if_fail (section != NULL && part != NULL, NULL);

  key = bc_key_section_part (section->id, part);
  value = g_hash_table_lookup (self->values, key);
  if (value == NULL)
    return bc_report_dup_section_default (self, section, part);
  return g_strstrip (g_strdup (value));
}

/**
 * bc_report_dup_section_heading:
 *
 * Returns: (transfer full): "2. Công an thành phố …", the heading as the
 *   report prints it (a top-level one not yet in capitals)
 */
char *
bc_report_dup_section_heading (BcReport        *self,
                               const BcSection *section)
{
  g_autofree char *number = bc_report_dup_section_text (self, section, "number");
  g_autofree char *title = bc_report_dup_section_text (self, section, "title");

  if (*number == '\0' || *title == '\0')
    return g_strconcat (number, title, NULL);
  return g_strdup_printf ("%s %s", number, title);
}

/**
 * bc_report_section_is_omitted:
 *
 * Returns: %TRUE when @section, or a section it is part of, is left out
 *   of this report (sec/<section>/omit is "1")
 */
gboolean
bc_report_section_is_omitted (BcReport        *self,
                              const BcSection *section)
{
  g_return_val_if_fail (BC_IS_REPORT (self), FALSE);

  for (; section != NULL; section = section->parent)
    {
      g_autofree char *key = bc_key_section_part (section->id, "omit");
      if (g_str_equal (bc_report_get (self, key), "1"))
        return TRUE;
    }
  return FALSE;
}

/**
 * bc_report_text_length_ok:
 * @what: names the text in the message: a key, "comment 3"
 *
 * Returns: %TRUE when @text is within %BC_LIMIT_TEXT_LENGTH bytes
 */
gboolean
bc_report_text_length_ok (const char  *what,
                          const char  *text,
                          GError     **error)
{
  g_autofree char *limit = NULL;

  if (text == NULL || strnlen (text, BC_LIMIT_TEXT_LENGTH + 1) <= BC_LIMIT_TEXT_LENGTH)
    return TRUE;
  limit = bc_format_int (BC_LIMIT_TEXT_LENGTH / 1024);
  g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_TOO_LARGE,
               _("%s: the text is too long (at most %s KB)"), what, limit);
  return FALSE;
}

/**
 * bc_report_level_from_value:
 * @value: a paragraph's stored level, "" for plain
 *
 * Returns: the #BcLevel it names, -1 when it names none
 */
int
bc_report_level_from_value (const char *value)
{
  if (value == NULL || *value == '\0')
    return BC_LEVEL_PLAIN;
  if (value[1] == '\0' && value[0] >= '0' && value[0] <= '0' + BC_LEVEL_NUMBERED)
    return value[0] - '0';
  return -1;
}

/**
 * bc_report_paragraph_marks:
 * @section_id: a narrative, figures or catalog section
 *
 * What each paragraph of a section prints before its text: "- ", "+ ",
 * "(2) ", "3. " or nothing. Numbers are counted when printed, never
 * stored, so adding, moving or removing a paragraph keeps them right:
 * "1." paragraphs count through the section; "(n)" paragraphs count from
 * (1) again after each "1." paragraph; other paragraphs do not count.
 *
 * Returns: (transfer full): one mark per item of the section's order,
 *   "" for a plain paragraph
 */
char **
bc_report_paragraph_marks (BcReport   *self,
                           const char *section_id)
{
  g_auto(GStrv) order = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  guint numbered = 0, bracketed = 0;

  g_return_val_if_fail (BC_IS_REPORT (self), NULL);

  order = bc_report_get_list_order (self, section_id);
  builder = g_strv_builder_new ();
  for (guint i = 0; order[i]; i++)
    {
      g_autofree char *key = bc_key_item_field (section_id, order[i], "level");
      g_autofree char *mark = NULL;

      switch (bc_report_level_from_value (bc_report_get (self, key)))
        {
        case BC_LEVEL_DASH:
          mark = g_strdup ("- ");
          break;
        case BC_LEVEL_PLUS:
          mark = g_strdup ("+ ");
          break;
        case BC_LEVEL_BRACKETED:
          mark = g_strdup_printf ("(%u) ", ++bracketed);
          break;
        case BC_LEVEL_NUMBERED:
          bracketed = 0;
          mark = g_strdup_printf ("%u. ", ++numbered);
          break;
        default:
          mark = g_strdup ("");
          break;
        }
      g_strv_builder_add (builder, mark);
    }
  return g_strv_builder_end (builder);
}
