/**
 * Operating the server: health checks (MicroProfile Health: liveness, readiness, started), metrics
 * (MicroProfile Metrics, Prometheus text at {@code /metrics}) and traces (MicroProfile Telemetry,
 * off unless an exporter is configured).
 *
 * <p>Dependencies point one way: this package depends on what it reports on ({@code event}, {@code
 * webhook}, {@code outbound}), never the reverse. Those packages tell facts through CDI events
 * ({@link io.picolabs.twilio.webhook.WebhookAnswered}, {@link
 * io.picolabs.twilio.outbound.SendSettled}) and interfaces they own ({@link
 * io.picolabs.twilio.spi.RuleWatch}, {@link io.picolabs.twilio.spi.SendTrace}), which the beans
 * here observe and implement. In an application server without the MicroProfile features, these
 * beans cannot load and the container leaves them out; the rules work as before.
 *
 * <p>Internal to the library: rules use {@code io.picolabs.twilio.rules}; the public types here are
 * public for the library's other packages and the container, and may change.
 */
package io.picolabs.twilio.ops;
