/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bc-inline.h"
#include "bc-refs.h"
#include "bc-report.h"
#include "bc-store.h"
#include "bc-template.h"
#include "bc-test-utils.h"

/* The sample reports in data/samples/ transcribe real documents (made by
 * tests/make-samples.py).  Each one must import, export again to the same
 * bytes, and hold what the seed prints: its numbers, its text and its
 * mistakes, which the checks are meant to find. */

typedef struct
{
  char    *dir;
  BcStore *store;
} Fixture;

typedef struct
{
  const char *key;
  const char *value;
} Expected;

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
  g_clear_object (&f->store);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
}

/* Imports data/samples/NAME.json and checks that exporting it gives the
 * file back (the file ends with one newline more). */
static BcReport *
import_sample (Fixture    *f,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (name, ".json", NULL);
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *exported = NULL;
  const char *datadir = g_getenv ("BAOCAO_DATADIR");
  gsize length;
  gint64 id;
  BcReport *report;

  g_assert_nonnull (datadir);
  path = g_build_filename (datadir, "samples", file, NULL);
  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);

  id = bc_store_import_json (f->store, data, (gssize) length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  exported = bc_store_export_json (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (exported) + 1);
  g_assert_cmpint (data[length - 1], ==, '\n');
  data[length - 1] = '\0';
  g_assert_cmpstr (exported, ==, data);

  report = bc_store_open_report (f->store, id, &error);
  g_assert_no_error (error);
  return report;
}

static void
assert_values (BcReport       *report,
               const Expected *expected,
               gsize           n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_test_message ("%s", expected[i].key);
      g_assert_cmpstr (bc_report_get (report, expected[i].key), ==, expected[i].value);
    }
}

/* As printed: the numbers a paragraph cites ("{{fig/…}}") filled in, its
 * emphasis marks taken out. */
static void
assert_contains (BcReport   *report,
                 const char *key,
                 const char *needle)
{
  g_autofree char *cited = bc_refs_render (report, bc_report_get (report, key), NULL);
  g_autofree char *printed = bc_inline_strip (cited);

  g_test_message ("%s: %s", key, needle);
  g_assert_nonnull (strstr (printed, needle));
}

static guint
count_items (BcReport   *report,
             const char *section)
{
  g_auto(GStrv) order = bc_report_get_list_order (report, section);

  return g_strv_length (order);
}

static const BcTableDef *
find_table (BcReport   *report,
            const char *table_id)
{
  const BcTableDef *table = bc_template_find_table (bc_report_get_template (report), table_id);

  g_assert_nonnull (table);
  return table;
}

static gint64
cell (BcReport   *report,
      const char *table_id,
      const char *row,
      const char *column)
{
  g_autofree char *key = g_strdup_printf ("tbl/%s/%s/%s", table_id, row, column);

  return g_ascii_strtoll (bc_report_get (report, key), NULL, 10);
}

static guint
count_applicable (BcReport   *report,
                  const char *table_id)
{
  const BcTableDef *table = find_table (report, table_id);
  guint n = 0;

  for (guint i = 0; i < table->rows->len; i++)
    {
      const BcRow *row = table->rows->pdata[i];
      n += !row->heading && bc_report_row_applies (report, table_id, row->key);
    }
  return n;
}

static gint64
sum_column (BcReport   *report,
            const char *table_id,
            const char *column)
{
  const BcTableDef *table = find_table (report, table_id);
  gint64 sum = 0;

  for (guint i = 0; i < table->rows->len; i++)
    {
      const BcRow *row = table->rows->pdata[i];
      if (!row->heading && bc_report_row_applies (report, table_id, row->key))
        sum += cell (report, table_id, row->key, column);
    }
  return sum;
}

/* The keys of the rows whose on-time and overdue counts add up to more
 * than their online count, comma-separated. */
