/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <zip.h>

#include "bc-checker.h"
#include "bc-cli.h"
#include "bc-docx.h"
#include "bc-docx-private.h"
#include "bc-export-private.h"
#include "bc-finding.h"
#include "bc-report-private.h"
#include "bc-store.h"
#include "bc-test-utils.h"
#include "bc-xlsx.h"

/* Exports, the way libxlsxwriter tests itself: fixed document times, the
 * unzipped XML parts compared with golden files, plus the locale, hostile
 * text and failure cases. The independent readers (python-docx, openpyxl,
 * LibreOffice) are the export-readback and export-libreoffice tests.
 *
 * Regenerate the golden files after an intended change of the output:
 *   BC_UPDATE_GOLDEN=1 meson test -C BUILDDIR export
 * then look at the diff and at the rendered pages before committing. */

#define SAMPLE         "province-2024-05.json"
#define FIXED_EPOCH    "1716537600"    /* 2024-05-24T08:00:00Z */

typedef struct
{
  char     *dir;
  BcStore  *store;
  BcReport *report;
} Fixture;

static BcExportOptions *
fixed_options (void)
{
  BcExportOptions *options = g_new0 (BcExportOptions, 1);

  options->created = g_date_time_new_utc (2024, 5, 24, 8, 0, 0);
  return options;
}

static BcReport *
import_sample (BcStore    *store,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", name, NULL);
  g_autofree char *data = NULL;
  gsize length;
  gint64 id;
  BcReport *report;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  id = bc_store_import_json (store, data, (gssize) length, &error);
  g_assert_no_error (error);
  report = bc_store_open_report (store, id, &error);
  g_assert_no_error (error);
  return report;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = bc_test_mkdtemp ();
  f->store = bc_test_open_store (f->dir, "library.db");
  f->report = import_sample (f->store, data && g_str_has_suffix (data, ".json") ? data : SAMPLE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->report);
  g_clear_object (&f->store);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
export_both (BcReport   *report,
             const char *docx,
             const char *xlsx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcExportOptions) options = fixed_options ();

  g_assert_true (bc_docx_export (report, docx, options, &error));
  g_assert_no_error (error);
  g_assert_true (bc_xlsx_export (report, xlsx, options, &error));
  g_assert_no_error (error);
}

/* name → GBytes of every part of a zip package */
static GHashTable *
unzip (const char *path)
{
  GHashTable *parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  int zerr = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
  zip_int64_t n;

  g_assert_nonnull (zip);
  n = zip_get_num_entries (zip, 0);
  for (zip_int64_t i = 0; i < n; i++)
    {
      zip_stat_t st;
      zip_file_t *file;
      guint8 *data;

      g_assert_cmpint (zip_stat_index (zip, (zip_uint64_t) i, 0, &st), ==, 0);
      data = g_malloc (st.size + 1);
      file = zip_fopen_index (zip, (zip_uint64_t) i, 0);
      g_assert_nonnull (file);
      g_assert_cmpint (zip_fread (file, data, st.size), ==, (zip_int64_t) st.size);
      zip_fclose (file);
      data[st.size] = 0;
      g_hash_table_insert (parts, g_strdup (st.name), g_bytes_new_take (data, st.size));
    }
  zip_discard (zip);
  return parts;
}

static char *
part_text (GHashTable *parts,
           const char *name)
{
  GBytes *bytes = g_hash_table_lookup (parts, name);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* GMarkup is a strict enough XML checker: unescaped "<" or "&", unclosed
 * elements or invalid UTF-8 are errors. */
static void
assert_well_formed (const char *name,
                    GBytes     *bytes)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!g_markup_parse_context_parse (context, data, (gssize) length, &error)
      || !g_markup_parse_context_end_parse (context, &error))
    g_error ("%s is not well-formed XML: %s", name, error->message);
  /* Characters XML 1.0 forbids */
  for (gsize i = 0; i < length; i++)
    if ((guchar) data[i] < 0x20 && data[i] != '\n' && data[i] != '\t' && data[i] != '\r')
      g_error ("%s holds the control character 0x%02x at %" G_GSIZE_FORMAT, name, data[i], i);
  g_assert_null (g_strstr_len (data, (gssize) length, "\xef\xbf\xbe"));
}

static void
assert_package_well_formed (GHashTable *parts)
{
  GHashTableIter iter;
  const char *name;
  GBytes *bytes;

  g_hash_table_iter_init (&iter, parts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &bytes))
    assert_well_formed (name, bytes);
}

static GList *
sorted_names (GHashTable *parts)
{
  return g_list_sort (g_hash_table_get_keys (parts), (GCompareFunc) strcmp);
}

static void
report_difference (const char *name,
                   GBytes     *got,
                   GBytes     *want)
{
  gsize n_got, n_want, i = 0;
  const char *a = g_bytes_get_data (got, &n_got);
  const char *b = g_bytes_get_data (want, &n_want);
  g_autofree char *got_context = NULL;
  g_autofree char *want_context = NULL;

  while (i < n_got && i < n_want && a[i] == b[i])
    i++;
  got_context = g_strndup (a + (i > 60 ? i - 60 : 0), MIN (n_got - (i > 60 ? i - 60 : 0), 160));
  want_context = g_strndup (b + (i > 60 ? i - 60 : 0), MIN (n_want - (i > 60 ? i - 60 : 0), 160));
  g_error ("%s differs from its golden file at byte %" G_GSIZE_FORMAT ":\n got: %s\nwant: %s\n"
           "(regenerate with BC_UPDATE_GOLDEN=1 if the change is intended)",
           name, i, got_context, want_context);
}

/* Compares every part with tests/golden/export/<kind>/<part>; the list of
 * parts is in <kind>/parts.txt. */
