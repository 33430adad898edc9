/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "bc-checker.h"
#include "bc-cli.h"
#include "bc-inline.h"
#include "bc-period.h"
#include "bc-refs.h"
#include "bc-report.h"
#include "bc-store.h"
#include "bc-template.h"
#include "bc-test-utils.h"

/* The checks on whole reports.  The sample reports (data/samples/)
 * transcribe seeds 000 and 001 with their mistakes; every finding on them
 * is listed below with the seed line it comes from, and nothing else may
 * be found.  The seed tables' written ratios, which the app's own tables
 * compute instead of storing, are checked through a template that stores
 * them (stated_template). */

typedef struct
{
  char    *dir;
  BcStore *store;
} Fixture;

typedef struct
{
  const char *rule;
  const char *location;
  const char *message;
} Expected;

/* Rows of the seed's appendix tables as printed (000_..., lines 174–250):
 * counts without their thousands commas, the ratio as written. */
typedef struct
{
  guint       line;
  const char *row;
  const char *total;
  const char *online;
  const char *ratio;
  const char *on_time;
  const char *overdue;
} SeedRow;

static const SeedRow seed000_dvc25[] = {
  { 174, "1", "30", "30", "100%", "30", "0" },
  { 175, "2", "3762", "3315", "88,1%", "3315", "0" },
  { 176, "3", "2204", "2138", "97,00%", "2116", "18" },
  { 177, "4", "912", "910", "99%", "831", "79" },
  { 178, "5", "1", "1", "100%", "1", "0" },
  { 179, "6", "27238", "27238", "100%", "27238", "0" },
  { 181, "7", "3328", "3328", "100%", "3328", "0" },
  { 182, "8", "138", "138", "100%", "138", "0" },
  { 183, "9", "592", "592", "100%", "592", "0" },
  { 184, "10", "245", "245", "100%", "245", "0" },
  { 185, "11", "458", "458", "100%", "458", "0" },
  { 186, "12", "5376", "5363", "99,7%", "5363", "0" },
  { 187, "13", "7", "7", "100%", "7", "0" },
  { 188, "14", "0", "0", "0", "0", "0" },
  { 189, "15", "795", "795", "100%", "794", "1" },
  { 191, "16", "57", "57", "100%", "57", "0" },
  { 192, "17", "0", "0", "0%", "0", "0" },
  { 193, "18", "3722", "3405", "91%", "3405", "3405" },
  { 194, "19", "1869", "969", "100%", "839", "7" },
  { 195, "20", "2220", "390", "17,5%", "390", "390" },
  /* line 197: row 21 has text in its number cells: left blank */
  { 198, "22", "1258", "1163", "92,4%", "1190", "68" },
  { 199, "23", "2010", "1067", "83", "1394", "0" },
  { 200, "24", "391", "391", "100%", "391", "0" },
  { 201, "25", "0", "0", "0", "0", "0" },
};

static const SeedRow seed000_qd422[] = {
  { 211, "1", "3553", "3008", "84,6%", "2997", "11" },
  { 212, "2", "0", "0", "0", "0", "0" },
  { 214, "3", "0", "0", "0", "0", "0" },
  { 215, "4", "0", "0", "0", "0", "0" },
  { 216, "5", "0", "0", "0", "0", "0" },
  { 217, "6", "0", "0", "0", "0", "0" },
  { 219, "7", "0", "0", "0", "0", "0" },
  { 220, "8", "1102", "1102", "100%", "1102", "1102" },
  { 221, "9", "0", "0", "0", "0", "0" },
  { 223, "10", "1869", "969", "100%", "839", "7" },
  { 224, "11", "91", "91", "100%", "71", "0" },
  { 225, "12", "0", "0", "0", "0", "0" },
  /* line 226: 13 is a group heading */
  { 228, "13.1", "0", "0", "0", "0", "0" },
  { 229, "13.2", "0", "0", "0", "0", "0" },
  { 230, "13.3", "0", "0", "0", "0", "0" },
  /* line 231: 14 is a group heading */
  { 232, "14.1", "0", "0", "0", "0", "0" },
  { 233, "14.2", "0", "0", "0", "0", "0" },
  { 234, "14.3", "963", "0", "0", "0", "0" },
  { 238, "15", "0", "0", "0", "0", "0" },
  { 239, "16", "0", "0", "0", "0", "0" },
  { 240, "17", "0", "0", "0", "0", "0" },
  { 241, "18", "0", "0", "0", "0", "0" },
  { 243, "19", "0", "0", "0", "0", "0" },
  { 244, "20", "9719", "5274", "54%", "5274", "5274" },
  { 245, "21", "0", "0", "0", "0", "0" },
  { 247, "22", "0", "0", "0", "0", "0" },
  { 248, "23", "0", "0", "0", "0", "0" },
  { 250, "24", "2", "2", "100%", "2", "0" },
};

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

static char *
sample_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".json", NULL);

  return g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", file, NULL);
}

static BcReport *
import_sample (BcStore    *store,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sample_path (name);
  g_autofree char *data = NULL;
  gsize length;
  gint64 id;
  BcReport *report;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  id = bc_store_import_json (store, data, (gssize) length, &error);
  g_assert_no_error (error);
  report = bc_store_open_report (store, id, &error);
  g_assert_no_error (error);
  return report;
}

static void
set (Fixture    *f,
     BcReport   *report,
     const char *key,
     const char *value)
{
  g_autoptr(GError) error = NULL;

  bc_store_set_value (f->store, report, key, value, &error);
  g_assert_no_error (error);
}

static BcReport *
create (Fixture    *f,
        BcTemplate *template,
        const char *from,
        const char *to)
{
  g_autoptr(GError) error = NULL;
  BcReport *report = bc_store_create_report (f->store, template, "Tỉnh Bà Rịa - Vũng Tàu", from, to, &error);

  g_assert_no_error (error);
  return report;
}

static BcFinding *
find (GPtrArray  *findings,
      const char *rule,
      const char *location)
{
  BcFinding *found = NULL;

  for (guint i = 0; i < findings->len; i++)
    {
      BcFinding *finding = findings->pdata[i];
      if (g_str_equal (bc_finding_get_rule (finding), rule)
          && g_str_equal (bc_finding_get_location (finding), location))
        {
          g_assert_null (found);
          found = finding;
        }
    }
  return found;
}

static void
dump (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s %s %s", bc_finding_get_rule (findings->pdata[i]),
                    bc_finding_get_location (findings->pdata[i]), bc_finding_get_message (findings->pdata[i]));
}

/* Exactly @expected are found (in order) among the findings whose rule
 * starts with one of @prefixes (NULL: all). */
static void
assert_findings (GPtrArray          *findings,
                 const char * const *prefixes,
                 const Expected     *expected,
                 guint               n)
{
  guint k = 0;

  dump (findings);
  for (guint i = 0; i < findings->len; i++)
    {
      BcFinding *finding = findings->pdata[i];
      gboolean selected = prefixes == NULL;

      for (guint p = 0; prefixes && prefixes[p]; p++)
        selected |= g_str_has_prefix (bc_finding_get_rule (finding), prefixes[p]);
      if (!selected)
        continue;
      g_assert_cmpuint (k, <, n);
      g_assert_cmpstr (bc_finding_get_rule (finding), ==, expected[k].rule);
      g_assert_cmpstr (bc_finding_get_location (finding), ==, expected[k].location);
      if (expected[k].message)
        g_assert_cmpstr (bc_finding_get_message (finding), ==, expected[k].message);
      k++;
    }
  g_assert_cmpuint (k, ==, n);
}

/* The characters a finding points at in its text. */
static char *
span_text (BcReport  *report,
           BcFinding *finding)
{
  const char *text = bc_report_get (report, bc_finding_get_location (finding));
  guint offset, length;
  const char *start;

  g_assert_true (bc_finding_get_span (finding, &offset, &length));
  start = g_utf8_offset_to_pointer (text, offset);
  return g_strndup (start, g_utf8_offset_to_pointer (start, length) - start);
}

/* Seed 000 as data/samples/province-2024-05.json holds it. */
static const Expected province_expected[] = {
  /* line 53: 545 + 941 = 1.486, not 1.478; the paragraph cites the
   * figures, so the figures are wrong, not the text */
  { "rule.dvctt_parts_eq_total", "fig/dvctt_full",
    "Số DVCTT toàn trình cộng một phần không bằng tổng số DVCTT của tỉnh trên Cổng DVC quốc gia (1.486 ≠ 1.478)" },
  /* line 69: a 2023 date in the May 2024 report */
  { "date.as_of", "sec/economy/p4/text",
    "Số liệu “tính đến 17/05/2023” (năm 2023) nằm ngoài kỳ báo cáo 21/04/2024–20/05/2024" },
  /* lines 79–81: 671.290 / 615.198 = 109,12% */
  { "narrative.ratio", "sec/digital_citizen/p2/text", "Tỷ lệ ghi 108,3% nhưng 671.290 / 615.198 = 109,12%" },
  /* line 193: overdue copied from online */
  { "table.processed_le_online", "tbl/dvc25/18/overdue",
    "Phụ lục II, dòng 18: đúng hạn 3.405 + quá hạn 3.405 = 6.810, lớn hơn trực tuyến 3.405" },
  /* line 195: the same */
  { "table.processed_le_online", "tbl/dvc25/20/overdue",
    "Phụ lục II, dòng 20: đúng hạn 390 + quá hạn 390 = 780, lớn hơn trực tuyến 390" },
  /* line 197: text in the number cells */
  { "complete.row", "tbl/dvc25/21/total",
    "Phụ lục II, dòng 21: chưa nhập Tổng số hồ sơ tiếp nhận, Trực tuyến, Đúng hạn, Quá hạn" },
  /* line 198: on time 1.190 > online 1.163 */
  { "table.processed_le_online", "tbl/dvc25/22/overdue",
    "Phụ lục II, dòng 22: đúng hạn 1.190 + quá hạn 68 = 1.258, lớn hơn trực tuyến 1.163" },
  /* line 199: on time 1.394 > online 1.067 */
  { "table.processed_le_online", "tbl/dvc25/23/overdue",
    "Phụ lục II, dòng 23: đúng hạn 1.394 + quá hạn 0 = 1.394, lớn hơn trực tuyến 1.067" },
  /* line 220 */
  { "table.processed_le_online", "tbl/qd422/8/overdue",
    "Phụ lục III, dòng 8: đúng hạn 1.102 + quá hạn 1.102 = 2.204, lớn hơn trực tuyến 1.102" },
  /* line 244 */
  { "table.processed_le_online", "tbl/qd422/20/overdue",
    "Phụ lục III, dòng 20: đúng hạn 5.274 + quá hạn 5.274 = 10.548, lớn hơn trực tuyến 5.274" },
  /* The template's rules over Phụ lục III's sums (lines 220, 244) and
   * over the key figures of line 53 fail only with these same mistakes:
   * see test_duplicate_table_rule and test_duplicate_breakdown. */
};

/* Seed 001 as data/samples/district-2024-06.json holds it. */
static const Expected district_expected[] = {
  /* line 73: 3.904 / 7.534 = 51,82%, written 51,78% twice */
  { "narrative.ratio", "sec/economy/p2/text", "Tỷ lệ ghi 51,78% nhưng 3.904 / 7.534 = 51,82%" },
  { "narrative.ratio", "sec/economy/p2/text", "Tỷ lệ ghi 51,78% nhưng 3.904 / 7.534 = 51,82%" },
  /* line 85: 2.215 + 17 = 2.232, not 2.244 */
  { "narrative.breakdown", "sec/ecosystem/p2/text", "Tổng số ghi 2.244 nhưng 2.215 + 17 = 2.232" },
  /* line 25 (I.1's opening paragraph) dates Công văn 1350/UBND-CA 23/3/2024, line 164 22/3/2024 */
  { "text.citation", "sec/next_tasks/p1/text",
    "Văn bản số 1350/UBND-CA ghi ngày 22/03/2024, nơi khác trong báo cáo ghi ngày 23/03/2024" },
};

