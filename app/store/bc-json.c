/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-json.h"

/* Every JSON Baocao reads (templates, catalogs, interchange files) goes
 * through bc_json_load(), so that every path refuses the same things:
 * nesting json-glib would recurse into until the stack overflows, a NUL
 * that would cut a C string short (or make two keys one), and a member
 * given twice, of which json-glib would silently keep the last. */

G_DEFINE_QUARK (bc-json-error-quark, bc_json_error)

/* \u0000, with any case of hex digits; @p is just after the backslash. */
static gboolean
is_nul_escape (const char *p,
               const char *end)
{
  return end - p >= 5 && p[0] == 'u' && p[1] == '0' && p[2] == '0' && p[3] == '0' && p[4] == '0';
}

/* One pass over the bytes, before a parser sees them. */
static gboolean
scan (const char  *data,
      gsize        length,
      GError     **error)
{
  const char *end = data + length;
  gboolean in_string = FALSE;
  guint depth = 0;

  for (const char *p = data; p < end; p++)
    {
      if (*p == '\0' || (in_string && *p == '\\' && is_nul_escape (p + 1, end)))
        {
          g_set_error_literal (error, BC_JSON_ERROR, BC_JSON_ERROR_NUL,
                               _("it holds a NUL character"));
          return FALSE;
        }
      if (in_string)
        {
          if (*p == '\\' && p + 1 < end)
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        {
          if (++depth > BC_JSON_MAX_DEPTH)
            {
              g_set_error (error, BC_JSON_ERROR, BC_JSON_ERROR_TOO_DEEP,
                           _("it is nested more than %d levels deep"), BC_JSON_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((*p == '}' || *p == ']') && depth > 0)
        depth--;
    }
  return TRUE;
}

typedef struct
{
  GHashTable *members;   /* JsonObject → how many members were parsed into it */
  char       *duplicate; /* the first member given twice */
} Members;

static void
object_member_cb (JsonParser *parser,
                  JsonObject *object,
                  const char *name,
                  gpointer    user_data)
{
  Members *m = user_data;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (m->members, object)) + 1;

  g_hash_table_insert (m->members, object, GUINT_TO_POINTER (n));
  /* A member given again replaces the first: the size stays behind. */
  if (m->duplicate == NULL && json_object_get_size (object) < n)
    m->duplicate = g_strdup (name);
}

/**
 * bc_json_load:
 * @parser: a new parser
 * @data: the JSON text
 * @length: its length, or -1 when nul-terminated
 *
 * json_parser_load_from_data(), after refusing nesting deeper than
 * %BC_JSON_MAX_DEPTH and any NUL character (raw or escaped), and then
 * refusing an object that names a member twice.
 *
 * Returns: %TRUE when @parser holds the document
 */
gboolean
bc_json_load (JsonParser  *parser,
              const char  *data,
              gssize       length,
              GError     **error)
{
  Members m = { g_hash_table_new (NULL, NULL), NULL };
  gulong handler;
  gboolean ok;

  g_return_val_if_fail (JSON_IS_PARSER (parser), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!scan (data, length < 0 ? strlen (data) : (gsize) length, error))
    {
      g_hash_table_unref (m.members);
      return FALSE;
    }
  handler = g_signal_connect (parser, "object-member", G_CALLBACK (object_member_cb), &m);
  ok = json_parser_load_from_data (parser, data, length, error);
  g_signal_handler_disconnect (parser, handler);
  g_hash_table_unref (m.members);
  if (ok && m.duplicate != NULL)
    {
      g_set_error (error, BC_JSON_ERROR, BC_JSON_ERROR_DUPLICATE,
                   _("the member “%s” is given twice"), m.duplicate);
      ok = FALSE;
    }
  g_free (m.duplicate);
  return ok;
}
