package gov.qsmo.workflow.reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Reference data", description = "Agencies and functional areas")
class ReferenceController {

  private final ReferenceData referenceData;

  ReferenceController(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  record AgencyView(String code, String name, String shortName) {
  }

  record FunctionalAreaView(String code, String name, String description, String leadAgencyCode) {
  }

  @GetMapping("/agencies")
  @Operation(summary = "List agencies")
  List<AgencyView> agencies() {
    return referenceData.agencies().stream()
        .map(a -> new AgencyView(a.getCode(), a.getName(), a.getShortName()))
        .toList();
  }

  @GetMapping("/functional-areas")
  @Operation(summary = "List functional areas")
  List<FunctionalAreaView> functionalAreas() {
    return referenceData.functionalAreas().stream()
        .map(f -> new FunctionalAreaView(f.getCode(), f.getName(), f.getDescription(), f.getLeadAgencyCode()))
        .toList();
  }
}