static void
test_province_sample (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BcReport) report = import_sample (f->store, "province-2024-05");
  g_autoptr(GPtrArray) findings = bc_check_report (report, NULL);
  g_autofree char *ratio = NULL;
  g_autofree char *date = NULL;

  assert_findings (findings, NULL, province_expected, G_N_ELEMENTS (province_expected));
  g_assert_cmpuint (bc_check_count (findings, BC_SEVERITY_ERROR, TRUE), ==, 7);
  g_assert_cmpuint (bc_check_count (findings, BC_SEVERITY_WARNING, TRUE), ==, 3);

  ratio = span_text (report, find (findings, "narrative.ratio", "sec/digital_citizen/p2/text"));
  /* The sample cites the figures: the span covers their references whole. */
  g_assert_cmpstr (ratio, ==, "{{fig/vneid_activated}} /{{fig/vneid_activated/den}} tài khoản, đạt tỷ lệ 108,3%");
  g_assert_null (find (findings, "narrative.breakdown", "sec/dvc_results/p3/text"));
  date = span_text (report, find (findings, "date.as_of", "sec/economy/p4/text"));
  g_assert_cmpstr (date, ==, "Tính đến 17/5/2023");

  g_assert_cmpstr (bc_finding_get_id (find (findings, "table.processed_le_online", "tbl/dvc25/18/overdue")), ==,
                   "table.processed_le_online@tbl/dvc25/18/overdue");
  g_assert_cmpstr (bc_finding_get_id (find (findings, "narrative.ratio", "sec/digital_citizen/p2/text")), ==,
                   "narrative.ratio@sec/digital_citizen/p2/text#671290:615198:108,3%");
  g_assert_cmpstr (bc_finding_get_group (find (findings, "rule.dvctt_parts_eq_total", "fig/dvctt_full")), ==,
                   "sec/dvc_results");
  g_assert_cmpstr (bc_finding_get_group (find (findings, "complete.row", "tbl/dvc25/21/total")), ==, "tbl/dvc25");
  g_assert_cmpint (bc_finding_get_severity (find (findings, "narrative.ratio", "sec/digital_citizen/p2/text")), ==,
                   BC_SEVERITY_ERROR);
  g_assert_false (bc_finding_get_span (find (findings, "complete.row", "tbl/dvc25/21/total"), NULL, NULL));
}

static void
test_district_sample (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BcReport) report = import_sample (f->store, "district-2024-06");
  g_autoptr(GPtrArray) findings = bc_check_report (report, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  assert_findings (findings, NULL, district_expected, G_N_ELEMENTS (district_expected));
  /* The same mistake twice in one paragraph: two ids. */
  g_assert_cmpstr (bc_finding_get_id (findings->pdata[0]), !=, bc_finding_get_id (findings->pdata[1]));
  first = span_text (report, findings->pdata[0]);
  g_assert_true (g_str_has_prefix (first, "7.534** trường hợp"));
  g_assert_true (g_str_has_suffix (first, "đạt tỷ lệ 51,78%"));
  second = span_text (report, findings->pdata[1]);
  g_assert_cmpstr (second, ==, "{{fig/welfare_bank_accounts}}** trường hợp (*đạt tỷ lệ 51,78%");
}

/* Seed 004, the annual plan, cites Nghị quyết 175/NQ-CP with two dates
 * (lines 41 and 470); its number and date are left for the office. */
static void
test_plan_sample (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BcReport) report = import_sample (f->store, "annual-plan-2024");
  g_autoptr(GPtrArray) findings = bc_check_report (report, NULL);
  static const Expected expected[] = {
    { "complete.header", "header/number", "Chưa nhập số văn bản" },
    { "complete.header", "header/date", "Chưa nhập ngày báo cáo" },
    { "text.citation", "sec/specific_leadership/t6/content",
      "Văn bản số 175/NQ-CP ghi ngày 30/10/2023, nơi khác trong báo cáo ghi ngày 31/10/2023" },
  };

  assert_findings (findings, NULL, expected, G_N_ELEMENTS (expected));
}

/* Seed 001 cites Công văn số 1350/UBND-CA as of 23/3/2024 (line 25) and
 * 22/3/2024 (line 164). */
static void
test_citation (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BcReport) report = import_sample (f->store, "district-2024-06");
  g_autoptr(GPtrArray) findings = NULL;
  static const char * const prefixes[] = { "text.", NULL };
  static const Expected expected[] = {
    { "text.citation", "sec/next_tasks/p1/text",
      "Văn bản số 1350/UBND-CA ghi ngày 22/03/2024, nơi khác trong báo cáo ghi ngày 23/03/2024" },
  };

  set (f, report, "sec/units_direction/order", "p0,p1,p2,p3,p4");
  set (f, report, "sec/units_direction/p0/text",
       "Tiếp tục triển khai thực hiện các nhiệm vụ theo Kế hoạch số 67/KH-UBND ngày 26/02/2024 của UBND thành "
       "phố về triển khai thực hiện Đề án 06 trên địa bàn thành phố năm 2024; Công văn số 1350/UBND-CA ngày "
       "23/3/2024 về triển khai thực hiện Chỉ thị số 04/CT-TTg ngày 11/02/2024 của Thủ tướng Chính phủ; Kế "
       "hoạch số 193/KH-UBND ngày 09/4/2024 về triển khai thực hiện Chuyển đổi số năm 2024 trên địa bàn thành phố.");
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, expected, G_N_ELEMENTS (expected));
}

/* A template like province-monthly whose ratio column is typed, as in the
 * seed's appendices. */
static const char stated_template[] =
  "{ \"format\": 1, \"id\": \"stated\", \"name\": \"Tỷ lệ ghi tay\", \"kind\": \"report\","
  "  \"period\": { \"regime\": \"monthly\", \"cutoff_day\": 20 },"
  "  \"sections\": [ { \"id\": \"body\", \"number\": \"I.\", \"title\": \"Kết quả\", \"kind\": \"narrative\" } ],"
  "  \"tables\": ["
  "    { \"id\": \"dvc25\", \"title\": \"Phụ lục II\", \"catalog\": \"dvc25\", \"columns\": COLUMNS },"
  "    { \"id\": \"qd422\", \"title\": \"Phụ lục III\", \"catalog\": \"qd422\", \"columns\": COLUMNS } ] }";

static const char stated_columns[] =
  "[ { \"id\": \"total\", \"label\": \"Tổng số hồ sơ tiếp nhận\", \"type\": \"integer\", \"role\": \"total\" },"
  "  { \"id\": \"online\", \"label\": \"Trực tuyến\", \"type\": \"integer\", \"role\": \"online\" },"
  "  { \"id\": \"ratio\", \"label\": \"Tỷ lệ\", \"type\": \"text\" },"
  "  { \"id\": \"on_time\", \"label\": \"Đúng hạn\", \"type\": \"integer\", \"role\": \"on_time\" },"
  "  { \"id\": \"overdue\", \"label\": \"Quá hạn\", \"type\": \"integer\", \"role\": \"overdue\" } ]";

static BcTemplate *
load_template (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *catalogs = bc_template_default_dir ("catalogs");
  BcTemplate *template = bc_template_new_from_data (json, -1, "test", catalogs, &error);

  g_assert_no_error (error);
  return template;
}

static void
fill_seed_rows (Fixture       *f,
                BcReport      *report,
                const char    *table,
                const SeedRow *rows,
                guint          n)
{
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (BcEdit));
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      const char *columns[] = { "total", "online", "ratio", "on_time", "overdue" };
      const char *values[] = { rows[i].total, rows[i].online, rows[i].ratio, rows[i].on_time, rows[i].overdue };

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          char *key = g_strdup_printf ("tbl/%s/%s/%s", table, rows[i].row, columns[c]);
          BcEdit edit = { key, values[c] };

          g_ptr_array_add (keys, key);
          g_array_append_val (edits, edit);
        }
    }
  bc_store_apply (f->store, report, (BcEdit *) edits->data, edits->len, &error);
  g_assert_no_error (error);
}

/* Makes each written ratio of @rows that holds (a row with a total, not
 * @skip1 or @skip2, which are wrong already) wrong in turn, and checks that
 * the checker then finds it, at its cell; the right value is put back.
 * The wrong value is written as the right one was (decimals, "%" or not),
 * so that no way of writing a ratio goes unread.
 * Returns: the number of ratios found once made wrong */
static guint
count_ratios_read (Fixture       *f,
                   BcReport      *report,
                   const char    *table,
                   const SeedRow *rows,
                   guint          n,
                   const char    *skip1,
                   const char    *skip2)
{
  guint found = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("tbl/%s/%s/ratio", table, rows[i].row);
      /* Wrong by 100 points, written the same way (88,1% becomes 188,1%). */
      g_autofree char *wrong = g_strconcat ("1", rows[i].ratio, NULL);
      g_autoptr(GPtrArray) findings = NULL;
      g_autoptr(GError) error = NULL;
      guint hits = 0;

      if (g_str_equal (rows[i].total, "0") || g_strcmp0 (rows[i].row, skip1) == 0
          || g_strcmp0 (rows[i].row, skip2) == 0)
        continue;
      g_assert_true (bc_store_set_value (f->store, report, key, wrong, &error));
      g_assert_no_error (error);
      findings = bc_check_report (report, NULL);
      for (guint k = 0; k < findings->len; k++)
        hits += g_str_equal (bc_finding_get_rule (findings->pdata[k]), "table.ratio")
                && g_str_equal (bc_finding_get_location (findings->pdata[k]), key);
      if (hits != 1)
        g_error ("%s made wrong: %u findings at it", key, hits);
      found++;
      g_assert_true (bc_store_set_value (f->store, report, key, rows[i].ratio, &error));
    }
  return found;
}

/* Every written ratio of the seed's Phụ lục II and III (lines 174–250):
 * the three that do not match their numbers are found, the rest are not. */
static void
test_stated_ratios (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) json = g_string_new (stated_template);
  g_autoptr(BcTemplate) template = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  static const char * const prefixes[] = { "table.", "complete.row", NULL };
  static const Expected expected[] = {
    /* line 193 */
    { "table.processed_le_online", "tbl/dvc25/18/overdue", NULL },
    /* line 194: 969 / 1.869, written 100% (counting out the 900 carried over) */
    { "table.ratio", "tbl/dvc25/19/ratio", "Phụ lục II, dòng 19: tỷ lệ ghi 100% nhưng 969 / 1.869 = 51,85%" },
    /* line 195 */
    { "table.processed_le_online", "tbl/dvc25/20/overdue", NULL },
    /* line 197 */
    { "complete.row", "tbl/dvc25/21/total", NULL },
    /* line 198 */
    { "table.processed_le_online", "tbl/dvc25/22/overdue", NULL },
    /* line 199: "83" for 53,08% */
    { "table.ratio", "tbl/dvc25/23/ratio", "Phụ lục II, dòng 23: tỷ lệ ghi 83% nhưng 1.067 / 2.010 = 53,08%" },
    { "table.processed_le_online", "tbl/dvc25/23/overdue", NULL },
    /* line 220 */
    { "table.processed_le_online", "tbl/qd422/8/overdue", NULL },
    /* line 223: as line 194 */
    { "table.ratio", "tbl/qd422/10/ratio", "Phụ lục III, dòng 10: tỷ lệ ghi 100% nhưng 969 / 1.869 = 51,85%" },
    /* line 244 */
    { "table.processed_le_online", "tbl/qd422/20/overdue", NULL },
  };
  guint correct = 0;

  g_string_replace (json, "COLUMNS", stated_columns, 0);
  template = load_template (json->str);
  report = create (f, template, "2024-04-21", "2024-05-20");
  fill_seed_rows (f, report, "dvc25", seed000_dvc25, G_N_ELEMENTS (seed000_dvc25));
  fill_seed_rows (f, report, "qd422", seed000_qd422, G_N_ELEMENTS (seed000_qd422));
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, expected, G_N_ELEMENTS (expected));

  /* The written ratios that hold (88,1% for 88,12%, 99% for 99,78%, ...)
   * raise nothing because they were read and found right: each one, made
   * wrong, is found. */
  correct = count_ratios_read (f, report, "dvc25", seed000_dvc25, G_N_ELEMENTS (seed000_dvc25), "19", "23");
  correct += count_ratios_read (f, report, "qd422", seed000_qd422, G_N_ELEMENTS (seed000_qd422), "10", NULL);
  g_test_message ("%u written ratios of the seed's appendices hold, raise nothing, and are found once wrong",
                  correct);
  g_assert_cmpuint (correct, >, 0);
}

