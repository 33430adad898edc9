/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bc-checker.h"
#include "bc-edit-session.h"
#include "bc-finding.h"
#include "bc-number.h"
#include "bc-refs.h"
#include "bc-report.h"
#include "bc-store.h"
#include "bc-template.h"
#include "bc-test-utils.h"

/* References in text ("{{fig/vneid_activated}}"): printed from the data,
 * with the precision each asks for; a figure changed changes every
 * sentence citing it; they survive the interchange JSON; the checks take
 * a cited number as right and keep checking the typed ones. */

typedef struct
{
  char     *dir;
  BcStore  *store;
  BcReport *report;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", "province-2024-05.json", NULL);
  g_autofree char *json = NULL;
  gint64 id;

  f->dir = bc_test_mkdtemp ();
  f->store = bc_test_open_store (f->dir, "library.db");
  g_assert_true (g_file_get_contents (path, &json, NULL, &error));
  id = bc_store_import_json (f->store, json, -1, &error);
  g_assert_no_error (error);
  f->report = bc_store_open_report (f->store, id, &error);
  g_assert_no_error (error);
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

static void
set (Fixture    *f,
     const char *key,
     const char *value)
{
  g_autoptr(GError) error = NULL;

  bc_store_set_value (f->store, f->report, key, value, &error);
  g_assert_no_error (error);
}

static void
assert_renders (BcReport   *report,
                const char *text,
                const char *printed)
{
  g_autofree char *got = bc_refs_render (report, text, NULL);

  g_assert_cmpstr (got, ==, printed);
}

/* 671.290 / 615.198 = 109,1215…%; 125 / 125 = 100%. */
static void
test_format (Fixture       *f,
             gconstpointer  data)
{
  assert_renders (f->report, "{{fig/vneid_activated}}/{{fig/vneid_activated/den}} tài khoản",
                  "671.290/615.198 tài khoản");
  assert_renders (f->report,
                  "{{fig/vneid_activated/pct|0}} · {{fig/vneid_activated/pct|1}} · {{fig/vneid_activated/pct|2}}"
                  " · {{fig/vneid_activated/pct}}",
                  "109% · 109,1% · 109,12% · 109,12%");
  assert_renders (f->report, "đạt {{fig/bhyt_cccd_facilities/pct|2}}.", "đạt 100%.");
  assert_renders (f->report, "{{fig/welfare_paid_amount}}", "…");   /* a district's figure */
  assert_renders (f->report, "", "");
  /* Not references: text as typed. */
  assert_renders (f->report, "{{ fig/x }} {{fig/vneid_activated|3}} {{FIG/X}} {{fig/x {{", "{{ fig/x }} "
                  "{{fig/vneid_activated|3}} {{FIG/X}} {{fig/x {{");
  assert_renders (f->report, "{{{fig/cccd_issued}}}", "{1.423.866}");
}

/* The appendix's totals row and a cell, as the table prints them. */
static void
test_table (Fixture       *f,
            gconstpointer  data)
{
  const BcTableDef *table = bc_template_find_table (bc_report_get_template (f->report), "dvc25");
  gint64 total = 0, online = 0;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;

  for (guint i = 0; i < table->rows->len; i++)
    {
      const BcRow *row = table->rows->pdata[i];
      g_autofree char *total_key = g_strdup_printf ("tbl/dvc25/%s/total", row->key);
      g_autofree char *online_key = g_strdup_printf ("tbl/dvc25/%s/online", row->key);

      if (row->heading || !bc_report_row_applies (f->report, "dvc25", row->key))
        continue;
      total += g_ascii_strtoll (bc_report_get (f->report, total_key), NULL, 10);
      online += g_ascii_strtoll (bc_report_get (f->report, online_key), NULL, 10);
    }
  g_assert_cmpint (total, >, 0);
  {
    g_autofree char *total_text = bc_format_int (total);
    g_autofree char *online_text = bc_format_int (online);

    got = bc_refs_render (f->report, "{{tbl/dvc25/total/total}}|{{tbl/dvc25/total/online}}", NULL);
    expected = g_strdup_printf ("%s|%s", total_text, online_text);
    g_assert_cmpstr (got, ==, expected);
  }
  set (f, "tbl/dvc25/1/total", "200");
  set (f, "tbl/dvc25/1/online", "150");
  assert_renders (f->report, "{{tbl/dvc25/1/total}} hồ sơ, {{tbl/dvc25/1/online}} trực tuyến, {{tbl/dvc25/1/ratio|1}}",
                  "200 hồ sơ, 150 trực tuyến, 75%");
  set (f, "tbl/dvc25/1/online", "151");
  assert_renders (f->report, "{{tbl/dvc25/1/ratio|1}} {{tbl/dvc25/1/ratio}}", "75,5% 75,50%");
  /* A text column, a heading, an unknown row: nothing to print. */
  assert_renders (f->report, "{{tbl/dvc25/1/difficulties}} {{tbl/dvc25/999/total}} {{tbl/nope/total/total}}",
                  "… … …");
}

static void
test_status (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) refs = NULL;
  g_autofree char *printed = NULL;

  set (f, "fig/asm_facilities", NULL);
  printed = bc_refs_render (f->report, "a {{fig/nope}} b {{fig/portal_received/pct}} c "
                            "{{fig/asm_facilities}} d {{fig/cccd_issued}}", &refs);

  g_assert_cmpstr (printed, ==, "a … b … c … d 1.423.866");
  g_assert_cmpuint (refs->len, ==, 4);
  g_assert_cmpint (((BcRef *) refs->pdata[0])->status, ==, BC_REF_UNKNOWN);
  g_assert_cmpint (((BcRef *) refs->pdata[1])->status, ==, BC_REF_UNKNOWN);
  g_assert_cmpint (((BcRef *) refs->pdata[2])->status, ==, BC_REF_EMPTY);
  g_assert_cmpint (((BcRef *) refs->pdata[3])->status, ==, BC_REF_OK);
  /* Offsets in the printed text map back to the stored one. */
  g_assert_cmpuint (bc_refs_stored_offset (refs, 0), ==, 0);
  g_assert_cmpuint (bc_refs_stored_offset (refs, 2), ==, 2);
  g_assert_cmpuint (bc_refs_stored_offset (refs, strlen (printed) - 1),
                    ==, strlen ("a {{fig/nope}} b {{fig/portal_received/pct}} c {{fig/asm_facilities}} d "));
  g_assert_cmpuint (bc_refs_stored_offset (refs, strlen (printed)),
                    ==, strlen ("a {{fig/nope}} b {{fig/portal_received/pct}} c {{fig/asm_facilities}} d "
                                "{{fig/cccd_issued}}"));
}

