/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-inline"

#include "config.h"

#include <string.h>

#include "bc-inline.h"

/* A run of one or two stars that opens (a non-space after it) or closes
 * (a non-space before it) emphasis; paired like Markdown, in one line. */
typedef struct
{
  gsize    at;
  guint    length;     /* 1 italic, 2 bold */
  gboolean can_open;
  gboolean can_close;
  int      partner;    /* index of the paired delimiter, -1: a star as typed */
} Delim;

static gboolean
is_space_at (const char *line,
             gsize       i,
             gsize       n)
{
  return i >= n || g_ascii_isspace (line[i]);
}

static GArray *
find_delims (const char *line,
             gsize       n)
{
  GArray *delims = g_array_new (FALSE, FALSE, sizeof (Delim));

  for (gsize i = 0; i < n;)
    {
      gsize run = 0;

      while (i + run < n && line[i + run] == '*')
        run++;
      if (run == 0)
        {
          i++;
          continue;
        }
      /* "***": bold then italic; longer runs are stars as typed. */
      for (gsize k = 0; run <= 3 && k < run;)
        {
          Delim d = { .at = i + k, .length = run - k >= 2 ? 2 : 1, .partner = -1 };

          d.can_open = !is_space_at (line, i + run, n);
          d.can_close = i > 0 && !g_ascii_isspace (line[i - 1]);
          g_array_append_val (delims, d);
          k += d.length;
        }
      i += run;
    }
  return delims;
}

/* Each closer takes the nearest open opener of its length: a stack per
 * length, so a line of stars is paired in one pass. */
static void
pair_delims (GArray *delims)
{
  g_autoptr(GArray) italics = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) bolds = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint c = 0; c < delims->len; c++)
    {
      Delim *delim = &g_array_index (delims, Delim, c);
      GArray *stack = delim->length == 2 ? bolds : italics;

      if (delim->can_close && stack->len > 0)
        {
          guint o = g_array_index (stack, guint, stack->len - 1);
          Delim *opener = &g_array_index (delims, Delim, o);

          if (opener->at + opener->length != delim->at)
            {
              g_array_set_size (stack, stack->len - 1);
              opener->partner = (int) c;
              delim->partner = (int) o;
              continue;
            }
        }
      if (delim->can_open)
        g_array_append_val (stack, c);
    }
}

static void
add_span (GArray   *spans,
          gsize     start,
          gsize     end,
          gsize     src_start,
          gsize     src_end,
          gboolean  bold,
          gboolean  italic)
{
  BcInlineSpan span = { start, end, src_start, src_end, bold, italic };

  if (end > start)
    g_array_append_val (spans, span);
}

/**
 * bc_inline_parse:
 * @line: one paragraph's text
 * @spans: (out) (optional) (element-type BcInlineSpan): the plain text in
 *   runs of one style, in order
 *
 * Returns: (transfer full): @line without its emphasis marks
 */
char *
bc_inline_parse (const char  *line,
                 GArray     **spans)
{
  gsize n = strlen (line);
  g_autoptr(GArray) delims = find_delims (line, n);
  g_autoptr(GArray) out_spans = g_array_new (FALSE, FALSE, sizeof (BcInlineSpan));
  GString *plain = g_string_sized_new (n);
  gboolean bold = FALSE, italic = FALSE;
  gsize done = 0, span_start = 0;

  pair_delims (delims);
  for (guint i = 0; i < delims->len; i++)
    {
      const Delim *d = &g_array_index (delims, Delim, i);

      if (d->partner < 0)
        continue;
      g_string_append_len (plain, line + done, (gssize) (d->at - done));
      add_span (out_spans, span_start, plain->len, done, d->at, bold, italic);
      span_start = plain->len;
      if (d->length == 2)
        bold = !bold;
      else
        italic = !italic;
      done = d->at + d->length;
    }
  g_string_append (plain, line + done);
  add_span (out_spans, span_start, plain->len, done, n, bold, italic);
  if (spans)
    *spans = g_steal_pointer (&out_spans);
  return g_string_free (plain, FALSE);
}

/**
 * bc_inline_strip:
 *
 * Returns: (transfer full): @text, every line without its emphasis marks
 */
char *
bc_inline_strip (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      char *plain = bc_inline_parse (lines[i], NULL);

      g_free (lines[i]);
      lines[i] = plain;
    }
  return g_strjoinv ("\n", lines);
}

/**
 * bc_inline_toggle:
 * @start: byte offset of the selection in @text
 * @end: byte offset after it
 * @bold: "**" (Ctrl+B), else "*" (Ctrl+I)
 * @new_start: (out): where the selected words start afterwards
 * @new_end: (out): where they end
 *
 * Ctrl+B and Ctrl+I: marks the selection, or takes the marks away when it
 * is already marked so. The spaces at the ends of the selection stay
 * outside the marks (a mark next to a space would be a star as typed).
 *
 * Returns: (transfer full): the new text
 */
char *
bc_inline_toggle (const char *text,
                  gsize       start,
                  gsize       end,
                  gboolean    bold,
                  gsize      *new_start,
                  gsize      *new_end)
{
  const char *mark = bold ? "**" : "*";
  gsize m = strlen (mark);
  gsize n = strlen (text);
  GString *out;

  while (start < end && g_ascii_isspace (text[start]))
    start++;
  while (end > start && g_ascii_isspace (text[end - 1]))
    end--;
  *new_start = start;
  *new_end = end;
  if (start == end || end > n)
    return g_strdup (text);
  out = g_string_new_len (text, (gssize) start);
  if (start >= m && end + m <= n && strncmp (text + start - m, mark, m) == 0
      && strncmp (text + end, mark, m) == 0
      && (bold || ((start < 2 || text[start - 2] != '*') && text[end + 1] != '*')))
    {
      g_string_truncate (out, start - m);
      g_string_append_len (out, text + start, (gssize) (end - start));
      g_string_append (out, text + end + m);
      *new_start = start - m;
      *new_end = end - m;
      return g_string_free (out, FALSE);
    }
  g_string_append (out, mark);
  g_string_append_len (out, text + start, (gssize) (end - start));
  g_string_append (out, mark);
  g_string_append (out, text + end);
  *new_start = start + m;
  *new_end = end + m;
  return g_string_free (out, FALSE);
}

/**
 * bc_inline_blank_marks:
 * @text: (inout): lines of text
 *
 * Turns the emphasis marks of @text into spaces, in place: the words read
 * as printed, every other character where it was.
 */
void
bc_inline_blank_marks (char *text)
{
  /* Only stars mark emphasis: most texts have none. */
  char *line = strchr (text, '*') != NULL ? text : NULL;

  while (line != NULL)
    {
      char *next = strchr (line, '\n');
      g_autofree char *copy = next ? g_strndup (line, (gsize) (next - line)) : g_strdup (line);
      g_autoptr(GArray) spans = NULL;
      g_autofree char *plain = bc_inline_parse (copy, &spans);
      gsize previous = 0;

      for (guint i = 0; i <= spans->len; i++)
        {
          gsize until = i < spans->len ? g_array_index (spans, BcInlineSpan, i).src_start : strlen (copy);

          memset (line + previous, ' ', until - previous);
          if (i < spans->len)
            previous = g_array_index (spans, BcInlineSpan, i).src_end;
        }
      line = next ? next + 1 : NULL;
    }
}
