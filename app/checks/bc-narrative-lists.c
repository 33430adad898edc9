/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-narrative"

#include "config.h"

#include <string.h>

#include "bc-narrative-private.h"

/* The claims that span paragraphs or count things: a total whose groups
 * follow as "+" paragraphs after "Trong đó:", and a stated number of
 * items ("gồm 09 ngân hàng: …", "(bao gồm 02 mô hình)") against the items
 * listed.  Only paragraphs that end with "trong đó:" or "cụ thể:" or hold
 * "gồm" and a digit are read again. */

#define MAX_MEASURES 32
#define MAX_ITEM_WORDS 12

/* A count of something in a paragraph: "53 dịch vụ" (kind 'n'), or the
 * numerator ('a') or denominator ('b') of "12.000/15.000 hồ sơ". */
typedef struct
{
  char       key[BC_WORD_MAX + 2];
  BcVnNumber num;
  guint      seen;
} Measure;

typedef struct
{
  Measure measures[MAX_MEASURES];
  guint   n;
} Measures;

static const char *
para_text (const char        *text,
           const BcParagraph *p,
           gsize             *length)
{
  *length = p->end - p->start;
  return text + p->start;
}

static gboolean
is_glued (const BcToken *a,
          const BcToken *b)
{
  return a->end == b->start && b->kind == BC_TOK_PUNCT && (b->punct == '/' || b->punct == '-');
}

static void
add_measure (Measures         *m,
             char              kind,
             const char       *unit,
             const BcVnNumber *num)
{
  char key[BC_WORD_MAX + 2];

  key[0] = kind;
  g_strlcpy (key + 1, unit, sizeof key - 1);
  for (guint i = 0; i < m->n; i++)
    if (strcmp (m->measures[i].key, key) == 0)
      {
        m->measures[i].seen++;
        return;
      }
  if (m->n == MAX_MEASURES)
    return;
  memcpy (m->measures[m->n].key, key, sizeof key);
  m->measures[m->n].num = *num;
  m->measures[m->n].seen = 1;
  m->n++;
}

/* Every count of a paragraph with the word after it; names ("Huyện 5",
 * "61/2018/NĐ-CP") and percentages are not counts. */
static void
read_measures (GArray   *tokens,
               Measures *m)
{
  m->n = 0;
  for (guint i = 0; i + 1 < tokens->len; i++)
    {
      const BcToken *t = &g_array_index (tokens, BcToken, i);
      const BcToken *next = &g_array_index (tokens, BcToken, i + 1);
      const BcToken *prev = i > 0 ? &g_array_index (tokens, BcToken, i - 1) : NULL;

      if (next->kind != BC_TOK_WORD || *next->word == '\0')
        continue;
      if (t->kind == BC_TOK_FRACTION)
        {
          add_measure (m, 'a', next->word, &t->num);
          add_measure (m, 'b', next->word, &t->den);
        }
      else if (t->kind == BC_TOK_NUMBER && t->num.is_integer && !t->num.is_percent
               && !(prev && ((prev->flags & BC_WORD_QUALIFIER) || is_glued (t, prev) || is_glued (prev, t))))
        add_measure (m, 'n', next->word, &t->num);
    }
}

static const Measure *
unique_measure (const Measures *m,
                const char     *key)
{
  for (guint i = 0; i < m->n; i++)
    if (strcmp (m->measures[i].key, key) == 0)
      return m->measures[i].seen == 1 ? &m->measures[i] : NULL;
  return NULL;
}

/* The last words of a paragraph before its final ":". */
static gboolean
ends_with (GArray     *tokens,
           const char *w1,
           const char *w2)
{
  guint n = tokens->len;

  while (n > 0 && g_array_index (tokens, BcToken, n - 1).kind == BC_TOK_BREAK)
    n--;
  if (n < 3 || !bc_token_is_punct (&g_array_index (tokens, BcToken, n - 1), ':'))
    return FALSE;
  return strcmp (g_array_index (tokens, BcToken, n - 3).word, w1) == 0
         && strcmp (g_array_index (tokens, BcToken, n - 2).word, w2) == 0;
}

/* How deep a bullet is: none, "-", "+". */
static int
depth (char bullet)
{
  return bullet == '+' ? 2 : bullet == '-' ? 1 : 0;
}

/* The paragraphs after @i that are its groups: the run of paragraphs with
 * one bullet deeper than its own. */
