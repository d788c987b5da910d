package dev.casebook.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded, English-ish incident write-ups: URL-like refs, a title, tags (an array field, some with
 * spaces) and a body mixing a common vocabulary, inflected forms, punctuation, hyphenated words,
 * numbers, versions and a little non-ASCII text.
 */
final class CorpusGenerator {
  private static final String[] WORDS = (
      "the a of and to in is was for on that with as by at from it be this are were an or not has have had "
      + "database disk storage network latency outage incident service request timeout failover replica primary "
      + "cluster node queue message broker consumer producer deploy deployment rollback release config change "
      + "alert page pager engineer responder customer traffic load balancer certificate expiry dns resolver cache "
      + "memory leak cpu throttling kernel upgrade migration schema index query slow lock contention deadlock "
      + "retry backoff storm cascade dependency upstream downstream api gateway auth token session cookie "
      + "monitoring dashboard metric graph threshold capacity scaling autoscaler pod container image registry "
      + "backup restore snapshot corruption checksum write read throughput packet loss routing bgp firewall "
      + "rule permission role policy audit log logging retention rotation volume partition shard rebalance "
      + "election leader follower quorum consensus heartbeat health check probe restart crash panic exception "
      + "error rate budget slo sli availability degraded partial complete recovery mitigation remediation "
      + "action item owner follow review postmortem timeline detection diagnosis root cause trigger impact "
      + "running runs ran connected connecting connection connections generalization generalizations hopeful "
      + "hopefulness relational conditional rationalize electrical formality sensitivity happily crying flies "
      + "agreed feeding hopping tanned falling hissing fizzed failing filing sized conflated troubled motoring "
      + "operational operationally digitizer analogous effective adoption dependent irritant replacement "
      + "adjustment defensible homologous communism activity angularity bowdlerize yelling yielded ayes "
      + "constructor prototype toString hasOwnProperty __proto__ valueOf").split(" ");
  private static final String[] ODD = {
    "db-01", "v2.3.1", "4.5", "1,000", "user@example.com", "https://status.example.com/incidents/42", "(details).",
    "it's", "e.g.", "--", "—", "–", "...", "&", "café", "naïve", "résumé", "Ελληνικά", "Русский", "日本語", "😀",
    "a😀b", "x-ray", "re-run", "p99", "5xx", "HTTP/2", "[tag]", "\"quoted\"", "C++", "C#", "10:42", "UTC", "ÉCOLE",
    "İstanbul", "straße", "ΟΔΟΣ", "r\u00e9sum\u00e9s", "mail:", "#incident", "@oncall", "100%", "$5", "a_b", "__init__"
  };
  private static final String[] TAGS = {
    "storage", "network", "database", "root cause", "dns", "deploy", "customer impact", "security", "capacity"
  };
  private static final String[] SPACES = {" ", " ", " ", " ", " ", " ", "\n", "\t", "\u00a0", " - ", "  "};

  private final Random random;

  CorpusGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** {@code count} documents with bodies of about {@code bodyWords} words. */
  List<Map<String, Object>> documents(int count, int bodyWords) {
    List<Map<String, Object>> docs = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("id", String.format("/incidents/%d/inc-%05d/", 2020 + i % 6, i));
      doc.put("title", text(4 + random.nextInt(8), true));
      List<String> tags = new ArrayList<>();
      for (int t = random.nextInt(4); t > 0; t--) tags.add(TAGS[random.nextInt(TAGS.length)]);
      doc.put("tags", tags);
      doc.put("body", text(bodyWords - 50 + random.nextInt(100), false));
      if (random.nextInt(10) == 0) doc.put("boost", 1 + random.nextInt(4) / 2.0);
      docs.add(doc);
    }
    return docs;
  }

  private String text(int words, boolean title) {
    StringBuilder out = new StringBuilder(words * 8);
    for (int i = 0; i < words; i++) {
      if (i > 0) out.append(title ? " " : SPACES[random.nextInt(SPACES.length)]);
      int pick = random.nextInt(100);
      String word;
      if (pick < 4) word = ODD[random.nextInt(ODD.length)];
      else if (pick < 6) word = Integer.toString(random.nextInt(5000));
      else word = WORDS[skewed(WORDS.length)];
      if (random.nextInt(12) == 0) word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      out.append(word);
      if (!title && random.nextInt(10) == 0) out.append(random.nextBoolean() ? "." : ",");
    }
    return out.toString();
  }

  /** An index skewed towards the front, like word frequencies. */
  private int skewed(int n) {
    double u = random.nextDouble();
    return Math.min(n - 1, (int) (n * u * u));
  }
}
