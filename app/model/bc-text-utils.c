/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-text"

#include "config.h"

#include <string.h>

#include "bc-text-utils.h"

/* Control characters: C0, DEL and C1. In a terminal they move the cursor,
 * retitle the window or clear the screen (ESC, CSI U+009B, CR…), so text
 * from a file never carries them in a one-line field (refused on input)
 * and is written to a terminal only through bc_text_escape_controls(). */

static gboolean
is_control (gunichar c,
            gboolean allow_lines)
{
  if (allow_lines && (c == '\n' || c == '\t'))
    return FALSE;
  return c < 0x20 || (c >= 0x7f && c < 0xa0);
}

/**
 * bc_text_has_controls:
 * @text: UTF-8 text
 * @multiline: whether newlines and tabs belong in it
 *
 * Returns: %TRUE when @text holds a control character, other than a
 *   newline or a tab in @multiline text
 */
gboolean
bc_text_has_controls (const char *text,
                      gboolean    multiline)
{
  g_return_val_if_fail (text != NULL, FALSE);

  /* By bytes: C0 and DEL are ASCII, C1 is 0xC2 0x80–0x9F in UTF-8. */
  for (const guchar *p = (const guchar *) text; *p; p++)
    if ((*p < 0x20 || *p == 0x7f) ? is_control (*p, multiline) : (*p == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0))
      return TRUE;
  return FALSE;
}

/**
 * bc_text_escape_controls:
 * @text: text, UTF-8 or not
 * @keep_lines: keep newlines and tabs as they are
 *
 * Writes every control character visibly, C-style ("\n", "\e", "\x07",
 * "\u009b"), and every byte that is not UTF-8 as "\xff". Without
 * @keep_lines the result is one line, and a backslash is doubled so that
 * the text can be read back exactly.
 *
 * Returns: (transfer full): @text, safe to write to a terminal
 */
char *
bc_text_escape_controls (const char *text,
                         gboolean    keep_lines)
{
  GString *out;
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  end = text + strlen (text);
  for (const char *p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p++);
          continue;
        }
      if (c == '\\' && !keep_lines)
        g_string_append (out, "\\\\");
      else if (!is_control (c, keep_lines))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else if (c == '\n' || c == '\t' || c == '\r' || c == 0x1b)
        g_string_append (out, c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r" : "\\e");
      else if (c < 0x80)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_printf (out, "\\u%04x", c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
