package dev.casebook.link;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.model.AssetFile;
import dev.casebook.markdown.BodyLink;
import dev.casebook.markdown.GlossaryLinks;
import dev.casebook.markdown.IdMentions;
import dev.casebook.markdown.MarkdownBody;
import dev.casebook.markdown.MarkdownParser;
import dev.casebook.markdown.MarkdownRenderer;
import dev.casebook.markdown.RenderedBody;
import dev.casebook.model.BrokenWriteUp;
import dev.casebook.model.DesignDoc;
import dev.casebook.model.Incident;
import dev.casebook.model.Library;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The link stage: parses every body once, resolves links written as relative file paths (to
 * another write-up's Markdown file, or to an image beside it) to site URLs, reports the ones
 * that lead nowhere, and builds the citation graph. Each body is rendered to HTML as soon as its
 * links are resolved, so only the HTML, not the syntax tree, is kept for the render stage.
 */
public final class LinkResolver {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  /** The ids of footnotes and their back links, which every page may have. */
  private static final Pattern FOOTNOTE = Pattern.compile("fn(ref)?-\\d+");

  private final Library library;
  private final Path libraryRoot;
  private final Diagnostics diagnostics;
  private final LinkCache.Names names;
  /** Told each write-up's body as soon as it is parsed (the writing coach reads it there). */
  private final java.util.function.BiConsumer<Incident, MarkdownBody> parsed;

  private LinkResolver(Library library, Path libraryRoot, Diagnostics diagnostics, LinkCache.Names names,
      java.util.function.BiConsumer<Incident, MarkdownBody> parsed) {
    this.library = library;
    this.libraryRoot = libraryRoot;
    this.diagnostics = diagnostics;
    this.names = names;
    this.parsed = parsed;
  }

  public static LinkedLibrary link(Library library, Path libraryRoot, Diagnostics diagnostics) {
    return link(library, libraryRoot, dev.casebook.code.CodeFindings.NONE, diagnostics);
  }

  /** Links the library; the comments in {@code code} that cite write-ups join the citation graph. */
  public static LinkedLibrary link(Library library, Path libraryRoot, dev.casebook.code.CodeFindings code, Diagnostics diagnostics) {
    return link(library, libraryRoot, code, diagnostics, LinkCache.none());
  }

  /**
   * Links the library, parsing again only the bodies {@code cache} has no result for (the cache
   * belongs to one configuration).
   */
  public static LinkedLibrary link(Library library, Path libraryRoot, dev.casebook.code.CodeFindings code, Diagnostics diagnostics,
      LinkCache cache) {
    return link(library, libraryRoot, code, diagnostics, cache, (incident, body) -> { });
  }

  /** As {@link #link(Library, Path, dev.casebook.code.CodeFindings, Diagnostics, LinkCache)}, telling {@code parsed} each body it parses. */
  public static LinkedLibrary link(Library library, Path libraryRoot, dev.casebook.code.CodeFindings code, Diagnostics diagnostics,
      LinkCache cache, java.util.function.BiConsumer<Incident, MarkdownBody> parsed) {
    java.util.regex.Pattern idPattern = library.config().idPattern();
    IdMentions mentions = new IdMentions(word -> library.knownIds().contains(word) || brokenId(library, word) != null
        || (idPattern != null && idPattern.matcher(word).matches()));
    return new LinkResolver(library, libraryRoot, diagnostics, cache.names(library), parsed)
        .link(new MarkdownParser(mentions),
            new MarkdownRenderer(library.config().allowHtml(), GlossaryLinks.of(library.config().glossary())), code, cache);
  }

  private LinkedLibrary link(MarkdownParser parser, MarkdownRenderer renderer, dev.casebook.code.CodeFindings code, LinkCache cache) {
    cache.begin(library.incidents(), names);
    Map<String, RenderedBody> bodies = new ConcurrentHashMap<>(library.incidents().size());
    Map<String, List<Citation>> incidentCitations = new ConcurrentHashMap<>(library.incidents().size());
    Map<String, List<Citation>> designCitations = new ConcurrentHashMap<>();
    List<Anchor> anchors = java.util.Collections.synchronizedList(new ArrayList<>());
    List<SiteLink> siteLinks = java.util.Collections.synchronizedList(new ArrayList<>());
    Set<String> media = ConcurrentHashMap.newKeySet();
    library.incidents().parallelStream().forEach(incident -> {
      java.util.function.Function<Incident, LinkCache.Linked> work = i -> linkBody(parser, renderer, Citer.of(i), i);
      LinkCache.Linked linked = cache.reusable(incident) ? cache.incidents.get(incident, work) : cache.incidents.refresh(incident, work);
      diagnostics.addAll(linked.diagnostics());
      if (!linked.anchors().isEmpty()) anchors.addAll(linked.anchors());
      if (!linked.siteLinks().isEmpty()) siteLinks.addAll(linked.siteLinks());
      media.addAll(linked.media());
      bodies.put(incident.id(), linked.body());
      incidentCitations.put(incident.id(), cache.citations(incident, linked, () -> ownCitations(incident, linked)));
    });
    Map<String, RenderedBody> designBodies = new ConcurrentHashMap<>();
    library.designDocs().parallelStream().forEach(design -> {
      Citer citer = Citer.of(design);
      LinkCache.Linked linked = cache.other(citer.key(), citer.page(), citer.design(), citer.source(),
          () -> linkBody(parser, renderer, citer, null));
      diagnostics.addAll(linked.diagnostics());
      anchors.addAll(linked.anchors());
      siteLinks.addAll(linked.siteLinks());
      media.addAll(linked.media());
      designBodies.put(design.slug(), linked.body());
      designCitations.put(citer.key(), linked.citations());
    });
    // A path's introduction is read like a write-up's body; what it cites is not a citation.
    Map<String, RenderedBody> pathBodies = new ConcurrentHashMap<>();
    library.paths().parallelStream().forEach(path -> {
      Citer citer = Citer.of(path);
      LinkCache.Linked linked = cache.other(citer.key(), citer.page(), citer.design(), citer.source(),
          () -> linkBody(parser, renderer, citer, null));
      diagnostics.addAll(linked.diagnostics());
      siteLinks.addAll(linked.siteLinks());
      media.addAll(linked.media());
      pathBodies.put(path.slug(), linked.body());
    });
    checkAnchors(anchors, bodies);
    List<List<Citation>> citations = new ArrayList<>(library.incidents().size() + library.designDocs().size() + 1);
    for (Incident incident : library.incidents()) citations.add(incidentCitations.get(incident.id()));
    for (DesignDoc design : library.designDocs()) citations.add(designCitations.get(SitePaths.designKey(design.slug())));
    List<Citation> fromCode = new ArrayList<>();
    for (dev.casebook.code.CodeCitation c : code.citations()) {
      fromCode.add(new Citation(c.key(), c.id(), Citation.Kind.CODE, c.position(), c.text()));
    }
    citations.add(fromCode);
    List<SiteLink> sorted = new ArrayList<>(siteLinks);
    sorted.sort(java.util.Comparator.comparing(SiteLink::at));
    // The maps are no longer written to: they are handed on as they are rather than copied.
    return new LinkedLibrary(library, java.util.Collections.unmodifiableMap(bodies), java.util.Collections.unmodifiableMap(designBodies),
        cache.graph(citations), code, List.copyOf(sorted), new java.util.TreeSet<>(media), java.util.Collections.unmodifiableMap(pathBodies));
  }

  /** The citations a write-up makes: its related ids that are in the site, then its body's links. */
  private List<Citation> ownCitations(Incident incident, LinkCache.Linked linked) {
    List<Citation> own = new ArrayList<>(incident.related().size() + linked.citations().size());
    for (Incident.Reference ref : incident.related()) {
      if (names.ids().contains(ref.id())) own.add(new Citation(incident.id(), ref.id(), Citation.Kind.RELATED, ref.position(), ""));
    }
    own.addAll(linked.citations());
    return List.copyOf(own);
  }

  /** Parses one body, resolves its links and renders it; its problems are kept with the result. */
  private LinkCache.Linked linkBody(MarkdownParser parser, MarkdownRenderer renderer, Citer citer, Incident incident) {
    Diagnostics own = new Diagnostics();
    MarkdownBody body = parser.parse(citer.source().body());
    if (incident != null) parsed.accept(incident, body);
    Map<String, String> rewrites = new HashMap<>();
    List<Citation> cites = new ArrayList<>();
    List<Anchor> anchors = new ArrayList<>();
    List<SiteLink> siteLinks = new ArrayList<>();
    Set<String> media = new HashSet<>();
    List<BodyLink> links = renderer.links(body);
    for (BodyLink link : links) {
      if (!siteLink(citer, link, anchors, siteLinks)) resolve(citer, link, rewrites, cites, anchors, media, own);
    }
    RenderedBody html = renderer.render(body, dest -> rewrites.getOrDefault(dest, dest), links,
        relative(citer.page(), SitePaths.glossary()));
    return new LinkCache.Linked(html, List.copyOf(cites), List.copyOf(anchors), own.sorted(), List.copyOf(siteLinks),
        Set.copyOf(media));
  }

  /**
   * Takes the links that lead straight to a path of the site, not to a file of the library: a
   * Markdown link that starts with {@code /}, and every link of raw HTML but those that lead to a
   * file of the library (the browser resolves them against the page). True when {@code link} is
   * one of them.
   */
  private boolean siteLink(Citer from, BodyLink link, List<Anchor> anchors, List<SiteLink> siteLinks) {
    String dest = link.destination();
    boolean absolute = dest.startsWith("/") && !dest.startsWith("//");
    if (link.html() == null && !absolute) return false;
    SourcePosition at = new SourcePosition(from.source().path(), from.source().bodyLine() + link.line() - 1, link.column());
    String url = dest.strip();
    if (url.isEmpty() || url.startsWith("//") || SCHEME.matcher(url).find()) return true;
    if (url.startsWith("#")) {
      if (url.length() > 1 && !from.design()) anchors.add(new Anchor(from.key(), url.substring(1), url, at));
      return true;
    }
    if (!absolute && namesLibraryFile(from, url)) return false;
    siteLinks.add(new SiteLink(from.page() + "index.html", url, at, link.what()));
    return true;
  }

  /**
   * Whether a relative link of raw HTML, read from the write-up's file as GitHub reads it, leads
   * to a file of the library (an image beside it, another write-up): it is then resolved and
   * rewritten like a Markdown link. Otherwise the browser reads it from the page.
   */
  private boolean namesLibraryFile(Citer from, String url) {
    int cut = indexOfAny(url, '#', '?');
    String path = cut < 0 ? url : url.substring(0, cut);
    if (path.isEmpty()) return false;
    String decoded;
    try {
      decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String target = normalize(parent(from.source().path()), decoded);
    return target != null && (names.assets().contains(target) || names.idsByPath().containsKey(target));
  }

  /**
   * What a body belongs to: a write-up (its id) or a design document ({@code design/<slug>}),
   * with the page its links are written on.
   */
  private record Citer(String key, Incident.Source source, String page, boolean design) {
    static Citer of(Incident i) {
      return new Citer(i.id(), i.source(), SitePaths.incident(i.id()), false);
    }

    static Citer of(dev.casebook.model.ReadingPath p) {
      return new Citer("paths/" + p.slug(), p.source(), SitePaths.path(p.slug()), false);
    }

    static Citer of(DesignDoc d) {
      return new Citer(SitePaths.designKey(d.slug()), d.source(), SitePaths.design(d.slug()), true);
    }
  }

  /** A link to a heading: {@code #timeline} on the same page, or another write-up's. */
  record Anchor(String incidentId, String fragment, String written, SourcePosition at) {}

  private void resolve(Citer from, BodyLink link, Map<String, String> rewrites, List<Citation> cites, List<Anchor> anchors,
      Set<String> media, Diagnostics diagnostics) {
    String dest = link.destination();
    SourcePosition at = new SourcePosition(from.source().path(), from.source().bodyLine() + link.line() - 1, link.column());
    if (dest.startsWith("#") && dest.length() > 1 && !from.design()) anchors.add(new Anchor(from.key(), dest.substring(1), dest, at));
    if (dest.isEmpty() || dest.startsWith("#") || dest.startsWith("/") || SCHEME.matcher(dest).find()) return;
    int cut = indexOfAny(dest, '#', '?');
    String rawPath = cut < 0 ? dest : dest.substring(0, cut);
    String suffix = cut < 0 ? "" : dest.substring(cut);
    if (rawPath.isEmpty()) return;
    String decoded;
    try {
      decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      diagnostics.error(at, "link '" + dest + "' is not a valid URL");
      return;
    }
    String what = link.image() ? "image" : "link";
    String target = normalize(parent(from.source().path()), decoded);
    if (target == null) {
      diagnostics.error(at, what + " '" + dest + "' points outside the library");
      return;
    }
    String fromPage = from.page();
    String cited = names.idsByPath().get(target);
    if (cited == null && !decoded.contains("/") && names.ids().contains(decoded)) cited = decoded;
    if (cited != null) {
      rewrites.put(dest, relative(fromPage, SitePaths.incident(cited)) + suffix);
      int hash = suffix.indexOf('#');
      if (hash >= 0 && hash + 1 < suffix.length()) anchors.add(new Anchor(cited, suffix.substring(hash + 1), dest, at));
      Citation.Kind kind = from.design() ? Citation.Kind.DESIGN : Citation.Kind.LINK;
      if (!cited.equals(from.key())) cites.add(new Citation(from.key(), cited, kind, at, link.context()));
      return;
    }
    if (!decoded.contains("/") && !decoded.endsWith(".md") && looksLikeId(decoded)) {
      BrokenWriteUp broken = brokenId(library, decoded);
      if (library.knownIds().contains(decoded)) {
        rewrites.put(dest, "");
        diagnostics.warning(at, "'" + decoded + "' is a write-up that is not in the site", "a draft, built only with --drafts");
      } else if (broken != null) {
        rewrites.put(dest, "");
        citesBroken(at, broken, diagnostics);
      } else {
        diagnostics.error(at, "unknown incident id '" + decoded + "'", dev.casebook.diag.Suggestions.didYouMean(decoded, citable()));
      }
      return;
    }
    String content = library.contentPrefix();
    if (names.assets().contains(target) && target.startsWith(content)) {
      if (!AssetFile.publishable(target)) {
        rewrites.put(dest, "");
        String type = AssetFile.extension(target).isEmpty() ? "a file without an extension" : "a ." + AssetFile.extension(target) + " file";
        diagnostics.error(at, what + " '" + dest + "' leads to " + type
            + ", which the site does not publish (a browser could run it as a page or a script)",
            "the site publishes " + String.join(", ", AssetFile.PUBLISHED_TYPES) + " files");
        return;
      }
      media.add(target);
      rewrites.put(dest, SitePaths.href(relative(fromPage, SitePaths.media(target.substring(content.length())))) + suffix);
      return;
    }
    boolean exists = Files.exists(libraryRoot.resolve(target));
    if (from.design()) {
      // Design folders may be checkouts of other repositories: their own files are not published.
      rewrites.put(dest, "");
      diagnostics.warning(at, what + " '" + dest + "' in a design document leads to a file that is not published; it is shown as text");
    } else if (target.endsWith(".md") && exists && brokenFile(target) != null) {
      citesBroken(at, brokenFile(target), diagnostics);
    } else if (target.endsWith(".md") && exists && target.startsWith(content)) {
      diagnostics.warning(at, what + " '" + dest + "' leads to '" + target + "', which is not in the site",
          "a draft, or a write-up with errors");
    } else if (exists) {
      diagnostics.error(at, what + " '" + dest + "' leads to '" + target + "', which is not part of the site",
          "keep linked files inside the '" + library.contentFolder() + "' folder");
    } else {
      diagnostics.error(at, what + " '" + dest + "' leads to a missing file '" + target + "'");
    }
  }

  /** Every link to a heading must name a heading (or footnote) the page has. */
  private void checkAnchors(List<Anchor> anchors, Map<String, RenderedBody> bodies) {
    for (Anchor a : anchors) {
      RenderedBody target = bodies.get(a.incidentId());
      String fragment = URLDecoder.decode(a.fragment().replace("+", "%2B"), StandardCharsets.UTF_8);
      if (target == null || FOOTNOTE.matcher(fragment).matches()) continue;
      List<String> ids = target.toc().stream().map(RenderedBody.TocEntry::id).toList();
      if (!ids.contains(fragment)) {
        String where = a.written().startsWith("#") ? "this write-up" : "'" + a.incidentId() + "'";
        diagnostics.error(a.at(), "link '" + a.written() + "' names a heading that " + where + " does not have",
            ids.isEmpty() ? "it has no headings" : dev.casebook.diag.Suggestions.closest(fragment, ids)
                .map(s -> "did you mean '#" + s + "'?").orElse("its headings are #" + String.join(", #", ids)));
      }
    }
  }

  private boolean looksLikeId(String word) {
    java.util.regex.Pattern pattern = library.config().idPattern();
    return library.knownIds().contains(word) || brokenId(library, word) != null || (pattern != null && pattern.matcher(word).matches());
  }

  /**
   * A citation of a write-up left out for its own errors is not a mistake of the citing file: a
   * note there points at the error.
   */
  private static void citesBroken(SourcePosition at, BrokenWriteUp broken, Diagnostics diagnostics) {
    diagnostics.note(at, "cited write-up '" + broken.id() + "' has errors of its own", "see " + broken.error());
  }

  /** The write-up with errors whose id is {@code word}, written the same way; else null. */
  private static BrokenWriteUp brokenId(Library library, String word) {
    return library.brokenIds().isEmpty() ? null : library.brokenWriteUp(word).filter(b -> b.id().equals(word)).orElse(null);
  }

  /** The write-up with errors in file {@code path}, else null. */
  private BrokenWriteUp brokenFile(String path) {
    for (BrokenWriteUp b : library.brokenIds().values()) if (b.at().file().equals(path)) return b;
    return null;
  }

  /** The ids a link may name, for "did you mean" hints: the valid write-ups' and the legible ones of those with errors. */
  private java.util.Collection<String> citable() {
    if (library.brokenIds().isEmpty()) return library.knownIds();
    List<String> all = new ArrayList<>(library.knownIds());
    for (BrokenWriteUp b : library.brokenIds().values()) all.add(b.id());
    return all;
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    if (i < 0) return j;
    if (j < 0) return i;
    return Math.min(i, j);
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** Resolves {@code relative} against folder {@code base}; null when it climbs out of the root. */
  static String normalize(String base, String relative) {
    List<String> parts = new ArrayList<>();
    if (!base.isEmpty()) parts.addAll(List.of(base.split("/")));
    for (String part : relative.replace('\\', '/').split("/")) {
      if (part.isEmpty() || part.equals(".")) continue;
      if (part.equals("..")) {
        if (parts.isEmpty()) return null;
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }

  /** The relative URL from page {@code fromUrl} to {@code toUrl}, both relative to the site root. */
  public static String relative(String fromUrl, String toUrl) {
    String fromDir = fromUrl.substring(0, fromUrl.lastIndexOf('/') + 1);
    int common = 0;
    for (int i = 0; i < Math.min(fromDir.length(), toUrl.length()); i++) {
      if (fromDir.charAt(i) != toUrl.charAt(i)) break;
      if (fromDir.charAt(i) == '/') common = i + 1;
    }
    String up = SitePaths.rootFrom(fromDir.substring(common));
    String rest = toUrl.substring(common);
    return up.isEmpty() && rest.isEmpty() ? "./" : up + rest;
  }
}
