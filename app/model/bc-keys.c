/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-keys"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-keys.h"
#include "bc-number.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-template.h"

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
  "order", "number", "title", "intro", "omit", "before", "after", NULL
};

/* The fields of one item of a list section, in the order of its form. */
static const char * const narrative_fields[] = { "text", "level", NULL };
static const char * const document_fields[] = { "type", "number", "date", "issuer", "summary", NULL };
static const char * const task_fields[] = { "content", "lead", "cooperating", "deadline", NULL };

/* The fields typed in several lines besides the header's long ones. */
static const char * const multiline_parts[] = { "intro", "before", "after", NULL };
static const char * const multiline_item_fields[] = { "text", "summary", "content", NULL };

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
    case BC_SECTION_NARRATIVE:
    case BC_SECTION_FIGURES:
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
describe_section_key (BcReport *report, const BcKey *key)
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
                            : section->kind == BC_SECTION_TASKS ? _("Order of the tasks")
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
describe_table_key (BcReport *report, const BcKey *key)
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
describe_figure_key (BcReport *report, const BcKey *key)
{
  const BcFigure *figure = bc_template_find_figure (bc_report_get_template (report), key->id, NULL);

  if (figure == NULL)
    return NULL;
  if (key->n_parts == 2)
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
value_kind (BcReport *report, const BcKey *key)
{
  if (key->kind == BC_KEY_FIGURE || key->kind == BC_KEY_FIGURE_DENOMINATOR)
    return VALUE_COUNT;
  if ((key->kind == BC_KEY_HEADER && g_str_equal (key->id, "date"))
      || (key->kind == BC_KEY_META && g_str_has_prefix (key->id, "period_"))
      || (key->kind == BC_KEY_ITEM_FIELD && g_str_equal (key->field, "date")))
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
describe_code (const BcKey *key, const char *value)
{
  if (key->kind == BC_KEY_ITEM_FIELD && g_str_equal (key->field, "level"))
    {
      if (g_str_equal (value, "0"))
        return _("Paragraph");
      if (g_str_equal (value, "1") || g_str_equal (value, "-"))
        return _("Bullet");
      if (g_str_equal (value, "2") || g_str_equal (value, "+"))
        return _("Sub-bullet");
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
  switch (value_kind (report, &key))
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
rank_section_key (BcReport *report, const BcKey *key, int *rank)
{
  BcTemplate *template = bc_report_get_template (report);
  const BcSection *section = bc_template_find_section (template, key->id);

  rank[1] = section_rank (template, section);
  if (section == NULL || key->n_parts < 3)
    return;
  rank[2] = 1;
  rank[3] = index_in (section_parts, key->sub);
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
rank_figure_key (BcReport *report, const BcKey *key, int *rank)
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
rank_table_key (BcReport *report, const BcKey *key, int *rank)
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
key_rank (BcReport *report, const char *text, int *rank)
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
      rank[1] = index_in (header_fields, key.id);
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
