/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The value-key module: every key taken apart and built again, the kinds
 * told apart, the single lists of fields and their labels. */
#include "config.h"

#include <locale.h>

#include "bc-keys.h"
#include "bc-report.h"
#include "bc-test-utils.h"

typedef struct
{
  const char *text;
  BcKeyKind   kind;
  const char *prefix;
  const char *id;
  const char *sub;
  const char *field;
} ParseCase;

static void
test_parse (void)
{
  static const ParseCase cases[] = {
    { "meta/unit", BC_KEY_META, "meta", "unit", NULL, NULL },
    { "header/signer_name", BC_KEY_HEADER, "header", "signer_name", NULL, NULL },
    { "sec/direction", BC_KEY_SECTION, "sec", "direction", NULL, NULL },
    { "sec/direction/order", BC_KEY_SECTION_PART, "sec", "direction", "order", NULL },
    { "sec/direction/omit", BC_KEY_SECTION_PART, "sec", "direction", "omit", NULL },
    { "sec/direction/after", BC_KEY_SECTION_PART, "sec", "direction", "after", NULL },
    { "sec/direction/d2", BC_KEY_ITEM, "sec", "direction", "d2", NULL },
    { "sec/direction/d2/summary", BC_KEY_ITEM_FIELD, "sec", "direction", "d2", "summary" },
    { "fig/vneid_activated", BC_KEY_FIGURE, "fig", "vneid_activated", NULL, NULL },
    { "fig/vneid_activated/den", BC_KEY_FIGURE_DENOMINATOR, "fig", "vneid_activated", "den", NULL },
    { "tbl/dvc25", BC_KEY_TABLE, "tbl", "dvc25", NULL, NULL },
    { "tbl/dvc25/18", BC_KEY_ROW, "tbl", "dvc25", "18", NULL },
    { "tbl/dvc25/18/overdue", BC_KEY_CELL, "tbl", "dvc25", "18", "overdue" },
    { "tbl/dvc25/18/applies", BC_KEY_CELL, "tbl", "dvc25", "18", "applies" },
    /* A finding id holds slashes of its own: all of it is the id. */
    { "expl/table.sum@tbl/dvc25/18/overdue#x", BC_KEY_EXPLANATION, "expl", "table.sum@tbl/dvc25/18/overdue#x", NULL, NULL },
    { "", BC_KEY_NONE, NULL, NULL, NULL, NULL },
    /* Not keys: unknown prefixes, missing or empty parts, one too many. */
    { "bogus", BC_KEY_OTHER, "bogus", NULL, NULL, NULL },
    { "sec/", BC_KEY_OTHER, "sec", "", NULL, NULL },
    { "tbl/dvc25//total", BC_KEY_OTHER, "tbl", "dvc25", "", "total" },
    { "fig/a/b", BC_KEY_OTHER, "fig", "a", "b", NULL },
    { "meta/unit/x", BC_KEY_OTHER, "meta", "unit", "x", NULL },
    { "tbl/a/b/c/d", BC_KEY_OTHER, "tbl", "a", "b", "c" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(BcKey) key = BC_KEY_INIT;

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (bc_key_parse (&key, cases[i].text), ==, cases[i].kind);
      g_assert_cmpint (key.kind, ==, cases[i].kind);
      g_assert_cmpint (bc_key_get_kind (cases[i].text), ==, cases[i].kind);
      g_assert_cmpstr (key.prefix, ==, cases[i].prefix);
      g_assert_cmpstr (key.id, ==, cases[i].id);
      g_assert_cmpstr (key.sub, ==, cases[i].sub);
      g_assert_cmpstr (key.field, ==, cases[i].field);
    }
  g_assert_cmpint (bc_key_get_kind (NULL), ==, BC_KEY_NONE);
}

/* A key parsed twice into the same BcKey, cleared in between, leaks
 * nothing and keeps nothing of the first. */
static void
test_parse_again (void)
{
  g_auto(BcKey) key = BC_KEY_INIT;

  bc_key_parse (&key, "tbl/dvc25/18/overdue");
  bc_key_clear (&key);
  g_assert_cmpint (bc_key_parse (&key, "header/date"), ==, BC_KEY_HEADER);
  g_assert_null (key.sub);
  g_assert_null (key.field);
  g_assert_cmpuint (key.n_parts, ==, 2);
}

/* What the builders make parses back to its parts. */
static void
test_build (void)
{
  struct
  {
    char      *text;
    const char *expected;
    BcKeyKind  kind;
  } cases[] = {
    { bc_key_meta ("status"), "meta/status", BC_KEY_META },
    { bc_key_header ("date"), "header/date", BC_KEY_HEADER },
    { bc_key_section ("s"), "sec/s", BC_KEY_SECTION },
    { bc_key_section_part ("s", "title"), "sec/s/title", BC_KEY_SECTION_PART },
    { bc_key_item ("s", "p1"), "sec/s/p1", BC_KEY_ITEM },
    { bc_key_item_field ("s", "p1", "text"), "sec/s/p1/text", BC_KEY_ITEM_FIELD },
    { bc_key_figure ("f", FALSE), "fig/f", BC_KEY_FIGURE },
    { bc_key_figure ("f", TRUE), "fig/f/den", BC_KEY_FIGURE_DENOMINATOR },
    { bc_key_table ("t"), "tbl/t", BC_KEY_TABLE },
    { bc_key_row ("t", "1"), "tbl/t/1", BC_KEY_ROW },
    { bc_key_cell ("t", "1", "total"), "tbl/t/1/total", BC_KEY_CELL },
    { bc_key_explanation ("r@tbl/t/1/total#"), "expl/r@tbl/t/1/total#", BC_KEY_EXPLANATION },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (cases[i].text, ==, cases[i].expected);
      g_assert_cmpint (bc_key_get_kind (cases[i].text), ==, cases[i].kind);
      g_free (cases[i].text);
    }
}

/* A column's total, as a history names it, has a row key's shape: read
 * as a total, its last part is the column; anything else is not one. */
static void
test_column_total (void)
{
  static const char * const not_totals[] = {
    "tbl/dvc25", "tbl/dvc25/18/overdue", "fig/vneid_activated", "sec/direction/d2", "tbl/dvc25/", "", NULL,
  };
  g_autofree char *text = bc_key_column_total ("dvc25", "overdue");
  g_auto(BcKey) key = BC_KEY_INIT;

  g_assert_cmpstr (text, ==, "tbl/dvc25/overdue");
  g_assert_true (bc_key_parse_column_total (&key, text));
  g_assert_cmpint (key.kind, ==, BC_KEY_COLUMN_TOTAL);
  g_assert_cmpstr (key.prefix, ==, "tbl");
  g_assert_cmpstr (key.id, ==, "dvc25");
  g_assert_null (key.sub);
  g_assert_cmpstr (key.field, ==, "overdue");
  for (guint i = 0; not_totals[i] != NULL; i++)
    {
      g_auto(BcKey) other = BC_KEY_INIT;

      g_test_message ("%s", not_totals[i]);
      g_assert_false (bc_key_parse_column_total (&other, not_totals[i]));
      g_assert_cmpint (other.kind, !=, BC_KEY_COLUMN_TOTAL);
    }
  bc_key_clear (&key);
  g_assert_false (bc_key_parse_column_total (&key, NULL));
}

static void
test_group_and_parent (void)
{
  static const char * const groups[][2] = {
    { "sec/direction/d2/summary", "sec/direction" },
    { "tbl/dvc25/18/overdue", "tbl/dvc25" },
    { "tbl/dvc25", "tbl/dvc25" },
    { "fig/vneid_activated/den", "fig" },
    { "header/date", "header" },
    { "expl/r@tbl/t/1/c#", "expl" },
    { "", "" },
  };
  static const char * const parents[][2] = {
    { "tbl/dvc25/18/overdue", "tbl/dvc25/18" },
    { "tbl/dvc25/18", "tbl/dvc25" },
    { "tbl/dvc25", "tbl" },
    { "tbl", "" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autofree char *group = bc_key_dup_group (groups[i][0]);
      g_assert_cmpstr (group, ==, groups[i][1]);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (parents); i++)
    {
      g_autofree char *parent = bc_key_dup_parent (parents[i][0]);
      g_assert_cmpstr (parent, ==, parents[i][1]);
    }
  g_assert_true (bc_key_id_is_valid ("18a"));
  g_assert_false (bc_key_id_is_valid (""));
  g_assert_false (bc_key_id_is_valid ("1/2"));
  g_assert_false (bc_key_id_is_valid (NULL));
}

/* The header's fields are listed once: every one has a label of its own,
 * and the fields the checker requires are named by that list. */
static void
test_header_fields (void)
{
  const char * const *fields = bc_key_header_fields ();
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  guint required = 0;

  g_assert_cmpuint (g_strv_length ((char **) fields), ==, 18);
  g_assert_cmpstr (fields[0], ==, "supervising_body");
  g_assert_cmpstr (fields[17], ==, "signer_name");
  for (guint i = 0; fields[i]; i++)
    {
      const char *label = bc_key_header_field_label (fields[i]);

      g_assert_cmpstr (label, !=, fields[i]);
      g_assert_false (g_hash_table_contains (labels, label));
      g_hash_table_add (labels, (gpointer) label);
      required += bc_key_header_field_noun (fields[i]) != NULL;
    }
  g_assert_cmpuint (required, ==, 7);
  g_assert_cmpstr (bc_key_header_field_noun ("signer_name"), ==, "họ tên người ký");
  g_assert_null (bc_key_header_field_noun ("cc"));
  g_assert_cmpstr (bc_key_header_field_label ("no_such_field"), ==, "no_such_field");
}

/* The dates among the values: typed dd/mm/yyyy, described as dates. */
static void
test_dates (void)
{
  const char * const *meta = bc_key_header_meta_fields ();

  g_assert_true (bc_key_is_date ("header/date"));
  g_assert_true (bc_key_is_date ("meta/period_from"));
  g_assert_true (bc_key_is_date ("meta/period_to"));
  g_assert_true (bc_key_is_date ("sec/documents/d1/date"));
  g_assert_false (bc_key_is_date ("header/number"));
  g_assert_false (bc_key_is_date ("meta/unit"));
  g_assert_false (bc_key_is_date ("sec/documents/date"));
  g_assert_false (bc_key_is_date ("tbl/t/date/x"));
  g_assert_false (bc_key_is_date (NULL));
  g_assert_cmpuint (g_strv_length ((char **) meta), ==, 3);
  g_assert_cmpstr (meta[0], ==, "unit");
}

static void
test_item_fields (void)
{
  const BcSectionKind kinds[] = { BC_SECTION_NARRATIVE, BC_SECTION_DOCUMENTS, BC_SECTION_TASKS, BC_SECTION_FOLLOWUP };

  g_assert_null (bc_key_item_fields (BC_SECTION_GROUP));
  g_assert_true (bc_key_item_fields (BC_SECTION_FIGURES) == bc_key_item_fields (BC_SECTION_NARRATIVE));
  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (const char * const *f = bc_key_item_fields (kinds[k]); *f; f++)
      {
        /* A paragraph's text and a task's content are the item itself. */
        if (g_str_equal (*f, "text") || g_str_equal (*f, "content"))
          continue;
        g_assert_cmpstr (bc_key_item_field_label (*f), !=, *f);
      }
  /* The form and the descriptions of changes say the same. */
  g_assert_cmpstr (bc_key_item_field_label ("issuer"), ==, "Issued by (if not us)");
  /* No item id is a section part: "sec/<s>/title" is always the part. */
  for (const char * const *p = bc_key_section_parts (); *p; p++)
    {
      g_autofree char *key = bc_key_item ("s", *p);
      g_assert_cmpint (bc_key_get_kind (key), ==, BC_KEY_SECTION_PART);
    }
}

static void
test_multiline (void)
{
  static const char * const multi[] = {
    "header/summary", "header/recipients", "header/legal_basis", "header/closing", "header/cc",
    "sec/s/intro", "sec/s/before", "sec/s/after", "sec/s/p1/text", "sec/s/d1/summary", "sec/s/t1/content",
    "tbl/t/1/note", "expl/r@x#",
  };
  static const char * const single[] = {
    "header/date", "header/number", "header/summary/x", "meta/unit", "sec/s/title", "sec/s/p1/level",
    "sec/s/d1/issuer", "tbl/t/1/total", "fig/f", "", "bogus",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (multi); i++)
    g_assert_true (bc_key_is_multiline (multi[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (single); i++)
    g_assert_false (bc_key_is_multiline (single[i]));
}

/* A hostile key: long, all slashes. Parsed in one pass, no blow-up. */
static void
test_hostile (void)
{
  g_autofree char *slashes = g_strnfill (1 << 20, '/');
  g_autofree char *deep = g_strconcat ("tbl", slashes, "x", NULL);
  gint64 start = g_get_monotonic_time ();
  g_auto(BcKey) key = BC_KEY_INIT;

  g_assert_cmpint (bc_key_parse (&key, deep), ==, BC_KEY_OTHER);
  g_assert_cmpuint (key.n_parts, ==, (1 << 20) + 1);
  g_assert_false (bc_key_is_multiline (deep));
  g_assert_cmpint (g_get_monotonic_time () - start, <, BC_TEST_HANG_GUARD);
}

/* The references of a paragraph: found where they stand, their key
 * without its precision; a "{{" that starts none is text as typed. */
static void
test_refs (void)
{
  const char *text = "{{ {{fig/a|1}} {{header/date}} {{tbl/t/r/c}}{{fig/b|3}} {{fig/c";
  const char *end = NULL;
  const char *p;
  g_autofree char *key = NULL;
  g_autofree char *token = NULL;
  int decimals = 7;

  p = bc_key_ref_find (text, &end, &key, &decimals);
  g_assert_cmpint (p - text, ==, 3);
  g_assert_cmpstr (end, ==, " {{header/date}} {{tbl/t/r/c}}{{fig/b|3}} {{fig/c");
  g_assert_cmpstr (key, ==, "fig/a");
  g_assert_cmpint (decimals, ==, 1);
  g_clear_pointer (&key, g_free);
  p = bc_key_ref_find (end, &end, &key, &decimals);
  g_assert_cmpstr (p, ==, "{{tbl/t/r/c}}{{fig/b|3}} {{fig/c");
  g_assert_cmpstr (key, ==, "tbl/t/r/c");
  g_assert_cmpint (decimals, ==, -1);
  g_clear_pointer (&key, g_free);
  g_assert_null (bc_key_ref_find (end, &end, &key, &decimals));
  g_assert_null (key);

  token = bc_key_ref ("fig/a/pct", 1);
  g_assert_cmpstr (token, ==, "{{fig/a/pct|1}}");
  g_clear_pointer (&token, g_free);
  token = bc_key_ref ("fig/a", -1);
  g_assert_cmpstr (token, ==, "{{fig/a}}");
  g_clear_pointer (&token, g_free);
  token = bc_key_figure_ratio ("a");
  g_assert_cmpstr (token, ==, "fig/a/pct");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bc/keys/parse", test_parse);
  g_test_add_func ("/bc/keys/parse-again", test_parse_again);
  g_test_add_func ("/bc/keys/build", test_build);
  g_test_add_func ("/bc/keys/column-total", test_column_total);
  g_test_add_func ("/bc/keys/group-parent", test_group_and_parent);
  g_test_add_func ("/bc/keys/header-fields", test_header_fields);
  g_test_add_func ("/bc/keys/dates", test_dates);
  g_test_add_func ("/bc/keys/item-fields", test_item_fields);
  g_test_add_func ("/bc/keys/multiline", test_multiline);
  g_test_add_func ("/bc/keys/hostile", test_hostile);
  g_test_add_func ("/bc/keys/refs", test_refs);
  return g_test_run ();
}
