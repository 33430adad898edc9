/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bc-report-private.h"
#include "bc-store-private.h"
#include "bc-template.h"

/* The JSON interchange format (docs/interchange-format.md):
 * { "format": "baocao-report", "version": 1, "uuid", "created", "modified",
 *   "previous": uuid or null, "template": {resolved template},
 *   "values": { key: value, ... } (sorted by key, with the meta keys),
 *   "changes": [ { "batch", "key", "old", "new", "actor", "at" }, ... ] } */

#define FORMAT_NAME "baocao-report"
#define FORMAT_VERSION 1

static char *
previous_uuid (BcStore *self, gint64 previous_id)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT uuid FROM report WHERE id = ?", NULL);
  char *uuid = NULL;

  if (stmt == NULL || previous_id <= 0)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, previous_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return uuid;
}

/**
 * bc_store_export_json:
 *
 * Returns: (transfer full): the report, its template copy and its change
 *   log as interchange JSON, or %NULL with @error set
 */
char *
bc_store_export_json (BcStore  *self,
                      gint64    report_id,
                      GError  **error)
{
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) keys = NULL;
  g_autofree char *previous = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  if ((report = bc_store_open_report (self, report_id, error)) == NULL
      || (changes = bc_store_list_changes (self, report_id, error)) == NULL)
    return NULL;
  if (!json_parser_load_from_data (parser, bc_template_to_json (bc_report_get_template (report)),
                                   -1, error))
    return NULL;
  previous = previous_uuid (self, bc_report_get_previous_id (report));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, bc_report_get_uuid (report));
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, bc_report_get_created (report));
  json_builder_set_member_name (builder, "modified");
  json_builder_add_string_value (builder, bc_report_get_modified (report));
  json_builder_set_member_name (builder, "previous");
  if (previous != NULL)
    json_builder_add_string_value (builder, previous);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "template");
  json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));

  json_builder_set_member_name (builder, "values");
  json_builder_begin_object (builder);
  keys = bc_report_get_sorted_keys (report);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_string_value (builder, bc_report_get (report, l->data));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      BcChange *c = changes->pdata[i];
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "batch");
      json_builder_add_int_value (builder, c->batch);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, c->key);
      json_builder_set_member_name (builder, "old");
      c->old_value ? json_builder_add_string_value (builder, c->old_value) : json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "new");
      c->new_value ? json_builder_add_string_value (builder, c->new_value) : json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "actor");
      json_builder_add_string_value (builder, c->actor);
      json_builder_set_member_name (builder, "at");
      json_builder_add_string_value (builder, c->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static gboolean G_GNUC_PRINTF (2, 3)
bad_file (GError **error, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_FOREIGN,
               _("This is not a valid Baocao report file: %s"), what);
  return FALSE;
}

static const char *
member_string (JsonObject *obj, const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
nullable_string (JsonObject *obj, const char *member, const char **out)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  *out = member_string (obj, member);
  return *out != NULL;
}

static gboolean
insert_changes (BcStore *self, gint64 id, JsonArray *changes, GError **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonNode *node = json_array_get_element (changes, i);
      JsonObject *c = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *key, *old_value, *new_value, *actor, *at;
      int rc;

      if (c == NULL || (key = member_string (c, "key")) == NULL
          || (actor = member_string (c, "actor")) == NULL
          || (at = member_string (c, "at")) == NULL
          || !nullable_string (c, "old", &old_value) || !nullable_string (c, "new", &new_value)
          || !json_object_has_member (c, "batch"))
        return bad_file (error, _("change %u is incomplete"), i + 1);
      stmt = bc_store_prepare (self,
                               "INSERT INTO change (report_id, batch, key, old, new, actor, at)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, json_object_get_int_member (c, "batch"));
      sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, old_value, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, new_value, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, actor, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, at, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return bc_store_sqlite_error (self, rc, error);
    }
  return TRUE;
}