/* Table arithmetic one rule at a time, on the province template. */
static void
test_table_rules (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BcTemplate) template = bc_test_load_template ("province-monthly");
  g_autoptr(BcReport) report = create (f, template, "2024-04-21", "2024-05-20");
  g_autoptr(GPtrArray) findings = NULL;
  static const char * const prefixes[] = { "table.", NULL };
  BcEdit edits[] = {
    { "tbl/dvc25/1/total", "30" }, { "tbl/dvc25/1/online", "31" },              /* online > total */
    { "tbl/dvc25/2/online", "12" },                                              /* no total */
    { "tbl/dvc25/3/total", "10" }, { "tbl/dvc25/3/online", "10" }, { "tbl/dvc25/3/on_time", "11" },
    { "tbl/dvc25/4/total", "10" }, { "tbl/dvc25/4/online", "10" }, { "tbl/dvc25/4/on_time", "4" },
    { "tbl/dvc25/4/overdue", "6" },                                              /* exactly online */
    { "tbl/dvc25/5/total", "0" }, { "tbl/dvc25/5/online", "0" },                 /* nothing to divide */
    { "tbl/dvc25/6/online", "0" },                                               /* no total, nothing online */
    { "tbl/dvc25/7/total", "5" }, { "tbl/dvc25/7/online", "5" }, { "tbl/dvc25/7/on_time", "3" },
    { "tbl/dvc25/7/overdue", "3" },
    { "tbl/dvc25/8/total", "5" }, { "tbl/dvc25/8/online", "6" }, { "tbl/dvc25/8/applies", "0" },  /* not applicable */
  };
  static const Expected expected[] = {
    { "table.online_le_total", "tbl/dvc25/1/online",
      "Phụ lục II, dòng 1: trực tuyến 31 lớn hơn tổng số hồ sơ tiếp nhận 30" },
    { "table.total_missing", "tbl/dvc25/2/total",
      "Phụ lục II, dòng 2: có trực tuyến 12 nhưng chưa nhập tổng số hồ sơ tiếp nhận" },
    { "table.processed_le_online", "tbl/dvc25/3/on_time", "Phụ lục II, dòng 3: đúng hạn 11, lớn hơn trực tuyến 10" },
    { "table.processed_le_online", "tbl/dvc25/7/overdue",
      "Phụ lục II, dòng 7: đúng hạn 3 + quá hạn 3 = 6, lớn hơn trực tuyến 5" },
  };
  g_autoptr(GError) error = NULL;

  bc_store_apply (f->store, report, edits, G_N_ELEMENTS (edits), &error);
  g_assert_no_error (error);
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, expected, G_N_ELEMENTS (expected));
  /* Row 8 does not apply: nothing said about it, not even blanks. */
  for (guint i = 0; i < findings->len; i++)
    g_assert_false (g_str_has_prefix (bc_finding_get_location (findings->pdata[i]), "tbl/dvc25/8/"));
}

/* A table with a typed totals row ("Tổng", as in seed 001's appendix,
 * line 216): it must be the sum of the rows. */
static void
test_totals_row (Fixture       *f,
                 gconstpointer  data)
{
  static const char json[] =
    "{ \"format\": 1, \"id\": \"totals\", \"name\": \"Tổng\", \"kind\": \"report\","
    "  \"period\": { \"regime\": \"monthly\", \"cutoff_day\": 14 },"
    "  \"sections\": [ { \"id\": \"body\", \"number\": \"I.\", \"title\": \"Kết quả\", \"kind\": \"narrative\" } ],"
    "  \"tables\": [ { \"id\": \"t\", \"title\": \"Phụ lục\", \"rows\": ["
    "      { \"number\": \"1\", \"label\": \"Đăng ký tạm trú\" },"
    "      { \"number\": \"2\", \"label\": \"Đăng ký, cấp biển số mô tô, xe gắn máy\" },"
    "      { \"number\": \"3\", \"label\": \"Khai báo tạm vắng\" },"
    "      { \"key\": \"total\", \"number\": \"\", \"label\": \"Tổng\" } ],"
    "    \"columns\": ["
    "      { \"id\": \"total\", \"label\": \"Tổng số hồ sơ\", \"type\": \"integer\", \"role\": \"total\" },"
    "      { \"id\": \"online\", \"label\": \"Tiếp nhận hồ sơ trực tuyến\", \"type\": \"integer\", \"role\": \"online\" },"
    "      { \"id\": \"ratio\", \"label\": \"Tỷ lệ %\", \"type\": \"text\" } ] } ] }";
  g_autoptr(BcTemplate) template = load_template (json);
  g_autoptr(BcReport) report = create (f, template, "2024-05-15", "2024-06-14");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) again = NULL;
  static const char * const prefixes[] = { "table.", NULL };
  BcEdit edits[] = {
    /* seed 001 lines 204, 207, 205 and a totals row */
    { "tbl/t/1/total", "137" }, { "tbl/t/1/online", "133" }, { "tbl/t/1/ratio", "97,08%" },
    { "tbl/t/2/total", "771" }, { "tbl/t/2/online", "711" }, { "tbl/t/2/ratio", "92,22%" },
    { "tbl/t/3/total", "0" }, { "tbl/t/3/online", "0" }, { "tbl/t/3/ratio", "-" },
    { "tbl/t/total/total", "908" }, { "tbl/t/total/online", "850" }, { "tbl/t/total/ratio", "93,61%" },
  };
  static const Expected expected[] = {
    { "table.totals_row", "tbl/t/total/online", "Phụ lục, dòng “Tổng”: tiếp nhận hồ sơ trực tuyến ghi 850 nhưng cộng các dòng được 844" },
  };
  g_autoptr(GError) error = NULL;

  bc_store_apply (f->store, report, edits, G_N_ELEMENTS (edits), &error);
  g_assert_no_error (error);
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, expected, G_N_ELEMENTS (expected));

  /* A blank row: the known rows may not sum to more than the total. */
  set (f, report, "tbl/t/total/online", "844");
  set (f, report, "tbl/t/total/ratio", "92,95%");
  set (f, report, "tbl/t/2/online", NULL);
  set (f, report, "tbl/t/2/ratio", NULL);
  again = bc_check_report (report, NULL);
  assert_findings (again, prefixes, NULL, 0);
  g_assert_nonnull (find (again, "complete.row", "tbl/t/2/online"));
}

/* Seed 001's appendix as printed (lines 201–216), its ratios typed: every
 * one holds, and so does its totals row. */
static void
test_seed001_appendix (Fixture       *f,
                       gconstpointer  data)
{
  static const char json[] =
    "{ \"format\": 1, \"id\": \"city\", \"name\": \"Phụ lục thành phố\", \"kind\": \"report\","
    "  \"period\": { \"regime\": \"monthly\", \"cutoff_day\": 14 },"
    "  \"sections\": [ { \"id\": \"body\", \"number\": \"I.\", \"title\": \"Kết quả\", \"kind\": \"narrative\" } ],"
    "  \"tables\": [ { \"id\": \"t\", \"title\": \"Phụ lục\", \"rows\": ["
    "      { \"number\": \"1\", \"label\": \"a\" }, { \"number\": \"2\", \"label\": \"b\" },"
    "      { \"number\": \"3\", \"label\": \"c\" }, { \"number\": \"4\", \"label\": \"d\" },"
    "      { \"number\": \"5\", \"label\": \"e\" }, { \"number\": \"6\", \"label\": \"f\" },"
    "      { \"number\": \"7\", \"label\": \"g\" }, { \"number\": \"8\", \"label\": \"h\" },"
    "      { \"number\": \"9\", \"label\": \"i\" }, { \"number\": \"10\", \"label\": \"j\" },"
    "      { \"number\": \"11\", \"label\": \"k\" }, { \"number\": \"12\", \"label\": \"l\" },"
    "      { \"number\": \"13\", \"label\": \"m\" }, { \"number\": \"14\", \"label\": \"n\" },"
    "      { \"number\": \"15\", \"label\": \"o\" }, { \"key\": \"total\", \"number\": \"\", \"label\": \"Tổng\" } ],"
    "    \"columns\": ["
    "      { \"id\": \"total\", \"label\": \"Tổng số hồ sơ\", \"type\": \"integer\", \"role\": \"total\" },"
    "      { \"id\": \"online\", \"label\": \"Tiếp nhận hồ sơ trực tuyến\", \"type\": \"integer\", \"role\": \"online\" },"
    "      { \"id\": \"ratio\", \"label\": \"Tỷ lệ %\", \"type\": \"text\" } ] } ] }";
  static const struct { guint line; const char *row, *total, *online, *ratio; } rows[] = {
    { 201, "1", "2", "2", "100%" },
    { 202, "2", "210", "210", "100%" },
    { 203, "3", "853", "853", "100%" },
    { 204, "4", "137", "133", "97,08%" },
    { 205, "5", "0", "0", "-" },
    { 206, "6", "4080", "4080", "100%" },
    { 207, "7", "771", "711", "92,22%" },
    { 208, "8", "11", "11", "100%" },
    { 209, "9", "166", "62", "37,35%" },
    { 210, "10", "118", "106", "89,83%" },
    { 211, "11", "368", "368", "100%" },
    { 212, "12", "161", "161", "100%" },
    { 213, "13", "173", "173", "100%" },
    { 214, "14", "375", "375", "100%" },
    { 215, "15", "111", "111", "100%" },
    { 216, "total", "7536", "7356", "97,61%" },
  };
  g_autoptr(BcTemplate) template = load_template (json);
  g_autoptr(BcReport) report = create (f, template, "2024-05-15", "2024-06-14");
  g_autoptr(GPtrArray) findings = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *total = g_strdup_printf ("tbl/t/%s/total", rows[i].row);
      g_autofree char *online = g_strdup_printf ("tbl/t/%s/online", rows[i].row);
      g_autofree char *ratio = g_strdup_printf ("tbl/t/%s/ratio", rows[i].row);
      BcEdit edits[] = { { total, rows[i].total }, { online, rows[i].online }, { ratio, rows[i].ratio } };
      g_autoptr(GError) error = NULL;

      bc_store_apply (f->store, report, edits, G_N_ELEMENTS (edits), &error);
      g_assert_no_error (error);
    }
  findings = bc_check_report (report, NULL);
  assert_findings (findings, (const char * const []) { "table.", "complete.row", NULL }, NULL, 0);
  g_test_message ("%u written ratios and a totals row of seed 001's appendix raise nothing",
                  (guint) G_N_ELEMENTS (rows) - 1);
}

