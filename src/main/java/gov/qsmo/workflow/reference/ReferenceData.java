package gov.qsmo.workflow.reference;

import gov.qsmo.workflow.shared.InvalidRequestException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agencies and functional areas: the lookups every other capability validates against. */
@Service
@Transactional(readOnly = true)
public class ReferenceData {

  private final AgencyRepository agencies;
  private final FunctionalAreaRepository areas;

  ReferenceData(AgencyRepository agencies, FunctionalAreaRepository areas) {
    this.agencies = agencies;
    this.areas = areas;
  }

  public List<Agency> agencies() {
    return agencies.findAll(Sort.by("code"));
  }

  public List<FunctionalArea> functionalAreas() {
    return areas.findAll(Sort.by("code"));
  }

  /** The agency with this code, or a 400-style error that lists the known codes. */
  public Agency requireAgency(String field, String code) {
    return agencies.findById(code).orElseThrow(() -> new InvalidRequestException(field,
        "Unknown agency '" + code + "'. Known agencies: " + codes(agencies().stream().map(Agency::getCode).toList())));
  }

  /** The functional area with this code, or a 400-style error that lists the known codes. */
  public FunctionalArea requireFunctionalArea(String field, String code) {
    return areas.findById(code).orElseThrow(() -> new InvalidRequestException(field,
        "Unknown functional area '" + code + "'. Known areas: "
            + codes(functionalAreas().stream().map(FunctionalArea::getCode).toList())));
  }

  private static String codes(List<String> codes) {
    return codes.stream().collect(Collectors.joining(", "));
  }
}
