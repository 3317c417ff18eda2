package gov.qsmo.workflow.demo;

import gov.qsmo.workflow.identity.Roles;
import java.util.List;

/**
 * The demo run's accounts: at least one in every role. Each password equals the user id. They exist
 * only when the demo profile is active; the README lists them.
 */
public final class DemoUsers {

  public record DemoUser(String id, String firstName, String lastName, List<String> groups) {
  }

  public static final String OMB_ANALYST = "omb.analyst";
  public static final String OMB_DECIDER = "omb.decider";
  public static final String BOARD_CHAIR = "board.chair";
  public static final String BOARD_DHS = "board.dhs";
  public static final String DIRECTOR_GSA = "director.gsa";
  public static final String DIRECTOR_HHS = "director.hhs";
  public static final String REVIEWER_1 = "reviewer1";
  public static final String AUDITOR = "auditor";

  public static final List<DemoUser> ALL = List.of(
      new DemoUser(OMB_ANALYST, "Priya", "Raman (OMB analyst)", List.of(Roles.OMB_ANALYSTS)),
      new DemoUser(OMB_DECIDER, "Marcus", "Hale (OMB decider)", List.of(Roles.OMB_DECIDERS)),
      new DemoUser(BOARD_CHAIR, "Dana", "Whitfield (board chair, GSA)",
          List.of(Roles.SSGB_CHAIRS, Roles.SSGB_MEMBERS, Roles.agencyGroup("GSA"))),
      new DemoUser("board.dhs", "Luis", "Ortega (board member, DHS)", List.of(Roles.SSGB_MEMBERS, Roles.agencyGroup("DHS"))),
      new DemoUser("board.treas", "Grace", "Kim (board member, Treasury)", List.of(Roles.SSGB_MEMBERS, Roles.agencyGroup("TREAS"))),
      new DemoUser("board.opm", "Samuel", "Brooks (board member, OPM)", List.of(Roles.SSGB_MEMBERS, Roles.agencyGroup("OPM"))),
      new DemoUser("board.hhs", "Aisha", "Bello (board member, HHS)", List.of(Roles.SSGB_MEMBERS, Roles.agencyGroup("HHS"))),
      new DemoUser("director.dhs", "Renee", "Castillo (QSMO director, DHS)",
          List.of(Roles.QSMO_DIRECTORS, Roles.directorsOf("DHS"), Roles.agencyGroup("DHS"))),
      new DemoUser("director.treas", "Owen", "Fischer (QSMO director, Treasury)",
          List.of(Roles.QSMO_DIRECTORS, Roles.directorsOf("TREAS"), Roles.agencyGroup("TREAS"))),
      new DemoUser(DIRECTOR_GSA, "Nadia", "Petrov (QSMO director, GSA)",
          List.of(Roles.QSMO_DIRECTORS, Roles.directorsOf("GSA"), Roles.agencyGroup("GSA"))),
      new DemoUser("director.opm", "Julian", "Reyes (QSMO director, OPM)",
          List.of(Roles.QSMO_DIRECTORS, Roles.directorsOf("OPM"), Roles.agencyGroup("OPM"))),
      new DemoUser(DIRECTOR_HHS, "Hannah", "Lee (QSMO director, HHS)",
          List.of(Roles.QSMO_DIRECTORS, Roles.directorsOf("HHS"), Roles.agencyGroup("HHS"))),
      new DemoUser("panel.chair", "Victor", "Nguyen (RFI panel chair)", List.of(Roles.RFI_PANEL_CHAIRS)),
      new DemoUser(REVIEWER_1, "Amara", "Okafor (RFI reviewer)", List.of(Roles.RFI_REVIEWERS)),
      new DemoUser("reviewer2", "Ben", "Carter (RFI reviewer)", List.of(Roles.RFI_REVIEWERS)),
      new DemoUser("reviewer3", "Chen", "Wu (RFI reviewer)", List.of(Roles.RFI_REVIEWERS)),
      new DemoUser("reviewer4", "Dora", "Silva (RFI reviewer)", List.of(Roles.RFI_REVIEWERS)),
      new DemoUser("contracting.officer", "Ethan", "Moore (contracting officer)", List.of(Roles.CONTRACTING_OFFICERS)),
      new DemoUser("respondent.acme", "Grace", "Liu (respondent, Acme Grants Cloud)", List.of(Roles.RFI_RESPONDENTS)),
      new DemoUser("respondent.civic", "Tom", "Avery (respondent, CivicGrants)", List.of(Roles.RFI_RESPONDENTS)),
      new DemoUser("contact.dol", "Rosa", "Delgado (systems inventory contact, Labor)",
          List.of(Roles.INVENTORY_CONTACTS, Roles.inventoryContactsOf("DOL"), Roles.agencyGroup("DOL"))),
      new DemoUser("contact.ed", "Kwame", "Mensah (systems inventory contact, Education)",
          List.of(Roles.INVENTORY_CONTACTS, Roles.inventoryContactsOf("ED"), Roles.agencyGroup("ED"))),
      new DemoUser("contact.doi", "Hannah", "Price (systems inventory contact, Interior)",
          List.of(Roles.INVENTORY_CONTACTS, Roles.inventoryContactsOf("DOI"), Roles.agencyGroup("DOI"))),
      new DemoUser(AUDITOR, "Fatima", "Haddad (auditor, read-only)", List.of(Roles.AUDITORS)));

  private DemoUsers() {
  }
}
