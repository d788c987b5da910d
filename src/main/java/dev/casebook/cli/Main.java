package dev.casebook.cli;

import dev.casebook.render.WebJarVersions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code casebook} command: wires the subcommands and maps failures to exit codes. */
@Command(
    name = "casebook",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Turns a library of incident write-ups into a searchable, cross-linked static site.",
    subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, NewCommand.class, CollectCommand.class,
        ReadershipCommand.class, CommandLine.HelpCommand.class},
    synopsisSubcommandLabel = "COMMAND",
    footer = {"", "Exit status: 0 success, 1 problems found in the library, 2 usage error.",
        "Run 'casebook COMMAND --help' for a command's options."})
public final class Main implements Runnable {
  /** The library has errors (or the command failed). */
  public static final int EXIT_PROBLEMS = 1;
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final BufferedReader input;
  private final boolean terminal;

  Main(BufferedReader input, boolean terminal) {
    this.input = input;
    this.terminal = terminal;
  }

  /** What the user types, for commands that ask. */
  BufferedReader input() {
    return input;
  }

  /** True when the command runs in a terminal, where it may ask questions. */
  boolean terminal() {
    return terminal;
  }

  public static void main(String[] args) {
    int exit;
    try {
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, java.nio.charset.Charset.defaultCharset()));
      exit = run(args, in, System.console() != null, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    } catch (OutOfMemoryError e) {
      System.err.println("casebook: error: out of memory; give Java more with CASEBOOK_JAVA_OPTS=-Xmx4g "
          + "(bin/casebook) or java -Xmx4g -jar casebook.jar");
      exit = EXIT_PROBLEMS;
    }
    System.exit(exit);
  }

  /** Runs the command line with the given streams, no input and no terminal, and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, new BufferedReader(new java.io.StringReader("")), false, out, err);
  }

  /**
   * Runs the command line and returns the exit code.
   *
   * @param terminal whether commands may ask questions on {@code in} when they lack an answer
   */
  public static int run(String[] args, BufferedReader in, boolean terminal, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main(in, terminal));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new Failures());
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.registerConverter(java.time.LocalDate.class, new OptionValues.Day());
    cli.registerConverter(Integer.class, new OptionValues.WholeNumber());
    cli.registerConverter(int.class, new OptionValues.WholeNumber());
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"Casebook " + WebJarVersions.CASEBOOK};
    }
  }

  /** One clear line for a failure; the stack trace only with --verbose. */
  static final class Failures implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
      PrintWriter err = cli.getErr();
      err.println("casebook: error: " + FailureMessage.of(e));
      if (parsed.hasMatchedOption("--verbose")
          || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose"))) {
        e.printStackTrace(err);
      }
      return EXIT_PROBLEMS;
    }
  }
}
