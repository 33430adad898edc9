/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-types.h"

G_BEGIN_DECLS

/* A directive document of a list section, as one sentence: the form, the
 * DOCX and a report built from its months all say it the same way. */

char  *bc_document_dup_sentence  (BcReport    *report,
                                  const char  *section_id,
                                  const char  *item_id);
char  *bc_document_dup_identity  (const char  *number,
                                  const char  *summary,
                                  const char  *date);

G_END_DECLS
