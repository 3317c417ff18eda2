package gov.qsmo.workflow.notification;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications", description = "E-mail: your own setting; undeliverable messages (administrators)")
class NotificationController {

  /** A user's e-mail setting. */
  record EmailSetting(Boolean email) {
  }

  private static final int MAX_PAGE_SIZE = 200;

  private final NotificationPreferences preferences;
  private final Outbox outbox;

  NotificationController(NotificationPreferences preferences, Outbox outbox) {
    this.preferences = preferences;
    this.outbox = outbox;
  }

  @GetMapping("/api/me/notifications")
  @Operation(summary = "Whether you receive e-mail from qsmo-workflow")
  EmailSetting mine(Authentication authentication) {
    return new EmailSetting(preferences.emailEnabled(Caller.of(authentication).userId()));
  }

  @PutMapping("/api/me/notifications")
  @Operation(summary = "Switch e-mail from qsmo-workflow on or off for yourself: {\"email\": false} stops it")
  EmailSetting change(Authentication authentication, @RequestBody EmailSetting setting) {
    if (setting == null || setting.email() == null) {
      throw new InvalidRequestException("email", "Say whether you want e-mail: {\"email\": true} or {\"email\": false}.");
    }
    preferences.setEmailEnabled(Caller.of(authentication).userId(), setting.email());
    return new EmailSetting(setting.email());
  }

  @GetMapping("/api/notifications/undeliverable")
  @Operation(summary = "Messages that could not be delivered (no address, address refused, gave up), newest "
      + "first; administrators only")
  List<Outbox.Undeliverable> undeliverable(@RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0) {
      throw new InvalidRequestException("page", "The page number starts at 0.");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidRequestException("size", "The page size must be between 1 and " + MAX_PAGE_SIZE + ".");
    }
    return outbox.undeliverable(page, size);
  }
}
