package dev.casebook.cli;

import java.lang.management.ManagementFactory;

/** A stand-in for casebook.jar in {@link LauncherTest}: prints the JVM options it was started with, one a line. */
public final class LauncherProbe {
  private LauncherProbe() {}

  public static void main(String[] args) {
    ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(System.out::println);
  }
}
