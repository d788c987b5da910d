package dev.casebook.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small generated library laid out unlike the sample: write-ups in {@code writeups/}, the theme
 * in {@code theme/}, design documents in {@code adr/}, open services and a base URL with a path.
 * Write-ups have the shape of the benchmark generator's: full front matter, a body with
 * sections, a table, a code block, mentions and links of other write-ups, and now and then an image.
 */
final class SmallLibrary {
  private SmallLibrary() {}

  static Path write(Path root, long seed, int size) {
    Random random = new Random(seed);
    List<String> teams = List.of("platform", "payments", "search", "identity");
    List<String> tags = List.of("latency", "dns", "deploy", "database", "cache", "capacity", "alerting", "rollback");
    StringBuilder yml = new StringBuilder("""
        title: Generated Library
        description: A small library for the edit sequence.
        base_url: https://example.test/library/
        id_pattern: 'INC-\\d{4}-\\d{3}'
        edit_url: https://example.test/edit/{path}
        folders:
          incidents: writeups
          templates: theme
          design: [adr]
        vocabularies:
          teams:
        """);
    for (String t : teams) yml.append("    ").append(t).append(": The ").append(t).append(" team\n");
    yml.append("  tags:\n");
    for (String t : tags) yml.append("    - ").append(t).append('\n');
    LibraryText.write(root.resolve("casebook.yml"), yml.toString());

    List<String> ids = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int year = 2022 + i % 4;
      String id = String.format("INC-%d-%03d", year, 10 + i);
      ids.add(id);
      files.add(root.resolve("writeups/" + year + "/" + id + "-" + word(random) + "-" + word(random) + ".md"));
    }
    for (int i = 0; i < size; i++) {
      Path file = files.get(i);
      String id = ids.get(i);
      List<String> related = new ArrayList<>();
      if (i > 0 && random.nextBoolean()) related.add(ids.get(random.nextInt(i)));
      StringBuilder body = new StringBuilder("\n## What happened\n\n");
      body.append(sentence(random, 25)).append("\n\n| minute | what |\n|---:|---|\n| 0 | ").append(word(random)).append(" |\n\n");
      body.append("```sh\nkubectl rollout undo deploy/").append(word(random)).append("\n```\n\n## What we learned\n\n");
      body.append(sentence(random, 20)).append('\n');
      if (i > 1) body.append("\nThis echoed ").append(ids.get(random.nextInt(i))).append(".\n");
      if (i > 2 && random.nextBoolean()) {
        Path target = files.get(random.nextInt(i));
        body.append("\nRead [the other one](").append(LibraryText.relativeLink(file.getParent(), target)).append(").\n");
      }
      if (random.nextInt(4) == 0) {
        LibraryText.write(file.resolveSibling(id).resolve("graph.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><!--v0000--><circle r=\"4\"/></svg>\n");
        body.append("\n![The graph](").append(id).append("/graph.svg)\n");
      }
      LibraryText.write(file, "---\nid: " + id + "\ntitle: " + capital(sentence(random, 5)) + "\ndate: " + (2022 + i % 4) + "-0"
          + (1 + random.nextInt(9)) + "-2" + random.nextInt(8) + "\nstatus: published\nsummary: \"" + sentence(random, 12)
          + ".\"\nseverity: SEV" + (1 + random.nextInt(4)) + "\nowner: " + teams.get(random.nextInt(teams.size()))
          + "\nservices: [" + word(random) + "]\ntags: [" + tags.get(random.nextInt(tags.size())) + "]\nrelated: ["
          + String.join(", ", related) + "]\n---\n" + body);
    }
    for (int d = 1; d <= 3; d++) {
      LibraryText.write(root.resolve(String.format("adr/%04d-%s.md", d, word(random))), "---\ntitle: \"ADR " + d + ": "
          + sentence(random, 4) + "\"\nstatus: accepted\nauthors: [Ola Berg]\ndate: 2024-0" + d + "-01\n---\n\n## Context\n\n"
          + "Since " + ids.get(random.nextInt(size)) + " we " + sentence(random, 10) + ".\n");
    }
    return root;
  }

  private static String word(Random random) {
    return LibraryEdits.WORDS.get(random.nextInt(LibraryEdits.WORDS.size()));
  }

  private static String sentence(Random random, int words) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words; i++) out.add(word(random));
    return String.join(" ", out);
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
