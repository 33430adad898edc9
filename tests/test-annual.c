/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The annual reports' kinds in the template format: catalog sections,
 * tables of the body, percentage columns, numbered paragraphs and
 * footnotes. Each loads, refuses malformed cases with "file: place:
 * what", validates its values, survives JSON and .baocao, and exports. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "bc-docx.h"
#include "bc-export.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-report.h"
#include "bc-report-private.h"
#include "bc-store.h"
#include "bc-template.h"
#include "bc-test-utils.h"

typedef struct
{
  char    *dir;
  BcStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = bc_test_mkdtemp ();
  f->store = bc_test_open_store (f->dir, "library.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_unref (f->store);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
}

static BcReport *
import_sample (Fixture    *f,
               const char *name)
{
  g_autofree char *file = g_strconcat (name, ".json", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", file, NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  BcReport *report;

  g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
  id = bc_store_import_json (f->store, json, -1, &error);
  g_assert_no_error (error);
  report = bc_store_open_report (f->store, id, &error);
  g_assert_no_error (error);
  return report;
}

/* The 24 pilot models in 5 groups: 2 + 9 + 6 + 3 + 4, from the catalog. */
static void
test_catalog_section (void)
{
  g_autoptr(BcTemplate) t = bc_test_load_template ("district-annual");
  const BcSection *s = bc_template_find_section (t, "pilot_models");
  static const guint sizes[] = { 2, 9, 6, 3, 4 };
  g_autoptr(BcTemplate) copy = NULL;
  g_autoptr(GError) error = NULL;
  guint group = 0, items = 0, in_group = 0;

  g_assert_nonnull (s);
  g_assert_cmpint (s->kind, ==, BC_SECTION_CATALOG);
  g_assert_cmpstr (s->item_noun, ==, "mô hình");
  g_assert_nonnull (s->items);
  g_assert_true (bc_template_find_table (t, "pilot_models") == s->items);
  g_assert_cmpstr (s->items->section, ==, "pilot_models");
  g_assert_true (s->items->items);
  /* The grid's name column says what an item is. */
  g_assert_cmpstr (s->items->name_label, ==, "Mô hình");
  for (guint i = 0; i < s->items->rows->len; i++)
    {
      const BcRow *row = s->items->rows->pdata[i];

      if (row->heading)
        {
          if (i > 0)
            g_assert_cmpuint (in_group, ==, sizes[group++]);
          in_group = 0;
          continue;
        }
      in_group++;
      items++;
      g_assert_cmpuint (row->level, ==, 1);
    }
  g_assert_cmpuint (in_group, ==, sizes[group]);
  g_assert_cmpuint (items, ==, 24);
  g_assert_cmpstr (bc_table_def_find_row (s->items, "24")->label, ==,
                   "Công an thành phố phối hợp với các đơn vị có thẩm quyền tổ chức đào tạo, tập huấn an ninh, "
                   "an toàn, bảo mật thông tin cho người sử dụng cuối (end user)");
  g_assert_nonnull (bc_table_def_find_column (s->items, "result"));

  /* The stored copy stands alone: the catalog is resolved into it. */
  copy = bc_template_new_from_data (bc_template_to_json (t), -1, "copy", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bc_template_find_section (copy, "pilot_models")->items->rows->len, ==, 29);
  g_assert_null (strstr (bc_template_to_json (copy), "pilot-models"));
}

static void
test_body_table (void)
{
  g_autoptr(BcTemplate) t = bc_test_load_template ("province-annual");
  const BcTableDef *table = bc_template_find_table (t, "edu_verification");
  const BcColumn *ratio;

  g_assert_nonnull (table);
  g_assert_cmpstr (table->section, ==, "ecosystem");
  g_assert_false (table->items);
  g_assert_cmpstr (table->name_label, ==, "Cấp học");
  ratio = bc_table_def_find_column (table, "students_ratio");
  g_assert_cmpint (ratio->type, ==, BC_COLUMN_PERCENT);
  g_assert_cmpint (ratio->max, ==, 100);
  g_assert_cmpstr (ratio->group, ==, "Học sinh");
  g_assert_cmpint (bc_template_get_regime (t), ==, BC_REGIME_ANNUAL);
  /* The year ends when its months do (province-monthly: the 20th). */
  g_assert_cmpuint (bc_template_get_cutoff_day (t), ==, 20);
}

/* A catalog prints its items and a body table its rows before anyone
 * writes a word in them: neither section is "empty" and left out. */
static void
test_rows_are_content (void)
{
  static const char * const cases[][2] = {
    { "district-annual", "pilot_models" },
    { "province-annual", "ecosystem" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BcTemplate) t = bc_test_load_template (cases[i][0]);
      g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(BcReport) report = bc_report_new (1, "uuid", t, values, "", "", 0);
      const BcSection *s = bc_template_find_section (t, cases[i][1]);

      g_assert_nonnull (s);
      g_assert_true (bc_report_section_has_content (report, s));
    }
}

#define HEAD "{\"format\":1,\"id\":\"mini\",\"name\":\"Mini\",\"kind\":\"report\",\"period\":{\"regime\":\"annual\"},"
#define NARR "{\"id\":\"n\",\"title\":\"N\",\"kind\":\"narrative\"}"
#define ROWS "\"rows\":[{\"key\":\"g1\",\"number\":\"1\",\"label\":\"G\",\"heading\":true,\"children\":[{\"number\":\"1\",\"label\":\"M\"}]}]"
#define COLS "\"rows\":[{\"number\":\"1\",\"label\":\"r\"}],\"columns\":["

static const struct
{
  const char *json;
  const char *place;
  const char *what;
} malformed[] = {
  { HEAD "\"sections\":[{\"id\":\"c\",\"title\":\"C\",\"kind\":\"catalog\"}]}",
    "sections[0]", "missing member “rows”" },
  { HEAD "\"sections\":[{\"id\":\"c\",\"title\":\"C\",\"kind\":\"catalog\",\"catalog\":\"nosuch\"}]}",
    "sections[0]", "catalog “nosuch”" },
  { HEAD "\"sections\":[{\"id\":\"c\",\"title\":\"C\",\"kind\":\"catalog\",\"catalog\":\"pilot-models\"," ROWS "}]}",
    "sections[0]", "“catalog” or “rows”, not both" },
  { HEAD "\"sections\":[{\"id\":\"n\",\"title\":\"N\",\"kind\":\"narrative\",\"item_noun\":\"x\"}]}",
    "sections[0]", "only a “catalog” section has “item_noun”" },
  { HEAD "\"sections\":[{\"id\":\"c\",\"title\":\"C\",\"kind\":\"catalog\",\"rows\":[{\"key\":\"g\",\"number\":\"1\",\"label\":\"G\","
    "\"heading\":true,\"children\":[{\"key\":\"h\",\"number\":\"1\",\"label\":\"H\",\"heading\":true,"
    "\"children\":[{\"number\":\"1\",\"label\":\"M\"}]}]}]}]}",
    "sections[0].rows", "one level under their group" },
  { HEAD "\"sections\":[{\"id\":\"c\",\"title\":\"C\",\"kind\":\"catalog\"," ROWS ",\"item_figures\":[{\"id\":\"note\",\"label\":\"N\"}]}]}",
    "sections[0].item_figures[0]", "names a part of an item" },
  { HEAD "\"sections\":[{\"id\":\"c\",\"title\":\"C\",\"kind\":\"catalog\"," ROWS ",\"item_figures\":[{\"id\":\"x\"}]}]}",
    "sections[0].item_figures[0]", "missing member “label”" },
  { HEAD "\"sections\":[{\"id\":\"c\",\"title\":\"C\",\"kind\":\"catalog\"," ROWS "}],"
    "\"tables\":[{\"id\":\"c\",\"title\":\"T\"," COLS "{\"id\":\"a\",\"label\":\"A\",\"type\":\"integer\"}]}]}",
    "tables[0]", "table id “c” is used twice" },
  { HEAD "\"sections\":[" NARR "],\"tables\":[{\"id\":\"t\",\"title\":\"T\",\"section\":\"nosuch\"," COLS
    "{\"id\":\"a\",\"label\":\"A\",\"type\":\"integer\"}]}]}",
    "tables[0]", "no section “nosuch” to hold the table" },
  { HEAD "\"sections\":[" NARR "],\"tables\":[{\"id\":\"t\",\"title\":\"T\"," COLS
    "{\"id\":\"p\",\"label\":\"P\",\"type\":\"percentage\"}]}]}",
    "tables[0].columns[0]", "type “percentage” is not one of integer, text, choice, computed, percent" },
  { HEAD "\"sections\":[" NARR "],\"tables\":[{\"id\":\"t\",\"title\":\"T\"," COLS
    "{\"id\":\"p\",\"label\":\"P\",\"type\":\"text\",\"max\":5}]}]}",
    "tables[0].columns[0]", "“max” goes with an integer or percent column" },
  { HEAD "\"sections\":[" NARR "],\"tables\":[{\"id\":\"t\",\"title\":\"T\"," COLS
    "{\"id\":\"applies\",\"label\":\"P\",\"type\":\"percent\"}]}]}",
    "tables[0].columns[0]", "names a part of a row" },
  { HEAD "\"sections\":[" NARR "],\"tables\":[{\"id\":\"t\",\"title\":\"T\",\"rows\":[{\"key\":\"after\","
    "\"number\":\"1\",\"label\":\"r\"}],\"columns\":[{\"id\":\"a\",\"label\":\"A\",\"type\":\"integer\"}]}]}",
    "tables[0].rows[0]", "row key “after” is the table's own part" },
  { HEAD "\"sections\":[" NARR "],\"tables\":[{\"id\":\"t\",\"title\":\"T\"," COLS
    "{\"id\":\"p\",\"label\":\"P\",\"type\":\"percent\",\"optional\":\"yes\"}]}]}",
    "tables[0].columns[0]", "“optional” must be true or false" },
  { "{\"format\":1,\"id\":\"mini\",\"name\":\"Mini\",\"kind\":\"report\",\"period\":{\"regime\":\"annual\","
    "\"title_line\":\"no\"},\"sections\":[" NARR "]}",
    "period", "“title_line” must be true or false" },
};

static void
test_malformed (void)
{
  g_autofree char *cdir = bc_template_default_dir ("catalogs");

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BcTemplate) t = bc_template_new_from_data (malformed[i].json, -1, "bad.json", cdir, &error);
      g_autofree char *prefix = g_strdup_printf ("bad.json: %s: ", malformed[i].place);

      g_test_message ("case %u: %s", i, error ? error->message : "(accepted)");
      g_assert_null (t);
      g_assert_error (error, BC_TEMPLATE_ERROR, BC_TEMPLATE_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, malformed[i].what) == NULL)
        g_error ("case %u: “%s” lacks “%s” or “%s”", i, error->message, prefix, malformed[i].what);
    }
}

