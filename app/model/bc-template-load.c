/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-template"

/* Reading a template: its JSON checked member by member, with the place
 * of each mistake; the header, the sections and their figures, the tables
 * (rows, columns, catalogs, defaults) and the rules. */

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

/* Loading context: where we are, for error messages. */
typedef struct
{
  const char  *origin;
  const char  *catalog_dir;
  GError     **error;
} Ctx;

static gboolean G_GNUC_PRINTF (3, 4)
invalid (Ctx        *ctx,
         const char *place,
         const char *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (*ctx->error != NULL)
    return FALSE;
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (ctx->error, BC_TEMPLATE_ERROR, BC_TEMPLATE_ERROR_INVALID,
               "%s: %s: %s", ctx->origin, place, what);
  return FALSE;
}

static gboolean
check_members (Ctx                *ctx,
               JsonObject         *obj,
               const char         *place,
               const char * const *allowed)
{
  g_autoptr(GList) members = json_object_get_members (obj);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return invalid (ctx, place, "unknown member “%s”", (char *) l->data);
  return TRUE;
}

static JsonObject *
get_object (Ctx        *ctx,
            JsonNode   *node,
            const char *place)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (ctx, place, "expected an object");
      return NULL;
    }
  return json_node_get_object (node);
}

static char *
nfc (const char *s)
{
  /* ASCII is its own NFC: a long rule expression costs no normalising. */
  return g_str_is_ascii (s) ? g_strdup (s) : g_utf8_normalize (s, -1, G_NORMALIZE_NFC);
}

static gboolean
is_date_style (const char *style)
{
  return g_strv_contains ((const char *[]) { "d/m/yyyy", "dd/m/yyyy", "dd/mm/yyyy", NULL }, style);
}

/* A string member; NULL with an error when it is required and absent or
 * when it has the wrong type. */
static gboolean
get_string (Ctx         *ctx,
            JsonObject  *obj,
            const char  *place,
            const char  *member,
            gboolean     required,
            char       **out)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = NULL;
  if (node == NULL)
    {
      if (required)
        return invalid (ctx, place, "missing member “%s”", member);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (ctx, place, "“%s” must be a string", member);
  if (bc_text_has_controls (json_node_get_string (node), TRUE))
    return invalid (ctx, place, "“%s” holds a control character", member);
  *out = nfc (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_bool (Ctx        *ctx,
          JsonObject *obj,
          const char *place,
          const char *member,
          gboolean   *out)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return invalid (ctx, place, "“%s” must be true or false", member);
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_int (Ctx        *ctx,
         JsonObject *obj,
         const char *place,
         const char *member,
         gint64      min,
         gint64      max,
         gint64     *out)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid (ctx, place, "“%s” must be a whole number", member);
  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    return invalid (ctx, place, "“%s” must be between %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT,
                    member, min, max);
  return TRUE;
}

static JsonArray *
get_array (Ctx        *ctx,
           JsonObject *obj,
           const char *place,
           const char *member,
           gboolean    required)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL)
    {
      if (required)
        invalid (ctx, place, "missing member “%s”", member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (ctx, place, "“%s” must be an array", member);
      return NULL;
    }
  return json_node_get_array (node);
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_' || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
get_id (Ctx         *ctx,
        JsonObject  *obj,
        const char  *place,
        char       **out)
{
  if (!get_string (ctx, obj, place, "id", TRUE, out))
    return FALSE;
  if (!valid_id (*out))
    return invalid (ctx, place, "id “%s” may only hold a-z, 0-9, “_” and “-”", *out);
  return TRUE;
}

/* Free functions for the parts. */

static void
figure_free (BcFigure *f)
{
  g_free (f->id);
  g_free (f->label);
  g_free (f->unit);
  g_free (f->denominator);
  g_free (f->from_months);
  g_free (f->from_months_den);
  g_free (f);
}

void
bc_template_section_free (BcSection *s)
{
  g_free (s->id);
  g_free (s->number);
  g_free (s->title);
  g_free (s->hint);
  g_free (s->intro);
  g_free (s->item_noun);
  g_free (s->empty_text);
  g_free (s->list_mark);
  g_free (s->date_style);
  g_strfreev (s->from_months);
  g_free (s->lead_label);
  g_free (s->cooperating_label);
  g_free (s->deadline_label);
  g_ptr_array_unref (s->children);
  g_ptr_array_unref (s->figures);
  g_free (s);
}

static void
column_free (BcColumn *c)
{
  g_free (c->id);
  g_free (c->label);
  g_free (c->group);
  g_free (c->role);
  g_strfreev (c->choices);
  g_free (c->numerator);
  g_free (c->denominator);
  g_free (c->unit);
  g_free (c);
}

static void
row_free (BcRow *r)
{
  g_free (r->key);
  g_free (r->number);
  g_free (r->label);
  g_free (r);
}

void
bc_template_table_free (BcTableDef *t)
{
  g_free (t->id);
  g_strfreev (t->from_units);
  g_free (t->title);
  g_free (t->caption);
  g_free (t->period_line);
  g_free (t->date_style);
  g_free (t->section);
  g_free (t->name_label);
  g_hash_table_unref (t->row_index);
  g_hash_table_unref (t->column_index);
  g_ptr_array_unref (t->columns);
  g_ptr_array_unref (t->rows);
  g_hash_table_unref (t->defaults);
  g_free (t->totals_label);
  g_free (t);
}

void
bc_template_rule_free (BcRule *r)
{
  g_free (r->id);
  g_free (r->left);
  g_free (r->op);
  g_free (r->right);
  g_free (r->message);
  g_free (r);
}

/* Header */

static const char * const header_scalars[] = {
  "supervising_body", "issuing_body", "symbol", "place", "doc_type",
  "summary", "legal_basis", "closing", NULL
};

static gboolean
join_strings (Ctx         *ctx,
              JsonObject  *obj,
              const char  *place,
              const char  *member,
              char       **out)
{
  JsonArray *array = get_array (ctx, obj, place, member, FALSE);
  g_autoptr(GString) joined = g_string_new (NULL);

  *out = NULL;
  if (array == NULL)
    return *ctx->error == NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *s = NULL;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_autofree char *where = g_strdup_printf ("%s.%s[%u]", place, member, i);
          return invalid (ctx, where, "expected a string");
        }
      s = nfc (json_node_get_string (node));
      if (joined->len > 0)
        g_string_append_c (joined, '\n');
      g_string_append (joined, s);
    }
  *out = g_string_free (g_steal_pointer (&joined), FALSE);
  return TRUE;
}