static void
compare_with_golden (const char *package,
                     const char *kind)
{
  g_autoptr(GHashTable) parts = unzip (package);
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "golden", "export", kind, NULL);
  g_autofree char *list_path = g_build_filename (dir, "parts.txt", NULL);
  g_autoptr(GString) listing = g_string_new (NULL);
  g_autoptr(GList) names = sorted_names (parts);
  g_autofree char *want_listing = NULL;
  gboolean update = bc_test_update_golden ();

  assert_package_well_formed (parts);
  for (GList *l = names; l; l = l->next)
    {
      g_autofree char *path = g_build_filename (dir, l->data, NULL);
      GBytes *got = g_hash_table_lookup (parts, l->data);
      g_autoptr(GBytes) want = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_string_append_printf (listing, "%s\n", (char *) l->data);
      if (update)
        {
          g_autofree char *parent = g_path_get_dirname (path);
          g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
          g_assert_true (g_file_set_contents (path, g_bytes_get_data (got, NULL),
                                              (gssize) g_bytes_get_size (got), &error));
          continue;
        }
      if (!g_file_get_contents (path, &contents, &length, &error))
        g_error ("No golden file for %s: %s", (char *) l->data, error->message);
      want = g_bytes_new_take (g_steal_pointer (&contents), length);
      if (!g_bytes_equal (got, want))
        report_difference (l->data, got, want);
    }
  if (update)
    {
      g_assert_true (g_file_set_contents (list_path, listing->str, -1, NULL));
      return;
    }
  g_assert_true (g_file_get_contents (list_path, &want_listing, NULL, NULL));
  g_assert_cmpstr (listing->str, ==, want_listing);
}

static void
test_golden (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *docx = path_in (f, "report.docx");
  g_autofree char *xlsx = path_in (f, "report.xlsx");

  export_both (f->report, docx, xlsx);
  compare_with_golden (docx, "docx");
  compare_with_golden (xlsx, "xlsx");
}

/* The same bytes every time: the zip entries carry the document time. */
static void
test_reproducible (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcExportOptions) options = fixed_options ();
  g_autoptr(GBytes) first = bc_docx_build (f->report, options, &error);
  g_autoptr(GBytes) second = bc_docx_build (f->report, options, &error);

  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));
}

/* SOURCE_DATE_EPOCH stands in for a fixed time when no option gives one. */
static void
test_source_date_epoch (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) package = NULL;
  g_autofree char *path = path_in (f, "epoch.docx");
  g_autoptr(GHashTable) parts = NULL;
  g_autofree char *core = NULL;

  g_setenv ("SOURCE_DATE_EPOCH", FIXED_EPOCH, TRUE);
  g_assert_true (bc_docx_export (f->report, path, NULL, &error));
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_assert_no_error (error);
  parts = unzip (path);
  core = part_text (parts, "docProps/core.xml");
  g_assert_nonnull (strstr (core, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-05-24T08:00:00Z<"));
}

/* Makes vi_VN.UTF-8 usable: the system's, or one compiled into the build
 * folder (localedef needs no root to write there). Without it the test
 * fails: the exports must be proved under a comma-decimal locale. */
static void
require_vi_locale (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "locale", NULL);
  g_autofree char *target = g_build_filename (dir, "vi_VN.UTF-8", NULL);
  g_autofree char *err = NULL;
  const char *argv[] = { "localedef", "-i", "vi_VN", "-f", "UTF-8", target, NULL };
  locale_t vi = newlocale (LC_ALL_MASK, "vi_VN.UTF-8", (locale_t) 0);
  int status = 0;

  if (vi == (locale_t) 0)
    {
      g_setenv ("LOCPATH", dir, TRUE);
      vi = newlocale (LC_ALL_MASK, "vi_VN.UTF-8", (locale_t) 0);
    }
  if (vi == (locale_t) 0)
    {
      g_mkdir_with_parents (dir, 0755);
      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, NULL, &err, &status, NULL))
        status = -1;
      vi = newlocale (LC_ALL_MASK, "vi_VN.UTF-8", (locale_t) 0);
    }
  if (vi == (locale_t) 0)
    g_error ("vi_VN.UTF-8 is not installed and localedef could not make it (%s); "
             "install the “locales” package", err && *err ? g_strstrip (err) : "not found");
  freelocale (vi);
}

/* Under a comma-decimal locale the XML must not change by one byte. */
static void
test_locale (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *docx = path_in (f, "vi.docx");
  g_autofree char *xlsx = path_in (f, "vi.xlsx");
  char buffer[16];

  require_vi_locale ();
  g_assert_nonnull (setlocale (LC_ALL, "vi_VN.UTF-8"));
  /* Proves the locale bites: printf itself writes a comma. */
  g_snprintf (buffer, sizeof buffer, "%.1f", 1.5);
  g_assert_cmpstr (buffer, ==, "1,5");
  export_both (f->report, docx, xlsx);
  setlocale (LC_ALL, "C");
  compare_with_golden (docx, "docx");
  compare_with_golden (xlsx, "xlsx");
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  gboolean   docx;
} AsyncResult;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->ok = r->docx ? bc_docx_export_finish (BC_REPORT (source), result, &r->error)
                  : bc_xlsx_export_finish (BC_REPORT (source), result, &r->error);
  g_main_loop_quit (r->loop);
}

/* The worker thread writes the same file, also under vi_VN. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BcExportOptions) options = fixed_options ();
  g_autofree char *docx = path_in (f, "async.docx");
  g_autofree char *xlsx = path_in (f, "async.xlsx");
  AsyncResult r = { .loop = g_main_loop_new (NULL, FALSE), .docx = TRUE };

  require_vi_locale ();
  g_assert_nonnull (setlocale (LC_ALL, "vi_VN.UTF-8"));
  bc_docx_export_async (f->report, docx, options, NULL, exported_cb, &r);
  g_main_loop_run (r.loop);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  r.docx = FALSE;
  bc_xlsx_export_async (f->report, xlsx, options, NULL, exported_cb, &r);
  g_main_loop_run (r.loop);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  setlocale (LC_ALL, "C");
  g_main_loop_unref (r.loop);
  compare_with_golden (docx, "docx");
  compare_with_golden (xlsx, "xlsx");
}

static const char *long_text;

static void
apply (Fixture      *f,
       const BcEdit *edits,
       guint         n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bc_store_apply (f->store, f->report, edits, n, &error));
  g_assert_no_error (error);
}

/* @report's DOCX, written in the fixture's folder as @name and unzipped
 * again: its parts by name. */
