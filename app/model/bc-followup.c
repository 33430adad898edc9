/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-followup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-followup.h"
#include "bc-keys.h"
#include "bc-office.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-template.h"

static const char * const status_names[] = { "not_started", "in_progress", "done", "not_done", NULL };

const char *
bc_task_status_to_string (BcTaskStatus status)
{
  g_return_val_if_fail (status < BC_TASK_N_STATUSES, "not_started");
  return status_names[status];
}

/**
 * bc_task_status_from_string:
 * @text: (nullable): a stored status; %NULL or "" is not started
 *
 * Returns: %FALSE when @text is no status
 */
gboolean
bc_task_status_from_string (const char   *text,
                            BcTaskStatus *status)
{
  *status = BC_TASK_NOT_STARTED;
  if (text == NULL || *text == '\0')
    return TRUE;
  for (guint i = 0; status_names[i]; i++)
    if (g_str_equal (status_names[i], text))
      {
        *status = (BcTaskStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
bc_task_status_label (BcTaskStatus status)
{
  switch (status)
    {
    case BC_TASK_IN_PROGRESS:
      /* Translators: where a plan's task stands */
      return C_("task", "In progress");
    case BC_TASK_DONE:
      return C_("task", "Done");
    case BC_TASK_NOT_DONE:
      return C_("task", "Not done");
    case BC_TASK_NOT_STARTED:
    default:
      return C_("task", "Not started");
    }
}

/**
 * bc_task_status_printed:
 *
 * Returns: the status as a document prints it, in Vietnamese whatever the
 *   language of the window
 */
const char *
bc_task_status_printed (BcTaskStatus status)
{
  static const char * const printed[] = {
    "Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành", "Không hoàn thành",
  };

  g_return_val_if_fail (status < BC_TASK_N_STATUSES, printed[0]);
  return printed[status];
}

void
bc_followup_task_free (BcFollowupTask *task)
{
  if (task == NULL)
    return;
  g_free (task->item);
  g_free (task->ref);
  g_free (task->content);
  g_free (task->lead);
  g_free (task->deadline_text);
  g_free (task->date);
  g_free (task->note);
  g_free (task);
}

void
bc_task_done_free (BcTaskDone *done)
{
  if (done == NULL)
    return;
  g_free (done->period_from);
  g_free (done->period_to);
  g_free (done->date);
  g_free (done);
}

/**
 * bc_followup_done_in:
 *
 * Returns: (transfer full) (element-type utf8 BcTaskDone): the tasks
 *   @report's follow-up says are done, by the plan's item key
 */
GHashTable *
bc_followup_done_in (BcReport *report)
{
  GHashTable *done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) bc_task_done_free);
  const BcSection *section = bc_followup_find_section (bc_report_get_template (report));
  g_autoptr(GPtrArray) tasks = section ? bc_followup_tasks (report, section) : NULL;

  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      const BcFollowupTask *task = tasks->pdata[i];
      BcTaskDone *d;

      if (task->status != BC_TASK_DONE || *task->ref == '\0')
        continue;
      d = g_new0 (BcTaskDone, 1);
      d->report_id = bc_report_get_id (report);
      d->period_from = g_strdup (bc_report_get_period_from (report));
      d->period_to = g_strdup (bc_report_get_period_to (report));
      d->date = g_strdup (task->date);
      g_hash_table_insert (done, g_strdup (task->ref), d);
    }
  return done;
}

/**
 * bc_task_done_describe:
 *
 * Returns: (transfer full): "Done in the report of 21/02/2024 – 20/03/2024
 *   (03/03/2024)", in the language of the window
 */
char *
bc_task_done_describe (const BcTaskDone *done)
{
  g_autofree char *from = bc_date_to_display (done->period_from);
  g_autofree char *to = bc_date_to_display (done->period_to);
  g_autofree char *date = bc_date_to_display (done->date);

  if (*date == '\0')
    /* Translators: a task set back after an earlier report said it was done; the earlier report's period */
    return g_strdup_printf (_("Done in the report of %s – %s: a task done stays done"), from, to);
  /* Translators: a task set back after an earlier report said it was done; the earlier report's period, the day it was done */
  return g_strdup_printf (_("Done in the report of %s – %s (%s): a task done stays done"), from, to, date);
}

