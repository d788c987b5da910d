import dev.casebook.coach.Coach;
import dev.casebook.coach.CoachCache;
import dev.casebook.config.ConfigLoader;
import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostics;
import dev.casebook.load.LibraryLoader;
import dev.casebook.markdown.MarkdownBody;
import dev.casebook.markdown.MarkdownParser;
import dev.casebook.model.Library;
import dev.casebook.validate.LibraryValidator;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The writing coach's own CPU time, warm, on one thread: reads a library, parses every body once,
 * then coaches every write-up ROUNDS times (default 30) and prints the CPU time of each round and
 * the median of the last half, when the JIT has done its work. It complements
 * bench/coach-bench.sh, whose whole runs of check include the JVM's start and its compilation.
 *
 *   java -cp target/casebook.jar bench/CoachTiming.java LIBRARY [ROUNDS]
 */
public final class CoachTiming {
  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: java -cp target/casebook.jar bench/CoachTiming.java LIBRARY [ROUNDS]");
      System.exit(2);
    }
    Path root = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Diagnostics diagnostics = new Diagnostics();
    SiteConfig config = ConfigLoader.load(root, diagnostics);
    Library library = LibraryValidator.validate(LibraryLoader.load(root, config, diagnostics), config, true, diagnostics);
    MarkdownParser parser = new MarkdownParser();
    List<MarkdownBody> bodies = new ArrayList<>();
    for (var incident : library.incidents()) bodies.add(parser.parse(incident.source().body()));
    var threads = ManagementFactory.getThreadMXBean();
    double[] millis = new double[rounds];
    int hints = 0;
    for (int r = 0; r < rounds; r++) {
      long start = threads.getCurrentThreadCpuTime();
      Coach coach = Coach.prepare(library, root, new Diagnostics(), CoachCache.none());
      for (int i = 0; i < bodies.size(); i++) coach.read(library.incidents().get(i), bodies.get(i));
      millis[r] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
      Diagnostics found = new Diagnostics();
      coach.report(library, found);
      hints = found.sorted().size();
      System.err.printf("round %d: %.0f ms%n", r + 1, millis[r]);
    }
    double[] warm = Arrays.copyOfRange(millis, rounds / 2, rounds);
    Arrays.sort(warm);
    System.out.printf("%d write-ups, %d hints and notes: the coach takes %.0f ms of CPU a round, warm (median of the last %d rounds)%n",
        bodies.size(), hints, warm[warm.length / 2], warm.length);
  }
}