static GHashTable *
docx_parts (Fixture    *f,
            BcReport   *report,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcExportOptions) options = fixed_options ();
  g_autoptr(GBytes) package = bc_docx_build (report, options, &error);
  g_autofree char *path = path_in (f, name);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (package, NULL),
                                      (gssize) g_bytes_get_size (package), NULL));
  return unzip (path);
}

/* A report of the template @json in the fixture's library, with @edits. */
static BcReport *
report_of_template (Fixture      *f,
                    const char   *json,
                    const BcEdit *edits,
                    guint         n_edits)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *catalogs = bc_template_default_dir ("catalogs");
  g_autoptr(BcTemplate) template = bc_template_new_from_data (json, -1, "test", catalogs, &error);
  g_autoptr(BcReport) report = NULL;

  g_assert_no_error (error);
  report = bc_store_create_report (f->store, template, "Huyện Thử", "2024-05-15", "2024-06-14", &error);
  g_assert_no_error (error);
  g_assert_true (bc_store_apply (f->store, report, edits, n_edits, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&report);
}

static gboolean
formulas_are_ours (const char *sheet)
{
  g_autoptr(GRegex) any = g_regex_new ("<f>(.*?)</f>", 0, 0, NULL);
  g_autoptr(GRegex) ours = g_regex_new ("^(IF\\(OR\\([A-Z]+[0-9]+=0,[A-Z]+[0-9]+=\"\"\\),\"\",[A-Z]+[0-9]+/[A-Z]+[0-9]+\\)"
                                        "|SUM\\([A-Z]+[0-9]+:[A-Z]+[0-9]+\\))$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match (any, sheet, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *formula = g_match_info_fetch (match, 1);

      if (!g_regex_match (ours, formula, 0, NULL))
        {
          g_printerr ("unexpected formula: %s\n", formula);
          return FALSE;
        }
      n++;
      g_match_info_next (match, NULL);
    }
  return n > 0;
}

/* XML metacharacters, control characters, formula injection, a 10,000
 * character paragraph and emoji. */
static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *big = NULL;
  g_autofree char *docx = path_in (f, "hostile.docx");
  g_autofree char *xlsx = path_in (f, "hostile.xlsx");
  g_autoptr(GHashTable) docx_parts = NULL;
  g_autoptr(GHashTable) xlsx_parts = NULL;
  g_autofree char *document = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *sheet = NULL;
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < 10000 / 5; i++)
    g_string_append (s, i % 2 ? "Dữ li" : "ệu <&");
  big = g_string_free (s, FALSE);
  long_text = big;
  {
    const BcEdit edits[] = {
      { "header/supervising_body", "UBND <TỈNH> & \"X\" 'Y'" },
      { "header/summary", "Tóm tắt ]]> <!-- --> &amp; 😀" },
      { "sec/ecosystem/order", "h1,h2,h3" },
      { "sec/ecosystem/h2/text", long_text },
      { "sec/ecosystem/h3/text", "=cmd|' /C calc'!A0" },
      { "tbl/dvc25/1/difficulties", "=cmd|' /C calc'!A0" },
      { "tbl/dvc25/2/difficulties", "+SUM(A1:A2)" },
      { "tbl/dvc25/4/note", "@SUM(1)" },
      { "tbl/dvc25/5/difficulties", long_text },
    };
    /* Control characters: refused by the library, yet a library written
     * by an older Baocao may hold them, and the export drops them. */
    const BcEdit controls[] = {
      { "sec/ecosystem/h1/text", "A\x01\x02\x1b\x7f B \xef\xbf\xbe C 😀👍🏽 <w:p/>" },
      { "tbl/dvc25/3/difficulties", "-2+3\x01<tag>" },
    };
    g_autoptr(GError) error = NULL;

    apply (f, edits, G_N_ELEMENTS (edits));
    for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
      {
        g_assert_false (bc_store_apply (f->store, f->report, &controls[i], 1, &error));
        g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE);
        g_clear_error (&error);
        bc_report_set_internal (f->report, controls[i].key, controls[i].value);
      }
  }
  export_both (f->report, docx, xlsx);

  docx_parts = unzip (docx);
  assert_package_well_formed (docx_parts);
  document = part_text (docx_parts, "word/document.xml");
  g_assert_nonnull (strstr (document, "UBND &lt;TỈNH&gt; &amp; \"X\" 'Y'"));
  g_assert_nonnull (strstr (document, "A B  C 😀👍🏽 &lt;w:p/&gt;"));
  g_assert_nonnull (strstr (document, "=cmd|' /C calc'!A0"));
  g_assert_nonnull (strstr (document, "Dữ liệu &lt;&amp;Dữ li"));
  g_assert_nonnull (strstr (document, "]]&gt; &lt;!-- --&gt; &amp;amp; 😀"));

  xlsx_parts = unzip (xlsx);
  assert_package_well_formed (xlsx_parts);
  strings = part_text (xlsx_parts, "xl/sharedStrings.xml");
  sheet = part_text (xlsx_parts, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (strings, ">=cmd|' /C calc'!A0<"));
  g_assert_nonnull (strstr (strings, ">+SUM(A1:A2)<"));
  g_assert_nonnull (strstr (strings, ">-2+3&lt;tag&gt;<"));
  g_assert_nonnull (strstr (strings, ">@SUM(1)<"));
  g_assert_true (formulas_are_ours (sheet));
}

