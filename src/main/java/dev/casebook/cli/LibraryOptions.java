package dev.casebook.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that reads a library shares. */
final class LibraryOptions {
  @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
      description = "The library's root folder (default: the current folder).")
  Path source;

  @Option(names = {"-v", "--verbose"}, description = "Show stack traces of unexpected failures.")
  boolean verbose;

  Path root() {
    return source.toAbsolutePath().normalize();
  }
}
