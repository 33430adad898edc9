/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-xml-writer"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "bc-xml-writer.h"

struct _BcXmlWriter
{
  GString   *out;
  GPtrArray *open;   /* element names, borrowed literals */
};

/* XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]. A carriage return is dropped as well (a DOCX or an
 * XLSX text breaks lines with "\n" alone), and so are DEL and the C1
 * controls, which XML discourages and no office suite shows. */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA
         || (c >= 0x20 && c < 0x7F)
         || (c >= 0xA0 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD)
         || (c >= 0x10000 && c <= 0x10FFFF);
}

/**
 * bc_xml_append_escaped:
 * @out: where to append
 * @text: UTF-8 text; invalid bytes are skipped
 * @length: bytes of @text, or -1 when it is nul-terminated
 * @attribute: %TRUE to escape quotes and line breaks for an attribute value
 *
 * Appends @text escaped for XML, without the characters XML 1.0 forbids.
 */
void
bc_xml_append_escaped (GString    *out,
                       const char *text,
                       gssize      length,
                       gboolean    attribute)
{
  const char *p = text;
  const char *end;

  if (length < 0)
    length = (gssize) strlen (text);
  end = text + length;
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, attribute ? "&quot;" : "\"");
          break;
        case '\n':
          g_string_append (out, attribute ? "&#10;" : "\n");
          break;
        case '\t':
          g_string_append (out, attribute ? "&#9;" : "\t");
          break;
        default:
          if (is_xml_char (c))
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
      p = g_utf8_next_char (p);
    }
}

/**
 * bc_xml_clean_text:
 * @text: UTF-8 text
 *
 * Returns: (transfer full): @text without invalid bytes and without the
 * characters XML 1.0 forbids (controls other than tab and line feed)
 */
char *
bc_xml_clean_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;
  const char *end = text + strlen (text);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      if (is_xml_char (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/**
 * bc_xml_writer_new:
 *
 * Returns: (transfer full): a writer holding the XML declaration
 */
BcXmlWriter *
bc_xml_writer_new (void)
{
  BcXmlWriter *self = g_new0 (BcXmlWriter, 1);

  self->out = g_string_sized_new (4096);
  self->open = g_ptr_array_new ();
  g_string_append (self->out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
  return self;
}

void
bc_xml_writer_free (BcXmlWriter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->out, TRUE);
  g_ptr_array_unref (self->open);
  g_free (self);
}

/**
 * bc_xml_writer_free_to_bytes:
 *
 * Frees the writer; every element must have been closed.
 *
 * Returns: (transfer full): the document
 */
GBytes *
bc_xml_writer_free_to_bytes (BcXmlWriter *self)
{
  GBytes *bytes;

  g_return_val_if_fail (self->open->len == 0, NULL);
  bytes = g_string_free_to_bytes (self->out);
  g_ptr_array_unref (self->open);
  g_free (self);
  return bytes;
}

static void
append_tag (BcXmlWriter *self,
            const char  *name,
            va_list      args,
            gboolean     empty)
{
  const char *attr;

  g_string_append_c (self->out, '<');
  g_string_append (self->out, name);
  while ((attr = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      g_string_append_c (self->out, ' ');
      g_string_append (self->out, attr);
      g_string_append (self->out, "=\"");
      bc_xml_append_escaped (self->out, value, -1, TRUE);
      g_string_append_c (self->out, '"');
    }
  g_string_append (self->out, empty ? "/>" : ">");
}

/**
 * bc_xml_start:
 * @name: a literal element name, kept until bc_xml_end()
 * @...: attribute name and value pairs, then %NULL
 */
void
bc_xml_start (BcXmlWriter *self,
              const char  *name,
              ...)
{
  va_list args;

  va_start (args, name);
  append_tag (self, name, args, FALSE);
  va_end (args);
  g_ptr_array_add (self->open, (gpointer) name);
}

/**
 * bc_xml_empty:
 * @name: the element name
 * @...: attribute name and value pairs, then %NULL
 */
void
bc_xml_empty (BcXmlWriter *self,
              const char  *name,
              ...)
{
  va_list args;

  va_start (args, name);
  append_tag (self, name, args, TRUE);
  va_end (args);
}

/* Closes the innermost open element. */
void
bc_xml_end (BcXmlWriter *self)
{
  const char *name;

  g_return_if_fail (self->open->len > 0);
  name = g_ptr_array_steal_index (self->open, self->open->len - 1);
  g_string_append (self->out, "</");
  g_string_append (self->out, name);
  g_string_append_c (self->out, '>');
}

void
bc_xml_text (BcXmlWriter *self,
             const char  *text,
             gssize       length)
{
  bc_xml_append_escaped (self->out, text, length, FALSE);
}

/* <name>text</name> */
void
bc_xml_element (BcXmlWriter *self,
                const char  *name,
                const char  *text)
{
  bc_xml_start (self, name, NULL);
  bc_xml_text (self, text, -1);
  bc_xml_end (self);
}

/* <name w:val="value"/>, WordprocessingML's most common element */
void
bc_xml_val (BcXmlWriter *self,
            const char  *name,
            gint64       value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  bc_xml_empty (self, name, "w:val", buffer, NULL);
}

guint
bc_xml_writer_get_depth (BcXmlWriter *self)
{
  return self->open->len;
}

/* Where the next byte goes, for bc_xml_writer_insert_raw(). */
gsize
bc_xml_writer_get_offset (BcXmlWriter *self)
{
  return self->out->len;
}

/**
 * bc_xml_writer_insert_raw:
 * @offset: a position given by bc_xml_writer_get_offset()
 * @markup: trusted, well-formed markup
 *
 * Inserts @markup where the writer was: a property learnt later about an
 * element already written (a paragraph that must keep with the next).
 */
void
bc_xml_writer_insert_raw (BcXmlWriter *self,
                          gsize        offset,
                          const char  *markup)
{
  g_return_if_fail (offset <= self->out->len);
  g_string_insert (self->out, (gssize) offset, markup);
}
