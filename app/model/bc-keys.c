/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-keys"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-keys.h"

/* The header of a report, in the order of the document. @noun: what the
 * checker calls a required field in its (Vietnamese) findings. */
typedef struct
{
  const char *field;
  const char *label;
  const char *noun;
  gboolean    multiline;
} HeaderField;

static const HeaderField header_table[] = {
  /* Translators: the body above the issuing body in a document header */
  { "supervising_body", N_("Supervising body"), NULL, FALSE },
  { "issuing_body", N_("Issuing body"), "cơ quan ban hành", FALSE },
  /* Translators: the document number, e.g. "254" of "254/BC-TCTĐA06" */
  { "number", N_("Number"), "số văn bản", FALSE },
  /* Translators: the document symbol, e.g. "BC-TCTĐA06" of "254/BC-TCTĐA06" */
  { "symbol", N_("Symbol"), NULL, FALSE },
  /* Translators: the place a document is issued at */
  { "place", N_("Place"), "địa danh", FALSE },
  /* Translators: the date a document is issued on */
  { "date", N_("Date"), "ngày báo cáo", FALSE },
  { "doc_type", N_("Document type"), "tên loại văn bản", FALSE },
  /* Translators: the summary title of a document */
  { "summary", N_("Summary"), "trích yếu", TRUE },
  /* Translators: the addressees of a report ("Kính gửi") */
  { "recipients", N_("Recipients"), NULL, TRUE },
  { "legal_basis", N_("Legal basis"), NULL, TRUE },
  /* Translators: the paragraph that ends a report, "Trên đây là báo cáo …" */
  { "closing", N_("Closing paragraph"), NULL, TRUE },
  /* Translators: the distribution list of a document ("Nơi nhận") */
  { "cc", N_("Copies to"), NULL, TRUE },
  /* Translators: the signing authority of a document, e.g. "TM." or "KT." */
  { "signer_authority", N_("Signing authority"), NULL, FALSE },
  /* Translators: the collective a signer signs for, "TM. <body>" */
  { "signer_body", N_("Collective body"), NULL, FALSE },
  { "signer_authority_title", N_("Authority title"), NULL, FALSE },
  { "signer_title", N_("Signer’s title"), NULL, FALSE },
  /* Translators: the title printed under the signing space, above the name */
  { "signer_title2", N_("Title under the signature"), NULL, FALSE },
  { "signer_name", N_("Signer’s name"), "họ tên người ký", FALSE },
};

static const char * const header_fields[] = {
  "supervising_body", "issuing_body", "number", "symbol", "place", "date",
  "doc_type", "summary", "recipients", "legal_basis", "closing", "cc",
  "signer_authority", "signer_body", "signer_authority_title", "signer_title",
  "signer_title2", "signer_name",
  NULL
};

/* sec/<section>/<part>: what a report may say of a section besides its
 * items. No item id is one of these (bc-report.c, valid_item_id()), so
 * the keys of a section's parts and of its items never meet, comment
 * targets included ("sec/<section>/<item>"). */
static const char * const section_parts[] = {
  "order", "number", "title", "intro", "omit", "before", "after", "plan", NULL
};

/* The fields of one item of a list section, in the order of its form. */
static const char * const narrative_fields[] = { "text", "level", "footnote", NULL };
static const char * const document_fields[] = { "type", "number", "date", "issuer", "summary", NULL };
static const char * const task_fields[] = { "content", "lead", "cooperating", "deadline", NULL };
/* A plan's task followed in a report: where it is in the plan, its words
 * as the plan has them (so the report prints without the plan), then what
 * the office says of it. */
static const char * const followup_fields[] = {
  "ref", "content", "lead", "deadline", "status", "date", "note", NULL
};

/* What the header form edits of the report's meta fields, after the
 * summary: the unit and the period the report is for. */
static const char * const header_meta_fields[] = { "unit", "period_from", "period_to", NULL };

/* The fields typed in several lines besides the header's long ones. */
static const char * const multiline_parts[] = { "intro", "before", "after", NULL };
static const char * const multiline_item_fields[] = { "text", "summary", "content", "footnote", NULL };

/* Parsing */