static char *
dup_field (BcReport   *report,
           const char *section,
           const char *item,
           const char *field)
{
  g_autofree char *key = bc_key_item_field (section, item, field);

  return g_strdup (bc_report_get (report, key));
}

/* The deadlines that name no year are the plan's year: the plan in force
 * is the one holding the report's last day. */
static guint
plan_year (BcReport *report)
{
  GDate to;

  return bc_date_parse (bc_report_get_period_to (report), &to) ? g_date_get_year (&to) : 0;
}

/**
 * bc_followup_tasks:
 * @section: a "followup" section of @report's template
 *
 * Returns: (transfer container) (element-type BcFollowupTask): the tasks
 *   the section follows, in its order
 */
GPtrArray *
bc_followup_tasks (BcReport        *report,
                   const BcSection *section)
{
  GPtrArray *tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_followup_task_free);
  g_auto(GStrv) order = bc_report_get_list_order (report, section->id);
  guint year = plan_year (report);

  for (guint i = 0; order[i]; i++)
    {
      BcFollowupTask *task = g_new0 (BcFollowupTask, 1);
      g_autofree char *status = dup_field (report, section->id, order[i], "status");

      task->item = g_strdup (order[i]);
      task->ref = dup_field (report, section->id, order[i], "ref");
      task->content = dup_field (report, section->id, order[i], "content");
      task->lead = dup_field (report, section->id, order[i], "lead");
      task->deadline_text = dup_field (report, section->id, order[i], "deadline");
      task->date = dup_field (report, section->id, order[i], "date");
      task->note = dup_field (report, section->id, order[i], "note");
      bc_task_status_from_string (status, &task->status);
      bc_deadline_parse (task->deadline_text, year, &task->deadline);
      g_ptr_array_add (tasks, task);
    }
  return tasks;
}

static const BcSection *
find_in (GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const BcSection *s = sections->pdata[i];
      const BcSection *found;

      if (s->kind == BC_SECTION_FOLLOWUP)
        return s;
      if ((found = find_in (s->children)) != NULL)
        return found;
    }
  return NULL;
}

/**
 * bc_followup_find_section:
 *
 * Returns: (nullable) (transfer none): the first "followup" section of
 *   @template, the one filled from the plan
 */
const BcSection *
bc_followup_find_section (BcTemplate *template)
{
  return find_in (bc_template_get_sections (template));
}

/**
 * bc_followup_plan:
 *
 * Returns: (transfer none): the uuid of the plan @report's follow-up
 *   follows, or ""
 */
const char *
bc_followup_plan (BcReport *report)
{
  const BcSection *section = bc_followup_find_section (bc_report_get_template (report));
  g_autofree char *key = section ? bc_key_section_part (section->id, "plan") : NULL;

  return key ? bc_report_get (report, key) : "";
}

/**
 * bc_followup_due_by:
 * @date: (out caller-allocates): the last day a task must be done by to
 *   count as done in time in @report
 *
 * The report's last day; for a report of a year, the end of its calendar
 * year, since it is the last word on the year's plan ("trong năm 2024"
 * falls due on 31/12, after the reporting year's 14/12).
 */
void
bc_followup_due_by (BcReport *report,
                    GDate    *date)
{
  BcTemplate *template = bc_report_get_template (report);

  if (!bc_date_parse (bc_report_get_period_to (report), date))
    return;
  if (bc_template_get_regime (template) == BC_REGIME_ANNUAL)
    g_date_set_dmy (date, 31, G_DATE_DECEMBER, g_date_get_year (date));
}

