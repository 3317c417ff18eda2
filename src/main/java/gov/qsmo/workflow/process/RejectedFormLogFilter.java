package gov.qsmo.workflow.process;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Marker;

/**
 * The engine logs every failed command at ERROR with a stack trace, including a form that the
 * server rejected because a person typed a bad value. Those are answered with 400 and a message;
 * they are not operational errors, so they go to DEBUG instead. Registered in logback-spring.xml.
 */
public class RejectedFormLogFilter extends TurboFilter {

  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable throwable) {
    if (level == Level.ERROR && ENGINE_CONTEXT_LOGGER.equals(logger.getName())
        && rejectedForm(throwable, params)) {
      if (logger.isDebugEnabled()) {
        logger.debug("Form rejected: {}", message(throwable, params));
      }
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  private static boolean rejectedForm(Throwable throwable, Object[] params) {
    if (throwable instanceof FormFieldValidationException) {
      return true;
    }
    if (params != null) {
      for (Object param : params) {
        if (param instanceof FormFieldValidationException) {
          return true;
        }
      }
    }
    return false;
  }

  private static String message(Throwable throwable, Object[] params) {
    if (throwable != null) {
      return throwable.getMessage();
    }
    for (Object param : params) {
      if (param instanceof Throwable t) {
        return t.getMessage();
      }
    }
    return "";
  }
}
