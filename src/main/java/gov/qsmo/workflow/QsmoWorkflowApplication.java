package gov.qsmo.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** qsmo-workflow: the designation lifecycle and RFI evaluation of the QSMO program on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QsmoWorkflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(QsmoWorkflowApplication.class, args);
  }
}
