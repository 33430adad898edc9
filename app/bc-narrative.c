/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-narrative"

#include "config.h"

#include <math.h>
#include <string.h>

#include "bc-narrative-private.h"
#include "bc-number.h"

/* Vietnamese numbers, and the tokens the claim patterns work on. */

#define MAX_DIGITS 15
#define MAX_DECIMALS 6

static gboolean
is_digit_at (const char *text, gsize length, gsize i)
{
  return i < length && g_ascii_isdigit (text[i]);
}

static guint
count_digits (const char *text, gsize length, gsize i)
{
  guint n = 0;

  while (is_digit_at (text, length, i + n))
    n++;
  return n;
}

/* "98.08%": a dot that cannot group thousands, before one or two digits
 * and a percent sign, is a decimal point typed the English way. */
static gboolean
stray_decimal_at (const char *text, gsize length, gsize i, guint *n)
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
percent_after (const char *text, gsize length, gsize i)
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

/* The tokenizer */

typedef struct
{
  const char *text;
  gsize       length;
  gsize       pos;
  GArray     *tokens;
  gboolean    newline;   /* a line break since the last token */
} Lexer;

static gunichar
char_at (const Lexer *lx, gsize at, gsize *size)
{
  gunichar c;

  if ((guchar) lx->text[at] < 0x80 && lx->text[at] != '\0')
    {
      *size = 1;
      return (guchar) lx->text[at];
    }
  c = g_utf8_get_char_validated (lx->text + at, (gssize) (lx->length - at));

  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *size = 1;
      return 0xFFFD;
    }
  *size = (gsize) g_unichar_to_utf8 (c, NULL);
  return c;
}

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* The words the patterns name, with what they are to them. */
static GHashTable *
word_table (void)
{
  static const char * const qualifiers[] = {
    "mức", "số", "nhóm", "loại", "phần", "hạng", "khu", "tổ", "kỳ", "quý",
    "tháng", "năm", "ngày", "đợt", "lần", "thứ", "điểm", "hình", "khoản",
    "điều", "mục", "lớp", "phường", "xã", "ấp", "thôn", "phòng", "tầng",
    "bước", "chương", "bản", "lô", "đội", "đoạn", "cmnd", "cccd",
    "tuổi", "khóa", "khoá", "quận", "huyện", "hẻm", "đường", "trang", NULL
  };
  static const char * const connectors[] = { "đạt", "tỷ", "tỉ", "lệ", "chiếm", "bằng", NULL };
  static const char * const dates[] = {
    "ngày", "tháng", "quý", "năm", "từ", "đến", "hạn", "sáng", "chiều", "tối", "hôm", "kỳ", NULL
  };
  static const char * const keywords[] = {
    "trong", "đó", "có", "cụ", "thể", "gồm", "bao", "tính", "hết", "và", "tổng", "sẽ", "cần",
    "phấn", "đấu", "dự", "kiến", "tiêu", "chỉ", "kế", "hoạch", NULL
  };
  static gsize once;
  static GHashTable *table;

  if (g_once_init_enter (&once))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);
      const char * const *lists[] = { qualifiers, connectors, dates, keywords };
      const guint flags[] = { BC_WORD_QUALIFIER, BC_WORD_CONNECTOR, BC_WORD_DATE, 0 };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; lists[l][i]; i++)
          {
            guint old = GPOINTER_TO_UINT (g_hash_table_lookup (t, lists[l][i]));
            g_hash_table_insert (t, (gpointer) lists[l][i], GUINT_TO_POINTER (old | flags[l] | BC_WORD_KEYWORD));
          }
      table = t;
      g_once_init_leave (&once, 1);
    }
  return table;
}

static BcToken *
last_token (Lexer *lx)
{
  return lx->tokens->len ? &g_array_index (lx->tokens, BcToken, lx->tokens->len - 1) : NULL;
}

