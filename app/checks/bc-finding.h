/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bc-types.h"

G_BEGIN_DECLS

/* One thing the checks found wrong with a report.
 *
 * The location is a value key of the report (see bc-report.h):
 *   header/<field>, meta/period_to        a header field, the period
 *   sec/<section>/<item>/<field>          a paragraph or a document field;
 *                                         for text, offset and length say
 *                                         which characters
 *   fig/<figure>, fig/<figure>/den        a key figure
 *   tbl/<table>/<row>/<column>            a table cell
 *   tbl/<table>                           a whole table (a template rule
 *                                         over sums)
 *   sec/<section>                         a whole section (left empty)
 *   report                                a template rule that names no
 *                                         field (rare)
 *
 * The id, "<rule>@<location>" or "<rule>@<location>#<tag>", stays the same
 * while the figures it is about do not change, so an explanation can be
 * attached to it: the report value "expl/<id>". */

#define BC_TYPE_FINDING (bc_finding_get_type ())
G_DECLARE_FINAL_TYPE (BcFinding, bc_finding, BC, FINDING, GObject)

BcFinding   *bc_finding_new                 (BcSeverity   severity,
                                             const char  *rule,
                                             const char  *location,
                                             const char  *tag,
                                             const char  *message);
BcSeverity   bc_finding_get_severity        (BcFinding   *self);
const char  *bc_finding_get_rule            (BcFinding   *self);
const char  *bc_finding_get_location        (BcFinding   *self);
const char  *bc_finding_get_message         (BcFinding   *self);
const char  *bc_finding_get_id              (BcFinding   *self);
const char  *bc_finding_get_group           (BcFinding   *self);
gboolean     bc_finding_get_span            (BcFinding   *self,
                                             guint       *offset,
                                             guint       *length);
gboolean     bc_finding_get_explained       (BcFinding   *self);
const char  *bc_finding_get_explanation     (BcFinding   *self);
char        *bc_finding_dup_explanation_key (BcFinding   *self);

void         bc_finding_set_severity        (BcFinding   *self,
                                             BcSeverity   severity);
void         bc_finding_set_span            (BcFinding   *self,
                                             guint        offset,
                                             guint        length);
void         bc_finding_set_group           (BcFinding   *self,
                                             const char  *group);
void         bc_finding_set_explanation     (BcFinding   *self,
                                             const char  *explanation);

const char  *bc_severity_to_string          (BcSeverity   severity);

G_END_DECLS
