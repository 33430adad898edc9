/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bc-file-utils.h"

/* Every file Baocao writes for the clerk (DOCX, XLSX, report files,
 * interchange JSON) is replaced through here, so that all of them keep
 * what the clerk set on the old file: a symbolic link stays a link and
 * the file it points to gets the new content, and the mode (0600 for a
 * private report) and, where the system allows it, the owner are kept. */

/* As the kernel's limit on links followed in one path. */
#define MAX_LINKS 40

struct _BcFileReplace
{
  char     *target;   /* the real file: every symbolic link followed */
  char     *temp;     /* beside it, so that rename() cannot cross a disk */
  gboolean  done;
};

/* The file a write to @path lands in. A dangling link names the file it
 * would create, as the shell's "> link" does. */
static char *
resolve_links (const char *path,
               int        *saved_errno)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      GStatBuf st;
      g_autofree char *link = NULL;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      if ((link = g_file_read_link (current, NULL)) == NULL)
        {
          *saved_errno = EIO;
          return NULL;
        }
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, link, NULL);
        }
    }
  *saved_errno = ELOOP;
  return NULL;
}

/**
 * bc_file_replace_new:
 * @path: the file to replace or create; a symbolic link is followed
 * @saved_errno: (out): why it failed
 *
 * Creates an empty temporary file beside the file @path finally names,
 * never more readable than the file it will replace.
 *
 * Returns: (transfer full) (nullable): the replacement, or %NULL
 */
BcFileReplace *
bc_file_replace_new (const char *path,
                     int        *saved_errno)
{
  g_autoptr(BcFileReplace) self = g_new0 (BcFileReplace, 1);
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  GStatBuf st;
  int mode = 0666;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if ((self->target = resolve_links (path, saved_errno)) == NULL)
    return NULL;
  if (g_stat (self->target, &st) == 0 && S_ISREG (st.st_mode))
    mode = st.st_mode & 0777;
  dir = g_path_get_dirname (self->target);
  name = g_path_get_basename (self->target);
  self->temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, name);
  if ((fd = g_mkstemp_full (self->temp, O_RDWR | O_CLOEXEC, mode)) < 0)
    {
      *saved_errno = errno;
      g_clear_pointer (&self->temp, g_free);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&self);
}

/**
 * bc_file_replace_get_temp:
 *
 * Returns: the temporary file to write the new content into
 */
const char *
bc_file_replace_get_temp (BcFileReplace *self)
{
  return self->temp;
}

/**
 * bc_file_replace_get_target:
 *
 * Returns: the file that will be replaced, symbolic links followed
 */
const char *
bc_file_replace_get_target (BcFileReplace *self)
{
  return self->target;
}

/* The owner first: giving a file away clears its set-id bits. A clerk may
 * not give her file to someone else; root restoring a user's file may. */
static gboolean
keep_attributes (int         fd,
                 const char *target)
{
  GStatBuf old, now;

  if (g_stat (target, &old) != 0 || !S_ISREG (old.st_mode) || fstat (fd, &now) != 0)
    return TRUE;
  if ((now.st_uid != old.st_uid || now.st_gid != old.st_gid)
      && fchown (fd, old.st_uid, old.st_gid) != 0)
    (void) !fchown (fd, (uid_t) -1, old.st_gid);
  return fchmod (fd, old.st_mode & 0777) == 0;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * bc_file_replace_commit:
 * @saved_errno: (out): why it failed
 *
 * Gives the temporary file the old file's mode and owner, puts its data
 * on the disk, then renames it over the target.
 *
 * Returns: %TRUE when the target has the new content
 */
gboolean
bc_file_replace_commit (BcFileReplace *self,
                        int           *saved_errno)
{
  int fd;

  g_return_val_if_fail (self != NULL && !self->done, FALSE);

  fd = g_open (self->temp, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || !keep_attributes (fd, self->target) || fsync (fd) != 0)
    {
      *saved_errno = errno;
      if (fd >= 0)
        close (fd);
      return FALSE;
    }
  close (fd);
  if (g_rename (self->temp, self->target) != 0)
    {
      *saved_errno = errno;
      return FALSE;
    }
  self->done = TRUE;
  sync_folder (self->target);
  return TRUE;
}

/**
 * bc_file_replace_free:
 *
 * Removes the temporary file unless it was committed.
 */
void
bc_file_replace_free (BcFileReplace *self)
{
  if (self == NULL)
    return;
  if (self->temp != NULL && !self->done)
    g_unlink (self->temp);
  g_free (self->temp);
  g_free (self->target);
  g_free (self);
}

/**
 * bc_file_write_all:
 * @path: an existing file, truncated first
 * @saved_errno: (out): why it failed
 *
 * Returns: %TRUE when every byte was written
 */
gboolean
bc_file_write_all (const char *path,
                   const void *data,
                   gsize       length,
                   int        *saved_errno)
{
  const guint8 *next = data;
  int fd = g_open (path, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);

  if (fd < 0)
    {
      *saved_errno = errno;
      return FALSE;
    }
  while (length > 0)
    {
      ssize_t written = write (fd, next, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          *saved_errno = written < 0 ? errno : ENOSPC;
          close (fd);
          return FALSE;
        }
      next += written;
      length -= (gsize) written;
    }
  if (close (fd) != 0)
    {
      *saved_errno = errno;
      return FALSE;
    }
  return TRUE;
}

/**
 * bc_file_replace_contents:
 * @path: the file to replace or create; a symbolic link is followed
 * @saved_errno: (out): why it failed
 *
 * Returns: %TRUE when @path holds @data; else it is unchanged
 */
gboolean
bc_file_replace_contents (const char *path,
                          const void *data,
                          gsize       length,
                          int        *saved_errno)
{
  g_autoptr(BcFileReplace) file = bc_file_replace_new (path, saved_errno);

  return file != NULL
         && bc_file_write_all (file->temp, data, length, saved_errno)
         && bc_file_replace_commit (file, saved_errno);
}
