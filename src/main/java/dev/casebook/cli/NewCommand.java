package dev.casebook.cli;

import dev.casebook.config.SiteConfig;
import dev.casebook.scaffold.NewIncident;
import dev.casebook.scaffold.NewIncident.Draft;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Create a write-up with the next free id and print its path (and, on",
        "standard error, its address in the preview of 'casebook serve').",
        "The file starts from the theme's new-incident.md, with status: draft.",
        "Without a TITLE in a terminal (or with --interactive) it asks for the title, owner, teams,",
        "services, severity and tags, offering the values casebook.yml lists."})
final class NewCommand implements Callable<Integer> {
  @Mixin LibraryOptions library;
  @Spec CommandSpec spec;
  @ParentCommand Main main;

  @Parameters(index = "0", arity = "0..1", paramLabel = "TITLE", description = "The write-up's title.")
  String title;

  @Option(names = "--owner", paramLabel = "TEAM", description = "The owning team.")
  String owner;

  @Option(names = "--team", split = ",", paramLabel = "TEAM", description = "Another team involved (repeat or separate with commas).")
  List<String> teams;

  @Option(names = "--service", split = ",", paramLabel = "SERVICE", description = "A service involved (repeat or separate with commas).")
  List<String> services;

  @Option(names = "--tag", split = ",", paramLabel = "TAG", description = "A tag (repeat or separate with commas).")
  List<String> tags;

  @Option(names = "--severity", paramLabel = "SEVERITY", description = "The severity, e.g. SEV2.")
  String severity;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The incident's date (default: today).")
  LocalDate date;

  @Option(names = {"-i", "--interactive"}, description = "Ask for every field not given as an option.")
  boolean interactive;

  @Option(names = "--no-input", description = "Never ask; fail when the TITLE is missing.")
  boolean noInput;

  @Override
  public Integer call() throws Exception {
    if (interactive && noInput) throw new ParameterException(spec.commandLine(), "--interactive and --no-input contradict each other");
    boolean ask = interactive || (title == null && main.terminal() && !noInput);
    if (title == null && !ask) {
      throw new ParameterException(spec.commandLine(), "give the write-up's TITLE, or run 'casebook new' in a terminal "
          + "(or with --interactive) to be asked for it");
    }
    LocalDate day = date != null ? date : LocalDate.now();
    SiteConfig config = NewIncident.settings(library.root());
    Draft draft = new Draft(title, day, owner, teams, services, tags, severity);
    List<String> problems = new java.util.ArrayList<>(draft.problems(config));
    if (title == null) problems.remove("the title is empty");
    if (!problems.isEmpty()) throw new ParameterException(spec.commandLine(), problems.get(0));
    if (ask) {
      PrintWriter out = spec.commandLine().getOut();
      draft = new DraftPrompts(main.input(), out, config).complete(draft, title == null, owner == null, teams == null,
          services == null, severity == null, tags == null);
    }
    NewIncident.Created created = NewIncident.create(library.root(), draft);
    Path cwd = Path.of("").toAbsolutePath();
    Path shown = created.file().startsWith(cwd) ? cwd.relativize(created.file()) : created.file();
    spec.commandLine().getOut().println(shown);
    // The path alone on standard output, for scripts ($EDITOR "$(casebook new ...)"); the preview address beside it.
    var err = spec.commandLine().getErr();
    err.println("Preview: " + ServeCommand.previewUrl(ServeCommand.DEFAULT_PORT, created.id())
        + " (while 'casebook serve' runs; it shows drafts)");
    err.flush();
    return 0;
  }
}