static gboolean
load_header (BcTemplate *self,
             Ctx        *ctx,
             JsonNode   *node)
{
  static const char * const allowed[] = {
    "supervising_body", "issuing_body", "symbol", "place", "doc_type", "summary",
    "recipients", "legal_basis", "closing", "cc", "signer", NULL
  };
  static const char * const signer_allowed[] = {
    "authority", "body", "authority_title", "title", "title2", "name", NULL
  };
  static const char * const authorities[] = { "", "TM.", "KT.", "Q.", "TL.", "TUQ.", NULL };
  JsonObject *obj;
  JsonObject *signer;
  char *value;

  if (node == NULL)
    return TRUE;
  if ((obj = get_object (ctx, node, "header")) == NULL
      || !check_members (ctx, obj, "header", allowed))
    return FALSE;
  for (guint i = 0; header_scalars[i]; i++)
    {
      if (!get_string (ctx, obj, "header", header_scalars[i], FALSE, &value))
        return FALSE;
      if (value != NULL)
        g_hash_table_insert (self->header, bc_key_header (header_scalars[i]), value);
    }
  if (!join_strings (ctx, obj, "header", "recipients", &value))
    return FALSE;
  if (value != NULL)
    g_hash_table_insert (self->header, g_strdup ("header/recipients"), value);
  if (!join_strings (ctx, obj, "header", "cc", &value))
    return FALSE;
  if (value != NULL)
    g_hash_table_insert (self->header, g_strdup ("header/cc"), value);

  if ((node = json_object_get_member (obj, "signer")) == NULL)
    return TRUE;
  if ((signer = get_object (ctx, node, "header.signer")) == NULL
      || !check_members (ctx, signer, "header.signer", signer_allowed))
    return FALSE;
  for (guint i = 0; signer_allowed[i]; i++)
    {
      if (!get_string (ctx, signer, "header.signer", signer_allowed[i], FALSE, &value))
        return FALSE;
      if (value == NULL)
        continue;
      if (i == 0 && !g_strv_contains (authorities, value))
        {
          invalid (ctx, "header.signer.authority",
                   "“%s” is not one of TM., KT., Q., TL., TUQ. or empty", value);
          g_free (value);
          return FALSE;
        }
      g_autofree char *field = g_strconcat ("signer_", signer_allowed[i], NULL);

      g_hash_table_insert (self->header, bc_key_header (field), value);
    }
  return TRUE;
}

/* Sections */

/* The expressions name the monthly template's figures and columns, not
 * this template's: only their form is checked here. */
static gboolean
check_month_expression (Ctx        *ctx,
                        const char *text,
                        const char *place)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BcExpr) expr = text ? bc_expr_parse (text, &local_error) : NULL;

  if (text != NULL && expr == NULL)
    return invalid (ctx, place, "%s", local_error->message);
  return TRUE;
}

/* "from_months": { "value": EXPR, "den": EXPR }: how a report built from
 * its months computes this figure from each month's report. */
static gboolean
load_from_months (Ctx        *ctx,
                  JsonObject *figure,
                  const char *place,
                  BcFigure   *f)
{
  static const char * const allowed[] = { "value", "den", NULL };
  JsonNode *node = json_object_get_member (figure, "from_months");
  g_autofree char *where = NULL, *value_place = NULL, *den_place = NULL;
  JsonObject *obj;

  if (node == NULL)
    return TRUE;
  where = g_strdup_printf ("%s.from_months", place);
  value_place = g_strdup_printf ("%s.value", where);
  den_place = g_strdup_printf ("%s.den", where);
  if ((obj = get_object (ctx, node, where)) == NULL
      || !check_members (ctx, obj, where, allowed)
      || !get_string (ctx, obj, where, "value", TRUE, &f->from_months)
      || !get_string (ctx, obj, where, "den", FALSE, &f->from_months_den)
      || !check_month_expression (ctx, f->from_months, value_place)
      || !check_month_expression (ctx, f->from_months_den, den_place))
    return FALSE;
  if (f->from_months_den != NULL && f->denominator == NULL)
    return invalid (ctx, den_place, "the figure has no denominator");
  return TRUE;
}

static gboolean
load_figure (BcTemplate *self,
             Ctx        *ctx,
             JsonNode   *node,
             const char *place,
             BcSection  *section)
{
  static const char * const allowed[] = { "id", "label", "unit", "cumulative", "denominator", "may_exceed",
                                          "from_months", "additive", NULL };
  JsonObject *obj;
  BcFigure *f = g_new0 (BcFigure, 1);

  g_ptr_array_add (section->figures, f);
  if ((obj = get_object (ctx, node, place)) == NULL
      || !check_members (ctx, obj, place, allowed)
      || !get_id (ctx, obj, place, &f->id)
      || !get_string (ctx, obj, place, "label", TRUE, &f->label)
      || !get_string (ctx, obj, place, "unit", FALSE, &f->unit)
      || !get_bool (ctx, obj, place, "cumulative", &f->cumulative)
      || !get_string (ctx, obj, place, "denominator", FALSE, &f->denominator)
      || !get_bool (ctx, obj, place, "may_exceed", &f->may_exceed)
      || !get_bool (ctx, obj, place, "additive", &f->additive)
      || !load_from_months (ctx, obj, place, f))
    return FALSE;
  if (f->may_exceed && f->denominator == NULL)
    return invalid (ctx, place, "“may_exceed” needs a “denominator”");
  if (f->unit == NULL)
    f->unit = g_strdup ("");
  if (g_hash_table_contains (self->figure_index, f->id))
    return invalid (ctx, place, "figure id “%s” is used twice", f->id);
  if (g_hash_table_size (self->figure_index) >= BC_LIMIT_FIGURES)
    return invalid (ctx, place, "a template has at most %d figures", BC_LIMIT_FIGURES);
  g_hash_table_insert (self->figure_index, f->id, f);
  g_hash_table_insert (self->figure_sections, f->id, section);
  return TRUE;
}

/* A section's "from_months": the ids of the monthly template's sections
 * whose documents a report built from its months lists in it. They name
 * the monthly template's sections: only their form is checked here. */
