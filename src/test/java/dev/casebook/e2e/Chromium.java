package dev.casebook.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium from Debian's package, driven from the command line. The tests need it: when
 * it is missing they fail and say how to install it, they never skip.
 */
final class Chromium {
  private final Path binary;
  private final Path profile;

  private Chromium(Path binary, Path profile) {
    this.binary = binary;
    this.profile = profile;
  }

  static Chromium find(Path tmp) throws IOException {
    String configured = System.getenv("CASEBOOK_CHROMIUM");
    Path binary = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException("Chromium not found at " + binary
          + ": install it with 'apt-get install chromium' or set CASEBOOK_CHROMIUM (bash .ci/run does this)");
    }
    return new Chromium(binary, Files.createDirectories(tmp.resolve("chromium-profile")));
  }

  private List<String> command(String... extra) {
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--user-data-dir=" + profile, "--virtual-time-budget=15000"));
    cmd.addAll(List.of(extra));
    return cmd;
  }

  /** The page's DOM after its scripts ran. */
  String dumpDom(String url) throws IOException, InterruptedException {
    return run(command("--dump-dom", url));
  }

  /**
   * The page's DOM once it has loaded, for pages that keep a connection open (an event stream):
   * such a connection stops virtual time, so {@link #dumpDom} would wait for it to end.
   */
  String dumpDomOnLoad(String url) throws IOException, InterruptedException {
    List<String> cmd = command("--timeout=10000", "--dump-dom", url);
    cmd.removeIf(arg -> arg.startsWith("--virtual-time-budget="));
    return run(cmd);
  }

  /** A PNG screenshot of the page. */
  Path screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
    run(command("--window-size=" + width + "," + height, "--hide-scrollbars", "--screenshot=" + png, url));
    return png;
  }

  private String run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("Chromium did not finish: " + cmd);
    }
    if (p.exitValue() != 0) throw new IOException("Chromium exited with " + p.exitValue() + ": " + cmd);
    return new String(out, StandardCharsets.UTF_8);
  }
}
