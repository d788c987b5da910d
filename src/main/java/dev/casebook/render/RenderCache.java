package dev.casebook.render;

import dev.casebook.config.SiteConfig;
import dev.casebook.memo.Derived;
import dev.casebook.memo.Input;
import dev.casebook.model.Incident;
import dev.casebook.render.view.IncidentView;
import dev.casebook.render.view.SiteView;
import java.util.List;
import java.util.Map;

/**
 * What the render stage keeps from one plan to the next, so that an edit costs in proportion to
 * what it changed: the theme's compiled templates; each write-up's view, made again only when the
 * write-up changed, and then kept as the same object when it came out equal (a body edit does not
 * change the write-up's view); the taxonomies, while no write-up's terms changed; the listing pages'
 * outputs, while their sources are equal; and the write-ups' pages. Belongs to one configuration
 * and one theme.
 */
public final class RenderCache {
  private final Input<String, Incident> writeUps = Input.byIdentity("write-ups");
  private final Input<String, Taxonomies.TermLinks> termLinks = Input.byValue("term links");
  private final Input<String, dev.casebook.history.LastChanges> lastChanges = Input.byIdentity("last changes");
  private final Derived<String, IncidentView> views = Derived.keepingEqual();
  private Theme theme;
  private TemplateEngine templates;
  private Taxonomies.Terms termsOf;
  /** Each write-up's terms, kept while it is the same object. */
  private final dev.casebook.memo.Memo<Incident, Taxonomies.Terms.WriteUp> writeUpTerms = dev.casebook.memo.Memo.byIdentity();
  private SiteView site;
  private Taxonomies taxonomies;
  private Listings.Sources listingsOf;
  private List<SitePlan.Output> listings;
  /** The write-ups' pages of the last plan, with what each one read. */
  /** The last plan's id list output, and the ids it was made from, in library order. */
  private List<String> idsInOrder = List.of();
  private SitePlan.Output idList;

  /** The id list of {@code incidents}: the last plan's output while the ids, in library order, are the same. */
  synchronized SitePlan.Output idList(List<Incident> incidents) {
    boolean same = idList != null && idsInOrder.size() == incidents.size();
    for (int n = 0; same && n < incidents.size(); n++) same = idsInOrder.get(n).equals(incidents.get(n).id());
    if (!same) {
      idsInOrder = incidents.stream().map(Incident::id).toList();
      idList = IncidentIdList.output(incidents);
    }
    return idList;
  }

  /** The write-ups' views as the pages read them: set once per plan, before the pages start. */
  final Input<String, IncidentView> pageViews = Input.byIdentity("write-up views");
  final IncidentPages incidentPages = new IncidentPages(pageViews);
  /** The design documents' pages of the last plan, with what each one read. */
  final DesignPages designPages = new DesignPages(pageViews);

  public static RenderCache none() {
    return new RenderCache();
  }

  synchronized TemplateEngine templates(Theme theme) {
    if (templates == null || this.theme != theme) {
      templates = new TemplateEngine(theme);
      this.theme = theme;
    }
    return templates;
  }

  /** The taxonomies of {@code incidents}: the last ones while the write-ups' ids, order and terms are equal. */
  synchronized Taxonomies taxonomies(SiteConfig config, List<Incident> incidents) {
    Taxonomies.Terms terms = Taxonomies.Terms.of(incidents, writeUpTerms);
    if (taxonomies == null || !terms.equals(termsOf)) taxonomies = new Taxonomies(config, terms);
    termsOf = terms;
    return taxonomies;
  }

  /** {@code site}, or the last plan's equal view (so that comparing pages finds it by identity). */
  SiteView site(SiteView site) {
    if (!site.equals(this.site)) this.site = site;
    return this.site;
  }

  /**
   * The views of {@code incidents}, by id: a view is made again when its write-up is a new object
   * or the URLs of the terms or the last changes changed, and a view made again equal to the last is the last object,
   * so that what compares views by identity sees no change.
   */
  Map<String, IncidentView> views(List<Incident> incidents, Taxonomies.TermLinks terms, dev.casebook.history.LastChanges changes,
      ViewFactory factory) {
    Map<String, Incident> byId = new java.util.LinkedHashMap<>(incidents.size() * 2);
    for (Incident i : incidents) byId.put(i.id(), i);
    synchronized (this) {
      writeUps.set(byId);
      termLinks.set(Map.of("", terms));
      lastChanges.set(Map.of("", changes));
      views.begin();
    }
    Map<String, IncidentView> out = new java.util.LinkedHashMap<>(incidents.size() * 2);
    for (Incident i : incidents) out.put(i.id(), views.get(i.id(), id -> factory.incident(writeUps.get(id), termLinks.get(""), lastChanges.get(""))));
    return out;
  }

  /** The listing outputs of {@code sources}: the last plan's when its sources were equal. */
  synchronized List<SitePlan.Output> listings(Listings.Sources sources) {
    if (!sources.equals(listingsOf)) {
      listings = Listings.of(sources);
      listingsOf = sources;
    }
    return listings;
  }
}
