package gov.qsmo.workflow.process;

import gov.qsmo.workflow.shared.AdvisoryLock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time build its process engine when several nodes start together on one
 * database. Building the engine creates or updates the engine's tables ({@code schema-update}): it
 * looks for them, then creates what is missing, so two nodes starting on an empty database both
 * find nothing and one of them fails on the other's tables and does not start. An advisory lock,
 * taken before the engine is configured and released once it is built, makes the second node wait
 * and then find the tables in place.
 */
@Component
class EngineStartupLock extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineStartupLock.class);

  /** An arbitrary key, the same on every node; not the one of the start-up set-up. */
  private static final long KEY = 0x51534d4f_454e4731L;

  private final AdvisoryLock locks;
  private AdvisoryLock.Held held;

  EngineStartupLock(AdvisoryLock locks) {
    this.locks = locks;
  }

  @Override
  public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
    held = locks.hold(KEY);
    if (held.waitedMillis() > 1000) {
      log.info("Waited {} ms for another node to build its process engine", held.waitedMillis());
    }
  }

  @Override
  public synchronized void postProcessEngineBuild(ProcessEngine processEngine) {
    if (held == null) {
      return;
    }
    try {
      held.close();
    } catch (DataAccessException e) {
      log.warn("Could not release the engine start-up lock cleanly: {}", e.getMessage());
    } finally {
      held = null;
    }
  }
}