static BcKeyKind
classify (const BcKey *key)
{
  const char *parts[] = { key->prefix, key->id, key->sub, key->field };
  const char *prefix = key->prefix;
  guint n = key->n_parts;

  if (n < 2 || n > 4)
    return BC_KEY_OTHER;
  for (guint i = 0; i < n; i++)
    if (*parts[i] == '\0')
      return BC_KEY_OTHER;
  if (g_str_equal (prefix, "meta") && n == 2)
    return BC_KEY_META;
  if (g_str_equal (prefix, "header") && n == 2)
    return BC_KEY_HEADER;
  if (g_str_equal (prefix, "sec"))
    {
      if (n == 2)
        return BC_KEY_SECTION;
      if (n == 3)
        return g_strv_contains (section_parts, key->sub) ? BC_KEY_SECTION_PART : BC_KEY_ITEM;
      return BC_KEY_ITEM_FIELD;
    }
  if (g_str_equal (prefix, "fig") && n == 2)
    return BC_KEY_FIGURE;
  if (g_str_equal (prefix, "fig") && n == 3 && g_str_equal (key->sub, "den"))
    return BC_KEY_FIGURE_DENOMINATOR;
  if (g_str_equal (prefix, "tbl"))
    return n == 2 ? BC_KEY_TABLE : n == 3 ? BC_KEY_ROW : BC_KEY_CELL;
  return BC_KEY_OTHER;
}

/**
 * bc_key_parse:
 * @key: (out caller-allocates): where the parts go; bc_key_clear() frees them
 * @text: (nullable): a value key, comment target or finding location
 *
 * Takes @text apart at its slashes: prefix, id, sub, field. An
 * explanation's id is everything after "expl/" (finding ids hold slashes).
 *
 * Returns: the kind of key @text is
 */
BcKeyKind
bc_key_parse (BcKey      *key,
              const char *text)
{
  const char **slots[] = { &key->prefix, &key->id, &key->sub, &key->field };
  char *p;

  memset (key, 0, sizeof *key);
  if (text == NULL || *text == '\0')
    return key->kind = BC_KEY_NONE;
  key->buffer = g_strdup (text);
  if (g_str_has_prefix (text, "expl/"))
    {
      key->buffer[4] = '\0';
      key->prefix = key->buffer;
      key->id = key->buffer + 5;
      key->n_parts = 2;
      return key->kind = BC_KEY_EXPLANATION;
    }
  p = key->buffer;
  for (key->n_parts = 1;; key->n_parts++)
    {
      char *slash = strchr (p, '/');

      if (key->n_parts <= G_N_ELEMENTS (slots))
        *slots[key->n_parts - 1] = p;
      if (slash == NULL)
        break;
      *slash = '\0';
      p = slash + 1;
    }
  return key->kind = classify (key);
}

/**
 * bc_key_parse_column_total:
 * @key: (out caller-allocates): where the parts go; bc_key_clear() frees them
 * @text: (nullable): a key of bc_key_column_total()
 *
 * Takes apart the key of a column's total, "tbl/<table>/<column>". It has
 * the shape of a row's key, which bc_key_parse() takes it for: only who
 * reads it knows which it is (the histories of bc-trend.c name totals so).
 *
 * Returns: %TRUE when @text has that shape; @key's id is then the table,
 *   its field the column, its sub %NULL, its kind %BC_KEY_COLUMN_TOTAL
 */
gboolean
bc_key_parse_column_total (BcKey      *key,
                           const char *text)
{
  if (bc_key_parse (key, text) != BC_KEY_ROW)
    return FALSE;
  key->field = key->sub;
  key->sub = NULL;
  key->kind = BC_KEY_COLUMN_TOTAL;
  return TRUE;
}

/**
 * bc_key_clear:
 *
 * Frees what bc_key_parse() took apart; @key may be parsed again.
 */
void
bc_key_clear (BcKey *key)
{
  g_clear_pointer (&key->buffer, g_free);
  memset (key, 0, sizeof *key);
}

/**
 * bc_key_get_kind:
 * @text: (nullable): a key
 *
 * Returns: the kind of key @text is (bc_key_parse())
 */
BcKeyKind
bc_key_get_kind (const char *text)
{
  g_auto(BcKey) key = BC_KEY_INIT;

  return bc_key_parse (&key, text);
}

/**
 * bc_key_dup_group:
 * @text: (nullable): a key or finding location
 *
 * Returns: (transfer full): the part of the report a key is in, as
 *   findings are grouped: "sec/<section>" or "tbl/<table>", else the
 *   key's prefix ("header", "fig", "meta"…); "" for none
 */
