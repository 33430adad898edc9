/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bc-expr.h"
#include "bc-template.h"
#include "bc-test-utils.h"

static guint
count_services (const BcTableDef *table,
                gboolean          applicable_only)
{
  guint n = 0;

  for (guint i = 0; i < table->rows->len; i++)
    {
      BcRow *row = table->rows->pdata[i];
      n += !row->heading && (!applicable_only || row->applies);
    }
  return n;
}

static void
test_shipped_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tdir = bc_template_default_dir ("templates");
  g_autofree char *cdir = bc_template_default_dir ("catalogs");
  g_autoptr(GPtrArray) templates = bc_template_load_dir (tdir, cdir, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 5);
}

static void
test_shipped_province (void)
{
  g_autoptr(BcTemplate) t = bc_test_load_template ("province-monthly");
  const BcTableDef *dvc25 = bc_template_find_table (t, "dvc25");
  const BcTableDef *qd422 = bc_template_find_table (t, "qd422");
  const BcRow *row;
  const BcSection *results;

  g_assert_cmpstr (bc_template_get_kind (t), ==, "report");
  g_assert_cmpuint (bc_template_get_cutoff_day (t), ==, 20);
  results = bc_template_find_section (t, "results");
  g_assert_nonnull (results);
  /* The seed's nine, then the plan follow-up (README, "Plan follow-up"). */
  g_assert_cmpuint (results->children->len, ==, 10);
  g_assert_cmpint (((BcSection *) results->children->pdata[9])->kind, ==, BC_SECTION_FOLLOWUP);

  g_assert_nonnull (dvc25);
  g_assert_cmpuint (count_services (dvc25, FALSE), ==, 25);
  g_assert_nonnull (qd422);
  g_assert_cmpuint (count_services (qd422, FALSE), ==, 28);
  g_assert_nonnull (dvc25->totals_label);

  /* Groups and sub-items of QĐ 422, with the seed's slips fixed. */
  row = bc_table_def_find_row (qd422, "I");
  g_assert_true (row->heading);
  g_assert_cmpuint (row->level, ==, 0);
  row = bc_table_def_find_row (qd422, "13.2");
  g_assert_nonnull (row);
  g_assert_false (row->heading);
  g_assert_cmpuint (row->level, ==, 2);
  g_assert_cmpstr (row->label, ==, "Thanh toán viện phí");
  g_assert_true (bc_table_def_find_row (qd422, "14")->heading);
  g_assert_nonnull (bc_table_def_find_row (qd422, "14.3"));
  g_assert_nonnull (bc_table_def_find_row (qd422, "II"));
  g_assert_cmpstr (bc_table_def_find_row (dvc25, "13")->label, ==,
                   "Thủ tục làm con dấu mới và cấp Giấy chứng nhận đã đăng ký mẫu dấu");
  for (guint i = 0; i < qd422->rows->len; i++)
    g_assert_null (strstr (((BcRow *) qd422->rows->pdata[i])->label, "<p>"));

  /* The two-level header: total, online and ratio share a heading. */
  g_assert_cmpstr (((BcColumn *) dvc25->columns->pdata[1])->group, ==,
                   ((BcColumn *) dvc25->columns->pdata[2])->group);
  g_assert_cmpint (bc_table_def_find_column (dvc25, "ratio")->type, ==, BC_COLUMN_COMPUTED);
  g_assert_cmpuint (bc_template_get_rules (t)->len, >, 0);
}

static void
test_shipped_district (void)
{
  g_autoptr(BcTemplate) t = bc_test_load_template ("district-monthly");
  const BcTableDef *table = bc_template_find_table (t, "dvc_district");
  GPtrArray *sections = bc_template_get_sections (t);

  g_assert_cmpuint (sections->len, ==, 5);
  g_assert_cmpuint (bc_template_get_cutoff_day (t), ==, 14);
  g_assert_nonnull (table);
  g_assert_cmpuint (count_services (table, TRUE), ==, 15);
  g_assert_nonnull (bc_table_def_find_column (table, "unit"));
  g_assert_nonnull (table->totals_label);
  g_assert_cmpstr (g_hash_table_lookup (table->defaults, "1/unit"), ==, "Công an");
  g_assert_cmpstr (table->title, ==, "Phụ lục 01");
  g_assert_cmpstr (bc_template_find_table (t, "qd422_district")->title, ==, "Phụ lục 02");
  g_assert_cmpstr (table->period_line, ==, "(Từ ngày {from} đến {to})");
}

