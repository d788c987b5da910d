package dev.casebook.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test corpus in the shape the lunr.js driver reads: {@code {ref, fields: [{name, boost}],
 * metadataWhitelist, docs: [{..., boost}], queries}}. {@code boost} on a document is its
 * document boost (no field is named {@code boost}); {@code queries} is only read by the tests.
 */
record Corpus(String name, Map<String, Object> spec) {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Reads {@code <name>.json}. */
  @SuppressWarnings("unchecked")
  static Corpus read(Path file) throws IOException {
    String name = file.getFileName().toString().replaceFirst("\\.json$", "");
    return new Corpus(name, JSON.readValue(file.toFile(), LinkedHashMap.class));
  }

  /** The spec with its name, as the driver takes it. */
  Map<String, Object> driverSpec() {
    Map<String, Object> out = new LinkedHashMap<>(spec);
    out.put("name", name);
    out.remove("queries");
    return out;
  }

  /** Builds the corpus with the Java builder, the way build-index.js builds it with lunr.js. */
  @SuppressWarnings("unchecked")
  LunrIndex buildWithJava() {
    LunrIndexBuilder builder = new LunrIndexBuilder().ref((String) spec.get("ref"));
    for (Map<String, Object> field : (List<Map<String, Object>>) spec.get("fields")) {
      Number boost = (Number) field.get("boost");
      builder.field((String) field.get("name"), boost == null ? 1 : boost.doubleValue());
    }
    Object whitelist = spec.get("metadataWhitelist");
    if (whitelist != null) builder.metadataWhitelist((List<String>) whitelist);
    for (Map<String, Object> doc : docs()) {
      Object boost = doc.get("boost");
      builder.add(doc, boost instanceof Number n ? n.doubleValue() : 1);
    }
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> docs() {
    return (List<Map<String, Object>>) spec.get("docs");
  }

  @SuppressWarnings("unchecked")
  List<String> queries() {
    Object queries = spec.get("queries");
    return queries == null ? List.of() : (List<String>) queries;
  }

  /** A corpus made of {@code docs}, with the usual title (boost 10), tags and body fields. */
  static Corpus generated(String name, List<Map<String, Object>> docs, List<String> whitelist, List<String> queries) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("ref", "id");
    List<Map<String, Object>> fields = new ArrayList<>();
    fields.add(Map.of("name", "title", "boost", 10));
    fields.add(Map.of("name", "tags"));
    fields.add(Map.of("name", "body"));
    spec.put("fields", fields);
    spec.put("metadataWhitelist", whitelist);
    spec.put("docs", docs);
    spec.put("queries", queries);
    return new Corpus(name, spec);
  }
}
