/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-narrative"

#include "config.h"

#include <string.h>

#include "bc-narrative-private.h"

/* The claim patterns.  Each works inside one clause (between two breaks)
 * and gives up at the first token that does not fit: a missed claim is
 * silence, a wrong one is a false alarm. */

#define NONE BC_NONE
#define MAX_PARTS 16

typedef enum
{
  PART_QUANTITY,   /* one count, perhaps with its percentage */
  PART_PERCENT,    /* "đạt tỷ lệ 84,4%": belongs to the previous part */
  PART_EMPTY,      /* no count: the list is over */
  PART_BAD,        /* two counts, a date or a fraction: not a list */
} PartKind;

typedef BcPart Part;

/* A number right after one of these names a thing ("mức 2", "Quý 2"),
 * it does not count one. */
static gboolean
is_qualifier (const BcToken *t)
{
  return (t->flags & BC_WORD_QUALIFIER) != 0;
}

static gboolean
is_connector (const BcToken *t)
{
  return (t->flags & BC_WORD_CONNECTOR) != 0 || bc_token_is_punct (t, '=');
}

static gboolean
is_percent (const BcToken *t)
{
  return t->kind == BC_TOK_NUMBER && t->num.is_percent;
}

static gboolean
is_quantity (BcScan *s,
             guint   cs,
             guint   i)
{
  const BcToken *t = bc_tok (s, i);

  if (t->kind != BC_TOK_NUMBER || t->num.is_percent || !t->num.is_integer)
    return FALSE;
  /* "Tổng số 200": a total, not number 200. */
  if (i > cs + 1 && bc_token_is_word (bc_tok (s, i - 1), "số")
      && bc_token_is_word (bc_tok (s, i - 2), "tổng"))
    return TRUE;
  return !(i > cs && is_qualifier (bc_tok (s, i - 1)));
}

static const char *
unit_after (BcScan *s,
            guint   i,
            guint   ce)
{
  return i + 1 < ce && bc_tok (s, i + 1)->kind == BC_TOK_WORD ? bc_tok (s, i + 1)->word : "";
}

/**
 * bc_scan_add_claim: (skip)
 */
BcClaim *
bc_scan_add_claim (BcScan      *s,
                   BcClaimKind  kind,
                   BcClaimForm  form,
                   gsize        start,
                   gsize        end)
{
  BcClaim *c = g_new0 (BcClaim, 1);

  c->kind = kind;
  c->form = form;
  c->start = start;
  c->end = end;
  g_ptr_array_add (s->claims, c);
  return c;
}

static void
add_ratio (BcScan           *s,
           BcClaimForm       form,
           const BcVnNumber *a,
           const BcVnNumber *b,
           guint             pct,
           gsize             start,
           gsize             end)
{
  BcClaim *c = bc_scan_add_claim (s, BC_CLAIM_RATIO, form, start, end);

  c->numerator = *a;
  c->denominator = *b;
  c->stated = bc_tok (s, pct)->num;
  s->used[pct] = TRUE;
}

/* "996.007/1.019.623 người (đạt 97,7%)", "671.290 /615.198 tài khoản, đạt tỷ lệ 108,3%" */
static void
scan_fraction_first (BcScan *s,
                     guint   cs,
                     guint   ce,
                     guint   i)
{
  gboolean connector = FALSE;
  guint words = 0;

  for (guint j = i + 1; j < ce; j++)
    {
      BcToken *t = bc_tok (s, j);

      if (t->kind == BC_TOK_WORD)
        {
          connector |= is_connector (t);
          if (++words > 8)
            return;
        }
      else if (t->kind == BC_TOK_PUNCT && t->punct < 128 && t->punct && strchr (",(:=-", (int) t->punct))
        connector |= t->punct == '=';
      else if (is_percent (t) && !s->used[j])
        {
          if (connector || bc_token_is_punct (bc_tok (s, j - 1), '('))
            {
              add_ratio (s, BC_CLAIM_FORM_FRACTION, &bc_tok (s, i)->num, &bc_tok (s, i)->den, j,
                         bc_tok (s, i)->start, t->end);
              s->used[i] = TRUE;
            }
          return;
        }
      else
        return;
    }
}

