/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-report-list"

#include "config.h"

#include <string.h>

#include "bc-report-item.h"
#include "bc-report-list.h"

/* The report list as a GListModel: the order of the reports that match
 * the filter (ids only, from the library's index) with a heading before
 * each period's reports. An item is made only when asked for, which a
 * GtkListView does for the rows on screen; the items alive are kept
 * (weakly) so that a refresh updates them in place. */
typedef struct
{
  gint64 id;                /* 0: a group's heading */
  char   period_from[11];
  char   period_to[11];
  guint  n_reports;         /* of a group */
} Entry;

struct _BcReportList
{
  GObject     parent_instance;

  BcStore    *store;
  GArray     *entries;      /* Entry */
  GHashTable *items;        /* id -> BcReportItem, weak */
  guint       n_reports;
  guint       n_library;
  gint64      data_version;
  gboolean    grouped;
  GCancellable *indexing;   /* a thread making many summaries, or NULL */

  /* the filter, owned copies */
  char       *text;
  char       *template_id;
  char       *unit;
  char       *status;
  int         year;
  gboolean    errors_only;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BcReportList, bc_report_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static gboolean
entry_equal (const Entry *a,
             const Entry *b)
{
  return a->id == b->id && a->n_reports == b->n_reports
         && strcmp (a->period_from, b->period_from) == 0 && strcmp (a->period_to, b->period_to) == 0;
}

static void
item_gone_cb (gpointer  data,
              GObject  *where_the_object_was)
{
  BcReportList *self = data;
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    if (item == (gpointer) where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        return;
      }
}

static GType
bc_report_list_get_item_type (GListModel *model)
{
  return BC_TYPE_REPORT_ITEM;
}

static guint
bc_report_list_get_n_items (GListModel *model)
{
  return BC_REPORT_LIST (model)->entries->len;
}

static gpointer
bc_report_list_get_item (GListModel *model,
                         guint       position)
{
  BcReportList *self = BC_REPORT_LIST (model);
  g_autoptr(BcReportSummary) summary = NULL;
  const Entry *entry;
  BcReportItem *item;

  if (position >= self->entries->len)
    return NULL;
  entry = &g_array_index (self->entries, Entry, position);
  if (entry->id == 0)
    return bc_report_item_new_group (entry->period_from, entry->period_to, entry->n_reports);
  if ((item = g_hash_table_lookup (self->items, &entry->id)) != NULL)
    return g_object_ref (item);
  /* Deleted by another program since the last refresh: an empty row
   * until the next one, which data_version brings within a second. */
  if ((summary = bc_library_get (self->store, entry->id, NULL)) == NULL)
    {
      summary = g_new0 (BcReportSummary, 1);
      summary->id = entry->id;
      summary->errors = summary->warnings = -1;
    }
  item = bc_report_item_new_report (summary);
  g_hash_table_insert (self->items, g_memdup2 (&entry->id, sizeof entry->id), item);
  g_object_weak_ref (G_OBJECT (item), item_gone_cb, self);
  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bc_report_list_get_item_type;
  iface->get_n_items = bc_report_list_get_n_items;
  iface->get_item = bc_report_list_get_item;
}

static void
bc_report_list_finalize (GObject *object)
{
  BcReportList *self = BC_REPORT_LIST (object);
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    g_object_weak_unref (item, item_gone_cb, self);
  g_hash_table_unref (self->items);
  g_array_unref (self->entries);
  g_clear_object (&self->indexing);
  g_clear_object (&self->store);
  g_free (self->text);
  g_free (self->template_id);
  g_free (self->unit);
  g_free (self->status);

  G_OBJECT_CLASS (bc_report_list_parent_class)->finalize (object);
}

static void
bc_report_list_class_init (BcReportListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bc_report_list_finalize;
}

static void
bc_report_list_init (BcReportList *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  self->items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->grouped = TRUE;
}

/* The entries for @hits: each period's reports after their heading. */
static GArray *
make_entries (BcReportList *self,
              GArray       *hits)
{
  GArray *entries = g_array_sized_new (FALSE, TRUE, sizeof (Entry), hits->len + hits->len / 16);
  guint group = 0;

  for (guint i = 0; i < hits->len; i++)
    {
      const BcLibraryHit *hit = &g_array_index (hits, BcLibraryHit, i);
      const BcLibraryHit *before = i > 0 ? &g_array_index (hits, BcLibraryHit, i - 1) : NULL;
      Entry entry = { hit->id };

      memcpy (entry.period_from, hit->period_from, sizeof entry.period_from);
      memcpy (entry.period_to, hit->period_to, sizeof entry.period_to);
      if (self->grouped && (before == NULL || strcmp (before->period_from, hit->period_from) != 0
                            || strcmp (before->period_to, hit->period_to) != 0))
        {
          Entry heading = entry;
          heading.id = 0;
          group = entries->len;
          g_array_append_val (entries, heading);
        }
      if (self->grouped)
        g_array_index (entries, Entry, group).n_reports++;
      g_array_append_val (entries, entry);
    }
  return entries;
}

/* Replaces the entries, telling the views only what changed: the run
 * between the common start and end, so that the rows around it and the
 * scroll position stay. */
static void
replace_entries (BcReportList *self,
                 GArray       *entries)
{
  GArray *old = self->entries;
  guint start = 0, end = 0;

  while (start < old->len && start < entries->len
         && entry_equal (&g_array_index (old, Entry, start), &g_array_index (entries, Entry, start)))
    start++;
  while (end < old->len - start && end < entries->len - start
         && entry_equal (&g_array_index (old, Entry, old->len - 1 - end),
                         &g_array_index (entries, Entry, entries->len - 1 - end)))
    end++;
  self->entries = entries;
  if (old->len != entries->len || start < old->len)
    g_list_model_items_changed (G_LIST_MODEL (self), start, old->len - start - end,
                                entries->len - start - end);
  g_array_unref (old);
}

/* The items alive take their report's summary as it is now. */
static void
update_items (BcReportList *self)
{
  GHashTableIter iter;
  gpointer key, item;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &key, &item))
    {
      g_autoptr(BcReportSummary) summary = bc_library_get (self->store, *(gint64 *) key, NULL);
      if (summary != NULL)
        bc_report_item_set_summary (item, summary);
    }
}

