import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Converts public collections of postmortems into a Casebook library, for benchmarks.
 *
 * <pre>
 *   java bench/corpus/ConvertPostmortems.java [--manifest FILE] OUT_DIR SRC...
 * </pre>
 *
 * Each SRC is a local copy of one of the known collections: a clone, a plain folder or a
 * bare git directory (read at HEAD). A SRC is matched to its collection by a {@code name=}
 * prefix ({@code dfds=/tmp/postmortems}), else by its git remote or folder name. OUT_DIR must
 * not exist or be empty. Output is deterministic: the same sources give the same bytes.
 * See bench/corpus/README.md for the collections and how their fields are mapped.
 */
public class ConvertPostmortems {

    /** One source collection: where it lives on GitHub, how its files become write-ups. */
    record Collection(String key, String repo, String publisher, String license, String site,
                      Function<Tree, List<Draft>> reader) {}

    /** A write-up as read from its source, before ids are made unique. */
    record Draft(String sourcePath, String idBase, String title, LocalDate date, String precision,
                 String summary, String owner, List<String> teams, List<String> services,
                 List<String> tags, Map<String, String> times, Map<String, String> extra,
                 String body) {}

    /** Files of a source: a folder on disk or a git directory read at HEAD. */
    interface Tree {
        List<String> files();
        byte[] read(String path);
        String commit();
        String name();
    }

    static final List<Collection> COLLECTIONS = List.of(
            new Collection("dfds", "dfds/postmortems", "DFDS", "MIT", null, ConvertPostmortems::dfds),
            new Collection("icco", "icco/postmortems", null, "GPL-3.0", null, ConvertPostmortems::icco),
            new Collection("danluu", "danluu/post-mortems", null, "none stated", null,
                    ConvertPostmortems::danluu),
            new Collection("moj-cp", "ministryofjustice/cloud-platform",
                    "UK Ministry of Justice (Cloud Platform)", "MIT",
                    "https://runbooks.cloud-platform.service.justice.gov.uk", ConvertPostmortems::moj),
            new Collection("2i2c", "2i2c-org/incident-reports", "2i2c", "BSD-3-Clause", null,
                    t -> folder(t, "2i2c", Pattern.compile("reports/[^/]+"))),
            new Collection("posthog", "PostHog/post-mortems", "PostHog", "MIT", "https://posthog.com",
                    t -> folder(t, "posthog", Pattern.compile("(investigations/)?\\d{4}-[^/]+"))),
            new Collection("portswigger", "portswigger-cloud/postmortems", "PortSwigger",
                    "none stated", null, t -> folder(t, "portswigger",
                            Pattern.compile("\\d{4}/\\d{2}/[^/]+"))),
            new Collection("leq", "learningequality/postmortems", "Learning Equality", "MIT", null,
                    t -> folder(t, "leq", Pattern.compile("\\d{3}-[^/]+"))),
            new Collection("cog-uk", "COG-UK/dipi-group", "COG-UK DIPI group", "none stated", null,
                    t -> folder(t, "cog-uk", Pattern.compile("postmortems/[^/]+"))),
            new Collection("chia", "Chia-Network/post-mortem", "Chia Network", "Apache-2.0", null,
                    t -> folder(t, "chia", Pattern.compile("20\\d{2}-\\d{2}/[^/]+"), true)),
            new Collection("k8s-infra", "kubernetes/test-infra", "Kubernetes SIG Testing", "Apache-2.0", null,
                    t -> folder(t, "k8s-infra", Pattern.compile("docs/post-mortems/[^/]+\\.md"))),
            new Collection("mybinder", "jupyterhub/mybinder.org-deploy", "mybinder.org (Binder Project)",
                    "BSD-3-Clause", null,
                    t -> folder(t, "mybinder", Pattern.compile("docs/source/incident-reports/[^/]+"))));

    static final int MAX_ID = 120;
    static final int MAX_SUMMARY = 400;
    static final int MAX_TITLE = 150;

    /** Skipped files by collection and reason, for the summary. */
    static final Map<String, Map<String, List<String>>> SKIPPED = new TreeMap<>();
    /** Changes made to bodies or fields, by collection and kind, for the summary. */
    static final Map<String, Map<String, Integer>> NOTES = new TreeMap<>();
    static String current = "";

