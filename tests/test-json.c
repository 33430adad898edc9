/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bc-diff.h"
#include "bc-keys.h"
#include "bc-report.h"
#include "bc-store.h"
#include "bc-test-utils.h"

typedef struct
{
  char       *dir;
  BcStore    *store;
  BcStore    *elsewhere;
  BcTemplate *template;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = bc_test_mkdtemp ();
  f->store = bc_test_open_store (f->dir, "library.db");
  f->elsewhere = bc_test_open_store (f->dir, "elsewhere.db");
  f->template = bc_test_load_template ("province-monthly");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->elsewhere);
  g_clear_object (&f->template);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
}

/* A report with a value of every kind and a change log. */
static BcReport *
make_report (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  BcReport *report = bc_store_create_report (f->store, f->template, "Tỉnh Bà Rịa - Vũng Tàu",
                                             "2024-04-21", "2024-05-20", &error);
  BcEdit edits[] = {
    { "header/number", "199" },
    { "header/date", "2024-05-24" },
    { "sec/direction/order", "d1" },
    { "sec/direction/d1/type", "Công văn" },
    { "sec/direction/d1/number", "5096/UBND-VP" },
    { "sec/direction/d1/date", "2024-04-22" },
    { "sec/direction/d1/summary", "triển khai Công văn số 2551/TCTTKĐA <“trích dẫn” & ký tự>" },
    { "sec/next_tasks/order", "t1,t2" },
    { "sec/next_tasks/t1/text", "Tiếp tục triển khai đồng bộ, toàn diện các Nghị quyết." },
    { "sec/next_tasks/t2/text", "Dòng thứ hai\nvới xuống dòng và \"ngoặc kép\"" },
    { "sec/next_tasks/t2/level", "1" },
    { "fig/vneid_activated", "671290" },
    { "fig/vneid_activated/den", "615198" },
    { "tbl/dvc25/2/total", "3762" },
    { "tbl/dvc25/2/online", "3315" },
    { "tbl/dvc25/19/note", "bao gồm 900 hồ sơ từ kỳ trước chuyển qua" },
    { "tbl/qd422/13.1/connection", "Chưa kết nối" },
    { "tbl/qd422/14.3/applies", "0" },
  };

  g_assert_no_error (error);
  g_assert_true (bc_store_apply (f->store, report, edits, G_N_ELEMENTS (edits), &error));
  g_assert_no_error (error);
  bc_store_set_actor (f->store, "Lê Văn Duyệt");
  g_assert_true (bc_store_set_value (f->store, report, "fig/vneid_activated", "671291", &error));
  g_assert_true (bc_store_set_value (f->store, report, "tbl/dvc25/2/online", NULL, &error));
  return report;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = make_report (f);
  g_autoptr(BcReport) imported = NULL;
  g_autofree char *json = bc_store_export_json (f->store, bc_report_get_id (report), &error);
  g_autofree char *again = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 id;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"baocao-report\""));

  id = bc_store_import_json (f->elsewhere, json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  again = bc_store_export_json (f->elsewhere, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, json);

  imported = bc_store_open_report (f->elsewhere, id, &error);
  g_assert_cmpstr (bc_report_get_uuid (imported), ==, bc_report_get_uuid (report));
  g_assert_cmpstr (bc_report_get_modified (imported), ==, bc_report_get_modified (report));
  g_assert_cmpstr (bc_report_get (imported, "sec/next_tasks/t2/text"), ==,
                   "Dòng thứ hai\nvới xuống dòng và \"ngoặc kép\"");
  g_assert_false (bc_report_row_applies (imported, "qd422", "14.3"));
  changes = bc_store_list_changes (f->elsewhere, id, &error);
  g_assert_cmpuint (changes->len, ==, 19);
  g_assert_cmpstr (((BcChange *) changes->pdata[18])->actor, ==, "Lê Văn Duyệt");
  g_assert_cmpstr (((BcChange *) changes->pdata[18])->old_value, ==, "3315");
  g_assert_null (((BcChange *) changes->pdata[18])->new_value);
}

/* What a report says of its sections (their headings, intros, whether
 * they are in, the paragraphs around a list) are values like the others:
 * validated by one grammar, carried in JSON and in report files, diffed. */
