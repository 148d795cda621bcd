/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Citations of quotes, in plain text and Markdown: who said it, in what role, where and
 * when, with corpus text escaped for Markdown; the typography of English and of Chinese,
 * with titles that begin or end with quotation marks of every kind. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "xinzhi-citation.h"
#include "xinzhi-corpus.h"
#include "xinzhi-test-data.h"

static XinzhiCorpus *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  XinzhiCorpus *corpus = xinzhi_corpus_new_builtin (&error);

  g_assert_no_error (error);
  return corpus;
}

/* A direct quote from an article with an outlet and an address. */
static void
test_direct_with_url (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data ("minimal.json");
  XinzhiQuote *quote = xinzhi_corpus_lookup_quote (corpus, "q1");
  g_autofree char *plain = NULL;
  g_autofree char *markdown = NULL;

  g_assert_nonnull (quote);
  plain = xinzhi_citation_format_plain (quote);
  markdown = xinzhi_citation_format_markdown (quote);

  g_assert_cmpstr (plain, ==,
                   "“Innovation is the core,” — Li Yuju, deputy director of the centre. "
                   "Test Daily, “A test article”, 7 March 2024. https://example.org/a");
  g_assert_cmpstr (markdown, ==,
                   "“Innovation is the core,” — **Li Yuju**, deputy director of the centre. "
                   "[Test Daily](https://example.org/a), “A test article”, 7 March 2024.");
}

/* A paraphrase from an article that names no outlet, with an estimated date. */
static void
test_paraphrase_without_outlet (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  XinzhiQuote *quote = xinzhi_corpus_lookup_quote (corpus, "zhou-new-trends");
  g_autofree char *plain = NULL;
  g_autofree char *markdown = NULL;

  g_assert_nonnull (quote);
  g_assert_null (xinzhi_document_get_outlet (xinzhi_quote_get_document (quote)));
  plain = xinzhi_citation_format_plain (quote);
  markdown = xinzhi_citation_format_markdown (quote);

  g_assert_cmpstr (plain, ==,
                   "what's new in the catchphrase is the new trends and changes in the "
                   "development of productive forces (paraphrase) — Zhou Yuan, a member of "
                   "the Chinese People's Political Consultative Conference (CPPCC) and "
                   "founder of China's Q&A platform Zhihu. Outlet not named, "
                   "“What's ‘new’ about new quality productive forces?”, "
                   "March 2024 (estimated).");
  g_assert_cmpstr (markdown, ==,
                   "what's new in the catchphrase is the new trends and changes in the "
                   "development of productive forces *(paraphrase)* — **Zhou Yuan**, a "
                   "member of the Chinese People's Political Consultative Conference "
                   "(CPPCC) and founder of China's Q&A platform Zhihu. Outlet not named, "
                   "“What's ‘new’ about new quality productive forces?”, "
                   "March 2024 (estimated).");
}

/* Two of the speaker's roles in one article are both given. */
static void
test_several_roles (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  XinzhiQuote *quote = xinzhi_corpus_lookup_quote (corpus, "qu-brought-about");
  g_autofree char *plain = NULL;

  g_assert_nonnull (quote);
  plain = xinzhi_citation_format_plain (quote);
  g_assert_true (g_str_has_prefix (plain, "“New high-quality productive forces will be"));
  g_assert_nonnull (strstr (plain, "” — Qu Yongyi, Party Secretary and China Institute of "
                                   "Industrial Economics; deputy director of. Academy of "
                                   "Social Sciences; a member of the 14th National"));
  g_assert_true (g_str_has_suffix (plain, ", 25 March 2024."));
}

/* Markdown shows corpus text as written: its syntax characters are escaped, the role's
 * own full stop is not doubled, and the link's address keeps its parentheses. */
