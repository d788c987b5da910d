package dev.casebook.search;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Measures the Java builder against lunr.js on the same documents (not a test). Run with {@code
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt} and then {@code java -cp
 * target/test-classes:target/classes:$(cat cp.txt) dev.casebook.search.SearchBenchmark SOURCE
 * [position]}. SOURCE is a library folder (for example one made by {@code java
 * bench/GenerateLibrary.java 1000 /tmp/lib}): each {@code .md} file gives a document with its
 * front-matter title, its tags as an array field and the rest as body. Or SOURCE is a number of
 * documents from {@link CorpusGenerator}, about 1,500 words each.
 */
public final class SearchBenchmark {
  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    String source = args.length > 0 ? args[0] : "1000";
    List<String> whitelist = args.length > 1 ? List.of(args[1]) : List.of();
    List<Map<String, Object>> documents = source.matches("\\d+")
        ? new CorpusGenerator(1).documents(Integer.parseInt(source), 1500)
        : library(Path.of(source));
    long words = documents.stream().mapToLong(d -> ((String) d.get("body")).split("\\s+").length).sum();
    System.out.printf("%d documents, %,d body words%n", documents.size(), words);
    Corpus corpus = Corpus.generated("bench", documents, whitelist, List.of());
    Path dir = Files.createTempDirectory("casebook-search-bench");
    Path javaFile = dir.resolve("java.json");
    for (int run = 1; run <= 5; run++) {
      long t0 = System.nanoTime();
      LunrIndex index = corpus.buildWithJava();
      long t1 = System.nanoTime();
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(javaFile), 1 << 16)) {
        index.writeTo(out);
      }
      long t2 = System.nanoTime();
      System.out.printf("java run %d: build %d ms, write %d ms, %d terms, %,d bytes%n",
          run, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, index.terms().size(), Files.size(javaFile));
    }
    Path specFile = dir.resolve("specs.json");
    Corpus.JSON.writeValue(specFile.toFile(), List.of(corpus.driverSpec()));
    long t0 = System.nanoTime();
    String timings = LunrJs.run("build-index.js", specFile.toString(), dir.toString());
    long t1 = System.nanoTime();
    System.out.printf("lunr.js: %s (build + JSON.stringify), node process %d ms%n", timings, (t1 - t0) / 1_000_000);
    boolean same = java.util.Arrays.equals(Files.readAllBytes(javaFile), Files.readAllBytes(dir.resolve("bench.json")));
    System.out.println("byte-identical: " + same);
  }

  /** The write-ups of a library folder as documents: ref, title, tags (array) and body. */
  private static List<Map<String, Object>> library(Path root) throws java.io.IOException {
    List<Map<String, Object>> docs = new java.util.ArrayList<>();
    List<Path> files;
    try (var walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    for (Path file : files) {
      String text = Files.readString(file);
      Map<String, Object> doc = new java.util.LinkedHashMap<>();
      String rel = root.relativize(file).toString().replace('\\', '/');
      doc.put("id", "/" + rel.substring(0, rel.length() - 3) + "/");
      String title = "";
      List<String> tags = List.of();
      String body = text;
      if (text.startsWith("---\n")) {
        int end = text.indexOf("\n---\n", 4);
        for (String line : text.substring(4, end).split("\n")) {
          if (line.startsWith("title: ")) title = line.substring(7);
          if (line.startsWith("tags: [")) tags = List.of(line.substring(7, line.length() - 1).split(",\\s*"));
        }
        body = text.substring(end + 5);
      }
      doc.put("title", title);
      doc.put("tags", tags);
      doc.put("body", body);
      docs.add(doc);
    }
    return docs;
  }
}