static const BcEdit section_edits[] = {
  { "sec/direction/title", "Công tác chỉ đạo, triển khai của huyện" },
  { "sec/direction/intro", "UBND huyện đã ban hành:" },
  { "sec/direction/before", "Ngày 22/5/2024, Ban Chỉ đạo họp.\nĐoạn thứ hai." },
  { "sec/direction/after", "Đoạn sau danh sách." },
  { "sec/institutions/omit", "1" },
  { "sec/results/number", "II." },
  { "sec/results/intro", " " },
  { "sec/direction/order", "d1,title2" },
};

static void
test_section_parts (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = bc_store_create_report (f->store, f->template, "Huyện Ninh Hải",
                                                       "2024-04-21", "2024-05-20", &error);
  g_autofree char *json = NULL;
  g_autofree char *file = g_build_filename (f->dir, "report.baocao", NULL);
  g_autoptr(BcStore) third = bc_test_open_store (f->dir, "third.db");
  g_autoptr(BcReport) from_json = NULL;
  g_autoptr(BcReport) from_file = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  const BcSection *results = bc_template_find_section (f->template, "results");
  g_autofree char *intro = NULL;
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (bc_store_apply (f->store, report, section_edits, G_N_ELEMENTS (section_edits), &error));
  g_assert_no_error (error);
  json = bc_store_export_json (f->store, bc_report_get_id (report), &error);
  g_assert_no_error (error);
  id = bc_store_import_json (f->elsewhere, json, -1, &error);
  g_assert_no_error (error);
  from_json = bc_store_open_report (f->elsewhere, id, &error);
  g_assert_true (bc_store_export_file (f->store, bc_report_get_id (report), file, &error));
  g_assert_no_error (error);
  id = bc_store_import_file (third, file, BC_IMPORT_ASK, NULL, &error);
  g_assert_no_error (error);
  from_file = bc_store_open_report (third, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (section_edits); i++)
    {
      g_assert_cmpstr (bc_report_get (from_json, section_edits[i].key), ==, section_edits[i].value);
      g_assert_cmpstr (bc_report_get (from_file, section_edits[i].key), ==, section_edits[i].value);
    }
  /* Only spaces: the clerk's empty intro, not the template's. */
  intro = bc_report_dup_section_text (from_file, results, "intro");
  g_assert_cmpstr (intro, ==, "");
  g_assert_true (bc_report_section_is_omitted (from_file, bc_template_find_section (f->template, "institutions")));

  /* The next period keeps the office's headings and what it leaves out,
   * not the paragraphs around this period's documents. */
  {
    g_autoptr(BcReport) next = bc_store_duplicate_next (third, from_file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (bc_report_get (next, "sec/direction/title"), ==, "Công tác chỉ đạo, triển khai của huyện");
    g_assert_cmpstr (bc_report_get (next, "sec/direction/intro"), ==, "UBND huyện đã ban hành:");
    g_assert_cmpstr (bc_report_get (next, "sec/institutions/omit"), ==, "1");
    g_assert_cmpstr (bc_report_get (next, "sec/results/number"), ==, "II.");
    g_assert_cmpstr (bc_report_get (next, "sec/direction/before"), ==, "");
    g_assert_cmpstr (bc_report_get (next, "sec/direction/after"), ==, "");
  }
  g_assert_true (bc_store_set_value (third, from_file, "sec/direction/title", NULL, &error));
  diffs = bc_diff_reports (from_json, from_file);
  g_assert_cmpuint (diffs->len, ==, 1);
  g_assert_cmpstr (((BcDiff *) diffs->pdata[0])->key, ==, "sec/direction/title");
  g_assert_null (((BcDiff *) diffs->pdata[0])->new_value);
}

/* The keys of a section's parts and of its items never meet: an item id
 * is never the name of a part. */
static void
test_section_grammar (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = bc_store_create_report (f->store, f->template, "Huyện Ninh Hải",
                                                       "2024-04-21", "2024-05-20", &error);
  static const struct
  {
    const char *key;
    const char *value;
    gboolean    ok;
  } cases[] = {
    { "sec/results/title", "KẾT QUẢ", TRUE },              /* a group's heading */
    { "sec/results/number", "III.", TRUE },
    { "sec/next_tasks/intro", "Dòng một\nDòng hai", TRUE },
    { "sec/results/title", "Hai\ndòng", FALSE },           /* a heading is one line */
    { "sec/next_tasks/omit", "1", TRUE },
    { "sec/next_tasks/omit", "có", FALSE },
    { "sec/direction/before", "Đoạn trước", TRUE },
    { "sec/next_tasks/before", "Đoạn trước", FALSE },       /* narrative: its paragraphs are the list */
    { "sec/results/order", "p1", FALSE },                   /* a group has no items */
    { "sec/direction/order", "d1,title", FALSE },
    { "sec/direction/order", "d1,omit", FALSE },
    { "sec/direction/intro/summary", "x", FALSE },
    { "sec/direction/title/summary", "x", FALSE },
    { "sec/direction/Title/summary", "x", TRUE },           /* ids are case-sensitive */
    { "sec/direction/heading", "x", FALSE },
    { "sec/nosuch/title", "x", FALSE },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean ok = bc_report_validate_value (report, cases[i].key, cases[i].value, &error);

      if (ok != cases[i].ok)
        g_error ("%s = %s: %s", cases[i].key, cases[i].value, ok ? "accepted" : error->message);
      g_clear_error (&error);
    }
  for (const char * const *part = bc_key_section_parts (); *part; part++)
    {
      g_autofree char *key = g_strdup_printf ("sec/direction/%s/summary", *part);
      g_assert_false (bc_report_validate_value (report, key, "x", NULL));
    }
}

static void
test_import_twice (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = make_report (f);
  g_autofree char *json = bc_store_export_json (f->store, bc_report_get_id (report), &error);
  g_autoptr(GPtrArray) before = bc_store_list_reports (f->store, NULL);
  g_autoptr(GPtrArray) after = NULL;

  g_assert_cmpint (bc_store_import_json (f->store, json, -1, &error), ==, 0);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS);
  after = bc_store_list_reports (f->store, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
}

static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = make_report (f);
  g_autofree char *json = bc_store_export_json (f->store, bc_report_get_id (report), &error);
  g_autoptr(GString) bad_value = g_string_new (json);
  g_autoptr(GString) bad_key = g_string_new (json);
  g_autoptr(GString) newer = g_string_new (json);
  g_autoptr(GString) bad_template = g_string_new (json);
  g_autoptr(GPtrArray) list = NULL;
  struct { const char *data; int code; } cases[] = {
    { "", BC_STORE_ERROR_FOREIGN },
    { "not json", BC_STORE_ERROR_FOREIGN },
    { "{\"format\": \"something-else\"}", BC_STORE_ERROR_FOREIGN },
    { "[]", BC_STORE_ERROR_FOREIGN },
    { "{\"format\": \"baocao-report\", \"version\": 1}", BC_STORE_ERROR_FOREIGN },
    { NULL, BC_STORE_ERROR_INVALID_VALUE },
    { NULL, BC_STORE_ERROR_INVALID_VALUE },
    { NULL, BC_STORE_ERROR_NEWER },
    { NULL, 0 },
  };

  g_string_replace (bad_value, "\"671291\"", "\"671.291 người\"", 1);
  g_string_replace (bad_key, "\"fig/vneid_activated/den\"", "\"fig/unknown\"", 1);
  g_string_replace (newer, "\"version\" : 1", "\"version\" : 7", 1);
  g_string_replace (bad_template, "\"kind\" : \"figures\"", "\"kind\" : \"poem\"", 1);
  cases[5].data = bad_value->str;
  cases[6].data = bad_key->str;
  cases[7].data = newer->str;
  cases[8].data = bad_template->str;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_assert_cmpint (bc_store_import_json (f->elsewhere, cases[i].data, -1, &local_error), ==, 0);
      g_assert_nonnull (local_error);
      if (cases[i].code != 0)
        g_assert_error (local_error, BC_STORE_ERROR, cases[i].code);
    }
  list = bc_store_list_reports (f->elsewhere, NULL);
  g_assert_cmpuint (list->len, ==, 0);
}