/* Totals are counts too: one over BC_COUNT_MAX (here three cells at a
 * template's largest maximum) is flagged by the checks and printed "-" in
 * the DOCX and the XLSX, never as a number past what they add exactly,
 * let alone a 64-bit sum wrapped negative. */
static void
test_total_too_large (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = bc_store_export_json (f->store, bc_report_get_id (f->report), &error);
  g_autoptr(GString) big = g_string_new (json);
  g_autoptr(BcStore) other = bc_test_open_store (f->dir, "other.db");
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GHashTable) docx_parts = NULL;
  g_autoptr(GHashTable) xlsx_parts = NULL;
  g_autofree char *document = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *docx = path_in (f, "big.docx");
  g_autofree char *xlsx = path_in (f, "big.xlsx");
  BcExportTable *table;
  const char *rows[] = { "\"tbl/dvc25/1/total\" : \"30\"", "\"tbl/dvc25/2/total\" : \"3762\"",
                         "\"tbl/dvc25/3/total\" : \"2204\"" };
  guint too_large = 0;
  gint64 id;

  g_assert_cmpuint (g_string_replace (big, "\"id\" : \"total\",", "\"id\" : \"total\", \"max\" : 999999999999999,", 1),
                    ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *key = g_strndup (rows[i], (gsize) (strstr (rows[i], " : ") - rows[i]));
      g_autofree char *at_max = g_strdup_printf ("%s : \"999999999999999\"", key);
      g_assert_cmpuint (g_string_replace (big, rows[i], at_max, 1), ==, 1);
    }
  id = bc_store_import_json (other, big->str, -1, &error);
  g_assert_no_error (error);
  report = bc_store_open_report (other, id, &error);
  g_assert_no_error (error);

  findings = bc_check_report (report, NULL);
  for (guint i = 0; i < findings->len; i++)
    too_large += g_str_equal (bc_finding_get_rule (findings->pdata[i]), "table.total_too_large");
  g_assert_cmpuint (too_large, ==, 1);

  table = bc_export_table_new (report, bc_template_find_table (bc_report_get_template (report), "dvc25"));
  for (guint c = 0; c < table->def->columns->len; c++)
    {
      g_autofree char *text = bc_export_table_total_text (table, c);
      if (g_str_equal (((BcColumn *) table->def->columns->pdata[c])->id, "total"))
        g_assert_cmpstr (text, ==, "-");
      g_assert_false (g_str_has_prefix (text, "-") && strlen (text) > 1);
    }
  bc_export_table_free (table);

  export_both (report, docx, xlsx);
  docx_parts = unzip (docx);
  document = part_text (docx_parts, "word/document.xml");
  g_assert_null (strstr (document, "2.999.999.999.999.99"));
  xlsx_parts = unzip (xlsx);
  sheet = part_text (xlsx_parts, "xl/worksheets/sheet1.xml");
  g_assert_null (strstr (sheet, "2999999999999"));
  g_assert_null (strstr (sheet, "E+15"));
}

/* Trial, item 2: a count left empty is not 0. Its row's ratio is "-" in
 * the DOCX, left out of the XLSX (no cached 0, and a formula that gives ""
 * for the empty cell), as the editor shows it. */
static void
test_blank_numerator (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GHashTable) xlsx_parts = NULL;
  g_autofree char *xlsx = path_in (f, "blank.xlsx");
  g_autofree char *docx = path_in (f, "blank.docx");
  g_autofree char *sheet = NULL;
  const BcTableDef *def;
  BcExportTable *table;
  GHashTableIter iter;
  const char *key, *value;
  double ratio;

  g_hash_table_iter_init (&iter, bc_report_get_values (f->report));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    g_hash_table_insert (values, g_strdup (key), g_strdup (value));
  g_hash_table_insert (values, g_strdup ("tbl/dvc25/2/total"), g_strdup ("980"));
  g_hash_table_remove (values, "tbl/dvc25/2/online");
  report = bc_report_new (99, "uuid", bc_report_get_template (f->report), values, "", "", 0);
  def = bc_template_find_table (bc_report_get_template (report), "dvc25");
  table = bc_export_table_new (report, def);
  for (guint c = 0; c < def->columns->len; c++)
    {
      const BcColumn *column = def->columns->pdata[c];

      if (column->type == BC_COLUMN_COMPUTED)
        {
          g_autofree char *text = bc_export_table_cell_text (table, report, bc_table_def_find_row (def, "2"), column);

          g_assert_cmpstr (text, ==, "-");
          g_assert_false (bc_export_table_ratio (table, report, bc_table_def_find_row (def, "2"), column, &ratio));
          g_assert_true (bc_export_table_ratio (table, report, bc_table_def_find_row (def, "1"), column, &ratio));
        }
    }
  bc_export_table_free (table);

  export_both (report, docx, xlsx);
  xlsx_parts = unzip (xlsx);
  sheet = part_text (xlsx_parts, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet, "IF(OR("));
  g_assert_null (strstr (sheet, "IF(E"));
}

/* Trial, item 5: a column nobody filled in has no total, as in the
 * editor: "-" in the DOCX and the table's text, and in the XLSX no cached
 * 0 but a formula that gives "" until a count is typed, with the ratio of
 * the totals left out too. */
