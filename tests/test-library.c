/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>
#include <string.h>

#include "bc-library.h"
#include "bc-report-item.h"
#include "bc-report-list.h"
#include "bc-report.h"
#include "bc-review.h"
#include "bc-store-review.h"
#include "bc-store.h"
#include "bc-test-utils.h"

/* The report list: the library's index of summaries and words, and the
 * list model the window shows. */

typedef struct
{
  char       *dir;
  BcStore    *store;
  BcTemplate *district;
  BcTemplate *province;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = bc_test_mkdtemp ();
  f->store = bc_test_open_store (f->dir, "library.db");
  f->district = bc_test_load_template ("district-monthly");
  f->province = bc_test_load_template ("province-monthly");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->district);
  g_clear_object (&f->province);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
}

static gint64
create (Fixture    *f,
        BcTemplate *template,
        const char *unit,
        const char *from,
        const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = bc_store_create_report (f->store, template, unit, from, to, &error);

  g_assert_no_error (error);
  return bc_report_get_id (report);
}

static void
set_in (BcStore    *store,
        gint64      id,
        const char *key,
        const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = bc_store_open_report (store, id, &error);

  g_assert_no_error (error);
  g_assert_true (bc_store_set_value (store, report, key, value, &error));
  g_assert_no_error (error);
}

/* A district's year and a province's month, with words of their own. */
static void
fill (Fixture *f,
      gint64  *ids)
{
  static const char *months[][2] = {
    { "2024-01-15", "2024-02-14" }, { "2024-02-15", "2024-03-14" }, { "2024-03-15", "2024-04-14" },
  };
  guint n = 0;

  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    for (guint u = 1; u <= 3; u++)
      {
        g_autofree char *unit = g_strdup_printf ("Huyện số %u", u);
        ids[n++] = create (f, f->district, unit, months[m][0], months[m][1]);
      }
  ids[n] = create (f, f->province, "Tỉnh Ninh Thuận", "2024-03-21", "2024-04-20");
  set_in (f->store, ids[0], "header/summary", "Chuyên đề an ninh mạng tháng 02");
  set_in (f->store, ids[4], "sec/admin_services/p1/text", "Đã lắp đặt ki-ốt tra cứu tại bộ phận một cửa.");
}

static GArray *
find (Fixture               *f,
      const BcLibraryFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GArray *hits;

  g_assert_true (bc_library_refresh (f->store, NULL, &error));
  hits = bc_library_find (f->store, filter, &error);
  g_assert_no_error (error);
  return hits;
}

static void
set_status (BcStore    *store,
            gint64      id,
            const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = bc_store_open_report (store, id, &error);

  g_assert_true (bc_store_set_status (store, report, to, NULL, &error));
  g_assert_no_error (error);
}

static gint64
hit_id (GArray *hits,
        guint   i)
{
  return g_array_index (hits, BcLibraryHit, i).id;
}

static const struct
{
  const char *text;
  guint       n;
  int         first;   /* index in ids[] of the first report found, -1: none */
} searches[] = {
  { "Huyện số 2", 3, 7 },
  { "huyen so 2 thang 3", 1, 4 },          /* without diacritics; its March ends on 14/03 */
  { "Huyện số 2, tháng 4/2024", 1, 7 },
  { "tháng 1", 0, -1 },                    /* no period ends in January; not months 10–12 */
  { "ninh thuan", 1, 9 },
  { "an ninh mạng", 1, 0 },                /* the title */
  { "ki-ốt", 1, 4 },                       /* only in a paragraph */
  { "ki-ố", 1, 4 },                        /* typed so far */
  { "\")(*: -", 10, -1 },                  /* punctuation is no syntax: no word, every report */
  { "ninh OR hà", 0, -1 },                 /* nor is OR */
  { "Hà Nội", 0, -1 },
};

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  gint64 ids[10];

  fill (f, ids);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      BcLibraryFilter filter = { searches[i].text };
      g_autoptr(GArray) hits = find (f, &filter);

      g_test_message ("search “%s”", searches[i].text);
      g_assert_cmpuint (hits->len, ==, searches[i].n);
      if (searches[i].first >= 0)
        g_assert_cmpint (hit_id (hits, 0), ==, ids[searches[i].first]);
    }
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) units = NULL;
  g_auto(GStrv) templates = NULL;
  g_auto(GStrv) years = NULL;
  gint64 ids[10];

  fill (f, ids);
  set_in (f->store, ids[5], "tbl/dvc_district/4/total", "10");
  set_in (f->store, ids[5], "tbl/dvc_district/4/online", "20");
  {
    BcLibraryFilter filter = { .template_id = "province-monthly" };
    g_autoptr(GArray) hits = find (f, &filter);
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpint (hit_id (hits, 0), ==, ids[9]);
  }
  {
    BcLibraryFilter filter = { .unit = "Huyện số 3", .year = 2024 };
    g_autoptr(GArray) hits = find (f, &filter);
    g_assert_cmpuint (hits->len, ==, 3);
  }
  {
    BcLibraryFilter filter = { .year = 2023 };
    g_autoptr(GArray) hits = find (f, &filter);
    g_assert_cmpuint (hits->len, ==, 0);
  }
  {
    BcLibraryFilter filter = { .errors_only = TRUE, .unit = "Huyện số 3" };
    g_autoptr(GArray) hits = find (f, &filter);
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpint (hit_id (hits, 0), ==, ids[5]);
  }
  set_status (f->store, ids[2], "submitted");
  {
    BcLibraryFilter filter = { .status = "submitted" };
    g_autoptr(GArray) hits = find (f, &filter);
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpint (hit_id (hits, 0), ==, ids[2]);
  }
  units = bc_library_list_values (f->store, BC_LIBRARY_UNITS, &error);
  templates = bc_library_list_values (f->store, BC_LIBRARY_TEMPLATES, &error);
  years = bc_library_list_values (f->store, BC_LIBRARY_YEARS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (units), ==, 4);
  g_assert_cmpstr (units[0], ==, "Huyện số 1");
  g_assert_cmpuint (g_strv_length (templates), ==, 2);
  g_assert_true (g_str_has_prefix (templates[0], "district-monthly\t"));
  g_assert_cmpstrv (years, ((const char *[]) { "2024", NULL }));
}