/* @unit @n times, between @before and @after. */
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

/* Replaces the text of the first string member @member ("key" : "text"). */
static void
set_member (GString    *json,
            const char *member,
            const char *text)
{
  g_autofree char *start = g_strdup_printf ("\"%s\" : \"", member);
  const char *at = strstr (json->str, start);
  gsize from, to;

  g_assert_nonnull (at);
  from = (gsize) (at - json->str) + strlen (start);
  to = (gsize) (strchr (json->str + from, '"') - json->str);
  g_string_erase (json, (gssize) from, (gssize) (to - from));
  g_string_insert (json, (gssize) from, text);
}

typedef enum { EDIT_REPLACE, EDIT_MEMBER, EDIT_NUL_BYTE } EditKind;

/* Hostile interchange files, each refused as a whole, quickly, and without
 * a crash: the big ones are made here, not kept in the tree. */
static void
test_import_hostile (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = make_report (f);
  g_autofree char *json = bc_store_export_json (f->store, bc_report_get_id (report), &error);
  g_autofree char *deep = repeat ("{\"x\": ", "[", 100000, "],\n  \"format\"");
  g_autofree char *parens = repeat ("\"left\" : \"", "(", 60000, "portal_overdue\"");
  g_autofree char *terms = repeat ("\"left\" : \"portal_overdue", " + portal_overdue", 500000, "\"");
  g_autofree char *minus = repeat ("\"left\" : \"", "-", 1000000, "portal_overdue\"");
  g_autofree char *upper = g_ascii_strup (bc_report_get_uuid (report), -1);
  const struct { const char *name; EditKind kind; const char *from; const char *to; } cases[] = {
    /* Stack depth. */
    { "JSON nested 100.000 deep", EDIT_REPLACE, "{\n  \"format\"", deep },
    { "60.000 parentheses", EDIT_REPLACE, "\"left\" : \"portal_overdue\"", parens },
    { "500.000 terms", EDIT_REPLACE, "\"left\" : \"portal_overdue\"", terms },
    { "1.000.000 minus signs", EDIT_REPLACE, "\"left\" : \"portal_overdue\"", minus },
    /* The format version is the integer 1, given once. */
    { "version as text", EDIT_REPLACE, "\"version\" : 1", "\"version\" : \"1\"" },
    { "version 1e400", EDIT_REPLACE, "\"version\" : 1", "\"version\" : 1e400" },
    { "version 1.9", EDIT_REPLACE, "\"version\" : 1", "\"version\" : 1.9" },
    { "version missing", EDIT_REPLACE, "\"version\" : 1,", "" },
    { "version twice", EDIT_REPLACE, "\"version\" : 1", "\"version\" : 1, \"version\" : 1" },
    /* A NUL would cut a value short or make two keys one. */
    { "NUL in a value", EDIT_MEMBER, "tbl/dvc25/19/note", "bao gồm\\u0000 900 hồ sơ" },
    { "NUL in a key", EDIT_REPLACE, "\"tbl/dvc25/19/note\"", "\"tbl/dvc25/19/note\\u0000x\"" },
    { "raw NUL byte", EDIT_NUL_BYTE, "\"format\"", NULL },
    /* Facts that contradict themselves. */
    { "reversed period", EDIT_MEMBER, "meta/period_from", "2024-06-21" },
    { "count with leading zeros", EDIT_MEMBER, "tbl/dvc25/2/total", "0000000000000000003762" },
    { "upper-case uuid", EDIT_MEMBER, "uuid", upper },
    { "garbage creation time", EDIT_MEMBER, "created", "yesterday\\u001b[2J" },
    { "garbage modification time", EDIT_MEMBER, "modified", "2024-13-45T99:00:00Z" },
    { "garbage change time", EDIT_MEMBER, "at", "soon" },
    { "approved without approval", EDIT_MEMBER, "meta/status", "approved" },
    { "submitted without submission", EDIT_MEMBER, "meta/status", "submitted" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GString) bad = g_string_new (json);
      g_autoptr(GPtrArray) list = NULL;
      gint64 start;

      if (cases[i].kind == EDIT_MEMBER)
        set_member (bad, cases[i].from, cases[i].to);
      else if (cases[i].kind == EDIT_NUL_BYTE)
        strstr (bad->str, cases[i].from)[2] = '\0';
      else
        g_assert_cmpuint (g_string_replace (bad, cases[i].from, cases[i].to, 1), ==, 1);
      start = g_get_monotonic_time ();
      /* With its length: a raw NUL does not end the text. */
      g_assert_cmpint (bc_store_import_json (f->elsewhere, bad->str, (gssize) bad->len, &local_error), ==, 0);
      g_test_message ("%s (%.0f ms): %.300s", cases[i].name, (g_get_monotonic_time () - start) / 1000.0, local_error ? local_error->message : "(accepted)");
      g_assert_nonnull (local_error);
      g_assert_cmpint (g_get_monotonic_time () - start, <, BC_TEST_HANG_GUARD);
      list = bc_store_list_reports (f->elsewhere, NULL);
      g_assert_cmpuint (list->len, ==, 0);
    }
}

