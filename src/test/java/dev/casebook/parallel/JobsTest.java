package dev.casebook.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class JobsTest {
  @Test
  void forEachIndexVisitsEveryIndexOnce() {
    for (int count : new int[] {0, 1, 7, 8, 9, 1000, 1023}) {
      for (int chunk : new int[] {1, 8, 256}) {
        AtomicIntegerArray visits = new AtomicIntegerArray(Math.max(count, 1));
        Jobs.forEachIndex(count, chunk, visits::incrementAndGet);
        for (int n = 0; n < count; n++) assertEquals(1, visits.get(n), "index " + n + " of " + count + " by " + chunk);
        if (count == 0) assertEquals(0, visits.get(0));
      }
    }
  }

  @Test
  void forEachIndexPassesOnAFailure() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Jobs.forEachIndex(100, 10, n -> {
      if (n == 57) throw new IllegalStateException("index 57");
    }));
    assertEquals("index 57", e.getMessage());
  }
}
