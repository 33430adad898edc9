/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BC_JSON_ERROR (bc_json_error_quark ())

typedef enum
{
  BC_JSON_ERROR_TOO_DEEP,
  BC_JSON_ERROR_NUL,
  BC_JSON_ERROR_DUPLICATE,
} BcJsonError;

/* Objects and arrays nested deeper than this are refused; templates and
 * report files nest at most 10 levels. */
#define BC_JSON_MAX_DEPTH 64

GQuark    bc_json_error_quark  (void);
gboolean  bc_json_load         (JsonParser   *parser,
                                const char   *data,
                                gssize        length,
                                GError      **error);

G_END_DECLS