static void
test_parse_percent (void)
{
  static const struct { const char *typed; gint64 max; const char *stored; } good[] = {
    { "62,76%", 100, "62.76" }, { "62.76", 100, "62.76" }, { " 98,9 % ", 100, "98.9" },
    { "98,90", 100, "98.9" }, { "100", 100, "100" }, { "100,00%", 100, "100" }, { "0", 100, "0" },
    { "150,5", 200, "150.5" }, { "7,05%", 100, "7.05" },
  };
  static const struct { const char *typed; gint64 max; const char *says; } bad[] = {
    { "", 100, "Enter a number" }, { "-5", 100, "negative" }, { "100,01", 100, "at most 100%" },
    { "150", 100, "at most 100%" }, { "62,765", 100, "two decimals" }, { "abc", 100, "not a percentage" },
    { "62,", 100, "not a percentage" }, { "6 2", 100, "not a percentage" }, { "1.000", 2000, "two decimals" },
  };
  g_autofree char *display = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *stored = NULL;
      g_autofree char *shown = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (bc_parse_percent (good[i].typed, good[i].max, &stored, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (stored, ==, good[i].stored);
      /* What is shown reads back as itself. */
      shown = bc_percent_to_display (stored);
      g_free (stored);
      g_assert_true (bc_parse_percent (shown, good[i].max, &stored, NULL));
      g_assert_cmpstr (stored, ==, good[i].stored);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *stored = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (bc_parse_percent (bad[i].typed, bad[i].max, &stored, &error));
      g_assert_null (stored);
      g_assert_nonnull (error);
      if (strstr (error->message, bad[i].says) == NULL)
        g_error ("“%s”: “%s” does not say “%s”", bad[i].typed, error->message, bad[i].says);
    }
  display = bc_percent_to_display ("62.76");
  g_assert_cmpstr (display, ==, "62,76%");
}

/* What a report of the new kinds may hold, and what it refuses. */
static void
test_values (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BcReport) province = import_sample (f, "province-annual-2022");
  g_autoptr(BcReport) district = import_sample (f, "district-annual-2023");
  static const struct { gboolean province; const char *key, *value; gboolean ok; } cases[] = {
    { TRUE, "tbl/edu_verification/1/students_ratio", "62.76", TRUE },
    { TRUE, "tbl/edu_verification/1/students_ratio", "62,76", FALSE },
    { TRUE, "tbl/edu_verification/1/students_ratio", "101", FALSE },
    { TRUE, "tbl/edu_verification/1/students_ratio", "62.760", FALSE },
    { TRUE, "tbl/edu_verification/after", "p2", TRUE },
    { TRUE, "tbl/edu_verification/after", "p-2", FALSE },
    { TRUE, "sec/ecosystem/p1/level", "3", TRUE },
    { TRUE, "sec/ecosystem/p1/level", "4", TRUE },
    { TRUE, "sec/ecosystem/p1/level", "5", FALSE },
    { TRUE, "sec/ecosystem/p1/footnote", "Công văn số 1 ngày 02/01/2022.\nCông điện số 2.", TRUE },
    { TRUE, "sec/ecosystem/p1/footnote", "Công văn \x1b[2J", FALSE },
    { FALSE, "tbl/pilot_models/3/result", "Đã triển khai tại 12 cơ sở", TRUE },
    { FALSE, "tbl/pilot_models/g1/result", "x", FALSE },
    { FALSE, "tbl/pilot_models/after", "p1", FALSE },
    { FALSE, "sec/pilot_models/p1/text", "Mở đầu", TRUE },
    { FALSE, "sec/pilot_models/p1/footnote", "Kế hoạch số 4076/KH-UBND.", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = bc_report_validate_value (cases[i].province ? province : district, cases[i].key,
                                              cases[i].value, &error);

      g_test_message ("case %u: %s = %s: %s", i, cases[i].key, cases[i].value, error ? error->message : "ok");
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        g_assert_true (g_str_has_prefix (error->message, cases[i].key) || strstr (error->message, cases[i].key));
    }
}

static void
apply (Fixture    *f,
       BcReport   *report,
       const char *key,
       const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bc_store_set_value (f->store, report, key, value, &error));
  g_assert_no_error (error);
}

