/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-diff"

#include "config.h"

#include <string.h>

#include "bc-diff.h"
#include "bc-keys.h"
#include "bc-report.h"

/* Comparing two reports value by value: the submitted draft and the
 * returned one, or this period's figures and the last. */

void
bc_diff_free (BcDiff *diff)
{
  g_free (diff->key);
  g_free (diff->old_value);
  g_free (diff->new_value);
  g_free (diff->actor);
  g_free (diff->role);
  g_free (diff->at);
  g_free (diff);
}

/**
 * bc_diff_copy:
 *
 * Returns: (transfer full): a copy of @diff
 */
BcDiff *
bc_diff_copy (const BcDiff *diff)
{
  BcDiff *copy = g_new0 (BcDiff, 1);

  copy->key = g_strdup (diff->key);
  copy->old_value = g_strdup (diff->old_value);
  copy->new_value = g_strdup (diff->new_value);
  copy->actor = g_strdup (diff->actor);
  copy->role = g_strdup (diff->role);
  copy->at = g_strdup (diff->at);
  copy->change_id = diff->change_id;
  return copy;
}

static void
add_keys (GHashTable *keys,
          BcReport   *report)
{
  GHashTableIter iter;
  const char *key;

  g_hash_table_iter_init (&iter, bc_report_get_values (report));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (bc_key_get_kind (key) != BC_KEY_META)
      g_hash_table_add (keys, (gpointer) key);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp ((*(BcDiff * const *) a)->key, (*(BcDiff * const *) b)->key);
}

/**
 * bc_diff_reports:
 * @old_report: the earlier version (or the earlier period)
 * @new_report: the later one
 *
 * Compares every value but the meta/ ones (unit, period, status), which
 * differ between periods by design.
 *
 * Returns: (transfer container) (element-type BcDiff): the values that
 *   differ, keys in byte order
 */
GPtrArray *
bc_diff_reports (BcReport *old_report,
                 BcReport *new_report)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *diffs = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_diff_free);
  GHashTableIter iter;
  const char *key;

  g_return_val_if_fail (BC_IS_REPORT (old_report), NULL);
  g_return_val_if_fail (BC_IS_REPORT (new_report), NULL);

  add_keys (keys, old_report);
  add_keys (keys, new_report);
  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    {
      const char *before = bc_report_get (old_report, key);
      const char *after = bc_report_get (new_report, key);
      BcDiff *diff;

      if (g_str_equal (before, after))
        continue;
      diff = g_new0 (BcDiff, 1);
      diff->key = g_strdup (key);
      diff->old_value = *before ? g_strdup (before) : NULL;
      diff->new_value = *after ? g_strdup (after) : NULL;
      g_ptr_array_add (diffs, diff);
    }
  g_ptr_array_sort (diffs, compare_keys);
  return diffs;
}