static const char rules_template[] =
  "{ \"format\": 1, \"id\": \"rules\", \"name\": \"Quy tắc\", \"kind\": \"report\","
  "  \"period\": { \"regime\": \"monthly\", \"cutoff_day\": 14 },"
  "  \"sections\": [ { \"id\": \"figs\", \"number\": \"1.\", \"title\": \"Số liệu\", \"kind\": \"figures\","
  "      \"figures\": [ { \"id\": \"a\", \"label\": \"A\", \"unit\": \"hồ sơ\" },"
  "                     { \"id\": \"b\", \"label\": \"B\", \"unit\": \"hồ sơ\" },"
  "                     { \"id\": \"c\", \"label\": \"C\", \"unit\": \"hồ sơ\", \"denominator\": \"D\" } ] } ],"
  "  \"tables\": [ { \"id\": \"t\", \"title\": \"Phụ lục\", \"applicable\": [\"1\", \"2\"], \"rows\": ["
  "      { \"number\": \"1\", \"label\": \"X\" }, { \"number\": \"2\", \"label\": \"Y\" },"
  "      { \"number\": \"3\", \"label\": \"Z\" } ],"
  "    \"columns\": [ { \"id\": \"n\", \"label\": \"Số\", \"type\": \"integer\" } ] } ],"
  "  \"rules\": ["
  "    { \"id\": \"sum\", \"left\": \"a + b\", \"op\": \"=\", \"right\": \"sum(t.n)\", \"severity\": \"error\","
  "      \"message\": \"A cộng B khác tổng cột\" },"
  "    { \"id\": \"share\", \"left\": \"c / c.den * 100\", \"op\": \"≤\", \"right\": \"50\", \"severity\": \"warning\","
  "      \"message\": \"C vượt nửa D\" },"
  "    { \"id\": \"order\", \"left\": \"b\", \"op\": \">=\", \"right\": \"a\", \"severity\": \"warning\","
  "      \"message\": \"B nhỏ hơn A\" } ] }";

/* The template's rules: evaluated when every value is there, silent
 * otherwise; sums over applicable rows only. */
static void
test_template_rules (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BcTemplate) template = load_template (rules_template);
  g_autoptr(BcReport) report = create (f, template, "2024-05-15", "2024-06-14");
  static const char * const prefixes[] = { "rule.", NULL };
  static const Expected expected[] = {
    { "rule.sum", "fig/a", "A cộng B khác tổng cột (7 ≠ 6)" },
    { "rule.share", "fig/c", "C vượt nửa D (66,67 > 50)" },
  };
  g_autoptr(GPtrArray) findings = NULL;

  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, NULL, 0);      /* all missing: silent */
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (f, report, "fig/a", "3");
  set (f, report, "fig/b", "4");
  set (f, report, "tbl/t/1/n", "5");
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, NULL, 0);      /* row 2 blank: the sum is unknown */
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (f, report, "tbl/t/2/n", "1");
  set (f, report, "tbl/t/3/n", "1");                  /* row 3 does not apply */
  set (f, report, "fig/c", "2");
  set (f, report, "fig/c/den", "3");
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (bc_finding_get_severity (findings->pdata[findings->len - 1]), ==, BC_SEVERITY_WARNING);
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (f, report, "tbl/t/3/applies", "1");
  set (f, report, "fig/c/den", "0");                  /* division by zero: silent */
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, NULL, 0);
}

/* One mistake, one finding.  Seed 000 line 53 writes "1.478 (545 DVCTT
 * toàn trình, 941 DVCTT một phần)" and the key figures hold the same
 * numbers: the sentence's finding, which marks the characters to correct,
 * stands for the template's rule over the figures.  The rule comes back
 * as soon as the figures and the text no longer say the same. */
static void
test_duplicate_breakdown (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BcReport) report = import_sample (f->store, "province-2024-05");
  g_autoptr(GPtrArray) findings = bc_check_report (report, NULL);
  const char *text = "Hiện nay tổng số DVCTT của tỉnh trên Cổng DVC quốc gia là 1.486 (545 DVCTT toàn trình, "
                     "941 DVCTT một phần).";
  const char *written = "Hiện nay tổng số DVCTT của tỉnh trên Cổng DVC quốc gia là 1.478 (545 DVCTT toàn trình, "
                        "941 DVCTT một phần).";
  BcFinding *rule;

  /* The sample cites the figures: the text is right by construction, the
   * figures disagree with each other. */
  g_assert_null (find (findings, "narrative.breakdown", "sec/dvc_results/p3/text"));
  g_assert_nonnull (find (findings, "rule.dvctt_parts_eq_total", "fig/dvctt_full"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Typed as the seed has it: the text's mistake stands for the rule's. */
  set (f, report, "sec/dvc_results/p3/text", written);
  findings = bc_check_report (report, NULL);
  g_assert_nonnull (find (findings, "narrative.breakdown", "sec/dvc_results/p3/text"));
  g_assert_null (find (findings, "rule.dvctt_parts_eq_total", "fig/dvctt_full"));
  g_assert_cmpint (bc_finding_get_severity (find (findings, "narrative.breakdown", "sec/dvc_results/p3/text")), ==,
                   BC_SEVERITY_ERROR);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The text corrected, the figures not: they are wrong on their own. */
  set (f, report, "sec/dvc_results/p3/text", text);
  findings = bc_check_report (report, NULL);
  g_assert_null (find (findings, "narrative.breakdown", "sec/dvc_results/p3/text"));
  rule = find (findings, "rule.dvctt_parts_eq_total", "fig/dvctt_full");
  g_assert_nonnull (rule);
  g_assert_cmpstr (bc_finding_get_message (rule), ==,
                   "Số DVCTT toàn trình cộng một phần không bằng tổng số DVCTT của tỉnh trên Cổng DVC quốc gia "
                   "(1.486 ≠ 1.478)");
  g_assert_cmpstr (bc_finding_get_group (rule), ==, "sec/dvc_results");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Both corrected: nothing. */
  set (f, report, "fig/dvctt_total", "1486");
  findings = bc_check_report (report, NULL);
  g_assert_null (find (findings, "narrative.breakdown", "sec/dvc_results/p3/text"));
  g_assert_null (find (findings, "rule.dvctt_parts_eq_total", "fig/dvctt_full"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The text wrong again, the figures wrong another way: two mistakes. */
  set (f, report, "sec/dvc_results/p3/text", written);
  set (f, report, "fig/dvctt_total", "1480");
  findings = bc_check_report (report, NULL);
  g_assert_nonnull (find (findings, "narrative.breakdown", "sec/dvc_results/p3/text"));
  g_assert_cmpstr (bc_finding_get_message (find (findings, "rule.dvctt_parts_eq_total", "fig/dvctt_full")), ==,
                   "Số DVCTT toàn trình cộng một phần không bằng tổng số DVCTT của tỉnh trên Cổng DVC quốc gia "
                   "(1.486 ≠ 1.480)");
}

/* The sentence's finding is as grave as the rule it stands for: seed 001
 * line 77 ("kích hoạt thành công 332 tài khoản, trong đó có 256 ... và 76
 * ...") with 96 typed for 76 in the text and in the key figure: "trong
 * đó" alone is a warning, district-monthly's vneid_activated_levels an
 * error. */
static void
test_duplicate_graver (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BcReport) report = import_sample (f->store, "district-2024-06");
  g_autofree char *typo = NULL;
  static const char * const prefixes[] = { "narrative.breakdown", "rule.", NULL };
  /* The typo in the text (and the figure, or not); seed 001 line 85. */
  static const Expected text[] = {
    { "narrative.breakdown", "sec/digital_citizen/p1/text", "Tổng số ghi 332 nhưng 256 + 96 = 352" },
    { "narrative.breakdown", "sec/ecosystem/p2/text", NULL },
  };
  /* In the order of the report: the figure's section 2.3 before 2.4. */
  static const Expected figure_only[] = {
    { "rule.vneid_activated_levels", "fig/vneid_activated_l2",
      "Số tài khoản kích hoạt mức 2 cộng mức 1 không bằng tổng số tài khoản kích hoạt thành công (352 ≠ 332)" },
    { "narrative.breakdown", "sec/ecosystem/p2/text", NULL },
  };
  GPtrArray *findings;

  /* Typed, not cited: the sample's paragraph as printed. */
  {
    g_autofree char *cited = bc_refs_render (report, bc_report_get (report, "sec/digital_citizen/p1/text"), NULL);

    typo = bc_inline_strip (cited);
  }
  g_assert_nonnull (strstr (typo, " 76 tài khoản"));
  memcpy (strstr (typo, " 76 tài khoản"), " 96", 3);

  set (f, report, "sec/digital_citizen/p1/text", typo);
  set (f, report, "fig/vneid_activated_l1", "96");
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, text, G_N_ELEMENTS (text));
  g_assert_cmpint (bc_finding_get_severity (find (findings, "narrative.breakdown", "sec/digital_citizen/p1/text")),
                   ==, BC_SEVERITY_ERROR);
  g_ptr_array_unref (findings);

  set (f, report, "fig/vneid_activated_l1", "76");
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, text, G_N_ELEMENTS (text));
  g_assert_cmpint (bc_finding_get_severity (find (findings, "narrative.breakdown", "sec/digital_citizen/p1/text")),
                   ==, BC_SEVERITY_WARNING);
  g_ptr_array_unref (findings);

  set (f, report, "sec/digital_citizen/p1/text", NULL);
  set (f, report, "fig/vneid_activated_l1", "96");
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, figure_only, G_N_ELEMENTS (figure_only));
  g_ptr_array_unref (findings);
}

/* Phụ lục III's rows 8 and 20 (lines 220, 244) each have on time +
 * overdue > online; the template's rule over the table's sums fails only
 * because of them and says nothing of its own.  So does Phụ lục II's once
 * its blank row 21 is filled in (rows 18, 20, 22, 23). */
static void
test_duplicate_table_rule (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(BcReport) report = import_sample (f->store, "province-2024-05");
  g_autoptr(GPtrArray) findings = bc_check_report (report, NULL);
  static const char * const prefixes[] = { "table.", "rule.", NULL };
  static const Expected expected[] = {
    /* the sample's paragraph cites these figures: not a table rule */
    { "rule.dvctt_parts_eq_total", "fig/dvctt_full", NULL },
    { "table.processed_le_online", "tbl/dvc25/18/overdue", NULL },
    { "table.processed_le_online", "tbl/dvc25/20/overdue", NULL },
    { "table.processed_le_online", "tbl/dvc25/22/overdue", NULL },
    { "table.processed_le_online", "tbl/dvc25/23/overdue", NULL },
    { "table.processed_le_online", "tbl/qd422/8/overdue", NULL },
    { "table.processed_le_online", "tbl/qd422/20/overdue", NULL },
  };
  BcEdit row21[] = {
    { "tbl/dvc25/21/total", "40" }, { "tbl/dvc25/21/online", "35" },
    { "tbl/dvc25/21/on_time", "30" }, { "tbl/dvc25/21/overdue", "5" },
  };
  g_autoptr(GError) error = NULL;

  assert_findings (findings, prefixes, expected, G_N_ELEMENTS (expected));
  g_assert_null (find (findings, "rule.qd422_processed_le_online", "tbl/qd422"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  bc_store_apply (f->store, report, row21, G_N_ELEMENTS (row21), &error);
  g_assert_no_error (error);
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, expected, G_N_ELEMENTS (expected));
  g_assert_null (find (findings, "complete.row", "tbl/dvc25/21/total"));
}

/* A rule over a table's sums that still fails without the rows that have
 * their own finding, or that is no plain sum of the table's columns, is
 * a mistake of its own and is reported. */
static void
test_table_rule_not_explained (Fixture       *f,
                               gconstpointer  data)
{
  static const char json[] =
    "{ \"format\": 1, \"id\": \"sums\", \"name\": \"Tổng cột\", \"kind\": \"report\","
    "  \"period\": { \"regime\": \"monthly\", \"cutoff_day\": 14 },"
    "  \"sections\": [ { \"id\": \"body\", \"number\": \"I.\", \"title\": \"Kết quả\", \"kind\": \"narrative\" } ],"
    "  \"tables\": [ { \"id\": \"t\", \"title\": \"Phụ lục\", \"rows\": ["
    "      { \"number\": \"1\", \"label\": \"X\" }, { \"number\": \"2\", \"label\": \"Y\" } ],"
    "    \"columns\": ["
    "      { \"id\": \"total\", \"label\": \"Tổng số\", \"type\": \"integer\", \"role\": \"total\" },"
    "      { \"id\": \"online\", \"label\": \"Trực tuyến\", \"type\": \"integer\", \"role\": \"online\" },"
    "      { \"id\": \"on_time\", \"label\": \"Đúng hạn\", \"type\": \"integer\", \"role\": \"on_time\" },"
    "      { \"id\": \"overdue\", \"label\": \"Quá hạn\", \"type\": \"integer\", \"role\": \"overdue\" } ] } ],"
    "  \"rules\": ["
    "    { \"id\": \"processed\", \"left\": \"sum(t.on_time) + sum(t.overdue)\", \"op\": \"<=\","
    "      \"right\": \"sum(t.online)\", \"severity\": \"warning\", \"message\": \"Đã xử lý nhiều hơn\" },"
    "    { \"id\": \"late\", \"left\": \"sum(t.overdue)\", \"op\": \"<=\", \"right\": \"sum(t.on_time)\","
    "      \"severity\": \"warning\", \"message\": \"Quá hạn nhiều hơn đúng hạn\" },"
    "    { \"id\": \"cap\", \"left\": \"sum(t.online)\", \"op\": \"<=\", \"right\": \"55\","
    "      \"severity\": \"warning\", \"message\": \"Quá nhiều\" },"
    "    { \"id\": \"scaled\", \"left\": \"2 * sum(t.on_time) + sum(t.overdue)\", \"op\": \"<=\","
    "      \"right\": \"sum(t.online)\", \"severity\": \"warning\", \"message\": \"Có hệ số\" } ] }";
  g_autoptr(BcTemplate) template = load_template (json);
  g_autoptr(BcReport) report = create (f, template, "2024-05-15", "2024-06-14");
  g_autoptr(GPtrArray) findings = NULL;
  static const char * const prefixes[] = { "table.", "rule.", NULL };
  /* Row 1 has its own finding; row 2 keeps every row check. */
  BcEdit edits[] = {
    { "tbl/t/1/total", "10" }, { "tbl/t/1/online", "10" }, { "tbl/t/1/on_time", "10" }, { "tbl/t/1/overdue", "10" },
    { "tbl/t/2/total", "50" }, { "tbl/t/2/online", "50" }, { "tbl/t/2/on_time", "5" }, { "tbl/t/2/overdue", "40" },
  };
  static const Expected expected[] = {
    { "table.processed_le_online", "tbl/t/1/overdue",
      "Phụ lục, dòng 1: đúng hạn 10 + quá hạn 10 = 20, lớn hơn trực tuyến 10" },
    /* not "processed": 15 + 50 > 60, but 5 + 40 ≤ 50 without row 1 */
    { "rule.late", "tbl/t", "Quá hạn nhiều hơn đúng hạn (50 > 15)" },     /* 40 > 5 without row 1 */
    { "rule.cap", "tbl/t", "Quá nhiều (60 > 55)" },                        /* 50 ≤ 55 without row 1, but a bound */
    { "rule.scaled", "tbl/t", "Có hệ số (80 > 60)" },      /* 10 + 40 ≤ 50 without row 1, but not a plain sum */
  };
  g_autoptr(GError) error = NULL;

  bc_store_apply (f->store, report, edits, G_N_ELEMENTS (edits), &error);
  g_assert_no_error (error);
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, expected, G_N_ELEMENTS (expected));
}