    public static void main(String[] args) throws IOException {
        List<String> rest = new ArrayList<>(List.of(args));
        Path manifest = null;
        if (rest.size() >= 2 && rest.get(0).equals("--manifest")) {
            manifest = Path.of(rest.get(1));
            rest = rest.subList(2, rest.size());
        }
        if (rest.size() < 2) {
            System.err.println("usage: java bench/corpus/ConvertPostmortems.java [--manifest FILE]"
                    + " OUT_DIR SRC...");
            System.exit(2);
        }
        Path out = Path.of(rest.get(0));
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    System.err.println(out + " is not empty");
                    System.exit(2);
                }
            }
        }
        Map<String, Tree> sources = new TreeMap<>();
        for (String arg : rest.subList(1, rest.size())) {
            String key = null;
            String path = arg;
            int eq = arg.indexOf('=');
            if (eq > 0 && COLLECTIONS.stream().anyMatch(c -> c.key().equals(arg.substring(0, eq)))) {
                key = arg.substring(0, eq);
                path = arg.substring(eq + 1);
            }
            Tree tree = open(Path.of(path));
            Collection c = key != null ? byKey(key) : recognise(Path.of(path), tree);
            if (c == null) {
                System.err.println(path + ": not a known collection; name it with one of "
                        + COLLECTIONS.stream().map(Collection::key).toList() + " as KEY=" + path);
                System.exit(2);
            }
            sources.put(c.key(), tree);
        }

        List<String[]> manifestRows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Path incidents = out.resolve("incidents");
        Files.createDirectories(incidents);
        for (Collection c : COLLECTIONS) {
            Tree tree = sources.get(c.key());
            if (tree == null) continue;
            current = c.key();
            List<Draft> drafts = new ArrayList<>(c.reader().apply(tree));
            drafts.sort(Comparator.comparing(Draft::sourcePath));
            Map<String, String> idBySource = new LinkedHashMap<>();
            for (Draft d : drafts) {
                String id = uniqueId(d.idBase(), ids);
                idBySource.put(d.sourcePath(), id);
            }
            for (Draft d : drafts) {
                String id = idBySource.get(d.sourcePath());
                Path file = incidents.resolve(String.valueOf(d.date().getYear())).resolve(id + ".md");
                Files.createDirectories(file.getParent());
                String body = rewriteLinks(d.body(), d.sourcePath(), tree, c, idBySource, file, id,
                        incidents);
                Files.writeString(file, frontMatter(c, d, id) + body, StandardCharsets.UTF_8);
                manifestRows.add(new String[] {c.key(), d.sourcePath(), id, d.title()});
            }
            counts.put(c.key(), drafts.size());
        }
        Files.writeString(out.resolve("casebook.yml"), """
                # Public postmortems converted by bench/corpus/ConvertPostmortems.java.
                # The texts belong to their publishers; see bench/corpus/README.md.
                title: Public postmortems
                description: >-
                  Real public postmortems and incident reviews from several collections,
                  converted to a Casebook library for benchmarks.
                timezone: UTC
                """, StandardCharsets.UTF_8);
        StringBuilder tsv = new StringBuilder("collection\tsource\tid\ttitle\n");
        for (String[] row : manifestRows) {
            tsv.append(Stream.of(row).map(v -> v.replaceAll("[\\t\\r\\n]+", " "))
                    .collect(Collectors.joining("\t"))).append('\n');
        }
        Files.writeString(out.resolve("manifest.tsv"), tsv, StandardCharsets.UTF_8);
        if (manifest != null) Files.writeString(manifest, tsv, StandardCharsets.UTF_8);

        int total = 0;
        System.out.println("collection     write-ups  source");
        for (var e : counts.entrySet()) {
            Tree t = sources.get(e.getKey());
            System.out.printf("%-14s %9d  %s@%s%n", e.getKey(), e.getValue(), byKey(e.getKey()).repo(),
                    t.commit());
            total += e.getValue();
        }
        System.out.printf("%-14s %9d  -> %s%n", "total", total, out);
        for (var e : SKIPPED.entrySet()) {
            for (var r : e.getValue().entrySet()) {
                List<String> files = r.getValue();
                System.out.printf("skipped %s: %d %s (e.g. %s)%n", e.getKey(), files.size(), r.getKey(),
                        String.join(", ", files.subList(0, Math.min(3, files.size()))));
            }
        }
        for (var e : NOTES.entrySet()) {
            for (var r : e.getValue().entrySet()) {
                System.out.printf("note %s: %s: %d%n", e.getKey(), r.getKey(), r.getValue());
            }
        }
    }

    // ---- the collections ------------------------------------------------------------------

    static final Pattern PM_NAME = Pattern.compile("(PM(\\d{4})-(\\d{3})) - (.+?)(\\.md)?");

    /** dfds/postmortems: "PM2021-008 - Title.md" at the top level, numbered per year. */
    static List<Draft> dfds(Tree t) {
        List<Draft> out = new ArrayList<>();
        for (String f : t.files()) {
            Matcher m = PM_NAME.matcher(f);
            if (!m.matches()) {
                skipUnlessDoc(f, "not a numbered postmortem");
                continue;
            }
            if (m.group(2).equals("yyyy") || !m.group(2).matches("\\d{4}")) continue;
            String text = text(t, f);
            Doc doc = Doc.parse(text);
            String title = doc.h1 != null ? doc.h1 : m.group(4).trim();
            int year = Integer.parseInt(m.group(2));
            LocalDate date = firstDateInYear(doc.body, year);
            String precision = null;
            if (date == null) {
                date = LocalDate.of(year, 1, 1);
                precision = "year";
            }
            String summary = firstParagraph(section(doc.body, "summary"));
            if (summary == null) summary = firstParagraph(doc.body);
            out.add(new Draft(f, "dfds-" + slug(m.group(1) + "-" + m.group(4)), title, date, precision,
                    summary, "DFDS", List.of(), List.of(), List.of(), Map.of(), Map.of(), doc.body));
        }
        return out;
    }

    /** icco/postmortems: data/&lt;uuid&gt;.md with YAML front matter and a written summary. */
    static List<Draft> icco(Tree t) {
        List<Draft> out = new ArrayList<>();
        for (String f : t.files()) {
            if (!f.matches("data/[^/]+\\.md")) continue;
            String text = text(t, f);
            Doc doc = Doc.parse(text);
            Map<String, Object> fm = doc.frontMatter;
            String title = str(fm.get("title"));
            String start = str(fm.get("start_time"));
            String end = str(fm.get("end_time"));
            String company = str(fm.get("company"));
            LocalDate date = isoDate(start);
            String precision = null;
            if (date == null) date = isoDate(str(fm.get("source_published_at")));
            if (date == null) {
                LocalDate[] found = new LocalDate[1];
                precision = looseDate(doc.body + " " + str(fm.get("url")), found);
                date = found[0];
                if (date != null) note("date taken from the text or link");
            }
            if (title == null && doc.body.isBlank()) {
                skip(f, "no title and no text");
                continue;
            }
            if (title == null) {
                title = (company == null ? "" : company + ": ") + clip(firstSentence(plain(doc.body)), MAX_TITLE);
                note("title made from the first sentence");
            }
            if (date == null) {
                skip(f, "no date in its fields, text or link");
                continue;
            }
            Map<String, String> times = new LinkedHashMap<>();
            String started = timestamp(start);
            String resolved = timestamp(end);
            if (started != null) times.put("started", started);
            if (resolved != null && started != null && resolved.compareTo(started) >= 0) {
                times.put("resolved", resolved);
            } else if (resolved != null) {
                note("end_time before start_time, left out");
            }
            Map<String, String> extra = new LinkedHashMap<>();
            if (str(fm.get("url")) != null) extra.put("source_url", str(fm.get("url")));
            String product = str(fm.get("product"));
            String summary = str(fm.get("summary"));
            if (summary == null || summary.isBlank()) summary = firstParagraph(doc.body);
            String uuid = f.substring("data/".length(), f.length() - 3);
            out.add(new Draft(f, "icco-" + slug(uuid), title.trim(), date, precision, summary,
                    company, company == null ? List.of() : List.of(company),
                    product == null ? List.of() : List.of(product), list(fm.get("categories")),
                    times, extra, doc.body));
        }
        return out;
    }

    static final Pattern DANLUU_ENTRY = Pattern.compile("^\\[([^\\]]+)\\]\\(([^)\\s]+)\\)[.:]?\\s*(.*)$");

    /** danluu/post-mortems: one README, one paragraph per postmortem under category headings. */
    static List<Draft> danluu(Tree t) {
        List<Draft> out = new ArrayList<>();
        String text = text(t, "README.md");
        String category = null;
        int n = 0;
        for (String para : text.split("\\n\\s*\\n")) {
            String p = para.strip();
            if (p.startsWith("## ")) {
                category = p.substring(3).strip();
                continue;
            }
            Matcher m = DANLUU_ENTRY.matcher(p.replace('\n', ' '));
            if (category == null || !m.matches() || m.group(3).isBlank()) continue;
            if (category.startsWith("Other lists") || category.equals("Analysis")
                    || category.equals("Contributors")) continue;
            n++;
            String where = "README.md#" + n;
            String company = m.group(1).strip();
            String rest = m.group(3).strip();
            LocalDate[] date = new LocalDate[1];
            String precision = looseDate(m.group(2) + " " + rest, date);
            if (date[0] == null) {
                skip(where, "no date in the entry or its link");
                continue;
            }
            String title = company + ": " + clip(firstSentence(plain(rest)), MAX_TITLE);
            out.add(new Draft(where, String.format("danluu-%03d-%s", n, slug(company)), title, date[0],
                    precision, clip(plain(rest), MAX_SUMMARY), company, List.of(company), List.of(),
                    List.of(slug(category)), Map.of(), Map.of("source_url", m.group(2)), p + "\n"));
        }
        return out;
    }

    static final Pattern MOJ_EVENT = Pattern.compile(
            "(?im)^[ \\t]*-[ \\t]*(Fault occurs|First detected|Fault detected|Repaired|Resolved)[ \\t]*:?[ \\t]*(\\d{4}-\\d{2}-\\d{2})[ T](\\d{1,2}:\\d{2})");

    /** ministryofjustice/cloud-platform: source/incidents/&lt;date&gt;-&lt;slug&gt;.html.md.erb. */
    static List<Draft> moj(Tree t) {
        List<Draft> out = new ArrayList<>();
        Pattern name = Pattern.compile("source/incidents/((\\d{4}-\\d{2}-\\d{2})[^/]*)\\.html\\.md\\.erb");
        for (String f : t.files()) {
            Matcher m = name.matcher(f);
            if (!m.matches()) {
                if (f.startsWith("source/incidents/")) skip(f, "not a dated incident page");
                continue;
            }
            String text = text(t, f);
            if (text.contains("<%")) {
                text = text.replaceAll("<%[^%]*%>", "");
                note("ERB tags removed");
            }
            Doc doc = Doc.parse(text);
            String title = str(doc.frontMatter.get("title"));
            if (title == null) title = doc.h1;
            LocalDate date = LocalDate.parse(m.group(2));
            Map<String, String> times = new LinkedHashMap<>();
            Matcher e = MOJ_EVENT.matcher(doc.body);
            Map<String, String> found = new LinkedHashMap<>();
            while (e.find()) {
                String key = switch (e.group(1).toLowerCase(Locale.ROOT)) {
                    case "fault occurs" -> "started";
                    case "first detected", "fault detected" -> "detected";
                    case "repaired" -> "mitigated";
                    default -> "resolved";
                };
                String hm = e.group(3).length() == 4 ? "0" + e.group(3) : e.group(3);
                found.putIfAbsent(key, e.group(2) + "T" + hm);
            }
            List<String> order = Stream.of("started", "detected", "mitigated", "resolved")
                    .filter(found::containsKey).map(found::get).toList();
            boolean ordered = true;
            for (int i = 1; i < order.size(); i++) ordered &= order.get(i - 1).compareTo(order.get(i)) <= 0;
            if (ordered) times.putAll(found);
            else note("key events out of order, left out");
            Matcher impact = Pattern.compile("(?m)^\\s*-\\s*\\*\\*Impact\\*\\*\\s*:?\\s*(.+)$").matcher(doc.body);
            String summary = impact.find() ? clip(plain(impact.group(1)).replaceFirst("^[-*]\\s+", ""), MAX_SUMMARY)
                    : firstParagraph(doc.body);
            out.add(new Draft(f, "moj-cp-" + slug(m.group(1)), title, date, null, summary,
                    "UK Ministry of Justice (Cloud Platform)", List.of(), List.of(), List.of(), times,
                    Map.of(), doc.body));
        }
        return out;
    }

    /** A folder of Markdown write-ups; the date comes from the path or, failing that, the text. */
    static List<Draft> folder(Tree t, String prefix, Pattern files) {
        return folder(t, prefix, files, false);
    }

    /**
     * The write-ups of a folder collection; with {@code extensionless}, a file whose name has no
     * extension is read as Markdown too (Chia names a few reports without one).
     */
    static List<Draft> folder(Tree t, String prefix, Pattern files, boolean extensionless) {
        Collection c = byKey(prefix);
        List<Draft> out = new ArrayList<>();
        for (String f : t.files()) {
            if (!files.matcher(f).matches()) continue;
            String base = f.substring(f.lastIndexOf('/') + 1);
            String stem = base.replaceFirst("\\.[A-Za-z]+$", "");
            if (stem.matches("(?i)readme|index|.*template.*|.*_toc")) continue;
            if (!base.endsWith(".md") && !(extensionless && !base.contains("."))) {
                skip(f, base.contains(".") ? base.substring(base.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT)
                        + " file, not converted" : "not Markdown");
                continue;
            }
            Doc doc = Doc.parse(text(t, f));
            String title = str(doc.frontMatter.get("title"));
            if (title == null) title = doc.h1;
            if (title == null) title = stem.replace('-', ' ').replace('_', ' ');
            LocalDate[] date = new LocalDate[1];
            String precision = pathDate(f, date);
            if (date[0] == null) {
                date[0] = firstDate(doc.body);
                precision = null;
            }
            if (date[0] == null) {
                Matcher ym = Pattern.compile("^((?:19|20)\\d{2})/(0[1-9]|1[0-2])/").matcher(f);
                if (ym.find()) {
                    date[0] = date(i(ym.group(1)), i(ym.group(2)), 1);
                    precision = "month";
                }
            }
            if (date[0] == null) {
                skip(f, "no date in its path or text");
                continue;
            }
            String summary = firstParagraph(section(doc.body, "summary"));
            if (summary == null) summary = firstParagraph(doc.body);
            out.add(new Draft(f, prefix + "-" + slug(stem), title.strip(), date[0], precision, summary,
                    c.publisher(), List.of(), List.of(), List.of(), Map.of(), Map.of(), doc.body));
        }
        return out;
    }

    // ---- Markdown ---------------------------------------------------------------------------

    /** A source file split into front matter, its leading H1 and the rest of the body. */
    static final class Doc {
        Map<String, Object> frontMatter = new LinkedHashMap<>();
        String h1;
        String body;

        static Doc parse(String text) {
            Doc d = new Doc();
            text = text.replace("\r\n", "\n").replace('\r', '\n');
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            if (text.startsWith("---\n")) {
                int end = text.indexOf("\n---", 3);
                if (end > 0) {
                    d.frontMatter = yaml(text.substring(4, end + 1));
                    int after = text.indexOf('\n', end + 4);
                    text = after < 0 ? "" : text.substring(after + 1);
                }
            }
            String lead = text.stripLeading();
            if (lead.startsWith("# ")) {
                int nl = lead.indexOf('\n');
                d.h1 = (nl < 0 ? lead.substring(2) : lead.substring(2, nl)).strip().replaceAll("\\s+#+$", "");
                text = nl < 0 ? "" : lead.substring(nl + 1);
            }
            d.body = text.stripLeading();
            if (!d.body.endsWith("\n")) d.body += "\n";
            return d;
        }
    }

    /** Reads simple YAML: scalars, quoted scalars, block lists, folded and literal blocks. */
    static Map<String, Object> yaml(String text) {
        Map<String, Object> map = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = Pattern.compile("^([A-Za-z_][\\w-]*):\\s*(.*)$").matcher(lines[i]);
            if (!m.matches()) continue;
            String key = m.group(1);
            String v = m.group(2).replaceFirst("\\s+#.*$", "").strip();
            if (v.isEmpty() || v.equals(">-") || v.equals(">") || v.equals("|") || v.equals("|-")) {
                List<String> items = new ArrayList<>();
                StringBuilder block = new StringBuilder();
                while (i + 1 < lines.length && (lines[i + 1].startsWith(" ") || lines[i + 1].startsWith("-")
                        || lines[i + 1].isBlank())) {
                    String l = lines[++i].strip();
                    if (v.isEmpty() && l.startsWith("- ")) items.add(unquote(l.substring(2).strip()));
                    else if (!l.isEmpty()) block.append(block.length() > 0 ? " " : "").append(l);
                }
                map.put(key, v.isEmpty() && block.length() == 0 ? items : block.toString());
            } else if (v.startsWith("[") && v.endsWith("]")) {
                List<String> items = new ArrayList<>();
                for (String s : v.substring(1, v.length() - 1).split(",")) {
                    if (!s.isBlank()) items.add(unquote(s.strip()));
                }
                map.put(key, items);
            } else {
                map.put(key, unquote(v));
            }
        }
        return map;
    }

    static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
            return v.substring(1, v.length() - 1).replace("''", "'");
        }
        return v;
    }

    /** The text of the first section whose heading contains the word, or null. */
    static String section(String body, String word) {
        Matcher m = Pattern.compile("(?im)^#{2,4}\\s+[^\\n]*\\b" + word + "\\b[^\\n]*\\n").matcher(body);
        if (!m.find()) return null;
        String rest = body.substring(m.end());
        Matcher next = Pattern.compile("(?m)^#{1,4}\\s").matcher(rest);
        return next.find() ? rest.substring(0, next.start()) : rest;
    }

    /**
     * The first paragraph of prose: at least eight words, and not a heading, list, table, quote,
     * code, HTML or image.
     */
    static String firstParagraph(String body) {
        if (body == null) return null;
        boolean fence = false;
        for (String block : body.split("\\n\\s*\\n")) {
            String b = block.strip();
            long fences = b.lines().filter(l -> l.strip().startsWith("```")).count();
            if (fence) {
                if (fences % 2 == 1) fence = false;
                continue;
            }
            if (fences % 2 == 1) {
                fence = true;
                continue;
            }
            if (b.isEmpty() || b.startsWith("#") || b.startsWith("|") || b.startsWith("```")
                    || b.startsWith("<") || b.startsWith("![") || b.startsWith(">") || b.startsWith("---")
                    || b.startsWith("***") || b.matches("(?s)^([-*+]|\\d+[.)])\\s.*")) continue;
            String p = plain(b);
            if (p.split(" ").length >= 8) return clip(p, MAX_SUMMARY);
        }
        return null;
    }

    /** Markdown inline text as plain text: links to their text, emphasis and code marks dropped. */
    static String plain(String md) {
        return md.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("<[^>]+>", "")
                .replaceAll("(\\*\\*|__|`)", "")
                .replaceAll("\\s+", " ").strip();
    }

    static String firstSentence(String s) {
        Matcher m = Pattern.compile("^(.+?[.!?])(\\s|$)").matcher(s);
        return m.find() ? m.group(1) : s;
    }

    static String clip(String s, int max) {
        if (s.length() <= max) return s;
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
    }

    static final Pattern MD_LINK = Pattern.compile("(!?)\\[((?:[^\\[\\]]|\\[[^\\]]*\\])*)\\]\\(\\s*<?([^)\\s>]+)>?(\\s+\"[^\"]*\")?\\s*\\)");
    static final Pattern LINK_DEF = Pattern.compile("^( {0,3}\\[(?!\\^)[^\\]]+\\]:\\s*)<?([^\\s>]+)>?(.*)$");
    static final Pattern IMG_SRC = Pattern.compile("(<img\\b[^>]*?\\bsrc\\s*=\\s*[\"'])([^\"']+)([\"'])", Pattern.CASE_INSENSITIVE);

    /**
     * Links inside the source repository: to another converted write-up become a link to its
     * new file; to an image that exists become a copy beside the write-up; to anything else,
     * or site-absolute, become a link to the file on GitHub at the converted commit.
     */
    static String rewriteLinks(String body, String sourcePath, Tree tree, Collection c,
                               Map<String, String> idBySource, Path file, String id, Path incidents) {
        StringBuilder out = new StringBuilder();
        boolean fence = false;
        for (String line : body.split("\n", -1)) {
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) fence = !fence;
            if (fence || line.strip().startsWith("```")) {
                out.append(line).append('\n');
                continue;
            }
            Matcher def = LINK_DEF.matcher(line);
            if (def.matches()) {
                String target = relink(def.group(2), false, sourcePath, tree, c, idBySource, file, id, incidents);
                out.append(def.group(1)).append(target).append(def.group(3)).append('\n');
                continue;
            }
            Matcher m = MD_LINK.matcher(line);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String target = relink(m.group(3), m.group(1).equals("!"), sourcePath, tree, c, idBySource,
                        file, id, incidents);
                String title = m.group(4) == null ? "" : m.group(4);
                m.appendReplacement(sb, Matcher.quoteReplacement(
                        m.group(1) + "[" + m.group(2) + "](" + target + title + ")"));
            }
            m.appendTail(sb);
            Matcher img = IMG_SRC.matcher(sb.toString());
            StringBuilder sb2 = new StringBuilder();
            while (img.find()) {
                String target = relink(img.group(2), true, sourcePath, tree, c, idBySource, file, id, incidents);
                img.appendReplacement(sb2, Matcher.quoteReplacement(img.group(1) + target + img.group(3)));
            }
            img.appendTail(sb2);
            out.append(sb2).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    static String relink(String target, boolean image, String sourcePath, Tree tree, Collection c,
                         Map<String, String> idBySource, Path file, String id, Path incidents) {
        if (target.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || target.startsWith("#") || target.startsWith("//")) {
            return target;
        }
        if (c.key().equals("danluu")) return target;
        String anchor = "";
        int hash = target.indexOf('#');
        if (hash >= 0) {
            anchor = target.substring(hash);
            target = target.substring(0, hash);
        }
        String path = decode(target);
        String resolved;
        if (path.startsWith("/") && c.site() != null) {
            note("site-absolute links pointed at the publisher's site");
            return c.site() + path + anchor;
        }
        if (path.startsWith("/")) {
            resolved = path.substring(1);
        } else {
            String dir = sourcePath.contains("/") ? sourcePath.substring(0, sourcePath.lastIndexOf('/') + 1) : "";
            resolved = normalise(dir + path);
        }
        if (resolved == null) {
            note("links leaving the repository, kept as written");
            return target + anchor;
        }
        String other = idBySource.get(resolved);
        if (other != null) {
            note("links to other write-ups, pointed at their new file");
            return other + anchor;
        }
        if (image && tree.files().contains(resolved)) {
            String name = resolved.substring(resolved.lastIndexOf('/') + 1);
            Path copy = file.getParent().resolve(id).resolve(name);
            try {
                Files.createDirectories(copy.getParent());
                Files.write(copy, tree.read(resolved));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            note("images copied beside the write-up");
            return id + "/" + encode(name);
        }
        note(path.startsWith("/") ? "site-absolute links pointed at GitHub" : "relative links pointed at GitHub");
        String kind = image ? "raw" : "blob";
        String encoded = Stream.of(resolved.split("/")).map(ConvertPostmortems::encode).collect(Collectors.joining("/"));
        return image ? "https://raw.githubusercontent.com/" + c.repo() + "/" + tree.commit() + "/" + encoded
                : "https://github.com/" + c.repo() + "/" + kind + "/" + tree.commit() + "/" + encoded + anchor;
    }

    static String normalise(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- dates ------------------------------------------------------------------------------

    static final Pattern ISO_DATE = Pattern.compile("\\b((?:19|20)\\d{2})[-/.](0[1-9]|1[0-2])[-/.](0[1-9]|[12]\\d|3[01])\\b");
    static final String MONTHS = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    static final Pattern MDY = Pattern.compile("\\b" + MONTHS + "\\.? (\\d{1,2})(?:st|nd|rd|th)?,? ((?:19|20)\\d{2})\\b");
    static final Pattern DMY = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?" + MONTHS + "\\.?,? ((?:19|20)\\d{2})\\b");
    static final Pattern MY = Pattern.compile("\\b" + MONTHS + ",? ((?:19|20)\\d{2})\\b");
    static final Pattern URL_YM = Pattern.compile("/((?:19|20)\\d{2})/(0[1-9]|1[0-2])/");
    static final Pattern YEAR = Pattern.compile("(?<![\\d.$])((?:19[89]|20[0-2])\\d)(?![\\d,])");

    static LocalDate date(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static int month(String name) {
        String n = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(n) + 1;
    }

    static LocalDate firstDate(String text) {
        List<LocalDate> all = allDates(text);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Full dates in order of appearance: ISO, "March 5, 2024" and "5 March 2024". */
    static List<LocalDate> allDates(String text) {
        TreeMap<Integer, LocalDate> at = new TreeMap<>();
        Matcher m = ISO_DATE.matcher(text);
        while (m.find()) put(at, m.start(), date(i(m.group(1)), i(m.group(2)), i(m.group(3))));
        m = MDY.matcher(text);
        while (m.find()) put(at, m.start(), date(i(m.group(3)), month(m.group(1)), i(m.group(2))));
        m = DMY.matcher(text);
        while (m.find()) put(at, m.start(), date(i(m.group(3)), month(m.group(2)), i(m.group(1))));
        return new ArrayList<>(at.values());
    }

    static void put(TreeMap<Integer, LocalDate> at, int pos, LocalDate d) {
        if (d != null) at.putIfAbsent(pos, d);
    }

    static LocalDate firstDateInYear(String text, int year) {
        return allDates(text).stream().filter(d -> d.getYear() == year).findFirst().orElse(null);
    }

    /** A date from a path: 2024-03-05, 20240305, 05-03-2024 (day first) or 2024/03/. */
    static String pathDate(String path, LocalDate[] out) {
        Matcher m = ISO_DATE.matcher(path);
        if (m.find()) {
            out[0] = date(i(m.group(1)), i(m.group(2)), i(m.group(3)));
            return null;
        }
        m = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?!\\d)").matcher(path);
        if (m.find()) {
            out[0] = date(i(m.group(1)), i(m.group(2)), i(m.group(3)));
            return null;
        }
        m = Pattern.compile("(?<!\\d)(0[1-9]|[12]\\d|3[01])-(0[1-9]|1[0-2])-((?:19|20)\\d{2})(?!\\d)").matcher(path);
        if (m.find()) {
            out[0] = date(i(m.group(3)), i(m.group(2)), i(m.group(1)));
            return null;
        }
        return null;
    }

    /** The most precise date a short entry gives; returns the precision when less than a day. */
    static String looseDate(String text, LocalDate[] out) {
        LocalDate full = firstDate(text);
        if (full != null) {
            out[0] = full;
            return null;
        }
        Matcher m = URL_YM.matcher(text);
        if (m.find()) {
            out[0] = date(i(m.group(1)), i(m.group(2)), 1);
            return "month";
        }
        m = MY.matcher(text);
        if (m.find()) {
            out[0] = date(i(m.group(2)), month(m.group(1)), 1);
            return "month";
        }
        m = YEAR.matcher(text);
        if (m.find()) {
            out[0] = date(i(m.group(1)), 1, 1);
            return "year";
        }
        return null;
    }

    static LocalDate isoDate(String s) {
        if (s == null || s.length() < 10) return null;
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A timestamp as Casebook reads it, or null when the source's value is not one. */
    static String timestamp(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return java.time.OffsetDateTime.parse(s).toInstant().toString();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static int i(String s) {
        return Integer.parseInt(s);
    }

    // ---- output -----------------------------------------------------------------------------

    static String frontMatter(Collection c, Draft d, String id) {
        StringBuilder y = new StringBuilder("---\n");
        y.append("id: ").append(q(id)).append('\n');
        y.append("title: ").append(q(d.title())).append('\n');
        y.append("date: ").append(d.date()).append('\n');
        if (d.summary() != null && !d.summary().isBlank()) y.append("summary: ").append(q(d.summary())).append('\n');
        if (d.owner() != null && !d.owner().isBlank()) y.append("owner: ").append(q(d.owner())).append('\n');
        listKey(y, "teams", d.teams());
        listKey(y, "services", d.services());
        listKey(y, "tags", d.tags());
        d.times().forEach((k, v) -> y.append(k).append(": ").append(v).append('\n'));
        y.append("collection: ").append(q(c.repo())).append('\n');
        y.append("source_path: ").append(q(d.sourcePath())).append('\n');
        d.extra().forEach((k, v) -> y.append(k).append(": ").append(q(v)).append('\n'));
        if (d.precision() != null) y.append("date_precision: ").append(d.precision()).append('\n');
        return y.append("---\n\n").toString();
    }

    static void listKey(StringBuilder y, String key, List<String> values) {
        List<String> v = values.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        if (v.isEmpty()) return;
        y.append(key).append(": [").append(v.stream().map(ConvertPostmortems::q).collect(Collectors.joining(", ")))
                .append("]\n");
    }

    /** A YAML double-quoted scalar. */
    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) b.append(String.format("\\x%02x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.append('"').toString();
    }

    static String slug(String s) {
        String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    static String uniqueId(String base, Set<String> taken) {
        String id = base.length() <= MAX_ID ? base : base.substring(0, MAX_ID).replaceAll("-+$", "");
        if (!id.equals(base)) note("ids cut to " + MAX_ID + " characters");
        String candidate = id;
        for (int n = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); n++) candidate = id + "-" + n;
        if (!candidate.equals(id)) note("ids made unique with a number");
        taken.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }

    // ---- sources ----------------------------------------------------------------------------

    static Collection byKey(String key) {
        return COLLECTIONS.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }

    /** Matches a source by its git remote, else by its folder names (owner+name or name). */
    static Collection recognise(Path path, Tree tree) {
        String hint = (tree.name() + " " + path.toAbsolutePath()).toLowerCase(Locale.ROOT);
        for (Collection c : COLLECTIONS) {
            String repo = c.repo().toLowerCase(Locale.ROOT);
            if (hint.contains(repo) || hint.contains(repo.replace('/', '+'))) return c;
        }
        for (Collection c : COLLECTIONS) {
            String name = c.repo().substring(c.repo().indexOf('/') + 1).toLowerCase(Locale.ROOT);
            String owner = c.repo().substring(0, c.repo().indexOf('/')).toLowerCase(Locale.ROOT);
            if (hint.contains(owner) && hint.contains(name)) return c;
        }
        return null;
    }

    static Tree open(Path path) throws IOException {
        if (!Files.isDirectory(path)) throw new IOException(path + ": not a folder");
        boolean bare = Files.isRegularFile(path.resolve("HEAD")) && Files.isDirectory(path.resolve("objects"));
        if (bare) return new GitTree(path);
        return new FolderTree(path);
    }

    static String git(Path gitDir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "--git-dir=" + gitDir));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** A bare git directory (or a clone's .git), read at HEAD with one cat-file process. */
    static final class GitTree implements Tree {
        final Path dir;
        final List<String> files;
        final String commit;
        final Map<String, byte[]> cache = new LinkedHashMap<>();

        GitTree(Path dir) throws IOException {
            this.dir = dir;
            this.commit = git(dir, "rev-parse", "HEAD").strip();
            this.files = Stream.of(git(dir, "ls-tree", "-r", "-z", "--name-only", "HEAD").split("\0"))
                    .filter(s -> !s.isEmpty()).sorted().toList();
            Process p = new ProcessBuilder("git", "--git-dir=" + dir, "cat-file", "--batch").start();
            try (OutputStream in = p.getOutputStream(); InputStream out = p.getInputStream()) {
                Thread writer = new Thread(() -> {
                    try {
                        for (String f : files) in.write((commit + ":" + f + "\n").getBytes(StandardCharsets.UTF_8));
                        in.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                writer.start();
                for (String f : files) {
                    String header = readLine(out);
                    String[] h = header.split(" ");
                    if (h.length < 3) continue;
                    byte[] data = out.readNBytes(Integer.parseInt(h[2]));
                    out.read();
                    cache.put(f, data);
                }
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static String readLine(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int ch; (ch = in.read()) != -1 && ch != '\n'; ) b.write(ch);
            return b.toString(StandardCharsets.UTF_8);
        }

        public List<String> files() { return files; }
        public byte[] read(String path) { return cache.getOrDefault(path, new byte[0]); }
        public String commit() { return commit; }
        public String name() { return git(dir, "config", "--get", "remote.origin.url").strip(); }
    }

    /** A folder on disk, such as a clone's work tree; its files as they are now. */
    static final class FolderTree implements Tree {
        final Path root;
        final List<String> files;

        FolderTree(Path root) throws IOException {
            this.root = root;
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(f -> !f.startsWith(".git/")).sorted().toList();
            }
        }

        public List<String> files() { return files; }
        public byte[] read(String path) {
            try {
                return Files.readAllBytes(root.resolve(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        public String commit() {
            Path gitDir = root.resolve(".git");
            String c = Files.exists(gitDir) ? git(gitDir, "rev-parse", "HEAD").strip() : "";
            return c.isEmpty() ? "HEAD" : c;
        }
        public String name() {
            Path gitDir = root.resolve(".git");
            return Files.exists(gitDir) ? git(gitDir, "config", "--get", "remote.origin.url").strip() : "";
        }
    }

    // ---- bookkeeping ------------------------------------------------------------------------

    static String text(Tree t, String f) {
        return new String(t.read(f), StandardCharsets.UTF_8);
    }

    static String str(Object o) {
        return o instanceof String s && !s.isBlank() ? s : null;
    }

    static List<String> list(Object o) {
        if (o instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        if (o instanceof String s && !s.isBlank()) return List.of(s);
        return List.of();
    }

    static void skip(String file, String why) {
        SKIPPED.computeIfAbsent(current, k -> new TreeMap<>()).computeIfAbsent(why, k -> new ArrayList<>()).add(file);
    }

    /** Files that are plainly not write-ups (licence, README, code, CI) are passed over silently. */
    static void skipUnlessDoc(String file, String why) {
        if (file.endsWith(".md") && !file.contains("/.") && !file.startsWith(".")
                && !file.matches("(?i)(.*/)?(readme|license|licence|contributing|template|changelog)[^/]*")) {
            skip(file, why);
        }
    }

    static void note(String what) {
        NOTES.computeIfAbsent(current, k -> new TreeMap<>()).merge(what, 1, Integer::sum);
    }
}
