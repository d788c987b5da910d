package dev.casebook.render.view;

/**
 * The values one template sees, as a record: its components, and those of its {@link PageContext},
 * are the template's top-level names. A page is rendered again exactly when its template or
 * these values changed, so what a template may read is all in one typed value.
 */
public interface PageModel {
  PageContext context();
}
