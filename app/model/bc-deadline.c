/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-deadline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "bc-deadline.h"

/* Past this the words are a paragraph, not a deadline: only their start is read. */
#define READ_AT_MOST 1024

typedef gboolean (*ReadFunc) (GMatchInfo *match, guint default_year, BcDeadline *deadline);

static guint
group_number (GMatchInfo *match,
              int         group)
{
  g_autofree char *text = g_match_info_fetch (match, group);

  return text && *text ? (guint) strtoul (text, NULL, 10) : 0;
}

/* The year a group names, else the plan's; 0 when neither says. */
static guint
group_year (GMatchInfo *match,
            int         group,
            guint       default_year)
{
  guint year = group_number (match, group);

  year = year ? year : default_year;
  return year >= 1900 && year <= 2999 ? year : 0;
}

static gboolean
set_span (BcDeadline     *deadline,
          BcDeadlineKind  kind,
          guint           year,
          guint           first_month,
          guint           months)
{
  guint last_month = first_month + months - 1;

  if (year == 0)
    return FALSE;
  deadline->kind = kind;
  g_date_set_dmy (&deadline->first, 1, (GDateMonth) first_month, (GDateYear) year);
  g_date_set_dmy (&deadline->due, g_date_get_days_in_month ((GDateMonth) last_month, (GDateYear) year),
                  (GDateMonth) last_month, (GDateYear) year);
  return TRUE;
}

static gboolean
read_date (GMatchInfo *match,
           guint       default_year,
           BcDeadline *deadline)
{
  guint day = group_number (match, 1);
  guint month = group_number (match, 2);
  guint year = group_year (match, 3, default_year);

  if (year == 0 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  deadline->kind = BC_DEADLINE_DATE;
  g_date_set_dmy (&deadline->due, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  deadline->first = deadline->due;
  return TRUE;
}

static gboolean
read_half (GMatchInfo *match,
           guint       default_year,
           BcDeadline *deadline)
{
  g_autofree char *which = g_match_info_fetch (match, 1);

  return set_span (deadline, BC_DEADLINE_HALF, group_year (match, 2, default_year),
                   g_str_equal (which, "đầu") ? 1 : 7, 6);
}

static guint
quarter_number (const char *text)
{
  static const char * const roman[] = { "i", "ii", "iii", "iv", NULL };

  for (guint i = 0; roman[i]; i++)
    if (g_str_equal (text, roman[i]))
      return i + 1;
  if (text[0] >= '1' && text[0] <= '4' && text[1] == '\0')
    return (guint) (text[0] - '0');
  return 0;
}

static gboolean
read_quarter (GMatchInfo *match,
              guint       default_year,
              BcDeadline *deadline)
{
  g_autofree char *which = g_match_info_fetch (match, 1);
  guint quarter = quarter_number (which);

  return quarter != 0
    && set_span (deadline, BC_DEADLINE_QUARTER, group_year (match, 2, default_year), 3 * quarter - 2, 3);
}

static gboolean
read_month (GMatchInfo *match,
            guint       default_year,
            BcDeadline *deadline)
{
  guint month = group_number (match, 1);

  return month >= 1 && month <= 12
    && set_span (deadline, BC_DEADLINE_MONTH, group_year (match, 2, default_year), month, 1);
}

static gboolean
read_year (GMatchInfo *match,
           guint       default_year,
           BcDeadline *deadline)
{
  return set_span (deadline, BC_DEADLINE_YEAR, group_year (match, 1, 0), 1, 12);
}

static gboolean
read_plain (BcDeadlineKind  kind,
            BcDeadline     *deadline)
{
  deadline->kind = kind;
  return TRUE;
}

static gboolean
read_ongoing (GMatchInfo *match,
              guint       default_year,
              BcDeadline *deadline)
{
  return read_plain (BC_DEADLINE_ONGOING, deadline);
}

static gboolean
read_on_request (GMatchInfo *match,
                 guint       default_year,
                 BcDeadline *deadline)
{
  return read_plain (BC_DEADLINE_ON_REQUEST, deadline);
}

/* The forms, most telling first: "thường xuyên trong năm 2024" is ongoing,
 * "trong năm 2024 và thực hiện thường xuyên" is due with the year;
 * "ngày 15 tháng 3" is a day, not a month. A form that is found but names
 * no such day, month or quarter makes the deadline unreadable: it is never
 * read as a vaguer one further down. */
static const struct
{
  const char *pattern;
  ReadFunc    read;
} forms[] = {
  { "^\\s*(?:thực hiện\\s+)?thường xuyên", read_ongoing },
  { "(?<!\\d)(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})(?!\\d)", read_date },
  { "ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s+năm\\s+(\\d{4}))?", read_date },
  { "ngày\\s+(\\d{1,2})\\s*/\\s*(\\d{1,2})(?![\\d/])", read_date },
  { "(?<!\\d)6\\s+tháng\\s+(đầu|cuối)\\s+năm(?:\\s+(\\d{4}))?", read_half },
  { "(?:quý|qúy|quy)\\s+([a-z]+|\\d+)(?![\\d])(?:\\s*(?:/|-|năm)\\s*(\\d{4}))?", read_quarter },
  { "tháng\\s+(\\d{1,3})(?!\\d)(?:\\s*(?:/|-|năm)\\s*(\\d{4}))?", read_month },
  { "năm\\s+(\\d{4})(?!\\d)", read_year },
  { "thường xuyên", read_ongoing },
  { "khi có|sau khi|khi được|theo hướng dẫn|theo chỉ đạo|theo yêu cầu|theo lộ trình|theo tiến độ",
    read_on_request },
};

/* Lower case, NFC, without the parentheses' asides ("(đã hoàn thành tại
 * Công văn số 830/UBND-VP ngày 18/01/2024)" is no deadline). */
static char *
normalize (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, MIN (strlen (text), READ_AT_MOST));
  g_autofree char *nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  g_autofree char *lower = g_utf8_strdown (nfc ? nfc : "", -1);
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = lower; *p; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_c (out, *p);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* A plan written after some of its tasks were done says so beside the
 * deadline: "tháng 01 năm 2024 (đã hoàn thành tại Công văn số 830/UBND-VP
 * ngày 18/01/2024)". */
static gboolean
says_done (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, MIN (strlen (text), READ_AT_MOST));
  g_autofree char *nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  g_autofree char *lower = g_utf8_strdown (nfc ? nfc : "", -1);

  return strstr (lower, "đã hoàn thành") != NULL;
}

