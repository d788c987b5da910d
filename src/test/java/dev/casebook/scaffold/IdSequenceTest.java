package dev.casebook.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdSequenceTest {
  private static final LocalDate DAY = LocalDate.of(2025, 6, 1);

  @Test
  void startsEachYearAtOnePaddedToTheFormatsWidth() {
    assertEquals("INC-2025-001", IdSequence.next("INC-{year}-{seq:3}", DAY, List.of("INC-2024-017")));
  }

  @Test
  void takesTheNumberAfterTheHighestOfTheYearIgnoringCaseAndOtherIds() {
    assertEquals("INC-2025-020", IdSequence.next("INC-{year}-{seq:3}", DAY,
        List.of("INC-2025-002", "inc-2025-019", "INC-2024-900", "OPS-2025-500", "INC-2025-0xx")));
  }

  @Test
  void growsPastThePaddingAndWorksWithoutAYear() {
    assertEquals("INC-2025-1000", IdSequence.next("INC-{year}-{seq:3}", DAY, List.of("INC-2025-999")));
    assertEquals("PIR-43", IdSequence.next("PIR-{seq}", DAY, List.of("PIR-42", "PIR-7")));
  }
}