static gboolean
load_section_from_months (Ctx        *ctx,
                          JsonObject *obj,
                          const char *place,
                          BcSection  *s)
{
  JsonArray *array = get_array (ctx, obj, place, "from_months", FALSE);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autofree char *where = g_strdup_printf ("%s.from_months", place);
  guint n;

  if (array == NULL)
    return *ctx->error == NULL;
  if (s->kind != BC_SECTION_DOCUMENTS && s->kind != BC_SECTION_NARRATIVE)
    return invalid (ctx, where, "only a “documents” or “narrative” section lists the months’ documents");
  if ((n = json_array_get_length (array)) == 0)
    return invalid (ctx, where, "expected the id of at least one section of the monthly template");
  for (guint i = 0; i < n; i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      const char *id = JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING
                       ? json_node_get_string (e) : NULL;

      if (id == NULL || !valid_id (id))
        return invalid (ctx, where, "item %u is not a section id", i);
      g_strv_builder_add (ids, id);
    }
  s->from_months = g_strv_builder_end (ids);
  return TRUE;
}

static gboolean load_sections (BcTemplate *self, Ctx *ctx, JsonArray *array,
                               const char *place, BcSection *parent, GPtrArray *into);
static gboolean load_catalog_items (BcTemplate *self, Ctx *ctx, JsonObject *obj,
                                    const char *place, BcSection *section);

static gboolean
load_section (BcTemplate *self,
              Ctx        *ctx,
              JsonNode   *node,
              const char *place,
              BcSection  *parent,
              GPtrArray  *into)
{
  static const char * const allowed[] = {
    "id", "number", "title", "kind", "hint", "intro", "required", "children", "figures", "figure_list",
    "catalog", "rows", "item_noun", "item_figures", "empty_text",
    "list_mark", "date_style", "lead_label", "cooperating_label", "deadline_label", "outcome", "from_months", NULL
  };
  static const char * const kinds[] = {
    "group", "narrative", "documents", "figures", "tasks", "catalog", "followup", NULL
  };
  g_autofree char *kind = NULL;
  g_autofree char *where = NULL;
  JsonObject *obj;
  JsonArray *array;
  BcSection *s = g_new0 (BcSection, 1);

  s->children = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_template_section_free);
  s->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_free);
  s->parent = parent;
  s->depth = parent ? parent->depth + 1 : 0;
  g_ptr_array_add (into, s);

  if ((obj = get_object (ctx, node, place)) == NULL
      || !check_members (ctx, obj, place, allowed)
      || !get_id (ctx, obj, place, &s->id)
      || !get_string (ctx, obj, place, "number", FALSE, &s->number)
      || !get_string (ctx, obj, place, "title", TRUE, &s->title)
      || !get_string (ctx, obj, place, "kind", TRUE, &kind)
      || !get_string (ctx, obj, place, "hint", FALSE, &s->hint)
      || !get_string (ctx, obj, place, "intro", FALSE, &s->intro)
      || !get_string (ctx, obj, place, "empty_text", FALSE, &s->empty_text)
      || !get_string (ctx, obj, place, "list_mark", FALSE, &s->list_mark)
      || !get_string (ctx, obj, place, "date_style", FALSE, &s->date_style)
      || !get_string (ctx, obj, place, "lead_label", FALSE, &s->lead_label)
      || !get_string (ctx, obj, place, "cooperating_label", FALSE, &s->cooperating_label)
      || !get_string (ctx, obj, place, "deadline_label", FALSE, &s->deadline_label)
      || !get_bool (ctx, obj, place, "required", &s->required)
      || !get_bool (ctx, obj, place, "figure_list", &s->figure_list)
      || !get_bool (ctx, obj, place, "outcome", &s->outcome))
    return FALSE;
  if (s->number == NULL)
    s->number = g_strdup ("");
  if (!g_strv_contains (kinds, kind))
    return invalid (ctx, place, "kind “%s” is not one of group, narrative, documents, figures, tasks, catalog, followup", kind);
  for (guint i = 0; kinds[i]; i++)
    if (g_str_equal (kinds[i], kind))
      s->kind = (BcSectionKind) i;
  if (g_hash_table_contains (self->section_index, s->id))
    return invalid (ctx, place, "section id “%s” is used twice", s->id);
  if (g_hash_table_size (self->section_index) >= BC_LIMIT_SECTIONS)
    return invalid (ctx, place, "a template has at most %d sections", BC_LIMIT_SECTIONS);
  g_hash_table_insert (self->section_index, s->id, s);
  if (!load_catalog_items (self, ctx, obj, place, s) || !load_section_from_months (ctx, obj, place, s))
    return FALSE;

  array = get_array (ctx, obj, place, "figures", FALSE);
  if (array != NULL && s->kind != BC_SECTION_FIGURES)
    return invalid (ctx, place, "only a “figures” section has figures");
  if (array == NULL && s->kind == BC_SECTION_FIGURES)
    return invalid (ctx, place, "a “figures” section needs “figures”");
  if (s->figure_list && s->kind != BC_SECTION_FIGURES)
    return invalid (ctx, place, "only a “figures” section has a “figure_list”");
  if ((s->list_mark || s->date_style) && s->kind != BC_SECTION_DOCUMENTS)
    return invalid (ctx, place, "only a “documents” section has a “list_mark” or a “date_style”");
  if (s->list_mark && !g_strv_contains ((const char *[]) { "-", "+", ";", NULL }, s->list_mark))
    return invalid (ctx, place, "“list_mark” is “-”, “+” or “;”, not “%s”", s->list_mark);
  if (s->date_style && !is_date_style (s->date_style))
    return invalid (ctx, place, "“date_style” is “d/m/yyyy”, “dd/m/yyyy” or “dd/mm/yyyy”, not “%s”", s->date_style);
  if ((s->lead_label || s->cooperating_label || s->deadline_label) && s->kind != BC_SECTION_TASKS)
    return invalid (ctx, place, "only a “tasks” section has task line labels");
  if (s->outcome && s->kind != BC_SECTION_FOLLOWUP)
    return invalid (ctx, place, "only a “followup” section has an “outcome”");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *fplace = g_strdup_printf ("%s.figures[%u]", place, i);
      if (!load_figure (self, ctx, json_array_get_element (array, i), fplace, s))
        return FALSE;
    }

  array = get_array (ctx, obj, place, "children", FALSE);
  if (*ctx->error != NULL)
    return FALSE;
  if (s->kind == BC_SECTION_GROUP && (array == NULL || json_array_get_length (array) == 0))
    return invalid (ctx, place, "a “group” section needs “children”");
  where = g_strdup_printf ("%s.children", place);
  return array == NULL || load_sections (self, ctx, array, where, s, s->children);
}

