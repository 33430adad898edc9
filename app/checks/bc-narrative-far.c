/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-narrative"

#include "config.h"

#include <string.h>

#include "bc-narrative-private.h"

/* The claims that reach across a sentence: a total whose parts come in
 * parentheses at its end, after a stretch of document numbers and dates,
 * and a percentage whose base is one the sentence stated before.  Both
 * pair numbers by reading, so they are warnings, and both give up as soon
 * as a second reading is possible. */

#define MAX_BASES 8

static gboolean
adjacent (BcScan *s,
          guint   a,
          guint   b)
{
  return bc_tok (s, a)->end == bc_tok (s, b)->start;
}

static gboolean
is_glue (const BcToken *t)
{
  return bc_token_is_punct (t, '/') || bc_token_is_punct (t, '-') || bc_token_is_punct (t, '.');
}

/* A number that is part of a name, not a count: "61" of "61/2018/NĐ-CP",
 * the "01" of "Bộ phận 01 cửa". */
static gboolean
is_identifier (BcScan *s,
               guint   cs,
               guint   ce,
               guint   i)
{
  if (i > cs && adjacent (s, i - 1, i) && is_glue (bc_tok (s, i - 1)))
    return TRUE;
  if (i + 1 < ce && adjacent (s, i, i + 1) && is_glue (bc_tok (s, i + 1)))
    return TRUE;
  return i + 1 < ce && strcmp (bc_tok (s, i + 1)->word, "cửa") == 0;
}

/* The one count before @end that the sentence could be totalling; BC_NONE
 * when there is none, or more than one (or a fraction or a percentage,
 * which are counts of their own). */
static guint
only_count_before (BcScan *s,
                   guint   cs,
                   guint   ce,
                   guint   end)
{
  guint found = BC_NONE;

  for (guint i = cs; i < end; i++)
    {
      const BcToken *t = bc_tok (s, i);

      if (t->kind == BC_TOK_FRACTION || (t->kind == BC_TOK_NUMBER && t->num.is_percent))
        return BC_NONE;
      if (t->kind != BC_TOK_NUMBER || !bc_scan_is_quantity (s, cs, i) || is_identifier (s, cs, ce, i))
        continue;
      if (found != BC_NONE)
        return BC_NONE;
      found = i;
    }
  return found;
}

/* The parentheses that close the sentence: the index of "(", or BC_NONE. */
static guint
closing_parentheses (BcScan *s,
                     guint   cs,
                     guint   ce,
                     guint  *close)
{
  int depth = 0;
  guint k = ce;

  while (k > cs && bc_tok (s, k - 1)->kind == BC_TOK_PUNCT && !bc_token_is_punct (bc_tok (s, k - 1), ')'))
    k--;
  if (k == cs || !bc_token_is_punct (bc_tok (s, k - 1), ')'))
    return BC_NONE;
  *close = k - 1;
  for (guint j = k; j > cs; j--)
    {
      if (bc_token_is_punct (bc_tok (s, j - 1), ')'))
        depth++;
      else if (bc_token_is_punct (bc_tok (s, j - 1), '(') && --depth == 0)
        return j - 1;
    }
  return BC_NONE;
}

/* One part in the parentheses: "cấp tỉnh 9" or "9 điểm cấp tỉnh", words
 * around exactly one count.  After "cấp huyện" a number is a count, not
 * the name "Huyện 5" it would be elsewhere. */
static gboolean
read_part (BcScan *s,
           guint   from,
           guint   to,
           BcPart *part)
{
  *part = (BcPart) { BC_NONE, BC_NONE, to, "", from, 0 };
  for (guint k = from; k < to; k++)
    {
      const BcToken *t = bc_tok (s, k);

      if (t->kind == BC_TOK_WORD)
        part->lead += part->qty == BC_NONE;
      else if (t->kind == BC_TOK_NUMBER && t->num.is_integer && !t->num.is_percent && part->qty == BC_NONE)
        {
          part->qty = k;
          part->unit = k + 1 < to && bc_tok (s, k + 1)->kind == BC_TOK_WORD ? bc_tok (s, k + 1)->word : "";
        }
      else
        return FALSE;
    }
  return part->qty != BC_NONE && part->lead <= 3 && to - from <= 6;
}

static gboolean
read_parts (BcScan   *s,
            guint     open,
            guint     close,
            GArray   *parts,
            gboolean *all)
{
  guint from = open + 1;

  /* "(gồm cấp tỉnh 9, cấp huyện 80)" names all the parts; "trong đó" or
   * nothing may leave one out. */
  if (from < close && bc_token_is_word (bc_tok (s, from), "bao"))
    from++;
  *all = from < close && bc_token_is_word (bc_tok (s, from), "gồm");
  from += *all;

  for (guint k = open + 1; k <= close; k++)
    {
      const BcToken *t = bc_tok (s, k);
      BcPart part;

      if (k < from || (k < close && !bc_token_is_punct (t, ',') && !bc_token_is_punct (t, ';')
                       && !bc_token_is_word (t, "và")))
        continue;
      if (!read_part (s, from, k, &part))
        return FALSE;
      g_array_append_val (parts, part);
      from = k + 1;
    }
  return parts->len >= 2;
}