char *
bc_key_dup_group (const char *text)
{
  g_auto(BcKey) key = BC_KEY_INIT;

  bc_key_parse (&key, text);
  if (key.prefix == NULL)
    return g_strdup ("");
  if (key.n_parts < 2 || (!g_str_equal (key.prefix, "sec") && !g_str_equal (key.prefix, "tbl")))
    return g_strdup (key.prefix);
  return g_strconcat (key.prefix, "/", key.id, NULL);
}

/**
 * bc_key_dup_parent:
 * @text: (nullable): a key
 *
 * Returns: (transfer full): @text without its last part: a cell's row, a
 *   row's table, a table's "tbl"; "" when nothing is left
 */
char *
bc_key_dup_parent (const char *text)
{
  const char *slash = text != NULL ? strrchr (text, '/') : NULL;

  return slash != NULL ? g_strndup (text, (gsize) (slash - text)) : g_strdup ("");
}

/**
 * bc_key_id_is_valid:
 * @id: (nullable): an id a template gives a section, table, row or column
 *
 * Returns: %TRUE when @id can be a part of a key: not empty, no "/"
 */
gboolean
bc_key_id_is_valid (const char *id)
{
  return id != NULL && *id != '\0' && strchr (id, '/') == NULL;
}

/* Building */

/** bc_key_meta: Returns: (transfer full): "meta/<field>" */
char *
bc_key_meta (const char *field)
{
  return g_strconcat ("meta/", field, NULL);
}

/** bc_key_header: Returns: (transfer full): "header/<field>" */
char *
bc_key_header (const char *field)
{
  return g_strconcat ("header/", field, NULL);
}

/** bc_key_section: Returns: (transfer full): "sec/<section>" */
char *
bc_key_section (const char *section)
{
  return g_strconcat ("sec/", section, NULL);
}

/** bc_key_section_part: Returns: (transfer full): "sec/<section>/<part>" */
char *
bc_key_section_part (const char *section,
                     const char *part)
{
  return g_strconcat ("sec/", section, "/", part, NULL);
}

/** bc_key_item: Returns: (transfer full): "sec/<section>/<item>" */
char *
bc_key_item (const char *section,
             const char *item)
{
  return g_strconcat ("sec/", section, "/", item, NULL);
}

/** bc_key_item_field: Returns: (transfer full): "sec/<section>/<item>/<field>" */
char *
bc_key_item_field (const char *section,
                   const char *item,
                   const char *field)
{
  return g_strconcat ("sec/", section, "/", item, "/", field, NULL);
}

/** bc_key_figure: Returns: (transfer full): "fig/<figure>", or "fig/<figure>/den" */
char *
bc_key_figure (const char *figure,
               gboolean    denominator)
{
  return g_strconcat ("fig/", figure, denominator ? "/den" : NULL, NULL);
}

/**
 * bc_key_column_total:
 *
 * The key of a column's total over the rows that apply, as a history
 * names it; bc_key_parse_column_total() reads it. (A paragraph cites the
 * same total as a cell of the row "total", bc-refs.c.)
 *
 * Returns: (transfer full): "tbl/<table>/<column>"
 */
char *
bc_key_column_total (const char *table,
                     const char *column)
{
  return g_strconcat ("tbl/", table, "/", column, NULL);
}

/** bc_key_figure_ratio: Returns: (transfer full): "fig/<figure>/pct" */
char *
bc_key_figure_ratio (const char *figure)
{
  return g_strconcat ("fig/", figure, "/pct", NULL);
}

/** bc_key_table: Returns: (transfer full): "tbl/<table>" */
char *
bc_key_table (const char *table)
{
  return g_strconcat ("tbl/", table, NULL);
}

/** bc_key_row: Returns: (transfer full): "tbl/<table>/<row>" */
char *
bc_key_row (const char *table,
            const char *row)
{
  return g_strconcat ("tbl/", table, "/", row, NULL);
}

/** bc_key_cell: Returns: (transfer full): "tbl/<table>/<row>/<column>" */
char *
bc_key_cell (const char *table,
             const char *row,
             const char *column)
{
  return g_strconcat ("tbl/", table, "/", row, "/", column, NULL);
}

/** bc_key_explanation: Returns: (transfer full): "expl/<finding id>" */
char *
bc_key_explanation (const char *finding_id)
{
  return g_strconcat ("expl/", finding_id, NULL);
}

