package dev.casebook.collect;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.text.TextFile;
import dev.casebook.yaml.YamlFields;
import dev.casebook.yaml.YamlList;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlReader;
import dev.casebook.yaml.YamlScalar;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The collector's settings, from its YAML file ({@code casebook collect --config FILE}); every
 * one has a default. See docs/readership.md for the file.
 *
 * @param bind the address to listen on
 * @param db a JDBC URL or a SQLite file path
 * @param allowedOrigins origins whose pages may send events; empty accepts any origin
 * @param trustedHeader the header the SSO proxy sets to the signed-in reader, or null
 * @param trustedProxies remote addresses whose {@code trustedHeader} and {@code clientIpHeader}
 *     are believed
 * @param clientIpHeader the header the proxy sets to the browser's address, or null
 * @param directory the {@code reader,team} file, or null
 * @param perSecond events a second one client may send on average
 * @param burst events one client may send at once
 * @param queue events waiting for the database at most
 * @param ackTimeout how long a request waits for its commit before the answer is 503
 * @param bodyTimeout how long a client may take to send a body
 * @param sources more referrer hosts by category ({@code code}, {@code chat}, ...)
 */
public record CollectorConfig(
    String bind,
    int port,
    String db,
    Set<String> allowedOrigins,
    String trustedHeader,
    Set<String> trustedProxies,
    String clientIpHeader,
    Path directory,
    double perSecond,
    int burst,
    int queue,
    Duration ackTimeout,
    Duration bodyTimeout,
    Map<String, List<String>> sources) {

  public static final int DEFAULT_PORT = 8420;
  private static final List<String> KEYS = List.of("bind", "port", "db", "allowed_origins", "trusted_header",
      "trusted_proxies", "client_ip_header", "directory", "rate", "queue", "ack_timeout_ms", "body_timeout_ms", "sources");

  public CollectorConfig {
    allowedOrigins = Set.copyOf(allowedOrigins);
    trustedProxies = Set.copyOf(trustedProxies);
    sources = Map.copyOf(sources);
  }

  public static CollectorConfig defaults() {
    return new CollectorConfig("127.0.0.1", DEFAULT_PORT, "readership.db", Set.of(), null,
        Set.of("127.0.0.1", "::1"), null, null, 8, 40, 2000, Duration.ofSeconds(2),
        Duration.ofSeconds(5), Map.of());
  }

  public CollectorConfig withPort(int p) {
    return new CollectorConfig(bind, p, db, allowedOrigins, trustedHeader, trustedProxies, clientIpHeader, directory,
        perSecond, burst, queue, ackTimeout, bodyTimeout, sources);
  }

  public CollectorConfig withDb(String d) {
    return new CollectorConfig(bind, port, d, allowedOrigins, trustedHeader, trustedProxies, clientIpHeader, directory,
        perSecond, burst, queue, ackTimeout, bodyTimeout, sources);
  }

  /** Reads the file; problems go to {@code diagnostics} and their settings keep the defaults. */
  public static CollectorConfig load(Path file, Diagnostics diagnostics) {
    CollectorConfig d = defaults();
    String name = file.toString();
    Optional<String> text;
    try {
      text = TextFile.decode(name, Files.readAllBytes(file), diagnostics);
    } catch (IOException e) {
      diagnostics.error(SourcePosition.of(name), "cannot read: " + e.getMessage());
      return d;
    }
    if (text.isEmpty()) return d;
    Optional<YamlNode> root = YamlReader.read(text.get(), name, 0, diagnostics);
    if (root.isEmpty()) return d;
    if (!(root.get() instanceof YamlMap map)) {
      diagnostics.error(root.get().position(), "the collector's settings must be a mapping, not " + root.get().describe());
      return d;
    }
    YamlFields fields = new YamlFields(diagnostics);
    for (YamlMap.Entry e : map.entries()) {
      if (!KEYS.contains(e.key())) {
        diagnostics.error(e.keyPosition(), "unknown collector setting '" + e.key() + "'", "known: " + String.join(", ", KEYS));
      }
    }
    Path base = file.toAbsolutePath().getParent();
    String bind = d.bind();
    Optional<YamlMap.Entry> bindEntry = map.entry("bind");
    if (bindEntry.isPresent()) {
      String b = fields.string(bindEntry.get()).orElse(d.bind()).strip();
      if (b.equals("localhost") || TrustedProxies.literal(b).isPresent()) {
        bind = b;
      } else {
        diagnostics.error(bindEntry.get().value().position(), "bind: '" + b + "' is not an IP address of this machine",
            "for example 127.0.0.1, 0.0.0.0 or ::");
      }
    }
    int port = map.entry("port").map(e -> number(fields, e, 0, 65535, diagnostics)).orElse(d.port());
    String db = map.entry("db").flatMap(fields::string)
        .map(s -> s.startsWith("jdbc:") || Path.of(s).isAbsolute() ? s : base.resolve(s).toString()).orElse(d.db());
    Set<String> origins = new LinkedHashSet<>();
    map.entry("allowed_origins").ifPresent(e -> {
      for (YamlScalar s : fields.scalarList(e)) {
        String o = s.text().strip();
        try {
          URI uri = new URI(o);
          if (uri.getHost() == null || !(o.startsWith("http://") || o.startsWith("https://"))) throw new URISyntaxException(o, "no host");
          origins.add(Sources.origin(uri));
        } catch (URISyntaxException ex) {
          diagnostics.error(s.position(), "'" + o + "' is not an origin", "for example https://incidents.example.com");
        }
      }
    });
    String header = map.entry("trusted_header").flatMap(fields::string).orElse(null);
    Set<String> proxies = map.entry("trusted_proxies").map(e -> {
      Set<String> ok = new LinkedHashSet<>();
      for (YamlScalar s : fields.scalarList(e)) {
        Optional<String> problem = TrustedProxies.problem(s.text());
        if (problem.isPresent()) {
          diagnostics.error(s.position(), "trusted_proxies: " + problem.get(), "for example 127.0.0.1, ::1 or 10.0.0.0/8");
        } else {
          ok.add(s.text().strip());
        }
      }
      return ok;
    }).orElse(d.trustedProxies());
    String ipHeader = map.entry("client_ip_header").flatMap(fields::string).orElse(null);
    Path directory = map.entry("directory").flatMap(fields::string).map(base::resolve).orElse(null);
    double perSecond = d.perSecond();
    int burst = d.burst();
    Optional<YamlMap.Entry> rate = map.entry("rate");
    if (rate.isPresent()) {
      if (rate.get().value() instanceof YamlMap r) {
        perSecond = r.entry("per_second").map(e -> number(fields, e, 1, 100_000, diagnostics)).orElse((int) perSecond);
        burst = r.entry("burst").map(e -> number(fields, e, 1, 1_000_000, diagnostics)).orElse(burst);
      } else {
        diagnostics.error(rate.get().value().position(), "'rate' must be a mapping with per_second and burst");
      }
    }
    int queue = map.entry("queue").map(e -> number(fields, e, 1, 1_000_000, diagnostics)).orElse(d.queue());
    Duration ack = map.entry("ack_timeout_ms").map(e -> Duration.ofMillis(number(fields, e, 1, 10_000, diagnostics)))
        .orElse(d.ackTimeout());
    Duration body = map.entry("body_timeout_ms").map(e -> Duration.ofMillis(number(fields, e, 1, 15_000, diagnostics)))
        .orElse(d.bodyTimeout());
    Map<String, List<String>> sources = new LinkedHashMap<>();
    map.entry("sources").ifPresent(e -> {
      if (!(e.value() instanceof YamlMap m)) {
        diagnostics.error(e.value().position(), "'sources' must map a category to a list of hosts");
        return;
      }
      for (YamlMap.Entry c : m.entries()) {
        if (!Sources.CATEGORIES.contains(c.key())) {
          diagnostics.error(c.keyPosition(), "unknown source category '" + c.key() + "'",
              "known: " + String.join(", ", Sources.CATEGORIES));
          continue;
        }
        List<String> hosts = new ArrayList<>();
        if (c.value() instanceof YamlList) {
          for (String h : fields.stringList(c)) hosts.add(h.toLowerCase(java.util.Locale.ROOT));
        } else {
          diagnostics.error(c.value().position(), "'" + c.key() + "' must be a list of hosts");
        }
        sources.put(c.key(), hosts);
      }
    });
    return new CollectorConfig(bind, port, db, origins, header, proxies, ipHeader, directory, perSecond, burst, queue,
        ack, body, sources);
  }

  private static int number(YamlFields fields, YamlMap.Entry e, int min, int max, Diagnostics diagnostics) {
    Optional<String> s = fields.string(e);
    try {
      int n = Integer.parseInt(s.orElse(""));
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException ex) {
      // reported below
    }
    diagnostics.error(e.value().position(), "'" + e.key() + "' must be a whole number from " + min + " to " + max);
    return min;
  }
}