static BcReportItem *
item_at (BcReportList *list,
         guint         i)
{
  return g_list_model_get_item (G_LIST_MODEL (list), i);
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BcReportList) list = bc_report_list_new (f->store);
  g_autoptr(GError) error = NULL;
  gint64 ids[10];
  /* The province's period ends on 20/04, the districts' on 14/04: two
   * groups of the same month. */
  const char *expected[] = { "Month 04/2024 · 1 report", NULL,
                             "Month 04/2024 · 3 reports", NULL, NULL, NULL,
                             "Month 03/2024 · 3 reports", NULL, NULL, NULL,
                             "Month 02/2024 · 3 reports" };

  fill (f, ids);
  g_assert_true (bc_report_list_refresh (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 14);
  g_assert_cmpuint (bc_report_list_get_n_reports (list), ==, 10);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(BcReportItem) item = item_at (list, i);
      g_autofree char *label = bc_report_item_dup_label (item);

      g_assert_cmpint (bc_report_item_is_group (item), ==, expected[i] != NULL);
      if (expected[i] != NULL)
        g_assert_cmpstr (label, ==, expected[i]);
    }
  /* Newest period first, then by unit. */
  {
    g_autoptr(BcReportItem) item = item_at (list, 3);
    g_assert_cmpstr (bc_report_item_get_summary (item)->unit, ==, "Huyện số 1");
    g_assert_cmpint (bc_report_list_find (list, ids[9]), ==, 1);
  }
  bc_report_list_set_grouped (list, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
}

/* The units of a period in Vietnamese order, as the units window and
 * every other list show them: Đ after D, before I; not by bytes, which
 * put "Huyện Đắk Hà" last. */
static void
test_unit_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BcReportList) list = bc_report_list_new (f->store);
  g_autoptr(GError) error = NULL;
  const char *units[] = { "Huyện Sa Thầy", "Huyện Ia H'Drai", "Huyện Đắk Hà", "Huyện Kon Rẫy",
                          "Huyện Kon Plông", "Huyện Đăk Tô", "Thành phố Kon Tum" };
  const char *expected[] = { "Huyện Đắk Hà", "Huyện Đăk Tô", "Huyện Ia H'Drai", "Huyện Kon Plông",
                             "Huyện Kon Rẫy", "Huyện Sa Thầy", "Thành phố Kon Tum" };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    create (f, f->district, units[i], "2024-03-15", "2024-04-14");
  create (f, f->district, "Huyện Đắk Glei", "2024-02-15", "2024-03-14");
  g_assert_true (bc_report_list_refresh (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(BcReportItem) item = item_at (list, i + 1);
      g_assert_cmpstr (bc_report_item_get_summary (item)->unit, ==, expected[i]);
    }
  {
    g_autoptr(BcReportItem) item = item_at (list, 9);
    g_assert_cmpstr (bc_report_item_get_summary (item)->unit, ==, "Huyện Đắk Glei");
  }
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  (*calls)++;
}

/* Another program (here, another connection to the same file) changes a
 * report: the item on screen shows the new counts after the next
 * refresh, which data_version asks for; the other rows are left alone. */
