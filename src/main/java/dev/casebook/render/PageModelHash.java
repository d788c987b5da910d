package dev.casebook.render;

import dev.casebook.render.view.PageModel;
import freemarker.template.ObjectWrapper;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link PageModel} as a template's top-level names: the record's components, then its
 * context's. Nothing else is reachable from the top level.
 */
final class PageModelHash implements TemplateHashModel {
  private static final ClassValue<Map<String, Method>> COMPONENTS = new ClassValue<>() {
    @Override
    protected Map<String, Method> computeValue(Class<?> type) {
      Map<String, Method> out = new LinkedHashMap<>();
      RecordComponent[] components = type.getRecordComponents();
      if (components == null) throw new IllegalArgumentException(type + " is not a record");
      for (RecordComponent c : components) out.put(c.getName(), c.getAccessor());
      return Map.copyOf(out);
    }
  };

  private final PageModel model;
  private final ObjectWrapper wrapper;

  PageModelHash(PageModel model, ObjectWrapper wrapper) {
    this.model = model;
    this.wrapper = wrapper;
  }

  @Override
  public TemplateModel get(String key) throws TemplateModelException {
    if (!key.equals("context")) {
      Method own = COMPONENTS.get(model.getClass()).get(key);
      if (own != null) return wrapper.wrap(value(own, model));
    }
    Method shared = COMPONENTS.get(model.context().getClass()).get(key);
    return shared == null ? null : wrapper.wrap(value(shared, model.context()));
  }

  private static Object value(Method accessor, Object record) throws TemplateModelException {
    try {
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new TemplateModelException("cannot read " + accessor.getName() + " of " + record.getClass().getSimpleName(), e);
    }
  }

  @Override
  public boolean isEmpty() {
    return false;
  }
}
