/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-checker.h"
#include "bc-keys.h"
#include "bc-library.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store-private.h"
#include "bc-store-rollup.h"
#include "bc-text-utils.h"

/* What the report list shows, kept in the library (schema 6) so that a
 * list of thousands is drawn without reading a report: a summary per
 * report and the words to search. A summary is stamped with the change
 * time of its report and of the report before it (whose figures the
 * month-over-month checks compare with); one whose stamps differ is made
 * again. So any program that changes a report, this one or another, an
 * edit, a review step or an import, leaves the summary to be remade by
 * whoever lists next, without a hook in each of them. */

typedef struct
{
  gint64  id;
  char   *modified;
  char   *previous_modified;
  char   *title;
  char   *unit;
  char   *period;
  char   *body;
  guint   errors;
  guint   warnings;
} Summary;

static void
summary_clear (Summary *s)
{
  g_free (s->modified);
  g_free (s->previous_modified);
  g_free (s->title);
  g_free (s->unit);
  g_free (s->period);
  g_free (s->body);
}

/* The reports whose summary is missing or was made before their last
 * change, or before the last change of the report they follow. */
static GArray *
find_stale (BcStore  *self,
            GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = bc_store_prepare (self,
                           "SELECT r.id FROM report r"
                           " LEFT JOIN report_summary s ON s.report_id = r.id"
                           " LEFT JOIN report p INDEXED BY report_row ON p.id = r.previous_id"
                           " WHERE s.report_id IS NULL OR s.modified <> r.modified"
                           " OR s.previous_modified <> coalesce(p.modified, '')", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;
  return g_steal_pointer (&ids);
}

/* The narrative: every text of the sections, not their levels, order
 * or switches. */
static gboolean
is_body_key (const char *text)
{
  g_auto(BcKey) key = BC_KEY_INIT;

  switch (bc_key_parse (&key, text))
    {
    case BC_KEY_SECTION_PART:
      return !g_str_equal (key.sub, "order") && !g_str_equal (key.sub, "omit");
    case BC_KEY_ITEM:
      return TRUE;
    case BC_KEY_ITEM_FIELD:
      return !g_str_equal (key.field, "level");
    default:
      return FALSE;
    }
}

static char *
body_text (BcReport *report)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GHashTableIter iter;
  const char *key, *value;

  g_hash_table_iter_init (&iter, bc_report_get_values (report));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (is_body_key (key))
      g_string_append_printf (body, "%s\n", value);
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static gboolean
make_summary (BcStore  *self,
              gint64    id,
              Summary  *s,
              GError  **error)
{
  g_autoptr(BcReport) report = bc_store_open_report (self, id, error);
  g_autoptr(BcReport) previous = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  const char *title;

  if (report == NULL)
    return FALSE;
  if (bc_report_get_previous_id (report) > 0)
    previous = bc_store_open_report (self, bc_report_get_previous_id (report), NULL);
  findings = bc_store_check_report (self, report, previous);
  title = bc_report_get (report, "header/summary");
  s->id = id;
  s->modified = g_strdup (bc_report_get_modified (report));
  s->previous_modified = g_strdup (previous ? bc_report_get_modified (previous) : "");
  s->title = g_strdup (title ? title : "");
  s->unit = g_strdup (bc_report_get_unit (report));
  s->period = bc_library_period_words (bc_report_get_period_from (report),
                                       bc_report_get_period_to (report));
  s->body = body_text (report);
  s->errors = bc_check_count (findings, BC_SEVERITY_ERROR, FALSE);
  s->warnings = bc_check_count (findings, BC_SEVERITY_WARNING, FALSE);
  return TRUE;
}

static gboolean
write_summary (BcStore        *self,
               const Summary  *s,
               GError        **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = bc_store_prepare (self, "INSERT OR REPLACE INTO report_summary (report_id, modified,"
                                " previous_modified, title, errors, warnings) VALUES (?, ?, ?, ?, ?, ?)",
                                error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->id);
  sqlite3_bind_text (stmt, 2, s->modified, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, s->previous_modified, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, s->title, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, s->errors);
  sqlite3_bind_int (stmt, 6, s->warnings);
  if (!bc_store_step_done (self, stmt, error)
      || (stmt = bc_store_prepare (self, "DELETE FROM report_search WHERE rowid = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->id);
  if (!bc_store_step_done (self, stmt, error)
      || (stmt = bc_store_prepare (self, "INSERT INTO report_search (rowid, unit, period, title, body)"
                                   " VALUES (?, ?, ?, ?, ?)", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->id);
  sqlite3_bind_text (stmt, 2, s->unit, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, s->period, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, s->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, s->body, -1, SQLITE_STATIC);
  return bc_store_step_done (self, stmt, error);
}

/* The words of deleted reports go with them (a virtual table has no
 * foreign key). */
static gboolean
write_summaries (BcStore  *self,
                 GArray   *summaries,
                 GError  **error)
{
  if (!bc_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < summaries->len; i++)
    if (!write_summary (self, &g_array_index (summaries, Summary, i), error))
      return bc_store_rollback (self), FALSE;
  if (!bc_store_exec (self, "DELETE FROM report_search WHERE rowid NOT IN (SELECT id FROM report);"
                      " COMMIT", error))
    return bc_store_rollback (self), FALSE;
  return TRUE;
}

/* Makes and writes the summaries of @ids, a few hundred at a time: a
 * long first indexing shows its progress to the lists, and holds no
 * lock for long. A report that cannot be read is listed without counts.
 * @made, when given, gets the ids whose summary was written. */
static gboolean
summarize_ids (BcStore       *self,
               const gint64  *ids,
               guint          n_ids,
               GArray        *made,
               GError       **error)
{
  g_autoptr(GArray) summaries = g_array_new (FALSE, TRUE, sizeof (Summary));

  g_array_set_clear_func (summaries, (GDestroyNotify) summary_clear);
  for (guint i = 0; i < n_ids; i++)
    {
      Summary s = { 0 };
      if (make_summary (self, ids[i], &s, NULL))
        {
          g_array_append_val (summaries, s);
          if (made != NULL)
            g_array_append_val (made, s.id);
        }
      if ((summaries->len == 256 || i == n_ids - 1) && summaries->len > 0)
        {
          if (!write_summaries (self, summaries, error))
            return FALSE;
          g_array_set_size (summaries, 0);
        }
    }
  return TRUE;
}

/**
 * bc_library_refresh:
 * @refreshed: (out) (optional) (element-type gint64): the reports whose
 *   summary was made again
 *
 * Makes the summaries that are missing or out of date (a report that was
 * changed since, by any program). A library that cannot be written to
 * keeps the summaries it has: its list shows no count for the others.
 *
 * Returns: %TRUE on success
 */
gboolean
bc_library_refresh (BcStore  *self,
                    GArray  **refreshed,
                    GError  **error)
{
  g_autoptr(GArray) stale = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);

  if (refreshed != NULL)
    *refreshed = NULL;
  if (bc_store_is_read_only (self) || (stale = find_stale (self, error)) == NULL)
    return stale != NULL || bc_store_is_read_only (self);
  if (!summarize_ids (self, (const gint64 *) stale->data, stale->len, ids, error))
    return FALSE;
  if (refreshed != NULL)
    *refreshed = g_steal_pointer (&ids);
  return TRUE;
}

/* The reports that follow @id (their month-over-month checks compare
 * with it). */
static GArray *
find_followers (BcStore  *self,
                gint64    id,
                GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT id FROM report WHERE previous_id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  g_array_append_val (ids, id);
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 next = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, next);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;
  return g_steal_pointer (&ids);
}

/**
 * bc_library_summarize:
 * @id: a report
 *
 * Makes the summary of report @id now, and of the reports that follow
 * it, whatever their stamps say: a report just received, or a
 * consolidated report, whose findings follow its units' reports (which
 * no stamp records). The lists then read its counts without checking
 * it (the units' reports of a month, bc_store_list_expected()). A
 * library that cannot be written to keeps what it has.
 *
 * Returns: %TRUE on success
 */
gboolean
bc_library_summarize (BcStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);

  if (bc_store_is_read_only (self))
    return TRUE;
  if ((ids = find_followers (self, id, error)) == NULL)
    return FALSE;
  return summarize_ids (self, (const gint64 *) ids->data, ids->len, NULL, error);
}

/**
 * bc_library_count_stale:
 *
 * Returns: how many reports have no summary, or one made before their
 *   last change; -1 when the library cannot say
 */
gint
bc_library_count_stale (BcStore *self)
{
  g_autoptr(GArray) stale = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), -1);

  stale = find_stale (self, NULL);
  return stale ? (gint) stale->len : -1;
}

static void
refresh_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  g_autoptr(BcStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if ((store = bc_store_open (data, &error)) == NULL || !bc_library_refresh (store, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * bc_library_refresh_async:
 *
 * Runs bc_library_refresh() in a thread, on a connection of its own to
 * the library at @path: the first listing of a library migrated from
 * schema 5 makes thousands of summaries. The lists see them through
 * data_version as they are written.
 */
void
bc_library_refresh_async (const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bc_library_refresh_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, refresh_thread);
}

gboolean
bc_library_refresh_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * bc_library_period_words:
 *
 * Returns: (transfer full): the words a report's period is searched by,
 *   as the reports write them: "tháng 6 năm 2024 06/2024" for a month
 *   (the month its last day is in: a period cut off on the 14th is named
 *   after the month it ends in), "năm 2024" for a longer period
 */
char *
bc_library_period_words (const char *period_from,
                         const char *period_to)
{
  GDate from, to;

  if (!bc_date_parse (period_from, &from) || !bc_date_parse (period_to, &to))
    return g_strdup ("");
  if (g_date_days_between (&from, &to) <= 45)
    return g_strdup_printf ("tháng %d năm %d %02d/%d", g_date_get_month (&to), g_date_get_year (&to),
                            g_date_get_month (&to), g_date_get_year (&to));
  return g_strdup_printf ("năm %d", g_date_get_year (&to));
}

static gboolean
has_letter (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Whether the last word is still being typed: not followed by a space,
 * and not a number (a "1" must not find months 10, 11 and 12). */
static gboolean
typing (const char *word,
        const char *text)
{
  gsize len = strlen (text);

  return len > 0 && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (text + len))) && has_letter (word);
}

static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  return words;
}

/**
 * bc_library_match_query:
 * @text: what was typed in the search field
 * @header_only: look in the unit, period and title only, not the narrative
 *
 * Every word of @text must be found; a number goes with the word before it
 * ("số 7", "tháng 3": the unit "Huyện số 7" in March, not any report with
 * a 7 somewhere). Punctuation in @text is a separator, never syntax.
 *
 * Returns: (transfer full) (nullable): an FTS5 query, or %NULL when @text
 *   has no word
 */
char *
bc_library_match_query (const char *text,
                        gboolean    header_only)
{
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GString) query = g_string_new (header_only ? "{unit period title} : (" : "(");

  g_return_val_if_fail (text != NULL, NULL);

  words = split_words (text);
  if (words->len == 0)
    return NULL;
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = words->pdata[i];
      const char *next = i + 1 < words->len ? words->pdata[i + 1] : NULL;

      if (i > 0)
        g_string_append_c (query, ' ');
      if (next != NULL && has_letter (word) && !has_letter (next))
        g_string_append_printf (query, "\"%s %s\"", word, (char *) words->pdata[++i]);
      else
        g_string_append_printf (query, "\"%s\"%s", word,
                                i == words->len - 1 && typing (word, text) ? "*" : "");
    }
  g_string_append_c (query, ')');
  return g_string_free (g_steal_pointer (&query), FALSE);
}