static void
test_empty_column (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GHashTable) xlsx_parts = NULL;
  g_autoptr(GHashTable) docx_parts = NULL;
  g_autofree char *xlsx = path_in (f, "empty.xlsx");
  g_autofree char *docx = path_in (f, "empty.docx");
  g_autofree char *sheet = NULL;
  g_autofree char *document = NULL;
  const BcTableDef *def;
  BcExportTable *table;
  GHashTableIter iter;
  const char *key, *value;

  g_hash_table_iter_init (&iter, bc_report_get_values (f->report));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (!g_str_has_prefix (key, "tbl/dvc25/")
        || (!g_str_has_suffix (key, "/online") && !g_str_has_suffix (key, "/total")))
      g_hash_table_insert (values, g_strdup (key), g_strdup (value));
  report = bc_report_new (99, "uuid", bc_report_get_template (f->report), values, "", "", 0);
  def = bc_template_find_table (bc_report_get_template (report), "dvc25");
  table = bc_export_table_new (report, def);
  for (guint c = 0; c < def->columns->len; c++)
    {
      const BcColumn *column = def->columns->pdata[c];
      g_autofree char *text = bc_export_table_total_text (table, c);

      if (g_str_equal (column->id, "online") || g_str_equal (column->id, "total")
          || column->type == BC_COLUMN_COMPUTED)
        g_assert_cmpstr (text, ==, "-");
      else if (g_str_equal (column->id, "on_time"))
        g_assert_cmpstr (text, !=, "-");
    }
  bc_export_table_free (table);

  export_both (report, docx, xlsx);
  xlsx_parts = unzip (xlsx);
  sheet = part_text (xlsx_parts, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet, "<f>IF(COUNT("));
  g_assert_nonnull (strstr (sheet, "IF(OR(N("));
  docx_parts = unzip (docx);
  document = part_text (docx_parts, "word/document.xml");
  g_assert_nonnull (document);
}

/* A value that is not UTF-8 is refused before anything is written. */
static void
test_invalid_utf8 (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(BcReport) broken = NULL;
  g_autofree char *xlsx = path_in (f, "broken.xlsx");
  g_autofree char *contents = NULL;
  GHashTableIter iter;
  const char *key, *value;

  g_hash_table_iter_init (&iter, bc_report_get_values (f->report));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    g_hash_table_insert (values, g_strdup (key), g_strdup (value));
  g_hash_table_insert (values, g_strdup ("tbl/dvc25/1/difficulties"), g_strdup ("bad \xff\xfe text"));
  broken = bc_report_new (99, "uuid", bc_report_get_template (f->report), values, "", "", 0);
  g_assert_true (g_file_set_contents (xlsx, "previous", -1, NULL));

  g_assert_false (bc_xlsx_export (broken, xlsx, NULL, &error));
  g_assert_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_INVALID_TEXT);
  g_clear_error (&error);
  g_assert_false (bc_docx_export (broken, xlsx, NULL, &error));
  g_assert_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_INVALID_TEXT);
  g_assert_true (g_file_get_contents (xlsx, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous");
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  return n;
}

/* A missing folder: a clear error, nothing written. */
static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "no such folder", "report.docx", NULL);

  g_assert_false (bc_docx_export (f->report, path, NULL, &error));
  g_assert_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_NOT_WRITABLE);
  g_assert_nonnull (strstr (error->message, "report.docx"));
  g_clear_error (&error);
  g_assert_false (bc_xlsx_export (f->report, path, NULL, &error));
  g_assert_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_NOT_WRITABLE);
}

