/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-template"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "bc-expr.h"
#include "bc-json.h"
#include "bc-keys.h"
#include "bc-limits.h"
#include "bc-number.h"
#include "bc-office.h"
#include "bc-period.h"
#include "bc-template-private.h"
#include "bc-text-utils.h"


G_DEFINE_FINAL_TYPE (BcTemplate, bc_template, G_TYPE_OBJECT)

G_DEFINE_QUARK (bc-template-error-quark, bc_template_error)

static void
bc_template_finalize (GObject *object)
{
  BcTemplate *self = (BcTemplate *) object;

  g_free (self->json);
  g_free (self->id);
  g_free (self->name);
  g_free (self->kind);
  g_free (self->unit_kind);
  g_hash_table_unref (self->header);
  g_hash_table_unref (self->section_index);
  g_hash_table_unref (self->figure_index);
  g_hash_table_unref (self->figure_sections);
  g_hash_table_unref (self->table_index);
  g_ptr_array_unref (self->sections);
  g_ptr_array_unref (self->tables);
  g_ptr_array_unref (self->rules);

  G_OBJECT_CLASS (bc_template_parent_class)->finalize (object);
}

static void
bc_template_class_init (BcTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_template_finalize;
}

static void
bc_template_init (BcTemplate *self)
{
  self->header = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->section_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->figure_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->figure_sections = g_hash_table_new (g_str_hash, g_str_equal);
  self->table_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_template_section_free);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_template_table_free);
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_template_rule_free);
  self->cutoff_day = 14;
  self->title_period = TRUE;
}

/**
 * bc_template_new_from_data:
 * @data: the template JSON
 * @length: length of @data, or -1 when nul-terminated
 * @origin: a name for error messages (the file name)
 * @catalog_dir: (nullable): where catalogs named by tables are read from
 * @error: return location for a #GError
 *
 * Parses and checks a template. Catalogs are resolved into the template,
 * so bc_template_to_json() returns a copy that needs no catalog files.
 *
 * Returns: (transfer full): the template, or %NULL with @error set
 */
BcTemplate *
bc_template_new_from_data (const char  *data,
                           gssize       length,
                           const char  *origin,
                           const char  *catalog_dir,
                           GError     **error)
{
  /* Mutable nodes: resolving catalogs rewrites the tree. */
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BcTemplate) self = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (origin != NULL, NULL);

  /* Refused unparsed: a parse costs time and memory by the size. */
  if ((length < 0 ? strnlen (data, BC_LIMIT_TEMPLATE_SIZE + 1) : (gsize) length) > BC_LIMIT_TEMPLATE_SIZE)
    {
      g_set_error (error, BC_TEMPLATE_ERROR, BC_TEMPLATE_ERROR_INVALID, "%s: (top): a template is at most %d MB",
                   origin, BC_LIMIT_TEMPLATE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!bc_json_load (parser, data, length, &local_error))
    {
      /* json-glib names the input "<data>"; we name the file. */
      const char *message = local_error->message;
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, BC_TEMPLATE_ERROR, BC_TEMPLATE_ERROR_SYNTAX,
                   "%s: %s", origin, message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, BC_TEMPLATE_ERROR, BC_TEMPLATE_ERROR_INVALID, "%s: (top): the file is empty", origin);
      return NULL;
    }
  /* Taken, not copied: a copy of a large template costs as much as its parse. */
  root = json_parser_steal_root (parser);
  self = g_object_new (BC_TYPE_TEMPLATE, NULL);
  if (!bc_template_load (self, root, origin, catalog_dir, error))
    return NULL;

  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  self->json = json_generator_to_data (generator, NULL);
  return g_steal_pointer (&self);
}

/**
 * bc_template_new_from_file:
 *
 * Returns: (transfer full): the template, or %NULL with @error set
 */