static char *
find_sql (const BcLibraryFilter *filter)
{
  /* The index holds every column read: the table's rows are mostly
   * their copy of the template. */
  GString *sql = g_string_new ("SELECT r.id, r.period_from, r.period_to, r.unit FROM report r INDEXED BY report_list"
                               " LEFT JOIN report_summary s ON s.report_id = r.id WHERE 1");

  if (filter->text != NULL)
    g_string_append (sql, " AND r.id IN (SELECT rowid FROM report_search WHERE report_search MATCH ?1)");
  if (filter->template_id != NULL)
    g_string_append (sql, " AND r.template_id = ?2");
  if (filter->unit != NULL)
    g_string_append (sql, " AND r.unit = ?3");
  if (filter->year > 0)
    g_string_append (sql, " AND substr(r.period_to, 1, 4) = printf('%04d', ?4)");
  if (filter->status != NULL)
    g_string_append (sql, " AND r.status = ?5");
  if (filter->errors_only)
    g_string_append (sql, " AND s.errors > 0");
  g_string_append (sql, " ORDER BY r.period_to DESC, r.unit COLLATE NOCASE, r.id DESC");
  return g_string_free (sql, FALSE);
}

/* A hit with its unit's key in Vietnamese order. */
typedef struct
{
  BcLibraryHit hit;
  const char  *unit_key;     /* owned by the table of keys */
} SortedHit;