static void
test_markdown_escaping (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data ("markdown.json");
  XinzhiQuote *direct = xinzhi_corpus_lookup_quote (corpus, "direct");
  XinzhiQuote *heading = xinzhi_corpus_lookup_quote (corpus, "heading");
  XinzhiQuote *number = xinzhi_corpus_lookup_quote (corpus, "number");
  g_autofree char *plain = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *heading_markdown = NULL;
  g_autofree char *number_markdown = NULL;

  g_assert_nonnull (direct);
  g_assert_nonnull (heading);
  g_assert_nonnull (number);

  plain = xinzhi_citation_format_plain (direct);
  g_assert_cmpstr (plain, ==,
                   "“Use *stars*, _underscores_ and [brackets] \\ `ticks` <b>bold</b> &amp; "
                   "| ~~struck~~,” — Tess Test, head of R&D at *Example* Corp. "
                   "The [Square] Times, “Stars *and* _bars_”, 2 May 2024. "
                   "https://example.org/a_(b)");

  markdown = xinzhi_citation_format_markdown (direct);
  g_assert_cmpstr (markdown, ==,
                   "“Use \\*stars\\*, \\_underscores\\_ and \\[brackets\\] \\\\ \\`ticks\\` "
                   "\\<b\\>bold\\</b\\> \\&amp; \\| \\~\\~struck\\~\\~,” — **Tess Test**, "
                   "head of R&D at \\*Example\\* Corp. "
                   "[The \\[Square\\] Times](https://example.org/a_%28b%29), "
                   "“Stars \\*and\\* \\_bars\\_”, 2 May 2024.");

  /* A paraphrase begins the line, where "#" or "2024." would begin a block. */
  heading_markdown = xinzhi_citation_format_markdown (heading);
  g_assert_true (g_str_has_prefix (heading_markdown, "\\# Not a heading *(paraphrase)* — "));
  number_markdown = xinzhi_citation_format_markdown (number);
  g_assert_true (g_str_has_prefix (number_markdown,
                                   "2024\\. The year of change *(paraphrase)* — "));
}

/* The plain citation of the quote of tests/data/citations.json whose document is @id:
 * every document there has the same quote, with quotation marks of its own. */
static char *
cite (XinzhiCorpus *corpus,
      const char   *id,
      gboolean      markdown)
{
  XinzhiQuote *quote = xinzhi_corpus_lookup_quote (corpus, id);

  g_assert_nonnull (quote);
  return markdown ? xinzhi_citation_format_markdown (quote) : xinzhi_citation_format_plain (quote);
}

typedef struct
{
  const char *id;
  const char *plain;
} CitationCase;

static void
assert_citations (const CitationCase *cases,
                  gsize               n_cases)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data ("citations.json");

  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *plain = cite (corpus, cases[i].id, FALSE);

      g_test_message ("%s", cases[i].id);
      g_assert_cmpstr (plain, ==, cases[i].plain);
    }
}

/* English: a title in “…” gets ‘…’ for the quotation marks inside it, of whatever kind,
 * never a doubled mark, and so do the words of a direct quote; apostrophes stay. */
static void
test_english_marks (void)
{
  static const CitationCase cases[] = {
    { "nested", "“He called it ‘new quality productive forces’ today,” — Tess Test, head of "
                "R&D at Example Ltd. Test Daily, “‘New quality productive capacity’ is the "
                "catchphrase”, 25 March 2024." },
    { "straight", "“He called it ‘new quality productive forces’ today,” — Tess Test. Test "
                  "Daily, “How will China develop ‘new quality productive forces’ at a faster "
                  "pace?”, 7 March 2024. https://example.org/straight" },
    { "single", "“He called it ‘new quality productive forces’ today,” — Tess Test. Outlet "
                "not named, “What's ‘new’ about new quality productive forces?”, March 2024 "
                "(estimated)." },
    { "whole", "“He called it ‘new quality productive forces’ today,” — Tess Test. Test "
               "Daily, “‘Everything is new’”, 2024." },
    { "ends", "“He called it ‘new quality productive forces’ today,” — Tess Test. Test Daily, "
              "“The slogan of the year: ‘new quality’”, 18 June 2024." },
    { "foreign", "“He called it ‘new quality productive forces’ today,” — Tess Test. Test "
                 "Daily, “‘Made in China’ meets ‘新质生产力’”, 18 June 2024." },
    { "book", "“He called it ‘new quality productive forces’ today,” — Tess Test. 测试日报, "
              "“《新质生产力》读本 and ‘its’ readers”, 7 March 2024." },
  };

  assert_citations (cases, G_N_ELEMENTS (cases));
}

