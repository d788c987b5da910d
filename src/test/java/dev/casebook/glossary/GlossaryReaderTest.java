package dev.casebook.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.diag.Diagnostics;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlossaryReaderTest {
  private final Diagnostics diagnostics = new Diagnostics();

  private Glossary read(String yaml) {
    YamlMap map = (YamlMap) YamlReader.read(yaml, "casebook.yml", 0, diagnostics).orElseThrow();
    return GlossaryReader.read(map.entry("glossary").orElseThrow(), diagnostics);
  }

  private List<String> problems() {
    return diagnostics.sorted().stream().map(Object::toString).toList();
  }

  @Test
  void readsOneTermAFileFromTheGlossaryFolderButNoSymbolicLink(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws java.io.IOException {
    java.nio.file.Path folder = java.nio.file.Files.createDirectories(tmp.resolve("library/glossary"));
    java.nio.file.Files.writeString(folder.resolve("slo.md"), "---\r\nterm: SLO\r\naliases: [service level objective]\r\n"
        + "---\r\n\r\nService level *objective*.\r\n");
    java.nio.file.Files.writeString(tmp.resolve("outside.md"), "---\nterm: outside\n---\nNot read.\n");
    java.nio.file.Files.createSymbolicLink(folder.resolve("outside.md"), tmp.resolve("outside.md"));
    java.nio.file.Files.writeString(folder.resolve("README.txt"), "Not a term.\n");
    Glossary g = GlossaryReader.read(null, tmp.resolve("library"), diagnostics);
    assertEquals(List.of(), problems());
    assertEquals(List.of(new Glossary.Term("SLO", "slo", List.of("service level objective"), "Service level *objective*.", List.of())),
        g.terms());
  }

  @Test
  void readsTheShortAndTheLongForm() {
    Glossary g = read("""
        glossary:
          SLO:
            definition: Service level objective.
            aliases: [service level objective]
            see: [error budget]
          error budget: How much unreliability an SLO allows.
        """);
    assertEquals(List.of(), problems());
    assertEquals(List.of(
        new Glossary.Term("SLO", "slo", List.of("service level objective"), "Service level objective.", List.of("error budget")),
        new Glossary.Term("error budget", "error-budget", List.of(), "How much unreliability an SLO allows.", List.of())),
        g.terms());
  }

  @Test
  void mistakesAreReportedAtTheirLineAndTheTermIsLeftOut() {
    Glossary g = read("""
        glossary:
          SLO:
            definiton: Service level objective.
          DNS: The names system.
          dns: Twice.
          TTL:
            definition: Time to live.
            aliases: [dns]
            see: [error budgt, DNS]
          on call: Someone answers pages.
          on-call: The same anchor.
          ' -x': Starts with a dash.
          list: [a, b]
        """);
    assertEquals(List.of(
        "casebook.yml:2:3: error: glossary term 'SLO' has no definition (write it after the term, or under 'definition')",
        "casebook.yml:3:5: error: unknown field 'definiton' of glossary term 'SLO' (did you mean 'definition'?)",
        "casebook.yml:5:3: error: 'dns' is in the glossary twice (terms and aliases are compared ignoring case) (first at line 4)",
        "casebook.yml:8:15: error: 'dns' is in the glossary twice (terms and aliases are compared ignoring case) (first at line 4)",
        "casebook.yml:9:11: error: unknown glossary term 'error budgt' in 'see' (see lists names of other glossary terms)",
        "casebook.yml:11:3: error: glossary term 'on-call' has the same anchor (#term-on-call) as the term at line 10"
            + " (write the two as one term with aliases)",
        "casebook.yml:12:3: error: glossary term '-x' must start and end with a letter or digit and be at most 80 characters long",
        "casebook.yml:13:9: error: glossary term 'list' must have a definition or a mapping of definition, aliases, see, not a list"),
        problems());
    assertEquals(List.of("DNS", "TTL", "on call"), g.terms().stream().map(Glossary.Term::name).toList());
  }
}
