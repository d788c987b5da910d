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
  /** The write-ups the taxonomies were last asked for, in library order. */
  private List<Incident> taxonomiesOf = List.of();
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
    if (taxonomies != null && sameTerms(incidents)) {
      taxonomiesOf = incidents;
      return taxonomies;
    }
    Taxonomies.Terms terms = Taxonomies.Terms.of(incidents, writeUpTerms);
    taxonomiesOf = incidents;
    if (taxonomies == null || !terms.equals(termsOf)) taxonomies = new Taxonomies(config, terms);
    termsOf = terms;
    return taxonomies;
  }

  /**
   * Whether {@code incidents} have the ids, order and terms of the write-ups the taxonomies were
   * last made from, visiting only the write-ups that are new objects.
   */
  private boolean sameTerms(List<Incident> incidents) {
    if (!sameIds(taxonomiesOf, incidents)) return false;
    List<Taxonomies.Terms.WriteUp> before = termsOf.writeUps();
    for (int n = 0, size = incidents.size(); n < size; n++) {
      Incident now = incidents.get(n);
      if (now != taxonomiesOf.get(n) && !Taxonomies.Terms.WriteUp.of(now).equals(before.get(n))) return false;
    }
    return true;
  }

  /** {@code site}, or the last plan's equal view (so that comparing pages finds it by identity). */
  SiteView site(SiteView site) {
    if (!site.equals(this.site)) this.site = site;
    return this.site;
  }

  /**
   * The write-ups' views of one plan: by id in library order, and as a list in the same order. The
   * same object as the last plan's while every view is.
   */
  record Views(Map<String, IncidentView> byId, List<IncidentView> all) {}

  /** The last plan's views, and what they were made from: the write-ups in library order, the term links, the last changes. */
  private Views lastViews;
  private List<Incident> viewsOf = List.of();
  private Taxonomies.TermLinks viewsTerms;
  private dev.casebook.history.LastChanges viewsChanges;

  /**
   * The views of {@code incidents}: a view is made again when its write-up is a new object or the
   * URLs of the terms or the last changes changed, and a view made again equal to the last is the
   * last object, so that what compares views by identity sees no change. While the write-ups' ids
   * and order, the term links and the last changes are those of the last plan, only the write-ups
   * that are new objects are visited (an edit makes one or a few); otherwise every view is looked up.
   */
  Views views(List<Incident> incidents, Taxonomies.TermLinks terms, dev.casebook.history.LastChanges changes,
      ViewFactory factory) {
    synchronized (this) {
      if (lastViews != null && changes == viewsChanges && terms.equals(viewsTerms) && sameIds(viewsOf, incidents)) {
        Views next = replaced(lastViews, incidents, terms, changes, factory);
        viewsOf = incidents;
        viewsTerms = terms;
        lastViews = next;
        return next;
      }
    }
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
    Views made = new Views(java.util.Collections.unmodifiableMap(out), List.copyOf(out.values()));
    synchronized (this) {
      if (lastViews != null && made.all().equals(lastViews.all())) made = lastViews;
      lastViews = made;
      viewsOf = incidents;
      viewsTerms = terms;
      viewsChanges = changes;
    }
    return made;
  }

  /** Whether {@code a} and {@code b} hold write-ups of the same ids in the same order. */
  private static boolean sameIds(List<Incident> a, List<Incident> b) {
    if (a.size() != b.size()) return false;
    for (int n = 0, size = b.size(); n < size; n++) {
      Incident x = a.get(n);
      Incident y = b.get(n);
      if (x != y && !x.id().equals(y.id())) return false;
    }
    return true;
  }

  /**
   * {@code last} with the views of the write-ups of {@code incidents} that are not the objects
   * {@link #viewsOf} holds at their place made again; {@code last} itself when every view made again
   * is equal to its last one.
   */
  private Views replaced(Views last, List<Incident> incidents, Taxonomies.TermLinks terms,
      dev.casebook.history.LastChanges changes, ViewFactory factory) {
    Map<Integer, IncidentView> made = new java.util.TreeMap<>();
    for (int n = 0, size = incidents.size(); n < size; n++) {
      Incident now = incidents.get(n);
      if (now == viewsOf.get(n)) continue;
      IncidentView view = factory.incident(now, terms, changes);
      if (!view.equals(last.all().get(n))) made.put(n, view);
    }
    if (made.isEmpty()) return last;
    IncidentView[] all = last.all().toArray(new IncidentView[0]);
    made.forEach((n, view) -> all[n] = view);
    List<IncidentView> list = List.of(all);
    ByPlace before = ByPlace.of(last);
    return new Views(new ByPlace(before.ids, list, before.places), list);
  }

  /** Views by id, read from their list through each id's place in it: iterates in the list's order. */
  private static final class ByPlace extends java.util.AbstractMap<String, IncidentView> {
    private final List<String> ids;
    private final List<IncidentView> views;
    private final Map<String, Integer> places;

    ByPlace(List<String> ids, List<IncidentView> views, Map<String, Integer> places) {
      this.ids = ids;
      this.views = views;
      this.places = places;
    }

    /** {@code views} read by place (the places of its ids made once, when they are not known yet). */
    static ByPlace of(Views views) {
      if (views.byId() instanceof ByPlace byPlace) return byPlace;
      List<String> ids = List.copyOf(views.byId().keySet());
      Map<String, Integer> places = new java.util.HashMap<>(ids.size() * 2);
      for (int n = 0; n < ids.size(); n++) places.put(ids.get(n), n);
      return new ByPlace(ids, views.all(), places);
    }

    @Override
    public IncidentView get(Object id) {
      Integer n = places.get(id);
      return n == null ? null : views.get(n);
    }

    @Override
    public boolean containsKey(Object id) {
      return places.containsKey(id);
    }

    @Override
    public int size() {
      return views.size();
    }

    @Override
    public java.util.Set<Map.Entry<String, IncidentView>> entrySet() {
      return new java.util.AbstractSet<>() {
        @Override
        public java.util.Iterator<Map.Entry<String, IncidentView>> iterator() {
          return new java.util.Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < ids.size();
            }

            @Override
            public Map.Entry<String, IncidentView> next() {
              if (next >= ids.size()) throw new java.util.NoSuchElementException();
              int n = next++;
              return Map.entry(ids.get(n), views.get(n));
            }
          };
        }

        @Override
        public int size() {
          return views.size();
        }
      };
    }
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