/**
 * bc_deadline_parse:
 * @text: (nullable): the deadline as the clerk wrote it
 * @default_year: the year of a deadline that names none ("tháng 6"), e.g.
 *   the plan's; 0 when there is none
 * @deadline: (out caller-allocates): what @text says
 *
 * Returns: %FALSE when @text says something that is no deadline Baocao
 *   can read (%BC_DEADLINE_UNREADABLE): it is kept as written and flagged
 */
gboolean
bc_deadline_parse (const char *text,
                   guint       default_year,
                   BcDeadline *deadline)
{
  g_autofree char *words = NULL;

  g_return_val_if_fail (deadline != NULL, FALSE);

  deadline->kind = BC_DEADLINE_NONE;
  g_date_clear (&deadline->first, 1);
  g_date_clear (&deadline->due, 1);
  deadline->done = says_done (text ? text : "");
  words = normalize (text ? text : "");
  if (*words == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (forms[i].pattern, G_REGEX_OPTIMIZE, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      g_assert (regex != NULL);
      if (!g_regex_match (regex, words, 0, &match))
        continue;
      if (forms[i].read (match, default_year, deadline))
        return TRUE;
      break;
    }
  deadline->kind = BC_DEADLINE_UNREADABLE;
  g_date_clear (&deadline->first, 1);
  g_date_clear (&deadline->due, 1);
  return FALSE;
}

/**
 * bc_deadline_has_due:
 *
 * Returns: %TRUE when the deadline falls due on a day (deadline->due)
 */
gboolean
bc_deadline_has_due (const BcDeadline *deadline)
{
  return g_date_valid (&deadline->due);
}

/**
 * bc_deadline_describe:
 *
 * How Baocao read the deadline, for the clerk to compare with her words:
 * "tháng 6/2024", "quý I/2024", "thường xuyên".
 *
 * Returns: (transfer full): the reading, translated
 */
char *
bc_deadline_describe (const BcDeadline *deadline)
{
  static const char * const roman[] = { "I", "II", "III", "IV" };
  guint year = g_date_valid (&deadline->due) ? g_date_get_year (&deadline->due) : 0;
  guint month = g_date_valid (&deadline->due) ? g_date_get_month (&deadline->due) : 0;

  switch (deadline->kind)
    {
    case BC_DEADLINE_DATE:
      return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (&deadline->due), month, year);
    case BC_DEADLINE_MONTH:
      /* TRANSLATORS: a deadline: month/year */
      return g_strdup_printf (_("month %u/%u"), month, year);
    case BC_DEADLINE_QUARTER:
      /* TRANSLATORS: a deadline: quarter (I to IV)/year */
      return g_strdup_printf (_("quarter %s/%u"), roman[(month - 1) / 3], year);
    case BC_DEADLINE_HALF:
      return g_strdup_printf (month == 6 ? _("first half of %u") : _("second half of %u"), year);
    case BC_DEADLINE_YEAR:
      /* TRANSLATORS: a deadline: within the year */
      return g_strdup_printf (_("year %u"), year);
    case BC_DEADLINE_ONGOING:
      return g_strdup (_("ongoing"));
    case BC_DEADLINE_ON_REQUEST:
      return g_strdup (_("when requested"));
    case BC_DEADLINE_UNREADABLE:
      return g_strdup (_("unreadable"));
    case BC_DEADLINE_NONE:
    default:
      return g_strdup (_("no deadline"));
    }
}

/**
 * bc_deadline_kind_to_string:
 *
 * Returns: the kind's name in JSON: "date", "month", "quarter", "half",
 *   "year", "ongoing", "on_request", "unreadable" or "none"
 */
const char *
bc_deadline_kind_to_string (BcDeadlineKind kind)
{
  static const char * const names[] = {
    "none", "date", "month", "quarter", "half", "year", "ongoing", "on_request", "unreadable",
  };

  g_return_val_if_fail (kind <= BC_DEADLINE_UNREADABLE, "none");
  return names[kind];
}