static gboolean
load_sections (BcTemplate *self,
               Ctx        *ctx,
               JsonArray  *array,
               const char *place,
               BcSection  *parent,
               GPtrArray  *into)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", place, i);
      if (!load_section (self, ctx, json_array_get_element (array, i), where, parent, into))
        return FALSE;
    }
  return TRUE;
}

/* Tables */

static gboolean
load_rows (Ctx        *ctx,
           JsonArray  *array,
           const char *place,
           guint       level,
           BcTableDef *t)
{
  static const char * const allowed[] = { "key", "number", "label", "heading", "children", NULL };

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", place, i);
      g_autofree char *children_place = NULL;
      JsonObject *obj;
      JsonArray *children;
      BcRow *r = g_new0 (BcRow, 1);

      r->level = level;
      r->applies = TRUE;
      g_ptr_array_add (t->rows, r);
      if ((obj = get_object (ctx, json_array_get_element (array, i), where)) == NULL
          || !check_members (ctx, obj, where, allowed)
          || !get_string (ctx, obj, where, "number", TRUE, &r->number)
          || !get_string (ctx, obj, where, "label", TRUE, &r->label)
          || !get_string (ctx, obj, where, "key", FALSE, &r->key)
          || !get_bool (ctx, obj, where, "heading", &r->heading))
        return FALSE;
      if (r->key == NULL)
        r->key = g_strdup (r->number);
      if (!bc_key_id_is_valid (r->key))
        return invalid (ctx, where, "row key “%s” must be non-empty and hold no “/”", r->key);
      /* tbl/<table>/after places a table of the body (bc-report.h). */
      if (g_str_equal (r->key, "after"))
        return invalid (ctx, where, "row key “after” is the table's own part: choose another key");
      if (g_hash_table_contains (t->row_index, r->key))
        return invalid (ctx, where, "row key “%s” is used twice", r->key);
      g_hash_table_insert (t->row_index, r->key, r);
      if (t->rows->len > BC_LIMIT_ROWS)
        return invalid (ctx, where, "a table has at most %d rows", BC_LIMIT_ROWS);
      children = get_array (ctx, obj, where, "children", FALSE);
      if (*ctx->error != NULL)
        return FALSE;
      children_place = g_strdup_printf ("%s.children", where);
      if (children != NULL && !load_rows (ctx, children, children_place, level + 1, t))
        return FALSE;
    }
  return TRUE;
}

/* tbl/<table>/<row>/note and …/applies are a row's own parts. */
static gboolean
is_reserved_column (const char *id)
{
  return g_str_equal (id, "note") || g_str_equal (id, "applies");
}

static gboolean
load_column (Ctx        *ctx,
             JsonNode   *node,
             const char *place,
             BcTableDef *t)
{
  static const char * const allowed[] = {
    "id", "label", "type", "group", "choices", "numerator", "denominator", "max", "role", "may_exceed",
    "cumulative", "optional", NULL
  };
  static const char * const types[] = { "integer", "text", "choice", "computed", "percent", NULL };
  static const char * const roles[] = { "total", "online", "on_time", "overdue", NULL };
  g_autofree char *type = NULL;
  JsonObject *obj;
  JsonArray *choices;
  BcColumn *c = g_new0 (BcColumn, 1);

  c->max = -1;
  g_ptr_array_add (t->columns, c);
  if ((obj = get_object (ctx, node, place)) == NULL
      || !check_members (ctx, obj, place, allowed)
      || !get_id (ctx, obj, place, &c->id)
      || !get_string (ctx, obj, place, "label", TRUE, &c->label)
      || !get_string (ctx, obj, place, "type", TRUE, &type)
      || !get_string (ctx, obj, place, "group", FALSE, &c->group)
      || !get_string (ctx, obj, place, "role", FALSE, &c->role)
      || !get_string (ctx, obj, place, "numerator", FALSE, &c->numerator)
      || !get_string (ctx, obj, place, "denominator", FALSE, &c->denominator)
      || !get_bool (ctx, obj, place, "may_exceed", &c->may_exceed)
      || !get_int (ctx, obj, place, "max", 0, BC_COUNT_MAX, &c->max)
      || !get_bool (ctx, obj, place, "cumulative", &c->cumulative)
      || !get_bool (ctx, obj, place, "optional", &c->optional))
    return FALSE;
  if (!g_strv_contains (types, type))
    return invalid (ctx, place, "type “%s” is not one of integer, text, choice, computed, percent", type);
  for (guint i = 0; types[i]; i++)
    if (g_str_equal (types[i], type))
      c->type = (BcColumnType) i;
  if (c->cumulative && c->type != BC_COLUMN_INTEGER)
    return invalid (ctx, place, "“cumulative” goes with an integer column");
  if (c->max >= 0 && c->type != BC_COLUMN_INTEGER && c->type != BC_COLUMN_PERCENT)
    return invalid (ctx, place, "“max” goes with an integer or percent column");
  if (c->max < 0)
    c->max = c->type == BC_COLUMN_PERCENT ? 100 : G_GINT64_CONSTANT (999999999999);
  if (is_reserved_column (c->id))
    return invalid (ctx, place, "column id “%s” names a part of a row (note, applies)", c->id);
  if (c->role != NULL && (!g_strv_contains (roles, c->role) || c->type != BC_COLUMN_INTEGER))
    return invalid (ctx, place, "role “%s” must be total, online, on_time or overdue, on an integer column", c->role);
  if (g_hash_table_contains (t->column_index, c->id))
    return invalid (ctx, place, "column id “%s” is used twice", c->id);
  g_hash_table_insert (t->column_index, c->id, c);

  choices = get_array (ctx, obj, place, "choices", FALSE);
  if (*ctx->error != NULL)
    return FALSE;
  if ((choices != NULL) != (c->type == BC_COLUMN_CHOICE))
    return invalid (ctx, place, "“choices” goes with type “choice”, and only with it");
  if (choices != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      for (guint i = 0; i < json_array_get_length (choices); i++)
        {
          JsonNode *e = json_array_get_element (choices, i);
          g_autofree char *s = NULL;
          if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
            return invalid (ctx, place, "choices[%u] must be a string", i);
          if (bc_text_has_controls (json_node_get_string (e), FALSE))
            return invalid (ctx, place, "choices[%u] holds a control character", i);
          s = nfc (json_node_get_string (e));
          g_strv_builder_add (builder, s);
        }
      c->choices = g_strv_builder_end (builder);
    }
  if ((c->numerator != NULL || c->denominator != NULL) != (c->type == BC_COLUMN_COMPUTED)
      || (c->type == BC_COLUMN_COMPUTED && (c->numerator == NULL || c->denominator == NULL)))
    return invalid (ctx, place, "a “computed” column needs “numerator” and “denominator”, and only it has them");
  if (c->may_exceed && c->type != BC_COLUMN_COMPUTED)
    return invalid (ctx, place, "only a “computed” column has “may_exceed”");
  return TRUE;
}