static char *
marks_of (BcReport   *report,
          const char *section)
{
  g_auto(GStrv) marks = bc_report_paragraph_marks (report, section);
  return g_strjoinv ("|", marks);
}

/* Numbers are counted when printed: adding, moving and removing
 * paragraphs keeps them right. */
static void
test_numbering (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BcReport) report = import_sample (f, "province-annual-2022");
  char *marks;

  marks = marks_of (report, "ecosystem");
  g_assert_cmpstr (marks, ==, "(1) |- |(2) |(3) ");
  g_free (marks);
  /* A paragraph added in front. */
  apply (f, report, "sec/ecosystem/p9/level", "3");
  apply (f, report, "sec/ecosystem/order", "p9,p1,p2,p3,p4");
  marks = marks_of (report, "ecosystem");
  g_assert_cmpstr (marks, ==, "(1) |(2) |- |(3) |(4) ");
  g_free (marks);
  /* Moved to the end, one removed. */
  apply (f, report, "sec/ecosystem/order", "p1,p2,p4,p9");
  marks = marks_of (report, "ecosystem");
  g_assert_cmpstr (marks, ==, "(1) |- |(2) |(3) ");
  g_free (marks);
  /* "1." items count through; "(n)" starts again under each. */
  apply (f, report, "sec/ecosystem/p1/level", "4");
  apply (f, report, "sec/ecosystem/p4/level", "4");
  marks = marks_of (report, "ecosystem");
  g_assert_cmpstr (marks, ==, "1. |- |2. |(1) ");
  g_free (marks);
}