static void
test_unknown_field (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = g_string_new (rules_template);
  g_autofree char *catalogs = bc_template_default_dir ("catalogs");
  g_autoptr(BcTemplate) template = NULL;

  g_string_replace (json, "sum(t.n)", "sum(t.nosuch)", 1);
  template = bc_template_new_from_data (json->str, -1, "test", catalogs, &error);
  g_assert_null (template);
  g_assert_error (error, BC_TEMPLATE_ERROR, BC_TEMPLATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "t.nosuch"));
}

static void
test_dates (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BcTemplate) template = bc_test_load_template ("province-monthly");
  g_autoptr(BcReport) report = create (f, template, "2024-04-21", "2024-05-20");
  g_autoptr(GPtrArray) findings = NULL;
  static const char * const prefixes[] = { "date.", NULL };
  BcEdit edits[] = {
    { "header/date", "2024-05-15" },
    { "sec/direction/order", "d1,d2,d3,d4,d5,d6" },
    { "sec/direction/d1/number", "5096/UBND-VP" }, { "sec/direction/d1/date", "2024-04-22" },
    { "sec/direction/d2/number", "1624/BCĐ-CAT" }, { "sec/direction/d2/date", "2024-05-22" },
    { "sec/direction/d3/number", "85/KH-UBND" }, { "sec/direction/d3/date", "2024-02-04" },
    { "sec/direction/d4/number", "452/TTg-KSTT" }, { "sec/direction/d4/date", "2023-04-01" },
    /* Its date refused as typed (31/02/2026), so never stored; and an
     * item nothing was typed into yet, which is not a document. */
    { "sec/direction/d5/number", "215/CAH-PV06" }, { "sec/direction/d5/summary", "làm sạch dữ liệu" },
    { "sec/next_tasks/order", "p1,p2" },
    { "sec/next_tasks/p1/text", "Tính đến 16/5/2024 đã cấp 100 thẻ. Hiệu lực từ 01/7/2024." },
    { "sec/next_tasks/p2/text", "Phấn đấu tính đến 31/12/2024 đạt 100% chỉ tiêu." },
  };
  static const Expected expected[] = {
    { "date.period_end", "header/date", "Kỳ báo cáo kết thúc ngày 20/05/2024, sau ngày báo cáo 15/05/2024" },
    { "date.document", "sec/direction/d2/date", "Văn bản số 1624/BCĐ-CAT ngày 22/05/2024, sau ngày báo cáo 15/05/2024" },
    { "date.document", "sec/direction/d4/date",
      "Văn bản số 452/TTg-KSTT ngày 01/04/2023, trước kỳ báo cáo (từ 21/04/2024) hơn một năm" },
    { "date.document", "sec/direction/d5/date", "Văn bản số 215/CAH-PV06 chưa có ngày ban hành" },
    { "date.as_of", "sec/next_tasks/p1/text", "Số liệu “tính đến 16/05/2024” nhưng báo cáo ký ngày 15/05/2024" },
  };
  g_autoptr(GError) error = NULL;

  bc_store_apply (f->store, report, edits, G_N_ELEMENTS (edits), &error);
  g_assert_no_error (error);
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, expected, G_N_ELEMENTS (expected));
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (f, report, "header/date", "2024-05-24");
  set (f, report, "meta/period_to", "2024-07-20");
  findings = bc_check_report (report, NULL);
  g_assert_nonnull (find (findings, "date.period_length", "meta/period_to"));
  g_assert_cmpstr (bc_finding_get_message (find (findings, "date.period_length", "meta/period_to")), ==,
                   "Kỳ báo cáo 21/04/2024–20/07/2024 dài 91 ngày, không đúng kỳ báo cáo của mẫu");
}

static char *
iso (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

/* Trial, item 7: a report made before its period ends (next month's,
 * written early) is dated the period's last day, not today, which the
 * checks would call an error on a draft nobody touched; one made after
 * is dated today. */
static void
test_new_report_date (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BcTemplate) template = bc_test_load_template ("province-monthly");
  BcRegime regime = bc_template_get_regime (template);
  guint cutoff = bc_template_get_cutoff_day (template);
  g_autoptr(BcReport) current = NULL;
  g_autoptr(BcReport) next = NULL;
  g_autoptr(BcReport) past = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL, *to = NULL, *today_iso = NULL, *past_from = NULL, *past_to = NULL;
  GDate today, start, end, long_ago;

  bc_date_today (&today);
  today_iso = iso (&today);
  bc_period_containing (regime, cutoff, &today, &start, &end);
  from = iso (&start);
  to = iso (&end);
  current = create (f, template, from, to);
  g_assert_cmpstr (bc_report_get (current, "header/date"), ==, strcmp (today_iso, to) < 0 ? to : today_iso);

  next = bc_store_duplicate_next (f->store, current, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get (next, "header/date"), ==, bc_report_get_period_to (next));
  findings = bc_check_report (next, NULL);
  g_assert_null (find (findings, "date.period_end", "header/date"));

  long_ago = today;
  g_date_subtract_years (&long_ago, 2);
  bc_period_containing (regime, cutoff, &long_ago, &start, &end);
  past_from = iso (&start);
  past_to = iso (&end);
  past = create (f, template, past_from, past_to);
  g_assert_cmpstr (bc_report_get (past, "header/date"), ==, today_iso);
}

/* The legal basis cites documents that must exist when the report is
 * signed; the summary's month is the period's, also after "next period"
 * carried a title the clerk had edited. */
static void
test_legal_basis_and_title (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(BcTemplate) template = bc_test_load_template ("province-monthly");
  g_autoptr(BcReport) report = create (f, template, "2024-04-21", "2024-05-20");
  g_autoptr(BcReport) next = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *span = NULL;
  static const char * const prefixes[] = { "date.", NULL };
  static const Expected expected[] = {
    { "date.citation", "header/legal_basis", "Văn bản số 1580/TCTTKĐA ngày 30/05/2024, sau ngày báo cáo 24/05/2024" },
  };
  static const Expected expected_next[] = {
    { "date.title_month", "header/summary",
      "Ghi “tháng 05/2024” nhưng báo cáo là của tháng 06/2024 (kỳ 21/05/2024–20/06/2024)" },
  };
  const char *summary = "Kết quả triển khai Đề án 06 trên địa bàn tỉnh tháng 05 năm 2024";

  set (f, report, "header/date", "2024-05-24");
  set (f, report, "header/legal_basis",
       "Thực hiện Quyết định số 06/QĐ-TTg, ngày 06/01/2022 của Thủ tướng Chính phủ; Căn cứ Công văn số "
       "1580/TCTTKĐA ngày 30/5/2024 của Tổ Công tác về việc xây dựng báo cáo định kỳ.");
  set (f, report, "header/summary", summary);
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, expected, G_N_ELEMENTS (expected));
  span = span_text (report, find (findings, "date.citation", "header/legal_basis"));
  g_assert_cmpstr (span, ==, "1580/TCTTKĐA ngày 30/5/2024");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Dated before the report: right. */
  set (f, report, "header/legal_basis", "Căn cứ Công văn số 1580/TCTTKĐA ngày 22/5/2023 của Tổ Công tác.");
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, NULL, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  next = bc_store_duplicate_next (f->store, report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get (next, "header/summary"), ==, summary);
  set (f, next, "header/date", "2024-06-24");
  findings = bc_check_report (next, NULL);
  assert_findings (findings, prefixes, expected_next, G_N_ELEMENTS (expected_next));
  g_clear_pointer (&span, g_free);
  span = span_text (next, find (findings, "date.title_month", "header/summary"));
  g_assert_cmpstr (span, ==, "tháng 05 năm 2024");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The period's month, with the next month's plan beside it. */
  set (f, next, "header/summary", "Kết quả tháng 06 năm 2024 và phương hướng, nhiệm vụ tháng 7 năm 2024");
  findings = bc_check_report (next, NULL);
  assert_findings (findings, prefixes, NULL, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  set (f, next, "header/summary", "Kết quả tháng 6/2023");
  findings = bc_check_report (next, NULL);
  g_assert_cmpstr (bc_finding_get_message (find (findings, "date.title_month", "header/summary")), ==,
                   "Ghi “tháng 06/2023” nhưng báo cáo là của tháng 06/2024 (kỳ 21/05/2024–20/06/2024)");
}

/* Which ratios may pass 100% is the template's word ("may_exceed"): a
 * target may be beaten, a share of a whole may not. */
