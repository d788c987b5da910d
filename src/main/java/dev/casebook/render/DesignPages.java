package dev.casebook.render;

import dev.casebook.link.SitePaths;
import dev.casebook.markdown.RenderedBody;
import dev.casebook.memo.Derived;
import dev.casebook.memo.Input;
import dev.casebook.model.DesignDoc;
import dev.casebook.render.view.DesignPage;
import dev.casebook.render.view.DesignView;
import dev.casebook.render.view.IncidentView;
import dev.casebook.render.view.PageContext;
import dev.casebook.render.view.PathPlace;
import dev.casebook.render.view.SiteView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The design documents' pages, each made from the plan's inputs alone and kept from one plan to the
 * next while none of the inputs it read changed: a write-up's edit re-plans only the design pages
 * that cite it and show what changed of it (its title, say), not every design page.
 */
final class DesignPages {
  /** What every design page shares. */
  record Settings(SiteView site, String baseUrl, String readershipEndpoint, PageJobs jobs) {}

  /**
   * What a design page shows of its document and of nothing else: the write-ups it cites are read
   * through their views.
   *
   * @param cites the ids of the write-ups it cites, in the order it cites them
   * @param paths where it stands in the reading paths it is a step of
   */
  record Own(DesignDoc doc, RenderedBody body, List<String> cites, List<PathPlace> paths) {}

  private static final String ALL = "";

  private final Input<String, Settings> settings = Input.byValue("design page settings");
  private final Input<String, Own> own = Input.byValue("design documents");
  /** The write-ups' views, which the plan sets before it starts this (shared with the write-ups' pages). */
  private final Input<String, IncidentView> views;
  private final Input<String, DesignView> designs = Input.byValue("design views");
  private final Derived<String, SitePlan.Output> pages = Derived.of();

  DesignPages(Input<String, IncidentView> views) {
    this.views = views;
  }

  /**
   * The values of one plan's inputs (the views are set on their input by the plan).
   *
   * @param docs the design documents, in library order
   * @param bodies their linked bodies, by slug
   * @param cites the ids of the write-ups a document cites, by its key ({@link SitePaths#designKey})
   * @param designs the documents' views, by key
   * @param pathsOf where the page at a URL stands in the reading paths
   */
  record Sources(Settings settings, List<DesignDoc> docs, Map<String, RenderedBody> bodies,
      Function<String, List<String>> cites, Map<String, DesignView> designs, Function<String, List<PathPlace>> pathsOf) {}

  /** Starts a plan with these inputs. */
  synchronized void start(Sources s) {
    settings.set(Map.of(ALL, s.settings()));
    Map<String, Own> byKey = new HashMap<>(s.docs().size() * 2);
    for (DesignDoc d : s.docs()) {
      String key = SitePaths.designKey(d.slug());
      byKey.put(key, new Own(d, s.bodies().get(d.slug()), s.cites().apply(key),
          s.pathsOf().apply(SitePaths.design(d.slug()))));
    }
    own.set(byKey);
    designs.set(s.designs());
    pages.begin();
  }

  /** The page of the design document with {@code slug}. */
  SitePlan.Output page(String slug) {
    return pages.get(SitePaths.designKey(slug), this::make);
  }

  /** Makes a page, reading only inputs. */
  private SitePlan.Output make(String key) {
    Settings s = settings.get(ALL);
    Own self = own.get(key);
    DesignDoc d = self.doc();
    String url = SitePaths.design(d.slug());
    List<IncidentView> cites = self.cites().stream().map(views::get).filter(Objects::nonNull).toList();
    PageContext context = PageContext.of(s.site(), s.baseUrl(), s.readershipEndpoint(), "design", d.title(), "", url);
    return s.jobs().output("design.ftlh", url + "index.html",
        new DesignPage(context, designs.get(key), ViewFactory.content(self.body()), cites, self.paths()),
        IncidentPages.traced(self.body(), d.source()));
  }
}
