/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <string.h>

#include "bc-narrative.h"

/* libFuzzer entry point for the free-text scanner (its sentence and its
 * paragraph patterns) and the number parser:
 * any bytes must scan, parse and judge without a crash, an overflow or a
 * leak.  Built with -fsanitize=fuzzer,address,undefined under clang, or
 * with fuzz-driver.c and -fsanitize=address,undefined otherwise. */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const BcNarrativeFigure figures[] = {
  { 1047545, 615198 }, { 125, 125 }, { 3904, 7534 }, { 3904, 1 }, { 0, 0 }, { 999999999999999, 1 },
};

static void
judge_all (GPtrArray              *claims,
           const BcNarrativeDates *dates)
{
  for (guint i = 0; i < claims->len; i++)
    {
      BcClaim *claim = claims->pdata[i];
      BcVerdict verdict;

      if (bc_claim_judge (claim, dates, &verdict))
        {
          g_assert (verdict.message != NULL && verdict.rule != NULL);
          bc_verdict_clear (&verdict);
        }
      g_free (bc_vn_number_to_string (&claim->stated));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialised;
  const char *text = (const char *) data;
  BcNarrativeDates dates, unknown;
  GPtrArray *claims;

  /* A GLib critical is a bug too. */
  if (!initialised)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      initialised = TRUE;
    }

  g_date_clear (&dates.period_from, 1);
  g_date_clear (&dates.period_to, 1);
  g_date_clear (&dates.report_date, 1);
  unknown = dates;
  g_date_set_dmy (&dates.period_from, 21, 4, 2024);
  g_date_set_dmy (&dates.period_to, 20, 5, 2024);
  g_date_set_dmy (&dates.report_date, 24, 5, 2024);

  claims = bc_narrative_scan (text, (gssize) size, figures, G_N_ELEMENTS (figures));
  for (guint i = 0; i < claims->len; i++)
    {
      BcClaim *claim = claims->pdata[i];
      g_assert (claim->start < claim->end && claim->end <= size);
    }
  judge_all (claims, &dates);
  judge_all (claims, &unknown);
  g_ptr_array_unref (claims);

  /* The same bytes as paragraphs with bullets, as the checker passes a
   * section: one at every newline, its bullet chosen by its first byte. */
  {
    GArray *paras = g_array_new (FALSE, FALSE, sizeof (BcParagraph));
    size_t start = 0;

    for (size_t i = 0; i <= size; i++)
      if (i == size || text[i] == '\n')
        {
          BcParagraph p = { start, i, 0 };

          if (i > start)
            p.bullet = "\0-+"[(unsigned char) text[start] % 3];
          g_array_append_val (paras, p);
          start = i + 1;
        }
    claims = bc_narrative_scan_paragraphs (text, (gssize) size, (BcParagraph *) paras->data, paras->len, figures,
                                           G_N_ELEMENTS (figures));
    for (guint i = 0; i < claims->len; i++)
      {
        BcClaim *claim = claims->pdata[i];
        g_assert (claim->start < claim->end && claim->end <= size);
      }
    judge_all (claims, &dates);
    g_ptr_array_unref (claims);
    g_array_unref (paras);
  }

  /* The number parser at every digit. */
  for (size_t i = 0; i < size; i++)
    {
      BcVnNumber number;

      if (g_ascii_isdigit (text[i]) && bc_vn_number_parse (text + i, size - i, &number))
        {
          g_assert (number.end > 0 && number.end <= size - i);
          g_free (bc_vn_number_to_string (&number));
          bc_percent_agrees (number.value, &number);
        }
    }
  return 0;
}
