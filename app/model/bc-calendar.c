/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-calendar.h"
#include "bc-period.h"
#include "bc-template.h"

/* Working days, for deadlines: Monday to Friday, less Vietnam's public
 * holidays and the days the government moves, read from
 * data/calendar/holidays-vn.txt and the office's own file. A public
 * holiday on a Saturday or Sunday gives the next working day off (Labour
 * Code 2019, art. 112). */

typedef enum
{
  DAY_HOLIDAY = 1,
  DAY_OFF,
  DAY_WORK,
} DayKind;

typedef struct
{
  DayKind  kind;
  char    *name;
} Day;

struct _BcCalendar
{
  GObject     parent_instance;

  GHashTable *days;        /* julian day -> Day, as the files say */
  GHashTable *given_back;  /* julian day -> the holiday's name, for one on a weekend */
  gboolean    dirty;       /* given_back is to be made again */
};

G_DEFINE_FINAL_TYPE (BcCalendar, bc_calendar, G_TYPE_OBJECT)
G_DEFINE_QUARK (bc-calendar-error-quark, bc_calendar_error)

/* Past this, a loop over days stops: no deadline is a year away. */
#define MAX_DAYS 366

static void
day_free (Day *day)
{
  g_free (day->name);
  g_free (day);
}

static void
bc_calendar_finalize (GObject *object)
{
  BcCalendar *self = BC_CALENDAR (object);

  g_hash_table_unref (self->days);
  g_hash_table_unref (self->given_back);

  G_OBJECT_CLASS (bc_calendar_parent_class)->finalize (object);
}

static void
bc_calendar_class_init (BcCalendarClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_calendar_finalize;
}

static void
bc_calendar_init (BcCalendar *self)
{
  self->days = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) day_free);
  self->given_back = g_hash_table_new (NULL, NULL);
}

static gboolean
is_weekend (guint julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_weekday (&date) >= G_DATE_SATURDAY;
}

/* Without the days given back for holidays on a weekend. */
static gboolean
is_working_as_listed (BcCalendar *self,
                      guint       julian)
{
  Day *day = g_hash_table_lookup (self->days, GUINT_TO_POINTER (julian));

  if (day != NULL)
    return day->kind == DAY_WORK;
  return !is_weekend (julian);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (a), y = GPOINTER_TO_UINT (b);

  return x < y ? -1 : x > y;
}

/* Each holiday on a weekend, in date order, gives back the first working
 * day after it not already given back (two Tết days on a weekend give
 * two days). */
static void
give_back (BcCalendar *self)
{
  g_autoptr(GList) keys = g_hash_table_get_keys (self->days);

  g_hash_table_remove_all (self->given_back);
  keys = g_list_sort (keys, compare_days);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      guint julian = GPOINTER_TO_UINT (l->data);
      Day *day = g_hash_table_lookup (self->days, l->data);
      guint next = julian + 1;

      if (day->kind != DAY_HOLIDAY || !is_weekend (julian))
        continue;
      while (next < julian + MAX_DAYS
             && (!is_working_as_listed (self, next)
                 || g_hash_table_contains (self->given_back, GUINT_TO_POINTER (next))))
        next++;
      g_hash_table_insert (self->given_back, GUINT_TO_POINTER (next), day->name);
    }
  self->dirty = FALSE;
}

static gboolean
parse_kind (const char *word,
            DayKind    *kind)
{
  if (g_str_equal (word, "holiday"))
    *kind = DAY_HOLIDAY;
  else if (g_str_equal (word, "off"))
    *kind = DAY_OFF;
  else if (g_str_equal (word, "work"))
    *kind = DAY_WORK;
  else
    return FALSE;
  return TRUE;
}

static gboolean
add_line (BcCalendar  *self,
          const char  *line,
          const char  *label,
          guint        number,
          GError     **error)
{
  g_auto(GStrv) words = g_regex_split_simple ("[ \t]+", line, 0, 0);
  g_autoptr(GString) name = g_string_new (NULL);
  DayKind kind;
  GDate date;
  Day *day;

  if (g_strv_length (words) < 2 || !bc_date_parse (words[0], &date) || !parse_kind (words[1], &kind))
    {
      g_set_error (error, BC_CALENDAR_ERROR, BC_CALENDAR_ERROR_INVALID,
                   _("%s, line %u: expected “YYYY-MM-DD holiday|off|work name”"), label, number);
      return FALSE;
    }
  for (guint i = 2; words[i] != NULL; i++)
    g_string_append_printf (name, "%s%s", i > 2 ? " " : "", words[i]);
  day = g_new0 (Day, 1);
  day->kind = kind;
  day->name = g_string_free (g_steal_pointer (&name), FALSE);
  g_hash_table_insert (self->days, GUINT_TO_POINTER (g_date_get_julian (&date)), day);
  return TRUE;
}

/**
 * bc_calendar_new:
 *
 * Returns: (transfer full): a calendar of weekends only
 */
BcCalendar *
bc_calendar_new (void)
{
  return g_object_new (BC_TYPE_CALENDAR, NULL);
}

