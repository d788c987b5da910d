package dev.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/casebook's JVM options: the heap of a build follows the size of the library's write-ups. */
class LauncherTest {
  @TempDir Path tmp;
  private Path jar;

  /** A jar whose main class prints the JVM options, run by the launcher in place of casebook.jar. */
  @BeforeEach
  void probeJar() throws IOException {
    jar = tmp.resolve("probe.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
    String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
         InputStream in = LauncherProbe.class.getResourceAsStream("/" + entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
  }

  @Test
  void aSmallLibraryGetsThe896MbHeap() throws Exception {
    Path lib = library("small", 1);
    List<String> options = launch(Map.of(), "build", "--source", lib.toString(), "--quiet");
    assertTrue(options.contains("-Xms896m") && options.contains("-Xmx896m"), options.toString());
    assertTrue(launch(Map.of(), "check", "-s", lib.toString()).contains("-Xmx896m"));
  }

  @Test
  void aLargerLibraryGetsAHeapThatFollowsItsMarkdown() throws Exception {
    // 320 MiB of Markdown in 32 write-ups: 3 MB of heap per MB and 12 MB per 1,000 write-ups
    // (none here) is 960 MB, above the 896 MB floor; a fifth of that Markdown stays at the floor.
    Path lib = library("larger", 32);
    assertHeap(960, launch(Map.of(), "build", "--source=" + lib, "--quiet"));
    assertHeap(960, launch(Map.of(), "build", "-s" + lib));
    assertHeap(896, launch(Map.of(), "build", "--source", library("smaller", 6).toString()));
    // Without --source the library is the current folder, here the folder the test runs in.
    assertHeap(896, launch(Map.of(), "build"));
  }

  @Test
  void serveGetsFourTimesABuildsHeap() throws Exception {
    // A build of this library gets 960 MB (above); serve keeps every stage's results and gets four times that.
    Path lib = library("larger", 32);
    long ramMb = ramMb();
    int expected = (int) Math.min(4 * 960, ramMb * 3 / 4 >= 2048 ? ramMb * 3 / 4 : Long.MAX_VALUE);
    assertTrue(launch(Map.of(), "serve", "--source", lib.toString()).contains("-Xmx" + Math.max(2048, expected) + "m"));
    int small = (int) Math.min(4 * 896, ramMb * 3 / 4 >= 2048 ? ramMb * 3 / 4 : Long.MAX_VALUE);
    assertTrue(launch(Map.of(), "serve", "-s", library("small", 1).toString()).contains("-Xmx" + Math.max(2048, small) + "m"));
  }

  private static long ramMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
    }
    throw new IOException("no MemTotal in /proc/meminfo");
  }

  @Test
  void casebookJavaOptsReplaceTheDefaults() throws Exception {
    Path lib = library("small", 1);
    assertEquals(List.of("-Xmx3g"), launch(Map.of("CASEBOOK_JAVA_OPTS", "-Xmx3g"), "serve", "--source", lib.toString()));
    assertEquals(List.of("-Xmx3g"), launch(Map.of("CASEBOOK_JAVA_OPTS", "-Xmx3g"), "build", "--source", lib.toString()));
  }

  private static void assertHeap(int mb, List<String> options) {
    assertTrue(options.contains("-Xms" + mb + "m") && options.contains("-Xmx" + mb + "m"), options.toString());
  }

  /**
   * A library whose incidents/ holds {@code tenMiBFiles} write-ups of 10 MiB each (sparse files: the
   * launcher goes by their size, not by what they hold).
   */
  private Path library(String name, int tenMiBFiles) throws IOException {
    Path incidents = Files.createDirectories(tmp.resolve(name).resolve("incidents"));
    for (int i = 0; i < tenMiBFiles; i++) {
      try (RandomAccessFile file = new RandomAccessFile(incidents.resolve("INC-" + i + ".md").toFile(), "rw")) {
        file.setLength(10 << 20);
      }
    }
    return tmp.resolve(name);
  }

  private List<String> launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("sh", Path.of("bin/casebook").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true);
    builder.environment().put("CASEBOOK_JAR", jar.toString());
    builder.environment().remove("CASEBOOK_JAVA_OPTS");
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, out);
    return out.lines().toList();
  }
}
