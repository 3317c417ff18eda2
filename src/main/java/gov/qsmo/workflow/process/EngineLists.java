package gov.qsmo.workflow.process;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine configuration's lists of custom parts (command interceptors, parse listeners, session factories),
 * which stay null until a plugin sets one: each plugin adds its part to what the plugins before it set.
 */
public final class EngineLists {

  private EngineLists() {
  }

  /** A new list of the existing parts (none if null) and the added one, last. */
  public static <T> List<T> with(List<T> existing, T added) {
    List<T> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    all.add(added);
    return all;
  }
}
