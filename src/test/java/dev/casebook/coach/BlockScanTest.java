package dev.casebook.coach;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one pass over a block that serves every rule, and the shortcuts the rules take with it. */
class BlockScanTest {
  private static final HindsightRule HINDSIGHT = new HindsightRule(false);
  private static final BlameRule BLAME = new BlameRule(false);
  private static final RootCauseRule ROOT_CAUSE = new RootCauseRule(false);
  private static final Anchors ALL = new Anchors(List.of(HINDSIGHT, BLAME, ROOT_CAUSE));

  private static List<String> anchors(BlockScan scan, int bit) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < scan.anchors(); i++) {
      if ((scan.bits(i) & bit) != 0) out.add(scan.previous(i) + ">" + scan.word(i) + "@" + scan.start(i));
    }
    return out;
  }

  @Test
  void notesEachRulesAnchorWordsWithTheWordBefore() {
    String text = "We Should've paged; the ROOT cause was human Error by them, and it's Fat-fingered.";
    BlockScan scan = BlockScan.of(text, ALL);
    assertEquals(List.of("we>should've@3"), anchors(scan, ALL.bit(HINDSIGHT)));
    assertEquals(List.of("human>error@45", "error>by@51", "it's>fat@69", "fat>fingered@73"), anchors(scan, ALL.bit(BLAME)));
    assertEquals(List.of("the>root@24"), anchors(scan, ALL.bit(ROOT_CAUSE)));
    assertEquals(0, BlockScan.of(text, Anchors.NONE).anchors());
  }

  @Test
  void aWordLongerThanAnyAnchorIsNoAnchorAndLeavesAnEmptyPreviousWord() {
    BlockScan scan = BlockScan.of("misconfigurations errors; rootcauseanalysis root", ALL);
    assertEquals(List.of(">root@44"), anchors(scan, ALL.bit(ROOT_CAUSE)));
    // "errors" has the key of "error": noted, and the rule decides on the whole word.
    assertEquals(List.of(">errors@18"), anchors(scan, ALL.bit(BLAME)));
  }

  @Test
  void countsSentencesAndWordsAsTheLengthRulesDo() {
    BlockScan scan = BlockScan.of("One two three. Four five!  Six\u00a0seven? 3.5 is e.g. fine .", ALL);
    // A no-break space joins two words; "3.5" and "e.g" do not end a sentence; the end is one more, empty.
    assertArrayEquals(new int[] {0, 14, 25, 37, 49, 56}, scan.sentenceStarts());
    assertArrayEquals(new int[] {3, 2, 1, 3, 1, 0}, scan.sentenceWords());
    assertEquals(11, scan.totalWords());
  }

  @Test
  void tellsWhetherTwoCapitalsFollowEachOther() {
    assertTrue(BlockScan.of("the ZRP queue", ALL).twoCapitals());
    assertFalse(BlockScan.of("The Queue Z", ALL).twoCapitals());
  }

  /**
   * Each phrase rule tries its pattern only where {@link PhraseRule#mayStart} says a phrase may
   * start; a search from every character must find no phrase anywhere else.
   */
  @Test
  void everyPhraseStartsWhereThePhraseRulesLook() {
    String text = "(root cause) -pre-deploy's root cause was x. Root cause: y; the pager's root cause is z. "
        + "_x_ we should have paged. They failed to escalate, a mistake by the DBA, human error, fat-fingered, "
        + "made a mistake; 2nd root cause was q. Operator's mistake. ééroot cause was it.";
    for (PhraseRule rule : List.of(HINDSIGHT, BLAME, ROOT_CAUSE)) {
      Pattern pattern = pattern(rule);
      for (int from = 0; from < text.length(); from++) {
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        m.region(from, text.length());
        if (m.find()) assertTrue(PhraseRule.mayStart(text, m.start()), rule.name() + " found a phrase at " + m.start());
      }
    }
  }

  private static Pattern pattern(PhraseRule rule) {
    try {
      var field = PhraseRule.class.getDeclaredField("pattern");
      field.setAccessible(true);
      return (Pattern) field.get(rule);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void skeletonLinesAreToldApartInPlace() {
    Skeleton skeleton = new Skeleton(java.util.Set.of("*tell the story.*", "| 14:02 | the first sign |"));
    String[] lines = {"x", "  *Tell  the\tstory.*  ", "| 14:02 | The first sign |", "*tell the story*"};
    String body = String.join("\n", lines) + "\n";
    boolean[] expected = {false, true, true, false};
    for (int i = 0, start = 0; i < lines.length; start += lines[i].length() + 1, i++) {
      assertEquals(expected[i], skeleton.isFiller(body, start, start + lines[i].length()), lines[i]);
      assertEquals(expected[i], skeleton.isFiller(lines[i]), lines[i]);
    }
  }

  @Test
  void skeletonLinesAreNormalizedAsBefore() {
    Pattern spaces = Pattern.compile("\\s+");
    for (String line : List.of("*Tell  the\tstory*", " a\u000B\u000Cb\r\n c ", "no\u00a0break", "İstanbul  ÀB", "")) {
      assertEquals(spaces.matcher(line).replaceAll(" ").toLowerCase(Locale.ROOT), Skeleton.normalize(line), line);
    }
  }

  @Test
  void sectionTitlesAreNormalizedAsBefore() {
    Pattern notWord = Pattern.compile("[^\\p{L}\\p{N}]+");
    for (String title : List.of("What made it difficult?", "  Contributors: ", "Ünïcode — Tïtle ½ (2024)", "İstanbul", "--", "a_b-c")) {
      assertEquals(notWord.matcher(title.toLowerCase(Locale.ROOT)).replaceAll(" ").strip(), Sections.normalize(title), title);
    }
  }
}