static int
compare_sorted_hits (gconstpointer a,
                     gconstpointer b)
{
  const SortedHit *x = a, *y = b;
  int c = strcmp (y->hit.period_to, x->hit.period_to);

  if (c == 0)
    c = strcmp (x->unit_key, y->unit_key);
  return c != 0 ? c : (x->hit.id < y->hit.id) - (x->hit.id > y->hit.id);
}

/* The units inside a period in Vietnamese order (bc_text_collate()), as
 * every other list of units is: the index orders them by bytes, which
 * puts "Đắk Hà" after "Sa Thầy". Each unit's key is made once. */
static GArray *
sort_hits (GArray *sorted)
{
  GArray *hits = g_array_sized_new (FALSE, TRUE, sizeof (BcLibraryHit), sorted->len);

  g_array_sort (sorted, compare_sorted_hits);
  for (guint i = 0; i < sorted->len; i++)
    g_array_append_val (hits, g_array_index (sorted, SortedHit, i).hit);
  return hits;
}

static const char *
unit_key (GHashTable *keys,
          const char *unit)
{
  const char *key = g_hash_table_lookup (keys, unit);

  if (key == NULL)
    {
      key = bc_text_collate_key (unit);
      g_hash_table_insert (keys, g_strdup (unit), (gpointer) key);
    }
  return key;
}