static gboolean
has_tasks (GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      BcSection *s = sections->pdata[i];
      if (s->kind == BC_SECTION_TASKS || has_tasks (s->children))
        return TRUE;
    }
  return FALSE;
}

static void
test_shipped_plan (void)
{
  g_autoptr(BcTemplate) t = bc_test_load_template ("annual-plan");

  g_assert_cmpstr (bc_template_get_kind (t), ==, "plan");
  g_assert_cmpint (bc_template_get_regime (t), ==, BC_REGIME_ANNUAL);
  /* A plan is for the calendar year. */
  g_assert_cmpuint (bc_template_get_cutoff_day (t), ==, 31);
  g_assert_true (has_tasks (bc_template_get_sections (t)));
  g_assert_cmpstr (g_hash_table_lookup (bc_template_get_header (t), "header/doc_type"), ==, "KẾ HOẠCH");
}

/* A year's report: Decree 09/2019's window, 15/12 – 14/12, and no
 * appendix forced on it. */
static void
test_shipped_district_annual (void)
{
  g_autoptr(BcTemplate) t = bc_test_load_template ("district-annual");

  g_assert_cmpstr (bc_template_get_kind (t), ==, "report");
  g_assert_cmpint (bc_template_get_regime (t), ==, BC_REGIME_ANNUAL);
  g_assert_cmpuint (bc_template_get_cutoff_day (t), ==, 14);
  g_assert_cmpuint (bc_template_get_sections (t)->len, ==, 5);
  g_assert_nonnull (bc_template_find_section (t, "pilot_models"));
}

/* The resolved copy stands alone: it loads without any catalog. */
static void
test_resolved_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcTemplate) t = bc_test_load_template ("province-monthly");
  g_autoptr(BcTemplate) copy = bc_template_new_from_data (bc_template_to_json (t), -1, "copy", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (bc_template_to_json (copy), ==, bc_template_to_json (t));
  g_assert_cmpuint (bc_template_find_table (copy, "qd422")->rows->len, ==,
                    bc_template_find_table (t, "qd422")->rows->len);
}

#define MINI_HEAD "{\"format\":1,\"id\":\"mini\",\"name\":\"Mini\",\"kind\":\"report\",\"period\":{\"regime\":\"monthly\"},"
#define MINI_FIG "\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"kind\":\"figures\",\"figures\":[{\"id\":\"a\",\"label\":\"A\"}]}]"
#define MINI_TABLE "\"tables\":[{\"id\":\"t\",\"title\":\"T\",\"rows\":[{\"number\":\"1\",\"label\":\"r\"}],\"columns\":[{\"id\":\"total\",\"label\":\"Tổng\",\"type\":\"integer\"}"

typedef struct
{
  const char *json;
  int         code;
  const char *place;   /* expected in the message, after the file name */
  const char *what;
} Malformed;