static void
push_break (Lexer *lx, gsize at)
{
  BcToken *last = last_token (lx);
  BcToken t = { .kind = BC_TOK_BREAK, .start = at, .end = at };

  if (last == NULL || last->kind == BC_TOK_BREAK)
    return;
  g_array_append_val (lx->tokens, t);
}

gboolean
bc_token_is_word (const BcToken *token,
                  const char    *word)
{
  return (token->flags & BC_WORD_KEYWORD) && strcmp (token->word, word) == 0;
}

gboolean
bc_token_is_punct (const BcToken *token,
                   gunichar       punct)
{
  return token->kind == BC_TOK_PUNCT && token->punct == punct;
}

static void
lex_word (Lexer *lx)
{
  BcToken t = { .kind = BC_TOK_WORD, .start = lx->pos };
  gsize n = 0;
  gboolean overflow = FALSE;
  gboolean marks = FALSE;

  while (lx->pos < lx->length)
    {
      gsize size;
      gunichar c = char_at (lx, lx->pos, &size);

      if (!is_word_char (c))
        break;
      if (n + 7 >= BC_WORD_MAX)
        overflow = TRUE;
      else if (c < 0x80)
        t.word[n++] = g_ascii_tolower ((char) c);
      else
        {
          marks |= g_unichar_ismark (c);
          n += (gsize) g_unichar_to_utf8 (g_unichar_tolower (c), t.word + n);
        }
      lx->pos += size;
    }
  if (lx->pos == t.start)
    {
      /* Not a word after all: skip the character rather than loop. */
      gsize size;
      char_at (lx, lx->pos, &size);
      lx->pos += size;
    }
  t.word[overflow ? 0 : n] = '\0';
  if (marks && !overflow)
    {
      /* Typed with combining marks: compare in composed form. */
      g_autofree char *nfc = g_utf8_normalize (t.word, -1, G_NORMALIZE_NFC);
      if (nfc != NULL && strlen (nfc) < BC_WORD_MAX)
        strcpy (t.word, nfc);
    }
  t.end = lx->pos;
  t.flags = GPOINTER_TO_UINT (g_hash_table_lookup (word_table (), t.word));
  g_array_append_val (lx->tokens, t);
}

/* "17/5/2023" (also with "." or "-"), or with @month_only "05/2024". */
static gsize
lex_date (const char *p, gsize n, gboolean month_only, guint *d, guint *m, guint *y)
{
  guint parts[3] = { 0 };
  guint want = month_only ? 2 : 3;
  char sep = 0;
  gsize i = 0;

  for (guint k = 0; k < want; k++)
    {
      guint len = count_digits (p, n, i);
      guint need_min = k + 1 == want ? 4 : 1, need_max = k + 1 == want ? 4 : 2;

      if (len < need_min || len > need_max)
        return 0;
      for (guint j = 0; j < len; j++)
        parts[k] = parts[k] * 10 + (guint) (p[i + j] - '0');
      i += len;
      if (k + 1 == want)
        break;
      if (i >= n || (p[i] != '/' && p[i] != '.' && p[i] != '-') || (sep && p[i] != sep))
        return 0;
      sep = p[i++];
    }
  /* Not the start of something longer: "45/2020/NĐ-CP", "12/2023a". */
  if (i < n && (g_ascii_isalnum (p[i]) || ((p[i] == '/' || p[i] == sep) && i + 1 < n && g_ascii_isalnum (p[i + 1]))))
    return 0;
  *d = month_only ? 0 : parts[0];
  *m = parts[want - 2];
  *y = parts[want - 1];
  if (*y < 1900 || *y > 2100 || *m < 1 || *m > 12)
    return 0;
  if (!month_only && !g_date_valid_dmy ((GDateDay) *d, (GDateMonth) *m, (GDateYear) *y))
    return 0;
  return i;
}

