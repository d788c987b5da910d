package dev.casebook.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code casebook new} never hands out an id that a write-up already has, even one that cannot be read. */
class NewIncidentIdsTest {
  @TempDir Path library;

  @Test
  void skipsTheIdOfAWriteUpWhoseFrontMatterIsNotClosed() throws IOException {
    Files.writeString(library.resolve("casebook.yml"), "id_format: 'INC-{year}-{seq:3}'\n");
    Path incidents = Files.createDirectories(library.resolve("incidents/2024"));
    Files.writeString(incidents.resolve("INC-2024-001.md"), "---\nid: INC-2024-001\ntitle: Fine\ndate: 2024-03-05\n---\n\nBody.\n");
    Files.writeString(incidents.resolve("INC-2024-002.md"), "---\nid: INC-2024-002\ntitle: Never closed\ndate: 2024-03-06\n\nBody.\n");

    NewIncident.Created created = NewIncident.create(library, "Next one", LocalDate.of(2024, 3, 7), null);

    assertEquals("INC-2024-003", created.id());
  }
}
