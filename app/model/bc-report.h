/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bc-types.h"

G_BEGIN_DECLS

/* A paragraph's level, stored as its digit; numbers are counted when printed. */
typedef enum
{
  BC_LEVEL_PLAIN,
  BC_LEVEL_DASH,        /* "- " */
  BC_LEVEL_PLUS,        /* "+ " */
  BC_LEVEL_BRACKETED,   /* "(1) ", "(2) " */
  BC_LEVEL_NUMBERED,    /* "1. ", "2. " */
} BcLevel;

#define BC_TYPE_REPORT (bc_report_get_type ())
G_DECLARE_FINAL_TYPE (BcReport, bc_report, BC, REPORT, GObject)

#define BC_REPORT_ERROR (bc_report_error_quark ())

typedef enum
{
  BC_REPORT_ERROR_INVALID_VALUE,   /* a key the template does not have, or a value that does not fit it */
  BC_REPORT_ERROR_TOO_LARGE,       /* a text longer than bc-limits.h allows */
} BcReportError;

GQuark bc_report_error_quark (void);

/* A report is a copy of its template, its values and its metadata.
 *
 * Every value is a string under a key (bc-keys.h parses, builds, labels
 * and orders them):
 *   meta/unit, meta/period_from, meta/period_to, meta/status
 *   meta/office                         the uuid of the office profile it was made for
 *   header/<field>                      see bc_key_header_fields() (bc-keys.h)
 *   sec/<section>/order                 item ids of a list section, comma-separated
 *   sec/<section>/number                the heading's number   } absent: the template's,
 *   sec/<section>/title                 the heading's words    } with its placeholders
 *   sec/<section>/intro                 the intro sentence     } filled in; only spaces:
 *                                                              } the clerk's empty text
 *   sec/<section>/omit                  "1": left out of the document, with its sub-sections
 *   sec/<section>/before, …/after       documents and tasks sections: free paragraphs
 *                                       before and after the list, one per line
 *   sec/<section>/<item>/<field>        narrative: text, level (BcLevel: "0", "1" "-", "2" "+",
 *                                       "3" "(n)", "4" "n."), footnote (one a line);
 *                                       documents: type, number, date, issuer, summary;
 *                                       tasks: content, lead, cooperating, deadline
 *   fig/<figure>                        a key figure (a count)
 *   fig/<figure>/den                    its denominator
 *   tbl/<table>/<row>/<column>          a table cell
 *   tbl/<table>/<row>/applies           "0" or "1" (absent: the template's default)
 *   tbl/<table>/<row>/note              the row's note
 *   tbl/<table>/after                   a table of the body: the item of its section it
 *                                       follows (absent: after the section's paragraphs)
 * An absent key is an empty value. Counts are canonical decimal digits.
 * An item id is 1 to 32 ASCII letters and digits and never one of the
 * section parts above (bc_key_section_parts()), so sec/<section>/title
 * is a part and sec/<section>/<item> an item, always.
 */

const char         *bc_report_get                (BcReport    *self,
                                                  const char  *key);
gint64              bc_report_get_id             (BcReport    *self);
const char         *bc_report_get_uuid           (BcReport    *self);
BcTemplate         *bc_report_get_template       (BcReport    *self);
const char         *bc_report_get_unit           (BcReport    *self);
const char         *bc_report_get_period_from    (BcReport    *self);
const char         *bc_report_get_period_to      (BcReport    *self);
const char         *bc_report_get_status         (BcReport    *self);
const char         *bc_report_get_created        (BcReport    *self);
const char         *bc_report_get_modified       (BcReport    *self);
gint64              bc_report_get_previous_id    (BcReport    *self);
GHashTable         *bc_report_get_values         (BcReport    *self);
GList              *bc_report_get_sorted_keys    (BcReport    *self);
char              **bc_report_get_list_order     (BcReport    *self,
                                                  const char  *section_id);
gboolean            bc_report_row_applies        (BcReport    *self,
                                                  const char  *table_id,
                                                  const char  *row_key);
char               *bc_report_dup_title          (BcReport    *self);
BcOffice           *bc_report_dup_own_office     (BcReport    *self);
char               *bc_report_expand             (BcReport    *self,
                                                  const char  *text);
char               *bc_report_dup_figure_label   (BcReport    *self,
                                                  const BcFigure *figure);
gboolean            bc_report_validate_value     (BcReport    *self,
                                                  const char  *key,
                                                  const char  *value,
                                                  GError     **error);
gboolean            bc_report_text_length_ok     (const char  *what,
                                                  const char  *text,
                                                  GError     **error);
int                 bc_report_level_from_value   (const char  *value);
char              **bc_report_paragraph_marks    (BcReport    *self,
                                                  const char  *section_id);
char               *bc_report_dup_section_default (BcReport        *self,
                                                   const BcSection *section,
                                                   const char      *part);
char               *bc_report_dup_section_text   (BcReport        *self,
                                                  const BcSection *section,
                                                  const char      *part);
gboolean            bc_report_section_has_content (BcReport       *self,
                                                   const BcSection *section);
gboolean            bc_report_figure_is_cited    (BcReport        *self,
                                                  const BcFigure  *figure);
gboolean            bc_report_figure_prints_line (BcReport        *self,
                                                  const BcSection *section,
                                                  const BcFigure  *figure);
gboolean            bc_report_has_section_text   (BcReport        *self,
                                                  const BcSection *section,
                                                  const char      *part);
char               *bc_report_dup_section_heading (BcReport        *self,
                                                   const BcSection *section);
gboolean            bc_report_section_is_omitted (BcReport        *self,
                                                  const BcSection *section);

G_END_DECLS