BcTemplate *
bc_template_new_from_file (const char  *path,
                           const char  *catalog_dir,
                           GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, BC_TEMPLATE_ERROR, BC_TEMPLATE_ERROR_READ,
                   "%s", local_error->message);
      return NULL;
    }
  return bc_template_new_from_data (data, length, path, catalog_dir, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (bc_template_get_name (*(BcTemplate **) a),
                         bc_template_get_name (*(BcTemplate **) b));
}

/**
 * bc_template_load_dir:
 *
 * Loads every `*.json` in @template_dir; the first bad one fails the call.
 *
 * Returns: (transfer container) (element-type BcTemplate): the templates, by name
 */
GPtrArray *
bc_template_load_dir (const char  *template_dir,
                      const char  *catalog_dir,
                      GError     **error)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = g_dir_open (template_dir, 0, error);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      BcTemplate *template;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (template_dir, name, NULL);
      if ((template = bc_template_new_from_file (path, catalog_dir, error)) == NULL)
        return NULL;
      g_ptr_array_add (templates, template);
    }
  g_ptr_array_sort (templates, compare_names);
  return g_steal_pointer (&templates);
}

const char *
bc_template_get_id (BcTemplate *self)
{
  g_return_val_if_fail (BC_IS_TEMPLATE (self), NULL);
  return self->id;
}

const char *
bc_template_get_name (BcTemplate *self)
{
  g_return_val_if_fail (BC_IS_TEMPLATE (self), NULL);
  return self->name;
}

const char *
bc_template_get_kind (BcTemplate *self)
{
  g_return_val_if_fail (BC_IS_TEMPLATE (self), NULL);
  return self->kind;
}

BcRegime
bc_template_get_regime (BcTemplate *self)
{
  g_return_val_if_fail (BC_IS_TEMPLATE (self), BC_REGIME_MONTHLY);
  return self->regime;
}

guint
bc_template_get_cutoff_day (BcTemplate *self)
{
  g_return_val_if_fail (BC_IS_TEMPLATE (self), 14);
  return self->cutoff_day;
}

/**
 * bc_template_get_title_period:
 *
 * Returns: whether a report's title prints its period, "(từ 21/04/2024
 *   đến 20/05/2024)", under the summary (`period.title_line`)
 */
gboolean
bc_template_get_title_period (BcTemplate *self)
{
  g_return_val_if_fail (BC_IS_TEMPLATE (self), TRUE);
  return self->title_period;
}

/**
 * bc_template_get_due_working_days:
 *
 * Returns: how many working days after its period's last day a report is
 *   due (0: on that day, or the next working day when it is not one)
 */
guint
bc_template_get_due_working_days (BcTemplate *self)
{
  g_return_val_if_fail (BC_IS_TEMPLATE (self), 0);
  return self->due_working_days;
}

/**
 * bc_template_get_unit_kind:
 *
 * Returns: (nullable): the kind of unit the template is written for
 *   ("huyện", "tỉnh"), or %NULL when it does not say
 */
const char *
bc_template_get_unit_kind (BcTemplate *self)
{
  g_return_val_if_fail (BC_IS_TEMPLATE (self), NULL);
  return self->unit_kind;
}

/**
 * bc_template_get_header:
 *
 * Returns: (transfer none) (element-type utf8 utf8): "header/<field>" to default value
 */
GHashTable *
bc_template_get_header (BcTemplate *self)
{
  g_return_val_if_fail (BC_IS_TEMPLATE (self), NULL);
  return self->header;
}

/* The kind of body a name gives: its first two words, folded ("tổ công"
 * for "TỔ CÔNG TÁC ĐỀ ÁN 06", "công an" for "CÔNG AN HUYỆN MƯỜNG LÁT"). */
static char *
body_kind (const char *name)
{
  g_autofree char *nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  g_autofree char *folded = g_utf8_casefold (nfc ? nfc : "", -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  g_autoptr(GString) kind = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; words[i] && n < 2; i++)
    if (*words[i] != '\0')
      g_string_append_printf (kind, "%s%s", n++ ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&kind), FALSE);
}

