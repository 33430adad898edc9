/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-narrative"

#include "config.h"

#include <math.h>
#include <string.h>

#include "bc-narrative.h"
#include "bc-number.h"

/* Numbers as Vietnamese text writes them, and the rounding rule. */

#define MAX_DIGITS 15
#define MAX_DECIMALS 6

static gboolean
is_digit_at (const char *text,
             gsize       length,
             gsize       i)
{
  return i < length && g_ascii_isdigit (text[i]);
}

static guint
count_digits (const char *text,
              gsize       length,
              gsize       i)
{
  guint n = 0;

  while (is_digit_at (text, length, i + n))
    n++;
  return n;
}

/* "98.08%": a dot that cannot group thousands, before one or two digits
 * and a percent sign, is a decimal point typed the English way. */
static gboolean
stray_decimal_at (const char *text,
                  gsize       length,
                  gsize       i,
                  guint      *n)
{
  gsize j;

  if (i >= length || text[i] != '.')
    return FALSE;
  *n = count_digits (text, length, i + 1);
  if (*n < 1 || *n > 2)
    return FALSE;
  j = i + 1 + *n;
  if (j < length && text[j] == ' ')
    j++;
  return j < length && text[j] == '%';
}

/* An optional space (or no-break space) and a percent sign. */
static gsize
percent_after (const char *text,
               gsize       length,
               gsize       i)
{
  gsize j = i;

  if (j < length && text[j] == ' ')
    j++;
  else if (j + 1 < length && (guchar) text[j] == 0xC2 && (guchar) text[j + 1] == 0xA0)
    j += 2;
  if (j < length && text[j] == '%')
    return j + 1 - i;
  return 0;
}

/**
 * bc_vn_number_parse:
 * @text: text starting with a digit
 * @length: bytes available at @text
 * @number: (out caller-allocates): the number; @start is 0
 *
 * Reads the longest Vietnamese number at the start of @text: digits
 * grouped by dots in threes, an optional comma and decimals, an optional
 * percent sign.  "3,762" is three point seven six two, as in Vietnamese.
 *
 * Returns: %TRUE when @text starts with a number
 */
gboolean
bc_vn_number_parse (const char *text,
                    gsize       length,
                    BcVnNumber *number)
{
  guint64 whole = 0;
  guint64 fraction = 0;
  guint digits = 0;
  guint decimals = 0;
  guint stray = 0;
  gboolean grouped = FALSE;
  gsize i = 0;
  gsize pct;

  g_return_val_if_fail (number != NULL, FALSE);
  memset (number, 0, sizeof *number);
  if (text == NULL || !is_digit_at (text, length, 0))
    return FALSE;

  for (; is_digit_at (text, length, i); i++)
    {
      if (++digits > MAX_DIGITS)
        return FALSE;
      whole = whole * 10 + (guint64) (text[i] - '0');
    }
  /* Thousands groups: only after a first group of one to three digits. */
  while (i < length && text[i] == '.' && (grouped || i <= 3) && count_digits (text, length, i + 1) == 3)
    {
      if (digits + 3 > MAX_DIGITS)
        return FALSE;
      for (gsize k = i + 1; k < i + 4; k++)
        whole = whole * 10 + (guint64) (text[k] - '0');
      digits += 3;
      grouped = TRUE;
      i += 4;
    }
  if (!grouped && stray_decimal_at (text, length, i, &stray))
    {
      for (gsize k = i + 1; k < i + 1 + stray; k++)
        fraction = fraction * 10 + (guint64) (text[k] - '0');
      decimals = stray;
      i += 1 + stray;
    }
  else if (i < length && text[i] == ',' && is_digit_at (text, length, i + 1))
    {
      for (i++; is_digit_at (text, length, i); i++)
        {
          if (++decimals > MAX_DECIMALS)
            return FALSE;
          fraction = fraction * 10 + (guint64) (text[i] - '0');
        }
    }
  if ((pct = percent_after (text, length, i)) > 0)
    {
      number->is_percent = TRUE;
      i += pct;
    }
  number->decimals = decimals;
  number->is_integer = decimals == 0;
  number->integer = (gint64) whole;
  number->value = (double) whole + (double) fraction / pow (10, decimals);
  number->end = i;
  return TRUE;
}

/**
 * bc_percent_agrees:
 * @exact_percent: the exact value, 97.6115 for 97,6115 %
 * @stated: the percentage as written
 *
 * A written percentage is right when it is within one unit of its last
 * written digit of the exact value, so that rounding and truncation both
 * pass: "89,7%" for 89,79 % passes, "108,3%" for 109,12 % does not.
 *
 * Returns: %TRUE when @stated agrees with @exact_percent
 */
gboolean
bc_percent_agrees (double            exact_percent,
                   const BcVnNumber *stated)
{
  double scale;

  g_return_val_if_fail (stated != NULL, FALSE);
  if (!isfinite (exact_percent))
    return FALSE;
  scale = pow (10, stated->decimals);
  /* Compare in units of the last digit; the margin keeps an exact one-unit
   * difference ("99%" for exactly 100 %) a mismatch despite rounding. */
  return fabs (stated->value * scale - exact_percent * scale) < 1.0 - 1e-9;
}

/**
 * bc_vn_number_to_string:
 *
 * Returns: (transfer full): @number written the Vietnamese way, with as
 *   many decimals as it was written with: "1.047.545", "108,3%"
 */
char *
bc_vn_number_to_string (const BcVnNumber *number)
{
  double scale = pow (10, number->decimals);
  gint64 whole = (gint64) floor (number->value);
  gint64 fraction = (gint64) llround ((number->value - (double) whole) * scale);
  g_autofree char *whole_text = NULL;
  GString *out;

  if (fraction >= (gint64) scale && number->decimals > 0)
    {
      whole++;
      fraction -= (gint64) scale;
    }
  whole_text = bc_format_int (number->is_integer ? number->integer : whole);
  out = g_string_new (whole_text);
  if (number->decimals > 0)
    g_string_append_printf (out, ",%0*" G_GINT64_FORMAT, (int) number->decimals, fraction);
  if (number->is_percent)
    g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}

