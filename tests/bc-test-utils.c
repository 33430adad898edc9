/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "bc-test-utils.h"

char *
bc_test_mkdtemp (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("baocao-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
bc_test_rmdir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        bc_test_rmdir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

BcTemplate *
bc_test_load_template (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tdir = bc_template_default_dir ("templates");
  g_autofree char *cdir = bc_template_default_dir ("catalogs");
  g_autofree char *file = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (tdir, file, NULL);
  BcTemplate *template = bc_template_new_from_file (path, cdir, &error);

  g_assert_no_error (error);
  return template;
}

BcStore *
bc_test_open_store (const char *dir,
                    const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  BcStore *store = bc_store_open (path, &error);

  g_assert_no_error (error);
  bc_store_set_actor (store, "Test Clerk");
  return store;
}
