package gov.qsmo.workflow.process;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads (and, for the scoring step's form values, replaces) what an engine command carries. Camunda's commands
 * keep their arguments in protected fields and offer no getters or setters; {@code SubmissionGuardTests} checks
 * that every field used here exists, so an engine upgrade that renames one fails the build instead of the guard.
 */
public final class EngineFields {

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private EngineFields() {
  }

  public static Object read(Object target, String name) {
    Field field = FIELDS.computeIfAbsent(target.getClass().getName() + "#" + name, key -> find(target.getClass(), name));
    try {
      return field.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + name + " of " + target.getClass().getName(), e);
    }
  }

  /** Replaces what a command carries in a field, before the command runs. */
  public static void write(Object target, String name, Object value) {
    Field field = FIELDS.computeIfAbsent(target.getClass().getName() + "#" + name, key -> find(target.getClass(), name));
    try {
      field.set(target, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot write " + name + " of " + target.getClass().getName(), e);
    }
  }

  static Field find(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new IllegalStateException(type.getName() + " has no field '" + name + "'");
  }
}
