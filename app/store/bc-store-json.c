/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bc-json.h"
#include "bc-limits.h"
#include "bc-number.h"
#include "bc-office.h"
#include "bc-report-private.h"
#include "bc-store-private.h"
#include "bc-template.h"

/* The JSON interchange format (docs/interchange-format.md):
 * { "format": "baocao-report", "version": 1, "uuid", "created", "modified",
 *   "previous": uuid or null, "template": {resolved template},
 *   "values": { key: value, ... } (sorted by key, with the meta keys),
 *   "changes": [ { "batch", "key", "old", "new", "actor", ["role",] "at" }, ... ],
 *   ["comments": [ { "id", "parent", "target", "author", "role", "text",
 *                   "created", "resolved", "resolved_by" }, ... ],]
 *   ["status_log": [ { "from", "to", "actor", "role", "reason", "at" }, ... ]] }
 * The members in brackets are written only when they hold something, so
 * that a report without them reads exactly as before. */

#define FORMAT_NAME "baocao-report"
#define FORMAT_VERSION 1

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_changes (JsonBuilder *builder,
             GPtrArray   *changes)
{
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      BcChange *c = changes->pdata[i];
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "batch");
      json_builder_add_int_value (builder, c->batch);
      add_string (builder, "key", c->key);
      add_string (builder, "old", c->old_value);
      add_string (builder, "new", c->new_value);
      add_string (builder, "actor", c->actor);
      if (c->role != NULL && *c->role != '\0')
        add_string (builder, "role", c->role);
      add_string (builder, "at", c->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The profile the report was made for: its uuid and its set fields. */
static void
add_office (JsonBuilder *builder,
            BcOffice    *office)
{
  const char * const *fields = bc_office_fields ();

  json_builder_set_member_name (builder, "office");
  json_builder_begin_object (builder);
  add_string (builder, "uuid", bc_office_get_uuid (office));
  for (guint i = 0; fields[i]; i++)
    if (*bc_office_get (office, fields[i]) != '\0')
      add_string (builder, fields[i], bc_office_get (office, fields[i]));
  json_builder_end_object (builder);
}

static const char *
comment_uuid (GPtrArray *comments,
              gint64     id)
{
  for (guint i = 0; i < comments->len; i++)
    if (((BcComment *) comments->pdata[i])->id == id)
      return ((BcComment *) comments->pdata[i])->uuid;
  return NULL;
}

static void
add_comments (JsonBuilder *builder,
              GPtrArray   *comments)
{
  if (comments->len == 0)
    return;
  json_builder_set_member_name (builder, "comments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < comments->len; i++)
    {
      BcComment *c = comments->pdata[i];
      json_builder_begin_object (builder);
      add_string (builder, "id", c->uuid);
      add_string (builder, "parent", c->parent_id ? comment_uuid (comments, c->parent_id) : NULL);
      add_string (builder, "target", c->target);
      add_string (builder, "author", c->author);
      add_string (builder, "role", c->role);
      add_string (builder, "text", c->text);
      add_string (builder, "created", c->created);
      add_string (builder, "resolved", c->resolved_at);
      add_string (builder, "resolved_by", c->resolved_by);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_status_log (JsonBuilder *builder,
                GPtrArray   *log)
{
  if (log->len == 0)
    return;
  json_builder_set_member_name (builder, "status_log");
  json_builder_begin_array (builder);
  for (guint i = 0; i < log->len; i++)
    {
      BcStatusChange *c = log->pdata[i];
      json_builder_begin_object (builder);
      add_string (builder, "from", c->from_status);
      add_string (builder, "to", c->to_status);
      add_string (builder, "actor", c->actor);
      add_string (builder, "role", c->role);
      add_string (builder, "reason", c->reason);
      add_string (builder, "at", c->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * bc_store_export_json:
 *
 * Returns: (transfer full): the report, its template copy, its change log,
 *   comments and status log as interchange JSON, or %NULL with @error set
 */
char *
bc_store_export_json (BcStore  *self,
                      gint64    report_id,
                      GError  **error)
{
  g_autoptr(BcBundle) bundle = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) keys = NULL;
  BcReport *report;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  if ((bundle = bc_store_read_bundle (self, report_id, error)) == NULL
      || !bc_bundle_check_size (bundle, error))
    return NULL;
  report = bundle->report;
  if (!bc_json_load (parser, bc_template_to_json (bc_report_get_template (report)), -1, error))
    return NULL;

  json_builder_begin_object (builder);
  add_string (builder, "format", FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  add_string (builder, "uuid", bc_report_get_uuid (report));
  add_string (builder, "created", bc_report_get_created (report));
  add_string (builder, "modified", bc_report_get_modified (report));
  add_string (builder, "previous", bundle->previous_uuid);
  json_builder_set_member_name (builder, "template");
  json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));

  json_builder_set_member_name (builder, "values");
  json_builder_begin_object (builder);
  keys = bc_report_get_sorted_keys (report);
  for (GList *l = keys; l != NULL; l = l->next)
    add_string (builder, l->data, bc_report_get (report, l->data));
  json_builder_end_object (builder);

  add_changes (builder, bundle->changes);
  add_comments (builder, bundle->comments);
  add_status_log (builder, bundle->status_log);
  if (bundle->office != NULL)
    add_office (builder, bundle->office);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static gboolean G_GNUC_PRINTF (2, 3)
bad_file (GError     **error,
          const char  *format,
          ...)
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
member_string (JsonObject *obj,
               const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
nullable_string (JsonObject  *obj,
                 const char  *member,
                 const char **out)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  *out = member_string (obj, member);
  return *out != NULL;
}

static gboolean
read_changes (JsonArray  *array,
              GPtrArray  *changes,
              GError    **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *c = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *key, *old_value, *new_value, *actor, *at, *role;
      JsonNode *batch;
      BcChange *change;

      if (c == NULL || (key = member_string (c, "key")) == NULL
          || (actor = member_string (c, "actor")) == NULL
          || (at = member_string (c, "at")) == NULL
          || !nullable_string (c, "old", &old_value) || !nullable_string (c, "new", &new_value)
          || !nullable_string (c, "role", &role)
          || (batch = json_object_get_member (c, "batch")) == NULL
          || !JSON_NODE_HOLDS_VALUE (batch) || json_node_get_value_type (batch) != G_TYPE_INT64)
        return bad_file (error, _("change %u is incomplete"), i + 1);
      change = g_new0 (BcChange, 1);
      change->batch = json_node_get_int (batch);
      change->key = g_strdup (key);
      change->old_value = g_strdup (old_value);
      change->new_value = g_strdup (new_value);
      change->actor = g_strdup (actor);
      change->role = g_strdup (role ? role : "");
      change->at = g_strdup (at);
      g_ptr_array_add (changes, change);
    }
  return TRUE;
}

/* Comments name their parent by uuid; in a bundle by the id of an earlier
 * comment: here, its position plus one. */
static gboolean
read_comments (JsonArray  *array,
               GPtrArray  *comments,
               GError    **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *c = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *uuid, *parent, *target, *author, *role, *text, *created, *resolved, *resolved_by;
      BcComment *comment;

      if (c == NULL || (uuid = member_string (c, "id")) == NULL
          || !nullable_string (c, "parent", &parent)
          || (target = member_string (c, "target")) == NULL
          || (author = member_string (c, "author")) == NULL
          || !nullable_string (c, "role", &role)
          || (text = member_string (c, "text")) == NULL
          || (created = member_string (c, "created")) == NULL
          || !nullable_string (c, "resolved", &resolved)
          || !nullable_string (c, "resolved_by", &resolved_by)
          || (parent != NULL && !g_hash_table_contains (ids, parent)))
        return bad_file (error, _("comment %u is incomplete"), i + 1);
      comment = g_new0 (BcComment, 1);
      comment->id = i + 1;
      comment->parent_id = parent ? GPOINTER_TO_INT (g_hash_table_lookup (ids, parent)) : 0;
      comment->uuid = g_strdup (uuid);
      comment->target = g_strdup (target);
      comment->author = g_strdup (author);
      comment->role = g_strdup (role ? role : "");
      comment->text = g_strdup (text);
      comment->created = g_strdup (created);
      comment->resolved_at = g_strdup (resolved);
      comment->resolved_by = g_strdup (resolved_by);
      g_ptr_array_add (comments, comment);
      g_hash_table_insert (ids, comment->uuid, GINT_TO_POINTER (i + 1));
    }
  return TRUE;
}

static gboolean
read_status_log (JsonArray  *array,
                 GPtrArray  *log,
                 GError    **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *c = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *from, *to, *actor, *role, *reason, *at;
      BcStatusChange *change;

      if (c == NULL || (from = member_string (c, "from")) == NULL
          || (to = member_string (c, "to")) == NULL
          || (actor = member_string (c, "actor")) == NULL
          || !nullable_string (c, "role", &role)
          || !nullable_string (c, "reason", &reason)
          || (at = member_string (c, "at")) == NULL)
        return bad_file (error, _("step %u of the status history is incomplete"), i + 1);
      change = g_new0 (BcStatusChange, 1);
      change->from_status = g_strdup (from);
      change->to_status = g_strdup (to);
      change->actor = g_strdup (actor);
      change->role = g_strdup (role ? role : "");
      change->reason = g_strdup (reason);
      change->at = g_strdup (at);
      g_ptr_array_add (log, change);
    }
  return TRUE;
}

/* An optional array member: absent, or an array. */
static gboolean
optional_array (JsonObject  *root,
                const char  *member,
                JsonArray  **out)
{
  JsonNode *node = json_object_get_member (root, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  *out = json_node_get_array (node);
  return TRUE;
}

static GHashTable *
read_values (JsonObject  *obj,
             GError     **error)
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

/* The optional "office": a uuid and the profile's fields, each text. A
 * member this Baocao does not know (a field of a newer one) is left out. */
static gboolean
read_office (JsonObject  *root,
             BcOffice   **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (root, "office");
  g_autoptr(BcOffice) office = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *obj;
  const char *uuid;

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad_file (error, _("its office profile is damaged"));
  obj = json_node_get_object (node);
  if ((uuid = member_string (obj, "uuid")) == NULL || !g_uuid_string_is_valid (uuid))
    return bad_file (error, _("its office profile is damaged"));
  office = bc_office_new_guessed ("", NULL);
  bc_office_set_identity (office, 0, uuid);
  members = json_object_get_members (obj);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *value = member_string (obj, l->data);
      g_autoptr(GError) local = NULL;

      if (value == NULL)
        return bad_file (error, _("the value of “%s” is not text"), (char *) l->data);
      if (!g_str_equal (l->data, "uuid") && !bc_office_set (office, l->data, value, &local)
          && !g_error_matches (local, BC_OFFICE_ERROR, BC_OFFICE_ERROR_NO_FIELD))
        return bad_file (error, "%s", local->message);
    }
  *out = g_steal_pointer (&office);
  return TRUE;
}

/* Reads the parts into a bundle; nothing is checked against the template
 * yet. */
static BcBundle *
read_bundle (JsonObject  *root,
             const char  *uuid,
             const char  *created,
             const char  *modified,
             JsonNode    *template_node,
             GError     **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(BcTemplate) template = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcBundle) bundle = NULL;
  g_autofree char *template_json = NULL;
  JsonArray *comments, *status_log;

  if (!optional_array (root, "comments", &comments) || !optional_array (root, "status_log", &status_log))
    return bad_file (error, _("the comments or the status history are damaged")), NULL;
  json_generator_set_root (generator, template_node);
  template_json = json_generator_to_data (generator, NULL);
  if ((template = bc_template_new_from_data (template_json, -1, _("the report's template"), NULL, error)) == NULL)
    return NULL;
  if ((values = read_values (json_object_get_object_member (root, "values"), error)) == NULL)
    return NULL;
  if (!g_hash_table_contains (values, "meta/unit") || !g_hash_table_contains (values, "meta/period_from")
      || !g_hash_table_contains (values, "meta/period_to"))
    return bad_file (error, _("the unit or the period is missing")), NULL;

  report = bc_report_new (0, uuid, template, values, created, modified, 0);
  bundle = bc_bundle_new (report);
  if (!read_changes (json_object_get_array_member (root, "changes"), bundle->changes, error)
      || !read_comments (comments, bundle->comments, error)
      || !read_status_log (status_log, bundle->status_log, error)
      || !read_office (root, &bundle->office, error))
    return NULL;
  return g_steal_pointer (&bundle);
}

/* The top-level members measured before parsing: the first four in the
 * order bc_bundle_check_counts() takes them. */
static const char * const measured[] = { "values", "changes", "comments", "status_log", "template" };
enum { TEMPLATE = 4 };

typedef struct
{
  guint64     items;       /* "[", "{" and "," outside strings: bounds the parser's nodes */
  guint64     commas[4];   /* directly inside each counted member */
  guint64     template;    /* bytes of the template but white space */
  gsize       longest;     /* the longest string, escapes counted as what they stand for */
  int         member;      /* the measured member being read, or -1 */
  const char *key;         /* the last string at depth 1 */
  gsize       key_length;
  gboolean    key_escaped;
} Shape;

static int
measured_member (const Shape *shape)
{
  for (guint i = 0; i < G_N_ELEMENTS (measured); i++)
    if (!shape->key_escaped && shape->key_length == strlen (measured[i])
        && memcmp (shape->key, measured[i], shape->key_length) == 0)
      return (int) i;
  return -1;
}

/* Outside strings: nesting, member names at the top and commas. */
static void
scan_byte (Shape      *shape,
           const char *p,
           guint      *depth)
{
  if (shape->member == TEMPLATE && !g_ascii_isspace (*p))
    shape->template++;
  if (*p == '{' || *p == '[')
    {
      ++*depth;
      shape->items++;
    }
  else if ((*p == '}' || *p == ']') && *depth > 0)
    --*depth;
  else if (*p == ':' && *depth == 1)
    shape->member = measured_member (shape);
  else if (*p == ',')
    {
      shape->items++;
      if (*depth == 1)
        shape->member = -1;
      else if (*depth == 2 && shape->member >= 0 && shape->member < TEMPLATE)
        shape->commas[shape->member]++;
    }
}

/* A string from just after its opening quote; returns its closing quote,
 * or @end. */
static const char *
scan_string (Shape      *shape,
             const char *p,
             const char *end,
             guint       depth)
{
  const char *start = p;
  gsize length = 0;
  gboolean escaped = FALSE;

  for (; p < end && *p != '"'; p++, length++)
    if (*p == '\\')
      {
        /* \uXXXX is at most 3 bytes of UTF-8 (a surrogate pair 4 for 12) */
        length += p + 1 < end && p[1] == 'u' ? 2 : 0;
        p += p + 1 < end && p[1] == 'u' ? 5 : 1;
        escaped = TRUE;
      }
  shape->longest = MAX (shape->longest, length);
  if (shape->member == TEMPLATE)
    shape->template += (guint64) (MIN (p, end) - start) + 2;
  if (depth == 1)
    shape->key = start, shape->key_length = (gsize) (MIN (p, end) - start), shape->key_escaped = escaped;
  return MIN (p, end);
}

/* One pass over the bytes before json-glib builds a node for each item,
 * so that a report past a limit is refused in the time it takes to read
 * it, not to parse it. A member name written with escapes is none of
 * ours: Baocao never writes one, and the checks after parsing catch it. */
static void
scan_shape (const char *data,
            gsize       length,
            Shape      *shape)
{
  const char *end = data + length;
  guint depth = 0;

  shape->member = -1;
  for (const char *p = data; p < end; p++)
    if (*p == '"')
      p = scan_string (shape, p + 1, end, depth);
    else
      scan_byte (shape, p, &depth);
}

static gboolean
check_shape (const char  *data,
             gsize        length,
             GError     **error)
{
  Shape shape = { 0 };
  g_autofree char *limit = NULL;

  scan_shape (data, length, &shape);
  if (shape.items > BC_LIMIT_JSON_ITEMS)
    {
      limit = bc_format_int (BC_LIMIT_JSON_ITEMS);
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_TOO_LARGE,
                   _("The report file has too many parts (more than %s)"), limit);
      return FALSE;
    }
  if (shape.longest > BC_LIMIT_TEXT_LENGTH || shape.template > BC_LIMIT_TEMPLATE_SIZE)
    {
      gboolean text = shape.longest > BC_LIMIT_TEXT_LENGTH;

      limit = bc_format_int (text ? BC_LIMIT_TEXT_LENGTH / 1024 : BC_LIMIT_TEMPLATE_SIZE / (1024 * 1024));
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_TOO_LARGE,
                   text ? _("The report file holds a text longer than %s KB")
                        : _("The report's template is larger than %s MB"), limit);
      return FALSE;
    }
  return bc_bundle_check_counts (shape.commas[0] + 1, shape.commas[1] + 1, shape.commas[2] + 1,
                                 shape.commas[3] + 1, error);
}