static const char over_template[] =
  "{ \"format\": 1, \"id\": \"over\", \"name\": \"Tỷ lệ\", \"kind\": \"report\","
  "  \"period\": { \"regime\": \"monthly\", \"cutoff_day\": 20 },"
  "  \"sections\": [ { \"id\": \"fig\", \"number\": \"1.\", \"title\": \"Số liệu\", \"kind\": \"figures\", \"figures\": ["
  "    { \"id\": \"activated\", \"label\": \"Tài khoản kích hoạt\", \"denominator\": \"tài khoản đăng ký\" },"
  "    { \"id\": \"collected\", \"label\": \"Hồ sơ thu nhận\", \"denominator\": \"chỉ tiêu giao\", \"may_exceed\": true },"
  "    { \"id\": \"digitised\", \"label\": \"Hồ sơ số hóa\", \"denominator\": \"hồ sơ tiếp nhận\" } ] } ],"
  "  \"rules\": [ { \"id\": \"digitised_le_den\", \"left\": \"digitised\", \"op\": \"<=\", \"right\": \" digitised.den\","
  "    \"severity\": \"error\", \"message\": \"Số hồ sơ số hóa lớn hơn số hồ sơ tiếp nhận\" } ],"
  "  \"tables\": [ { \"id\": \"t\", \"title\": \"Phụ lục I\","
  "    \"rows\": [ { \"number\": \"1\", \"label\": \"Cấp xã\" }, { \"number\": \"2\", \"label\": \"Cấp huyện\" } ],"
  "    \"columns\": ["
  "      { \"id\": \"total\", \"label\": \"Tổng số\", \"type\": \"integer\", \"role\": \"total\" },"
  "      { \"id\": \"online\", \"label\": \"Trực tuyến\", \"type\": \"integer\", \"role\": \"online\" },"
  "      { \"id\": \"rate\", \"label\": \"Tỷ lệ\", \"type\": \"computed\", \"numerator\": \"online\", \"denominator\": \"total\" },"
  "      { \"id\": \"paid\", \"label\": \"Thanh toán\", \"type\": \"integer\" },"
  "      { \"id\": \"paid_rate\", \"label\": \"Tỷ lệ thanh toán\", \"type\": \"computed\", \"numerator\": \"paid\", \"denominator\": \"online\" },"
  "      { \"id\": \"plan\", \"label\": \"Kế hoạch\", \"type\": \"integer\" },"
  "      { \"id\": \"plan_rate\", \"label\": \"So với kế hoạch\", \"type\": \"computed\", \"numerator\": \"online\", \"denominator\": \"plan\", \"may_exceed\": true } ] } ] }";

static void
test_over_100 (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BcTemplate) template = load_template (over_template);
  g_autoptr(BcReport) report = create (f, template, "2024-04-21", "2024-05-20");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const prefixes[] = { "figure.", "table.", NULL };
  BcEdit edits[] = {
    { "fig/activated", "50" }, { "fig/activated/den", "40" },
    { "fig/collected", "1047545" }, { "fig/collected/den", "615198" },
    { "fig/digitised", "316" }, { "fig/digitised/den", "313" },
    { "tbl/t/1/total", "100" }, { "tbl/t/1/online", "80" }, { "tbl/t/1/paid", "81" }, { "tbl/t/1/plan", "60" },
    { "tbl/t/2/total", "100" }, { "tbl/t/2/online", "80" }, { "tbl/t/2/paid", "80" }, { "tbl/t/2/plan", "60" },
  };
  static const Expected expected[] = {
    { "figure.over_100", "fig/activated",
      "Tài khoản kích hoạt 50 lớn hơn tài khoản đăng ký 40 (125,00%): tỷ lệ này không vượt quá 100%" },
    { "table.ratio_over_100", "tbl/t/1/paid",
      "Phụ lục I, dòng 1: thanh toán 81 lớn hơn trực tuyến 80 (101,25%): tỷ lệ này không vượt quá 100%" },
  };

  bc_store_apply (f->store, report, edits, G_N_ELEMENTS (edits), &error);
  g_assert_no_error (error);
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, expected, G_N_ELEMENTS (expected));
  /* The template's own rule says it once for "digitised". */
  g_assert_nonnull (find (findings, "rule.digitised_le_den", "fig/digitised"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Equal is 100%, right; the online > total of a row is its own finding. */
  set (f, report, "fig/activated", "40");
  set (f, report, "tbl/t/1/paid", "80");
  set (f, report, "tbl/t/2/online", "120");
  set (f, report, "tbl/t/2/paid", "100");
  findings = bc_check_report (report, NULL);
  g_assert_null (find (findings, "figure.over_100", "fig/activated"));
  g_assert_null (find (findings, "table.ratio_over_100", "tbl/t/1/paid"));
  g_assert_null (find (findings, "table.ratio_over_100", "tbl/t/2/online"));
  g_assert_nonnull (find (findings, "table.online_le_total", "tbl/t/2/online"));
}

/* Issue 17, class 4, both ways: which key figures and computed columns
 * may pass 100% is the template's word (over_template). */
static const struct
{
  const char *key;
  const char *value;
  const char *den_key;
  const char *den;
  const char *rule;       /* NULL: silent */
  const char *message;
} over_cases[] = {
  /* a share of a whole: above it is a typo */
  { "fig/activated", "50", "fig/activated/den", "40", "figure.over_100",
    "Tài khoản kích hoạt 50 lớn hơn tài khoản đăng ký 40 (125,00%): tỷ lệ này không vượt quá 100%" },
  { "fig/activated", "615199", "fig/activated/den", "615198", "figure.over_100",
    "Tài khoản kích hoạt 615.199 lớn hơn tài khoản đăng ký 615.198 (100,00%): tỷ lệ này không vượt quá 100%" },
  { "fig/activated", "40", "fig/activated/den", "40", NULL, NULL },
  { "fig/activated", "39", "fig/activated/den", "40", NULL, NULL },
  { "fig/activated", "0", "fig/activated/den", "0", NULL, NULL },
  { "fig/activated", "5", "fig/activated/den", "0", NULL, NULL },          /* no whole to compare with */
  { "fig/activated", "50", "fig/activated/den", "", NULL, NULL },          /* not filled in yet */
  /* a target (may_exceed): 170% of it is right */
  { "fig/collected", "1047545", "fig/collected/den", "615198", NULL, NULL },
  { "fig/collected", "200", "fig/collected/den", "100", NULL, NULL },
  /* a table's share of a column that is not the total */
  { "tbl/t/1/paid", "81", "tbl/t/1/online", "80", "table.ratio_over_100",
    "Phụ lục I, dòng 1: thanh toán 81 lớn hơn trực tuyến 80 (101,25%): tỷ lệ này không vượt quá 100%" },
  { "tbl/t/1/paid", "80", "tbl/t/1/online", "80", NULL, NULL },
  { "tbl/t/1/paid", "0", "tbl/t/1/online", "0", NULL, NULL },
  /* online against the plan (may_exceed) */
  { "tbl/t/2/online", "90", "tbl/t/2/plan", "60", NULL, NULL },
};

static void
test_over_100_cases (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BcTemplate) template = load_template (over_template);
  g_autoptr(BcReport) report = create (f, template, "2024-04-21", "2024-05-20");
  guint caught = 0, silent = 0;

  set (f, report, "tbl/t/1/total", "100");
  set (f, report, "tbl/t/1/online", "80");
  set (f, report, "tbl/t/2/total", "100");
  set (f, report, "tbl/t/2/paid", "0");
  for (guint i = 0; i < G_N_ELEMENTS (over_cases); i++)
    {
      g_autoptr(GPtrArray) findings = NULL;
      BcFinding *finding;

      g_test_message ("%s = %s, %s = %s", over_cases[i].key, over_cases[i].value, over_cases[i].den_key,
                      over_cases[i].den);
      set (f, report, over_cases[i].key, over_cases[i].value);
      set (f, report, over_cases[i].den_key, over_cases[i].den);
      findings = bc_check_report (report, NULL);
      finding = find (findings, over_cases[i].rule ? over_cases[i].rule : "figure.over_100", over_cases[i].key);
      if (finding == NULL)
        finding = find (findings, "table.ratio_over_100", over_cases[i].key);
      if (over_cases[i].rule == NULL)
        {
          g_assert_null (finding);
          silent++;
          continue;
        }
      g_assert_nonnull (finding);
      g_assert_cmpstr (bc_finding_get_rule (finding), ==, over_cases[i].rule);
      g_assert_cmpint (bc_finding_get_severity (finding), ==, BC_SEVERITY_WARNING);
      g_assert_cmpstr (bc_finding_get_message (finding), ==, over_cases[i].message);
      caught++;
    }
  g_test_message ("class 4: %u caught, %u silent", caught, silent);
}

/* Issue 17, class 6, both ways: the summary of a June 2024 report
 * (21/05/2024–20/06/2024) names June 2024, wherever else it looks. */
static const struct
{
  const char *summary;
  const char *span;      /* NULL: silent */
  const char *message;
} summary_cases[] = {
  { "Kết quả triển khai Đề án 06 trên địa bàn tỉnh tháng 06 năm 2024", NULL, NULL },
  { "Kết quả tháng 6/2024", NULL, NULL },
  { "Kết quả tháng 06 năm 2024 và phương hướng, nhiệm vụ tháng 7 năm 2024", NULL, NULL },
  { "Báo cáo kết quả thực hiện Đề án 06 tháng 6 năm 2024 và nhiệm vụ trọng tâm tháng 07/2024", NULL, NULL },
  { "Kết quả triển khai Đề án 06", NULL, NULL },
  { "Kết quả triển khai Nghị định số 59/2022/NĐ-CP tháng 06/2024", NULL, NULL },
  { "Kết quả thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 trong tháng 6/2024", NULL, NULL },
  { "Kết quả tháng 06 năm 2024 (từ ngày 21/5/2024 đến ngày 20/6/2024)", NULL, NULL },
  { "Kết quả 6 tháng đầu năm 2024 của Tổ công tác Đề án 06", NULL, NULL },
  /* last month's title carried over */
  { "Kết quả triển khai Đề án 06 trên địa bàn tỉnh tháng 05 năm 2024", "tháng 05 năm 2024",
    "Ghi “tháng 05/2024” nhưng báo cáo là của tháng 06/2024 (kỳ 21/05/2024–20/06/2024)" },
  { "Kết quả tháng 6/2023", "tháng 6/2023",
    "Ghi “tháng 06/2023” nhưng báo cáo là của tháng 06/2024 (kỳ 21/05/2024–20/06/2024)" },
  { "Kết quả tháng 07/2024 và phương hướng tháng 08/2024", "tháng 07/2024",
    "Ghi “tháng 07/2024” nhưng báo cáo là của tháng 06/2024 (kỳ 21/05/2024–20/06/2024)" },
};

static void
test_summary_month_cases (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BcTemplate) template = bc_test_load_template ("province-monthly");
  g_autoptr(BcReport) report = create (f, template, "2024-05-21", "2024-06-20");
  guint caught = 0, silent = 0;

  set (f, report, "header/date", "2024-06-24");
  for (guint i = 0; i < G_N_ELEMENTS (summary_cases); i++)
    {
      g_autoptr(GPtrArray) findings = NULL;
      g_autofree char *span = NULL;
      BcFinding *finding;

      g_test_message ("“%s”", summary_cases[i].summary);
      set (f, report, "header/summary", summary_cases[i].summary);
      findings = bc_check_report (report, NULL);
      finding = find (findings, "date.title_month", "header/summary");
      if (summary_cases[i].message == NULL)
        {
          g_assert_null (finding);
          silent++;
          continue;
        }
      g_assert_nonnull (finding);
      g_assert_cmpstr (bc_finding_get_message (finding), ==, summary_cases[i].message);
      span = span_text (report, finding);
      g_assert_cmpstr (span, ==, summary_cases[i].span);
      caught++;
    }
  g_test_message ("class 6: %u caught, %u silent", caught, silent);
}

/* A year's report (Decree 09/2019: 15/12 – 14/12) is signed in its last
 * month, before the window closes: neither the date nor the length of the
 * period is a finding; a date before that month still is, and a new annual
 * report asks for no appendix. */