/**
 * bc_followup_task_is_late:
 *
 * Returns: %TRUE when @task falls due on or before @due_by and is not
 *   done: a task found not done is late too, a task done (or that the
 *   plan says is done, beside its deadline) never is
 */
gboolean
bc_followup_task_is_late (const BcFollowupTask *task,
                          const GDate          *due_by)
{
  return task->status != BC_TASK_DONE && !task->deadline.done && bc_deadline_has_due (&task->deadline)
    && g_date_valid (due_by) && g_date_compare (&task->deadline.due, due_by) <= 0;
}

/* Lower case, NFC, dashes as spaces and one space between words:
 * "Sở Lao động – Thương binh và Xã hội" as "sở lao động thương binh và
 * xã hội", however the plan spells it. */
static char *
fold (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFC);
  g_autofree char *lower = g_utf8_strdown (nfc ? nfc : "", -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean space = g_unichar_isspace (c) || c == '-' || c == 0x2013 || c == 0x2014;

      if (space && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      if (space)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* Which offices a plan's task is for: the rule (docs/template-format.md,
 * "Which tasks an office follows"), worked out on seed 004, a province's
 * plan whose every task lists "các sở, ban, ngành, địa phương" among its
 * agencies, and which goes to the districts ("UBND các huyện, thị xã,
 * thành phố", its recipients) but not to the communes. */

typedef enum
{
  LEVEL_NONE = 0,
  LEVEL_PROVINCE = 1 << 0,
  LEVEL_DISTRICT = 1 << 1,
  LEVEL_COMMUNE = 1 << 2,
} Level;

static const struct
{
  const char *kind;
  Level       level;
} kind_levels[] = {
  { "tỉnh", LEVEL_PROVINCE },
  /* A city is a province (Hà Nội) or a district (Vũng Tàu). */
  { "thành phố", LEVEL_PROVINCE | LEVEL_DISTRICT },
  { "huyện", LEVEL_DISTRICT },
  { "thị xã", LEVEL_DISTRICT },
  { "quận", LEVEL_DISTRICT },
  { "xã", LEVEL_COMMUNE },
  { "phường", LEVEL_COMMUNE },
  { "thị trấn", LEVEL_COMMUNE },
  { "đặc khu", LEVEL_COMMUNE },
};

/* The words that name every unit of a level: "UBND các huyện, thị xã,
 * thành phố", "UBND cấp huyện", "các Tổ công tác … cấp huyện, cấp xã". */
static const char * const district_words[] = { "cấp huyện", "các huyện", "các quận", "các thị xã", NULL };
static const char * const commune_words[] = { "cấp xã", "các xã", "các phường", "các thị trấn", NULL };

/* An office as a plan names it: "huyện châu đức" is the district Châu
 * Đức; "công an huyện châu đức" the police (@agency "công an") of one. */
typedef struct
{
  const char *name;     /* folded */
  const char *unit;     /* the name without "UBND": "huyện châu đức" */
  const char *agency;   /* folded, "" for the unit itself; owned */
  const char *place;    /* "châu đức", or "" */
  Level       level;
} Office;

static Level
level_of_kind (const char *kind)
{
  for (guint i = 0; kind && i < G_N_ELEMENTS (kind_levels); i++)
    if (g_str_equal (kind_levels[i].kind, kind))
      return kind_levels[i].level;
  return LEVEL_NONE;
}

static const char *
skip_people_committee (const char *name)
{
  static const char * const prefixes[] = { "ubnd ", "ủy ban nhân dân ", "uỷ ban nhân dân ", NULL };

  for (guint i = 0; prefixes[i]; i++)
    if (g_str_has_prefix (name, prefixes[i]))
      return name + strlen (prefixes[i]);
  return name;
}

/* @office's agency is a copy the caller frees. */
static void
parse_office (const char  *name,
              Office      *office,
              char       **agency)
{
  const char *unit = skip_people_committee (name);
  const char *rest = NULL;
  const char *kind = bc_office_kind_from_name (unit, &rest);

  *agency = g_strdup ("");
  office->name = name;
  office->unit = unit;
  office->place = "";
  office->level = LEVEL_NONE;
  if (kind != NULL)
    {
      office->place = rest;
      office->level = level_of_kind (kind);
    }
  else
    /* "công an huyện châu đức": an agency, then its unit. */
    for (guint i = 0; i < G_N_ELEMENTS (kind_levels); i++)
      {
        g_autofree char *word = g_strdup_printf (" %s ", kind_levels[i].kind);
        const char *at = strstr (unit, word);

        if (at == NULL)
          continue;
        g_free (*agency);
        *agency = g_strndup (unit, at - unit);
        office->place = at + strlen (word);
        office->level = kind_levels[i].level;
        break;
      }
  office->agency = *agency;
}

/* The level of the units a plan calls its "địa phương": one below its
 * owner's (a province's districts, a district's communes); a plan whose
 * owner names no unit ("Ban Chỉ đạo …") is taken as a province's. */
static Level
localities_of (const char *plan_unit)
{
  Office owner;
  g_autofree char *agency = NULL;
  Level localities = LEVEL_NONE;

  parse_office (plan_unit, &owner, &agency);
  if (owner.level == LEVEL_NONE || (owner.level & LEVEL_PROVINCE))
    localities |= LEVEL_DISTRICT;
  if (owner.level & LEVEL_DISTRICT)
    localities |= LEVEL_COMMUNE;
  return localities;
}

static gboolean
contains_any (const char         *text,
              const char * const *words,
              const char         *agency)
{
  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *phrase = *agency ? g_strdup_printf ("%s %s", agency, words[i]) : NULL;

      if (strstr (text, phrase ? phrase : words[i]) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Whether a list of agencies names @office's level explicitly. */
static gboolean
names_level (const char   *text,
             const Office *office)
{
  return ((office->level & LEVEL_DISTRICT) && contains_any (text, district_words, office->agency))
    || ((office->level & LEVEL_COMMUNE) && contains_any (text, commune_words, office->agency));
}

/* Where the list holding @at ends, and begins: a list of agencies is
 * cut by ";", by "và" and by a line's end. */
static const char *
list_end (const char *at)
{
  const char *end = at + strcspn (at, ";\n");
  const char *and = strstr (at, " và ");

  return and != NULL && and < end ? and : end;
}

static const char *
list_start (const char *text,
            const char *at)
{
  const char *start = text;

  for (const char *p = text; p < at; p++)
    if (*p == ';' || *p == '\n')
      start = p + 1;
    else if (g_str_has_prefix (p, " và "))
      start = p + strlen (" và ");
  return start;
}

/* A catch-all ("các sở, ban, ngành, địa phương") names every unit of its
 * kinds, unless its list ends in "liên quan": then only those the lead
 * agency brings in, which the plan does not name. */
static gboolean
names_all (const char *text,
           const char *word)
{
  for (const char *at = strstr (text, word); at != NULL; at = strstr (at + 1, word))
    {
      const char *start = list_start (text, at);
      const char *end = list_end (at);
      g_autofree char *list = g_strndup (start, end - start);
      const char *last = strrchr (list, ',');

      /* "các sở: Tư pháp, Xây dựng" lists some. */
      if (g_str_equal (word, "các sở") && at[strlen (word)] == ':')
        continue;
      if (strstr (last ? last : list, "liên quan") == NULL)
        return TRUE;
    }
  return FALSE;
}

/* "Châu Đức" in a list ("UBND các huyện: Châu Đức, Xuyên Mộc"), not
 * inside another name ("Báo Bà Rịa – Vũng Tàu" is not Vũng Tàu's). */
static gboolean
names_place (const char *text,
             const char *place)
{
  gsize n = strlen (place);

  if (g_utf8_strlen (place, -1) < 3)
    return FALSE;
  for (const char *at = strstr (text, place); at != NULL; at = strstr (at + 1, place))
    {
      gboolean after = at[n] == '\0' || strchr (",;.:)", at[n]) != NULL || g_str_has_prefix (at + n, " và ");
      gboolean before = at == text || (at - text >= 2 && (at[-1] == ' ' && strchr (",:", at[-2]) != NULL))
        || (at - text >= 4 && g_str_has_prefix (at - 4, " và "));

      if (before && after)
        return TRUE;
    }
  return FALSE;
}

static gboolean
names_office (const char   *text,
              const Office *office,
              Level         localities)
{
  if (strstr (text, office->name) != NULL || strstr (text, office->unit) != NULL)
    return TRUE;
  if (*office->agency == '\0' && names_place (text, office->place))
    return TRUE;
  /* "các sở: Tư pháp, …" for Sở Tư pháp. */
  if (g_str_has_prefix (office->name, "sở "))
    {
      const char *list = strstr (text, "các sở:");
      const char *field = office->name + strlen ("sở ");

      if ((list != NULL && strstr (list, field) != NULL) || names_all (text, "các sở"))
        return TRUE;
    }
  if (g_str_has_prefix (office->name, "ban ") && (names_all (text, "ban, ngành") || names_all (text, "ban ngành")))
    return TRUE;
  if (names_level (text, office))
    return TRUE;
  return *office->agency == '\0' && (office->level & localities) && names_all (text, "địa phương");
}

/**
 * bc_followup_concerns:
 * @unit: the reporting unit, "Huyện Châu Đức" or "Sở Tư pháp"
 * @plan_unit: the unit whose plan it is, "Tỉnh Bà Rịa - Vũng Tàu"
 * @lead: a task's lead agency
 * @cooperating: its cooperating agencies
 *
 * Whether the task is the unit's to report on: its lead or cooperating
 * agencies name it ("Sở Tư pháp", "UBND huyện Châu Đức", "Châu Đức"),
 * name its level ("UBND các huyện, thị xã, thành phố", "UBND cấp
 * huyện", "Công an các huyện" for a district's police), or name every
 * unit of its kind with the plan's catch-all: "các sở" every department,
 * "địa phương" every unit one level below @plan_unit, both unless the
 * list ends in "liên quan" (only those concerned, which the plan leaves
 * to the lead agency). The plan's owner follows every task; the caller
 * sees to that.
 */
gboolean
bc_followup_concerns (const char *unit,
                      const char *plan_unit,
                      const char *lead,
                      const char *cooperating)
{
  g_autofree char *name = fold (unit);
  g_autofree char *lead_words = fold (lead);
  g_autofree char *cooperating_words = fold (cooperating);
  g_autofree char *plan_name = fold (plan_unit);
  g_autofree char *agency = NULL;
  Level localities = localities_of (plan_name);
  Office office;

  if (*name == '\0')
    return FALSE;
  parse_office (name, &office, &agency);
  return names_office (lead_words, &office, localities) || names_office (cooperating_words, &office, localities);
}

/**
 * bc_followup_validate_field:
 *
 * Validates the value of a follow-up item's @field (bc-report.c calls it
 * for every key of a "followup" section's items).
 *
 * Returns: %FALSE with @error set (%BC_REPORT_ERROR) when it does not fit
 */
gboolean
bc_followup_validate_field (const char  *field,
                            const char  *key,
                            const char  *value,
                            GError     **error)
{
  BcTaskStatus status;
  GDate date;

  if (g_str_equal (field, "status") && !bc_task_status_from_string (value, &status))
    {
      g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                   _("%s: a task's status is not_started, in_progress, done or not_done"), key);
      return FALSE;
    }
  if (g_str_equal (field, "date") && *value && !bc_date_parse (value, &date))
    {
      g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                   _("%s: “%s” is not a date"), key, value);
      return FALSE;
    }
  if (g_str_equal (field, "ref") && *value && bc_key_get_kind (value) != BC_KEY_ITEM)
    {
      g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                   _("%s: “%s” is not a task of a plan"), key, value);
      return FALSE;
    }
  return TRUE;
}