static gboolean
requery (BcReportList  *self,
         GError       **error)
{
  BcLibraryFilter filter = {
    self->text, self->template_id, self->unit, self->year, self->status, self->errors_only
  };
  g_autoptr(GArray) hits = bc_library_find (self->store, &filter, error);

  if (hits == NULL)
    return FALSE;
  self->n_reports = hits->len;
  /* Whether the library is empty, or only the filter leaves nothing. */
  self->n_library = MAX (bc_library_count (self->store), 0);
  replace_entries (self, make_entries (self, hits));
  return TRUE;
}

/**
 * bc_report_list_new:
 *
 * Returns: (transfer full): the reports of @store, empty until refreshed
 */
BcReportList *
bc_report_list_new (BcStore *store)
{
  BcReportList *self;

  g_return_val_if_fail (BC_IS_STORE (store), NULL);

  self = g_object_new (BC_TYPE_REPORT_LIST, NULL);
  self->store = g_object_ref (store);
  return self;
}

static void
indexed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(BcReportList) self = data;
  g_autoptr(GError) error = NULL;

  if (!bc_library_refresh_finish (result, &error))
    g_debug ("summaries not made: %s", error->message);
  g_clear_object (&self->indexing);
}

/* A few summaries (the reports changed since) are made at once; many (a
 * library migrated from schema 5) in a thread, the list shown meanwhile
 * without counts for those. Another program holding the library (busy)
 * leaves it listed as it is. */
static void
make_summaries (BcReportList *self)
{
  g_autoptr(GError) error = NULL;
  const char *path = bc_store_get_path (self->store);

  gint stale;

  if (self->indexing != NULL || (stale = bc_library_count_stale (self->store)) == 0)
    return;
  if (stale > BC_LIBRARY_STALE_AT_ONCE && g_strcmp0 (path, ":memory:") != 0)
    {
      self->indexing = g_cancellable_new ();
      bc_library_refresh_async (path, self->indexing, indexed_cb, g_object_ref (self));
      return;
    }
  if (!bc_library_refresh (self->store, NULL, &error))
    g_debug ("summaries not refreshed: %s", error->message);
}

/**
 * bc_report_list_refresh:
 *
 * Brings the summaries of changed reports up to date, reads the list
 * again and updates the items shown.
 *
 * Returns: %TRUE on success
 */
