package dev.casebook.render;

import dev.casebook.code.CodeCitation;
import dev.casebook.code.CodeFindings;
import dev.casebook.link.CitationGraph;
import dev.casebook.code.PinnedReference;
import dev.casebook.diag.SourcePosition;
import dev.casebook.link.Citation;
import dev.casebook.link.SitePaths;
import dev.casebook.markdown.RenderedBody;
import dev.casebook.memo.Derived;
import dev.casebook.memo.Input;
import dev.casebook.model.Incident;
import dev.casebook.readership.ReadershipReport;
import dev.casebook.render.view.Citing;
import dev.casebook.render.view.CodeLinkView;
import dev.casebook.render.view.DesignCiting;
import dev.casebook.render.view.DesignView;
import dev.casebook.render.view.IncidentPage;
import dev.casebook.render.view.IncidentView;
import dev.casebook.render.view.PageContext;
import dev.casebook.render.view.PathPlace;
import dev.casebook.render.view.ReadNextView;
import dev.casebook.render.view.SiteView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The write-ups' pages, each made from the plan's inputs alone and kept from one plan to the next
 * while none of the inputs it read changed: an edit re-plans the pages that show what it changed
 * and no others, and no list of what a page shows is kept by hand.
 */
final class IncidentPages {
  /** What every write-up page shares. */
  record Settings(SiteView site, String baseUrl, String readershipEndpoint, Map<String, String> branches, PageJobs jobs) {}

  /**
   * What a write-up's page shows of the write-up itself and of nothing else: other write-ups are
   * read through their views, so a page is made again when what it shows of them changed.
   *
   * @param newer the write-up before it in the list of all write-ups, or null
   * @param older the one after it, or null
   * @param paths where it stands in the reading paths it is a step of
   * @param cites the ids of the write-ups it cites, in the order it cites them
   */
  record Own(Incident incident, RenderedBody body, List<Citation> citing, List<PinnedReference> code,
      List<CodeCitation> codeCiting, ReadershipReport readers, String newer, String older, List<PathPlace> paths,
      List<String> cites) {
    /**
     * Whether {@code other} is made of the same objects (the neighbours' ids equal): then it is this
     * one, and the input finds it unchanged by identity instead of comparing its lists.
     */
    boolean sameParts(Own other) {
      return incident == other.incident && body == other.body && citing == other.citing && code == other.code
          && codeCiting == other.codeCiting && readers == other.readers && Objects.equals(newer, other.newer)
          && Objects.equals(older, other.older) && paths == other.paths && cites == other.cites;
    }
  }

  private static final String ALL = "";
  /** How many write-ups a core takes at a time when the inputs are made. */
  private static final int CHUNK = 256;

  private final Input<String, Settings> settings = Input.byValue("settings");
  private final Input<String, Own> own = Input.byValue("write-ups");
  /** The write-ups' views, which the plan sets before it starts this (shared with the design pages). */
  private final Input<String, IncidentView> views;
  private final Input<String, DesignView> designs = Input.byValue("designs");
  /** The inverted lists of services, tags and words that "Read next" finds alike write-ups through. */
  private final Input<String, List<String>> postings = Input.byValue("postings");
  private final Derived<String, SitePlan.Output> pages = Derived.of();
  /** Each write-up's terms, kept while it is the same object. */
  private final dev.casebook.memo.Memo<Incident, ReadNext.Terms> termsOf = dev.casebook.memo.Memo.byIdentity();
  /** The inverted lists of the last plan, which the next is made from. */
  private ReadNext.TermLists termLists;
  /** The last plan's own inputs of each write-up, by id. */
  private Map<String, Own> lastOwn = Map.of();
  /** The last plan's write-ups, and their terms at the same places. */
  private List<Incident> idsOfPlan = List.of();
  private ReadNext.Terms[] termsOfPlan = new ReadNext.Terms[0];

  IncidentPages(Input<String, IncidentView> views) {
    this.views = views;
  }

  /** The values of one plan's inputs (the views are set on their input by the plan). */
  record Sources(Settings settings, List<Incident> incidents, Map<String, RenderedBody> bodies,
      CitationGraph citations, Map<String, DesignView> designs, CodeFindings code, Map<String, ReadershipReport> readers,
      Function<String, List<PathPlace>> pathsOf) {}

