package dev.casebook.render;

import dev.casebook.link.SitePaths;
import dev.casebook.model.ReadingPath;
import dev.casebook.render.view.DesignView;
import dev.casebook.render.view.IncidentView;
import dev.casebook.render.view.PathPlace;
import dev.casebook.render.view.PathStepView;
import dev.casebook.render.view.PathView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reading paths as pages see them: each path with its steps, and for each page that is a
 * step, where it stands in every path it is part of. Made from the views of the write-ups and
 * design documents, so a step shows what its page shows.
 */
final class ReadingPaths {
  /** The paths in the library's order, by slug. */
  final Map<String, PathView> paths = new LinkedHashMap<>();
  /** Each path's steps, by slug. */
  final Map<String, List<PathStepView>> steps = new HashMap<>();
  /** The places of each page in the paths, by the page's URL ({@code incidents/<id>/}, {@code design/<slug>/}). */
  private final Map<String, List<PathPlace>> places = new HashMap<>();

  ReadingPaths(List<ReadingPath> library, Map<String, IncidentView> incidents, Map<String, DesignView> designs) {
    for (ReadingPath path : library) {
      List<PathStepView> own = new ArrayList<>();
      for (ReadingPath.Step step : path.steps()) {
        PathStepView view = step(own.size() + 1, step, incidents, designs);
        if (view != null) own.add(view);
      }
      PathView view = new PathView(path.slug(), path.title(), SitePaths.path(path.slug()), path.audience(), own.size());
      paths.put(path.slug(), view);
      steps.put(path.slug(), List.copyOf(own));
      List<String> urls = own.stream().map(PathStepView::url).toList();
      for (int n = 0; n < own.size(); n++) {
        places.computeIfAbsent(own.get(n).url(), k -> new ArrayList<>()).add(new PathPlace(view.title(), view.url(), n + 1,
            own.size(), own.get(n).reason(), n > 0 ? link(own.get(n - 1)) : null, n + 1 < own.size() ? link(own.get(n + 1)) : null,
            path.slug(), urls));
      }
    }
  }

  private static PathStepView step(int number, ReadingPath.Step step, Map<String, IncidentView> incidents,
      Map<String, DesignView> designs) {
    if (step.kind() == ReadingPath.Kind.DESIGN) {
      DesignView d = designs.get(SitePaths.designKey(step.target()));
      if (d == null) return null;
      return new PathStepView(number, "design", d.url(), d.title(), "Design document", step.reason(), d.date(), d.dateLabel());
    }
    IncidentView i = incidents.get(step.target());
    if (i == null) return null;
    return new PathStepView(number, "write-up", i.url(), i.title(), i.id(), step.reason(), i.date(), i.dateLabel());
  }

  private static PathPlace.Step link(PathStepView step) {
    return new PathPlace.Step(step.title(), step.url());
  }

  /** Where the page at {@code url} stands in each path, in the paths' order; empty when it is in none. */
  List<PathPlace> placesOf(String url) {
    return List.copyOf(places.getOrDefault(url, List.of()));
  }

  List<PathView> all() {
    return List.copyOf(paths.values());
  }
}