/* A disk that fills up mid-file, simulated with RLIMIT_FSIZE in a child:
 * the export fails with "disk full", the previous file is intact and no
 * temporary file is left behind. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  const char *format = data;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = path_in (f, "report.out");
      g_autofree char *contents = NULL;
      struct rlimit limit = { 4096, 4096 };
      gboolean ok;

      g_assert_true (g_file_set_contents (path, "previous", -1, NULL));
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      ok = g_str_equal (format, "docx") ? bc_docx_export (f->report, path, NULL, &error)
                                        : bc_xlsx_export (f->report, path, NULL, &error);
      g_assert_false (ok);
      g_assert_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, "report.out"));
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "previous");
      /* library.db (+ -wal, -shm) and report.out: no temporary file */
      g_assert_cmpuint (count_files (f->dir), <=, 4);
      {
        g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
        const char *name;
        while ((name = g_dir_read_name (dir)) != NULL)
          g_assert_false (g_str_has_prefix (name, ".report.out."));
      }
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_wording (void)
{
  struct { const char *iso; guint year; const char *want; } dates[] = {
    { "2024-05-24", 0, "ngày 24 tháng 5 năm 2024" },
    { "2024-02-04", 0, "ngày 04 tháng 02 năm 2024" },
    { "2024-01-10", 0, "ngày 10 tháng 01 năm 2024" },
    { "2024-12-09", 0, "ngày 09 tháng 12 năm 2024" },
    { "", 2024, "ngày     tháng     năm 2024" },
  };
  struct { gint64 num, den; const char *want; } percents[] = {
    { 671290, 615198, "109,12%" },
    { 7356, 7536, "97,61%" },
    { 5, 5, "100%" },
    { 0, 3, "0%" },
    { 1, 3, "33,33%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *got = bc_export_date_long (dates[i].iso, dates[i].year);
      g_assert_cmpstr (got, ==, dates[i].want);
    }
  for (guint i = 0; i < G_N_ELEMENTS (percents); i++)
    {
      g_autofree char *got = bc_export_percent (percents[i].num, percents[i].den);
      g_assert_cmpstr (got, ==, percents[i].want);
    }
  g_assert_null (bc_export_percent (1, 0));
  {
    g_autofree char *got = bc_export_date_short ("2024-04-22");
    g_assert_cmpstr (got, ==, "22/4/2024");
  }
  {
    g_autofree char *got = bc_export_sentence_case ("BÁO CÁO");
    g_assert_cmpstr (got, ==, "Báo cáo");
  }
}

/* The header's names break where a clerk would break them. */
static void
test_line_breaks (void)
{
  struct { const char *text; int size; gboolean bold; const char *want; } cases[] = {
    { "UBND TỈNH BÀ RỊA - VŨNG TÀU", 24, FALSE, "UBND TỈNH BÀ RỊA - VŨNG TÀU" },
    { "UBND THÀNH PHỐ PHAN RANG - THÁP CHÀM", 24, FALSE, "UBND THÀNH PHỐ\nPHAN RANG - THÁP CHÀM" },
    { "BAN CHỈ ĐẠO TRIỂN KHAI ĐỀ ÁN 06", 26, TRUE, "BAN CHỈ ĐẠO\nTRIỂN KHAI ĐỀ ÁN 06" },
    { "TỔ CÔNG TÁC TRIỂN KHAI ĐỀ ÁN PHÁT TRIỂN ỨNG DỤNG DỮ LIỆU DÂN CƯ, ĐỊNH DANH VÀ XÁC THỰC ĐIỆN TỬ",
      26, TRUE, "TỔ CÔNG TÁC TRIỂN KHAI\nĐỀ ÁN PHÁT TRIỂN\nỨNG DỤNG DỮ LIỆU\nDÂN CƯ, ĐỊNH DANH\nVÀ XÁC THỰC ĐIỆN TỬ" },
    { "SỞ\nTƯ PHÁP", 26, TRUE, "SỞ\nTƯ PHÁP" },
    { "MỘTTỪRẤTDÀIKHÔNGCÓCHỖNGẮTNÀOCẢMỘTTỪRẤTDÀI KHÁC", 26, TRUE,
      "MỘTTỪRẤTDÀIKHÔNGCÓCHỖNGẮTNÀOCẢMỘTTỪRẤTDÀI KHÁC" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = bc_docx_balance_lines (cases[i].text, 4000 - 170, cases[i].size, cases[i].bold);
      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

/* Figures, documents and tasks as the report says them. */
static void
test_sentences (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GHashTable) parts = docx_parts (f, f->report, "s.docx");
  g_autofree char *document = part_text (parts, "word/document.xml");

  /* The figures where the clerk's sentence cites them, and only there:
   * no generated "- Tài khoản ...: 671.290/615.198 ..." line. */
  g_assert_nonnull (strstr (document, "Kích hoạt được 671.290 /615.198 tài khoản, đạt tỷ lệ 108,3%."));
  g_assert_null (strstr (document, "Tài khoản định danh điện tử đã kích hoạt:"));
  g_assert_null (strstr (document, "{{"));
  g_assert_nonnull (strstr (document, "Công văn số 5096/UBND-VP ngày 22/4/2024 về việc"));
  g_assert_nonnull (strstr (document, "Số: 199/BC-BCĐ"));
  g_assert_nonnull (strstr (document, "Bà Rịa - Vũng Tàu, ngày 24 tháng 5 năm 2024"));
  g_assert_nonnull (strstr (document, "Kính gửi:"));
  g_assert_nonnull (strstr (document, "KT. TRƯỞNG BAN"));
  g_assert_nonnull (strstr (document, "- Lưu: VT (UBND tỉnh, Công an tỉnh)."));
  g_assert_nonnull (strstr (document, "(Kèm theo Báo cáo số 199/BC-BCĐ ngày 24 tháng 5 năm 2024 của "));
}

/* "**bold**" and "*italic*" print as runs of their own, without their
 * stars; a star next to a space is a star as typed. */
static void
test_emphasis (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GHashTable) parts = NULL;
  g_autofree char *document = NULL;
  BcEdit edit = { "sec/dvc_results/p1/text",
                  "Tiếp nhận **{{fig/portal_received}}** hồ sơ (*kết quả theo Phụ lục 02 gửi kèm*); 2 * 3." };

  apply (f, &edit, 1);
  parts = docx_parts (f, f->report, "e.docx");
  document = part_text (parts, "word/document.xml");
  g_assert_nonnull (strstr (document, "<w:b/></w:rPr><w:t xml:space=\"preserve\">211.510</w:t>"));
  g_assert_nonnull (strstr (document, "<w:i/></w:rPr><w:t xml:space=\"preserve\">kết quả theo Phụ lục 02 gửi kèm</w:t>"));
  g_assert_nonnull (strstr (document, "<w:t xml:space=\"preserve\">); 2 * 3.</w:t>"));
  g_assert_null (strstr (document, "**"));
  g_assert_null (strstr (document, "(*"));
}

/* Nothing empty printed as content: a section with nothing to say this
 * period is left out (a group whose sub-sections all are, too), or prints
 * the template's "nothing this period" sentence without the intro that
 * would lead into a list ("… như sau:"). */
static void
test_empty_sections (Fixture       *f,
                     gconstpointer  data)
{
  static const char json[] =
    "{ \"format\": 1, \"id\": \"empty\", \"name\": \"Rỗng\", \"kind\": \"report\","
    "  \"period\": { \"regime\": \"monthly\", \"cutoff_day\": 14 },"
    "  \"sections\": ["
    "    { \"id\": \"a\", \"number\": \"1.\", \"title\": \"Có nội dung\", \"kind\": \"narrative\","
    "      \"intro\": \"Kết quả cụ thể:\" },"
    "    { \"id\": \"b\", \"number\": \"2.\", \"title\": \"Không có gì\", \"kind\": \"narrative\","
    "      \"intro\": \"Các văn bản như sau:\" },"
    "    { \"id\": \"c\", \"number\": \"3.\", \"title\": \"Kỳ này không có\", \"kind\": \"documents\","
    "      \"intro\": \"Đã ban hành:\", \"empty_text\": \"Trong kỳ không phát sinh văn bản.\" },"
    "    { \"id\": \"g\", \"number\": \"II.\", \"title\": \"Nhóm rỗng\", \"kind\": \"group\", \"children\": ["
    "      { \"id\": \"g1\", \"number\": \"1.\", \"title\": \"Con rỗng\", \"kind\": \"narrative\" } ] } ] }";
  BcEdit edits[] = { { "sec/a/order", "p1" }, { "sec/a/p1/text", "Đoạn có chữ." }, { "sec/b/order", "p1" },
                     { "sec/b/p1/level", "1" } };
  g_autoptr(BcReport) report = report_of_template (f, json, edits, G_N_ELEMENTS (edits));
  g_autoptr(GHashTable) parts = docx_parts (f, report, "empty.docx");
  g_autofree char *document = part_text (parts, "word/document.xml");

  /* Top-level headings print in capitals. */
  g_assert_nonnull (strstr (document, "1. CÓ NỘI DUNG"));
  g_assert_nonnull (strstr (document, "Kết quả cụ thể:"));
  g_assert_nonnull (strstr (document, "Đoạn có chữ."));
  /* A paragraph with a level and no words is nothing. */
  g_assert_null (strstr (document, "KHÔNG CÓ GÌ"));
  g_assert_null (strstr (document, "Các văn bản như sau:"));
  g_assert_nonnull (strstr (document, "3. KỲ NÀY KHÔNG CÓ"));
  g_assert_nonnull (strstr (document, "Trong kỳ không phát sinh văn bản."));
  g_assert_null (strstr (document, "Đã ban hành:"));
  g_assert_null (strstr (document, "NHÓM RỖNG"));
  g_assert_null (strstr (document, "Con rỗng"));
}

static guint
count_text (const char *text,
            const char *what)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, what)) != NULL; p += strlen (what))
    n++;
  return n;
}