static guint
array_length (JsonObject *root,
              const char *member)
{
  JsonNode *node = json_object_get_member (root, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_array_get_length (json_node_get_array (node)) : 0;
}

/* The counts, before a value or a change is read. */
static gboolean
check_counts (JsonObject  *root,
              GError     **error)
{
  return bc_bundle_check_counts (json_object_get_size (json_object_get_object_member (root, "values")),
                                 array_length (root, "changes"), array_length (root, "comments"),
                                 array_length (root, "status_log"), error);
}

static gboolean
too_large (GError **error)
{
  g_autofree char *limit = bc_format_int (BC_LIMIT_FILE_SIZE / (1024 * 1024));

  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_TOO_LARGE,
               _("The report file is too large (at most %s MB)"), limit);
  return FALSE;
}

/* The integer 1; a larger integer is a newer format. Not a string, not
 * 1.9 nor 1e400, which json-glib reads as doubles. */
static gboolean
check_version (JsonObject  *root,
               GError     **error)
{
  JsonNode *node = json_object_get_member (root, "version");
  gint64 version;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return bad_file (error, _("its format version is missing or is not a whole number"));
  version = json_node_get_int (node);
  if (version > FORMAT_VERSION)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NEWER,
                   _("This report file was made by a newer Baocao. Update Baocao to open it."));
      return FALSE;
    }
  if (version < 1)
    return bad_file (error, _("its format version is missing or is not a whole number"));
  return TRUE;
}

