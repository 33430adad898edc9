/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>
#include <string.h>

#include "bc-limits.h"
#include "bc-office.h"
#include "bc-report.h"
#include "bc-store.h"
#include "bc-test-utils.h"
#include "bc-text-utils.h"

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

static BcOffice *
ninh_hai (void)
{
  g_autoptr(GError) error = NULL;
  BcOffice *office = bc_office_new ("Ninh Hải", "huyện", &error);

  g_assert_no_error (error);
  g_assert_true (bc_office_set (office, "supervising_body", "UBND HUYỆN NINH HẢI", NULL));
  g_assert_true (bc_office_set (office, "issuing_body", "TỔ CÔNG TÁC ĐỀ ÁN 06", NULL));
  g_assert_true (bc_office_set (office, "symbol_report", "BC-UBND", NULL));
  g_assert_true (bc_office_set (office, "symbol_plan", "KH-UBND", NULL));
  g_assert_true (bc_office_set (office, "signer_authority", "TM.", NULL));
  g_assert_true (bc_office_set (office, "signer_body", "TỔ CÔNG TÁC ĐỀ ÁN 06", NULL));
  g_assert_true (bc_office_set (office, "signer_authority_title", "TỔ TRƯỞNG", NULL));
  g_assert_true (bc_office_set (office, "signer_title2", "CHỦ TỊCH UBND HUYỆN", NULL));
  g_assert_true (bc_office_set (office, "signer_title", "CHỦ TỊCH UBND HUYỆN", NULL));
  g_assert_true (bc_office_set (office, "signer_name", "Trần Văn An", NULL));
  g_assert_true (bc_office_set (office, "cc", "  Như trên;\n\nLưu: VT, UBND.  \n", NULL));
  return office;
}