static gboolean
glued_letter (const Lexer *lx, gsize at)
{
  gsize size;

  return at < lx->length && is_word_char (char_at (lx, at, &size));
}

/* "a/b" and "a /b": the denominator of a fraction, if one follows. */
static gboolean
lex_denominator (Lexer *lx, const BcVnNumber *a, BcVnNumber *b)
{
  gsize j = a->end;
  BcToken *last = last_token (lx);

  if (a->is_percent || !a->is_integer || (last && bc_token_is_word (last, "số")))
    return FALSE;
  for (int k = 0; k < 2 && j < lx->length && lx->text[j] == ' '; k++)
    j++;
  if (j >= lx->length || lx->text[j] != '/')
    return FALSE;
  j++;
  for (int k = 0; k < 2 && j < lx->length && lx->text[j] == ' '; k++)
    j++;
  if (!bc_vn_number_parse (lx->text + j, lx->length - j, b) || b->is_percent || !b->is_integer)
    return FALSE;
  b->start = j;
  b->end += j;
  if (glued_letter (lx, b->end))
    return FALSE;
  /* "ngày 15/5", "từ 15/5": a day and month, not a ratio. */
  if (last && (last->flags & BC_WORD_DATE)
      && a->integer >= 1 && a->integer <= 31 && b->integer >= 1 && b->integer <= 12)
    return FALSE;
  /* "45/2020/NĐ-CP" is a document number. */
  return !(b->end + 1 < lx->length && lx->text[b->end] == '/' && g_ascii_isalnum (lx->text[b->end + 1]));
}

static void
lex_number (Lexer *lx)
{
  BcToken t = { .kind = BC_TOK_NUMBER, .start = lx->pos };
  const char *p = lx->text + lx->pos;
  gsize n = lx->length - lx->pos;
  BcToken *last = last_token (lx);
  gsize used;

  if ((used = lex_date (p, n, FALSE, &t.day, &t.month, &t.year)) > 0
      || (last && bc_token_is_word (last, "tháng")
          && (used = lex_date (p, n, TRUE, &t.day, &t.month, &t.year)) > 0))
    {
      t.kind = BC_TOK_DATE;
      lx->pos += used;
      t.end = lx->pos;
      g_array_append_val (lx->tokens, t);
      return;
    }
  if (!bc_vn_number_parse (p, n, &t.num) || (!t.num.is_percent && glued_letter (lx, lx->pos + t.num.end)))
    {
      /* "16A", "380V": a code, not a count. */
      lex_word (lx);
      return;
    }
  t.num.start = lx->pos;
  t.num.end += lx->pos;
  if (lex_denominator (lx, &t.num, &t.den))
    {
      t.kind = BC_TOK_FRACTION;
      t.end = t.den.end;
    }
  else
    t.end = t.num.end;
  lx->pos = t.end;
  g_array_append_val (lx->tokens, t);
}

static gunichar
canonical_punct (gunichar c)
{
  switch (c)
    {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
      return '-';
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
      return '"';
    case 0x2018: case 0x2019:
      return '\'';
    case 0x2026:
      return '.';
    default:
      return c;
    }
}

static gboolean
ends_sentence (const Lexer *lx, gunichar c, gsize next)
{
  gsize size;

  if (c == ';')
    return TRUE;
  if (c != '.' && c != '!' && c != '?')
    return FALSE;
  return next >= lx->length || g_unichar_isspace (char_at (lx, next, &size));
}

static void
lex_punct (Lexer *lx, gunichar c, gsize size)
{
  BcToken t = { .kind = BC_TOK_PUNCT, .start = lx->pos, .end = lx->pos + size };

  t.punct = canonical_punct (c);
  lx->pos += size;
  g_array_append_val (lx->tokens, t);
  if (ends_sentence (lx, t.punct, lx->pos))
    push_break (lx, lx->pos);
}

