package gov.qsmo.workflow.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ClassUtils;

/**
 * The periodic sending pass of {@link MailDispatcher} runs on Spring's scheduler.
 *
 * <p>Jakarta Mail 2.1 looks up its {@code StreamProvider} with a {@code ServiceLoader}, scanning the class path,
 * each time a body part is created or written (jakartaee/mail-api#861), unless a system property names the
 * implementation: measured with the benchmark, that lookup was half of the sending thread's CPU. The property
 * is set here to Angus Mail's provider (the implementation the mail starter brings), unless already set.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
  static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  static {
    if (System.getProperty(STREAM_PROVIDER) == null
        && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, NotificationConfiguration.class.getClassLoader())) {
      System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
    }
  }
}
