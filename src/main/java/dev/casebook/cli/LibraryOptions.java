package dev.casebook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every command that reads a library shares. */
final class LibraryOptions {
  @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
      description = "The library's root folder (default: the current folder).")
  Path source;

  @Option(names = {"-v", "--verbose"}, description = "Show stack traces of unexpected failures.")
  boolean verbose;

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  /** The library's root folder, which must exist. */
  Path root() {
    Path root = source.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new ParameterException(command.commandLine(), "--source: '" + source + "' "
          + (Files.exists(root) ? "is not a folder" : "does not exist") + " (give the library's root folder)");
    }
    return root;
  }
}