gboolean
bc_report_list_refresh (BcReportList  *self,
                        GError       **error)
{
  g_return_val_if_fail (BC_IS_REPORT_LIST (self), FALSE);

  self->data_version = bc_store_get_data_version (self->store);
  make_summaries (self);
  if (!requery (self, error))
    return FALSE;
  update_items (self);
  return TRUE;
}

/**
 * bc_report_list_is_indexing:
 *
 * Returns: whether a thread is making the summaries of many reports
 */
gboolean
bc_report_list_is_indexing (BcReportList *self)
{
  g_return_val_if_fail (BC_IS_REPORT_LIST (self), FALSE);
  return self->indexing != NULL;
}

/**
 * bc_report_list_is_changed:
 *
 * Returns: whether the library was changed since the last refresh, by
 *   this program or another (SQLite's data_version)
 */
gboolean
bc_report_list_is_changed (BcReportList *self)
{
  g_return_val_if_fail (BC_IS_REPORT_LIST (self), FALSE);
  return bc_store_get_data_version (self->store) != self->data_version;
}

/**
 * bc_report_list_get_store:
 *
 * Returns: (transfer none): the library listed
 */
BcStore *
bc_report_list_get_store (BcReportList *self)
{
  g_return_val_if_fail (BC_IS_REPORT_LIST (self), NULL);
  return self->store;
}

/**
 * bc_report_list_refresh_if_changed:
 *
 * Refreshes the list when the library was changed since the last
 * refresh, by this program or another (SQLite's data_version).
 *
 * Returns: %TRUE on success
 */
gboolean
bc_report_list_refresh_if_changed (BcReportList  *self,
                                   GError       **error)
{
  g_return_val_if_fail (BC_IS_REPORT_LIST (self), FALSE);

  if (!bc_report_list_is_changed (self))
    return TRUE;
  return bc_report_list_refresh (self, error);
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/**
 * bc_report_list_set_filter:
 * @filter: (nullable): what to list; %NULL: every report
 *
 * Returns: %TRUE on success
 */
gboolean
bc_report_list_set_filter (BcReportList           *self,
                           const BcLibraryFilter  *filter,
                           GError                **error)
{
  static const BcLibraryFilter all = { 0 };

  g_return_val_if_fail (BC_IS_REPORT_LIST (self), FALSE);

  if (filter == NULL)
    filter = &all;
  replace_string (&self->text, filter->text);
  replace_string (&self->template_id, filter->template_id);
  replace_string (&self->unit, filter->unit);
  replace_string (&self->status, filter->status);
  self->year = filter->year;
  self->errors_only = filter->errors_only;
  return requery (self, error);
}

/**
 * bc_report_list_set_grouped:
 *
 * Whether a heading comes before each period's reports (the default).
 */
void
bc_report_list_set_grouped (BcReportList *self,
                            gboolean      grouped)
{
  g_autoptr(GArray) hits = NULL;

  g_return_if_fail (BC_IS_REPORT_LIST (self));

  if (self->grouped == !!grouped)
    return;
  self->grouped = !!grouped;
  hits = g_array_sized_new (FALSE, TRUE, sizeof (BcLibraryHit), self->n_reports);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      BcLibraryHit hit = { entry->id };
      if (entry->id == 0)
        continue;
      memcpy (hit.period_from, entry->period_from, sizeof hit.period_from);
      memcpy (hit.period_to, entry->period_to, sizeof hit.period_to);
      g_array_append_val (hits, hit);
    }
  replace_entries (self, make_entries (self, hits));
}

/**
 * bc_report_list_get_n_reports:
 *
 * Returns: the number of reports listed (headings left out)
 */
guint
bc_report_list_get_n_reports (BcReportList *self)
{
  g_return_val_if_fail (BC_IS_REPORT_LIST (self), 0);
  return self->n_reports;
}

/**
 * bc_report_list_get_n_library:
 *
 * Returns: the number of reports in the library, filtered or not
 */
guint
bc_report_list_get_n_library (BcReportList *self)
{
  g_return_val_if_fail (BC_IS_REPORT_LIST (self), 0);
  return self->n_library;
}

/**
 * bc_report_list_find:
 *
 * Returns: the position of report @id, or -1 when it is not listed
 */
gint
bc_report_list_find (BcReportList *self,
                     gint64        id)
{
  g_return_val_if_fail (BC_IS_REPORT_LIST (self), -1);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, Entry, i).id == id)
      return i;
  return -1;
}