static gboolean
check_computed (Ctx        *ctx,
                BcTableDef *t,
                const char *place)
{
  for (guint i = 0; i < t->columns->len; i++)
    {
      BcColumn *c = t->columns->pdata[i];
      const char *refs[] = { c->numerator, c->denominator };

      if (c->type != BC_COLUMN_COMPUTED)
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (refs); j++)
        {
          const BcColumn *ref = bc_table_def_find_column (t, refs[j]);
          if (ref == NULL || ref->type != BC_COLUMN_INTEGER)
            {
              g_autofree char *where = g_strdup_printf ("%s.columns[%u]", place, i);
              return invalid (ctx, where, "“%s” is not an integer column of this table", refs[j]);
            }
        }
    }
  return TRUE;
}

static JsonNode *
read_catalog (Ctx        *ctx,
              const char *name,
              const char *place)
{
  g_autofree char *file = g_strconcat (name, ".json", NULL);
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  JsonObject *obj;
  JsonNode *rows;

  if (!valid_id (name) || ctx->catalog_dir == NULL)
    {
      invalid (ctx, place, "no catalog “%s”", name);
      return NULL;
    }
  path = g_build_filename (ctx->catalog_dir, file, NULL);
  if (!g_file_get_contents (path, &data, &length, &local_error)
      || !bc_json_load (parser, data, (gssize) length, &local_error))
    {
      invalid (ctx, place, "catalog “%s” cannot be read: %s", name, local_error->message);
      return NULL;
    }
  obj = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
        ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  rows = obj ? json_object_get_member (obj, "rows") : NULL;
  if (rows == NULL || !JSON_NODE_HOLDS_ARRAY (rows))
    {
      invalid (ctx, place, "catalog %s has no “rows” array", path);
      return NULL;
    }
  return json_node_copy (rows);
}

static BcTableDef *
table_new (BcTemplate *self)
{
  BcTableDef *t = g_new0 (BcTableDef, 1);

  t->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  t->defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  t->row_index = g_hash_table_new (g_str_hash, g_str_equal);
  t->column_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_ptr_array_add (self->tables, t);
  return t;
}

static gboolean
register_table (BcTemplate *self,
                Ctx        *ctx,
                BcTableDef *t,
                const char *place)
{
  if (g_hash_table_contains (self->table_index, t->id))
    return invalid (ctx, place, "table id “%s” is used twice", t->id);
  if (self->tables->len > BC_LIMIT_TABLES)
    return invalid (ctx, place, "a template has at most %d tables", BC_LIMIT_TABLES);
  g_hash_table_insert (self->table_index, t->id, t);
  return TRUE;
}

/* Resolves a catalog into the tree, so the stored copy stands alone. */
static gboolean
resolve_catalog (Ctx        *ctx,
                 JsonObject *obj,
                 const char *place,
                 const char *catalog)
{
  JsonNode *rows;

  if (catalog == NULL)
    return TRUE;
  if (json_object_has_member (obj, "rows"))
    return invalid (ctx, place, "“catalog” or “rows”, not both");
  if ((rows = read_catalog (ctx, catalog, place)) == NULL)
    return FALSE;
  json_object_set_member (obj, "rows", rows);
  json_object_remove_member (obj, "catalog");
  return TRUE;
}

/* A catalog item's figure: an optional count in a column of the items. */
static gboolean
load_item_figure (Ctx        *ctx,
                  JsonNode   *node,
                  const char *place,
                  BcTableDef *t)
{
  static const char * const allowed[] = { "id", "label", "unit", NULL };
  JsonObject *obj;
  BcColumn *c = g_new0 (BcColumn, 1);

  c->type = BC_COLUMN_INTEGER;
  c->max = G_GINT64_CONSTANT (999999999999);
  c->optional = TRUE;
  g_ptr_array_add (t->columns, c);
  if ((obj = get_object (ctx, node, place)) == NULL
      || !check_members (ctx, obj, place, allowed)
      || !get_id (ctx, obj, place, &c->id)
      || !get_string (ctx, obj, place, "label", TRUE, &c->label)
      || !get_string (ctx, obj, place, "unit", FALSE, &c->unit))
    return FALSE;
  if (is_reserved_column (c->id) || g_hash_table_contains (t->column_index, c->id))
    return invalid (ctx, place, "figure id “%s” is used twice or names a part of an item", c->id);
  g_hash_table_insert (t->column_index, c->id, c);
  return TRUE;
}

/* An item is a catalog row one level under its group, or at the top
 * when the catalog has no groups; a group holds items only. */
static gboolean
check_catalog_rows (Ctx        *ctx,
                    BcTableDef *t,
                    const char *place)
{
  for (guint i = 0; i < t->rows->len; i++)
    {
      const BcRow *row = t->rows->pdata[i];

      if (row->level > 1 || (row->level == 1 && row->heading))
        return invalid (ctx, place, "row “%s”: a catalog section's items are one level under their group",
                        row->key);
    }
  return TRUE;
}

/* A catalog section (docs/template-format.md): its items, the rows of
 * a catalog with groups, are a table of their own under the section's
 * id, a "result" text and the optional item figures their columns, so
 * that the table editor, the checks, the store and the XLSX take them as
 * they take any table; the DOCX prints them as a numbered list. */
/* "mô hình" → "Mô hình" */
static char *
capitalised (const char *text)
{
  const char *rest = g_utf8_next_char (text);
  g_autofree char *first = g_utf8_strup (text, rest - text);

  return *text ? g_strconcat (first, rest, NULL) : g_strdup ("");
}