static guint
groups_after (const BcParagraph *paras,
              guint              n,
              guint              i)
{
  guint j = i + 1;

  if (j >= n || depth (paras[j].bullet) <= depth (paras[i].bullet))
    return 0;
  while (j < n && paras[j].bullet == paras[i + 1].bullet)
    j++;
  return j - i - 1;
}

typedef struct
{
  const Measure *total;
  BcVnNumber     parts[MAX_MEASURES];
  gint64         sum;
  gboolean       whole_each;   /* every group holds the total: no split */
} Split;

static void
add_group_claim (BcScan            *s,
                 const BcParagraph *header,
                 const Split       *split,
                 guint              n_groups,
                 gboolean           complete,
                 gsize              total_start)
{
  BcClaim *c = bc_scan_add_claim (s, BC_CLAIM_BREAKDOWN, BC_CLAIM_FORM_GROUPS, total_start, header->end);

  c->stated = split->total->num;
  c->complete = complete;
  c->parts = g_array_new (FALSE, FALSE, sizeof (BcVnNumber));
  g_array_append_vals (c->parts, split->parts, n_groups);
}

/* "Tiếp nhận 12.000/15.000 hồ sơ của 53 dịch vụ. Trong đó:" then "+ 25
 * dịch vụ …: 7.000/9.000 hồ sơ", "+ 28 dịch vụ …: 5.000/6.000 hồ sơ".
 * A count every group states once, as the total does, is split among
 * them; when another such count adds up exactly, the groups are all of
 * the total, and a count that does not add up is wrong.  Groups that
 * overlap ("Trực tuyến: …", "Đúng hạn: …") add up to nothing. */
static void
scan_groups (BcScan            *s,
             const char        *text,
             const BcParagraph *paras,
             guint              n,
             guint              i,
             GArray            *header_tokens)
{
  g_autofree Split *splits = NULL;
  g_autofree Measures *groups = NULL;
  Measures header;
  guint n_groups = groups_after (paras, n, i), n_splits = 0;
  gboolean complete = FALSE;

  if (n_groups < 2 || n_groups > MAX_MEASURES)
    return;
  read_measures (header_tokens, &header);
  groups = g_new (Measures, n_groups);
  for (guint g = 0; g < n_groups; g++)
    {
      g_autoptr(GArray) tokens = bc_narrative_tokenize (text, paras[i + 1 + g].start, paras[i + 1 + g].end);
      read_measures (tokens, &groups[g]);
    }
  splits = g_new0 (Split, header.n);
  for (guint h = 0; h < header.n; h++)
    {
      Split *split = &splits[n_splits];

      if (header.measures[h].seen != 1)
        continue;
      split->total = &header.measures[h];
      split->whole_each = TRUE;
      for (guint g = 0; g < n_groups && split->total; g++)
        {
          const Measure *part = unique_measure (&groups[g], header.measures[h].key);

          if (part == NULL)
            split->total = NULL;
          else
            {
              split->parts[g] = part->num;
              split->sum += part->num.integer;
              split->whole_each &= part->num.integer == split->total->num.integer;
            }
        }
      if (split->total && !split->whole_each)
        {
          complete |= split->sum == split->total->num.integer;
          n_splits++;
        }
    }
  if (n_splits < 2)
    return;
  for (guint k = 0; k < n_splits; k++)
    add_group_claim (s, &paras[i], &splits[k], n_groups, complete, splits[k].total->num.start);
}

/* Where a list ends: the end of its sentence or paragraph. */
static gsize
list_end (const char *text,
          gsize       from,
          gsize       end)
{
  for (gsize k = from; k < end; k++)
    if (text[k] == '\n' || (text[k] == '.' && (k + 1 == end || g_ascii_isspace (text[k + 1]))))
      return k;
  return end;
}

static guint
count_words (const char *item,
             gsize       length)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (gsize k = 0; k < length; k++)
    {
      gboolean space = g_ascii_isspace (item[k]);
      words += !space && !in_word;
      in_word = !space;
    }
  return words;
}

/* The items of "A, B và C" or "A; B; C": how many, and whether any is too
 * long to be one item.  Returns 0 when the list is open ("…", "v.v.",
 * "khác") or not a list. */
/* The items of "A, B và C" or "A; B; C": how many.  @exact: the items are
 * told apart without doubt (by ";", or by commas only), so that more items
 * than stated is a mistake too; "và" may join two items or be part of one
 * ("Sở Văn hóa và Thể thao").  Returns 0 when the list is open ("…",
 * "v.v.", "khác") or an item is too long or holds parentheses to be one. */
