package dev.casebook.render;

import dev.casebook.config.SiteConfig;
import dev.casebook.memo.Memo;
import dev.casebook.model.Incident;
import dev.casebook.render.view.IncidentView;
import dev.casebook.render.view.SiteView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the render stage keeps from one plan to the next, so that an edit costs in proportion to
 * what it changed: the theme's compiled templates; each write-up's view, made again only when the
 * write-up changed, and then kept as the same object when it came out equal (a body edit does not
 * change the write-up's view); the taxonomies, while no write-up's terms changed; and the listing
 * pages' outputs, while the views, taxonomies, citations and design documents they are made of are
 * the same objects. Belongs to one configuration and one theme.
 */
public final class RenderCache {
  private final Memo<Incident, IncidentView> views = Memo.byIdentity();
  private Map<String, IncidentView> viewsById = new HashMap<>();
  private Map<String, IncidentView> nextViewsById = new HashMap<>();
  private List<Map<String, String>> slugs;
  private Theme theme;
  private TemplateEngine templates;
  private List<Incident> termsOf;
  private SiteView site;
  private Taxonomies taxonomies;
  private ListingsKey listingsKey;
  private List<SitePlan.Output> listings;
  /** The write-ups' pages of the last plan, with what each one read. */
  final IncidentPages incidentPages = new IncidentPages();

  /** What the listing pages are made of, compared by identity where the parts are kept objects. */
  record ListingsKey(List<IncidentView> views, Taxonomies taxonomies, Object citations, Object code, Object designs,
      Object readership, Object site, Object paths) {
    boolean same(ListingsKey o) {
      if (o == null || o.views.size() != views.size()) return false;
      for (int i = 0; i < views.size(); i++) if (views.get(i) != o.views.get(i)) return false;
      return taxonomies == o.taxonomies && citations == o.citations && code == o.code && designs.equals(o.designs)
          && readership == o.readership && site.equals(o.site) && paths.equals(o.paths);
    }
  }

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

  /** The taxonomies of {@code incidents}: the last ones while every write-up has the same id and terms. */
  Taxonomies taxonomies(SiteConfig config, List<Incident> incidents) {
    if (taxonomies == null || !sameTerms(termsOf, incidents)) taxonomies = new Taxonomies(config, incidents);
    termsOf = List.copyOf(incidents);
    return taxonomies;
  }

  private static boolean sameTerms(List<Incident> before, List<Incident> now) {
    if (before == null || before.size() != now.size()) return false;
    for (int n = 0; n < now.size(); n++) {
      Incident a = before.get(n);
      Incident b = now.get(n);
      if (a != b && !(a.id().equals(b.id()) && a.owner().equals(b.owner()) && a.teams().equals(b.teams())
          && a.services().equals(b.services()) && a.tags().equals(b.tags()) && a.date().getYear() == b.date().getYear())) {
        return false;
      }
    }
    return true;
  }

  /** {@code site}, or the last plan's equal view (so that comparing pages finds it by identity). */
  SiteView site(SiteView site) {
    if (!site.equals(this.site)) this.site = site;
    return this.site;
  }

  void begin(List<Map<String, String>> termSlugs) {
    if (slugs != null && !slugs.equals(termSlugs)) {
      views.clear();
      viewsById = new HashMap<>();
    }
    slugs = List.copyOf(termSlugs.stream().map(Map::copyOf).toList());
    views.begin();
    nextViewsById = new HashMap<>();
  }

  /** The view of {@code incident}: the last one when it is equal, so unchanged views stay the same objects. */
  IncidentView view(Incident incident, ViewFactory factory) {
    IncidentView view = views.get(incident, factory::incident);
    IncidentView last = viewsById.get(incident.id());
    if (last != null && last != view && last.equals(view)) view = last;
    nextViewsById.put(incident.id(), view);
    return view;
  }

  /** Ends a plan: its views are the ones the next plan compares with. */
  void viewsDone() {
    viewsById = nextViewsById;
  }

  /** The listing outputs of the last plan when {@code key} is the same as its key, else null. */
  List<SitePlan.Output> listings(ListingsKey key) {
    return key.same(listingsKey) ? listings : null;
  }

  void listings(ListingsKey key, List<SitePlan.Output> outputs) {
    listingsKey = key;
    listings = List.copyOf(outputs);
  }
}