/* "28,36% (177 lượt/624 lượt phát sinh thu)", "99,91% (16.074/16.089)" */
static void
scan_percent_first (BcScan *s,
                    guint   ce,
                    guint   i)
{
  BcToken *f;

  if (i + 2 >= ce || s->used[i] || !bc_token_is_punct (bc_tok (s, i + 1), '('))
    return;
  f = bc_tok (s, i + 2);
  if (f->kind != BC_TOK_FRACTION || s->used[i + 2])
    return;
  add_ratio (s, BC_CLAIM_FORM_PERCENT_FIRST, &f->num, &f->den, i, bc_tok (s, i)->start, f->end);
  s->used[i + 2] = TRUE;
}

static PartKind
parse_part (BcScan *s,
            guint   cs,
            guint   ce,
            guint   j,
            guint   max_lead,
            Part   *part)
{
  int depth = 0;
  guint lead = 0;
  gboolean connector = FALSE;
  guint k;

  *part = (Part) { NONE, NONE, j, "", j, 0 };
  for (k = j; k < ce; k++)
    {
      BcToken *t = bc_tok (s, k);

      if (depth == 0 && (bc_token_is_punct (t, ',') || bc_token_is_punct (t, ')') || bc_token_is_word (t, "và")))
        break;
      if (bc_token_is_punct (t, '('))
        depth++;
      else if (bc_token_is_punct (t, ')'))
        depth--;
      else if (t->kind == BC_TOK_WORD)
        {
          connector |= is_connector (t);
          lead += part->qty == NONE;
        }
      else if (is_percent (t))
        {
          if (part->pct == NONE && !s->used[k] && (connector || bc_token_is_punct (bc_tok (s, k - 1), '(')))
            part->pct = k;
        }
      else if (t->kind == BC_TOK_FRACTION || t->kind == BC_TOK_DATE)
        {
          if (depth == 0)
            return PART_BAD;
        }
      else if (depth == 0 && is_quantity (s, cs, k))
        {
          if (part->qty != NONE)
            return PART_BAD;
          if (lead > max_lead)
            return PART_EMPTY;
          part->qty = k;
          part->lead = lead;
          part->unit = unit_after (s, k, ce);
        }
    }
  part->end = k;
  if (part->qty != NONE)
    return PART_QUANTITY;
  return part->pct != NONE ? PART_PERCENT : PART_EMPTY;
}

/* Reads "a X, b Y và c Z" from @j; percentages written after a part
 * belong to it.  Returns the index after the list, NONE when it is no list. */
static guint
parse_list (BcScan *s,
            guint   cs,
            guint   ce,
            guint   j,
            guint   max_lead,
            GArray *parts)
{
  Part part;

  while (j < ce && parts->len < MAX_PARTS)
    {
      switch (parse_part (s, cs, ce, j, max_lead, &part))
        {
        case PART_QUANTITY:
          g_array_append_val (parts, part);
          break;
        case PART_PERCENT:
          if (parts->len == 0 || g_array_index (parts, Part, parts->len - 1).pct != NONE)
            return j;
          g_array_index (parts, Part, parts->len - 1).pct = part.pct;
          g_array_index (parts, Part, parts->len - 1).end = part.end;
          break;
        case PART_EMPTY:
          return j;
        case PART_BAD:
        default:
          return NONE;
        }
      j = part.end;
      if (j >= ce || bc_token_is_punct (bc_tok (s, j), ')'))
        return j;
      j++;
    }
  return j;
}

/**
 * bc_scan_is_quantity: (skip)
 *
 * Returns: %TRUE when token @i counts something ("12 hồ sơ"), rather than
 *   naming it ("mức 2") or being a percentage
 */