static GArray *
run_find (BcStore                *self,
          const BcLibraryFilter  *filter,
          const char             *match,
          GError                **error)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, TRUE, sizeof (SortedHit));
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *sql = find_sql (filter);
  sqlite3_stmt *stmt = bc_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, filter->template_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, filter->unit, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, filter->year);
  sqlite3_bind_text (stmt, 5, filter->status, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SortedHit hit = { { sqlite3_column_int64 (stmt, 0) } };
      g_strlcpy (hit.hit.period_from, (const char *) sqlite3_column_text (stmt, 1), sizeof hit.hit.period_from);
      g_strlcpy (hit.hit.period_to, (const char *) sqlite3_column_text (stmt, 2), sizeof hit.hit.period_to);
      hit.unit_key = unit_key (keys, (const char *) sqlite3_column_text (stmt, 3) ?: "");
      g_array_append_val (hits, hit);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;
  return sort_hits (hits);
}

/**
 * bc_library_find:
 * @filter: (nullable): what to show; %NULL: every report
 *
 * The reports of the list, newest period first, then by unit. Words are
 * looked for first in the unit, period and title ("Huyện số 7 tháng 3"
 * names a report), and only when no report has them all there, in the
 * narrative too; letters match with or without their diacritics.
 *
 * Returns: (transfer full) (element-type BcLibraryHit): the reports found
 */