/* "đã bố trí 86 điểm tiếp nhận theo Nghị định số 61/2018/NĐ-CP ngày
 * 23/4/2018, … Bộ phận 01 cửa … (cấp tỉnh 9, cấp huyện 80)": parts adding
 * up to more than the total are wrong, to less only after "gồm". */
static void
scan_far_parentheses (BcScan *s,
                      guint   cs,
                      guint   ce)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (BcPart));
  gboolean all = FALSE;
  guint open, close = 0, n;
  const char *unit;
  BcClaim *c;

  if ((open = closing_parentheses (s, cs, ce, &close)) == BC_NONE || open == cs)
    return;
  /* A count right before the parentheses is the near form's. */
  for (guint j = open; j > cs && j + 4 > open; j--)
    if ((bc_tok (s, j - 1)->kind == BC_TOK_NUMBER && !is_identifier (s, cs, ce, j - 1))
        || bc_tok (s, j - 1)->kind == BC_TOK_FRACTION)
      return;
  if (!read_parts (s, open, close, parts, &all))
    return;
  unit = g_array_index (parts, BcPart, 0).unit;
  for (guint p = 0; p < parts->len; p++)
    {
      const BcPart *part = &g_array_index (parts, BcPart, p);
      if (strcmp (part->unit, unit) != 0 || (part->lead == 0 && *unit == '\0'))
        return;
    }
  if ((n = only_count_before (s, cs, ce, open)) == BC_NONE || s->used[n]
      || (*unit && strcmp (unit, bc_scan_unit_after (s, n, ce)) != 0))
    return;
  c = bc_scan_add_claim (s, BC_CLAIM_BREAKDOWN, BC_CLAIM_FORM_FAR, bc_tok (s, n)->start, bc_tok (s, close)->end);
  c->stated = bc_tok (s, n)->num;
  c->complete = all;
  c->parts = g_array_new (FALSE, FALSE, sizeof (BcVnNumber));
  for (guint p = 0; p < parts->len; p++)
    g_array_append_val (c->parts, bc_tok (s, g_array_index (parts, BcPart, p).qty)->num);
  s->used[n] = TRUE;
}

/* The count a percentage is said of: "3.900 hồ sơ, đạt tỷ lệ 95,12%". */
static guint
count_of_percent (BcScan *s,
                  guint   cs,
                  guint   i)
{
  gboolean connector = FALSE;
  guint words = 0, j;

  for (j = i; j > cs; j--)
    {
      BcToken *t = bc_tok (s, j - 1);

      if (t->kind == BC_TOK_WORD)
        {
          connector |= (t->flags & BC_WORD_CONNECTOR) != 0;
          if (++words > 8 || (!connector && words > 4))
            return BC_NONE;
        }
      else if (!bc_token_is_punct (t, ',') && !bc_token_is_punct (t, '('))
        break;
    }
  if (j == cs || !connector || !bc_scan_is_quantity (s, cs, j - 1) || s->used[j - 1])
    return BC_NONE;
  return j - 1;
}

/* "Tiếp nhận 4.100/4.500 hồ sơ (91,11%), trong đó 3.900 hồ sơ đúng hạn,
 * đạt tỷ lệ 95,12%": the count's base is one of the sentence's numbers of
 * the same thing (3.900 / 4.100). */
static void
scan_implied (BcScan *s,
              guint   cs,
              guint   ce,
              guint   i)
{
  g_autoptr(GArray) bases = g_array_new (FALSE, FALSE, sizeof (BcVnNumber));
  gboolean same_thing = FALSE;
  const char *unit;
  guint q;
  BcClaim *c;

  /* "đạt 98% kế hoạch", "chiếm 52% dân số": the base is named. */
  if (i + 1 < ce && bc_tok (s, i + 1)->kind == BC_TOK_WORD)
    return;
  if ((q = count_of_percent (s, cs, i)) == BC_NONE || !*(unit = bc_scan_unit_after (s, q, ce)))
    return;
  for (guint k = cs; k < q; k++)
    {
      const BcToken *t = bc_tok (s, k);

      if (t->kind != BC_TOK_FRACTION)
        continue;
      same_thing |= strcmp (bc_scan_unit_after (s, k, ce), unit) == 0;
      if (bases->len + 2 > MAX_BASES)
        return;
      g_array_append_val (bases, t->den);
      g_array_append_val (bases, t->num);
    }
  if (!same_thing)
    return;
  c = bc_scan_add_claim (s, BC_CLAIM_RATIO, BC_CLAIM_FORM_IMPLIED, bc_tok (s, q)->start, bc_tok (s, i)->end);
  c->numerator = bc_tok (s, q)->num;
  c->denominator = g_array_index (bases, BcVnNumber, 0);
  c->stated = bc_tok (s, i)->num;
  c->parts = g_steal_pointer (&bases);
  s->used[i] = TRUE;
  s->used[q] = TRUE;
}

/**
 * bc_scan_far: (skip)
 *
 * The patterns across the clause @cs..@ce, after the others took theirs.
 */
void
bc_scan_far (BcScan *s,
             guint   cs,
             guint   ce)
{
  scan_far_parentheses (s, cs, ce);
  for (guint i = cs; i < ce; i++)
    if (bc_tok (s, i)->kind == BC_TOK_NUMBER && bc_tok (s, i)->num.is_percent && !s->used[i])
      scan_implied (s, cs, ce, i);
}