static void
test_annual_period (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BcTemplate) template = bc_test_load_template ("district-annual");
  g_autoptr(BcReport) report = create (f, template, "2022-12-15", "2023-12-14");
  g_autoptr(GPtrArray) findings = NULL;

  set (f, report, "header/date", "2023-12-07");
  findings = bc_check_report (report, NULL);
  g_assert_null (find (findings, "date.period_end", "header/date"));
  g_assert_null (find (findings, "date.period_length", "meta/period_to"));
  for (guint i = 0; i < findings->len; i++)
    g_assert_false (g_str_has_prefix (bc_finding_get_location (findings->pdata[i]), "tbl/"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (f, report, "header/date", "2023-11-10");
  findings = bc_check_report (report, NULL);
  g_assert_cmpstr (bc_finding_get_message (find (findings, "date.period_end", "header/date")), ==,
                   "Kỳ báo cáo kết thúc ngày 14/12/2023, sau ngày báo cáo 10/11/2023");
}

/* Month over month: a cumulative figure may not fall. */
static void
test_trend (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcTemplate) template = bc_test_load_template ("province-monthly");
  g_autoptr(BcReport) april = create (f, template, "2024-03-21", "2024-04-20");
  g_autoptr(BcReport) may = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  static const char * const prefixes[] = { "trend.", NULL };
  static const Expected expected[] = {
    { "trend.cumulative", "fig/vneid_activated",
      "Tài khoản định danh điện tử đã kích hoạt là số lũy kế nhưng giảm từ 680.000 (kỳ trước) xuống 671.290" },
  };

  set (f, april, "fig/vneid_activated", "680000");
  set (f, april, "fig/cccd_dossiers", "6000");          /* counted for the month: may fall */
  set (f, april, "fig/cccd_issued", "1400000");
  may = bc_store_duplicate_next (f->store, april, NULL, &error);
  g_assert_no_error (error);
  set (f, may, "fig/vneid_activated", "671290");
  set (f, may, "fig/cccd_dossiers", "5669");
  set (f, may, "fig/cccd_issued", "1423866");
  set (f, may, "fig/asm_facilities", "6697");           /* no value last month */

  findings = bc_check_report (may, april);
  assert_findings (findings, prefixes, expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (bc_finding_get_group (findings->pdata[0]), !=, "fig");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = bc_check_report (may, NULL);
  assert_findings (findings, prefixes, NULL, 0);
}

/* The next period's report starts with the last one's paragraphs: one
 * left word for word still says last period's numbers, and says which,
 * until the clerk rewrites it (trial item 3).  The numbers its references
 * print are this period's; numbers that name are no counts. */
static void
test_carried_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcTemplate) template = bc_test_load_template ("district-monthly");
  g_autoptr(BcReport) october = create (f, template, "2026-10-15", "2026-11-14");
  g_autoptr(BcReport) november = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) alone = NULL;
  g_autoptr(GPtrArray) edited = NULL;
  static const char * const prefixes[] = { "narrative.carried", NULL };
  static const Expected expected[] = {
    { "narrative.carried", "sec/communication/p1/text",
      "Đoạn văn giữ nguyên từ kỳ trước, còn số liệu kỳ trước: 1.245, 3.800, 95,5%" },
    { "narrative.carried", "sec/digital_citizen/q1/text",
      "Đoạn văn giữ nguyên từ kỳ trước, còn số liệu kỳ trước: 12" },
  };

  set (f, october, "sec/communication/order", "p1,p2");
  set (f, october, "sec/communication/p1/text",
       "Trong tháng, Công an huyện đã thu nhận 1.245 hồ sơ cấp CCCD, kích hoạt thành công 3.800 tài khoản "
       "định danh điện tử mức 2, đạt 95,5% kế hoạch.");
  set (f, october, "sec/communication/p2/text",
       "Tiếp tục triển khai Đề án 06 theo Kế hoạch số 120/KH-UBND và Quyết định 422/QĐ-TTg năm 2026.");
  set (f, october, "sec/digital_citizen/order", "q1");
  set (f, october, "sec/digital_citizen/q1/text", "Kích hoạt {{fig/vneid_activated}} tài khoản, có 12 tài khoản mới.");
  set (f, october, "fig/vneid_activated", "3762");
  november = bc_store_duplicate_next (f->store, october, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get (november, "sec/communication/p1/text"), ==,
                   bc_report_get (october, "sec/communication/p1/text"));
  set (f, november, "fig/vneid_activated", "4105");

  findings = bc_check_report (november, october);
  assert_findings (findings, prefixes, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (bc_finding_get_severity (findings->pdata[0]), ==, BC_SEVERITY_WARNING);
  /* Without the report it came from there is nothing to compare. */
  alone = bc_check_report (november, NULL);
  assert_findings (alone, prefixes, NULL, 0);
  /* Rewritten, it is this period's. */
  set (f, november, "sec/communication/p1/text", "Trong tháng, Công an huyện đã thu nhận 1.310 hồ sơ cấp CCCD.");
  edited = bc_check_report (november, october);
  assert_findings (edited, prefixes, expected + 1, 1);
}

/* A new report: every required field and section, every applicable row. */
static void
test_completeness (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BcTemplate) template = bc_test_load_template ("district-monthly");
  g_autoptr(BcReport) report = create (f, template, "2024-05-15", "2024-06-14");
  g_autoptr(GPtrArray) findings = bc_check_report (report, NULL);
  g_autoptr(GPtrArray) after = NULL;
  guint header = 0, sections = 0, rows = 0;

  dump (findings);
  for (guint i = 0; i < findings->len; i++)
    {
      const char *rule = bc_finding_get_rule (findings->pdata[i]);
      header += g_str_equal (rule, "complete.header");
      sections += g_str_equal (rule, "complete.section");
      rows += g_str_equal (rule, "complete.row");
      g_assert_true (g_str_has_prefix (rule, "complete."));
      g_assert_cmpint (bc_finding_get_severity (findings->pdata[i]), ==, BC_SEVERITY_WARNING);
    }
  /* The number, and the signer's name, which a template leaves to the
   * office profile; the template and the day give the rest. */
  g_assert_cmpuint (header, ==, 2);
  g_assert_cmpuint (sections, ==, 7);        /* the required sections of district-monthly */
  g_assert_cmpuint (rows, ==, 16);           /* its 15 + 1 applicable rows */
  g_assert_nonnull (find (findings, "complete.header", "header/number"));
  g_assert_nonnull (find (findings, "complete.header", "header/signer_name"));
  g_assert_cmpstr (bc_finding_get_message (find (findings, "complete.section", "sec/communication")), ==,
                   "Mục 1. Kết quả công tác tuyên truyền chưa có nội dung");
  g_assert_cmpstr (bc_finding_get_message (find (findings, "complete.section", "sec/admin_services")), ==,
                   "Mục 2.1. Nhóm tiện ích phục vụ giải quyết thủ tục hành chính, cung cấp dịch vụ công trực tuyến "
                   "chưa có nội dung");
  g_assert_cmpstr (bc_finding_get_message (find (findings, "complete.row", "tbl/dvc_district/4/total")), ==,
                   "Phụ lục 01, dòng 4: chưa nhập Tổng số hồ sơ, "
                   "Tiếp nhận hồ sơ trực tuyến");

  set (f, report, "sec/communication/order", "p1");
  set (f, report, "sec/communication/p1/text", "   ");
  set (f, report, "tbl/dvc_district/4/total", "137");
  set (f, report, "header/number", "254");
  after = bc_check_report (report, NULL);
  g_assert_nonnull (find (after, "complete.section", "sec/communication"));   /* blank text is empty */
  g_assert_null (find (after, "complete.header", "header/number"));
  g_assert_cmpstr (bc_finding_get_message (find (after, "complete.row", "tbl/dvc_district/4/online")), ==,
                   "Phụ lục 01, dòng 4: chưa nhập "
                   "Tiếp nhận hồ sơ trực tuyến");
  /* Key figures typed are content, cited by a paragraph or not (the DOCX
   * prints them as lines then). */
  g_assert_nonnull (find (after, "complete.section", "sec/digital_citizen"));
  set (f, report, "fig/vneid_activated", "3762");
  g_clear_pointer (&after, g_ptr_array_unref);
  after = bc_check_report (report, NULL);
  g_assert_null (find (after, "complete.section", "sec/digital_citizen"));
}

/* The signer's title is asked for once, and any line of the signature
 * holds it: the head's, the signer's or the one under the signing space. */
static void
test_signer_title (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BcTemplate) template = bc_test_load_template ("district-monthly");
  g_autoptr(BcReport) report = create (f, template, "2024-05-15", "2024-06-14");
  const char *lines[] = { "header/signer_title", "header/signer_authority_title", "header/signer_title2" };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    set (f, report, lines[i], "");
  {
    g_autoptr(GPtrArray) findings = bc_check_report (report, NULL);
    g_assert_cmpstr (bc_finding_get_message (find (findings, "complete.header", "header/signer_title")), ==,
                     "Chưa nhập chức vụ người ký");
  }
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(GPtrArray) findings = NULL;

      set (f, report, lines[i], "CHỦ TỊCH UBND THÀNH PHỐ");
      findings = bc_check_report (report, NULL);
      g_assert_null (find (findings, "complete.header", "header/signer_title"));
      set (f, report, lines[i], "");
    }
}

/* An explanation is a report value: it marks the finding, travels in the
 * change log and the interchange JSON, and does not silence anything. */
static void
test_explanations (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = import_sample (f->store, "province-2024-05");
  g_autoptr(GPtrArray) findings = bc_check_report (report, NULL);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) at = NULL;
  g_autoptr(BcStore) other = NULL;
  g_autoptr(BcReport) copy = NULL;
  g_autoptr(GPtrArray) copied = NULL;
  g_autofree char *json = NULL;
  g_autofree char *key = NULL;
  g_autofree char *edited = NULL;
  BcFinding *finding = find (findings, "table.processed_le_online", "tbl/dvc25/22/overdue");
  const char *why = "Đúng hạn gồm 27 hồ sơ từ kỳ trước chuyển qua";

  key = bc_finding_dup_explanation_key (finding);
  g_assert_cmpstr (key, ==, "expl/table.processed_le_online@tbl/dvc25/22/overdue");
  g_assert_false (bc_finding_get_explained (finding));
  set (f, report, key, why);

  again = bc_check_report (report, NULL);
  g_assert_cmpuint (again->len, ==, findings->len);
  finding = find (again, "table.processed_le_online", "tbl/dvc25/22/overdue");
  g_assert_true (bc_finding_get_explained (finding));
  g_assert_cmpstr (bc_finding_get_explanation (finding), ==, why);
  g_assert_cmpuint (bc_check_count (again, BC_SEVERITY_ERROR, TRUE), ==, 7);
  g_assert_cmpuint (bc_check_count (again, BC_SEVERITY_ERROR, FALSE), ==, 6);
  at = bc_check_findings_at (again, "tbl/dvc25/22/overdue");
  g_assert_cmpuint (at->len, ==, 1);
  g_assert_true (at->pdata[0] == finding);

  /* The narrative ids survive an edit elsewhere in the paragraph. */
  key = (g_free (key), bc_finding_dup_explanation_key (find (again, "narrative.ratio", "sec/digital_citizen/p2/text")));
  set (f, report, key, "Số liệu theo Bộ Công an");
  edited = g_strconcat ("Theo chỉ tiêu mới: ", bc_report_get (report, "sec/digital_citizen/p2/text"), NULL);
  set (f, report, "sec/digital_citizen/p2/text", edited);
  g_clear_pointer (&again, g_ptr_array_unref);
  again = bc_check_report (report, NULL);
  g_assert_true (bc_finding_get_explained (find (again, "narrative.ratio", "sec/digital_citizen/p2/text")));

  json = bc_store_export_json (f->store, bc_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"expl/table.processed_le_online@tbl/dvc25/22/overdue\""));
  other = bc_test_open_store (f->dir, "other.db");
  copy = bc_store_open_report (other, bc_store_import_json (other, json, -1, &error), &error);
  g_assert_no_error (error);
  copied = bc_check_report (copy, NULL);
  g_assert_cmpuint (bc_check_count (copied, BC_SEVERITY_ERROR, FALSE), ==, 5);

  /* Keys that are no explanation. */
  g_assert_false (bc_report_validate_value (report, "expl/", "x", &error));
  g_assert_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (bc_report_validate_value (report, "expl/a\nb", "x", &error));
  g_clear_error (&error);
  g_assert_true (bc_report_validate_value (report, "expl/rule.x@tbl/a/b/c#1:2", "x", &error));
  g_assert_no_error (error);
}

