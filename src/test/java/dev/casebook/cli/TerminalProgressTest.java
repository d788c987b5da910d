package dev.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.Fixtures;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build progress: one line rewritten in place on a terminal, nothing of it in logs. */
class TerminalProgressTest {
  @TempDir Path tmp;

  @Test
  void eachFinishedStageRewritesTheLineAndTheEndClearsIt() {
    StringWriter text = new StringWriter();
    try (TerminalProgress progress = new TerminalProgress(new PrintWriter(text, true), false)) {
      progress.stageDone("load", Duration.ofMillis(120));
      progress.stageDone("validate", Duration.ofMillis(40));
      progress.stageDone("link", Duration.ofMillis(300));
      progress.stageDone("render", Duration.ofMillis(2500));
    }
    String[] frames = text.toString().split("\r\u001b\\[K", -1);
    assertEquals("", frames[0], "every frame starts by returning to the start of the line and clearing it");
    assertTrue(frames[1].startsWith("Building: … "), frames[1]);
    assertTrue(frames[2].startsWith("Building: load 120 ms · … "), frames[2]);
    assertTrue(frames[3].startsWith("Building: load 120 ms · validate 40 ms · … "), frames[3]);
    assertTrue(frames[5].startsWith("Building: … validate 40 ms · link 300 ms · render 2.50 s · … "),
        "the last three stages, so the line stays short: " + frames[5]);
    assertEquals("", frames[6], "cleared at the end, so only the summary stays");
    assertEquals(7, frames.length);
  }

  @Test
  void aBuildOnATerminalShowsProgressAndInALogOnlyTheSummary() {
    Path library = Fixtures.resource("sites/minimal/input");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new String[] {"build", "--source", library.toString(), "--out", tmp.resolve("tty").toString()},
        new BufferedReader(new StringReader("")), true, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, exit);
    assertTrue(err.toString().contains("Building: load "), err.toString());
    assertTrue(err.toString().endsWith(TerminalProgress.CLEAR_LINE), "the line is cleared");
    assertTrue(out.toString().startsWith("Built 2 write-ups"), out.toString());

    Cli log = Cli.run("build", "--source", library.toString(), "--out", tmp.resolve("log").toString());
    assertEquals("", log.err(), "no progress when not on a terminal");
    assertFalse(log.out().contains("\r"));

    StringWriter quietErr = new StringWriter();
    Main.run(new String[] {"build", "--quiet", "--source", library.toString(), "--out", tmp.resolve("quiet").toString()},
        new BufferedReader(new StringReader("")), true, new PrintWriter(new StringWriter(), true), new PrintWriter(quietErr, true));
    assertEquals("", quietErr.toString(), "--quiet silences the progress too");
  }
}