static char *
rows_processed_above_online (BcReport   *report,
                             const char *table_id)
{
  const BcTableDef *table = find_table (report, table_id);
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const BcRow *row = table->rows->pdata[i];
      gint64 processed;

      if (row->heading)
        continue;
      processed = cell (report, table_id, row->key, "on_time")
                  + cell (report, table_id, row->key, "overdue");
      if (processed > cell (report, table_id, row->key, "online"))
        g_string_append_printf (keys, "%s%s", keys->len ? "," : "", row->key);
    }
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

static void
assert_all_nfc (BcReport *report)
{
  GHashTableIter iter;
  const char *key, *value;

  g_hash_table_iter_init (&iter, bc_report_get_values (report));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    {
      g_autofree char *nfc = g_utf8_normalize (value, -1, G_NORMALIZE_NFC);
      g_assert_cmpstr (nfc, ==, value);
    }
}

static void
test_province (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BcReport) report = import_sample (f, "province-2024-05");
  g_autofree char *dvc25_mistakes = NULL;
  g_autofree char *qd422_mistakes = NULL;
  const Expected expected[] = {
    { "meta/unit", "Tỉnh Bà Rịa - Vũng Tàu" },
    { "meta/period_from", "2024-04-21" },
    { "meta/period_to", "2024-05-20" },
    { "header/number", "199" },
    { "header/symbol", "BC-BCĐ" },
    { "header/date", "2024-05-24" },
    { "header/recipients", "Văn phòng Chính phủ\nBộ Công an" },
    { "header/signer_authority", "KT." },
    { "header/signer_title2", "GIÁM ĐỐC CÔNG AN TỈNH" },
    { "header/signer_name", "Đại tá Bùi Văn Thảo" },
    { "sec/direction/d1/type", "Công văn" },
    { "sec/direction/d1/number", "5096/UBND-VP" },
    { "sec/direction/d1/date", "2024-04-22" },
    { "sec/direction/d6/issuer", "Ban Chỉ đạo" },
    { "sec/direction/d7/date", "2024-05-22" },
    { "sec/institutions/d1/number", "85/KH-UBND" },
    { "sec/economy/p3/level", "2" },
    { "fig/portal_received", "211510" },
    { "fig/dvctt_total", "1478" },
    { "fig/dvctt_full", "545" },
    { "fig/dvctt_partial", "941" },
    { "fig/bhxh_cccd_verified", "996007" },
    { "fig/bhxh_cccd_verified/den", "1019623" },
    { "fig/vneid_activated", "671290" },
    { "fig/vneid_activated/den", "615198" },
    { "tbl/dvc25/2/total", "3762" },
    { "tbl/dvc25/2/online", "3315" },
    { "tbl/dvc25/18/overdue", "3405" },
    { "tbl/dvc25/19/total", "1869" },
    { "tbl/dvc25/19/note", "bao gồm 900 hồ sơ từ kỳ trước chuyển qua" },
    { "tbl/dvc25/21/connection", "Đã kết nối" },
    { "tbl/dvc25/21/total", "" },
    { "tbl/dvc25/21/online", "" },
    { "tbl/dvc25/22/on_time", "1190" },
    { "tbl/dvc25/22/online", "1163" },
    { "tbl/qd422/8/overdue", "1102" },
    { "tbl/qd422/10/note", "bao gồm 900 hồ sơ từ kỳ trước chuyển qua" },
    { "tbl/qd422/13.1/connection", "Chưa kết nối" },
    { "tbl/qd422/14.3/connection", "Đã kết nối" },
    { "tbl/qd422/14.3/total", "963" },
    { "tbl/qd422/20/overdue", "5274" },
    { "tbl/qd422/22/difficulties", "Bộ Tài nguyên và Môi trường chưa triển khai" },
  };

  g_assert_cmpstr (bc_template_get_id (bc_report_get_template (report)), ==, "province-monthly");
  assert_values (report, expected, G_N_ELEMENTS (expected));
  assert_all_nfc (report);

  g_assert_cmpuint (count_items (report, "direction"), ==, 7);
  g_assert_cmpuint (count_items (report, "institutions"), ==, 1);
  g_assert_cmpuint (count_items (report, "dvc_results"), ==, 5);
  g_assert_cmpuint (count_items (report, "pilot_models"), ==, 7);
  g_assert_cmpuint (count_items (report, "next_tasks"), ==, 5);

  /* The seed's own words, typos included. */
  assert_contains (report, "sec/dvc_results/p1/text", "đánh giá Hải lòng");
  assert_contains (report, "header/closing", "trên địa bàn tỉnh Bà Rịa – Vũng Tàu tháng 05/2024./.");
  assert_contains (report, "sec/direction/after", "Ngày 22/5/2024, Ban Chỉ đạo triển khai Đề án 06 tỉnh");
  assert_contains (report, "sec/resources/p1/text", "ngày 02/5/2024 vef việc thực hiện");
  assert_contains (report, "sec/economy/p4/text", "Tính đến 17/5/2023");
  assert_contains (report, "sec/digital_citizen/p2/text",
                   "671.290 /615.198 tài khoản, đạt tỷ lệ 108,3%.");
  assert_contains (report, "tbl/dvc25/21/note", "12.925). Tỷ lệ 100% đăng ký trực tuyến.");

  g_assert_cmpuint (count_applicable (report, "dvc25"), ==, 25);
  g_assert_cmpuint (count_applicable (report, "qd422"), ==, 28);

  /* The mistakes the table checks must find. */
  dvc25_mistakes = rows_processed_above_online (report, "dvc25");
  g_assert_cmpstr (dvc25_mistakes, ==, "18,20,22,23");
  qd422_mistakes = rows_processed_above_online (report, "qd422");
  g_assert_cmpstr (qd422_mistakes, ==, "8,20");
}