gboolean
bc_scan_is_quantity (BcScan *s,
                     guint   cs,
                     guint   i)
{
  return is_quantity (s, cs, i);
}

/**
 * bc_scan_unit_after: (skip)
 *
 * Returns: the word after token @i, "" when none
 */
const char *
bc_scan_unit_after (BcScan *s,
                    guint   i,
                    guint   ce)
{
  return unit_after (s, i, ce);
}

static gboolean
same_units (BcScan     *s,
            GArray     *parts,
            const char *total_unit)
{
  const char *unit = g_array_index (parts, Part, 0).unit;

  for (guint k = 1; k < parts->len; k++)
    if (strcmp (g_array_index (parts, Part, k).unit, unit) != 0)
      return FALSE;
  return *total_unit == '\0' || strcmp (total_unit, unit) == 0;
}

/* Where a list ends: its last token that is not punctuation. */
static gsize
list_end (BcScan *s,
          GArray *parts)
{
  const Part *last = &g_array_index (parts, Part, parts->len - 1);
  guint k = last->end - 1;

  while (k > last->qty && bc_tok (s, k)->kind == BC_TOK_PUNCT)
    k--;
  return bc_tok (s, k)->end;
}

static void
add_breakdown (BcScan      *s,
               BcClaimKind  kind,
               BcClaimForm  form,
               guint        n,
               GArray      *parts,
               gsize        end)
{
  BcClaim *c = bc_scan_add_claim (s, kind, form, bc_tok (s, n)->start, end);

  c->stated = bc_tok (s, n)->num;
  c->parts = g_array_new (FALSE, FALSE, sizeof (BcVnNumber));
  for (guint k = 0; k < parts->len; k++)
    g_array_append_val (c->parts, bc_tok (s, g_array_index (parts, Part, k).qty)->num);
}

/* "1.478 (545 DVCTT toàn trình, 941 DVCTT một phần)" */
static void
scan_parentheses (BcScan *s,
                  guint   cs,
                  guint   ce,
                  guint   n)
{
  g_autoptr(GArray) parts = NULL;
  guint j = n + 1, end;

  while (j < ce && j < n + 4 && bc_tok (s, j)->kind == BC_TOK_WORD)
    j++;
  if (j >= ce || !bc_token_is_punct (bc_tok (s, j), '('))
    return;
  parts = g_array_new (FALSE, FALSE, sizeof (Part));
  end = parse_list (s, cs, ce, j + 1, 3, parts);
  if (end == NONE || end >= ce || !bc_token_is_punct (bc_tok (s, end), ')') || parts->len < 2)
    return;
  for (guint k = 0; k < parts->len; k++)
    if (g_array_index (parts, Part, k).pct != NONE)
      return;
  if (!same_units (s, parts, n + 1 < j ? bc_tok (s, n + 1)->word : ""))
    return;
  add_breakdown (s, BC_CLAIM_BREAKDOWN, BC_CLAIM_FORM_PARENTHESES, n, parts, bc_tok (s, end)->end);
}

/* The count a list keyword refers to: the last count before it, with
 * nothing but words and commas between. */
static guint
total_before (BcScan *s,
              guint   cs,
              guint   k)
{
  guint words = 0;

  for (guint j = k; j > cs; j--)
    {
      BcToken *t = bc_tok (s, j - 1);

      if (t->kind == BC_TOK_WORD)
        {
          if (++words > 12)
            return NONE;
        }
      else if (!bc_token_is_punct (t, ',') && !bc_token_is_punct (t, ':'))
        return is_quantity (s, cs, j - 1) ? j - 1 : NONE;
    }
  return NONE;
}

/* "37.263 người, trong đó có 31.470 đối tượng ..., đạt tỷ lệ 84,4%",
 * "332 tài khoản, trong đó có 256 ... và 76 ...",
 * "2.244 trường hợp ..., cụ thể: ... 2.215 trường hợp, 17 trường hợp ..." */
