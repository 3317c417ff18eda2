package gov.qsmo.workflow.designation;

/**
 * What a designation's marketplace offers, as the transition after a redesignation needs to know it (the old QSMO's
 * offerings are retired before the move is complete) and as an assessment records it. Implemented by the marketplace module, which depends on
 * this one, never the other way round.
 */
public interface LiveOfferings {

  /** How many offerings of this designation's marketplace are not retired. */
  long countNotRetired(String designationId);

  /** How many offerings of this designation's marketplace are in each status (PLANNED, AVAILABLE, RETIRED). */
  java.util.Map<String, Long> countByStatus(String designationId);
}
