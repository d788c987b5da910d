package dev.casebook.coach;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.validate.LibraryFixtures;
import dev.casebook.validate.LibraryFixtures.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phrase rules (hindsight, blame, root-cause) sentence by sentence, through {@code casebook
 * check}: each sentence is a paragraph of one write-up, and each must get exactly the rules listed
 * for it. The sentences are written for these tests in the shapes real postmortems use.
 */
class PhraseRulesTest {
  @TempDir Path tmp;

  /** The rules that flag each sentence, in the order given. */
  private Map<String, String> flagged(List<String> sentences) throws IOException {
    Path library = tmp.resolve("library");
    Files.createDirectories(library.resolve("incidents"));
    Files.writeString(library.resolve("casebook.yml"), "title: Phrases\ncoach:\n  rules:\n    acronyms: off\n"
        + "    long-sentences: off\n    long-paragraphs: off\n    richness: off\n    publish-readiness: off\n", UTF_8);
    StringBuilder body = new StringBuilder("---\nid: INC-1\ntitle: Phrases\ndate: 2024-03-05\n---\n\n");
    int firstLine = 7;
    for (String s : sentences) body.append(s).append("\n\n");
    Files.writeString(library.resolve("incidents/INC-1.md"), body.toString(), UTF_8);
    Run run = LibraryFixtures.run("check", "--source", library.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    Map<Integer, TreeSet<String>> byLine = new LinkedHashMap<>();
    Matcher m = Pattern.compile("^incidents/INC-1\\.md:(\\d+):\\d+: hint: ([a-z-]+):", Pattern.MULTILINE).matcher(run.out());
    while (m.find()) byLine.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new TreeSet<>()).add(m.group(2));
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < sentences.size(); i++) {
      out.put(sentences.get(i), String.join(",", byLine.getOrDefault(firstLine + 2 * i, new TreeSet<>())));
    }
    return out;
  }

  /** Asserts each sentence gets the rules after its "=>" (none when there is nothing after it). */
  private void check(String... cases) throws IOException {
    List<String> sentences = new ArrayList<>();
    Map<String, String> expected = new LinkedHashMap<>();
    for (String c : cases) {
      String[] parts = c.split(" => ", -1);
      sentences.add(parts[0]);
      expected.put(parts[0], parts.length > 1 ? parts[1] : "");
    }
    assertEquals(expected, flagged(sentences));
  }

  @Test
  void rootCauseVerdictsInTheirUsualShapes() throws IOException {
    check(
        "The root cause for this incident is a bug in the deploy script. => root-cause",
        "The incident's root cause stemmed from a routine upgrade. => root-cause",
        "A primary root cause was identified as a file descriptor limit. => root-cause",
        "Tests confirmed that the new client is the root cause. => root-cause",
        "We identified lock contention as the root cause by reading the traces. => root-cause",
        "Three of the four outages shared the same root cause as the first. => root-cause",
        "Root cause identified: too many retries. => root-cause",
        "Root cause traced to the upstream provider. => root-cause",
        "The vendor confirmed the root cause to be a firmware defect. => root-cause",
        "Undersized nodes (primary root cause) made the pods compete for CPU. => root-cause",
        "Root cause analysis showed that one consumer created thousands of groups. => root-cause");
  }

  @Test
  void rootCauseLeavesTheSearchAndPluralsAlone() throws IOException {
    check(
        "The root cause was not identified until the next day.",
        "The root cause is still unknown.",
        "The root cause was identified during routine maintenance.",
        "The root cause was a combination of three factors.",
        "The root cause was a complex interaction of several old decisions.",
        "Root causes:",
        "We are still looking for the root cause.",
        "Reverting the change ruled it out as a root cause.");
  }

  @Test
  void rootCauseHeadingsOnlyInTheSingular() throws IOException {
    check("## Root cause => root-cause", "## Root causes", "## Root cause analysis => root-cause");
  }

  @Test
  void hindsightOfPeopleInMoreShapes() throws IOException {
    check(
        "The author set the variable but failed to transmit it to the servers. => hindsight",
        "While updating the servers, a technician failed to copy the new code to one of them. => hindsight",
        "The subsequent failure of a lead operator to act prolonged the outage. => hindsight",
        "The user repointed the link and forgot to update the index. => hindsight",
        "The team answered the page at once but missed that the API was still serving. => hindsight",
        "The second header change was overlooked. => hindsight",
        "This one could have been alerted on by counting errors. => hindsight",
        "If we had read the notice we could have recycled the node gracefully. => hindsight",
        "Appointing an incident commander could have helped. => hindsight",
        "Asking users for details could have led to a quicker recovery. => hindsight",
        "The initial analysis failed to predict the problems with the new runtime. => hindsight");
  }

  @Test
  void hindsightLeavesAttemptsPlansAndThingsAlone() throws IOException {
    check(
        "We failed to reproduce the bug on staging.",
        "Don't forget to drain the node before the upgrade.",
        "We should have a talk with the platform team about ingress.",
        "We could not have known that the disk was full.",
        "We could have lost the whole cluster.",
        "The notice was easily missed in the channel.",
        "We missed our SLO for the month.",
        "The cron job missed its window.",
        "Safety checks fail silently: you learn of it when something else catches what they missed.",
        "Among the errors most were a mundane failure to authenticate.",
        "The generators failed to provide stable voltage.");
  }

  @Test
  void blameInMoreShapes() throws IOException {
    check(
        "This was again our bad: the client had no timeout. => blame",
        "This oversight sent traffic to old code. => blame",
        "The root cause was a configuration error introduced by a network engineer. => blame,root-cause",
        "A manual deployment error left one server on old code. => blame",
        "The page named an error caused by the proxy.",
        "Automated deploys prevent human error.",
        "Regulators asked for more oversight of the exchange.");
  }

  @Test
  void hindsightFindsTheSubjectPastARelativeClause() throws IOException {
    check(
        "The team that owns the service failed to check the replica lag. => hindsight",
        "The engineer who ran the migration failed to verify the backup. => hindsight",
        "The code that creates outputs failed to check against negative values.",
        "The job which rotates the keys failed to verify the new certificate.",
        "We noticed that the probe failed to check the port.");
  }

  @Test
  void hindsightLeavesWhatReachesPeopleAndMachinesCalledTheyAlone() throws IOException {
    check(
        "We should have received an alert when the disk filled.",
        "The nodes were replaced, but they failed to rejoin the cluster.",
        "They failed to update the runbook after the last outage. => hindsight",
        "They failed to escalate the page. => hindsight",
        "We should have rolled back at once. => hindsight");
  }

  @Test
  void hindsightOfAFailureHeldAgainstSomeone() throws IOException {
    check(
        "The agency acknowledged its responsibility for failing to implement adequate tests. => hindsight",
        "The latter could have be done by the teams themselves. => hindsight",
        "The controller kept failing to implement the new limits.");
  }

  @Test
  void blameOfOperationsAndPassiveMistakes() throws IOException {
    check(
        "The change reached every region at once due to operational error. => blame",
        "A significant contributing factor was an operational error during the deployment. => blame",
        "Note: user error was made here by assuming the two hashes were the same. => blame",
        "The data set was withdrawn because an error was made when publishing it. => blame",
        "Mistakes were made during the failover. => blame",
        "Some of this was an honest oversight. => blame",
        "A human mistake left the flag on. => blame",
        "The API returns a user error message for malformed input.",
        "A spike of user errors followed the release.",
        "We now track the operational error rate of each queue.",
        "Batch deploys in the tooling, so that the operational error of pushing globally is no longer possible.",
        "The board set up a regulatory oversight body.",
        "An oversight committee reviews every change.");
  }
}
