/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-docx"

#include "config.h"

#include <string.h>

#include "bc-docx-private.h"

/* Line breaks in the header block. The names of the bodies are centred in
 * a narrow column: "BAN CHỈ ĐẠO TRIỂN KHAI ĐỀ / ÁN 06" reads badly where
 * "BAN CHỈ ĐẠO TRIỂN KHAI / ĐỀ ÁN 06" does not, so the lines are broken as
 * a clerk breaks them by hand: not inside a two-syllable word of the
 * administrative vocabulary, not inside a hyphenated place name, not
 * before a number, then as evenly as possible. Widths are estimates from
 * the average advances of Times New Roman; a name with its own line breaks
 * is left alone. */

#define MAX_WORDS 64
#define MAX_LINES 8
#define TOO_WIDE  G_MAXINT64
#define PENALTY   ((gint64) 1 << 24)   /* one bad break outweighs any width */

/* Words of two syllables that a line must not split. */
static const char * const compounds[] = {
  "BAN CHỈ", "CHỈ ĐẠO", "TRIỂN KHAI", "ĐỀ ÁN", "THÀNH PHỐ", "THỊ XÃ", "CÔNG TÁC", "PHÁT TRIỂN",
  "ỨNG DỤNG", "DỮ LIỆU", "DÂN CƯ", "ĐỊNH DANH", "XÁC THỰC", "ĐIỆN TỬ", "ỦY BAN", "UỶ BAN",
  "NHÂN DÂN", "CÔNG AN", "THƯỜNG TRỰC", "CHUYỂN ĐỔI", "THÔNG TIN", "TRUYỀN THÔNG", "HÀNH CHÍNH",
  "VĂN PHÒNG", "CHÍNH PHỦ", "QUỐC GIA", "DỊCH VỤ", "CẢI CÁCH", "BỘ PHẬN", "TRUNG TÂM", "GIÁM ĐỐC",
  "NGÂN HÀNG", "BẢO HIỂM", "XÃ HỘI", "GIÁO DỤC", "ĐÀO TẠO", "Y TẾ", "TƯ PHÁP", "TÀI CHÍNH",
  NULL
};

/* Advance in thousandths of an em. */
static int
char_advance (gunichar c,
              gboolean bold)
{
  int advance;

  if (c == ' ')
    advance = 250;
  else if (g_unichar_isdigit (c))
    advance = 500;
  else if (g_unichar_isupper (c))
    advance = 700;
  else if (g_unichar_islower (c))
    advance = 470;
  else
    advance = 330;
  return bold ? advance * 105 / 100 : advance;
}

/**
 * bc_docx_text_width:
 * @size: half-points
 *
 * Returns: the estimated width of @text on one line, in twips
 */
int
bc_docx_text_width (const char *text,
                    int         size,
                    gboolean    bold)
{
  gint64 thousandths = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    thousandths += char_advance (g_utf8_get_char (p), bold);
  /* an em is @size half-points = @size * 10 twips */
  return (int) (thousandths * size * 10 / 1000);
}

static int
line_width (const int *widths,
            int        space,
            guint      from,
            guint      to)
{
  int width = space * (int) (to - from - 1);

  for (guint i = from; i < to; i++)
    width += widths[i];
  return width;
}

static guint
greedy_lines (const int *widths,
              guint      n,
              int        space,
              int        limit)
{
  guint lines = 1;
  int used = 0;

  for (guint i = 0; i < n; i++)
    {
      if (used > 0 && used + space + widths[i] > limit)
        {
          lines++;
          used = 0;
        }
      used += (used > 0 ? space : 0) + widths[i];
    }
  return lines;
}

static gboolean
is_dash (const char *word)
{
  return g_str_equal (word, "-") || g_str_equal (word, "–") || g_str_equal (word, "—");
}

/* The cost of a line break before word @i. */
static gint64
break_penalty (char  **words,
               guint   n,
               guint   i)
{
  g_autofree char *pair = g_strconcat (words[i - 1], " ", words[i], NULL);

  if (g_strv_contains (compounds, pair) || g_ascii_isdigit (words[i][0]))
    return PENALTY;
  for (guint j = i >= 2 ? i - 2 : 0; j <= i + 1 && j < n; j++)
    if (is_dash (words[j]))
      return PENALTY;
  return 0;
}

/* best[l][i]: the least cost of setting words i.. on l lines, the cost
 * being the bad breaks, then the widest line. Returns FALSE when a word
 * alone is wider than @limit. */
static gboolean
balance (char      **words,
         const int  *widths,
         guint       n,
         int         space,
         int         limit,
         guint       lines,
         guint      *breaks)
{
  gint64 best[MAX_LINES + 1][MAX_WORDS + 1];
  guint next[MAX_LINES + 1][MAX_WORDS + 1];

  for (guint i = 0; i <= n; i++)
    {
      int w = i < n ? line_width (widths, space, i, n) : limit + 1;
      best[1][i] = w <= limit ? w : TOO_WIDE;
      next[1][i] = n;
    }
  for (guint l = 2; l <= lines; l++)
    for (guint i = 0; i < n; i++)
      {
        best[l][i] = TOO_WIDE;
        for (guint j = i + 1; j < n; j++)
          {
            int w = line_width (widths, space, i, j);
            gint64 rest = best[l - 1][j];
            gint64 cost;

            if (w > limit || rest == TOO_WIDE)
              continue;
            /* penalties add up; of the widths, the widest line counts */
            cost = (rest / PENALTY + break_penalty (words, n, j) / PENALTY) * PENALTY
                   + MAX (w, rest % PENALTY);
            if (cost < best[l][i])
              {
                best[l][i] = cost;
                next[l][i] = j;
              }
          }
      }
  if (best[lines][0] == TOO_WIDE)
    return FALSE;
  for (guint l = lines, i = 0, k = 0; l > 1; l--, k++)
    i = breaks[k] = next[l][i];
  return TRUE;
}

/**
 * bc_docx_balance_lines:
 * @width: the column, in twips
 * @size: half-points
 *
 * Returns: (transfer full): @text with "\n" where its lines should break
 */
char *
bc_docx_balance_lines (const char *text,
                       int         width,
                       int         size,
                       gboolean    bold)
{
  g_auto(GStrv) words = NULL;
  int widths[MAX_WORDS];
  guint breaks[MAX_LINES] = { 0 };
  guint n, lines;
  int space = bc_docx_text_width (" ", size, bold);
  GString *out;

  if (strchr (text, '\n') != NULL || bc_docx_text_width (text, size, bold) <= width)
    return g_strdup (text);
  words = g_strsplit (text, " ", -1);
  n = g_strv_length (words);
  for (guint i = 0; i < n; i++)
    if (*words[i] == '\0' || n > MAX_WORDS)
      return g_strdup (text);
  for (guint i = 0; i < n; i++)
    widths[i] = bc_docx_text_width (words[i], size, bold);
  lines = greedy_lines (widths, n, space, width);
  if (lines > MAX_LINES || lines > n || !balance (words, widths, n, space, width, lines, breaks))
    return g_strdup (text);
  out = g_string_new (words[0]);
  for (guint i = 1, k = 0; i < n; i++)
    {
      gboolean line_break = k < lines - 1 && breaks[k] == i;

      g_string_append_c (out, line_break ? '\n' : ' ');
      k += line_break;
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}
