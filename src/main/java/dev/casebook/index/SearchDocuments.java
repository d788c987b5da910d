package dev.casebook.index;

import dev.casebook.link.LinkedLibrary;
import dev.casebook.link.SitePaths;
import dev.casebook.markdown.RenderedBody;
import dev.casebook.model.DesignDoc;
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
 * What the site's search indexes are built from: one document per write-up, in library order (newest
 * first), then one per design document, in the library's order, with the text of each field exactly as it
 * goes into {@link LunrIndexBuilder}. The ref of a document is its position in that order
 * ({@code "0"}, {@code "1"}, ...), which keeps the indexes small; the document store maps it back
 * to the page.
 *
 * <p>The site ships them as {@link #pieces()}: a first index of every write-up with the fields
 * {@link #FIRST_FIELDS}, and body shards of {@link #SHARD_SIZE} write-ups each with
 * {@link #SHARD_FIELDS}. docs/search-index.md ("Ranking", "Tiers") explains them.
 */
public final class SearchDocuments {
  /** The document property holding the ref. */
  public static final String REF = "ref";

  /** A field of the index and its boost. */
  public record Field(String name, double boost, boolean array) {}

  /**
   * The fields of the first index, in the order lunr gets them: everything but the body. Names are
   * singular so a reader types {@code service:checkout}, {@code team:payments}, {@code tag:dns} or
   * {@code title:failover}.
   */
  public static final List<Field> FIRST_FIELDS = List.of(
      new Field("title", 10, false),
      new Field("id", 1, false),
      new Field("summary", 4, false),
      new Field("service", 5, true),
      new Field("team", 5, true),
      new Field("tag", 5, true),
      new Field("names", 5, true));

  /** The fields of each body shard. */
  public static final List<Field> SHARD_FIELDS = List.of(new Field("body", 1, false));

  /** Every field a reader can search, first index then shards. */
  public static final List<Field> FIELDS = java.util.stream.Stream.concat(FIRST_FIELDS.stream(), SHARD_FIELDS.stream()).toList();

  /**
   * Write-ups per body shard. 150 write-ups of about 1,500 words make a shard of about 1.6 MB, 0.35 MB
   * gzipped (docs/search-index.md, "Scale").
   */
  public static final int SHARD_SIZE = 150;

  /** Token metadata kept in the index: none, to keep it small. */
  public static final List<String> METADATA_WHITELIST = List.of();

  /** The longest opening of a design document that a result shows, in characters. */
  static final int LEAD_LENGTH = 240;

  private static final DateTimeFormatter DATE_LABEL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  /** What a document is: a write-up or a design document. */
  public enum Kind {
    INCIDENT, DESIGN;

    /** As the document store writes it. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One page as the index sees it: a write-up ({@code incident}) or a design document ({@code design}).
   *
   * @param fields the ref and every field's value: a string, or a list of strings for array fields
   * @param summary what a result shows under the title: a write-up's summary, or the opening of a
   *     design document's first paragraph
   */
  public record Document(String ref, Incident incident, DesignDoc design, Map<String, Object> fields, String summary) {
    public Document {
      if ((incident == null) == (design == null)) throw new IllegalArgumentException("a write-up or a design document");
    }

    public Kind kind() {
      return incident != null ? Kind.INCIDENT : Kind.DESIGN;
    }

    /** The body's plain text. */
    public String body() {
      return (String) fields.get("body");
    }
  }

  private final List<Document> documents;
  private final int shardSize;

  private SearchDocuments(List<Document> documents, int shardSize) {
    if (shardSize < 1) throw new IllegalArgumentException("shard size " + shardSize);
    this.documents = List.copyOf(documents);
    this.shardSize = shardSize;
  }

  /** The same documents in shards of {@code size} write-ups (tests use small shards). */
  public SearchDocuments withShardSize(int size) {
    return new SearchDocuments(documents, size);
  }

  /** The documents of every write-up and design document of the linked library. */
  public static SearchDocuments of(LinkedLibrary linked) {
    return of(linked, body -> bodyText(body.html()));
  }

  /** The documents of the linked library, with each body's plain text from {@code text}. */
  public static SearchDocuments of(LinkedLibrary linked, java.util.function.Function<RenderedBody, String> text) {
    List<Incident> incidents = linked.library().incidents();
    List<DesignDoc> designs = linked.library().designDocs();
    int count = incidents.size();
    List<Document> docs = java.util.stream.IntStream.range(0, count + designs.size()).parallel().mapToObj(n -> {
      String ref = Integer.toString(n);
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put(REF, ref);
      if (n < count) {
        Incident i = incidents.get(n);
        RenderedBody body = linked.bodies().get(i.id());
        fields.put("title", i.title());
        fields.put("id", i.id());
        fields.put("summary", i.summary());
        fields.put("service", List.copyOf(i.services()));
        fields.put("team", teams(i));
        fields.put("tag", List.copyOf(i.tags()));
        fields.put("names", nameWords(i.services(), teams(i), i.tags()));
        fields.put("body", body == null ? "" : text.apply(body));
        return new Document(ref, i, null, java.util.Collections.unmodifiableMap(fields), i.summary());
      }
      DesignDoc d = designs.get(n - count);
      RenderedBody body = linked.designBodies().get(d.slug());
      fields.put("title", d.title());
      fields.put("id", "");
      fields.put("summary", "");
      fields.put("service", List.of());
      fields.put("team", List.of());
      fields.put("tag", List.of());
      fields.put("names", List.of());
      fields.put("body", body == null ? "" : text.apply(body));
      String lead = body == null ? "" : lead(body.html(), LEAD_LENGTH);
      return new Document(ref, null, d, java.util.Collections.unmodifiableMap(fields), lead);
    }).toList();
    return new SearchDocuments(docs, SHARD_SIZE);
  }

  /**
   * The words of the service, team and tag names that have several words, split as lunr splits
   * text (at whitespace and hyphens): {@code UK Ministry of Justice (Cloud Platform)} gives
   * {@code UK}, {@code Ministry}, ... so that {@code justice} finds it, while {@code team:} still
   * matches whole names only. A name of one word gives nothing here (its field has it).
   */
  @SafeVarargs
  public static List<String> nameWords(List<String>... names) {
    List<String> out = new java.util.ArrayList<>();
    for (List<String> list : names) {
      for (String v : list) {
        String[] words = v.trim().split("[\\s\\-]+");
        if (words.length > 1) for (String w : words) if (!w.isEmpty()) out.add(w);
      }
    }
    return List.copyOf(out);
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
    return dev.casebook.markdown.BodyText.of(html);
  }

  public List<Document> documents() {
    return documents;
  }

  /** A builder configured with the site's ref, these fields and boosts, and the metadata whitelist. */
  public static LunrIndexBuilder configuredBuilder(List<Field> fields) {
    LunrIndexBuilder builder = new LunrIndexBuilder().ref(REF);
    for (Field f : fields) builder.field(f.name(), f.boost());
    return builder.metadataWhitelist(METADATA_WHITELIST);
  }

  /**
   * One index file of the site: the first index ({@code shard == -1}) or body shard {@code shard},
   * with its fields and the documents it holds.
   *
   * @param from the first document (its ref), inclusive
   * @param to the last document (its ref), exclusive
   */
  public record Piece(int shard, String path, String global, String property, List<Field> fields, List<Document> documents,
      int from, int to) {
    /** True for the first index, {@code assets/search/index.js}. */
    public boolean first() {
      return shard < 0;
    }

    /** What lunr gets for document {@code d}: its ref and the values of this piece's fields, in field order. */
    public Map<String, Object> fieldsOf(Document d) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put(REF, d.ref());
      for (Field f : fields) out.put(f.name(), d.fields().get(f.name()));
      return out;
    }

    /** The lunr index of this piece's documents, none boosted. */
    public LunrIndex index() {
      LunrIndexBuilder builder = configuredBuilder(fields);
      for (Document d : documents) builder.add(fieldsOf(d));
      return builder.build();
    }
  }

  /** The first index: every write-up, every field but the body. */
  public Piece firstPiece() {
    return new Piece(-1, SearchIndexStage.PATH, SearchIndexStage.GLOBAL, "index", FIRST_FIELDS, documents, 0, documents.size());
  }

  /** The body shards: {@link #SHARD_SIZE} write-ups each, in ref order, the last one possibly smaller. */
  public List<Piece> shards() {
    List<Piece> shards = new java.util.ArrayList<>();
    for (int from = 0, n = 0; from < documents.size(); from += shardSize, n++) {
      int to = Math.min(documents.size(), from + shardSize);
      shards.add(new Piece(n, SearchIndexStage.shardPath(n), SearchIndexStage.SHARD_GLOBAL, Integer.toString(n), SHARD_FIELDS,
          documents.subList(from, to), from, to));
    }
    return shards;
  }

  /** Every index file: the first index, then the shards. */
  public List<Piece> pieces() {
    List<Piece> pieces = new java.util.ArrayList<>();
    pieces.add(firstPiece());
    pieces.addAll(shards());
    return pieces;
  }

  /** A date as pages show it, e.g. {@code 5 March 2024}. */
  static String dateLabel(java.time.LocalDate date) {
    return DATE_LABEL.format(date);
  }

  /** The document's page, relative to the site root. */
  static String url(Document d) {
    return d.incident() != null ? SitePaths.incident(d.incident().id()) : SitePaths.design(d.design().slug());
  }

  /**
   * The opening of a design document, for its search result: the text of its first paragraph, cut
   * at a word boundary after at most {@code max} characters (with an ellipsis when cut).
   */
  static String lead(String html, int max) {
    org.jsoup.nodes.Element p = Jsoup.parseBodyFragment(html).selectFirst("p");
    String text = p == null ? "" : p.text();
    if (text.length() <= max) return text;
    int cut = text.lastIndexOf(' ', max);
    return text.substring(0, cut > max / 2 ? cut : max).replaceAll("[\\s,;:.\u2013\u2014-]+$", "") + "\u2026";
  }
}