static GHashTable *
read_values (JsonObject *obj, GError **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GList) members = json_object_get_members (obj);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *value = member_string (obj, l->data);
      if (value == NULL)
        {
          bad_file (error, _("the value of “%s” is not text"), (char *) l->data);
          return NULL;
        }
      g_hash_table_insert (values, g_strdup (l->data), g_strdup (value));
    }
  return g_steal_pointer (&values);
}

/* Checks each value with the rules the store applies to edits, before
 * anything is written. */
static gboolean
validate_values (BcTemplate *template, GHashTable *values, const char *uuid, GError **error)
{
  g_autoptr(GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(BcReport) probe = bc_report_new (0, uuid, template, none, "", "", 0);
  GHashTableIter iter;
  const char *key, *value;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (!bc_report_validate_value (probe, key, value, error))
      return FALSE;
  return TRUE;
}

/**
 * bc_store_import_json:
 *
 * Adds the report in interchange JSON to the library, with its uuid,
 * times, values and change log, so that exporting it again gives the same
 * JSON. A report whose uuid is already in the library is refused.
 *
 * Returns: the new report's id, or 0 with @error set
 */
gint64
bc_store_import_json (BcStore     *self,
                      const char  *data,
                      gssize       length,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(BcTemplate) template = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *template_json = NULL;
  JsonObject *root, *values_obj;
  JsonNode *node;
  JsonArray *changes;
  const char *uuid, *created, *modified, *previous;
  gint64 id = 0;
  gint64 previous_id;

  g_return_val_if_fail (BC_IS_STORE (self), 0);
  g_return_val_if_fail (data != NULL, 0);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    return bad_file (error, "%s", local_error->message), 0;
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return bad_file (error, _("it holds no report")), 0;
  root = json_node_get_object (node);
  if (g_strcmp0 (member_string (root, "format"), FORMAT_NAME) != 0)
    return bad_file (error, _("it holds no report")), 0;
  if (json_object_get_int_member_with_default (root, "version", 0) > FORMAT_VERSION)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NEWER,
                   _("This report file was made by a newer Baocao. Update Baocao to open it."));
      return 0;
    }
  if ((uuid = member_string (root, "uuid")) == NULL || !g_uuid_string_is_valid (uuid)
      || (created = member_string (root, "created")) == NULL
      || (modified = member_string (root, "modified")) == NULL
      || !nullable_string (root, "previous", &previous)
      || (node = json_object_get_member (root, "template")) == NULL
      || !JSON_NODE_HOLDS_OBJECT (node)
      || json_object_get_member (root, "values") == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "values"))
      || json_object_get_member (root, "changes") == NULL
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "changes")))
    return bad_file (error, _("a required part is missing")), 0;
  if (bc_store_find_report (self, uuid) != 0)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS,
                   _("This report is already in the library"));
      return 0;
    }

  json_generator_set_root (generator, node);
  template_json = json_generator_to_data (generator, NULL);
  if ((template = bc_template_new_from_data (template_json, -1, _("the report's template"), NULL, error)) == NULL)
    return 0;
  values_obj = json_object_get_object_member (root, "values");
  if ((values = read_values (values_obj, error)) == NULL)
    return 0;
  if (!g_hash_table_contains (values, "meta/unit") || !g_hash_table_contains (values, "meta/period_from")
      || !g_hash_table_contains (values, "meta/period_to"))
    return bad_file (error, _("the unit or the period is missing")), 0;

  if (!validate_values (template, values, uuid, error))
    return 0;

  previous_id = previous ? bc_store_find_report (self, previous) : 0;
  changes = json_object_get_array_member (root, "changes");
  if (!bc_store_exec (self, "BEGIN IMMEDIATE", error))
    return 0;
  if (!bc_store_insert_report (self, uuid, template, values, created, modified, previous_id, &id, error)
      || !insert_changes (self, id, changes, error)
      || !bc_store_exec (self, "COMMIT", error))
    {
      bc_store_exec (self, "ROLLBACK", NULL);
      return 0;
    }
  return id;
}