static void
test_fields (void)
{
  g_autoptr(BcOffice) office = ninh_hai ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = bc_office_dup_unit_name (office);
  g_autofree char *too_long = g_strnfill (BC_LIMIT_LINE_LENGTH + 1, 'a');
  g_autofree char *longest = g_strnfill (BC_LIMIT_LINE_LENGTH, 'a');
  const char *rest = NULL;

  g_assert_cmpstr (name, ==, "Huyện Ninh Hải");
  /* A list is kept one entry a line, trimmed, without blank lines. */
  g_assert_cmpstr (bc_office_get (office, "cc"), ==, "Như trên;\nLưu: VT, UBND.");
  g_assert_cmpstr (bc_office_get (office, "place"), ==, "");

  g_assert_false (bc_office_set (office, "signer_name", "Trần\nVăn An", &error));
  g_assert_error (error, BC_OFFICE_ERROR, BC_OFFICE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "one line"));
  g_clear_error (&error);
  g_assert_false (bc_office_set (office, "place", "Ninh\x01Hải", &error));
  g_assert_error (error, BC_OFFICE_ERROR, BC_OFFICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bc_office_set (office, "cc", "Như trên\x1b", &error));
  g_assert_error (error, BC_OFFICE_ERROR, BC_OFFICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bc_office_set (office, "place", too_long, &error));
  g_assert_error (error, BC_OFFICE_ERROR, BC_OFFICE_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_true (bc_office_set (office, "place", longest, &error));
  g_assert_false (bc_office_set (office, "unit_kind", "làng", &error));
  g_assert_error (error, BC_OFFICE_ERROR, BC_OFFICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bc_office_set (office, "signer_authority", "XX.", &error));
  g_assert_error (error, BC_OFFICE_ERROR, BC_OFFICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bc_office_set (office, "mayor", "x", &error));
  g_assert_error (error, BC_OFFICE_ERROR, BC_OFFICE_ERROR_NO_FIELD);
  g_clear_error (&error);
  /* A value refused leaves the old one. */
  g_assert_cmpstr (bc_office_get (office, "signer_name"), ==, "Trần Văn An");

  g_assert_null (bc_office_new ("", "huyện", &error));
  g_assert_error (error, BC_OFFICE_ERROR, BC_OFFICE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpstr (bc_office_kind_from_name ("Thành phố Phan Rang", &rest), ==, "thành phố");
  g_assert_cmpstr (rest, ==, "Phan Rang");
  g_assert_cmpstr (bc_office_kind_from_name ("HUYỆN Ninh Hải", &rest), ==, "huyện");
  g_assert_cmpstr (rest, ==, "Ninh Hải");
  g_assert_null (bc_office_kind_from_name ("Huyệnninh", NULL));
  g_assert_null (bc_office_kind_from_name ("Huyện", NULL));
}

static void
test_expand (void)
{
  g_autoptr(BcOffice) office = ninh_hai ();
  g_autofree char *text = bc_template_expand ("UBND {UNIT_KIND} {UNIT}: trên địa bàn {unit_kind} {unit}, "
                                              "{place}, tháng {month} năm {year} ({period}) {other}",
                                              office, "2024-05-15", "2024-06-14");
  g_autofree char *bare = bc_template_expand ("{unit} {month}", NULL, NULL, NULL);

  g_assert_cmpstr (text, ==, "UBND HUYỆN NINH HẢI: trên địa bàn huyện Ninh Hải, Ninh Hải, tháng 06 năm 2024"
                             " (từ 15/05/2024 đến 14/06/2024) {other}");
  g_assert_cmpstr (bare, ==, "{unit} {month}");
}

static void
test_store_crud (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcOffice) office = ninh_hai ();
  g_autoptr(BcOffice) police = ninh_hai ();
  g_autoptr(BcOffice) other = bc_office_new ("An Phước", "xã", NULL);
  g_autoptr(BcOffice) read = NULL;
  g_autoptr(BcOffice) found = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_true (bc_store_add_office (f->store, office, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bc_office_get_id (office), >, 0);
  g_assert_true (bc_store_add_office (f->store, other, &error));
  g_assert_false (bc_store_add_office (f->store, other, &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  read = bc_store_get_office (f->store, bc_office_get_id (office), &error);
  g_assert_no_error (error);
  g_assert_true (bc_office_equal (read, office));
  g_assert_cmpstr (bc_office_get_uuid (read), ==, bc_office_get_uuid (office));
  list = bc_store_list_offices (f->store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (bc_office_get (list->pdata[0], "unit"), ==, "An Phước");

  found = bc_store_find_office_for_unit (f->store, " huyện ninh hải ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (bc_office_get_id (found), ==, bc_office_get_id (office));
  g_clear_object (&found);
  found = bc_store_find_office_for_unit (f->store, "Ninh Hải", &error);
  g_assert_nonnull (found);
  g_clear_object (&found);
  g_assert_null (bc_store_find_office_for_unit (f->store, "Huyện Ninh Sơn", &error));
  g_assert_no_error (error);

  /* A second profile of the same unit: which one is asked. */
  bc_office_set (police, "supervising_body", "CÔNG AN HUYỆN NINH HẢI", NULL);
  g_assert_true (bc_store_add_office (f->store, police, &error));
  g_assert_null (bc_store_find_office_for_unit (f->store, "Huyện Ninh Hải", &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (bc_office_set (read, "signer_name", "Lê Thị Bình", NULL));
  g_assert_true (bc_store_update_office (f->store, read, &error));
  g_clear_object (&found);
  found = bc_store_get_office (f->store, bc_office_get_id (office), &error);
  g_assert_cmpstr (bc_office_get (found, "signer_name"), ==, "Lê Thị Bình");

  g_assert_true (bc_store_delete_office (f->store, bc_office_get_id (police), &error));
  g_assert_no_error (error);
  g_assert_false (bc_store_delete_office (f->store, bc_office_get_id (police), &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bc_store_get_office (f->store, bc_office_get_id (police), &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bc_store_update_office (f->store, police, &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND);
}

static const char *
value (BcReport   *report,
       const char *key)
{
  return bc_report_get (report, key);
}

/* A report takes its header from the profile and keeps it: renaming the
 * unit changes the next period's report, not this one. */
static void
test_create_for_office (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcOffice) office = ninh_hai ();
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcReport) again = NULL;
  g_autoptr(BcReport) next = NULL;
  g_autoptr(BcReport) by_unit = NULL;

  g_assert_true (bc_store_add_office (f->store, office, &error));
  report = bc_store_create_report_for_office (f->store, f->district, office, "2024-05-15", "2024-06-14", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get_unit (report), ==, "Huyện Ninh Hải");
  g_assert_cmpstr (value (report, "meta/office"), ==, bc_office_get_uuid (office));
  g_assert_cmpstr (value (report, "header/supervising_body"), ==, "UBND HUYỆN NINH HẢI");
  g_assert_cmpstr (value (report, "header/symbol"), ==, "BC-UBND");
  g_assert_cmpstr (value (report, "header/place"), ==, "Ninh Hải");
  g_assert_cmpstr (value (report, "header/signer_name"), ==, "Trần Văn An");
  g_assert_cmpstr (value (report, "header/signer_authority"), ==, "TM.");
  g_assert_cmpstr (value (report, "header/signer_body"), ==, "TỔ CÔNG TÁC ĐỀ ÁN 06");
  g_assert_cmpstr (value (report, "header/signer_title2"), ==, "CHỦ TỊCH UBND HUYỆN");
  g_assert_cmpstr (value (report, "header/closing"), ==,
                   "Trên đây là báo cáo kết quả triển khai Đề án 06 tháng 06 năm 2024./.");
  g_assert_cmpstr (value (report, "header/cc"), ==, "Như trên;\nLưu: VT, UBND.");
  g_assert_nonnull (strstr (value (report, "header/summary"), "trên địa bàn huyện Ninh Hải tháng 06 năm 2024"));

  g_assert_true (bc_office_set (office, "unit", "Ninh Hải Mới", NULL));
  g_assert_true (bc_office_set (office, "supervising_body", "UBND HUYỆN NINH HẢI MỚI", NULL));
  g_assert_true (bc_office_set (office, "place", "Khánh Hải", NULL));
  g_assert_true (bc_store_update_office (f->store, office, &error));
  again = bc_store_open_report (f->store, bc_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get_unit (again), ==, "Huyện Ninh Hải");
  g_assert_cmpstr (value (again, "header/supervising_body"), ==, "UBND HUYỆN NINH HẢI");
  g_assert_cmpstr (value (again, "header/place"), ==, "Ninh Hải");

  next = bc_store_duplicate_next (f->store, again, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get_unit (next), ==, "Huyện Ninh Hải Mới");
  g_assert_cmpstr (value (next, "header/supervising_body"), ==, "UBND HUYỆN NINH HẢI MỚI");
  g_assert_cmpstr (value (next, "header/place"), ==, "Khánh Hải");
  g_assert_nonnull (strstr (value (next, "header/summary"), "trên địa bàn huyện Ninh Hải Mới tháng 07 năm 2024"));
  g_assert_cmpstr (value (next, "meta/office"), ==, bc_office_get_uuid (office));

  /* The unit typed in the New Report dialog finds its profile. */
  by_unit = bc_store_create_report (f->store, f->district, "huyện ninh hải mới", "2024-07-15", "2024-08-14", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value (by_unit, "meta/office"), ==, bc_office_get_uuid (office));
  g_assert_cmpstr (value (by_unit, "header/supervising_body"), ==, "UBND HUYỆN NINH HẢI MỚI");

  /* A deleted profile unlinks its reports, which keep their header. */
  g_assert_true (bc_store_delete_office (f->store, bc_office_get_id (office), &error));
  g_clear_object (&again);
  again = bc_store_open_report (f->store, bc_report_get_id (report), &error);
  g_assert_cmpstr (value (again, "meta/office"), ==, "");
  g_assert_cmpstr (value (again, "header/supervising_body"), ==, "UBND HUYỆN NINH HẢI");
}

/* An office that issues its reports in its own name (a police office)
 * signs with its profile's words alone: the district template's TỔ
 * TRƯỞNG and CHỦ TỊCH UBND HUYỆN are titles in the Tổ công tác, not its
 * own. A steering committee (a Ban, like the province template's) and a
 * Tổ công tác with a shorter name still take the template's titles. */
static void
test_own_signature (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcOffice) police = bc_office_new ("Mường Lát", "huyện", &error);
  g_autoptr(BcOffice) committee = bc_office_new ("Kon Tum", "tỉnh", &error);
  g_autoptr(BcOffice) team = bc_office_new ("Bác Ái", "huyện", &error);
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcReport) next = NULL;
  g_autoptr(BcReport) province = NULL;
  g_autoptr(BcReport) district = NULL;

  g_assert_no_error (error);
  g_assert_true (bc_office_set (police, "supervising_body", "CÔNG AN TỈNH THANH HÓA", NULL));
  g_assert_true (bc_office_set (police, "issuing_body", "CÔNG AN HUYỆN MƯỜNG LÁT", NULL));
  g_assert_true (bc_office_set (police, "signer_title", "TRƯỞNG CÔNG AN HUYỆN", NULL));
  g_assert_true (bc_office_set (police, "signer_name", "Lê Văn Cường", NULL));
  g_assert_true (bc_store_add_office (f->store, police, &error));
  report = bc_store_create_report_for_office (f->store, f->district, police, "2024-05-15", "2024-06-14", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value (report, "header/signer_authority_title"), ==, "");
  g_assert_cmpstr (value (report, "header/signer_title2"), ==, "");
  g_assert_cmpstr (value (report, "header/signer_title"), ==, "TRƯỞNG CÔNG AN HUYỆN");
  /* A report made before, with the template's title: the next one drops it. */
  g_assert_true (bc_store_set_value (f->store, report, "header/signer_title2", "CHỦ TỊCH UBND HUYỆN", &error));
  next = bc_store_duplicate_next (f->store, report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value (next, "header/signer_authority_title"), ==, "");
  g_assert_cmpstr (value (next, "header/signer_title2"), ==, "");
  g_assert_cmpstr (value (next, "header/signer_name"), ==, "Lê Văn Cường");

  g_assert_true (bc_office_set (committee, "issuing_body", "BAN CHỈ ĐẠO ĐỀ ÁN 06 TỈNH KON TUM", NULL));
  g_assert_true (bc_store_add_office (f->store, committee, &error));
  province = bc_store_create_report_for_office (f->store, f->province, committee, "2024-04-21", "2024-05-20",
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value (province, "header/signer_authority"), ==, "KT.");
  g_assert_cmpstr (value (province, "header/signer_authority_title"), ==, "TRƯỞNG BAN");

  g_assert_true (bc_office_set (team, "issuing_body", "Tổ công tác Đề án 06", NULL));
  g_assert_true (bc_store_add_office (f->store, team, &error));
  district = bc_store_create_report_for_office (f->store, f->district, team, "2024-05-15", "2024-06-14", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value (district, "header/signer_authority_title"), ==, "TỔ TRƯỞNG");
  g_assert_cmpstr (value (district, "header/signer_title2"), ==, "CHỦ TỊCH UBND HUYỆN");
}

/* Without a profile, the unit's words still replace the placeholders. */
static void
test_create_without_profile (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = bc_store_create_report (f->store, f->province, "Tỉnh Trà Vinh",
                                                       "2024-04-21", "2024-05-20", &error);
  g_autofree char *title = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (value (report, "meta/office"), ==, "");
  g_assert_cmpstr (value (report, "header/supervising_body"), ==, "UBND TỈNH TRÀ VINH");
  g_assert_null (strchr (value (report, "header/summary"), '{'));
  title = bc_report_expand (report, "trên địa bàn {unit_kind} {unit}");
  g_assert_cmpstr (title, ==, "trên địa bàn tỉnh Trà Vinh");
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

/* A library of before profiles opens with none, its reports unlinked,
 * and takes profiles. */
static void
test_migrate (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "library-v3.sql", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v3.db", NULL);
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) june = NULL;
  g_autoptr(BcOffice) office = ninh_hai ();
  g_autoptr(GPtrArray) list = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  exec_sql (path, sql);
  store = bc_store_open (path, &error);
  g_assert_no_error (error);
  list = bc_store_list_offices (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  june = bc_store_open_report (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get (june, "meta/office"), ==, "");
  g_assert_true (bc_store_add_office (store, office, &error));
  g_assert_no_error (error);
}

static BcStore *
other_store (Fixture    *f,
             const char *name)
{
  return bc_test_open_store (f->dir, name);
}

static guint
count_offices (BcStore *store)
{
  g_autoptr(GPtrArray) offices = bc_store_list_offices (store, NULL);
  return offices->len;
}

/* A report's profile travels in its report file: the other library adds
 * it once, or links the report to its own profile of the same office. */
static void
test_file_travel (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcOffice) office = ninh_hai ();
  g_autoptr(BcReport) may = NULL;
  g_autoptr(BcReport) june = NULL;
  g_autoptr(BcReport) read = NULL;
  g_autoptr(BcStore) other = other_store (f, "other.db");
  g_autoptr(BcStore) third = other_store (f, "third.db");
  g_autoptr(BcOffice) copy = NULL;
  g_autoptr(BcOffice) own = ninh_hai ();
  g_autofree char *path = g_build_filename (f->dir, "may.baocao", NULL);
  g_autofree char *path2 = g_build_filename (f->dir, "june.baocao", NULL);
  gint64 id;

  g_assert_true (bc_store_add_office (f->store, office, &error));
  may = bc_store_create_report_for_office (f->store, f->district, office, "2024-04-15", "2024-05-14", &error);
  june = bc_store_create_report_for_office (f->store, f->district, office, "2024-05-15", "2024-06-14", &error);
  g_assert_no_error (error);
  g_assert_true (bc_store_export_file (f->store, bc_report_get_id (may), path, &error));
  g_assert_true (bc_store_export_file (f->store, bc_report_get_id (june), path2, &error));
  g_assert_no_error (error);

  id = bc_store_import_file (other, path, BC_IMPORT_ASK, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_offices (other), ==, 1);
  copy = bc_store_find_office (other, bc_office_get_uuid (office));
  g_assert_nonnull (copy);
  g_assert_true (bc_office_equal (copy, office));
  read = bc_store_open_report (other, id, &error);
  g_assert_cmpstr (bc_report_get (read, "meta/office"), ==, bc_office_get_uuid (office));
  g_assert_cmpint (bc_store_import_file (other, path2, BC_IMPORT_ASK, NULL, &error), >, 0);
  g_assert_cmpuint (count_offices (other), ==, 1);

  /* The same office, made by hand in the third library. */
  g_assert_true (bc_store_add_office (third, own, &error));
  id = bc_store_import_file (third, path, BC_IMPORT_ASK, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_offices (third), ==, 1);
  g_clear_object (&read);
  read = bc_store_open_report (third, id, &error);
  g_assert_cmpstr (bc_report_get (read, "meta/office"), ==, bc_office_get_uuid (own));
}

/* And in interchange JSON; a file without one still opens, and a link to
 * a profile the file does not carry is dropped. */
static void
test_json_travel (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcOffice) office = ninh_hai ();
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcReport) read = NULL;
  g_autoptr(BcStore) other = other_store (f, "other.db");
  g_autoptr(BcStore) bare = other_store (f, "bare.db");
  g_autoptr(BcOffice) copy = NULL;
  g_autofree char *json = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *no_office = NULL;
  char *at;
  gint64 id;

  g_assert_true (bc_store_add_office (f->store, office, &error));
  report = bc_store_create_report_for_office (f->store, f->province, office, "2024-04-21", "2024-05-20", &error);
  json = bc_store_export_json (f->store, bc_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"office\" : {"));
  g_assert_nonnull (strstr (json, "\"unit\" : \"Ninh Hải\""));

  id = bc_store_import_json (other, json, -1, &error);
  g_assert_no_error (error);
  copy = bc_store_find_office (other, bc_office_get_uuid (office));
  g_assert_nonnull (copy);
  g_assert_cmpstr (bc_office_get (copy, "signer_name"), ==, "Trần Văn An");
  read = bc_store_open_report (other, id, &error);
  g_assert_cmpstr (bc_report_get (read, "meta/office"), ==, bc_office_get_uuid (office));

  damaged = g_strdup (json);
  at = strstr (damaged, "\"unit_kind\" : \"huyện\"");
  g_assert_nonnull (at);
  memcpy (at + strlen ("\"unit_kind\" : \""), "làng ", strlen ("làng "));
  g_assert_cmpint (bc_store_import_json (bare, damaged, -1, &error), ==, 0);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_FOREIGN);
  g_assert_nonnull (strstr (error->message, "làng"));
  g_clear_error (&error);

  /* Cut the profile out: the report opens, unlinked. */
  no_office = g_strdup (json);
  at = strstr (no_office, ",\n  \"office\" : {");
  g_assert_nonnull (at);
  strcpy (at, "\n}");
  id = bc_store_import_json (bare, no_office, -1, &error);
  g_assert_no_error (error);
  g_clear_object (&read);
  read = bc_store_open_report (bare, id, &error);
  g_assert_cmpstr (bc_report_get (read, "meta/office"), ==, "");
  g_assert_cmpstr (bc_report_get (read, "header/supervising_body"), ==, "UBND HUYỆN NINH HẢI");
  g_assert_cmpuint (count_offices (bare), ==, 0);
}

/* Units and offices in Vietnamese order, whatever the locale (the tests
 * run in C): Đ after D and before E, ă â after a, ơ after ô after o, the
 * tones only between names of the same letters, then case; the same name
 * composed or decomposed is the same. */
static void
test_collate (void)
{
  static const char * const ordered[] = {
    "Huyện Cư Jút", "Huyện Diên Khánh", "Huyện Đăk Glei", "Huyện Đắk Hà", "Huyện Đông Hà", "Huyện Ea Súp",
    "Huyện Ngọc Hồi", "Huyện Sa Thầy", "Huyện số 7", "Thành phố Kon Tum", "Thị xã Ninh Hòa", NULL
  };
  static const char * const letters[] = { "an", "ăn", "ân", "bo", "bô", "bơ", "du", "dư", "đa", "ma", "mà", "mả",
                                          "mã", "má", "Mạ", "mạ", "mạ a", NULL };
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ordered[i]; i++)
    g_ptr_array_insert (names, (gint) (i * 7 % (names->len + 1)), (gpointer) ordered[i]);
  g_ptr_array_sort (names, bc_text_compare_names);
  for (guint i = 0; ordered[i]; i++)
    g_assert_cmpstr (names->pdata[i], ==, ordered[i]);
  for (guint i = 0; letters[i + 1]; i++)
    {
      g_assert_cmpint (bc_text_collate (letters[i], letters[i + 1]), <, 0);
      g_assert_cmpint (bc_text_collate (letters[i + 1], letters[i]), >, 0);
    }
  g_assert_cmpint (bc_text_collate ("Huyện Đắk Hà", "Huye\xcc\x82\xcc\xa3n \xc4\x90" "a\xcc\x86\xcc\x81k Ha\xcc\x80"), ==, 0);
  g_assert_cmpint (bc_text_collate ("", "a"), <, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/office/fields", test_fields);
  g_test_add_func ("/office/expand", test_expand);
  g_test_add_func ("/office/collate", test_collate);
  g_test_add ("/office/store", Fixture, NULL, fixture_set_up, test_store_crud, fixture_tear_down);
  g_test_add ("/office/create-for-office", Fixture, NULL, fixture_set_up, test_create_for_office, fixture_tear_down);
  g_test_add ("/office/own-signature", Fixture, NULL, fixture_set_up, test_own_signature, fixture_tear_down);
  g_test_add ("/office/create-without-profile", Fixture, NULL, fixture_set_up, test_create_without_profile,
              fixture_tear_down);
  g_test_add ("/office/file-travel", Fixture, NULL, fixture_set_up, test_file_travel, fixture_tear_down);
  g_test_add ("/office/json-travel", Fixture, NULL, fixture_set_up, test_json_travel, fixture_tear_down);
  g_test_add ("/office/migrate", Fixture, NULL, fixture_set_up, test_migrate, fixture_tear_down);

  return g_test_run ();
}
