package gov.qsmo.workflow.notification;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Starts a sending pass on a thread of its own shortly after a step that wrote messages has committed
 * ({@code qsmo.notification.send-delay}), so that mail goes out within a moment without the committing thread
 * ever waiting for the mail server. Wake-ups while a pass is queued fold into it; the periodic pass catches
 * anything else.
 */
@Component
class MailSenderWake implements Runnable {

  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "qsmo-mail-sender");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicBoolean queued = new AtomicBoolean();
  private final long delayMillis;
  private volatile Runnable pass;

  MailSenderWake(NotificationProperties properties) {
    this.delayMillis = properties.sendDelay().toMillis();
  }

  void onWake(Runnable pass) {
    this.pass = pass;
  }

  @Override
  public void run() {
    Runnable target = pass;
    if (target == null || !queued.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(() -> {
        // Wake-ups during the delay fold into this pass: the messages of that moment share one connection.
        if (delayMillis > 0) {
          try {
            Thread.sleep(delayMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queued.set(false);
            return;
          }
        }
        queued.set(false);
        target.run();
      });
    } catch (RejectedExecutionException shuttingDown) {
      queued.set(false);
    }
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
