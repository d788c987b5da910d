package dev.casebook.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error as two short lines: what is wrong, in the user's terms, and where to read more
 * ({@code see 'casebook build --help'}), instead of the message followed by the whole help.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
  private static final Pattern INVALID_OPTION = Pattern.compile("Invalid value for option '([^']+)': (.*)", Pattern.DOTALL);
  private static final Pattern MISSING_VALUE = Pattern.compile("Missing required parameter for option '([^']+)' \\((.+)\\)");
  private static final Pattern UNKNOWN_SUBCOMMAND = Pattern.compile("Unknown subcommand '(.*)'\\.?");
  private static final Pattern NOT_BOOLEAN = Pattern.compile("('.*') is not a boolean");
  private static final Pattern INVALID_POSITIONAL =
      Pattern.compile("Invalid value for positional parameter at index \\d+ \\(([^)]+)\\): (.*)", Pattern.DOTALL);

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println("casebook: error: " + message(e));
    err.println("see '" + cli.getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return Main.EXIT_USAGE;
  }

  /** The message of a usage error, in the user's terms. */
  static String message(ParameterException e) {
    String text = e.getMessage() == null ? "" : e.getMessage().strip();
    if (e instanceof UnmatchedArgumentException unmatched) return unmatched(unmatched);
    Matcher m = INVALID_OPTION.matcher(text);
    if (m.matches()) return m.group(1) + ": " + value(m.group(2));
    m = INVALID_POSITIONAL.matcher(text);
    if (m.matches()) return m.group(1) + ": " + value(m.group(2));
    m = MISSING_VALUE.matcher(text);
    if (m.matches()) return m.group(1) + " needs a value (" + m.group(2) + ")";
    m = UNKNOWN_SUBCOMMAND.matcher(text);
    if (m.matches()) return "unknown command '" + m.group(1) + "'";
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  /** What is wrong with a value, as a converter or picocli said it. */
  private static String value(String problem) {
    Matcher m = NOT_BOOLEAN.matcher(problem);
    return m.matches() ? m.group(1) + " is neither true nor false" : problem;
  }

  private static String unmatched(UnmatchedArgumentException e) {
    List<String> args = e.getUnmatched();
    String first = args.isEmpty() ? "" : args.get(0);
    List<String> suggestions = e.getSuggestions();
    String hint = suggestions.isEmpty() ? "" : " (did you mean '" + suggestions.get(0) + "'?)";
    boolean command = e.getCommandLine().getSubcommands().size() > 0 && !first.startsWith("-");
    if (e.isUnknownOption()) return "unknown option '" + first + "'" + hint;
    if (command) return "unknown command '" + first + "'" + hint;
    return "unexpected argument '" + first + "'" + (args.size() > 1 ? " (and " + (args.size() - 1) + " more)" : "") + hint;
  }
}