  /** Starts a plan with these inputs. */
  synchronized void start(Sources s) {
    settings.set(Map.of(ALL, s.settings()));
    List<Incident> incidents = s.incidents();
    // Each write-up's own inputs and terms, made on every core; then put in maps in library order.
    Own[] owns = new Own[incidents.size()];
    ReadNext.Terms[] termsAt = new ReadNext.Terms[incidents.size()];
    termsOf.begin();
    dev.casebook.parallel.Jobs.forEachIndex(owns.length, CHUNK, n -> {
      Incident incident = incidents.get(n);
      String id = incident.id();
      owns[n] = new Own(incident, s.bodies().get(id), s.citations().citing(id), s.code().referencesOf(id),
          s.code().citing(id), s.readers().get(id),
          n > 0 ? incidents.get(n - 1).id() : null, n + 1 < incidents.size() ? incidents.get(n + 1).id() : null,
          s.pathsOf().apply(id), s.citations().citesInOrder(id));
      Own was = lastOwn.get(id);
      if (was != null && was.sameParts(owns[n])) owns[n] = was;
      termsAt[n] = termsOf.get(incident, ReadNext.Terms::of);
    });
    Map<String, Own> byId = new HashMap<>(incidents.size() * 2);
    for (int n = 0; n < owns.length; n++) byId.put(incidents.get(n).id(), owns[n]);
    own.set(byId);
    lastOwn = byId;
    // The inverted lists change only where a write-up's terms changed (a body edit leaves them as
    // they were, and the same map then tells the input nothing changed); a new order makes them afresh.
    if (termLists == null || !sameTerms(incidents, termsAt)) {
      Map<String, ReadNext.Terms> terms = new java.util.LinkedHashMap<>(incidents.size() * 2);
      for (int n = 0; n < owns.length; n++) terms.put(incidents.get(n).id(), termsAt[n]);
      termLists = termLists == null ? ReadNext.TermLists.of(terms) : termLists.with(terms);
    }
    termsOfPlan = termsAt;
    idsOfPlan = incidents;
    postings.set(termLists.postings());
    designs.set(s.designs());
    pages.begin();
  }

  /** Whether {@code incidents} have the last plan's ids in its order, each with equal terms. */
  private boolean sameTerms(List<Incident> incidents, ReadNext.Terms[] terms) {
    if (terms.length != termsOfPlan.length || incidents.size() != idsOfPlan.size()) return false;
    for (int n = 0; n < terms.length; n++) {
      if (terms[n] != termsOfPlan[n] && !terms[n].equals(termsOfPlan[n])) return false;
      Incident x = incidents.get(n);
      Incident y = idsOfPlan.get(n);
      if (x != y && !x.id().equals(y.id())) return false;
    }
    return true;
  }

  /** Write-up {@code id}'s page. */
  SitePlan.Output page(String id) {
    return pages.get(id, this::make);
  }

  /** Makes a page, reading only inputs. */
  private SitePlan.Output make(String id) {
    Settings s = settings.get(ALL);
    Own self = own.get(id);
    Incident incident = self.incident();
    RenderedBody body = self.body();
    List<Citation> citations = self.citing();
    List<Citing> citedBy = citations.stream().filter(c -> views.get(c.from()) != null)
        .map(c -> new Citing(views.get(c.from()), c.context())).toList();
    List<DesignCiting> citedByDesign = citations.stream().filter(c -> designs.get(c.from()) != null)
        .map(c -> new DesignCiting(designs.get(c.from()), c.context())).toList();
    List<CodeLinkView> links = self.code().stream()
        .map(p -> ViewFactory.codeLink(p, s.branches().getOrDefault(p.reference().repo(), ""))).toList();
    String url = SitePaths.incident(id);
    PageContext context = PageContext.of(s.site(), s.baseUrl(), s.readershipEndpoint(), "incident", incident.title(),
        incident.summary(), url);
    IncidentPage page = new IncidentPage(context, views.get(id), ViewFactory.content(body),
        incident.related().stream().map(r -> views.get(r.id())).filter(Objects::nonNull).toList(),
        citedBy, citedByDesign, citedBy.stream().map(Citing::incident).toList(), links,
        self.codeCiting().stream().map(ViewFactory::codeCiting).toList(),
        self.readers(), self.newer() == null ? null : views.get(self.newer()), self.older() == null ? null : views.get(self.older()),
        self.paths(), readNext(id, self, citedBy));
    return s.jobs().output("incident.ftlh", url + "index.html", page, traced(body, incident.source()));
  }

  /** "Read next": reads the views of the picks and the inverted lists of the write-up's own terms only. */
  private List<ReadNextView> readNext(String id, Own self, List<Citing> citedBy) {
    List<String> citing = citedBy.stream().map(c -> c.incident().id()).toList();
    List<ReadNext.Pick> picks = ReadNext.pick(id, ReadNext.Terms.of(self.incident()), citing, self.cites(),
        key -> Objects.requireNonNullElse(postings.get(key), List.of()), other -> views.get(other) != null);
    return picks.stream().map(p -> new ReadNextView(views.get(p.id()), p.reason())).toList();
  }

  /** Where in the library each URL a body puts on its page was written. */
  static Map<String, SourcePosition> traced(RenderedBody body, Incident.Source source) {
    if (body == null || body.sources().isEmpty()) return Map.of();
    Map<String, SourcePosition> traced = new HashMap<>();
    body.sources().forEach((u, at) -> traced.put(u, new SourcePosition(source.path(), source.bodyLine() + at.line() - 1, at.column())));
    return traced;
  }
}