/* The same report under an upper-case uuid is not a second report. */
static void
test_import_uuid_case (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = make_report (f);
  g_autofree char *json = bc_store_export_json (f->store, bc_report_get_id (report), &error);
  g_autofree char *upper = g_ascii_strup (bc_report_get_uuid (report), -1);
  g_autoptr(GString) bad = g_string_new (json);
  g_autoptr(GPtrArray) list = NULL;

  set_member (bad, "uuid", upper);
  g_assert_cmpint (bc_store_import_json (f->store, bad->str, -1, &error), ==, 0);
  g_assert_nonnull (error);
  list = bc_store_list_reports (f->store, NULL);
  g_assert_cmpuint (list->len, ==, 1);
}

/* Text written decomposed (NFD, as some tools and input methods write it)
 * enters as NFC: a choice is the choice it looks like, a paragraph is
 * stored composed. A choice that is none names the choices. */
static void
test_import_nfd (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = make_report (f);
  g_autofree char *json = bc_store_export_json (f->store, bc_report_get_id (report), &error);
  g_autofree char *nfd_json = g_utf8_normalize (json, -1, G_NORMALIZE_NFD);
  g_autoptr(BcReport) copy = NULL;
  g_autofree char *wrong = NULL;
  gint64 id;

  g_assert_no_error (error);
  g_assert_cmpstr (nfd_json, !=, json);
  id = bc_store_import_json (f->elsewhere, nfd_json, -1, &error);
  g_assert_no_error (error);
  copy = bc_store_open_report (f->elsewhere, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get (copy, "tbl/qd422/13.1/connection"), ==, "Chưa kết nối");
  g_assert_cmpstr (bc_report_get (copy, "sec/next_tasks/t1/text"), ==,
                   "Tiếp tục triển khai đồng bộ, toàn diện các Nghị quyết.");
  g_assert_cmpstr (bc_report_get (copy, "meta/unit"), ==, "Tỉnh Bà Rịa - Vũng Tàu");

  g_assert_false (bc_store_set_value (f->store, report, "tbl/qd422/13.1/connection", "Chua ket noi", &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "“Đã kết nối”, “Chưa kết nối”"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bc/json/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/bc/json/section-parts", Fixture, NULL, fixture_set_up, test_section_parts, fixture_tear_down);
  g_test_add ("/bc/json/section-grammar", Fixture, NULL, fixture_set_up, test_section_grammar, fixture_tear_down);
  g_test_add ("/bc/json/import-twice", Fixture, NULL, fixture_set_up, test_import_twice, fixture_tear_down);
  g_test_add ("/bc/json/import-refused", Fixture, NULL, fixture_set_up, test_import_refused, fixture_tear_down);
  g_test_add ("/bc/json/import-hostile", Fixture, NULL, fixture_set_up, test_import_hostile, fixture_tear_down);
  g_test_add ("/bc/json/import-uuid-case", Fixture, NULL, fixture_set_up, test_import_uuid_case, fixture_tear_down);
  g_test_add ("/bc/json/import-nfd", Fixture, NULL, fixture_set_up, test_import_nfd, fixture_tear_down);
  return g_test_run ();
}
