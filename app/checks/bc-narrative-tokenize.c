/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-narrative"

#include "config.h"

#include <string.h>

#include "bc-narrative-private.h"

/* The tokens the claim patterns work on: words (lower case, with what they
 * are to the patterns), numbers, fractions, dates, punctuation, and the
 * breaks between sentences. */

#define MAX_KEYWORD_BYTES 9   /* "phường"; checked by word_table () */

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

/* The tokenizer */

typedef struct
{
  const char *text;
  gsize       length;
  gsize       pos;
  GArray     *tokens;
  gboolean    newline;   /* a line break since the last token */
} Lexer;

static gunichar char_at_slow (const Lexer *lx,
                              gsize        at,
                              gsize       *size);

/* ASCII directly; the rest by char_at_slow(), so that this part inlines. */
static inline gunichar
char_at (const Lexer *lx,
         gsize        at,
         gsize       *size)
{
  guchar first = (guchar) lx->text[at];

  if (first < 0x80 && first != 0)
    {
      *size = 1;
      return first;
    }
  return char_at_slow (lx, at, size);
}

static gunichar
char_at_slow (const Lexer *lx,
              gsize        at,
              gsize       *size)
{
  const guchar *p = (const guchar *) lx->text + at;
  gsize left = lx->length - at;
  gunichar c;

  /* The two- and three-byte letters of Vietnamese, directly. */
  if (p[0] >= 0xC2 && p[0] < 0xE0 && left >= 2 && (p[1] & 0xC0) == 0x80)
    {
      *size = 2;
      return ((gunichar) (p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    }
  if ((p[0] & 0xF0) == 0xE0 && left >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
    {
      c = ((gunichar) (p[0] & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF))
        {
          *size = 3;
          return c;
        }
    }
  c = g_utf8_get_char_validated (lx->text + at, (gssize) left);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *size = 1;
      return 0xFFFD;
    }
  *size = (gsize) g_unichar_to_utf8 (c, NULL);
  return c;
}

static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isspace (c);
  return c == 0xA0 || c == 0x85 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028
         || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/* Letters, digits and marks; outside ASCII everything but spaces, the
 * punctuation and symbol blocks and U+FFFD, which is close enough for
 * words and much faster than asking the Unicode tables. */
static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  if (c <= 0xBF)
    return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7)
    return FALSE;
  if (c >= 0x2000 && c <= 0x2BFF)
    return FALSE;
  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF0F)
      || (c >= 0xFF1A && c <= 0xFF20) || c >= 0xFFF0 || c == 0xFEFF)
    return FALSE;
  return !is_space (c);
}

/* The words the patterns name, with what they are to them: a small open
 * hash table, since every word of a report is looked up. */

#define WORD_SLOTS 256

typedef struct
{
  const char *word;
  guint       hash;
  guint       flags;
} WordSlot;

static guint
word_hash (const char *word,
           gsize       length)
{
  guint h = 2166136261u;

  for (gsize i = 0; i < length; i++)
    h = (h ^ (guchar) word[i]) * 16777619u;
  return h;
}

static const WordSlot *
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
  static WordSlot slots[WORD_SLOTS];
  static gsize once;

  if (g_once_init_enter (&once))
    {
      const char * const *lists[] = { qualifiers, connectors, dates, keywords };
      const guint flags[] = { BC_WORD_QUALIFIER, BC_WORD_CONNECTOR, BC_WORD_DATE, 0 };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; lists[l][i]; i++)
          {
            gsize length = strlen (lists[l][i]);
            guint h = word_hash (lists[l][i], length), k = h % WORD_SLOTS;

            g_assert (length <= MAX_KEYWORD_BYTES);
            while (slots[k].word != NULL && strcmp (slots[k].word, lists[l][i]) != 0)
              k = (k + 1) % WORD_SLOTS;
            slots[k].word = lists[l][i];
            slots[k].hash = h;
            slots[k].flags |= flags[l] | BC_WORD_KEYWORD;
          }
      g_once_init_leave (&once, 1);
    }
  return slots;
}

static guint
word_flags (const char *word,
            gsize       length)
{
  const WordSlot *slots = word_table ();
  guint h = word_hash (word, length);

  for (guint k = h % WORD_SLOTS; slots[k].word != NULL; k = (k + 1) % WORD_SLOTS)
    if (slots[k].hash == h && strcmp (slots[k].word, word) == 0)
      return slots[k].flags;
  return 0;
}

static BcToken *
last_token (Lexer *lx)
{
  return lx->tokens->len ? &g_array_index (lx->tokens, BcToken, lx->tokens->len - 1) : NULL;
}

static void
push_break (Lexer *lx,
            gsize  at)
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

/* Lower case: directly for the letters of Vietnamese (Latin-1; Ă Đ Ĩ Ũ Ơ
 * Ư; the Latin Extended Additional block, where a capital's small letter
 * is the next code point), through GLib for the rest. */
static gunichar
to_lower (gunichar c)
{
  if (c < 0x80)
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
    return c + 0x20;
  if ((c >= 0xDF && c <= 0xFF) || (c >= 0x1EA0 && c <= 0x1EF9))
    return c >= 0x1EA0 ? c | 1 : c;
  switch (c)
    {
    case 0x102: case 0x110: case 0x128: case 0x168: case 0x1A0: case 0x1AF:
      return c + 1;
    case 0x103: case 0x111: case 0x129: case 0x169: case 0x1A1: case 0x1B0:
      return c;
    default:
      return g_unichar_tolower (c);
    }
}

