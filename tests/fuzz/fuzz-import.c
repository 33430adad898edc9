/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>

#include "bc-library.h"
#include "bc-report.h"
#include "bc-store-review.h"
#include "bc-store-private.h"

/* libFuzzer entry point for the report-file importer: any bytes, as a
 * .baocao file, must be refused with an error or imported whole, without
 * a crash, an overflow or a leak; an imported report must read back and
 * export. Built with -fsanitize=fuzzer,address,undefined under clang, or
 * with fuzz-driver.c and -fsanitize=address,undefined otherwise. */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Receiving and updating a roll-up store the counts of findings
 * (bc-library.c), which would bring every check into this target; the
 * importer fuzzed here makes no summary. */
gboolean
bc_library_summarize (BcStore  *store,
                      gint64    id,
                      GError  **error)
{
  return TRUE;
}

static BcStore *library;

static void
read_back (gint64 id)
{
  g_autoptr(BcReport) report = bc_store_open_report (library, id, NULL);
  g_autoptr(GPtrArray) comments = bc_store_list_comments (library, id, NULL, NULL);
  g_autoptr(GPtrArray) log = bc_store_list_status_log (library, id, NULL);
  g_autoptr(GPtrArray) others = bc_store_list_changes_by_others (library, id, 0, NULL);
  g_autofree char *json = bc_store_export_json (library, id, NULL);

  g_assert (report != NULL && comments != NULL && log != NULL && others != NULL && json != NULL);
  /* What was imported is what an import accepts again. */
  g_assert (bc_store_delete_report (library, id, NULL));
  id = bc_store_import_json (library, json, -1, NULL);
  g_assert (id > 0);
  g_assert (bc_store_delete_report (library, id, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  gint64 id, existing;

  if (library == NULL)
    library = bc_store_open (":memory:", NULL);
  g_assert (library != NULL);

  id = bc_store_import_file_data (library, "fuzz.baocao", data, size, BC_IMPORT_ASK, &existing, &error);
  g_assert ((id > 0) == (error == NULL));
  g_assert (id == 0 || existing == 0);
  if (id > 0)
    read_back (id);
  else
    g_assert (error->domain == BC_STORE_ERROR && error->message != NULL && *error->message != '\0');
  return 0;
}
