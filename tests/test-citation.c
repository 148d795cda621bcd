/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Citations of quotes, in plain text and Markdown: who said it, in what role, where and
 * when, with corpus text escaped for Markdown. */
#include "config.h"

#include <string.h>

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
                   "“What's 'new' about new quality productive forces?”, "
                   "March 2024 (estimated).");
  g_assert_cmpstr (markdown, ==,
                   "what's new in the catchphrase is the new trends and changes in the "
                   "development of productive forces *(paraphrase)* — **Zhou Yuan**, a "
                   "member of the Chinese People's Political Consultative Conference "
                   "(CPPCC) and founder of China's Q&A platform Zhihu. Outlet not named, "
                   "“What's 'new' about new quality productive forces?”, "
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/citation/direct-with-url", test_direct_with_url);
  g_test_add_func ("/citation/paraphrase-without-outlet", test_paraphrase_without_outlet);
  g_test_add_func ("/citation/several-roles", test_several_roles);
  g_test_add_func ("/citation/markdown-escaping", test_markdown_escaping);

  return g_test_run ();
}
