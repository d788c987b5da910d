package dev.casebook.sitecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The link check reads a page's attributes as jsoup, an HTML5 parser, does. */
class PageLinksTest {

  /** The URLs and ids of a page as jsoup reads them. */
  private static Set<String> jsoupUrls(Document doc) {
    Set<String> urls = new TreeSet<>();
    for (Element e : doc.getAllElements()) {
      if (e.hasAttr("href")) urls.add(e.attr("href"));
      if (e.hasAttr("src")) urls.add(e.attr("src"));
    }
    return urls;
  }

  private static Set<String> jsoupIds(Document doc) {
    Set<String> ids = new TreeSet<>();
    for (Element e : doc.getAllElements()) {
      if (e.hasAttr("id")) ids.add(e.attr("id"));
      if (e.normalName().equals("a") && e.hasAttr("name")) ids.add(e.attr("name"));
    }
    return ids;
  }

  private static void assertReadsAsJsoup(String html) {
    Document doc = Jsoup.parse(html);
    PageLinks links = PageLinks.scan("t", html);
    assertEquals(jsoupUrls(doc), new TreeSet<>(links.urls()), "urls of " + html.replace("\n", "\\n"));
    assertEquals(jsoupIds(doc).stream().map(s -> "[" + s + "]").toList(), new TreeSet<>(links.ids()).stream().map(s -> "[" + s + "]").toList(),
        "ids of " + html.replace("\n", "\\n"));
  }

  @Test
  void findsLinksSourcesAndIds() {
    PageLinks links = PageLinks.scan("t", "<a href=\"a/\" id=\"x\">a</a><img src=\"i.png\"><a class=\"c\" href=\"b/#y\">b</a><p id=\"y\">");
    assertEquals(List.of("a/", "i.png", "b/#y"), links.urls());
    assertEquals(Set.of("x", "y"), links.ids());
  }

  @Test
  void readsQuotesAndCharacterReferencesAsABrowserDoes() {
    PageLinks links = PageLinks.scan("t", "<a href='../?team=King&#39;s%20College'>k</a> <A HREF=x/&amp;y ID=top>u</A>"
        + "<img src = \"a&quot;b.png\"><a name=old>o</a><a href=\"?a=1&copy=2\">c</a><a href=\"&copy;\">d</a>");
    assertEquals(List.of("../?team=King's%20College", "x/&y", "a\"b.png", "?a=1&copy=2", "©"), links.urls());
    assertEquals(Set.of("top", "old"), links.ids());
  }

  @Test
  void skipsCommentsScriptsEndTagsAndUnfinishedTags() {
    PageLinks links = PageLinks.scan("t", "<!-- <a href=c> --><script>var s = '<a href=\"s\">';</script>"
        + "<textarea><img src=t></textarea></p id=e><a href=ok><img src=\"unfinished");
    assertEquals(List.of("ok"), links.urls());
  }

  @Test
  void oddPagesReadAsJsoupReadsThem() {
    for (String html : List.of("", "\"", "=\"", " href=\"", "<a href=\"a", "<a href=a", "<a href=\"a\"href=\"b\">",
        "<a HREF='x' href=y>", "<a href=x/>", "<img src=a src=b>", "<a\thref\n=\n'x'\fid=i>", "<a href>", "<a href=>",
        "<a =x href=y>", "<a/href=x>", "<a href=x/id=y>", "<!--><a href=a>", "<!---><a href=b>", "<!-- --!><a href=c>",
        "<!-- --!-><a href=d>-->", "<!doctype html><a href=e>", "<?xml x><a href=f>", "</ a href=g><a href=h>", "</><a href=i>",
        "<![CDATA[ <a href=j> ]]><a href=k>", "<title><a href=l></title x><a href=m>", "<style>a<a href=n></style><a href=o>",
        "<script>x</scripty><a href=p></script><a href=q>", "<plaintext><a href=r>", "<a href=\"&amp;&lt;&#x41;&#65;&notin;&notit;\">",
        "<a href='\u00e9\ud83d\ude00' id=\"\u05e2\u05d1\">", "<a href=\"a\r\nb\">", "<xmp><a href=s></xmp>", "<iframe><a href=t></iframe>",
        "<noembed><a href=u></noembed>", "<noframes><a href=v></noframes>", "<a href=w<a href=x>", "<a href=\"y\"z=1>",
        "<a href=&amp>", "<a href=&ampx>", "<a href='&amp=x'>", "<p id=a id=b>")) {
      assertReadsAsJsoup(html);
    }
  }

  /**
   * Random pages of pieces of markup. Elements whose content is text come whole: jsoup reads a
   * {@code <title>} or {@code <textarea>} that is never closed again as markup, and can miss the
   * end of a script after {@code </p?}, in ways of its own that browsers do not share.
   */
  @Test
  void randomPagesReadAsJsoupReadsThem() {
    String[] pieces = {"<a", "<img", "<p", "</a", "</p", ">", "/>", " ", "\n", "\t", "=", "\"", "'", "href", "HREF", "src",
        "id", "name", "class", "x", "/", "#", "?", "&amp;", "&#39;", "&quot;", "&", "&lt", "é", "😀", "<!--", "-->", "--!>", "-",
        "!", "<!", "<?", "<script>s = '<a href=s>';</script>", "<style>a::after { content: '<a id=s>' }</style>", "<title><a href=t></title>", "<textarea><a id=t></textarea>",
        "a", "b", "<span", "<div id=", "<"};
    Random random = new Random(11);
    for (int n = 0; n < 10_000; n++) {
      StringBuilder html = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) html.append(pieces[random.nextInt(pieces.length)]);
      assertReadsAsJsoup(html.toString());
    }
  }
}
