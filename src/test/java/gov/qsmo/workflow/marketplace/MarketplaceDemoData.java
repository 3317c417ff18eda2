package gov.qsmo.workflow.marketplace;

import gov.qsmo.workflow.demo.DemoUsers;
import gov.qsmo.workflow.designation.ServiceOffering.ProviderType;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.shared.AdvisoryLock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's marketplace: the cybersecurity QSMO's (DHS, DSG-2020-0001) and the financial management QSMO's
 * (Treasury, DSG-2020-0002) offerings, of each status, added by their directors. Created once, when the catalog
 * is empty.
 */
@Component
@ConditionalOnProperty(name = "qsmo.demo.enabled", havingValue = "true")
public class MarketplaceDemoData {

  private static final Logger log = LoggerFactory.getLogger(MarketplaceDemoData.class);

  public static final String CYBER = "DSG-2020-0001";
  public static final String FM = "DSG-2020-0002";

  private final MarketplaceService marketplace;
  private final MarketplaceCatalog catalog;
  private final AdvisoryLock startupLock;

  MarketplaceDemoData(MarketplaceService marketplace, MarketplaceCatalog catalog, AdvisoryLock startupLock) {
    this.marketplace = marketplace;
    this.catalog = catalog;
    this.startupLock = startupLock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(6)
  public void onReady() {
    startupLock.runExclusively(() -> {
      if (catalog.page(new MarketplaceCatalog.Filter(null, null, null, null, null, null), 0, 1).total() == 0) {
        create();
      }
    });
  }

  void create() {
    Caller dhs = caller("director.dhs");
    Caller treasury = caller("director.treas");
    add(CYBER, dhs, "Protective DNS resolver", "Blocks known malicious domains for agency networks.",
        ProviderType.FEDERAL, "CISA", "Interagency agreement", Offering.Status.AVAILABLE, Set.of("ED", "DOL", "DOI"));
    add(CYBER, dhs, "Vulnerability disclosure platform", "Receives and triages reports of vulnerabilities.",
        ProviderType.COMMERCIAL, "Schedule vendors", "GSA MAS special item number", Offering.Status.AVAILABLE,
        Set.of("HUD", "SBA"));
    add(CYBER, dhs, "Security operations center as a service", "24x7 monitoring for small agencies.",
        ProviderType.COMMERCIAL, "To be competed", null, Offering.Status.PLANNED, Set.of());
    add(CYBER, dhs, "Legacy vulnerability scanning", "Replaced by continuous diagnostics and mitigation.",
        ProviderType.COMMERCIAL, "Scanning vendor", "Blanket purchase agreement (expired)", Offering.Status.RETIRED,
        Set.of());
    add(FM, treasury, "Core financial system hosting", "Hosted core financial systems with operations support.",
        ProviderType.FEDERAL, "Treasury Administrative Resource Center (ARC)", "Interagency agreement",
        Offering.Status.AVAILABLE, Set.of("DOT", "HUD", "NSF"));
    add(FM, treasury, "Commercial core financial system (SaaS)", "Cloud financial systems for federal agencies.",
        ProviderType.COMMERCIAL, "Schedule vendors", null, Offering.Status.PLANNED, Set.of());
    log.info("Demo marketplace created: offerings of the cybersecurity and financial management QSMOs at /marketplace/");
  }

  private void add(String designation, Caller director, String name, String description, ProviderType type,
      String provider, String vehicle, Offering.Status status, Set<String> customers) {
    marketplace.add(designation, new OfferingInput(name, description, type, provider, vehicle, status, customers),
        director);
  }

  private static Caller caller(String user) {
    return new Caller(user, Set.copyOf(DemoUsers.ALL.stream().filter(u -> u.id().equals(user)).findFirst()
        .orElseThrow().groups()));
  }
}
