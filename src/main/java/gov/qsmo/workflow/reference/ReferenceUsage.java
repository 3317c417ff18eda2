package gov.qsmo.workflow.reference;

import java.util.List;

/**
 * What a process module tells the reference data about its own use of agencies and functional areas:
 * the live records that name a code (so that a code in use cannot be retired), and the selects of its
 * forms that offer the agencies or areas (so that they always offer the current ones). Each process
 * module declares one as a bean; the reference data knows no process itself.
 */
public interface ReferenceUsage {

  /** Ids of at most {@code limit} live records (not ended) that name this agency or area. */
  List<String> liveRecordsNaming(ReferenceKind kind, String code, int limit);

  /** How many live records name this agency or area in all. */
  long countLiveRecordsNaming(ReferenceKind kind, String code);

  /** The selects of this module's start forms that offer agencies or areas. */
  List<ReferenceSelect> selects();

  /** A select field of a process's start form that offers the active agencies or areas. */
  record ReferenceSelect(String processKey, String formId, String field, ReferenceKind offers) {
  }
}