static gboolean
load_catalog_items (BcTemplate *self,
                    Ctx        *ctx,
                    JsonObject *obj,
                    const char *place,
                    BcSection  *s)
{
  static const char * const own[] = { "catalog", "rows", "item_noun", "item_figures", NULL };
  g_autofree char *catalog = NULL;
  g_autofree char *where = g_strdup_printf ("%s.rows", place);
  JsonArray *array;
  BcTableDef *t;
  BcColumn *result;

  if (s->kind != BC_SECTION_CATALOG)
    {
      for (guint i = 0; own[i]; i++)
        if (json_object_has_member (obj, own[i]))
          return invalid (ctx, place, "only a “catalog” section has “%s”", own[i]);
      return TRUE;
    }
  if (!get_string (ctx, obj, place, "catalog", FALSE, &catalog)
      || !get_string (ctx, obj, place, "item_noun", FALSE, &s->item_noun)
      || !resolve_catalog (ctx, obj, place, catalog))
    return FALSE;
  if (s->item_noun == NULL)
    s->item_noun = g_strdup ("mục");
  t = table_new (self);
  t->id = g_strdup (s->id);
  t->title = g_strdup (s->title);
  t->section = g_strdup (s->id);
  t->items = TRUE;
  /* Its name column is headed by what an item is: "Mô hình". */
  t->name_label = capitalised (s->item_noun);
  s->items = t;
  if (!register_table (self, ctx, t, place))
    return FALSE;
  if ((array = get_array (ctx, obj, place, "rows", TRUE)) == NULL
      || !load_rows (ctx, array, where, 0, t)
      || !check_catalog_rows (ctx, t, where))
    return FALSE;
  result = g_new0 (BcColumn, 1);
  result->id = g_strdup ("result");
  result->label = g_strdup ("Kết quả");
  result->type = BC_COLUMN_TEXT;
  result->optional = TRUE;
  g_ptr_array_add (t->columns, result);
  g_hash_table_insert (t->column_index, result->id, result);
  if ((array = get_array (ctx, obj, place, "item_figures", FALSE)) == NULL)
    return *ctx->error == NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *fplace = g_strdup_printf ("%s.item_figures[%u]", place, i);
      if (!load_item_figure (ctx, json_array_get_element (array, i), fplace, t))
        return FALSE;
    }
  return TRUE;
}

/* "from_units": the ids of the units' tables a consolidated report sums
 * into this one (another template's ids: only their form is checked). */
static gboolean
load_from_units (Ctx        *ctx,
                 JsonObject *obj,
                 const char *place,
                 BcTableDef *t)
{
  JsonArray *array = get_array (ctx, obj, place, "from_units", FALSE);
  guint n;

  if (array == NULL)
    return *ctx->error == NULL;
  n = json_array_get_length (array);
  if (n == 0 || n > BC_LIMIT_TABLES)
    return invalid (ctx, place, "“from_units” lists 1 to %d table ids", BC_LIMIT_TABLES);
  t->from_units = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const char *id = json_array_get_string_element (array, i);
      if (id == NULL || !valid_id (id))
        return invalid (ctx, place, "from_units[%u] is not a table id", i);
      t->from_units[i] = g_strdup (id);
    }
  return TRUE;
}

static gboolean
load_table (BcTemplate *self,
            Ctx        *ctx,
            JsonNode   *node,
            const char *place)
{
  static const char * const allowed[] = {
    "id", "title", "caption", "catalog", "rows", "applicable", "columns", "defaults", "totals",
    "section", "name_label", "period_line", "date_style", "from_units", "unit_annex", NULL
  };
  g_autofree char *catalog = NULL;
  g_autofree char *where = NULL;
  JsonObject *obj;
  JsonArray *array;
  JsonNode *member;
  BcTableDef *t = table_new (self);

  if ((obj = get_object (ctx, node, place)) == NULL
      || !check_members (ctx, obj, place, allowed)
      || !get_id (ctx, obj, place, &t->id)
      || !get_string (ctx, obj, place, "title", TRUE, &t->title)
      || !get_string (ctx, obj, place, "caption", FALSE, &t->caption)
      || !get_string (ctx, obj, place, "period_line", FALSE, &t->period_line)
      || !get_string (ctx, obj, place, "date_style", FALSE, &t->date_style)
      || !get_string (ctx, obj, place, "catalog", FALSE, &catalog)
      || !get_string (ctx, obj, place, "section", FALSE, &t->section)
      || !get_string (ctx, obj, place, "name_label", FALSE, &t->name_label)
      || !get_bool (ctx, obj, place, "unit_annex", &t->unit_annex)
      || !register_table (self, ctx, t, place)
      || !resolve_catalog (ctx, obj, place, catalog))
    return FALSE;
  if (t->section != NULL && bc_template_find_section (self, t->section) == NULL)
    return invalid (ctx, place, "“section”: no section “%s” to hold the table", t->section);
  if (t->date_style != NULL && !is_date_style (t->date_style))
    return invalid (ctx, place, "“date_style” is “d/m/yyyy”, “dd/m/yyyy” or “dd/mm/yyyy”, not “%s”", t->date_style);
  if (t->section != NULL && strstr (t->title, "{number}") != NULL)
    return invalid (ctx, place, "only an appendix is numbered: a table of the body has no “{number}” in its title");
  if (!load_from_units (ctx, obj, place, t))
    return FALSE;
  if (t->unit_annex && t->from_units == NULL)
    return invalid (ctx, place, "“unit_annex” is for a table summed from the units' tables (“from_units”)");
  where = g_strdup_printf ("%s.rows", place);
  if ((array = get_array (ctx, obj, place, "rows", TRUE)) == NULL
      || !load_rows (ctx, array, where, 0, t))
    return FALSE;

  g_clear_pointer (&where, g_free);
  where = g_strdup_printf ("%s.columns", place);
  if ((array = get_array (ctx, obj, place, "columns", TRUE)) == NULL)
    return FALSE;
  if (json_array_get_length (array) > BC_LIMIT_COLUMNS)
    return invalid (ctx, where, "a table has at most %d columns", BC_LIMIT_COLUMNS);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *cplace = g_strdup_printf ("%s[%u]", where, i);
      if (!load_column (ctx, json_array_get_element (array, i), cplace, t))
        return FALSE;
    }
  if (!check_computed (ctx, t, place))
    return FALSE;

  if ((array = get_array (ctx, obj, place, "applicable", FALSE)) != NULL)
    {
      for (guint i = 0; i < t->rows->len; i++)
        ((BcRow *) t->rows->pdata[i])->applies = FALSE;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *key = json_array_get_string_element (array, i);
          BcRow *row = key ? (BcRow *) bc_table_def_find_row (t, key) : NULL;
          if (row == NULL)
            return invalid (ctx, place, "applicable[%u]: no row “%s”", i, key ? key : "?");
          row->applies = TRUE;
        }
    }
  else if (*ctx->error != NULL)
    return FALSE;

  if ((member = json_object_get_member (obj, "defaults")) != NULL)
    {
      JsonObject *defaults = get_object (ctx, member, place);
      g_autoptr(GList) columns = defaults ? json_object_get_members (defaults) : NULL;

      if (defaults == NULL)
        return FALSE;
      for (GList *l = columns; l; l = l->next)
        {
          JsonObject *cells;
          g_autoptr(GList) keys = NULL;
          g_autofree char *dplace = g_strdup_printf ("%s.defaults.%s", place, (char *) l->data);

          if (bc_table_def_find_column (t, l->data) == NULL)
            return invalid (ctx, dplace, "no column “%s”", (char *) l->data);
          if ((cells = get_object (ctx, json_object_get_member (defaults, l->data), dplace)) == NULL)
            return FALSE;
          keys = json_object_get_members (cells);
          for (GList *k = keys; k; k = k->next)
            {
              char *value;
              if (bc_table_def_find_row (t, k->data) == NULL)
                return invalid (ctx, dplace, "no row “%s”", (char *) k->data);
              if (!get_string (ctx, cells, dplace, k->data, TRUE, &value))
                return FALSE;
              g_hash_table_insert (t->defaults,
                                   g_strdup_printf ("%s/%s", (char *) k->data, (char *) l->data),
                                   value);
            }
        }
    }

  if ((member = json_object_get_member (obj, "totals")) != NULL)
    {
      static const char * const totals_allowed[] = { "label", NULL };
      g_autofree char *tplace = g_strdup_printf ("%s.totals", place);
      JsonObject *totals = get_object (ctx, member, tplace);

      if (totals == NULL || !check_members (ctx, totals, tplace, totals_allowed)
          || !get_string (ctx, totals, tplace, "label", TRUE, &t->totals_label))
        return FALSE;
    }
  return TRUE;
}