/* Each key figure typed is printed, and once: in the sentence that cites
 * it, else as a line of its own in its section ("- label: 3.762 tài
 * khoản."); a figures section with only figures is printed, not left out
 * as empty (trial item 1). */
static void
test_uncited_figures (Fixture       *f,
                      gconstpointer  data)
{
  static const char json[] =
    "{ \"format\": 1, \"id\": \"figs\", \"name\": \"Số liệu\", \"kind\": \"report\","
    "  \"period\": { \"regime\": \"monthly\", \"cutoff_day\": 14 },"
    "  \"sections\": ["
    "    { \"id\": \"g\", \"number\": \"II.\", \"title\": \"Kết quả\", \"kind\": \"group\", \"children\": ["
    "      { \"id\": \"cited\", \"number\": \"2.1.\", \"title\": \"Có đoạn văn\", \"kind\": \"figures\","
    "        \"figures\": ["
    "          { \"id\": \"dossiers\", \"label\": \"Hồ sơ cấp CCCD\", \"unit\": \"hồ sơ\" },"
    "          { \"id\": \"forms\", \"label\": \"Tờ khai trực tuyến\", \"unit\": \"tờ khai\" },"
    "          { \"id\": \"empty\", \"label\": \"Chưa nhập\" } ] },"
    "      { \"id\": \"bare\", \"number\": \"2.3.\", \"title\": \"Công dân số\", \"kind\": \"figures\","
    "        \"figures\": ["
    "          { \"id\": \"activated\", \"label\": \"Tài khoản kích hoạt\", \"unit\": \"tài khoản\","
    "            \"denominator\": \"Chỉ tiêu\" } ] } ] } ] }";
  BcEdit edits[] = { { "fig/dossiers", "1245" }, { "fig/forms", "312" }, { "fig/activated", "3762" },
                     { "fig/activated/den", "4000" }, { "sec/cited/order", "p1" },
                     { "sec/cited/p1/text", "Thu nhận {{fig/dossiers}} hồ sơ cấp CCCD." } };
  g_autoptr(BcReport) report = report_of_template (f, json, edits, G_N_ELEMENTS (edits));
  BcTemplate *template = bc_report_get_template (report);
  g_autoptr(GHashTable) parts = docx_parts (f, report, "figures.docx");
  g_autofree char *document = part_text (parts, "word/document.xml");

  /* Cited: in its sentence only. */
  g_assert_nonnull (strstr (document, "Thu nhận 1.245 hồ sơ cấp CCCD."));
  g_assert_cmpuint (count_text (document, "1.245"), ==, 1);
  g_assert_null (strstr (document, "- Hồ sơ cấp CCCD: "));
  /* Not cited: a line of its own, in its section, once. */
  g_assert_nonnull (strstr (document, "- Tờ khai trực tuyến: "));
  g_assert_cmpuint (count_text (document, ">312<"), ==, 1);
  g_assert_null (strstr (document, "Chưa nhập"));
  /* A section of figures alone is printed, its figure with its ratio. */
  g_assert_nonnull (strstr (document, "2.3. Công dân số"));
  g_assert_nonnull (strstr (document, "- Tài khoản kích hoạt: "));
  g_assert_cmpuint (count_text (document, ">3.762<"), ==, 1);
  g_assert_nonnull (strstr (document, "94,05%"));
  g_assert_true (bc_report_figure_is_cited (report, bc_template_find_figure (template, "dossiers", NULL)));
  g_assert_false (bc_report_figure_is_cited (report, bc_template_find_figure (template, "forms", NULL)));
}

static void
test_tasks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = path_in (f, "plan.xlsx");
  g_autoptr(GHashTable) parts = docx_parts (f, f->report, "plan.docx");
  g_autofree char *document = NULL;

  assert_package_well_formed (parts);
  document = part_text (parts, "word/document.xml");
  g_assert_nonnull (strstr (document, ">(1) "));
  /* Each tasks section's own labels, as the seed words them. */
  g_assert_nonnull (strstr (document, ">- Cơ quan chủ trì tham mưu: "));
  g_assert_nonnull (strstr (document, ">- Đơn vị chủ trì: "));
  g_assert_nonnull (strstr (document, ">- Thời gian hoàn thành: "));
  g_assert_nonnull (strstr (document, ">- Cơ quan phối hợp: "));
  g_assert_nonnull (strstr (document, ">- Thời gian thực hiện: "));
  /* A plan has no appendix: one portrait section, no spreadsheet. */
  g_assert_null (strstr (document, "w:orient=\"landscape\""));
  g_assert_false (bc_xlsx_export (f->report, xlsx, NULL, &error));
  g_assert_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_NO_TABLES);
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
}

typedef struct
{
  int   status;
  char *err;
} CliResult;