/**
 * bc_store_import_json:
 *
 * Adds the report in interchange JSON to the library, with its uuid,
 * times, values, change log, comments and status log, so that exporting
 * it again gives the same JSON. A report whose uuid is already in the
 * library is refused (%BC_STORE_ERROR_EXISTS). Everything is checked
 * before anything is written.
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
  g_autoptr(BcBundle) bundle = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;
  const char *uuid, *created, *modified, *previous;

  g_return_val_if_fail (BC_IS_STORE (self), 0);
  g_return_val_if_fail (data != NULL, 0);

  if (length < 0)
    length = (gssize) strnlen (data, BC_LIMIT_FILE_SIZE + 1);
  if ((gsize) length > BC_LIMIT_FILE_SIZE)
    return too_large (error), 0;
  if (!check_shape (data, (gsize) length, error))
    return 0;
  if (!bc_json_load (parser, data, length, &local_error))
    return bad_file (error, "%s", local_error->message), 0;
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return bad_file (error, _("it holds no report")), 0;
  root = json_node_get_object (node);
  if (g_strcmp0 (member_string (root, "format"), FORMAT_NAME) != 0)
    return bad_file (error, _("it holds no report")), 0;
  if (!check_version (root, error))
    return 0;
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
  if (!check_counts (root, error))
    return 0;
  if (bc_store_find_report (self, uuid) != 0)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS,
                   _("This report is already in the library"));
      return 0;
    }

  if ((bundle = read_bundle (root, uuid, created, modified, node, error)) == NULL)
    return 0;
  bundle->previous_uuid = g_strdup (previous);
  if (!bc_bundle_validate (bundle, error))
    return 0;
  return bc_store_write_bundle (self, bundle, BC_IMPORT_ASK, FALSE, NULL, error);
}

/**
 * bc_store_import_json_file:
 * @path: an interchange JSON file
 *
 * bc_store_import_json() on a file, refused without reading it when it is
 * larger than %BC_LIMIT_FILE_SIZE. Messages do not name the file: the
 * caller does.
 *
 * Returns: the new report's id, or 0 with @error set
 */
gint64
bc_store_import_json_file (BcStore     *self,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (BC_IS_STORE (self), 0);
  g_return_val_if_fail (path != NULL, 0);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND, g_strerror (saved));
      return 0;
    }
  /* Not a pipe or a device, which could be read forever. */
  if (!S_ISREG (st.st_mode))
    return bad_file (error, _("it is not a file")), 0;
  if (st.st_size > BC_LIMIT_FILE_SIZE)
    return too_large (error), 0;
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND, "%s", local_error->message);
      return 0;
    }
  if (length > BC_LIMIT_FILE_SIZE)
    return too_large (error), 0;
  return bc_store_import_json (self, data, (gssize) length, error);
}