/* @c in UTF-8 at @out; returns its length. */
static gsize
put_utf8 (gunichar  c,
          char     *out)
{
  if (c < 0x80)
    {
      out[0] = (char) c;
      return 1;
    }
  if (c < 0x800)
    {
      out[0] = (char) (0xC0 | (c >> 6));
      out[1] = (char) (0x80 | (c & 0x3F));
      return 2;
    }
  if (c < 0x10000)
    {
      out[0] = (char) (0xE0 | (c >> 12));
      out[1] = (char) (0x80 | ((c >> 6) & 0x3F));
      out[2] = (char) (0x80 | (c & 0x3F));
      return 3;
    }
  return (gsize) g_unichar_to_utf8 (c, out);
}

/* A token at the end of the list, made in place: a report has a few
 * hundred thousand words, each read once. */
static BcToken *
new_token (Lexer     *lx,
           BcTokKind  kind)
{
  BcToken *t;

  g_array_set_size (lx->tokens, lx->tokens->len + 1);
  t = &g_array_index (lx->tokens, BcToken, lx->tokens->len - 1);
  *t = (BcToken) { .kind = kind, .start = lx->pos };
  return t;
}

static void
lex_word (Lexer *lx)
{
  BcToken *t = new_token (lx, BC_TOK_WORD);
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
      else
        {
          marks |= c >= 0x300 && c <= 0x36F;
          n += put_utf8 (to_lower (c), t->word + n);
        }
      lx->pos += size;
    }
  if (lx->pos == t->start)
    {
      /* Not a word after all: skip the character rather than loop. */
      gsize size;
      char_at (lx, lx->pos, &size);
      lx->pos += size;
    }
  t->word[overflow ? 0 : n] = '\0';
  if (marks && !overflow)
    {
      /* Typed with combining marks: compare in composed form. */
      g_autofree char *nfc = g_utf8_normalize (t->word, -1, G_NORMALIZE_NFC);
      if (nfc != NULL && strlen (nfc) < BC_WORD_MAX)
        strcpy (t->word, nfc);
    }
  t->end = lx->pos;
  if (!overflow && n <= MAX_KEYWORD_BYTES)
    t->flags = word_flags (t->word, strlen (t->word));
}

/* "17/5/2023" (also with "." or "-"), or with @month_only "05/2024". */
static gsize
lex_date (const char *p,
          gsize       n,
          gboolean    month_only,
          guint      *d,
          guint      *m,
          guint      *y)
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
  if (i < n && (g_ascii_isalnum (p[i])
                || ((p[i] == '/' || p[i] == sep) && i + 1 < n && g_ascii_isalnum (p[i + 1]))))
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
glued_letter (const Lexer *lx,
              gsize        at)
{
  gsize size;

  return at < lx->length && is_word_char (char_at (lx, at, &size));
}

/* "a/b" and "a /b": the denominator of a fraction, if one follows. */
static gboolean
lex_denominator (Lexer            *lx,
                 const BcVnNumber *a,
                 BcVnNumber       *b)
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
  if (!bc_vn_number_parse (p, n, &t.num))
    {
      /* Too many digits to be read: the whole run is one unread word, so
       * that its tail ("000/1" of "1.000.000.000.000.000/1") is not read
       * as a number of its own. */
      t.kind = BC_TOK_WORD;
      while (lx->pos < lx->length
             && (g_ascii_isdigit (lx->text[lx->pos])
                 || ((lx->text[lx->pos] == '.' || lx->text[lx->pos] == ',')
                     && lx->pos + 1 < lx->length && g_ascii_isdigit (lx->text[lx->pos + 1]))))
        lx->pos++;
      t.end = lx->pos;
      g_array_append_val (lx->tokens, t);
      return;
    }
  if (!t.num.is_percent && glued_letter (lx, lx->pos + t.num.end))
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
ends_sentence (const Lexer *lx,
               gunichar     c,
               gsize        next)
{
  gsize size;

  if (c == ';')
    return TRUE;
  if (c != '.' && c != '!' && c != '?')
    return FALSE;
  return next >= lx->length || is_space (char_at (lx, next, &size));
}

static void
lex_punct (Lexer    *lx,
           gunichar  c,
           gsize     size)
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
line_break (Lexer    *lx,
            gunichar  next)
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
 * @start: byte offset where to start
 * @end: byte offset where to stop; nothing after it is read
 *
 * Returns: (transfer full) (element-type BcToken): the tokens of @text
 *   between @start and @end, with their offsets in @text
 */
GArray *
bc_narrative_tokenize (const char *text,
                       gsize       start,
                       gsize       end)
{
  GArray *tokens = g_array_sized_new (FALSE, FALSE, sizeof (BcToken), (guint) ((end - start) / 5 + 8));
  Lexer lx = { text, end, start, tokens, FALSE };

  while (lx.pos < lx.length)
    {
      gsize size;
      gunichar c = char_at (&lx, lx.pos, &size);

      if (is_space (c))
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
      else if (is_word_char (c))
        lex_word (&lx);
      else
        lex_punct (&lx, c, size);
    }
  merge_unit_fractions (lx.tokens);
  return lx.tokens;
}

/**
 * bc_claim_free:
 * @claim: (nullable): a claim from bc_narrative_scan()
 */
void
bc_claim_free (BcClaim *claim)
{
  if (claim == NULL)
    return;
  if (claim->parts != NULL)
    g_array_unref (claim->parts);
  g_free (claim->ref);
  g_free (claim);
}

/**
 * bc_verdict_clear:
 * @verdict: a verdict filled by bc_claim_judge()
 *
 * Frees what @verdict holds, not @verdict itself.
 */
void
bc_verdict_clear (BcVerdict *verdict)
{
  g_clear_pointer (&verdict->message, g_free);
  g_clear_pointer (&verdict->tag, g_free);
}