/* Markdown: the marks go on first, then the escaping, which leaves them alone. */
static void
test_markdown_marks (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data ("citations.json");
  g_autofree char *plain = cite (corpus, "markdown", FALSE);
  g_autofree char *markdown = cite (corpus, "markdown", TRUE);

  g_assert_cmpstr (plain, ==,
                   "“He called it ‘new quality productive forces’ today,” — Tess Test. "
                   "The [Square] Times, “‘*Stars*’ and [links](x) _here_ # not `code`”, "
                   "2 May 2024. https://example.org/a_(b)");
  g_assert_cmpstr (markdown, ==,
                   "“He called it ‘new quality productive forces’ today,” — **Tess Test**. "
                   "[The \\[Square\\] Times](https://example.org/a_%28b%29), "
                   "“‘\\*Stars\\*’ and \\[links\\](x) \\_here\\_ # not \\`code\\`”, "
                   "2 May 2024.");
}

/* Chinese, in a process of its own with the build's catalogue: titles in 《》, with
 * 《》 inside them made 〈〉 and other marks left alone; Chinese punctuation; the date
 * as 2024年3月7日, no more precise than known. */
static void
test_chinese (void)
{
  static const CitationCase cases[] = {
    { "nested", "“He called it ‘new quality productive forces’ today,”——Tess Test，head of "
                "R&D at Example Ltd.。Test Daily，《“New quality productive capacity” is the "
                "catchphrase》，2024年3月25日。" },
    { "single", "“He called it ‘new quality productive forces’ today,”——Tess Test。未注明媒体，"
                "《What's 'new' about new quality productive forces?》，2024年3月（估计）。" },
    { "whole", "“He called it ‘new quality productive forces’ today,”——Tess Test。Test Daily，"
               "《\"Everything is new\"》，2024年。" },
    { "book", "“He called it ‘new quality productive forces’ today,”——Tess Test。测试日报，"
              "《〈新质生产力〉读本 and ‘its’ readers》，2024年3月7日。" },
    { "straight", "“He called it ‘new quality productive forces’ today,”——Tess Test。Test Daily，"
                  "《How will China develop \"new quality productive forces\" at a faster pace?》，"
                  "2024年3月7日。 https://example.org/straight" },
  };

  if (g_test_subprocess ())
    {
      g_assert_nonnull (setlocale (LC_ALL, ""));
      bindtextdomain (GETTEXT_PACKAGE, PO_BUILD_DIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      assert_citations (cases, G_N_ELEMENTS (cases));
      return;
    }

  {
    g_autofree char *locale = g_strdup (setlocale (LC_ALL, NULL));
    gboolean has_chinese = setlocale (LC_ALL, "zh_CN.UTF-8") != NULL;
    g_auto(GStrv) envp = g_get_environ ();

    setlocale (LC_ALL, locale);
    if (!has_chinese)
      {
        g_test_skip ("the zh_CN.UTF-8 locale is not installed");
        return;
      }

    envp = g_environ_setenv (envp, "LANGUAGE", "zh_CN", TRUE);
    envp = g_environ_setenv (envp, "LC_ALL", "zh_CN.UTF-8", TRUE);
    g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 0,
                                      G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/citation/direct-with-url", test_direct_with_url);
  g_test_add_func ("/citation/paraphrase-without-outlet", test_paraphrase_without_outlet);
  g_test_add_func ("/citation/several-roles", test_several_roles);
  g_test_add_func ("/citation/markdown-escaping", test_markdown_escaping);
  g_test_add_func ("/citation/english-marks", test_english_marks);
  g_test_add_func ("/citation/markdown-marks", test_markdown_marks);
  g_test_add_func ("/citation/chinese", test_chinese);

  return g_test_run ();
}