/* The next year's report keeps the paragraphs, so the table of the body
 * stays after the one it followed; the year's counts do not carry over. */
static void
test_next_year (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BcReport) report = import_sample (f, "province-annual-2022");
  g_autoptr(BcReport) next = NULL;
  g_autoptr(GError) error = NULL;

  next = bc_store_duplicate_next (f->store, report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get_period_from (next), ==, "2022-12-15");
  g_assert_cmpstr (bc_report_get_period_to (next), ==, "2023-12-14");
  g_assert_cmpstr (bc_report_get (next, "tbl/edu_verification/after"), ==, "p3");
  g_assert_cmpstr (bc_report_get (next, "sec/ecosystem/p3/level"), ==, "3");
  g_assert_cmpstr (bc_report_get (next, "tbl/edu_verification/1/students"), ==, "");
  g_assert_cmpstr (bc_report_get (next, "tbl/edu_verification/1/students_ratio"), ==, "");
}

static GHashTable *
values_copy (BcReport *report)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, bc_report_get_values (report));
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

static void
assert_same_values (GHashTable *a,
                    BcReport   *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (bc_report_get_values (b)));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpstr (bc_report_get (b, key), ==, value);
}

/* JSON and .baocao carry every new value, and the template copy. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const names[] = { "province-annual-2022", "district-annual-2023" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(BcReport) report = import_sample (f, names[i]);
      g_autoptr(GHashTable) values = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *json = NULL;
      g_autofree char *again = NULL;
      g_autofree char *file = g_build_filename (f->dir, "r.baocao", NULL);
      g_autoptr(BcStore) other = bc_test_open_store (f->dir, i == 0 ? "a.db" : "b.db");
      g_autoptr(BcStore) third = bc_test_open_store (f->dir, i == 0 ? "c.db" : "d.db");
      g_autoptr(BcReport) from_json = NULL;
      g_autoptr(BcReport) from_file = NULL;
      gint64 id;

      apply (f, report, i == 0 ? "tbl/edu_verification/2/teachers_ratio" : "tbl/pilot_models/7/result",
             i == 0 ? "97.5" : "Đã triển khai");
      apply (f, report, i == 0 ? "sec/ecosystem/p2/footnote" : "sec/pilot_models/p1/footnote", "Ghi chú.");
      values = values_copy (report);
      json = bc_store_export_json (f->store, bc_report_get_id (report), &error);
      g_assert_no_error (error);
      id = bc_store_import_json (other, json, -1, &error);
      g_assert_no_error (error);
      from_json = bc_store_open_report (other, id, &error);
      g_assert_no_error (error);
      assert_same_values (values, from_json);
      g_assert_cmpstr (bc_template_to_json (bc_report_get_template (from_json)), ==,
                       bc_template_to_json (bc_report_get_template (report)));
      again = bc_store_export_json (other, id, &error);
      g_assert_cmpstr (again, ==, json);

      g_assert_true (bc_store_export_file (f->store, bc_report_get_id (report), file, &error));
      g_assert_no_error (error);
      id = bc_store_import_file (third, file, BC_IMPORT_ASK, NULL, &error);
      g_assert_no_error (error);
      from_file = bc_store_open_report (third, id, &error);
      g_assert_no_error (error);
      assert_same_values (values, from_file);
    }
}

static char *
docx_part (GBytes     *package,
           const char *name)
{
  zip_error_t zerror;
  zip_source_t *source;
  zip_t *zip;
  zip_file_t *file;
  zip_stat_t stat;
  char *data = NULL;

  zip_error_init (&zerror);
  source = zip_source_buffer_create (g_bytes_get_data (package, NULL), g_bytes_get_size (package), 0, &zerror);
  zip = zip_open_from_source (source, ZIP_RDONLY, &zerror);
  g_assert_nonnull (zip);
  if (zip_stat (zip, name, 0, &stat) == 0 && (file = zip_fopen (zip, name, 0)) != NULL)
    {
      data = g_malloc0 (stat.size + 1);
      g_assert_cmpint (zip_fread (file, data, stat.size), ==, (zip_int64_t) stat.size);
      zip_fclose (file);
    }
  zip_close (zip);
  return data;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* The DOCX: catalog items as outline A prints them, the table of the
 * body in the text, footnotes with their marks; a report without notes
 * has no footnotes part. */