static void
test_district (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BcReport) report = import_sample (f, "district-2024-06");
  const Expected expected[] = {
    { "meta/unit", "Thành phố Phan Rang - Tháp Chàm" },
    { "meta/period_from", "2024-05-15" },
    { "meta/period_to", "2024-06-14" },
    { "header/number", "254" },
    { "header/symbol", "BC-TCTĐA06" },
    { "header/date", "2024-06-24" },
    { "header/recipients", "" },
    { "header/signer_authority_title", "TỔ TRƯỞNG" },
    { "header/signer_title", "" },
    { "header/signer_title2", "CHỦ TỊCH UBND THÀNH PHỐ" },
    { "header/signer_name", "Nguyễn Thành Phú" },
    { "sec/city_direction/d1/number", "2396/UBND-CA" },
    { "sec/city_direction/d1/summary",
      "về tuyên truyền và tham gia cuộc thi tìm hiểu pháp luật về căn cước, định danh và xác thực điện tử" },
    { "sec/city_direction/d1/date", "2024-05-13" },
    { "sec/police_direction/d1/date", "2024-05-08" },
    { "fig/asm_accounts", "199" },
    { "fig/digitised_communes", "5036" },
    { "fig/digitised_communes/den", "5036" },
    { "fig/welfare_paid_amount", "1584779000" },
    { "fig/vneid_activated", "332" },
    { "fig/vneid_activated_l2", "256" },
    { "fig/vneid_activated_l1", "76" },
    { "fig/kcb_cccd_lookups_ok", "15956" },
    { "fig/kcb_cccd_lookups_ok/den", "16074" },
    { "tbl/dvc_district/1/unit", "Công an" },
    { "tbl/dvc_district/7/total", "771" },
    { "tbl/dvc_district/7/online", "711" },
    { "tbl/dvc_district/18/unit", "Chi Cục thuế" },
    { "tbl/dvc_district/19/unit", "TN và MT" },
    { "tbl/dvc_district/19/total", "166" },
    { "tbl/dvc_district/19/online", "62" },
    { "tbl/qd422_district/1/total", "131" },
    { "tbl/qd422_district/1/online", "131" },
  };

  g_assert_cmpstr (bc_template_get_id (bc_report_get_template (report)), ==, "district-monthly");
  assert_values (report, expected, G_N_ELEMENTS (expected));
  assert_all_nfc (report);

  g_assert_cmpuint (count_items (report, "city_direction"), ==, 4);
  g_assert_cmpuint (count_items (report, "police_direction"), ==, 3);
  g_assert_cmpuint (count_items (report, "units_direction"), ==, 4);
  g_assert_cmpuint (count_items (report, "ecosystem"), ==, 19);
  g_assert_cmpuint (count_items (report, "proposals"), ==, 8);
  assert_contains (report, "sec/ecosystem/p19/text", "đạt tỷ lệ 99,26% (15.956/16.074)");

  /* The 15 services of the appendix; its totals row: 7536, 7356, 97,61%. */
  g_assert_cmpuint (count_applicable (report, "dvc_district"), ==, 15);
  g_assert_cmpuint (count_applicable (report, "qd422_district"), ==, 1);
  g_assert_cmpint (sum_column (report, "dvc_district", "total"), ==, 7536);
  g_assert_cmpint (sum_column (report, "dvc_district", "online"), ==, 7356);
}