static void
scan_list_keyword (BcScan *s,
                   guint   cs,
                   guint   ce,
                   guint   k)
{
  g_autoptr(GArray) parts = NULL;
  gboolean namely = FALSE;
  guint start = k, j, n, end, max_lead = 2;
  const char *total_unit;

  if (bc_token_is_word (bc_tok (s, k), "trong") && k + 1 < ce && bc_token_is_word (bc_tok (s, k + 1), "đó"))
    j = k + 2;
  else if (bc_token_is_word (bc_tok (s, k), "cụ") && k + 1 < ce
           && bc_token_is_word (bc_tok (s, k + 1), "thể"))
    j = k + 2, namely = TRUE, max_lead = 8;
  else if (bc_token_is_word (bc_tok (s, k), "gồm"))
    {
      j = k + 1;
      if (k > cs && bc_token_is_word (bc_tok (s, k - 1), "bao"))
        start = k - 1;
    }
  else
    return;
  if ((n = total_before (s, cs, start)) == NONE || s->used[n])
    return;
  while (j < ce && (bc_token_is_word (bc_tok (s, j), "có") || bc_token_is_punct (bc_tok (s, j), ':')))
    j++;
  parts = g_array_new (FALSE, FALSE, sizeof (Part));
  end = parse_list (s, cs, ce, j, max_lead, parts);
  if (end == NONE || parts->len == 0)
    return;
  for (guint p = 0; p < parts->len; p++)
    {
      Part *part = &g_array_index (parts, Part, p);
      if (part->pct != NONE)
        add_ratio (s, BC_CLAIM_FORM_IN_WHICH, &bc_tok (s, part->qty)->num, &bc_tok (s, n)->num, part->pct,
                   bc_tok (s, n)->start, bc_tok (s, part->pct)->end);
    }
  total_unit = unit_after (s, n, ce);
  if (!same_units (s, parts, total_unit))
    return;
  if (parts->len >= 2)
    add_breakdown (s, BC_CLAIM_BREAKDOWN, namely ? BC_CLAIM_FORM_NAMELY : BC_CLAIM_FORM_IN_WHICH, n, parts,
                   list_end (s, parts));
  else if (*total_unit && g_array_index (parts, Part, 0).pct == NONE)
    add_breakdown (s, BC_CLAIM_SUBSET, BC_CLAIM_FORM_IN_WHICH, n, parts, list_end (s, parts));
  s->used[n] = TRUE;
}

static gboolean
figure_denominator (BcScan *s,
                    gint64  value,
                    gint64 *denominator)
{
  gboolean found = FALSE;

  for (guint f = 0; f < s->n_figures; f++)
    {
      if (s->figures[f].value != value || s->figures[f].denominator <= 0)
        continue;
      if (found && *denominator != s->figures[f].denominator)
        return FALSE;   /* two figures, two denominators: which one? */
      *denominator = s->figures[f].denominator;
      found = TRUE;
    }
  return found;
}

/* "1.047.545 tài khoản, đạt tỷ lệ thu nhận 170%" where 1.047.545 is a key
 * figure with a denominator. */
static void
scan_figure_ratio (BcScan *s,
                   guint   cs,
                   guint   i)
{
  gboolean connector = FALSE;
  guint words = 0, j;
  gint64 den = 0;

  for (j = i; j > cs; j--)
    {
      BcToken *t = bc_tok (s, j - 1);

      if (t->kind == BC_TOK_WORD)
        {
          connector |= is_connector (t);
          if (++words > 10 || (!connector && words > 4))
            return;
        }
      else if (!bc_token_is_punct (t, ',') && !bc_token_is_punct (t, '('))
        break;
    }
  if (j == cs || !connector || !is_quantity (s, cs, j - 1) || s->used[j - 1]
      || bc_tok (s, j - 1)->num.integer < 10
      || !figure_denominator (s, bc_tok (s, j - 1)->num.integer, &den))
    return;
  {
    BcVnNumber b = { .value = (double) den, .integer = den, .is_integer = TRUE };
    add_ratio (s, BC_CLAIM_FORM_FIGURE, &bc_tok (s, j - 1)->num, &b, i, bc_tok (s, j - 1)->start,
               bc_tok (s, i)->end);
  }
}

