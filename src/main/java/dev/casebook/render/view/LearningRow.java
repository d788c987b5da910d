package dev.casebook.render.view;

import java.util.List;

/**
 * One write-up on the Learning page: how it was read (from the readership report) and how later
 * work cites it (from the library).
 *
 * @param readersOutsideOwner distinct readers whose team is not the owning team
 * @param readToEndPercent the share of reads that reached the end, or null when nobody read it
 * @param cameFrom where most readers came from (write-up, design, code, chat, ...), most first, at most 3
 * @param citedByWriteUps how many later write-ups cite it
 * @param citedByDesigns how many design documents cite it
 * @param citedInCode how many places in code cite it
 */
public record LearningRow(
    IncidentView incident,
    long reads,
    long readers,
    long readersOutsideOwner,
    Integer readToEndPercent,
    List<String> cameFrom,
    int citedByWriteUps,
    int citedByDesigns,
    int citedInCode) {

  public LearningRow {
    cameFrom = List.copyOf(cameFrom);
  }

  /** Citations of every kind. */
  public int citations() {
    return citedByWriteUps + citedByDesigns + citedInCode;
  }
}
