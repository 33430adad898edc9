/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bc-number.h"

static void
test_format_int (void)
{
  static const struct { gint64 value; const char *text; } cases[] = {
    { 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1.000" }, { 3762, "3.762" },
    { 671290, "671.290" }, { 1234567, "1.234.567" }, { 1729300000, "1.729.300.000" },
    { -1234, "-1.234" }, { G_MAXINT64, "9.223.372.036.854.775.807" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = bc_format_int (cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_percent (void)
{
  static const struct { double ratio; guint decimals; const char *text; } cases[] = {
    { 7356.0 / 7536.0, 2, "97,61%" }, { 671290.0 / 615198.0, 2, "109,12%" },
    { 1.0, 0, "100%" }, { 0.0, 2, "0,00%" }, { 133.0 / 137.0, 2, "97,08%" },
    { 3315.0 / 3762.0, 1, "88,1%" }, { 12.5, 0, "1.250%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = bc_format_percent (cases[i].ratio, cases[i].decimals);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_parse_accepted (void)
{
  static const struct { const char *text; gint64 value; } cases[] = {
    { "3762", 3762 }, { "3.762", 3762 }, { "3,762", 3762 }, { "3 762", 3762 },
    { " 3762 ", 3762 }, { "0", 0 }, { "1.234.567", 1234567 }, { "1,234,567", 1234567 },
    { "27238", 27238 }, { "007", 7 }, { "1 234 567", 1234567 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      g_assert_true (bc_parse_count (cases[i].text, G_GINT64_CONSTANT (999999999999), &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, cases[i].value);
    }
}

static void
test_parse_refused (void)
{
  static const struct { const char *text; int code; } cases[] = {
    { "", BC_NUMBER_ERROR_EMPTY }, { "  ", BC_NUMBER_ERROR_EMPTY },
    { "abc", BC_NUMBER_ERROR_NOT_A_NUMBER }, { "12a", BC_NUMBER_ERROR_NOT_A_NUMBER },
    { "1.869 (bao gồm 900 hồ sơ)", BC_NUMBER_ERROR_NOT_A_NUMBER },
    { "-5", BC_NUMBER_ERROR_NEGATIVE }, { "−5", BC_NUMBER_ERROR_NEGATIVE },
    { "3,7", BC_NUMBER_ERROR_FRACTION }, { "88,1", BC_NUMBER_ERROR_FRACTION },
    { "1.234,5", BC_NUMBER_ERROR_FRACTION }, { "12.34", BC_NUMBER_ERROR_FRACTION },
    { "1.2345", BC_NUMBER_ERROR_FRACTION },
    /* Grouping starts with one to three digits: not 1.234.567. */
    { "1234.567", BC_NUMBER_ERROR_FRACTION }, { "1234,567", BC_NUMBER_ERROR_FRACTION },
    { "1234 567", BC_NUMBER_ERROR_NOT_A_NUMBER },
    /* One kind of separator: a second one is a decimal mark (1234,567 in
     * Vietnamese, 1234.567 in English), never 1.234.567. */
    { "1.234,567", BC_NUMBER_ERROR_FRACTION }, { "1,234.567", BC_NUMBER_ERROR_FRACTION },
    { "1 234,567", BC_NUMBER_ERROR_FRACTION }, { "1.234.567,000", BC_NUMBER_ERROR_FRACTION },
    { "1234567890123456789012345678901234567890", BC_NUMBER_ERROR_TOO_LARGE },
    { "1.000.000.000.000", BC_NUMBER_ERROR_TOO_LARGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = 42;

      g_assert_false (bc_parse_count (cases[i].text, G_GINT64_CONSTANT (999999999999), &value, &error));
      g_assert_error (error, BC_NUMBER_ERROR, cases[i].code);
      g_assert_cmpint (value, ==, 42);
    }
}

/* A total never wraps: past BC_COUNT_MAX it is refused, and stays put. */
static void
test_count_add (void)
{
  gint64 sum = 0;

  g_assert_true (bc_count_add (&sum, BC_COUNT_MAX - 1));
  g_assert_true (bc_count_add (&sum, 1));
  g_assert_cmpint (sum, ==, BC_COUNT_MAX);
  g_assert_false (bc_count_add (&sum, 1));
  g_assert_false (bc_count_add (&sum, G_MAXINT64));
  g_assert_cmpint (sum, ==, BC_COUNT_MAX);
  sum = 5;
  g_assert_false (bc_count_add (&sum, G_MAXINT64));
  g_assert_false (bc_count_add (&sum, -1));
  g_assert_cmpint (sum, ==, 5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bc/number/format/int", test_format_int);
  g_test_add_func ("/bc/number/format/percent", test_format_percent);
  g_test_add_func ("/bc/number/parse/accepted", test_parse_accepted);
  g_test_add_func ("/bc/number/parse/refused", test_parse_refused);
  g_test_add_func ("/bc/number/count-add", test_count_add);
  return g_test_run ();
}