GArray *
bc_library_find (BcStore                *self,
                 const BcLibraryFilter  *filter,
                 GError                **error)
{
  static const BcLibraryFilter all = { 0 };
  BcLibraryFilter words_filter;
  g_autofree char *header_match = NULL;
  g_autofree char *any_match = NULL;
  g_autoptr(GArray) hits = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  words_filter = filter ? *filter : all;
  header_match = words_filter.text ? bc_library_match_query (words_filter.text, TRUE) : NULL;
  if (header_match == NULL)
    {
      words_filter.text = NULL;
      return run_find (self, &words_filter, NULL, error);
    }
  if ((hits = run_find (self, &words_filter, header_match, error)) == NULL || hits->len > 0)
    return g_steal_pointer (&hits);
  any_match = bc_library_match_query (words_filter.text, FALSE);
  return run_find (self, &words_filter, any_match, error);
}

/**
 * bc_library_count:
 *
 * Returns: the number of reports in the library, or -1 when it cannot say
 */
gint
bc_library_count (BcStore *self)
{
  sqlite3_stmt *stmt;
  gint n = -1;

  g_return_val_if_fail (BC_IS_STORE (self), -1);

  if ((stmt = bc_store_prepare (self, "SELECT count(*) FROM report", NULL)) == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/**
 * bc_library_get:
 *
 * Returns: (transfer full): what the list shows of report @id, with the
 *   counts of its summary (-1 when it has none yet); read from an index
 *   alone (its uuid is left empty)
 */
BcReportSummary *
bc_library_get (BcStore  *self,
                gint64    id,
                GError  **error)
{
  BcReportSummary *s;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  stmt = bc_store_prepare (self,
                           "SELECT '', r.template_id, r.template_name, r.unit, r.period_from,"
                           " r.period_to, r.status, r.modified, coalesce(s.title, ''),"
                           " coalesce(s.errors, -1), coalesce(s.warnings, -1) FROM report r INDEXED BY report_row"
                           " LEFT JOIN report_summary s ON s.report_id = r.id WHERE r.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
          g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
                       _("There is no report %s in the library"), id_text);
        }
      else
        bc_store_sqlite_error (self, rc, error);
      return NULL;
    }
  s = g_new0 (BcReportSummary, 1);
  s->id = id;
  s->uuid = bc_store_column_dup (stmt, 0);
  s->template_id = bc_store_column_dup (stmt, 1);
  s->template_name = bc_store_column_dup (stmt, 2);
  s->unit = bc_store_column_dup (stmt, 3);
  s->period_from = bc_store_column_dup (stmt, 4);
  s->period_to = bc_store_column_dup (stmt, 5);
  s->status = bc_store_column_dup (stmt, 6);
  s->modified = bc_store_column_dup (stmt, 7);
  s->title = bc_store_column_dup (stmt, 8);
  s->errors = sqlite3_column_int (stmt, 9);
  s->warnings = sqlite3_column_int (stmt, 10);
  sqlite3_reset (stmt);
  return s;
}

/**
 * bc_library_list_values:
 *
 * Returns: (transfer full): the values the list can be filtered by: the
 *   units (in Vietnamese order), the templates ("id\tname") or the years
 *   the reports have
 */
GStrv
bc_library_list_values (BcStore          *self,
                        BcLibraryColumn   column,
                        GError          **error)
{
  static const char *const queries[] = {
    [BC_LIBRARY_UNITS] = "SELECT DISTINCT unit FROM report",
    [BC_LIBRARY_TEMPLATES] = "SELECT template_id || char(9) || max(template_name) FROM report"
                             " GROUP BY template_id ORDER BY 1",
    [BC_LIBRARY_YEARS] = "SELECT DISTINCT substr(period_to, 1, 4) FROM report ORDER BY 1 DESC",
  };
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (column <= BC_LIBRARY_YEARS, NULL);

  if ((stmt = bc_store_prepare (self, queries[column], error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, bc_store_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;
  if (column == BC_LIBRARY_UNITS)
    g_ptr_array_sort (values, bc_text_compare_names);
  g_ptr_array_add (values, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&values), FALSE);
}