/* Rules */

typedef struct
{
  BcTemplate *self;
} ResolveData;

static gboolean
validate_ref_cb (BcExprRefKind  kind,
                 const char    *a,
                 const char    *b,
                 double        *value,
                 gpointer       user_data)
{
  BcTemplate *self = user_data;

  *value = 1;
  if (kind == BC_EXPR_REF_FIGURE)
    {
      const BcFigure *f = bc_template_find_figure (self, a, NULL);
      return f != NULL && (b == NULL || f->denominator != NULL);
    }
  else
    {
      const BcTableDef *t = bc_template_find_table (self, a);
      const BcColumn *c = t ? bc_table_def_find_column (t, b) : NULL;
      return c != NULL && c->type == BC_COLUMN_INTEGER;
    }
}

static gboolean
check_expression (BcTemplate *self,
                  Ctx        *ctx,
                  const char *text,
                  const char *place)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BcExpr) expr = bc_expr_parse (text, &local_error);
  g_autofree char *unknown = NULL;

  if (expr == NULL)
    return invalid (ctx, place, "%s", local_error->message);
  if (!bc_expr_validate (expr, validate_ref_cb, self, &unknown))
    return invalid (ctx, place, "“%s” is not a figure (with a denominator for .den) or an integer table column", unknown);
  return TRUE;
}

static gboolean
load_rule (BcTemplate *self,
           Ctx        *ctx,
           JsonNode   *node,
           const char *place)
{
  static const char * const allowed[] = { "id", "left", "op", "right", "severity", "message", NULL };
  static const char * const ops[] = { "=", "!=", "<", "<=", ">", ">=", "≠", "≤", "≥", NULL };
  g_autofree char *severity = NULL;
  g_autofree char *left_place = g_strdup_printf ("%s.left", place);
  g_autofree char *right_place = g_strdup_printf ("%s.right", place);
  JsonObject *obj;
  BcRule *r = g_new0 (BcRule, 1);

  g_ptr_array_add (self->rules, r);
  if ((obj = get_object (ctx, node, place)) == NULL
      || !check_members (ctx, obj, place, allowed)
      || !get_id (ctx, obj, place, &r->id)
      || !get_string (ctx, obj, place, "left", TRUE, &r->left)
      || !get_string (ctx, obj, place, "op", TRUE, &r->op)
      || !get_string (ctx, obj, place, "right", TRUE, &r->right)
      || !get_string (ctx, obj, place, "severity", TRUE, &severity)
      || !get_string (ctx, obj, place, "message", TRUE, &r->message))
    return FALSE;
  if (!g_strv_contains (ops, r->op))
    return invalid (ctx, place, "op “%s” is not one of = != < <= > >=", r->op);
  if (g_str_equal (severity, "error"))
    r->severity = BC_SEVERITY_ERROR;
  else if (g_str_equal (severity, "warning"))
    r->severity = BC_SEVERITY_WARNING;
  else
    return invalid (ctx, place, "severity “%s” is not error or warning", severity);
  return check_expression (self, ctx, r->left, left_place)
         && check_expression (self, ctx, r->right, right_place);
}

/* Appendix numbers */