/* The clerk edits the figure: every sentence citing it follows; undo
 * brings the old number back into the sentence. */
static void
test_edit_figure (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *library = g_build_filename (f->dir, "library.db", NULL);
  g_autoptr(BcEditSession) session = bc_edit_session_new (library, f->report, &error);
  const char *key = "sec/digital_citizen/p2/text";
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;

  g_assert_no_error (error);
  g_assert_true (bc_edit_session_set (session, key, "Kích hoạt {{fig/vneid_activated}}, đạt "
                                      "{{fig/vneid_activated/pct|1}}.", &error));
  g_assert_no_error (error);
  before = bc_refs_render (f->report, bc_report_get (f->report, key), NULL);
  g_assert_cmpstr (before, ==, "Kích hoạt 671.290, đạt 109,1%.");
  g_assert_true (bc_edit_session_set (session, "fig/vneid_activated", "700000", &error));
  after = bc_refs_render (f->report, bc_report_get (f->report, key), NULL);
  g_assert_cmpstr (after, ==, "Kích hoạt 700.000, đạt 113,8%.");
  g_assert_true (bc_edit_session_undo (session));
  undone = bc_refs_render (f->report, bc_report_get (f->report, key), NULL);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (bc_edit_session_flush (session, &error));
  g_assert_no_error (error);
  bc_edit_session_close (session);
}