static void
scan_clause (BcScan *s,
             guint   cs,
             guint   ce)
{
  bc_scan_dates (s, cs, ce);
  for (guint i = cs; i < ce; i++)
    if (bc_tok (s, i)->kind == BC_TOK_FRACTION && !s->used[i])
      scan_fraction_first (s, cs, ce, i);
  for (guint i = cs; i < ce; i++)
    if (is_percent (bc_tok (s, i)))
      scan_percent_first (s, ce, i);
  for (guint i = cs; i < ce; i++)
    if (is_quantity (s, cs, i) && !s->used[i])
      scan_parentheses (s, cs, ce, i);
  for (guint i = cs; i < ce; i++)
    if (bc_tok (s, i)->flags & BC_WORD_KEYWORD)
      scan_list_keyword (s, cs, ce, i);
  for (guint i = cs; i < ce; i++)
    if (is_percent (bc_tok (s, i)) && !s->used[i])
      scan_figure_ratio (s, cs, i);
  bc_scan_far (s, cs, ce);
}

static void
scan_range (const char *text,
            gsize       start,
            gsize       end,
            gpointer    data)
{
  BcScan *s = data;
  guint cs = 0;

  s->text = text;
  s->tokens = bc_narrative_tokenize (text, start, end);
  s->used = g_new0 (gboolean, s->tokens->len + 1);
  while (cs < s->tokens->len)
    {
      guint ce = cs;
      while (ce < s->tokens->len && bc_tok (s, ce)->kind != BC_TOK_BREAK)
        ce++;
      scan_clause (s, cs, ce);
      cs = ce + 1;
    }
  g_clear_pointer (&s->tokens, g_array_unref);
  g_clear_pointer (&s->used, g_free);
}

