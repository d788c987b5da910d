package dev.casebook.cli;

import dev.casebook.config.SiteConfig;
import dev.casebook.config.Vocabulary;
import dev.casebook.scaffold.NewIncident;
import dev.casebook.scaffold.NewIncident.Draft;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Asks for what {@code casebook new} was not given: the title, the owner, the teams, services,
 * severity and tags, offering the library's vocabularies and asking again when an answer is not
 * in one. An empty answer leaves a field empty (the title must not be); the end of the input
 * leaves every remaining field empty.
 */
final class DraftPrompts {
  private final BufferedReader in;
  private final PrintWriter out;
  private final SiteConfig config;
  private boolean ended;

  DraftPrompts(BufferedReader in, PrintWriter out, SiteConfig config) {
    this.in = in;
    this.out = out;
    this.config = config;
  }

  /**
   * The draft with every field it lacks asked for.
   *
   * @throws IOException when the input ends before a title was given
   */
  Draft complete(Draft given, boolean askTitle, boolean askOwner, boolean askTeams, boolean askServices, boolean askSeverity,
      boolean askTags) throws IOException {
    String title = given.title();
    while (askTitle && title.isEmpty()) {
      String answer = ask("Title", "");
      if (answer == null) throw new IOException("no title given");
      title = answer.strip();
      if (title.isEmpty()) out.println("  The title is required: a few words a colleague would search for.");
    }
    String owner = askOwner ? one("Owning team", "teams", "team") : given.owner();
    List<String> teams = askTeams ? many("Other teams involved", "teams", "team") : given.teams();
    List<String> services = askServices ? many("Services involved", "services", "service") : given.services();
    String severity = askSeverity ? one("Severity", "severities", "severity") : given.severity();
    List<String> tags = askTags ? many("Tags", "tags", "tag") : given.tags();
    return new Draft(title, given.date(), owner, teams, services, tags, severity);
  }

  private String one(String label, String key, String what) throws IOException {
    List<String> answer = answer(label, key, what, s -> List.of(s.strip()));
    return answer.isEmpty() ? "" : answer.get(0);
  }

  private List<String> many(String label, String key, String what) throws IOException {
    return answer(label + ", comma-separated", key, what,
        s -> Arrays.stream(s.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList());
  }

  private List<String> answer(String label, String key, String what, Function<String, List<String>> parse) throws IOException {
    Vocabulary vocabulary = config.vocabulary(key);
    String choices = vocabulary.isOpen() ? "" : String.join(", ", vocabulary.terms().keySet());
    while (true) {
      String line = ask(label, choices);
      if (line == null || line.isBlank()) return List.of();
      List<String> values = parse.apply(line);
      List<String> problems = NewIncident.unknown(config, key, what, values);
      if (problems.isEmpty()) return values;
      for (String p : problems) out.println("  " + p.substring(0, p.indexOf("; casebook.yml lists") < 0 ? p.length() : p.indexOf("; casebook.yml lists")));
    }
  }

  /** Prints the question and reads one line; null at the end of the input. */
  private String ask(String label, String choices) throws IOException {
    if (ended) return null;
    if (!choices.isEmpty()) out.println(label + " (" + choices + "; empty for none):");
    out.print(choices.isEmpty() ? label + ": " : "> ");
    out.flush();
    String line = in.readLine();
    if (line == null) {
      ended = true;
      out.println();
    }
    return line;
  }
}
