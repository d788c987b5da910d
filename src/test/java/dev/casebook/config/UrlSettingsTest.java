package dev.casebook.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Diagnostics;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every setting the site renders as a URL refuses URLs that run script or leave http(s). */
class UrlSettingsTest {
  @TempDir Path tmp;

  /** Where each URL setting goes in a casebook.yml, with {@code VALUE} for its value (always on line 2). */
  private static final Map<String, String> WRITTEN = Map.of(
      "base_url", "title: t\nbase_url: VALUE\n",
      "edit_url", "title: t\nedit_url: VALUE\n",
      "readership.endpoint", "readership:\n  endpoint: VALUE\n",
      "code[].url", "code:\n  - {name: shop, host: github,\n     url: VALUE}\n",
      "code[].permalink", "code:\n  - {name: shop, url: 'https://github.com/acme/shop', permalink: VALUE}\n");

  private static final List<String> HOSTILE = List.of("javascript:alert(1)//", "JavaScript:alert(1)//",
      " javascript:alert(1)//", "java\tscript:alert(1)//", "data:text/html;base64,PHNjcmlwdD4=#", "vbscript:msgbox(1)//",
      "file:///etc/", "//evil.example/", "\\\\evil.example/");

  @Test
  void everyUrlSettingRefusesUrlsThatAreNotHttpOrOnTheSite() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String key : UrlSettings.KEYS) {
      String yaml = WRITTEN.get(key);
      if (yaml == null) {
        problems.add(key + ": the test does not know how to write it");
        continue;
      }
      String name = key.substring(key.lastIndexOf('.') + 1);
      for (String hostile : HOSTILE) {
        // Templates need their placeholder to get as far as the URL check.
        String value = key.endsWith("permalink") || key.equals("edit_url") ? hostile + "{path}" : hostile;
        Path library = Files.createDirectories(tmp.resolve("lib-" + problems.size() + "-" + Math.abs((key + hostile).hashCode())));
        Files.writeString(library.resolve(SiteConfig.FILE_NAME), yaml.replace("VALUE", quoted(value)));
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = ConfigLoader.load(library, diagnostics);
        List<Diagnostic> errors = diagnostics.sorted().stream().filter(Diagnostic::isError).toList();
        boolean reported = errors.stream().anyMatch(d -> d.position().file().equals(SiteConfig.FILE_NAME)
            && d.position().line() == (key.equals("code[].url") ? 3 : 2) && d.message().contains(name));
        boolean kept = config.baseUrl().contains("script") || config.editUrl().contains("script")
            || config.readership().enabled() || !config.code().isEmpty();
        if (!reported || kept) problems.add(key + " = " + quoted(value) + ": " + (kept ? "kept; " : "") + errors);
      }
    }
    assertEquals(List.of(), problems);
  }

  /** A new setting whose name says it is a URL must be in the list the loader checks. */
  @Test
  void theListHasEveryUrlOfTheConfiguration() {
    Pattern urlLike = Pattern.compile("(?i).*(url|endpoint|permalink|link|href).*");
    for (Class<?> type : List.of(SiteConfig.class, SiteConfig.Readership.class, SiteConfig.Folders.class, CodeRepository.class)) {
      for (RecordComponent c : type.getRecordComponents()) {
        if (!urlLike.matcher(c.getName()).matches()) continue;
        String snake = c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
        assertTrue(UrlSettings.KEYS.stream().anyMatch(k -> k.endsWith(snake)), type.getSimpleName() + "." + c.getName());
      }
    }
    assertFalse(UrlSettings.KEYS.isEmpty());
  }

  @Test
  void httpUrlsAndPathsOnTheSiteAreFine() throws IOException {
    Files.writeString(tmp.resolve(SiteConfig.FILE_NAME), "base_url: https://incidents.example/\n"
        + "edit_url: https://git.example/acme/incidents/edit/main/{path}\nreadership: {endpoint: /_r/e}\n"
        + "code:\n  - {name: shop, url: 'https://git.example/acme/shop', permalink: '{url}/src/{commit}/{path}#L{start}'}\n"
        + "  - {name: docs, url: 'https://git.example/acme/docs', permalink: '/code/{path}#L{start}'}\n");
    Diagnostics diagnostics = new Diagnostics();
    SiteConfig config = ConfigLoader.load(tmp, diagnostics);
    assertEquals(List.of(), diagnostics.sorted());
    assertEquals(2, config.code().size());
  }

  @Test
  void aWriteUpsHistoryIsMadeFromTheEditUrlOfAKnownForge() throws IOException {
    String path = "incidents/2024/INC-2024-001 dns.md";
    java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("https://github.com/acme/incidents/edit/main/{path}",
        "https://github.com/acme/incidents/commits/main/incidents/2024/INC-2024-001%20dns.md");
    cases.put("https://gitlab.example/team/sub/incidents/-/edit/trunk/{path}",
        "https://gitlab.example/team/sub/incidents/-/commits/trunk/incidents/2024/INC-2024-001%20dns.md");
    cases.put("https://codeberg.org/acme/incidents/_edit/main/{path}",
        "https://codeberg.org/acme/incidents/commits/branch/main/incidents/2024/INC-2024-001%20dns.md");
    cases.put("https://wiki.example/edit?page={path}", "");
    cases.put("https://bitbucket.org/acme/incidents/src/main/{path}?mode=edit", "");
    for (var c : cases.entrySet()) {
      Files.writeString(tmp.resolve(SiteConfig.FILE_NAME), "edit_url: " + c.getKey() + "\n");
      Diagnostics diagnostics = new Diagnostics();
      SiteConfig config = ConfigLoader.load(tmp, diagnostics);
      assertEquals(List.of(), diagnostics.sorted(), c.getKey());
      assertEquals(c.getValue(), config.historyUrlOf(path), c.getKey());
    }
    Files.writeString(tmp.resolve(SiteConfig.FILE_NAME), "title: no edit_url\n");
    assertEquals("", ConfigLoader.load(tmp, new Diagnostics()).historyUrlOf(path));
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
  }
}
