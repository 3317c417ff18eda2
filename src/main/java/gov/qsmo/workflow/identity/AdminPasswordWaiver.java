package gov.qsmo.workflow.identity;

/**
 * Lets the administrator use a short, documented password. Only the demo's own code declares a bean of
 * this type, and that code lives in test scope, never in the packaged application (PackagedJarIT): no
 * configuration property can lift the password check in a production jar.
 */
public interface AdminPasswordWaiver {
}
