/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bc-cli.h"
#include "bc-cli-utils.h"
#include "bc-store.h"
#include "bc-template.h"
#include "bc-text-utils.h"

/**
 * bc_cli_fail:
 * @status: the exit status to return
 *
 * Prints "baocao: <message>" on one line, whatever the message holds.
 *
 * Returns: @status
 */
int
bc_cli_fail (int         status,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  line = bc_text_escape_controls (message, FALSE);
  g_printerr ("baocao: %s\n", line);
  return status;
}

/**
 * bc_cli_parse_id:
 * @text: (nullable): an argument
 * @id: (out): the report id
 *
 * Returns: %TRUE when @text is a report id: 1 to G_MAXINT64, digits only
 */
gboolean
bc_cli_parse_id (const char *text,
                 gint64     *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

/**
 * bc_cli_status_label:
 * @status: (nullable): a stored status
 *
 * Returns: (transfer none): the status as the command line prints it
 */
const char *
bc_cli_status_label (const char *status)
{
  if (g_strcmp0 (status, "submitted") == 0)
    return _("submitted");
  if (g_strcmp0 (status, "returned") == 0)
    return _("returned");
  if (g_strcmp0 (status, "approved") == 0)
    return _("approved");
  return _("draft");
}

/**
 * bc_cli_open_report:
 * @library: (nullable): the library named by --library
 * @arg: a report id, or an interchange file (.json)
 * @store: (out): the store the report was opened from
 *
 * A .json file is read into a throw-away library in memory, so that
 * checking or exporting it leaves the user's library alone.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
BcReport *
bc_cli_open_report (const char  *library,
                    const char  *arg,
                    BcStore    **store,
                    GError     **error)
{
  gint64 id;

  if (g_str_has_suffix (arg, ".json"))
    {
      if ((*store = bc_store_open (":memory:", error)) == NULL)
        return NULL;
      if ((id = bc_store_import_json_file (*store, arg, error)) == 0)
        {
          g_prefix_error (error, "%s: ", arg);
          return NULL;
        }
      return bc_store_open_report (*store, id, error);
    }
  if (!bc_cli_parse_id (arg, &id))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is neither a report id nor a .json file"), arg);
      return NULL;
    }
  if ((*store = bc_cli_open_library (library, error)) == NULL)
    return NULL;
  return bc_store_open_report (*store, id, error);
}

/**
 * bc_cli_find_template:
 * @id: a shipped template's id, or the path of a template file (.json)
 *
 * Returns: (transfer full): the template, or %NULL with @error set
 */
BcTemplate *
bc_cli_find_template (const char  *id,
                      GError     **error)
{
  g_autofree char *tdir = bc_template_default_dir ("templates");
  g_autofree char *cdir = bc_template_default_dir ("catalogs");
  g_autofree char *file = g_strconcat (id, ".json", NULL);
  g_autofree char *path = NULL;

  /* A path to a template file works as well as a shipped template's id. */
  if (g_str_has_suffix (id, ".json"))
    return bc_template_new_from_file (id, cdir, error);
  path = g_build_filename (tdir, file, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BC_TEMPLATE_ERROR, BC_TEMPLATE_ERROR_READ,
                   _("There is no template “%s” (see “baocao templates”)"), id);
      return NULL;
    }
  return bc_template_new_from_file (path, cdir, error);
}