static guint
count_items (const char *list,
             gsize       length,
             gboolean   *exact)
{
  g_autofree char *copy = g_strndup (list, length);
  g_auto(GStrv) items = NULL;
  gboolean semicolons = strchr (copy, ';') != NULL;
  gboolean short_items = TRUE;
  guint n = 0;

  if (strstr (copy, "…") || strstr (copy, "...") || strstr (copy, "v.v") || g_str_has_suffix (g_strchomp (copy), "khác"))
    return 0;
  items = g_strsplit (copy, semicolons ? ";" : ",", -1);
  *exact = semicolons;
  for (guint k = 0; items[k]; k++)
    {
      guint words = count_words (items[k], strlen (items[k]));
      const char *and;

      if (strchr (items[k], '(') || strchr (items[k], ')') || words > MAX_ITEM_WORDS)
        return 0;
      short_items &= words <= 4;
      n += words > 0;
      /* "B và C" closing a list of commas: two items. */
      if (!semicolons && items[k + 1] == NULL && (and = strstr (items[k], " và ")) != NULL)
        {
          n++;
          /* "SHB và TPBank" are two; "Văn hóa và Thể thao" may be one. */
          short_items &= count_words (items[k], (gsize) (and - items[k])) == 1 && count_words (and + 5, strlen (and + 5)) == 1;
        }
    }
  *exact |= short_items;
  return n;
}

/* People are listed with their titles ("đồng chí A, Phó Chủ tịch"): more
 * items than stated is no mistake there. */
static gboolean
counts_people (const char *unit)
{
  static const char * const people[] = { "đồng", "người", "cán", "thành", "đại", "cá", "ông", "bà", "lãnh", NULL };

  for (guint k = 0; people[k]; k++)
    if (g_str_has_prefix (unit, people[k]) && (unit[strlen (people[k])] == ' ' || unit[strlen (people[k])] == '\0'))
      return TRUE;
  return FALSE;
}

static BcClaim *
add_count (BcScan        *s,
           const char    *text,
           gsize          start,
           gsize          end,
           const BcToken *n,
           gsize          unit_end,
           guint          listed)
{
  BcClaim *c = bc_scan_add_claim (s, BC_CLAIM_COUNT, BC_CLAIM_FORM_LIST, start, end);

  c->stated = n->num;
  c->listed = listed;
  c->ref = g_strndup (text + n->start, unit_end - n->start);
  return c;
}

/* Counts the paragraphs after @i that start with @unit ("Mô hình 3: …"),
 * up to the next one at the header's depth or above that does not. */
static guint
count_item_paragraphs (const char        *text,
                       const BcParagraph *paras,
                       guint              n,
                       guint              i,
                       const char        *unit)
{
  guint items = 0;
  gsize unit_length = strlen (unit);

  for (guint j = i + 1; j < n; j++)
    {
      gsize length, cut;
      const char *p = para_text (text, &paras[j], &length);
      g_autofree char *valid = NULL;
      g_autofree char *head = NULL;

      /* The paragraph's first words, cut between two characters. */
      for (cut = MIN (length, unit_length + 8); cut > 0 && cut < length && (p[cut] & 0xC0) == 0x80; cut--)
        ;
      valid = g_utf8_make_valid (p, (gssize) cut);
      head = g_utf8_strdown (valid, -1);

      if (g_str_has_prefix (head, unit))
        items++;
      else if (depth (paras[j].bullet) <= depth (paras[i].bullet) || (length > 0 && *p == '('))
        break;
    }
  return items;
}

/* "gồm 09 ngân hàng: A, B, …" and "(bao gồm 02 mô hình)" followed by one
 * paragraph per item. */