static int
compare_claims (gconstpointer a,
                gconstpointer b)
{
  const BcClaim *x = *(BcClaim * const *) a, *y = *(BcClaim * const *) b;

  return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

/* A bullet typed into the text: "+ " or "- " at the paragraph's start. */
static BcParagraph
with_bullet (const char  *text,
             BcParagraph  p)
{
  if (p.bullet == 0 && p.start + 1 < p.end && (text[p.start] == '+' || text[p.start] == '-')
      && text[p.start + 1] == ' ')
    {
      p.bullet = text[p.start];
      p.start++;
    }
  while (p.start < p.end && (text[p.start] == ' ' || text[p.start] == '\t'))
    p.start++;
  return p;
}

/* The paragraphs of a plain text: its lines that hold something. */
static GArray *
split_lines (const char *text,
             gsize       length)
{
  GArray *paras = g_array_new (FALSE, FALSE, sizeof (BcParagraph));
  gsize start = 0;

  for (gsize i = 0; i <= length; i++)
    {
      BcParagraph p = { start, i, 0 };

      if (i < length && text[i] != '\n')
        continue;
      start = i + 1;
      p = with_bullet (text, p);
      if (p.start < p.end)
        g_array_append_val (paras, p);
    }
  return paras;
}

/* Returns: whether the text holds a digit at all */
/* The bytes bc_narrative_digit_sentences() stops at: digits and what may
 * end a sentence. */
static const gboolean sentence_byte[256] = {
  ['0'] = TRUE, ['1'] = TRUE, ['2'] = TRUE, ['3'] = TRUE, ['4'] = TRUE,
  ['5'] = TRUE, ['6'] = TRUE, ['7'] = TRUE, ['8'] = TRUE, ['9'] = TRUE,
  [';'] = TRUE, ['.'] = TRUE, ['!'] = TRUE, ['?'] = TRUE,
};

/**
 * bc_narrative_digit_sentences: (skip)
 *
 * Calls @func for each sentence of @text that holds a digit.  Every claim
 * and every count lies inside one sentence, and a sentence always ends at
 * ";" and at ". " (the tokenizer breaks there too): only those sentences
 * need reading.
 *
 * Returns: %TRUE when there was one
 */
gboolean
bc_narrative_digit_sentences (const char     *text,
                              gsize           length,
                              BcSentenceFunc  func,
                              gpointer        data)
{
  gsize start = 0;
  gboolean digits = FALSE, any = FALSE;

  for (gsize i = 0; i <= length; i++)
    {
      gboolean end;

      /* Letters and spaces, the most of it, decide nothing. */
      while (i < length && !sentence_byte[(guchar) text[i]])
        i++;
      end = i == length || text[i] == ';'
            || ((text[i] == '.' || text[i] == '!' || text[i] == '?')
                && (i + 1 == length || g_ascii_isspace (text[i + 1])));
      if (i < length && g_ascii_isdigit (text[i]))
        digits = TRUE;
      if (!end)
        continue;
      if (digits)
        func (text, start, MIN (i + 1, length), data);
      any |= digits;
      start = i + 1;
      digits = FALSE;
    }
  return any;
}

/**
 * bc_narrative_scan_paragraphs:
 * @text: the text, UTF-8 (invalid bytes are skipped)
 * @length: its length in bytes, or -1 when nul-terminated
 * @paragraphs: (array length=n_paragraphs) (nullable): its paragraphs, in
 *   order and apart (a bullet typed at a paragraph's start counts too);
 *   %NULL: its lines
 * @n_paragraphs: how many
 * @figures: (array length=n_figures) (nullable): the report's key figures
 *   with their denominators
 * @n_figures: how many
 *
 * Finds the claims a text makes about its own numbers and dates, within
 * its sentences and from a paragraph to the ones after it.
 *
 * Returns: (transfer full) (element-type BcClaim): the claims, in the
 *   order of the text
 */
GPtrArray *
bc_narrative_scan_paragraphs (const char              *text,
                              gssize                   length,
                              const BcParagraph       *paragraphs,
                              guint                    n_paragraphs,
                              const BcNarrativeFigure *figures,
                              guint                    n_figures)
{
  BcScan s = { 0 };
  g_autoptr(GArray) paras = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = (gssize) strlen (text);
  s.figures = figures;
  s.n_figures = figures ? n_figures : 0;
  s.claims = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_claim_free);
  if (text == NULL)
    return s.claims;
  /* Every claim, across paragraphs too, holds a digit. */
  if (!bc_narrative_digit_sentences (text, (gsize) length, scan_range, &s))
    return s.claims;
  if (paragraphs == NULL)
    paras = split_lines (text, (gsize) length);
  else
    {
      paras = g_array_sized_new (FALSE, FALSE, sizeof (BcParagraph), n_paragraphs);
      for (guint i = 0; i < n_paragraphs; i++)
        {
          BcParagraph p = paragraphs[i];

          g_return_val_if_fail (p.start <= p.end && p.end <= (gsize) length, s.claims);
          p = with_bullet (text, p);
          g_array_append_val (paras, p);
        }
    }
  bc_scan_paragraphs (&s, text, (BcParagraph *) paras->data, paras->len);
  g_ptr_array_sort (s.claims, compare_claims);
  return s.claims;
}

/**
 * bc_narrative_scan:
 * @text: the text, UTF-8 (invalid bytes are skipped)
 * @length: its length in bytes, or -1 when nul-terminated
 * @figures: (array length=n_figures) (nullable): the report's key figures
 *   with their denominators
 * @n_figures: how many
 *
 * Finds the claims a text makes about its own numbers and dates; its
 * paragraphs are its lines.
 *
 * Returns: (transfer full) (element-type BcClaim): the claims, in the
 *   order of the text
 */
GPtrArray *
bc_narrative_scan (const char              *text,
                   gssize                   length,
                   const BcNarrativeFigure *figures,
                   guint                    n_figures)
{
  return bc_narrative_scan_paragraphs (text, length, NULL, 0, figures, n_figures);
}
