import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Grows a real library to at least N write-ups by copying it whole, with renamed ids, for the
 * benchmark's "real" mix at sizes above the library's own.
 *
 * <pre>
 *   java bench/ReplicateLibrary.java SOURCE N OUTDIR
 * </pre>
 *
 * OUTDIR gets everything in SOURCE but .git and _site, once. When N is above SOURCE's number of
 * write-ups W, incidents/ also gets copies 2, 3, ... of every write-up, as many as it takes to reach
 * N (so the library ends with the next multiple of W at or above N), in incidents/copy-K/ with the
 * same folders and file names below it, so that relative links between write-ups lead to the same
 * copy. In copy K every id is renamed ID-rK (cut short with a hash beyond 128 characters) wherever it appears as a whole word (the id, related,
 * mentions, links to ids) but next to a '/' (a folder of images named after the write-up keeps its
 * name); ids are letters, digits, '.', '_' and '-'. casebook.yml loses its
 * id_pattern and id_format lines, since renamed ids need not match them. Design documents are not
 * copied: they keep citing the first copy. The copies have the same words as the original, so the
 * number of distinct words does not grow with N, only the number of times each is used.
 */
public final class ReplicateLibrary {

    static final Pattern ID_LINE = Pattern.compile("(?m)^id:[ \\t]*['\"]?([A-Za-z0-9][A-Za-z0-9._-]*)['\"]?[ \\t]*$");
    static final Pattern ID_RUN = Pattern.compile("[A-Za-z0-9._-]+");

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java bench/ReplicateLibrary.java SOURCE N OUTDIR");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        Path incidents = source.resolve("incidents");
        if (!Files.isRegularFile(source.resolve("casebook.yml")) || !Files.isDirectory(incidents)) {
            System.err.println("ReplicateLibrary: " + source + " has no casebook.yml or no incidents/ folder");
            System.exit(2);
        }
        if (Files.exists(out)) {
            System.err.println("ReplicateLibrary: OUTDIR must not exist: " + out);
            System.exit(2);
        }
        copyTree(source, out);

        List<Path> writeUps;
        try (Stream<Path> walk = Files.walk(incidents)) {
            writeUps = walk.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p) && !hidden(incidents.relativize(p)))
                .sorted().toList();
        }
        if (writeUps.isEmpty()) {
            System.err.println("ReplicateLibrary: no write-ups in " + incidents);
            System.exit(2);
        }
        List<String> ids = new ArrayList<>();
        for (Path p : writeUps) {
            Matcher m = ID_LINE.matcher(frontMatter(Files.readString(p, StandardCharsets.UTF_8)));
            if (m.find()) ids.add(m.group(1));
        }
        int copies = (n + writeUps.size() - 1) / writeUps.size();
        for (int k = 2; k <= copies; k++) {
            Map<String, String> renamed = new HashMap<>();
            for (String id : ids) renamed.put(id, renamedId(id, k));
            Path dir = out.resolve("incidents").resolve("copy-" + k);
            try (Stream<Path> walk = Files.walk(incidents)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    Path rel = incidents.relativize(p);
                    if (hidden(rel) || rel.getName(0).toString().startsWith("copy-")) continue;
                    Path target = dir.resolve(rel.toString());
                    Files.createDirectories(target.getParent());
                    if (p.toString().endsWith(".md")) {
                        Files.writeString(target, rename(Files.readString(p, StandardCharsets.UTF_8), renamed), StandardCharsets.UTF_8);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
        }
        if (copies > 1) {
            Path yml = out.resolve("casebook.yml");
            String text = Files.readString(yml, StandardCharsets.UTF_8)
                .replaceAll("(?m)^(id_pattern|id_format):", "# (left out by bench/ReplicateLibrary.java) $1:");
            Files.writeString(yml, text, StandardCharsets.UTF_8);
        }
        System.out.printf(Locale.ROOT, "replicated %d write-ups of %s %d time(s) into %s: %d write-ups%n",
            writeUps.size(), source, copies, out, writeUps.size() * copies);
    }

    /** ID-rK, or, when that is over the 128 characters an id may have, the id cut short with a hash of it. */
    static String renamedId(String id, int k) {
        String suffix = "-r" + k;
        if (id.length() + suffix.length() <= 128) return id + suffix;
        return id.substring(0, 128 - suffix.length() - 9) + "-" + String.format(Locale.ROOT, "%08x", id.hashCode()) + suffix;
    }

    static boolean hidden(Path rel) {
        for (Path part : rel) {
            String s = part.toString();
            if (s.startsWith(".") || s.startsWith("_")) return true;
        }
        return false;
    }

    static String frontMatter(String text) {
        if (!text.startsWith("---")) return "";
        int end = text.indexOf("\n---", 3);
        return end < 0 ? "" : text.substring(0, end);
    }

    /** Every whole-word occurrence of an id (a trailing '.', '-' or '_' is not part of it) renamed, but in paths. */
    static String rename(String text, Map<String, String> renamed) {
        StringBuilder b = new StringBuilder(text.length() + 256);
        Matcher m = ID_RUN.matcher(text);
        int last = 0;
        while (m.find()) {
            String run = m.group();
            String id = run;
            while (!id.isEmpty() && !renamed.containsKey(id) && ".-_".indexOf(id.charAt(id.length() - 1)) >= 0) {
                id = id.substring(0, id.length() - 1);
            }
            String to = renamed.get(id);
            // a folder or file name in a path (a write-up's images, say) keeps its name: the copy has it too
            boolean inPath = (m.start() > 0 && text.charAt(m.start() - 1) == '/')
                || (m.start() + id.length() < text.length() && text.charAt(m.start() + id.length()) == '/');
            if (to == null || inPath) continue;
            b.append(text, last, m.start()).append(to).append(run, id.length(), run.length());
            last = m.end();
        }
        return b.append(text, last, text.length()).toString();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(p -> {
                Path rel = from.relativize(p);
                String first = rel.toString().isEmpty() ? "" : rel.getName(0).toString();
                if (first.equals(".git") || first.equals("_site")) return;
                try {
                    Path target = to.resolve(rel.toString());
                    if (Files.isDirectory(p)) Files.createDirectories(target);
                    else Files.copy(p, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