static void
scan_counts (BcScan            *s,
             const char        *text,
             const BcParagraph *paras,
             guint              n,
             guint              i,
             GArray            *tokens)
{
  for (guint k = 0; k + 2 < tokens->len; k++)
    {
      const BcToken *t = &g_array_index (tokens, BcToken, k);
      guint q = k + 1, u, colon;
      const BcToken *num;

      if (!bc_token_is_word (t, "gồm"))
        continue;
      if (bc_token_is_word (&g_array_index (tokens, BcToken, q), "có"))
        q++;
      if (q >= tokens->len)
        continue;
      num = &g_array_index (tokens, BcToken, q);
      if (num->kind != BC_TOK_NUMBER || !num->num.is_integer || num->num.is_percent
          || num->num.integer < 1 || num->num.integer > 200)
        continue;
      for (u = q + 1; u < tokens->len && u < q + 5 && g_array_index (tokens, BcToken, u).kind == BC_TOK_WORD; u++)
        ;
      if (u == q + 1 || u >= tokens->len)
        continue;
      colon = u;
      {
        const BcToken *end = &g_array_index (tokens, BcToken, colon);
        gsize unit_start = g_array_index (tokens, BcToken, q + 1).start;
        gsize unit_end = g_array_index (tokens, BcToken, u - 1).end;
        g_autofree char *unit = g_utf8_strdown (text + unit_start, (gssize) (unit_end - unit_start));
        guint listed;

        if (bc_token_is_punct (end, ':'))
          {
            gsize from = end->end, to = list_end (text, from, paras[i].end);
            gboolean exact = FALSE;

            while (from < to && g_ascii_isspace (text[from]))
              from++;
            if (from == to)
              listed = count_item_paragraphs (text, paras, n, i, unit);
            else if ((listed = count_items (text + from, to - from, &exact)) < 2
                     || (listed > num->num.integer && (!exact || counts_people (unit))))
              continue;
            if (listed > 0)
              add_count (s, text, t->start, from == to ? end->end : to, num, unit_end, listed);
          }
        else if (bc_token_is_punct (end, ')') && (listed = count_item_paragraphs (text, paras, n, i, unit)) > 0)
          add_count (s, text, t->start, end->end, num, unit_end, listed)->form = BC_CLAIM_FORM_ITEMS;
      }
    }
}

static gboolean
has_digit (const char *t,
           gsize       length)
{
  for (gsize k = 0; k < length; k++)
    if (g_ascii_isdigit (t[k]))
      return TRUE;
  return FALSE;
}

/* A paragraph that ends with "trong đó:" or "cụ thể:" (either case) and
 * states a count: the header of groups. */
static gboolean
is_group_header (const char        *text,
                 const BcParagraph *p)
{
  static const char * const endings[] = { "rong đó", "ụ thể", NULL };
  gsize length;
  const char *t = para_text (text, p, &length);
  gsize end = length;

  while (end > 0 && g_ascii_isspace (t[end - 1]))
    end--;
  if (end == 0 || t[end - 1] != ':')
    return FALSE;
  end--;
  for (guint k = 0; endings[k]; k++)
    if (end >= strlen (endings[k]) && memcmp (t + end - strlen (endings[k]), endings[k], strlen (endings[k])) == 0)
      return has_digit (t, end);
  return FALSE;
}

/* Where "gồm" (or "Gồm") is soon followed by a digit, or NULL; "ồm" is in
 * both. */
static const char *
count_keyword (const char        *text,
               const BcParagraph *p)
{
  gsize length;
  const char *t = para_text (text, p, &length);

  /* memchr for the first byte of "ồ" is much faster than a string search. */
  for (const char *g = memchr (t, 0xE1, length); g != NULL;
       g = memchr (g + 1, 0xE1, length - (gsize) (g + 1 - t)))
    {
      if ((gsize) (t + length - g) < 4 || memcmp (g, "ồm", 4) != 0)
        continue;
      for (const char *d = g; d < t + length && d < g + 16; d++)
        if (g_ascii_isdigit (*d))
          return g > t ? g - 1 : g;
    }
  return NULL;
}

/**
 * bc_scan_paragraphs: (skip)
 * @paras: (array length=n): the paragraphs of @text, in order
 *
 * The patterns that read a paragraph with the ones after it.
 */
void
bc_scan_paragraphs (BcScan            *s,
                    const char        *text,
                    const BcParagraph *paras,
                    guint              n)
{
  for (guint i = 0; i < n; i++)
    {
      const char *keyword;

      /* Tokens only for the few paragraphs that may hold a claim. */
      if (is_group_header (text, &paras[i]))
        {
          g_autoptr(GArray) tokens = bc_narrative_tokenize (text, paras[i].start, paras[i].end);

          if (ends_with (tokens, "trong", "đó") || ends_with (tokens, "cụ", "thể"))
            scan_groups (s, text, paras, n, i, tokens);
        }
      if ((keyword = count_keyword (text, &paras[i])) != NULL)
        {
          g_autoptr(GArray) tokens = bc_narrative_tokenize (text, (gsize) (keyword - text), paras[i].end);

          scan_counts (s, text, paras, n, i, tokens);
        }
    }
}
