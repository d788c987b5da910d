package dev.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.Fixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code casebook serve} as a user runs it: a separate process, stopped with a signal. */
class ServeCommandTest {
  @Test
  void buildsServesAndStopsCleanlyOnSigterm() throws Exception {
    java.util.Set<String> before = serveFolders();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process serve = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "serve", "--port", "0", "--source", Fixtures.resource("sites/minimal/input").toString()))
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      Matcher m = Pattern.compile("Built 2 write-ups in .* Serving at (http://localhost:\\d+/), rebuilding on changes \\(Ctrl-C to stop\\)").matcher(String.valueOf(line));
      assertTrue(m.matches(), "first line: " + line);
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(m.group(1) + "incidents/INC-2024-001/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("DNS record vanished"));
      serve.destroy();
      assertTrue(serve.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
      assertEquals(before, serveFolders(), "the temporary site is deleted on exit");
    } finally {
      serve.destroyForcibly();
    }
  }

  private static java.util.Set<String> serveFolders() throws java.io.IOException {
    try (var list = java.nio.file.Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("casebook-serve-"))
          .collect(java.util.stream.Collectors.toSet());
    }
  }
}