/**
 * bc_template_header_applies:
 * @key: a key of bc_template_get_header(): "header/signer_title"
 * @office: (nullable): the office the report is written for
 *
 * Whether the template's wording of @key goes into a report for @office.
 * The signature block's titles are titles in the body the template issues
 * from (TỔ TRƯỞNG of a Tổ công tác, TRƯỞNG BAN of a Ban chỉ đạo): an office
 * whose own issuing body is of another kind (CÔNG AN HUYỆN …: its first
 * two words differ) signs with its profile's words alone, a line it
 * leaves empty not printed.
 *
 * Returns: %FALSE for a signature line of the template @office does not sign with
 */
gboolean
bc_template_header_applies (BcTemplate *self,
                            const char *key,
                            BcOffice   *office)
{
  g_auto(BcKey) parsed = BC_KEY_INIT;
  const char *issuer;
  const char *own;
  g_autofree char *expanded = NULL;
  g_autofree char *own_kind = NULL;
  g_autofree char *template_kind = NULL;

  g_return_val_if_fail (BC_IS_TEMPLATE (self), TRUE);
  g_return_val_if_fail (key != NULL, TRUE);

  if (office == NULL || bc_key_parse (&parsed, key) != BC_KEY_HEADER || !g_str_has_prefix (parsed.id, "signer_"))
    return TRUE;
  own = bc_office_get (office, "issuing_body");
  issuer = g_hash_table_lookup (self->header, "header/issuing_body");
  if (*own == '\0' || issuer == NULL)
    return TRUE;
  expanded = bc_template_expand (issuer, office, NULL, NULL);
  own_kind = body_kind (own);
  template_kind = body_kind (expanded);
  return g_str_equal (own_kind, template_kind);
}

/**
 * bc_template_get_sections:
 *
 * Returns: (transfer none) (element-type BcSection): the top-level sections
 */
GPtrArray *
bc_template_get_sections (BcTemplate *self)
{
  g_return_val_if_fail (BC_IS_TEMPLATE (self), NULL);
  return self->sections;
}

/**
 * bc_template_get_tables:
 *
 * Returns: (transfer none) (element-type BcTableDef): the appendix tables
 */
GPtrArray *
bc_template_get_tables (BcTemplate *self)
{
  g_return_val_if_fail (BC_IS_TEMPLATE (self), NULL);
  return self->tables;
}

/**
 * bc_template_get_rules:
 *
 * Returns: (transfer none) (element-type BcRule): the rules
 */
GPtrArray *
bc_template_get_rules (BcTemplate *self)
{
  g_return_val_if_fail (BC_IS_TEMPLATE (self), NULL);
  return self->rules;
}

const BcSection *
bc_template_find_section (BcTemplate *self,
                          const char *id)
{
  g_return_val_if_fail (BC_IS_TEMPLATE (self), NULL);
  return g_hash_table_lookup (self->section_index, id);
}

/**
 * bc_template_find_figure:
 * @section: (out) (optional): the section that holds the figure
 */
const BcFigure *
bc_template_find_figure (BcTemplate       *self,
                         const char       *id,
                         const BcSection **section)
{
  g_return_val_if_fail (BC_IS_TEMPLATE (self), NULL);
  if (section != NULL)
    *section = g_hash_table_lookup (self->figure_sections, id);
  return g_hash_table_lookup (self->figure_index, id);
}

