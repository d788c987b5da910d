package dev.casebook.index;

import dev.casebook.link.LinkedLibrary;
import dev.casebook.link.SitePaths;
import dev.casebook.markdown.RenderedBody;
import dev.casebook.model.Incident;
import dev.casebook.search.LunrIndex;
import dev.casebook.search.LunrIndexBuilder;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * What the site's search index is built from: one document per write-up, in library order (newest
 * first), with the text of each field exactly as it goes into {@link LunrIndexBuilder}. The ref of
 * a document is its position in that order ({@code "0"}, {@code "1"}, ...), which keeps the index
 * small; the document store maps it back to the write-up.
 *
 * <p>The fields and their boosts are {@link #FIELDS}; docs/search-index.md ("Ranking") explains
 * them.
 */
public final class SearchDocuments {
  /** The document property holding the ref. */
  public static final String REF = "ref";

  /** A field of the index and its boost. */
  public record Field(String name, double boost, boolean array) {}

  /**
   * The fields, in the order lunr gets them. Names are singular so a reader types
   * {@code service:checkout}, {@code team:payments}, {@code tag:dns} or {@code title:failover}.
   */
  public static final List<Field> FIELDS = List.of(
      new Field("title", 10, false),
      new Field("id", 10, false),
      new Field("summary", 4, false),
      new Field("service", 5, true),
      new Field("team", 5, true),
      new Field("tag", 5, true),
      new Field("body", 1, false));

  /** Token metadata kept in the index: none, to keep it small. */
  public static final List<String> METADATA_WHITELIST = List.of();

  private static final DateTimeFormatter DATE_LABEL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  /**
   * One write-up as the index sees it.
   *
   * @param fields the ref and every field's value: a string, or a list of strings for array fields
   */
  public record Document(String ref, Incident incident, Map<String, Object> fields) {}

  private final List<Document> documents;

  private SearchDocuments(List<Document> documents) {
    this.documents = List.copyOf(documents);
  }

  /** The documents of every write-up of the linked library. */
  public static SearchDocuments of(LinkedLibrary linked) {
    List<Incident> incidents = linked.library().incidents();
    List<Document> docs = java.util.stream.IntStream.range(0, incidents.size()).parallel().mapToObj(n -> {
      Incident i = incidents.get(n);
      RenderedBody body = linked.bodies().get(i.id());
      String ref = Integer.toString(n);
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put(REF, ref);
      fields.put("title", i.title());
      fields.put("id", i.id());
      fields.put("summary", i.summary());
      fields.put("service", List.copyOf(i.services()));
      fields.put("team", teams(i));
      fields.put("tag", List.copyOf(i.tags()));
      fields.put("body", body == null ? "" : bodyText(body.html()));
      return new Document(ref, i, java.util.Collections.unmodifiableMap(fields));
    }).toList();
    return new SearchDocuments(docs);
  }

  /** The owner first, then the other teams, each once. */
  public static List<String> teams(Incident i) {
    LinkedHashSet<String> teams = new LinkedHashSet<>();
    if (!i.owner().isEmpty()) teams.add(i.owner());
    teams.addAll(i.teams());
    return List.copyOf(teams);
  }

  /** The plain text of a rendered body, without the "#" links beside headings. */
  public static String bodyText(String html) {
    org.jsoup.nodes.Document parsed = Jsoup.parseBodyFragment(html);
    parsed.select("a.heading-anchor").remove();
    return parsed.body().text();
  }

  public List<Document> documents() {
    return documents;
  }

  /** A builder configured with the site's ref, fields, boosts and metadata whitelist. */
  public static LunrIndexBuilder configuredBuilder() {
    LunrIndexBuilder builder = new LunrIndexBuilder().ref(REF);
    for (Field f : FIELDS) builder.field(f.name(), f.boost());
    return builder.metadataWhitelist(METADATA_WHITELIST);
  }

  /** The lunr index of these documents, none boosted. */
  public LunrIndex index() {
    LunrIndexBuilder builder = configuredBuilder();
    for (Document d : documents) builder.add(d.fields());
    return builder.build();
  }

  /** The write-up's date as pages show it, e.g. {@code 5 March 2024}. */
  static String dateLabel(Incident i) {
    return DATE_LABEL.format(i.date());
  }

  /** The write-up's page, relative to the site root. */
  static String url(Incident i) {
    return SitePaths.incident(i.id());
  }
}