static void
test_changed_elsewhere (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BcReportList) list = bc_report_list_new (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) other = bc_test_open_store (f->dir, "library.db");
  g_autoptr(BcReportItem) item = NULL;
  gint64 ids[10];
  int errors;
  guint calls = 0;

  fill (f, ids);
  g_assert_true (bc_report_list_refresh (list, &error));
  item = item_at (list, bc_report_list_find (list, ids[5]));
  errors = bc_report_item_get_summary (item)->errors;
  g_assert_cmpint (errors, >=, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes_cb), &calls);

  /* Nothing changed: nothing is read again. */
  g_assert_true (bc_report_list_refresh_if_changed (list, &error));
  g_assert_cmpuint (calls, ==, 0);

  set_in (other, ids[5], "tbl/dvc_district/4/total", "10");
  set_in (other, ids[5], "tbl/dvc_district/4/online", "20");
  g_assert_true (bc_report_list_refresh_if_changed (list, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bc_report_item_get_summary (item)->errors, >, errors);
  g_assert_cmpuint (calls, ==, 0);

  /* A status step and a deletion, elsewhere too. */
  set_status (other, ids[5], "submitted");
  g_assert_true (bc_store_delete_report (other, ids[0], &error));
  g_assert_no_error (error);
  g_assert_true (bc_report_list_refresh_if_changed (list, &error));
  g_assert_cmpstr (bc_report_item_get_summary (item)->status, ==, "submitted");
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpint (bc_report_list_find (list, ids[0]), ==, -1);
  g_assert_cmpuint (bc_report_list_get_n_reports (list), ==, 9);
  {
    BcLibraryFilter filter = { "an ninh mạng" };
    g_autoptr(GArray) hits = find (f, &filter);
    g_assert_cmpuint (hits->len, ==, 0);
  }
}

/* A summary depends on the report before it (month over month): a
 * change there is a change here. */
static void
test_previous_changed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) refreshed = NULL;
  g_autoptr(BcReport) first = NULL;
  g_autoptr(BcReport) next = NULL;
  gint64 existing = 0;

  first = bc_store_open_report (f->store, create (f, f->district, "Huyện số 1", "2024-01-15", "2024-02-14"),
                                &error);
  next = bc_store_duplicate_next (f->store, first, &existing, &error);
  g_assert_no_error (error);
  g_assert_true (bc_library_refresh (f->store, &refreshed, &error));
  g_assert_cmpuint (refreshed->len, ==, 2);
  g_clear_pointer (&refreshed, g_array_unref);
  set_in (f->store, bc_report_get_id (first), "header/number", "12");
  g_assert_true (bc_library_refresh (f->store, &refreshed, &error));
  g_assert_cmpuint (refreshed->len, ==, 2);
  g_clear_pointer (&refreshed, g_array_unref);
  g_assert_true (bc_library_refresh (f->store, &refreshed, &error));
  g_assert_cmpuint (refreshed->len, ==, 0);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A library of schema 6 (made here as Baocao 6 made it: without the
 * index) opens, is migrated, and lists its reports with their counts. */
static void
test_migrate_v6 (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReportList) list = NULL;
  g_autoptr(BcReportItem) item = NULL;
  gint64 ids[10];

  fill (f, ids);
  g_clear_object (&f->store);
  exec_sql (path, "DROP TABLE report_summary; DROP TABLE report_search; DROP INDEX report_list; DROP INDEX report_row;"
                  " DROP TABLE reporting_unit; DROP TABLE received; DROP TABLE consolidation; DROP TABLE rollup_part;"
                  " DROP TABLE override; PRAGMA user_version = 6;");
  f->store = bc_test_open_store (f->dir, "library.db");
  list = bc_report_list_new (f->store);
  g_assert_true (bc_report_list_refresh (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bc_report_list_get_n_reports (list), ==, 10);
  item = item_at (list, 1);
  g_assert_cmpint (bc_report_item_get_summary (item)->errors, >=, 0);
  {
    BcLibraryFilter filter = { "ki-ốt" };
    g_autoptr(GArray) hits = find (f, &filter);
    g_assert_cmpuint (hits->len, ==, 1);
  }
}

/* The full check a window runs off its first frame for a large library. */
static void
test_verify (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gint64 ids[10];
  gsize length;

  fill (f, ids);
  g_clear_object (&f->store);
  g_assert_true (bc_store_verify (path, &error));
  g_assert_no_error (error);
  exec_sql (path, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  memset (contents + length / 2, 0xA5, 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_false (bc_store_verify (path, &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_CORRUPT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bc/library/search/words", test_search);
  ADD ("/bc/library/search/filters", test_filters);
  ADD ("/bc/library/list/groups", test_groups);
  ADD ("/bc/library/list/unit-order", test_unit_order);
  ADD ("/bc/library/list/changed-elsewhere", test_changed_elsewhere);
  ADD ("/bc/library/summary/previous-changed", test_previous_changed);
  ADD ("/bc/library/migrate-v6", test_migrate_v6);
  ADD ("/bc/library/verify", test_verify);
#undef ADD

  return g_test_run ();
}
