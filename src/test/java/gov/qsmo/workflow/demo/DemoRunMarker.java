package gov.qsmo.workflow.demo;

import gov.qsmo.workflow.identity.AdminPasswordWaiver;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The demo run (application-demo.yaml) documents its administrator password (admin / admin). */
@Component
@ConditionalOnProperty(name = "qsmo.demo.enabled", havingValue = "true")
class DemoRunMarker implements AdminPasswordWaiver {
}