/* The column widths of the table whose heading holds @heading. */
static GArray *
body_table_grid (const char *document,
                 const char *heading)
{
  const char *at = strstr (document, heading);
  const char *grid = NULL;
  GArray *widths = g_array_new (FALSE, FALSE, sizeof (int));

  g_assert_nonnull (at);
  for (const char *p = document; (p = strstr (p, "<w:tblGrid>")) != NULL && p < at; p++)
    grid = p;
  g_assert_nonnull (grid);
  for (const char *p = grid; (p = strstr (p, "<w:gridCol w:w=\"")) != NULL && p < strstr (grid, "</w:tblGrid>"); p++)
    {
      int w = atoi (p + strlen ("<w:gridCol w:w=\""));
      g_array_append_val (widths, w);
    }
  return widths;
}

static void
test_docx (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(BcReport) district = import_sample (f, "district-annual-2023");
  g_autoptr(BcReport) province = import_sample (f, "province-annual-2022");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autofree char *doc_a = NULL;
  g_autofree char *doc_b = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *types = NULL;
  const char *table_at, *after_at, *section;
  g_autoptr(GArray) grid = NULL;

  apply (f, district, "tbl/pilot_models/3/result", "đã triển khai tại 12 cơ sở khám chữa bệnh");
  a = bc_docx_build (district, NULL, &error);
  g_assert_no_error (error);
  doc_a = docx_part (a, "word/document.xml");
  g_assert_nonnull (strstr (doc_a, "(2) Nhóm tiện ích phát triển kinh tế - xã hội (bao gồm 09 mô hình)"));
  g_assert_nonnull (strstr (doc_a, "+ Mô hình 3: Khám chữa bệnh sử dụng thẻ Căn cước công dân (CCCD) và VNeID: "
                                   "đã triển khai tại 12 cơ sở khám chữa bệnh."));
  g_assert_nonnull (strstr (doc_a, "+ Mô hình 4: Triển khai tại các điểm chứng thực."));
  /* The summary names the year: no "(từ … đến …)" line under it. */
  g_assert_false (bc_template_get_title_period (bc_report_get_template (district)));
  g_assert_null (strstr (doc_a, "(từ 15/12/2022 đến 14/12/2023)"));
  g_assert_null (docx_part (a, "word/footnotes.xml"));

  b = bc_docx_build (province, NULL, &error);
  g_assert_no_error (error);
  doc_b = docx_part (b, "word/document.xml");
  notes = docx_part (b, "word/footnotes.xml");
  types = docx_part (b, "[Content_Types].xml");
  g_assert_nonnull (notes);
  g_assert_cmpuint (count (doc_b, "<w:footnoteReference w:id="), ==, 10);
  g_assert_cmpuint (count (notes, "<w:footnoteRef/>"), ==, 10);
  g_assert_nonnull (strstr (notes, "w:type=\"separator\" w:id=\"-1\""));
  g_assert_nonnull (strstr (types, "/word/footnotes.xml"));
  /* The table sits between (2) and (3) of section 7., in the body, before
   * the closing; no appendix section follows. */
  table_at = strstr (doc_b, "Cấp học");
  after_at = strstr (doc_b, "KIẾN NGHỊ");
  g_assert_nonnull (table_at);
  g_assert_true (table_at < after_at);
  section = strstr (doc_b, "Hoàn thiện hệ sinh thái");
  g_assert_nonnull (section);
  g_assert_true (strstr (section, "(2) …") < table_at && table_at < strstr (section, "(3) …</w:t>"));
  g_assert_nonnull (strstr (doc_b, "62,76%"));
  g_assert_null (strstr (doc_b, "(từ 15/12/2021 đến 14/12/2022)"));
  /* The counts' columns hold "CSDLQGvDC" on one line (about 1.500 twips
   * in bold); the level's name needs less than a third of the page. */
  grid = body_table_grid (doc_b, "Cấp học");
  g_assert_cmpuint (grid->len, ==, 6);
  g_assert_cmpint (g_array_index (grid, int, 1), <=, 1600);
  for (guint c = 2; c < grid->len; c++)
    g_assert_cmpint (g_array_index (grid, int, c), >=, 1500);
  g_assert_cmpuint (count (doc_b, "<w:sectPr"), ==, 1);
}

