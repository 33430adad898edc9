/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-number"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bc-number.h"

G_DEFINE_QUARK (bc-number-error-quark, bc_number_error)

/**
 * bc_format_int:
 *
 * Returns: (transfer full): @value the Vietnamese way, "1.234.567"
 */
char *
bc_format_int (gint64 value)
{
  char digits[32];
  GString *out = g_string_new (NULL);
  guint64 magnitude = value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;
  int len;

  len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);
  if (value < 0)
    g_string_append_c (out, '-');
  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * bc_format_percent:
 * @ratio: 0.9761 for 97,61%
 * @decimals: digits after the comma
 *
 * Returns: (transfer full): "97,61%", rounded half away from zero; never
 * depends on the process locale
 */
char *
bc_format_percent (double ratio,
                   guint  decimals)
{
  double scale = pow (10, decimals);
  double rounded = round (ratio * 100 * scale);
  gint64 whole = (gint64) (fabs (rounded) / scale);
  gint64 frac = (gint64) fmod (fabs (rounded), scale);
  g_autofree char *whole_text = bc_format_int (whole);
  const char *sign = rounded < 0 ? "-" : "";

  if (decimals == 0)
    return g_strdup_printf ("%s%s%%", sign, whole_text);
  return g_strdup_printf ("%s%s,%0*" G_GINT64_FORMAT "%%", sign, whole_text, (int) decimals, frac);
}

/**
 * bc_parse_count:
 * @text: what the clerk typed: "3.762", "3,762", "3 762" or "3762"
 * @max: the largest accepted value
 * @value: (out): the count
 * @error: a #BC_NUMBER_ERROR with a message for the clerk
 *
 * Parses a count (a whole number ≥ 0). A dot, a comma or a space may group
 * thousands, one kind of separator in a number; anything that is not a
 * grouping of three digits is refused rather than guessed ("3,7" is a
 * fraction, not 37; "1234.567" is not grouped). A second kind of separator
 * is a decimal mark: "1.234,567" is 1234,567 in Vietnamese (and "1,234.567"
 * 1234.567 in English), so both are refused as fractions.
 *
 * Returns: %TRUE on success
 */
gboolean
bc_parse_count (const char  *text,
                gint64       max,
                gint64      *value,
                GError     **error)
{
  g_autofree char *digits = NULL;
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *p;
  int group = -1;       /* digits since the last separator; -1 before any */
  gboolean seen_separator = FALSE;
  char separator = 0;   /* the one kind of separator the number uses */
  guint64 result = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  while (g_ascii_isspace (*text))
    text++;
  digits = g_strdup (text);
  g_strchomp (digits);
  if (*digits == '\0')
    {
      g_set_error_literal (error, BC_NUMBER_ERROR, BC_NUMBER_ERROR_EMPTY, _("Enter a number"));
      return FALSE;
    }
  if (digits[0] == '-' || g_str_has_prefix (digits, "−"))
    {
      g_set_error_literal (error, BC_NUMBER_ERROR, BC_NUMBER_ERROR_NEGATIVE,
                           _("A count cannot be negative"));
      return FALSE;
    }
  for (p = digits; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (clean, *p);
          group = group < 0 ? 1 : group + 1;
          continue;
        }
      if ((*p == '.' || *p == ',' || *p == ' ') && group > 0
          && (!seen_separator || group == 3) && (seen_separator || group <= 3)
          && (separator == 0 || *p == separator))
        {
          seen_separator = TRUE;
          separator = *p;
          group = 0;
          continue;
        }
      if (*p == '.' || *p == ',')
        {
          g_set_error_literal (error, BC_NUMBER_ERROR, BC_NUMBER_ERROR_FRACTION,
                               _("A count is a whole number"));
          return FALSE;
        }
      g_set_error (error, BC_NUMBER_ERROR, BC_NUMBER_ERROR_NOT_A_NUMBER,
                   _("“%s” is not a number"), text);
      return FALSE;
    }
  if (seen_separator && group != 3)
    {
      g_set_error_literal (error, BC_NUMBER_ERROR, BC_NUMBER_ERROR_FRACTION,
                           _("A count is a whole number"));
      return FALSE;
    }
  for (p = clean->str; *p; p++)
    {
      result = result * 10 + (guint64) (*p - '0');
      if (result > (guint64) max)
        {
          g_autofree char *limit = bc_format_int (max);
          g_set_error (error, BC_NUMBER_ERROR, BC_NUMBER_ERROR_TOO_LARGE,
                       _("The number is larger than %s"), limit);
          return FALSE;
        }
    }
  *value = (gint64) result;
  return TRUE;
}

/**
 * bc_count_add:
 * @sum: (inout): a total, 0 to %BC_COUNT_MAX
 * @value: a count to add to it
 *
 * Adds without ever wrapping: a total over %BC_COUNT_MAX is refused, so
 * that nothing prints a number no one can check.
 *
 * Returns: %FALSE, leaving @sum as it was, when the total would exceed
 *   %BC_COUNT_MAX (or @value is negative)
 */
