/**
 * Operating the server: health checks (MicroProfile Health: liveness, readiness, started), metrics
 * (MicroProfile Metrics, Prometheus text at {@code /metrics}) and traces (MicroProfile Telemetry,
 * off unless an exporter is configured).
 *
 * <p>Dependencies point one way: this package depends on what it reports on ({@code event}, {@code
 * webhook}, {@code outbound}), never the reverse. Those packages tell facts through CDI events
 * ({@link io.picolabs.twilio.webhook.WebhookAnswered}, {@link
 * io.picolabs.twilio.outbound.SendSettled}) and interfaces they own ({@link
 * io.picolabs.twilio.event.RuleWatch}, {@link io.picolabs.twilio.event.Handoff}), which the beans
 * here observe and implement. In an application server without the MicroProfile features, these
 * beans cannot load and the container leaves them out; the rules work as before.
 */
package io.picolabs.twilio.ops;
