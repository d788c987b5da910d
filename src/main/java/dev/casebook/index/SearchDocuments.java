package dev.casebook.index;

import dev.casebook.config.SearchSettings;
import dev.casebook.glossary.Glossary;
import dev.casebook.link.LinkedLibrary;
import dev.casebook.link.SitePaths;
import dev.casebook.markdown.RenderedBody;
import dev.casebook.model.DesignDoc;
import dev.casebook.model.Incident;
import dev.casebook.model.ReadingPath;
import dev.casebook.search.AnalyzedField;
import dev.casebook.search.LunrIndex;
import dev.casebook.search.LunrIndexBuilder;
import dev.casebook.search.TermPartitions;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * What the site's search index is built from: one document per write-up, in library order (newest
 * first), then one per design document, in the library's order, one per reading path and one per
 * term of the glossary, with the text of each field exactly as it goes into {@link LunrIndexBuilder}. The ref of a document is its position in that order
 * ({@code "0"}, {@code "1"}, ...), which keeps the index small; the document store maps it back
 * to the page.
 *
 * <p>The site ships two lunr indexes of every document ({@link #GROUPS}): one of the short fields
 * (title, id, summary, services, teams, tags) and one of the body, each cut by term into
 * {@link #partitions(Group)}. docs/search-index.md ("The site's index") explains them.
 */
public final class SearchDocuments {
  /** The document property holding the ref. */
  public static final String REF = "ref";

  /** A field of the index and its boost. */
  public record Field(String name, double boost, boolean array) {}

  /**
   * The fields of the index, in the order lunr gets them. Names are singular so a reader types
   * {@code service:checkout}, {@code team:payments}, {@code tag:dns} or {@code title:failover}.
   */
  public static final List<Field> FIELDS = List.of(
      new Field("title", 10, false),
      new Field("id", 1, false),
      new Field("summary", 4, false),
      new Field("service", 5, true),
      new Field("team", 5, true),
      new Field("tag", 5, true),
      new Field("names", 5, true),
      new Field("body", 1, false));

  /**
   * An index of the site: its name (the prefix of its files) and fields. lunr's idf counts a term in
   * every field of an index, so the body has its own index: a word that many bodies use still
   * weighs in a title as the titles and summaries alone make it weigh.
   */
  public record Group(String name, List<Field> fields) {
    /** The global its partition scripts add themselves to, by number. */
    public String global() {
      return "window.casebookSearch" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
  }

  /** The site's indexes: the short fields, then the body. */
  public static final List<Group> GROUPS = List.of(new Group("fields", FIELDS.subList(0, 7)), new Group("body", FIELDS.subList(7, 8)));

  /**
   * About how many (field, document) entries a partition of the body's index holds (a term with more
   * is a partition of its own); a partition of the short fields' index holds half as many
   * ({@link #postingsPerPartition}). A query word costs the reader one partition of each index, most
   * of it other terms' entries: at 10,000 generated write-ups, partitions of 2,000 and 1,000 entries
   * instead of 5,000 in both cut what "replica lag" loads from 289 to 164 kB gzipped, for a manifest
   * 2 kB larger (docs/search-index.md, "Scale").
   */
  public static final int PARTITION_POSTINGS = 2000;

  /** Token metadata kept in the index: none, to keep it small. */
  public static final List<String> METADATA_WHITELIST = List.of();

  /** The longest opening of a design document that a result shows, in characters. */
  static final int LEAD_LENGTH = 240;

  private static final DateTimeFormatter DATE_LABEL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  /** What a document is: a write-up, a design document, a reading path or a term of the glossary. */
  public enum Kind {
    INCIDENT, DESIGN, PATH, TERM;

    /** As the document store writes it. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One page (or part of one) as the index sees it: a write-up ({@code incident}), a design document
   * ({@code design}), a reading path ({@code path}) or a term of the glossary ({@code term}); exactly
   * one of the four is set.
   *
   * @param fields the ref and every field's value: a string, or a list of strings for array fields
   * @param summary what a result shows under the title: a write-up's summary, the opening of a
   *     design document's first paragraph, a path's audience, or the opening of a term's definition
   */
  public record Document(String ref, Incident incident, DesignDoc design, ReadingPath path, Glossary.Term term,
      Map<String, Object> fields, String summary) {
    public Document {
      int set = (incident != null ? 1 : 0) + (design != null ? 1 : 0) + (path != null ? 1 : 0) + (term != null ? 1 : 0);
      if (set != 1) throw new IllegalArgumentException("a write-up, a design document, a reading path or a term");
    }

    public Document(String ref, Incident incident, DesignDoc design, ReadingPath path, Map<String, Object> fields, String summary) {
      this(ref, incident, design, path, null, fields, summary);
    }

    public Document(String ref, Incident incident, DesignDoc design, Map<String, Object> fields, String summary) {
      this(ref, incident, design, null, null, fields, summary);
    }

    public Kind kind() {
      return incident != null ? Kind.INCIDENT : design != null ? Kind.DESIGN : path != null ? Kind.PATH : Kind.TERM;
    }

    /** The body's plain text. */
    public String body() {
      return (String) fields.get("body");
    }
  }

  private final List<Document> documents;
  private final Map<String, List<String>> synonyms;
  private final List<List<String>> related;
  private final int partitionPostings;
  private final boolean compress;
  /** Each field value's terms, kept from the last build; null to tokenize every value while indexing. */
  private final java.util.function.Function<Object, AnalyzedField> analysis;
  /** Run now and then while an index is built from the analyses (null: nothing). */
  private final Runnable checkpoint;
  private final java.util.Map<String, LunrIndex> indexes = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, List<Partition>> partitions = new java.util.concurrent.ConcurrentHashMap<>();

  private SearchDocuments(List<Document> documents, Map<String, List<String>> synonyms, List<List<String>> related,
      int partitionPostings, boolean compress) {
    this(documents, synonyms, related, partitionPostings, compress, null, null);
  }

  private SearchDocuments(List<Document> documents, Map<String, List<String>> synonyms, List<List<String>> related,
      int partitionPostings, boolean compress, java.util.function.Function<Object, AnalyzedField> analysis,
      Runnable checkpoint) {
    if (partitionPostings < 1) throw new IllegalArgumentException("postings per partition " + partitionPostings);
    this.documents = List.copyOf(documents);
    this.synonyms = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(synonyms));
    this.related = List.copyOf(related);
    this.partitionPostings = partitionPostings;
    this.compress = compress;
    this.analysis = analysis;
    this.checkpoint = checkpoint;
  }

  /** The same documents in partitions of about {@code postings} entries (tests use small partitions). */
  public SearchDocuments withPartitionPostings(int postings) {
    return new SearchDocuments(documents, synonyms, related, postings, compress, analysis, checkpoint);
  }

  /** The same documents, their files compressed ({@link #compressed()}) or not. */
  public SearchDocuments withCompression(boolean compress) {
    return new SearchDocuments(documents, synonyms, related, partitionPostings, compress, analysis, checkpoint);
  }

  /**
   * Whether the search files other than the manifest hold the gzip of their JSON in base64
   * (casebook.yml's {@code search: compress}, true by default) rather than the JSON itself.
   */
  public boolean compressed() {
    return compress;
  }

  /**
   * The same documents, indexed from each field value's analysis as {@code analysis} gives it
   * ({@link #analyzer()}'s, kept from the last build) instead of tokenizing every value: the same
   * indexes, made faster when few values changed.
   */
  SearchDocuments withAnalysis(java.util.function.Function<Object, AnalyzedField> analysis) {
    return new SearchDocuments(documents, synonyms, related, partitionPostings, compress, analysis, checkpoint);
  }

  /**
   * The same documents, whose indexes run {@code checkpoint} now and then while they are built from
   * the analyses (an update that may be stopped throws from it).
   */
  SearchDocuments withCheckpoint(Runnable checkpoint) {
    return new SearchDocuments(documents, synonyms, related, partitionPostings, compress, analysis, checkpoint);
  }

  /** A builder that analyzes field values as the indexes' builders tokenize them ({@link LunrIndexBuilder#analyze}). */
  static LunrIndexBuilder analyzer() {
    return configuredBuilder(List.of());
  }

  /**
   * The synonyms the engine searches a query word with, as the manifest gives them: each word (lower
   * case, in UTF-16 order) with the other members of its group ({@link SearchSettings#expansions()}).
   */
  public Map<String, List<String>> synonyms() {
    return synonyms;
  }

  /**
   * The groups of related words the engine also searches a query word with, at a lower weight, as the
   * manifest gives them: each group of {@link SearchSettings#relatedGroups()} that has a member of one
   * word (only those are looked up), lower case.
   */
  public List<List<String>> related() {
    return related;
  }

  /** The documents of every write-up and design document of the linked library. */
  public static SearchDocuments of(LinkedLibrary linked) {
    return of(linked, body -> bodyText(body.html()));
  }

  /** The documents of the linked library, with each body's plain text from {@code text}. */
  public static SearchDocuments of(LinkedLibrary linked, java.util.function.Function<RenderedBody, String> text) {
    List<Incident> incidents = linked.library().incidents();
    List<DesignDoc> designs = linked.library().designDocs();
    List<ReadingPath> paths = linked.library().paths();
    List<Glossary.Term> terms = linked.library().config().glossary().terms();
    int count = incidents.size();
    int designEnd = count + designs.size();
    int pathEnd = designEnd + paths.size();
    List<Document> docs = java.util.stream.IntStream.range(0, pathEnd + terms.size()).parallel().mapToObj(n -> {
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
      if (n >= pathEnd) return termDocument(ref, fields, terms.get(n - pathEnd));
      if (n >= designEnd) return pathDocument(ref, fields, paths.get(n - designEnd), linked, text);
      DesignDoc d = designs.get(n - count);
      RenderedBody body = linked.designBodies().get(d.slug());
      withoutFacets(fields, d.title(), "", body == null ? "" : text.apply(body));
      String lead = body == null ? "" : lead(body.html(), LEAD_LENGTH);
      return new Document(ref, null, d, java.util.Collections.unmodifiableMap(fields), lead);
    }).toList();
    SearchSettings search = linked.library().config().search();
    return new SearchDocuments(docs, search.expansions(), search.relatedGroups().stream()
        .filter(g -> g.stream().anyMatch(m -> !m.contains(" "))).toList(), PARTITION_POSTINGS, search.compress());
  }

  /** The fields of a document that is not a write-up: a title, a summary and a body, no id and no facets. */
  private static void withoutFacets(Map<String, Object> fields, String title, String summary, String body) {
    fields.put("title", title);
    fields.put("id", "");
    fields.put("summary", summary);
    fields.put("service", List.of());
    fields.put("team", List.of());
    fields.put("tag", List.of());
    fields.put("names", List.of());
    fields.put("body", body);
  }

  /**
   * A term of the glossary as the index sees it: its name and aliases as title (a reader types
   * either), and its definition's plain text as body; the result shows the name and the opening of
   * the definition.
   */
  private static Document termDocument(String ref, Map<String, Object> fields, Glossary.Term t) {
    String html = DEFINITIONS.render(DEFINITION_PARSER.parse(t.definition()), java.util.function.UnaryOperator.identity()).html();
    String definition = bodyText(html);
    StringBuilder title = new StringBuilder(t.name());
    for (String alias : t.aliases()) title.append(", ").append(alias);
    withoutFacets(fields, title.toString(), "", definition);
    String lead = shorten(definition.strip().replaceAll("\\s+", " "), LEAD_LENGTH);
    return new Document(ref, null, null, null, t, java.util.Collections.unmodifiableMap(fields), lead);
  }

  private static final dev.casebook.markdown.MarkdownParser DEFINITION_PARSER = new dev.casebook.markdown.MarkdownParser();
  /** Definitions are rendered as the glossary page renders them: raw HTML cleaned. */
  private static final dev.casebook.markdown.MarkdownRenderer DEFINITIONS = new dev.casebook.markdown.MarkdownRenderer(false);

  /**
   * A reading path as the index sees it: its title, its audience as summary, and as body its
   * introduction and the reason given for each step: a path is found by what its authors wrote
   * about it, not by the words of the write-ups it lists (those find the write-ups themselves).
   */
  private static Document pathDocument(String ref, Map<String, Object> fields, ReadingPath p, LinkedLibrary linked,
      java.util.function.Function<RenderedBody, String> text) {
    RenderedBody intro = linked.pathBodies().get(p.slug());
    StringBuilder body = new StringBuilder(intro == null ? "" : text.apply(intro));
    for (ReadingPath.Step step : p.steps()) {
      if (step.reason().isEmpty()) continue;
      if (body.length() > 0) body.append('\n');
      body.append(step.reason());
    }
    withoutFacets(fields, p.title(), p.audience(), body.toString());
    return new Document(ref, null, null, p, java.util.Collections.unmodifiableMap(fields), p.audience());
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

  /** What lunr gets for document {@code d}: its ref and the value of every field, in field order. */
  public static Map<String, Object> fieldsOf(Document d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(REF, d.ref());
    for (Field f : FIELDS) out.put(f.name(), d.fields().get(f.name()));
    return out;
  }

  /** The lunr index of every document with the fields of {@code group}, none boosted: what its partitions are cut from. */
  public LunrIndex index(Group group) {
    return indexes.computeIfAbsent(group.name(), name -> {
      LunrIndexBuilder builder = configuredBuilder(group.fields());
      if (checkpoint != null) builder.checkpoint(checkpoint);
      // On every core, in document order (FieldAnalysis).
      FieldAnalysis.addAll(builder, documents, group, analysis != null ? analysis : FieldAnalysis.perThread());
      return builder.build();
    });
  }

  /**
   * One index file of the site: partition {@code number} of the index of {@code group}, holding the
   * terms from {@code first} (inclusive) to {@code end} (exclusive; null for the last partition), in
   * UTF-16 order. Its index is made when asked for and not kept, so that writing the partitions holds
   * one at a time.
   */
  public record Partition(Group group, int number, String first, String end, TermPartitions.Cut cut) {
    /** Where it goes in the site. */
    public String path() {
      return SearchIndexStage.partitionPath(group, number);
    }

    /** Whether this partition's file has the same bytes as {@code other}'s, without making either. */
    public boolean sameAs(Partition other) {
      return group.equals(other.group) && number == other.number && first.equals(other.first)
          && java.util.Objects.equals(end, other.end) && cut.samePart(number, other.cut, other.number);
    }

    /** The partition's lunr index, made anew on each call. */
    public LunrIndex index() {
      return cut.part(number);
    }
  }

  /**
   * About how many entries a partition of {@code group} holds: the body's index {@link
   * #PARTITION_POSTINGS} (or what {@link #withPartitionPostings} set), the short fields' half as
   * many: a word is in few titles and summaries, so its partition of the short fields' index is
   * mostly other terms' entries, and a query loads one for each of its words.
   */
  public int postingsPerPartition(Group group) {
    return group.name().equals("body") ? partitionPostings : Math.max(1, partitionPostings / 2);
  }

  /** The index of {@code group} cut by term into partitions of about {@link #postingsPerPartition} entries, in term order. */
  public List<Partition> partitions(Group group) {
    return partitions.computeIfAbsent(group.name(), name -> {
      LunrIndex whole = index(group);
      TermPartitions.Cut cut = new TermPartitions.Cut(whole, TermPartitions.cuts(whole, postingsPerPartition(group)));
      List<Partition> out = new java.util.ArrayList<>();
      for (int k = 0; k < cut.size(); k++) out.add(new Partition(group, k, cut.first(k), cut.end(k), cut));
      return List.copyOf(out);
    });
  }

  /** Every partition of every index, the short fields' first. */
  public List<Partition> partitions() {
    List<Partition> all = new java.util.ArrayList<>();
    for (Group g : GROUPS) all.addAll(partitions(g));
    return all;
  }

  /** A date as pages show it, e.g. {@code 5 March 2024}. */
  static String dateLabel(java.time.LocalDate date) {
    return DATE_LABEL.format(date);
  }

  /** The document's page, relative to the site root: for a term, its place on the glossary page. */
  static String url(Document d) {
    if (d.incident() != null) return SitePaths.incident(d.incident().id());
    if (d.term() != null) return SitePaths.glossary() + "#term-" + d.term().slug();
    return d.design() != null ? SitePaths.design(d.design().slug()) : SitePaths.path(d.path().slug());
  }

  /**
   * The opening of a design document, for its search result: the text of its first paragraph, cut
   * at a word boundary after at most {@code max} characters (with an ellipsis when cut).
   */
  static String lead(String html, int max) {
    org.jsoup.nodes.Element p = Jsoup.parseBodyFragment(html).selectFirst("p");
    return shorten(p == null ? "" : p.text(), max);
  }

  /** text cut at a word boundary after at most {@code max} characters, with an ellipsis when cut. */
  private static String shorten(String text, int max) {
    if (text.length() <= max) return text;
    int cut = text.lastIndexOf(' ', max);
    return text.substring(0, cut > max / 2 ? cut : max).replaceAll("[\\s,;:.\u2013\u2014-]+$", "") + "\u2026";
  }
}