static CliResult
run_cli_as (const char * const   *args,
            const char           *lang,
            GSpawnChildSetupFunc  setup)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  CliResult r = { 0 };
  int wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("BAOCAO_BIN"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LANG", lang, TRUE);
  env = g_environ_setenv (env, "LC_ALL", lang, TRUE);
  env = g_environ_setenv (env, "SOURCE_DATE_EPOCH", FIXED_EPOCH, TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_STDOUT_TO_DEV_NULL, setup, NULL,
                               NULL, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static CliResult
run_cli (const char * const *args,
         const char         *lang)
{
  return run_cli_as (args, lang, NULL);
}

/* A read-only folder: the export says so and writes nothing. Root writes
 * anywhere, so the command runs as a user who cannot (root becomes
 * "nobody" in the child); a non-root run also tries it in this process. */
static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", SAMPLE, NULL);
  g_autofree char *sub = path_in (f, "locked");
  g_autofree char *path = g_build_filename (sub, "report.docx", NULL);
  const char *args[] = { "export", sample, "--docx", path, NULL };
  CliResult r;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  bc_test_make_read_only (sub);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  if (geteuid () != 0)
    {
      g_assert_false (bc_docx_export (f->report, path, NULL, &error));
      g_assert_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_NOT_WRITABLE);
    }
  r = run_cli_as (args, "C.UTF-8", bc_test_drop_root);
  g_test_message ("as a user who cannot write there: exit %d, %s", r.status, r.err);
  g_assert_cmpint (r.status, ==, BC_CLI_FAILED);
  g_assert_nonnull (strstr (r.err, "report.docx"));
  g_assert_nonnull (strstr (r.err, "you may not write to this folder"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_free (r.err);
  g_chmod (sub, 0700);
  g_chmod (f->dir, 0700);
}

/* baocao export: from an interchange file, under vi_VN. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", SAMPLE, NULL);
  g_autofree char *plan = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", "annual-plan-2024.json", NULL);
  g_autofree char *docx = path_in (f, "cli.docx");
  g_autofree char *xlsx = path_in (f, "cli.xlsx");
  const char *lang = "vi_VN.UTF-8";
  const char *ok[] = { "export", sample, "--docx", docx, "--xlsx", xlsx, NULL };
  const char *no_output[] = { "export", sample, NULL };
  const char *no_tables[] = { "export", plan, "--xlsx", xlsx, NULL };
  const char *bad_id[] = { "export", "nonsense", "--docx", docx, NULL };
  CliResult r;

  require_vi_locale ();
  r = run_cli (ok, lang);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, BC_CLI_OK);
  g_free (r.err);
  compare_with_golden (docx, "docx");
  compare_with_golden (xlsx, "xlsx");

  r = run_cli (no_output, lang);
  g_assert_cmpint (r.status, ==, BC_CLI_USAGE);
  g_free (r.err);
  r = run_cli (bad_id, lang);
  g_assert_cmpint (r.status, ==, BC_CLI_USAGE);
  g_free (r.err);
  r = run_cli (no_tables, "C.UTF-8");
  g_assert_cmpint (r.status, ==, BC_CLI_FAILED);
  g_assert_true (g_str_has_prefix (r.err, "baocao: "));
  g_assert_cmpstr (strchr (r.err, '\n') + 1, ==, "");
  g_free (r.err);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bc/export/wording", test_wording);
  g_test_add_func ("/bc/export/line-breaks", test_line_breaks);
  g_test_add ("/bc/export/golden", Fixture, NULL, fixture_set_up, test_golden, fixture_tear_down);
  g_test_add ("/bc/export/reproducible", Fixture, NULL, fixture_set_up, test_reproducible, fixture_tear_down);
  g_test_add ("/bc/export/source-date-epoch", Fixture, NULL, fixture_set_up, test_source_date_epoch,
              fixture_tear_down);
  g_test_add ("/bc/export/locale/vi-VN", Fixture, NULL, fixture_set_up, test_locale, fixture_tear_down);
  g_test_add ("/bc/export/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/bc/export/sentences", Fixture, NULL, fixture_set_up, test_sentences, fixture_tear_down);
  g_test_add ("/bc/export/emphasis", Fixture, NULL, fixture_set_up, test_emphasis, fixture_tear_down);
  g_test_add ("/bc/export/empty-sections", Fixture, NULL, fixture_set_up, test_empty_sections, fixture_tear_down);
  g_test_add ("/bc/export/uncited-figures", Fixture, NULL, fixture_set_up, test_uncited_figures, fixture_tear_down);
  g_test_add ("/bc/export/tasks", Fixture, "annual-plan-2024.json", fixture_set_up, test_tasks,
              fixture_tear_down);
  g_test_add ("/bc/export/hostile", Fixture, NULL, fixture_set_up, test_hostile, fixture_tear_down);
  g_test_add ("/bc/export/total-too-large", Fixture, NULL, fixture_set_up, test_total_too_large, fixture_tear_down);
  g_test_add ("/bc/export/empty-column", Fixture, NULL, fixture_set_up, test_empty_column, fixture_tear_down);
  g_test_add ("/bc/export/blank-numerator", Fixture, NULL, fixture_set_up, test_blank_numerator, fixture_tear_down);
  g_test_add ("/bc/export/failure/invalid-utf8", Fixture, NULL, fixture_set_up, test_invalid_utf8,
              fixture_tear_down);
  g_test_add ("/bc/export/failure/missing-folder", Fixture, NULL, fixture_set_up, test_missing_folder,
              fixture_tear_down);
  g_test_add ("/bc/export/failure/read-only-folder", Fixture, NULL, fixture_set_up, test_read_only_folder,
              fixture_tear_down);
  g_test_add ("/bc/export/failure/disk-full/docx", Fixture, "docx", fixture_set_up, test_disk_full,
              fixture_tear_down);
  g_test_add ("/bc/export/failure/disk-full/xlsx", Fixture, "xlsx", fixture_set_up, test_disk_full,
              fixture_tear_down);
  g_test_add ("/bc/export/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  return g_test_run ();
}
