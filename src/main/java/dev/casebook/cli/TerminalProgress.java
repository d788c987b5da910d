package dev.casebook.cli;

import dev.casebook.pipeline.BuildProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A build's progress on a terminal: one line, rewritten in place, with each finished stage and
 * its time and how long the running stage has taken so far; cleared when the build ends, so only
 * the summary stays. Used only when the output is a terminal: in CI logs there are no
 * carriage returns, just the summary line.
 */
final class TerminalProgress implements BuildProgress, AutoCloseable {
  static final String CLEAR_LINE = "\r\u001b[K";
  private static final long TICK_MILLIS = 200;
  private static final int SHOWN = 3;

  private final PrintWriter out;
  private final List<String> done = new ArrayList<>();
  private final Thread ticker;
  private long stageStart = System.nanoTime();
  private boolean closed;

  /** Starts showing progress on {@code out}; {@code tick} false leaves out the running clock (for tests). */
  TerminalProgress(PrintWriter out, boolean tick) {
    this.out = out;
    this.ticker = new Thread(this::tick, "casebook-progress");
    ticker.setDaemon(true);
    draw();
    if (tick) ticker.start();
  }

  @Override
  public synchronized void stageDone(String stage, Duration took) {
    done.add(stage + " " + Reporter.millis(took));
    stageStart = System.nanoTime();
    draw();
  }

  private void tick() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(TICK_MILLIS);
        synchronized (this) {
          if (closed) return;
          draw();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last {@value #SHOWN} finished stages and the running one, so the line fits a narrow terminal. */
  private void draw() {
    long running = (System.nanoTime() - stageStart) / 1_000_000;
    List<String> shown = done.subList(Math.max(0, done.size() - SHOWN), done.size());
    out.print(CLEAR_LINE + "Building: " + (done.size() > SHOWN ? "… " : "") + String.join(" · ", shown)
        + (shown.isEmpty() ? "" : " · ") + "… " + Reporter.millis(Duration.ofMillis(running)));
    out.flush();
  }

  @Override
  public synchronized void close() {
    closed = true;
    ticker.interrupt();
    out.print(CLEAR_LINE);
    out.flush();
  }
}
