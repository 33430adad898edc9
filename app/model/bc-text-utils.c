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

/* Vietnamese order (TCVN 5712 and the dictionaries): a ă â b c d đ e ê
 * g h i k l m n o ô ơ p q r s t u ư v x y, then the tones, none, huyền,
 * hỏi, ngã, sắc, nặng, only where the letters are the same. Case counts
 * last. The key of a text is its letters' weights, then its tones, then
 * the text itself, each part in printable characters, so that strcmp()
 * orders the keys as the texts are ordered. */

enum
{
  LETTERS = 0x110000,  /* letters sort after every other character */
};

/* The weight of a base letter (NFD, folded) with the marks that make a
 * letter of its own: ă â ê ô ơ ư (breve, circumflex, horn); đ is one. */
static guint
letter_weight (gunichar base,
               gboolean breve,
               gboolean circumflex,
               gboolean horn)
{
  guint variant = 0;

  if (base == 0x0111)   /* đ */
    return LETTERS + ('d' - 'a') * 4 + 1;
  if (base < 'a' || base > 'z')
    return base;
  if (base == 'a')
    variant = breve ? 1 : circumflex ? 2 : 0;
  else if (base == 'e' || base == 'o')
    variant = circumflex ? 1 : horn ? 2 : 0;
  else if (base == 'u')
    variant = horn ? 1 : 0;
  return LETTERS + (base - 'a') * 4 + variant;
}

static guint
tone_of (gunichar mark)
{
  switch (mark)
    {
    case 0x0300: return 1;   /* huyền */
    case 0x0309: return 2;   /* hỏi */
    case 0x0303: return 3;   /* ngã */
    case 0x0301: return 4;   /* sắc */
    case 0x0323: return 5;   /* nặng */
    default: return 0;
    }
}

/**
 * bc_text_collate_key:
 * @text: UTF-8 text, a unit's or an office's name
 *
 * The key that orders names as a Vietnamese reader does, whatever the
 * locale: letters first (Đ after D, "Đắk Hà" before "Sa Thầy"), then
 * tones, then case.
 *
 * Returns: (transfer full): a key to compare with strcmp()
 */
char *
bc_text_collate_key (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_autofree char *folded = g_utf8_casefold (nfc ? nfc : "", -1);
  g_autofree char *nfd = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) letters = g_string_new (NULL);
  g_autoptr(GString) tones = g_string_new (NULL);

  for (const char *p = nfd ? nfd : ""; *p;)
    {
      gunichar base = g_utf8_get_char (p);
      gboolean breve = FALSE, circumflex = FALSE, horn = FALSE;
      guint tone = 0;

      for (p = g_utf8_next_char (p); *p && g_unichar_ismark (g_utf8_get_char (p)); p = g_utf8_next_char (p))
        {
          gunichar mark = g_utf8_get_char (p);
          breve |= mark == 0x0306;
          circumflex |= mark == 0x0302;
          horn |= mark == 0x031b;
          tone = tone ? tone : tone_of (mark);
        }
      g_string_append_printf (letters, "%06x", letter_weight (base, breve, circumflex, horn));
      g_string_append_c (tones, (char) ('0' + tone));
    }
  /* A part ends below any of its characters: a name before its longer
   * names. */
  return g_strdup_printf ("%s\x01%s\x01%s", letters->str, tones->str, nfc ? nfc : text);
}

/**
 * bc_text_collate:
 *
 * Compares two names in Vietnamese order (bc_text_collate_key()): the one
 * order of units and offices wherever they are listed.
 *
 * Returns: < 0, 0 or > 0, as strcmp()
 */
int
bc_text_collate (const char *a,
                 const char *b)
{
  g_autofree char *ka = bc_text_collate_key (a ? a : "");
  g_autofree char *kb = bc_text_collate_key (b ? b : "");

  return strcmp (ka, kb);
}

/**
 * bc_text_compare_names:
 * @a: a `char **` (an element of a #GPtrArray of names)
 * @b: another
 *
 * bc_text_collate() for g_ptr_array_sort().
 */
int
bc_text_compare_names (gconstpointer a,
                       gconstpointer b)
{
  return bc_text_collate (*(const char * const *) a, *(const char * const *) b);
}
