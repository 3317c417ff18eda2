package gov.qsmo.workflow.designation;

/**
 * What a designation's marketplace still offers, as the transition after a redesignation needs to know it (the old
 * QSMO's offerings are retired before the move is complete). Implemented by the marketplace module, which depends on
 * this one, never the other way round.
 */
public interface LiveOfferings {

  /** How many offerings of this designation's marketplace are not retired. */
  long countNotRetired(String designationId);
}
