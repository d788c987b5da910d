import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Adds a synthetic code repository to a library made by GenerateLibrary, for the code benchmark.
 *
 * <pre>
 *   java bench/GenerateCodeTree.java FILES LIBRARY [SEED]
 * </pre>
 *
 * Writes FILES source files under LIBRARY/code (Java, Go, Python, TypeScript, SQL and YAML, in
 * 20 services of 50 packages each, 60-200 lines per file). One file in four cites one to three
 * write-ups in comments (line comments, block comments, trailing comments); one in ten mentions an
 * id in a string literal, which is not a citation. It also writes what the scan must skip: a
 * .gitignore'd build/ folder of generated files that cite ids, a few binary files and files over
 * 1 MiB. Then it adds to every write-up's front matter one to three code: references to lines of
 * those files (without a commit, so they are pinned to HEAD), and declares the repository in
 * casebook.yml. The caller makes LIBRARY/code a git repository. The same FILES, library and SEED
 * always give the same files.
 */
public final class GenerateCodeTree {
    static final String[] LANGS = {"java", "go", "py", "ts", "sql", "yaml"};

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java bench/GenerateCodeTree.java FILES LIBRARY [SEED]");
            System.exit(2);
        }
        int files = Integer.parseInt(args[0]);
        Path library = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        List<Path> writeUps;
        try (Stream<Path> walk = Files.walk(library.resolve("incidents"))) {
            writeUps = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        List<String> ids = writeUps.stream().map(p -> p.getFileName().toString().substring(0, 15)).toList();
        Path code = library.resolve("code");
        if (Files.exists(code)) throw new IOException(code + " exists already");
        long start = System.nanoTime();
        String[] paths = new String[files];
        int[] lengths = new int[files];
        IntStream.range(0, files).parallel().forEach(i -> {
            Random r = new Random(seed * 1_000_003L + i);
            String lang = LANGS[i % LANGS.length];
            String path = String.format(Locale.ROOT, "svc%02d/pkg%02d/module_%06d.%s", i % 20, (i / 20) % 50, i, lang);
            List<String> lines = source(lang, r, ids, i);
            paths[i] = path;
            lengths[i] = lines.size();
            write(code.resolve(path), String.join("\n", lines) + "\n");
        });
        // What the scan must skip.
        write(code.resolve(".gitignore"), "build/\n*.log\n");
        for (int i = 0; i < 500; i++) {
            write(code.resolve("build/generated/Gen" + i + ".java"), "// generated from " + ids.get(i % ids.size()) + "\nclass Gen" + i + " {}\n");
        }
        for (int i = 0; i < 20; i++) {
            byte[] bin = ("// " + ids.get(i) + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[4096];
            System.arraycopy(bin, 0, out, 0, bin.length);
            Files.write(code.resolve("svc00/pkg00/blob" + i + ".bin"), out);
            write(code.resolve("svc00/pkg00/huge" + i + ".js"), "// " + ids.get(i) + "\n" + "x = 1;\n".repeat(200_000));
        }
        // Code references in every write-up's front matter.
        Random r = new Random(seed);
        IntStream.range(0, writeUps.size()).forEach(w -> {
            StringBuilder refs = new StringBuilder("code:\n");
            for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
                int f = r.nextInt(files);
                int a = 1 + r.nextInt(Math.max(1, lengths[f] - 12));
                refs.append("  - {repo: services, path: ").append(paths[f]).append(", lines: ").append(a).append('-').append(a + 1 + r.nextInt(10)).append("}\n");
            }
            try {
                String text = Files.readString(writeUps.get(w));
                Files.writeString(writeUps.get(w), "---\n" + refs + text.substring(4));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Files.writeString(library.resolve("casebook.yml"), Files.readString(library.resolve("casebook.yml"))
            + "code:\n  - name: services\n    url: https://github.com/acme/services\n    path: code\n    scan: true\n");
        System.err.printf(Locale.ROOT, "GenerateCodeTree: %d files under %s in %.1f s%n", files, code, (System.nanoTime() - start) / 1e9);
    }

    static List<String> source(String lang, Random r, List<String> ids, int i) {
        List<String> lines = new ArrayList<>();
        boolean cites = i % 4 == 0;
        String line = switch (lang) { case "py", "yaml" -> "#"; case "sql" -> "--"; default -> "//"; };
        int n = 60 + r.nextInt(140);
        lines.add(switch (lang) {
            case "java" -> "package svc.pkg" + i % 50 + ";";
            case "go" -> "package pkg" + i % 50;
            case "py" -> "\"\"\"Module " + i + ".\"\"\"";
            case "ts" -> "import { client } from './client';";
            case "sql" -> "CREATE TABLE t" + i + " (id bigint primary key);";
            default -> "apiVersion: v1";
        });
        for (int l = 1; l < n; l++) {
            int roll = r.nextInt(100);
            if (cites && roll < 2) {
                String id = ids.get(r.nextInt(ids.size()));
                lines.add(switch (r.nextInt(3)) {
                    case 0 -> line + " Bounded after " + id + ": retries without a budget turned a slow dependency into an outage.";
                    case 1 -> lang.equals("py") || lang.equals("yaml") || lang.equals("sql")
                        ? line + " See " + id + " and " + ids.get(r.nextInt(ids.size())) + "."
                        : "/* Timeout has a unit since " + id + ". */";
                    default -> code(lang, l) + " " + line + " " + id;
                });
            } else if (roll < 3 && i % 10 == 3) {
                lines.add(code(lang, l).replace("value", "\"" + ids.get(r.nextInt(ids.size())) + " is not a citation\""));
            } else if (roll < 15) {
                lines.add(line + " Keeps the pool warm between bursts of traffic; see the runbook.");
            } else {
                lines.add(code(lang, l));
            }
        }
        return lines;
    }

    static String code(String lang, int l) {
        return switch (lang) {
            case "java" -> "    int v" + l + " = compute(value, " + l + ");";
            case "go" -> "\tv" + l + " := compute(value, " + l + ")";
            case "py" -> "v" + l + " = compute(value, " + l + ")";
            case "ts" -> "const v" + l + " = compute(value, " + l + ");";
            case "sql" -> "INSERT INTO t (id, v) VALUES (" + l + ", value);";
            default -> "  key" + l + ": value";
        };
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
