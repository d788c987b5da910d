package dev.casebook.code;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How comments are written in a kind of file, chosen by its name. This is a pragmatic lexer, not a
 * parser: it knows line comments, block comments and the quotes of string literals (which it
 * skips, so that an id in a string is not taken for a citation), one line at a time.
 *
 * @param lineMarkers what starts a comment that runs to the end of the line ({@code //}, {@code #})
 * @param blocks pairs of what starts and ends a block comment ({@code /*} and its end)
 * @param quotes the characters that delimit string literals on one line
 */
record CommentSyntax(List<String> lineMarkers, List<String[]> blocks, String quotes) {
  static final CommentSyntax C_LIKE = new CommentSyntax(List.of("//"), List.<String[]>of(new String[] {"/*", "*/"}), "\"'`");
  static final CommentSyntax HASH = new CommentSyntax(List.of("#"), List.of(), "\"'");
  static final CommentSyntax DASHES = new CommentSyntax(List.of("--"), List.<String[]>of(new String[] {"/*", "*/"}), "\"'");
  static final CommentSyntax LUA = new CommentSyntax(List.of("--"), List.<String[]>of(new String[] {"--[[", "]]"}), "\"'");
  static final CommentSyntax HASKELL = new CommentSyntax(List.of("--"), List.<String[]>of(new String[] {"{-", "-}"}), "\"");
  static final CommentSyntax MARKUP = new CommentSyntax(List.of(), List.<String[]>of(new String[] {"<!--", "-->"}), "");
  static final CommentSyntax STYLES = new CommentSyntax(List.of("//"), List.<String[]>of(new String[] {"/*", "*/"}), "\"'");
  static final CommentSyntax INI = new CommentSyntax(List.of(";", "#"), List.of(), "\"");
  /** For files of unknown kinds: the most common markers. */
  static final CommentSyntax GENERIC = new CommentSyntax(List.of("//", "#"), List.<String[]>of(new String[] {"/*", "*/"}), "\"'");

  private static final Map<String, CommentSyntax> BY_EXTENSION = byExtension();

  /** The first characters of every marker: a lexer needs to look closer only at these. */
  String markerStarts() {
    StringBuilder out = new StringBuilder();
    for (String m : lineMarkers) if (out.indexOf(m.substring(0, 1)) < 0) out.append(m.charAt(0));
    for (String[] b : blocks) if (out.indexOf(b[0].substring(0, 1)) < 0) out.append(b[0].charAt(0));
    return out.toString();
  }
  private static final Map<String, CommentSyntax> BY_NAME = Map.of(
      "dockerfile", HASH, "makefile", HASH, "gnumakefile", HASH, "rakefile", HASH, "gemfile", HASH,
      "build", HASH, "workspace", HASH, "jenkinsfile", C_LIKE, "vagrantfile", HASH, "procfile", HASH);

  private static Map<String, CommentSyntax> byExtension() {
    Map<String, CommentSyntax> m = new java.util.HashMap<>();
    for (String e : List.of("java", "kt", "kts", "scala", "sc", "groovy", "gradle", "go", "js", "mjs", "cjs", "jsx", "ts", "mts",
        "cts", "tsx", "c", "h", "cc", "cpp", "cxx", "hpp", "hh", "hxx", "cs", "fs", "swift", "rs", "php", "dart", "proto", "m",
        "mm", "sol", "zig", "jsonc", "json5", "v", "sv", "vhd", "d", "hx", "cue", "thrift", "avdl", "gql", "graphql", "prisma")) {
      m.put(e, C_LIKE);
    }
    for (String e : List.of("py", "pyi", "rb", "sh", "bash", "zsh", "fish", "ksh", "yaml", "yml", "toml", "tf", "tfvars", "hcl",
        "r", "pl", "pm", "conf", "cfg", "properties", "ps1", "psm1", "ex", "exs", "jl", "nim", "cmake", "mk", "dockerfile",
        "bzl", "bazel", "star", "nix", "cr", "coffee", "awk", "sed", "tcl", "env", "service", "gitignore", "dockerignore",
        "editorconfig", "containerfile", "rego")) {
      m.put(e, HASH);
    }
    for (String e : List.of("sql", "psql", "pgsql", "mysql", "plsql", "ada", "adb", "ads", "vhdl")) m.put(e, DASHES);
    m.put("lua", LUA);
    for (String e : List.of("hs", "lhs", "elm", "purs")) m.put(e, HASKELL);
    for (String e : List.of("html", "htm", "xhtml", "xml", "xsd", "xsl", "xslt", "svg", "md", "markdown", "vue", "svelte", "jsp",
        "ftl", "ftlh", "ftlx", "plist", "csproj", "pom", "wsdl")) {
      m.put(e, MARKUP);
    }
    for (String e : List.of("css", "scss", "sass", "less")) m.put(e, STYLES);
    for (String e : List.of("ini", "reg", "clj", "cljs", "edn", "el", "lisp", "scm", "asm", "s")) m.put(e, INI);
    return Map.copyOf(m);
  }

  /** The syntax of a file, by its name ({@code Pool.java}, {@code Dockerfile}). */
  static CommentSyntax of(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    CommentSyntax byName = BY_NAME.get(name);
    if (byName != null) return byName;
    int dot = name.lastIndexOf('.');
    if (dot < 0) return GENERIC;
    return BY_EXTENSION.getOrDefault(name.substring(dot + 1), GENERIC);
  }
}