/* References in text */

#define MAX_REF_KEY 256

static gboolean
is_ref_key_char (char c)
{
  return g_ascii_islower (c) || g_ascii_isdigit (c) || c == '_' || c == '/' || c == '-';
}

/* "{{KEY}}" or "{{KEY|P}}" at @p, KEY a figure's or a table's; anything
 * else is text as typed. */
static gboolean
ref_at (const char  *p,
        const char **end,
        char       **key,
        int         *decimals)
{
  const char *k = p + strlen (BC_KEY_REF_OPEN);
  const char *e = k;
  const char *key_end;

  while (is_ref_key_char (*e) && e - k < MAX_REF_KEY)
    e++;
  if (e == k || (!g_str_has_prefix (k, "fig/") && !g_str_has_prefix (k, "tbl/")))
    return FALSE;
  key_end = e;
  *decimals = -1;
  if (*e == '|' && e[1] >= '0' && e[1] <= '0' + BC_KEY_REF_MAX_DECIMALS)
    {
      *decimals = e[1] - '0';
      e += 2;
    }
  if (!g_str_has_prefix (e, BC_KEY_REF_CLOSE))
    return FALSE;
  *key = g_strndup (k, (gsize) (key_end - k));
  *end = e + strlen (BC_KEY_REF_CLOSE);
  return TRUE;
}

/**
 * bc_key_ref_find:
 * @from: text as stored, from where to look
 * @end: (out): after the reference's "}}"
 * @key: (out) (transfer full): the key it cites, without its precision
 * @decimals: (out): its "|P" precision, or -1
 *
 * Returns: (nullable): where the first reference in @from starts, or
 *   %NULL when there is none
 */
const char *
bc_key_ref_find (const char  *from,
                 const char **end,
                 char       **key,
                 int         *decimals)
{
  const char *p = from;

  while ((p = strstr (p, BC_KEY_REF_OPEN)) != NULL)
    {
      if (ref_at (p, end, key, decimals))
        return p;
      p++;
    }
  return NULL;
}

/**
 * bc_key_ref:
 * @decimals: the decimals of a ratio, or -1 for none said
 *
 * Returns: (transfer full): the reference citing @key as stored in
 *   text: "{{fig/x}}", "{{fig/x/pct|1}}"
 */
char *
bc_key_ref (const char *key,
            int         decimals)
{
  if (decimals < 0)
    return g_strconcat (BC_KEY_REF_OPEN, key, BC_KEY_REF_CLOSE, NULL);
  return g_strdup_printf (BC_KEY_REF_OPEN "%s|%d" BC_KEY_REF_CLOSE, key, MIN (decimals, BC_KEY_REF_MAX_DECIMALS));
}

/* Fields and their labels */

/**
 * bc_key_header_fields:
 *
 * Returns: (transfer none): the fields of a report's header, in the order
 *   of the document
 */
const char * const *
bc_key_header_fields (void)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (header_fields) == G_N_ELEMENTS (header_table) + 1);
  return header_fields;
}

/**
 * bc_key_item_fields:
 *
 * Returns: (transfer none) (nullable): the fields of one item of a list
 *   section of @kind, in the order of its form; %NULL for a group
 */
const char * const *
bc_key_item_fields (BcSectionKind kind)
{
  switch (kind)
    {
    case BC_SECTION_DOCUMENTS:
      return document_fields;
    case BC_SECTION_TASKS:
      return task_fields;
    case BC_SECTION_FOLLOWUP:
      return followup_fields;
    case BC_SECTION_NARRATIVE:
    case BC_SECTION_FIGURES:
    case BC_SECTION_CATALOG:
      return narrative_fields;
    case BC_SECTION_GROUP:
    default:
      return NULL;
    }
}

/**
 * bc_key_section_parts:
 *
 * Returns: (transfer none): the parts of a section a report may hold
 *   under sec/<section>/<part>; no item id is one of them
 */
const char * const *
bc_key_section_parts (void)
{
  return section_parts;
}

static const HeaderField *
find_header_field (const char *field)
{
  for (gsize i = 0; field != NULL && i < G_N_ELEMENTS (header_table); i++)
    if (g_str_equal (header_table[i].field, field))
      return &header_table[i];
  return NULL;
}