/* The stored form is the value itself: the JSON carries it unchanged. */
static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) other = bc_test_open_store (f->dir, "other.db");
  g_autoptr(BcReport) copy = NULL;
  g_autofree char *json = NULL;
  const char *text = "Cấp {{fig/cccd_issued}} thẻ; tổng {{tbl/dvc25/total/total}} hồ sơ, {{tbl/dvc25/total/ratio|0}}.";
  g_autofree char *printed = NULL;
  g_autofree char *copied = NULL;

  set (f, "sec/digital_citizen/p1/text", text);
  json = bc_store_export_json (f->store, bc_report_get_id (f->report), &error);
  g_assert_no_error (error);
  copy = bc_store_open_report (other, bc_store_import_json (other, json, -1, &error), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get (copy, "sec/digital_citizen/p1/text"), ==, text);
  printed = bc_refs_render (f->report, text, NULL);
  copied = bc_refs_render (copy, text, NULL);
  g_assert_cmpstr (printed, ==, copied);
  g_assert_null (strstr (printed, "{{"));
}

static BcFinding *
find (GPtrArray  *findings,
      const char *rule,
      const char *location)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (bc_finding_get_rule (findings->pdata[i]), rule)
        && g_str_equal (bc_finding_get_location (findings->pdata[i]), location))
      return findings->pdata[i];
  return NULL;
}

/* A cited ratio is right; the same ratio typed wrong is still found; a
 * reference to nothing is an error pointing at it. */
static void
test_checks (Fixture       *f,
             gconstpointer  data)
{
  const char *key = "sec/digital_citizen/p2/text";
  g_autoptr(GPtrArray) findings = NULL;
  guint start, length;

  set (f, key, "Kích hoạt được {{fig/vneid_activated}}/{{fig/vneid_activated/den}} tài khoản, đạt tỷ lệ "
               "{{fig/vneid_activated/pct|1}}.");
  findings = bc_check_report (f->report, NULL);
  g_assert_null (find (findings, "narrative.ratio", key));
  g_assert_null (find (findings, "text.reference", key));
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (f, key, "Kích hoạt được {{fig/vneid_activated}}/{{fig/vneid_activated/den}} tài khoản, đạt tỷ lệ 108,3%.");
  findings = bc_check_report (f->report, NULL);
  g_assert_nonnull (find (findings, "narrative.ratio", key));
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (f, key, "Kích hoạt được {{fig/vneid_activatd}} tài khoản.");
  findings = bc_check_report (f->report, NULL);
  g_assert_nonnull (find (findings, "text.reference", key));
  g_assert_cmpint (bc_finding_get_severity (find (findings, "text.reference", key)), ==, BC_SEVERITY_ERROR);
  g_assert_true (bc_finding_get_span (find (findings, "text.reference", key), &start, &length));
  g_assert_cmpuint (start, ==, g_utf8_strlen ("Kích hoạt được ", -1));
  g_assert_cmpuint (length, ==, strlen ("{{fig/vneid_activatd}}"));
}

/* Hostile text: a paragraph at the length limit made of braces and
 * references renders fast and prints every reference. */
static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) refs = NULL;
  g_autofree char *printed = NULL;
  gint64 start = g_get_monotonic_time ();

  while (text->len < 60 * 1024)
    g_string_append (text, "{{{{fig/cccd_issued}}|{{fig/");
  printed = bc_refs_render (f->report, text->str, &refs);
  g_assert_cmpuint (refs->len, >, 2000);
  g_assert_nonnull (strstr (printed, "{{1.423.866|{{fig/"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, bc_test_time_budget (G_USEC_PER_SEC / 2));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/refs/format", test_format);
  ADD ("/refs/table", test_table);
  ADD ("/refs/status", test_status);
  ADD ("/refs/edit-figure", test_edit_figure);
  ADD ("/refs/json", test_json);
  ADD ("/refs/checks", test_checks);
  ADD ("/refs/hostile", test_hostile);
  return g_test_run ();
}