static const Malformed malformed[] = {
  { "", BC_TEMPLATE_ERROR_INVALID, "(top)", "empty" },
  { "{\"format\": 1,", BC_TEMPLATE_ERROR_SYNTAX, "1:", "" },
  { "[1, 2]", BC_TEMPLATE_ERROR_INVALID, "(top)", "expected an object" },
  { "{\"format\":2}", BC_TEMPLATE_ERROR_INVALID, "format", "not supported" },
  { MINI_HEAD MINI_FIG ", \"colour\": 1}", BC_TEMPLATE_ERROR_INVALID, "(top)", "unknown member “colour”" },
  { MINI_HEAD "\"sections\":[{\"title\":\"S\",\"kind\":\"narrative\"}]}", BC_TEMPLATE_ERROR_INVALID, "sections[0]", "missing member “id”" },
  { MINI_HEAD "\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"kind\":\"poem\"}]}", BC_TEMPLATE_ERROR_INVALID, "sections[0]", "kind “poem”" },
  { MINI_HEAD "\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"kind\":\"group\",\"children\":[{\"id\":\"s\",\"title\":\"T\",\"kind\":\"narrative\"}]}]}",
    BC_TEMPLATE_ERROR_INVALID, "sections[0].children[0]", "used twice" },
  { MINI_HEAD "\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"kind\":\"figures\",\"figures\":[{\"id\":\"A B\",\"label\":\"A\"}]}]}",
    BC_TEMPLATE_ERROR_INVALID, "sections[0].figures[0]", "may only hold" },
  { MINI_HEAD "\"sections\":[{\"id\":\"s\",\"title\":3,\"kind\":\"narrative\"}]}", BC_TEMPLATE_ERROR_INVALID, "sections[0]", "“title” must be a string" },
  /* The wording a section's list takes: only where it means something. */
  { MINI_HEAD "\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"kind\":\"narrative\",\"list_mark\":\"+\"}]}",
    BC_TEMPLATE_ERROR_INVALID, "sections[0]", "only a “documents” section" },
  { MINI_HEAD "\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"kind\":\"documents\",\"list_mark\":\"*\"}]}",
    BC_TEMPLATE_ERROR_INVALID, "sections[0]", "“list_mark” is “-”, “+” or “;”" },
  { MINI_HEAD "\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"kind\":\"documents\",\"date_style\":\"yyyy-mm-dd\"}]}",
    BC_TEMPLATE_ERROR_INVALID, "sections[0]", "“date_style” is" },
  { MINI_HEAD "\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"kind\":\"narrative\",\"lead_label\":\"X\"}]}",
    BC_TEMPLATE_ERROR_INVALID, "sections[0]", "only a “tasks” section" },
  { MINI_HEAD "\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"kind\":\"narrative\",\"figure_list\":true}]}",
    BC_TEMPLATE_ERROR_INVALID, "sections[0]", "only a “figures” section has a “figure_list”" },
  { "{\"format\":1,\"id\":\"mini\",\"name\":\"Mini\",\"kind\":\"report\",\"period\":{\"regime\":\"weekly\"}," MINI_FIG "}",
    BC_TEMPLATE_ERROR_INVALID, "period.regime", "weekly" },
  { MINI_HEAD MINI_FIG ",\"period\":{\"regime\":\"monthly\"}}", BC_TEMPLATE_ERROR_SYNTAX, "", "“period” is given twice" },
  { MINI_HEAD "\"sections\":[{\"id\":\"s\",\"title\":\"S\\u0000x\",\"kind\":\"narrative\"}]}", BC_TEMPLATE_ERROR_SYNTAX, "", "NUL" },
  { MINI_HEAD "\"sections\":[{\"id\":\"s\",\"title\":\"S\\u001b]0;x\\u0007\",\"kind\":\"narrative\"}]}",
    BC_TEMPLATE_ERROR_INVALID, "sections[0]", "“title” holds a control character" },
  { MINI_HEAD MINI_FIG "," MINI_TABLE ",{\"id\":\"ratio\",\"label\":\"%\",\"type\":\"computed\",\"numerator\":\"online\",\"denominator\":\"total\"}]}]}",
    BC_TEMPLATE_ERROR_INVALID, "tables[0].columns[1]", "“online” is not an integer column" },
  /* A column's maximum stays within what a total can hold (BC_COUNT_MAX). */
  { MINI_HEAD MINI_FIG "," MINI_TABLE ",{\"id\":\"m\",\"label\":\"M\",\"type\":\"integer\",\"max\":1000000000000000}]}]}",
    BC_TEMPLATE_ERROR_INVALID, "tables[0].columns[1]", "“max” must be between 0 and 999999999999999" },
  { MINI_HEAD MINI_FIG "," MINI_TABLE ",{\"id\":\"m\",\"label\":\"M\",\"type\":\"integer\",\"max\":-1}]}]}",
    BC_TEMPLATE_ERROR_INVALID, "tables[0].columns[1]", "“max” must be between" },
  { MINI_HEAD MINI_FIG "," MINI_TABLE ",{\"id\":\"c\",\"label\":\"C\",\"type\":\"choice\"}]}]}",
    BC_TEMPLATE_ERROR_INVALID, "tables[0].columns[1]", "“choices” goes with type “choice”" },
  { MINI_HEAD MINI_FIG ",\"tables\":[{\"id\":\"t\",\"title\":\"T\",\"catalog\":\"nosuch\",\"columns\":[]}]}",
    BC_TEMPLATE_ERROR_INVALID, "tables[0]", "catalog “nosuch”" },
  { MINI_HEAD MINI_FIG "," MINI_TABLE "],\"applicable\":[\"9\"]}]}", BC_TEMPLATE_ERROR_INVALID, "tables[0]", "no row “9”" },
  { MINI_HEAD MINI_FIG ",\"rules\":[{\"id\":\"r\",\"left\":\"a\",\"op\":\"<=\",\"right\":\"b\",\"severity\":\"error\",\"message\":\"m\"}]}",
    BC_TEMPLATE_ERROR_INVALID, "rules[0].right", "“b” is not a figure" },
  { MINI_HEAD MINI_FIG ",\"rules\":[{\"id\":\"r\",\"left\":\"a\",\"op\":\"<=\",\"right\":\"sum(t.total)\",\"severity\":\"error\",\"message\":\"m\"}]}",
    BC_TEMPLATE_ERROR_INVALID, "rules[0].right", "“t.total” is not" },
  { MINI_HEAD MINI_FIG ",\"rules\":[{\"id\":\"r\",\"left\":\"a +\",\"op\":\"<=\",\"right\":\"1\",\"severity\":\"error\",\"message\":\"m\"}]}",
    BC_TEMPLATE_ERROR_INVALID, "rules[0].left", "unexpected end" },
  { MINI_HEAD MINI_FIG ",\"rules\":[{\"id\":\"r\",\"left\":\"a\",\"op\":\"=>\",\"right\":\"1\",\"severity\":\"error\",\"message\":\"m\"}]}",
    BC_TEMPLATE_ERROR_INVALID, "rules[0]", "op “=>”" },
  { "{\"format\":1,\"id\":\"mini\",\"name\":\"Mini\",\"kind\":\"report\",\"period\":{\"regime\":\"monthly\",\"cutoff_day\":31}," MINI_FIG "}",
    BC_TEMPLATE_ERROR_INVALID, "period", "between 1 and 28" },
  { "{\"format\":1,\"id\":\"mini\",\"name\":\"Mini\",\"kind\":\"report\",\"period\":{\"regime\":\"annual\",\"cutoff_day\":32}," MINI_FIG "}",
    BC_TEMPLATE_ERROR_INVALID, "period", "between 1 and 31" },
  { MINI_HEAD MINI_FIG ",\"header\":{\"signer\":{\"authority\":\"XX.\"}}}", BC_TEMPLATE_ERROR_INVALID, "header.signer.authority", "“XX.”" },
  /* Only a ratio may be allowed past 100%. */
  { MINI_HEAD "\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"kind\":\"figures\",\"figures\":[{\"id\":\"a\",\"label\":\"A\",\"may_exceed\":true}]}]}",
    BC_TEMPLATE_ERROR_INVALID, "sections[0].figures[0]", "“may_exceed” needs a “denominator”" },
  { MINI_HEAD MINI_FIG "," MINI_TABLE ",{\"id\":\"b\",\"label\":\"B\",\"type\":\"integer\",\"may_exceed\":true}]}]}",
    BC_TEMPLATE_ERROR_INVALID, "tables[0].columns[1]", "only a “computed” column has “may_exceed”" },
  { MINI_HEAD "\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"kind\":\"figures\",\"figures\":[{\"id\":\"a\",\"label\":\"A\",\"denominator\":\"B\",\"may_exceed\":1}]}]}",
    BC_TEMPLATE_ERROR_INVALID, "sections[0].figures[0]", "“may_exceed” must be true or false" },
  /* Appendix titles, numbers and period lines */
  { MINI_HEAD MINI_FIG ",\"appendix_numbering\":{\"style\":\"a\"}}",
    BC_TEMPLATE_ERROR_INVALID, "appendix_numbering", "“style” is “I”, “01” or “1”" },
  { MINI_HEAD MINI_FIG ",\"appendix_numbering\":{\"first\":0}}",
    BC_TEMPLATE_ERROR_INVALID, "appendix_numbering", "between 1 and 99" },
  { MINI_HEAD MINI_FIG ",\"appendix_numbering\":{\"from\":2}}",
    BC_TEMPLATE_ERROR_INVALID, "appendix_numbering", "unknown member “from”" },
  { MINI_HEAD MINI_FIG ",\"tables\":[{\"id\":\"t\",\"title\":\"T\",\"date_style\":\"d.m.y\",\"rows\":[],\"columns\":[]}]}",
    BC_TEMPLATE_ERROR_INVALID, "tables[0]", "“date_style” is" },
  { MINI_HEAD MINI_FIG ",\"tables\":[{\"id\":\"t\",\"section\":\"s\",\"title\":\"Bảng {number}\",\"rows\":[],\"columns\":[]}]}",
    BC_TEMPLATE_ERROR_INVALID, "tables[0]", "only an appendix is numbered" },
};

