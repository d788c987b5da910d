package dev.casebook.validate;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.text.TextFile;
import dev.casebook.validate.LibraryFixtures.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Write-ups that cannot be read at all (bytes that are not UTF-8, a file over the size limit)
 * keep their id when its line is legible: a write-up citing them gets a note, not an error.
 */
class UnreadableWriteUpsTest {
  @TempDir Path library;

  private static final String CITING = "---\nid: INC-2024-009\ntitle: Cites both\ndate: 2024-03-09\n"
      + "related: [INC-2024-001, INC-2024-002]\n---\n\nAs in INC-2024-001 and INC-2024-002.\n";

  @Test
  void aWriteUpCitingOnesThatCannotBeReadGetsOnlyNotes() throws IOException {
    Path incidents = Files.createDirectories(library.resolve("incidents"));
    Files.write(incidents.resolve("a.md"),
        "---\nid: INC-2024-001\ntitle: Caf\u00e9 outage\ndate: 2024-03-05\n---\n\nLatin-1.\n".getBytes(ISO_8859_1));
    StringBuilder huge = new StringBuilder("---\nid: INC-2024-002\ntitle: Huge\ndate: 2024-03-06\n---\n\n");
    while (huge.length() <= TextFile.MAX_BYTES) huge.append("All work and no play makes a very long write-up.\n");
    Files.writeString(incidents.resolve("b.md"), huge, UTF_8);
    Files.writeString(incidents.resolve("c.md"), CITING, UTF_8);

    Run run = LibraryFixtures.run("check", "--source", library.toString());

    assertEquals(List.of(
        "incidents/a.md:3:11: error: file is not valid UTF-8 (byte 0xE9) (save it as UTF-8)",
        "incidents/b.md: error: file is too large (" + Files.size(incidents.resolve("b.md")) + " bytes; the limit is "
            + TextFile.MAX_BYTES + ")",
        "incidents/c.md:5:11: note: related write-up 'INC-2024-001' has errors of its own (see incidents/a.md:3:11)",
        "incidents/c.md:5:25: note: related write-up 'INC-2024-002' has errors of its own (see incidents/b.md)",
        "incidents/c.md:8:7: note: cited write-up 'INC-2024-001' has errors of its own (see incidents/a.md:3:11)",
        "incidents/c.md:8:24: note: cited write-up 'INC-2024-002' has errors of its own (see incidents/b.md)"), run.outLines());
    assertEquals(1, run.exitCode(), run.err());
  }
}
