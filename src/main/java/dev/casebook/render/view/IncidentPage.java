package dev.casebook.render.view;

import dev.casebook.readership.ReadershipReport;
import java.util.List;

/**
 * What {@code incident.ftlh} sees: a write-up's page.
 *
 * @param related the write-ups it names in {@code related}
 * @param citedBy the write-ups that cite it, each with the sentence that does
 * @param citedByDesign the design documents that cite it
 * @param relatedBy the write-ups of {@code citedBy}
 * @param code its code references, pinned
 * @param citedInCode the comments in code that cite it
 * @param readers its readership, or null without a readership report
 * @param newer the write-up before it in the list of all write-ups, or null
 * @param older the write-up after it, or null
 * @param paths where it stands in each reading path it is a step of
 * @param readNext what to read after it, each with its reason
 */
public record IncidentPage(
    PageContext context,
    IncidentView incident,
    ContentView content,
    List<IncidentView> related,
    List<Citing> citedBy,
    List<DesignCiting> citedByDesign,
    List<IncidentView> relatedBy,
    List<CodeLinkView> code,
    List<CodeCitingView> citedInCode,
    ReadershipReport readers,
    IncidentView newer,
    IncidentView older,
    List<PathPlace> paths,
    List<ReadNextView> readNext) implements PageModel {}
