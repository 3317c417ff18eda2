package gov.qsmo.workflow.identity;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The Camunda groups of qsmo-workflow. Group ids are stable: authorizations and BPMN refer to them. */
public final class Roles {

  public static final String OMB_ANALYSTS = "omb-analysts";
  public static final String OMB_DECIDERS = "omb-deciders";
  public static final String SSGB_MEMBERS = "ssgb-members";
  public static final String SSGB_CHAIRS = "ssgb-chairs";
  public static final String QSMO_DIRECTORS = "qsmo-directors";
  public static final String RFI_PANEL_CHAIRS = "rfi-panel-chairs";
  public static final String RFI_REVIEWERS = "rfi-reviewers";
  public static final String CONTRACTING_OFFICERS = "contracting-officers";
  /** Accounts of organizations that respond to RFIs through the API. */
  public static final String RFI_RESPONDENTS = "rfi-respondents";
  public static final String AUDITORS = "auditors";
  /** Agencies' points of contact for systems inventories (with their agency's {@code inventory-contacts-<code>}). */
  public static final String INVENTORY_CONTACTS = "inventory-contacts";
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** Every role group, in the order people meet them. */
  public static final List<String> ALL = List.of(OMB_ANALYSTS, OMB_DECIDERS, SSGB_MEMBERS, SSGB_CHAIRS,
      QSMO_DIRECTORS, RFI_PANEL_CHAIRS, RFI_REVIEWERS, CONTRACTING_OFFICERS, RFI_RESPONDENTS, INVENTORY_CONTACTS,
      AUDITORS, CAMUNDA_ADMIN);

  /** Groups whose members may read designations through the API. */
  /** Everyone who works for the government in the application: all but respondents' accounts (the marketplace). */
  public static final String[] FEDERAL_USERS = {OMB_ANALYSTS, OMB_DECIDERS, SSGB_MEMBERS, SSGB_CHAIRS, QSMO_DIRECTORS,
      RFI_PANEL_CHAIRS, RFI_REVIEWERS, CONTRACTING_OFFICERS, INVENTORY_CONTACTS, AUDITORS, CAMUNDA_ADMIN};
  public static final String[] DESIGNATION_READERS = {OMB_ANALYSTS, OMB_DECIDERS, SSGB_MEMBERS, SSGB_CHAIRS,
      QSMO_DIRECTORS, AUDITORS, CAMUNDA_ADMIN};

  /** Groups whose members use the RFI API; what each may see is decided per RFI. */
  public static final String[] RFI_USERS = {QSMO_DIRECTORS, CONTRACTING_OFFICERS, RFI_PANEL_CHAIRS, RFI_REVIEWERS,
      RFI_RESPONDENTS, AUDITORS, CAMUNDA_ADMIN};

  private Roles() {
  }

  /** Prefix of the agency groups ({@code agency-hhs}): whom a person works for, used for recusal. */
  public static final String AGENCY_GROUP_PREFIX = "agency-";

  /** The group of everyone who works for this agency, e.g. {@code agency-hhs}. */
  public static String agencyGroup(String agencyCode) {
    return AGENCY_GROUP_PREFIX + agencyCode.toLowerCase(Locale.ROOT);
  }

  /** The agency code of an agency group id, or null when it is none. */
  public static String agencyOfGroup(String groupId) {
    return groupId.startsWith(AGENCY_GROUP_PREFIX)
        ? groupId.substring(AGENCY_GROUP_PREFIX.length()).toUpperCase(Locale.ROOT) : null;
  }

  /** The group of one agency's QSMO directors, e.g. {@code qsmo-directors-hhs}: candidates for its plan tasks. */
  public static String directorsOf(String agencyCode) {
    return QSMO_DIRECTORS + "-" + agencyCode.toLowerCase(Locale.ROOT);
  }

  /** The agency codes whose inventory contact groups are among these groups (upper case). */
  public static Set<String> agenciesContacted(Collection<String> groups) {
    String prefix = INVENTORY_CONTACTS + "-";
    return groups.stream().filter(g -> g.startsWith(prefix))
        .map(g -> g.substring(prefix.length()).toUpperCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The group of one agency's points of contact for systems inventories, e.g. {@code inventory-contacts-dol}. */
  public static String inventoryContactsOf(String agencyCode) {
    return INVENTORY_CONTACTS + "-" + agencyCode.toLowerCase(Locale.ROOT);
  }

  /** Groups that read every designation; anyone else reads only the designations of agencies they direct. */
  public static final Set<String> READ_ALL_DESIGNATIONS = Set.of(OMB_ANALYSTS, OMB_DECIDERS, SSGB_MEMBERS,
      SSGB_CHAIRS, AUDITORS, CAMUNDA_ADMIN);

  /** Whether members of these groups read a designation of this agency (everything it holds: plans, conditions). */
  public static boolean readsDesignationOf(Collection<String> groups, String agencyCode) {
    return groups.stream().anyMatch(READ_ALL_DESIGNATIONS::contains) || agenciesDirected(groups).contains(agencyCode);
  }

  /** The agency codes whose QSMO director groups are among these groups (upper case). */
  public static Set<String> agenciesDirected(Collection<String> groups) {
    String prefix = QSMO_DIRECTORS + "-";
    return groups.stream().filter(g -> g.startsWith(prefix))
        .map(g -> g.substring(prefix.length()).toUpperCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }

  public static String displayName(String groupId) {
    return switch (groupId) {
      case OMB_ANALYSTS -> "OMB analysts";
      case OMB_DECIDERS -> "OMB deciders";
      case SSGB_MEMBERS -> "Governance board members";
      case SSGB_CHAIRS -> "Governance board chairs";
      case QSMO_DIRECTORS -> "QSMO directors";
      case RFI_PANEL_CHAIRS -> "RFI panel chairs";
      case RFI_REVIEWERS -> "RFI reviewers";
      case CONTRACTING_OFFICERS -> "Contracting officers";
      case RFI_RESPONDENTS -> "RFI respondents";
      case AUDITORS -> "Auditors (read-only)";
      case CAMUNDA_ADMIN -> "Administrators";
      default -> groupId;
    };
  }
}
