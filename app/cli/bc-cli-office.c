/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-cli.h"
#include "bc-cli-utils.h"
#include "bc-cli-office.h"
#include "bc-office.h"
#include "bc-store.h"
#include "bc-text-utils.h"

/* "baocao office …": the office profiles of a library. Each field of a
 * profile is an option named after it ("signer_name": --signer-name); a
 * list field (Kính gửi, Nơi nhận) takes one entry an option, repeated. */

#define USAGE N_("usage: baocao office list | show ID | add --unit NAME --kind KIND [--FIELD VALUE…] " \
                 "| set ID --FIELD VALUE… | delete ID")

typedef struct
{
  char   *library;
  char   *values[32];   /* by bc_office_fields() index */
  char  **lists[32];
  char  **option_names; /* owned by the parse, for GOptionEntry */
} Options;

static char *
option_name (const char *field)
{
  char *name = g_strdup (field);

  g_strdelimit (name, "_", '-');
  return name;
}

static void
options_clear (Options *o)
{
  g_free (o->library);
  for (guint i = 0; i < G_N_ELEMENTS (o->values); i++)
    {
      g_free (o->values[i]);
      g_strfreev (o->lists[i]);
    }
  g_strfreev (o->option_names);
}

/* One option a field, and --kind for --unit-kind. */
static gboolean
parse (Options   *o,
       int       *argc,
       char    ***argv,
       GError   **error)
{
  const char * const *fields = bc_office_fields ();
  guint n = g_strv_length ((char **) fields);
  g_autoptr(GOptionContext) context = g_option_context_new ("list | show ID | add | set ID | delete ID");
  g_autofree GOptionEntry *entries = g_new0 (GOptionEntry, n + 3);
  guint e = 0;

  g_assert (n <= G_N_ELEMENTS (o->values));
  o->option_names = g_new0 (char *, n + 1);
  entries[e++] = (GOptionEntry) { "library", 'l', 0, G_OPTION_ARG_FILENAME, &o->library,
                                  N_("The library database to use"), N_("FILE") };
  for (guint i = 0; i < n; i++)
    {
      gboolean list = bc_office_field_is_list (fields[i]);
      o->option_names[i] = option_name (fields[i]);
      entries[e++] = (GOptionEntry) { o->option_names[i], 0, 0,
                                      list ? G_OPTION_ARG_STRING_ARRAY : G_OPTION_ARG_STRING,
                                      list ? (gpointer) &o->lists[i] : (gpointer) &o->values[i],
                                      bc_office_field_label (fields[i]), N_("TEXT") };
      if (g_str_equal (fields[i], "unit_kind"))
        entries[e++] = (GOptionEntry) { "kind", 0, 0, G_OPTION_ARG_STRING, &o->values[i],
                                        bc_office_field_label (fields[i]), N_("KIND") };
    }
  g_option_context_set_summary (context, _("Keep the office profiles reports are written for"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

/* The fields given on the command line, set on @office. */
static gboolean
apply (Options   *o,
       BcOffice  *office,
       guint     *n_set,
       GError   **error)
{
  const char * const *fields = bc_office_fields ();

  *n_set = 0;
  for (guint i = 0; fields[i]; i++)
    {
      g_autofree char *joined = o->lists[i] ? g_strjoinv ("\n", o->lists[i]) : NULL;
      const char *value = joined ? joined : o->values[i];

      if (value == NULL)
        continue;
      if (!bc_office_set (office, fields[i], value, error))
        return FALSE;
      (*n_set)++;
    }
  return TRUE;
}

static void
print_office (BcOffice *office)
{
  const char * const *fields = bc_office_fields ();

  g_print ("id\t%" G_GINT64_FORMAT "\n", bc_office_get_id (office));
  g_print ("uuid\t%s\n", bc_office_get_uuid (office));
  for (guint i = 0; fields[i]; i++)
    {
      g_autofree char *name = option_name (fields[i]);
      g_auto(GStrv) lines = g_strsplit (bc_office_get (office, fields[i]), "\n", -1);

      /* A list prints one entry a line, the later ones indented. */
      g_print ("%s\t%s\n", name, lines[0] ? lines[0] : "");
      for (guint j = 1; lines[0] && lines[j]; j++)
        g_print ("\t%s\n", lines[j]);
    }
}

static int
office_list (BcStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offices = bc_store_list_offices (store, &error);

  if (offices == NULL)
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  for (guint i = 0; i < offices->len; i++)
    {
      g_autofree char *name = bc_office_dup_unit_name (offices->pdata[i]);
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", bc_office_get_id (offices->pdata[i]), name,
               bc_office_get (offices->pdata[i], "supervising_body"));
    }
  return BC_CLI_OK;
}

static int
office_add (BcStore *store,
            Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcOffice) office = bc_office_new_guessed ("", NULL);
  guint n_set;

  if (!apply (o, office, &n_set, &error)
      || !bc_office_validate (office, &error)
      || !bc_store_add_office (store, office, &error))
    return bc_cli_fail (error->domain == BC_OFFICE_ERROR ? BC_CLI_USAGE : BC_CLI_FAILED, "%s", error->message);
  g_print ("%" G_GINT64_FORMAT "\n", bc_office_get_id (office));
  return BC_CLI_OK;
}

static int
office_set (BcStore *store,
            gint64   id,
            Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcOffice) office = bc_store_get_office (store, id, &error);
  guint n_set;

  if (office == NULL)
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  if (!apply (o, office, &n_set, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if (n_set == 0)
    return bc_cli_fail (BC_CLI_USAGE, "%s", _("say which fields to set: baocao office set ID --FIELD VALUE…"));
  if (!bc_store_update_office (store, office, &error))
    return bc_cli_fail (error->domain == BC_OFFICE_ERROR ? BC_CLI_USAGE : BC_CLI_FAILED, "%s", error->message);
  return BC_CLI_OK;
}

static int
run (BcStore  *store,
     Options  *o,
     int       argc,
     char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcOffice) office = NULL;
  const char *verb = argc > 2 ? argv[2] : "";
  gint64 id = 0;
  gboolean takes_id = g_str_equal (verb, "show") || g_str_equal (verb, "set") || g_str_equal (verb, "delete");

  if (takes_id ? argc != 4 || !bc_cli_parse_id (argv[3], &id) : argc != 3)
    return -1;
  if (g_str_equal (verb, "list"))
    return office_list (store);
  if (g_str_equal (verb, "add"))
    return office_add (store, o);
  if (g_str_equal (verb, "set"))
    return office_set (store, id, o);
  if (g_str_equal (verb, "show"))
    {
      if ((office = bc_store_get_office (store, id, &error)) == NULL)
        return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
      print_office (office);
      return BC_CLI_OK;
    }
  if (!bc_store_delete_office (store, id, &error))
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  return BC_CLI_OK;
}

/**
 * bc_cli_office:
 *
 * "baocao office list | show ID | add … | set ID … | delete ID".
 *
 * Returns: the exit status
 */
int
bc_cli_office (int    argc,
               char **argv)
{
  static const char * const verbs[] = { "list", "show", "add", "set", "delete", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  Options o = { 0 };
  int status;

  if (!parse (&o, &argc, &argv, &error))
    status = bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  else if (argc < 3 || !g_strv_contains (verbs, argv[2]))
    status = bc_cli_fail (BC_CLI_USAGE, "%s", _(USAGE));
  else if ((store = bc_cli_open_library (o.library, &error)) == NULL)
    status = bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  else if ((status = run (store, &o, argc, argv)) < 0)
    status = bc_cli_fail (BC_CLI_USAGE, "%s", _(USAGE));
  options_clear (&o);
  return status;
}

/**
 * bc_cli_find_office:
 * @store: the library
 * @unit: the unit typed after --unit
 * @unit_kind: (nullable): the template's kind of unit, for a name that names none
 * @made: (out): whether the profile was made here
 *
 * The profile of @unit: the library's one, else a new one made from the
 * unit's name (its kind read from the name, else @unit_kind) and added,
 * for the clerk to complete.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
BcOffice *
bc_cli_find_office (BcStore     *store,
                    const char  *unit,
                    const char  *unit_kind,
                    gboolean    *made,
                    GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(BcOffice) office = bc_store_find_office_for_unit (store, unit, &local);

  *made = FALSE;
  if (office != NULL)
    return g_steal_pointer (&office);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  /* What a profile refuses in a unit's name is said, not dropped. */
  office = bc_office_new_guessed ("", NULL);
  if (!bc_office_set (office, "unit", unit, error))
    return NULL;
  g_clear_object (&office);
  office = bc_office_new_guessed (unit, unit_kind);
  if (*bc_office_get (office, "unit") == '\0')
    {
      g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE, _("The unit cannot be empty"));
      return NULL;
    }
  if (*bc_office_get (office, "unit_kind") == '\0')
    {
      g_set_error (error, BC_OFFICE_ERROR, BC_OFFICE_ERROR_INVALID,
                   _("“%s” names no kind of unit (huyện, tỉnh, …): add its profile first with "
                     "baocao office add --unit NAME --kind KIND"), unit);
      return NULL;
    }
  if (!bc_office_validate (office, error) || !bc_store_add_office (store, office, error))
    return NULL;
  *made = TRUE;
  return g_steal_pointer (&office);
}
