package dev.casebook.cli;

import dev.casebook.scaffold.NewIncident;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Create a write-up with the next free id and print its path.",
        "The file starts from the theme's new-incident.md, with status: draft."})
final class NewCommand implements Callable<Integer> {
  @Mixin LibraryOptions library;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TITLE", description = "The write-up's title.")
  String title;

  @Option(names = "--owner", paramLabel = "TEAM", description = "The owning team.")
  String owner;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The incident's date (default: today).")
  LocalDate date;

  @Override
  public Integer call() throws Exception {
    LocalDate day = date != null ? date : LocalDate.now();
    NewIncident.Created created = NewIncident.create(library.root(), title, day, owner);
    Path cwd = Path.of("").toAbsolutePath();
    Path shown = created.file().startsWith(cwd) ? cwd.relativize(created.file()) : created.file();
    spec.commandLine().getOut().println(shown);
    return 0;
  }
}
