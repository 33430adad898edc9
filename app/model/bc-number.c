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
 * thousands; anything that is not a grouping of three digits is refused
 * rather than guessed ("3,7" is a fraction, not 37).
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
          && (!seen_separator || group == 3) && (seen_separator || group <= 3))
        {
          seen_separator = TRUE;
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