/* "baocao check", headless. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static Result
run (Fixture            *f,
     const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *library = g_build_filename (f->dir, "cli.db", NULL);
  Result r = { 0 };
  int wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("BAOCAO_BIN"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  env = g_environ_setenv (env, "BAOCAO_LIBRARY", library, TRUE);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LC_ALL", "C", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *province = sample_path ("province-2024-05");
  g_autofree char *district = sample_path ("district-2024-06");
  g_autofree char *explained = g_build_filename (f->dir, "explained.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *json = NULL;
  JsonObject *root;
  JsonObject *first;
  Result r;

  r = run (f, (const char *[]) { "check", province, NULL });
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.out, "tbl/dvc25/18/overdue"));
  g_assert_nonnull (strstr (r.out, "Tỷ lệ ghi 108,3% nhưng 671.290 / 615.198 = 109,12%"));
  result_clear (&r);

  r = run (f, (const char *[]) { "check", "--json", province, NULL });
  g_assert_cmpint (r.status, ==, 2);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "errors"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (root, "warnings"), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "findings")), ==, 10);
  /* The offset is in the stored text, where the figures are cited. */
  first = json_array_get_object_element (json_object_get_array_member (root, "findings"), 2);
  g_assert_cmpstr (json_object_get_string_member (first, "rule"), ==, "narrative.ratio");
  g_assert_cmpstr (json_object_get_string_member (first, "severity"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (first, "location"), ==, "sec/digital_citizen/p2/text");
  g_assert_cmpint (json_object_get_int_member (first, "offset"), ==, 296);
  g_assert_true (json_object_get_null_member (first, "explanation"));
  result_clear (&r);

  r = run (f, (const char *[]) { "check", district, NULL });
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);

  /* Every warning explained: nothing left to report. */
  report = import_sample (f->store, "district-2024-06");
  findings = bc_check_report (report, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      g_autofree char *key = bc_finding_dup_explanation_key (findings->pdata[i]);
      set (f, report, key, "Đã kiểm tra lại");
    }
  json = bc_store_export_json (f->store, bc_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (explained, json, -1, &error));
  r = run (f, (const char *[]) { "check", explained, NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Đã kiểm tra lại"));
  result_clear (&r);

  /* By id, from the library. */
  r = run (f, (const char *[]) { "import-json", province, NULL });
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  r = run (f, (const char *[]) { "check", "1", NULL });
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);

  {
    struct { const char *args[4]; int status; } cases[] = {
      { { "check", NULL }, BC_CLI_USAGE },
      { { "check", "abc", NULL }, BC_CLI_USAGE },
      { { "check", "1", "2", NULL }, BC_CLI_USAGE },
      { { "check", "--nosuch", "1", NULL }, BC_CLI_USAGE },
      { { "check", "42", NULL }, BC_CLI_FAILED },
      { { "check", "/nonexistent.json", NULL }, BC_CLI_FAILED },
    };
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        r = run (f, cases[i].args);
        g_assert_cmpint (r.status, ==, cases[i].status);
        g_assert_true (g_str_has_prefix (r.err, "baocao: "));
        result_clear (&r);
      }
  }
}

/* The parts of @template in the order the report prints them: the
 * header (""), the sections depth first, the appendices. */
static void
list_parts (GPtrArray *sections,
            GPtrArray *parts)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const BcSection *section = sections->pdata[i];

      g_ptr_array_add (parts, g_strconcat ("sec/", section->id, NULL));
      list_parts (section->children, parts);
    }
}

static guint
part_index (BcTemplate *template,
            GPtrArray  *parts,
            const char *location)
{
  g_auto(GStrv) split = g_strsplit (location, "/", 3);
  const BcSection *section = NULL;
  g_autofree char *part = NULL;
  guint index = 0;

  if (split[0] != NULL && split[1] != NULL && g_str_equal (split[0], "fig")
      && bc_template_find_figure (template, split[1], &section))
    part = g_strconcat ("sec/", section->id, NULL);
  else if (split[0] != NULL && split[1] != NULL)
    part = g_strconcat (split[0], "/", split[1], NULL);
  if (part == NULL || !g_ptr_array_find_with_equal_func (parts, part, g_str_equal, &index))
    return 0;
  return index + 1;
}

/* The findings of @report come in the order of the report. */
static void
check_report_order (BcReport   *report,
                    const char *sample)
{
  BcTemplate *template = bc_report_get_template (report);
  g_autoptr(GPtrArray) findings = bc_check_report (report, NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *tables = bc_template_get_tables (template);
  guint last = 0;

  list_parts (bc_template_get_sections (template), parts);
  for (guint i = 0; i < tables->len; i++)
    g_ptr_array_add (parts, g_strconcat ("tbl/", ((BcTableDef *) tables->pdata[i])->id, NULL));
  g_assert_cmpuint (findings->len, >, 1);
  for (guint i = 0; i < findings->len; i++)
    {
      const char *location = bc_finding_get_location (findings->pdata[i]);
      guint part = part_index (template, parts, location);

      if (part < last)
        g_error ("%s: %s comes after a finding further down the report", sample, location);
      last = part;
    }
}

/* A total split over "+" paragraphs and a heading's count of the items
 * under it: the paragraphs' levels are their bullets.  The finding points
 * at the total's characters, is explained like any other, and
 * `baocao check` prints it. */
static void
test_paragraph_groups (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BcTemplate) template = bc_test_load_template ("province-monthly");
  g_autoptr(BcReport) report = create (f, template, "2024-04-21", "2024-05-20");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *span = NULL;
  g_autofree char *key = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (f->dir, "groups.json", NULL);
  static const char * const prefixes[] = { "narrative.", NULL };
  BcEdit edits[] = {
    { "sec/ecosystem/order", "p1,p2,p3,p4,p5,p6" },
    { "sec/ecosystem/p1/level", "1" },
    { "sec/ecosystem/p1/text", "Thành phố tiếp nhận trực tuyến 12.000/15.000 hồ sơ của 53 dịch vụ công thiết yếu. Trong đó:" },
    { "sec/ecosystem/p2/level", "2" },
    { "sec/ecosystem/p2/text", "25 dịch vụ công thiết yếu theo Đề án 06: tiếp nhận trực tuyến 7.000/9.000 hồ sơ." },
    { "sec/ecosystem/p3/level", "2" },
    { "sec/ecosystem/p3/text",
      "28 dịch vụ công thiết yếu theo Quyết định 422/QĐ-TTg: tiếp nhận trực tuyến 5.100/6.000 hồ sơ." },
    { "sec/ecosystem/p4/level", "0" },
    { "sec/ecosystem/p4/text", "(2) Nhóm tiện ích phát triển kinh tế - xã hội (bao gồm 03 mô hình)" },
    { "sec/ecosystem/p5/level", "2" },
    { "sec/ecosystem/p5/text", "Mô hình 3: Khám chữa bệnh sử dụng thẻ Căn cước công dân." },
    { "sec/ecosystem/p6/level", "2" },
    { "sec/ecosystem/p6/text", "Mô hình 4: Triển khai tại các điểm chứng thực." },
  };
  static const Expected expected[] = {
    { "narrative.breakdown", "sec/ecosystem/p1/text", "Tổng số ghi 12.000 nhưng 7.000 + 5.100 = 12.100" },
    { "narrative.count", "sec/ecosystem/p4/text", "Ghi “gồm 03 mô hình” nhưng liệt kê 2" },
  };
  BcFinding *finding;
  Result r;

  bc_store_apply (f->store, report, edits, G_N_ELEMENTS (edits), &error);
  g_assert_no_error (error);
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, expected, G_N_ELEMENTS (expected));
  finding = find (findings, "narrative.breakdown", "sec/ecosystem/p1/text");
  g_assert_cmpint (bc_finding_get_severity (finding), ==, BC_SEVERITY_WARNING);
  span = span_text (report, finding);
  g_assert_cmpstr (span, ==, "12.000/15.000 hồ sơ của 53 dịch vụ công thiết yếu. Trong đó:");

  /* Explained like any other finding. */
  key = bc_finding_dup_explanation_key (finding);
  set (f, report, key, "Số liệu 100 hồ sơ cấp huyện chuyển kỳ sau");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = bc_check_report (report, NULL);
  g_assert_true (bc_finding_get_explained (find (findings, "narrative.breakdown", "sec/ecosystem/p1/text")));

  /* Printed by `baocao check`. */
  json = bc_store_export_json (f->store, bc_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  r = run (f, (const char *[]) { "check", path, NULL });
  g_assert_nonnull (strstr (r.out, "Ghi “gồm 03 mô hình” nhưng liệt kê 2"));
  g_assert_nonnull (strstr (r.out, "Tổng số ghi 12.000 nhưng 7.000 + 5.100 = 12.100"));
  result_clear (&r);

  /* Plain paragraphs are no groups, and no items. */
  set (f, report, "sec/ecosystem/p2/level", "0");
  set (f, report, "sec/ecosystem/p5/level", "0");
  set (f, report, "sec/ecosystem/p5/text", "Khám chữa bệnh sử dụng thẻ Căn cước công dân.");
  set (f, report, "sec/ecosystem/p6/level", "0");
  set (f, report, "sec/ecosystem/p6/text", "Triển khai tại các điểm chứng thực.");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = bc_check_report (report, NULL);
  assert_findings (findings, prefixes, NULL, 0);
}

/* The findings come in the order of the report, whatever the order the
 * checks ran in: a reader goes from the top, part by part. */
static void
test_report_order (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const samples[] = { "province-2024-05", "district-2024-06", "annual-plan-2024" };

  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autoptr(BcReport) report = import_sample (f->store, samples[s]);

      /* A template rule over the key figures of 2.3, checked after the
       * text of 2.4 (seed 001 with one level's figure mistyped). */
      if (g_str_equal (samples[s], "district-2024-06"))
        set (f, report, "fig/vneid_activated_l1", "96");
      check_report_order (report, samples[s]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bc/checker/samples/province", test_province_sample);
  ADD ("/bc/checker/samples/district", test_district_sample);
  ADD ("/bc/checker/samples/plan", test_plan_sample);
  ADD ("/bc/checker/text/citation", test_citation);
  ADD ("/bc/checker/tables/stated-ratios", test_stated_ratios);
  ADD ("/bc/checker/tables/rules", test_table_rules);
  ADD ("/bc/checker/tables/totals-row", test_totals_row);
  ADD ("/bc/checker/tables/seed001", test_seed001_appendix);
  ADD ("/bc/checker/rules/template", test_template_rules);
  ADD ("/bc/checker/duplicates/breakdown", test_duplicate_breakdown);
  ADD ("/bc/checker/duplicates/graver", test_duplicate_graver);
  ADD ("/bc/checker/duplicates/table-rule", test_duplicate_table_rule);
  ADD ("/bc/checker/duplicates/not-explained", test_table_rule_not_explained);
  ADD ("/bc/checker/dates", test_dates);
  ADD ("/bc/checker/ratios/over-100", test_over_100);
  ADD ("/bc/checker/dates/legal-basis-and-title", test_legal_basis_and_title);
  ADD ("/bc/checker/ratios/over-100/cases", test_over_100_cases);
  ADD ("/bc/checker/dates/summary-month/cases", test_summary_month_cases);
  ADD ("/bc/checker/dates/new-report-date", test_new_report_date);
  ADD ("/bc/checker/dates/annual", test_annual_period);
  ADD ("/bc/checker/trend", test_trend);
  ADD ("/bc/checker/completeness", test_completeness);
  ADD ("/bc/checker/text/carried", test_carried_text);
  ADD ("/bc/checker/signer-title", test_signer_title);
  ADD ("/bc/checker/explanations", test_explanations);
  ADD ("/bc/checker/cli", test_cli);
  ADD ("/bc/checker/text/paragraph-groups", test_paragraph_groups);
  ADD ("/bc/checker/report-order", test_report_order);
#undef ADD
  g_test_add_func ("/bc/checker/rules/unknown-field", test_unknown_field);

  return g_test_run ();
}
