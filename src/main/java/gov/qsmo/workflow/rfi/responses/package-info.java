/**
 * Step 2, the responses: intake while the RFI is open (late ones when the plan allows), their
 * attachments, and screening (on time, every topic answered) confirmed or overridden by the chair.
 */
package gov.qsmo.workflow.rfi.responses;