/* A figure's label names the unit's kind with a placeholder: the city's
 * report says "cấp thành phố" wherever the label is shown or printed. */
static void
test_figure_label (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BcReport) district = import_sample (f, "district-annual-2023");
  const BcFigure *figure = bc_template_find_figure (bc_report_get_template (district), "procedures_online", NULL);
  g_autofree char *label = bc_report_dup_figure_label (district, figure);
  g_autofree char *described = bc_key_describe (district, "fig/procedures_online/den");

  g_assert_nonnull (strstr (figure->label, "{unit_kind}"));
  g_assert_cmpstr (label, ==, "Hồ sơ thủ tục hành chính cấp thành phố tiếp nhận trực tuyến trong năm");
  g_assert_true (g_str_has_prefix (described, label));
  g_assert_null (strstr (described, "{"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bc/annual/template/catalog-section", test_catalog_section);
  g_test_add_func ("/bc/annual/template/body-table", test_body_table);
  g_test_add_func ("/bc/annual/template/malformed", test_malformed);
  g_test_add_func ("/bc/annual/rows-are-content", test_rows_are_content);
  g_test_add_func ("/bc/annual/number/percent", test_parse_percent);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bc/annual/values", test_values);
  ADD ("/bc/annual/numbering", test_numbering);
  ADD ("/bc/annual/round-trip", test_round_trip);
  ADD ("/bc/annual/next-year", test_next_year);
  ADD ("/bc/annual/docx", test_docx);
  ADD ("/bc/annual/figure-label", test_figure_label);
#undef ADD
  return g_test_run ();
}
