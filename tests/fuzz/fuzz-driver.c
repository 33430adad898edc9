/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

/* A stand-in for libFuzzer where it is missing: runs every file of the
 * corpus directories given, then random mutations of them (bytes flipped,
 * cut, or spliced with the words the scanner looks for) until
 * -max_total_time seconds or -runs inputs, none longer than -max_len
 * (4096 by default).  Other -flags are ignored, so the same command line
 * drives both. */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char * const words[] = {
  "đạt", " tỷ lệ ", "%", "/", " (", ")", ", ", " trong đó ", " cụ thể: ", "tính đến ", "tháng ", " năm ",
  "1.234", ",5", "98.08%", "17/5/2023", "0", "999.999.999.999.999", ". ", "\n\n", "; ", " và ", "số ",
  "/UBND-VP ngày ", "\xff", "\xc3",
};

static void
run_one (GByteArray *input)
{
  /* A copy of exactly the input's size, so reads past it are caught. */
  guint8 *copy = g_memdup2 (input->data, input->len);

  LLVMFuzzerTestOneInput (copy, input->len);
  g_free (copy);
}

static guint max_len = 4096;

static void
mutate (GRand      *rand,
        GByteArray *input)
{
  guint n = (guint) g_rand_int_range (rand, 1, 8);

  for (guint k = 0; k < n; k++)
    {
      guint at = input->len ? (guint) g_rand_int_range (rand, 0, (gint32) input->len + 1) : 0;

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          if (at < input->len)
            input->data[at] = (guint8) g_rand_int_range (rand, 0, 256);
          break;
        case 1:
          if (at < input->len)
            {
              guint cut = (guint) g_rand_int_range (rand, 1, 16);
              g_byte_array_remove_range (input, at, MIN (input->len - at, cut));
            }
          break;
        default:
          {
            const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
            guint length = (guint) strlen (word), old = input->len;

            g_byte_array_set_size (input, old + length);
            memmove (input->data + at + length, input->data + at, old - at);
            memcpy (input->data + at, word, length);
          }
          break;
        }
    }
  if (input->len > max_len)
    g_byte_array_set_size (input, max_len);
}

/* A corpus folder that cannot be read is an error, not an empty corpus:
 * the test would otherwise pass having fuzzed nothing. */
static void
load_dir (const char *path,
          GPtrArray  *corpus)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *name;

  if (dir == NULL)
    {
      fprintf (stderr, "fuzz-driver: %s\n", error->message);
      exit (1);
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      char *data;
      gsize length;

      if (g_file_get_contents (file, &data, &length, NULL))
        g_ptr_array_add (corpus, g_bytes_new_take (data, length));
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) corpus = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x4243414F);
  double seconds = 10;
  gint64 runs = -1, done = 0;
  g_autoptr(GTimer) timer = g_timer_new ();

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "-max_total_time="))
        seconds = g_ascii_strtod (argv[i] + strlen ("-max_total_time="), NULL);
      else if (g_str_has_prefix (argv[i], "-max_len="))
        max_len = (guint) CLAMP (g_ascii_strtoll (argv[i] + strlen ("-max_len="), NULL, 10), 1, G_MAXINT32);
      else if (g_str_has_prefix (argv[i], "-runs="))
        runs = g_ascii_strtoll (argv[i] + strlen ("-runs="), NULL, 10);
      else if (argv[i][0] != '-')
        load_dir (argv[i], corpus);
    }
  /* The first directory is where new inputs go; the seeds are in the
   * others. No seed: nothing would be fuzzed. */
  if (corpus->len == 0)
    {
      fprintf (stderr, "fuzz-driver: no seed input in the corpus\n");
      return 1;
    }
  g_ptr_array_add (corpus, g_bytes_new_static ("", 0));
  for (guint i = 0; i < corpus->len; i++, done++)
    {
      g_autoptr(GByteArray) input = g_bytes_unref_to_array (g_bytes_ref (corpus->pdata[i]));
      run_one (input);
    }
  while (g_timer_elapsed (timer, NULL) < seconds && (runs < 0 || done < runs))
    {
      GBytes *base = corpus->pdata[g_rand_int_range (rand, 0, (gint32) corpus->len)];
      g_autoptr(GByteArray) input = g_bytes_unref_to_array (g_bytes_ref (base));

      mutate (rand, input);
      run_one (input);
      done++;
    }
  printf ("fuzz-driver: %" G_GINT64_FORMAT " inputs in %.1f s, no crash\n", done, g_timer_elapsed (timer, NULL));
  /* The line libFuzzer prints, which run-fuzz.sh reads. */
  fprintf (stderr, "stat::number_of_executed_units: %" G_GINT64_FORMAT "\n", done);
  return 0;
}