/**
 * bc_key_header_meta_fields:
 *
 * Returns: (transfer none): the meta fields shown with the header: the
 *   unit and the period
 */
const char * const *
bc_key_header_meta_fields (void)
{
  return header_meta_fields;
}

/**
 * bc_key_is_date:
 * @text: a value key
 *
 * Returns: %TRUE when the value of @text is a date (stored as
 *   yyyy-mm-dd): the header's date, the period's ends, an item's date
 */
gboolean
bc_key_is_date (const char *text)
{
  g_auto(BcKey) key = BC_KEY_INIT;

  switch (bc_key_parse (&key, text))
    {
    case BC_KEY_HEADER:
      return g_str_equal (key.id, "date");
    case BC_KEY_META:
      return g_str_has_prefix (key.id, "period_");
    case BC_KEY_ITEM_FIELD:
      return g_str_equal (key.field, "date");
    default:
      return FALSE;
    }
}

/**
 * bc_key_is_multiline:
 * @text: a value key
 *
 * The fields typed in several lines: the header's long fields,
 * paragraphs, document summaries, tasks, notes and explanations. Every
 * other field is one line, where a newline could forge a line of output.
 *
 * Returns: %TRUE when the value of @text may hold newlines
 */
gboolean
bc_key_is_multiline (const char *text)
{
  g_auto(BcKey) key = BC_KEY_INIT;
  const HeaderField *header;

  switch (bc_key_parse (&key, text))
    {
    case BC_KEY_EXPLANATION:
      return TRUE;
    case BC_KEY_HEADER:
      return (header = find_header_field (key.id)) != NULL && header->multiline;
    case BC_KEY_SECTION_PART:
      return g_strv_contains (multiline_parts, key.sub);
    case BC_KEY_ITEM_FIELD:
      return g_strv_contains (multiline_item_fields, key.field);
    case BC_KEY_CELL:
      return g_str_equal (key.field, "note");
    default:
      return FALSE;
    }
}

/**
 * bc_key_header_field_label:
 * @field: a field of the report header, see bc_key_header_fields()
 *
 * Returns: (transfer none): the field's name as the user reads it
 */
const char *
bc_key_header_field_label (const char *field)
{
  const HeaderField *header = find_header_field (field);

  return header != NULL ? _(header->label) : field;
}

/**
 * bc_key_header_field_noun:
 * @field: a field of the report header
 *
 * Returns: (transfer none) (nullable): what the checker's findings call
 *   @field, a field every report must fill in; %NULL for the others
 */
const char *
bc_key_header_field_noun (const char *field)
{
  const HeaderField *header = find_header_field (field);

  return header != NULL ? header->noun : NULL;
}

/**
 * bc_key_item_field_label:
 * @field: a field of bc_key_item_fields()
 *
 * Returns: (transfer none): the field's name as the user reads it, on the
 *   forms as in the descriptions of changes
 */
const char *
bc_key_item_field_label (const char *field)
{
  static const struct
  {
    const char *field;
    const char *label;
  } labels[] = {
    /* Translators: the indentation level of a paragraph: paragraph, bullet, sub-bullet */
    { "level", N_("Level") },
    /* Translators: a paragraph's footnotes, one a line */
    { "footnote", N_("Footnotes") },
    /* Translators: the kind of a directive document, e.g. "Công văn" */
    { "type", N_("Type") },
    { "number", N_("Number and symbol") },
    { "date", N_("Date") },
    /* Translators: who issued a directive document; empty when the unit itself did */
    { "issuer", N_("Issued by (if not us)") },
    /* Translators: what a directive document is about ("về việc …") */
    { "summary", N_("About") },
    { "lead", N_("Lead agency") },
    { "cooperating", N_("Cooperating agencies") },
    { "deadline", N_("Deadline") },
    /* Translators: where a plan's task stands: not started, in progress, done, not done */
    { "status", N_("Status") },
    /* Translators: a plan's task: the task it follows in the plan */
    { "ref", N_("Task of the plan") },
    /* Translators: a plan's task: a short note on where it stands, or why it was not done */
    { "note", N_("Note") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return _(labels[i].label);
  return field;
}

/**
 * bc_key_status_label:
 * @status: a report status as stored ("draft", "submitted", …)
 *
 * Returns: (transfer none): the status as the user reads it
 */
const char *
bc_key_status_label (const char *status)
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
