package gov.qsmo.workflow.calendar;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.shared.ForbiddenException;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The business calendar for administrators: federal holidays, and closure days they add or remove. */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "Business calendar", description = "Federal holidays and office closures (administrators)")
class CalendarController {

  private final BusinessCalendar calendar;

  CalendarController(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  record HolidayView(LocalDate date, String name) {
  }

  record ClosureView(LocalDate date, String reason, String addedBy, Instant addedAt) {

    static ClosureView of(ClosureDay day) {
      return new ClosureView(day.getDay(), day.getReason(), day.getAddedBy(), day.getAddedAt());
    }
  }

  record ClosureRequest(LocalDate date, String reason) {
  }

  @GetMapping("/holidays")
  @Operation(summary = "The federal holidays observed in a year (5 U.S.C. 6103, observed-day rules)")
  List<HolidayView> holidays(@RequestParam(required = false) Integer year, Authentication caller) {
    requireAdmin(caller);
    return calendar.holidays(checkedYear(year)).stream().map(h -> new HolidayView(h.date(), h.name())).toList();
  }

  @GetMapping("/closures")
  @Operation(summary = "The days an administrator closed the offices, in one year (default: this year)")
  List<ClosureView> closures(@RequestParam(required = false) Integer year, Authentication caller) {
    requireAdmin(caller);
    return calendar.closures(checkedYear(year)).stream().map(ClosureView::of).toList();
  }

  @PostMapping("/closures")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Close the offices on a day (an unscheduled closure): no business day from now on",
      description = "A weekday that is neither a holiday nor closed already, today or later, with the reason. "
          + "Deadlines computed from now on skip it; 409 if the day is closed already.")
  ClosureView addClosure(@RequestBody ClosureRequest request, Authentication caller) {
    requireAdmin(caller);
    if (request == null || request.date() == null) {
      throw new InvalidRequestException("date", "Give the day of the closure (date, yyyy-mm-dd).");
    }
    if (request.reason() == null || request.reason().isBlank()) {
      throw new InvalidRequestException("reason", "Give the reason for the closure (reason).");
    }
    String reason = Inputs.checkedText("reason", "Reason", request.reason().trim(), 500);
    return ClosureView.of(calendar.addClosure(request.date(), reason, caller.getName()));
  }

  @DeleteMapping("/closures/{date}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Reopen a day an administrator closed")
  void removeClosure(@PathVariable String date, Authentication caller) {
    requireAdmin(caller);
    LocalDate day;
    try {
      day = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("date", "'" + Inputs.checkedText("date", "Date", date, 40)
          + "' is not a date; write it as yyyy-mm-dd.");
    }
    calendar.removeClosure(day);
  }

  private int checkedYear(Integer year) {
    if (year == null) {
      return calendar.today().getYear();
    }
    if (year < 2000 || year > 2100) {
      throw new InvalidRequestException("year", "Give a year from 2000 to 2100, not " + year + ".");
    }
    return year;
  }

  /** Spring Security admits only administrators to this path already; the check stays with the data it guards. */
  private static void requireAdmin(Authentication caller) {
    boolean admin = caller != null && caller.getAuthorities().stream()
        .anyMatch(a -> Roles.CAMUNDA_ADMIN.equals(a.getAuthority()));
    if (!admin) {
      throw new ForbiddenException("Only administrators (" + Roles.CAMUNDA_ADMIN + ") manage the business calendar.");
    }
  }
}