/* "{number}" in an appendix's title: its place among the appendices, in
 * the template's style and from its first number; a table of the body is
 * not counted. */
static void
test_appendix_numbers (void)
{
  static const struct { const char *numbering; const char *first, *second; } cases[] = {
    { "", "Phụ lục I", "Phụ lục II" },
    { ",\"appendix_numbering\":{\"style\":\"I\",\"first\":2}", "Phụ lục II", "Phụ lục III" },
    { ",\"appendix_numbering\":{\"style\":\"01\"}", "Phụ lục 01", "Phụ lục 02" },
    { ",\"appendix_numbering\":{\"style\":\"1\",\"first\":9}", "Phụ lục 9", "Phụ lục 10" },
    { ",\"appendix_numbering\":{\"style\":\"I\",\"first\":14}", "Phụ lục XIV", "Phụ lục XV" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf (
        MINI_HEAD MINI_FIG "%s,\"tables\":["
        "{\"id\":\"a\",\"title\":\"Phụ lục {number}\",\"rows\":[],\"columns\":[]},"
        "{\"id\":\"body\",\"section\":\"s\",\"title\":\"Bảng\",\"rows\":[],\"columns\":[]},"
        "{\"id\":\"b\",\"title\":\"Phụ lục {number}\",\"period_line\":\"(Từ ngày {from} đến {to})\","
        "\"date_style\":\"dd/m/yyyy\",\"rows\":[],\"columns\":[]}]}", cases[i].numbering);
      g_autoptr(GError) error = NULL;
      g_autoptr(BcTemplate) t = bc_template_new_from_data (json, -1, "numbers.json", NULL, &error);
      g_autoptr(BcTemplate) copy = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (bc_template_find_table (t, "a")->title, ==, cases[i].first);
      g_assert_cmpstr (bc_template_find_table (t, "b")->title, ==, cases[i].second);
      g_assert_cmpstr (bc_template_find_table (t, "body")->title, ==, "Bảng");
      g_assert_cmpstr (bc_template_find_table (t, "b")->period_line, ==, "(Từ ngày {from} đến {to})");
      g_assert_cmpstr (bc_template_find_table (t, "b")->date_style, ==, "dd/m/yyyy");
      /* The copy a report keeps numbers the same way. */
      copy = bc_template_new_from_data (bc_template_to_json (t), -1, "copy", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (bc_template_find_table (copy, "b")->title, ==, cases[i].second);
    }
}

static void
test_malformed (gconstpointer data)
{
  const Malformed *m = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *cdir = bc_template_default_dir ("catalogs");
  g_autoptr(BcTemplate) t = bc_template_new_from_data (m->json, -1, "bad.json", cdir, &error);
  g_autofree char *prefix = g_strdup_printf ("bad.json: %s", m->place);

  g_assert_null (t);
  g_assert_error (error, BC_TEMPLATE_ERROR, m->code);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, m->what) == NULL)
    g_error ("message “%s” lacks “%s” or “%s”", error->message, prefix, m->what);
}