/**
 * bc_calendar_add_data:
 * @data: the text of a holidays file (see data/calendar/holidays-vn.txt)
 * @label: its name, for messages
 *
 * Adds the days of @data; a day listed again replaces what was said of it.
 * Nothing is added when a line is wrong.
 *
 * Returns: %TRUE on success
 */
gboolean
bc_calendar_add_data (BcCalendar  *self,
                      const char  *data,
                      const char  *label,
                      GError     **error)
{
  g_autoptr(BcCalendar) scratch = bc_calendar_new ();
  g_auto(GStrv) lines = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (BC_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (data != NULL && label != NULL, FALSE);

  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      if (*line != '\0' && *line != '#' && !add_line (scratch, line, label, i + 1, error))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, scratch->days);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (self->days, key, value);
    }
  self->dirty = TRUE;
  return TRUE;
}

static gboolean
add_file (BcCalendar  *self,
          const char  *path,
          gboolean     required,
          GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      if (!required && g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, BC_CALENDAR_ERROR, BC_CALENDAR_ERROR_READ, "%s", local_error->message);
      return FALSE;
    }
  if (length > 1024 * 1024 || !g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, BC_CALENDAR_ERROR, BC_CALENDAR_ERROR_INVALID,
                   _("%s is not a holidays file: too large, or not UTF-8 text"), path);
      return FALSE;
    }
  return bc_calendar_add_data (self, data, path, error);
}

/**
 * bc_calendar_load_default:
 *
 * The shipped holidays (data/calendar/holidays-vn.txt), then the office's
 * own ($XDG_CONFIG_HOME/baocao/holidays.txt, when there is one), whose
 * lines win.
 *
 * Returns: (transfer full): the calendar, or %NULL with @error
 */
BcCalendar *
bc_calendar_load_default (GError **error)
{
  g_autoptr(BcCalendar) self = bc_calendar_new ();
  g_autofree char *dir = bc_template_default_dir ("calendar");
  g_autofree char *shipped = g_build_filename (dir, "holidays-vn.txt", NULL);
  g_autofree char *own = g_build_filename (g_get_user_config_dir (), "baocao", "holidays.txt", NULL);

  if (!add_file (self, shipped, TRUE, error) || !add_file (self, own, FALSE, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * bc_calendar_is_working_day:
 *
 * Returns: whether @date is a working day
 */
gboolean
bc_calendar_is_working_day (BcCalendar  *self,
                            const GDate *date)
{
  guint julian;

  g_return_val_if_fail (BC_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (self->dirty)
    give_back (self);
  julian = g_date_get_julian (date);
  return is_working_as_listed (self, julian)
         && !g_hash_table_contains (self->given_back, GUINT_TO_POINTER (julian));
}

/**
 * bc_calendar_get_name:
 *
 * Returns: (transfer none) (nullable): why @date is off or worked ("Tết
 *   Nguyên đán", or the holiday a day is given back for), or %NULL
 */
const char *
bc_calendar_get_name (BcCalendar  *self,
                      const GDate *date)
{
  gpointer julian;
  Day *day;

  g_return_val_if_fail (BC_IS_CALENDAR (self), NULL);

  if (self->dirty)
    give_back (self);
  julian = GUINT_TO_POINTER (g_date_get_julian (date));
  if ((day = g_hash_table_lookup (self->days, julian)) != NULL)
    return day->name;
  return g_hash_table_lookup (self->given_back, julian);
}

/**
 * bc_calendar_add_working_days:
 * @date: (inout): a day
 * @n: working days
 *
 * Moves @date @n working days on: with 0, to itself when it is a working
 * day, else to the next one (a deadline on a holiday is the next working
 * day).
 */
void
bc_calendar_add_working_days (BcCalendar *self,
                              GDate      *date,
                              guint       n)
{
  g_return_if_fail (BC_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  for (guint i = 0; i < MAX_DAYS && !bc_calendar_is_working_day (self, date); i++)
    g_date_add_days (date, 1);
  for (guint left = n, i = 0; left > 0 && i < MAX_DAYS * 2; i++)
    {
      g_date_add_days (date, 1);
      if (bc_calendar_is_working_day (self, date))
        left--;
    }
}

/**
 * bc_calendar_count_working_days:
 *
 * Returns: the working days after @from up to @to included (0 when @to is
 *   @from); when @to is before @from, minus those after @to up to @from
 */
int
bc_calendar_count_working_days (BcCalendar  *self,
                                const GDate *from,
                                const GDate *to)
{
  GDate day;
  int n = 0;

  g_return_val_if_fail (BC_IS_CALENDAR (self), 0);
  g_return_val_if_fail (from != NULL && to != NULL, 0);

  if (g_date_compare (to, from) < 0)
    return -bc_calendar_count_working_days (self, to, from);
  day = *from;
  /* A library's oldest report may be years behind: counted up to ten. */
  for (guint i = 0; g_date_compare (&day, to) < 0 && i < MAX_DAYS * 10; i++)
    {
      g_date_add_days (&day, 1);
      n += bc_calendar_is_working_day (self, &day);
    }
  return n;
}