static char *
roman (guint n)
{
  static const struct { guint value; const char *digits; } table[] = {
    { 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" }, { 100, "C" }, { 90, "XC" },
    { 50, "L" }, { 40, "XL" }, { 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    for (; n >= table[i].value; n -= table[i].value)
      g_string_append (out, table[i].digits);
  return g_string_free (out, FALSE);
}

/* "{number}" in an appendix's title becomes its place among the
 * appendices, in the template's style: "I" (I, II, III), "01" (01, 02) or
 * "1", from "first" (the province's report starts at Phụ lục II). Done
 * once here, so the outline, the sheet names and the DOCX agree. */
static gboolean
number_appendices (BcTemplate *self,
                   Ctx        *ctx,
                   JsonObject *root)
{
  static const char * const allowed[] = { "style", "first", NULL };
  g_autofree char *style = NULL;
  JsonNode *node = json_object_get_member (root, "appendix_numbering");
  JsonObject *obj = NULL;
  gint64 first = 1;
  guint n = 0;

  if (node != NULL
      && ((obj = get_object (ctx, node, "appendix_numbering")) == NULL
          || !check_members (ctx, obj, "appendix_numbering", allowed)
          || !get_string (ctx, obj, "appendix_numbering", "style", FALSE, &style)
          || !get_int (ctx, obj, "appendix_numbering", "first", 1, 99, &first)))
    return FALSE;
  if (style != NULL && !g_strv_contains ((const char *[]) { "I", "01", "1", NULL }, style))
    return invalid (ctx, "appendix_numbering", "“style” is “I”, “01” or “1”, not “%s”", style);
  for (guint i = 0; i < self->tables->len; i++)
    {
      BcTableDef *t = self->tables->pdata[i];
      g_autofree char *number = NULL;
      g_autoptr(GString) title = NULL;
      guint value;

      if (t->section != NULL)
        continue;
      value = (guint) first + n++;
      if (strstr (t->title, "{number}") == NULL)
        continue;
      if (style == NULL || g_str_equal (style, "I"))
        number = roman (value);
      else
        number = g_strdup_printf (g_str_equal (style, "01") ? "%02u" : "%u", value);
      title = g_string_new (t->title);
      g_string_replace (title, "{number}", number, 0);
      g_free (t->title);
      t->title = g_string_free (g_steal_pointer (&title), FALSE);
    }
  return TRUE;
}

/* The whole document */

static gboolean
load_root (BcTemplate *self,
           Ctx        *ctx,
           JsonNode   *root)
{
  static const char * const allowed[] = {
    "format", "id", "name", "kind", "unit_kind", "period", "header", "sections", "tables", "rules",
    "appendix_numbering", NULL
  };
  static const char * const period_allowed[] = { "regime", "cutoff_day", "due_working_days", "title_line", NULL };
  g_autofree char *regime = NULL;
  JsonObject *obj;
  JsonArray *array;
  JsonNode *node;
  gint64 format = 0;
  gint64 cutoff = 0;
  gint64 due = 0;

  if ((obj = get_object (ctx, root, "(top)")) == NULL
      || !check_members (ctx, obj, "(top)", allowed)
      || !get_int (ctx, obj, "(top)", "format", 1, G_MAXINT64, &format))
    return FALSE;
  if (format != 1)
    return invalid (ctx, "format", "format %" G_GINT64_FORMAT " is not supported (this Baocao reads format 1)", format);
  if (!get_id (ctx, obj, "(top)", &self->id)
      || !get_string (ctx, obj, "(top)", "name", TRUE, &self->name)
      || !get_string (ctx, obj, "(top)", "kind", TRUE, &self->kind))
    return FALSE;
  if (!g_str_equal (self->kind, "report") && !g_str_equal (self->kind, "plan"))
    return invalid (ctx, "kind", "“%s” is not report or plan", self->kind);
  if (!get_string (ctx, obj, "(top)", "unit_kind", FALSE, &self->unit_kind))
    return FALSE;
  if (self->unit_kind != NULL && !g_strv_contains (bc_office_unit_kinds (), self->unit_kind))
    return invalid (ctx, "unit_kind", "“%s” is not a kind of unit (tỉnh, huyện, xã, …)", self->unit_kind);

  if ((node = json_object_get_member (obj, "period")) == NULL)
    return invalid (ctx, "(top)", "missing member “period”");
  if ((obj = get_object (ctx, node, "period")) == NULL
      || !check_members (ctx, obj, "period", period_allowed)
      || !get_string (ctx, obj, "period", "regime", TRUE, &regime)
      || !get_int (ctx, obj, "period", "cutoff_day", 1, 31, &cutoff)
      || !get_int (ctx, obj, "period", "due_working_days", 0, 60, &due))
    return FALSE;
  if (json_object_has_member (obj, "title_line") && !get_bool (ctx, obj, "period", "title_line", &self->title_period))
    return FALSE;
  if (g_str_equal (regime, "monthly"))
    self->regime = BC_REGIME_MONTHLY;
  else if (g_str_equal (regime, "quarterly"))
    self->regime = BC_REGIME_QUARTERLY;
  else if (g_str_equal (regime, "annual"))
    self->regime = BC_REGIME_ANNUAL;
  else
    return invalid (ctx, "period.regime", "“%s” is not monthly, quarterly or annual", regime);
  if (cutoff > 28 && self->regime != BC_REGIME_ANNUAL)
    return invalid (ctx, "period", "“cutoff_day” must be between 1 and 28 (every month has the day)");
  /* A year's report runs 15/12 – 14/12 (Decree 09/2019/NĐ-CP); a year's
   * plan is for the calendar year. */
  if (cutoff == 0)
    cutoff = self->regime == BC_REGIME_ANNUAL && g_str_equal (self->kind, "plan") ? 31 : 14;
  self->cutoff_day = (guint) cutoff;
  self->due_working_days = (guint) due;

  obj = json_node_get_object (root);
  if (!load_header (self, ctx, json_object_get_member (obj, "header")))
    return FALSE;
  if ((array = get_array (ctx, obj, "(top)", "sections", TRUE)) == NULL
      || !load_sections (self, ctx, array, "sections", NULL, self->sections))
    return FALSE;
  if ((array = get_array (ctx, obj, "(top)", "tables", FALSE)) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        g_autofree char *place = g_strdup_printf ("tables[%u]", i);
        if (!load_table (self, ctx, json_array_get_element (array, i), place))
          return FALSE;
      }
  if (*ctx->error != NULL || !number_appendices (self, ctx, obj))
    return FALSE;
  if ((array = get_array (ctx, obj, "(top)", "rules", FALSE)) != NULL
      && json_array_get_length (array) > BC_LIMIT_RULES)
    return invalid (ctx, "rules", "a template has at most %d rules", BC_LIMIT_RULES);
  if (array != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        g_autofree char *place = g_strdup_printf ("rules[%u]", i);
        if (!load_rule (self, ctx, json_array_get_element (array, i), place))
          return FALSE;
      }
  return *ctx->error == NULL;
}

/**
 * bc_template_load: (skip)
 * @root: the parsed template; catalogs named by its tables are resolved
 *   into it
 *
 * Reads and checks the whole template into @self.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
bc_template_load (BcTemplate  *self,
                  JsonNode    *root,
                  const char  *origin,
                  const char  *catalog_dir,
                  GError     **error)
{
  g_autoptr(GError) load_error = NULL;
  /* The loader tests *error to know it failed: it needs a place of its own. */
  Ctx ctx = { origin, catalog_dir, &load_error };

  if (!load_root (self, &ctx, root))
    {
      g_propagate_error (error, g_steal_pointer (&load_error));
      return FALSE;
    }
  return TRUE;
}
