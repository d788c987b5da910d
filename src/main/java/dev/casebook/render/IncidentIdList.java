package dev.casebook.render;

import dev.casebook.model.Incident;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The ids of the site's write-ups as a small script, {@value #PATH}, that only the 404 page loads
 * (through {@code not-found.js}, when the missing address is under {@code incidents/}): it sends a
 * reader whose link got an id's case wrong to the write-up, and lists the closest ids otherwise,
 * with no server logic. One id per line, sorted, in one string: about 13 bytes per write-up
 * before compression, so 130 KB for 10,000 write-ups, and far less gzipped.
 */
final class IncidentIdList {
  static final String PATH = "assets/incident-ids.js";

  private IncidentIdList() {}

  static SitePlan.Output output(List<Incident> incidents) {
    // Ids keep to letters, digits, '.', '_' and '-', so they need no escaping in a script string.
    List<String> ids = incidents.stream().map(Incident::id).sorted().toList();
    return new SitePlan.Output(PATH, ids, r -> r.out().write(PATH, script(ids)));
  }

  static byte[] script(List<String> ids) {
    return ("window.casebookIncidentIds = \"" + String.join("\\n", ids) + "\";\n").getBytes(StandardCharsets.UTF_8);
  }
}