const BcTableDef *
bc_template_find_table (BcTemplate *self,
                        const char *id)
{
  g_return_val_if_fail (BC_IS_TEMPLATE (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->table_index, id) : NULL;
}

/**
 * bc_template_to_json:
 *
 * Returns: the resolved template, to be stored with a report
 */
const char *
bc_template_to_json (BcTemplate *self)
{
  g_return_val_if_fail (BC_IS_TEMPLATE (self), NULL);
  return self->json;
}

const BcColumn *
bc_table_def_find_column (const BcTableDef *table,
                          const char       *id)
{
  return id != NULL ? g_hash_table_lookup (table->column_index, id) : NULL;
}

const BcRow *
bc_table_def_find_row (const BcTableDef *table,
                       const char       *key)
{
  return key != NULL ? g_hash_table_lookup (table->row_index, key) : NULL;
}

const char *
bc_section_kind_to_string (BcSectionKind kind)
{
  static const char * const names[] = { "group", "narrative", "documents", "figures", "tasks", "catalog", "followup" };

  g_return_val_if_fail (kind <= BC_SECTION_FOLLOWUP, NULL);
  return names[kind];
}

/**
 * bc_template_default_dir:
 * @what: "templates" or "catalogs"
 *
 * Returns: (transfer full): the folder to read shipped @what from
 */
char *
bc_template_default_dir (const char *what)
{
  const char *env = g_getenv ("BAOCAO_DATADIR");
  g_autofree char *source = g_build_filename (SOURCE_DATADIR, what, NULL);

  if (env != NULL && *env != '\0')
    return g_build_filename (env, what, NULL);
  if (g_file_test (source, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&source);
  return g_build_filename (PKGDATADIR, what, NULL);
}

static char *
upper (const char *text)
{
  return g_utf8_strup (text, -1);
}

/**
 * bc_template_expand:
 * @text: a template's wording
 * @office: (nullable): the office the report is written for
 * @period_from: (nullable): the period's first day, ISO
 * @period_to: (nullable): its last day, ISO
 *
 * Fills in the placeholders of a template's wording (documented in
 * docs/template-format.md): {unit} "Ninh Hải", {unit_kind} "huyện",
 * {UNIT} and {UNIT_KIND} in capitals, {place} (the profile's place, else
 * its unit), and {month}, {year} (of the period's last day) and {period}
 * "từ 15/05/2024 đến 14/06/2024". Without @office, or without a period,
 * their placeholders are left as they are. The one function for the
 * header, section titles and intros, so that they always agree.
 *
 * Returns: (transfer full): the text with its placeholders filled in
 */
char *
bc_template_expand (const char *text,
                    BcOffice   *office,
                    const char *period_from,
                    const char *period_to)
{
  g_autoptr(GString) out = NULL;
  GDate end;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (office == NULL || BC_IS_OFFICE (office), NULL);

  out = g_string_new (text);
  if (strchr (text, '{') == NULL)
    return g_string_free (g_steal_pointer (&out), FALSE);
  if (office != NULL)
    {
      const char *unit = bc_office_get (office, "unit");
      const char *kind = bc_office_get (office, "unit_kind");
      const char *place = bc_office_get (office, "place");
      g_autofree char *unit_upper = upper (unit);
      g_autofree char *kind_upper = upper (kind);

      g_string_replace (out, "{unit}", unit, 0);
      g_string_replace (out, "{unit_kind}", kind, 0);
      g_string_replace (out, "{UNIT}", unit_upper, 0);
      g_string_replace (out, "{UNIT_KIND}", kind_upper, 0);
      g_string_replace (out, "{place}", *place ? place : unit, 0);
    }
  if (period_to != NULL && bc_date_parse (period_to, &end))
    {
      g_autofree char *month = g_strdup_printf ("%02u", g_date_get_month (&end));
      g_autofree char *year = g_strdup_printf ("%u", g_date_get_year (&end));
      g_autofree char *from_text = period_from ? bc_date_to_display (period_from) : NULL;
      g_autofree char *to_text = bc_date_to_display (period_to);

      g_string_replace (out, "{month}", month, 0);
      g_string_replace (out, "{year}", year, 0);
      if (from_text != NULL)
        {
          g_autofree char *period = g_strdup_printf ("từ %s đến %s", from_text, to_text);
          g_string_replace (out, "{period}", period, 0);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
