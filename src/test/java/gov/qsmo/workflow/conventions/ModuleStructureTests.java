package gov.qsmo.workflow.conventions;

import gov.qsmo.workflow.QsmoWorkflowApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application's modules are its top-level packages (ADR 0015): no cycles between them, and a
 * module uses another only through that module's top-level package or its named interfaces.
 */
class ModuleStructureTests {

  private static final ApplicationModules MODULES = ApplicationModules.of(QsmoWorkflowApplication.class);

  @Test
  void modulesDependOnEachOtherOnlyThroughTheirApis() {
    MODULES.verify();
  }

  /** The component diagram and one canvas per module, in docs/modules/ (linked from the README). */
  @Test
  void writesTheModuleDocumentation() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
