/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "bc-report.h"
#include "bc-store-review.h"
#include "bc-store.h"
#include "bc-template.h"

/* Writes the seed corpus of the report-file importer's fuzz target into
 * DIR: a few small .baocao files made by the real exporter (so no binary
 * is kept in the source tree), and one of schema version 2 made from
 * the migration fixture.
 *
 *   make-import-seeds DIR library-v2.sql */

static const char mini[] =
  "{\"format\":1,\"id\":\"mini\",\"name\":\"Báo cáo thử\",\"kind\":\"report\","
  "\"period\":{\"regime\":\"monthly\"},\"header\":{\"doc_type\":\"BÁO CÁO\",\"place\":\"Phan Rang\"},"
  "\"sections\":["
  "{\"id\":\"results\",\"number\":\"I.\",\"title\":\"KẾT QUẢ\",\"kind\":\"figures\","
  "\"figures\":[{\"id\":\"dossiers\",\"label\":\"Hồ sơ\",\"unit\":\"hồ sơ\",\"denominator\":\"Chỉ tiêu\"}]},"
  "{\"id\":\"notes\",\"number\":\"II.\",\"title\":\"GHI CHÚ\",\"kind\":\"narrative\"},"
  "{\"id\":\"docs\",\"number\":\"III.\",\"title\":\"VĂN BẢN\",\"kind\":\"documents\"}],"
  "\"tables\":[{\"id\":\"t\",\"title\":\"Phụ lục\",\"caption\":\"Bảng\","
  "\"rows\":[{\"number\":\"1\",\"label\":\"Dịch vụ A\"},{\"number\":\"2\",\"label\":\"Dịch vụ B\"}],"
  "\"columns\":[{\"id\":\"connection\",\"label\":\"Kết nối\",\"type\":\"choice\","
  "\"choices\":[\"Đã kết nối\",\"Chưa kết nối\"]},"
  "{\"id\":\"total\",\"label\":\"Tổng\",\"type\":\"integer\",\"role\":\"total\"},"
  "{\"id\":\"online\",\"label\":\"Trực tuyến\",\"type\":\"integer\",\"role\":\"online\"},"
  "{\"id\":\"ratio\",\"label\":\"Tỷ lệ\",\"type\":\"computed\",\"numerator\":\"online\",\"denominator\":\"total\"}],"
  "\"totals\":{\"label\":\"Tổng\"}}]}";

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    {
      fprintf (stderr, "make-import-seeds: %s\n", error ? error->message : "failed");
      exit (1);
    }
}

static void
save (BcStore    *store,
      BcReport   *report,
      const char *dir,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  check (bc_store_export_file (store, bc_report_get_id (report), path, &error), error);
}

static void
make_v2 (const char *dir,
         const char *fixture)
{
  g_autofree char *sql = NULL;
  g_autofree char *path = g_build_filename (dir, "v2.baocao", NULL);
  sqlite3 *db;

  check (g_file_get_contents (fixture, &sql, NULL, NULL), NULL);
  g_unlink (path);
  check (sqlite3_open (path, &db) == SQLITE_OK
         && sqlite3_exec (db, "PRAGMA page_size = 512;", NULL, NULL, NULL) == SQLITE_OK
         && sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK, NULL);
  sqlite3_close (db);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcTemplate) template = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcReport) blank = NULL;
  BcEdit edits[] = {
    { "header/number", "12" },
    { "fig/dossiers", "466" },
    { "fig/dossiers/den", "500" },
    { "sec/notes/order", "a1,a2" },
    { "sec/notes/a1/text", "Đạt 466/500 hồ sơ, tỷ lệ 93,2%." },
    { "sec/notes/a2/level", "1" },
    { "sec/docs/order", "d1" },
    { "sec/docs/d1/date", "2024-05-02" },
    { "tbl/t/1/total", "10" },
    { "tbl/t/1/online", "7" },
    { "tbl/t/2/connection", "Chưa kết nối" },
    { "tbl/t/2/applies", "0" },
    { "expl/r@tbl/t/1/online", "Đúng" },
  };
  gint64 thread;

  if (argc != 3)
    {
      fprintf (stderr, "usage: make-import-seeds DIR library-v2.sql\n");
      return 64;
    }
  g_mkdir_with_parents (argv[1], 0755);
  store = bc_store_open (":memory:", &error);
  check (store != NULL, error);
  bc_store_set_actor (store, "Nguyễn Thị Hoa");
  template = bc_template_new_from_data (mini, -1, "mini", NULL, &error);
  check (template != NULL, error);

  blank = bc_store_create_report (store, template, "Huyện A", "2024-04-15", "2024-05-14", &error);
  check (blank != NULL, error);
  save (store, blank, argv[1], "blank.baocao");

  report = bc_store_create_report (store, template, "Huyện Ninh Hải", "2024-05-15", "2024-06-14", &error);
  check (report != NULL, error);
  check (bc_store_apply (store, report, edits, G_N_ELEMENTS (edits), &error), error);
  thread = bc_store_add_comment (store, report, "tbl/t/1/online", "Kiểm tra", &error);
  check (thread > 0 && bc_store_reply_comment (store, thread, "Đã sửa", &error) > 0
         && bc_store_add_comment (store, report, "", "Chung", &error) > 0
         && bc_store_set_status (store, report, "submitted", NULL, &error), error);
  bc_store_set_actor (store, "Lê Văn Duyệt");
  bc_store_set_role (store, BC_ROLE_REVIEWER);
  check (bc_store_set_value (store, report, "tbl/t/1/online", "8", &error)
         && bc_store_resolve_comment (store, thread, TRUE, &error)
         && bc_store_set_status (store, report, "returned", "Sửa", &error), error);
  save (store, report, argv[1], "returned.baocao");
  check (bc_store_set_status (store, report, "submitted", NULL, &error)
         && bc_store_set_status (store, report, "approved", NULL, &error), error);
  save (store, report, argv[1], "approved.baocao");

  make_v2 (argv[1], argv[2]);
  return 0;
}