static char *
repeat (const char *before,
        const char *unit,
        guint       n,
        const char *after)
{
  GString *s = g_string_new (before);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  g_string_append (s, after);
  return g_string_free (s, FALSE);
}

/* Inputs that made the parsers recurse until the stack overflowed: each is
 * refused with a message, quickly. Made here, not kept in the tree. */
static void
test_hostile (void)
{
  g_autofree char *deep = repeat (MINI_HEAD MINI_FIG ",\"x\":", "[", 100000, "}");
  g_autofree char *parens = repeat ("", "(", 60000, "a");
  g_autofree char *terms = repeat ("a", " + a", 500000, "");
  g_autofree char *fewer_terms = repeat ("a", " + a", 200000, "");
  g_autofree char *minus = repeat ("", "-", 1000000, "a");
  g_autofree char *nested = repeat ("", "(-", BC_EXPR_MAX_DEPTH / 2 + 1, "a");
  g_autofree char *fits = repeat ("", "(", BC_EXPR_MAX_DEPTH, "a");
  const struct { const char *name; const char *expr; const char *says; } cases[] = {
    { "60.000 parentheses", parens, "longer than 1000 characters" },
    { "500.000 terms", terms, "a template is at most" },
    { "200.000 terms", fewer_terms, "longer than 1000 characters" },
    { "1.000.000 minus signs", minus, "longer than 1000 characters" },
    { "33 levels", nested, "nest more than 32 deep" },
    { "32 levels", fits, "expected “)”" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcTemplate) t = NULL;
  gint64 start = g_get_monotonic_time ();

  t = bc_template_new_from_data (deep, -1, "bad.json", NULL, &error);
  g_assert_null (t);
  g_assert_error (error, BC_TEMPLATE_ERROR, BC_TEMPLATE_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "nested more than 64 levels"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) json = g_string_new (MINI_HEAD MINI_FIG ",\"rules\":[{\"id\":\"r\",\"left\":\"");
      g_autoptr(GError) local_error = NULL;
      g_autoptr(BcTemplate) bad = NULL;

      g_string_append (json, cases[i].expr);
      g_string_append (json, "\",\"op\":\"<=\",\"right\":\"1\",\"severity\":\"error\",\"message\":\"m\"}]}");
      start = g_get_monotonic_time ();
      bad = bc_template_new_from_data (json->str, -1, "bad.json", NULL, &local_error);
      g_test_message ("%s: %.200s", cases[i].name, local_error ? local_error->message : "(accepted)");
      g_assert_null (bad);
      g_assert_error (local_error, BC_TEMPLATE_ERROR, BC_TEMPLATE_ERROR_INVALID);
      g_assert_nonnull (strstr (local_error->message, cases[i].says));
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
    }
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcTemplate) t = bc_template_new_from_file ("/nonexistent/x.json", NULL, &error);

  g_assert_null (t);
  g_assert_error (error, BC_TEMPLATE_ERROR, BC_TEMPLATE_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "/nonexistent/x.json"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bc/template/shipped/load-all", test_shipped_load);
  g_test_add_func ("/bc/template/shipped/province", test_shipped_province);
  g_test_add_func ("/bc/template/shipped/district", test_shipped_district);
  g_test_add_func ("/bc/template/shipped/plan", test_shipped_plan);
  g_test_add_func ("/bc/template/shipped/district-annual", test_shipped_district_annual);
  g_test_add_func ("/bc/template/resolved-copy", test_resolved_copy);
  g_test_add_func ("/bc/template/appendix-numbers", test_appendix_numbers);
  g_test_add_func ("/bc/template/malformed/missing-file", test_missing_file);
  g_test_add_func ("/bc/template/malformed/hostile", test_hostile);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bc/template/malformed/%u", i);
      g_test_add_data_func (path, &malformed[i], test_malformed);
    }
  return g_test_run ();
}
