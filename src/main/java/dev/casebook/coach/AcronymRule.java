package dev.casebook.coach;

import dev.casebook.markdown.ProseBlock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Acronyms a reader from another team may not know: each one not defined at its first use
 * ("Foo Bar Baz (FBB)" or "FBB (Foo Bar Baz)"), nor anywhere in the write-up in parentheses,
 * nor known to the library (the allow-list below, the rule's {@code allow} setting, and the
 * library's vocabularies of services, teams, tags and severities, and the terms and aliases of its
 * glossary).
 */
final class AcronymRule implements Rule {
  static final String NAME = "acronyms";
  /** Acronyms a technical reader anywhere knows, and capitalised words that are not acronyms. */
  static final Set<String> COMMON = Judgement.words("HTTP", "HTTPS", "DNS", "API", "CPU", "GPU", "RAM", "URL", "URI", "TLS", "SSL", "TCP",
      "UDP", "IP", "IPV4", "IPV6", "SQL", "JSON", "XML", "HTML", "CSS", "YAML", "CSV", "PDF", "UTC", "GMT", "ID", "UI", "UX",
      "OS", "VM", "VPN", "SSH", "SMS", "PR", "CI", "CD", "CDN", "AWS", "GCP", "EU", "US", "UK", "USA", "AM", "PM", "OK", "FAQ",
      "TTL", "SLA", "SLO", "SLI", "SRE", "QA", "IO", "KB", "MB", "GB", "TB", "MS", "NTP", "SMTP", "IMAP", "REST", "RPC", "GRPC",
      "JVM", "JWT", "OAUTH", "SAML", "SSO", "MFA", "SDK", "CLI", "DB", "ETA", "CEO", "CTO", "VP", "HR", "PST", "PDT", "CET",
      "CEST", "EST", "EDT", "BST", "LB", "NAT", "VPC", "ACL", "IAM", "CA", "SAN", "DDOS", "DOS", "CVE", "UUID", "ASCII", "UTF8",
      "TODO", "FIXME", "NOTE", "WARN", "WARNING", "ERROR", "INFO", "DEBUG", "FATAL", "TRACE", "NOT", "AND", "OR", "NO", "ALL",
      "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "NULL", "TRUE", "FALSE", "RSS", "OOM", "P50", "P95", "P99",
      "P999", "MTTR", "MTTD", "RCA", "ASAP", "FYI", "TL", "DR", "IT", "AI", "ML", "LLM", "SEV", "SEV1", "SEV2", "SEV3", "SEV4",
      "SEV0", "P0", "P1", "P2", "P3", "P4", "K8S", "AZ", "AZS", "GC", "HA", "DR", "RPO", "RTO", "QPS", "RPS", "TPS", "ISP",
      "NFS", "SSD", "HDD", "NIC", "BGP", "ARP", "ICMP", "WAF", "CORS", "CSRF", "XSS", "JS", "TS", "PHP", "NPM", "PKI",
      "HSM", "KMS", "EC2", "S3", "RDS", "SQS", "SNS", "ELB", "ALB", "NLB", "EKS", "GKE", "AKS", "ECS", "CPUS", "APIS",
      "NS", "SOA", "AAAA", "CNAME", "MX", "TXT", "PTR", "SRV", "NXDOMAIN", "NODATA", "SERVFAIL", "HSTS", "ACME", "LRU",
      "LFU", "FIFO", "LIFO", "CRL", "OCSP", "CSR", "DKIM", "SPF", "DMARC", "SNI", "MTU", "IOPS", "WAL", "ORM", "CRUD",
      "ACID", "FAQS", "IDE", "GUI", "API", "HTTP2", "HTTP3", "QUIC", "IPSEC", "LDAP", "DHCP", "VLAN", "AMI", "ARN");

  private final Set<String> known;
  private final boolean asError;

  AcronymRule(List<String> allow, Set<String> vocabulary, boolean asError) {
    Set<String> k = new HashSet<>(COMMON);
    for (String a : allow) k.add(a.toUpperCase(Locale.ROOT));
    for (String v : vocabulary) k.add(v.toUpperCase(Locale.ROOT));
    this.known = Set.copyOf(k);
    this.asError = asError;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void check(WriteUp writeUp, Hints hints) {
    var blocks = writeUp.prose.blocks();
    Set<String> seen = new HashSet<>();
    Set<String> defined = null;
    for (int b = 0; b < blocks.size(); b++) {
      ProseBlock block = blocks.get(b);
      if (block.kind() == ProseBlock.Kind.HEADING || !writeUp.scan(b).twoCapitals()) continue;
      String voice = writeUp.voice(b);
      // Only a capital may start an acronym: the others are passed over in the voice's characters.
      char[] chars = writeUp.chars(voice);
      int n = voice.length();
      int i = 0;
      while (i < n) {
        char c = chars[i];
        int start = i;
        int end = c >= 'A' && c <= 'Z' ? acronymAt(voice, i) : -1;
        if (end < 0) {
          i++;
          continue;
        }
        i = end;
        String acronym = voice.substring(start, end);
        if (acronym.endsWith("s")) acronym = acronym.substring(0, acronym.length() - 1);
        if (known.contains(acronym) || !seen.add(acronym) || definedHere(voice, start, end)) continue;
        if (defined == null) defined = definitions(writeUp);
        if (defined.contains(acronym)) continue;
        hints.add(NAME, asError, writeUp.at(block, start), "'" + acronym + "' is not spelled out where it is first used",
            "write it out at first use, e.g. 'Service Level Objective (SLO)', so readers beyond the team can follow");
      }
    }
  }

  /**
   * The end of the acronym starting at {@code i}, or -1: two to eight capitals and digits, at
   * least two of them capitals, the first a capital, maybe a plural s, standing alone (not part
   * of a word, an id such as INC-2024-001, a path or an address).
   */
  static int acronymAt(String text, int i) {
    char first = text.charAt(i);
    if (first < 'A' || first > 'Z') return -1;
    if (i > 0 && partOfName(text.charAt(i - 1), true)) return -1;
    int j = i;
    int capitals = 0;
    while (j < text.length() && j - i <= 8) {
      char c = text.charAt(j);
      if (c >= 'A' && c <= 'Z') capitals++;
      else if (c < '0' || c > '9') break;
      j++;
    }
    if (capitals < 2 || j - i > 8) return -1;
    if (j < text.length() && text.charAt(j) == 's') j++;
    if (j < text.length() && partOfName(text.charAt(j), false)) return -1;
    return j;
  }

  private static boolean partOfName(char c, boolean before) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '/' || c == '@'
        || (before && (c == '.' || c == '#' || c == '$'));
  }

  /** "FBB (Foo Bar Baz)" or "(FBB)" right where it is used. */
  private static boolean definedHere(String text, int start, int end) {
    while (end < text.length() && text.charAt(end) == ' ') end++;
    if (end < text.length() && text.charAt(end) == '(') return true;
    return start > 0 && text.charAt(start - 1) == '(';
  }

  /** Every acronym the write-up defines in parentheses somewhere. */
  private static Set<String> definitions(WriteUp writeUp) {
    Set<String> out = new HashSet<>();
    for (var block : writeUp.prose.blocks()) {
      String text = block.text();
      for (int at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1)) {
        if (at + 1 >= text.length()) break;
        int end = acronymAt(text, at + 1);
        if (end > 0 && end < text.length() && text.charAt(end) == ')') {
          String a = text.substring(at + 1, end);
          out.add(a.endsWith("s") ? a.substring(0, a.length() - 1) : a);
        }
      }
    }
    return out;
  }
}