gboolean
bc_count_add (gint64 *sum,
              gint64  value)
{
  g_return_val_if_fail (sum != NULL && *sum >= 0 && *sum <= BC_COUNT_MAX, FALSE);

  if (value < 0 || value > BC_COUNT_MAX - *sum)
    return FALSE;
  *sum += value;
  return TRUE;
}

/* The whole part: digits, thousands grouped or not ("1.000" is 1000 only
 * when a comma follows for the fraction). Returns the number of digits
 * read into @whole, -1 when more than 15. */
static int
read_digits (const char **p,
             gint64      *whole)
{
  int n = 0;

  *whole = 0;
  while (g_ascii_isdigit (**p))
    {
      if (++n > 15)
        return -1;
      *whole = *whole * 10 + (**p - '0');
      (*p)++;
    }
  return n;
}

/**
 * bc_parse_percent:
 * @text: what the clerk typed: "62,76%", "62,76", "62.76", "98,9 %", "100"
 * @max: the largest accepted percentage (100 unless the column allows more)
 * @canonical: (out) (transfer full): the stored form: "62.76", "98.9",
 *   "100" (a dot before at most two decimals, no trailing zeros)
 * @error: a #BC_NUMBER_ERROR with a message for the clerk
 *
 * Parses a percentage typed as it is printed, without its denominator
 * (a table's "tỉ lệ" column): a comma or a dot before at most two
 * decimals, an optional "%".
 *
 * Returns: %TRUE on success
 */
gboolean
bc_parse_percent (const char  *text,
                  gint64       max,
                  char       **canonical,
                  GError     **error)
{
  g_autofree char *copy = NULL;
  const char *p;
  gint64 whole, hundredths = 0;
  int decimals = 0;

  g_return_val_if_fail (text != NULL && canonical != NULL, FALSE);

  *canonical = NULL;
  copy = g_strstrip (g_strdup (text));
  if (g_str_has_suffix (copy, "%"))
    copy[strlen (copy) - 1] = '\0';
  g_strchomp (copy);
  p = copy;
  if (*p == '\0')
    {
      g_set_error_literal (error, BC_NUMBER_ERROR, BC_NUMBER_ERROR_EMPTY, _("Enter a number"));
      return FALSE;
    }
  if (*p == '-' || g_str_has_prefix (p, "−"))
    {
      g_set_error_literal (error, BC_NUMBER_ERROR, BC_NUMBER_ERROR_NEGATIVE,
                           _("A percentage cannot be negative"));
      return FALSE;
    }
  if (read_digits (&p, &whole) <= 0)
    {
      g_set_error (error, BC_NUMBER_ERROR, BC_NUMBER_ERROR_NOT_A_NUMBER, _("“%s” is not a percentage"), text);
      return FALSE;
    }
  if (*p == ',' || *p == '.')
    for (p++; g_ascii_isdigit (*p) && decimals < 3; p++, decimals++)
      hundredths = decimals < 2 ? hundredths * 10 + (*p - '0') : hundredths;
  if (*p != '\0' || (decimals == 0 && p > copy && (p[-1] == ',' || p[-1] == '.')))
    {
      g_set_error (error, BC_NUMBER_ERROR, BC_NUMBER_ERROR_NOT_A_NUMBER, _("“%s” is not a percentage"), text);
      return FALSE;
    }
  if (decimals > 2)
    {
      g_set_error_literal (error, BC_NUMBER_ERROR, BC_NUMBER_ERROR_FRACTION,
                           _("A percentage has at most two decimals"));
      return FALSE;
    }
  if (decimals == 1)
    hundredths *= 10;
  if (whole > max || (whole == max && hundredths > 0))
    {
      g_autofree char *limit = bc_format_int (max);
      g_set_error (error, BC_NUMBER_ERROR, BC_NUMBER_ERROR_TOO_LARGE,
                   _("A percentage here is at most %s%%"), limit);
      return FALSE;
    }
  if (hundredths == 0)
    *canonical = g_strdup_printf ("%" G_GINT64_FORMAT, whole);
  else if (hundredths % 10 == 0)
    *canonical = g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, whole, hundredths / 10);
  else
    *canonical = g_strdup_printf ("%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT, whole, hundredths);
  return TRUE;
}

/**
 * bc_percent_to_display:
 * @canonical: a percentage as stored ("62.76")
 *
 * Returns: (transfer full): "62,76%", as printed; a copy of @canonical
 *   when it is no stored percentage
 */
char *
bc_percent_to_display (const char *canonical)
{
  g_autofree char *stored = NULL;
  g_autofree char *whole_text = NULL;
  const char *dot;
  gint64 whole;

  if (canonical == NULL || !bc_parse_percent (canonical, BC_COUNT_MAX, &stored, NULL)
      || !g_str_equal (stored, canonical))
    return g_strdup (canonical ? canonical : "");
  whole = g_ascii_strtoll (canonical, NULL, 10);
  whole_text = bc_format_int (whole);
  dot = strchr (canonical, '.');
  return dot ? g_strdup_printf ("%s,%s%%", whole_text, dot + 1) : g_strdup_printf ("%s%%", whole_text);
}
