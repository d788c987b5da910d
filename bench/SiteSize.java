import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Where the bytes of a built site are: files, bytes and gzipped bytes by kind of file, the site
 * without its search index files, and its largest HTML page. Sizes are the files' own (as du -sb
 * counts them, without folders).
 *
 *   java bench/SiteSize.java SITE [SITE...]
 *
 * Kinds: write-up pages (incidents/ID/), the table of write-ups (incidents/ and incidents/page/N/),
 * term pages per taxonomy (services/, teams/, tags/, years/), design pages, search index files
 * (assets/search/), other assets, media (images the write-ups link to), and the rest. For a Hugo site
 * the kinds follow its folders alike.
 */
public class SiteSize {
  record Tally(long files, long bytes, long gzipped) {
    Tally plus(long b, long g) {
      return new Tally(files + 1, bytes + b, gzipped + g);
    }
  }

  public static void main(String[] args) throws IOException {
    for (String arg : args) report(Path.of(arg));
  }

  static String kind(String path) {
    if (path.startsWith("assets/search/")) return "search index files";
    if (path.startsWith("assets/")) return "other assets";
    if (path.startsWith("media/")) return "media";
    if (path.equals("incidents/index.html") || path.matches("incidents/page/\\d+/index\\.html")) return "table of write-ups";
    if (path.matches("incidents/[^/]+/index\\.html") || path.matches("incidents/\\d{4}/[^/]+/index\\.html")) return "write-up pages";
    if (path.startsWith("incidents/")) return "other incidents/";
    for (String t : new String[] {"services", "teams", "tags", "years"}) if (path.startsWith(t + "/")) return t + " pages";
    if (path.startsWith("design/")) return "design pages";
    return path.contains("/") ? "other pages" : path;
  }

  static void report(Path site) throws IOException {
    Map<String, Tally> kinds = new TreeMap<>();
    Tally all = new Tally(0, 0, 0);
    String largest = "";
    long largestBytes = 0;
    try (Stream<Path> files = Files.walk(site)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String path = site.relativize(f).toString().replace('\\', '/');
        byte[] bytes = Files.readAllBytes(f);
        long g = gzipped(bytes);
        kinds.merge(kind(path), new Tally(1, bytes.length, g), (a, b) -> new Tally(a.files + b.files, a.bytes + b.bytes, a.gzipped + b.gzipped));
        all = all.plus(bytes.length, g);
        if (path.endsWith(".html") && bytes.length > largestBytes) {
          largestBytes = bytes.length;
          largest = path;
        }
      }
    }
    Tally search = kinds.getOrDefault("search index files", new Tally(0, 0, 0));
    System.out.printf("%s%n", site);
    System.out.printf("| kind | files | MB | MB gzipped | mean KB |%n|---|---:|---:|---:|---:|%n");
    kinds.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().bytes, a.getValue().bytes)).forEach(e ->
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f |%n", e.getKey(), e.getValue().files, mb(e.getValue().bytes),
            mb(e.getValue().gzipped), e.getValue().bytes / 1024.0 / e.getValue().files));
    System.out.printf("| **all** | %d | %.1f | %.1f | |%n", all.files, mb(all.bytes), mb(all.gzipped));
    System.out.printf("| **without search index files** | %d | %.1f | %.1f | |%n", all.files - search.files,
        mb(all.bytes - search.bytes), mb(all.gzipped - search.gzipped));
    System.out.printf("largest HTML page: %s (%.1f KB)%n%n", largest, largestBytes / 1024.0);
  }

  static double mb(long bytes) {
    return bytes / 1048576.0;
  }

  static long gzipped(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.size();
  }
}
