/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bc-inline.h"

/* Emphasis as the seeds write it: "**bold**", "*italic*"; a star next to
 * a space or without its partner is a star as typed. */

static char *
describe (const char *line)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *plain = bc_inline_parse (line, &spans);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const BcInlineSpan *span = &g_array_index (spans, BcInlineSpan, i);
      const char *open = span->bold && span->italic ? "<bi>" : span->bold ? "<b>" : span->italic ? "<i>" : "";

      g_string_append_printf (out, "%s%.*s%s", open, (int) (span->end - span->start), plain + span->start,
                              *open ? "|" : "");
      g_assert_cmpint (strncmp (line + span->src_start, plain + span->start, span->end - span->start), ==, 0);
      g_assert_cmpuint (span->src_end - span->src_start, ==, span->end - span->start);
    }
  return g_string_free (out, FALSE);
}

static void
assert_parses (const char *line,
               const char *expected)
{
  g_autofree char *got = describe (line);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_parse (void)
{
  assert_parses ("Đối với 25 dịch vụ (*kết quả theo Phụ lục 02 gửi kèm*).",
                 "Đối với 25 dịch vụ (<i>kết quả theo Phụ lục 02 gửi kèm|).");
  assert_parses ("**Năm 2024** là năm *Hoàn thiện thể chế*", "<b>Năm 2024| là năm <i>Hoàn thiện thể chế|");
  assert_parses ("***cả hai*** rồi", "<bi>cả hai| rồi");
  assert_parses ("* Về công bố các TTHC: 07 Quyết định", "* Về công bố các TTHC: 07 Quyết định");
  assert_parses ("2 * 3 * 4 = 24, một * lẻ, ** đôi **", "2 * 3 * 4 = 24, một * lẻ, ** đôi **");
  assert_parses ("**chưa đóng", "**chưa đóng");
  assert_parses ("****", "****");
  assert_parses ("", "");
}

static void
assert_toggles (const char *text,
                const char *selected,
                gboolean    bold,
                const char *expected)
{
  const char *at = strstr (text, selected);
  gsize start, end;
  g_autofree char *got = bc_inline_toggle (text, (gsize) (at - text), (gsize) (at - text) + strlen (selected),
                                           bold, &start, &end);
  g_autofree char *words = g_strstrip (g_strdup (selected));

  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpint (strncmp (got + start, words, end - start), ==, 0);
}

/* Ctrl+B, Ctrl+I: marks the words, and takes the marks away again. */
static void
test_toggle (void)
{
  assert_toggles ("Kích hoạt được 671.290 tài khoản", "671.290 ", TRUE, "Kích hoạt được **671.290** tài khoản");
  assert_toggles ("Kích hoạt được **671.290** tài khoản", "671.290", TRUE, "Kích hoạt được 671.290 tài khoản");
  assert_toggles ("theo Phụ lục 02", "Phụ lục", FALSE, "theo *Phụ lục* 02");
  assert_toggles ("theo *Phụ lục* 02", "Phụ lục", FALSE, "theo Phụ lục 02");
  /* Italic inside bold: a mark of its own. */
  assert_toggles ("**Phụ lục**", "Phụ lục", FALSE, "***Phụ lục***");
  assert_toggles ("a   ", "   ", TRUE, "a   ");
}

/* Every line is parsed alone; a hostile line of stars is fast. */
static void
test_hostile (void)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *plain = NULL;
  g_autofree char *stripped = bc_inline_strip ("**a\nb**\n*c*");
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpstr (stripped, ==, "**a\nb**\nc");
  while (line->len < 64 * 1024)
    g_string_append (line, "*x **y *");
  plain = bc_inline_parse (line->str, NULL);
  g_assert_cmpuint (strlen (plain), >, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/inline/parse", test_parse);
  g_test_add_func ("/inline/toggle", test_toggle);
  g_test_add_func ("/inline/hostile", test_hostile);
  return g_test_run ();
}
