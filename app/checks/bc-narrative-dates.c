/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-narrative"

#include "config.h"

#include <string.h>

#include "bc-narrative-private.h"

/* The date patterns: "tính đến 17/5/2023", "trong tháng 05/2024", and
 * documents cited with their date, "1350/UBND-CA ngày 23/3/2024". */

static gboolean
is_one_of (const BcToken      *t,
           const char * const *words)
{
  if (!(t->flags & BC_WORD_KEYWORD))
    return FALSE;
  for (guint i = 0; words[i]; i++)
    if (strcmp (t->word, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "tính đến (ngày) 17/5/2023". */
static void
scan_as_of (BcScan *s,
            guint   cs,
            guint   i)
{
  BcToken *date = bc_tok (s, i);
  static const char * const fillers[] = { "ngày", "hết", "tháng", NULL };
  guint j = i;
  BcClaim *c;

  while (j > cs && i - j < 2 && is_one_of (bc_tok (s, j - 1), fillers))
    j--;
  if (j < cs + 2 || !bc_token_is_word (bc_tok (s, j - 1), "đến")
      || !bc_token_is_word (bc_tok (s, j - 2), "tính"))
    return;
  j -= 2;
  c = bc_scan_add_claim (s, BC_CLAIM_AS_OF, BC_CLAIM_FORM_DATE, bc_tok (s, j)->start, date->end);
  c->day = date->day;
  c->month = date->month;
  c->year = date->year;
}

/* "trong tháng 05/2024", "tháng 6 năm 2024"; not "từ tháng 12/2023 đến
 * tháng 5/2024", a range. */
static void
scan_month (BcScan *s,
            guint   cs,
            guint   ce,
            guint   i)
{
  BcToken *t = bc_tok (s, i);
  guint month, year, end = i;
  BcClaimForm form = BC_CLAIM_FORM_DATE;
  BcClaim *c;

  if (i == cs || !bc_token_is_word (bc_tok (s, i - 1), "tháng"))
    return;
  if (t->kind == BC_TOK_DATE && t->day == 0)
    month = t->month, year = t->year;
  else if (t->kind == BC_TOK_NUMBER && t->num.is_integer && !t->num.is_percent
           && t->num.integer >= 1 && t->num.integer <= 12 && i + 2 < ce
           && bc_token_is_word (bc_tok (s, i + 1), "năm") && bc_tok (s, i + 2)->kind == BC_TOK_NUMBER
           && bc_tok (s, i + 2)->num.is_integer && !bc_tok (s, i + 2)->num.is_percent
           && bc_tok (s, i + 2)->num.integer >= 1900 && bc_tok (s, i + 2)->num.integer <= 2100)
    month = (guint) t->num.integer, year = (guint) bc_tok (s, i + 2)->num.integer, end = i + 2;
  else
    return;
  if (i >= cs + 2)
    {
      BcToken *before = bc_tok (s, i - 2);
      if (bc_token_is_word (before, "từ") || bc_token_is_word (before, "đến"))
        return;
      if (bc_token_is_word (before, "trong"))
        form = BC_CLAIM_FORM_IN_MONTH;
    }
  c = bc_scan_add_claim (s, BC_CLAIM_MONTH, form,
                         bc_tok (s, i - (form == BC_CLAIM_FORM_IN_MONTH ? 2 : 1))->start,
                 bc_tok (s, end)->end);
  c->month = month;
  c->year = year;
}

static gboolean
adjacent (BcScan *s,
          guint   a,
          guint   b)
{
  return bc_tok (s, a)->end == bc_tok (s, b)->start;
}

/* "5096/UBND-VP ngày 22/4/2024", "42/2022/NĐ-CP ngày 24/6/2022": a
 * document number, written without spaces, then its date. */
static void
scan_citation (BcScan *s,
               guint   cs,
               guint   ce,
               guint   i)
{
  gboolean symbol = FALSE;
  guint j = i + 1;
  BcToken *first;
  BcClaim *c;

  /* Not from the middle of a number: "2022/NĐ-CP" in "42/2022/NĐ-CP". */
  if (i > cs && adjacent (s, i - 1, i) && bc_tok (s, i - 1)->kind == BC_TOK_PUNCT)
    return;
  first = bc_tok (s, i);
  if (first->kind != BC_TOK_NUMBER && !(first->kind == BC_TOK_WORD && g_ascii_isdigit (first->word[0])))
    return;
  if (j >= ce || !adjacent (s, i, j) || !bc_token_is_punct (bc_tok (s, j), '/'))
    return;
  for (; j < ce && adjacent (s, j - 1, j); j++)
    {
      BcToken *t = bc_tok (s, j);

      if (t->kind == BC_TOK_WORD)
        symbol = TRUE;
      else if (t->kind != BC_TOK_NUMBER && !(t->kind == BC_TOK_PUNCT && t->punct < 128 && t->punct
                                             && strchr ("/-&.", (int) t->punct)))
        break;
    }
  while (j > i + 1 && bc_tok (s, j - 1)->kind == BC_TOK_PUNCT)
    j--;
  if (!symbol || j + 1 >= ce)
    return;
  {
    guint k = j + bc_token_is_punct (bc_tok (s, j), ',');
    if (k + 1 >= ce || !bc_token_is_word (bc_tok (s, k), "ngày") || bc_tok (s, k + 1)->kind != BC_TOK_DATE
        || bc_tok (s, k + 1)->day == 0)
      return;
    c = bc_scan_add_claim (s, BC_CLAIM_CITATION, BC_CLAIM_FORM_DATE, first->start, bc_tok (s, k + 1)->end);
    c->ref_start = bc_tok (s, i)->start;
    c->ref_end = bc_tok (s, j - 1)->end;
    c->ref = g_strndup (s->text + c->ref_start, c->ref_end - c->ref_start);
    c->day = bc_tok (s, k + 1)->day;
    c->month = bc_tok (s, k + 1)->month;
    c->year = bc_tok (s, k + 1)->year;
  }
}

/* A target or a plan ("phấn đấu tính đến 31/12/2024 đạt 100%") may name a
 * date still to come. */
static gboolean
is_prospective (BcScan *s,
                guint   cs,
                guint   ce)
{
  static const char * const pairs[][2] = {
    { "phấn", "đấu" }, { "dự", "kiến" }, { "mục", "tiêu" }, { "chỉ", "tiêu" }, { "kế", "hoạch" },
  };

  for (guint i = cs; i < ce; i++)
    {
      if (!(bc_tok (s, i)->flags & BC_WORD_KEYWORD))
        continue;
      if (bc_token_is_word (bc_tok (s, i), "sẽ") || bc_token_is_word (bc_tok (s, i), "cần"))
        return TRUE;
      for (guint p = 0; i + 1 < ce && p < G_N_ELEMENTS (pairs); p++)
        if (bc_token_is_word (bc_tok (s, i), pairs[p][0])
            && bc_token_is_word (bc_tok (s, i + 1), pairs[p][1]))
          return TRUE;
    }
  return FALSE;
}

/**
 * bc_scan_dates: (skip)
 *
 * The date patterns of the clause @cs..@ce.
 */
void
bc_scan_dates (BcScan *s,
               guint   cs,
               guint   ce)
{
  int prospective = -1;   /* not known yet: only dates need it */

  for (guint i = cs; i < ce; i++)
    {
      if (bc_tok (s, i)->kind == BC_TOK_DATE && bc_tok (s, i)->day > 0)
        {
          if (prospective < 0)
            prospective = is_prospective (s, cs, ce);
          if (!prospective)
            scan_as_of (s, cs, i);
        }
      scan_month (s, cs, ce, i);
      scan_citation (s, cs, ce, i);
    }
}