static void
test_annual_plan (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BcReport) report = import_sample (f, "annual-plan-2024");
  const char * const sections[] = {
    "common_tasks", "specific_legal", "specific_admin_services", "specific_economy",
    "specific_digital_citizen", "specific_ecosystem", "specific_leadership",
    "specific_resources", "specific_communication",
  };
  const guint counts[] = { 10, 5, 14, 5, 3, 12, 6, 2, 1 };
  const Expected expected[] = {
    { "meta/period_from", "2024-01-01" },
    { "meta/period_to", "2024-12-31" },
    { "header/number", "" },
    { "header/date", "" },
    { "header/doc_type", "KẾ HOẠCH" },
    { "header/signer_name", "Nguyễn Văn Thọ" },
    { "sec/common_tasks/t1/lead", "Sở Thông tin và Truyền thông" },
    { "sec/common_tasks/t7/deadline",
      "thường xuyên, theo lộ trình, kế hoạch và hướng dẫn của Bộ Tài chính, "
      "Bộ Kế hoạch và Đầu tư" },
    /* the seed's italic task title */
    { "sec/specific_legal/t2/content",
      "*Nghiên cứu, tham mưu góp ý về dự thảo Luật Bảo vệ dữ liệu cá nhân*" },
    { "sec/specific_ecosystem/t2/lead", "Sở Khoa học và Công nghệ; Thanh tra tỉnh" },
    { "sec/specific_ecosystem/t11/deadline", "trong Quý III năm 2024" },
    { "sec/specific_communication/t1/content", "" },
    { "sec/specific_communication/t1/deadline", "Thực hiện thường xuyên" },
  };

  g_assert_cmpstr (bc_template_get_id (bc_report_get_template (report)), ==, "annual-plan");
  assert_values (report, expected, G_N_ELEMENTS (expected));
  assert_all_nfc (report);
  assert_contains (report, "sec/specific_legal/t4/deadline",
                   "Công văn số 830/UBND-VP ngày 18/01/2024");

  for (gsize i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_test_message ("%s", sections[i]);
      g_assert_cmpuint (count_items (report, sections[i]), ==, counts[i]);
    }
  g_assert_cmpuint (count_items (report, "purpose"), ==, 4);
  g_assert_cmpuint (count_items (report, "requirements"), ==, 3);
  g_assert_cmpuint (count_items (report, "implementation"), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/samples/province", Fixture, NULL, fixture_set_up, test_province, fixture_tear_down);
  g_test_add ("/samples/district", Fixture, NULL, fixture_set_up, test_district, fixture_tear_down);
  g_test_add ("/samples/annual-plan", Fixture, NULL, fixture_set_up, test_annual_plan,
              fixture_tear_down);
  return g_test_run ();
}