/* A line break ends the sentence after punctuation or before a bullet or a
 * capital; otherwise it is a line wrapped mid-sentence ("đạt tỷ lệ\n\n108,3%"). */
static void
line_break (Lexer *lx, gunichar next)
{
  BcToken *last = last_token (lx);

  lx->newline = FALSE;
  if (last == NULL)
    return;
  if ((last->kind == BC_TOK_PUNCT && last->punct != 0 && last->punct < 128
       && strchr (".!?;:", (int) last->punct) != NULL)
      || next == '-' || next == '+' || next == '*' || next == 0x2022 || g_unichar_isupper (next))
    push_break (lx, lx->pos);
}

/* Merges "177 lượt/624 lượt" into one fraction: the same unit on both sides
 * makes it a ratio, unlike "15 cá nhân/02 tập thể". */
static void
merge_unit_fractions (GArray *tokens)
{
  for (guint i = 0; i + 3 < tokens->len; i++)
    {
      BcToken *a = &g_array_index (tokens, BcToken, i);

      if (a->kind != BC_TOK_NUMBER || !a->num.is_integer || a->num.is_percent)
        continue;
      for (guint k = 1; k <= 2; k++)
        {
          guint slash = i + 1 + k, b = slash + 1;
          gboolean same = b + k < tokens->len;

          for (guint w = 0; same && w < k; w++)
            {
              const BcToken *u1 = &g_array_index (tokens, BcToken, i + 1 + w);
              const BcToken *u2 = &g_array_index (tokens, BcToken, b + 1 + w);
              same = u1->kind == BC_TOK_WORD && u2->kind == BC_TOK_WORD && *u1->word
                     && strcmp (u1->word, u2->word) == 0;
            }
          if (!same || !bc_token_is_punct (&g_array_index (tokens, BcToken, slash), '/'))
            continue;
          if (g_array_index (tokens, BcToken, b).kind != BC_TOK_NUMBER
              || !g_array_index (tokens, BcToken, b).num.is_integer
              || g_array_index (tokens, BcToken, b).num.is_percent)
            continue;
          a->kind = BC_TOK_FRACTION;
          a->den = g_array_index (tokens, BcToken, b).num;
          a->end = a->den.end;
          g_array_remove_range (tokens, i + 1, b - i);
          break;
        }
    }
}

/**
 * bc_narrative_tokenize: (skip)
 *
 * Returns: (transfer full) (element-type BcToken): the tokens of @text
 */
GArray *
bc_narrative_tokenize (const char *text,
                       gsize       length)
{
  Lexer lx = { text, length, 0, g_array_sized_new (FALSE, FALSE, sizeof (BcToken), (guint) (length / 5 + 8)), FALSE };

  while (lx.pos < lx.length)
    {
      gsize size;
      gunichar c = char_at (&lx, lx.pos, &size);

      if (g_unichar_isspace (c) || c == 0xA0 || c == 0xFEFF)
        {
          lx.newline |= c == '\n' || c == 0x2029;
          lx.pos += size;
          continue;
        }
      if (lx.newline)
        line_break (&lx, c);
      if (c == '*' || c == '_' || c == '`' || c == 0xFFFD)
        lx.pos += size;   /* emphasis marks and broken bytes carry nothing */
      else if (c < 128 && g_ascii_isdigit (c))
        lex_number (&lx);
      else if (g_unichar_isalpha (c) || g_unichar_ismark (c))
        lex_word (&lx);
      else
        lex_punct (&lx, c, size);
    }
  merge_unit_fractions (lx.tokens);
  return lx.tokens;
}

void
bc_claim_free (BcClaim *claim)
{
  if (claim == NULL)
    return;
  if (claim->parts != NULL)
    g_array_unref (claim->parts);
  g_free (claim);
}

void
bc_verdict_clear (BcVerdict *verdict)
{
  g_clear_pointer (&verdict->message, g_free);
  g_clear_pointer (&verdict->tag, g_free);
}
