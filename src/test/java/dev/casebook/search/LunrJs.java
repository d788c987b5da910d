package dev.casebook.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real lunr.js 2.3.9, taken from the {@code org.webjars.npm:lunr} jar on the classpath, run by
 * Node through the driver scripts in {@code src/test/resources/search/}. Node is required: when it
 * is missing the calling test fails, it is never skipped.
 */
public final class LunrJs {
  static final String LUNR_RESOURCE = "/META-INF/resources/webjars/lunr/2.3.9/lunr.js";
  private static final List<String> SCRIPTS = List.of("build-index.js", "query.js", "pipeline-functions.js", "site-search.js", "decode-files.js",
      "query-equivalence.js");
  private static Path directory;

  private LunrJs() {}

  /** A directory holding lunr.js and the driver scripts, extracted once per JVM. */
  static synchronized Path directory() throws IOException {
    if (directory != null) return directory;
    Path dir = Files.createTempDirectory("casebook-lunr");
    dir.toFile().deleteOnExit();
    copy(LUNR_RESOURCE, dir.resolve("lunr.js"));
    for (String script : SCRIPTS) copy("/search/" + script, dir.resolve(script));
    directory = dir;
    return dir;
  }

  /** Runs {@code node <script> <lunr.js> <args...>} and returns its standard output. */
  public static String run(String script, String... args) throws IOException, InterruptedException {
    Path dir = directory();
    List<String> command = new ArrayList<>(List.of("node", dir.resolve(script).toString(), dir.resolve("lunr.js").toString()));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new AssertionError("Node.js is required to check the Java index builder against lunr.js, "
          + "but `node` could not be started (is it on PATH?): " + e.getMessage(), e);
    }
    byte[] err;
    byte[] out;
    try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
      ErrReader errReader = new ErrReader(stderr);
      errReader.start();
      out = stdout.readAllBytes();
      errReader.join();
      err = errReader.bytes;
    }
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("node " + script + " timed out");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("node " + script + " failed with exit code " + process.exitValue() + ":\n"
          + new String(err, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  private static void copy(String resource, Path target) throws IOException {
    try (InputStream in = LunrJs.class.getResourceAsStream(resource)) {
      if (in == null) throw new AssertionError("Missing on the test classpath: " + resource);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Reads a process's standard error on its own thread so neither pipe fills up. */
  private static final class ErrReader extends Thread {
    private final InputStream in;
    private byte[] bytes = new byte[0];

    ErrReader(InputStream in) {
      this.in = in;
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        bytes = e.toString().getBytes(StandardCharsets.UTF_8);
      }
    }
  }
}
