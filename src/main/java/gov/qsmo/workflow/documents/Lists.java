package gov.qsmo.workflow.documents;

import java.util.ArrayList;
import java.util.List;

/** The report data's lists as the renderers read them: null is empty, null elements are left out. */
public final class Lists {

  private Lists() {
  }

  public static <T> List<T> present(List<T> items) {
    if (items == null || items.isEmpty()) {
      return List.of();
    }
    List<T> present = new ArrayList<>(items.size());
    for (T item : items) {
      if (item != null) {
        present.add(item);
      }
    }
    return present;
  }
}
